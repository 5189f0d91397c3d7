"""Records of the after-rejection work and the search around it: sessions, check-ins, lessons, questions,
feedback requests, goals and the person's answers to reminders. Plain data; the rules live beside it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from bounceback.domain.model import LOCAL_OWNER


class LessonKind(StrEnum):
    """What an interview left behind."""

    PRACTISED = "practised"
    LEARNED = "learned"
    FEEDBACK = "feedback"
    DRAWBACK = "drawback"


class QuestionKind(StrEnum):
    """A question worth keeping: one that was hard to answer, or one to ask an interviewer."""

    HARD = "hard"
    TO_ASK = "to_ask"


class FeedbackOutcome(StrEnum):
    """What came of asking for feedback."""

    PENDING = "pending"
    ANSWERED = "answered"
    NO_ANSWER = "no_answer"


class ReminderStatus(StrEnum):
    """What the person did with a reminder."""

    DONE = "done"
    SNOOZED = "snoozed"
    DISMISSED = "dismissed"


@dataclass(eq=False)
class BounceSession:
    """One guided session after a rejection; `answers` holds each step's answers so it can be resumed."""

    application_id: int
    started_at: datetime
    step: str = "checkin"
    finished_at: datetime | None = None
    mood_before: int | None = None
    mood_after: int | None = None
    self_worth_pct: int | None = None
    answers: dict[str, object] = field(default_factory=dict)
    id: int | None = None
    owner_id: int = LOCAL_OWNER


@dataclass(eq=False)
class CheckIn:
    """A weekly well-being check-in: WHO-5 items (0–5 each) and the single mood item (0–10)."""

    at: datetime
    mood: int | None = None
    who5: list[int] = field(default_factory=list)
    note: str = ""
    id: int | None = None
    owner_id: int = LOCAL_OWNER


@dataclass(eq=False)
class Lesson:
    """Something practised, learned, heard as feedback, or a drawback of the lost job."""

    kind: LessonKind
    text: str
    created_at: datetime
    application_id: int | None = None
    id: int | None = None
    owner_id: int = LOCAL_OWNER


@dataclass(eq=False)
class Question:
    """A question for the personal bank."""

    kind: QuestionKind
    text: str
    created_at: datetime
    application_id: int | None = None
    notes: str = ""
    id: int | None = None
    owner_id: int = LOCAL_OWNER


@dataclass(eq=False)
class FeedbackRequest:
    """Asking an interviewer for feedback, and what came of it."""

    application_id: int
    requested_at: datetime
    contact_id: int | None = None
    outcome: FeedbackOutcome = FeedbackOutcome.PENDING
    answer: str = ""
    answered_at: datetime | None = None
    id: int | None = None
    owner_id: int = LOCAL_OWNER


@dataclass(eq=False)
class Goal:
    """A yearly rejection goal: each rejection is a sign of trying."""

    year: int
    rejections: int
    id: int | None = None
    owner_id: int = LOCAL_OWNER


@dataclass(eq=False)
class ReminderState:
    """The person's answer to one reminder. Reminders themselves are derived from the search (see due.py);
    only done / snoozed / dismissed is stored, under the reminder's stable key."""

    key: str
    status: ReminderStatus
    updated_at: datetime
    snoozed_until: datetime | None = None
    id: int | None = None
    owner_id: int = LOCAL_OWNER
