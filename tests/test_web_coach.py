"""The coach, the due list, drafts and insights in the browser: the same domain code as the CLI behind forms."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from tests.test_web_helpers import add_application, messages, sqlite_settings, web_client


@pytest.fixture
def web(tmp_path: Path):  # type: ignore[no-untyped-def]
    with web_client(sqlite_settings(tmp_path)) as client:
        yield client


def rejected(web, company: str = "Fernhill Robotics", role: str = "Controls Engineer") -> int:  # type: ignore[no-untyped-def]
    """An application that got to interviews and was turned down."""
    app_id = add_application(web, company, role, source="referral")
    web.post(f"/applications/{app_id}/move", {"stage": "interviewing"})
    web.post(f"/applications/{app_id}/move", {"stage": "rejected"})
    return app_id


def step_key(page: str) -> str | None:
    """The step a session page asks, or None at the end."""
    found = re.search(r'action="/bounce/\d+/steps/([a-z_]+)"', page)
    return found.group(1) if found else None


def test_the_bounce_back_session_runs_step_by_step_and_lands_on_the_timeline(web) -> None:
    """GIVEN a rejected application WHEN the session is started, the first step answered and the rest skipped
    THEN each step shows in order, the mood is kept, and the finished session is on the timeline."""
    from bounceback.coach.steps import STEP_KEYS

    app_id = rejected(web)
    start = web.get(f"/bounce/{app_id}").text
    assert "Start the session" in start and 'value="short" checked' in start
    page = web.post(f"/bounce/{app_id}/start", {"path": "full"}).text
    seen = []
    while (key := step_key(page)) is not None:
        seen.append(key)
        if key == "checkin":
            page = web.post(
                f"/bounce/{app_id}/steps/{key}", {"action": "continue", "mood": "3", "writing": "Gutted."}
            ).text
            assert "Written down" in page
        else:
            page = web.post(f"/bounce/{app_id}/steps/{key}", {"action": "skip"}).text
    assert seen == list(STEP_KEYS)
    assert "Session done" in page
    timeline = web.get(f"/applications/{app_id}").text
    assert "Bounce-back session done" in timeline
    again = web.get(f"/bounce/{app_id}").text
    assert "This session is done" in again and "You finished the full bounce-back session" in again
    assert f'href="/bounce/{app_id}/review"' in again and "Start a new session" in again
    assert step_key(again) is None  # nothing was started again by looking


def test_the_short_session_names_the_four_steps_and_a_finished_one_is_reviewed_or_begun_again(web) -> None:
    """GIVEN a rejected application WHEN the short session is taken (mood, the one line, a next step)
    THEN its parts are headed by the steps of the method, the one line carries a base rate, the next step is
    due; WHEN the page is opened again THEN it says the session is done and offers to look back at it, which
    shows the answers, or to start a new one, which starts on the path chosen."""
    app_id = rejected(web)
    page = web.post(f"/bounce/{app_id}/start", {"path": "short"}).text
    assert step_key(page) == "short_checkin" and "The short session · part 1 of 3" in page
    page = web.post(f"/bounce/{app_id}/steps/short_checkin", {"action": "continue", "mood": "4"}).text
    assert step_key(page) == "short_perspective"
    assert "Step 1 of 4 · Don&#39;t let it define you" in page and "CareerPlug hiring data 2024" in page
    page = web.post(f"/bounce/{app_id}/steps/short_perspective", {"action": "continue"}).text
    assert "Step 3 of 4 · Get good at rejection: one next step" in page
    assert "Step 2 of 4, “Knock the job off its pedestal”" in html.unescape(page)
    page = web.post(
        f"/bounce/{app_id}/steps/short_next",
        {"action": "continue", "step": "Write to Quayside Books", "by": "2099-01-08"},
    ).text
    assert "Session done" in page and "Your next step: Write to Quayside Books" in page
    assert f'href="/bounce/{app_id}"' in page  # the way to the full session, for another day
    due = html.unescape(web.get("/due").text)
    assert "Write to Quayside Books" in due

    again = web.get(f"/bounce/{app_id}").text
    assert "You finished the short bounce-back session" in again and step_key(again) is None
    review = html.unescape(web.get(f"/bounce/{app_id}/review").text)
    assert "How is your mood right now? 0 is very low, 10 is very good. 4" in review
    assert "One concrete next step: Write to Quayside Books" in review
    page = web.post(f"/bounce/{app_id}/start", {"path": "full"}).text
    assert step_key(page) == "checkin" and "The full session · part 1 of 9" in page


def test_a_step_answer_out_of_range_is_one_sentence_and_the_step_stays(web) -> None:
    """GIVEN the first step WHEN the mood is 14 THEN one plain sentence, and the session still asks that step."""
    app_id = rejected(web)
    web.post(f"/bounce/{app_id}/start", {"path": "full"})
    response = web.post(f"/bounce/{app_id}/steps/checkin", {"action": "continue", "mood": "14"})
    assert response.status_code == 400
    assert messages(response.text) == ["14 is outside 0 to 10."]
    assert step_key(web.get(f"/bounce/{app_id}").text) == "checkin"


def test_the_session_is_only_for_a_rejection(web) -> None:
    """GIVEN an open application WHEN its session is started THEN the coach's own sentence refuses it."""
    app_id = add_application(web, "Acme", "Analyst")
    assert "This session is for after a rejection" in web.get(f"/bounce/{app_id}").text
    response = web.post(f"/bounce/{app_id}/start")
    assert response.status_code == 400 and "not rejected" in messages(response.text)[0]


