"""The rules that derive the due list from the search: the orchestrator, and what follows a rejection.
Pure: state in, items out. Items carry their whole time window, so the same rules serve the list now and the
calendar ahead."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta

from bounceback.domain.actions import Action, ActionKind
from bounceback.domain.business_days import MORNING, at_local
from bounceback.domain.coaching import FeedbackOutcome
from bounceback.domain.due import (
    DueItem,
    DueKind,
    DueRules,
    SearchState,
    act,
    app_item,
    app_key,
    day_label,
    ghost_suggestions,
)
from bounceback.domain.due_waiting import (
    checkin_items,
    follow_up_items,
    heard_map,
    interview_items,
    spoke_with_someone,
    thank_you_items,
)
from bounceback.domain.model import Application, Contact, EventKind
from bounceback.domain.outreach import (
    OutreachKind,
    chosen_for_feedback,
    feedback_drafted,
    pick_recipient,
    planned_reconnects,
    sent_kind,
)
from bounceback.domain.stages import Stage

AFTER_REJECTION_KEPT = timedelta(days=14)  # a session or a feedback request helps most in these days
BOUNCE_WITHIN = timedelta(days=1)
FEEDBACK_WITHIN = timedelta(hours=48)
FEEDBACK_ANSWER_AFTER = timedelta(days=14)
RECONNECT_GRACE = timedelta(days=14)


def derive_due(state: SearchState, rules: DueRules, now: datetime) -> list[DueItem]:
    """Every reminder the search implies, whatever its time window; `due_now` picks what shows."""
    open_apps = [a for a in state.apps if a.is_active]
    return [
        *bounce_items(state),
        *feedback_items(state),
        *feedback_outcome_items(state),
        *reconnect_items(state, rules),
        *interview_items(state, rules, now),
        *thank_you_items(state),
        *follow_up_items(state, rules, now),  # before the ghost suggestions: its "move on" shares their key
        *ghost_suggestions(
            open_apps, now, rules.ghost_after_days, heard=heard_map(state, now), companies=state.companies
        ),
        *checkin_items(state, rules, now),
        *next_step_items(state, rules),
    ]


def rejected(state: SearchState) -> Iterator[tuple[Application, datetime]]:
    """Rejected applications with the moment of the no."""
    for app in state.apps:
        if app.stage is Stage.REJECTED and app.closed_at is not None:
            yield app, app.closed_at


def bounce_items(state: SearchState) -> Iterator[DueItem]:
    """A bounce-back session after each rejection, until one is finished."""
    finished = {s.application_id for s in state.sessions if s.finished_at is not None}
    for app, closed in rejected(state):
        if app.id not in finished:
            yield app_item(
                DueKind.BOUNCE,
                app,
                title=f"Bounce back from {state.company(app)}",
                due_at=closed + BOUNCE_WITHIN,
                action=act(ActionKind.BOUNCE, app),
                shows_from=closed,
                expires_at=closed + AFTER_REJECTION_KEPT,
            )


def feedback_items(state: SearchState) -> Iterator[DueItem]:
    """Asking for feedback, within two days of a no, where the person spoke with someone."""
    asked = {f.application_id for f in state.feedback}
    for app, closed in rejected(state):
        if app.id in asked or not spoke_with_someone(state, app):
            continue
        people, events = state.people.get(app.id or 0, []), state.events.get(app.id or 0, [])
        drafted, wanted = feedback_drafted(events), chosen_for_feedback(events)
        named = next((p for p, _ in people if wanted and p.id == wanted), None)
        if named is None and not drafted:
            picked = pick_recipient(OutreachKind.FEEDBACK, people)
            named = picked[0] if picked else None
        who = f"{named.name} at {state.company(app)}" if named else state.company(app)
        to = (named.email or str(named.id)) if named and drafted else ""
        yield app_item(
            DueKind.FEEDBACK,
            app,
            title=f"Send your request for feedback to {who} (drafted, not sent yet)"
            if drafted
            else f"Ask {who} for feedback",
            due_at=closed + FEEDBACK_WITHIN,
            action=act(ActionKind.DRAFT, app, draft=OutreachKind.FEEDBACK, to=to),
            shows_from=closed,
            expires_at=None if drafted else closed + AFTER_REJECTION_KEPT,  # chosen: it stays until sent
        )


def feedback_outcome_items(state: SearchState) -> Iterator[DueItem]:
    """Two weeks after asking for feedback: record what came of it."""
    apps = {a.id: a for a in state.apps}
    for request in state.feedback:
        app = apps.get(request.application_id)
        if app is None or request.outcome is not FeedbackOutcome.PENDING:
            continue
        part = f"fr{request.id or 0}"
        shows = request.requested_at + FEEDBACK_ANSWER_AFTER
        yield app_item(
            DueKind.FEEDBACK_OUTCOME,
            app,
            part,
            title=f"Did {state.company(app)} answer your request for feedback?",
            due_at=shows + timedelta(days=7),
            action=act(ActionKind.RECORD_FEEDBACK, app),
            shows_from=shows,
        )


def reappeared(state: SearchState, app: Application, closed: datetime) -> datetime | None:
    """When the company came back into the search after the no: a new application or a new email."""
    moments = [
        other.created_at
        for other in state.apps_of_company(app.company_id)
        if other.id != app.id and other.created_at and other.created_at > closed
    ]
    moments += [
        e.occurred_at
        for e in state.events.get(app.id or 0, [])
        if e.occurred_at > closed and e.kind is EventKind.EMAIL and sent_kind(e) is None
    ]
    return min(moments, default=None)


def reconnect_items(state: SearchState, rules: DueRules) -> Iterator[DueItem]:
    """Months after a no (or on the day the person planned), or as soon as the company shows up again: get
    back in touch with the people met."""
    for app, closed in rejected(state):
        people: list[Contact | None] = [person for person, _ in state.people.get(app.id or 0, [])]
        if not people and not spoke_with_someone(state, app):
            continue
        again = reappeared(state, app, closed)
        plans = planned_reconnects(state.events.get(app.id or 0, []))
        done = reconnected(state, app, closed)
        for person in people or [None]:
            person_id = (person.id or 0) if person else 0
            planned = plans.get(person_id)
            default = closed + timedelta(days=rules.reconnect_after_days)
            later = at_local(planned, MORNING, rules.zone) if planned else default
            shows = min(later, again) if again else later
            if person_id not in done:
                yield reconnect_item(state, app, person, shows, comeback=shows == again)


def reconnected(state: SearchState, app: Application, closed: datetime) -> set[int]:
    """Ids of the people written to since the no (0 stands for 'the people met', unnamed)."""
    sent = [e for e in state.events.get(app.id or 0, []) if e.occurred_at > closed]
    return {int(str(e.details.get("contact") or 0)) for e in sent if sent_kind(e) is OutreachKind.RECONNECT}


def reconnect_item(
    state: SearchState, app: Application, person: Contact | None, shows: datetime, *, comeback: bool
) -> DueItem:
    """One reconnect reminder, for one person or for the people met at the company."""
    company = state.company(app)
    who = person.name if person else f"the people you met at {company}"
    title = (
        f"{company} is in your search again: a good moment to write to {who}"
        if comeback
        else f"Get back in touch with {who} ({company}, {app.role})"
    )
    to = str(person.email or person.id) if person else ""
    return app_item(
        DueKind.RECONNECT,
        app,
        *([f"c{person.id}"] if person else []),
        title=title,
        due_at=shows + RECONNECT_GRACE,
        action=act(ActionKind.DRAFT, app, draft=OutreachKind.RECONNECT, to=to),
        shows_from=shows,
    )


NEXT_STEP = "next_step"  # details key of the next step a bounce-back session ends with ("by": its day)
EVENING = time(18, 0)


def next_step_items(state: SearchState, rules: DueRules) -> Iterator[DueItem]:
    """The next step the person named at the end of a bounce-back session, due on the day they chose; it
    stays until they mark it done (or dismiss it)."""
    for app in state.apps:
        for event in state.events.get(app.id or 0, []):
            step, by = event.details.get(NEXT_STEP), event.details.get("by")
            try:
                day = date.fromisoformat(str(by))
            except ValueError:
                continue
            if not step:
                continue
            due = at_local(day, EVENING, rules.zone)
            yield app_item(
                DueKind.NEXT_STEP,
                app,
                f"e{event.id or 0}",
                title=f"Your next step after {state.company(app)}: {step} (by {day_label(due, rules.zone)})",
                due_at=due,
                action=Action(
                    ActionKind.MARK_DONE,
                    app.slug,
                    app.id or 0,
                    reminder=app_key(DueKind.NEXT_STEP, app, f"e{event.id or 0}"),
                ),
                shows_from=min(event.occurred_at, due),
            )
