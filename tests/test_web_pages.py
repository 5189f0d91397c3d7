"""The board and the application page, on SQLite and on PostgreSQL: every flow through real forms."""

from __future__ import annotations

import re

import pytest

from tests.test_web_helpers import add_application, app_id_of, messages, texts, web_client


@pytest.fixture
def web(settings):  # type: ignore[no-untyped-def]
    with web_client(settings) as client:
        yield client


def test_an_empty_board_says_how_to_begin(web) -> None:
    """GIVEN a new workspace WHEN the board is opened THEN it invites adding an application or importing mail."""
    page = web.get("/").text
    assert "No applications yet" in page
    assert 'href="/applications/new"' in page and 'href="/mail"' in page


def test_an_application_added_in_the_form_shows_in_its_column(web) -> None:
    """GIVEN the add form WHEN an application is added as applied THEN its page opens with a message, and the
    board shows it in the Applied column with its tags."""
    response = web.post(
        "/applications",
        {"company": "Fernhill Robotics", "role": "Controls Engineer", "stage": "applied", "tags": "Robotics, remote",
         "source": "referral", "applied_on": "2026-09-01", "excitement": "4", "dream_job": "yes"},
    )  # fmt: skip
    assert messages(response.text) == ["Added fernhill-robotics-controls-engineer."]
    page = response.text
    assert "Controls Engineer" in page and "referral" in page and "4 of 5" in page
    board = web.get("/").text
    applied = board.split('id="column-applied"')[1].split("</section>")[0]
    assert "Fernhill Robotics" in applied
    assert texts(applied, "tag") == ["remote", "robotics"]
    assert "dream job" in applied


def test_a_mistake_in_the_form_is_one_sentence_and_adds_nothing(web) -> None:
    """GIVEN the add form WHEN excitement is 9 THEN 400 with one sentence naming the field, nothing added."""
    response = web.post("/applications", {"company": "Acme", "role": "Analyst", "excitement": "9"})
    assert response.status_code == 400
    assert messages(response.text) == ["Excitement is 1 to 5, not 9."]
    assert "Acme" not in web.get("/").text


def test_moving_a_card_from_the_board_keeps_the_filters_and_says_what_happened(web) -> None:
    """GIVEN two applications and a filtered board WHEN one is moved with its card's form THEN the board comes
    back with the same filter, the card in its new column, and the move in the message."""
    first = add_application(web, "Fernhill Robotics", "Controls Engineer")
    add_application(web, "Quayside Books", "Store Manager")
    response = web.post(f"/applications/{first}/move", {"stage": "screening", "next": "/?q=fernhill"})
    assert str(response.url).endswith("/?q=fernhill")
    assert messages(response.text) == ["fernhill-robotics-controls-engineer: Moved to screening."]
    screening = response.text.split('id="column-screening"')[1].split("</section>")[0]
    assert "Fernhill Robotics" in screening
    assert "Quayside Books" not in response.text.split('id="board"')[1]


def test_the_board_refuses_a_move_the_stage_rules_forbid(web) -> None:
    """GIVEN a saved application WHEN it is moved straight to rejected THEN one sentence, and it stays saved."""
    app_id = add_application(web, "Acme", "Analyst", stage="saved")
    response = web.post(f"/applications/{app_id}/move", {"stage": "rejected", "next": "/"})
    assert response.status_code == 400
    assert "cannot move to rejected" in messages(response.text)[0]
    assert "Saved" in web.get(f"/applications/{app_id}").text


