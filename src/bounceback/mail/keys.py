"""A message's identity, read straight from the raw bytes so a re-import skips seen mail without parsing it.

The key is the Message-ID *and* a hash of the content: anyone can write any Message-ID, so a junk message that
carries the ID of a real rejection must not make the rejection "already seen". The hash covers what a person
would call the message (sender, subject, date and body, line endings ignored), not the transport headers a
server adds, so the same message read from an mbox export and from IMAP still has one key.
"""

from __future__ import annotations

import hashlib
import re
from typing import NamedTuple

from bounceback.mail.limits import MAX_HEADER_BLOCK, header_end

_MESSAGE_ID = re.compile(
    rb"^message-id:[ \t]*(?:\r?\n[ \t]+)?(<[^>\r\n]{1,400}>)", re.IGNORECASE | re.MULTILINE
)
# The headers that make a message what it is; each a line and its folded continuations (bounded: linear).
_CONTENT_HEADER = re.compile(
    rb"^(from|subject|date):([^\n]{0,4000})((?:\n[ \t][^\n]{0,4000}){0,50})", re.I | re.M
)
_SPACES = re.compile(rb"\s+")
HASH_LENGTH = 24  # hex digits of SHA-256 kept in a key: 96 bits, plenty for one person's mail
ID_LENGTH = 370  # characters of a Message-ID kept in a key (the column holds 400)


class MessageIdentity(NamedTuple):
    """The normalised Message-ID (None when there is none) and the content hash."""

    message_id: str | None
    content: str

    @property
    def key(self) -> str:
        """What the workspace stores to know the message again: '<id> <hash>', or 'sha256:<hash>' without an ID."""
        if self.message_id is None:
            return "sha256:" + self.content
        return f"{self.message_id[:ID_LENGTH]} {self.content[:HASH_LENGTH]}"


def header_block(raw: bytes) -> bytes:
    """The header part of a raw message (everything when there is no blank line), at most MAX_HEADER_BLOCK."""
    return raw[: min(header_end(raw), MAX_HEADER_BLOCK)]


def identity(raw: bytes) -> MessageIdentity:
    """The Message-ID and content hash of raw message bytes."""
    raw = raw.replace(b"\r\n", b"\n") if b"\r" in raw else raw
    head = header_block(raw)
    match = _MESSAGE_ID.search(head)
    message_id = match.group(1).decode("ascii", "replace").strip().lower() if match else None
    if message_id is None:  # no ID: the whole message is its identity, as it always was
        return MessageIdentity(None, hashlib.sha256(raw.strip()).hexdigest())
    digest = hashlib.sha256()
    for found in _CONTENT_HEADER.finditer(head):
        value = _SPACES.sub(b" ", found.group(2) + found.group(3)).strip()
        digest.update(found.group(1).lower() + b":" + value + b"\n")
    digest.update(b"\n" + raw[len(head) :].strip())
    return MessageIdentity(message_id, digest.hexdigest())


def message_key(raw: bytes) -> str:
    """The key a message is stored under (see `MessageIdentity.key`)."""
    return identity(raw).key


def id_part(key: str) -> str | None:
    """The Message-ID a stored key starts with; None for a content-only key.

    Keys stored before content hashes were added hold the ID alone; they are their own ID part.
    """
    if key.startswith("sha256:"):
        return None
    return key if key.endswith(">") else key.rsplit(" ", 1)[0]
