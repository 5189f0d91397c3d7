"""The calendar file: interviews at their own wall-clock time across daylight-saving changes, reminders with
alarms, valid RFC 5545 read back with icalendar, and the same UIDs on every export."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar

from bounceback.cli.messages import command
from bounceback.domain.actions import Action, ActionKind
from bounceback.domain.coaching import ReminderState, ReminderStatus
from bounceback.domain.due import DueItem, DueKind
from bounceback.domain.model import Interview, InterviewKind
from bounceback.domain.outreach import OutreachKind
from bounceback.outreach.calendar import InterviewEntry, build_calendar, calendar_reminders
from tests.conftest import CLI

NOW = datetime(2026, 3, 20, 12, tzinfo=UTC)
LONDON = ZoneInfo("Europe/London")
# 10:00 in Berlin on the morning the clocks go forward, and 09:00 in New York on the morning they go back.
BERLIN_DST = Interview(1, datetime(2026, 3, 29, 8, tzinfo=UTC), "Europe/Berlin", id=12)
NEW_YORK_DST = Interview(
    2, datetime(2026, 11, 1, 14, tzinfo=UTC), "America/New_York", id=13, kind=InterviewKind.PHONE, round=2
)
THANKS = DueItem(
    DueKind.THANK_YOU, "thank_you:app1:iv12", 1, "acme-data-engineer", "Thank Jane Doe for the interview at Acme",
    datetime(2026, 3, 30, 9, tzinfo=UTC), Action(ActionKind.DRAFT, "acme-data-engineer", 1, draft=OutreachKind.THANK_YOU),
    shows_from=datetime(2026, 3, 29, 9, tzinfo=UTC), expires_at=datetime(2026, 4, 1, 9, tzinfo=UTC),
)  # fmt: skip
BOUNCE = DueItem(
    DueKind.BOUNCE, "bounce:app2", 2, "globex-analyst", "Bounce back from Globex",
    NOW - timedelta(hours=2), Action(ActionKind.BOUNCE, "globex-analyst", 2), shows_from=NOW - timedelta(days=1),
)  # fmt: skip


def entries() -> list[InterviewEntry]:
    """The two interviews with their names."""
    return [
        InterviewEntry(BERLIN_DST, "acme-data-engineer", "Acme", "Data Engineer"),
        InterviewEntry(NEW_YORK_DST, "globex-analyst", "Globex", "Analyst"),
    ]


def exported(now: datetime = NOW, answers: dict[str, ReminderState] | None = None) -> Calendar:
    """The calendar built and read back from its bytes."""
    reminders = calendar_reminders([THANKS, BOUNCE], answers or {}, now, LONDON)
    return Calendar.from_ical(build_calendar(entries(), reminders, now, how=command).to_ical())


def events(calendar: Calendar) -> dict[str, object]:
    """VEVENTs by UID."""
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def test_interviews_keep_their_wall_clock_time_across_daylight_saving_changes() -> None:
    """GIVEN interviews on the mornings Berlin and New York change their clocks WHEN exported and read back THEN
    each starts at its local time with its zone, and at the same instant as stored."""
    found = events(exported())
    berlin, new_york = found["interview-12@bounceback.local"], found["interview-13@bounceback.local"]
    start = berlin["DTSTART"].dt
    assert (start.hour, str(start.tzinfo), start.utcoffset()) == (10, "Europe/Berlin", timedelta(hours=2))
    assert start == BERLIN_DST.starts_at and berlin["DTEND"].dt - start == timedelta(hours=1)
    start = new_york["DTSTART"].dt
    assert (start.hour, str(start.tzinfo), start.utcoffset()) == (9, "America/New_York", timedelta(hours=-5))
    assert start == NEW_YORK_DST.starts_at
    assert str(berlin["SUMMARY"]) == "Video interview: Acme (Data Engineer)"
    assert str(new_york["SUMMARY"]) == "Phone interview: Globex (Analyst, round 2)"


def test_each_zone_used_gets_its_definition_in_the_file() -> None:
    """GIVEN interviews in two zones WHEN exported THEN the file carries a VTIMEZONE for each, with both the
    summer and the winter offsets."""
    zones = {str(z["TZID"]): z for z in exported().walk("VTIMEZONE")}
    assert set(zones) == {"Europe/Berlin", "America/New_York"}
    offsets = {str(part["TZNAME"]) for part in zones["Europe/Berlin"].subcomponents}
    assert {"CET", "CEST"} <= offsets


def test_interviews_and_reminders_have_alarms() -> None:
    """GIVEN a video interview and reminders WHEN exported THEN the interview rings an hour and a day before, and
    each reminder rings when it starts; every alarm is a DISPLAY alarm with a description."""
    found = events(exported())
    triggers = sorted(a["TRIGGER"].dt for a in found["interview-12@bounceback.local"].walk("VALARM"))
    assert triggers == [timedelta(days=-1), timedelta(hours=-1)]
    thanks = found["reminder-thank_you-app1-iv12@bounceback.local"]
    assert [a["TRIGGER"].dt for a in thanks.walk("VALARM")] == [timedelta(0)]
    assert thanks["DTSTART"].dt == THANKS.shows_from
    assert "bounceback done thank_you:app1:iv12" in str(thanks["DESCRIPTION"])
    for alarm in exported().walk("VALARM"):
        assert str(alarm["ACTION"]) == "DISPLAY" and str(alarm["DESCRIPTION"])


def test_a_reminder_already_due_is_placed_at_the_next_waking_half_hour() -> None:
    """GIVEN a reminder due since this morning WHEN exported at 12:00 THEN it starts at 12:30; exported at 23:10
    London time THEN at 09:00 the next morning, so its alarm rings when the person is up."""
    bounce = events(exported())["reminder-bounce-app2@bounceback.local"]
    assert bounce["DTSTART"].dt == NOW + timedelta(minutes=30)
    late = datetime(2026, 3, 20, 23, 10, tzinfo=UTC)
    bounce = events(exported(late))["reminder-bounce-app2@bounceback.local"]
    assert bounce["DTSTART"].dt == datetime(2026, 3, 21, 9, tzinfo=UTC)


def test_done_and_dismissed_reminders_are_left_out_and_snoozed_ones_move() -> None:
    """GIVEN the thank-you done and the bounce-back snoozed to tomorrow 10:00 WHEN exported THEN the thank-you is
    gone and the bounce-back starts at the end of the snooze."""
    until = datetime(2026, 3, 21, 10, tzinfo=UTC)
    answers = {
        THANKS.key: ReminderState(THANKS.key, ReminderStatus.DONE, NOW),
        BOUNCE.key: ReminderState(BOUNCE.key, ReminderStatus.SNOOZED, NOW, snoozed_until=until),
    }
    found = events(exported(answers=answers))
    assert "reminder-thank_you-app1-iv12@bounceback.local" not in found
    assert found["reminder-bounce-app2@bounceback.local"]["DTSTART"].dt == until


def test_the_file_is_valid_rfc_5545() -> None:
    """GIVEN an export WHEN its text is checked THEN it has PRODID and VERSION, every event a UID, DTSTAMP and
    DTSTART, CRLF line ends and no line longer than 75 octets."""
    raw = build_calendar(
        entries(), calendar_reminders([THANKS, BOUNCE], {}, NOW, LONDON), NOW, how=command
    ).to_ical()
    calendar = Calendar.from_ical(raw)
    assert str(calendar["VERSION"]) == "2.0" and str(calendar["PRODID"])
    for event in calendar.walk("VEVENT"):
        assert {"UID", "DTSTAMP", "DTSTART"} <= set(event)
    lines = raw.split(b"\r\n")
    assert lines[0] == b"BEGIN:VCALENDAR" and lines[-2] == b"END:VCALENDAR"
    assert max(len(line) for line in lines) <= 75


def test_exporting_again_gives_the_same_uids() -> None:
    """GIVEN the same search WHEN exported twice an hour apart THEN the UIDs are the same, so a calendar updates
    the events instead of adding copies."""
    assert set(events(exported())) == set(events(exported(NOW + timedelta(hours=1))))
    assert len(events(exported())) == 4


def test_calendar_export_writes_a_file_that_reads_back_with_stable_uids(cli: CLI, tmp_path: Path) -> None:
    """GIVEN an interview next week in Tokyo and a rejection WHEN `calendar export` runs twice THEN the file
    reads back with the interview at 10:00 Tokyo time, the reminders, and the same UIDs both times."""
    cli("add", "Acme", "Data Engineer")
    day = (datetime.now(ZoneInfo("Asia/Tokyo")) + timedelta(days=7)).date()
    cli("interview", "add", "acme", f"{day.isoformat()} 10:00 Asia/Tokyo")
    cli("add", "Globex", "Analyst", "--stage", "interviewing")
    cli("close", "globex", "rejected")
    target = tmp_path / "search.ics"
    assert "1 interview and" in cli("calendar", "export", str(target)).stdout
    first = events(Calendar.from_ical(target.read_bytes()))
    start = first["interview-1@bounceback.local"]["DTSTART"].dt
    assert (start.date(), start.hour, str(start.tzinfo)) == (day, 10, "Asia/Tokyo")
    assert "reminder-bounce-app2@bounceback.local" in first
    cli("calendar", "export", str(target))
    assert set(events(Calendar.from_ical(target.read_bytes()))) == set(first)
    cli("calendar", "export", str(target), "--no-reminders")
    assert set(events(Calendar.from_ical(target.read_bytes()))) == {"interview-1@bounceback.local"}
