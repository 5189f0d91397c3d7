"""Due-list rules around interviews and while waiting on an employer: interviews coming, thank-you notes,
follow-ups (5–7 business days after the employer's last word, or a business day after a promised date; two at
most, then a suggestion to move on), and the weekly check-in. Pure."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

from bounceback.domain.actions import Action, ActionKind
from bounceback.domain.business_days import END_OF_DAY, MORNING, add_business_days, at_local, local_day
from bounceback.domain.due import (
    DueItem,
    DueKind,
    DueRules,
    SearchState,
    act,
    app_item,
    day_label,
    ghost_key,
    interview_item,
    last_heard,
)
from bounceback.domain.model import Application, Event
from bounceback.domain.outreach import (
    OutreachKind,
    has_conversation,
    interview_end,
    last_contact,
    pick_recipient,
    promised_day,
    sent_kind,
    sent_since,
)
from bounceback.domain.stages import AWAITING_EMPLOYER, Stage

THANK_YOU_WITHIN = timedelta(hours=24)
THANK_YOU_KEPT = timedelta(days=3)
FOLLOW_UP_FROM, FOLLOW_UP_BY = 5, 7  # business days after the last word from the employer
MAX_FOLLOW_UPS = 2
CHECKIN_EVERY = timedelta(days=7)


def spoke_with_someone(state: SearchState, app: Application) -> bool:
    """Whether there was a conversation with a person at this application."""
    roles = [role for _, role in state.people.get(app.id or 0, [])]
    return has_conversation(app.furthest_stage, state.interviews_of(app.id or 0), roles)


# Interviews -------------------------------------------------------------------------------------------
def interview_items(state: SearchState, rules: DueRules, now: datetime) -> Iterator[DueItem]:
    """Interviews of open applications that have not long started."""
    active = {a.id: a for a in state.apps if a.is_active}
    for iv in state.interviews:
        app = active.get(iv.application_id)
        if app is not None and iv.starts_at >= now - timedelta(hours=1):
            yield interview_item(iv, app.slug, rules.upcoming_days, named=state.named(app))


def thank_you_items(state: SearchState) -> Iterator[DueItem]:
    """A thank-you within a day of each interview of an open application, until one is sent."""
    for app in state.apps:
        if not app.is_active:
            continue
        events = state.events.get(app.id or 0, [])
        thanked = {e.details.get("interview") for e in events if sent_kind(e) is OutreachKind.THANK_YOU}
        for iv in state.interviews_of(app.id or 0):
            end = interview_end(iv)
            if iv.id in thanked or sent_since(events, OutreachKind.THANK_YOU, end):
                continue
            yield app_item(
                DueKind.THANK_YOU,
                app,
                f"iv{iv.id or 0}",
                title=f"Thank {interviewers(state, app, iv.interviewers)} for the interview at {state.company(app)}",
                due_at=end + THANK_YOU_WITHIN,
                action=act(ActionKind.DRAFT, app, draft=OutreachKind.THANK_YOU),
                shows_from=end,
                expires_at=end + THANK_YOU_KEPT,
            )


def interviewers(state: SearchState, app: Application, named: str) -> str:
    """Who to thank: the names given for the interview, else a person linked to it, else 'your interviewers'."""
    if named.strip():
        return named.strip()
    chosen = pick_recipient(OutreachKind.THANK_YOU, state.people.get(app.id or 0, []))
    return chosen[0].name if chosen else "your interviewers"


# Follow-ups -------------------------------------------------------------------------------------------
def follow_up_items(state: SearchState, rules: DueRules, now: datetime) -> Iterator[DueItem]:
    """Following up when the employer goes quiet, where there is someone to write to."""
    for app in state.apps:
        ivs = state.interviews_of(app.id or 0)
        if app.stage not in AWAITING_EMPLOYER or any(iv.starts_at > now for iv in ivs):
            continue
        if not state.people.get(app.id or 0) and not spoke_with_someone(state, app):
            continue  # nobody to write to: the ghost suggestion covers it
        events = state.events.get(app.id or 0, [])
        contact = last_contact(events, ivs, now)
        if contact is not None:
            sent = sent_since(events, OutreachKind.FOLLOW_UP, contact)
            yield follow_up_item(state, app, contact, sent, rules)


def follow_up_item(
    state: SearchState, app: Application, contact: datetime, sent: list[Event], rules: DueRules
) -> DueItem:
    """The next follow-up after the employer's last word and the notes already sent, or the move-on."""
    zone, holidays, company = rules.zone, rules.holidays, state.company(app)
    if len(sent) >= MAX_FOLLOW_UPS:
        return move_on_item(app, company, contact, sent, rules)
    contact_day = local_day(contact, zone)
    promise = promised_day(state.events.get(app.id or 0, []))
    if not sent and promise is not None and promise >= contact_day:
        first = last = add_business_days(promise, 1, holidays)
        title = f"Follow up with {company}: the answer promised by {promise.day} {promise:%b} has not come"
    else:
        anchor = local_day(sent[-1].occurred_at, zone) if sent else contact_day
        first = add_business_days(anchor, FOLLOW_UP_FROM, holidays)
        last = add_business_days(anchor, FOLLOW_UP_BY, holidays)
        title = (
            f"Follow up once more with {company}: no answer to your note of {day_label(sent[-1].occurred_at, zone)}"
            if sent
            else f"Follow up with {company}: no word since {day_label(contact, zone)}"
        )
    return app_item(
        DueKind.FOLLOW_UP,
        app,
        contact_day.isoformat(),
        len(sent) + 1,
        title=title,
        due_at=at_local(last, END_OF_DAY, zone),
        action=act(ActionKind.DRAFT, app, draft=OutreachKind.FOLLOW_UP),
        shows_from=at_local(first, MORNING, zone),
    )


