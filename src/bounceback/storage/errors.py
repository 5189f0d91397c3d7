"""What storage refuses, as sentences a person can act on."""

from __future__ import annotations

from bounceback.domain.errors import BouncebackError, StorageError


class Conflict(BouncebackError):
    """An earlier change cannot be reverted on its own."""


class WriteRefused(StorageError):
    """The database refused a change (a value too large for its column, against a constraint); nothing of the
    change was kept."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"The database refused this change, so nothing of it was kept: {reason}.")
        self.reason = reason
