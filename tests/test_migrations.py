"""Migrations: a blank database becomes exactly the declared schema; the CLI reports and upgrades it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, Float, Table, UniqueConstraint, inspect, text
from sqlalchemy.types import TypeEngine

from bounceback.settings import Settings
from bounceback.storage.database import alembic_config, create_database_engine, current_revision, upgrade
from bounceback.storage.schema import metadata
from bounceback.storage.version import HEAD_REVISION, KNOWN_REVISIONS
from tests.test_storage import snapshot

FUTURE = "9999_future"
NEWER_MESSAGE = (
    f"This database was written by a newer version of bounceback (schema “{FUTURE}”); "
    "upgrade bounceback to use it. Nothing was changed."
)


@pytest.fixture
def engine(settings: Settings) -> Iterator[Engine]:
    """An engine on the fresh, still blank database."""
    created = create_database_engine(settings)
    yield created
    created.dispose()


def kind(column_type: TypeEngine[Any]) -> tuple[str, int | None]:
    """A column type as the database sees it: generic class and length (decorators unwrapped)."""
    impl = getattr(column_type, "impl", column_type)
    generic = impl.as_generic()
    if isinstance(generic, Float):  # PostgreSQL stores FLOAT as double precision and reflects it so
        return "Float", None
    return type(generic).__name__, getattr(generic, "length", None)


def declared(table: Table) -> dict[str, Any]:
    """What the metadata says one table looks like."""
    uniques = [c for c in table.constraints if isinstance(c, UniqueConstraint)]
    return {
        "columns": {c.name: (kind(c.type), c.nullable) for c in table.columns},
        "primary_key": [c.name for c in table.primary_key],
        "foreign_keys": {
            (
                fk.constraint.name if fk.constraint else None,
                fk.parent.name,
                fk.column.table.name,
                fk.column.name,
            )
            for fk in table.foreign_keys
        },
        "indexes": {(ix.name, tuple(c.name for c in ix.columns), bool(ix.unique)) for ix in table.indexes},
        "uniques": {(u.name, tuple(c.name for c in u.columns)) for u in uniques},
    }


def reflected(engine: Engine, name: str) -> dict[str, Any]:
    """What the database says one table looks like."""
    found = inspect(engine)
    indexes = [ix for ix in found.get_indexes(name) if not ix.get("duplicates_constraint")]
    return {
        "columns": {c["name"]: (kind(c["type"]), c["nullable"]) for c in found.get_columns(name)},
        "primary_key": found.get_pk_constraint(name)["constrained_columns"],
        "foreign_keys": {
            (fk["name"], col, fk["referred_table"], ref)
            for fk in found.get_foreign_keys(name)
            for col, ref in zip(fk["constrained_columns"], fk["referred_columns"], strict=True)
        },
        "indexes": {(ix["name"], tuple(ix["column_names"]), bool(ix["unique"])) for ix in indexes},
        "uniques": {(u["name"], tuple(u["column_names"])) for u in found.get_unique_constraints(name)},
    }


def test_migrating_a_blank_database_gives_exactly_the_declared_schema(engine: Engine) -> None:
    """GIVEN a blank database WHEN migrated THEN its tables, columns, keys and indexes are those of the metadata."""
    assert current_revision(engine) is None
    upgrade(engine)
    assert set(inspect(engine).get_table_names()) == {*metadata.tables, "alembic_version"}
    for table in metadata.sorted_tables:
        assert reflected(engine, table.name) == declared(table), table.name
    with engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), metadata) == []
    assert current_revision(engine) == HEAD_REVISION


def test_head_revision_is_the_one_alembic_knows(engine: Engine) -> None:
    """GIVEN the packaged migrations WHEN Alembic reads them THEN one head, equal to HEAD_REVISION, in order."""
    scripts = ScriptDirectory.from_config(alembic_config(engine))
    assert scripts.get_heads() == [HEAD_REVISION]
    assert tuple(reversed([r.revision for r in scripts.walk_revisions()])) == KNOWN_REVISIONS


def test_migrating_creates_the_local_owner_and_leaves_ids_free(engine: Engine) -> None:
    """GIVEN a migrated database WHEN another user is inserted THEN the local owner is 1 and the new one gets 2."""
    upgrade(engine)
    users = metadata.tables["users"]
    with engine.begin() as connection:
        new_id = connection.execute(users.insert().values(name="second").returning(users.c.id)).scalar_one()
        rows = connection.execute(users.select().order_by(users.c.id)).all()
    assert new_id == 2
    assert [(r.id, r.name) for r in rows] == [(1, "local"), (2, "second")]


def test_every_migration_can_be_reverted_and_replayed(engine: Engine) -> None:
    """GIVEN a migrated database WHEN downgraded to nothing and upgraded again THEN the schema is whole again."""
    upgrade(engine)
    config = alembic_config(engine)
    command.downgrade(config, "base")
    assert set(inspect(engine).get_table_names()) == {"alembic_version"}
    assert current_revision(engine) is None
    command.upgrade(config, "head")
    for table in metadata.sorted_tables:
        assert reflected(engine, table.name) == declared(table), table.name


def _to_future(engine: Engine) -> None:
    """Pretend a newer bounceback wrote this database."""
    upgrade(engine)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": FUTURE})


def test_upgrade_refuses_a_newer_database(engine: Engine, settings: Settings) -> None:
    """GIVEN a database at an unknown newer revision WHEN upgraded THEN refused, and nothing changed."""
    from bounceback.domain.errors import StorageError

    _to_future(engine)
    before = snapshot(settings.url)
    with pytest.raises(StorageError) as raised:
        upgrade(engine)
    assert raised.value.message == NEWER_MESSAGE
    assert snapshot(settings.url) == before


def test_db_status_and_upgrade_from_blank(cli: Any) -> None:
    """GIVEN a blank database WHEN `db status`, `db upgrade`, `db status` run THEN each says where it stands."""
    assert "Schema: empty; it is created on first use" in cli("db", "status").stdout
    assert cli("db", "upgrade").stdout.strip() == f"Schema is current ({HEAD_REVISION})."
    done = cli("db", "status")
    assert done.stdout.splitlines()[0].startswith("Database: ")
    assert f"Schema: {HEAD_REVISION} (current)." in done.stdout


@pytest.mark.skipif(len(KNOWN_REVISIONS) < 2, reason="only one revision exists, so there is nothing older")
def test_an_older_database_is_upgraded_and_keeps_its_data(
    cli: Any, engine: Engine, settings: Settings
) -> None:
    """GIVEN data at the previous revision WHEN status, then any command runs THEN it is upgraded, data kept."""
    older = KNOWN_REVISIONS[-2]
    command.upgrade(alembic_config(engine), older)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO companies (id, owner_id, name, domains, notes) VALUES (1, 1, 'Acme', '[]', '');"
            )
        )
        connection.execute(
            text(
                "INSERT INTO applications (id, owner_id, company_id, slug, role, location, url, salary_currency,"
                " dream_job, tags, notes, stage, furthest_stage, close_reason, interview_rounds)"
                " VALUES (1, 1, 1, 'acme-data-engineer', 'Data Engineer', '', '', '', false, '[]', '',"
                " 'applied', 'applied', '', 0)"
            )
        )
    engine.dispose()
    status = cli("db", "status").stdout
    assert f"Schema: {older}; {HEAD_REVISION} is available: run `bounceback db upgrade`." in status
    listed = json.loads(cli("list", "--json").stdout)
    assert [(a["name"], a["stage"]) for a in listed] == [("acme-data-engineer", "applied")]
    assert current_revision(engine) == HEAD_REVISION


@pytest.mark.parametrize(
    "args", [("list",), ("add", "Acme", "Data Engineer"), ("db", "upgrade"), ("db", "status")]
)
def test_cli_refuses_a_newer_database_plainly(
    cli: Any, engine: Engine, settings: Settings, args: tuple[str]
) -> None:
    """GIVEN a database from a newer version WHEN a command runs THEN one sentence, exit 1, nothing changed."""
    _to_future(engine)
    engine.dispose()
    before = snapshot(settings.url)
    done = cli(*args, check=False)
    assert done.returncode == 1
    assert done.stderr.strip() == NEWER_MESSAGE
    assert "Traceback" not in done.stdout + done.stderr
    assert snapshot(settings.url) == before


def test_the_mail_source_column_is_renamed_in_the_undo_journal_too(engine: Engine) -> None:
    """GIVEN an undo step recorded before `mail_messages.origin` became `source_path` WHEN the database is
    upgraded THEN the step names the new column (so undoing it writes a column that exists), other rows stay."""
    command.upgrade(alembic_config(engine), "0003_coaching")
    ops = [
        {"op": "delete", "table": "mail_messages", "id": 7, "row": {"id": 7, "origin": "inbox.mbox#3"}},
        {"op": "update", "table": "events", "id": 2, "row": {"origin": "manual"}},
    ]
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO changes (owner_id, at, summary, origin, operations, undone) VALUES (1, :at, 's', 'email', :ops, false)"
            ),
            {"at": "2026-03-01 10:00:00", "ops": json.dumps(ops)},
        )
    upgrade(engine)
    with engine.connect() as connection:
        stored = connection.execute(text("SELECT operations FROM changes")).scalar_one()
    stored = json.loads(stored) if isinstance(stored, str) else stored
    assert stored[0]["row"] == {"id": 7, "source_path": "inbox.mbox#3"}
    assert stored[1]["row"] == {"origin": "manual"}
