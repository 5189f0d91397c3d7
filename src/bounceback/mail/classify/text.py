"""Turn a message into the text the classifier reads: the new part of the body, with the sender as a hint."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bounceback.mail.senders import sender_kind

MAX_BODY = 4000
MAX_SUBJECT = 1000  # characters of a subject read (a longer one is hostile or broken, never more telling)
MAX_SCANNED = MAX_BODY * 10  # characters of a body searched for a quote header
_QUOTE_HEADER = re.compile(
    r"^(on .{5,200}wrote:|-{2,} ?original message ?-{2,}|from: .+\n(sent|date): )",
    re.IGNORECASE | re.MULTILINE,
)
# A forward's marker line: what follows is the message the person is meant to read, not an old reply.
_FORWARD = re.compile(
    r"^[ \t]*(?:-{2,} ?forwarded message ?-{2,}|begin forwarded message:)[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_FORWARD_HEADER = re.compile(r"(?:from|date|sent|to|cc|subject|reply-to):", re.IGNORECASE)
_URL = re.compile(r"https?://\S+|www\.\S+")
# Bounded runs that cannot start on "@": linear, where `\S+@\S+\.\w+` took the square of a long word's length.
_EMAIL = re.compile(r"[^\s@]{1,64}@[^\s@]{1,255}\.\w{1,63}")
_NUMBER = re.compile(r"\d+")
_SPACE = re.compile(r"\s+")
_SUBJECT_WORD = re.compile(r"[a-z]{3,}")


@dataclass(frozen=True)
class ClassifierInput:
    """What the classifier sees of one message."""

    subject: str
    from_name: str
    from_address: str
    text: str
    is_list: bool = False
    calendar: str = ""  # an invitation's summary and time ("Interview with Ana, Tue 3 Jun 10:00"), if any


def new_part(body: str, *, forwards: int = 3) -> str:
    """The body without quoted earlier messages, which belong to another label. A forwarded message is kept
    (without its header lines, up to `forwards` deep): an agency forwarding a client's decision forwards the
    decision."""
    body = body[:MAX_SCANNED]
    forward = _FORWARD.search(body) if forwards > 0 else None
    match = _QUOTE_HEADER.search(body)
    if forward is not None and (match is None or forward.start() <= match.start()):
        inner = body[forward.end() :].lstrip("\n").splitlines()
        skipped = 0
        while skipped < len(inner) and skipped < 12 and _FORWARD_HEADER.match(inner[skipped].strip()):
            skipped += 1
        rest = new_part("\n".join(inner[skipped:]), forwards=forwards - 1)
        return (_unquoted(body[: forward.start()]) + "\n\n" + rest)[:MAX_BODY]
    if match:
        body = body[: match.start()]
    return _unquoted(body)


def _unquoted(body: str) -> str:
    lines = [line for line in body.splitlines() if not line.lstrip().startswith(">")]
    return "\n".join(lines)[:MAX_BODY]


def normalise(text: str) -> str:
    """Lower case, links, addresses and numbers replaced by tokens, whitespace collapsed."""
    text = _URL.sub(" urltoken ", text)
    text = _EMAIL.sub(" emailtoken ", text)
    text = _NUMBER.sub("0", text.lower())
    return _SPACE.sub(" ", text).strip()


def document(item: ClassifierInput) -> str:
    """One string per message: sender hints, the subject (twice: it carries much), then the new body."""
    hints = f"senderkind{sender_kind(item.from_address)}" + (" listmail" if item.is_list else "")
    subject = normalise(item.subject[:MAX_SUBJECT])
    marked = " ".join(f"subj{word}" for word in _SUBJECT_WORD.findall(subject))
    invite = f" calendarinvite {normalise(item.calendar)}" if item.calendar else ""
    return f"{hints}{invite} {marked} {subject} {normalise(new_part(item.text))}"
