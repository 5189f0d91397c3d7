"""The catch-all of the two exit points (the CLI's `run`, the web app's error page): any error that is not a
person's mistake becomes one plain sentence, and, when nobody foresaw it, the traceback goes to a log file.

Kept small and in one place on purpose: the sentences will move into a catalogue with the others.
"""

from __future__ import annotations

import errno
import re
import traceback
from datetime import UTC, datetime
from pathlib import Path

from bounceback.settings import APP_NAME, Settings

LOG_NAME = "bounceback.log"
LOG_LIMIT = 1 << 20  # bytes a log may grow to before it starts again
_FULL = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})
_PASSWORD_IN_URL = re.compile(r"(\w[\w+.-]*://[^:/@\s]*:)[^@\s]+@")


def explain(exc: BaseException, settings: Settings | None) -> str:
    """One sentence for an error no front end handled; unforeseen ones are logged, and the sentence says where."""
    known = foreseen(exc, settings)
    if known is not None:
        return known
    log = write_log(exc, settings)
    where = f"the details are in {log}" if log else "its details could not be written to a log either"
    return f"Something went wrong that bounceback did not expect ({type(exc).__name__}); {where}."


def foreseen(exc: BaseException, settings: Settings | None) -> str | None:
    """The sentence for a fault bounceback knows (a full disk, a damaged database, a file it cannot write)."""
    from bounceback.storage.faults import DISK_FULL, database_fault

    found = database_fault(exc, _database_name(settings))
    if found is not None:
        return found
    if isinstance(exc, OSError):
        if exc.errno in _FULL:
            return DISK_FULL
        name = f"“{exc.filename}”" if exc.filename else "a file"
        return f"Cannot use {name}: {exc.strerror or exc}. Nothing was changed."
    if isinstance(exc, UnicodeError) and "surrogates not allowed" in str(exc):
        return "Some text given is not valid UTF-8 (check the terminal's encoding); nothing was changed."
    if isinstance(exc, MemoryError):
        return "There was not enough memory to finish; nothing half-done was kept."
    return None


def _database_name(settings: Settings | None) -> str:
    if settings is None:
        return "file"
    if settings.sqlite_path is not None:
        return f"“{settings.sqlite_path}”"
    return "on the server"


def log_path(settings: Settings | None) -> Path:
    """Where tracebacks go: the workspace's logs folder, else the platform's log folder."""
    if settings is not None and settings.home.is_dir():
        return settings.home / "logs" / LOG_NAME
    from platformdirs import user_log_dir

    return Path(user_log_dir(APP_NAME, appauthor=False)) / LOG_NAME


def write_log(exc: BaseException, settings: Settings | None) -> Path | None:
    """Append the traceback (passwords in URLs hidden) to the log; None when even that fails."""
    path = log_path(settings)
    text = _PASSWORD_IN_URL.sub(r"\1***@", "".join(traceback.format_exception(exc)))
    entry = f"--- {datetime.now(UTC).isoformat(timespec='seconds')}\n{text}\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        mode = "w" if path.exists() and path.stat().st_size > LOG_LIMIT else "a"
        with path.open(mode, encoding="utf-8") as log:
            log.write(entry)
    except OSError:
        return None
    return path
