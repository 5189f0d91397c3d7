"""The read model: one record per table, converted by the types the schema declares, the same records by the ORM
and by plain SQL, and the list's filters, sorts and limits answered as the domain answers them."""

from __future__ import annotations

import random
import types
from dataclasses import fields
from datetime import UTC, date, datetime, timedelta
from enum import Enum
from typing import Any, Union, get_args, get_origin, get_type_hints

import pytest
from sqlalchemy import JSON, Boolean, Date, Float, Integer, String, Table, Text, select

from bounceback.domain.filters import SORTS, ApplicationFilter, select_applications
from bounceback.domain.model import Application, Company, Person
from bounceback.domain.stages import Stage
from bounceback.storage.reads import ReadModel
from bounceback.storage.records import RECORDS
from bounceback.storage.schema import metadata
from bounceback.storage.server_schema import SERVER_TABLES
from bounceback.storage.types import EnumText, UTCDateTime
from tests.workspaces import change_session, open_workspace, plain_reads

WHEN = datetime(2026, 3, 2, 9, 30, 15, 250_000, tzinfo=UTC)


def declared_type(hint: Any) -> Any:
    """A field's type without `| None`, and list/dict for their parametrised forms."""
    if get_origin(hint) in (Union, types.UnionType):
        kept = [arg for arg in get_args(hint) if arg is not type(None)]
        assert len(kept) == 1, hint
        hint = kept[0]
    return get_origin(hint) or hint


def schema_type(table: Table, column: str) -> Any:
    """What a column holds, by the schema's own column type."""
    kind = table.c[column].type
    if isinstance(kind, EnumText):
        return kind.enum_class
    simple = {
        UTCDateTime: datetime,
        Date: date,
        Boolean: bool,
        Float: float,
        Integer: int,
        String: str,
        Text: str,
    }
    if isinstance(kind, JSON):
        return (list, dict)
    return next(python for sql, python in simple.items() if isinstance(kind, sql))


SERVER_ONLY = {t.name for t in SERVER_TABLES}
SEARCH_TABLES = [t for t in metadata.sorted_tables if t.name not in SERVER_ONLY]


def test_every_table_holds_one_kind_of_record() -> None:
    """GIVEN the schema WHEN its tables are held against the read model's records THEN each table of the search
    has one, and every other table is one of the server's own (read only by its store), never neither."""
    assert set(RECORDS) == set(metadata.tables) - SERVER_ONLY
    assert SERVER_ONLY and not SERVER_ONLY & set(RECORDS) and set(metadata.tables) >= SERVER_ONLY


@pytest.mark.parametrize("table", sorted(RECORDS))
def test_every_column_is_a_field_of_the_schemas_type(table: str) -> None:
    """GIVEN one table of the schema WHEN each column is held against its record's field THEN the field exists,
    and declares what the column type holds (so converting by the field's type converts by the schema's)."""
    cls = RECORDS[table]
    hints = get_type_hints(cls)
    assert {c.name for c in metadata.tables[table].columns} == {f.name for f in fields(cls)}
    for column in metadata.tables[table].columns:
        wanted, found = schema_type(metadata.tables[table], column.name), declared_type(hints[column.name])
        assert found in wanted if isinstance(wanted, tuple) else found is wanted, (table, column.name)


# The same records by both paths -----------------------------------------------------------------------------
def sample(cls: type, column_ids: dict[str, int], n: int) -> Any:
    """A record of `cls` with every field set to something other than its default (foreign keys to the rows
    written before it)."""
    hints = get_type_hints(cls)
    values: dict[str, Any] = {}
    for field in fields(cls):
        if field.name in ("id", "owner_id"):
            continue
        if field.name in column_ids:
            values[field.name] = column_ids[field.name]
            continue
        kind = declared_type(hints[field.name])
        if isinstance(kind, type) and issubclass(kind, Enum):
            values[field.name] = list(kind)[-1 - n % len(kind)]
        elif kind is datetime:
            values[field.name] = WHEN + timedelta(days=n, minutes=len(field.name))
        elif kind is date:
            values[field.name] = date(2026, 2, 1) + timedelta(days=n)
        elif kind is bool:
            values[field.name] = True
        elif kind is float:
            values[field.name] = 0.625
        elif kind is int:
            values[field.name] = 3 + n
        elif kind is list:
            values[field.name] = (
                [{"op": "insert", "table": "events", "id": 9}] if cls.__name__ == "JournalEntry" else [1, 2]
            )
        elif kind is dict:
            values[field.name] = {"k": "v", "n": n}
        else:
            values[field.name] = f"é{n}"  # short: some columns hold 8 characters
    return cls(**values)


