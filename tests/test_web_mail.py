"""Mail in the browser: upload an mbox or .eml, watch the import, and settle the review queue."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.mailfactory import as_mbox_bytes, mail, search_story
from tests.test_web_helpers import (
    add_application,
    messages,
    sqlite_settings,
    texts,
    wait_for_import,
    web_client,
)

ON_HOLD = mail(  # a letter sent as an image only: nothing to read, so it waits for the person
    "Sam Berg <sam.berg@lindqvist.example>",
    "Update on your application: Analyst role at Lindqvist Data",
    "",
    n=300,
    html='<p><img src="cid:letter" alt=""></p>',
)
NAMELESS = mail(
    "Recruiting <no-reply@us.greenhouse-mail.io>",  # an ATS: its domain names no employer
    "Next steps",
    "Hi Robin, we would like to schedule a call to discuss next steps. Please pick a time.",
    n=302,
)


def upload(web, name: str, content: bytes) -> str:  # type: ignore[no-untyped-def]
    """Post a mail file; returns the import page's address."""
    response = web.client.post(
        "/mail/import",
        data={"csrf_token": web.token},
        files={"mailbox": (name, content, "application/octet-stream")},
    )
    assert response.status_code == 200, messages(response.text)
    assert "/mail/imports/" in str(response.url)
    return str(response.url)


@pytest.fixture
def web(settings):  # type: ignore[no-untyped-def]
    with web_client(settings) as client:
        yield client


def test_an_uploaded_mbox_is_imported_in_the_background_with_its_progress(web) -> None:
    """GIVEN a small search as an mbox WHEN uploaded THEN the progress box ends with the counts of the CLI's
    summary, the board shows the opened application, and the upload itself is gone from the disk."""
    job = upload(web, "takeout.mbox", as_mbox_bytes(search_story()))
    box = wait_for_import(web, job)
    assert 'value="100"' in box and "5 of 5 messages" in box
    assert "5 messages read (0 seen before), 4 about your search: 2 applications opened" in re.sub(
        r"\s+", " ", box
    )
    assert "Quayside Books" in texts(web.get("/").text, "company")
    uploads = web.client.app.state.web.upload_dir
    assert not any(uploads.iterdir())


def test_the_rejection_email_is_on_its_application_page(web) -> None:
    """GIVEN the imported search WHEN the rejected application's page is opened THEN the rejection is on the
    timeline and the email itself is shown, read as a rejection."""
    wait_for_import(web, upload(web, "takeout.mbox", as_mbox_bytes(search_story())))
    board = web.get("/?show=all").text
    app_id = re.search(r'href="/applications/(\d+)">\s*<span class="company">Fernhill Robotics', board).group(
        1
    )  # type: ignore[union-attr]
    page = web.get(f"/applications/{app_id}").text
    assert "Rejected at interviewing" in page
    assert "Re: Interview for the Controls Engineer role" in page and "read as rejection" in page
    assert "decided to move forward with another candidate" in page


def test_the_same_mbox_twice_is_seen_before(web) -> None:
    """GIVEN an imported mbox WHEN it is uploaded again THEN every message counts as seen before."""
    content = as_mbox_bytes(search_story())
    wait_for_import(web, upload(web, "a.mbox", content))
    box = wait_for_import(web, upload(web, "a-again.mbox", content))
    assert "5 messages read (5 seen before)" in re.sub(r"\s+", " ", box)
    assert "a-again.mbox" in web.get("/mail").text


def test_a_single_eml_and_a_cut_off_mbox_are_read_defensively(tmp_path: Path) -> None:
    """GIVEN an .eml and an mbox whose last message is cut off WHEN uploaded THEN the .eml is imported and the
    cut-off message is named as unreadable, the rest imported."""
    with web_client(sqlite_settings(tmp_path)) as web:
        box = wait_for_import(web, upload(web, "one.eml", bytes(search_story()[1])))
        assert "1 about your search" in re.sub(r"\s+", " ", box)
        broken = as_mbox_bytes(search_story()[:2]) + b"From x Mon Sep  7 09:30:00 2026\nSubject: cut"
        box = wait_for_import(web, upload(web, "broken.mbox", broken))
        assert "1 skipped as unreadable" in re.sub(r"\s+", " ", box)
        assert "cut off" in box


