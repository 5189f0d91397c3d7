"""People of a server (career-services office): their roles, what a seeker shares with an advisor, and the
plain records the server's door hands out. No I/O here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any


class Role(StrEnum):
    """What a person of the server may do."""

    SEEKER = "seeker"  # their own search: everything local mode does
    ADVISOR = "advisor"  # the seekers who share with them
    ADMIN = "admin"  # people and cohorts; no seeker's content unless shared with them too


class Sharing(StrEnum):
    """How much of a search a seeker shares with one advisor."""

    NOTHING = "nothing"  # the default
    SUMMARY = "summary"  # stages, counts, dates, bounce-back time; no notes, no mail, no free writing
    FULL = "full"  # the whole search, but never the free writing of a bounce session


SHARING_WORDS = {
    Sharing.NOTHING: "nothing",
    Sharing.SUMMARY: "a summary (stages, counts, dates, bounce-back time)",
    Sharing.FULL: "the whole search (but never what you write in a bounce-back session)",
}


@dataclass(frozen=True)
class Account:
    """One person who can log in."""

    user_id: int
    email: str
    role: Role
    active: bool
    name: str = ""
    cohort: str = ""
    created_at: datetime | None = None


@dataclass(frozen=True)
class Grant:
    """What one seeker shares with one advisor."""

    seeker_id: int
    advisor_id: int
    sharing: Sharing
    seeker_email: str = ""
    advisor_email: str = ""
    updated_at: datetime | None = None


@dataclass(frozen=True)
class Access:
    """One look an advisor took at a seeker's search."""

    advisor_email: str
    what: str
    at: datetime


@dataclass(frozen=True)
class AdvisorNote:
    """A note an advisor keeps on a seeker; the seeker sees it too."""

    id: int
    advisor_email: str
    text: str
    created_at: datetime


@dataclass(frozen=True)
class Cohort:
    """A group of seekers an office follows together (a class year, an outplacement programme)."""

    id: int
    name: str
    members: int = 0


@dataclass(frozen=True)
class Invite:
    """An invitation to join with a role (and a cohort); its link's token is never kept, only its hash."""

    id: int
    email: str
    role: Role
    cohort: str
    created_at: datetime
    expires_at: datetime
    used_at: datetime | None = None

    def open_at(self, now: datetime) -> bool:
        """Whether the link still works: never used, not expired."""
        return self.used_at is None and now < self.expires_at


def clean_email(text: str) -> str:
    """An email address as typed, checked loosely (one @, a dot after it, no spaces), in lower case."""
    from bounceback.domain.errors import InvalidInput

    email = text.strip().lower()
    local, _, domain = email.partition("@")
    if not local or "." not in domain or " " in email or len(email) > 320 or "@" in domain:
        raise InvalidInput(f"“{text.strip()[:80]}” is not an email address (like name@example.org).")
    return email


@dataclass(frozen=True)
class MailUpload:
    """A mail file uploaded to a server and the progress of its import by a worker (plain data: `summary` is the
    import's summary as JSON, `state` one of the web's job states)."""

    id: str
    owner_id: int
    name: str
    state: str
    done: int
    total: int | None
    summary: dict[str, Any] | None
    error: str
    created_at: datetime
    finished_at: datetime | None