def move_on_item(
    app: Application, company: str, contact: datetime, sent: list[Event], rules: DueRules
) -> DueItem:
    """After two unanswered follow-ups: suggest letting it go (shares its key with the ghost suggestion)."""
    day = add_business_days(local_day(sent[-1].occurred_at, rules.zone), FOLLOW_UP_FROM, rules.holidays)
    return DueItem(
        DueKind.GHOSTED,
        ghost_key(app, ghost_since(app, contact, sent)),
        app.id or 0,
        app.slug,
        f"{company} has not answered two follow-ups; it may be time to let this one go",
        at_local(day, END_OF_DAY, rules.zone),
        act(ActionKind.CLOSE, app, outcome=Stage.GHOSTED),
        shows_from=at_local(day, MORNING, rules.zone),
    )


def ghost_since(app: Application, contact: datetime | None, sent: list[Event]) -> datetime:
    """The start of the silence a ghosting suggestion counts from: the last word either way."""
    moments = [m for m in (last_heard(app), contact, sent[-1].occurred_at if sent else None) if m]
    return max(moments)


def heard_map(state: SearchState, now: datetime) -> dict[int, datetime]:
    """For each application, the employer's last word or the person's last follow-up, whichever is later."""
    heard = {}
    for app in state.apps:
        events = state.events.get(app.id or 0, [])
        moments = [e.occurred_at for e in events if sent_kind(e) is OutreachKind.FOLLOW_UP]
        contact = last_contact(events, state.interviews_of(app.id or 0), now)
        if contact is not None:
            moments.append(contact)
        if moments:
            heard[app.id or 0] = max(moments)
    return heard


# The person -------------------------------------------------------------------------------------------
def checkin_items(state: SearchState, rules: DueRules, now: datetime) -> Iterator[DueItem]:
    """A weekly check-in, a week after the last one (or after the search began); one key per week."""
    starts = [a.created_at for a in state.apps if a.created_at]
    anchor = state.last_checkin or min(starts, default=None)
    if anchor is None:
        return
    shows = anchor + CHECKIN_EVERY
    day = local_day(max(shows, now), rules.zone)
    year, week, weekday = day.isocalendar()
    monday = at_local(day - timedelta(days=weekday - 1), MORNING, rules.zone)
    yield DueItem(
        DueKind.CHECKIN,
        f"{DueKind.CHECKIN.value}:{year}-W{week:02d}",
        0,
        "",
        "Weekly check-in: how has this week been?",
        max(shows, monday) + timedelta(days=1),
        Action(ActionKind.CHECK_IN),
        shows_from=shows,
    )
