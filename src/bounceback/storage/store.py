"""One change's records as the ORM tracks them, for one owner: add, find, change in place, delete.

What is changed here is journaled by the session (journal.py), so `undo` reverts it. Every lookup is
filtered by the owner, and a record found by id that belongs to someone else is not found.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TypeVar

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.sql import ColumnElement

from bounceback.domain.model import Contact, ContactRole, Person
from bounceback.storage import journal
from bounceback.storage.orm import as_stored, stored_class
from bounceback.storage.records import TABLES
from bounceback.storage.schema import application_contacts, contacts, metadata

T = TypeVar("T")
Order = str | Sequence[str]


class Store:
    """The tracked records of one transaction, for one owner."""

    def __init__(self, session: Session, owner_id: int) -> None:
        self.session = session
        self.owner_id = owner_id

    # Finding ---------------------------------------------------------------------------------------------
    def _where(self, cls: type, equal: Mapping[str, Any]) -> list[ColumnElement[bool]]:
        table = metadata.tables[TABLES[_plain(cls)]]
        conditions = [table.c.owner_id == self.owner_id]
        for name, value in equal.items():
            column = table.c[name]
            conditions.append(column.is_(None) if value is None else column == value)
        return conditions

    def _order(self, cls: type, order: Order) -> list[Any]:
        table = metadata.tables[TABLES[_plain(cls)]]
        names = [order] if isinstance(order, str) else list(order)
        return [table.c[n[1:]].desc() if n.startswith("-") else table.c[n] for n in names]

    def all(self, cls: type[T], *, order: Order = "id", **equal: Any) -> list[T]:
        """This owner's records of one kind whose columns equal the values given, in `order` ('-name':
        descending)."""
        query = select(stored_class(cls)).where(*self._where(cls, equal)).order_by(*self._order(cls, order))
        return list(self.session.scalars(query))

    def first(self, cls: type[T], *, order: Order = "id", **equal: Any) -> T | None:
        """The first such record, or None."""
        query = select(stored_class(cls)).where(*self._where(cls, equal)).order_by(*self._order(cls, order))
        return self.session.scalars(query.limit(1)).first()

    def get(self, cls: type[T], record_id: int | None) -> T | None:
        """A record by id; None when there is none, or when it is someone else's."""
        if record_id is None:
            return None
        found = self.session.get(stored_class(cls), record_id)
        return found if found is not None and getattr(found, "owner_id", None) == self.owner_id else None

    def count(self, cls: type, **equal: Any) -> int:
        """How many such records this owner has."""
        table = metadata.tables[TABLES[_plain(cls)]]
        query = select(func.count()).select_from(table).where(*self._where(cls, equal))
        return int(self.session.scalar(query) or 0)

    def values(self, cls: type, *columns: str, order: Order = "id") -> list[tuple[Any, ...]]:
        """Some columns of every record of one kind, without loading the records."""
        table = metadata.tables[TABLES[_plain(cls)]]
        query = select(*(table.c[c] for c in columns)).where(*self._where(cls, {}))
        query = query.order_by(*self._order(cls, order))
        return [tuple(row) for row in self.session.execute(query)]

    def person(self) -> Person | None:
        """The person this store is for (their own row of `users`), tracked."""
        return self.session.get(stored_class(Person), self.owner_id)

    def people_of(self, app_id: int) -> list[tuple[Contact, ContactRole]]:
        """The contacts of an application with their roles, by name."""
        query = (
            select(stored_class(Contact), application_contacts.c.role)
            .join(application_contacts, application_contacts.c.contact_id == contacts.c.id)
            .where(application_contacts.c.application_id == app_id, contacts.c.owner_id == self.owner_id)
            .order_by(contacts.c.name, contacts.c.id)
        )
        return [(row[0], row[1]) for row in self.session.execute(query)]

    # Changing --------------------------------------------------------------------------------------------
    def add(self, record: T) -> T:
        """Keep a new record for this owner; returns the tracked record to go on with (a copy of a plain one)."""
        stored = as_stored(record)
        if hasattr(stored, "owner_id"):
            stored.owner_id = self.owner_id
        self.session.add(stored)
        return stored

    def delete(self, record: object) -> None:
        """Remove a tracked record (undo brings it back)."""
        self.session.delete(record)

    def flush(self) -> None:
        """Write what is pending, so new records have their ids."""
        self.session.flush()

    def insert_rows(self, cls: type, rows: Iterable[dict[str, Any]]) -> None:
        """Insert many plain rows at once, outside the journal (records meant to outlive an undo)."""
        wanted = [{**row, "owner_id": self.owner_id} for row in rows]
        if wanted:
            self.session.execute(insert(metadata.tables[TABLES[_plain(cls)]]), wanted)

    def set_quietly(self, record: Any, *, restore_with: int | None = None, **values: Any) -> None:
        """Change columns of a tracked record outside the journal: bookkeeping that is no change of its own.
        With `restore_with`, undoing that (closed) undo step also puts the old values back."""
        table = metadata.tables[TABLES[_plain(type(record))]]
        before = {name: getattr(record, name) for name in values}
        self.session.execute(
            update(table).where(table.c.id == record.id, table.c.owner_id == self.owner_id).values(**values)
        )
        for name, value in values.items():
            set_committed_value(record, name, value)
        if restore_with is not None:
            restore = {"op": "update", "table": table.name, "id": record.id, "row": journal.json_row(before)}
            journal.amend(self.session, restore_with, [restore])

    def forget(self) -> None:
        """Reload every tracked record on next use (after rows were changed behind the ORM's back)."""
        self.session.expire_all()


def _plain(cls: type) -> type:
    """The domain record class, for a domain class or its mapped subclass."""
    return next((base for base in cls.__mro__ if base in TABLES), cls)
