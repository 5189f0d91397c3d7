"""The bounceback JSON document: a whole workspace as plain data, keyed by the document's own numbers.

Every record carries its fields by their domain names. `id` is the record's key inside the document (1, 2, 3…
in the order the records were made) and references (`company_id`, `application_id`, `contact_id`) use those
keys, so the document does not depend on the database's ids and re-exporting an import gives the same text.
"""

from __future__ import annotations

import json
import types
from collections.abc import Callable
from dataclasses import MISSING, dataclass, fields
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any, Union, get_args, get_origin, get_type_hints

from bounceback.domain import rules
from bounceback.domain.coaching import (
    BounceSession,
    CheckIn,
    FeedbackRequest,
    Goal,
    Lesson,
    Question,
    ReminderState,
)
from bounceback.domain.errors import InvalidInput
from bounceback.domain.mail import FolderState, MailAccount, MailRecord
from bounceback.domain.model import (
    EDITABLE,
    Application,
    ApplicationContact,
    Company,
    Contact,
    Event,
    Interview,
)
from bounceback.transfer import json_links

FORMAT = "bounceback"
# 1: the tracker only (companies, applications, contacts, links, interviews, timeline).
# 2: everything: mail, accounts (never a secret), sessions, check-ins, lessons, questions, feedback requests,
#    goals and reminder answers; ids inside reminder keys and JSON fields are the document's keys too.
VERSION = 2

Record = dict[str, Any]
Embedded = Callable[[Record, json_links.Resolve], Record | None]


@dataclass(frozen=True)
class Table:
    """One kind of record in the document (its key is the database table's name), with the fields that point
    at other records, and, where ids hide inside a value, the function that translates them."""

    key: str
    singular: str  # how one record is named in messages
    cls: type
    refs: tuple[tuple[str, str], ...] = ()
    embedded: Embedded | None = None


_BY_APPLICATION = (("application_id", "applications"),)

# Parents before children, and every record after those its values name, so records can be stored in order.
TABLES: tuple[Table, ...] = (
    Table("companies", "company", Company),
    Table("applications", "application", Application, (("company_id", "companies"),)),
    Table("contacts", "contact", Contact, (("company_id", "companies"),)),
    Table(
        "application_contacts",
        "contact link",
        ApplicationContact,
        (("application_id", "applications"), ("contact_id", "contacts")),
    ),
    Table("interviews", "interview", Interview, _BY_APPLICATION),
    Table(
        "feedback_requests",
        "feedback request",
        FeedbackRequest,
        (("application_id", "applications"), ("contact_id", "contacts")),
    ),
    Table("events", "timeline entry", Event, _BY_APPLICATION, json_links.event_details),
    Table("mail_accounts", "mail account", MailAccount),
    Table("mail_folder_state", "mail folder", FolderState, (("account_id", "mail_accounts"),)),
    Table("mail_messages", "email", MailRecord, _BY_APPLICATION, json_links.mail_details),
    Table(
        "bounce_sessions", "bounce-back session", BounceSession, _BY_APPLICATION, json_links.session_answers
    ),
    Table("lessons", "lesson", Lesson, _BY_APPLICATION),
    Table("questions", "question", Question, _BY_APPLICATION),
    Table("checkins", "check-in", CheckIn),
    Table("goals", "goal", Goal),
    Table("reminder_states", "reminder answer", ReminderState, embedded=json_links.reminder_key),
)
_SINGULAR = {t.key: t.singular for t in TABLES}
_SKIPPED = {"owner_id"}


@dataclass
class Document:
    """A read document: its format version and its checked records per table (keys still the document's)."""

    version: int
    tables: dict[str, list[Record]]

    def __getitem__(self, key: str) -> list[Record]:
        return self.tables[key]


