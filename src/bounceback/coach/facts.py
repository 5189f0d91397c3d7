"""A plain snapshot of what a bounce-back session knows, built fresh for each step from the database."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bounceback.coach.history import forward_steps, level_outcomes, load_history, rejections
from bounceback.domain.coaching import BounceSession
from bounceback.domain.model import Application, ContactRole, Interview
from bounceback.domain.outreach import has_conversation
from bounceback.domain.perspective import Level, current_streak, level_of
from bounceback.domain.recovery import BounceBack, Pipeline, bounce_backs, pipeline, rejections_in_year
from bounceback.domain.stages import Stage
from bounceback.domain.wellbeing import Reading
from bounceback.workspace.change import Change


@dataclass(frozen=True)
class Person:
    """Someone the person met in this process."""

    id: int
    name: str
    email: str
    role: str


@dataclass(frozen=True)
class SessionFacts:
    """What the steps read: the rejected application, its people, the search around it, and earlier answers."""

    now: datetime
    app_id: int
    slug: str
    company: str
    role: str
    level: Level
    closed_at: datetime
    conversation: bool
    people: tuple[Person, ...]
    streak: int
    pipeline: Pipeline
    backs: tuple[BounceBack, ...]
    rejections_this_year: int
    goal: int | None
    readings: tuple[Reading, ...]
    feedback_asked: datetime | None = None
    close_reason: str = ""  # what the person typed when they closed the application
    answers: Mapping[str, Any] = field(default_factory=dict)

    @property
    def this_back(self) -> BounceBack | None:
        """The bounce-back from this rejection (the latest no on this application)."""
        mine = [b for b in self.backs if b.rejection.application_id == self.app_id]
        return mine[-1] if mine else None

    @property
    def past_backs(self) -> list[BounceBack]:
        """Bounce-backs from other rejections, oldest first."""
        return [b for b in self.backs if b.rejection.application_id != self.app_id]

    def earlier(self, step: str, key: str) -> Any:
        """An answer given in an earlier step of this session, or None."""
        answers = self.answers.get(step)
        return answers.get(key) if isinstance(answers, dict) else None


def had_conversation(app: Application, roles: list[ContactRole], interviews: list[Interview]) -> bool:
    """Whether someone at the employer spoke with the person: the due list's rule, and a screening call too."""
    return app.furthest_stage is Stage.SCREENING or has_conversation(app.furthest_stage, interviews, roles)


def build_facts(change: Change, app: Application, bounce: BounceSession, now: datetime) -> SessionFacts:
    """Read the search and measure it for this session's application."""
    tracker, read = change.tracker, change.read
    apps = tracker.applications()
    history = load_history(read, apps)
    level = level_of(app.closed_from or app.furthest_stage)
    links = tracker.people_of(app)
    linked = {c.id: Person(c.id or 0, c.name, c.email, r.value) for c, r in reversed(links)}
    people = tuple(sorted(linked.values(), key=lambda p: p.name))
    closed_at = app.closed_at or now
    # The run of noes up to and including this one: a step past this level taken since then (an application
    # moved on, or one added already further along) does not make this no count for nothing.
    outcomes = [o for o in level_outcomes(apps, history.events, level) if o.at <= closed_at]
    noes = rejections(apps, history.events)
    goal = read.goal(now.year)
    requests = read.feedback_requests(app.id or 0)
    asked = max(requests, key=lambda r: r.requested_at) if requests else None
    return SessionFacts(
        now=now,
        app_id=app.id or 0,
        slug=app.slug,
        company=tracker.company_of(app).name,
        role=app.role,
        level=level,
        closed_at=closed_at,
        conversation=had_conversation(app, [r for _, r in links], tracker.interviews(app)),
        people=people,
        streak=current_streak(outcomes),
        pipeline=pipeline(apps, now.date()),
        backs=tuple(bounce_backs(noes, forward_steps(apps, history.events))),
        rejections_this_year=rejections_in_year(noes, now.year),
        goal=goal.rejections if goal else None,
        readings=tuple(history.readings),
        feedback_asked=asked.requested_at if asked else None,
        answers=dict(bounce.answers),
        close_reason=app.close_reason.strip(),
    )
