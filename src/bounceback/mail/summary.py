"""What an import or sync did, for its closing lines: counts, problems, and the changes named one by one.

Kept apart from the importer so a re-import that finds nothing new can say so without loading it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bounceback.domain.mail import MailLabel
from bounceback.mail.message import ParseProblem


@dataclass(frozen=True)
class NamedChange:
    """A change the summary names one by one: a rejection, an offer or an interview, with its reason."""

    label: MailLabel
    record_id: int
    application_id: int
    application: str  # the application's short name, for the commands that follow
    company: str
    role: str
    evidence: str | None
    interview_at: str | None = None  # "Tue 03 Jun 2025 10:00 Europe/London" when an invitation set a time


@dataclass
class ImportSummary:
    """What a run did, for the closing lines."""

    messages: int = 0
    already_seen: int = 0
    job_related: int = 0
    opened: int = 0
    stage_changes: int = 0
    review: int = 0
    interviews: int = 0
    shared_ids: int = 0  # messages whose Message-ID an earlier, different message already carried
    problems: list[ParseProblem] = field(default_factory=list)
    named: list[NamedChange] = field(default_factory=list)

    def add(self, other: ImportSummary) -> None:
        """Count another run's work in this summary (several accounts, several folders)."""
        for name in (
            "messages",
            "already_seen",
            "job_related",
            "opened",
            "stage_changes",
            "review",
            "interviews",
            "shared_ids",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.problems += other.problems
        self.named += other.named

    @property
    def malformed(self) -> int:
        return len(self.problems)

    @property
    def shared_id_note(self) -> str:
        """One sentence about messages that reused another's Message-ID ('' when none did)."""
        if not self.shared_ids:
            return ""
        count = "1 message carries" if self.shared_ids == 1 else f"{self.shared_ids:,} messages carry"
        return (
            f"{count} the Message-ID of a different message already seen; "
            "each was read as a message of its own, since an ID alone cannot tell them apart."
        )
