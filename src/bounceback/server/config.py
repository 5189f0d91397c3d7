"""The server's settings, from the environment, checked before it starts: what is missing is named."""

from __future__ import annotations

import hashlib
import ipaddress
import os
from dataclasses import dataclass, field, fields
from urllib.parse import urlsplit

from bounceback.domain.errors import InvalidInput


@dataclass(frozen=True)
class ServerSettings:
    """What `bounceback server run` reads; each field's metadata names its variable and says what it is."""

    database_url: str
    secret_key: str
    public_url: str
    idle_minutes: int = 30
    lifetime_hours: int = 12
    # Single sign-on with OpenID Connect: off while the issuer is empty.
    oidc_issuer: str = ""
    oidc_client_id: str = ""
    # A secret: from the environment only, kept out of the settings' repr, never logged or stored.
    oidc_client_secret: str = field(default="", repr=False)
    oidc_allowed_domains: tuple[str, ...] = ()
    oidc_self_signup: bool = False
    oidc_name: str = ""
    # IMAP syncs may reach hosts on private, loopback or link-local addresses (off: a seeker's account can then
    # only name a public mail server, so the job workers cannot be pointed at the office's own network).
    imap_private_hosts: bool = False

    @property
    def sso(self) -> bool:
        """Whether single sign-on is offered on the login page."""
        return bool(self.oidc_issuer)

    @property
    def sso_name(self) -> str:
        """What the login page's button names: the configured name, or the provider's host name."""
        return self.oidc_name or (urlsplit(self.oidc_issuer).hostname or self.oidc_issuer)

    @property
    def scheme(self) -> str:
        return urlsplit(self.public_url).scheme

    @property
    def is_https(self) -> bool:
        return self.scheme == "https"

    @property
    def host(self) -> str:
        """The `Host` every request must carry: the public URL's name, with its port when it has one."""
        return urlsplit(self.public_url).netloc.lower()

    @property
    def origin(self) -> str:
        """The `Origin` of the server's own pages."""
        return f"{self.scheme}://{self.host}"

    @property
    def key_bytes(self) -> bytes:
        return self.secret_key.encode()


# (environment variable, field, help) — the README's server section lists the same.
VARIABLES = (
    (
        "BOUNCEBACK_DATABASE_URL",
        "database_url",
        "The PostgreSQL URL (postgresql+psycopg://user:password@host/db).",
    ),
    (
        "BOUNCEBACK_SERVER_SECRET_KEY",
        "secret_key",
        "A long random key signing cookies and encrypting IMAP secrets.",
    ),
    ("BOUNCEBACK_SERVER_PUBLIC_URL", "public_url", "The address people use (https://careers.example.edu)."),
    ("BOUNCEBACK_SERVER_IDLE_MINUTES", "idle_minutes", "Minutes without a request before a login ends (30)."),
    ("BOUNCEBACK_SERVER_LIFETIME_HOURS", "lifetime_hours", "Hours after which any login ends (12)."),
    (
        "BOUNCEBACK_SERVER_OIDC_ISSUER",
        "oidc_issuer",
        "The OpenID Connect issuer for single sign-on (https://login.example.edu); unset, there is none.",
    ),
    ("BOUNCEBACK_SERVER_OIDC_CLIENT_ID", "oidc_client_id", "The client id the provider gave this server."),
    (
        "BOUNCEBACK_SERVER_OIDC_CLIENT_SECRET",
        "oidc_client_secret",
        "The client secret the provider gave this server (never logged or stored).",
    ),
    (
        "BOUNCEBACK_SERVER_OIDC_ALLOWED_DOMAINS",
        "oidc_allowed_domains",
        "Comma-separated email domains that may sign in with it (example.edu,alumni.example.edu).",
    ),
    (
        "BOUNCEBACK_SERVER_OIDC_SELF_SIGNUP",
        "oidc_self_signup",
        "yes: an allowed email with no account gets a new seeker account (default no).",
    ),
    ("BOUNCEBACK_SERVER_OIDC_NAME", "oidc_name", "The provider's name on the login page's button."),
    (
        "BOUNCEBACK_SERVER_IMAP_PRIVATE_HOSTS",
        "imap_private_hosts",
        "yes: seekers' IMAP accounts may name hosts on private or loopback addresses (default no).",
    ),
)
REQUIRED = ("BOUNCEBACK_DATABASE_URL", "BOUNCEBACK_SERVER_SECRET_KEY", "BOUNCEBACK_SERVER_PUBLIC_URL")
# Single sign-on needs all three of these, or none.
OIDC_REQUIRED = (
    "BOUNCEBACK_SERVER_OIDC_ISSUER",
    "BOUNCEBACK_SERVER_OIDC_CLIENT_ID",
    "BOUNCEBACK_SERVER_OIDC_CLIENT_SECRET",
)
OIDC_OPTIONAL = (
    "BOUNCEBACK_SERVER_OIDC_ALLOWED_DOMAINS",
    "BOUNCEBACK_SERVER_OIDC_SELF_SIGNUP",
    "BOUNCEBACK_SERVER_OIDC_NAME",
)
YES, NO = frozenset({"1", "yes", "true", "on"}), frozenset({"0", "no", "false", "off"})
MIN_KEY_LENGTH = 32


