"""Which record each table holds, and how a plain DB-API row becomes that record.

The schema maps every table of the search onto a record (orm.py maps each from `RECORDS`); each record
declares its fields' types. A raw value is converted by the type its field declares — an enum, an aware UTC
time, a day, JSON, a boolean — so there is no second table of column kinds to keep in step; a test holds
every column's schema type against its field's. This module imports no SQLAlchemy: the fast reads of the
everyday commands use it without paying for that import.
"""

from __future__ import annotations

import json
import types
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any, TypeVar, Union, get_args, get_origin, get_type_hints

from bounceback.domain.coaching import (
    BounceSession,
    CheckIn,
    FeedbackRequest,
    Goal,
    Lesson,
    Question,
    ReminderState,
)
from bounceback.domain.mail import FolderState, MailAccount, MailRecord
from bounceback.domain.model import (
    LOCAL_OWNER,
    Application,
    ApplicationContact,
    Company,
    Contact,
    Event,
    Interview,
    Person,
)

T = TypeVar("T")
Convert = Callable[[Any], Any]


@dataclass(eq=False)
class JournalEntry:
    """One undo step as the journal keeps it: what the person did, and the operations that revert it."""

    at: datetime
    summary: str
    origin: str
    operations: list[dict[str, Any]]
    undone: bool = False
    id: int | None = None
    owner_id: int = LOCAL_OWNER


# Table name → the record its rows are. Every table of the search is here; the server's own tables
# (server_schema.SERVER_TABLES: logins, cohorts, consent) are read only by its store. A test checks both.
RECORDS: dict[str, type] = {
    "users": Person,
    "companies": Company,
    "applications": Application,
    "contacts": Contact,
    "application_contacts": ApplicationContact,
    "interviews": Interview,
    "events": Event,
    "changes": JournalEntry,
    "mail_messages": MailRecord,
    "mail_accounts": MailAccount,
    "mail_folder_state": FolderState,
    "bounce_sessions": BounceSession,
    "checkins": CheckIn,
    "lessons": Lesson,
    "questions": Question,
    "feedback_requests": FeedbackRequest,
    "goals": Goal,
    "reminder_states": ReminderState,
}
TABLES: dict[type, str] = {cls: table for table, cls in RECORDS.items()}


def utc_moment(raw: Any) -> datetime | None:
    """A stored UTC time as an aware datetime (sqlite3 gives text, psycopg a naive datetime)."""
    if raw is None:
        return None
    value = datetime.fromisoformat(raw) if isinstance(raw, str) else raw
    return value.replace(tzinfo=UTC)


def calendar_day(raw: Any) -> date | None:
    """A stored day (text on sqlite3, a date on psycopg)."""
    if raw is None:
        return None
    return date.fromisoformat(raw) if isinstance(raw, str) else raw


def json_value(raw: Any) -> Any:
    """A stored JSON value (text on sqlite3, decoded already on psycopg)."""
    if raw == "[]":
        return []
    if raw == "{}":
        return {}
    return json.loads(raw) if isinstance(raw, str) else raw


def _converter(hint: Any) -> Convert | None:
    """How a raw value becomes a field of this declared type; None when it arrives as it is (int, str)."""
    if get_origin(hint) in (Union, types.UnionType):
        kept = [arg for arg in get_args(hint) if arg is not type(None)]
        return _converter(kept[0]) if len(kept) == 1 else None
    if get_origin(hint) in (list, dict) or hint in (list, dict):
        return json_value
    if isinstance(hint, type) and issubclass(hint, Enum):
        return _enum_of(hint)
    if hint is datetime:
        return utc_moment
    if hint is date:
        return calendar_day
    if hint is bool:
        return bool
    if hint is float:
        return float
    return None


def _enum_of(kind: type[Enum]) -> Convert:
    """A stored value as its enum member: a dict lookup (calling the enum costs several times more), the enum's
    own lookup for anything else, so an unknown value fails as it always did."""
    members = {member.value: member for member in kind}

    def convert(raw: Any) -> Any:
        found = members.get(raw)
        return kind(raw) if found is None else found

    return convert


_CONVERTERS: dict[type, dict[str, Convert | None]] = {}


def converters(cls: type) -> dict[str, Convert | None]:
    """Each field of a record with its converter, worked out once per record class."""
    if cls not in _CONVERTERS:
        hints = get_type_hints(cls)
        _CONVERTERS[cls] = {f.name: _converter(hints[f.name]) for f in fields(cls)}
    return _CONVERTERS[cls]


_BUILDERS: dict[tuple[type, tuple[str, ...], str], Callable[[Sequence[Any]], Any]] = {}


def builder(cls: type[T], names: Sequence[str], *, prefix: str = "") -> Callable[[Sequence[Any]], T]:
    """A function from one row (a tuple in `names` order) to a record, taking the columns that are its fields
    (`prefix` picks columns named like `c_name` for a record read beside another in a join)."""
    key = (cls, tuple(names), prefix)
    if key not in _BUILDERS:
        _BUILDERS[key] = _compile_builder(cls, names, prefix)
    return _BUILDERS[key]


def _compile_builder(cls: type[T], names: Sequence[str], prefix: str) -> Callable[[Sequence[Any]], T]:
    known = converters(cls)
    plan = [
        (index, field, known[field])
        for index, name in enumerate(names)
        if name.startswith(prefix) and (field := name[len(prefix) :]) in known
    ]

    # One call with the fields spelled out, compiled once per query shape (as dataclasses compile __init__):
    # a loop over the fields costs several times more at thousands of rows.
    scope: dict[str, Any] = {"cls": cls}
    arguments = []
    for number, (index, field, convert) in enumerate(plan):
        if convert is None:
            arguments.append(f"{field}=row[{index}]")
        else:
            scope[f"convert{number}"] = convert
            arguments.append(
                f"{field}=None if (v{number} := row[{index}]) is None else convert{number}(v{number})"
            )
    exec(f"def build(row):\n    return cls({', '.join(arguments)})", scope)  # names are dataclass fields
    built: Callable[[Sequence[Any]], T] = scope["build"]
    return built


def build(cls: type[T], row: dict[str, Any]) -> T:
    """One record from a row given as a dict."""
    return builder(cls, list(row))(list(row.values()))
