"""The bounce-back session end to end through `--answers` (SQLite and PostgreSQL), the same steps driven one
at a time as a web form would, and the goal, lessons and feedback commands."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any, Protocol

import pytest

from bounceback.coach.session import BounceRunner
from bounceback.domain.coaching import BounceSession, FeedbackOutcome, Goal
from bounceback.domain.errors import InvalidInput
from bounceback.domain.perspective import Level, streak_sentence
from bounceback.domain.recovery import goal_year
from bounceback.domain.stages import Stage
from bounceback.settings import load_settings
from bounceback.workspace import Workspace

NOW = datetime.now(UTC)
NEXT_DAY = (NOW + timedelta(days=5)).date().isoformat()
FULL = {
    "checkin": {"mood": 3, "writing": "I was sure this one was mine."},
    "worth": {
        "self_worth": 70,
        "finalists": 4,
        "reasons": ["noted", "internal", "3"],  # 1 is the reason typed at close, so 3 is the trait
        "other_reason": "they wanted Scala",
    },
    "thought": {
        "thought": "I am not good enough",
        "evidence_for": "No offer.",
        "evidence_against": "I reached the final four.",
        "friend": "You got to the last four; that is real.",
    },
    "pedestal": {"pay": "Lower than now", "commute": "Ninety minutes each way", "fit": "partly"},
    "pipeline": {"next_opening": "Initech platform team"},
    "rejections": {"goal": 30},
    "interview": {
        "practised": ["System design on a whiteboard"],
        "learned": ["They are moving to Spark", "The team is eight people"],
        "hard_questions": ["Tell me about a project that failed"],
        "people": ["Dana Smith <dana@acme.example>, Head of Data"],
    },
    "feedback": {"ask": True, "contact": "Dana Smith"},
    "next": {
        "step": "Apply to the Initech platform team",
        "by": NEXT_DAY,
        "if_then": "I will call Sam",
        "mood": 6,
    },
}


class CLI(Protocol):
    """The `cli` fixture of conftest.py: the real entry point as a subprocess."""

    home: Path
    database_url: str | None

    def __call__(
        self, *args: str, input: str | None = None, check: bool = True
    ) -> subprocess.CompletedProcess[str]: ...


def plain(text: str) -> str:
    """Output with Rich's line wrapping undone."""
    return " ".join(text.split())


def write(tmp_path: Path, name: str, data: dict[str, Any]) -> str:
    """An answers file."""
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


@contextmanager
def database(cli: CLI) -> Iterator[Workspace]:
    """The CLI's own database, opened in the test to check what was stored."""
    ws = Workspace(load_settings(home=cli.home, database_url=cli.database_url or None))
    try:
        yield ws
    finally:
        ws.close()


def at_nine(days_ago: int) -> datetime:
    """09:00 UTC on a day in the past."""
    return datetime.combine((NOW - timedelta(days=days_ago)).date(), time(9), tzinfo=UTC)


def search_with_two_rejections(cli: CLI) -> None:
    """Globex says no after interviews (30 days ago); three days later the person applies to Initech; Acme,
    a dream job, says no after interviews (20 days ago); a day later the person applies to Umbrella."""
    cli("add", "Globex", "Analyst", "--stage", "interviewing")
    cli("close", "globex", "rejected", "--when", at_nine(30).isoformat())
    cli("add", "Initech", "Developer", "--applied", (NOW - timedelta(days=27)).date().isoformat())
    cli("add", "Acme", "Data Engineer", "--stage", "interviewing", "--dream")
    cli("close", "acme", "rejected", "--when", at_nine(20).isoformat(), "--reason", "internal candidate")
    cli("add", "Umbrella", "Engineer", "--applied", (NOW - timedelta(days=19)).date().isoformat())


