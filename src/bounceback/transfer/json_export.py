"""Reading a whole workspace into the bounceback document."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bounceback.transfer.json_document import TABLES, build_document
from bounceback.workspace import ReadModel


def export_document(read: ReadModel, *, exported_at: datetime | None = None) -> dict[str, Any]:
    """Every record the person has (see json_document.TABLES), as one document."""
    return build_document({table.key: read.records(table.cls) for table in TABLES}, exported_at=exported_at)
