"""Fast reads over a plain DB-API connection.

`list`, `show` and `due` run dozens of times a day; importing SQLAlchemy alone costs ~0.3 s here, so these
reads use plain SQL on sqlite3 (or the psycopg connection SQLAlchemy already opened for PostgreSQL). The SQL
is the same on both; writes always go through SQLAlchemy and the journal.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any, TypeVar

from bounceback.domain.mail import MailLabel, MailRecord, MailStatus
from bounceback.domain.model import (
    Application,
    Company,
    Contact,
    ContactRole,
    Event,
    EventKind,
    Interview,
    InterviewKind,
    Origin,
    Source,
    WorkMode,
)
from bounceback.domain.naming import resolve
from bounceback.domain.stages import Stage
from bounceback.settings import Settings
from bounceback.storage.version import HEAD_REVISION

T = TypeVar("T")

_ENUMS: dict[str, type[StrEnum]] = {
    "stage": Stage,
    "furthest_stage": Stage,
    "closed_from": Stage,
    "from_stage": Stage,
    "to_stage": Stage,
    "work_mode": WorkMode,
    "source": Source,
    "kind": EventKind,
    "origin": Origin,
    "role_in": ContactRole,
}
_MAIL_ENUMS: dict[str, type[StrEnum]] = {
    "label": MailLabel,
    "predicted_label": MailLabel,
    "status": MailStatus,
}
_DATES = {"saved_on", "applied_on", "deadline"}
_TIMES = {
    "created_at",
    "updated_at",
    "last_activity_at",
    "closed_at",
    "occurred_at",
    "starts_at",
    "received_at",
}
_JSON = {"tags", "domains", "details"}
_BOOLS = {"dream_job", "corrected"}


def utc_moment(raw: Any) -> datetime | None:
    """A stored UTC time as an aware datetime (sqlite3 gives text, psycopg a naive datetime)."""
    if raw is None:
        return None
    value = datetime.fromisoformat(raw) if isinstance(raw, str) else raw
    return value.replace(tzinfo=UTC)


def _value(column: str, raw: Any, enums: dict[str, type[StrEnum]]) -> Any:
    """Convert one raw DB-API value to the domain's type (sqlite3 gives strings, psycopg real types)."""
    if raw is None:
        return None
    if column in enums:
        return enums[column](raw)
    if column in _TIMES:
        return utc_moment(raw)
    if column in _DATES:
        return date.fromisoformat(raw) if isinstance(raw, str) else raw
    if column in _JSON:
        return json.loads(raw) if isinstance(raw, str) else raw
    if column in _BOOLS:
        return bool(raw)
    return raw


def _build(cls: type[T], row: dict[str, Any], enums: dict[str, type[StrEnum]] | None = None) -> T:
    """A domain record from a row, taking only the record's own fields."""
    table = enums or _ENUMS
    names = _field_names(cls)
    return cls(**{k: _value(k, v, table) for k, v in row.items() if k in names})


_FIELD_NAMES: dict[type, frozenset[str]] = {}


def _field_names(cls: type) -> frozenset[str]:
    """A record's field names, worked out once per class (thousands of rows are built per command)."""
    if cls not in _FIELD_NAMES:
        _FIELD_NAMES[cls] = frozenset(f.name for f in fields(cls))
    return _FIELD_NAMES[cls]


@dataclass
class ApplicationView:
    """An application with its company's name, as lists and pages show it."""

    app: Application
    company: str


