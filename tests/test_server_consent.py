"""Consent through HTTP on a real PostgreSQL: nothing is shared by default; a summary shows stages, counts and
dates but no notes; the whole search adds notes but never a bounce session's free writing; the seeker sees who
looked and the advisor's notes; revoking ends it at once (404, as for someone who does not exist)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bounceback.domain.accounts import Role
from bounceback.domain.coaching import BounceSession
from bounceback.domain.stages import Stage
from bounceback.workspace.server import Directory
from tests.serverkit import Browser, add_application, person

pytestmark = pytest.mark.postgres

PRIVATE_NOTE = "recruiter said salary band is low"
FREE_WRITING = "I felt worthless after that call"


@pytest.fixture
def people(directory: Directory):  # type: ignore[no-untyped-def]
    ana = person(directory, "ana@uni.org")
    adv = person(directory, "adv@uni.org", Role.ADVISOR)
    app_id = add_application(
        directory, ana.user_id, "Acme", "Analyst", stage=Stage.SCREENING, notes=PRIVATE_NOTE
    )
    with directory.workspace_for(ana.user_id).change("Bounce") as change:
        change.store.add(
            BounceSession(app_id, datetime.now(UTC), answers={"perspective": {"reasons": FREE_WRITING}})
        )
    return ana, adv


def _share(seeker: Browser, level: str) -> None:
    response = seeker.post("/sharing", advisor="adv@uni.org", sharing=level)
    assert response.status_code == 303


def test_nothing_is_shared_by_default(server_app, people) -> None:  # type: ignore[no-untyped-def]
    """GIVEN a seeker who chose nothing WHEN the advisor opens their page THEN 404 and no list entry."""
    ana, _ = people
    advisor = Browser(server_app)
    advisor.login("adv@uni.org")
    assert "ana@uni.org" not in advisor.get("/advisor").text
    assert advisor.get(f"/advisor/seekers/{ana.user_id}").status_code == 404


def test_a_summary_shows_stages_and_counts_but_no_notes_and_the_seeker_sees_who_looked(
    server_app,
    people,  # type: ignore[no-untyped-def]
) -> None:
    """GIVEN Ana shares a summary WHEN the advisor looks and leaves a note THEN they see Acme at screening and
    no note or free writing; Ana's sharing page shows the look and the advisor's note."""
    ana, _ = people
    seeker, advisor = Browser(server_app), Browser(server_app)
    seeker.login("ana@uni.org")
    _share(seeker, "summary")
    advisor.login("adv@uni.org")
    assert f"/advisor/seekers/{ana.user_id}" in advisor.get("/advisor").text
    page = advisor.get(f"/advisor/seekers/{ana.user_id}").text
    assert "Acme" in page and "screening" in page and "Applications: 1" in page
    assert PRIVATE_NOTE not in page and FREE_WRITING not in page
    assert (
        advisor.post(f"/advisor/seekers/{ana.user_id}/notes", text="Try the careers fair").status_code == 303
    )
    sharing = seeker.get("/sharing").text
    assert (
        "adv@uni.org" in sharing and "looked at the summary" in sharing and "Try the careers fair" in sharing
    )


def test_the_whole_search_adds_notes_but_never_the_free_writing(server_app, people) -> None:  # type: ignore[no-untyped-def]
    """GIVEN Ana shares the whole search WHEN the advisor looks THEN the application's note shows, the bounce
    session's free writing does not."""
    ana, _ = people
    seeker, advisor = Browser(server_app), Browser(server_app)
    seeker.login("ana@uni.org")
    _share(seeker, "full")
    advisor.login("adv@uni.org")
    page = advisor.get(f"/advisor/seekers/{ana.user_id}").text
    assert PRIVATE_NOTE in page and FREE_WRITING not in page
    assert "looked at the whole search" in seeker.get("/sharing").text


def test_revoking_ends_the_advisors_view_at_once(server_app, people) -> None:  # type: ignore[no-untyped-def]
    """GIVEN a shared summary the advisor has open WHEN Ana sets it back to nothing THEN the next look is 404,
    and a note on her is refused the same way."""
    ana, _ = people
    seeker, advisor = Browser(server_app), Browser(server_app)
    seeker.login("ana@uni.org")
    _share(seeker, "summary")
    advisor.login("adv@uni.org")
    assert advisor.get(f"/advisor/seekers/{ana.user_id}").status_code == 200
    _share(seeker, "nothing")
    assert advisor.get(f"/advisor/seekers/{ana.user_id}").status_code == 404
    assert advisor.post(f"/advisor/seekers/{ana.user_id}/notes", text="x").status_code == 404


def test_a_seeker_cannot_share_with_another_seeker(server_app, people, directory: Directory) -> None:  # type: ignore[no-untyped-def]
    """GIVEN another seeker WHEN Ana tries to share with them THEN one sentence refuses it and nothing is kept."""
    ana, _ = people
    person(directory, "cy@uni.org")
    seeker = Browser(server_app)
    seeker.login("ana@uni.org")
    response = seeker.post("/sharing", advisor="cy@uni.org", sharing="full")
    assert response.status_code == 400 and "not an advisor" in response.text
    assert directory.shared_with(ana.user_id) == []


def test_a_seeker_exports_and_deletes_their_own_account(server_app, people, directory: Directory) -> None:  # type: ignore[no-untyped-def]
    """GIVEN Ana WHEN she downloads her search THEN it is the JSON document with Acme; WHEN she confirms delete
    THEN her account is gone and her login with it."""
    seeker = Browser(server_app)
    seeker.login("ana@uni.org")
    exported = seeker.get("/account/export")
    assert exported.status_code == 200 and "Acme" in exported.text and exported.json()
    refused = seeker.post("/account/delete", confirm="someone@else.org")
    assert refused.status_code == 400 and directory.account_by_email("ana@uni.org") is not None
    assert seeker.post("/account/delete", confirm="ana@uni.org").status_code == 303
    assert directory.account_by_email("ana@uni.org") is None
    assert seeker.get("/").status_code == 303
