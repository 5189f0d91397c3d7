"""A private Dovecot IMAP server for the test session (Debian's dovecot-imapd), on a free loopback port.

It runs in the foreground from its own config in a temp folder, with one test user (plain password over
loopback, no TLS) and Maildir storage. Helpers put mail in (APPEND as the user), read flags back over a
separate connection, change a folder's UIDVALIDITY (doveadm) and cut connections mid-sync (a loopback relay).
"""

from __future__ import annotations

import contextlib
import grp
import os
import pwd
import re
import shutil
import socket
import ssl
import subprocess
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from imapclient import IMAPClient

DOVECOT = "/usr/sbin/dovecot"
DOVEADM = "/usr/bin/doveadm"
USER = "jobseeker"
PASSWORD = "correct horse battery staple"
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
_APPENDUID = re.compile(rb"APPENDUID \d+ (\d+)")

_CONFIG_COMMON = """\
base_dir = {root}/run
state_dir = {root}/state
instance_name = bounceback-test-{port}
listen = 127.0.0.1
protocols = imap
{ssl_settings}
auth_mechanisms = plain login
auth_failure_delay = 0
log_path = {root}/dovecot.log
default_login_user = {login_user}
default_internal_user = {internal_user}
default_internal_group = {internal_group}
first_valid_uid = 1
first_valid_gid = 1
service imap-login {{
  chroot =
  inet_listener imap {{
    port = {port}
  }}
  inet_listener imaps {{
    port = {tls_port}
  }}
}}
service anvil {{
  chroot =
}}
"""
_CONFIG_2_3 = """\
disable_plaintext_auth = no
mail_location = maildir:~/Maildir
passdb {{
  driver = passwd-file
  args = {root}/users
}}
userdb {{
  driver = passwd-file
  args = {root}/users
}}
"""
_CONFIG_2_4 = """\
dovecot_config_version = {version}
dovecot_storage_version = {version}
auth_allow_cleartext = yes
mail_driver = maildir
mail_path = ~/Maildir
passdb passwd-file {{
  passwd_file_path = {root}/users
}}
userdb passwd-file {{
  passwd_file_path = {root}/users
}}
"""


def dovecot_version() -> tuple[int, ...]:
    """The installed Dovecot's version, e.g. (2, 3, 19, 1)."""
    done = subprocess.run([DOVECOT, "--version"], capture_output=True, text=True, check=True, timeout=30)
    return tuple(int(part) for part in re.findall(r"\d+", done.stdout.split()[0]))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class _Accounts:
    """Which system users Dovecot runs as: unprivileged ones when we are root, ourselves otherwise."""

    login_user: str
    internal_user: str
    internal_group: str
    mail_uid: int
    mail_gid: int

    @classmethod
    def choose(cls) -> _Accounts:
        if os.geteuid() != 0:
            me = pwd.getpwuid(os.geteuid()).pw_name
            return cls(me, me, grp.getgrgid(os.getegid()).gr_name, os.geteuid(), os.getegid())
        nobody = pwd.getpwnam("nobody")
        login = _existing_user("dovenull") or "nobody"
        internal = _existing_user("dovecot") or "nobody"
        group = grp.getgrgid(pwd.getpwnam(internal).pw_gid).gr_name
        return cls(login, internal, group, nobody.pw_uid, nobody.pw_gid)


def _existing_user(name: str) -> str | None:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return None
    return name


def make_certificate(root: Path) -> tuple[Path, Path] | None:
    """A self-signed certificate for 127.0.0.1 and localhost (certificate, key), or None without openssl."""
    openssl = shutil.which("openssl")
    if openssl is None:
        return None
    certificate, key = root / "cert.pem", root / "key.pem"
    done = subprocess.run(
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
         "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", str(key), "-out", str(certificate)],
        capture_output=True, check=False, timeout=60,
    )  # fmt: skip
    return (certificate, key) if done.returncode == 0 else None


