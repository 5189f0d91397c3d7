"""The whole list of messages an import could not read, kept in a file: a summary names twenty at most."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from bounceback.files import write_atomically
from bounceback.mail.message import ParseProblem

SHOWN = 20  # problems named in a summary; the rest are in the file


def write_problem_list(
    problems: Sequence[ParseProblem], folder: Path, *, now: datetime | None = None
) -> Path:
    """Every problem, one per line ('origin: reason'), in a new file in `folder`; returns its path."""
    moment = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"unreadable-mail-{moment}.txt"
    number = 1
    while path.exists():
        number += 1
        path = folder / f"unreadable-mail-{moment}-{number}.txt"
    lines = [f"{problem.origin}: {problem.reason}" for problem in problems]
    header = f"{len(problems):,} messages or files could not be read ({moment} UTC):\n"
    write_atomically(path, header + "\n".join(lines) + "\n")
    return path
