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


def after_a_final_round(cli: CLI) -> None:
    """Acme after a final round with Dana (interviewer) and Marcus (hiring manager), closed with a reason."""
    cli("add", "Acme Corp", "Data Engineer", "--stage", "applied")
    for name, role in (("Marcus Lee", "hiring_manager"), ("Dana Smith", "interviewer")):
        email = f"{name.split()[0].lower()}@acme.example"
        cli("contact", "add", name, "--email", email, "--app", "acme", "--role", role)
    cli("interview", "add", "acme", f"{day(-2)} 10:00 Europe/London", "--interviewers", "Dana Smith")
    cli("close", "acme", "rejected", "--reason", "They chose someone with more Spark")


def answers_file(tmp_path: Path, name: str, data: dict[str, object]) -> str:
    """An answers file for `bounce --answers`."""
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def flat(text: str) -> str:
    """Output with Rich's line wrapping undone."""
    return " ".join(text.split())


def test_the_short_path_after_a_final_round(cli: CLI, tmp_path: Path) -> None:
    """Journey "rejected after a final round", the short path, on SQLite and PostgreSQL.
    GIVEN Acme closed as rejected after a final round, with the reason the person typed
    WHEN they take the short session: their mood, the one line, one next step with its day, and Dana for
    feedback
    THEN it asks only those (anything else in the file is refused, naming what it asks), heads its parts by
    the steps of the method and names all four, shows the one line with its base rate and the reason they
    typed, drafts the request to Dana, puts the next step on the due list, and points at the full session."""
    after_a_final_round(cli)
    extra = {"short_checkin": {"mood": 3, "writing": "Gutted."}}
    refused = cli("bounce", "acme", "--answers", answers_file(tmp_path, "x.json", extra), check=False)
    assert refused.returncode == 1 and "it asks: mood." in flat(refused.stderr)
    short = {
        "short_checkin": {"mood": 3},
        "short_next": {"step": "Ask Priya about the Initech team", "by": day(4), "feedback": "Dana Smith"},
    }
    out = flat(cli("bounce", "acme", "--answers", answers_file(tmp_path, "s.json", short)).stdout)
    for words in (
        "Check in ─",
        "This is the short session",
        "Step 1 of 4 · Don't let it define you ─",
        # the one line: the run of noes set against the published odds, with their source
        "One rejection after talking with the employer. If each try has a 27 % chance of getting through "
        "(CareerPlug hiring data 2024)",
        "You noted when you closed it: “They chose someone with more Spark”.",
        "Step 3 of 4 · Get good at rejection: one next step ─",
        "Step 2 of 4, “Knock the job off its pedestal”",
        "Step 4 of 4, “Make the interview process work for you”, starts here with one question: whether to "
        "ask someone there for feedback.",
        "Noted: you would like to ask Dana Smith for feedback.",
        "Your next step: Ask Priya about the Initech team",
        "The full session goes through the four steps in depth",
        "bounceback bounce acme-data-engineer",
    ):
        assert words in out, words
    assert "How much of your self-worth" not in out and "Knock the job off its pedestal ─" not in out

    drafted = cli("draft", "feedback", "acme").stdout
    assert drafted.startswith("To: Dana Smith <dana@acme.example>") and "Marcus" not in drafted
    steps = [i["title"] for i in due_json(cli) if i["kind"] == "next_step"]
    assert len(steps) == 1 and "Ask Priya about the Initech team" in steps[0]