def test_the_review_queue_is_settled_with_accept_link_and_ignore(tmp_path: Path) -> None:
    """GIVEN a letter with nothing to read and a message naming no company WHEN one is accepted and the other linked to an application THEN the first
    opens its application, the second moves the linked one, and the queue is empty."""
    with web_client(sqlite_settings(tmp_path)) as web:
        target = add_application(web, "Northwind Freight", "Planner")
        wait_for_import(web, upload(web, "unsure.mbox", as_mbox_bytes([ON_HOLD, NAMELESS])))
        page = web.get("/mail/review").text
        ids = [int(n) for n in re.findall(r'id="review-(\d+)"', page)]
        assert (
            len(ids) == 2
            and "Analyst role at Lindqvist Data" in page
            and "no text to read" in page
            and "Next steps" in page
        )
        on_hold, nameless = ids
        accepted = web.post(f"/mail/review/{on_hold}/accept")
        assert "now belongs to lindqvist-data-analyst" in messages(accepted.text)[0]
        linked = web.htmx(f"/mail/review/{nameless}/link", {"application": "northwind"})
        assert "now belongs to northwind-freight-planner (interview)" in linked.text
        assert linked.text.lstrip().startswith('<li class="item settled"')
        assert "Nothing is waiting for review" in web.get("/mail/review").text
        assert "Interviewing" in web.get(f"/applications/{target}").text


def test_relabel_and_ignore_change_nothing_they_should_not(tmp_path: Path) -> None:
    """GIVEN an uncertain rejection WHEN relabelled as other THEN it is set aside and no application is closed;
    and a nameless message that is accepted gets one sentence asking to link it."""
    with web_client(sqlite_settings(tmp_path)) as web:
        wait_for_import(web, upload(web, "unsure.mbox", as_mbox_bytes([ON_HOLD, NAMELESS])))
        on_hold, nameless = (int(n) for n in re.findall(r'id="review-(\d+)"', web.get("/mail/review").text))
        relabelled = web.post(f"/mail/review/{on_hold}/relabel", {"label": "other"})
        assert "was set aside" in messages(relabelled.text)[0]
        refused = web.post(f"/mail/review/{nameless}/accept")
        assert refused.status_code == 400 and "names no company" in messages(refused.text)[0]
        ignored = web.post(f"/mail/review/{nameless}/ignore")
        assert "was set aside" in messages(ignored.text)[0]
        assert "No applications yet" in web.get("/").text


def test_the_import_summary_and_the_application_page_say_why_it_was_a_rejection(web) -> None:
    """GIVEN the imported search WHEN the import finishes THEN its summary names the rejection by company and
    role with the decision sentence and a way to bounce back or say it is not one; the application page shows
    the same sentence on the email; "Not a rejection" takes the change back."""
    box = re.sub(
        r"\s+", " ", wait_for_import(web, upload(web, "takeout.mbox", as_mbox_bytes(search_story())))
    )
    assert "Rejection: <a href=" in box and "Fernhill Robotics, Controls Engineer</a>" in box
    assert (
        "because: <q>After a lot of discussion we have decided to move forward with another candidate" in box
    )
    app_id = re.search(r'href="/bounce/(\d+)"', box).group(1)  # type: ignore[union-attr]
    page = re.sub(r"\s+", " ", web.get(f"/applications/{app_id}").text)
    assert "Rejection, because: “After a lot of discussion we have decided to move forward" in page
    record_id = re.search(r'action="/mail/review/(\d+)/relabel"', box).group(1)  # type: ignore[union-attr]
    undone = web.client.post(
        f"/mail/review/{record_id}/relabel", data={"csrf_token": web.token, "label": "acknowledgment"}
    )
    assert undone.status_code == 200
    assert "Rejected at interviewing" not in web.get(f"/applications/{app_id}").text
