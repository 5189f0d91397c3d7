"""Raw message bytes to a `MailMessage`: one pass of the stdlib parser, then cheap reads of what it kept.

Flow:
1. Cut the bytes to the limits of `limits` (a hostile message costs what a large ordinary one does), then parse
   once with `BytesParser(policy=email.policy.compat32)`; refuse only what has no mail headers at all. Why
   compat32: `email.policy.default` parses Content-Type through header objects whose cost grows faster than
   the header's length (a 100 kB one took seconds) and that recurse on nested comments; compat32 reads the
   type and the boundary with plain string splits, and every header is read here from its raw value anyway.
2. Read the headers from their raw values (see `headers`), each cut to `limits.MAX_HEADER_VALUE`.
3. Walk the MIME tree once: the first plain-text and HTML parts give the body; attachments are listed by name,
   type and encoded size, never decoded; forwarded messages add their own body below the outer one.
"""

from __future__ import annotations

import email.policy
from dataclasses import dataclass, field
from email.message import Message
from email.parser import BytesParser

from bounceback.mail import headers as h
from bounceback.mail import limits
from bounceback.mail.charsets import decode_limited
from bounceback.mail.html_text import HTML_LIMIT, html_to_text
from bounceback.mail.keys import message_key
from bounceback.mail.message import Attachment, MailMessage

__all__ = ["TEXT_LIMIT", "MailParseError", "html_to_text", "parse_message"]

TEXT_LIMIT = 200_000  # characters of body text kept per message
MAX_DEPTH = 12  # MIME nesting read; deeper parts are ignored
MAX_FORWARDS = 3  # forwarded messages whose text is added to the body
UNEXPECTED = "it could not be read"  # start of the reason given when the parser itself fails

_PARSER = BytesParser(policy=email.policy.compat32)
_MAIL_HEADERS = frozenset(
    {"from", "to", "cc", "subject", "date", "message-id", "sender", "received", "return-path",
     "delivered-to", "mime-version", "content-type", "reply-to", "in-reply-to", "references", "list-id"}
)  # fmt: skip
_BODY_TYPES = ("text/plain", "text/html")
_CALENDAR_TYPES = ("text/calendar", "application/ics")
CALENDAR_LIMIT = 100_000  # characters of an invitation's calendar part kept
_MESSAGE_TYPES = ("message/rfc822", "message/global")
_FORWARD_LINE = "---------- Forwarded message ----------"


class MailParseError(Exception):
    """A message that cannot be used at all; `reason` says why in plain words."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def parse_message(raw: bytes, origin: str, *, key: str | None = None) -> MailMessage:
    """Read one message; raises only `MailParseError`, and only when nothing useful can be read.

    `key` is the message's key when the caller has worked it out already (see `keys`).
    """
    if not raw.strip():
        raise MailParseError("the message is empty")
    try:
        return _read(raw, origin, key or message_key(raw))
    except MailParseError:
        raise
    except RecursionError:
        raise MailParseError("its MIME parts are nested too deeply to read") from None
    except Exception as exc:  # a safety net for parser bugs: one bad message must not stop an import
        raise MailParseError(f"{UNEXPECTED} ({type(exc).__name__})") from exc


def _read(raw: bytes, origin: str, key: str) -> MailMessage:
    message = _PARSER.parsebytes(limits.bounded(raw))
    fields = _header_values(message)
    if fields.keys().isdisjoint(_MAIL_HEADERS):
        raise MailParseError("it has no mail headers (it may not be an email at all)")
    body = _Body.of(message, fields, depth=0)
    from_name, from_address = h.first_address(fields.get("from") or fields.get("sender"))
    return MailMessage(
        key=key,
        message_id=h.first_message_id(fields.get("message-id")),
        subject=h.header_text(fields.get("subject"))[: limits.MAX_SUBJECT],
        from_name=from_name[: limits.MAX_NAME],
        from_address=from_address[: limits.MAX_ADDRESS],
        to=tuple(address for _, address in h.addresses(fields.get("to")) if address),
        reply_to=h.first_address(fields.get("reply-to"))[1] or None,
        date=h.parse_date(fields.get("date")) or h.received_date(fields.get("received")),
        in_reply_to=h.first_message_id(fields.get("in-reply-to")),
        references=h.message_ids(fields.get("references")),
        text=body.text(),
        html=body.html,
        list_id="list-id" in fields,
        list_unsubscribe="list-unsubscribe" in fields,
        attachments=tuple(body.attachments),
        origin=origin,
        size=len(raw),
        calendar=body.calendar,
    )


def _header_values(part: Message) -> dict[str, str]:
    """Each header's first raw value by lower-case name (the first Received is the newest), cut to a bound."""
    values: dict[str, str] = {}
    for name, value in part.raw_items():
        values.setdefault(name.lower(), str(value)[: limits.MAX_HEADER_VALUE])
    return values


