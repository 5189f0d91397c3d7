"""Option types shared by several commands, and turning them into domain values."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from bounceback.domain.errors import InvalidInput

JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]
AppName = Annotated[str, typer.Argument(help="Application id or short name (e.g. acme-data-engineer).")]


def enum_value(enum_class: Any, raw: str | None, what: str) -> Any:
    """An enum member from typed text, or a plain sentence listing the choices."""
    if raw is None:
        return None
    key = raw.strip().lower().replace("-", "_").replace(" ", "_").replace("on_site", "onsite")
    try:
        return enum_class(key)
    except ValueError:
        choices = ", ".join(m.value for m in enum_class)
        article = "an" if what[:1].lower() in "aeiou" else "a"
        raise InvalidInput(f"“{raw}” is not {article} {what}; use one of: {choices}.") from None


def application_fields(**raw: Any) -> dict[str, Any]:
    """Turn the add/edit options into domain fields, skipping those not given (the tracker checks them)."""
    from bounceback.dates import parse_day
    from bounceback.domain import rules
    from bounceback.domain.model import Source, WorkMode

    values: dict[str, Any] = {}
    for key in ("role", "location", "url", "notes", "salary_currency", "salary_min", "salary_max"):
        if raw.get(key) is not None:
            values[key] = raw[key]
    if raw.get("excitement") is not None:
        values["excitement"] = rules.whole_number("excitement", str(raw["excitement"]))
    if raw.get("salary_currency"):
        values["salary_currency"] = raw["salary_currency"].upper()
    if raw.get("work_mode") is not None:
        values["work_mode"] = enum_value(WorkMode, raw["work_mode"], "work mode")
    if raw.get("source") is not None:
        values["source"] = enum_value(Source, raw["source"], "source")
    for key in ("saved_on", "applied_on", "deadline"):
        if raw.get(key) is not None:
            values[key] = parse_day(raw[key])
    if raw.get("dream_job") is not None:
        values["dream_job"] = raw["dream_job"]
    if raw.get("tags"):
        values["tags"] = sorted({t.strip().lower() for t in raw["tags"] if t.strip()})
    return values
