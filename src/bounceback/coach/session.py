"""Running a bounce-back session: start or resume it, show a step, take its answers, store what they mean,
and move on. One submitted step is one change, so leaving mid-way keeps every finished step."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from bounceback.coach.effects import EffectWriter
from bounceback.coach.facts import SessionFacts, build_facts
from bounceback.coach.prompts import Block, Prompt, PromptKind, parse_answers
from bounceback.coach.step import text
from bounceback.coach.steps import (
    ALL_KEYS,
    BY_KEY,
    DONE,
    PATHS,
    SessionPath,
    keys_of,
    next_key,
    path_of,
)
from bounceback.coach.steps_short import short_path_end
from bounceback.dates import now_utc
from bounceback.domain.actions import Action, ActionKind
from bounceback.domain.coaching import BounceSession
from bounceback.domain.errors import InvalidInput, NotFound
from bounceback.domain.model import Application, EventKind
from bounceback.domain.stages import Stage
from bounceback.workspace import ReadModel
from bounceback.workspace.change import Change

SKIPPED = {"skipped": True}


@dataclass(frozen=True)
class StepView:
    """One part as a front end shows it: where it is in the session, what to show and what to ask. `title` is
    its heading, which names the step of the method it belongs to; `parts` heads every part of its path."""

    key: str
    number: int
    total: int
    title: str
    intro: list[Block]
    prompts: list[Prompt]
    path: SessionPath = SessionPath.FULL
    parts: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReviewPart:
    """One part of a finished session as it was answered: its heading and one line per answer."""

    title: str
    lines: list[str]
    skipped: bool = False


class BounceRunner:
    """One bounce-back session on one rejected application, inside the caller's change."""

    def __init__(self, change: Change, app: Application, bounce: BounceSession, now: datetime) -> None:
        self.change, self.app, self.bounce, self.now = change, app, bounce, now

    @classmethod
    def open(
        cls,
        change: Change,
        name: str,
        *,
        session_id: int | None = None,
        path: SessionPath = SessionPath.FULL,
        start_new: bool = False,
        now: datetime | None = None,
    ) -> BounceRunner:
        """The session for an application: the one given, else the unfinished one, else a new one on `path`.
        When the last one was finished, a new one starts only when asked for (`start_new`): a session that
        is done is said so, never silently begun again."""
        now = now or now_utc()
        app = change.tracker.find(name)
        if app.stage is not Stage.REJECTED:
            raise InvalidInput(
                f"{app.slug} is {app.stage.value}, not rejected; this session is for after a no.",
                key="session_not_rejected",
                actions=[Action(ActionKind.CLOSE, app.slug, app.id or 0, outcome=Stage.REJECTED)],
                slug=app.slug,
                stage=app.stage.value,
            )
        bounce = _by_id(change, app, session_id) if session_id else _unfinished(change, app)
        if bounce is None:
            if not start_new and change.read.finished_sessions(app.id or 0):
                company = change.tracker.company_of(app).name
                raise InvalidInput(
                    f"The bounce-back session for {company} ({app.role}) is done. "
                    "You can look back at it, or start a new one.",
                    key="session_done",
                    slug=app.slug,
                )
            bounce = change.store.add(BounceSession(app.id or 0, now, keys_of(path)[0]))
            change.store.flush()
        return cls(change, app, bounce, now)

    @property
    def session_id(self) -> int:
        """The stored session's id."""
        return self.bounce.id or 0

    @property
    def path(self) -> SessionPath:
        """The path this session is on."""
        return path_of([self.bounce.step, *self.bounce.answers])

    @property
    def step_key(self) -> str:
        """The part the session is at (DONE once finished)."""
        if self.bounce.step in ALL_KEYS or self.bounce.step == DONE:
            return self.bounce.step
        return next((k for k in keys_of(self.path) if k not in self.bounce.answers), DONE)

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
        return build_facts(self.change, self.app, self.bounce, self.now)

    def view(self) -> StepView:
        """The current step, ready to show."""
        key = self._require_open()
        step, facts, keys = BY_KEY[key], self.facts(), keys_of(self.path)
        parts = tuple(s.heading for s in PATHS[self.path])
        return StepView(
            key,
            keys.index(key) + 1,
            len(keys),
            step.heading,
            step.intro(facts),
            step.prompts(facts),
            self.path,
            parts,
        )

    def review(self) -> list[ReviewPart]:
        """The session's answers, part by part, in the words of its questions (choices by their labels)."""
        facts = replace(self.facts(), feedback_asked=None)  # so the feedback question shows as it was asked
        parts = []
        for step in PATHS[self.path]:
            answers = self.bounce.answers.get(step.key)
            prompts = step.prompts(facts)
            if not isinstance(answers, dict) or not prompts:
                continue
            if answers.get("skipped"):
                parts.append(ReviewPart(step.heading, [], skipped=True))
                continue
            lines = [
                f"{prompt.label} {_answer_words(prompt, answers[prompt.key])}"
                for prompt in prompts
                if prompt.key in answers
            ]
            parts.append(ReviewPart(step.heading, lines))
        return parts

    def submit(self, key: str, raw: Mapping[str, Any] | None) -> list[Block]:
        """Answer (or, with None, skip) the current step; returns what to show after it."""
        current = self._require_open()
        if key != current:
            raise InvalidInput(
                f"This session is at “{BY_KEY[current].heading}” now; that answer was for another part."
            )
        step, facts = BY_KEY[key], self.facts()
        if raw is None:
            stored: dict[str, Any] = dict(SKIPPED)
            after = [text("Skipped.")]
        else:
            stored = parse_answers(step.prompts(facts), dict(raw), where=f"The step “{key}”")
            result = step.apply(facts, stored)
            EffectWriter(self.change, self.app, self.bounce, self.now).apply(result.effects)
            after = result.after
        self.bounce.answers = {**self.bounce.answers, key: stored}
        self.bounce.step = next_key(key)
        if self.bounce.step == DONE:
            after.append(self._finish())
        self.change.store.flush()
        return after

    def _finish(self) -> Block:
        """Close the session and put it on the timeline."""
        self.bounce.finished_at = self.now
        summary = "Bounce-back session done"
        self.change.tracker.record(
            self.app, EventKind.NOTE, self.now, summary, details={"coach": "session_done"}
        )
        done = "That is the session done. It is on the timeline, with your plan."
        if self.path is SessionPath.SHORT:
            more = short_path_end(self.facts())
            return text(f"{done} {more.text}", *more.actions)
        return text(done)

    def _require_open(self) -> str:
        key = self.step_key
        if key == DONE:
            raise InvalidInput(f"The bounce-back session for {self.app.slug} is already finished.")
        return key


