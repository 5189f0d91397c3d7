"""A Maildir folder (`cur/` and `new/`), read one file at a time in delivery order."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

from bounceback.mail.message import ParseProblem, RawMail

_FLAGS = re.compile(r"[:;!]2,.*$")  # the info part that changes when a message is read or flagged


def unique_name(filename: str) -> str:
    """A Maildir file's stable name: without the flags suffix a mail client rewrites."""
    return _FLAGS.sub("", filename)


class MaildirSource:
    """Messages of one Maildir, oldest first (Maildir names start with the delivery time).

    The origin is "<folder>#<unique name>": it stays the same when a client marks the message read or moves
    it from new/ to cur/.
    """

    def __init__(self, path: Path) -> None:
        self.path = path.resolve()
        self.name = str(self.path)
        self.problems: list[ParseProblem] = []

    @classmethod
    def accepts(cls, path: Path) -> bool:
        return path.is_dir() and (path / "cur").is_dir() and (path / "new").is_dir()

    def _files(self) -> list[tuple[str, Path]]:
        """(unique name, file) for every message in cur/ and new/, sorted by name."""
        files = []
        for sub in ("cur", "new"):
            try:
                entries = list(os.scandir(self.path / sub))
            except OSError as exc:
                self.problems.append(
                    ParseProblem(f"{self.name}/{sub}", f"the folder could not be read ({exc.strerror})")
                )
                continue
            files += [(unique_name(e.name), Path(e.path)) for e in entries if not e.name.startswith(".")]
        files.sort()
        return files

    def __iter__(self) -> Iterator[RawMail]:
        for unique, path in self._files():
            origin = f"{self.name}#{unique}"
            try:
                raw = path.read_bytes()
            except FileNotFoundError:
                self.problems.append(
                    ParseProblem(origin, "the message was moved or deleted while it was being read")
                )
                continue
            except OSError as exc:
                self.problems.append(ParseProblem(origin, f"the file could not be read ({exc.strerror})"))
                continue
            yield RawMail(origin, raw)
