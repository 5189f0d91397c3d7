"""Bounce-back time and mood over time, by the coach's own rules (domain/recovery.py, domain/wellbeing.py).

Bounce-back time: from a rejection to the person's next step forward on another application — a new
application, a follow-up sent, an interview — as `domain.recovery.bounce_backs` pairs them. The rejections and
steps are assembled here from the timeline the insights already read, with the same rules as
`coach.history` (which reads them through the ORM), one application at a time so a long search stays fast.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, tzinfo
from enum import StrEnum

from bounceback.domain import recovery
from bounceback.domain.errors import InvalidInput
from bounceback.domain.model import Application, Event, EventKind
from bounceback.domain.outreach import OutreachKind, sent_kind
from bounceback.domain.stages import Stage
from bounceback.domain.wellbeing import Reading, mood_trend, who5_percent, who5_raw, who5_trend
from bounceback.insights.effort import local_day
from bounceback.insights.gather import SearchFacts

_CONVERSATIONS = (Stage.SCREENING, Stage.INTERVIEWING)


@dataclass(frozen=True)
class BounceBack:
    """One rejection and the days until the next step forward (None while there is none yet)."""

    rejected_on: date
    company: str
    days: float | None
    step: str = ""


class MoodKind(StrEnum):
    """Where a mood reading came from."""

    CHECK_IN = "check_in"  # weekly mood item, 0–10
    WHO5 = "who5"  # WHO-5 well-being score, 0–100
    BEFORE = "before"  # at the start of a bounce-back session, 0–10
    AFTER = "after"  # at its end, 0–10


@dataclass(frozen=True)
class MoodPoint:
    """One reading on one day."""

    day: date
    kind: MoodKind
    value: int


def rejections(apps: Iterable[Application], events: dict[int, list[Event]]) -> list[recovery.Rejection]:
    """Every recorded no: when the move to rejected happened, else when the application was closed."""
    found = []
    for app in apps:
        if app.stage is not Stage.REJECTED:
            continue
        moves = [
            e.occurred_at
            for e in events.get(app.id or 0, ())
            if e.kind is EventKind.STAGE and e.to_stage is Stage.REJECTED
        ]
        at = moves[-1] if moves else app.closed_at
        if at is not None:
            found.append(recovery.Rejection(app.id or 0, at, app.slug))
    return found


def steps_of(app: Application, events: list[Event]) -> list[recovery.ForwardStep]:
    """One application's steps forward: applying, interviews and screening calls, follow-ups sent."""
    app_id = app.id or 0
    steps = []
    if app.applied_on is not None:
        moved = [e.occurred_at for e in events if e.kind is EventKind.STAGE and e.from_stage is Stage.SAVED]
        same_day = [at for at in moved if at.date() == app.applied_on]
        at = same_day[0] if same_day else datetime.combine(app.applied_on, time(12), tzinfo=UTC)
        steps.append(recovery.ForwardStep(app_id, at, recovery.StepKind.APPLICATION))
    for e in events:
        if e.kind is EventKind.INTERVIEW or (e.kind is EventKind.STAGE and e.to_stage in _CONVERSATIONS):
            steps.append(recovery.ForwardStep(app_id, e.occurred_at, recovery.StepKind.INTERVIEW))
        elif sent_kind(e) is OutreachKind.FOLLOW_UP:
            steps.append(recovery.ForwardStep(app_id, e.occurred_at, recovery.StepKind.FOLLOW_UP))
    return steps


def pairings(facts: SearchFacts) -> list[recovery.BounceBack]:
    """Each rejection paired with the first step forward after it, oldest first."""
    apps = [v.app for v in facts.views]
    steps = [s for app in apps for s in steps_of(app, facts.events.get(app.id or 0, []))]
    return recovery.bounce_backs(rejections(apps, facts.events), steps)


def bounce_backs(facts: SearchFacts, zone: tzinfo) -> list[BounceBack]:
    """Every rejection with its bounce-back time, oldest first."""
    paired = pairings(facts)
    companies = {v.app.id: v.company for v in facts.views}
    return [
        BounceBack(
            local_day(b.rejection.at, zone),
            companies.get(b.rejection.application_id, ""),
            None if b.days is None else round(b.days, 1),
            b.step.kind.phrase if b.step else "",
        )
        for b in paired
    ]


def who5_score(items: list[int]) -> int | None:
    """The WHO-5 score 0–100, when the five items were answered and each is 0–5."""
    try:
        return who5_percent(who5_raw(items)) if items else None
    except InvalidInput:
        return None


def mood_points(facts: SearchFacts, zone: tzinfo) -> list[MoodPoint]:
    """Every mood reading, by day: check-ins, WHO-5 scores, and moods before and after bounce-back sessions."""
    points = []
    for checkin in facts.checkins:
        day = local_day(checkin.at, zone)
        if checkin.mood is not None:
            points.append(MoodPoint(day, MoodKind.CHECK_IN, checkin.mood))
        score = who5_score(checkin.who5)
        if score is not None:
            points.append(MoodPoint(day, MoodKind.WHO5, score))
    for session in facts.sessions:
        if session.mood_before is not None:
            points.append(
                MoodPoint(local_day(session.started_at, zone), MoodKind.BEFORE, session.mood_before)
            )
        if session.mood_after is not None:
            ended = session.finished_at or session.started_at
            points.append(MoodPoint(local_day(ended, zone), MoodKind.AFTER, session.mood_after))
    return sorted(points, key=lambda p: (p.day, p.kind))


def mood_sentences(facts: SearchFacts) -> list[str]:
    """The mood and WHO-5 trends as the coach words them ("Mood over time: 4 → 5 → 7 (0–10), going up.")."""
    readings = [Reading(c.at, c.mood) for c in facts.checkins if c.mood is not None]
    readings += [Reading(s.started_at, s.mood_before) for s in facts.sessions if s.mood_before is not None]
    readings += [
        Reading(s.finished_at or s.started_at, s.mood_after)
        for s in facts.sessions
        if s.mood_after is not None
    ]
    scored = [Reading(c.at, None, tuple(c.who5)) for c in facts.checkins if who5_score(c.who5) is not None]
    return [s for s in (mood_trend(readings), who5_trend(scored)) if s]
