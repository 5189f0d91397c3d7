"""A read message as plain data, handed from the mail sources to the importer. Nothing here does I/O."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple


class RawMail(NamedTuple):
    """One message as a source yields it: where it came from (stable across runs) and its bytes."""

    origin: str
    raw: bytes


class Attachment(NamedTuple):
    """What is known of an attached file without reading its content."""

    filename: str | None
    content_type: str
    size: int


@dataclass(frozen=True, slots=True)
class MailMessage:
    """Everything the importer needs from one message, decoded and normalised."""

    key: str  # dedupe key: the Message-ID `<...>` lower-cased, or "sha256:<hex>" of the content
    message_id: str | None
    subject: str
    from_name: str
    from_address: str  # lower-case; "" when the message names no sender
    to: tuple[str, ...]
    reply_to: str | None
    date: datetime | None  # aware, UTC
    in_reply_to: str | None
    references: tuple[str, ...]
    text: str  # the readable body: the plain-text part, else text made from the HTML part
    html: str | None
    list_id: bool  # the message carries a List-Id header (mailing lists, newsletters)
    list_unsubscribe: bool  # ... or a List-Unsubscribe header (job alerts, marketing)
    attachments: tuple[Attachment, ...]
    origin: str
    size: int
    calendar: str | None = None  # the text of a text/calendar part (an invitation), if the message has one

    @property
    def is_list(self) -> bool:
        """Sent to many people at once: a list, a newsletter or an alert, rarely about one application."""
        return self.list_id or self.list_unsubscribe


@dataclass(frozen=True, slots=True)
class ParseProblem:
    """A message or file that could not be read, and why, in one plain sentence."""

    origin: str
    reason: str
