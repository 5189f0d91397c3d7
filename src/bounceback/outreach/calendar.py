"""An iCalendar file (RFC 5545) of the interviews, each in its own time zone, and of the reminders, each with
an alarm. UIDs come from ids and reminder keys, so importing the file again updates events, never doubles them."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any

from bounceback.domain.actions import Action, ActionKind
from bounceback.domain.business_days import MORNING, at_local
from bounceback.domain.coaching import ReminderState, ReminderStatus
from bounceback.domain.due import DueItem, DueKind, unique
from bounceback.domain.model import Interview, InterviewKind
from bounceback.domain.outreach import OutreachKind

PRODID = "-//bounceback//job search//EN"
UID_DOMAIN = "bounceback.local"
REMINDER_LENGTH = timedelta(minutes=15)


@dataclass(frozen=True)
class InterviewEntry:
    """An interview with the names a calendar shows."""

    interview: Interview
    slug: str
    company: str
    role: str
    cancelled: bool = False  # called off when the application was closed


def interview_uid(interview: Interview) -> str:
    """The same UID on every export for the same interview."""
    return f"interview-{interview.id or 0}@{UID_DOMAIN}"


def reminder_uid(key: str) -> str:
    """The same UID on every export for the same reminder key."""
    return f"reminder-{re.sub(r'[^A-Za-z0-9_-]+', '-', key)}@{UID_DOMAIN}"


def next_half_hour(now: datetime) -> datetime:
    """The next full or half hour, for reminders already due (so their alarm still rings)."""
    base = now.replace(second=0, microsecond=0)
    return base + timedelta(minutes=30 - base.minute % 30)


def waking(moment: datetime, zone: tzinfo) -> datetime:
    """The moment, or 09:00 the next morning when it falls in the person's night (21:00–08:00)."""
    local = moment.astimezone(zone)
    if 8 <= local.hour < 21:
        return moment
    day = local.date() + timedelta(days=1 if local.hour >= 21 else 0)
    return at_local(day, MORNING, zone)


def reminder_start(
    item: DueItem, answers: Mapping[str, ReminderState], now: datetime, zone: tzinfo
) -> datetime | None:
    """When a reminder goes in the calendar (in waking hours); None once done, dismissed or expired."""
    answer = answers.get(item.key)
    if answer is not None and answer.status is not ReminderStatus.SNOOZED:
        return None
    start = item.shows_from or item.due_at
    if answer is not None and answer.snoozed_until is not None:
        start = max(start, answer.snoozed_until)
    start = waking(max(start, next_half_hour(now)) if start < now else start, zone)
    if item.expires_at is not None and start >= item.expires_at:
        return None
    return start


def calendar_reminders(
    derived: Iterable[DueItem], answers: Mapping[str, ReminderState], now: datetime, zone: tzinfo
) -> list[tuple[DueItem, datetime]]:
    """Reminders for the calendar, with their start: interviews are events of their own, so left out."""
    chosen = []
    for item in unique(derived):
        start = reminder_start(item, answers, now, zone)
        if item.kind is not DueKind.INTERVIEW and start is not None:
            chosen.append((item, start))
    return sorted(chosen, key=lambda pair: (pair[1], pair[0].key))


def build_calendar(
    interviews: Iterable[InterviewEntry],
    reminders: Iterable[tuple[DueItem, datetime]],
    now: datetime,
    *,
    how: Callable[[Action], str],
) -> Any:
    """The whole calendar, with a VTIMEZONE for every zone an interview uses; `how` words each action (the
    command line's commands: the file is written by the CLI)."""
    from icalendar import Calendar

    interviews = list(interviews)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Job search")
    for entry in interviews:
        calendar.add_component(interview_event(entry, now, how))
    for item, start in reminders:
        calendar.add_component(reminder_event(item, start, now, how))
    calendar.add_missing_timezones(*zone_span([e.interview.starts_at for e in interviews], now))
    return calendar


def zone_span(moments: list[datetime], now: datetime) -> tuple[date, date]:
    """The years the time-zone definitions must cover: a year before the first interview to two after the last."""
    first, last = min([*moments, now]), max([*moments, now])
    return date(first.year - 1, 1, 1), date(last.year + 2, 12, 31)


def interview_event(entry: InterviewEntry, now: datetime, how: Callable[[Action], str]) -> Any:
    """An interview at its own wall-clock time, with an alarm an hour before (and a day before for video).
    One called off by a close keeps its UID with STATUS:CANCELLED and no alarm, so calendars drop it."""
    from icalendar import Event

    from bounceback.dates import zone

    iv = entry.interview
    start = iv.starts_at.astimezone(zone(iv.timezone))
    event = Event()
    event.add("uid", interview_uid(iv))
    event.add("dtstamp", now.astimezone(UTC))
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(minutes=iv.duration_minutes or 60))
    round_text = f", round {iv.round}" if iv.round > 1 else ""
    title = f"{iv.kind.value.capitalize()} interview: {entry.company} ({entry.role}{round_text})"
    if entry.cancelled:
        return cancelled_event(event, title)
    event.add("status", "CONFIRMED")
    event.add("summary", title)
    if iv.location:
        event.add("location", iv.location)
    lines = [f"With {iv.interviewers}." if iv.interviewers else ""]
    lines += [
        f"Prepare: {how(Action(ActionKind.PREPARE, entry.slug, iv.application_id))}",
        f"Afterwards: {how(Action(ActionKind.DRAFT, entry.slug, iv.application_id, draft=OutreachKind.THANK_YOU))}",
    ]
    event.add("description", "\n".join(line for line in lines if line))
    event.add_component(alarm(timedelta(hours=-1), f"In an hour: interview with {entry.company}."))
    if iv.kind is InterviewKind.VIDEO:
        note = (
            f"Tomorrow: video interview with {entry.company}. Test the link, the app, camera and sound today."
        )
        event.add_component(alarm(timedelta(days=-1), note))
    return event


def cancelled_event(event: Any, title: str) -> Any:
    """The interview as called off: same UID, a higher sequence, STATUS:CANCELLED, no alarm."""
    event.add("status", "CANCELLED")
    event.add("sequence", 1)
    event.add("summary", f"Cancelled: {title}")
    event.add("description", "Cancelled: the application is closed.")
    event.add("transp", "TRANSPARENT")
    return event


def reminder_event(item: DueItem, start: datetime, now: datetime, how: Callable[[Action], str]) -> Any:
    """A short event for one reminder, with an alarm when it starts."""
    from icalendar import Event

    event = Event()
    event.add("uid", reminder_uid(item.key))
    event.add("dtstamp", now.astimezone(UTC))
    event.add("dtstart", start.astimezone(UTC))
    event.add("dtend", start.astimezone(UTC) + REMINDER_LENGTH)
    event.add("summary", item.title)
    due = item.due_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    done = how(Action(ActionKind.MARK_DONE, reminder=item.key))
    event.add("description", f"Best done by {due}.\nDo it with: {how(item.action)}\nThen: {done}")
    event.add("categories", [item.kind.value.replace("_", " ")])
    event.add("transp", "TRANSPARENT")
    event.add_component(alarm(timedelta(0), item.title))
    return event


def alarm(before: timedelta, text: str) -> Any:
    """A display alarm relative to the start."""
    from icalendar import Alarm

    component = Alarm()
    component.add("action", "DISPLAY")
    component.add("trigger", before)
    component.add("description", text)
    return component
