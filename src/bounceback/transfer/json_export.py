"""Reading a whole workspace into the bounceback document."""

from __future__ import annotations

from typing import Any

from bounceback.transfer.json_document import TABLES, build_document
from bounceback.workspace import ReadModel


def export_document(read: ReadModel) -> dict[str, Any]:
    """The owner's companies, applications, contacts, links, interviews and timeline as one document."""
    return build_document({table.key: read.records(table.cls) for table in TABLES})
