"""The ORM's own record classes: each domain record subclassed once and that subclass mapped onto its table.

The domain's records stay plain dataclasses: the fast reads build them without any ORM instrumentation, and a
web server that loads the ORM does not slow those reads down. What the ORM loads is a `Stored…` subclass — an
instance of the domain record, with the same fields — that it can track and journal.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any, TypeVar

from sqlalchemy.orm import registry

from bounceback.storage.records import RECORDS, TABLES
from bounceback.storage.schema import metadata

T = TypeVar("T")

mapper_registry = registry(metadata=metadata)
_STORED: dict[type, type] = {}


def _map(cls: type) -> type:
    """The mapped subclass of one domain record."""
    stored = type(f"Stored{cls.__name__}", (cls,), {"__doc__": f"A {cls.__name__} tracked by the ORM."})
    mapper_registry.map_imperatively(stored, metadata.tables[TABLES[cls]])
    return stored


for _cls in RECORDS.values():
    _STORED[_cls] = _map(_cls)


def stored_class(cls: type[T]) -> type[T]:
    """The class the ORM maps for a domain record class (itself, when given a mapped one)."""
    if cls in _STORED:
        return _STORED[cls]
    if cls in _STORED.values():
        return cls
    raise TypeError(f"{cls.__name__} is not a stored record")


def as_stored(record: T) -> T:
    """A record the ORM can track: the record itself when it is one, else a tracked copy with the same fields."""
    cls = type(record)
    if cls in _STORED.values():
        return record
    stored: Any = stored_class(cls)
    return stored(**{f.name: getattr(record, f.name) for f in fields(record)})  # type: ignore[arg-type]


def domain_class(cls: type) -> type:
    """The domain record class behind a mapped one."""
    return next((plain for plain, stored in _STORED.items() if stored is cls), cls)