def load_server_settings(environ: dict[str, str] | None = None) -> ServerSettings:
    """The settings, or one sentence naming every variable that is missing or wrong."""
    env = dict(os.environ if environ is None else environ)
    missing = [name for name in REQUIRED if not env.get(name, "").strip()]
    if missing:
        raise InvalidInput(
            f"The server cannot start without {_and(missing)} in the environment; "
            "the README's server section says what each one holds."
        )
    _check_sso_variables(env)
    values: dict[str, object] = {}
    for name, field_name, _help in VARIABLES:
        raw = env.get(name, "").strip()
        if not raw:
            continue
        if field_name in ("idle_minutes", "lifetime_hours"):
            if not raw.isdigit() or int(raw) < 1:
                raise InvalidInput(f"{name} must be a whole number of at least 1, not “{raw}”.")
            values[field_name] = int(raw)
        elif field_name == "oidc_allowed_domains":
            values[field_name] = _domains(name, raw)
        elif field_name in ("oidc_self_signup", "imap_private_hosts"):
            if raw.lower() not in YES | NO:
                raise InvalidInput(f"{name} must be yes or no, not “{raw}”.")
            values[field_name] = raw.lower() in YES
        else:
            values[field_name] = raw
    settings = ServerSettings(**values)  # type: ignore[arg-type]
    check(settings)
    return settings


def check(settings: ServerSettings) -> None:
    """Refuse settings a server must not run with, naming the variable."""
    if not settings.database_url.startswith("postgresql"):
        raise InvalidInput(
            "BOUNCEBACK_DATABASE_URL must name a PostgreSQL database (postgresql+psycopg://…): "
            "server mode keeps many people apart with PostgreSQL's row-level security."
        )
    if len(settings.secret_key) < MIN_KEY_LENGTH:
        raise InvalidInput(
            f"BOUNCEBACK_SERVER_SECRET_KEY is {len(settings.secret_key)} characters long; it needs at least "
            f"{MIN_KEY_LENGTH} (`python -c 'import secrets; print(secrets.token_urlsafe(48))'` makes one)."
        )
    parts = urlsplit(settings.public_url)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.path not in ("", "/"):
        raise InvalidInput(
            f"BOUNCEBACK_SERVER_PUBLIC_URL must be an address like https://careers.example.edu, "
            f"not “{settings.public_url}”."
        )
    _check_sso(settings)


def _check_sso_variables(env: dict[str, str]) -> None:
    """Single sign-on is all or nothing: some of its variables set and others not is refused, naming them."""
    given = [name for name in OIDC_REQUIRED if env.get(name, "").strip()]
    extras = [name for name in OIDC_OPTIONAL if env.get(name, "").strip()]
    if not given and not extras:
        return
    missing = [name for name in OIDC_REQUIRED if name not in given]
    if missing:
        raise InvalidInput(
            f"Single sign-on is half set up: {_and(given + extras)} "
            f"{'is' if len(given + extras) == 1 else 'are'} set but {_and(missing)} "
            f"{'is' if len(missing) == 1 else 'are'} not; set {'it' if len(missing) == 1 else 'them'} "
            "too, or unset every BOUNCEBACK_SERVER_OIDC_ variable to go without it."
        )


def _domains(name: str, raw: str) -> tuple[str, ...]:
    found = []
    for part in raw.split(","):
        domain = part.strip().lower().lstrip("@")
        if not domain:
            continue
        if "." not in domain or "@" in domain or " " in domain or "/" in domain:
            raise InvalidInput(
                f"{name} must list email domains like example.edu, and “{part.strip()}” is not one."
            )
        found.append(domain)
    return tuple(dict.fromkeys(found))


def _is_loopback(host: str | None) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host or "").is_loopback
    except ValueError:
        return False


def _check_sso(settings: ServerSettings) -> None:
    if not settings.sso:
        return
    parts = urlsplit(settings.oidc_issuer)
    secure = parts.scheme == "https" or (parts.scheme == "http" and _is_loopback(parts.hostname))
    if not secure or not parts.netloc or parts.query or parts.fragment:
        raise InvalidInput(
            "BOUNCEBACK_SERVER_OIDC_ISSUER must be the provider's https address (like "
            f"https://login.example.edu), not “{settings.oidc_issuer}”."
        )
    if settings.oidc_self_signup and not settings.oidc_allowed_domains:
        raise InvalidInput(
            "BOUNCEBACK_SERVER_OIDC_SELF_SIGNUP is on but BOUNCEBACK_SERVER_OIDC_ALLOWED_DOMAINS is empty: "
            "anyone with an account at the provider could make one here. Name the email domains that may."
        )


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def documented() -> list[str]:
    """Every variable the server reads (a test holds the README to it)."""
    assert {f.name for f in fields(ServerSettings)} == {field for _, field, _ in VARIABLES}
    return [name for name, _, _ in VARIABLES]


def derived_key(secret_key: str, purpose: str) -> bytes:
    """A key of its own for each use of the server's secret (forms, stored mail passwords, pending sign-ins):
    32 bytes, so one use's key tells nothing about another's."""
    return hashlib.sha256(f"bounceback:{purpose}:{secret_key}".encode()).digest()