# The whole session ---------------------------------------------------------------------------------------
def test_whole_session_through_an_answers_file(cli: CLI, tmp_path: Path) -> None:
    """GIVEN a search with two rejections after interviews and a step forward after each
    WHEN the whole session runs from an answers file
    THEN it shows sourced base rates, the streak's odds, bounce-back times and their trend, the pipeline
    nudge and the feedback figure; and it stores the moods, goal, lessons, question, contact, feedback
    request and plan, with the session, the mood change and the plan on the timeline."""
    search_with_two_rejections(cli)
    out = plain(cli("bounce", "acme", "--answers", write(tmp_path, "a.json", FULL)).stdout)
    year = goal_year(NOW)  # from December, the goal asked is the coming year's
    noes = sum(1 for moment in (at_nine(30), at_nine(20)) if moment.year == year)
    expected = [
        "Check in ─",
        "Step 1 of 4 · Don't let it define you ─",
        "Step 1 of 4 · Don't let it define you: one harsh thought ─",
        "Step 2 of 4 · Knock the job off its pedestal: your pipeline ─",
        "Step 3 of 4 · Get good at rejection ─",
        "Step 4 of 4 · Make the interview process work for you: asking for feedback ─",
        "Small businesses hired about 27 % of the people they interviewed; nearly 3 in 4 heard no. (CareerPlug hiring data 2024)",
        plain(streak_sentence(Level.CONVERSATION, 2) or ""),
        "4 finalists, 1 hire: 3 in 4 of them heard no",
        "Reasons you named: internal candidate; an internal candidate, or someone they already knew; they were looking for a particular trait",
        "To a friend you would say: “You got to the last four; that is real.”",
        "2 drawbacks written down",
        "Your search rests on two openings.",
        "1 day to your next step forward: a new application.",
        "Bounce-back time after your earlier rejections: 3 days.",
        "After a few more, you will see whether your bounce-back time is shrinking.",  # two make no trend
        f"of your goal of 30 for {year}",
        "(Talent Board benchmark research 2022)",
        "Noted: you would like to ask Dana Smith for feedback. Nothing is sent from here.",
        "Earlier you named: Initech platform team.",
        "Your plan: if you hear no again, then you will call Sam.",
        "Mood 3 → 6: a little lighter than when you started.",
        "That is the session done.",
    ]
    for words in expected:
        assert words in out
    assert out.index("Next step and check out") > out.index("Step 4 of 4") > out.index("Step 1 of 4")
    assert (f"{noes} rejections of your goal" if noes != 1 else "1 rejection of your goal") in out

    acme = json.loads(cli("show", "acme", "--json").stdout)
    reconnect = (at_nine(20) + timedelta(days=91)).date().isoformat()  # the due list's reconnect rule
    summaries = [e["summary"] for e in acme["timeline"]]
    for summary in (
        "Noted 2 drawbacks of the job",
        "Dana Smith linked as interviewer",
        f"Reconnect with Dana Smith around {reconnect}",
        "Kept from this process: 1 thing practised, 2 things learned, 1 hard question for your question bank",
        "Request for feedback to Dana Smith drafted, not sent yet",
        f"Next step: Apply to the Initech platform team (by {NEXT_DAY})",
        "If I hear no again, then I will call Sam.",
        "Mood 3 → 6 over the bounce-back session",
        "Bounce-back session done",
    ):
        assert summary in summaries
    assert [(c["name"], c["role"]) for c in acme["contacts"]] == [("Dana Smith", "interviewer")]

    kept = json.loads(cli("lessons", "--json").stdout)
    assert [(k["kind"], k["text"]) for k in kept["lessons"]] == [
        ("practised", "System design on a whiteboard"),
        ("learned", "They are moving to Spark"),
        ("learned", "The team is eight people"),
        ("drawback", "Pay: Lower than now"),
        ("drawback", "Commute: Ninety minutes each way"),
    ]
    assert [q["text"] for q in kept["questions"]] == ["Tell me about a project that failed"]

    with database(cli) as ws, ws.read() as read:
        [row] = read.bounce_sessions()
        assert (row.mood_before, row.mood_after, row.self_worth_pct, row.step) == (3, 6, 70, "done")
        assert row.finished_at is not None
        assert row.answers["worth"]["reasons"] == ["noted", "internal", "trait"]
        assert row.answers["checkin"]["writing"] == "I was sure this one was mine."
        assert read.feedback_requests() == []  # drafted only: nothing counts as asked until it is sent
        assert [(g.year, g.rejections) for g in read.records(Goal)] == [(year, 30)]

    sent = plain(cli("feedback", "sent", "acme").stdout)
    assert "Asked Dana Smith for feedback" in sent
    with database(cli) as ws, ws.read() as read:
        [request] = read.feedback_requests()
        assert request.outcome is FeedbackOutcome.PENDING and request.contact_id == acme["contacts"][0]["id"]

    said = plain(cli("feedback", "acme", "--no-answer").stdout)
    assert "Talent Board 2022" in said and "says nothing about you" in said
    with database(cli) as ws, ws.read() as read:
        [request] = read.feedback_requests()
        assert request.outcome is FeedbackOutcome.NO_ANSWER


