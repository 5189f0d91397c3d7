"""IMAP sync against a real Dovecot, read-only; and where its secrets come from."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest
from keyring.backend import KeyringBackend

from bounceback.domain.errors import InvalidInput, NotFound
from bounceback.mail.credentials import env_variable, get_secret, set_secret
from bounceback.mail.parse import parse_message
from bounceback.mail.sources.imap import (
    AuthMethod,
    ImapAccount,
    ImapConnectionError,
    ImapLoginError,
    ImapSource,
    Security,
)
from tests.servers.dovecot import IN_CI, DovecotServer, dovecot_server  # noqa: F401

imap = pytest.mark.imap


def job_mail(number: int) -> bytes:
    return (
        f"From: ACME Hiring <jobs@acme.example>\r\nTo: jane@example.org\r\nSubject: Update {number}\r\n"
        f"Message-ID: <update-{number}@acme.example>\r\nDate: Mon, 4 Mar 2024 10:{number:02d}:00 +0000\r\n\r\n"
        f"Thank you for applying ({number}).\r\n"
    ).encode()


def account(server: DovecotServer, folder: str, *, port: int | None = None) -> ImapAccount:
    return ImapAccount("work", server.host, port or server.port, Security.NONE, server.user, (folder,))


@pytest.fixture
def folder(dovecot_server: DovecotServer) -> str:  # noqa: F811
    """A fresh folder holding three unread messages."""
    name = dovecot_server.new_folder()
    dovecot_server.append(name, *(job_mail(n) for n in range(1, 4)))
    return name


@imap
def test_first_sync_gets_everything_then_only_new_mail(dovecot_server: DovecotServer, folder: str) -> None:  # noqa: F811
    """GIVEN a folder with three messages
    WHEN it is synced, two more arrive, and it is synced again from the saved UID
    THEN the first sync yields all three in UID order and the second only the two new ones."""
    with ImapSource(account(dovecot_server, folder), dovecot_server.password) as source:
        first = source.sync_folder(folder, known_uidvalidity=None, last_uid=0)
        mails = list(first)
        assert [m.uid for m in mails] == [1, 2, 3]
        assert [parse_message(m.raw, m.origin).subject for m in mails] == ["Update 1", "Update 2", "Update 3"]
        assert mails[0].origin == f"imap:work/{folder}/uid 1"
        assert first.restarted is False and first.notice is None
        dovecot_server.append(folder, job_mail(4), job_mail(5))
        second = source.sync_folder(folder, known_uidvalidity=first.uidvalidity, last_uid=mails[-1].uid)
        assert [parse_message(m.raw, m.origin).subject for m in second] == ["Update 4", "Update 5"]
        third = source.sync_folder(folder, known_uidvalidity=first.uidvalidity, last_uid=5)
        assert list(third) == []


@imap
def test_batches_let_the_caller_save_progress(dovecot_server: DovecotServer, folder: str) -> None:  # noqa: F811
    """GIVEN three messages and a batch size of two
    WHEN the sync is read batch by batch
    THEN batches hold two and one messages in UID order."""
    with ImapSource(account(dovecot_server, folder), dovecot_server.password) as source:
        sync = source.sync_folder(folder, None, 0, batch=2)
        assert [[m.uid for m in batch] for batch in sync.batches()] == [[1, 2], [3]]


@imap
def test_two_folders_read_one_after_the_other_keep_their_own_mail(
    dovecot_server: DovecotServer,  # noqa: F811
    folder: str,
) -> None:
    """GIVEN two folders whose syncs are both started before either is read
    WHEN the first sync is read after the second folder was opened
    THEN it still yields its own folder's messages, not the other folder's."""
    other = dovecot_server.new_folder()
    dovecot_server.append(other, job_mail(9))
    with ImapSource(account(dovecot_server, folder), dovecot_server.password) as source:
        first = source.sync_folder(folder, None, 0)
        second = source.sync_folder(other, None, 0)
        assert [parse_message(m.raw, m.origin).subject for m in first] == ["Update 1", "Update 2", "Update 3"]
        assert [parse_message(m.raw, m.origin).subject for m in second] == ["Update 9"]


@imap
def test_uidvalidity_change_restarts_from_scratch(dovecot_server: DovecotServer, folder: str) -> None:  # noqa: F811
    """GIVEN a folder synced to its last UID
    WHEN the server changes the folder's UIDVALIDITY
    THEN the next sync says it restarted and yields every message again."""
    with ImapSource(account(dovecot_server, folder), dovecot_server.password) as source:
        first = source.sync_folder(folder, None, 0)
        last = [m.uid for m in first][-1]
    new_validity = dovecot_server.change_uidvalidity(folder)
    with ImapSource(account(dovecot_server, folder), dovecot_server.password) as source:
        again = source.sync_folder(folder, known_uidvalidity=first.uidvalidity, last_uid=last)
        assert again.restarted is True
        assert again.uidvalidity == new_validity
        assert again.notice is not None and "read again from the start" in again.notice
        assert len(list(again)) == 3


@imap
def test_dropped_connection_raises_and_next_sync_resumes(dovecot_server: DovecotServer) -> None:  # noqa: F811
    """GIVEN five messages read in batches of two through a connection that drops after the first batch
    WHEN the sync goes on, and then runs again from the UID saved after the first batch
    THEN a clear error says to run again, and the second run yields exactly the three unread ones."""
    folder = dovecot_server.new_folder()
    dovecot_server.append(folder, *(job_mail(n) for n in range(1, 6)))
    saved_uid = 0
    with dovecot_server.relay() as relay:
        source = ImapSource(
            account(dovecot_server, folder, port=relay.port), dovecot_server.password, timeout=10
        )
        sync = source.sync_folder(folder, None, 0, batch=2)
        batches = sync.batches()
        saved_uid = next(batches)[-1].uid
        relay.cut()
        with pytest.raises(ImapConnectionError) as caught:
            next(batches)
        source.close()
    assert "was lost while reading" in caught.value.message
    assert "run the sync again" in caught.value.message
    with ImapSource(account(dovecot_server, folder), dovecot_server.password) as source:
        resumed = source.sync_folder(folder, sync.uidvalidity, saved_uid, batch=2)
        assert [m.uid for m in resumed] == [3, 4, 5]


@imap
def test_sync_never_marks_mail_read(dovecot_server: DovecotServer, folder: str) -> None:  # noqa: F811
    """GIVEN unread messages
    WHEN they are synced, twice
    THEN a separate connection sees none of them flagged \\Seen, and all are still there."""
    for _ in range(2):
        with ImapSource(account(dovecot_server, folder), dovecot_server.password) as source:
            assert len(list(source.sync_folder(folder, None, 0))) == 3
    flags = dovecot_server.flags(folder)
    assert sorted(flags) == [1, 2, 3]
    assert all(b"\\Seen" not in f and b"\\Deleted" not in f for f in flags.values())


@imap
def test_wrong_password_gives_a_plain_error_without_the_password(dovecot_server: DovecotServer) -> None:  # noqa: F811
    """GIVEN a wrong password
    WHEN syncing
    THEN a plain InvalidInput names the server, the user and where the password comes from, not the password."""
    wrong = "not-the-password-9876"
    source = ImapSource(account(dovecot_server, "INBOX"), wrong)
    with pytest.raises(ImapLoginError) as caught:
        source.sync_folder("INBOX", None, 0)
    message = caught.value.message
    assert isinstance(caught.value, InvalidInput)
    assert message.startswith(
        f"The IMAP server at {dovecot_server.host} refused the login for {dovecot_server.user}"
    )
    assert "BOUNCEBACK_IMAP_PASSWORD_WORK" in message
    assert wrong not in message and wrong not in repr(source)


@imap
def test_rejected_oauth_token_gives_a_plain_error(dovecot_server: DovecotServer) -> None:  # noqa: F811
    """GIVEN an XOAUTH2 account on a server that does not accept the token
    WHEN syncing
    THEN the error says the access token was refused."""
    base = account(dovecot_server, "INBOX")
    oauth = ImapAccount(
        base.name, base.host, base.port, base.security, base.username, auth=AuthMethod.XOAUTH2
    )
    with pytest.raises(ImapLoginError) as caught:
        ImapSource(oauth, "ya29.not-a-token").sync_folder("INBOX", None, 0)
    assert "check the access token" in caught.value.message


@imap
def test_missing_folder_is_not_found(dovecot_server: DovecotServer) -> None:  # noqa: F811
    """GIVEN a folder name the account does not have
    WHEN syncing it
    THEN NotFound names the account and the folder."""
    source = ImapSource(account(dovecot_server, "INBOX"), dovecot_server.password)
    with source, pytest.raises(NotFound) as caught:
        source.sync_folder("No Such Folder", None, 0)
    assert "'No Such Folder'" in caught.value.message


def test_unreachable_server_is_a_connection_error() -> None:
    """GIVEN nothing listening on the account's port
    WHEN syncing
    THEN ImapConnectionError says it could not connect."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    source = ImapSource(ImapAccount("work", "127.0.0.1", port, Security.NONE, "jane"), "pw", timeout=5)
    with pytest.raises(ImapConnectionError) as caught:
        source.sync_folder("INBOX", None, 0)
    assert caught.value.message.startswith(f"Could not connect to the IMAP server at 127.0.0.1:{port}")


