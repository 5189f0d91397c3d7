"""The vocabulary the demo story is written in: openings and the dated steps that happen to them.

Days count from today (-3 is three days ago, 5 is in five days), so the demo always looks current.
Times are local clock times ("14:00"): in the searcher's own zone, or the interview's zone for interviews.
Employers' steps (their emails, replies, interviews) fall on working days; the searcher's on any day.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from bounceback.domain.coaching import ReminderStatus
from bounceback.domain.due import DueKind
from bounceback.domain.mail import MailLabel
from bounceback.domain.model import ContactRole, InterviewKind, Source, WorkMode
from bounceback.domain.stages import Stage


@dataclass(frozen=True)
class Person:
    """Someone met along the way; `company` empty means the company of the application."""

    name: str
    email: str
    title: str
    company: str = ""


@dataclass(frozen=True)
class Move:
    """The application changes stage (a reply, an offer, a rejection, a withdrawal)."""

    day: int
    stage: Stage
    reason: str = ""
    at: str = "15:00"


@dataclass(frozen=True)
class Meet:
    """An interview arranged on `day` for day `on` at `at` in `zone`; each but a screening is a round.
    `interviewers` are the people met (a thank-you names them), `agenda` what the conversation covers."""

    day: int
    on: int
    at: str
    zone: str
    interviewers: str = ""
    agenda: str = ""
    kind: InterviewKind = InterviewKind.VIDEO
    minutes: int = 60
    location: str = ""
    screening: bool = False
    arranged_at: str = "11:00"


@dataclass(frozen=True)
class Note:
    """Something the searcher wrote down."""

    day: int
    text: str
    at: str = "19:30"


@dataclass(frozen=True)
class Link:
    """A person becomes part of the application in a role."""

    day: int
    person: Person
    role: ContactRole
    at: str = "12:00"


@dataclass(frozen=True)
class Mail:
    """An email reaches the searcher's inbox; the real mail reader decides what it means and what it changes.
    `means` is what a person reading it would say; `waits` marks one meant to wait in `mail review`."""

    day: int
    sender: Person
    subject: str
    body: str
    means: MailLabel
    at: str = "10:30"
    waits: bool = False


@dataclass(frozen=True)
class Day:
    """A date inside an answer, counted from today like every day of the story."""

    offset: int


@dataclass(frozen=True)
class Bounce:
    """A bounce-back session, answered step by step (answers keyed by step, then by question). A step left
    out is skipped; with `stop_before`, the searcher leaves the session there, to pick it up later."""

    day: int
    answers: Mapping[str, Mapping[str, object]] = field(default_factory=dict)
    stop_before: str = ""
    at: str = "21:00"


@dataclass(frozen=True)
class Heard:
    """What came of a request for feedback: their words, or None for silence."""

    day: int
    answer: str | None
    at: str = "18:00"


@dataclass(frozen=True)
class Answer:
    """The searcher answers a reminder of this application on the due list."""

    day: int
    kind: DueKind
    status: ReminderStatus = ReminderStatus.DONE
    snooze_days: int = 0
    at: str = "18:30"


@dataclass(frozen=True)
class Expect:
    """The employer said they would answer by day `by`."""

    day: int
    by: int
    at: str = "16:00"


Step = Move | Meet | Note | Link | Mail | Bounce | Heard | Answer | Expect
# What comes from the employer (and so falls on a working day): their emails, and the stage changes they make.
EMPLOYER_MOVES = frozenset({Stage.SCREENING, Stage.INTERVIEWING, Stage.OFFER, Stage.REJECTED})


@dataclass(frozen=True)
class Salary:
    """A yearly range in one currency."""

    low: int
    high: int
    currency: str


@dataclass(frozen=True)
class Opening:
    """One application of the story: the posting, when it was saved and sent, and what happened next."""

    company: str
    role: str
    location: str
    mode: WorkMode
    source: Source
    salary: Salary
    excitement: int
    saved: int
    applied: int | None = None
    tags: tuple[str, ...] = ()
    notes: str = ""
    dream: bool = False
    deadline: int | None = None
    steps: tuple[Step, ...] = ()
    by_mail: bool = False  # never saved by hand: its acknowledgment email opens it


@dataclass(frozen=True)
class CheckIn:
    """A weekly check-in: the five WHO-5 answers (0–5, or none), the mood (0–10) and a line about the week."""

    day: int
    mood: int
    who5: tuple[int, ...] = ()
    note: str = ""
    at: str = "20:00"


@dataclass(frozen=True)
class Searcher:
    """Whose search the demo tells."""

    name: str
    about: str
    zone: str
    email: str
