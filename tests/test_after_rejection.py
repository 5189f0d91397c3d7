"""After a rejection, item by item, through the real entry point: what closing does to interviews still to come
(show, prep, the thank-you, the calendar file), whom the feedback request goes to and when it counts as sent,
the session's next step on the due list, a finished session, the short path, and the words that follow the
calendar."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from icalendar import Calendar

from tests.conftest import CLI


def day(offset: int) -> str:
    """A day relative to today, as the CLI takes it."""
    return f"{datetime.now(UTC) + timedelta(days=offset):%Y-%m-%d}"


def rejected_with_a_round_to_come(cli: CLI) -> str:
    """Acme: a video round two days ago, an onsite round next week, then the no."""
    cli("add", "Acme Corp", "Data Engineer", "--stage", "applied")
    cli("interview", "add", "acme", f"{day(-2)} 10:00 Europe/London", "--interviewers", "Dana Smith")
    cli("interview", "add", "acme", f"{day(7)} 14:00 Europe/London", "--kind", "onsite")
    return cli("close", "acme", "rejected", "--reason", "They chose someone with more Spark").stdout


def events_of(path: Path) -> list[dict[str, str]]:
    """The interview events of a calendar file: uid, summary, status, sequence and alarm count."""
    calendar = Calendar.from_ical(path.read_bytes())
    return [
        {
            "uid": str(e.get("uid")),
            "summary": str(e.get("summary")),
            "status": str(e.get("status", "")),
            "sequence": str(e.get("sequence", "")),
            "alarms": str(len(e.subcomponents)),
        }
        for e in calendar.walk("VEVENT")
        if str(e.get("uid")).startswith("interview-")
    ]


def test_closing_cancels_the_interviews_still_to_come(sqlite_cli: CLI, tmp_path: Path) -> None:
    """GIVEN an application with one interview held and one still to come
    WHEN it is closed as rejected
    THEN the close says the coming one is cancelled, `show` lists it as cancelled (and the held one not), prep
    prepares for no interview, the thank-you does not say "even more interested", and the calendar keeps both
    with their UIDs, the cancelled one with STATUS:CANCELLED, a higher SEQUENCE and no alarm."""
    cli = sqlite_cli
    before = tmp_path / "before.ics"
    cli("add", "Acme Corp", "Data Engineer", "--stage", "applied")
    cli("interview", "add", "acme", f"{day(-2)} 10:00 Europe/London")
    cli("interview", "add", "acme", f"{day(7)} 14:00 Europe/London", "--kind", "onsite")
    cli("calendar", "export", str(before))
    closed = cli("close", "acme", "rejected").stdout
    assert "still to come" in closed and "is cancelled" in closed

    shown = json.loads(cli("show", "acme", "--json").stdout)["interviews"]
    assert [(i["round"], i["cancelled"]) for i in shown] == [(1, False), (2, True)]
    lines = [line for line in cli("show", "acme").stdout.splitlines() if "interview round" in line]
    assert "cancelled" not in lines[0] and "cancelled" in lines[1]

    prep = cli("prep", "acme").stdout
    assert "no interview left to prepare for" in prep and "Onsite interview" not in prep
    thanks = cli("draft", "thank-you", "acme").stdout
    assert "even more interested" not in thanks and "the decision went another way" in thanks

    after = tmp_path / "after.ics"
    wrote = cli("calendar", "export", str(after)).stdout
    assert "1 of them cancelled" in wrote
    old, new = events_of(before), events_of(after)
    assert [e["uid"] for e in old] == [e["uid"] for e in new]
    assert [(e["status"], e["alarms"]) for e in old] == [("CONFIRMED", "2"), ("CONFIRMED", "1")]
    assert new[0]["status"] == "CONFIRMED" and new[0]["alarms"] == "2"
    assert new[1]["status"] == "CANCELLED" and new[1]["sequence"] == "1" and new[1]["alarms"] == "0"
    assert new[1]["summary"].startswith("Cancelled: ")


def test_undoing_the_close_brings_the_interview_back(sqlite_cli: CLI) -> None:
    """GIVEN a close that cancelled an interview WHEN it is undone THEN the interview stands again."""
    rejected_with_a_round_to_come(sqlite_cli)
    sqlite_cli("undo")
    shown = json.loads(sqlite_cli("show", "acme", "--json").stdout)["interviews"]
    assert [i["cancelled"] for i in shown] == [False, False]
    assert "Onsite interview, round 2" in sqlite_cli("prep", "acme").stdout
