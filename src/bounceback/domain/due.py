"""What needs doing now: upcoming interviews and applications that look ghosted. Later steps add more kinds."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from bounceback.domain.model import Application, Interview
from bounceback.domain.stages import AWAITING_EMPLOYER


class DueKind(StrEnum):
    """Kinds of things the due list holds."""

    INTERVIEW = "interview"
    GHOSTED = "ghosted"


@dataclass(frozen=True)
class DueItem:
    """One thing to do, with when it is due and the command that does it."""

    kind: DueKind
    application_id: int
    slug: str
    title: str
    due_at: datetime
    command: str

    def is_overdue(self, now: datetime) -> bool:
        """True once its time has passed."""
        return self.due_at < now


def last_heard(app: Application) -> datetime | None:
    """When the application last moved or the employer last showed a sign of life."""
    return app.last_activity_at or app.created_at


def ghost_suggestions(apps: list[Application], now: datetime, days: int) -> list[DueItem]:
    """Applications waiting on the employer with no answer for `days`: suggested, never closed silently."""
    items = []
    for app in apps:
        heard = last_heard(app)
        if app.stage not in AWAITING_EMPLOYER or heard is None:
            continue
        silent = (now - heard).days
        if silent >= days:
            items.append(
                DueItem(
                    DueKind.GHOSTED,
                    app.id or 0,
                    app.slug,
                    f"No answer from {app.slug} for {silent} days; close it as ghosted?",
                    heard + timedelta(days=days),
                    f"bounceback close {app.slug} ghosted",
                )
            )
    return items


def upcoming_interviews(
    interviews: list[Interview], slugs: dict[int, str], now: datetime, horizon_days: int
) -> list[DueItem]:
    """Interviews from now to the horizon (and any that started within the last hour)."""
    start, end = now - timedelta(hours=1), now + timedelta(days=horizon_days)
    items = []
    for iv in interviews:
        if start <= iv.starts_at <= end and iv.application_id in slugs:
            slug = slugs[iv.application_id]
            items.append(
                DueItem(
                    DueKind.INTERVIEW,
                    iv.application_id,
                    slug,
                    f"{iv.kind.value.capitalize()} interview (round {iv.round}) for {slug}",
                    iv.starts_at,
                    f"bounceback show {slug}",
                )
            )
    return items


def sort_due(items: list[DueItem], now: datetime) -> list[DueItem]:
    """Overdue first, then by when each is due."""
    return sorted(items, key=lambda i: (not i.is_overdue(now), i.due_at))