def plain(record: Any) -> dict[str, tuple[type, Any]]:
    """A record's fields with the type of each value (True == 1 and Stage.SAVED == "saved" in Python, so equal
    values alone would hide a value left unconverted), whichever class built the record."""
    return {f.name: (type(getattr(record, f.name)), getattr(record, f.name)) for f in fields(record)}


def test_the_orm_and_plain_sql_return_the_same_records_on_every_table(settings) -> None:
    """GIVEN two records in every table, every field set, written through the ORM WHEN each table is read back
    by the ORM and by the plain-SQL read model THEN the records are equal, field by field, on every table."""
    workspace = open_workspace(settings)
    try:
        ids: dict[str, int] = {}
        with change_session(workspace, "seed") as session:
            for table in SEARCH_TABLES:
                cls = RECORDS[table.name]
                references = {
                    c.name: ids[next(iter(c.foreign_keys)).column.table.name]
                    for c in table.columns
                    if c.foreign_keys and c.name != "owner_id"
                }
                for n in range(2):
                    record = session_add(session, sample(cls, references, n))
                ids[table.name] = record.id
        compared = set()
        with change_session(workspace, "look") as session, plain_reads(workspace) as read:
            for table in SEARCH_TABLES:
                cls = RECORDS[table.name]
                by_orm = orm_records(session, cls, table)
                by_sql = read.records(cls)
                assert [plain(r) for r in by_sql] == [plain(r) for r in by_orm], table.name
                assert len(by_sql) >= 1 and all(type(r).__name__ == cls.__name__ for r in by_sql)
                compared.add(table.name)
        assert compared == set(RECORDS)
    finally:
        workspace.close()


def session_add(session: Any, record: Any) -> Any:
    """Write one record through the ORM and return what the ORM tracks."""
    from tests.workspaces import add_record

    return add_record(session, record)


def orm_records(session: Any, cls: type, table: Table) -> list[Any]:
    """A table's records of this owner as the ORM loads them, by id (for users: the owner themselves)."""
    from tests.workspaces import orm_class

    mapped = orm_class(cls)
    where = table.c.id == 1 if cls is Person else table.c.owner_id == 1
    return list(session.scalars(select(mapped).where(where).order_by(table.c.id)))


# Filtering, sorting, counting and limiting in SQL -------------------------------------------------------------
def varied_applications(session: Any) -> None:
    """Forty applications with ties, gaps and every stage: what sorting and filtering can trip on."""
    rng = random.Random(11)
    company = session_add(session, Company(name="Acme"))
    session.flush()
    for n in range(40):
        stage = rng.choice(list(Stage))
        moment = None if n % 9 == 0 else WHEN - timedelta(days=rng.randint(0, 5))
        session_add(
            session,
            Application(
                company_id=company.id, role=rng.choice(["Analyst", "analyst", "Engineer", "Écrivain"]),
                slug=f"acme-{n}", stage=stage, furthest_stage=stage if stage.is_progress else Stage.APPLIED,
                updated_at=moment, created_at=moment, applied_on=None if n % 4 == 0 else date(2026, 3, rng.randint(1, 4)),
                excitement=None if n % 3 == 0 else rng.randint(1, 5), tags=["remote"] if n % 2 else [],
            ),
        )  # fmt: skip


FILTERS = [
    None,
    ApplicationFilter(),
    ApplicationFilter(active=True),
    ApplicationFilter(active=False),
    ApplicationFilter(stages=[Stage.APPLIED, Stage.REJECTED]),
    ApplicationFilter(stages=[Stage.APPLIED], active=True),
    ApplicationFilter(tag="remote", active=True),
    ApplicationFilter(text="analyst"),
]


def test_applications_are_filtered_sorted_counted_and_limited_as_the_domain_does(settings) -> None:
    """GIVEN applications with tied and missing dates WHEN the read model is asked for every sort, several
    filters and limits THEN it returns exactly what the domain's select_applications gives, and counts alike."""
    workspace = open_workspace(settings)
    try:
        with change_session(workspace, "seed") as session:
            varied_applications(session)
        with plain_reads(workspace) as read:
            assert isinstance(read, ReadModel)
            everything = [(v.app, v.company) for v in read.applications()]
            for wanted in FILTERS:
                for sort in SORTS:
                    expected = [
                        a.id for a, _ in select_applications(everything, wanted or ApplicationFilter(), sort)
                    ]
                    for limit in (None, 1, 7):
                        found = [v.app.id for v in read.applications(wanted, sort=sort, limit=limit)]
                        assert found == expected[:limit], (wanted, sort, limit)
                assert read.count_applications(wanted) == len(expected), wanted
    finally:
        workspace.close()