def encode_value(value: Any) -> Any:
    """A domain value as JSON data: enums by value, times and days in ISO form."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return list(value)
    if isinstance(value, dict):
        return dict(value)
    return value


def encode_record(obj: Any, keys: dict[str, dict[int, int]], table: Table) -> Record:
    """One stored object as a document record, its references replaced by document keys (its own `id` is
    given once the table's records are known)."""
    record: Record = {"id": None}
    refs = dict(table.refs)
    for f in fields(obj):
        if f.name in _SKIPPED or f.name == "id":
            continue
        value = getattr(obj, f.name)
        if f.name in refs and value is not None:
            value = keys[refs[f.name]][value]
        record[f.name] = encode_value(value)
    return record


def build_document(rows: dict[str, list[Any]], *, exported_at: datetime | None = None) -> dict[str, Any]:
    """The document for stored objects given per table (each list in id order).

    Tables are numbered in order, so every table a record points at already has its keys; a record whose
    hidden references name something gone (see json_links) is left out before the numbering.
    """
    moment = (exported_at or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    document: dict[str, Any] = {"format": FORMAT, "version": VERSION, "exported_at": moment.isoformat()}
    keys: dict[str, dict[int, int]] = {}

    def resolve(key: str, db_id: int) -> int | None:
        return keys[key].get(db_id)

    for table in TABLES:
        kept: list[tuple[int, Record]] = []
        for obj in rows[table.key]:
            record: Record | None = encode_record(obj, keys, table)
            if table.embedded is not None and record is not None:
                record = table.embedded(record, resolve)
            if record is not None:
                kept.append((obj.id, record))
        keys[table.key] = {db_id: n for n, (db_id, _) in enumerate(kept, start=1)}
        for n, (_, record) in enumerate(kept, start=1):
            record["id"] = n
        document[table.key] = [record for _, record in kept]
    return document


def dump_document(document: dict[str, Any]) -> str:
    """The document as indented JSON text."""
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


# Reading ---------------------------------------------------------------------------------------------------
def _decode(hint: Any, value: Any) -> Any:
    """A JSON value as the type a domain field declares; raises ValueError with a short reason."""
    if get_origin(hint) in (Union, types.UnionType):
        if value is None:
            return None
        hint = next(a for a in get_args(hint) if a is not type(None))
    if value is None:
        raise ValueError("is empty")
    if isinstance(hint, type) and issubclass(hint, Enum):
        return hint(value)
    checks: dict[Any, type | tuple[type, ...]] = {str: str, bool: bool, datetime: str, date: str}
    if hint is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"should be a whole number, not {value!r}")
        return value
    if hint is float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(f"should be a number, not {value!r}")
        return float(value)
    if hint in checks and not isinstance(value, checks[hint]):
        raise ValueError(f"should be {hint.__name__ if hint is not datetime else 'a time'}, not {value!r}")
    if hint is datetime:
        moment = datetime.fromisoformat(value)
        return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(UTC)
    if hint is date:
        return date.fromisoformat(value)
    if get_origin(hint) is list:
        return _decode_list(get_args(hint)[0], value)
    if get_origin(hint) is dict:
        if not isinstance(value, dict):
            raise ValueError("should be an object")
        return dict(value)
    return value


def _decode_list(item: Any, value: Any) -> list[Any]:
    """A list of texts or of whole numbers."""
    if item is int:
        if not isinstance(value, list) or not all(
            isinstance(v, int) and not isinstance(v, bool) for v in value
        ):
            raise ValueError("should be a list of whole numbers")
    elif not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError("should be a list of texts")
    return list(value)


def decode_record(table: Table, raw: Any, position: int, source: str) -> Record:
    """A document record as domain values (keys still the document's), or one sentence saying what is wrong."""
    where = f"In “{source}”, {table.singular} #{position}"
    if not isinstance(raw, dict):
        raise InvalidInput(f"{where} is not an object.")
    hints = get_type_hints(table.cls)
    wanted = {f.name: f for f in fields(table.cls) if f.name not in _SKIPPED}
    unknown = sorted(set(raw) - set(wanted))
    if unknown:
        raise InvalidInput(f"{where} has a field this version does not know: {', '.join(unknown)}.")
    record: Record = {}
    for name, f in wanted.items():
        if name not in raw:
            if f.default is MISSING and f.default_factory is MISSING:
                raise InvalidInput(f"{where} has no “{name}”.")
            continue
        try:
            record[name] = _decode(hints[name], raw[name])
        except (ValueError, TypeError) as exc:
            raise InvalidInput(f"{where} has a bad “{name}”: {exc}.") from None
    if record.get("id") is None:
        raise InvalidInput(f"{where} has no “id”.")
    return record


def _check_references(document: Document, source: str) -> None:
    """Every reference must name a record of the document, and every key must be used once."""
    known: dict[str, set[int]] = {}
    for table in TABLES:
        ids = [r["id"] for r in document[table.key]]
        if len(set(ids)) != len(ids):
            raise InvalidInput(f"In “{source}”, two of the {table.key.replace('_', ' ')} share one id.")
        known[table.key] = set(ids)
        for position, record in enumerate(document[table.key], start=1):
            for field_name, target in table.refs:
                value = record.get(field_name)
                if value is not None and value not in known[target]:
                    raise InvalidInput(
                        f"In “{source}”, {table.singular} #{position} points at "
                        f"{_SINGULAR[target]} {value}, which is not in the file."
                    )


def _check_zones(document: Document, source: str) -> None:
    """Interview time zones must be real IANA names, or showing them would fail later."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    for position, record in enumerate(document["interviews"], start=1):
        zone = record.get("timezone", "UTC")
        try:
            ZoneInfo(zone)
        except (ZoneInfoNotFoundError, ValueError):
            raise InvalidInput(
                f"In “{source}”, interview #{position} has an unknown time zone “{zone}”."
            ) from None


def _check_header(data: Any, source: str) -> None:
    """The document must say it is ours, in a version this program reads."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InvalidInput(f'“{source}” is not a bounceback export (it lacks "format": "bounceback").')
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise InvalidInput(f"“{source}” has a version ({version!r}) that bounceback never writes.")
    if version > VERSION:
        raise InvalidInput(
            f"“{source}” was written by a newer bounceback (format version {version}); "
            "upgrade bounceback to import it."
        )


# What each version held: version 1 had the tracker only, and wrote ids inside values as they were.
V1_TABLES = frozenset(
    {"companies", "applications", "contacts", "application_contacts", "interviews", "events"}
)


def parse_document(text: str, source: str) -> Document:
    """The checked records of a document's text; InvalidInput with one sentence when anything is off."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidInput(f"“{source}” is not valid JSON (line {exc.lineno}, column {exc.colno}).") from None
    _check_header(data, source)
    version = data["version"]
    document = Document(version, {})
    for table in TABLES:
        raw_list = data.get(table.key, []) if version > 1 or table.key in V1_TABLES else []
        if not isinstance(raw_list, list):
            raise InvalidInput(f"In “{source}”, “{table.key}” is not a list.")
        document.tables[table.key] = [
            decode_record(table, raw, n, source) for n, raw in enumerate(raw_list, start=1)
        ]
    _check_references(document, source)
    _check_zones(document, source)
    _check_rules(document, source)
    return document


def _check_rules(document: Document, source: str) -> None:
    """Every value must pass the rule book the tracker writes by (a file edited by hand, or made elsewhere,
    may hold a header-breaking email address or a negative salary); a record that does not refuses the file."""
    today = datetime.now(UTC).date()
    checks: dict[str, Callable[[Record], None]] = {
        "companies": lambda r: rules.check_application({"company": r.get("name", "")}, today),
        "applications": lambda r: rules.check_application(
            {k: v for k, v in r.items() if k in EDITABLE}, today
        ),
        "contacts": lambda r: rules.check_contact(
            {k: r[k] for k in ("name", "email", "phone", "title", "linkedin_url", "notes") if k in r}
        ),
        "interviews": lambda r: rules.check_interview(
            starts_at=r["starts_at"],
            duration_minutes=r.get("duration_minutes", 60),
            round_number=r.get("round", 1),
            texts={k: r.get(k, "") for k in ("location", "interviewers", "notes")},
            today=today,
        ),
        "goals": lambda r: rules.check_goal(r["year"], r["rejections"], today),
    }
    for key, check in checks.items():
        for position, record in enumerate(document.tables.get(key, []), start=1):
            try:
                check(record)
            except InvalidInput as exc:
                raise InvalidInput(f"In “{source}”, {_SINGULAR[key]} #{position}: {exc.message}") from None
