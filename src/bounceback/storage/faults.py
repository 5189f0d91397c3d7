"""What went wrong with the database, in one sentence: a full disk, a damaged or foreign file, a server not there.

The database libraries say these things in their own words, inside tracebacks; people need to hear what it
means for their search and what to do. Recognised by the driver's message, which is what SQLite and psycopg
keep stable; anything not recognised is left to the caller's catch-all.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

from sqlalchemy.exc import DBAPIError

DISK_FULL = "The disk is full, so nothing was saved; free some space and try again."
_DAMAGED = (
    "The workspace database {where} cannot be read ({detail}): it is damaged, or it is not a bounceback "
    "database. Nothing was changed; restore it from a backup (`bounceback export` writes one) or use "
    "another --home."
)
_UNREACHABLE = (
    "Cannot reach the database server ({detail}); check that it is running and that --database (or "
    "BOUNCEBACK_DATABASE_URL) names it. Nothing was changed."
)


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """The exception, what it wraps (`orig` of SQLAlchemy's), and what caused it."""
    seen: set[int] = set()
    pending: list[BaseException | None] = [exc]
    while pending:
        current = pending.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        pending += [getattr(current, "orig", None), current.__cause__, current.__context__]


def database_fault(exc: BaseException, where: str) -> str | None:
    """One sentence for a database failure a person can act on, or None when it is not one."""
    for current in _chain(exc):
        if not isinstance(current, sqlite3.Error | DBAPIError) and "psycopg" not in type(current).__module__:
            continue
        said = str(current.orig if isinstance(current, DBAPIError) else current).strip()
        message = said.splitlines()[0] if said else ""
        lower = message.lower()
        if "database or disk is full" in lower or "no space left" in lower:
            return DISK_FULL
        if "disk i/o error" in lower:
            return "The disk could not be written (a disk I/O error), so nothing was saved; check the disk."
        if "file is not a database" in lower or "malformed" in lower or "not an sqlite" in lower:
            return _DAMAGED.format(where=where, detail=message.rstrip("."))
        if "connection refused" in lower or "could not connect" in lower or "connection failed" in lower:
            return _UNREACHABLE.format(detail=message.rstrip("."))
        if "could not translate host name" in lower or "name or service not known" in lower:
            return _UNREACHABLE.format(detail=message.rstrip("."))
    return None