def test_htmx_gets_just_the_board_with_the_message_out_of_band(web) -> None:
    """GIVEN a card WHEN htmx moves it THEN the answer is the board section and an out-of-band message only."""
    app_id = add_application(web, "Acme", "Analyst")
    response = web.htmx(f"/applications/{app_id}/move", {"stage": "screening", "next": "/"})
    assert response.text.lstrip().startswith('<section id="board"')
    assert 'hx-swap-oob="true"' in response.text
    assert "<html" not in response.text


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ("q=books", ["Quayside Books"], ["Fernhill Robotics", "Lindqvist Data"]),
        ("tag=robotics", ["Fernhill Robotics"], ["Quayside Books"]),
        ("company=lind&show=all", ["Lindqvist Data"], ["Quayside Books"]),
        ("show=closed", ["Lindqvist Data"], ["Quayside Books", "Fernhill Robotics"]),
        ("stage=screening", ["Quayside Books"], ["Fernhill Robotics", "Lindqvist Data"]),
    ],
)
def test_filters_and_search_narrow_the_board(web, query: str, shown: list[str], hidden: list[str]) -> None:
    """GIVEN three applications WHEN the board is filtered THEN only the matching ones show."""
    add_application(web, "Fernhill Robotics", "Controls Engineer", tags="robotics")
    books = add_application(web, "Quayside Books", "Store Manager")
    web.post(f"/applications/{books}/move", {"stage": "screening"})
    closed = add_application(web, "Lindqvist Data", "Analyst")
    web.post(f"/applications/{closed}/move", {"stage": "withdrawn"})
    board = web.get(f"/?{query}").text.split('id="board"')[1]
    companies = texts(board, "company")
    assert all(name in companies for name in shown), companies
    assert not any(name in companies for name in hidden), companies


def test_the_board_filter_is_the_domains_filter(web) -> None:
    """GIVEN applications WHEN the board and the domain's ApplicationFilter are asked the same THEN they agree."""
    from bounceback.domain.filters import ApplicationFilter
    from bounceback.workspace import ReadModel

    for n in range(6):
        add_application(
            web, f"Company {n}", "Data Engineer" if n % 2 else "Analyst", notes="remote" if n < 3 else ""
        )
    context = web.client.app.state.web
    with context.read() as read:
        assert isinstance(read, ReadModel)
        views = read.applications()
    wanted = ApplicationFilter(text="remote", active=True)
    expected = sorted(v.company for v in views if wanted.matches(v.app, v.company))
    assert sorted(texts(web.get("/?q=remote").text.split('id="board"')[1], "company")) == expected


def test_a_long_column_shows_its_newest_cards_and_a_link_to_all(settings) -> None:
    """GIVEN more applications in a column than its limit WHEN the board is shown THEN the limit, with a link
    that shows them all."""
    with web_client(settings, board_column_limit=3) as web:
        for n in range(5):
            add_application(web, f"Company {n}", "Analyst")
        column = web.get("/").text.split('id="column-applied"')[1].split("</section>")[0]
        assert len(texts(column, "company")) == 3
        assert "Show all 5 applied" in column
        everything = web.get("/?stage=applied&limit=0").text
        assert len(texts(everything.split('id="board"')[1], "company")) == 5


def test_the_application_page_shows_details_people_interviews_notes_and_timeline(web) -> None:
    """GIVEN an application WHEN a person, an interview and a note are added from its page THEN each shows, the
    interview moved it to interviewing, and the timeline lists all of it newest first."""
    app_id = add_application(
        web, "Fernhill Robotics", "Controls Engineer", location="Bristol", work_mode="hybrid"
    )
    assert "did not" not in " ".join(
        messages(
            web.post(
                f"/applications/{app_id}/contacts",
                {
                    "name": "Moira Jennings",
                    "email": "moira@fernhill.example",
                    "title": "Talent Partner",
                    "role": "recruiter",
                },
            ).text
        )
    )
    web.post(f"/applications/{app_id}/interviews", {"starts": "2026-09-15T10:00", "timezone": "Europe/Berlin", "kind": "video",
                                                   "duration": "45", "interviewers": "Ana and Tom"})  # fmt: skip
    web.post(f"/applications/{app_id}/notes", {"text": "Ask about the PLC stack."})
    page = web.get(f"/applications/{app_id}").text
    assert "Moira Jennings" in page and "recruiter" in page and "mailto:moira@fernhill.example" in page
    assert "Round 1" in page and "with Ana and Tom" in page
    assert (
        "Europe/Berlin" not in page.split('id="interviews"')[1].split("</ul>")[0]
    )  # times in the person's zone
    assert "Interviewing" in page
    timeline = page.split('id="timeline"')[1].split("</section>")[0]
    entries = re.findall(r'<p class="prewrap">([^<]*)</p>', timeline)
    assert entries[0] == "Ask about the PLC stack."
    assert entries[-1] == "Added Controls Engineer at Fernhill Robotics"
    assert "Bristol (hybrid)" in page