def test_a_finished_session_is_not_begun_again(cli: CLI, tmp_path: Path) -> None:
    """GIVEN a finished full session
    WHEN `bounce` runs again (from a file, where nothing can be asked) THEN it says the session is done, when,
    and how to look back at it or begin again, and starts nothing;
    WHEN `--review` THEN the answers show, part by part, choices in their own words;
    WHEN `--again --short` THEN a new short session starts, and the old one stays as it was."""
    after_a_final_round(cli)
    full = answers_file(tmp_path, "full.json", full_answers("Dana Smith"))
    cli("bounce", "acme", "--answers", full)
    again = flat(cli("bounce", "acme", "--answers", full).stdout)
    assert "Your bounce-back session for Acme Corp (Data Engineer) is done: you finished it on" in again
    assert "`bounceback bounce acme-data-engineer --review`" in again
    assert "`bounceback bounce acme-data-engineer --again` starts a new one" in again
    assert "Check in ─" not in again
    timeline = [e["summary"] for e in json.loads(cli("show", "acme", "--json").stdout)["timeline"]]
    assert timeline.count("Bounce-back session done") == 1

    review = flat(cli("bounce", "acme", "--review").stdout)
    for words in (
        "The full session, as you answered it:",
        "How is your mood right now? 0 is very low, 10 is very good. 3",
        "How much of your self-worth are you putting on this decision? 0 to 100 %. 70 %",
        "Did it really fit you? Partly",
        "Whom would you ask? Dana Smith (interviewer)",
        "One concrete next step: Apply to the Initech platform team",
    ):
        assert words in review, words
    assert "Step 1 of 4 · Don't let it define you: one harsh thought ─ Skipped." not in review

    short = answers_file(tmp_path, "s.json", {"short_checkin": {"mood": 5}})
    began = flat(cli("bounce", "acme", "--again", "--short", "--answers", short).stdout)
    assert "This is the short session" in began and "Saved where you stopped" in began
    timeline = [e["summary"] for e in json.loads(cli("show", "acme", "--json").stdout)["timeline"]]
    assert timeline.count("Bounce-back session done") == 1
    mixed = cli("bounce", "acme", "--short", "--full", check=False)
    assert mixed.returncode == 1 and "Choose --short or --full, not both." in flat(mixed.stderr)


def test_the_reason_typed_at_close_is_among_the_reasons(sqlite_cli: CLI, tmp_path: Path) -> None:
    """GIVEN Acme closed with "They chose someone with more Spark" WHEN the full session's reasons are answered
    with the first choice THEN that choice is the person's own reason, in their words."""
    after_a_final_round(sqlite_cli)
    answers = {"checkin": {}, "worth": {"reasons": "1, 3"}}
    out = flat(sqlite_cli("bounce", "acme", "--answers", answers_file(tmp_path, "w.json", answers)).stdout)
    assert (
        "Reasons you named: they chose someone with more Spark; they were looking for a particular trait "
        "or background. None of them measures your worth."
    ) in out


def test_a_no_at_the_applied_stage_shows_its_streak(sqlite_cli: CLI, tmp_path: Path) -> None:
    """GIVEN two rejections right after applying (Initech eight days ago, then Acme five days ago) and, since
    then, another application moved on to screening
    WHEN the full session on Acme and the short one on Initech show the perspective
    THEN both show the run of noes after applying up to that no (two for Acme, one for Initech) against the
    published odds (Stepstone 2025), though a later application got through."""
    cli = sqlite_cli
    past = datetime.now(UTC) - timedelta(days=5)
    cli("add", "Initech", "Analyst", "--stage", "applied")
    cli("close", "initech", "rejected", "--when", (past - timedelta(days=3)).isoformat())
    cli("add", "Acme", "Analyst", "--stage", "applied")
    cli("add", "Globex", "Analyst", "--stage", "applied")
    cli("close", "acme", "rejected", "--when", past.isoformat())
    cli("move", "globex", "screening")
    odds = "If each try has a 15 % chance of getting through (Stepstone survey 2025)"
    first = answers_file(tmp_path, "f.json", {"checkin": {}})
    full = flat(cli("bounce", "acme", "--full", "--answers", first).stdout)
    assert f"2 rejections in a row after applying. {odds}" in full
    started = answers_file(tmp_path, "s.json", {"short_checkin": {}})
    short = flat(cli("bounce", "initech", "--short", "--answers", started).stdout)
    assert f"One rejection after applying. {odds}" in short  # Initech's no came first: a run of one then
