"""The workspace: one person's search in one database, opened lazily so the everyday reads stay fast.

    workspace = Workspace.open(settings, owner)      # the local person in local mode; anyone on a server
    with workspace.read() as read: ...               # plain domain records, every query for this owner
    with workspace.change("Add …") as change: ...    # one transaction, one undo step, the journal

`read()` goes straight to the SQLite file when it is ready (no SQLAlchemy is imported); otherwise, and on
PostgreSQL, it borrows a connection from the engine's pool. Each transaction says who is asking, for row-level
security on PostgreSQL (storage/owner.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bounceback.domain.model import LOCAL_OWNER, Origin
from bounceback.settings import Settings
from bounceback.storage.reads import ReadModel, open_sqlite_reads

if TYPE_CHECKING:
    from bounceback.storage.sessions import Database
    from bounceback.workspace.change import Change


@dataclass(frozen=True)
class DatabaseStatus:
    """Where the data lives and how its schema stands."""

    url: str  # with any password hidden
    revision: str | None  # None: a blank database
    is_current: bool
    head: str


class Workspace:
    """One person's search: reads and journaled changes, all for one owner."""

    def __init__(
        self, settings: Settings, owner_id: int = LOCAL_OWNER, *, database: Database | None = None
    ) -> None:
        self.settings = settings
        self.owner_id = owner_id
        self._database = database

    @classmethod
    def open(cls, settings: Settings, owner_id: int = LOCAL_OWNER) -> Workspace:
        """The workspace of one person; nothing is connected until the first read or change."""
        return cls(settings, owner_id)

    def as_owner(self, owner_id: int) -> Workspace:
        """The same database, for another person (a server holds many; tests check they stay apart)."""
        return Workspace(self.settings, owner_id, database=self.database)

    @property
    def database(self) -> Database:
        """The engine and its transactions, created (and the schema migrated) on first use."""
        if self._database is None:
            from bounceback.storage.sessions import Database

            self._database = Database(self.settings)
        return self._database

    @contextmanager
    def read(self) -> Iterator[ReadModel]:
        """The read model for this owner, on the fastest connection there is."""
        fast = open_sqlite_reads(self.settings, self.owner_id) if self._database is None else None
        if fast is not None:
            try:
                yield fast
            finally:
                fast.close()
            return
        with self.database.raw_reads(self.owner_id) as read:
            yield read

    @contextmanager
    def change(self, summary: str, *, origin: Origin = Origin.MANUAL) -> Iterator[Change]:
        """One transaction for one change the person can see and undo; nothing is kept when it fails."""
        from bounceback.workspace.change import Change

        with self.database.change(self.owner_id, summary, origin=origin.value) as transaction:
            yield Change(transaction, origin)

    def undo(self) -> str:
        """Revert this person's most recent change that is not undone yet; returns what it was."""
        return self.database.undo(self.owner_id)

    def close(self) -> None:
        """Release the database connections."""
        if self._database is not None:
            self._database.close()

    # The schema, for `db status` and `db upgrade` -------------------------------------------------------
    @staticmethod
    def status(settings: Settings) -> DatabaseStatus:
        """Where the data lives and whether its schema is current (nothing is migrated)."""
        from bounceback.storage.database import (
            check_revision,
            create_database_engine,
            current_revision,
            redact,
        )
        from bounceback.storage.version import HEAD_REVISION

        engine = create_database_engine(settings)
        try:
            revision = current_revision(engine)
            current = revision is not None and check_revision(revision)
        finally:
            engine.dispose()
        return DatabaseStatus(redact(settings.url), revision, current, HEAD_REVISION)

    @staticmethod
    def upgrade(settings: Settings) -> str:
        """Bring the schema up to date; returns the revision it is at."""
        from bounceback.storage.database import create_database_engine, current_revision, upgrade

        engine = create_database_engine(settings)
        try:
            upgrade(engine)
            return current_revision(engine) or ""
        finally:
            engine.dispose()
