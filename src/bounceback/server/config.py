"""The server's settings, from the environment, checked before it starts: what is missing is named."""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
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
)
REQUIRED = ("BOUNCEBACK_DATABASE_URL", "BOUNCEBACK_SERVER_SECRET_KEY", "BOUNCEBACK_SERVER_PUBLIC_URL")
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
    values: dict[str, object] = {}
    for name, field_name, _help in VARIABLES:
        raw = env.get(name, "").strip()
        if not raw:
            continue
        if field_name in ("idle_minutes", "lifetime_hours"):
            if not raw.isdigit() or int(raw) < 1:
                raise InvalidInput(f"{name} must be a whole number of at least 1, not “{raw}”.")
            values[field_name] = int(raw)
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


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def documented() -> list[str]:
    """Every variable the server reads (a test holds the README to it)."""
    assert {f.name for f in fields(ServerSettings)} == {field for _, field, _ in VARIABLES}
    return [name for name, _, _ in VARIABLES]
