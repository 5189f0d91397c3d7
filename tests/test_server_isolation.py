"""Isolation through the server's routes, generated from the app itself: every route with an id in its path,
asked by seeker A with person B's ids, answers 404 (never 403, never B's data); a form naming B's application
changes nothing of B's. And deleting a person erases every row of theirs, in every table of the schema."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.routing import APIRoute
from sqlalchemy import create_engine, func, select
from sqlalchemy.pool import NullPool

from bounceback.domain.accounts import MailUpload, Role, Sharing
from bounceback.domain.mail import MailRecord
from bounceback.domain.model import Application
from bounceback.storage.schema import metadata
from bounceback.storage.server_store import PERSON_COLUMNS
from bounceback.workspace.server import Directory
from tests.serverkit import Browser, add_application, person
from tests.test_isolation import build_b

pytestmark = pytest.mark.postgres

B_MARKS = ("Umbrella", "wanda", "B's lesson")


@pytest.fixture
def a_and_b(server_app, directory: Directory):  # type: ignore[no-untyped-def]
    """Seeker A with one application, seeker B with a whole search (every table), an advisor B shares with,
    and a mail upload of B's waiting for the job worker."""
    ana, bo = person(directory, "ana@uni.org"), person(directory, "bo@uni.org")
    advisor = person(directory, "adv@uni.org", Role.ADVISOR)
    mine = add_application(directory, ana.user_id, "Acme", "Analyst")
    theirs = build_b(directory.workspace_for(bo.user_id))
    directory.share(bo.user_id, advisor.email, Sharing.FULL)
    directory.add_note(bo.user_id, advisor.user_id, "B's advisor note")
    job = directory.add_upload(bo.user_id, "b.mbox", b"From B's lesson", state="waiting")
    return ana, bo, advisor, mine, theirs, job


def _path_values(theirs: Any, bo_id: int, job: MailUpload) -> dict[str, str]:
    """For each path parameter of the app: a value naming something of B's."""
    return {
        "app_id": str(theirs.ids[Application]),
        "record_id": str(theirs.ids[MailRecord]),
        "key": "checkin",
        "job_id": job.id,
        "account_name": "b-mail",
        "seeker_id": str(bo_id),
        "user_id": str(bo_id),
        "cohort_id": "1",
        "token": "no-such-invitation",  # an invite is reached by its token alone; an unknown one is 404
    }


NOWHERE = "987654"


def _ask(browser: Browser, method: str, url: str, token: str) -> Any:
    if method == "GET":
        return browser.client.get(url)
    form = {"csrf_token": token, "confirm": "yes", "text": "x", "stage": "offer"}
    return browser.client.post(url, data=form)


def _routes(app: Any) -> list[tuple[str, str]]:
    """(method, path) of every route of the app that takes an id in its path."""
    found = []
    for route in app.routes:
        # FastAPI keeps an included router as one entry that lists the routes it holds
        held = (
            list(route.effective_route_contexts()) if hasattr(route, "effective_route_contexts") else [route]
        )
        for each in held:
            if (isinstance(each, APIRoute) or hasattr(each, "original_route")) and "{" in each.path:
                found.extend((method, each.path) for method in sorted(each.methods))
    return found


def test_every_route_with_another_persons_ids_is_404(server_app, a_and_b) -> None:  # type: ignore[no-untyped-def]
    """GIVEN A logged in and B's whole search WHEN A asks every route with an id in its path for B's ids THEN
    each is 404 and no answer holds B's words."""
    _ana, bo, _, _, theirs, job = a_and_b
    values = _path_values(theirs, bo.user_id, job)
    browser = Browser(server_app)
    browser.login("ana@uni.org")
    token = browser.token
    routes = _routes(server_app)
    assert len(routes) >= 15
    for method, path in routes:
        names = [part[1:-1] for part in path.split("/") if part.startswith("{")]
        unknown = [n for n in names if n not in values]
        assert not unknown, f"teach the isolation suite what {path}'s {unknown} is for B"
        url = path.format(**{n: values[n] for n in names})
        nowhere = path.format(**dict.fromkeys(names, NOWHERE))
        response, missing = _ask(browser, method, url, token), _ask(browser, method, nowhere, token)
        assert not any(mark in response.text for mark in B_MARKS), f"{method} {url} showed B's data"
        # 404; or a form refused before any lookup, exactly as for an id that exists nowhere (never 403)
        refused_alike = response.status_code in (400, 422) and response.status_code == missing.status_code
        assert response.status_code == 404 or refused_alike, f"{method} {url} gave {response.status_code}"


def test_the_advisor_routes_with_another_seekers_ids_are_404_to_an_advisor_b_does_not_share_with(
    server_app,
    a_and_b,
    directory: Directory,  # type: ignore[no-untyped-def]
) -> None:
    """GIVEN B shares with one advisor WHEN another advisor opens B's page or notes THEN 404, nothing shown."""
    _, bo, _, _, _, _ = a_and_b
    person(directory, "other@uni.org", Role.ADVISOR)
    browser = Browser(server_app)
    browser.login("other@uni.org")
    for response in (
        browser.get(f"/advisor/seekers/{bo.user_id}"),
        browser.post(f"/advisor/seekers/{bo.user_id}/notes", text="sneaky"),
    ):
        assert response.status_code == 404 and not any(m in response.text for m in B_MARKS)
    assert all(n.text != "sneaky" for n in directory.notes(bo.user_id, acting=bo.user_id))


