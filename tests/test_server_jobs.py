"""Mail imports on a server go through the job queue in PostgreSQL: the upload is kept and queued in the
request, a job worker (run here in the test's own process until the queue is empty) imports it for its owner,
and any web worker shows the progress from the database. Another person's upload is 404, the file's bytes are
gone once read, and a file holding no mail ends failed with one plain sentence."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from bounceback.domain.mail import MailLabel
from bounceback.mail.message import ParseProblem
from bounceback.mail.summary import ImportSummary, NamedChange
from bounceback.server.jobs import (
    IMPORT_TASK,
    conninfo,
    ensure_schema,
    run_worker,
    summary_from_json,
    summary_to_json,
)
from bounceback.settings import Settings
from bounceback.workspace.server import Directory
from tests.mailfactory import as_mbox_bytes, search_story
from tests.serverkit import PUBLIC_URL, SECRET_KEY, Browser, person
from tests.test_web_helpers import messages, texts

pytestmark = pytest.mark.postgres

SUMMARY = "5 messages read (0 seen before), 4 about your search: 2 applications opened"


@pytest.fixture
def queued_app(server_app, pg_settings: Settings):  # type: ignore[no-untyped-def]
    """The server app with the queue's tables made, as `server init` makes them."""
    assert ensure_schema(pg_settings) is True
    return server_app


def _upload(browser: Browser, name: str, content: bytes) -> Any:
    return browser.client.post(
        "/mail/import",
        data={"csrf_token": browser.token},
        files={"mailbox": (name, content, "application/octet-stream")},
    )


def _work(settings: Settings) -> None:
    """A job worker that runs every queued job, then stops."""
    run_worker(settings, wait=False, install_signal_handlers=False)


def _as_superuser(url: str, query: str, **values: object) -> list[Any]:
    """Rows read past row-level security (the test's superuser), for what no page shows."""
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as connection:
            return list(connection.execute(text(query), values))
    finally:
        engine.dispose()


def _seeker(app: Any, email: str) -> Browser:
    browser = Browser(app)
    assert browser.login(email).status_code == 303  # type: ignore[attr-defined]
    return browser


def _state(box: str) -> str:
    found = re.search(r'data-state="([a-z]+)"', box)
    assert found, box[:500]
    return found.group(1)