@dataclass
class _Leaf:
    """One part that holds content, with what its headers say about it."""

    part: Message
    content_type: str
    params: dict[str, str]
    disposition: str
    filename: str | None
    encoding: str

    @classmethod
    def of(cls, part: Message, fields: dict[str, str]) -> _Leaf:
        content_type, params = h.content_params(fields.get("content-type"))
        if "/" not in content_type or (content_type.startswith("multipart/") and not part.is_multipart()):
            content_type = "text/plain"  # no type, a bad type, or a multipart whose boundary is broken
        disposition, disposition_params = h.content_params(fields.get("content-disposition"))
        name = disposition_params.get("filename") or params.get("name")
        encoding = h.unfold(fields.get("content-transfer-encoding", "")).strip().lower()
        return cls(part, content_type, params, disposition, h.header_text(name) or None, encoding)

    def decoded_text(self, limit: int) -> str:
        """The part's text, decoded from its transfer encoding and charset, at most `limit` characters."""
        data = self.part.get_payload(decode=True)
        if not isinstance(data, bytes):
            return ""
        text = decode_limited(data, self.params.get("charset"), limit)
        return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text

    def attachment(self) -> Attachment:
        return Attachment(self.filename, self.content_type, _encoded_size(self.part, self.encoding))


@dataclass
class _Body:
    """The readable parts of one message (or of one forwarded message inside it)."""

    plain: str | None = None
    html: str | None = None
    attachments: list[Attachment] = field(default_factory=list)
    forwards: list[str] = field(default_factory=list)
    calendar: str | None = None  # the first text/calendar part (an invitation), as text

    @classmethod
    def of(cls, message: Message, fields: dict[str, str], depth: int) -> _Body:
        leaves: list[_Leaf] = []
        _collect(message, fields, depth, leaves)
        body = cls()
        plain = _first(leaves, "text/plain")
        html = _first(leaves, "text/html")
        if plain is not None:
            body.plain = plain.decoded_text(TEXT_LIMIT)
        if html is not None:
            body.html = html.decoded_text(HTML_LIMIT)
        for leaf in leaves:
            if leaf is plain or leaf is html:
                continue
            if leaf.content_type in _MESSAGE_TYPES:
                body.add_forward(leaf, depth)
            if leaf.content_type in _CALENDAR_TYPES and body.calendar is None:
                body.calendar = leaf.decoded_text(CALENDAR_LIMIT)
            if leaf.disposition == "attachment" or leaf.filename or leaf.content_type not in _BODY_TYPES:
                body.attachments.append(leaf.attachment())
        return body

    def add_forward(self, leaf: _Leaf, depth: int) -> None:
        """A forwarded message's headers and text, as a mail client shows an inline forward."""
        inner = leaf.part.get_payload()
        if len(self.forwards) >= MAX_FORWARDS or not isinstance(inner, list) or not inner:
            return
        if depth >= MAX_DEPTH or not isinstance(inner[0], Message):
            return
        fields = _header_values(inner[0])
        body = _Body.of(inner[0], fields, depth + 1)
        name, address = h.first_address(fields.get("from"))
        sender = f"{name} <{address}>" if name and address else name or address
        lines = [_FORWARD_LINE, f"From: {sender}", f"Date: {h.unfold(fields.get('date', '')).strip()}"]
        lines += [f"Subject: {h.header_text(fields.get('subject'))[: limits.MAX_SUBJECT]}", "", body.text()]
        self.forwards.append("\n".join(lines))

    def text(self) -> str:
        """The plain text, else the HTML made readable; forwarded messages follow."""
        text = self.plain if self.plain and self.plain.strip() else None
        if text is None:
            text = html_to_text(self.html) if self.html else (self.plain or "")
        if self.forwards:
            text = "\n\n".join([text.rstrip(), *self.forwards]).strip()
        return text[:TEXT_LIMIT] if len(text) > TEXT_LIMIT else text


def _collect(part: Message, fields: dict[str, str], depth: int, leaves: list[_Leaf]) -> None:
    """Every content part in reading order; multiparts are opened, nested messages stay whole."""
    leaf = _Leaf.of(part, fields)
    if not part.is_multipart() or leaf.content_type.startswith("message/"):
        leaves.append(leaf)
        return
    if depth >= MAX_DEPTH:
        return
    for sub in part.get_payload():
        if isinstance(sub, Message):
            _collect(sub, _header_values(sub), depth + 1, leaves)


def _first(leaves: list[_Leaf], content_type: str) -> _Leaf | None:
    """The first part of a type that is meant to be read, not saved."""
    for leaf in leaves:
        if leaf.content_type == content_type and leaf.disposition != "attachment":
            return leaf
    return None


def _encoded_size(part: Message, encoding: str) -> int:
    """About how many bytes a part holds, from its encoded text alone (base64 counts 3 bytes per 4)."""
    payload = part.get_payload()
    if isinstance(payload, list):
        return sum(_encoded_size(sub, "") for sub in payload if isinstance(sub, Message))
    if not isinstance(payload, str):
        return 0
    if encoding == "base64":
        padding = min(payload.rstrip().count("=", -2), 2)
        return max((len(payload) - payload.count("\n") - payload.count("\r")) * 3 // 4 - padding, 0)
    return len(payload)
