"""What an advisor sees of a seeker's search. A summary holds stages, counts, dates and bounce-back time: no
notes, no mail, no free writing. The whole search adds the notes of applications and the lessons kept; the free
writing of a bounce-back session is never part of either."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from statistics import median

from bounceback.domain.accounts import Sharing
from bounceback.domain.model import EventKind
from bounceback.domain.stages import Stage
from bounceback.workspace import ReadModel


@dataclass(frozen=True)
class Row:
    """One application as a summary shows it."""

    company: str
    role: str
    stage: Stage
    applied_on: date | None
    closed_from: Stage | None
    notes: str = ""  # the whole search only


@dataclass(frozen=True)
class SeekerSummary:
    """A seeker's search at the level they share."""

    sharing: Sharing
    rows: list[Row]
    counts: dict[Stage, int]
    applications: int
    interviews: int  # applications that reached an interview
    offers: int
    rejections_by_stage: dict[Stage, int]
    bounce_back_days: list[float]
    days_to_first_offer: float | None
    lessons: list[str] = field(default_factory=list)  # the whole search only

    @property
    def median_bounce_back(self) -> float | None:
        return round(median(self.bounce_back_days), 1) if self.bounce_back_days else None


def _reached(stage: Stage, furthest: Stage, wanted: Stage) -> bool:
    if stage in (Stage.ACCEPTED, Stage.DECLINED):
        return True
    return furthest.rank >= wanted.rank


def summarise(read: ReadModel, sharing: Sharing) -> SeekerSummary:
    """The seeker's search as `sharing` allows (nothing shared: the caller never gets here)."""
    from bounceback.insights.gather import gather
    from bounceback.insights.recovery import pairings

    full = sharing is Sharing.FULL
    views = read.applications()
    apps = [view.app for view in views]
    rows = [
        Row(
            v.company,
            v.app.role,
            v.app.stage,
            v.app.applied_on,
            v.app.closed_from,
            v.app.notes if full else "",
        )
        for v in views
    ]
    counts: dict[Stage, int] = {}
    rejected: dict[Stage, int] = {}
    for app in apps:
        counts[app.stage] = counts.get(app.stage, 0) + 1
        if app.stage is Stage.REJECTED:
            where = app.closed_from or Stage.APPLIED
            rejected[where] = rejected.get(where, 0) + 1
    backs = [b.days for b in pairings(gather(read)) if b.days is not None]
    return SeekerSummary(
        sharing=sharing,
        rows=rows,
        counts=counts,
        applications=len(apps),
        interviews=sum(
            1 for a in apps if _reached(a.stage, a.furthest_stage, Stage.INTERVIEWING) or a.interview_rounds
        ),
        offers=sum(1 for a in apps if _reached(a.stage, a.furthest_stage, Stage.OFFER)),
        rejections_by_stage=rejected,
        bounce_back_days=[round(days, 1) for days in backs],
        days_to_first_offer=_days_to_first_offer(read, [a.applied_on for a in apps if a.applied_on]),
        lessons=[lesson.text for lesson in read.lessons()] if full else [],
    )


def _days_to_first_offer(read: ReadModel, applied: list[date]) -> float | None:
    """Days from the first application to the first offer, or None without either."""
    offers = [e.occurred_at for e in read.events([EventKind.STAGE]) if e.to_stage is Stage.OFFER]
    if not offers or not applied:
        return None
    start = datetime.combine(min(applied), datetime.min.time(), tzinfo=UTC)
    return round(max(0.0, (min(offers) - start).total_seconds() / 86400), 1)
