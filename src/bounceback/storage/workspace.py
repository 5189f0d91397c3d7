"""A workspace: one database, opened once per command, with short transactions that each record an undo step."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session

from bounceback.domain.errors import BouncebackError, NotFound
from bounceback.domain.model import LOCAL_OWNER
from bounceback.settings import Settings
from bounceback.storage import journal
from bounceback.storage.database import create_database_engine, ensure_schema
from bounceback.storage.schema import changes


class Conflict(BouncebackError):
    """An earlier change cannot be reverted on its own."""


class Workspace:
    """The database of one person's search (one owner), ready for reads and journaled writes."""

    def __init__(
        self, settings: Settings, *, owner_id: int = LOCAL_OWNER, engine: Engine | None = None
    ) -> None:
        self.settings = settings
        self.owner_id = owner_id
        self.engine = engine or create_database_engine(settings)
        ensure_schema(self.engine)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; nothing it does is committed (closing it discards its transaction, and the
        objects it loaded stay readable)."""
        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    @contextmanager
    def change(self, summary: str, *, origin: str = "manual") -> Iterator[Session]:
        """One transaction for one user-visible change, journaled so `undo` can revert it."""
        with Session(self.engine, expire_on_commit=False) as session:
            journal.install(session)
            try:
                yield session
                self.checkpoint(session, summary, origin=origin)
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def checkpoint(self, session: Session, summary: str, *, origin: str = "manual") -> int | None:
        """Close the current undo step inside a transaction (one per email of an import); returns its id."""
        session.flush()
        ops = session.info[journal.JOURNAL_KEY]
        if not ops:
            return None
        result = session.execute(
            changes.insert()
            .values(
                owner_id=self.owner_id,
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

    def close_step(self, session: Session, summary: str, *, origin: str = "manual") -> dict[str, Any] | None:
        """Close the current undo step like `checkpoint`, but hand it back instead of writing it: a long import
        writes a batch's steps at once with `write_steps` (one statement, not one per email)."""
        session.flush()
        ops = session.info[journal.JOURNAL_KEY]
        if not ops:
            return None
        step = {
            "owner_id": self.owner_id, "at": datetime.now(UTC), "summary": summary, "origin": origin,
            "operations": list(ops), "undone": False,
        }  # fmt: skip
        ops.clear()
        return step

    def write_steps(self, session: Session, steps: list[dict[str, Any]]) -> list[int]:
        """Write closed undo steps in order; their ids, in the same order."""
        if not steps:
            return []
        result = session.execute(
            changes.insert().returning(changes.c.id, sort_by_parameter_order=True), steps
        )
        return [int(row[0]) for row in result]

    def revert_change(self, session: Session, change_id: int) -> None:
        """Revert one earlier change inside the caller's transaction, refusing when later changes touched its rows.

        The revert is itself a step of the caller's change, so undoing that change brings the earlier one back.
        """
        session.flush()
        row = session.execute(
            select(changes.c.operations, changes.c.undone).where(changes.c.id == change_id)
        ).first()
        if row is None or row.undone:
            return
        mine = journal.touched(row.operations)
        later = session.execute(
            select(changes.c.summary, changes.c.operations).where(
                changes.c.owner_id == self.owner_id, changes.c.id > change_id, changes.c.undone.is_(False)
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

    def undo(self) -> str:
        """Revert the most recent change that has not been undone; returns what it was."""
        from sqlalchemy.exc import DBAPIError

        with Session(self.engine) as session:
            row = session.execute(
                select(changes.c.id, changes.c.summary, changes.c.operations)
                .where(changes.c.owner_id == self.owner_id, changes.c.undone.is_(False))
                .order_by(changes.c.id.desc())
                .limit(1)
            ).first()
            if row is None:
                raise NotFound("There is nothing to undo.")
            try:
                journal.revert(session.connection(), row.operations)
            except DBAPIError as exc:
                session.rollback()
                reason = str(exc.orig).strip().splitlines()[0] if exc.orig else "the database refused it"
                raise Conflict(
                    f"The last change (“{row.summary}”) cannot be undone, so nothing was changed: {reason}."
                ) from None
            session.execute(update(changes).where(changes.c.id == row.id).values(undone=True))
            session.commit()
            return str(row.summary)

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()
