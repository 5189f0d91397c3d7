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
