"""Form fields as people fill them in (all text), turned into domain values; the rule book (domain.rules) judges
them when the tracker writes, with the same sentence as for the CLI and the imports."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any, TypeVar
from urllib.parse import urlsplit

from starlette.datastructures import FormData

from bounceback.dates import parse_day
from bounceback.domain import rules
from bounceback.domain.errors import InvalidInput
from bounceback.domain.model import Source, WorkMode

E = TypeVar("E", bound=StrEnum)


def choice(enum_class: type[E], raw: str, what: str) -> E | None:
    """An enum member from a select's value; empty means not given."""
    value = raw.strip()
    if not value:
        return None
    try:
        return enum_class(value)
    except ValueError:
        choices = ", ".join(m.value for m in enum_class)
        raise InvalidInput(f"“{value}” is not a {what}; use one of: {choices}.") from None


def whole_number(raw: str, field: str) -> int | None:
    """A whole number typed into a field; empty means not given (the rule book judges its range)."""
    return rules.whole_number(field, raw)


def optional_day(raw: str) -> date | None:
    """A date from a date field (ISO) or typed text; empty means not given."""
    return parse_day(raw) if raw.strip() else None


def tag_list(raw: str) -> list[str]:
    """Tags typed as a comma-separated list, tidied like the CLI does."""
    return sorted({t.strip().lower() for t in raw.split(",") if t.strip()})


def safe_next(raw: str, default: str) -> str:
    """Where to go after a form: only a path on this server, never another site."""
    parts = urlsplit(raw)
    if not raw.startswith("/") or raw.startswith("//") or parts.scheme or parts.netloc or "\\" in raw:
        return default
    return raw


# How each field of the add / edit form becomes a tracker value.
APPLICATION_FIELDS: dict[str, Callable[[str], Any]] = {
    "location": str.strip,
    "work_mode": lambda raw: choice(WorkMode, raw, "work mode"),
    "source": lambda raw: choice(Source, raw, "source"),
    "url": str.strip,
    "salary_min": lambda raw: whole_number(raw, "salary_min"),
    "salary_max": lambda raw: whole_number(raw, "salary_max"),
    "salary_currency": lambda raw: raw.strip().upper(),
    "applied_on": optional_day,
    "deadline": optional_day,
    "excitement": lambda raw: whole_number(raw, "excitement"),
    "dream_job": lambda raw: raw == "yes",
    "tags": tag_list,
    "notes": str.strip,
}


@dataclass(frozen=True)
class ApplicationForm:
    """The add / edit form of an application: only the fields it held (a field left out stays as it was,
    an emptied one is cleared)."""

    given: dict[str, str]

    @classmethod
    def read(cls, form: FormData) -> ApplicationForm:
        """The text of every known field the submitted form holds (a ticked box wins over its hidden "no")."""
        names = ("company", "role", "stage", *APPLICATION_FIELDS)
        return cls({name: value for name in names if isinstance(value := form.get(name), str)})

    def text(self, name: str) -> str:
        """One field as typed, trimmed."""
        return self.given.get(name, "").strip()

    def values(self) -> dict[str, Any]:
        """The tracker's fields this form held, as domain values."""
        return {
            name: convert(self.given[name])
            for name, convert in APPLICATION_FIELDS.items()
            if name in self.given
        }
