"""The undo journal: every flush records what it inserted, changed or deleted, so any change can be reverted.

Capturing at the session level (not in each command) means no write can forget to be undoable.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import Connection, Date, Table, delete, event, insert, inspect, update
from sqlalchemy.orm import Session

from bounceback.storage.schema import changes, metadata
from bounceback.storage.types import UTCDateTime

JOURNAL_KEY = "bounceback.journal"

# Rows that outlive the undo of their insert: a message stays "seen" (marked undone, unlinked), so a
# re-import never reapplies a change the person took back.
KEPT_ON_UNDO: dict[str, dict[str, Any]] = {
    "mail_messages": {"status": "undone", "application_id": None},
}


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


def _row(obj: Any) -> dict[str, Any]:
    """Every column of a mapped object, JSON-safe."""
    state = inspect(obj)
    return {attr.key: _to_json(getattr(obj, attr.key)) for attr in state.mapper.column_attrs}


def _before(obj: Any) -> dict[str, Any]:
    """The previous values of the columns a flush changes."""
    state = inspect(obj)
    before: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        history = state.attrs[attr.key].history
        if history.has_changes():
            before[attr.key] = _to_json(history.deleted[0] if history.deleted else None)
    return before


def _in_order(objects: Any) -> list[Any]:
    """Objects by table and id: sessions keep them in sets, and the journal must read the same every run."""
    return sorted(objects, key=lambda obj: (inspect(obj).mapper.local_table.name, obj.id or 0))


def _after_flush(session: Session, _context: Any) -> None:
    """Append this flush's operations to the session's journal, when it keeps one."""
    journal: list[dict[str, Any]] | None = session.info.get(JOURNAL_KEY)
    if journal is None:
        return
    for obj in _in_order(session.new):
        journal.append({"op": "insert", "table": inspect(obj).mapper.local_table.name, "id": obj.id})
    for obj in _in_order(session.dirty):
        if session.is_modified(obj, include_collections=False):
            before = _before(obj)
            if before:
                table = inspect(obj).mapper.local_table.name
                journal.append({"op": "update", "table": table, "id": obj.id, "row": before})
    for obj in _in_order(session.deleted):
        journal.append(
            {"op": "delete", "table": inspect(obj).mapper.local_table.name, "id": obj.id, "row": _row(obj)}
        )


def install(session: Session) -> list[dict[str, Any]]:
    """Start journaling a session; returns the list that fills as it flushes."""
    journal: list[dict[str, Any]] = []
    session.info[JOURNAL_KEY] = journal
    if not event.contains(session, "after_flush", _after_flush):
        event.listen(session, "after_flush", _after_flush)
    return journal


def revert(connection: Connection, operations: list[dict[str, Any]]) -> None:
    """Undo recorded operations: restore deleted rows parents-first, old values, then drop inserted rows."""
    order = [t.name for t in metadata.sorted_tables]
    tables = metadata.tables
    deleted = sorted((o for o in operations if o["op"] == "delete"), key=lambda o: order.index(o["table"]))
    for op in deleted:
        table = tables[op["table"]]
        connection.execute(insert(table).values({k: _from_json(table, k, v) for k, v in op["row"].items()}))
    for op in reversed([o for o in operations if o["op"] == "update"]):
        table = tables[op["table"]]
        values = {k: _from_json(table, k, v) for k, v in op["row"].items()}
        connection.execute(update(table).where(table.c.id == op["id"]).values(values))
    inserted = sorted(
        (o for o in operations if o["op"] == "insert"), key=lambda o: order.index(o["table"]), reverse=True
    )
    for op in inserted:
        table = tables[op["table"]]
        kept = KEPT_ON_UNDO.get(op["table"])
        if kept is None:
            connection.execute(delete(table).where(table.c.id == op["id"]))
        else:
            connection.execute(update(table).where(table.c.id == op["id"]).values(kept))


__all__ = ["changes", "install", "revert"]