def test_unencrypted_connections_only_go_to_this_machine() -> None:
    """GIVEN security 'none'
    WHEN the host is remote, or local
    THEN a remote host is refused plainly and loopback is allowed (plain strings, as stored, are accepted)."""
    with pytest.raises(InvalidInput) as caught:
        ImapAccount("work", "imap.example.com", 143, Security.NONE, "jane")
    assert "unencrypted" in caught.value.message
    for host in ("localhost", "127.0.0.1", "::1"):
        assert ImapAccount("t", host, 143, Security.NONE, "jane").security is Security.NONE
    stored = ImapAccount("t", "imap.example.com", 993, "ssl", "jane", ["INBOX"], "xoauth2")  # type: ignore[arg-type]
    assert (stored.security, stored.folders, stored.auth) == (Security.SSL, ("INBOX",), AuthMethod.XOAUTH2)


# Secrets ------------------------------------------------------------------------------------------------


class MemoryKeyring(KeyringBackend):
    """A keyring kept in memory, standing in for the desktop's secret service."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.entries.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def test_env_variable_names_follow_the_account_name() -> None:
    """GIVEN account names with spaces, dashes and lower case
    WHEN the environment variable is named
    THEN it is upper-case with underscores."""
    assert env_variable("work") == "BOUNCEBACK_IMAP_PASSWORD_WORK"
    assert env_variable("my gmail-2") == "BOUNCEBACK_IMAP_PASSWORD_MY_GMAIL_2"


def test_account_variable_wins_over_shared_variable_and_keyring(
    monkeypatch: pytest.MonkeyPatch, memory_keyring: MemoryKeyring
) -> None:
    """GIVEN a secret in the account's variable, the shared variable and the keyring
    WHEN the secret is read
    THEN the account's own variable wins, then the shared one, then the keyring."""
    memory_keyring.set_password("bounceback", "work:jane", "from-keyring")
    assert get_secret("work", "jane") == "from-keyring"
    monkeypatch.setenv("BOUNCEBACK_IMAP_PASSWORD", "shared")
    assert get_secret("work", "jane") == "shared"
    monkeypatch.setenv("BOUNCEBACK_IMAP_PASSWORD_WORK", "own")
    assert get_secret("work", "jane") == "own"


