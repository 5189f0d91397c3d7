"""`bounceback mail account add` and `mail sync` against a real Dovecot server on loopback."""

from __future__ import annotations

import json

from tests.mailfactory import mail, search_story
from tests.servers.dovecot import DovecotServer


def _setup(sqlite_cli, server: DovecotServer, folder: str) -> None:
    sqlite_cli(
        "mail", "account", "add", "work", "--host", server.host, "--port", str(server.port),
        "--security", "none", "--user", server.user, "--folder", folder,
    )  # fmt: skip


def test_sync_imports_new_mail_only_and_leaves_the_server_untouched(
    sqlite_cli, dovecot_server, monkeypatch
) -> None:
    """GIVEN an account on a real IMAP server WHEN it is synced twice with mail arriving in between
    THEN the first sync imports everything, the second only the new message, and nothing is marked read."""
    folder = dovecot_server.new_folder()
    story = search_story()
    dovecot_server.append(folder, *(bytes(m) for m in story[:4]))
    _setup(sqlite_cli, dovecot_server, folder)
    monkeypatch.setenv("BOUNCEBACK_IMAP_PASSWORD_WORK", dovecot_server.password)
    first = sqlite_cli("mail", "sync")
    assert "4 messages read" in first.stdout
    assert dovecot_server.password not in first.stdout + first.stderr
    dovecot_server.append(folder, bytes(story[4]))
    second = sqlite_cli("mail", "sync")
    assert "1 messages read" in second.stdout
    apps = {a["company"]: a["stage"] for a in json.loads(sqlite_cli("list", "--json").stdout)}
    assert apps["Fernhill Robotics"] == "rejected"
    assert all(b"\\Seen" not in flags for flags in dovecot_server.flags(folder).values())


def test_a_wrong_password_gets_one_plain_sentence(sqlite_cli, dovecot_server, monkeypatch) -> None:
    """GIVEN an account with a wrong password WHEN synced THEN one sentence names the server, exit 1."""
    folder = dovecot_server.new_folder()
    _setup(sqlite_cli, dovecot_server, folder)
    monkeypatch.setenv("BOUNCEBACK_IMAP_PASSWORD_WORK", "not-the-password")
    done = sqlite_cli("mail", "sync", check=False)
    assert done.returncode == 1
    assert "refused the login" in done.stderr
    assert "Traceback" not in done.stderr
    assert "not-the-password" not in done.stdout + done.stderr


def test_a_changed_uidvalidity_rereads_but_imports_nothing_twice(
    sqlite_cli, dovecot_server, monkeypatch
) -> None:
    """GIVEN a synced folder WHEN the server renumbers it (UIDVALIDITY changes) THEN the next sync says so,
    reads it again and recognises every message as already seen."""
    folder = dovecot_server.new_folder()
    dovecot_server.append(folder, *(bytes(m) for m in search_story()[:3]))
    _setup(sqlite_cli, dovecot_server, folder)
    monkeypatch.setenv("BOUNCEBACK_IMAP_PASSWORD_WORK", dovecot_server.password)
    sqlite_cli("mail", "sync")
    before = sqlite_cli("list", "--json").stdout
    dovecot_server.change_uidvalidity(folder)
    again = sqlite_cli("mail", "sync")
    assert "UIDVALIDITY" in again.stdout
    assert "(3 already seen)" in again.stdout
    assert sqlite_cli("list", "--json").stdout == before
    extra = mail("Ivy <ivy@weeklybyte.example>", "Lunch?", "Fancy lunch on Friday?", n=500)
    dovecot_server.append(folder, bytes(extra))
    assert "1 messages read" in sqlite_cli("mail", "sync").stdout


def test_sync_goes_on_with_the_other_accounts_and_reports_each(
    sqlite_cli, dovecot_server, monkeypatch
) -> None:
    """GIVEN two accounts, the first with a wrong password WHEN all are synced THEN the second is synced anyway,
    each account's outcome is its own line, and the exit code says one failed."""
    bad_folder, good_folder = dovecot_server.new_folder(), dovecot_server.new_folder()
    dovecot_server.append(good_folder, *(bytes(m) for m in search_story()))
    for name, folder in (("alpha", bad_folder), ("work", good_folder)):
        sqlite_cli(
            "mail", "account", "add", name, "--host", dovecot_server.host, "--port", str(dovecot_server.port),
            "--security", "none", "--user", dovecot_server.user, "--folder", folder,
        )  # fmt: skip
    monkeypatch.setenv("BOUNCEBACK_IMAP_PASSWORD_ALPHA", "not-the-password")
    monkeypatch.setenv("BOUNCEBACK_IMAP_PASSWORD_WORK", dovecot_server.password)
    done = sqlite_cli("mail", "sync", check=False)
    out = " ".join((done.stdout + done.stderr).split())
    assert done.returncode == 1 and "Traceback" not in done.stdout + done.stderr
    assert "alpha: not synced. The IMAP server at" in out and "refused the login" in out
    assert "work: synced, 5 new messages read." in out
    assert json.loads(sqlite_cli("list", "--json").stdout) != []
    assert "not-the-password" not in done.stdout + done.stderr


def test_a_connection_dropped_during_login_is_not_called_a_refused_login(sqlite_cli, monkeypatch) -> None:
    """GIVEN an IMAP server that greets, then drops the connection when the login comes
    WHEN synced THEN one sentence says the connection closed during login, not that the login was refused."""
    import socket
    import threading

    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]

    def serve() -> None:
        while True:
            try:
                connection, _ = listener.accept()
            except OSError:
                return
            with connection:
                connection.sendall(b"* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\r\n")
                data = b""
                while b"LOGIN" not in data.upper():
                    chunk = connection.recv(4096)
                    if not chunk:
                        break
                    data += chunk
                    for line in data.split(b"\r\n"):
                        if line.upper().endswith(b"CAPABILITY"):
                            tag = line.split(b" ")[0]
                            connection.sendall(
                                b"* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n" + tag + b" OK done\r\n"
                            )
                            data = b""

    threading.Thread(target=serve, daemon=True).start()
    try:
        sqlite_cli(
            "mail", "account", "add", "work", "--host", "127.0.0.1", "--port", str(port), "--security", "none",
            "--user", "robin",
        )  # fmt: skip
        monkeypatch.setenv("BOUNCEBACK_IMAP_PASSWORD_WORK", "secret")
        done = sqlite_cli("mail", "sync", check=False)
    finally:
        listener.close()
    said = " ".join((done.stdout + done.stderr).split())
    assert done.returncode == 1 and "Traceback" not in said
    assert "closed the connection during login" in said and "refused the login" not in said
