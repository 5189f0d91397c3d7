"""The bounce-back session in a real terminal (pexpect): answering prompts, a mistake typed and corrected,
a step skipped, quitting mid-way, resuming, and stopping with Ctrl-C."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Protocol

import pexpect

from bounceback.domain.coaching import BounceSession
from bounceback.settings import load_settings
from bounceback.workspace import Workspace

WAIT = 60  # seconds pexpect waits for a prompt before calling the run broken


class CLI(Protocol):
    """The `cli` fixture of conftest.py: the real entry point as a subprocess."""

    home: Path
    database_url: str | None

    def __call__(
        self, *args: str, input: str | None = None, check: bool = True
    ) -> subprocess.CompletedProcess[str]: ...


def spawn(cli: CLI, *args: str) -> pexpect.spawn:
    """`python -m bounceback ARGS` on a pseudo-terminal, on the same database as the `cli` fixture."""
    env = {**os.environ, "BOUNCEBACK_HOME": str(cli.home), "NO_COLOR": "1", "TERM": "dumb"}
    if cli.database_url:
        env["BOUNCEBACK_DATABASE_URL"] = cli.database_url
    return pexpect.spawn(
        sys.executable,
        ["-m", "bounceback", *args],
        env=env,
        encoding="utf-8",
        timeout=WAIT,
        dimensions=(40, 120),
    )


def answer(child: pexpect.spawn, prompt: str, *lines: str) -> None:
    """Wait for a prompt, then type each line (an empty string is a bare Enter)."""
    child.expect_exact(prompt)
    for line in lines:
        child.sendline(line)


def stored_session(cli: CLI) -> BounceSession:
    """The one bounce-back session in the CLI's database."""
    ws = Workspace(load_settings(home=cli.home, database_url=cli.database_url or None))
    try:
        with ws.read() as read:
            [found] = read.bounce_sessions()
            return found
    finally:
        ws.close()


