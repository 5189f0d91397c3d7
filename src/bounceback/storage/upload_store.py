"""The server's queue of uploaded mail files: each row holds one file until a worker reads it, then the
progress of its import. Every transaction names the owner it acts for, so row-level security holds here too."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, and_, insert, select, text, update

from bounceback.domain.accounts import MailUpload
from bounceback.storage.owner import SET_OWNER_SQL
from bounceback.storage.server_schema import mail_uploads

_SHOWN = [c for c in mail_uploads.c if c.name != "content"]  # a page never needs the file itself


class UploadStore:
    """Uploads and their progress over one engine, each query for one owner."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @contextmanager
    def _tx(self, owner_id: int) -> Iterator[Connection]:
        with self.engine.begin() as connection:
            if connection.dialect.name == "postgresql":
                connection.execute(text(SET_OWNER_SQL), {"owner": str(owner_id)})
            yield connection

    @staticmethod
    def _where(owner_id: int, upload_id: str) -> Any:
        return and_(mail_uploads.c.owner_id == owner_id, mail_uploads.c.id == upload_id)

    @staticmethod
    def _upload(row: Any) -> MailUpload:
        return MailUpload(**{column.name: getattr(row, column.name) for column in _SHOWN})

    def add(
        self, owner_id: int, upload_id: str, name: str, content: bytes | None, state: str, now: datetime
    ) -> MailUpload:
        """Keep a new upload, waiting for a worker (an IMAP sync is one with no bytes)."""
        with self._tx(owner_id) as connection:
            connection.execute(
                insert(mail_uploads).values(
                    id=upload_id,
                    owner_id=owner_id,
                    name=name,
                    content=content,
                    state=state,
                    done=0,
                    error="",
                    created_at=now,
                )
            )
        found = self.get(owner_id, upload_id)
        assert found is not None
        return found

    def take(self, owner_id: int, upload_id: str, state: str) -> tuple[str, bytes] | None:
        """An upload's name and bytes, forgotten in the same transaction (None when already read, or gone)."""
        where = and_(self._where(owner_id, upload_id), mail_uploads.c.content.is_not(None))
        with self._tx(owner_id) as connection:
            row = connection.execute(
                select(mail_uploads.c.name, mail_uploads.c.content).where(where).with_for_update()
            ).first()
            if row is None:
                return None
            connection.execute(update(mail_uploads).where(where).values(content=None, state=state))
        return str(row.name), bytes(row.content)

    def update(self, owner_id: int, upload_id: str, **values: Any) -> None:
        """Write an import's progress (state, done, total, summary, error, finished_at)."""
        with self._tx(owner_id) as connection:
            connection.execute(update(mail_uploads).where(self._where(owner_id, upload_id)).values(**values))

    def get(self, owner_id: int, upload_id: str) -> MailUpload | None:
        """One upload of this owner, or None (another person's is None too)."""
        with self._tx(owner_id) as connection:
            row = connection.execute(select(*_SHOWN).where(self._where(owner_id, upload_id))).first()
        return None if row is None else self._upload(row)

    def recent(self, owner_id: int, limit: int) -> list[MailUpload]:
        """The owner's latest uploads, newest first."""
        query = (
            select(*_SHOWN)
            .where(mail_uploads.c.owner_id == owner_id)
            .order_by(mail_uploads.c.created_at.desc(), mail_uploads.c.id)
            .limit(limit)
        )
        with self._tx(owner_id) as connection:
            return [self._upload(row) for row in connection.execute(query)]