class Reader:
    """Read-only queries over one DB-API connection; `paramstyle` is 'named' (sqlite3) or 'pyformat'."""

    def __init__(self, connection: Any, *, paramstyle: str = "named", owner_id: int = 1) -> None:
        self.connection = connection
        self.paramstyle = paramstyle
        self.owner_id = owner_id

    def rows(self, sql: str, **params: Any) -> list[dict[str, Any]]:
        """Rows of any read-only query as dicts; `:name` parameters work on SQLite and PostgreSQL alike."""
        if self.paramstyle == "pyformat":
            sql = re.sub(r":(\w+)", r"%(\1)s", sql)
        cursor = self.connection.cursor()
        cursor.execute(sql, {"owner": self.owner_id, **params})
        names = [d[0] for d in cursor.description]
        result = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        cursor.close()
        return result

    def applications(self) -> list[ApplicationView]:
        """Every application with its company name, oldest first."""
        rows = self.rows(
            "SELECT a.*, c.name AS company_name FROM applications a JOIN companies c ON c.id = a.company_id "
            "WHERE a.owner_id = :owner ORDER BY a.id"
        )
        return [ApplicationView(_build(Application, r), r["company_name"]) for r in rows]

    def find(self, name: str) -> ApplicationView:
        """One application by id or unambiguous short name."""
        pairs = self.rows("SELECT id, slug FROM applications WHERE owner_id = :owner")
        app_id = resolve(name, [(r["id"], r["slug"]) for r in pairs])
        rows = self.rows(
            "SELECT a.*, c.name AS company_name FROM applications a JOIN companies c ON c.id = a.company_id "
            "WHERE a.id = :id",
            id=app_id,
        )
        return ApplicationView(_build(Application, rows[0]), rows[0]["company_name"])

    def company(self, company_id: int) -> Company:
        """A company by id."""
        return _build(Company, self.rows("SELECT * FROM companies WHERE id = :id", id=company_id)[0])

    def timeline(self, app_id: int) -> list[Event]:
        """An application's events, oldest first."""
        rows = self.rows(
            "SELECT * FROM events WHERE application_id = :id ORDER BY occurred_at, id", id=app_id
        )
        return [_build(Event, r) for r in rows]

    def timelines(self, app_ids: set[int]) -> dict[int, list[Event]]:
        """The timelines of many applications in one query (one query per application is slow at 5,000)."""
        found: dict[int, list[Event]] = {app_id: [] for app_id in app_ids}
        for r in self.rows(
            "SELECT * FROM events WHERE owner_id = :owner ORDER BY application_id, occurred_at, id"
        ):
            if r["application_id"] in found:
                found[r["application_id"]].append(_build(Event, r))
        return found

    def people_of(self, app_ids: set[int]) -> dict[int, list[tuple[Contact, ContactRole]]]:
        """The contacts of many applications with their roles, in one query."""
        found: dict[int, list[tuple[Contact, ContactRole]]] = {app_id: [] for app_id in app_ids}
        query = (
            "SELECT c.*, l.role AS role_in, l.application_id AS app_id FROM contacts c "
            "JOIN application_contacts l ON l.contact_id = c.id WHERE l.owner_id = :owner ORDER BY c.name"
        )
        for r in self.rows(query):
            if r["app_id"] in found:
                found[r["app_id"]].append((_build(Contact, r), ContactRole(r["role_in"])))
        return found

    def interviews(self, app_id: int | None = None) -> list[Interview]:
        """Interviews of one application, or all of this owner's, by start time."""
        where = "application_id = :id" if app_id is not None else "owner_id = :owner"
        rows = self.rows(f"SELECT * FROM interviews WHERE {where} ORDER BY starts_at", id=app_id)
        return [_build(Interview, r, {**_ENUMS, "kind": InterviewKind}) for r in rows]

    def people(self, app_id: int) -> list[tuple[Contact, ContactRole]]:
        """The contacts of an application with their roles."""
        rows = self.rows(
            "SELECT c.*, l.role AS role_in FROM contacts c JOIN application_contacts l ON l.contact_id = c.id "
            "WHERE l.application_id = :id ORDER BY c.name",
            id=app_id,
        )
        return [(_build(Contact, r), ContactRole(r["role_in"])) for r in rows]

    def messages(self, app_id: int) -> list[MailRecord]:
        """The emails linked to an application, oldest first (what moved it, and why)."""
        rows = self.rows(
            "SELECT * FROM mail_messages WHERE application_id = :id ORDER BY received_at, id", id=app_id
        )
        return [_build(MailRecord, r, _MAIL_ENUMS) for r in rows]

    def contacts(self) -> list[Contact]:
        """All contacts of this owner, by name."""
        return [
            _build(Contact, r)
            for r in self.rows("SELECT * FROM contacts WHERE owner_id = :owner ORDER BY name")
        ]

    def close(self) -> None:
        """Close the connection."""
        self.connection.close()


def open_sqlite_reader(settings: Settings) -> Reader | None:
    """A reader straight on the SQLite file when it exists at the current schema; else None (use Workspace)."""
    path = settings.sqlite_path
    if path is None or not path.exists():
        return None
    connection = sqlite3.connect(path, timeout=60)
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        row = None
    if row is None or row[0] != HEAD_REVISION:
        connection.close()
        return None
    return Reader(connection)


def open_reader(settings: Settings) -> Reader:
    """The fastest reader for the configured database, migrating it first when needed."""
    reader = open_sqlite_reader(settings)
    if reader is not None:
        return reader
    from bounceback.storage.workspace import Workspace

    workspace = Workspace(settings)
    raw = workspace.engine.raw_connection()
    style = "named" if settings.is_sqlite else "pyformat"
    return Reader(raw, paramstyle=style)