def _ssl_settings(version: tuple[int, ...], certificate: tuple[Path, Path] | None) -> str:
    if certificate is None:
        return "ssl = no"
    cert, key = certificate
    if version[:2] >= (2, 4):
        return f"ssl = yes\nssl_server_cert_file = {cert}\nssl_server_key_file = {key}"
    return f"ssl = yes\nssl_cert = <{cert}\nssl_key = <{key}"


def write_config(
    root: Path, ports: tuple[int, int], version: tuple[int, ...], accounts: _Accounts
) -> tuple[Path, tuple[Path, Path] | None]:
    """dovecot.conf and the passwd-file for the one test user; returns the config and the TLS certificate.

    The plain port serves IMAP (and STARTTLS); the TLS port, when openssl could make a certificate, IMAPS.
    """
    certificate = make_certificate(root)
    values = {
        "root": root,
        "port": ports[0],
        "tls_port": ports[1] if certificate else 0,
        "ssl_settings": _ssl_settings(version, certificate),
        "login_user": accounts.login_user,
        "internal_user": accounts.internal_user,
        "internal_group": accounts.internal_group,
        "version": ".".join(str(part) for part in version[:3]),
    }
    storage = _CONFIG_2_4 if version[:2] >= (2, 4) else _CONFIG_2_3
    config = root / "dovecot.conf"
    config.write_text((_CONFIG_COMMON + storage).format(**values))
    home = root / "home" / USER
    home.mkdir(parents=True)
    users = root / "users"
    users.write_text(f"{USER}:{{PLAIN}}{PASSWORD}:{accounts.mail_uid}:{accounts.mail_gid}::{home}::\n")
    users.chmod(0o644)
    if os.geteuid() == 0:
        os.chown(home, accounts.mail_uid, accounts.mail_gid)
    return config, certificate


@dataclass
class DovecotServer:
    """A running Dovecot; `client()` logs in as the test user, the helpers change the mailbox for a test."""

    host: str
    port: int
    root: Path
    config: Path
    process: subprocess.Popen[bytes]
    tls_port: int | None = None
    certificate: Path | None = None
    user: str = USER
    password: str = PASSWORD

    def tls_context(self) -> ssl.SSLContext:
        """A client TLS context that trusts this server's self-signed certificate."""
        return ssl.create_default_context(cafile=str(self.certificate))

    def client(self, *, port: int | None = None) -> IMAPClient:
        """A new logged-in connection as the test user."""
        client = IMAPClient(self.host, port=port or self.port, ssl=False, timeout=30)
        client.login(self.user, self.password)
        return client

    def new_folder(self) -> str:
        """A fresh empty folder, so each test has its own UIDs and UIDVALIDITY."""
        name = f"Jobs-{uuid.uuid4().hex[:10]}"
        with self.client() as client:
            client.create_folder(name)
        return name

    def append(self, folder: str, *messages: bytes) -> list[int]:
        """Deliver messages (unread) into a folder; returns their UIDs."""
        uids = []
        with self.client() as client:
            for raw in messages:
                answer = client.append(folder, raw, flags=())
                found = _APPENDUID.search(answer)
                uids.append(int(found.group(1)) if found else 0)
        return uids

    def flags(self, folder: str) -> dict[int, tuple[bytes, ...]]:
        """Every message's flags, read over a separate read-only connection."""
        with self.client() as client:
            client.select_folder(folder, readonly=True)
            uids = client.search(["ALL"])
            found = client.fetch(uids, ["FLAGS"]) if uids else {}
        return {uid: tuple(data[b"FLAGS"]) for uid, data in found.items()}

    def uidvalidity(self, folder: str) -> int:
        with self.client() as client:
            return int(client.folder_status(folder, [b"UIDVALIDITY"])[b"UIDVALIDITY"])

    def change_uidvalidity(self, folder: str) -> int:
        """Give a folder a new UIDVALIDITY, as a server does after a rebuild or migration; returns it."""
        new = self.uidvalidity(folder) + 1000
        self.doveadm("mailbox", "update", "-u", self.user, "--uid-validity", str(new), folder)
        return new

    def kick(self) -> None:
        """Close every open session of the test user from the server side."""
        self.doveadm("kick", self.user, check=False)

    def doveadm(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            [DOVEADM, "-c", str(self.config), *args], capture_output=True, text=True, check=False, timeout=60
        )
        if check and done.returncode != 0:
            raise RuntimeError(f"doveadm {' '.join(args)} failed: {done.stderr.strip()}")
        return done

    def relay(self) -> Relay:
        """A loopback relay to this server whose connections a test can cut mid-sync."""
        return Relay(self.host, self.port)

    def log(self) -> str:
        return _read(self.root / "dovecot.log")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=15)
        shutil.rmtree(self.root, ignore_errors=True)