def test_set_secret_stores_in_the_keyring(memory_keyring: MemoryKeyring) -> None:
    """GIVEN a working keyring
    WHEN a secret is set
    THEN it is stored under the account and user, and read back."""
    set_secret("work", "jane", "s3cret")
    assert memory_keyring.entries == {("bounceback", "work:jane"): "s3cret"}
    assert get_secret("work", "jane") == "s3cret"


@pytest.fixture
def null_keyring() -> Iterator[None]:
    """A keyring that keeps nothing (what some headless machines have)."""
    from keyring.backends import null

    previous = keyring.get_keyring()
    keyring.set_keyring(null.Keyring())
    yield
    keyring.set_keyring(previous)


@pytest.mark.usefixtures("null_keyring")
def test_no_secret_anywhere_says_how_to_set_one() -> None:
    """GIVEN no variable and an empty keyring
    WHEN the secret is read
    THEN a plain InvalidInput names the variable to set."""
    with pytest.raises(InvalidInput) as caught:
        get_secret("work", "jane")
    assert "BOUNCEBACK_IMAP_PASSWORD_WORK" in caught.value.message


@pytest.mark.usefixtures("null_keyring")
def test_a_keyring_that_keeps_nothing_is_noticed() -> None:
    """GIVEN a keyring backend that silently drops what it is given
    WHEN a secret is stored
    THEN the person is told it was not kept, rather than finding out at the next sync."""
    with pytest.raises(InvalidInput) as caught:
        set_secret("work", "jane", "pw")
    assert "did not keep the password" in caught.value.message


