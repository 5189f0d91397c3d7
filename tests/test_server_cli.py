"""`bounceback server init / user / cohort` through the real entry point, on a real PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest

from bounceback.domain.accounts import Role
from bounceback.server.passwords import verify
from bounceback.settings import load_settings
from bounceback.workspace.server import Directory
from tests.conftest import CLI
from tests.serverkit import PASSWORD

pytestmark = pytest.mark.postgres


@pytest.fixture
def server_cli(tmp_path: Path, pg_url: str) -> CLI:
    return CLI(tmp_path / "home", pg_url)


def _directory(url: str, tmp_path: Path) -> Directory:
    return Directory.open(load_settings(home=tmp_path / "home", database_url=url))


def test_init_creates_the_schema_and_an_admin_whose_password_is_hashed_with_argon2id(
    server_cli: CLI,
    pg_url: str,
    tmp_path: Path,
) -> None:
    """GIVEN a blank PostgreSQL WHEN `server init --admin` reads the password from stdin THEN the admin can be
    found with an Argon2id hash that verifies, the password is nowhere in the output, and the job queue's
    tables are made by the first init only."""
    done = server_cli(
        "server",
        "init",
        "--database",
        pg_url,
        "--admin",
        "Boss@Office.org",
        "--password-stdin",
        input=PASSWORD + "\n",
    )
    assert "row-level security" in done.stdout and PASSWORD not in done.stdout + done.stderr
    assert "The job queue's tables were created." in done.stdout
    found = _directory(pg_url, tmp_path).account_by_email("boss@office.org")
    assert found is not None
    account, stored = found
    assert account.role is Role.ADMIN and stored.startswith("$argon2id$") and verify(stored, PASSWORD)
    again = server_cli(
        "server",
        "init",
        "--database",
        pg_url,
        "--admin",
        "boss@office.org",
        "--password-stdin",
        input=PASSWORD + "\n",
    )
    assert "already has an account" in again.stdout
    assert "The job queue's tables are there." in again.stdout  # made once: a second init finds them


def test_a_short_password_is_refused_plainly_and_nobody_is_added(
    server_cli: CLI, pg_url: str, tmp_path: Path
) -> None:
    """GIVEN init WHEN the password is too short THEN one sentence says so and no account exists."""
    done = server_cli(
        "server",
        "init",
        "--database",
        pg_url,
        "--admin",
        "a@b.org",
        "--password-stdin",
        input="short\n",
        check=False,
    )
    assert done.returncode == 1 and "at least 10" in done.stderr and "Traceback" not in done.stderr
    assert _directory(pg_url, tmp_path).account_by_email("a@b.org") is None


def test_users_and_cohorts_are_managed_from_the_command_line(
    server_cli: CLI, pg_url: str, tmp_path: Path
) -> None:
    """GIVEN a server WHEN people and a cohort are added, listed, deactivated and deleted THEN each step shows
    in the directory, and a wrong role is one sentence."""
    server_cli("server", "init", "--database", pg_url)
    server_cli("server", "cohort", "add", "MSc 2027")
    server_cli(
        "server",
        "user",
        "add",
        "ana@uni.org",
        "--role",
        "seeker",
        "--cohort",
        "MSc 2027",
        "--password-stdin",
        input=PASSWORD + "\n",
    )
    server_cli(
        "server", "user", "add", "bo@uni.org", "--role", "advisor", "--password-stdin", input=PASSWORD + "\n"
    )
    wrong = server_cli(
        "server",
        "user",
        "add",
        "cy@uni.org",
        "--role",
        "boss",
        "--password-stdin",
        input=PASSWORD + "\n",
        check=False,
    )
    assert wrong.returncode == 1 and "not a role" in wrong.stderr
    listed = server_cli("server", "user", "list").stdout
    assert (
        "ana@uni.org" in listed
        and "MSc 2027" in listed
        and "advisor" in listed
        and "cy@uni.org" not in listed
    )
    assert "MSc 2027: 1 person" in server_cli("server", "cohort", "list").stdout
    server_cli("server", "user", "deactivate", "ana@uni.org")
    directory = _directory(pg_url, tmp_path)
    assert directory.require("ana@uni.org").active is False
    assert "deactivated" in server_cli("server", "user", "list").stdout
    server_cli("server", "user", "delete", "ana@uni.org", "--yes")
    assert directory.account_by_email("ana@uni.org") is None


def test_server_commands_refuse_sqlite_plainly(tmp_path: Path) -> None:
    """GIVEN no PostgreSQL configured WHEN a server command runs THEN it says server mode needs PostgreSQL."""
    done = CLI(tmp_path / "home")("server", "user", "list", check=False)
    assert done.returncode == 1 and "needs a PostgreSQL database" in done.stderr
