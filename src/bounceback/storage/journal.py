"""The undo journal: every flush records what it inserted, changed or deleted, so any change can be reverted.

Capturing at the session level (not in each command) means no write can forget to be undoable. A change is a
list of steps in the order they happened: one per flush, and one per earlier change reverted inside it (a
relabelled email takes back what its first label did). Undo walks the steps backwards, so a row deleted by one
step and a new row given the same id by a later one (SQLite reuses the highest id) come back in the right order.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import Connection, Date, Table, delete, event, insert, inspect, select, update
from sqlalchemy.orm import Session

from bounceback.storage.schema import changes, metadata
from bounceback.storage.types import UTCDateTime

JOURNAL_KEY = "bounceback.journal"
_STORED_KEY = "bounceback.journal.stored"  # old values read from the database before a flush

# Where one step of a change begins. Journals written before steps were marked are one step.
STEP: dict[str, Any] = {"op": "step"}

# Rows that outlive the undo of their insert: a message stays "seen" (marked undone, unlinked), so a
# re-import never reapplies a change the person took back. (A row an undo brought back, "restored", is
# removed again in full when that undo is itself reverted.)
KEPT_ON_UNDO: dict[str, dict[str, Any]] = {
    "mail_messages": {"status": "undone", "application_id": None},
}

Operation = dict[str, Any]


def _to_json(value: Any) -> Any:
    """A column value as JSON-safe data."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _from_json(table: Table, column: str, value: Any) -> Any:
    """A JSON value back to what the column takes."""
    if value is None:
        return None
    kind = table.c[column].type
    if isinstance(kind, UTCDateTime):
        return datetime.fromisoformat(value)
    if isinstance(kind, Date):
        return date.fromisoformat(value)
    return value


def _table_of(obj: Any) -> Table:
    table = inspect(obj).mapper.local_table
    assert isinstance(table, Table)
    return table


def _row(obj: Any) -> dict[str, Any]:
    """Every column of a mapped object, JSON-safe."""
    state = inspect(obj)
    return {attr.key: _to_json(getattr(obj, attr.key)) for attr in state.mapper.column_attrs}


def _unloaded_changes(obj: Any) -> list[str]:
    """Columns set on an object whose old value was never loaded (it was expired), so history cannot tell it."""
    state = inspect(obj)
    missing = []
    for attr in state.mapper.column_attrs:
        history = state.attrs[attr.key].history
        if history.has_changes() and not history.deleted:
            missing.append(attr.key)
    return missing


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    """Read from the database the old values the session does not know, while the database still has them."""
    if session.info.get(JOURNAL_KEY) is None:
        return
    stored: dict[tuple[str, int], dict[str, Any]] = {}
    for obj in session.dirty:
        state = inspect(obj)
        missing = _unloaded_changes(obj) if state.persistent else []
        if not missing:
            continue
        table = _table_of(obj)
        row = session.connection().execute(
            select(*(table.c[key] for key in missing)).where(table.c.id == obj.id)
        )
        values = row.mappings().first()
        if values is not None:
            stored[(table.name, obj.id)] = {key: _to_json(values[key]) for key in missing}
    session.info[_STORED_KEY] = stored


def _before(obj: Any, stored: dict[str, Any]) -> dict[str, Any]:
    """The previous values of the columns a flush changes."""
    state = inspect(obj)
    before: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        history = state.attrs[attr.key].history
        if not history.has_changes():
            continue
        if history.deleted:
            before[attr.key] = _to_json(history.deleted[0])
        elif attr.key in stored:
            before[attr.key] = stored[attr.key]
        else:  # a new value for a column that had none (a pending object made persistent mid-flush)
            before[attr.key] = None
    return before


def _in_order(objects: Any) -> list[Any]:
    """Objects by table and id: sessions keep them in sets, and the journal must read the same every run."""
    return sorted(objects, key=lambda obj: (_table_of(obj).name, obj.id or 0))


def _after_flush(session: Session, _context: Any) -> None:
    """Append this flush's operations to the session's journal, as one step, when it keeps one."""
    journal: list[Operation] | None = session.info.get(JOURNAL_KEY)
    if journal is None:
        return
    stored: dict[tuple[str, int], dict[str, Any]] = session.info.pop(_STORED_KEY, {})
    step: list[Operation] = []
    for obj in _in_order(session.new):
        step.append({"op": "insert", "table": _table_of(obj).name, "id": obj.id})
    for obj in _in_order(session.dirty):
        if session.is_modified(obj, include_collections=False):
            table = _table_of(obj).name
            before = _before(obj, stored.get((table, obj.id), {}))
            if before:
                step.append({"op": "update", "table": table, "id": obj.id, "row": before})
    for obj in _in_order(session.deleted):
        step.append({"op": "delete", "table": _table_of(obj).name, "id": obj.id, "row": _row(obj)})
    if step:
        journal.extend([STEP, *step])


