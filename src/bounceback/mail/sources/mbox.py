"""An mbox file (a Gmail Takeout export included), read as a stream: memory stays flat whatever its size.

Why not `mailbox.mbox`: it builds a table of contents of the whole file before the first message. Here a
1 MiB buffer is scanned for "From " lines; only the message being read is held in memory.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from bounceback.mail.message import ParseProblem, RawMail

CHUNK_SIZE = 1 << 20
MBOX_SUFFIXES = frozenset({".mbox", ".mbx"})


class Readable(Protocol):
    """A binary stream: an open file, or anything with `read(size) -> bytes`."""

    def read(self, size: int, /) -> bytes: ...


# A separator line: "From " then a sender and a date with a time, as every mbox writer puts it. Requiring the
# time keeps a body line that starts with "From " (left unquoted by a careless writer) inside its message.
_SEPARATOR = re.compile(rb"From [^\n]*\d:\d\d")
_QUOTED_FROM = re.compile(rb"^>(>*From )", re.MULTILINE)


def looks_like_mbox(path: Path) -> bool:
    """True for an .mbox file, or any file whose first line is an mbox "From " line."""
    if path.suffix.lower() in MBOX_SUFFIXES:
        return True
    try:
        with path.open("rb") as stream:
            return stream.read(5) == b"From "
    except OSError:
        return False


def _finish(message: bytes) -> bytes:
    """A message as it was before it went into the mbox: separator blank line dropped, ">From " unquoted."""
    if message.endswith(b"\r\n\r\n"):
        message = message[:-2]
    elif message.endswith(b"\n\n"):
        message = message[:-1]
    if b">From " in message:
        message = _QUOTED_FROM.sub(rb"\1", message)
    return message


def split_mbox(stream: Readable, chunk_size: int = CHUNK_SIZE) -> Iterator[tuple[bytes, bool]]:
    """Each message's bytes (without its "From " line) and whether it is complete, reading `chunk_size` at a time.

    Only the last message can be incomplete: the file ends mid-line or before its header ends.
    """
    buffer = bytearray(b"\n")  # a newline before the file, so its first line is found like any other
    start = -1  # where the current message's content starts; -1 until the first "From " line
    scan = 0  # where to look for the next separator
    at_end = False
    while not at_end:
        chunk = stream.read(chunk_size)
        at_end = not chunk
        buffer += chunk
        while True:
            index = buffer.find(b"\nFrom ", scan)
            if index < 0:
                scan = max(len(buffer) - 6, scan)  # a separator may straddle the next read
                break
            line_end = buffer.find(b"\n", index + 1)
            if line_end < 0 and not at_end:
                scan = index  # read on to the end of this line first
                break
            line_end = len(buffer) if line_end < 0 else line_end
            if _SEPARATOR.match(buffer, index + 1, line_end):
                if start >= 0:
                    yield _finish(_copy(buffer, start, index + 1)), True
                start = line_end + 1
            scan = line_end
        if start > 1:  # keep only the message being read, and the newline before it (a separator may follow)
            cut = start - 1
            del buffer[:cut]
            scan, start = scan - cut, 1
        elif start < 0 and scan > chunk_size:  # text before the first "From " line is skipped, not kept
            del buffer[:scan]
            scan = 0
    tail = _copy(buffer, start, len(buffer)) if start >= 0 else b""
    if not tail.strip():
        return
    cut = _cut_separator(tail)
    if cut > 0:  # the file ends inside the next message's "From " line: the message before it is whole
        yield _finish(tail[:cut]), _is_complete(tail[:cut])
        yield tail[cut:], False
    else:
        yield _finish(tail), _is_complete(tail)


def _cut_separator(tail: bytes) -> int:
    """Where a "From " line cut off by the end of the file starts (after a blank line), or -1 when there is none."""
    if tail.endswith(b"\n"):
        return -1
    line = tail.rfind(b"\n") + 1
    blank_before = tail.endswith(b"\n\n", 0, line) or tail.endswith(b"\n\r\n", 0, line)
    fragment = tail[line:]
    separator = fragment.startswith(b"From ") or b"From ".startswith(fragment)  # "From MAILER-DAE", or "Fro"
    return line if line > 0 and blank_before and separator else -1


def _copy(buffer: bytearray, start: int, end: int) -> bytes:
    """One copy of a slice of the buffer (a bytearray slice would copy twice)."""
    with memoryview(buffer) as view:
        return bytes(view[start:end])


def _is_complete(message: bytes) -> bool:
    """Whether the last message ends at a line end and has the blank line that closes its header."""
    return message.endswith(b"\n") and (b"\n\n" in message or b"\n\r\n" in message)


class MboxSource:
    """Messages of one mbox file, in file order; origin is "<path>#<number>" (counting from 1)."""

    def __init__(self, path: Path, *, chunk_size: int = CHUNK_SIZE) -> None:
        self.path = path.resolve()
        self.name = str(self.path)
        self.chunk_size = chunk_size
        self.problems: list[ParseProblem] = []

    @classmethod
    def accepts(cls, path: Path) -> bool:
        return path.is_file() and looks_like_mbox(path)

    def __iter__(self) -> Iterator[RawMail]:
        try:
            stream = self.path.open("rb")
        except OSError as exc:
            self.problems.append(ParseProblem(self.name, f"the file could not be read ({exc.strerror})"))
            return
        with stream:
            yield from self.read(stream)

    def read(self, stream: Readable) -> Iterator[RawMail]:
        """The messages of an open binary stream (used by tests to watch how much is read)."""
        number = 0
        try:
            for number, (raw, complete) in enumerate(split_mbox(stream, self.chunk_size), start=1):
                origin = f"{self.name}#{number}"
                if complete:
                    yield RawMail(origin, raw)
                else:
                    reason = "the file ends in the middle of this message (it was cut off); it was left out"
                    self.problems.append(ParseProblem(origin, reason))
        except OSError as exc:
            reason = f"the file could not be read after message {number} ({exc.strerror})"
            self.problems.append(ParseProblem(self.name, reason))
        if number == 0:
            self.problems.append(ParseProblem(self.name, "the file holds no messages in mbox format"))
