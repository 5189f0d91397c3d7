"""Shared fixtures: an isolated environment, a workspace on real SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.serverkit import directory, pg_settings, pg_url, server_app  # noqa: F401  (server mode: a fresh PostgreSQL)
from tests.servers import postgres
from tests.servers.dovecot import dovecot_server  # noqa: F401  (the real IMAP server fixture)
from tests.servers.oidc import oidc_provider  # noqa: F401  (a real OpenID Connect provider on loopback)

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
_NOTICES: list[str] = []


@pytest.fixture(scope="session")
def classifier_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache for the trained mail classifier, so the suite trains it once, not in every test."""
    return tmp_path_factory.mktemp("classifier-cache")


@pytest.fixture(autouse=True)
def isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, classifier_cache: Path) -> None:
    """No test sees the developer's own workspace, settings or keyring."""
    for key in list(os.environ):
        if key.startswith("BOUNCEBACK_") and key != "BOUNCEBACK_TEST_POSTGRES_URL":
            monkeypatch.delenv(key)
    monkeypatch.setenv("BOUNCEBACK_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("BOUNCEBACK_TIMEZONE", "Europe/London")
    monkeypatch.setenv("BOUNCEBACK_CACHE_DIR", str(classifier_cache))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[postgres.PostgresServer | None]:
    """A private PostgreSQL server for the session, or None (with a visible notice) where none can run."""
    try:
        server = postgres.start()
    except (FileNotFoundError, RuntimeError) as exc:
        if IN_CI:
            pytest.fail(f"PostgreSQL is required in CI but could not start: {exc}")
        _NOTICES.append(f"PostgreSQL tests skipped: {exc}")
        yield None
        return
    yield server
    server.stop()


def _postgres_url(server: postgres.PostgresServer | None) -> str:
    if server is None:
        pytest.skip("no PostgreSQL server available here (see the notice at the end of the run)")
    return server.create_database(f"t_{uuid.uuid4().hex[:12]}")


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh empty database: a SQLite file, then a PostgreSQL database. Tests using it run on both."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'home' / 'bounceback.sqlite3'}"
    return _postgres_url(request.getfixturevalue("postgres_server"))


@pytest.fixture
def settings(database_url: str, tmp_path: Path):  # type: ignore[no-untyped-def]
    """Settings pointing at the fresh database."""
    from bounceback.settings import load_settings

    return load_settings(home=tmp_path / "home", database_url=database_url)


@pytest.fixture
def workspace(settings):  # type: ignore[no-untyped-def]
    """An open, migrated workspace on the fresh database."""
    from bounceback.workspace import Workspace

    ws = Workspace.open(settings)
    _ = ws.database  # migrated now, as a workspace in use is
    yield ws
    ws.close()


class CLI:
    """Runs the real `bounceback` entry point as a separate process in a fresh home."""

    def __init__(self, home: Path, database_url: str | None = None) -> None:
        self.home = home
        self.database_url = database_url

    def __call__(
        self, *args: str, input: str | None = None, check: bool = True
    ) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "BOUNCEBACK_HOME": str(self.home), "COLUMNS": "200", "NO_COLOR": "1"}
        if self.database_url:
            env["BOUNCEBACK_DATABASE_URL"] = self.database_url
        done = subprocess.run(
            [sys.executable, "-m", "bounceback", *args],
            capture_output=True,
            text=True,
            input=input,
            env=env,
            timeout=120,
            check=False,
        )
        if check and done.returncode != 0:
            raise AssertionError(
                f"bounceback {' '.join(args)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}"
            )
        return done


@pytest.fixture
def cli(tmp_path: Path, database_url: str) -> CLI:
    """The CLI on a fresh database (SQLite file in a fresh home, then PostgreSQL)."""
    is_sqlite = database_url.startswith("sqlite")
    return CLI(tmp_path / "home", None if is_sqlite else database_url)


@pytest.fixture
def sqlite_cli(tmp_path: Path) -> CLI:
    """The CLI on the default embedded SQLite in a fresh home."""
    return CLI(tmp_path / "home")


def pytest_terminal_summary(terminalreporter) -> None:  # type: ignore[no-untyped-def]
    """Make skipped real-server suites impossible to miss."""
    for notice in _NOTICES:
        terminalreporter.write_line(f"NOTICE: {notice}", yellow=True, bold=True)
