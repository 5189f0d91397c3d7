"""One database, opened once: short transactions that each record an undo step, for one owner at a time.

Each transaction first says who is asking (owner.py): on PostgreSQL `SET LOCAL bounceback.owner_id`, which
row-level security policies can check; on SQLite nothing is needed.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, event, select, text, update
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError
from sqlalchemy.orm import Session, SessionTransaction

from bounceback.domain.errors import NotFound
from bounceback.settings import Settings
from bounceback.storage import journal
from bounceback.storage.database import create_database_engine, ensure_schema
from bounceback.storage.errors import Conflict, WriteRefused
from bounceback.storage.owner import SET_OWNER_SQL
from bounceback.storage.reads import ReadModel
from bounceback.storage.schema import changes
from bounceback.storage.store import Store


def _reason(exc: DBAPIError) -> str:
    """The database's own first line about why."""
    return str(exc.orig).strip().splitlines()[0] if exc.orig else "the database refused it"


class Transaction:
    """One open change: its tracked records, reads that see what it wrote so far, and its undo steps."""

    def __init__(self, database: Database, session: Session, owner_id: int) -> None:
        self._database, self._session, self.owner_id = database, session, owner_id
        self.store = Store(session, owner_id)
        self._read: ReadModel | None = None

    @property
    def read(self) -> ReadModel:
        """The read model on this transaction's own connection (it flushes pending writes before each read)."""
        if self._read is None:
            raw = self._session.connection().connection
            self._read = ReadModel(
                raw, owner_id=self.owner_id, dialect=self._database.dialect, before=self._session.flush
            )
        return self._read

    def checkpoint(self, summary: str, *, origin: str) -> int | None:
        """Close the undo step so far under its own summary (one per email of an import); returns its id."""
        return self._database.checkpoint(self._session, self.owner_id, summary, origin=origin)

    def revert(self, change_id: int) -> None:
        """Revert one earlier change inside this transaction (refused when later changes touched its rows)."""
        self._database.revert_change(self._session, self.owner_id, change_id)
        self.store.forget()


class Database:
    """The engine of one workspace's database, migrated on first use, and its transactions."""

    def __init__(self, settings: Settings, *, engine: Engine | None = None) -> None:
        self.settings = settings
        self.engine = engine or create_database_engine(settings)
        ensure_schema(self.engine)

    @property
    def dialect(self) -> str:
        """'sqlite' or 'postgresql' (or another SQLAlchemy dialect's name)."""
        return self.engine.dialect.name

    def _session(self, owner_id: int) -> Session:
        """A session whose every transaction starts by naming its owner."""
        session = Session(self.engine, expire_on_commit=False)
        if self.dialect == "postgresql":

            @event.listens_for(session, "after_begin")
            def _as_owner(_session: Session, _tx: SessionTransaction, connection: Any) -> None:
                connection.execute(text(SET_OWNER_SQL), {"owner": str(owner_id)})

        return session

    @contextmanager
    def raw_reads(self, owner_id: int) -> Iterator[ReadModel]:
        """The read model on a pooled connection (returned to the pool, its transaction ended, afterwards)."""
        raw = self.engine.raw_connection()
        try:
            yield ReadModel(raw, owner_id=owner_id, dialect=self.dialect)
        finally:
            raw.close()

    @contextmanager
    def change(self, owner_id: int, summary: str, *, origin: str) -> Iterator[Transaction]:
        """One transaction for one user-visible change, journaled so `undo` can revert it; a value the database
        refuses (too large for its column, against a constraint) becomes one sentence, and nothing of the change is
        kept. Other failures (a full disk, a damaged file, a broken schema) go on to the exit point's catch-all,
        which names the known ones and logs the rest."""
        with self._session(owner_id) as session:
            journal.install(session)
            try:
                yield Transaction(self, session, owner_id)
                self.checkpoint(session, owner_id, summary, origin=origin)
                session.commit()
            except (DataError, IntegrityError) as exc:
                session.rollback()
                raise WriteRefused(_reason(exc)) from None
            except BaseException:
                session.rollback()
                raise

    def checkpoint(self, session: Session, owner_id: int, summary: str, *, origin: str) -> int | None:
        """Close the current undo step inside a transaction (one per email of an import); returns its id."""
        session.flush()
        ops = session.info[journal.JOURNAL_KEY]
        if not ops:
            return None
        result = session.execute(
            changes.insert()
            .values(
                owner_id=owner_id,
                at=datetime.now(UTC),
                summary=summary,
                origin=origin,
                operations=list(ops),
                undone=False,
            )
            .returning(changes.c.id)
        )
        ops.clear()
        return int(result.scalar_one())

    def revert_change(self, session: Session, owner_id: int, change_id: int) -> None:
        """Revert one earlier change inside the caller's transaction, refusing when later changes touched its rows.

        The revert is itself a step of the caller's change, so undoing that change brings the earlier one back.
        """
        session.flush()
        row = session.execute(
            select(changes.c.operations, changes.c.undone).where(
                changes.c.id == change_id, changes.c.owner_id == owner_id
            )
        ).first()
        if row is None or row.undone:
            return
        mine = journal.touched(row.operations)
        later = session.execute(
            select(changes.c.summary, changes.c.operations).where(
                changes.c.owner_id == owner_id, changes.c.id > change_id, changes.c.undone.is_(False)
            )
        ).all()
        for other in later:
            if mine & journal.touched(other.operations):
                raise Conflict(
                    f"A later change (“{other.summary}”) touched the same application; undo it first."
                )
        undoing = journal.revert(session.connection(), row.operations)
        session.execute(update(changes).where(changes.c.id == change_id).values(undone=True))
        flag = {"op": "update", "table": changes.name, "id": change_id, "row": {"undone": False}}
        journal.record(session, undoing)
        journal.record(session, [flag])

    def undo(self, owner_id: int) -> str:
        """Revert the most recent change of this owner that has not been undone; returns what it was."""
        with self._session(owner_id) as session:
            row = session.execute(
                select(changes.c.id, changes.c.summary, changes.c.operations)
                .where(changes.c.owner_id == owner_id, changes.c.undone.is_(False))
                .order_by(changes.c.id.desc())
                .limit(1)
            ).first()
            if row is None:
                raise NotFound("There is nothing to undo.")
            try:
                journal.revert(session.connection(), row.operations)
            except DBAPIError as exc:
                session.rollback()
                raise Conflict(
                    f"The last change (“{row.summary}”) cannot be undone, so nothing was changed: {_reason(exc)}."
                ) from None
            session.execute(update(changes).where(changes.c.id == row.id).values(undone=True))
            session.commit()
            return str(row.summary)

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()
