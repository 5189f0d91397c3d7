"""What a step asks to store, as plain records, and the one place that stores them (in the step's change)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from bounceback.dates import now_utc
from bounceback.domain import rules
from bounceback.domain.coaching import (
    BounceSession,
    Goal,
    Lesson,
    LessonKind,
    Question,
    QuestionKind,
)
from bounceback.domain.model import Application, ContactRole, EventKind
from bounceback.workspace.change import Change


class MoodMoment(StrEnum):
    """Whether a mood answer opens or closes the session."""

    BEFORE = "before"
    AFTER = "after"


@dataclass(frozen=True)
class SetMood:
    """The mood item, at the start or the end of the session."""

    moment: MoodMoment
    value: int


@dataclass(frozen=True)
class SetSelfWorth:
    """How much of their worth the person rests on this decision, 0–100 %."""

    percent: int


@dataclass(frozen=True)
class AddLesson:
    """Something practised, learned, or a drawback of the job."""

    kind: LessonKind
    text: str


@dataclass(frozen=True)
class AddQuestion:
    """A hard question, for the personal question bank."""

    text: str


@dataclass(frozen=True)
class MeetPerson:
    """Someone met in the process, to keep in touch with from `reconnect_on`."""

    name: str
    email: str
    title: str
    reconnect_on: date


@dataclass(frozen=True)
class SetGoal:
    """The yearly rejection goal."""

    year: int
    rejections: int


@dataclass(frozen=True)
class OnTimeline:
    """An entry on the application's timeline."""

    summary: str
    details: dict[str, Any] = field(default_factory=dict)


Effect = SetMood | SetSelfWorth | AddLesson | AddQuestion | MeetPerson | SetGoal | OnTimeline


class EffectWriter:
    """Stores a step's effects for one application and session, inside the caller's transaction."""

    def __init__(self, change: Change, app: Application, bounce: BounceSession, now: datetime) -> None:
        self.change, self.app, self.bounce, self.now = change, app, bounce, now
        self.tracker = change.tracker

    def apply(self, effects: list[Effect]) -> None:
        """Store each effect in order."""
        for effect in effects:
            self._one(effect)

    def _one(self, effect: Effect) -> None:
        store, app_id = self.change.store, self.app.id
        match effect:
            case SetMood(MoodMoment.BEFORE, value):
                self.bounce.mood_before = value
            case SetMood(MoodMoment.AFTER, value):
                self.bounce.mood_after = value
            case SetSelfWorth(percent):
                self.bounce.self_worth_pct = percent
            case AddLesson(kind, text):
                store.add(Lesson(kind, text, self.now, application_id=app_id))
            case AddQuestion(text):
                store.add(Question(QuestionKind.HARD, text, self.now, app_id))
            case MeetPerson():
                self._meet(effect)
            case SetGoal(year, rejections):
                set_goal(self.change, year, rejections)
            case OnTimeline(summary, details):
                self.tracker.record(self.app, EventKind.NOTE, self.now, summary, details=details)

    def _meet(self, person: MeetPerson) -> None:
        """Keep the person as a contact of this application, with a reconnect date on the timeline."""
        company = self.tracker.company_of(self.app).name
        extra = {k: v for k, v in (("email", person.email), ("title", person.title)) if v}
        contact = self.tracker.add_contact(person.name, company=company, **extra)
        self.tracker.link(self.app, contact, ContactRole.INTERVIEWER, when=self.now)
        self.tracker.record(
            self.app,
            EventKind.CONTACT,
            self.now,
            f"Reconnect with {contact.name} around {person.reconnect_on.isoformat()}",
            details={"reconnect_on": person.reconnect_on.isoformat(), "contact_id": contact.id},
        )


def set_goal(change: Change, year: int, rejections: int) -> Goal:
    """Set (or change) the rejection goal for a year (the one place goals are written: the rule book checks it)."""
    rules.check_goal(year, rejections, now_utc().date())
    goal = change.store.first(Goal, year=year)
    if goal is None:
        goal = change.store.add(Goal(year, rejections))
    else:
        goal.rejections = rejections
    change.store.flush()
    return goal