def test_leaving_mid_way_resumes_at_the_saved_step(cli: CLI, tmp_path: Path) -> None:
    """GIVEN an answers file that answers the check-in, skips two steps and stops (it has no "pedestal")
    WHEN run, and run again with the rest THEN the first run saves and stops at step 4; the second picks up
    there and never shows steps 1–3; a third run starts a fresh session; `undo` takes back the last step."""
    cli("add", "Acme", "Data Engineer", "--stage", "screening")
    cli("close", "acme", "rejected")
    first = {"checkin": {"mood": 4}, "worth": "skip", "thought": None}
    out = plain(cli("bounce", "acme", "--answers", write(tmp_path, "1.json", first)).stdout)
    assert (
        "one harsh thought" in out
        and "Skipped." in out
        and "Step 2 of 4 · Knock the job off its pedestal" in out
    )
    assert "Saved where you stopped. `bounceback bounce acme-data-engineer` picks up from there." in out
    with database(cli) as ws, ws.read() as read:
        [row] = read.bounce_sessions()
        assert row.step == "pedestal" and row.finished_at is None
        assert row.answers == {
            "checkin": {"mood": 4},
            "worth": {"skipped": True},
            "thought": {"skipped": True},
        }

    rest = {k: v for k, v in FULL.items() if k not in first}
    out = plain(cli("bounce", "acme", "--answers", write(tmp_path, "2.json", rest)).stdout)
    assert out.startswith("Picking up where you left off, at “Step 2 of 4 · Knock the job off its pedestal”.")
    assert "Check in ─" not in out and "Step 1 of 4" not in out
    assert "Mood 4 → 6" in out and "That is the session done." in out

    again_file = write(tmp_path, "3.json", {"checkin": {"mood": 5}})
    done = plain(cli("bounce", "acme", "--answers", again_file).stdout)
    assert "is done: you finished it on" in done and "Check in ─" not in done  # never silently begun again
    again = plain(cli("bounce", "acme", "--again", "--answers", again_file).stdout)
    assert "Check in ─" in again and "Picking up" not in again
    undone = plain(cli("undo").stdout)
    assert undone == "Undone: Bounce-back session: Check in (acme-data-engineer)."
    with database(cli) as ws, ws.read() as read:
        rows = read.records(BounceSession)
        assert [(r.step, r.finished_at is None) for r in rows] == [("done", False), ("checkin", True)]


def test_mistakes_are_refused_with_one_sentence_and_earlier_steps_stay(cli: CLI, tmp_path: Path) -> None:
    """GIVEN an application still open, a file naming an unknown step, a misspelt answer, and a number out of
    range after a good first step WHEN run THEN each exits 1 with a plain sentence, no traceback, and the good
    first step is kept, so the corrected file carries on from step 2."""
    cli("add", "Acme", "Data Engineer", "--applied", "2026-01-05")
    still_open = cli("bounce", "acme", "--answers", write(tmp_path, "x.json", FULL), check=False)
    assert still_open.returncode == 1
    assert "acme-data-engineer is applied, not rejected" in plain(still_open.stderr)
    cli("close", "acme", "rejected")
    for data, words in (
        ({"chekin": {}}, "“chekin”, which is not one of: checkin, worth"),
        ({"checkin": {"mod": 3}}, "The step “checkin” does not ask “mod”; it asks: mood, writing."),
        ({"checkin": [3]}, '“checkin” should hold answers, null or "skip".'),
        ({"checkin": {"mood": 4}, "worth": {"self_worth": 140}}, "140 is outside 0 to 100."),
    ):
        done = cli("bounce", "acme", "--answers", write(tmp_path, "bad.json", data), check=False)
        assert done.returncode == 1
        assert words in plain(done.stderr)
        assert "Traceback" not in done.stderr
    out = plain(
        cli("bounce", "acme", "--answers", write(tmp_path, "ok.json", {"worth": {"self_worth": 40}})).stdout
    )
    assert out.startswith("Picking up where you left off, at “Step 1 of 4 · Don't let it define you”.")
    assert "You are resting 40 % of your worth" in out