def test_an_upload_is_queued_in_the_request_imported_by_a_worker_and_shown_by_any_web_worker(
    queued_app, directory: Directory, pg_url: str, pg_settings: Settings, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """GIVEN Ana logged in WHEN she uploads an mbox THEN the request only keeps and queues it (waiting, bytes kept,
    one job for her, nothing on her board yet); once a job worker has run, the page of another web worker shows
    it done with its summary, the applications are hers alone, the bytes are gone, and Bo gets 404."""
    from bounceback.server.app import create_server_app
    from bounceback.server.config import ServerSettings

    ana, bo = person(directory, "ana@uni.org"), person(directory, "bo@uni.org")
    browser = _seeker(queued_app, "ana@uni.org")
    response = _upload(browser, "takeout.mbox", as_mbox_bytes(search_story()))
    assert response.status_code == 303, messages(response.text)
    page = response.headers["location"]
    upload_id = page.rsplit("/", 1)[-1]

    waiting = browser.get(f"{page}/progress").text  # type: ignore[attr-defined]
    assert _state(waiting) == "waiting" and 'hx-trigger="every 1s"' in waiting
    kept = _as_superuser(
        pg_url, "SELECT owner_id, length(content) FROM mail_uploads WHERE id = :id", id=upload_id
    )
    assert kept == [(ana.user_id, len(as_mbox_bytes(search_story())))]
    jobs = _as_superuser(pg_url, "SELECT task_name, args, status FROM procrastinate_jobs")
    assert [(j.task_name, j.args, j.status) for j in jobs] == [
        (IMPORT_TASK, {"owner_id": ana.user_id, "upload_id": upload_id}, "todo")
    ]
    assert "Quayside Books" not in texts(browser.get("/").text, "company")  # type: ignore[attr-defined]

    _work(pg_settings)

    other = create_server_app(
        ServerSettings(database_url=pg_url, secret_key=SECRET_KEY, public_url=PUBLIC_URL),
        home=tmp_path / "w2",
    )
    try:
        elsewhere = Browser(other)
        elsewhere.client.cookies = browser.client.cookies
        box = elsewhere.get(f"{page}/progress").text  # type: ignore[attr-defined]
        assert _state(box) == "done" and 'value="100"' in box and "5 of 5 messages" in box
        assert "hx-trigger" not in box  # finished: the page stops polling
        assert SUMMARY in re.sub(r"\s+", " ", box)
        assert "takeout.mbox" in elsewhere.get("/mail").text  # type: ignore[attr-defined]
    finally:
        other.state.server.contexts.close()
        other.state.server.queue.close()
        other.state.server.directory.close()

    assert "Quayside Books" in texts(browser.get("/").text, "company")  # type: ignore[attr-defined]
    gone = _as_superuser(pg_url, "SELECT content IS NULL FROM mail_uploads WHERE id = :id", id=upload_id)
    assert gone == [(True,)]
    with directory.workspace_for(bo.user_id).read() as read:
        assert read.cards() == []
    bo_browser = _seeker(queued_app, "bo@uni.org")
    for path in (page, f"{page}/progress"):
        refused = bo_browser.get(path)
        assert refused.status_code == 404 and "takeout.mbox" not in refused.text  # type: ignore[attr-defined]
    assert "takeout.mbox" not in bo_browser.get("/mail").text  # type: ignore[attr-defined]


def test_a_file_holding_no_mail_ends_failed_with_one_plain_sentence(
    queued_app, directory: Directory, pg_url: str, pg_settings: Settings
) -> None:  # type: ignore[no-untyped-def]
    """GIVEN an .mbox that holds no messages WHEN a worker runs its job THEN the page says the import stopped,
    with one sentence naming the file and why, no traceback; the bytes are gone and nothing was imported."""
    ana = person(directory, "ana@uni.org")
    browser = _seeker(queued_app, "ana@uni.org")
    response = _upload(browser, "broken.mbox", b"\x00\x01 this is not a mailbox\n" * 20)
    assert response.status_code == 303
    page = response.headers["location"]

    _work(pg_settings)

    box = browser.get(f"{page}/progress").text  # type: ignore[attr-defined]
    assert _state(box) == "failed" and "The import stopped." in box
    sentence = "“broken.mbox” holds no mail bounceback can read: the file holds no messages in mbox format."
    assert messages(box) == [sentence]
    assert "Traceback" not in box and "Error" not in box
    row = _as_superuser(pg_url, "SELECT error, content IS NULL, finished_at IS NOT NULL FROM mail_uploads")
    assert row == [(sentence, True, True)]
    with directory.workspace_for(ana.user_id).read() as read:
        assert read.cards() == []


def test_an_empty_upload_is_refused_in_the_request_and_nothing_is_queued(
    queued_app, directory: Directory, pg_url: str
) -> None:  # type: ignore[no-untyped-def]
    """GIVEN an empty file WHEN uploaded THEN one sentence says so and neither a row nor a job is kept."""
    person(directory, "ana@uni.org")
    browser = _seeker(queued_app, "ana@uni.org")
    response = _upload(browser, "empty.mbox", b"")
    assert response.status_code == 400 and messages(response.text) == ["“empty.mbox” is empty."]
    assert _as_superuser(pg_url, "SELECT count(*) FROM mail_uploads") == [(0,)]
    assert _as_superuser(pg_url, "SELECT count(*) FROM procrastinate_jobs") == [(0,)]


def test_the_queues_tables_are_made_once(pg_settings: Settings, directory: Directory) -> None:
    """GIVEN a fresh database WHEN the queue's schema is ensured twice THEN it is made the first time only."""
    _ = directory.database
    assert ensure_schema(pg_settings) is True
    assert ensure_schema(pg_settings) is False


def test_a_summary_comes_back_from_its_json_as_it_was() -> None:
    """GIVEN a summary naming a change and a problem WHEN written as JSON and read back THEN it is equal."""
    import json

    summary = ImportSummary(messages=3, job_related=2, opened=1, review=1, shared_ids=1)
    summary.problems.append(ParseProblem("takeout.mbox#2", "the message has no headers"))
    summary.named.append(NamedChange(MailLabel.REJECTION, 7, 3, "acme", "Acme", "Analyst", "not to proceed"))
    again = summary_from_json(json.loads(json.dumps(summary_to_json(summary))))
    assert again == summary and again.named[0].label is MailLabel.REJECTION


def test_the_database_url_becomes_libpq_conninfo() -> None:
    """GIVEN SQLAlchemy URLs WHEN turned into conninfo THEN the driver goes and the rest stays."""
    assert conninfo("postgresql+psycopg://u:p%40ss@h:5433/db?sslmode=require") == (
        "postgresql://u:p%40ss@h:5433/db?sslmode=require"
    )
    assert conninfo("postgresql://u@h/db") == "postgresql://u@h/db"


def test_a_job_run_again_after_its_worker_stopped_says_so_instead_of_spinning(directory: Directory) -> None:
    """GIVEN an upload whose bytes a worker took before it stopped mid-import WHEN its job runs again THEN the
    upload ends failed with a sentence saying what to do; one that is done stays done."""
    from bounceback.server.jobs import STOPPED, import_upload

    ana = person(directory, "ana@uni.org")
    stopped = directory.add_upload(ana.user_id, "takeout.mbox", b"From x", state="waiting")
    finished = directory.add_upload(ana.user_id, "old.mbox", b"From x", state="waiting")
    for upload in (stopped, finished):
        assert directory.take_upload(ana.user_id, upload.id, state="importing") == (upload.name, b"From x")
    directory.update_upload(ana.user_id, finished.id, state="done", finished=True)
    for upload in (stopped, finished):
        import_upload(directory, ana.user_id, upload.id)
    after = {u.id: u for u in directory.uploads(ana.user_id)}
    assert (after[stopped.id].state, after[stopped.id].error) == ("failed", STOPPED)
    assert (after[finished.id].state, after[finished.id].error) == ("done", "")


def test_a_worker_starting_runs_again_the_import_a_dead_worker_left_and_ends_it_plainly(
    queued_app, directory: Directory, pg_url: str, pg_settings: Settings
) -> None:  # type: ignore[no-untyped-def]
    """GIVEN an import whose worker died mid-way (its job `doing` with no live worker, the bytes taken) WHEN a
    worker starts THEN the job runs again and the page ends failed with the sentence, instead of spinning."""
    from bounceback.server.jobs import STOPPED

    ana = person(directory, "ana@uni.org")
    browser = _seeker(queued_app, "ana@uni.org")
    page = _upload(browser, "takeout.mbox", as_mbox_bytes(search_story())).headers["location"]
    upload_id = page.rsplit("/", 1)[-1]
    assert directory.take_upload(ana.user_id, upload_id, state="importing") is not None
    engine = create_engine(pg_url, poolclass=NullPool)
    with engine.begin() as connection:
        connection.execute(text("UPDATE procrastinate_jobs SET status = 'doing', worker_id = NULL"))
    engine.dispose()
    assert _state(browser.get(f"{page}/progress").text) == "importing"  # type: ignore[attr-defined]

    _work(pg_settings)

    box = browser.get(f"{page}/progress").text  # type: ignore[attr-defined]
    assert _state(box) == "failed" and messages(box) == [STOPPED]
