"""What the server-mode tests share: a fresh PostgreSQL database, its directory of people, and helpers."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from bounceback.domain.accounts import Account, Role
from bounceback.server.passwords import hash_password
from bounceback.settings import Settings, load_settings
from bounceback.workspace.server import Directory

PASSWORD = "correct horse battery"
SECRET_KEY = "k" * 48


@pytest.fixture
def pg_url(postgres_server) -> str:  # type: ignore[no-untyped-def]
    """A fresh empty PostgreSQL database on the session's server."""
    if postgres_server is None:
        pytest.skip("no PostgreSQL server available here (see the notice at the end of the run)")
    return str(postgres_server.create_database(f"s_{uuid.uuid4().hex[:12]}"))


@pytest.fixture
def pg_settings(pg_url: str, tmp_path: Path) -> Settings:
    return load_settings(home=tmp_path / "home", database_url=pg_url)


@pytest.fixture
def directory(pg_settings: Settings) -> Iterator[Directory]:
    found = Directory.open(pg_settings)
    yield found
    found.close()


_HASH: dict[str, str] = {}


def person(directory: Directory, email: str, role: Role = Role.SEEKER) -> Account:
    """A person with the shared test password (hashed once per run: Argon2id is slow on purpose)."""
    if PASSWORD not in _HASH:
        _HASH[PASSWORD] = hash_password(PASSWORD)
    return directory.add_account(email, _HASH[PASSWORD], role)


PUBLIC_URL = "https://careers.example.edu"


def add_application(directory: Directory, user_id: int, company: str, role: str, **values: object) -> int:
    """One application in a person's own search, through the workspace door; returns its id."""
    with directory.workspace_for(user_id).change(f"Add {company}") as change:
        app = change.tracker.add(company, role, **values)  # type: ignore[arg-type]
        change.store.flush()
        return int(app.id or 0)


class Browser:
    """One browser on the server app: its cookies, and the CSRF token its pages carry."""

    def __init__(self, app: object, base_url: str = PUBLIC_URL) -> None:
        from fastapi.testclient import TestClient

        self.client = TestClient(app, base_url=base_url, follow_redirects=False)  # type: ignore[arg-type]

    @property
    def token(self) -> str:
        import re

        response = self.client.get("/login")
        if response.status_code == 303:
            response = self.client.get(response.headers["location"])
        found = re.search(r'"X-CSRF-Token": "([^"]+)"', response.text)
        assert found, response.text[:500]
        return found.group(1)

    def login(self, email: str, password: str = PASSWORD) -> object:
        return self.client.post(
            "/login", data={"csrf_token": self.token, "email": email, "password": password}
        )

    def post(self, path: str, **data: str) -> object:
        return self.client.post(path, data={"csrf_token": self.token, **data})

    def get(self, path: str) -> object:
        return self.client.get(path)


@pytest.fixture
def server_app(pg_url: str, tmp_path: Path, directory: Directory):  # type: ignore[no-untyped-def]
    """The server app of one worker on the fresh database (its schema made by the directory)."""
    from bounceback.server.app import create_server_app
    from bounceback.server.config import ServerSettings

    _ = directory.database
    app = create_server_app(
        ServerSettings(database_url=pg_url, secret_key=SECRET_KEY, public_url=PUBLIC_URL),
        home=tmp_path / "home",
    )
    yield app
    app.state.server.contexts.close()
    app.state.server.queue.close()
    app.state.server.directory.close()
