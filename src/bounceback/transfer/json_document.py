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
from bounceback.domain.errors import InvalidInput
from bounceback.domain.model import (
    EDITABLE,
    Application,
    ApplicationContact,
    Company,
    Contact,
    Event,
    Interview,
)

FORMAT = "bounceback"
VERSION = 1

Record = dict[str, Any]
Document = dict[str, list[Record]]


@dataclass(frozen=True)
class Table:
    """One kind of record in the document, with the fields that point at other records."""

    key: str
    singular: str  # how one record is named in messages
    cls: type
    refs: tuple[tuple[str, str], ...] = ()


# Parents before children, so records can be stored in this order.
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
    Table("interviews", "interview", Interview, (("application_id", "applications"),)),
    Table("events", "timeline entry", Event, (("application_id", "applications"),)),
)
_SINGULAR = {t.key: t.singular for t in TABLES}
_SKIPPED = {"owner_id"}


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
    """One stored object as a document record, its id and references replaced by document keys."""
    record: Record = {"id": keys[table.key][obj.id]}
    refs = dict(table.refs)
    for f in fields(obj):
        if f.name in _SKIPPED or f.name == "id":
            continue
        value = getattr(obj, f.name)
        if f.name in refs and value is not None:
            value = keys[refs[f.name]][value]
        record[f.name] = encode_value(value)
    return record


def build_document(rows: dict[str, list[Any]]) -> dict[str, Any]:
    """The document for stored objects given per table (each list in id order)."""
    keys = {t.key: {obj.id: n for n, obj in enumerate(rows[t.key], start=1)} for t in TABLES}
    document: dict[str, Any] = {"format": FORMAT, "version": VERSION}
    for table in TABLES:
        document[table.key] = [encode_record(obj, keys, table) for obj in rows[table.key]]
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
    if hint in checks and not isinstance(value, checks[hint]):
        raise ValueError(f"should be {hint.__name__ if hint is not datetime else 'a time'}, not {value!r}")
    if hint is datetime:
        moment = datetime.fromisoformat(value)
        return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(UTC)
    if hint is date:
        return date.fromisoformat(value)
    if get_origin(hint) is list:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValueError("should be a list of texts")
        return list(value)
    if get_origin(hint) is dict:
        if not isinstance(value, dict):
            raise ValueError("should be an object")
        return dict(value)
    return value


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


def parse_document(text: str, source: str) -> Document:
    """The checked records of a document's text; InvalidInput with one sentence when anything is off."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidInput(f"“{source}” is not valid JSON (line {exc.lineno}, column {exc.colno}).") from None
    _check_header(data, source)
    document: Document = {}
    for table in TABLES:
        raw_list = data.get(table.key, [])
        if not isinstance(raw_list, list):
            raise InvalidInput(f"In “{source}”, “{table.key}” is not a list.")
        document[table.key] = [
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
    }
    for key, check in checks.items():
        for position, record in enumerate(document.get(key, []), start=1):
            try:
                check(record)
            except InvalidInput as exc:
                raise InvalidInput(f"In “{source}”, {_SINGULAR[key]} #{position}: {exc.message}") from None
