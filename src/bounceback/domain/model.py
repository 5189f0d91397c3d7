"""Plain records of a job search. Storage maps these same classes to tables; nothing here does I/O."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from bounceback.domain.stages import Stage

LOCAL_OWNER = 1  # the single local user; a server keeps many owners in one database


class WorkMode(StrEnum):
    """Where the work happens."""

    REMOTE = "remote"
    HYBRID = "hybrid"
    ONSITE = "onsite"


class Source(StrEnum):
    """How the person found the opening; rates by source compare these."""

    JOB_BOARD = "job_board"
    REFERRAL = "referral"
    COMPANY_SITE = "company_site"
    RECRUITER = "recruiter"
    LINKEDIN = "linkedin"
    NETWORKING = "networking"
    EMAIL = "email"
    OTHER = "other"


class ContactRole(StrEnum):
    """What a person is to an application."""

    RECRUITER = "recruiter"
    INTERVIEWER = "interviewer"
    HIRING_MANAGER = "hiring_manager"
    REFERRER = "referrer"
    OTHER = "other"


class InterviewKind(StrEnum):
    """How an interview is held."""

    PHONE = "phone"
    VIDEO = "video"
    ONSITE = "onsite"


class EventKind(StrEnum):
    """What happened on an application's timeline."""

    CREATED = "created"
    STAGE = "stage"
    EDITED = "edited"
    NOTE = "note"
    INTERVIEW = "interview"
    CONTACT = "contact"
    EMAIL = "email"
    IMPORTED = "imported"


class Origin(StrEnum):
    """Where a change came from, so the person can always see why something moved."""

    MANUAL = "manual"
    IMPORT = "import"
    EMAIL = "email"
    DEMO = "demo"


# Fields a person may set on an application with `add` or `edit` (and that CSV export writes).
EDITABLE: tuple[str, ...] = (
    "role",
    "location",
    "work_mode",
    "source",
    "url",
    "salary_min",
    "salary_max",
    "salary_currency",
    "saved_on",
    "applied_on",
    "deadline",
    "excitement",
    "dream_job",
    "tags",
    "notes",
)


@dataclass(eq=False)
class Person:
    """Someone whose search this is: the one local person, or one of many on a server."""

    name: str
    created_at: datetime | None = None
    id: int | None = None


@dataclass(eq=False)
class Company:
    """An employer."""

    name: str
    domains: list[str] = field(default_factory=list)
    notes: str = ""
    id: int | None = None
    owner_id: int = LOCAL_OWNER


@dataclass(eq=False)
class Application:
    """One opening the person is pursuing, with where it stands."""

    company_id: int
    role: str
    slug: str = ""
    location: str = ""
    work_mode: WorkMode | None = None
    source: Source | None = None
    url: str = ""
    salary_min: int | None = None
    salary_max: int | None = None
    salary_currency: str = ""
    saved_on: date | None = None
    applied_on: date | None = None
    deadline: date | None = None
    excitement: int | None = None
    dream_job: bool = False
    tags: list[str] = field(default_factory=list)
    notes: str = ""
    stage: Stage = Stage.SAVED
    furthest_stage: Stage = Stage.SAVED
    closed_from: Stage | None = None
    close_reason: str = ""
    interview_rounds: int = 0
    created_at: datetime | None = None
    updated_at: datetime | None = None
    last_activity_at: datetime | None = None
    closed_at: datetime | None = None
    id: int | None = None
    owner_id: int = LOCAL_OWNER

    @property
    def is_active(self) -> bool:
        """Still open: not yet closed with an outcome."""
        return self.stage.is_progress


@dataclass(eq=False)
class Contact:
    """A person met along the way: recruiter, interviewer, hiring manager, referrer."""

    name: str
    email: str = ""
    phone: str = ""
    linkedin_url: str = ""
    title: str = ""
    company_id: int | None = None
    notes: str = ""
    id: int | None = None
    owner_id: int = LOCAL_OWNER


@dataclass(eq=False)
class ApplicationContact:
    """A contact's part in one application."""

    application_id: int
    contact_id: int
    role: ContactRole = ContactRole.OTHER
    id: int | None = None
    owner_id: int = LOCAL_OWNER


@dataclass(eq=False)
class Interview:
    """A scheduled conversation; stored in UTC with the interview's own time zone for display."""

    application_id: int
    starts_at: datetime
    timezone: str = "UTC"
    round: int = 1
    kind: InterviewKind = InterviewKind.VIDEO
    duration_minutes: int = 60
    location: str = ""
    interviewers: str = ""
    notes: str = ""
    id: int | None = None
    owner_id: int = LOCAL_OWNER


@dataclass(eq=False)
class Event:
    """One entry on an application's timeline: what happened, when, from where and why."""

    application_id: int
    kind: EventKind
    occurred_at: datetime
    summary: str
    origin: Origin = Origin.MANUAL
    cause: str = ""
    from_stage: Stage | None = None
    to_stage: Stage | None = None
    details: dict[str, object] = field(default_factory=dict)
    id: int | None = None
    owner_id: int = LOCAL_OWNER


@dataclass(slots=True)
class ApplicationCard:
    """An application as the board shows it: what its card draws and every field `ApplicationFilter.matches`
    reads, so the board filters with the same rule as the list, without building whole applications."""

    id: int
    slug: str
    role: str
    company: str
    stage: Stage
    location: str
    notes: str
    tags: list[str]
    dream_job: bool
    excitement: int | None
    updated_at: datetime | None
    interview_rounds: int

    @property
    def is_active(self) -> bool:
        """Still open."""
        return self.stage.is_progress
