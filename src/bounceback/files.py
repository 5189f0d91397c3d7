"""Files the commands write for people (a report, a calendar, a draft, an export): whole or not at all.

A write goes to a `.part` file beside the target and is renamed into place once complete, so a full disk or a
killed process never leaves a half or empty file where the old one was; the reason is one plain sentence.
"""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path

from bounceback.domain.errors import InvalidInput

_FULL = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})


def write_atomically(path: Path, data: str | bytes) -> None:
    """Write text (UTF-8) or bytes to `path` whole, or raise InvalidInput saying why it cannot be written."""
    path = path.expanduser()
    part = path.with_name(path.name + ".part")
    try:
        with part.open("wb") as out:
            out.write(data.encode("utf-8") if isinstance(data, str) else data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(part, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            part.unlink(missing_ok=True)
        if exc.errno in _FULL:
            raise InvalidInput(
                f"“{path}” was not written: the disk is full. Free some space and try again."
            ) from None
        raise InvalidInput(f"“{path}” cannot be written: {exc.strerror or exc}.") from None