def test_editing_details_changes_them_and_the_timeline_says_so(web) -> None:
    """GIVEN an application WHEN its details are edited THEN they change and an 'Edited' entry appears."""
    app_id = add_application(web, "Acme", "Analyst")
    response = web.post(
        f"/applications/{app_id}/edit", {"role": "Senior Analyst", "location": "Leeds", "tags": "finance"}
    )
    said = "Location now Leeds, tags now finance and role now Senior Analyst"
    assert messages(response.text) == [said + "."]
    page = web.get(f"/applications/{app_id}").text
    assert "<h1>Senior Analyst</h1>" in page and "Leeds" in page and said in page
    shown = re.sub(r"<[^>]+>", " ", page)  # what a person reads; form fields keep their names in the markup
    assert "Edited" not in shown and "work_mode" not in shown


def test_recording_a_rejection_offers_the_bounce_back_session(web) -> None:
    """GIVEN an application at interviews WHEN it is closed as rejected with a reason THEN it says so kindly,
    and its page offers the bounce-back session and keeps the furthest stage reached."""
    app_id = add_application(web, "Acme", "Analyst")
    web.post(f"/applications/{app_id}/move", {"stage": "interviewing"})
    response = web.post(
        f"/applications/{app_id}/move",
        {"stage": "rejected", "reason": "went with someone local", "next": f"/applications/{app_id}"},
    )
    assert "said no, after you reached interviewing" in messages(response.text)[0]
    assert f'href="/bounce/{app_id}"' in response.text
    assert "furthest reached: interviewing" in response.text
    assert "Rejected at interviewing: went with someone local" in response.text


def test_delete_needs_the_box_ticked_and_undo_brings_it_back(web) -> None:
    """GIVEN an application WHEN delete is posted without the box THEN it stays; with it THEN it is gone; and
    Undo last change brings it back."""
    app_id = add_application(web, "Acme", "Analyst")
    assert web.post(f"/applications/{app_id}/delete").status_code == 400
    gone = web.post(f"/applications/{app_id}/delete", {"confirm": "yes"})
    assert messages(gone.text) == ["Deleted acme-analyst. “Undo last change” brings it back."]
    assert web.get(f"/applications/{app_id}").status_code == 404
    back = web.post("/undo", {"next": f"/applications/{app_id}"})
    assert messages(back.text) == [f"Undone: Delete application {app_id}."]
    assert app_id_of(back.url) == app_id and "Acme" in back.text


def test_an_address_with_a_word_for_a_number_is_a_plain_404_or_400(web) -> None:
    """GIVEN no such application WHEN its page or a form for it is asked for THEN a plain sentence, no trace."""
    assert messages(web.get("/applications/999").text) == ["There is no application with id 999."]
    response = web.get("/applications/abc")
    assert response.status_code == 400
    assert messages(response.text) == ["That address or form is not one bounceback can read (app_id)."]


def test_a_mistake_in_an_htmx_form_goes_to_the_message_area(web) -> None:
    """GIVEN a card WHEN htmx posts a move without a stage THEN 400 with one sentence, aimed at the page's
    message area whatever part of the page the form meant to replace."""
    app_id = add_application(web, "Acme", "Analyst")
    response = web.htmx(f"/applications/{app_id}/move", {"next": "/"})
    assert response.status_code == 400
    assert response.headers["HX-Retarget"] == "#messages"
    assert response.headers["HX-Reselect"] == ".message"
    assert messages(response.text) == ["Choose the stage to move it to."]


def test_undo_after_a_close_is_offered_only_while_the_close_is_the_last_change(web) -> None:
    """GIVEN an application closed as rejected WHEN its page is opened THEN it says “Undo last change” reverts
    the close; once a note is added after it THEN the page no longer offers that (undo would take the note)."""
    app_id = add_application(web, "Acme", "Analyst")
    web.post(f"/applications/{app_id}/move", {"stage": "rejected"})
    offer = "If that was a mistake, “Undo last change” reverts it."

    assert offer in web.get(f"/applications/{app_id}").text
    web.post(f"/applications/{app_id}/notes", {"text": "They were kind about it."})
    page = web.get(f"/applications/{app_id}").text
    assert "It is closed as rejected." in page and offer not in page


