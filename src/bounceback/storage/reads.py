"""The read model: every question the front ends and services ask of one person's search, answered as plain
domain records.

One class over one DB-API connection: sqlite3 straight on the file for the everyday commands (SQLAlchemy is
not even imported), or a connection from the engine's pool (PostgreSQL, the web server, reads inside a
change). The SQL is the same on both. Records are plain dataclasses, never ORM-instrumented objects, so
building thousands of them costs only their construction. Every query filters by the owner.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypeVar

from bounceback.domain.coaching import (
    BounceSession,
    CheckIn,
    FeedbackRequest,
    Goal,
    Lesson,
    Question,
    QuestionKind,
    ReminderState,
)
from bounceback.domain.errors import NotFound
from bounceback.domain.filters import ApplicationFilter, select_applications
from bounceback.domain.mail import FolderState, MailAccount, MailRecord, MailStatus
from bounceback.domain.model import (
    Application,
    ApplicationCard,
    Company,
    Contact,
    ContactRole,
    Event,
    EventKind,
    Interview,
    Person,
)
from bounceback.domain.naming import resolve, slugify
from bounceback.domain.stages import PROGRESS, Stage
from bounceback.settings import Settings
from bounceback.storage.due_sql import STAGE_EVENTS_WHERE, due_events_where
from bounceback.storage.owner import SET_OWNER_SQL
from bounceback.storage.records import RECORDS, TABLES, builder, json_value, utc_moment
from bounceback.storage.version import HEAD_REVISION

T = TypeVar("T")
_PLACEHOLDER = re.compile(r"(?<!:):(\w+)")
_APPLICATIONS = (
    "SELECT a.*, c.name AS company_name FROM applications a JOIN companies c ON c.id = a.company_id "
    "WHERE a.owner_id = :owner"
)
# The list's sorts that SQL gives exactly as domain/filters.py does (ties by id, as its stable sort leaves them);
# by company and role the domain sorts by Python's lower(), which SQL's does not match everywhere.
_SQL_SORTS = {
    "id": "a.id",
    "updated": "a.updated_at IS NULL, a.updated_at DESC, a.id",
    "created": "a.created_at IS NULL, a.created_at DESC, a.id",
    "applied": "a.applied_on IS NULL, a.applied_on DESC, a.id",
    "excitement": "COALESCE(a.excitement, 0) DESC, a.id",
    "stage": "CASE a.stage "
    + " ".join(f"WHEN '{s.value}' THEN {n}" for n, s in enumerate(Stage))
    + " END, a.id",
}
_CARD_SQL = (
    "SELECT a.id, a.slug, a.role, c.name, a.stage, a.location, a.notes, a.tags, a.dream_job, a.excitement, "
    "a.updated_at, a.interview_rounds FROM applications a JOIN companies c ON c.id = a.company_id "
    "WHERE a.owner_id = :owner"
)
_STAGES = {stage.value: stage for stage in Stage}


@dataclass
class ApplicationView:
    """An application with its company's name, as lists and pages show it."""

    app: Application
    company: str


