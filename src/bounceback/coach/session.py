"""Running a bounce-back session: start or resume it, show a step, take its answers, store what they mean,
and move on. One submitted step is one change, so leaving mid-way keeps every finished step."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from bounceback.coach.effects import EffectWriter
from bounceback.coach.facts import SessionFacts, build_facts
from bounceback.coach.prompts import Block, Prompt, parse_answers
from bounceback.coach.step import text
from bounceback.coach.steps import BY_KEY, DONE, STEP_KEYS, next_key
from bounceback.dates import now_utc
from bounceback.domain.coaching import BounceSession
from bounceback.domain.errors import InvalidInput, NotFound
from bounceback.domain.model import Application, EventKind
from bounceback.domain.stages import Stage
from bounceback.storage.schema import bounce_sessions
from bounceback.tracker import Tracker

SKIPPED = {"skipped": True}


@dataclass(frozen=True)
class StepView:
    """One step as a front end shows it: where it is in the session, what to show and what to ask."""

    key: str
    number: int
    total: int
    title: str
    intro: list[Block]
    prompts: list[Prompt]


class BounceRunner:
    """One bounce-back session on one rejected application, inside the caller's transaction."""

    def __init__(self, tracker: Tracker, app: Application, bounce: BounceSession, now: datetime) -> None:
        self.tracker, self.app, self.bounce, self.now = tracker, app, bounce, now

    @classmethod
    def open(
        cls, tracker: Tracker, name: str, *, session_id: int | None = None, now: datetime | None = None
    ) -> BounceRunner:
        """The session for an application: the one given, else the unfinished one, else a new one."""
        now = now or now_utc()
        app = tracker.find(name)
        if app.stage is not Stage.REJECTED:
            raise InvalidInput(
                f"{app.slug} is {app.stage.value}, not rejected; this session is for after a no "
                f"(`bounceback close {app.slug} rejected` records one)."
            )
        bounce = _by_id(tracker, app, session_id) if session_id else _unfinished(tracker, app)
        if bounce is None:
            bounce = BounceSession(app.id or 0, now, STEP_KEYS[0], owner_id=tracker.owner_id)
            tracker.session.add(bounce)
            tracker.session.flush()
        return cls(tracker, app, bounce, now)

    @property
    def session_id(self) -> int:
        """The stored session's id."""
        return self.bounce.id or 0

    @property
    def step_key(self) -> str:
        """The step the session is at (DONE once finished)."""
        if self.bounce.step in STEP_KEYS or self.bounce.step == DONE:
            return self.bounce.step
        return next((k for k in STEP_KEYS if k not in self.bounce.answers), DONE)

    @property
    def finished(self) -> bool:
        """True once the last step was answered or skipped."""
        return self.step_key == DONE

    @property
    def resumed(self) -> bool:
        """True when earlier steps were already answered in another run."""
        return bool(self.bounce.answers)

    def facts(self) -> SessionFacts:
        """What the steps know right now."""
        return build_facts(self.tracker, self.app, self.bounce, self.now)

    def view(self) -> StepView:
        """The current step, ready to show."""
        key = self._require_open()
        step, facts = BY_KEY[key], self.facts()
        return StepView(
            key, STEP_KEYS.index(key) + 1, len(STEP_KEYS), step.title, step.intro(facts), step.prompts(facts)
        )

    def submit(self, key: str, raw: Mapping[str, Any] | None) -> list[Block]:
        """Answer (or, with None, skip) the current step; returns what to show after it."""
        current = self._require_open()
        if key != current:
            raise InvalidInput(f"This session is at the step “{current}”, not “{key}”.")
        step, facts = BY_KEY[key], self.facts()
        if raw is None:
            stored: dict[str, Any] = dict(SKIPPED)
            after = [text("Skipped.")]
        else:
            stored = parse_answers(step.prompts(facts), dict(raw), where=f"The step “{key}”")
            result = step.apply(facts, stored)
            EffectWriter(self.tracker, self.app, self.bounce, self.now).apply(result.effects)
            after = result.after
        self.bounce.answers = {**self.bounce.answers, key: stored}
        self.bounce.step = next_key(key)
        if self.bounce.step == DONE:
            after.append(self._finish())
        self.tracker.session.flush()
        return after

    def _finish(self) -> Block:
        """Close the session and put it on the timeline."""
        self.bounce.finished_at = self.now
        summary = "Bounce-back session done"
        self.tracker.record(self.app, EventKind.NOTE, self.now, summary, details={"coach": "session_done"})
        return text("That is the session done. It is on the timeline, with your plan.")

    def _require_open(self) -> str:
        key = self.step_key
        if key == DONE:
            raise InvalidInput(f"The bounce-back session for {self.app.slug} is already finished.")
        return key


def _unfinished(tracker: Tracker, app: Application) -> BounceSession | None:
    """The latest session on this application that was left before its end."""
    query = (
        select(BounceSession)
        .where(bounce_sessions.c.application_id == app.id, bounce_sessions.c.finished_at.is_(None))
        .order_by(bounce_sessions.c.started_at.desc(), bounce_sessions.c.id.desc())
    )
    return tracker.session.scalars(query).first()


def _by_id(tracker: Tracker, app: Application, session_id: int) -> BounceSession:
    """A session by id, only when it belongs to this application."""
    found = tracker.session.get(BounceSession, session_id)
    if found is None or found.application_id != app.id:
        raise NotFound(f"There is no bounce-back session {session_id} for {app.slug}.")
    return found
