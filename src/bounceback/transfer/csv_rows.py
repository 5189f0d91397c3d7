"""Turning one CSV row's cells into an application to add, or into the reason it cannot be added."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from bounceback.domain import rules
from bounceback.domain.errors import InvalidInput
from bounceback.domain.stages import Stage
from bounceback.transfer.presets.base import CLOSE_REASON, Cells, Preset
from bounceback.transfer.status_words import stage_for
from bounceback.transfer.values import (
    join_notes,
    parse_amount,
    parse_date,
    parse_excitement,
    parse_salary,
    parse_source,
    parse_tags,
)

_DAYS = ("applied_on", "saved_on", "deadline")


@dataclass
class ImportRow:
    """An application ready to be added: its company, role, target stage and fields for `Tracker.add`."""

    number: int
    company: str
    role: str
    stage: Stage
    fields: dict[str, Any]
    stage_on: date | None = None
    close_reason: str = ""
    notices: list[str] = field(default_factory=list)

    @property
    def day(self) -> date | None:
        """The day that identifies it next to company and role: applied, else saved."""
        return self.fields.get("applied_on") or self.fields.get("saved_on")


@dataclass(frozen=True)
class RowProblem:
    """Why a row was left out (or, as a notice, what was changed to let it in)."""

    number: int
    reason: str

    def __str__(self) -> str:
        return f"row {self.number}: {self.reason}"


class RowError(ValueError):
    """A row that cannot be imported; the message is the reason."""


def _text_fields(cells: Cells) -> dict[str, Any]:
    """Company, role, location, URL, currency and notes as given (the rule book checks them)."""
    values: dict[str, Any] = {}
    for name in ("company", "role", "location", "url", "notes", "salary_currency"):
        text = cells.get(name, "").strip()
        if text or name in ("company", "role"):
            values[name] = text
    if "salary_currency" in values:
        values["salary_currency"] = values["salary_currency"].upper()
    return values


def _days(cells: Cells) -> dict[str, date]:
    """The applied, saved and deadline days that are given."""
    days: dict[str, date] = {}
    for name in _DAYS:
        try:
            day = parse_date(cells.get(name, ""))
        except ValueError as exc:
            raise RowError(f"{name.replace('_', ' ')}: {exc}") from None
        if day is not None:
            days[name] = day
    return days


def _salary(cells: Cells, notices: list[str]) -> tuple[dict[str, Any], str]:
    """Salary from min/max cells or one range cell; an unreadable one goes to the notes instead (returned)."""
    values: dict[str, Any] = {}
    try:
        if cells.get("salary", "").strip():
            low, high, currency = parse_salary(cells["salary"])
            values.update(salary_min=low, salary_max=high)
            if currency and not cells.get("salary_currency"):
                values["salary_currency"] = currency
        for name in ("salary_min", "salary_max"):
            if cells.get(name, "").strip():
                amount = parse_amount(cells[name])
                if amount is None:
                    raise ValueError(f"salary “{cells[name]}” is not an amount")
                values[name] = amount
    except ValueError as exc:
        notices.append(f"{exc}; kept it in the notes")
        given = [cells.get(n, "").strip() for n in ("salary", "salary_min", "salary_max")]
        return {}, "Salary: " + " – ".join(g for g in given if g)
    return values, ""


def _stage(cells: Cells, preset: Preset, days: Mapping[str, Any], notices: list[str]) -> Stage:
    """The stage the tracker's status word names; unknown words leave it to the dates."""
    word = cells.get("stage", "").strip()
    stage = stage_for(word, preset.statuses) if word else None
    if stage is None:
        stage = Stage.APPLIED if "applied_on" in days else Stage.SAVED
        if word:
            notices.append(f"status “{word}” is not one I know; imported as {stage.value}")
    return stage


def convert(number: int, cells: Cells, preset: Preset) -> ImportRow:
    """An import row from a record's cells; RowError with the reason when it cannot be imported."""
    notices: list[str] = []
    values = _text_fields(cells)
    company, role = values.pop("company"), values.pop("role")
    if not company or not role:
        missing = " and ".join(n for n, v in (("company", company), ("role", role)) if not v)
        raise RowError(f"the {missing} {'is' if ' and ' not in missing else 'are'} empty")
    values.update(_days(cells))
    salary, salary_note = _salary(cells, notices)
    values.update(salary)
    values["notes"] = join_notes(values.get("notes", ""), salary_note)
    try:
        excitement = parse_excitement(cells.get("excitement", ""))
    except ValueError as exc:
        raise RowError(str(exc)) from None
    try:
        stage_on = parse_date(cells.get("stage_on", ""))
    except ValueError as exc:
        raise RowError(f"status date: {exc}") from None
    if excitement is not None:
        values["excitement"] = excitement
    source = parse_source(cells.get("source", "")) or preset.source
    if source is not None:
        values["source"] = source
    if cells.get("tags", "").strip():
        values["tags"] = parse_tags(cells["tags"])
    stage = _stage(cells, preset, values, notices)
    values = {k: v for k, v in values.items() if v not in ("", None)}
    try:  # the tracker's own rules, asked here so a bad row is named and left out, not the whole import
        rules.check_application({"company": company, "role": role, **values}, datetime.now(UTC).date())
    except InvalidInput as exc:
        sentence = exc.message.rstrip(".")
        raise RowError(sentence[:1].lower() + sentence[1:]) from None
    return ImportRow(number, company, role, stage, values, stage_on, cells.get(CLOSE_REASON, ""), notices)
