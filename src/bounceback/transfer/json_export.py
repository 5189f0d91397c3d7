"""Reading a whole workspace into the bounceback document."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bounceback.transfer.json_document import TABLES, build_document


def export_document(
    session: Session, owner_id: int, *, exported_at: datetime | None = None
) -> dict[str, Any]:
    """Every record the owner has (see json_document.TABLES), as one document."""
    rows: dict[str, list[Any]] = {}
    for table in TABLES:
        cls: Any = table.cls
        query = select(cls).where(cls.owner_id == owner_id).order_by(cls.id)
        rows[table.key] = list(session.scalars(query))
    return build_document(rows, exported_at=exported_at)
