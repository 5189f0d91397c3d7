"""The smaller coaching records: the yearly rejection goal, lessons and the question bank, and the outcome of
a feedback request."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bounceback.coach.effects import set_goal
from bounceback.coach.history import load_history, rejections
from bounceback.domain.coaching import FeedbackOutcome, FeedbackRequest, LessonKind
from bounceback.domain.errors import InvalidInput
from bounceback.domain.model import Application
from bounceback.domain.recovery import goal_sentence, rejections_in_year
from bounceback.outreach.marking import record_feedback_outcome
from bounceback.workspace import ReadModel
from bounceback.workspace.change import Change


def rejections_so_far(change: Change, year: int) -> int:
    """How many rejections the person recorded in a year."""
    apps = change.tracker.applications()
    history = load_history(change.read, apps)
    return rejections_in_year(rejections(apps, history.events), year)


def record_goal(change: Change, year: int, goal: int) -> str:
    """Set the year's rejection goal; returns where the person stands against it."""
    set_goal(change, year, goal)
    return goal_sentence(rejections_so_far(change, year), goal, year)


@dataclass(frozen=True)
class Kept:
    """A lesson or a question, with the application it came from."""

    kind: str
    text: str
    application: str
    at: datetime


def lessons_kept(read: ReadModel) -> tuple[list[Kept], list[Kept]]:
    """All lessons (grouped by kind, oldest first) and the question bank."""
    slugs = read.application_names()
    order = {kind: n for n, kind in enumerate(LessonKind)}
    found = [
        Kept(x.kind.value, x.text, slugs.get(x.application_id or 0, ""), x.created_at) for x in read.lessons()
    ]
    found.sort(key=lambda k: order[LessonKind(k.kind)])
    bank = [
        Kept(q.kind.value, q.text, slugs.get(q.application_id or 0, ""), q.created_at)
        for q in read.questions()
    ]
    return found, bank


def record_feedback(change: Change, app: Application, answer: str | None, now: datetime) -> str:
    """Record what came of asking for feedback (the answer, kept as a lesson too, or no answer), on the newest
    request for this application; one is added when none was recorded."""
    if answer is not None and not answer.strip():
        raise InvalidInput("The feedback text is empty; use --no-answer when nothing came back.")
    request = _latest_request(change, app)
    added = request is None
    if request is None:
        request = change.store.add(FeedbackRequest(app.id or 0, now))
        change.store.flush()
    said = record_feedback_outcome(change, request.id or 0, now, answer=answer, none=answer is None)
    return ("There was no request on record, so one was added with this outcome. " if added else "") + said


def _latest_request(change: Change, app: Application) -> FeedbackRequest | None:
    """The newest feedback request on an application, pending ones first."""
    requests = change.store.all(FeedbackRequest, application_id=app.id, order="-requested_at")
    pending = [r for r in requests if r.outcome is FeedbackOutcome.PENDING]
    chosen = pending or requests
    return chosen[0] if chosen else None
