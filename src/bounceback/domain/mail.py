"""What an email means for the search: labels, the stage each implies, and the routing rule. No I/O."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from bounceback.domain.model import LOCAL_OWNER
from bounceback.domain.stages import Stage, is_forward


class MailLabel(StrEnum):
    """What a message is about."""

    REJECTION = "rejection"
    INTERVIEW = "interview"
    ASSESSMENT = "assessment"
    OFFER = "offer"
    ACKNOWLEDGMENT = "acknowledgment"
    OTHER = "other"


class MailStatus(StrEnum):
    """What happened to a message in the tracker."""

    APPLIED = "applied"  # its change was made
    NO_CHANGE = "no_change"  # job mail that moved nothing (already there)
    REVIEW = "review"  # waiting for the person to decide
    IGNORED = "ignored"  # the person said it does not matter
    UNDONE = "undone"  # its change was undone; never reapplied by a re-import
    SKIPPED = "skipped"  # not job mail: only its key is kept


# The stage each kind of message implies; `other` implies nothing.
IMPLIED_STAGE: dict[MailLabel, Stage] = {
    MailLabel.ACKNOWLEDGMENT: Stage.APPLIED,
    MailLabel.ASSESSMENT: Stage.SCREENING,
    MailLabel.INTERVIEW: Stage.INTERVIEWING,
    MailLabel.OFFER: Stage.OFFER,
    MailLabel.REJECTION: Stage.REJECTED,
}
JOB_LABELS = frozenset(IMPLIED_STAGE)

# Below these confidences a message waits for review instead of changing anything. A rejection needs more
# certainty than anything else: a false "you were rejected" is the worst thing this product can say.
AUTO_APPLY_THRESHOLD: dict[MailLabel, float] = {
    MailLabel.REJECTION: 0.80,
    MailLabel.OFFER: 0.75,
    MailLabel.INTERVIEW: 0.60,
    MailLabel.ASSESSMENT: 0.60,
    MailLabel.ACKNOWLEDGMENT: 0.55,
}


def needs_review(label: MailLabel, confidence: float) -> bool:
    """True when a job message is too uncertain to change the tracker by itself."""
    return label in JOB_LABELS and confidence < AUTO_APPLY_THRESHOLD[label]


def stage_change(current: Stage, label: MailLabel, *, screening: bool = False) -> Stage | None:
    """The stage a message moves an application to, forward only; None when it moves nothing. A first call
    with a recruiter (`screening`) moves to screening, not interviewing."""
    target = implied_stage(label, screening=screening)
    if target is None or target is current:
        return None
    if label is MailLabel.INTERVIEW and current is Stage.INTERVIEWING:
        return None  # more scheduling mail for the same round is not a new round
    return target if is_forward(current, target) else None


def implied_stage(label: MailLabel, *, screening: bool = False) -> Stage | None:
    """The stage a kind of message implies; an interview that is a first recruiter call implies screening."""
    if label is MailLabel.INTERVIEW and screening:
        return Stage.SCREENING
    return IMPLIED_STAGE.get(label)


@dataclass(eq=False)
class MailRecord:
    """A message seen once. Content is kept only for job mail; for the rest only the key to skip it."""

    key: str
    label: MailLabel
    confidence: float
    status: MailStatus
    source_path: str = ""  # the file (and place in it) or IMAP folder the message was read from
    message_id: str = ""
    received_at: datetime | None = None
    from_name: str = ""
    from_address: str = ""
    subject: str = ""
    body: str = ""
    html: str = ""
    company: str = ""
    role: str = ""
    application_id: int | None = None
    predicted_label: MailLabel | None = None
    corrected: bool = False
    details: dict[str, object] = field(default_factory=dict)
    evidence: str | None = (
        None  # the sentence that states the decision ("…move forward with other candidates")
    )
    id: int | None = None
    owner_id: int = LOCAL_OWNER

    @property
    def sender(self) -> str:
        """Who wrote, as a person would name them."""
        return self.from_name or self.from_address


@dataclass(eq=False)
class MailAccount:
    """An IMAP account; its password lives in the keyring or an environment variable, never here."""

    name: str
    host: str
    username: str
    port: int = 993
    security: str = "ssl"
    folders: list[str] = field(default_factory=lambda: ["INBOX"])
    auth: str = "password"
    id: int | None = None
    owner_id: int = LOCAL_OWNER


@dataclass(eq=False)
class FolderState:
    """How far an IMAP folder has been read: UIDVALIDITY and the last UID seen."""

    account_id: int
    folder: str
    uidvalidity: int
    last_uid: int = 0
    synced_at: datetime | None = None
    id: int | None = None
    owner_id: int = LOCAL_OWNER