@dataclass(frozen=True)
class PastSession:
    """A finished session on an application, to offer for review."""

    id: int
    started_at: datetime
    finished_at: datetime
    path: SessionPath


def finished_sessions(read: ReadModel, app_id: int) -> list[PastSession]:
    """The sessions on an application that were done to the end, oldest first."""
    return [
        PastSession(s.id or 0, s.started_at, s.finished_at, path_of([s.step, *s.answers]))
        for s in read.bounce_sessions()
        if s.application_id == app_id and s.finished_at is not None
    ]


def _answer_words(prompt: Prompt, value: Any) -> str:
    """A stored answer as the person would read it back."""
    labels = {c.value: c.label for c in prompt.choices}
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        items = [p["name"] if isinstance(p, dict) else labels.get(str(p), str(p)) for p in value]
        return "; ".join(items)
    if prompt.kind is PromptKind.NUMBER and prompt.high == 100:
        return f"{value} %"
    return labels.get(str(value), str(value))


def _unfinished(change: Change, app: Application) -> BounceSession | None:
    """The latest session on this application that was left before its end (the read model's one query)."""
    found = change.read.unfinished_session(app.id or 0)
    return change.store.get(BounceSession, found.id) if found else None


def _by_id(change: Change, app: Application, session_id: int) -> BounceSession:
    """A session by id, only when it belongs to this application."""
    found = change.store.get(BounceSession, session_id)
    if found is None or found.application_id != app.id:
        raise NotFound(f"There is no bounce-back session {session_id} for {app.slug}.")
    return found
