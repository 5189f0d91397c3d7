"""The smaller coaching records: the yearly rejection goal, lessons and the question bank, and the outcome of
a feedback request."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bounceback.coach.effects import set_goal
from bounceback.coach.history import load_history, rejections
from bounceback.domain.coaching import FeedbackOutcome, FeedbackRequest, Lesson, LessonKind, Question
from bounceback.domain.errors import InvalidInput
from bounceback.domain.model import Application
from bounceback.domain.recovery import goal_sentence, rejections_in_year
from bounceback.outreach.marking import record_feedback_outcome
from bounceback.storage.schema import applications, feedback_requests, lessons, questions
from bounceback.tracker import Tracker


def rejections_so_far(tracker: Tracker, year: int) -> int:
    """How many rejections the person recorded in a year."""
    apps = tracker.applications()
    history = load_history(tracker.session, tracker.owner_id, apps)
    return rejections_in_year(rejections(apps, history.events), year)


def record_goal(tracker: Tracker, year: int, goal: int) -> str:
    """Set the year's rejection goal; returns where the person stands against it."""
    set_goal(tracker, year, goal)
    return goal_sentence(rejections_so_far(tracker, year), goal, year)


@dataclass(frozen=True)
class Kept:
    """A lesson or a question, with the application it came from."""

    kind: str
    text: str
    application: str
    at: datetime


def lessons_kept(session: Session, owner_id: int) -> tuple[list[Kept], list[Kept]]:
    """All lessons (grouped by kind, oldest first) and the question bank."""
    slugs = dict(
        session.execute(
            select(applications.c.id, applications.c.slug).where(applications.c.owner_id == owner_id)
        ).all()
    )
    order = {kind: n for n, kind in enumerate(LessonKind)}
    kept = session.scalars(
        select(Lesson).where(lessons.c.owner_id == owner_id).order_by(lessons.c.created_at)
    )
    found = [Kept(x.kind.value, x.text, slugs.get(x.application_id, ""), x.created_at) for x in kept]
    found.sort(key=lambda k: order[LessonKind(k.kind)])
    asked = session.scalars(
        select(Question).where(questions.c.owner_id == owner_id).order_by(questions.c.created_at)
    )
    bank = [Kept(q.kind.value, q.text, slugs.get(q.application_id, ""), q.created_at) for q in asked]
    return found, bank


def record_feedback(tracker: Tracker, app: Application, answer: str | None, now: datetime) -> str:
    """Record what came of asking for feedback (the answer, kept as a lesson too, or no answer), on the newest
    request for this application; one is added when none was recorded."""
    if answer is not None and not answer.strip():
        raise InvalidInput("The feedback text is empty; use --no-answer when nothing came back.")
    request = _latest_request(tracker, app)
    added = request is None
    if request is None:
        request = FeedbackRequest(app.id or 0, now, owner_id=tracker.owner_id)
        tracker.session.add(request)
        tracker.session.flush()
    said = record_feedback_outcome(tracker, request.id or 0, now, answer=answer, none=answer is None)
    return ("There was no request on record, so one was added with this outcome. " if added else "") + said


def _latest_request(tracker: Tracker, app: Application) -> FeedbackRequest | None:
    """The newest feedback request on an application, pending ones first."""
    query = select(FeedbackRequest).where(feedback_requests.c.application_id == app.id)
    rows = list(tracker.session.scalars(query.order_by(feedback_requests.c.requested_at.desc())))
    pending = [r for r in rows if r.outcome is FeedbackOutcome.PENDING]
    chosen = pending or rows
    return chosen[0] if chosen else None
