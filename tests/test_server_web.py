"""The server app through HTTP on a real PostgreSQL: settings refused plainly, the Host checked, login with
server-side sessions (rotated, ended on logout and when idle), rate limits told plainly, and each request
served from the workspace of the person logged in."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import create_engine, update

from bounceback.domain.accounts import Role
from bounceback.domain.errors import InvalidInput
from bounceback.server import limits
from bounceback.server.config import load_server_settings
from bounceback.storage.server_schema import login_sessions
from bounceback.workspace.server import Directory
from tests.serverkit import PASSWORD, SECRET_KEY, Browser, add_application, person

pytestmark = pytest.mark.postgres


@pytest.mark.parametrize(
    ("missing", "named"),
    [
        ("BOUNCEBACK_DATABASE_URL", "BOUNCEBACK_DATABASE_URL"),
        ("BOUNCEBACK_SERVER_SECRET_KEY", "BOUNCEBACK_SERVER_SECRET_KEY"),
        ("BOUNCEBACK_SERVER_PUBLIC_URL", "BOUNCEBACK_SERVER_PUBLIC_URL"),
    ],
)
def test_the_server_refuses_to_start_and_names_what_is_missing(missing: str, named: str) -> None:
    """GIVEN the three settings but one WHEN they are loaded THEN one sentence names the missing one only."""
    env = {
        "BOUNCEBACK_DATABASE_URL": "postgresql+psycopg://u@h/db",
        "BOUNCEBACK_SERVER_SECRET_KEY": SECRET_KEY,
        "BOUNCEBACK_SERVER_PUBLIC_URL": "https://careers.example.edu",
    }
    del env[missing]
    with pytest.raises(InvalidInput) as caught:
        load_server_settings(env)
    assert named in str(caught.value)
    assert all(other not in str(caught.value) for other in env)


def test_a_short_key_and_a_sqlite_database_are_refused_plainly() -> None:
    """GIVEN a short secret key or a SQLite URL WHEN loaded THEN the sentence names the variable."""
    base = {"BOUNCEBACK_SERVER_PUBLIC_URL": "https://x.org"}
    with pytest.raises(InvalidInput, match="BOUNCEBACK_SERVER_SECRET_KEY is 5"):
        load_server_settings(
            {**base, "BOUNCEBACK_DATABASE_URL": "postgresql://h/d", "BOUNCEBACK_SERVER_SECRET_KEY": "short"}
        )
    with pytest.raises(InvalidInput, match="must name a PostgreSQL"):
        load_server_settings(
            {**base, "BOUNCEBACK_DATABASE_URL": "sqlite:///x", "BOUNCEBACK_SERVER_SECRET_KEY": SECRET_KEY}
        )


def test_a_request_for_another_host_is_refused(server_app) -> None:  # type: ignore[no-untyped-def]
    """GIVEN the public URL careers.example.edu WHEN a request names another Host (or the loopback) THEN 400."""
    for base in ("https://evil.example", "http://127.0.0.1:8000"):
        response = Browser(server_app, base).get("/login")
        assert response.status_code == 400 and "BOUNCEBACK_SERVER_PUBLIC_URL" in response.text


def test_nobody_logged_in_is_sent_to_the_login_page(server_app) -> None:  # type: ignore[no-untyped-def]
    """GIVEN no login WHEN a page or a form is asked for THEN the page redirects to /login and the form is 401."""
    browser = Browser(server_app)
    assert browser.get("/").status_code == 303 and browser.get("/").headers["location"] == "/login"
    assert browser.get("/applications/1").headers["location"] == "/login"
    assert browser.post("/applications", company="Acme", role="Spy").status_code == 401


def test_login_sets_a_secure_httponly_lax_cookie_and_hsts_and_serves_the_persons_own_search(
    server_app,
    directory: Directory,  # type: ignore[no-untyped-def]
) -> None:
    """GIVEN two seekers with an application each WHEN Ana logs in THEN the cookie is Secure, HttpOnly and
    SameSite=Lax, HSTS is sent, her board shows her application and not Bo's, and Bo's page is 404."""
    ana, bo = person(directory, "ana@uni.org"), person(directory, "bo@uni.org")
    add_application(directory, ana.user_id, "Acme", "Analyst")
    theirs = add_application(directory, bo.user_id, "Globex", "Engineer")
    browser = Browser(server_app)
    response = browser.login("ana@uni.org")
    assert response.status_code == 303 and response.headers["location"] == "/"
    cookie = next(
        v for k, v in response.headers.multi_items() if k == "set-cookie" and v.startswith("bb_login=")
    )
    lowered = cookie.lower()
    assert "httponly" in lowered and "samesite=lax" in lowered and "secure" in lowered
    board = browser.get("/")
    assert board.status_code == 200 and "Acme" in board.text and "Globex" not in board.text
    assert board.headers["strict-transport-security"].startswith("max-age=")
    assert "ana@uni.org" in board.text and "Log out" in board.text
    assert browser.get(f"/applications/{theirs}").status_code == 404


def test_a_wrong_password_is_told_plainly_and_logs_nobody_in(server_app, directory: Directory) -> None:  # type: ignore[no-untyped-def]
    """GIVEN a seeker WHEN the password is wrong (or the email unknown) THEN 401 with one sentence, no session."""
    ana = person(directory, "ana@uni.org")
    browser = Browser(server_app)
    for email, password in (("ana@uni.org", "not the password"), ("nobody@uni.org", PASSWORD)):
        response = browser.login(email, password)
        assert response.status_code == 401 and "do not match an account" in response.text
    assert directory.sessions_of(ana.user_id) == 0
    assert browser.get("/").status_code == 303


def test_login_rotates_the_session_and_logout_ends_it_in_the_database(
    server_app, directory: Directory
) -> None:  # type: ignore[no-untyped-def]
    """GIVEN a logged-in seeker WHEN they log in again THEN the old token stops working; WHEN they log out
    THEN the session row is gone and the old cookie opens nothing."""
    ana = person(directory, "ana@uni.org")
    browser = Browser(server_app)
    browser.login("ana@uni.org")
    first = browser.client.cookies.get("bb_login")
    browser.login("ana@uni.org")
    second = browser.client.cookies.get("bb_login")
    assert first and second and first != second and directory.sessions_of(ana.user_id) == 1
    stale = Browser(server_app)
    stale.client.cookies.set("bb_login", first, domain="careers.example.edu")
    assert stale.get("/").status_code == 303
    assert browser.get("/").status_code == 200
    response = browser.post("/logout")
    assert response.status_code == 303 and directory.sessions_of(ana.user_id) == 0
    replay = Browser(server_app)
    replay.client.cookies.set("bb_login", second, domain="careers.example.edu")
    assert replay.get("/").status_code == 303


def test_an_idle_session_ends(server_app, directory: Directory, pg_url: str) -> None:  # type: ignore[no-untyped-def]
    """GIVEN a session last seen longer ago than the idle limit WHEN a page is asked for THEN back to login."""
    person(directory, "ana@uni.org")
    browser = Browser(server_app)
    browser.login("ana@uni.org")
    assert browser.get("/").status_code == 200
    engine = create_engine(pg_url)
    with engine.begin() as connection:
        connection.execute(update(login_sessions).values(last_seen_at=datetime.now(UTC) - timedelta(hours=1)))
    engine.dispose()
    assert browser.get("/").status_code == 303


def test_a_deactivated_person_is_logged_out_at_once(server_app, directory: Directory) -> None:  # type: ignore[no-untyped-def]
    """GIVEN a logged-in seeker WHEN an admin deactivates them THEN their next request goes to login and a new
    login is refused; their application is kept."""
    ana = person(directory, "ana@uni.org")
    add_application(directory, ana.user_id, "Acme", "Analyst")
    browser = Browser(server_app)
    browser.login("ana@uni.org")
    directory.deactivate("ana@uni.org")
    assert browser.get("/").status_code == 303
    assert browser.login("ana@uni.org").status_code == 401
    with directory.workspace_for(ana.user_id).read() as read:
        assert read.count_applications() == 1


def test_repeated_wrong_passwords_back_off_then_lock_the_account_plainly(
    server_app, directory: Directory
) -> None:  # type: ignore[no-untyped-def]
    """GIVEN three wrong passwords just now WHEN the next try comes at once THEN it is asked to wait; GIVEN five
    within the window THEN even the right password is refused with the minutes left, and another account from
    the same address (an office shares one) still logs in."""
    person(directory, "ana@uni.org")
    person(directory, "bo@uni.org")
    browser = Browser(server_app)
    for _ in range(3):
        assert browser.login("ana@uni.org", "wrong password!").status_code == 401
    waiting = browser.login("ana@uni.org")
    assert waiting.status_code == 429 and "Please wait" in waiting.text
    earlier = datetime.now(UTC) - timedelta(minutes=2)
    for _ in range(2):
        directory.record_attempt("ana@uni.org", "192.0.2.7", succeeded=False, at=earlier)
    locked = browser.login("ana@uni.org")
    assert locked.status_code == 429 and "paused for" in locked.text and "minutes" in locked.text
    assert browser.login("bo@uni.org").status_code == 303


def test_many_failures_from_one_address_lock_that_address(directory: Directory) -> None:
    """GIVEN the address limit's worth of failures from one address (over many accounts) WHEN a login is
    checked THEN that address is paused, and another address is not."""
    now = datetime.now(UTC)
    for n in range(limits.ADDRESS_LOCK_AFTER):
        directory.record_attempt(
            f"p{n}@uni.org", "198.51.100.9", succeeded=False, at=now - timedelta(minutes=5)
        )
    found = limits.check(directory, "x@uni.org", "198.51.100.9", now)
    assert (
        found is not None and "this address" in found.sentence and "paused for 10 minutes" in found.sentence
    )
    assert limits.check(directory, "x@uni.org", "198.51.100.10", now) is None


def test_an_advisor_has_no_search_of_their_own_and_no_seeker_pages(server_app, directory: Directory) -> None:  # type: ignore[no-untyped-def]
    """GIVEN an advisor WHEN they log in THEN they land on /advisor, and the seeker's pages are 404 to them."""
    person(directory, "adv@uni.org", Role.ADVISOR)
    browser = Browser(server_app)
    assert browser.login("adv@uni.org").headers["location"] == "/advisor"
    assert browser.get("/").headers["location"] == "/advisor"
    assert browser.get("/due").status_code == 404 and browser.get("/sharing").status_code == 404
    assert browser.get("/admin").status_code == 404


def test_an_admin_adds_and_deactivates_people_on_the_web(server_app, directory: Directory) -> None:  # type: ignore[no-untyped-def]
    """GIVEN an admin WHEN they add a seeker on /admin and later deactivate them THEN the seeker could log in in
    between and cannot after; a seeker asking for /admin gets 404; the admin has no board of their own."""
    person(directory, "boss@uni.org", Role.ADMIN)
    admin = Browser(server_app)
    assert admin.login("boss@uni.org").headers["location"] == "/admin"
    added = admin.post("/admin/people", email="New@Uni.org", role="seeker", password=PASSWORD, cohort="")
    assert added.status_code == 303 and "new@uni.org" in admin.get("/admin").text
    newcomer = Browser(server_app)
    assert newcomer.login("new@uni.org").status_code == 303
    assert newcomer.get("/admin").status_code == 404
    user_id = directory.require("new@uni.org").user_id
    assert admin.post(f"/admin/people/{user_id}/deactivate").status_code == 303
    assert newcomer.get("/").status_code == 303
    assert admin.get("/").headers["location"] == "/admin"