class ReadModel:
    """Read-only queries for one owner over one DB-API connection (`dialect`: 'sqlite' or 'postgresql')."""

    def __init__(
        self,
        connection: Any,
        *,
        owner_id: int,
        dialect: str = "sqlite",
        before: Callable[[], object] | None = None,
    ) -> None:
        self.connection = connection
        self.owner_id = owner_id
        self.dialect = dialect
        self._before = before  # inside a change: flush what the change wrote, so reads see it
        if dialect == "postgresql":
            self._execute(SET_OWNER_SQL, {"owner": str(owner_id)})

    # Plumbing ------------------------------------------------------------------------------------------------
    def _execute(self, sql: str, params: dict[str, Any]) -> tuple[list[str], list[tuple[Any, ...]]]:
        """Run one read; `:name` parameters work on sqlite3 and psycopg alike."""
        if self._before is not None:
            self._before()
        if self.dialect != "sqlite":
            sql = _PLACEHOLDER.sub(r"%(\1)s", sql)
        cursor = self.connection.cursor()
        try:
            cursor.execute(sql, {"owner": self.owner_id, **params})
            names = [d[0] for d in cursor.description]
            return names, [tuple(row) for row in cursor.fetchall()]
        finally:
            cursor.close()

    def _rows(self, sql: str, **params: Any) -> list[dict[str, Any]]:
        names, rows = self._execute(sql, params)
        return [dict(zip(names, row, strict=True)) for row in rows]

    def _records(self, cls: type[T], sql: str, **params: Any) -> list[T]:
        names, rows = self._execute(sql, params)
        build = builder(cls, names)
        return [build(row) for row in rows]

    def _first(self, cls: type[T], sql: str, **params: Any) -> T | None:
        found = self._records(cls, sql, **params)
        return found[0] if found else None

    def _value(self, sql: str, **params: Any) -> Any:
        return self._execute(sql, params)[1][0][0]

    def records(self, cls: type[T]) -> list[T]:
        """Every record of one kind this owner holds, by id (the person themselves, for Person)."""
        table = TABLES[cls]
        where = "id = :owner" if cls is Person else "owner_id = :owner"
        return self._records(cls, f"SELECT * FROM {table} WHERE {where} ORDER BY id")

    def close(self) -> None:
        """Close the connection (a pooled one goes back to its pool)."""
        self.connection.close()

    # Applications --------------------------------------------------------------------------------------------
    def _views(self, sql: str, **params: Any) -> list[ApplicationView]:
        names, rows = self._execute(sql, params)
        build, company = builder(Application, names), names.index("company_name")
        return [ApplicationView(build(row), row[company]) for row in rows]

    def applications(
        self, wanted: ApplicationFilter | None = None, *, sort: str = "id", limit: int | None = None
    ) -> list[ApplicationView]:
        """Applications with their company names, filtered and sorted as `domain.filters` says, at most
        `limit` of them. What SQL can answer exactly (stages, open or closed, most sorts, the limit) it
        answers; a company, tag or text filter, and sorting by company or role, are applied afterwards."""
        select_applications([], ApplicationFilter(), sort)  # refuses an unknown sort in the domain's words
        where, params = _stage_filter(wanted)
        exact = sort in _SQL_SORTS and not _needs_python(wanted)
        order = _SQL_SORTS[sort] if exact else "a.id"
        sql = f"{_APPLICATIONS}{where} ORDER BY {order}" + (" LIMIT :limit" if exact and limit else "")
        views = self._views(sql, limit=limit, **params)
        if exact:
            return views
        pairs = select_applications([(v.app, v.company) for v in views], wanted or ApplicationFilter(), sort)
        chosen = pairs[:limit] if limit else pairs
        return [ApplicationView(app, company) for app, company in chosen]

    def count_applications(self, wanted: ApplicationFilter | None = None) -> int:
        """How many applications pass the filter (all of them without one)."""
        if _needs_python(wanted):
            return len(self.applications(wanted))
        where, params = _stage_filter(wanted)
        return int(
            self._value(f"SELECT COUNT(*) FROM applications a WHERE a.owner_id = :owner{where}", **params)
        )

    def find(self, name: str) -> ApplicationView:
        """One application by id or unambiguous short name. An id or an exact short name is looked up
        directly (slugs are unique per owner); anything else is resolved against every short name."""
        text = name.strip()
        if text.isdigit():
            found = self._views(f"{_APPLICATIONS} AND a.id = :id", id=int(text))
        else:
            found = self._views(f"{_APPLICATIONS} AND a.slug = :slug", slug=slugify(text))
        if len(found) == 1:
            return found[0]
        app_id = resolve(name, list(self.application_names().items()))
        return self._views(f"{_APPLICATIONS} AND a.id = :id", id=app_id)[0]

    def application_names(self) -> dict[int, str]:
        """Every application's short name by id."""
        return {
            r["id"]: r["slug"]
            for r in self._rows("SELECT id, slug FROM applications WHERE owner_id = :owner")
        }

    def cards(self) -> list[ApplicationCard]:
        """Every application as a board card (tight: this runs over every application)."""
        _names, rows = self._execute(_CARD_SQL, {})
        tag_lists: dict[str, list[str]] = {}  # the same few tag sets repeat: decode each once
        found = []
        for (
            app_id,
            slug,
            role,
            company,
            stage,
            location,
            notes,
            tags,
            dream,
            excitement,
            updated,
            rounds,
        ) in rows:
            if isinstance(tags, str):
                tags = list(tag_lists.get(tags) or tag_lists.setdefault(tags, json_value(tags)))
            card = ApplicationCard(
                app_id, slug, role, company, _STAGES[stage], location, notes, tags or [], bool(dream), excitement,
                utc_moment(updated), rounds,
            )  # fmt: skip
            found.append(card)
        return found

    def companies(self) -> list[Company]:
        """All companies of this owner, by name."""
        return self._records(Company, "SELECT * FROM companies WHERE owner_id = :owner ORDER BY name, id")

    def company(self, company_id: int) -> Company:
        """A company by id."""
        found = self._first(
            Company, "SELECT * FROM companies WHERE owner_id = :owner AND id = :id", id=company_id
        )
        if found is None:
            raise NotFound(f"There is no company with id {company_id}.")
        return found

    # Timelines, interviews, people -----------------------------------------------------------------------
    def timeline(self, app_id: int) -> list[Event]:
        """An application's events, oldest first."""
        return self._records(
            Event,
            "SELECT * FROM events WHERE owner_id = :owner AND application_id = :id ORDER BY occurred_at, id",
            id=app_id,
        )

    def timelines(self, app_ids: Iterable[int]) -> dict[int, list[Event]]:
        """The timelines of many applications in one query (one query per application is slow at 5,000)."""
        found: dict[int, list[Event]] = {app_id: [] for app_id in app_ids}
        names, rows = self._execute(
            "SELECT * FROM events WHERE owner_id = :owner ORDER BY application_id, occurred_at, id", {}
        )
        build, app_column = builder(Event, names), names.index("application_id")
        for row in rows:
            if row[app_column] in found:
                found[row[app_column]].append(build(row))
        return found

    def due_timelines(self, app_ids: Iterable[int], now: datetime) -> dict[int, list[Event]]:
        """The timelines as the due rules read them, oldest first: every email and every entry carrying a key
        the rules look at, and of the stage changes up to `now` only the latest (the rules use only when the
        employer last moved). Both come from partial indexes the database keeps current on every write; the
        rules derive from these exactly what they derive from whole timelines (tests/test_due_state.py)."""
        found: dict[int, list[Event]] = {app_id: [] for app_id in app_ids}
        latest_stage = (
            "SELECT e.* FROM events e JOIN (SELECT application_id AS app, MAX(occurred_at) AS latest FROM events "
            f"WHERE owner_id = :owner AND {STAGE_EVENTS_WHERE} AND occurred_at <= :now GROUP BY application_id) l "
            f"ON e.application_id = l.app AND e.occurred_at = l.latest WHERE e.owner_id = :owner AND e.{STAGE_EVENTS_WHERE}"
        )
        sql = (
            f"SELECT * FROM events WHERE owner_id = :owner AND ({due_events_where(self.dialect)}) "
            f"UNION ALL {latest_stage} ORDER BY application_id, occurred_at, id"
        )
        names, rows = self._execute(sql, {"now": _moment(self.dialect, now)})
        build, app_column, id_column = builder(Event, names), names.index("application_id"), names.index("id")
        seen: set[int] = set()
        for row in rows:
            if (
                row[app_column] in found and row[id_column] not in seen
            ):  # a stage change with a key comes twice
                seen.add(row[id_column])
                found[row[app_column]].append(build(row))
        return found

    def events(self, kinds: Iterable[EventKind]) -> list[Event]:
        """Every timeline entry of these kinds, of every application, oldest first."""
        wanted = {f"k{n}": kind.value for n, kind in enumerate(kinds)}
        places = ", ".join(f":{key}" for key in wanted)
        return self._records(
            Event,
            f"SELECT * FROM events WHERE owner_id = :owner AND kind IN ({places}) ORDER BY occurred_at, id",
            **wanted,
        )

    def interviews(self, app_id: int | None = None) -> list[Interview]:
        """Interviews of one application, or all of this owner's, by start time."""
        where = " AND application_id = :id" if app_id is not None else ""
        return self._records(
            Interview,
            f"SELECT * FROM interviews WHERE owner_id = :owner{where} ORDER BY starts_at, id",
            id=app_id,
        )

    def people(self, app_id: int) -> list[tuple[Contact, ContactRole]]:
        """The contacts of an application with their roles."""
        names, rows = self._execute(
            "SELECT c.*, l.role AS role_in FROM contacts c JOIN application_contacts l ON l.contact_id = c.id "
            "WHERE l.owner_id = :owner AND c.owner_id = :owner AND l.application_id = :app ORDER BY c.name, c.id, l.id",
            {"app": app_id},
        )
        build, role = builder(Contact, names), names.index("role_in")
        return [(build(row), ContactRole(row[role])) for row in rows]

    def people_of(self, app_ids: Iterable[int]) -> dict[int, list[tuple[Contact, ContactRole]]]:
        """The contacts of many applications with their roles, in one query."""
        found: dict[int, list[tuple[Contact, ContactRole]]] = {app_id: [] for app_id in app_ids}
        names, rows = self._execute(
            "SELECT c.*, l.role AS role_in, l.application_id AS app_id FROM contacts c "
            "JOIN application_contacts l ON l.contact_id = c.id WHERE l.owner_id = :owner AND c.owner_id = :owner "
            "ORDER BY c.name, c.id, l.id",
            {},
        )
        build, role, app = builder(Contact, names), names.index("role_in"), names.index("app_id")
        for row in rows:
            if row[app] in found:
                found[row[app]].append((build(row), ContactRole(row[role])))
        return found

    def contacts(self) -> list[Contact]:
        """All contacts of this owner, by name."""
        return self._records(Contact, "SELECT * FROM contacts WHERE owner_id = :owner ORDER BY name, id")

    def contact(self, contact_id: int) -> Contact | None:
        """One contact by id."""
        return self._first(
            Contact, "SELECT * FROM contacts WHERE owner_id = :owner AND id = :id", id=contact_id
        )

    # Mail ----------------------------------------------------------------------------------------------------
    def mail_of(self, app_id: int) -> list[MailRecord]:
        """The emails linked to an application, oldest first (what moved it, and why)."""
        return self._records(
            MailRecord,
            "SELECT * FROM mail_messages WHERE owner_id = :owner AND application_id = :app "
            "ORDER BY received_at, id",
            app=app_id,
        )

    def mail_waiting(self) -> list[MailRecord]:
        """Messages waiting for the person's review, oldest first."""
        return self._records(
            MailRecord,
            "SELECT * FROM mail_messages WHERE owner_id = :owner AND status = :status ORDER BY received_at, id",
            status=MailStatus.REVIEW.value,
        )

    def count_mail_waiting(self) -> int:
        """How many messages wait for review."""
        sql = "SELECT COUNT(*) FROM mail_messages WHERE owner_id = :owner AND status = :status"
        return int(self._value(sql, status=MailStatus.REVIEW.value))

    def mail(self, record_id: int) -> MailRecord | None:
        """One kept message by its number."""
        return self._first(
            MailRecord, "SELECT * FROM mail_messages WHERE owner_id = :owner AND id = :id", id=record_id
        )

    def corrected_mail(self) -> list[MailRecord]:
        """Every message the person relabelled, oldest first (their own training data)."""
        return self._records(
            MailRecord,
            "SELECT * FROM mail_messages WHERE owner_id = :owner AND corrected = :yes ORDER BY id",
            yes=True,
        )

    def mail_keys(self) -> set[str]:
        """The key of every message already seen (job mail or not), so a re-import skips it unparsed."""
        return {
            key for (key,) in self._execute("SELECT key FROM mail_messages WHERE owner_id = :owner", {})[1]
        }

    def mail_threads(self) -> list[tuple[str, int]]:
        """(Message-ID, application id) of every message linked to an application, to follow threads."""
        _names, rows = self._execute(
            "SELECT message_id, application_id FROM mail_messages WHERE owner_id = :owner "
            "AND application_id IS NOT NULL AND message_id <> '' ORDER BY id",
            {},
        )
        return [(message_id, app_id) for message_id, app_id in rows]

    def count_mail_read_from(self, prefix: str) -> int:
        """How many kept (not skipped) messages were read from places starting with `prefix` (an account's)."""
        pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        sql = (
            "SELECT COUNT(*) FROM mail_messages WHERE owner_id = :owner AND status <> :skipped "
            "AND source_path LIKE :pattern ESCAPE '\\'"
        )
        return int(self._value(sql, skipped=MailStatus.SKIPPED.value, pattern=pattern))

    def mail_accounts(self) -> list[MailAccount]:
        """The IMAP accounts, by name."""
        return self._records(MailAccount, "SELECT * FROM mail_accounts WHERE owner_id = :owner ORDER BY name")

    def folder_state(self, account_id: int, folder: str) -> FolderState | None:
        """How far one IMAP folder has been read."""
        return self._first(
            FolderState,
            "SELECT * FROM mail_folder_state WHERE owner_id = :owner AND account_id = :account AND folder = :folder",
            account=account_id,
            folder=folder,
        )

    # Coaching --------------------------------------------------------------------------------------------
    def bounce_sessions(self) -> list[BounceSession]:
        """Bounce-back sessions, started or finished, in the order they were started."""
        return self._records(
            BounceSession, "SELECT * FROM bounce_sessions WHERE owner_id = :owner ORDER BY started_at, id"
        )

    def unfinished_session(self, app_id: int) -> BounceSession | None:
        """The latest bounce-back session on an application that was left before its end."""
        return self._first(
            BounceSession,
            "SELECT * FROM bounce_sessions WHERE owner_id = :owner AND application_id = :app "
            "AND finished_at IS NULL ORDER BY started_at DESC, id DESC",
            app=app_id,
        )

    def finished_sessions(self, app_id: int) -> int:
        """How many bounce-back sessions on an application were done to the end."""
        return int(
            self._value(
                "SELECT COUNT(*) FROM bounce_sessions WHERE owner_id = :owner AND application_id = :app "
                "AND finished_at IS NOT NULL",
                app=app_id,
            )
        )

    def checkins(self) -> list[CheckIn]:
        """Weekly check-ins, oldest first."""
        return self._records(CheckIn, "SELECT * FROM checkins WHERE owner_id = :owner ORDER BY at, id")

    def last_checkin_at(self) -> datetime | None:
        """When the person last checked in."""
        return utc_moment(self._value("SELECT MAX(at) FROM checkins WHERE owner_id = :owner"))

    def lessons(self) -> list[Lesson]:
        """Lessons, oldest first."""
        return self._records(Lesson, "SELECT * FROM lessons WHERE owner_id = :owner ORDER BY created_at, id")

    def questions(self) -> list[Question]:
        """The whole question bank, oldest first."""
        return self._records(
            Question, "SELECT * FROM questions WHERE owner_id = :owner ORDER BY created_at, id"
        )

    def question_bank(self, app_id: int) -> list[Question]:
        """The questions for one interview: all hard questions, and the questions to ask kept for this
        application or for every one."""
        return self._records(
            Question,
            "SELECT * FROM questions WHERE owner_id = :owner AND (kind = :hard OR application_id IS NULL "
            "OR application_id = :app) ORDER BY created_at, id",
            hard=QuestionKind.HARD.value,
            app=app_id,
        )

    def feedback_requests(self, app_id: int | None = None) -> list[FeedbackRequest]:
        """Requests for feedback and what came of them, oldest first."""
        where = " AND application_id = :app" if app_id is not None else ""
        return self._records(
            FeedbackRequest,
            f"SELECT * FROM feedback_requests WHERE owner_id = :owner{where} ORDER BY requested_at, id",
            app=app_id,
        )

    def goal(self, year: int) -> Goal | None:
        """The rejection goal of a year."""
        return self._first(Goal, "SELECT * FROM goals WHERE owner_id = :owner AND year = :year", year=year)

    def reminder_states(self) -> list[ReminderState]:
        """The person's answers to reminders."""
        return self._records(
            ReminderState, "SELECT * FROM reminder_states WHERE owner_id = :owner ORDER BY id"
        )

    # Whole search --------------------------------------------------------------------------------------------
    def last_change_wrote(self, table: str, row_id: int) -> bool:
        """Whether this owner's newest change not undone yet is the one that added that row (so "Undo last
        change" would take back exactly it, and nothing done since)."""
        rows = self._rows(
            "SELECT operations FROM changes WHERE owner_id = :owner AND undone = :no ORDER BY id DESC LIMIT 1",
            no=False,
        )
        if not rows:
            return False
        operations = json_value(rows[0]["operations"]) or []
        return any(
            op.get("op") == "insert" and op.get("table") == table and op.get("id") == row_id
            for op in operations
        )

    def data_version(self) -> tuple[Any, ...]:
        """Something that differs whenever this owner's search changed: the journal's newest step, how many
        were undone, and the applications' count and latest update (which also catch writes outside it)."""
        row = self._rows(
            "SELECT (SELECT MAX(id) FROM changes WHERE owner_id = :owner) AS newest, "
            "(SELECT COUNT(*) FROM changes WHERE owner_id = :owner AND undone = :yes) AS undone, "
            "(SELECT COUNT(*) FROM applications WHERE owner_id = :owner) AS apps, "
            "(SELECT MAX(updated_at) FROM applications WHERE owner_id = :owner) AS touched",
            yes=True,
        )[0]
        return (row["newest"], row["undone"], row["apps"], str(row["touched"]))


