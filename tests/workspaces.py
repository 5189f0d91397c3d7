"""How tests open a workspace and write records straight through the ORM (to set up a state no command makes)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from bounceback.settings import Settings
from bounceback.storage.reads import ReadModel
from bounceback.storage.workspace import Workspace


def open_workspace(settings: Settings) -> Workspace:
    """A migrated workspace on the test's database."""
    return Workspace(settings)


@contextmanager
def change_session(workspace: Workspace, summary: str) -> Iterator[Any]:
    """The ORM session of one journaled change."""
    with workspace.change(summary) as session:
        yield session


@contextmanager
def plain_reads(workspace: Workspace) -> Iterator[ReadModel]:
    """The plain-SQL read model on one of the workspace's connections."""
    raw = workspace.engine.raw_connection()
    try:
        yield ReadModel(raw, owner_id=workspace.owner_id, dialect=workspace.engine.dialect.name)
    finally:
        raw.close()


def orm_class(cls: type) -> type:
    """The class the ORM maps for a record."""
    return cls


def add_record(session: Any, record: Any) -> Any:
    """Add one record through the ORM; returns the record the ORM tracks."""
    session.add(record)
    session.flush()
    return record
