"""Invitations on a real PostgreSQL: `server invite` and the admin's web form make a one-time link (only its
hash is kept) with which a new person chooses a password, joins with the invited role and cohort, and is logged
in; a used, expired or unknown link gets one plain sentence. And the admin's other web actions: reactivate and
erase people, never themselves."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, update
from sqlalchemy.pool import NullPool

from bounceback.domain.accounts import Role
from bounceback.server.passwords import verify
from bounceback.storage.server_schema import invites
from bounceback.workspace.server import Directory
from tests.conftest import CLI
from tests.serverkit import PUBLIC_URL, Browser, person

pytestmark = pytest.mark.postgres

GONE = "This invitation has been used or has expired; ask your career-services office for a new one."
NEW_PASSWORD = "a long new password of mine"


def _token(text: str) -> str:
    found = re.search(re.escape(PUBLIC_URL) + r"/invite/([A-Za-z0-9_-]+)", text)
    assert found, text
    return found.group(1)


def _join(browser: Browser, token: str, password: str = NEW_PASSWORD, again: str | None = None) -> object:
    return browser.post(
        f"/invite/{token}", password=password, password_again=password if again is None else again
    )


def _stored(pg_url: str) -> list[tuple[object, ...]]:
    engine = create_engine(pg_url, poolclass=NullPool)
    try:
        with engine.connect() as connection:
            return [tuple(row) for row in connection.execute(select(invites))]
    finally:
        engine.dispose()


def test_a_cli_invite_works_once_makes_the_account_with_its_role_and_cohort_and_logs_in(
    server_app,
    directory: Directory,
    pg_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    """GIVEN a cohort WHEN `server invite` is run THEN it prints a link whose token the database holds only as a
    hash; the link's form makes the account (advisor, in the cohort, the chosen password) and logs them in with
    the login cookie; the same link a second time is refused with the sentence (410), and nobody else is made."""
    directory.add_cohort("Class of 2027")
    monkeypatch.setenv("BOUNCEBACK_SERVER_PUBLIC_URL", PUBLIC_URL)
    done = CLI(tmp_path / "home", pg_url)(
        "server", "invite", "Dee@Uni.org", "--role", "advisor", "--cohort", "Class of 2027", "--days", "3"
    )
    assert "Invited dee@uni.org as advisor in Class of 2027" in done.stdout
    token = _token(done.stdout)
    stored = _stored(pg_url)
    assert len(stored) == 1 and token not in repr(stored)
    assert hashlib.sha256(token.encode()).hexdigest() in stored[0]

    browser = Browser(server_app)
    form = browser.get(f"/invite/{token}")
    assert form.status_code == 200 and "dee@uni.org" in form.text and "password_again" in form.text
    joined = _join(browser, token)
    assert joined.status_code == 303 and joined.headers["location"] == "/advisor"
    cookie = next(
        v for k, v in joined.headers.multi_items() if k == "set-cookie" and v.startswith("bb_login=")
    )
    assert all(flag in cookie.lower() for flag in ("httponly", "samesite=lax", "secure"))
    assert browser.get("/advisor").status_code == 200
    found = directory.account_by_email("dee@uni.org")
    assert found is not None
    account, stored_hash = found
    assert account.role is Role.ADVISOR and account.cohort == "Class of 2027" and account.active
    assert verify(stored_hash, NEW_PASSWORD) and directory.sessions_of(account.user_id) == 1

    stranger = Browser(server_app)
    for again in (stranger.get(f"/invite/{token}"), _join(stranger, token, "another long password")):
        assert again.status_code == 410 and GONE in again.text and "Traceback" not in again.text
    assert verify(directory.account_by_email("dee@uni.org")[1], NEW_PASSWORD)  # type: ignore[index]
    assert len(directory.accounts()) == 1


def test_expired_and_unknown_invites_are_refused_with_one_sentence(
    server_app, directory: Directory, pg_url: str
) -> None:  # type: ignore[no-untyped-def]
    """GIVEN an invite made already expired, and one whose row is made to expire WHEN either link is opened or
    posted THEN 410 with the sentence and no account; a token never made is 404 with the same sentence."""
    _, past = directory.invite("old@uni.org", Role.SEEKER, days=-1)
    _, later = directory.invite("late@uni.org", Role.SEEKER)
    browser = Browser(server_app)
    assert browser.get(f"/invite/{later}").status_code == 200
    engine = create_engine(pg_url, poolclass=NullPool)
    with engine.begin() as connection:
        connection.execute(
            update(invites).where(invites.c.email == "late@uni.org").values(expires_at=invites.c.created_at)
        )
    engine.dispose()
    for token in (past, later):
        for answer in (browser.get(f"/invite/{token}"), _join(browser, token)):
            assert answer.status_code == 410 and GONE in answer.text
    for answer in (browser.get("/invite/never-made"), _join(browser, "never-made")):
        assert answer.status_code == 404 and GONE in answer.text
    assert directory.accounts() == []


def test_an_invite_for_an_existing_account_is_refused_when_made(
    server_app, directory: Directory, pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """GIVEN a seeker WHEN an admin invites their email (CLI, then web) THEN one sentence refuses, no invite."""
    person(directory, "ana@uni.org")
    monkeypatch.setenv("BOUNCEBACK_SERVER_PUBLIC_URL", PUBLIC_URL)
    done = CLI(tmp_path / "home", pg_url)("server", "invite", "ANA@uni.org", check=False)
    assert done.returncode != 0 and "already an account for ana@uni.org" in done.stdout + done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    person(directory, "boss@uni.org", Role.ADMIN)
    admin = Browser(server_app)
    admin.login("boss@uni.org")
    refused = admin.post("/admin/invites", email="ana@uni.org", role="seeker", cohort="")
    assert refused.status_code == 400 and "already an account for ana@uni.org" in refused.text
    assert _stored(pg_url) == []


def test_a_mismatched_or_short_password_keeps_the_invite_open(server_app, directory: Directory) -> None:  # type: ignore[no-untyped-def]
    """GIVEN an invite WHEN the two passwords differ, or it is too short THEN a sentence, no account, and the
    link still works afterwards."""
    _, token = directory.invite("eve@uni.org", Role.SEEKER)
    browser = Browser(server_app)
    differ = _join(browser, token, NEW_PASSWORD, "something else entirely")
    assert differ.status_code == 400 and "differ" in differ.text
    short = _join(browser, token, "short")
    assert short.status_code == 400 and "at least" in short.text
    assert directory.accounts() == []
    assert _join(browser, token).status_code == 303 and directory.account_by_email("eve@uni.org") is not None


def test_an_admin_invites_on_the_web_and_the_link_shown_works(server_app, directory: Directory) -> None:  # type: ignore[no-untyped-def]
    """GIVEN an admin and a cohort WHEN they invite on /admin THEN the page shows the link once (the next view
    of /admin does not), and it makes a seeker in that cohort who lands on their board."""
    person(directory, "boss@uni.org", Role.ADMIN)
    directory.add_cohort("Spring")
    admin = Browser(server_app)
    admin.login("boss@uni.org")
    page = admin.post("/admin/invites", email="Fay@Uni.org", role="seeker", cohort="Spring")
    assert page.status_code == 200
    token = _token(page.text)
    assert token not in admin.get("/admin").text
    newcomer = Browser(server_app)
    joined = _join(newcomer, token)
    assert joined.status_code == 303 and joined.headers["location"] == "/"
    assert newcomer.get("/").status_code == 200
    account = directory.require("fay@uni.org")
    assert account.role is Role.SEEKER and account.cohort == "Spring"


def test_an_admin_reactivates_and_erases_people_on_the_web_but_never_themselves(
    server_app, directory: Directory
) -> None:  # type: ignore[no-untyped-def]
    """GIVEN an admin and a deactivated seeker WHEN the admin reactivates them THEN they can log in; erasing
    needs their email typed again; the admin cannot deactivate or erase their own account (a sentence says so)."""
    boss = person(directory, "boss@uni.org", Role.ADMIN)
    ana = person(directory, "ana@uni.org")
    directory.deactivate("ana@uni.org")
    admin = Browser(server_app)
    admin.login("boss@uni.org")
    assert "Reactivate" in admin.get("/admin").text
    assert admin.post(f"/admin/people/{ana.user_id}/reactivate").status_code == 303
    assert Browser(server_app).login("ana@uni.org").status_code == 303

    wrong = admin.post(f"/admin/people/{ana.user_id}/delete", confirm="someone@uni.org")
    assert wrong.status_code == 400 and "nothing was erased" in wrong.text
    assert directory.account(ana.user_id) is not None
    erased = admin.post(f"/admin/people/{ana.user_id}/delete", confirm="ana@uni.org")
    assert erased.status_code == 303 and directory.account(ana.user_id) is None
    assert "Erased ana@uni.org" in admin.get("/admin").text

    for action in ("delete", "deactivate"):
        own = admin.post(f"/admin/people/{boss.user_id}/{action}", confirm="boss@uni.org")
        assert own.status_code == 400 and "your own account" in own.text
    assert directory.require("boss@uni.org").active


@pytest.mark.parametrize("role", [Role.SEEKER, Role.ADVISOR])
def test_the_admin_actions_are_404_to_seekers_and_advisors(
    server_app, directory: Directory, role: Role
) -> None:  # type: ignore[no-untyped-def]
    """GIVEN a seeker or an advisor WHEN they post to the admin's routes THEN 404 each time, nothing changed."""
    other = person(directory, "ana@uni.org")
    directory.deactivate("ana@uni.org")
    person(directory, "who@uni.org", role)
    browser = Browser(server_app)
    browser.login("who@uni.org")
    for path, form in (
        ("/admin/invites", {"email": "new@uni.org", "role": "admin"}),
        (f"/admin/people/{other.user_id}/reactivate", {}),
        (f"/admin/people/{other.user_id}/delete", {"confirm": "ana@uni.org"}),
    ):
        assert browser.post(path, **form).status_code == 404
    assert directory.account(other.user_id) is not None and not directory.require("ana@uni.org").active
    assert directory.invitation("x") is None and directory.account_by_email("new@uni.org") is None


def test_the_cli_invites_nobody_without_the_public_address_or_with_days_out_of_range(
    directory: Directory, pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """GIVEN no BOUNCEBACK_SERVER_PUBLIC_URL, then --days 0 WHEN `server invite` runs THEN one sentence each
    and no invitation is kept."""
    _ = directory.database
    cli = CLI(tmp_path / "home", pg_url)
    monkeypatch.delenv("BOUNCEBACK_SERVER_PUBLIC_URL", raising=False)
    missing = cli("server", "invite", "gus@uni.org", check=False)
    assert missing.returncode != 0 and "BOUNCEBACK_SERVER_PUBLIC_URL" in missing.stdout + missing.stderr
    monkeypatch.setenv("BOUNCEBACK_SERVER_PUBLIC_URL", PUBLIC_URL)
    zero = cli("server", "invite", "gus@uni.org", "--days", "0", check=False)
    assert zero.returncode != 0 and "1 to 90 days" in zero.stdout + zero.stderr
    assert _stored(pg_url) == []
