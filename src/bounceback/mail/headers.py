"""Header values made readable: RFC 2047 words, raw 8-bit bytes, addresses, dates and Message-IDs, never raising.

Why not the header objects of `email.policy.default`: they re-parse on every access and cost more than the
whole body, while these few cheap functions cover what the importer reads.
"""

from __future__ import annotations

import binascii
import re
from datetime import UTC, datetime, timedelta, timezone
from email.utils import getaddresses, parsedate_tz
from urllib.parse import unquote_to_bytes

from bounceback.mail.charsets import decode_bytes

_ENCODED_WORD = re.compile(r"=\?([^?\s]+)\?([QqBb])\?([^?\s]*)\?=")
_FOLD = re.compile(r"\r?\n")
_SPACES = re.compile(r"[\s\x00-\x1f\x7f]+")  # control characters too: a header's text is one clean line
_MESSAGE_ID = re.compile(r"<[^<>\s]{1,398}>")  # at most 400 characters: the column's width
_BARE_ID = re.compile(r"[^<>\s@]{1,200}@[^<>\s@]{1,196}")
_PARAM = re.compile(r';\s*([^\s=;"]+)\s*=\s*("(?:[^"\\]|\\.)*"?|[^;]*)')
_EXTENDED_NAME = re.compile(r"([^*]+)\*(\d{1,4})?(\*)?")
_QUOTED_PAIR = re.compile(r"\\(.)")


def unfold(value: str) -> str:
    """One logical line: folded continuation lines joined, as RFC 5322 says."""
    return _FOLD.sub("", value) if "\n" in value else value


def redecode_8bit(value: str) -> str:
    """Raw 8-bit header bytes (kept by the parser as surrogates) read as UTF-8, else Windows-1252."""
    if value.isascii():
        return value
    try:
        data = value.encode("ascii", "surrogateescape")
    except UnicodeEncodeError:
        return value
    return decode_bytes(data, None)


def _word_bytes(encoding: str, text: str) -> bytes | None:
    """The bytes one encoded word stands for; None when it is not valid base64."""
    if encoding in "Qq":
        return binascii.a2b_qp(text.encode("ascii", "replace"), header=True)
    data = text.encode("ascii", "replace")
    try:
        return binascii.a2b_base64(data + b"=" * (-len(data) % 4), strict_mode=True)
    except binascii.Error:
        return None


def decode_words(value: str) -> str:
    """RFC 2047 encoded words decoded; adjacent words of one charset are joined before decoding.

    A word that cannot be decoded is kept as it stands, as mail clients show it.
    """
    if "=?" not in value:
        return value
    pieces: list[str] = []
    pending: list[bytes] = []
    pending_charset = ""
    position = 0
    for match in _ENCODED_WORD.finditer(value):
        gap = value[position : match.start()]
        charset = match.group(1).split("*", 1)[0].lower()
        data = _word_bytes(match.group(2), match.group(3))
        adjacent = bool(pending) and not gap.strip()  # space between two encoded words is not text
        if pending and (not adjacent or charset != pending_charset or data is None):
            pieces.append(decode_bytes(b"".join(pending), pending_charset))
            pending = []
        if not adjacent:
            pieces.append(gap)
        if data is None:
            pieces.append(match.group(0))
        else:
            pending.append(data)
            pending_charset = charset
        position = match.end()
    if pending:
        pieces.append(decode_bytes(b"".join(pending), pending_charset))
    pieces.append(value[position:])
    return "".join(pieces)


def header_text(value: str | None) -> str:
    """A free-text header (Subject, a display name) as one clean line."""
    if not value:
        return ""
    text = decode_words(redecode_8bit(unfold(value)))
    return _SPACES.sub(" ", text).strip()


def addresses(value: str | None) -> list[tuple[str, str]]:
    """(display name, lower-case address) pairs of an address header; unreadable parts are dropped."""
    if not value:
        return []
    text = redecode_8bit(unfold(value))
    try:
        pairs = getaddresses([text])
    except Exception:  # the stdlib address parser has raised on odd input in some versions
        return []
    found = []
    for name, address in pairs:
        address = address.strip().strip("<>").lower()
        if address or name:
            found.append((header_text(name), address))
    return found


def first_address(value: str | None) -> tuple[str, str]:
    """The first (name, address) of an address header, or two empty strings."""
    found = addresses(value)
    return found[0] if found else ("", "")


def parse_date(value: str | None) -> datetime | None:
    """An RFC 5322 date as an aware UTC datetime; None when it cannot be read. No zone counts as UTC."""
    if not value:
        return None
    try:
        parts = parsedate_tz(unfold(value))
        if parts is None:
            return None
        offset = timezone(timedelta(seconds=parts[9] or 0))
        return datetime(*parts[:6], tzinfo=offset).astimezone(UTC)
    except (ValueError, OverflowError, TypeError, IndexError):
        return None


def received_date(value: str | None) -> datetime | None:
    """The time a Received header stamps after its last ';' (used when a message has no Date)."""
    if not value or ";" not in value:
        return None
    return parse_date(value.rsplit(";", 1)[1])


def message_ids(value: str | None) -> tuple[str, ...]:
    """Every `<id>` in a Message-ID, In-Reply-To or References header, in order."""
    if not value:
        return ()
    text = unfold(value)
    found = _MESSAGE_ID.findall(text)
    if not found:
        bare = _BARE_ID.search(text)
        found = [f"<{bare.group(0)}>"] if bare else []
    return tuple(found)


def first_message_id(value: str | None) -> str | None:
    """The first `<id>` of a header, or None."""
    found = message_ids(value)
    return found[0] if found else None


def _unquote(value: str) -> str:
    """A parameter value without its quotes and backslash escapes."""
    value = value.strip()
    if not value.startswith('"'):
        return value
    value = value[1:-1] if len(value) > 1 and value.endswith('"') else value[1:]
    return _QUOTED_PAIR.sub(r"\1", value) if "\\" in value else value


def _join_extended(segments: list[tuple[int, bool, str]]) -> str:
    """RFC 2231 continuations (`name*0*=utf-8''a%20b; name*1=...`) put back together and decoded."""
    segments.sort()
    charset = None
    data = bytearray()
    for number, encoded, value in segments:
        if encoded and number == 0 and value.count("'") >= 2:
            charset, _language, value = value.split("'", 2)
        data += unquote_to_bytes(value) if encoded else value.encode("utf-8", "surrogateescape")
    return decode_bytes(bytes(data), charset or "utf-8")


def content_params(value: str | None) -> tuple[str, dict[str, str]]:
    """A Content-Type or Content-Disposition value split into its lower-case main value and its parameters."""
    if not value:
        return "", {}
    main, _, rest = redecode_8bit(unfold(value)).partition(";")
    params: dict[str, str] = {}
    extended: dict[str, list[tuple[int, bool, str]]] = {}
    for match in _PARAM.finditer(";" + rest):
        name, raw_value = match.group(1).lower(), _unquote(match.group(2))
        parts = _EXTENDED_NAME.fullmatch(name) if "*" in name else None
        if parts is None:
            params.setdefault(name, raw_value)
            continue
        encoded = parts.group(3) is not None or parts.group(2) is None
        extended.setdefault(parts.group(1), []).append((int(parts.group(2) or 0), encoded, raw_value))
    for name, segments in extended.items():
        params[name] = _join_extended(segments[:100])
    return main.strip().lower(), params