def test_terminal_session_with_a_skip_a_quit_and_a_resume(cli: CLI) -> None:
    """GIVEN a rejection after interviews WHEN the person answers the first steps in a terminal (typing
    "eleven" for the mood first), skips step 2 with /skip and leaves at step 5 with /quit, then runs the
    command again THEN the mistake is explained and asked again, the skip and the place are saved, the second
    run picks up at step 5, and finishing stores the answers, the lessons, the contact and the request."""
    cli("add", "Acme", "Data Engineer", "--stage", "interviewing")
    cli("close", "acme", "rejected")

    child = spawn(cli, "bounce", "acme")
    answer(child, "Short or full?", "fu")
    child.expect_exact("Type /skip to skip a step")
    answer(child, "How is your mood right now?", "eleven")
    child.expect_exact("“eleven” is not a whole number from 0 to 10.")
    answer(child, "How is your mood right now?", "3")
    child.expect_exact("Pennebaker")
    answer(child, "an empty line ends)", "I replay the last answer I gave.", "It stings.", "")
    child.expect_exact("Written down.")
    child.expect_exact("Step 1 of 4 · Don't let it define you")
    answer(child, "How much of your self-worth", "/skip")
    child.expect_exact("Skipped.")
    answer(child, "The harsh thought:", "I always blow the last round")
    answer(child, "Evidence for it:", "This no.", "")
    answer(child, "Evidence against it:", "I got to the last round twice this year.", "")
    answer(child, "What would you say to a friend", "You are getting closer each time.", "")
    child.expect_exact("To a friend you would say")
    answer(child, "Pay:", "Below market")
    for kind in ("Commute:", "Hours:", "Team:", "Growth:", "Stability:", "would not have taught you:"):
        answer(child, kind, "")
    answer(child, "Did it really fit you?", "2")
    child.expect_exact("1 drawback written down")
    child.expect_exact("Step 2 of 4 · Knock the job off its pedestal: your pipeline")
    answer(child, "Which other opening", "/quit")
    child.expect_exact("Saved where you stopped.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    row = stored_session(cli)
    assert row.step == "pipeline" and row.mood_before == 3
    assert row.answers["checkin"]["writing"] == "I replay the last answer I gave.\nIt stings."
    assert row.answers["worth"] == {"skipped": True}
    assert row.answers["pedestal"] == {"pay": "Below market", "fit": "partly"}

    child = spawn(cli, "bounce", "acme")
    child.expect_exact("Picking up where you left off, at “Step 2 of 4")
    child.expect_exact("your pipeline”.")
    answer(child, "Which other opening", "")
    answer(child, "How many rejections would you like", "12")
    child.expect_exact("of your goal of 12")
    answer(child, "What did you practise?", "SQL window functions", "")
    answer(child, "What did you learn", "")
    answer(child, "Which questions were hard", "Why do you want to leave?", "")
    answer(child, "Who did you meet?", "Dana Smith <dana@acme.example>, Head of Data", "")
    answer(child, "Ask Acme for feedback? (yes or no)", "maybe")
    child.expect_exact("“maybe” is not yes or no.")
    answer(child, "Ask Acme for feedback? (yes or no)", "y")
    answer(child, "Whom would you ask?", "1")
    child.expect_exact("Noted: you would like to ask Dana Smith for feedback.")
    answer(child, "One concrete next step:", "Apply to Initech")
    answer(child, "By when?", "2099-01-15")
    answer(child, "if I hear no again, then I will", "ask Sam for a mock interview")
    answer(child, "And your mood now, 0 to 10?", "5")
    child.expect_exact("Mood 3 → 5")
    child.expect_exact("That is the session done.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

    row = stored_session(cli)
    assert (row.step, row.mood_before, row.mood_after) == ("done", 3, 5)
    assert row.answers["next"] == {
        "step": "Apply to Initech",
        "by": "2099-01-15",
        "if_then": "ask Sam for a mock interview",
        "mood": 5,
    }
    kept = json.loads(cli("lessons", "--json").stdout)
    assert [(k["kind"], k["text"]) for k in kept["lessons"]] == [
        ("practised", "SQL window functions"),
        ("drawback", "Pay: Below market"),
    ]
    assert [q["text"] for q in kept["questions"]] == ["Why do you want to leave?"]
    shown = json.loads(cli("show", "acme", "--json").stdout)
    assert [c["name"] for c in shown["contacts"]] == ["Dana Smith"]
    assert "Next step: Apply to Initech (by 2099-01-15)" in [e["summary"] for e in shown["timeline"]]
    assert "Request for feedback to Dana Smith drafted, not sent yet" in [
        e["summary"] for e in shown["timeline"]
    ]
    cli("feedback", "sent", "acme")
    ws = Workspace(load_settings(home=cli.home, database_url=cli.database_url or None))
    with ws.read() as read:
        [request] = read.feedback_requests()
        assert request.contact_id == shown["contacts"][0]["id"]
    ws.close()


def test_ctrl_c_and_end_of_input_keep_finished_steps(cli: CLI) -> None:
    """GIVEN a session in a terminal WHEN the person presses Ctrl-C during step 2, then later closes the input
    (Ctrl-D) during step 2 again THEN both runs stop with a sentence on how to continue, Ctrl-C with exit 130,
    and the finished check-in is kept."""
    cli("add", "Acme", "Data Engineer", "--stage", "screening")
    cli("close", "acme", "rejected")
    child = spawn(cli, "bounce", "acme")
    answer(child, "Short or full?", "full")
    answer(child, "How is your mood right now?", "4")
    answer(child, "an empty line ends)", "")
    answer(child, "How much of your self-worth")
    child.sendintr()
    child.expect_exact("Stopped. Finished steps are saved;")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130

    child = spawn(cli, "bounce", "acme")
    child.expect_exact("Picking up where you left off, at “Step 1 of 4 · Don't let it define you”.")
    answer(child, "How much of your self-worth")
    child.sendeof()
    child.expect_exact("Saved where you stopped.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    row = stored_session(cli)
    assert row.step == "worth" and row.answers == {"checkin": {"mood": 4}}


def test_the_short_session_then_a_finished_one_looked_back_at_and_begun_again(cli: CLI) -> None:
    """GIVEN a rejection at the applied stage, with the reason typed at close
    WHEN the person takes the short session (Enter picks it): mood, the one line, a next step
    THEN it asks three questions, shows the streak line with its base rate and the reason, names the four
    steps, and ends with the way to the full session;
    WHEN `bounce` runs again THEN it says the session is done and asks: "review" shows the answers and starts
    nothing; "new" asks short or full and starts a new one."""
    cli("add", "Acme", "Data Engineer", "--stage", "applied")
    cli("close", "acme", "rejected", "--reason", "They wanted Scala")
    child = spawn(cli, "bounce", "acme")
    answer(child, "Short or full?", "")
    answer(child, "How is your mood right now?", "4")
    child.expect_exact("Step 1 of 4 · Don't let it define you")
    child.expect_exact("One rejection after applying.")
    child.expect_exact("(Stepstone survey 2025)")
    child.expect_exact("You noted when you closed it: “They wanted Scala”.")
    child.expect_exact("Step 3 of 4 · Get good at rejection: one next step")
    child.expect_exact("Step 2 of 4, “Knock the job off its pedestal”")
    answer(child, "One concrete next step:", "Apply to Initech")
    answer(child, "By when?", "2099-01-15")
    child.expect_exact("That is the session done.")
    child.expect_exact("for a day with more room: `bounceback bounce acme-data-engineer`")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    row = stored_session(cli)
    assert row.step == "done" and row.mood_before == 4
    assert row.answers == {
        "short_checkin": {"mood": 4},
        "short_perspective": {},
        "short_next": {"step": "Apply to Initech", "by": "2099-01-15"},
    }

    child = spawn(cli, "bounce", "acme")
    child.expect_exact("Your bounce-back session for Acme (Data Engineer) is done: you finished it on")
    answer(child, "Look back at it, or start a new one?", "review")
    child.expect_exact("The short session, as you answered it:")
    child.expect_exact("How is your mood right now? 0 is very low, 10 is very good. 4")
    child.expect_exact("One concrete next step: Apply to Initech")
    child.expect(pexpect.EOF)
    child.close()
    assert stored_session(cli).step == "done"  # looking back started nothing

    child = spawn(cli, "bounce", "acme")
    answer(child, "Look back at it, or start a new one?", "new")
    answer(child, "Short or full?", "full")
    answer(child, "How is your mood right now?", "/quit")
    child.expect_exact("Saved where you stopped.")
    child.expect(pexpect.EOF)
    child.close()
    ws = Workspace(load_settings(home=cli.home, database_url=cli.database_url or None))
    with ws.read() as read:
        assert [(s.step, s.finished_at is None) for s in read.bounce_sessions()] == [
            ("done", False),
            ("checkin", True),
        ]
    ws.close()
