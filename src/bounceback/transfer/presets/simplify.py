"""Simplify's tracker export: title-case columns, a status with its date, and an Archived flag."""

from __future__ import annotations

from dataclasses import dataclass

from bounceback.domain.stages import Stage
from bounceback.transfer.presets.base import CLOSE_REASON, Cells, Preset, header_key
from bounceback.transfer.status_words import stage_for
from bounceback.transfer.values import parse_flag


@dataclass(frozen=True)
class SimplifyPreset(Preset):
    """Simplify: an archived job that was still open counts as withdrawn, on the day it was archived."""

    def adjust(self, cells: Cells, record: dict[str, str]) -> Cells:
        if parse_flag(record.get(header_key("Archived"), "")):
            stage = stage_for(cells["stage"], self.statuses) or Stage.SAVED
            if stage.is_progress:
                archived_on = record.get(header_key("Date Archived"), "")
                cells["stage"], cells[CLOSE_REASON] = "archived", "archived in Simplify"
                cells["stage_on"] = archived_on or cells["stage_on"]
        return cells


SIMPLIFY = SimplifyPreset(
    name="simplify",
    label="Simplify",
    columns={
        "role": "Job Title",
        "company": "Company Name",
        "url": "Job URL",
        "applied_on": "Applied Date",
        "stage": "Status",
        "stage_on": "Status Date",
        "notes": "Notes",
    },
    statuses={"screen": Stage.SCREENING, "online assessment": Stage.SCREENING},
    other_columns=("Archived", "Date Archived"),
)