def test_the_weekly_check_in_is_recorded_and_its_trend_shown(web) -> None:
    """GIVEN two check-ins WHEN recorded THEN the WHO-5 score is said, and the table lists both, newest first."""
    first = web.post("/checkin", {f"who5_{n}": "2" for n in range(1, 6)} | {"mood": "4"}).text
    assert "Your WHO-5 well-being score: 40 out of 100" in html.unescape(first)
    second = web.post(
        "/checkin", {f"who5_{n}": "4" for n in range(1, 6)} | {"mood": "7", "note": "Better."}
    ).text
    rows = re.findall(r"<meter min=\"0\" max=\"100\"[^>]*value=\"(\d+)\"", second)
    assert rows == ["80", "40"]
    partial = web.post("/checkin", {"who5_1": "3"})
    assert partial.status_code == 400 and messages(partial.text) == [
        "Answer all five WHO-5 questions, or none of them."
    ]


def test_due_items_are_done_snoozed_and_dismissed(web) -> None:
    """GIVEN a rejection (its bounce-back session is due) WHEN that is snoozed and anything else dismissed THEN
    the list is empty, and undo brings the last one back."""
    rejected(web)
    page = web.get("/due").text
    keys = list(dict.fromkeys(re.findall(r'name="key" value="([^"]+)"', page)))
    bounce = next(k for k in keys if k.startswith("bounce:"))
    snoozed = web.htmx("/due/snooze", {"key": bounce, "days": "3"})
    assert "Snoozed for three days" in snoozed.text and '<li class="item settled">' in snoozed.text
    others = [k for k in keys if k != bounce]
    assert others, "a rejection also brings a feedback request or another reminder"
    for key in others:
        assert "Dismissed" in messages(web.post("/due/dismiss", {"key": key}).text)[0]
    assert "Nothing is due right now" in web.get("/due").text
    web.post("/undo")
    restored = set(re.findall(r'name="key" value="([^"]+)"', web.get("/due").text))
    assert len(restored) == 1 and bounce not in restored


def test_a_draft_is_offered_to_copy_open_or_save_and_sending_goes_on_the_timeline(web) -> None:
    """GIVEN a rejection with a hiring manager WHEN the feedback draft is written THEN it is addressed to them,
    offers a mailto: link and an .eml file, and 'I sent it' puts it on the timeline."""
    app_id = rejected(web)
    web.post(
        f"/applications/{app_id}/contacts",
        {"name": "Dana Smith", "email": "dana@fernhill.example", "role": "hiring_manager"},
    )
    assert '<option value="feedback">' in web.get(f"/applications/{app_id}").text
    page = web.get(f"/applications/{app_id}/draft?kind=feedback").text
    assert "Dana Smith &lt;dana@fernhill.example&gt;" in page
    assert (
        'href="mailto:dana%40fernhill.example?subject=' in page
        or 'href="mailto:dana@fernhill.example?subject=' in page
    )
    eml = web.get(f"/applications/{app_id}/draft.eml?kind=feedback")
    assert eml.headers["content-type"].startswith("message/rfc822") and b"X-Unsent: 1" in eml.content
    sent = web.post(f"/applications/{app_id}/draft/sent", {"kind": "feedback"})
    assert messages(sent.text) == ["On the timeline: Asked Dana Smith for feedback."]


def test_the_insights_page_draws_the_reports_figures_from_json(web) -> None:
    """GIVEN a rejection after interviews WHEN the insights page is opened THEN the Sankey's JSON flows through
    Interviewing to Rejected, the numbers are in a table too, and Plotly comes from this server."""
    rejected(web)
    add_application(web, "Quayside Books", "Store Manager")
    page = web.get("/insights").text
    assert '<script src="/vendor/plotly.min.js" defer></script>' in page
    figure = json.loads(
        html.unescape(re.search(r'id="chart-sankey"[^>]*data-figure="([^"]*)"', page).group(1))
    )  # type: ignore[union-attr]
    labels = figure["data"][0]["node"]["label"]
    assert any(label.startswith("Interviewing") for label in labels) and any(
        label.startswith("Rejected") for label in labels
    )
    assert "<td>Interviewing</td><td>Rejected</td><td>1</td>" in page
    script = web.get("/vendor/plotly.min.js")
    assert script.status_code == 200 and script.headers["content-type"].startswith("text/javascript")
    assert b"plotly.js" in script.content[:200]


def test_the_insights_are_recomputed_after_a_change_not_before(web) -> None:
    """GIVEN the insights page WHEN nothing changed THEN the same computation is reused; after a change THEN the
    page shows the new application."""
    add_application(web, "Acme", "Analyst")
    cache = web.client.app.state.web.insights
    web.get("/insights")
    first = cache.value
    web.get("/insights")
    assert cache.value is first
    add_application(web, "Quayside Books", "Store Manager")
    page = web.get("/insights").text
    assert cache.value is not first
    assert "applications sent (of 2 tracked)" in page