# One step at a time, as a web form would -------------------------------------------------------------------
def test_steps_one_at_a_time_without_a_conversation(workspace: Workspace) -> None:
    """GIVEN an application turned down after applying, with nobody spoken to WHEN the session is driven one
    step per transaction through the runner THEN the figures are Stepstone's and CareerPlug's, the interview
    step asks nobody's name, the feedback step asks nothing and says why, a wrong step is refused, and
    skipping every step finishes the session."""
    with workspace.change("seed") as change:
        change.tracker.add("Acme", "Analyst", stage=Stage.REJECTED)

    opened: list[int] = []

    def step(answers: dict[str, Any] | None) -> tuple[str, list[str], list[str]]:
        """Show the current step and submit it, in one short transaction, as a web request would."""
        with workspace.change("step") as change:
            runner = BounceRunner.open(change, "acme", session_id=opened[0] if opened else None)
            opened[:] = [runner.session_id]
            view = runner.view()
            shown = [b.text + (f" ({b.source})" if b.source else "") for b in view.intro]
            after = [b.text for b in runner.submit(view.key, answers)]
            return view.key, [p.key for p in view.prompts], shown + after

    key, prompts, shown = step({"mood": 5})
    assert (key, prompts) == ("checkin", ["mood", "writing"])
    key, prompts, shown = step(None)
    assert key == "worth" and "Skipped." in shown
    assert any("(Stepstone survey 2025)" in s for s in shown)
    assert any("One rejection after applying." in s for s in shown)
    with workspace.change("wrong") as change, pytest.raises(InvalidInput, match="one harsh thought” now"):
        BounceRunner.open(change, "acme").submit("next", {})
    seen = {}
    for _ in range(7):
        key, prompts, shown = step(None)
        seen[key] = (prompts, shown)
    assert list(seen) == ["thought", "pedestal", "pipeline", "rejections", "interview", "feedback", "next"]
    assert seen["interview"][0] == ["practised", "learned", "hard_questions"]
    assert seen["feedback"][0] == []
    assert (
        seen["feedback"][1][0]
        == "Nobody at Acme spoke with you, so there is no one to ask for feedback. Nothing is missing here."
    )
    with workspace.change("look") as change:
        runner = BounceRunner.open(change, "acme", session_id=opened[0])
        assert runner.finished
        assert runner.bounce.finished_at is not None and runner.bounce.mood_before == 5


# Goal, lessons, feedback outcome -----------------------------------------------------------------------------
def test_goal_lessons_and_feedback_commands(cli: CLI) -> None:
    """GIVEN a rejection WHEN a goal is set, feedback is recorded as answered, and lessons are listed
    THEN the goal counts the rejection, the feedback becomes a lesson, and mistakes get one sentence."""
    assert "No lessons yet." in cli("lessons").stdout
    cli("add", "Acme", "Data Engineer", "--stage", "interviewing")
    cli("close", "acme", "rejected")
    year = date.today().year
    assert plain(cli("goal", "25").stdout).startswith(f"1 rejection of your goal of 25 for {year}.")
    assert "goal of 30 for 2031" in plain(cli("goal", "30", "--year", "2031").stdout)
    bad = cli("goal", "0", check=False)
    assert bad.returncode == 1 and "A rejection goal is 1 to 1000, not 0." in bad.stderr
    said = plain(cli("feedback", "acme", "--answered", "Strong SQL; less Spark experience.").stdout)
    assert said.startswith("There was no request on record, so one was added with this outcome.")
    listed = plain(cli("lessons").stdout)
    assert "Feedback received (1) • Strong SQL; less Spark experience. acme-data-engineer" in listed
    neither = cli("feedback", "acme", check=False)
    assert neither.returncode == 1 and "--answered" in neither.stderr
    empty = cli("feedback", "acme", "--answered", " ", check=False)
    assert empty.returncode == 1 and "The feedback text is empty" in empty.stderr
