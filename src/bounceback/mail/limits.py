"""How much of one message is read: every input that reaches a parser, a pattern or the classifier is bounded.

Why: anyone can send anything. A subject of a megabyte, a million parameters on a Content-Type, or a thousand
nested parts must cost about what a large ordinary message costs, never minutes, and never stop an import.
What is left out is what no person reads: the end of a subject longer than a page, a header block larger than
any mail server writes, parts past the two-hundredth, and the bytes after the first two megabytes (attachments,
almost always; the message's size still counts them). Each limit is far above what real mail needs.
"""

from __future__ import annotations

import re

MAX_PARSED = 2 << 20  # bytes of a message handed to the parser (text and HTML are cut well before this)
MAX_LINES = 50_000  # lines of a message handed to the parser (the parser's cost is mostly per line)
MAX_HEADER_BLOCK = 128 << 10  # bytes of the top header block read; the rest of an endless block is dropped
MAX_HEADER_LINE = 16 << 10  # bytes of one line of an oversized header block kept
MAX_HEADER_VALUE = 16 << 10  # characters of one header's raw value read
MAX_SUBJECT = 1000  # characters of a decoded subject kept
MAX_NAME = 300  # characters of a display name kept (the column's width)
MAX_ADDRESS = 320  # characters of an address kept (the longest an address may be)
MAX_PARTS = 200  # MIME parts read (a Content-Type header each)
MAX_CONTAINERS = 24  # multipart and message/* parts read; nested deeper or further, a message is cut there

_LONG_LINE = re.compile(rb"^([^\n]{%d})[^\n]+" % MAX_HEADER_LINE, re.MULTILINE)
_CONTENT_TYPE = re.compile(rb"^content-type:[ \t]*(?:(multipart|message)/)?", re.IGNORECASE | re.MULTILINE)


def header_end(raw: bytes) -> int:
    """Where the header block of a raw message ends: at its first empty line, else at the end."""
    ends = [found for found in (raw.find(b"\n\n"), raw.find(b"\n\r\n")) if found >= 0]
    return min(ends) if ends else len(raw)


def bounded(raw: bytes) -> bytes:
    """The part of a raw message that is parsed: cut to the limits above, in one linear pass."""
    raw = raw[:MAX_PARSED]
    if raw.count(b"\n") > MAX_LINES:
        end = 0
        for _ in range(MAX_LINES):
            end = raw.index(b"\n", end) + 1
        raw = raw[:end]
    head_end = header_end(raw)
    if head_end > MAX_HEADER_BLOCK:  # long lines shortened first, then whole lines past the limit dropped
        head = _LONG_LINE.sub(rb"\1", raw[:head_end])
        if len(head) > MAX_HEADER_BLOCK:
            head = head[: head.rfind(b"\n", 0, MAX_HEADER_BLOCK)]
        raw = head + raw[head_end:]
    containers = 0
    for number, match in enumerate(_CONTENT_TYPE.finditer(raw)):
        containers += match.group(1) is not None
        if number >= MAX_PARTS or containers > MAX_CONTAINERS:
            return raw[: match.start()]
    return raw