def test_missing_keyring_backend_says_to_use_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    """GIVEN a machine with no usable keyring backend
    WHEN a secret is stored or read
    THEN a plain sentence says to set the environment variable instead."""
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        with pytest.raises(InvalidInput) as stored:
            set_secret("work", "jane", "pw")
        with pytest.raises(InvalidInput) as read:
            get_secret("work", "jane")
    finally:
        keyring.set_keyring(previous)
    assert "No system keyring is available here" in stored.value.message
    assert "set the environment variable BOUNCEBACK_IMAP_PASSWORD_WORK" in stored.value.message
    assert "BOUNCEBACK_IMAP_PASSWORD_WORK" in read.value.message
    assert "pw" not in stored.value.message.replace("PASSWORD", "")


def tls_account(server: DovecotServer, security: Security) -> ImapAccount:
    if server.tls_port is None:
        if IN_CI:
            pytest.fail("the test Dovecot has no TLS (openssl could not make a certificate)")
        pytest.skip("the test Dovecot has no TLS here (no openssl to make a certificate)")
    port = server.tls_port if security is Security.SSL else server.port
    return ImapAccount("work", "127.0.0.1", port, security, server.user)


@imap
@pytest.mark.parametrize("security", [Security.SSL, Security.STARTTLS])
def test_encrypted_connections_sync(
    dovecot_server: DovecotServer,  # noqa: F811
    folder: str,
    security: Security,
) -> None:
    """GIVEN a server with a certificate the client trusts
    WHEN syncing over TLS from the first byte, or after STARTTLS
    THEN the mail comes through."""
    source = ImapSource(
        tls_account(dovecot_server, security),
        dovecot_server.password,
        ssl_context=dovecot_server.tls_context(),
    )
    with source:
        assert len(list(source.sync_folder(folder, None, 0))) == 3


@imap
def test_untrusted_certificate_is_refused(dovecot_server: DovecotServer) -> None:  # noqa: F811
    """GIVEN a server whose certificate the system does not trust
    WHEN connecting with the default TLS settings
    THEN the connection is refused with a plain reason, before any password is sent."""
    source = ImapSource(tls_account(dovecot_server, Security.SSL), dovecot_server.password)
    with pytest.raises(ImapConnectionError) as caught:
        source.sync_folder("INBOX", None, 0)
    assert "its TLS certificate is not trusted" in caught.value.message
