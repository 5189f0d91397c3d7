"""Teal's job tracker export: snake_case columns, the status also held as a JSON string."""

from __future__ import annotations

import json
from dataclasses import dataclass

from bounceback.domain.stages import Stage
from bounceback.transfer.presets.base import CLOSE_REASON, Cells, Preset, header_key
from bounceback.transfer.status_words import stage_for
from bounceback.transfer.values import join_notes


def _status_json(text: str) -> tuple[str, str]:
    """The status name and the time it was set, from Teal's JSON status cell (or its plain text)."""
    try:
        data = json.loads(text)
    except ValueError:
        return text, ""
    if isinstance(data, str):
        return data, ""
    if not isinstance(data, dict):
        return "", ""
    name = next((str(data[k]) for k in ("name", "status", "label", "value") if data.get(k)), "")
    when = next((str(data[k]) for k in ("updatedAt", "updated_at", "changedAt", "date") if data.get(k)), "")
    return name, when


@dataclass(frozen=True)
class TealPreset(Preset):
    """Teal: statusName wins over the JSON status; an archived job that was still open counts as withdrawn."""

    def adjust(self, cells: Cells, record: dict[str, str]) -> Cells:
        name, when = _status_json(record.get("status", ""))
        cells["stage"] = cells["stage"] or name
        cells["stage_on"] = when
        archived = record.get(header_key("archived_at"), "")
        if archived and (stage_for(cells["stage"], self.statuses) or Stage.SAVED).is_progress:
            cells["stage"], cells["stage_on"], cells[CLOSE_REASON] = "archived", archived, "archived in Teal"
        follow_up = record.get(header_key("follow_up_at"), "")
        cells["notes"] = join_notes(
            cells.get("notes", ""), f"Follow up by {follow_up[:10]}" if follow_up else ""
        )
        return cells


TEAL = TealPreset(
    name="teal",
    label="Teal",
    columns={
        "company": "company_name",
        "role": "role",
        "location": "location",
        "url": "url",
        "excitement": "excitement",
        "source": "source",
        "salary_min": "min_salary",
        "salary_max": "max_salary",
        "salary_currency": "salary_currency",
        "saved_on": "added_at",
        "applied_on": "applied_at",
        "stage": "statusName",
        "notes": ("notes", "note"),
    },
    statuses={
        "i withdrew": Stage.WITHDRAWN,
        "not selected by employer": Stage.REJECTED,
        "offer received": Stage.OFFER,
    },
    other_columns=("status", "follow_up_at", "archived_at"),
)
