"""Which interviews still stand. Closing an application (a no, a withdrawal, an accepted offer elsewhere) calls
off every interview that had not started yet: it is derived, not stored, so reopening the application (or an
undo of the close) brings them back as they were."""

from __future__ import annotations

from collections.abc import Iterable

from bounceback.domain.model import Application, Interview


def is_cancelled(interview: Interview, app: Application) -> bool:
    """True for an interview set to start after its application was closed."""
    if app.is_active or app.closed_at is None or interview.application_id != app.id:
        return False
    return interview.starts_at > app.closed_at


def standing(interviews: Iterable[Interview], app: Application) -> list[Interview]:
    """The interviews of one application that were not called off by its close."""
    return [iv for iv in interviews if not is_cancelled(iv, app)]


def cancelled(interviews: Iterable[Interview], app: Application) -> list[Interview]:
    """The interviews the close called off."""
    return [iv for iv in interviews if is_cancelled(iv, app)]
