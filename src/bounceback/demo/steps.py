"""The vocabulary the demo story is written in: openings and the dated steps that happen to them.

Days count from today (-3 is three days ago, 5 is in five days), so the demo always looks current.
Times are local clock times ("14:00"): in the searcher's own zone, or the interview's zone for interviews.
"""

from __future__ import annotations

from dataclasses import dataclass

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
    """An interview arranged on `day` for day `on` at `at` in `zone`; each but a screening is a round."""

    day: int
    on: int
    at: str
    zone: str
    interviewers: str = ""
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


Step = Move | Meet | Note | Link


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


@dataclass(frozen=True)
class Searcher:
    """Whose search the demo tells."""

    name: str
    about: str
    zone: str
