"""The person's own history, turned into what the domain rules measure: rejections, steps forward, outcomes
at each level, and mood readings. The assembly functions are plain; `load_history` reads the database."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, time

from bounceback.domain.coaching import BounceSession, CheckIn
from bounceback.domain.model import Application, Event, EventKind
from bounceback.domain.outreach import OutreachKind, sent_kind
from bounceback.domain.perspective import Level, StageOutcome, level_of
from bounceback.domain.recovery import ForwardStep, Rejection, StepKind
from bounceback.domain.stages import Stage
from bounceback.domain.wellbeing import Reading
from bounceback.workspace import ReadModel

# The email the person sent that counts as a step forward (insights/recovery.py counts the same).
FORWARD_EMAILS = frozenset({OutreachKind.FOLLOW_UP})
_CONVERSATION_STAGES = (Stage.SCREENING, Stage.INTERVIEWING)
_LEVEL_TOP = {
    Level.APPLICATION: Stage.APPLIED,
    Level.CONVERSATION: Stage.INTERVIEWING,
    Level.OFFER: Stage.OFFER,
}


@dataclass(frozen=True)
class History:
    """Everything of one owner's search the session measures against."""

    apps: list[Application]
    events: list[Event]
    readings: list[Reading]


def rejections(apps: Iterable[Application], timeline: Iterable[Event]) -> list[Rejection]:
    """Every recorded no, when it came; the stage event wins over the application's closing time."""
    slugs = {a.id: a.slug for a in apps}
    found = {
        e.application_id: Rejection(e.application_id, e.occurred_at, slugs.get(e.application_id, ""))
        for e in timeline
        if e.kind is EventKind.STAGE and e.to_stage is Stage.REJECTED
    }
    for app in apps:
        if app.stage is Stage.REJECTED and app.id not in found and app.closed_at is not None:
            found[app.id or 0] = Rejection(app.id or 0, app.closed_at, app.slug)
    return sorted(found.values(), key=lambda r: r.at)


def forward_steps(apps: Iterable[Application], timeline: Iterable[Event]) -> list[ForwardStep]:
    """Steps the person took: applying, interviews (and screening calls), follow-ups sent."""
    timeline = list(timeline)
    steps = [_applied(app, timeline) for app in apps if app.applied_on is not None]
    for event in timeline:
        if event.kind is EventKind.INTERVIEW or (
            event.kind is EventKind.STAGE and event.to_stage in _CONVERSATION_STAGES
        ):
            steps.append(ForwardStep(event.application_id, event.occurred_at, StepKind.INTERVIEW))
        elif sent_kind(event) in FORWARD_EMAILS:
            steps.append(ForwardStep(event.application_id, event.occurred_at, StepKind.FOLLOW_UP))
    return sorted(steps, key=lambda s: s.at)


def _applied(app: Application, timeline: list[Event]) -> ForwardStep:
    """When the person applied: the move out of "saved" on that day, else midday of the date they gave."""
    assert app.applied_on is not None
    for event in timeline:
        moved = event.kind is EventKind.STAGE and event.from_stage is Stage.SAVED
        if moved and event.application_id == app.id and event.occurred_at.date() == app.applied_on:
            return ForwardStep(app.id or 0, event.occurred_at, StepKind.APPLICATION)
    midday = datetime.combine(app.applied_on, time(12), tzinfo=UTC)
    return ForwardStep(app.id or 0, midday, StepKind.APPLICATION)


def level_outcomes(
    apps: Iterable[Application], timeline: Iterable[Event], level: Level
) -> list[StageOutcome]:
    """Each application that was decided at this level: got past it, or was turned down there."""
    top = _LEVEL_TOP[level]
    timeline = list(timeline)
    outcomes = []
    for app in apps:
        if app.stage is Stage.REJECTED and level_of(app.closed_from or app.furthest_stage) is level:
            outcomes.append(StageOutcome(app.closed_at or app.updated_at or _EPOCH, passed=False))
        elif _got_past(app, top):
            outcomes.append(StageOutcome(_passed_at(app, timeline, top), passed=True))
    return outcomes


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _got_past(app: Application, top: Stage) -> bool:
    """Whether the application went beyond the level's last stage (an offer answered counts for offers)."""
    if top is Stage.OFFER:
        return app.stage in (Stage.ACCEPTED, Stage.DECLINED)
    return app.furthest_stage.rank > top.rank


def _passed_at(app: Application, timeline: list[Event], top: Stage) -> datetime:
    """When the application first moved beyond the level."""
    for event in timeline:
        if event.application_id != app.id or event.kind is not EventKind.STAGE or event.to_stage is None:
            continue
        beyond = event.to_stage.rank > top.rank if top is not Stage.OFFER else event.to_stage.is_closed
        if beyond:
            return event.occurred_at
    return app.updated_at or app.created_at or _EPOCH


def readings(sessions: Iterable[BounceSession], check_ins: Iterable[CheckIn]) -> list[Reading]:
    """Every mood answer over time: weekly check-ins and the start and end of bounce-back sessions."""
    found = [Reading(c.at, c.mood, tuple(c.who5)) for c in check_ins if c.mood is not None or c.who5]
    for s in sessions:
        if s.mood_before is not None:
            found.append(Reading(s.started_at, s.mood_before))
        if s.mood_after is not None:
            found.append(Reading(s.finished_at or s.started_at, s.mood_after))
    return sorted(found, key=lambda r: r.at)


def load_readings(read: ReadModel) -> list[Reading]:
    """The person's mood readings: check-ins and the moods of bounce-back sessions."""
    return readings(read.bounce_sessions(), read.checkins())


def load_history(read: ReadModel, apps: list[Application]) -> History:
    """Applications, the timeline entries that matter here, and mood readings of one owner."""
    kinds = (EventKind.STAGE, EventKind.INTERVIEW, EventKind.EMAIL)
    return History(apps, read.events(kinds), load_readings(read))
