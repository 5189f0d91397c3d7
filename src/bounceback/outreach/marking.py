"""Writing down what the person did: an answer to a reminder (done, snoozed, dismissed), an email they sent,
the answer to a request for feedback, a date the employer promised. Runs inside one journaled change, so
`bounceback undo` reverts each of these like any other change."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from bounceback.domain.coaching import (
    FeedbackOutcome,
    FeedbackRequest,
    Lesson,
    LessonKind,
    ReminderState,
    ReminderStatus,
)
from bounceback.domain.due import DueItem, DueKind
from bounceback.domain.errors import InvalidInput, NotFound
from bounceback.domain.model import Application, Contact, Event, EventKind
from bounceback.domain.outreach import ANSWER_BY, SENT, OutreachKind
from bounceback.outreach.drafts import default_recipient
from bounceback.workspace.change import Change

_SENT_SUMMARY = {
    OutreachKind.THANK_YOU: "Thank-you note sent to {who}",
    OutreachKind.FOLLOW_UP: "Follow-up sent to {who}",
    OutreachKind.FEEDBACK: "Asked {who} for feedback",
    OutreachKind.RECONNECT: "Wrote to {who} to stay in touch",
    OutreachKind.WITHDRAWAL: "Withdrawal sent to {who}",
    OutreachKind.ACCEPT: "Acceptance sent to {who}",
    OutreachKind.DECLINE: "Declined the offer in writing to {who}",
}
# The email a reminder stands for, when marking it done means that email went out.
_SENDS = {
    DueKind.THANK_YOU: OutreachKind.THANK_YOU,
    DueKind.FOLLOW_UP: OutreachKind.FOLLOW_UP,
    DueKind.FEEDBACK: OutreachKind.FEEDBACK,
    DueKind.RECONNECT: OutreachKind.RECONNECT,
}


@dataclass
class Marked:
    """What marking a reminder done wrote, in sentences for the person."""

    lines: list[str] = field(default_factory=list)


def set_answer(
    change: Change, key: str, status: ReminderStatus, now: datetime, *, until: datetime | None = None
) -> ReminderState:
    """Store the person's answer to one reminder (one row per key, updated in place)."""
    state = change.store.first(ReminderState, key=key)
    if state is None:
        state = change.store.add(ReminderState(key=key, status=status, updated_at=now))
    state.status, state.updated_at = status, now
    state.snoozed_until = until if status is ReminderStatus.SNOOZED else None
    return state


def key_number(key: str, prefix: str) -> int | None:
    """The number in a key part like 'iv3' or 'c5'."""
    for part in key.split(":")[2:]:
        if part.startswith(prefix) and part[len(prefix) :].isdigit():
            return int(part[len(prefix) :])
    return None


def mark_done(
    change: Change, item: DueItem, now: datetime, *, answer: str | None = None, no_answer: bool = False
) -> Marked:
    """Mark a reminder done, and write down what doing it means: an email sent, a feedback answer."""
    marked = Marked()
    if item.kind is DueKind.FEEDBACK_OUTCOME:
        request_id = key_number(item.key, "fr") or 0
        marked.lines.append(record_feedback_outcome(change, request_id, now, answer=answer, none=no_answer))
    elif item.kind in _SENDS:
        app = change.tracker.get(item.application_id)
        contact = (
            change.store.get(Contact, key_number(item.key, "c")) if item.kind is DueKind.RECONNECT else None
        )
        event = record_sent(
            change, app, _SENDS[item.kind], now, contact=contact, interview=key_number(item.key, "iv")
        )
        marked.lines.append(f"On the timeline of {app.slug}: {event.summary}.")
    set_answer(change, item.key, ReminderStatus.DONE, now)
    return marked


def record_sent(
    change: Change,
    app: Application,
    kind: OutreachKind,
    when: datetime,
    *,
    contact: Contact | None = None,
    interview: int | None = None,
) -> Event:
    """Put an email the person sent on the timeline (a request for feedback is also kept to ask about later)."""
    tracker = change.tracker
    if contact is None:
        contact = default_recipient(kind, tracker.people_of(app), tracker.timeline(app))
    who = contact.name if contact else tracker.company_of(app).name
    details: dict[str, object] = {SENT: kind.value}
    if contact is not None:
        details["contact"] = contact.id
    if interview is not None:
        details["interview"] = interview
    if kind is OutreachKind.FEEDBACK:
        contact_id = contact.id if contact else None
        request = change.store.add(
            FeedbackRequest(application_id=app.id or 0, requested_at=when, contact_id=contact_id)
        )
        change.store.flush()
        details["request"] = request.id
    summary = _SENT_SUMMARY[kind].format(who=who)
    return tracker.record(app, EventKind.EMAIL, when, summary, cause="sent by you", details=details)


def record_feedback_outcome(
    change: Change, request_id: int, when: datetime, *, answer: str | None, none: bool
) -> str:
    """Write down what came of a request for feedback; an answer is also kept as a lesson."""
    if bool(answer and answer.strip()) == none:
        raise InvalidInput('Say what came of it: --answered "what they said", or --no-answer.')
    tracker = change.tracker
    request = change.store.get(FeedbackRequest, request_id)
    if request is None:
        raise NotFound(f"There is no request for feedback with id {request_id}.")
    app = tracker.get(request.application_id)
    company = tracker.company_of(app).name
    request.answered_at = when
    if none:
        request.outcome = FeedbackOutcome.NO_ANSWER
        tracker.record(app, EventKind.NOTE, when, f"No answer from {company} to the request for feedback")
        return (
            "Noted. Most employers never answer these (Talent Board 2022: about 7 in 10 candidates get no "
            "feedback), so the silence says nothing about you."
        )
    text = (answer or "").strip()
    request.outcome, request.answer = FeedbackOutcome.ANSWERED, text
    change.store.add(Lesson(kind=LessonKind.FEEDBACK, text=text, created_at=when, application_id=app.id))
    tracker.record(app, EventKind.NOTE, when, f"{company} answered the request for feedback")
    return f"Kept with your lessons: “{text}”. Take what is useful in it and leave the rest."


def record_promise(change: Change, app: Application, day: date, when: datetime) -> Event:
    """Note the day the employer said they would answer by, so the follow-up waits for it."""
    summary = f"They said they would answer by {day:%a} {day.day} {day:%b %Y}"
    return change.tracker.record(app, EventKind.NOTE, when, summary, details={ANSWER_BY: day.isoformat()})
