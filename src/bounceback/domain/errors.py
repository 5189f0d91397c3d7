"""Errors a person can cause and fix; each carries one plain sentence for them."""


class BouncebackError(Exception):
    """A problem the user can fix: the CLI prints the message and exits non-zero, without a traceback."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFound(BouncebackError):
    """Something named by the user does not exist."""


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
