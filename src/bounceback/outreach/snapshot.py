"""Reads everything the due list is derived from, over the fast plain-SQL reader, and the holiday calendar."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime

from bounceback.domain.coaching import (
    BounceSession,
    FeedbackOutcome,
    FeedbackRequest,
    Question,
    QuestionKind,
    ReminderState,
    ReminderStatus,
)
from bounceback.domain.due import DueItem, DueRules, SearchState, due_now
from bounceback.domain.errors import InvalidInput
from bounceback.domain.stages import Stage
from bounceback.settings import Settings
from bounceback.storage.reader import Reader
from bounceback.storage.reader import utc_moment as moment

# Applications whose timeline and people the rules look at; the rest are settled.
_WATCHED = (Stage.APPLIED, Stage.SCREENING, Stage.INTERVIEWING, Stage.OFFER, Stage.REJECTED)


@dataclass
class DueView:
    """The derived reminders, what shows now, and the person's stored answers."""

    derived: list[DueItem]
    shown: list[DueItem]
    answers: dict[str, ReminderState]


def load_due(settings: Settings, reader: Reader, now: datetime) -> DueView:
    """Derive the due list as it stands at `now`."""
    from bounceback.domain.due_rules import derive_due

    state = load_state(reader)
    answers = {a.key: a for a in reminder_states(reader)}
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


def load_state(reader: Reader) -> SearchState:
    """The search as the rules need it: applications, interviews, timelines, people and coaching records."""
    views = reader.applications()
    watched = [v.app.id or 0 for v in views if v.app.stage in _WATCHED]
    return SearchState(
        apps=[v.app for v in views],
        companies={v.app.company_id: v.company for v in views},
        interviews=reader.interviews(),
        events=reader.timelines(set(watched)),
        people=reader.people_of(set(watched)),
        sessions=bounce_sessions(reader),
        feedback=feedback_requests(reader),
        last_checkin=last_checkin(reader),
    )


def bounce_sessions(reader: Reader) -> list[BounceSession]:
    """Bounce-back sessions, started or finished."""
    found = reader.rows("SELECT * FROM bounce_sessions WHERE owner_id = :owner ORDER BY id")
    return [
        BounceSession(
            application_id=r["application_id"],
            started_at=moment(r["started_at"]) or datetime.now(UTC),
            finished_at=moment(r["finished_at"]),
            step=r["step"],
            id=r["id"],
        )
        for r in found
    ]


def feedback_requests(reader: Reader) -> list[FeedbackRequest]:
    """Requests for feedback and what came of them."""
    found = reader.rows("SELECT * FROM feedback_requests WHERE owner_id = :owner ORDER BY id")
    return [
        FeedbackRequest(
            application_id=r["application_id"],
            requested_at=moment(r["requested_at"]) or datetime.now(UTC),
            contact_id=r["contact_id"],
            outcome=FeedbackOutcome(r["outcome"]),
            answer=r["answer"] or "",
            answered_at=moment(r["answered_at"]),
            id=r["id"],
        )
        for r in found
    ]


def last_checkin(reader: Reader) -> datetime | None:
    """When the person last checked in."""
    return moment(reader.rows("SELECT MAX(at) AS last FROM checkins WHERE owner_id = :owner")[0]["last"])


def reminder_states(reader: Reader) -> list[ReminderState]:
    """The person's answers to reminders."""
    found = reader.rows("SELECT * FROM reminder_states WHERE owner_id = :owner ORDER BY id")
    return [
        ReminderState(
            key=r["key"],
            status=ReminderStatus(r["status"]),
            updated_at=moment(r["updated_at"]) or datetime.now(UTC),
            snoozed_until=moment(r["snoozed_until"]),
            id=r["id"],
        )
        for r in found
    ]


def questions(reader: Reader, app_id: int) -> list[Question]:
    """The question bank for one interview: all hard questions, and the questions to ask kept for this
    application or for every one."""
    found = reader.rows(
        "SELECT * FROM questions WHERE owner_id = :owner AND (kind = :hard OR application_id IS NULL "
        "OR application_id = :app) ORDER BY created_at, id",
        hard=QuestionKind.HARD.value,
        app=app_id,
    )
    return [
        Question(
            kind=QuestionKind(r["kind"]),
            text=r["text"],
            created_at=moment(r["created_at"]) or datetime.now(UTC),
            application_id=r["application_id"],
            notes=r["notes"] or "",
            id=r["id"],
        )
        for r in found
    ]
