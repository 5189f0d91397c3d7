"""A message's identity, read straight from the raw bytes so a re-import skips seen mail without parsing it."""

from __future__ import annotations

import hashlib
import re

_MESSAGE_ID = re.compile(
    rb"^message-id:[ \t]*(?:\r?\n[ \t]+)?(<[^>\r\n]{1,400}>)", re.IGNORECASE | re.MULTILINE
)
_HEADER_END = re.compile(rb"\r?\n\r?\n")


def header_block(raw: bytes) -> bytes:
    """The header part of a raw message (everything when there is no blank line)."""
    end = _HEADER_END.search(raw)
    return raw[: end.start()] if end else raw


def message_key(raw: bytes) -> str:
    """The normalised Message-ID, or a hash of the content (line endings ignored) where it is missing."""
    match = _MESSAGE_ID.search(header_block(raw))
    if match:
        return match.group(1).decode("ascii", "replace").strip().lower()
    return "sha256:" + hashlib.sha256(raw.replace(b"\r\n", b"\n").strip()).hexdigest()
