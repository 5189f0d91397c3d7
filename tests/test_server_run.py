"""`bounceback server run` as an office starts it: refused plainly without its settings; with them, two
uvicorn worker processes that share everything through PostgreSQL (a change made through one is seen by both)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from bounceback.workspace.server import Directory
from tests.conftest import CLI
from tests.serverkit import PASSWORD, SECRET_KEY, person
from tests.servers.postgres import free_port

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


def test_run_refuses_to_start_without_its_settings_and_names_them(tmp_path: Path) -> None:
    """GIVEN no server settings in the environment WHEN `server run` starts THEN exit 1 naming all three."""
    env_free = {k: v for k, v in os.environ.items() if not k.startswith("BOUNCEBACK_SERVER")}
    done = subprocess.run(
        [sys.executable, "-m", "bounceback", "server", "run"],
        capture_output=True, text=True, env={**env_free, "BOUNCEBACK_HOME": str(tmp_path)}, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 1 and "Traceback" not in done.stderr
    for name in ("BOUNCEBACK_DATABASE_URL", "BOUNCEBACK_SERVER_SECRET_KEY", "BOUNCEBACK_SERVER_PUBLIC_URL"):
        assert name in done.stderr


@pytest.fixture
def running(pg_url: str, tmp_path: Path, directory: Directory) -> Iterator[str]:
    """The server with two workers on a free loopback port; yields its URL."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    CLI(tmp_path / "home", pg_url)("server", "init")
    env = {
        **os.environ,
        "BOUNCEBACK_HOME": str(tmp_path / "home"),
        "BOUNCEBACK_DATABASE_URL": pg_url,
        "BOUNCEBACK_SERVER_SECRET_KEY": SECRET_KEY,
        "BOUNCEBACK_SERVER_PUBLIC_URL": url,
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "bounceback", "server", "run", "--port", str(port), "--workers", "2"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        for _ in range(300):
            try:
                if httpx.get(f"{url}/healthz", timeout=1).text == "ok":
                    break
            except httpx.HTTPError:
                pass
            if process.poll() is not None:
                raise AssertionError(process.stderr.read() if process.stderr else "the server stopped")
            time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


def _token(page: str) -> str:
    found = re.search(r'"X-CSRF-Token": "([^"]+)"', page)
    assert found
    return found.group(1)


def test_two_workers_share_sessions_and_see_each_others_changes(running: str, directory: Directory) -> None:
    """GIVEN two workers WHEN a seeker logs in and adds an application THEN twenty fresh connections (taken by
    whichever worker is free) are all logged in and all show the application."""
    person(directory, "ana@uni.org")
    with httpx.Client(base_url=running, follow_redirects=False) as client:
        token = _token(client.get("/login").text)
        login = client.post(
            "/login", data={"csrf_token": token, "email": "ana@uni.org", "password": PASSWORD}
        )
        assert login.status_code == 303
        added = client.post("/applications", data={"csrf_token": token, "company": "Acme", "role": "Analyst"})
        assert added.status_code == 303
        cookies = dict(client.cookies)
    for _ in range(20):
        with httpx.Client(base_url=running, cookies=cookies, follow_redirects=False) as fresh:
            board = fresh.get("/", headers={"connection": "close"})
            assert board.status_code == 200 and "Acme" in board.text


def test_the_job_worker_server_run_starts_imports_an_upload(running: str, directory: Directory) -> None:
    """GIVEN `server run` (its web workers and the job worker it starts) WHEN a seeker uploads an mbox THEN the
    progress page, asked again and again of whichever web worker is free, ends done with the summary."""
    from tests.mailfactory import as_mbox_bytes, search_story

    person(directory, "ana@uni.org")
    with httpx.Client(base_url=running, follow_redirects=False) as client:
        token = _token(client.get("/login").text)
        client.post("/login", data={"csrf_token": token, "email": "ana@uni.org", "password": PASSWORD})
        sent = client.post(
            "/mail/import",
            data={"csrf_token": token},
            files={"mailbox": ("takeout.mbox", as_mbox_bytes(search_story()), "application/octet-stream")},
        )
        assert sent.status_code == 303
        progress = f"{sent.headers['location']}/progress"
        for _ in range(1200):  # a bound on the polling, not a measure: the job worker starts with the server
            box = client.get(progress, headers={"connection": "close"}).text
            if 'data-state="done"' in box or 'data-state="failed"' in box:
                break
            time.sleep(0.1)
    assert 'data-state="done"' in box and "5 of 5 messages" in box
