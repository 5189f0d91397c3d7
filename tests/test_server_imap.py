"""IMAP syncs on a server, against a real Dovecot and a real PostgreSQL: a seeker adds an account (its password
sealed with the server's key into mail_secrets, never in mail_accounts, never logged or shown), "Sync now" only
queues a job, a job worker (run here in the test's own process until the queue is empty) reads the mailbox for
its owner, and the progress page shows the outcome: a summary, or one plain sentence. Another seeker gets 404."""

from __future__ import annotations

import logging
import re
from typing import Any

import pytest

from bounceback.server.jobs import NO_KEY, SYNC_TASK, ensure_schema, run_worker
from bounceback.server.secrets import SecretBox
from bounceback.settings import Settings
from bounceback.workspace.server import Directory
from tests.mailfactory import search_story
from tests.serverkit import SECRET_KEY, Browser, person
from tests.servers.dovecot import DovecotServer
from tests.test_server_jobs import SUMMARY, _as_superuser, _seeker, _state
from tests.test_web_helpers import messages, texts

pytestmark = pytest.mark.postgres


@pytest.fixture
def queued_app(server_app, pg_settings: Settings):  # type: ignore[no-untyped-def]
    """The server app with the queue's tables made, as `server init` makes them."""
    assert ensure_schema(pg_settings) is True
    return server_app


def _add(browser: Browser, server: DovecotServer, folder: str, *, password: str, name: str = "work") -> Any:
    return browser.post(
        "/mail/accounts",
        name=name,
        host=server.host,
        port=str(server.port),
        security="none",
        username=server.user,
        password=password,
        folders=folder,
    )


def _work(settings: Settings, secret_key: str | None = SECRET_KEY, *, private_hosts: bool = True) -> None:
    """A job worker with the server's key (or another, or none) that runs every queued job, then stops. The
    Dovecot of the tests is on loopback, so private hosts are allowed unless a test says otherwise."""
    run_worker(
        settings,
        secret_key=secret_key,
        private_hosts=private_hosts,
        wait=False,
        install_signal_handlers=False,
    )


