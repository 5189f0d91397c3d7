"""Single .eml files, and folders of them (searched recursively, in sorted order)."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

from bounceback.mail.message import ParseProblem, RawMail

EML_SUFFIX = ".eml"
_HEADER_LINE = re.compile(rb"[!-9;-~]{1,76}:")  # a header name (printable, no colon) and its colon


def looks_like_message(path: Path) -> bool:
    """True for an .eml file, or a file whose first line is a mail header (a message saved without suffix)."""
    if path.suffix.lower() == EML_SUFFIX:
        return True
    try:
        with path.open("rb") as stream:
            return _HEADER_LINE.match(stream.read(80)) is not None
    except OSError:
        return False


def read_message_file(path: Path, origin: str, problems: list[ParseProblem]) -> RawMail | None:
    """One file's bytes, or None with the reason added to `problems`."""
    try:
        return RawMail(origin, path.read_bytes())
    except OSError as exc:
        problems.append(ParseProblem(origin, f"the file could not be read ({exc.strerror or exc})"))
        return None


class EmlSource:
    """One message saved as a file; origin is its path."""

    def __init__(self, path: Path) -> None:
        self.path = path.resolve()
        self.name = str(self.path)
        self.problems: list[ParseProblem] = []

    @classmethod
    def accepts(cls, path: Path) -> bool:
        return path.is_file() and looks_like_message(path)

    def __iter__(self) -> Iterator[RawMail]:
        item = read_message_file(self.path, self.name, self.problems)
        if item is not None:
            yield item


def eml_files(folder: Path) -> Iterator[Path]:
    """Every .eml under a folder, depth first, names sorted at each level; hidden folders are skipped."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.lower().endswith(EML_SUFFIX) and not name.startswith("."):
                yield Path(root) / name


class EmlFolderSource:
    """Every .eml file under a folder; origin is each file's path."""

    def __init__(self, path: Path) -> None:
        self.path = path.resolve()
        self.name = str(self.path)
        self.problems: list[ParseProblem] = []

    @classmethod
    def accepts(cls, path: Path) -> bool:
        return path.is_dir() and next(eml_files(path), None) is not None

    def __iter__(self) -> Iterator[RawMail]:
        for path in eml_files(self.path):
            item = read_message_file(path, str(path), self.problems)
            if item is not None:
                yield item