def install(session: Session) -> list[Operation]:
    """Start journaling a session; returns the list that fills as it flushes."""
    journal: list[Operation] = []
    session.info[JOURNAL_KEY] = journal
    if not event.contains(session, "after_flush", _after_flush):
        event.listen(session, "after_flush", _after_flush)
        event.listen(session, "before_flush", _before_flush)
    return journal


def record(session: Session, operations: Iterable[Operation]) -> None:
    """Add operations made outside the ORM to the session's journal, as a step (or steps) of their own."""
    journal: list[Operation] | None = session.info.get(JOURNAL_KEY)
    ops = list(operations)
    if journal is not None and ops:
        journal.extend(ops if ops[0] == STEP else [STEP, *ops])


def amend(session: Session, change_id: int, operations: Iterable[Operation]) -> None:
    """Add a last step to a change already closed (a note written once the change's id was known)."""
    ops = list(operations)
    stored = session.execute(select(changes.c.operations).where(changes.c.id == change_id)).scalar_one()
    session.execute(update(changes).where(changes.c.id == change_id).values(operations=[*stored, STEP, *ops]))


def touched(operations: Iterable[Operation]) -> set[tuple[str, int]]:
    """The rows (table, id) a change wrote."""
    return {(op["table"], op["id"]) for op in operations if op["op"] != STEP["op"]}


def _steps(operations: list[Operation]) -> list[list[Operation]]:
    """A change's operations split into its steps, oldest first."""
    steps: list[list[Operation]] = [[]]
    for op in operations:
        if op["op"] == STEP["op"]:
            steps.append([])
        else:
            steps[-1].append(op)
    return [step for step in steps if step]


def _current(connection: Connection, table: Table, row_id: int, columns: Iterable[str]) -> dict[str, Any]:
    """The stored values of some columns of a row, JSON-safe."""
    found = (
        connection.execute(select(*(table.c[c] for c in columns)).where(table.c.id == row_id))
        .mappings()
        .first()
    )
    return {key: _to_json(value) for key, value in (found or {}).items()}


def _revert_step(connection: Connection, step: list[Operation]) -> list[Operation]:
    """Undo one step: restore deleted rows parents-first, old values, then drop inserted rows children-first.

    Returns the operations that undo this revert, so a revert inside a change can itself be undone.
    """
    order = [t.name for t in metadata.sorted_tables]
    tables = metadata.tables
    undoing: list[Operation] = []
    deleted = sorted((o for o in step if o["op"] == "delete"), key=lambda o: order.index(o["table"]))
    for op in deleted:
        table = tables[op["table"]]
        connection.execute(insert(table).values({k: _from_json(table, k, v) for k, v in op["row"].items()}))
        undoing.append({"op": "insert", "table": op["table"], "id": op["id"], "restored": True})
    for op in reversed([o for o in step if o["op"] == "update"]):
        table = tables[op["table"]]
        undoing.append(
            {
                "op": "update",
                "table": op["table"],
                "id": op["id"],
                "row": _current(connection, table, op["id"], op["row"]),
            }
        )
        values = {k: _from_json(table, k, v) for k, v in op["row"].items()}
        connection.execute(update(table).where(table.c.id == op["id"]).values(values))
    inserted = sorted(
        (o for o in step if o["op"] == "insert"), key=lambda o: order.index(o["table"]), reverse=True
    )
    for op in inserted:
        table = tables[op["table"]]
        kept = None if op.get("restored") else KEPT_ON_UNDO.get(op["table"])
        if kept is None:
            row = _current(connection, table, op["id"], table.c.keys())
            if row:
                undoing.append({"op": "delete", "table": op["table"], "id": op["id"], "row": row})
            connection.execute(delete(table).where(table.c.id == op["id"]))
        else:
            undoing.append(
                {
                    "op": "update",
                    "table": op["table"],
                    "id": op["id"],
                    "row": _current(connection, table, op["id"], kept),
                }
            )
            connection.execute(update(table).where(table.c.id == op["id"]).values(kept))
    return undoing


def revert(connection: Connection, operations: list[Operation]) -> list[Operation]:
    """Undo recorded operations, newest step first; returns what undoes the revert (see `record`)."""
    undoing: list[Operation] = []
    for step in reversed(_steps(operations)):
        done = _revert_step(connection, step)
        if done:
            undoing.extend([STEP, *done])
    return undoing


__all__ = ["amend", "changes", "install", "record", "revert", "touched"]
