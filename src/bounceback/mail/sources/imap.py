"""An IMAP account, read strictly read-only: folders are EXAMINEd and bodies fetched with BODY.PEEK[].

It never stores flags, moves, copies or deletes anything, so the person's mailbox looks untouched afterwards
(unread mail stays unread). Progress is the caller's: it keeps (UIDVALIDITY, last UID) per folder and saves it
after each batch, so a dropped connection costs at most one batch.
"""

from __future__ import annotations

import contextlib
import imaplib
import ipaddress
import socket
import ssl
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, NamedTuple

from imapclient import IMAPClient
from imapclient.exceptions import CapabilityError, IMAPClientError, LoginError

from bounceback.domain.errors import BouncebackError, InvalidInput, NotFound
from bounceback.mail.credentials import env_variable

BODY_PEEK = b"BODY.PEEK[]"  # fetching this never sets \Seen, unlike RFC822 or BODY[]
BODY_KEY = b"BODY[]"  # the name the server gives the fetched body
TIMEOUT_SECONDS = 60.0
_DROPPED = (
    IMAPClientError,
    OSError,
    EOFError,
)  # imaplib's abort is an IMAPClientError; socket errors are OSError


class Security(StrEnum):
    """How the connection is protected."""

    SSL = "ssl"  # TLS from the first byte (port 993)
    STARTTLS = "starttls"  # plain connect, then upgraded to TLS before login (port 143)
    NONE = "none"  # no encryption: only for a server on this machine (tests)


class AuthMethod(StrEnum):
    """What the secret is."""

    PASSWORD = "password"
    XOAUTH2 = "xoauth2"  # an OAuth 2 access token (Gmail, Outlook)


class ImapConnectionError(BouncebackError):
    """The server could not be reached, or the connection broke while reading."""


class ImapLoginError(InvalidInput):
    """The server refused the login: a wrong password or token."""


def _connection_broke(exc: BaseException) -> bool:
    """Whether a failed login was the connection breaking (not the server saying no)."""
    cause = exc.__context__ or exc.__cause__
    if isinstance(cause, imaplib.IMAP4.abort | OSError | EOFError):
        return True
    return any(
        word in str(exc).lower() for word in ("socket error", "eof", "connection reset", "broken pipe")
    )


def is_loopback(host: str) -> bool:
    """True for localhost and loopback addresses, the only places an unencrypted connection may go."""
    if host.lower() in {"localhost", "localhost.localdomain"}:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class ImapAccount:
    """Where and how to log in; the secret is never part of it."""

    name: str
    host: str
    port: int
    security: Security
    username: str
    folders: tuple[str, ...] = ("INBOX",)
    auth: AuthMethod = AuthMethod.PASSWORD

    def __post_init__(self) -> None:
        object.__setattr__(self, "security", Security(self.security))
        object.__setattr__(self, "auth", AuthMethod(self.auth))
        object.__setattr__(self, "folders", tuple(self.folders))
        if self.security is Security.NONE and not is_loopback(self.host):
            raise InvalidInput(
                f"The IMAP account {self.name!r} would send its password unencrypted to {self.host}; "
                "use security 'ssl' or 'starttls' (an unencrypted connection is allowed only to this machine)."
            )


class ImapMail(NamedTuple):
    """One fetched message: its UID (to save as progress), its origin and its bytes."""

    uid: int
    origin: str
    raw: bytes


@dataclass
class FolderSync:
    """New mail in one folder: iterate it for messages in UID order, or `batches()` to save progress per batch."""

    folder: str
    uidvalidity: int
    restarted: bool  # the folder's UIDVALIDITY changed: it is read again from the start
    uids: tuple[int, ...]  # the UIDs still to read, ascending
    batch: int
    _fetch: Callable[[list[int]], list[ImapMail]]

    @property
    def notice(self) -> str | None:
        """A plain sentence about a restart, for the person; None when nothing unusual happened."""
        if not self.restarted:
            return None
        return (
            f"The server renumbered the folder {self.folder} (its UIDVALIDITY changed), so it is read again "
            "from the start; messages already imported are recognised and skipped."
        )

    def batches(self) -> Iterator[list[ImapMail]]:
        """Lists of at most `batch` messages, fetched one list at a time."""
        for start in range(0, len(self.uids), self.batch):
            yield self._fetch(list(self.uids[start : start + self.batch]))

    def __iter__(self) -> Iterator[ImapMail]:
        for batch in self.batches():
            yield from batch