def _sync(browser: Browser, name: str = "work") -> str:
    response = browser.post(f"/mail/accounts/{name}/sync")
    assert response.status_code == 303, messages(response.text)  # type: ignore[attr-defined]
    page = str(response.headers["location"])  # type: ignore[attr-defined]
    assert page.startswith("/mail/imports/")
    return page


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_a_seeker_adds_an_account_and_a_job_worker_syncs_it_for_her_alone(
    queued_app, directory: Directory, pg_url: str, pg_settings: Settings, dovecot_server, caplog
) -> None:  # type: ignore[no-untyped-def]
    """GIVEN Ana's mailbox on a real IMAP server WHEN she adds the account and presses "Sync now" THEN the
    password is sealed in mail_secrets (ciphertext that opens with the server's key) and nowhere in mail_accounts
    or on a page; the request only queues one job (waiting, nothing on her board); once the worker has run, the
    page shows it done with its summary, the applications are hers alone, no log line holds the password, and
    Bo gets 404 for her job and her account."""
    caplog.set_level(logging.DEBUG)
    folder = dovecot_server.new_folder()
    dovecot_server.append(folder, *(bytes(m) for m in search_story()))
    password = dovecot_server.password
    ana, bo = person(directory, "ana@uni.org"), person(directory, "bo@uni.org")
    browser = _seeker(queued_app, "ana@uni.org")
    assert 'href="/mail/accounts"' in browser.get("/mail").text  # type: ignore[attr-defined]

    added = _add(browser, dovecot_server, folder, password=password)
    assert added.status_code == 303 and added.headers["location"] == "/mail/accounts"  # type: ignore[attr-defined]
    page = browser.get("/mail/accounts").text  # type: ignore[attr-defined]
    assert "Saved the account work" in page and "not synced yet" in page and password not in page
    accounts = _as_superuser(pg_url, "SELECT * FROM mail_accounts")
    assert [(row.owner_id, row.name) for row in accounts] == [(ana.user_id, "work")]
    assert password not in repr([tuple(row) for row in accounts])
    sealed = _as_superuser(pg_url, "SELECT owner_id, account_name, ciphertext FROM mail_secrets")
    assert [(row.owner_id, row.account_name) for row in sealed] == [(ana.user_id, "work")]
    assert password not in sealed[0].ciphertext
    assert SecretBox(SECRET_KEY).open(sealed[0].ciphertext) == password

    job_page = _sync(browser)
    upload_id = job_page.rsplit("/", 1)[-1]
    waiting = browser.get(f"{job_page}/progress").text  # type: ignore[attr-defined]
    assert _state(waiting) == "waiting" and 'hx-trigger="every 1s"' in waiting
    jobs = _as_superuser(pg_url, "SELECT task_name, args, status FROM procrastinate_jobs")
    assert [(j.task_name, j.args, j.status) for j in jobs] == [
        (SYNC_TASK, {"owner_id": ana.user_id, "upload_id": upload_id, "account": "work"}, "todo")
    ]
    assert "Quayside Books" not in texts(browser.get("/").text, "company")  # type: ignore[attr-defined]
    assert _as_superuser(pg_url, "SELECT count(*) FROM mail_folder_state") == [(0,)]

    _work(pg_settings)

    box = browser.get(f"{job_page}/progress").text  # type: ignore[attr-defined]
    assert _state(box) == "done" and 'value="100"' in box and "5 of 5 messages" in box
    assert "hx-trigger" not in box and SUMMARY in _flat(box)
    assert "IMAP: work" in browser.get("/mail").text  # type: ignore[attr-defined]
    assert "not synced yet" not in browser.get("/mail/accounts").text  # type: ignore[attr-defined]
    assert "Quayside Books" in texts(browser.get("/").text, "company")  # type: ignore[attr-defined]
    with directory.workspace_for(bo.user_id).read() as read:
        assert read.cards() == []
    assert SYNC_TASK in caplog.text and password not in caplog.text  # the worker's own lines were caught
    assert password not in browser.get("/account/export").text  # type: ignore[attr-defined]
    assert all(b"\\Seen" not in flags for flags in dovecot_server.flags(folder).values())

    bo_browser = _seeker(queued_app, "bo@uni.org")
    for response in (
        bo_browser.get(job_page),
        bo_browser.get(f"{job_page}/progress"),
        bo_browser.post("/mail/accounts/work/sync"),
        bo_browser.post("/mail/accounts/work/remove"),
    ):
        assert response.status_code == 404 and "IMAP: work" not in response.text  # type: ignore[attr-defined]
    assert "work" not in texts_of_accounts(bo_browser.get("/mail/accounts").text)  # type: ignore[attr-defined]
    assert _as_superuser(pg_url, "SELECT count(*) FROM mail_secrets") == [(1,)]
    assert _as_superuser(pg_url, "SELECT count(*) FROM procrastinate_jobs") == [(0,)]  # Bo queued nothing


def texts_of_accounts(page: str) -> list[str]:
    """The names in the accounts table of the mail accounts page."""
    return re.findall(r'<tr class="mail-account">\s*<td>([^<]*)</td>', page)


def test_a_wrong_password_ends_failed_with_one_plain_sentence(
    queued_app, directory: Directory, pg_url: str, pg_settings: Settings, dovecot_server, caplog
) -> None:  # type: ignore[no-untyped-def]
    """GIVEN an account kept with a wrong password WHEN a worker syncs it THEN the page says the import stopped,
    with one sentence saying what to do, no traceback, and neither the page nor the logs hold the password."""
    caplog.set_level(logging.DEBUG)
    folder = dovecot_server.new_folder()
    dovecot_server.append(folder, *(bytes(m) for m in search_story()[:2]))
    person(directory, "ana@uni.org")
    browser = _seeker(queued_app, "ana@uni.org")
    wrong = "not-the-password-3141"
    assert _add(browser, dovecot_server, folder, password=wrong).status_code == 303
    job_page = _sync(browser)

    _work(pg_settings)

    box = browser.get(f"{job_page}/progress").text  # type: ignore[attr-defined]
    assert _state(box) == "failed" and "The import stopped." in box
    assert messages(box) == [
        "The IMAP server refused the login of “work”; check the password, then remove the account and add it "
        "again with the right one."
    ]
    assert "Traceback" not in box and wrong not in box and wrong not in caplog.text
    rows = _as_superuser(pg_url, "SELECT state, finished_at IS NOT NULL FROM mail_uploads")
    assert rows == [("failed", True)]
    assert _as_superuser(pg_url, "SELECT count(*) FROM mail_folder_state") == [(0,)]


