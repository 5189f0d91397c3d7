"""What every tracker preset is: which of its columns holds which of our fields, and its own status words."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from bounceback.domain.model import Source
from bounceback.domain.stages import Stage

# Fields a column can be mapped to with `--map column=field`.
FIELDS: tuple[str, ...] = (
    "company",
    "role",
    "location",
    "url",
    "source",
    "stage",
    "applied_on",
    "saved_on",
    "deadline",
    "salary_min",
    "salary_max",
    "salary_currency",
    "excitement",
    "notes",
    "tags",
    "salary",  # a whole salary or range in one cell, e.g. "$90k – $110k"
    "stage_on",  # the day the application reached its current stage (e.g. the rejection)
)
# Cells only presets fill in: why an application was closed when the tracker says so indirectly.
CLOSE_REASON = "close_reason"

Cells = dict[str, str]


def header_key(name: str) -> str:
    """A column name compared without case, spaces or punctuation: 'Company Name' = 'company_name'."""
    return re.sub(r"[^a-z0-9]", "", name.lower())


Columns = dict[str, str | tuple[str, ...]]  # our field → the tracker's column name (or names it has used)


def names_of(column: str | tuple[str, ...]) -> tuple[str, ...]:
    """The names a column may go by, best first."""
    return (column,) if isinstance(column, str) else column


@dataclass(frozen=True)
class Preset:
    """How one tracker's CSV export maps onto our fields."""

    name: str
    label: str
    columns: Columns
    statuses: dict[str, Stage] = field(default_factory=dict)
    source: Source | None = None  # where every row came from, when the tracker implies it
    required: tuple[str, ...] = ("company", "role")
    other_columns: tuple[str, ...] = ()  # further columns that identify the export, read in `adjust`

    def header_for(self, wanted: str, headers: set[str]) -> str | None:
        """Which compared header of a file holds our field, if any."""
        names = names_of(self.columns.get(wanted, ()))
        return next((header_key(n) for n in names if header_key(n) in headers), None)

    def score(self, headers: set[str]) -> float:
        """How much of this tracker's column set a file has, 0 to 1."""
        found = sum(self.header_for(f, headers) is not None for f in self.columns)
        found += sum(header_key(c) in headers for c in self.other_columns)
        total = len(self.columns) + len(self.other_columns)
        return found / total if total else 0.0

    def missing_columns(self, headers: set[str]) -> list[str]:
        """The required columns (by the tracker's names) a file lacks."""
        return [
            names_of(self.columns.get(f, f))[0] for f in self.required if self.header_for(f, headers) is None
        ]

    def cells(self, record: dict[str, str]) -> Cells:
        """Our fields' raw text for one record (keyed by compared header)."""
        values: Cells = {}
        present = set(record)
        for wanted in self.columns:
            header = self.header_for(wanted, present)
            values[wanted] = record.get(header, "") if header else ""
        return self.adjust(values, record)

    def adjust(self, cells: Cells, record: dict[str, str]) -> Cells:
        """Tracker-specific touches (subclasses): status held in JSON, archive flags, extra notes."""
        return cells

    def with_columns(self, mapping: dict[str, str]) -> Preset:
        """The same preset with some fields read from other columns (`--map`)."""
        return replace(self, columns={**self.columns, **mapping})

    def describe(self) -> str:
        """How messages name this format."""
        return f"a {self.label} export" if self.name != "columns" else "a CSV with named columns"
