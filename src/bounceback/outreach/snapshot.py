"""Reads everything the due list is derived from, through the read model, and the holiday calendar."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from bounceback.domain.coaching import ReminderState
from bounceback.domain.due import DueItem, DueRules, SearchState, due_now
from bounceback.domain.errors import InvalidInput
from bounceback.domain.stages import Stage
from bounceback.settings import Settings
from bounceback.workspace import ReadModel

# Applications whose timeline and people the rules look at; the rest are settled.
_WATCHED = (Stage.APPLIED, Stage.SCREENING, Stage.INTERVIEWING, Stage.OFFER, Stage.REJECTED)


@dataclass
class DueView:
    """The derived reminders, what shows now, and the person's stored answers."""

    derived: list[DueItem]
    shown: list[DueItem]
    answers: dict[str, ReminderState]


def load_due(settings: Settings, read: ReadModel, now: datetime) -> DueView:
    """Derive the due list as it stands at `now`."""
    from bounceback.domain.due_rules import derive_due

    state = load_state(read, now)
    answers = {a.key: a for a in read.reminder_states()}
    derived = derive_due(state, due_rules(settings, now), now)
    return DueView(derived, due_now(derived, answers, now), answers)


def due_rules(settings: Settings, now: datetime) -> DueRules:
    """The timings from the settings: the person's zone, the country's holidays around now."""
    from bounceback.dates import local_zone

    return DueRules(
        ghost_after_days=settings.ghost_after_days,
        upcoming_days=settings.upcoming_days,
        zone=local_zone(settings.timezone),
        holidays=holiday_dates(settings.country, range(now.year - 1, now.year + 2)),
    )


def holiday_dates(country: str, years: Iterable[int]) -> frozenset[date]:
    """Public holidays of a country ('DE') or a region of one ('US-CA', 'GB-SCT'); none without a country."""
    if not country.strip():
        return frozenset()
    import holidays

    code, _, region = country.strip().upper().partition("-")
    try:
        table = holidays.country_holidays(code, subdiv=region or None, years=list(years))
    except NotImplementedError:
        raise InvalidInput(
            f"BOUNCEBACK_COUNTRY “{country}” is not a country the holiday calendar knows; "
            "use a code like DE, GB-SCT or US-CA."
        ) from None
    return frozenset(table.keys())


def load_state(read: ReadModel, now: datetime | None = None) -> SearchState:
    """The search as the rules need it: applications, interviews, timelines, people and coaching records.
    Given `now`, only the timeline entries the rules read at that moment (a small indexed query); without it,
    whole timelines (the full derivation the small one is tested against)."""
    views = read.applications()
    watched = [v.app.id or 0 for v in views if v.app.stage in _WATCHED]
    return SearchState(
        apps=[v.app for v in views],
        companies={v.app.company_id: v.company for v in views},
        interviews=read.interviews(),
        events=read.timelines(watched) if now is None else read.due_timelines(watched, now),
        people=read.people_of(watched),
        sessions=read.bounce_sessions(),
        feedback=read.feedback_requests(),
        last_checkin=read.last_checkin_at(),
    )