def test_a_host_that_cannot_be_reached_ends_failed_with_one_plain_sentence(
    queued_app, directory: Directory, pg_settings: Settings
) -> None:  # type: ignore[no-untyped-def]
    """GIVEN an account whose port has no IMAP server behind it WHEN a worker syncs it THEN it ends failed with
    one sentence naming where it tried and why, and no traceback."""
    from tests.servers.dovecot import free_port

    person(directory, "ana@uni.org")
    browser = _seeker(queued_app, "ana@uni.org")
    port = free_port()
    added = browser.post(
        "/mail/accounts", name="work", host="127.0.0.1", port=str(port), security="none",
        username="ana", password="whatever-it-is", folders="INBOX",
    )  # fmt: skip
    assert added.status_code == 303  # type: ignore[attr-defined]
    job_page = _sync(browser)

    _work(pg_settings)

    box = browser.get(f"{job_page}/progress").text  # type: ignore[attr-defined]
    assert _state(box) == "failed" and "Traceback" not in box
    assert messages(box) == [
        f"Could not connect to the IMAP server at 127.0.0.1:{port} (connection refused)."
    ]


@pytest.mark.parametrize(
    ("worker_key", "sentence"),
    [
        (
            "another server's key, long enough to be one " * 2,
            "The password kept for “work” cannot be opened with this server's key (was "
            "BOUNCEBACK_SERVER_SECRET_KEY changed?); remove the account and add it again.",
        ),
        (None, NO_KEY),
    ],
    ids=["other-key", "no-key"],
)
def test_a_worker_that_cannot_open_the_password_ends_the_sync_with_a_sentence(
    queued_app, directory: Directory, pg_settings: Settings, dovecot_server, worker_key, sentence
) -> None:  # type: ignore[no-untyped-def]
    """GIVEN a kept account WHEN a worker with another key, or none, runs its sync THEN it ends failed with the
    sentence that says why, and nothing was read."""
    folder = dovecot_server.new_folder()
    dovecot_server.append(folder, *(bytes(m) for m in search_story()[:2]))
    ana = person(directory, "ana@uni.org")
    browser = _seeker(queued_app, "ana@uni.org")
    assert _add(browser, dovecot_server, folder, password=dovecot_server.password).status_code == 303
    job_page = _sync(browser)

    _work(pg_settings, worker_key)

    box = browser.get(f"{job_page}/progress").text  # type: ignore[attr-defined]
    assert _state(box) == "failed" and messages(box) == [sentence]
    with directory.workspace_for(ana.user_id).read() as read:
        assert read.cards() == []


