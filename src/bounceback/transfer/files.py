"""Reading and writing whole files for imports and exports, with one plain sentence when that fails."""

from __future__ import annotations

from pathlib import Path

from bounceback.domain.errors import InvalidInput
from bounceback.files import write_atomically

__all__ = ["read_text", "write_atomically"]


def read_text(path: Path) -> str:
    """A UTF-8 text file, or a plain sentence saying why it cannot be read."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InvalidInput(f"There is no file “{path}”.") from None
    except UnicodeDecodeError:
        raise InvalidInput(f"“{path.name}” is not a bounceback export (it is not UTF-8 text).") from None
    except OSError as exc:
        raise InvalidInput(f"“{path}” cannot be read: {exc.strerror}.") from None
