"""`mail account add / list / edit / remove` through the real entry point: a real file keyring (keyrings.alt),
the null keyring for the failure path, a password prompt on a real pseudo-terminal, and a real Dovecot."""

from __future__ import annotations

import base64
import json
import os
import sys
from pathlib import Path

import pexpect
import pytest

from tests.conftest import CLI
from tests.mailfactory import search_story
from tests.servers.dovecot import DovecotServer

WAIT = 60
SECRET = "correct horse battery staple"
FILE_KEYRING = "keyrings.alt.file.PlaintextKeyring"


@pytest.fixture
def file_keyring(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A real keyring kept in a file under this test's folder; returns the file."""
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", FILE_KEYRING)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    return tmp_path / "xdg" / "python_keyring" / "keyring_pass.cfg"


def stored(entry: str) -> str | None:
    """What the file keyring holds for a bounceback entry ("account:login")."""
    from keyrings.alt.file import PlaintextKeyring

    return PlaintextKeyring().get_password("bounceback", entry)


def spawn(cli: CLI, *args: str) -> pexpect.spawn:
    """The command on a pseudo-terminal, so the password prompt is the real, hidden one."""
    env = {**os.environ, "BOUNCEBACK_HOME": str(cli.home), "NO_COLOR": "1", "TERM": "dumb"}
    if cli.database_url:
        env["BOUNCEBACK_DATABASE_URL"] = cli.database_url
    return pexpect.spawn(
        sys.executable,
        ["-m", "bounceback", *args],
        env=env,
        encoding="utf-8",
        timeout=WAIT,
        dimensions=(40, 150),
    )


def with_secret(cli: CLI, *args: str, secret: str = SECRET) -> tuple[int, str]:
    """Run a command that asks for the password, type it, and return (exit status, everything printed)."""
    child = spawn(cli, *args)
    child.expect("Password or token")
    child.sendline(secret)
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus, child.before


def accounts_listed(cli: CLI) -> str:
    return cli("mail", "account", "list").stdout


ADD = ("mail", "account", "add", "work", "--host", "imap.example.org", "--user", "robin@example.org")


def test_an_add_whose_secret_is_not_kept_saves_nothing_and_the_retry_works(cli: CLI) -> None:
    """GIVEN no usable keyring (the null backend) WHEN an account is added with --store-secret THEN one
    sentence says the keyring did not keep it and nothing was saved; WHEN the suggested retry is run THEN it
    saves the account (no "exists already")."""
    status, printed = with_secret(cli, *ADD, "--store-secret")
    assert status == 1
    assert "did not keep the password, so the account work was not saved" in printed
    assert "BOUNCEBACK_IMAP_PASSWORD_WORK" in printed and "without --store-secret" in printed
    assert "Traceback" not in printed and SECRET not in printed
    assert "No mail accounts yet" in accounts_listed(cli)
    again = cli(*ADD)
    assert "Saved account work" in again.stdout
    assert "robin@example.org at imap.example.org:993 (ssl)" in accounts_listed(cli)


def test_leaving_the_password_prompt_saves_nothing(sqlite_cli: CLI, file_keyring: Path) -> None:
    """GIVEN a working keyring WHEN the person presses Ctrl-C at the password prompt THEN nothing is saved,
    and the same command then works."""
    child = spawn(sqlite_cli, *ADD, "--store-secret")
    child.expect("Password or token")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus != 0
    assert "Traceback" not in child.before
    assert "No mail accounts yet" in accounts_listed(sqlite_cli)
    assert stored("work:robin@example.org") is None
    status, printed = with_secret(sqlite_cli, *ADD, "--store-secret")
    assert status == 0, printed
    assert stored("work:robin@example.org") == SECRET


def test_the_secret_lives_in_the_keyring_follows_the_login_and_goes_with_the_account(
    sqlite_cli: CLI, file_keyring: Path, tmp_path: Path
) -> None:
    """GIVEN an account whose secret is in a real file keyring WHEN it is listed, exported, edited to a new
    login and removed THEN the list says where the secret is (never what), the export holds no trace of it,
    the keyring entry moves to the new login, and removing the account deletes it."""
    status, printed = with_secret(sqlite_cli, *ADD, "--store-secret")
    assert status == 0, printed
    assert "Saved account work; its secret is in the system keyring." in printed
    assert "password in the system keyring" in accounts_listed(sqlite_cli)
    exported = sqlite_cli("export").stdout
    assert json.loads(exported)["mail_accounts"][0]["username"] == "robin@example.org"
    for trace in (SECRET, base64.b64encode(SECRET.encode()).decode(), SECRET.encode().hex()):
        assert trace not in exported
    for stored_file in sqlite_cli.home.glob("bounceback.sqlite3*"):
        assert SECRET.encode() not in stored_file.read_bytes()

    edited = sqlite_cli(
        "mail", "account", "edit", "work", "--user", "r.ayres@example.org", "--folder", "Jobs"
    )
    assert "Changed login, folders of account work" in edited.stdout
    assert stored("work:robin@example.org") is None
    assert stored("work:r.ayres@example.org") == SECRET
    listed = accounts_listed(sqlite_cli)
    assert "r.ayres@example.org at imap.example.org:993" in listed and "Jobs: not read yet" in listed

    removed = sqlite_cli("mail", "account", "remove", "work", "--yes")
    assert "its password is deleted from the system keyring" in removed.stdout
    assert stored("work:r.ayres@example.org") is None
    assert "No mail accounts yet" in accounts_listed(sqlite_cli)


@pytest.mark.parametrize(
    ("args", "sentence"),
    [
        (
            ("edit", "home", "--port", "995"),
            "There is no mail account called “home”; the accounts are: work.",
        ),
        (("remove", "home", "--yes"), "There is no mail account called “home”; the accounts are: work."),
        (("edit", "work"), "Nothing to change"),
        (("edit", "work", "--port", "70000"), "The port 70000 is not a port number (1 to 65535)."),
        (("edit", "work", "--security", "tls"), "“tls” is not a security bounceback knows"),
        (("edit", "work", "--security", "none"), "would send its password unencrypted to imap.example.org"),
        (ADD[2:], "A mail account called “work” exists already."),
    ],
)
def test_account_mistakes_get_one_plain_sentence(
    sqlite_cli: CLI, args: tuple[str, ...], sentence: str
) -> None:
    """GIVEN an account WHEN a command names another, changes nothing or asks for bad settings
    THEN one sentence says so, exit 1, and the account is as it was."""
    sqlite_cli(*ADD)
    before = accounts_listed(sqlite_cli)
    done = sqlite_cli("mail", "account", *args, check=False)
    assert done.returncode == 1
    assert sentence in " ".join(done.stderr.split())
    assert "Traceback" not in done.stderr
    assert accounts_listed(sqlite_cli) == before


@pytest.mark.imap
def test_a_sync_after_fixing_the_login_reads_the_mail(
    sqlite_cli: CLI, dovecot_server: DovecotServer, file_keyring: Path
) -> None:
    """GIVEN an account on a real IMAP server added with a wrong login (its password in the keyring)
    WHEN a sync is refused, the login is edited and it syncs again THEN the password followed the login, the
    mail is read, and removing the account keeps that mail with the applications."""
    folder = dovecot_server.new_folder()
    dovecot_server.append(folder, *(bytes(m) for m in search_story()[:3]))
    add = ("mail", "account", "add", "work", "--host", dovecot_server.host, "--port", str(dovecot_server.port),
           "--security", "none", "--user", "nobody-here", "--folder", folder, "--store-secret")  # fmt: skip
    status, printed = with_secret(sqlite_cli, *add, secret=dovecot_server.password)
    assert status == 0, printed
    refused = sqlite_cli("mail", "sync", check=False)
    assert refused.returncode == 1 and "refused the login" in refused.stderr
    sqlite_cli("mail", "account", "edit", "work", "--user", dovecot_server.user)
    assert stored(f"work:{dovecot_server.user}") == dovecot_server.password
    synced = sqlite_cli("mail", "sync")
    assert "3 messages read" in synced.stdout
    assert f"{folder}: read up to UID 3" in accounts_listed(sqlite_cli)
    apps = {a["company"] for a in json.loads(sqlite_cli("list", "--json").stdout)}
    assert apps == {"Fernhill Robotics", "Quayside Books"}
    removed = sqlite_cli("mail", "account", "remove", "work", "--yes")
    assert "The 3 emails read from it stay with your applications." in removed.stdout
    assert {a["company"] for a in json.loads(sqlite_cli("list", "--json").stdout)} == apps
    assert stored(f"work:{dovecot_server.user}") is None
