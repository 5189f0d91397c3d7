"""Open the database: SQLite in WAL mode with foreign keys and a busy timeout, or any SQLAlchemy URL."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import OperationalError, ProgrammingError

from bounceback.domain.errors import StorageError
from bounceback.settings import Settings
from bounceback.storage.version import HEAD_REVISION, KNOWN_REVISIONS

BUSY_TIMEOUT_SECONDS = 60


def _configure_sqlite(engine: Engine) -> None:
    """WAL, foreign keys and BEGIN IMMEDIATE, so a CLI and a web server can write without 'locked' errors."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # let SQLAlchemy's begin event issue BEGIN itself
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_SECONDS * 1000}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # One writer at a time: take the write lock up front rather than failing on upgrade later.
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def create_database_engine(settings: Settings) -> Engine:
    """An engine for the configured database, creating the workspace folder for SQLite."""
    if settings.is_sqlite:
        path = settings.sqlite_path
        assert path is not None
        _refuse_foreign_sqlite(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            settings.url, connect_args={"timeout": BUSY_TIMEOUT_SECONDS, "check_same_thread": False}
        )
        _configure_sqlite(engine)
        return engine
    try:
        return create_engine(settings.url, pool_pre_ping=True)
    except Exception as exc:  # bad URL, missing driver
        raise StorageError(f"The database URL “{redact(settings.url)}” cannot be used: {exc}.") from None


def _refuse_foreign_sqlite(path: Path) -> None:
    """Someone else's SQLite file is refused before it is opened for writing (opening switches it to WAL)."""
    if not path.is_file() or path.stat().st_size == 0:
        return
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return
    try:
        query = "SELECT name FROM sqlite_master WHERE type = 'table'"
        tables = [row[0] for row in connection.execute(query)]
    except sqlite3.Error:
        return  # not a database at all: opening it fails without writing, and says so
    finally:
        connection.close()
    if tables and "alembic_version" not in tables:
        raise StorageError(_foreign(f"sqlite:///{path}", sorted(tables)))


def _foreign(where: str, tables: list[str]) -> str:
    shown = ", ".join(tables[:5]) + (f" and {len(tables) - 5} more" if len(tables) > 5 else "")
    return (
        f"The database at “{where}” holds tables that are not bounceback's ({shown}), so bounceback left it as "
        "it is; use an empty database, or a new folder with --home."
    )


def redact(url: str) -> str:
    """A URL with any password hidden, safe to print."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return "(unreadable URL)"


def current_revision(engine: Engine) -> str | None:
    """The schema revision stored in the database, or None for a blank database."""
    try:
        with engine.connect() as connection:
            row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
            connection.rollback()
    except (OperationalError, ProgrammingError) as exc:
        if "alembic_version" in str(exc):
            return None
        raise StorageError(
            f"The database at “{redact(str(engine.url))}” cannot be opened: {exc.orig}."
        ) from None
    return row[0] if row else None


def check_revision(revision: str | None) -> bool:
    """True when the schema is current; False when it needs upgrading; refuses a newer database."""
    if revision == HEAD_REVISION:
        return True
    if revision is None or revision in KNOWN_REVISIONS:
        return False
    raise StorageError(
        f"This database was written by a newer version of bounceback (schema “{revision}”); "
        "upgrade bounceback to use it. Nothing was changed."
    )


def alembic_config(engine: Engine) -> Any:
    """An Alembic configuration pointing at the packaged migrations and this engine."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine) -> None:
    """Bring the schema to the head revision (refusing a database from a newer version, or someone else's)."""
    revision = current_revision(engine)
    if check_revision(revision):
        return
    if revision is None:
        refuse_foreign_tables(engine)
    from alembic import command

    command.upgrade(alembic_config(engine), "head")


def refuse_foreign_tables(engine: Engine) -> None:
    """A database with tables but no bounceback schema belongs to something else: leave it as it is."""
    from sqlalchemy import inspect

    tables = sorted(inspect(engine).get_table_names())
    if tables:
        raise StorageError(_foreign(redact(str(engine.url)), tables))


MIGRATION_LOCK_KEY = 0x626F756E  # any fixed number: the PostgreSQL advisory lock that serialises upgrades


def ensure_schema(engine: Engine) -> None:
    """Apply migrations automatically on first use, one process at a time.

    Two commands started together on a new workspace would otherwise race to create the schema (and on SQLite
    one of them can meet "database is locked" while the other switches the file to WAL). A file lock next to the
    SQLite file, or an advisory lock on PostgreSQL, makes the second wait and then find the schema current.
    """
    if engine.dialect.name == "sqlite" and engine.url.database:
        from filelock import FileLock

        with FileLock(f"{engine.url.database}.lock", timeout=BUSY_TIMEOUT_SECONDS):
            upgrade(engine)
    elif engine.dialect.name == "postgresql":
        with engine.connect() as connection:
            connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
            try:
                upgrade(engine)
            finally:
                connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK_KEY})
                connection.commit()
    else:
        upgrade(engine)
