"""Results that are slow to compute on a large search, kept while the data stays the same.

The read model's `data_version` differs whenever the search changed (the journal's newest step, the undone
ones, the applications' count and latest update) and reads in about a millisecond. A lifetime covers what time
alone changes (silence becoming ghosting).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class DataCache(Generic[T]):
    """One value per data version, recomputed (once, under a lock) when the version moves or it grows old."""

    def __init__(self, lifetime: float) -> None:
        self.lifetime = lifetime
        self._lock = threading.Lock()
        self._value: T | None = None
        self._version: tuple[Any, ...] | None = None
        self._made = 0.0

    def get(self, version: tuple[Any, ...], compute: Callable[[], T]) -> T:
        """The kept value when it is for this version and young enough, else a fresh one."""
        with self._lock:
            young = time.monotonic() - self._made < self.lifetime
            if self._value is None or version != self._version or not young:
                self._value = compute()
                self._version, self._made = version, time.monotonic()
            return self._value

    @property
    def value(self) -> T | None:
        """What is kept now (for tests)."""
        return self._value
