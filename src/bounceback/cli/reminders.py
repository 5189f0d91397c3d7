"""Answering reminders: `done`, `snooze`, `dismiss` (by the key or number `due` shows), and `expect`, for the
day an employer promised an answer by."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Annotated

import typer

from bounceback.cli.context import STATE, console
from bounceback.cli.options import AppName

if TYPE_CHECKING:
    from bounceback.domain.due import DueItem

KeyArg = Annotated[
    str, typer.Argument(help="The reminder's key or its number, as `bounceback due` shows them.")
]
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def find_item(text: str, now: datetime) -> DueItem:
    """The reminder a person named by its number on the list or by its key."""
    from bounceback.domain.due import unique
    from bounceback.domain.errors import NotFound
    from bounceback.outreach.snapshot import load_due

    with STATE.read() as read:
        view = load_due(STATE.require_settings(), read, now)
    wanted = text.strip()
    if wanted.isdigit():
        number = int(wanted)
        if 1 <= number <= len(view.shown):
            return view.shown[number - 1]
        raise NotFound(f"The due list has no number {number}; `bounceback due` shows what is on it.")
    for item in unique(view.derived):
        if item.key == wanted:
            return item
    raise NotFound(f"No reminder has the key “{wanted}”; `bounceback due` shows the keys.")


def sentence(title: str) -> str:
    """A title as the end of a sentence."""
    return title if title.endswith(("?", "!", ".")) else title + "."


def done(
    key: KeyArg,
    answered: Annotated[
        str | None, typer.Option(help="For a feedback request: what they said (kept with your lessons).")
    ] = None,
    no_answer: Annotated[
        bool, typer.Option("--no-answer", help="For a feedback request: they did not answer.")
    ] = False,
) -> None:
    """Mark a reminder done; a thank-you, follow-up, feedback request or reconnect goes on the timeline as sent."""
    from bounceback.outreach.marking import mark_done

    now = datetime.now(UTC)
    item = find_item(key, now)
    with STATE.change(f"Done: {item.title}") as tracker:
        marked = mark_done(tracker, item, now, answer=answered, no_answer=no_answer)
    console.print(f"Done: {sentence(item.title)}", markup=False)
    for line in marked.lines:
        console.print(line, markup=False)


def snooze(
    key: KeyArg,
    until: Annotated[
        str | None, typer.Option(help="Until when: '2026-03-14', 'Monday 9am', ISO time.")
    ] = None,
    days: Annotated[
        int | None, typer.Option(min=1, help="For this many days (until 09:00 that day).")
    ] = None,
) -> None:
    """Put a reminder off until later (tomorrow morning unless told otherwise)."""
    from bounceback.domain.coaching import ReminderStatus
    from bounceback.outreach.marking import set_answer

    now = datetime.now(UTC)
    moment = snooze_until(now, until, days)
    item = find_item(key, now)
    with STATE.change(f"Snooze: {item.title}") as tracker:
        set_answer(tracker, item.key, ReminderStatus.SNOOZED, now, until=moment)
    console.print(f"Snoozed until {shown_time(moment)}: {sentence(item.title)}", markup=False)


def snooze_until(now: datetime, until: str | None, days: int | None) -> datetime:
    """The end of a snooze: a moment given, N days on at 09:00, or tomorrow at 09:00."""
    from bounceback.dates import local_zone, parse_moment
    from bounceback.domain.business_days import MORNING, at_local
    from bounceback.domain.errors import InvalidInput

    if until is not None and days is not None:
        raise InvalidInput("Give --until or --days, not both.")
    zone_name = STATE.require_settings().timezone
    zone = local_zone(zone_name)
    if until is None:
        return at_local(now.astimezone(zone).date() + timedelta(days=days or 1), MORNING, zone)
    if _ISO_DAY.match(until.strip()):
        return at_local(datetime.fromisoformat(until.strip()).date(), MORNING, zone)
    moment = parse_moment(until, default_zone=zone_name, now=now)[0]
    if moment <= now:
        raise InvalidInput(f"“{until}” has already passed; snooze until a later time.")
    return moment


def shown_time(moment: datetime) -> str:
    """A moment in the person's zone, for messages."""
    from bounceback.dates import local_zone

    local = moment.astimezone(local_zone(STATE.require_settings().timezone))
    return f"{local:%a} {local.day} {local:%b %H:%M}"


def dismiss(key: KeyArg) -> None:
    """Take a reminder off the list for good (`bounceback undo` brings it back)."""
    from bounceback.domain.coaching import ReminderStatus
    from bounceback.outreach.marking import set_answer

    now = datetime.now(UTC)
    item = find_item(key, now)
    with STATE.change(f"Dismiss: {item.title}") as tracker:
        set_answer(tracker, item.key, ReminderStatus.DISMISSED, now)
    console.print(f"Dismissed: {sentence(item.title)} It stays off the list.", markup=False)


def expect(
    name: AppName,
    day: Annotated[
        str, typer.Argument(help="The day they said they would answer by ('2026-03-14', 'Friday').")
    ],
) -> None:
    """Note the day an employer promised an answer by; the follow-up waits until the business day after."""
    from bounceback.dates import local_zone, parse_moment
    from bounceback.outreach.marking import record_promise

    now = datetime.now(UTC)
    zone_name = STATE.require_settings().timezone
    promised = parse_moment(day, default_zone=zone_name, now=now)[0].astimezone(local_zone(zone_name)).date()
    with STATE.change(f"Answer expected from {name}") as tracker:
        app = tracker.find(name)
        record_promise(tracker, app, promised, now)
        company = tracker.company_of(app).name
    console.print(
        f"Noted: {company} said they would answer by {promised:%a} {promised.day} {promised:%b}. "
        "If nothing comes, the follow-up shows up the business day after.",
        markup=False,
    )


def register(app: typer.Typer) -> None:
    """Add the reminder answers to the CLI."""
    app.command()(done)
    app.command()(snooze)
    app.command()(dismiss)
    app.command()(expect)
