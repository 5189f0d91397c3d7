"""Journey "rejected after a final round", through the dashboard in a real browser (Debian's chromium through
Playwright): the close, the short bounce-back session, the feedback request drafted to the person chosen and
marked sent, the next step on the due list, and the interview still to come shown (and exported) cancelled."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from tests.conftest import CLI
from tests.test_web_browser import (  # noqa: F401  (the browser fixtures)
    LiveServer,
    chromium,
    live_server,
    open_page,
    playwright,
    shot,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]
REASON = "They chose someone with more Spark"


def day(offset: int) -> str:
    """A day relative to today, as the CLI and a date field take it."""
    return f"{datetime.now(UTC) + timedelta(days=offset):%Y-%m-%d}"


def after_a_final_round(cli: CLI) -> int:
    """Acme, still open: Marcus (hiring manager), Dana (interviewer), a round held with Dana two days ago and
    an onsite round booked for next week. Returns the application's id."""
    cli("add", "Acme Corp", "Data Engineer", "--stage", "applied")
    for name, role in (("Marcus Lee", "hiring_manager"), ("Dana Smith", "interviewer")):
        email = f"{name.split()[0].lower()}@acme.example"
        cli("contact", "add", name, "--email", email, "--app", "acme", "--role", role)
    cli("interview", "add", "acme", f"{day(-2)} 10:00 Europe/London", "--interviewers", "Dana Smith")
    cli("interview", "add", "acme", f"{day(6)} 14:00 Europe/London", "--kind", "onsite")
    return int(json.loads(cli("show", "acme", "--json").stdout)["id"])


def test_rejected_after_a_final_round_in_chromium(
    chromium: Any,  # noqa: F811
    live_server: LiveServer,  # noqa: F811
    tmp_path: Path,
) -> None:
    """GIVEN Acme after a final round, with Marcus and Dana, and an onsite round still booked
    WHEN the person closes it as rejected on its page (with a reason), takes the short session (chosen by
    default), picks Dana for feedback, opens the draft and marks it sent
    THEN the onsite round is shown cancelled; the session heads its parts by the steps of the method, shows the
    one line with its base rate and the reason they typed; the draft is addressed to Dana, not Marcus; the
    reminder to send it stays until it is marked sent, and then the timeline says Dana was asked; the next
    step is on the due list; the session, opened again, says it is done and shows its answers; the calendar
    file sends the onsite round as cancelled; nothing leaves the machine."""
    cli = CLI(tmp_path / "home")  # the live server's own home
    app_id = after_a_final_round(cli)
    base = live_server.url
    page, watched = open_page(chromium, live_server)

    # 1. The close, on the application's page, with the reason in the person's words.
    page.goto(f"{base}/applications/{app_id}")
    page.select_option("#move-stage", "rejected")
    page.fill("#move-reason", REASON)
    page.locator('form[action$="/move"] button[type="submit"]').first.click()
    page.wait_for_selector(f'a[href="/bounce/{app_id}"]')
    cancelled = page.locator("li.cancelled")
    assert cancelled.count() == 1 and "round 2" in cancelled.inner_text()
    shot(page, "rejection-1-closed")

    # 2. The short session: chosen by default, three parts headed by the steps of the method.
    page.locator(f'a[href="/bounce/{app_id}"]').first.click()
    assert page.locator('input[name="path"][value="short"]').is_checked()
    page.get_by_role("button", name="Start the session").click()
    page.wait_for_selector("text=The short session · part 1 of 3")
    page.locator('input[name="mood"][value="3"]').check()
    page.get_by_role("button", name="Save and continue").click()
    page.wait_for_selector('#step-heading:has-text("Step 1 of 4 · Don\'t let it define you")')
    step = page.inner_text("#bounce-step")
    assert "27 % chance of getting through (CareerPlug hiring data 2024)" in step
    assert f"You noted when you closed it: “{REASON}”." in step
    shot(page, "rejection-2-perspective")
    page.get_by_role("button", name="Continue", exact=True).click()
    page.wait_for_selector('#step-heading:has-text("Step 3 of 4 · Get good at rejection: one next step")')
    step = page.inner_text("#bounce-step")
    assert "Step 2 of 4, “Knock the job off its pedestal”" in step
    assert "Step 4 of 4, “Make the interview process work for you”" in step
    page.get_by_label("One concrete next step").fill("Ask Priya about the Initech team")
    page.get_by_label("By when?").fill(day(4))
    page.get_by_label("Dana Smith (interviewer)").check()
    page.get_by_role("button", name="Save and continue").click()
    page.wait_for_selector("text=Session done")
    done = page.inner_text("#bounce-step")
    assert "Noted: you would like to ask Dana Smith for feedback. Nothing is sent from here." in done
    assert "Your next step: Ask Priya about the Initech team" in done
    shot(page, "rejection-3-session-done")

    # 3. Before it is sent, the reminder to send it is on the due list, with the next step.
    page.goto(f"{base}/due")
    due = page.inner_text("main")
    assert "Send your request for feedback to Dana Smith at Acme Corp (drafted, not sent yet)" in due
    assert "Ask Priya about the Initech team" in due

    # 4. The draft, addressed to Dana; marked sent.
    page.goto(f"{base}/applications/{app_id}")
    page.select_option("#draft-kind", "feedback")
    page.locator('form[action$="/draft"] button[type="submit"]').click()
    page.wait_for_url(re.compile(r"/draft\?kind=feedback"))
    assert "Dana Smith <dana@acme.example>" in page.inner_text("dl.facts")
    email = page.input_value("#draft-text")
    assert "Hello Dana," in email and "Marcus" not in email
    shot(page, "rejection-4-draft")
    page.locator('form[action$="/draft/sent"] button[type="submit"]').click()
    page.wait_for_selector("text=Asked Dana Smith for feedback")

    # 5. The reminder to send it is gone; the next step stays until it is done.
    page.goto(f"{base}/due")
    due = page.inner_text("main")
    assert "Send your request for feedback" not in due and "Ask Priya about the Initech team" in due

    # 6. The session, opened again, is done: it says so and shows what was answered, starting nothing.
    page.goto(f"{base}/bounce/{app_id}")
    assert "This session is done" in page.inner_text("main")
    page.get_by_role("link", name="Look back at it").click()
    review = page.inner_text("main")
    assert "How is your mood right now? 0 is very low, 10 is very good. 3" in review
    assert "Ask someone at Acme Corp for feedback? Dana Smith (interviewer)" in review
    shot(page, "rejection-5-review")
    assert not watched.dialogs and not watched.foreign and not watched.errors, watched
    page.close()

    # 7. The calendar file sends the booked round as cancelled.
    ics = tmp_path / "search.ics"
    cli("calendar", "export", str(ics))
    events = {
        str(e.get("summary")): str(e.get("status", ""))
        for e in Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    }
    assert events["Cancelled: Onsite interview: Acme Corp (Data Engineer, round 2)"] == "CANCELLED"
    assert any("Ask Priya about the Initech team" in summary for summary in events)
