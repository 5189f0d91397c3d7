"""One typed settings object, read once from the environment (prefix BOUNCEBACK_) and command-line flags."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path

from bounceback.domain.errors import InvalidInput

APP_NAME = "bounceback"
DATABASE_FILE = "bounceback.sqlite3"


def _default_home() -> Path:
    """The platform's data folder for the app (e.g. ~/.local/share/bounceback)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


@dataclass(frozen=True)
class Settings:
    """Everything configurable. Each field's metadata holds its help text; tests check the README lists it."""

    home: Path = field(
        default_factory=_default_home,
        metadata={
            "env": "BOUNCEBACK_HOME",
            "help": "Workspace folder holding the SQLite file and your files.",
        },
    )
    database_url: str = field(
        default="",
        metadata={
            "env": "BOUNCEBACK_DATABASE_URL",
            "help": "Any SQLAlchemy URL (e.g. postgresql+psycopg://user@host/db); default: SQLite in the home.",
        },
    )
    ghost_after_days: int = field(
        default=21,
        metadata={
            "env": "BOUNCEBACK_GHOST_AFTER_DAYS",
            "help": "Days without an answer before an application is suggested as ghosted.",
        },
    )
    upcoming_days: int = field(
        default=14,
        metadata={"env": "BOUNCEBACK_UPCOMING_DAYS", "help": "How far ahead `due` lists interviews."},
    )
    cache_dir: Path | None = field(
        default=None,
        metadata={
            "env": "BOUNCEBACK_CACHE_DIR",
            "help": "Where the trained mail classifier is cached; default: the cache folder in the home.",
        },
    )
    timezone: str = field(
        default="",
        metadata={
            "env": "BOUNCEBACK_TIMEZONE",
            "help": "Your IANA time zone (e.g. Europe/Berlin); default: the system's.",
        },
    )
    country: str = field(
        default="",
        metadata={
            "env": "BOUNCEBACK_COUNTRY",
            "help": "Country code (e.g. DE, GB-SCT, US-CA) whose public holidays follow-up reminders skip; "
            "default: none, weekends only.",
        },
    )

    @property
    def cache(self) -> Path:
        """The folder for rebuildable files (the trained classifier)."""
        return self.cache_dir or self.home / "cache"

    @property
    def url(self) -> str:
        """The database URL actually used."""
        return self.database_url or f"sqlite:///{self.home / DATABASE_FILE}"

    @property
    def is_sqlite(self) -> bool:
        """True for the embedded default."""
        return self.url.startswith("sqlite")

    @property
    def sqlite_path(self) -> Path | None:
        """The SQLite file, when the database is one."""
        if not self.is_sqlite:
            return None
        return Path(self.url.split("///", 1)[1])


# The type each environment string becomes.
_KINDS: dict[str, type] = {
    "home": Path,
    "database_url": str,
    "ghost_after_days": int,
    "upcoming_days": int,
    "cache_dir": Path,
    "timezone": str,
    "country": str,
}


def _convert(name: str, raw: str, kind: type) -> object:
    """Turn an environment string into the field's type, or say plainly what is wrong."""
    if kind is int:
        try:
            return int(raw)
        except ValueError:
            raise InvalidInput(f"{name} must be a whole number, not “{raw}”.") from None
    if kind is Path:
        return Path(raw).expanduser()
    return raw


def load_settings(
    environ: dict[str, str] | None = None,
    *,
    home: Path | None = None,
    database_url: str | None = None,
) -> Settings:
    """Read settings: flags win over environment, environment over defaults."""
    env = os.environ if environ is None else environ
    values: dict[str, object] = {}
    for f in fields(Settings):
        raw = env.get(f.metadata["env"])
        if raw:
            values[f.name] = _convert(f.metadata["env"], raw, _KINDS[f.name])
    if home is not None:
        values["home"] = home.expanduser()
    if database_url:
        values["database_url"] = database_url
    settings = Settings(**values)  # type: ignore[arg-type]
    if settings.ghost_after_days < 1:
        raise InvalidInput("BOUNCEBACK_GHOST_AFTER_DAYS must be at least 1.")
    if settings.upcoming_days < 0:
        raise InvalidInput("BOUNCEBACK_UPCOMING_DAYS must be 0 or more.")
    if settings.home.exists() and not settings.home.is_dir():
        raise InvalidInput(
            f"The workspace folder “{settings.home}” (--home or BOUNCEBACK_HOME) is a file, not a folder; "
            "name a folder (it is made when missing)."
        )
    if settings.timezone:
        from bounceback.dates import zone

        zone(settings.timezone)  # an unknown name is refused now, in one sentence, not later mid-command
    return settings


def documented_settings() -> list[tuple[str, str]]:
    """(environment variable, help) for every setting, for the README and its test."""
    return [(f.metadata["env"], f.metadata["help"]) for f in fields(Settings)]
