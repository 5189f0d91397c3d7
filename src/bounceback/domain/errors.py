"""Errors a person can cause and fix; each carries one plain sentence for them.

Where the sentence would name a way out that only a front end can word (a command, a page), the error carries
a key, the actions it points to and the values the sentence needs, and each front end's catalogue words it
(cli/messages.py, web/messages.py); `message` stays a plain sentence without them. The CLI exits with
`exit_code`, the web answers with `http_status`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bounceback.domain.actions import Action


class BouncebackError(Exception):
    """A problem the user can fix: the CLI prints the message and exits non-zero, without a traceback."""

    exit_code = 1
    http_status = 400

    def __init__(
        self, message: str, *, key: str = "", actions: Sequence[Action] = (), **values: object
    ) -> None:
        super().__init__(message)
        self.message = message
        self.key = key
        self.actions = tuple(actions)
        self.values = values


class NotFound(BouncebackError):
    """Something named by the user does not exist."""

    http_status = 404


class Ambiguous(BouncebackError):
    """A short name matches more than one thing."""

    def __init__(self, message: str, candidates: list[str]) -> None:
        super().__init__(message)
        self.candidates = candidates


class InvalidInput(BouncebackError):
    """A value the user typed cannot be understood."""


class TransitionNotAllowed(BouncebackError):
    """A stage change that the stage rules forbid."""


class StorageError(BouncebackError):
    """The database cannot be used as it is (too new, unreachable, ...)."""
