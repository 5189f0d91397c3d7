"""Where mail comes from: each source yields `RawMail(origin, raw)` in a stable order and collects its problems.

`open_sources(paths)` picks the kind of source for each path a person names; IMAP lives in `sources.imap`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Protocol

from bounceback.domain.errors import InvalidInput
from bounceback.mail.message import ParseProblem, RawMail
from bounceback.mail.sources.eml import EmlFolderSource, EmlSource
from bounceback.mail.sources.maildir import MaildirSource
from bounceback.mail.sources.mbox import MBOX_SUFFIXES, MboxSource

__all__ = [
    "EmlFolderSource",
    "EmlSource",
    "MailSource",
    "MaildirSource",
    "MboxSource",
    "open_source",
    "open_sources",
]


class MailSource(Protocol):
    """Raw messages from one place. `problems` fills up while iterating (unreadable files, cut-off messages)."""

    name: str
    problems: list[ParseProblem]

    def __iter__(self) -> Iterator[RawMail]: ...


class _FileKind(Protocol):
    def __call__(self, path: Path) -> MailSource: ...

    def accepts(self, path: Path) -> bool: ...


# Tried in order; the first kind that accepts a path reads it. A folder that is not a Maildir is searched
# for .eml and .mbox files instead (a Gmail Takeout folder, an export of saved messages).
SOURCE_KINDS: tuple[_FileKind, ...] = (MaildirSource, MboxSource, EmlSource)


def _mbox_files(folder: Path) -> list[Path]:
    """The mbox files anywhere under a folder, sorted, hidden folders skipped."""
    found = [p for p in folder.rglob("*") if p.suffix.lower() in MBOX_SUFFIXES and p.is_file()]
    return sorted(p for p in found if not any(part.startswith(".") for part in p.relative_to(folder).parts))


def _folder_sources(folder: Path) -> list[MailSource]:
    sources: list[MailSource] = []
    if EmlFolderSource.accepts(folder):
        sources.append(EmlFolderSource(folder))
    sources += [MboxSource(path) for path in _mbox_files(folder)]
    return sources


def open_source(path: Path | str) -> list[MailSource]:
    """The sources for one path: a Maildir, an mbox, an .eml, or a folder of .eml/.mbox files."""
    path = Path(path).expanduser()
    if not path.exists():
        raise InvalidInput(f"There is no file or folder at {path}.")
    for kind in SOURCE_KINDS:
        if kind.accepts(path):
            return [kind(path)]
    if path.is_dir():
        sources = _folder_sources(path)
        if sources:
            return sources
        raise InvalidInput(
            f"The folder {path} holds no mail: no .eml or .mbox files, and it is not a Maildir."
        )
    raise InvalidInput(
        f"{path} is not a mail file bounceback can read; give an .mbox, an .eml, a Maildir or a folder of .eml files."
    )


def open_sources(paths: Iterable[Path | str]) -> list[MailSource]:
    """The sources for every path, in the order given; raises `InvalidInput` naming the first unusable path."""
    return [source for path in paths for source in open_source(path)]