class ImapSource:
    """A read-only session with one IMAP account; connects on first use. Use it as a context manager."""

    def __init__(
        self,
        account: ImapAccount,
        secret: str,
        *,
        timeout: float = TIMEOUT_SECONDS,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        self.account = account
        self._secret = secret
        self._timeout = timeout
        self._ssl_context = ssl_context  # None: the system's trusted certificates, host name checked
        self._client: IMAPClient | None = None
        self._selected: tuple[str, int] | None = None  # (folder, UIDVALIDITY) open now

    def __repr__(self) -> str:
        return f"ImapSource({self.account.name!r}, {self.account.username}@{self.account.host})"

    def __enter__(self) -> ImapSource:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # 1. Connect and log in --------------------------------------------------------------------------------
    def _where(self) -> str:
        return f"{self.account.host}:{self.account.port}"

    def _connect(self) -> IMAPClient:
        """A connection, encrypted unless the account says 'none' (loopback only)."""
        account = self.account
        context = self._ssl_context or ssl.create_default_context()
        try:
            client = IMAPClient(
                account.host,
                port=account.port,
                ssl=account.security is Security.SSL,
                ssl_context=context,
                timeout=self._timeout,
            )
        except (OSError, IMAPClientError) as exc:
            raise ImapConnectionError(
                f"Could not connect to the IMAP server at {self._where()} ({_describe(exc)})."
            ) from None
        if account.security is Security.STARTTLS:
            self._start_tls(client, context)
        return client

    def _start_tls(self, client: IMAPClient, context: ssl.SSLContext) -> None:
        """Upgrade a plain connection before anything secret is sent."""
        try:
            client.starttls(context)
        except CapabilityError:
            _quietly(client.shutdown)
            raise ImapConnectionError(
                f"The IMAP server at {self._where()} does not offer STARTTLS; use security 'ssl' instead."
            ) from None
        except (OSError, IMAPClientError) as exc:
            _quietly(client.shutdown)
            raise ImapConnectionError(
                f"Could not start TLS with the IMAP server at {self._where()} ({_describe(exc)})."
            ) from None

    def _login(self, client: IMAPClient) -> None:
        """Log in with the password or OAuth token; the secret never appears in an error."""
        account = self.account
        try:
            if account.auth is AuthMethod.XOAUTH2:
                client.oauth2_login(account.username, self._secret)
            else:
                client.login(account.username, self._secret)
        except LoginError as exc:
            if _connection_broke(exc):  # imapclient reports a dropped connection during LOGIN as LoginError
                raise ImapConnectionError(
                    f"The IMAP server at {self._where()} closed the connection during login "
                    f"({_describe(exc.__context__ or exc)}); try again later."
                ) from None
            what = "access token" if account.auth is AuthMethod.XOAUTH2 else "password"
            raise ImapLoginError(
                f"The IMAP server at {account.host} refused the login for {account.username}; check the {what} "
                f"in {env_variable(account.name)} or in the system keyring."
            ) from None
        except _DROPPED as exc:
            raise ImapConnectionError(
                f"The IMAP server at {self._where()} closed the connection during login ({_describe(exc)})."
            ) from None

    def client(self) -> IMAPClient:
        """The logged-in connection, opened on first use."""
        if self._client is None:
            client = self._connect()
            try:
                self._login(client)
            except BouncebackError:
                _quietly(client.shutdown)
                raise
            self._client = client
        return self._client

    # 2. Read a folder -------------------------------------------------------------------------------------
    def sync_folder(
        self, folder: str, known_uidvalidity: int | None, last_uid: int, batch: int = 200
    ) -> FolderSync:
        """What is new in a folder since `last_uid`; everything when its UIDVALIDITY is not the known one."""
        selected = self._select(folder)
        uidvalidity = int(selected.get(b"UIDVALIDITY", 0))
        restarted = known_uidvalidity is not None and known_uidvalidity != uidvalidity
        if restarted or known_uidvalidity is None:
            last_uid = 0
        uids = self._new_uids(folder, last_uid) if selected.get(b"EXISTS", 1) else ()
        return FolderSync(
            folder, uidvalidity, restarted, uids, max(batch, 1), lambda b: self._fetch(folder, uidvalidity, b)
        )

    def _select(self, folder: str) -> dict[bytes, Any]:
        """Open a folder read-only (EXAMINE), so nothing done in it can change the mailbox."""
        try:
            selected: dict[bytes, Any] = self.client().select_folder(folder, readonly=True)
        except IMAPClientError as exc:
            if isinstance(exc, imaplib.IMAP4.abort):
                raise self._dropped(folder, exc) from None
            raise NotFound(
                f"The IMAP account {self.account.name!r} has no folder named {folder!r}."
            ) from None
        except OSError as exc:
            raise self._dropped(folder, exc) from None
        self._selected = (folder, int(selected.get(b"UIDVALIDITY", 0)))
        return selected

    def _ensure_open(self, folder: str, uidvalidity: int) -> None:
        """Reopen a sync's folder when another was read meanwhile; its UIDs must still mean the same mail."""
        if self._selected == (folder, uidvalidity):
            return
        self._select(folder)
        if self._selected != (folder, uidvalidity):
            raise ImapConnectionError(
                f"The folder {folder} was renumbered by the server while it was being read; run the sync again."
            )

    def _new_uids(self, folder: str, last_uid: int) -> tuple[int, ...]:
        """UIDs above `last_uid`, ascending (`n:*` also answers the highest UID when none is above n)."""
        try:
            found = self.client().search(["UID", f"{last_uid + 1}:*"])
        except _DROPPED as exc:
            raise self._dropped(folder, exc) from None
        return tuple(sorted(uid for uid in found if uid > last_uid))

    def _fetch(self, folder: str, uidvalidity: int, uids: list[int]) -> list[ImapMail]:
        """One batch of messages, without marking any of them read."""
        self._ensure_open(folder, uidvalidity)
        try:
            response: dict[int, dict[bytes, Any]] = self.client().fetch(uids, [BODY_PEEK])
        except _DROPPED as exc:
            raise self._dropped(folder, exc) from None
        found = []
        for uid in uids:
            raw = response.get(uid, {}).get(BODY_KEY)
            if isinstance(raw, bytes):  # a message deleted since the search is simply gone
                found.append(ImapMail(uid, f"imap:{self.account.name}/{folder}/uid {uid}", raw))
        return found

    def _dropped(self, folder: str, exc: BaseException) -> ImapConnectionError:
        """The error for a connection lost mid-sync; the broken connection is let go."""
        self._forget_connection()
        return ImapConnectionError(
            f"The connection to the IMAP server at {self._where()} was lost while reading {folder} "
            f"({_describe(exc)}); run the sync again to continue where it stopped."
        )

    # 3. Close ---------------------------------------------------------------------------------------------
    def _forget_connection(self) -> None:
        """Drop the connection without a goodbye (it may be broken already)."""
        self._selected = None
        if self._client is not None:
            _quietly(self._client.shutdown)
            self._client = None

    def close(self) -> None:
        """Log out (closing the folder without expunging anything) and drop the connection."""
        if self._client is not None:
            _quietly(self._client.logout)
            self._forget_connection()


def _describe(exc: BaseException) -> str:
    """A short reason for a network failure, without anything the user typed."""
    if isinstance(exc, socket.timeout | TimeoutError):
        return "no answer in time"
    if isinstance(exc, socket.gaierror):
        return "the host name could not be resolved"
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused"
    if isinstance(exc, ssl.SSLCertVerificationError):
        return f"its TLS certificate is not trusted: {exc.verify_message}"
    if isinstance(exc, ssl.SSLError) and exc.reason == "WRONG_VERSION_NUMBER":
        return "it does not speak TLS on this port; check the port and the security setting"
    if isinstance(exc, ssl.SSLError):
        return f"TLS failed: {exc.reason or exc}"
    text = str(exc).strip() or type(exc).__name__
    return text[:200]


def _quietly(action: Callable[[], object]) -> None:
    """Run a clean-up step whose failure changes nothing (the connection is going away anyway)."""
    with contextlib.suppress(Exception):  # closing a broken connection may fail in any way
        action()