def _moment(dialect: str, moment: datetime) -> Any:
    """A moment as a parameter compared with stored ones: naive UTC, as text in SQLAlchemy's SQLite format."""
    naive = moment.astimezone(UTC).replace(tzinfo=None)
    return naive.isoformat(sep=" ", timespec="microseconds") if dialect == "sqlite" else naive


def _needs_python(wanted: ApplicationFilter | None) -> bool:
    """Whether part of a filter is answered in Python (company, tag and text follow Python's lower())."""
    return wanted is not None and bool(wanted.company or wanted.tag or wanted.text)


def _stage_filter(wanted: ApplicationFilter | None) -> tuple[str, dict[str, Any]]:
    """The WHERE part for the stages and open/closed parts of a filter."""
    if wanted is None:
        return "", {}
    where, params = "", {}
    if wanted.stages:
        params = {f"s{n}": stage.value for n, stage in enumerate(wanted.stages)}
        where += f" AND a.stage IN ({', '.join(f':{key}' for key in params)})"
    if wanted.active is not None:
        progress = ", ".join(f"'{stage.value}'" for stage in PROGRESS)
        where += f" AND a.stage {'IN' if wanted.active else 'NOT IN'} ({progress})"
    return where, params


def open_sqlite_reads(settings: Settings, owner_id: int) -> ReadModel | None:
    """Reads straight on the SQLite file when it exists at the current schema; else None (open the workspace)."""
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
    return ReadModel(connection, owner_id=owner_id)


__all__ = ["RECORDS", "ApplicationView", "ReadModel", "open_sqlite_reads"]
