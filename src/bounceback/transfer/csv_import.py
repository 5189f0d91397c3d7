"""Importing another tracker's CSV export: plan every row first, then add the good ones through the tracker.

The plan is the same for a dry run and a real import, so the preview shows exactly what would happen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from bounceback.dates import at_noon
from bounceback.domain.model import Application, EventKind
from bounceback.domain.stages import Stage
from bounceback.tracker import Tracker
from bounceback.transfer.csv_rows import ImportRow, RowError, RowProblem, convert
from bounceback.transfer.csv_table import CsvTable
from bounceback.transfer.dedupe import DuplicateIndex
from bounceback.transfer.presets.base import Preset


@dataclass
class ImportPlan:
    """What importing a file would do: rows to add, rows already there, and rows left out with why."""

    source: str
    preset: Preset
    rows: list[ImportRow] = field(default_factory=list)
    duplicates: list[ImportRow] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)

    @property
    def notices(self) -> list[RowProblem]:
        """What was changed to let a row in (an unknown status, an unreadable salary)."""
        return [RowProblem(row.number, note) for row in self.rows for note in row.notices]

    @property
    def cause(self) -> str:
        """The cause every timeline entry of this import carries."""
        return f"import: {self.source}"


def known_applications(pairs: Iterable[tuple[str, Application]]) -> DuplicateIndex:
    """An index of the applications already in the workspace, from (company name, application) pairs."""
    index = DuplicateIndex()
    for company, app in pairs:
        index.add(company, app.role, app.url, (app.applied_on, app.saved_on))
    return index


def tracker_applications(tracker: Tracker) -> list[tuple[str, Application]]:
    """The owner's applications with their company names, read inside the import's own transaction."""
    names = {c.id: c.name for c in tracker.companies()}
    return [(names.get(a.company_id, ""), a) for a in tracker.applications()]


def plan_import(table: CsvTable, preset: Preset, index: DuplicateIndex) -> ImportPlan:
    """Convert every row, leaving out bad ones (with the reason) and those already there."""
    plan = ImportPlan(table.source, preset)
    for record in table.records:
        try:
            row = convert(record.number, preset.cells(record.cells), preset)
        except RowError as exc:
            plan.problems.append(RowProblem(record.number, str(exc)))
            continue
        url = str(row.fields.get("url", ""))
        if index.holds(row.company, row.role, url, row.day):
            plan.duplicates.append(row)
            continue
        index.add(row.company, row.role, url, (row.fields.get("applied_on"), row.fields.get("saved_on")))
        plan.rows.append(row)
    return plan


def add_row(tracker: Tracker, row: ImportRow, *, cause: str, now: datetime) -> Application:
    """Add one application so its timeline follows its dates.

    1. Saved on its first known day (or now).
    2. Applied on its applied day, when it got further than saved.
    3. On to its stage on the day it got there, when known, else on its last known day.
    """
    days = [d for d in (row.fields.get("saved_on"), row.fields.get("applied_on")) if d is not None]
    moment = at_noon(min(days)) if days else now
    app = tracker.add(row.company, row.role, stage=Stage.SAVED, when=moment, cause=cause, **row.fields)
    applied = row.fields.get("applied_on")
    if row.stage is not Stage.SAVED and applied is not None:
        moment = max(moment, at_noon(applied))
        tracker.move(app, Stage.APPLIED, when=moment, cause=cause)
    if app.stage is not row.stage:
        if row.stage_on is not None:
            moment = max(moment, at_noon(row.stage_on))
        tracker.walk_to(app, row.stage, moment, cause=cause, reason=row.close_reason)
    return app


def apply_plan(
    plan: ImportPlan, tracker: Tracker, *, advance: Callable[[], object] | None = None
) -> list[Application]:
    """Add every planned row through the tracker, each with an entry saying where it came from."""
    now = datetime.now(UTC)
    added = []
    for row in plan.rows:
        app = add_row(tracker, row, cause=plan.cause, now=now)
        tracker.record(
            app,
            EventKind.IMPORTED,
            now,
            f"Imported from {plan.source} (row {row.number}, {plan.preset.describe()})",
            cause=plan.cause,
            details={"file": plan.source, "row": row.number, "preset": plan.preset.name},
        )
        added.append(app)
        if advance is not None:
            advance()
    return added