def test_the_rejection_banner_stops_inviting_once_the_session_is_done(web, settings) -> None:
    """GIVEN a rejected application WHEN its page is opened THEN it invites the bounce-back session; once a
    session on it is finished (as the coach records it) THEN the banner says it is done instead."""
    from datetime import UTC, datetime

    from bounceback.domain.coaching import BounceSession
    from bounceback.workspace import Workspace

    app_id = add_application(web, "Acme", "Analyst")
    web.post(f"/applications/{app_id}/move", {"stage": "rejected"})
    assert "Start the bounce-back session" in web.get(f"/applications/{app_id}").text

    workspace = Workspace.open(settings)
    try:
        with workspace.change("session") as change:
            now = datetime.now(UTC)
            change.store.add(BounceSession(app_id, now, step="done", finished_at=now))
    finally:
        workspace.close()
    page = web.get(f"/applications/{app_id}").text
    assert "Start the bounce-back session" not in page
    assert "You have done the bounce-back session for this one." in page


@pytest.mark.parametrize(
    ("label", "shown"),
    [
        ("Ask Acme for feedback? (yes or no)", "Ask Acme for feedback?"),
        ("Your goal for 2027 is 30. A new number, or Enter to keep it:",
         "Your goal for 2027 is 30. A new number, or leave it empty to keep it:"),
        ("By when? A date, like 2026-12-05 or “friday”.", "By when?"),
        ("How is your mood right now? 0 is very low, 10 is very good.",
         "How is your mood right now? 0 is very low, 10 is very good."),
    ],
)  # fmt: skip
def test_coach_questions_lose_their_terminal_hints_on_a_page(label: str, shown: str) -> None:
    """GIVEN a coach question written for the terminal WHEN it labels a form field THEN the typing hints that the
    field makes needless are gone, and a question without any is left as it is."""
    from bounceback.web.messages import on_a_page

    assert on_a_page(label) == shown


def test_pages_speak_of_pages_not_commands(web) -> None:
    """GIVEN the mail page and the lessons action WHEN shown on the dashboard THEN the upload note says the
    original file is untouched and the copy removed, and lessons are a link to the Insights page."""
    from bounceback.domain.actions import Action, ActionKind
    from bounceback.web.messages import with_actions

    page = web.get("/mail").text
    assert "Your original file is not touched" in page and "removed once it has been read" in page
    assert "is deleted once it has been read" not in page
    kept = str(with_actions("Kept: 2 lessons. {0} shows them all.", [Action(ActionKind.SEE_LESSONS)]))
    assert kept == 'Kept: 2 lessons. <a href="/insights#themes-heading">The Insights page</a> shows them all.'
    assert "bounceback lessons" not in kept


def test_an_interview_on_the_due_list_has_its_link_and_done_snooze_dismiss(web) -> None:
    """GIVEN an interview tomorrow with a video link WHEN the due list is opened THEN the interview shows when it
    starts, its link is clickable, and it has Done, Snooze and Dismiss like every reminder."""
    from datetime import UTC, datetime, timedelta

    app_id = add_application(web, "Acme", "Analyst")
    starts = (datetime.now(UTC) + timedelta(days=1)).replace(microsecond=0)
    web.post(f"/applications/{app_id}/interviews", {"starts": starts.strftime("%Y-%m-%dT%H:%M"), "timezone": "UTC",
                                                   "kind": "video", "location": "https://meet.example/acme-1"})  # fmt: skip
    page = web.get("/due").text
    item = next(li for li in page.split('<li class="item') if "with Acme" in li)

    assert '<a href="https://meet.example/acme-1"' in item
    for button in ("Done", "Snooze", "Dismiss"):
        assert f'aria-label="{button}: ' in item
    assert "Starts <time" in item
