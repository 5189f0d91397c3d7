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


def full_answers(chosen: str) -> dict[str, object]:
    """A full session's answers: the person picks whom to ask for feedback and names a next step."""
    return {
        "checkin": {"mood": 3},
        "worth": {"self_worth": 70, "finalists": 3},
        "thought": {},
        "pedestal": {"commute": "Ninety minutes each way", "fit": "partly"},
        "pipeline": {"next_opening": "Initech platform team"},
        "rejections": {"goal": 25},
        "interview": {"practised": ["System design"], "hard_questions": ["A project that failed"]},
        "feedback": {"ask": True, "contact": chosen},
        "next": {"step": "Apply to the Initech platform team", "by": day(3), "mood": 5},
    }


def due_json(cli: CLI) -> list[dict[str, str]]:
    """What `due --json` lists."""
    return json.loads(cli("due", "--json").stdout)


def test_rejected_after_a_final_round(cli: CLI, tmp_path: Path) -> None:
    """Journey "rejected after a final round", on SQLite and PostgreSQL.
    GIVEN Acme after a final round, with Marcus (hiring manager) and Dana (interviewer), and a round still booked
    WHEN the person closes it as rejected, goes through the full session choosing Dana for feedback, drafts
    the request, marks it sent, and later marks the session's next step done
    THEN the draft is addressed to Dana (not Marcus), the timeline says drafted until it is marked sent and
    then that Dana was asked, the reminder to send it stays until then, the next step is on the due list and
    in the calendar until it is done, and the calendar sends the booked round as cancelled."""
    cli("add", "Acme Corp", "Data Engineer", "--stage", "applied")
    cli(
        "contact",
        "add",
        "Marcus Lee",
        "--email",
        "marcus@acme.example",
        "--app",
        "acme",
        "--role",
        "hiring_manager",
    )
    cli(
        "contact",
        "add",
        "Dana Smith",
        "--email",
        "dana@acme.example",
        "--app",
        "acme",
        "--role",
        "interviewer",
    )
    cli("interview", "add", "acme", f"{day(-2)} 10:00 Europe/London", "--interviewers", "Dana Smith")
    cli("interview", "add", "acme", f"{day(6)} 14:00 Europe/London", "--kind", "onsite")
    closed = cli("close", "acme", "rejected", "--reason", "They chose someone with more Spark").stdout
    assert "is cancelled" in closed

    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(full_answers("Dana Smith")), encoding="utf-8")
    session = " ".join(cli("bounce", "acme", "--answers", str(answers)).stdout.split())
    assert "you would like to ask Dana Smith for feedback" in session
    assert "bounceback feedback sent acme-data-engineer" in session

    timeline = [e["summary"] for e in json.loads(cli("show", "acme", "--json").stdout)["timeline"]]
    assert "Request for feedback to Dana Smith drafted, not sent yet" in timeline
    assert not any(s.startswith("Asked ") for s in timeline)
    drafted = cli("draft", "feedback", "acme")
    assert drafted.stdout.startswith(
        "To: Dana Smith <dana@acme.example>\nSubject: A short request for feedback"
    )
    assert "Hello Dana," in drafted.stdout and "Marcus" not in drafted.stdout
    pending = [i for i in due_json(cli) if i["kind"] == "feedback"]
    assert [i["title"] for i in pending] == [
        "Send your request for feedback to Dana Smith at Acme Corp (drafted, not sent yet)"
    ]

    sent = cli("feedback", "sent", "acme").stdout
    assert "Asked Dana Smith for feedback" in sent
    timeline = [e["summary"] for e in json.loads(cli("show", "acme", "--json").stdout)["timeline"]]
    assert "Asked Dana Smith for feedback" in timeline
    assert not [i for i in due_json(cli) if i["kind"] == "feedback"]

    steps = [i for i in due_json(cli) if i["kind"] == "next_step"]
    assert len(steps) == 1 and "Apply to the Initech platform team" in steps[0]["title"]
    calendar_file = tmp_path / "search.ics"
    cli("calendar", "export", str(calendar_file))
    calendar = Calendar.from_ical(calendar_file.read_bytes())
    summaries = {str(e.get("summary")): str(e.get("status", "")) for e in calendar.walk("VEVENT")}
    assert any("Apply to the Initech platform team" in s for s in summaries)
    assert summaries["Cancelled: Onsite interview: Acme Corp (Data Engineer, round 2)"] == "CANCELLED"

    cli("done", steps[0]["key"])
    assert not [i for i in due_json(cli) if i["kind"] == "next_step"]