def test_forms_naming_another_persons_application_change_nothing_of_theirs(
    server_app,
    a_and_b,
    pg_url: str,  # type: ignore[no-untyped-def]
) -> None:
    """GIVEN A logged in WHEN A's forms name B's application (by id or by its short name) THEN none succeeds and
    B's rows are exactly as they were."""
    _ana, bo, _, mine, theirs, _ = a_and_b
    before = _rows_of(pg_url, bo.user_id)
    browser = Browser(server_app)
    browser.login("ana@uni.org")
    b_app = theirs.ids[Application]
    for path, data in (
        (f"/applications/{b_app}/move", {"stage": "offer"}),
        (f"/applications/{b_app}/notes", {"text": "planted"}),
        (f"/applications/{b_app}/delete", {"confirm": "yes"}),
        (f"/review/{theirs.ids[MailRecord]}/link", {"application": str(mine)}),
        ("/due/done", {"key": theirs.reminder_key}),
        ("/due/dismiss", {"key": theirs.reminder_key}),
    ):
        response = browser.post(path, **data)
        assert response.status_code in (400, 404), f"{path} gave {response.status_code}"
    assert _rows_of(pg_url, bo.user_id) == before


def _rows_of(url: str, user_id: int) -> dict[str, list[tuple[Any, ...]]]:
    """Every row that names a person, in every table (as the superuser, past row-level security)."""
    engine = create_engine(url, poolclass=NullPool)
    found: dict[str, list[tuple[Any, ...]]] = {}
    try:
        with engine.connect() as connection:
            for table in metadata.sorted_tables:
                columns = [table.c[c] for c in PERSON_COLUMNS if c in table.c]
                if table.name == "users":
                    columns = [table.c.id]
                for column in columns:
                    rows = connection.execute(select(table).where(column == user_id).order_by(table.c.id))
                    found[f"{table.name}.{column.name}"] = [tuple(r) for r in rows]
    finally:
        engine.dispose()
    return found


def _tables_naming(rows: dict[str, list[tuple[Any, ...]]]) -> set[str]:
    return {name.split(".")[0] for name, found in rows.items() if found}


def test_deleting_a_person_erases_every_row_of_theirs_in_every_table(
    server_app,
    a_and_b,
    directory: Directory,
    pg_url: str,  # type: ignore[no-untyped-def]
) -> None:
    """GIVEN seeker B with a row in every table that names a person (their search, a session, a failed login,
    sharing, a look and a note by the advisor, an encrypted secret) WHEN B and then the advisor are deleted THEN
    no table holds a row naming either, and A's rows are untouched."""
    from bounceback.server.secrets import SecretBox

    ana, bo, advisor, _, _, _ = a_and_b
    Browser(server_app).login("bo@uni.org")
    Browser(server_app).login("bo@uni.org", "a wrong password")
    SecretBox("k" * 48).keep(directory, bo.user_id, "b-mail", "imap password of B")
    assert directory.shared_workspace(bo.user_id, advisor.user_id) is not None
    naming = {
        t.name for t in metadata.sorted_tables if t.name == "users" or any(c in t.c for c in PERSON_COLUMNS)
    }
    assert len(naming) >= 24
    assert _tables_naming(_rows_of(pg_url, bo.user_id)) == naming
    assert _tables_naming(_rows_of(pg_url, advisor.user_id)) >= {"consents", "access_log", "advisor_notes"}
    ana_before = _rows_of(pg_url, ana.user_id)
    directory.delete("bo@uni.org")
    directory.delete("adv@uni.org")
    assert _tables_naming(_rows_of(pg_url, bo.user_id)) == set()
    assert _tables_naming(_rows_of(pg_url, advisor.user_id)) == set()
    engine = create_engine(pg_url, poolclass=NullPool)
    with engine.connect() as connection:
        attempts = metadata.tables["login_attempts"]
        assert connection.execute(select(func.count()).where(attempts.c.email == "bo@uni.org")).scalar() == 0
    engine.dispose()
    assert _rows_of(pg_url, ana.user_id) == ana_before


def test_an_admin_erasing_a_person_on_the_web_leaves_no_row_of_theirs(
    server_app,
    a_and_b,
    directory: Directory,
    pg_url: str,  # type: ignore[no-untyped-def]
) -> None:
    """GIVEN seeker B with rows in every table that names a person, and an invitation B joined by WHEN an
    admin erases B on /admin (B's email typed again) THEN no table holds a row naming B, no invitation names B's
    email, and A's rows are untouched."""
    from bounceback.storage.server_schema import invites

    ana, bo, _, _, _, _ = a_and_b
    Browser(server_app).login("bo@uni.org")
    Browser(server_app).login("bo@uni.org", "a wrong password")
    directory.invite("bo.friend@uni.org", Role.SEEKER)
    engine = create_engine(pg_url, poolclass=NullPool)
    with engine.begin() as connection:  # as if B had joined by this invitation
        connection.execute(invites.update().values(email="bo@uni.org"))
    assert _tables_naming(_rows_of(pg_url, bo.user_id)) >= {"users", "accounts", "login_sessions"}
    ana_before = _rows_of(pg_url, ana.user_id)
    person(directory, "boss@uni.org", Role.ADMIN)
    admin = Browser(server_app)
    admin.login("boss@uni.org")
    assert admin.post(f"/admin/people/{bo.user_id}/delete", confirm="BO@uni.org").status_code == 303
    assert _tables_naming(_rows_of(pg_url, bo.user_id)) == set()
    with engine.connect() as connection:
        attempts = metadata.tables["login_attempts"]
        for table in (attempts, invites):
            assert connection.execute(select(func.count()).where(table.c.email == "bo@uni.org")).scalar() == 0
    engine.dispose()
    assert _rows_of(pg_url, ana.user_id) == ana_before
