"""Filtering and sorting applications; shared by the CLI list, the board and the web page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from bounceback.domain.errors import InvalidInput
from bounceback.domain.model import Application
from bounceback.domain.stages import Stage

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
SORTS: dict[str, Callable[[Application, str], Any]] = {
    "updated": lambda a, _c: a.updated_at or _EPOCH,
    "created": lambda a, _c: a.created_at or _EPOCH,
    "applied": lambda a, _c: a.applied_on or date.min,
    "company": lambda _a, c: c.lower(),
    "role": lambda a, _c: a.role.lower(),
    "stage": lambda a, _c: list(Stage).index(a.stage),
    "excitement": lambda a, _c: a.excitement or 0,
    "id": lambda a, _c: a.id or 0,
}
DESCENDING = {"updated", "created", "applied", "excitement"}


@dataclass
class ApplicationFilter:
    """What a person asked to see."""

    stages: list[Stage] = field(default_factory=list)
    active: bool | None = None
    company: str = ""
    tag: str = ""
    text: str = ""

    def matches(self, app: Application, company: str) -> bool:
        """Whether one application passes every filter given."""
        if self.stages and app.stage not in self.stages:
            return False
        if self.active is not None and app.is_active != self.active:
            return False
        if self.company and self.company.lower() not in company.lower():
            return False
        if self.tag and self.tag.lower() not in (t.lower() for t in app.tags):
            return False
        if self.text:
            haystack = " ".join((company, app.role, app.slug, app.location, app.notes, " ".join(app.tags)))
            return self.text.lower() in haystack.lower()
        return True


def select_applications(
    rows: list[tuple[Application, str]], wanted: ApplicationFilter, sort: str = "updated"
) -> list[tuple[Application, str]]:
    """Filter and sort (application, company name) pairs."""
    if sort not in SORTS:
        raise InvalidInput(f"Cannot sort by “{sort}”; use one of: {', '.join(SORTS)}.")
    kept = [(a, c) for a, c in rows if wanted.matches(a, c)]
    key = SORTS[sort]
    return sorted(kept, key=lambda pair: key(pair[0], pair[1]), reverse=sort in DESCENDING)
