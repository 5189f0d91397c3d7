"""How tests open a workspace and write records straight through the ORM (to set up a state no command makes)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from bounceback.settings import Settings
from bounceback.storage.orm import stored_class
from bounceback.storage.reads import ReadModel
from bounceback.workspace import Workspace


def open_workspace(settings: Settings) -> Workspace:
    """A migrated workspace on the test's database."""
    workspace = Workspace.open(settings)
    _ = workspace.database
    return workspace


@contextmanager
def change_session(workspace: Workspace, summary: str) -> Iterator[Any]:
    """The ORM session of one journaled change."""
    with workspace.change(summary) as change:
        yield change.store.session


@contextmanager
def plain_reads(workspace: Workspace) -> Iterator[ReadModel]:
    """The plain-SQL read model on one of the workspace's connections."""
    with workspace.database.raw_reads(workspace.owner_id) as read:
        yield read


def orm_class(cls: type) -> type:
    """The class the ORM maps for a record."""
    return stored_class(cls)


def add_record(session: Any, record: Any) -> Any:
    """Add one record through the ORM; returns the record the ORM tracks."""
    from bounceback.storage.orm import as_stored

    stored = as_stored(record)
    session.add(stored)
    session.flush()
    return stored