def test_an_account_is_saved_with_its_password_or_not_at_all_and_removed_with_it(
    queued_app, directory: Directory, pg_url: str, dovecot_server
) -> None:  # type: ignore[no-untyped-def]
    """GIVEN Ana WHEN she adds an account with settings a connection would refuse, or a taken name, THEN one
    sentence says so and neither an account nor a password is kept (the first one's password unchanged); WHEN
    she removes the account THEN its password goes with it."""
    person(directory, "ana@uni.org")
    browser = _seeker(queued_app, "ana@uni.org")
    plain_elsewhere = browser.post(
        "/mail/accounts", name="far", host="imap.example.org", security="none", username="ana",
        password="secret-one", folders="INBOX",
    )  # fmt: skip
    assert plain_elsewhere.status_code == 400  # type: ignore[attr-defined]
    assert "secret-one" not in plain_elsewhere.text  # type: ignore[attr-defined]
    assert _as_superuser(pg_url, "SELECT count(*) FROM mail_accounts") == [(0,)]
    assert _as_superuser(pg_url, "SELECT count(*) FROM mail_secrets") == [(0,)]

    assert _add(browser, dovecot_server, "INBOX", password="first-password").status_code == 303
    before = _as_superuser(pg_url, "SELECT ciphertext FROM mail_secrets")
    again = _add(browser, dovecot_server, "INBOX", password="second-password")
    assert again.status_code == 400  # type: ignore[attr-defined]
    assert messages(again.text) == ["A mail account called “work” exists already."]  # type: ignore[attr-defined]
    assert _as_superuser(pg_url, "SELECT ciphertext FROM mail_secrets") == before
    assert _as_superuser(pg_url, "SELECT count(*) FROM mail_accounts") == [(1,)]

    removed = browser.post("/mail/accounts/work/remove")
    assert removed.status_code == 303  # type: ignore[attr-defined]
    assert "No mail account yet." in browser.get("/mail/accounts").text  # type: ignore[attr-defined]
    assert _as_superuser(pg_url, "SELECT count(*) FROM mail_accounts") == [(0,)]
    assert _as_superuser(pg_url, "SELECT count(*) FROM mail_secrets") == [(0,)]


def test_a_sync_whose_worker_died_is_run_again_and_carries_on_to_the_end(
    queued_app, directory: Directory, pg_url: str, pg_settings: Settings, dovecot_server
) -> None:  # type: ignore[no-untyped-def]
    """GIVEN a sync whose worker died mid-way (its job `doing` with no live worker, its row reading) WHEN a worker
    starts THEN the job runs again and ends done: a sync carries on where its last batch ended."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.pool import NullPool

    folder = dovecot_server.new_folder()
    dovecot_server.append(folder, *(bytes(m) for m in search_story()))
    ana = person(directory, "ana@uni.org")
    browser = _seeker(queued_app, "ana@uni.org")
    assert _add(browser, dovecot_server, folder, password=dovecot_server.password).status_code == 303
    job_page = _sync(browser)
    directory.update_upload(ana.user_id, job_page.rsplit("/", 1)[-1], state="importing")
    engine = create_engine(pg_url, poolclass=NullPool)
    with engine.begin() as connection:
        connection.execute(text("UPDATE procrastinate_jobs SET status = 'doing', worker_id = NULL"))
    engine.dispose()

    _work(pg_settings)

    box = browser.get(f"{job_page}/progress").text  # type: ignore[attr-defined]
    assert _state(box) == "done" and SUMMARY in _flat(box)


def test_a_worker_does_not_connect_to_a_private_address_unless_the_office_allows_it(
    queued_app, pg_settings: Settings, directory: Directory, dovecot_server: DovecotServer
) -> None:  # type: ignore[no-untyped-def]
    """GIVEN an account naming a mail server on loopback WHEN a worker with the default settings syncs it THEN
    it ends failed with one sentence and reads nothing; WHEN the office allows private hosts THEN it syncs."""
    person(directory, "ana@uni.org")
    browser = _seeker(queued_app, "ana@uni.org")
    folder = dovecot_server.new_folder()
    dovecot_server.append(folder, *(bytes(m) for m in search_story()[:2]))
    assert _add(browser, dovecot_server, folder, password=dovecot_server.password).status_code == 303
    refused_page = _sync(browser)

    _work(pg_settings, private_hosts=False)

    refused = browser.get(f"{refused_page}/progress").text  # type: ignore[attr-defined]
    assert _state(refused) == "failed" and "Traceback" not in refused
    assert messages(refused) == [
        f"The mail server “{dovecot_server.host}” is on a private address, which this server does not connect "
        "to; use your mail provider's public IMAP server."
    ]
    allowed_page = _sync(browser)
    _work(pg_settings, private_hosts=True)
    assert _state(browser.get(f"{allowed_page}/progress").text) == "done"  # type: ignore[attr-defined]
