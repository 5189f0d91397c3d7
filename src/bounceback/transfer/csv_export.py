"""Applications as a CSV for spreadsheets and other tools; `import csv` reads it back by its column names.

Cells that a spreadsheet would run as a formula (starting with = + - @) get a leading quote, since company
names and notes can come from emails written by strangers.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import date, datetime
from enum import Enum
from typing import Any

from bounceback.domain.model import EDITABLE, Application

COLUMNS: tuple[str, ...] = (
    "name",
    "company",
    "role",
    "stage",
    "furthest_stage",
    "stage_on",
    *(field for field in EDITABLE if field != "role"),
)
_FORMULA_STARTS = ("=", "+", "-", "@")


def _cell(value: Any) -> str:
    """One value as CSV text, guarded against spreadsheet formulas."""
    if value is None:
        return ""
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list):
        return ", ".join(value)
    text = str(value)
    return f"'{text}" if text.startswith(_FORMULA_STARTS) and not isinstance(value, int) else text


def application_row(app: Application, company: str) -> list[str]:
    """The cells of one application, in COLUMNS order."""
    values: dict[str, Any] = {name: getattr(app, name, None) for name in COLUMNS}
    values.update(name=app.slug, company=company, stage_on=app.closed_at.date() if app.closed_at else None)
    return [_cell(values[name]) for name in COLUMNS]


def applications_csv(rows: Iterable[tuple[Application, str]]) -> str:
    """A header and one line per (application, company name)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for app, company in rows:
        writer.writerow(application_row(app, company))
    return out.getvalue()