@dataclass
class Relay:
    """A TCP relay on loopback: forwards bytes both ways until `cut()` closes every connection at once."""

    target_host: str
    target_port: int
    port: int = 0
    _listener: socket.socket = field(init=False)
    _open: list[socket.socket] = field(default_factory=list, init=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False)

    def __post_init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def __enter__(self) -> Relay:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _accept(self) -> None:
        while True:
            try:
                incoming, _ = self._listener.accept()
            except OSError:
                return
            outgoing = socket.create_connection((self.target_host, self.target_port), timeout=30)
            with self._lock:
                self._open += [incoming, outgoing]
            threading.Thread(target=_pump, args=(incoming, outgoing), daemon=True).start()
            threading.Thread(target=_pump, args=(outgoing, incoming), daemon=True).start()

    def cut(self) -> None:
        """Drop every relayed connection, as a flaky network or a server restart would."""
        with self._lock:
            sockets, self._open = self._open, []
        for sock in sockets:
            _close(sock)

    def close(self) -> None:
        self._listener.close()
        self.cut()


def _pump(source: socket.socket, target: socket.socket) -> None:
    try:
        while data := source.recv(65536):
            target.sendall(data)
    except OSError:
        pass
    finally:
        _close(source)
        _close(target)


def _close(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    sock.close()


def _wait_for_port(process: subprocess.Popen[bytes], port: int, root: Path) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.05)
    process.kill()
    process.wait(timeout=15)
    said = " ".join(_read(root / name) for name in ("output.log", "dovecot.log"))
    raise RuntimeError(f"Dovecot did not start on port {port}: {said}".strip())


def _read(path: Path) -> str:
    return path.read_text(errors="replace").strip() if path.exists() else ""


def start() -> DovecotServer:
    """Start a private Dovecot in a temp folder; raises RuntimeError (with Dovecot's words) when it cannot."""
    if not Path(DOVECOT).exists():
        raise FileNotFoundError(
            "Dovecot is not installed (no /usr/sbin/dovecot; apt-get install dovecot-imapd)"
        )
    version = dovecot_version()
    root = Path(tempfile.mkdtemp(prefix="bb-dovecot-"))
    root.chmod(0o755)  # Dovecot's unprivileged auth process reads the passwd-file in here
    for sub in ("run", "state"):
        (root / sub).mkdir()
    port, tls_port = free_port(), free_port()
    config, certificate = write_config(root, (port, tls_port), version, _Accounts.choose())
    with (root / "output.log").open("wb") as output:  # Dovecot keeps its own copy of the descriptor
        process = subprocess.Popen(
            [DOVECOT, "-F", "-c", str(config)],
            stdout=output,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    try:
        _wait_for_port(process, port, root)
    except RuntimeError:
        shutil.rmtree(root, ignore_errors=True)
        raise
    if certificate is None:
        return DovecotServer("127.0.0.1", port, root, config, process)
    return DovecotServer("127.0.0.1", port, root, config, process, tls_port, certificate[0])


@pytest.fixture(scope="session")
def dovecot_server() -> Iterator[DovecotServer]:
    """A private Dovecot for the session; tests using it are skipped (failed in CI) where it cannot run."""
    try:
        server = start()
    except (FileNotFoundError, RuntimeError, subprocess.SubprocessError) as exc:
        if IN_CI:
            pytest.fail(f"Dovecot is required in CI but could not start: {exc}")
        pytest.skip(f"IMAP tests skipped: no Dovecot server could start here ({exc})")
    yield server
    server.stop()
