"""Play the demo story through the Tracker, dated relative to today, as one undoable change."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime, timedelta

from bounceback.demo.clock import Clock
from bounceback.demo.steps import Link, Meet, Move, Note, Opening, Step
from bounceback.demo.story import STORY
from bounceback.domain.model import Application, Interview, Origin
from bounceback.domain.stages import Stage
from bounceback.settings import Settings
from bounceback.tracker import Tracker

SAVED_AT = "08:45"
APPLIED_AT = "20:30"
STEP_GAP = timedelta(minutes=20)
# Stage changes that come from the employer, on a working day; the person applies or gives up any day.
EMPLOYER_MOVES = frozenset({Stage.SCREENING, Stage.INTERVIEWING, Stage.OFFER, Stage.REJECTED})


def clock_time(step: Step) -> str:
    """The local clock time of a step; an interview step happens when it is arranged."""
    return step.arranged_at if isinstance(step, Meet) else step.at


def written_at(step: Step, clock: Clock) -> datetime:
    """When the story puts a step: this fixes the order steps happen in."""
    return clock.at(step.day, clock_time(step))


def happens_at(step: Step, clock: Clock) -> datetime:
    """When a step happens; what employers do (replies, arranging interviews) falls on a weekday."""
    by_employer = isinstance(step, Meet) or (isinstance(step, Move) and step.stage in EMPLOYER_MOVES)
    day = clock.workday(step.day) if by_employer else step.day
    return clock.at(day, clock_time(step))


def interview_start(step: Meet, clock: Clock) -> datetime:
    """When an interview starts: its clock time in its own zone, on a weekday there."""
    return clock.at(clock.workday(step.on), step.at, step.zone)


def save_posting(tracker: Tracker, opening: Opening, clock: Clock) -> Application:
    """Record the posting on the day it was saved."""
    return tracker.add(
        opening.company,
        opening.role,
        when=clock.at(opening.saved, SAVED_AT),
        location=opening.location,
        work_mode=opening.mode,
        source=opening.source,
        salary_min=opening.salary.low,
        salary_max=opening.salary.high,
        salary_currency=opening.salary.currency,
        deadline=clock.day(opening.deadline) if opening.deadline is not None else None,
        excitement=opening.excitement,
        dream_job=opening.dream,
        tags=sorted(opening.tags),
        notes=opening.notes,
    )


def steps_of(opening: Opening) -> tuple[Step, ...]:
    """Everything after saving the posting: sending it (when it was sent), then the story's steps."""
    applying = (Move(opening.applied, Stage.APPLIED, at=APPLIED_AT),) if opening.applied is not None else ()
    return (*applying, *opening.steps)


def meet(tracker: Tracker, app: Application, step: Meet, when: datetime, clock: Clock) -> None:
    """Arrange an interview; every interview after the first is another round."""
    if not step.screening and app.stage is Stage.INTERVIEWING:
        tracker.move(app, Stage.INTERVIEWING, when=when, cause="interview scheduled")
    interview = Interview(
        application_id=app.id or 0,
        starts_at=interview_start(step, clock),
        timezone=step.zone,
        round=len(tracker.interviews(app)) + 1,
        kind=step.kind,
        duration_minutes=step.minutes,
        location=step.location,
        interviewers=step.interviewers,
    )
    tracker.add_interview(app, interview, screening=step.screening, when=when)


def take_step(tracker: Tracker, app: Application, step: Step, when: datetime, clock: Clock) -> None:
    """Do one step of an application's story at the given time."""
    if isinstance(step, Move):
        tracker.move(app, step.stage, when=when, reason=step.reason)
    elif isinstance(step, Meet):
        meet(tracker, app, step, when, clock)
    elif isinstance(step, Note):
        tracker.note(app, step.text, when=when)
    else:
        link(tracker, app, step, when)


def link(tracker: Tracker, app: Application, step: Link, when: datetime) -> None:
    """Record the person (once, by e-mail) and tie them to the application in their role."""
    person = step.person
    company = person.company or tracker.company_of(app).name
    contact = tracker.add_contact(person.name, company=company, email=person.email, title=person.title)
    tracker.link(app, contact, step.role, when=when)


def play(tracker: Tracker, opening: Opening, clock: Clock) -> Application:
    """Write one opening and everything that happened to it, in the order it happened."""
    app = save_posting(tracker, opening, clock)
    last = clock.at(opening.saved, SAVED_AT)
    for step in sorted(steps_of(opening), key=lambda s: written_at(s, clock)):
        # A step moved off a weekend may land on the same day as the one before: keep the story's order.
        last = max(happens_at(step, clock), last + STEP_GAP)
        take_step(tracker, app, step, last, clock)
    return app


def in_story_order(openings: Iterable[Opening]) -> list[Opening]:
    """Openings by the day they were saved, so ids follow the search as it unfolded."""
    return sorted(openings, key=lambda o: o.saved)


def build_demo(
    settings: Settings,
    *,
    now: datetime | None = None,
    advance: Callable[[Opening], None] | None = None,
) -> int:
    """Write the whole story into the workspace `settings` point at; returns how many applications."""
    from bounceback.workspace import Workspace

    clock = Clock.for_now(now)
    openings = in_story_order(STORY)
    workspace = Workspace.open(settings)
    try:
        with workspace.change("Build the demo search", origin=Origin.DEMO) as change:
            for opening in openings:
                play(change.tracker, opening, clock)
                if advance is not None:
                    advance(opening)
    finally:
        workspace.close()
    return len(openings)
