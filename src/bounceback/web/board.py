"""The board as plain data: which columns, which cards in each (filtered by the domain's rule), how many more."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import cast
from urllib.parse import urlencode

from bounceback.domain.errors import InvalidInput
from bounceback.domain.filters import ApplicationFilter
from bounceback.domain.model import Application, ApplicationCard
from bounceback.domain.stages import PROGRESS, Stage, allowed_targets, parse_stage

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
SHOW_CHOICES = {"open": True, "closed": False, "all": None}


@dataclass(frozen=True)
class BoardQuery:
    """What the person asked the board for, as it travels in the URL."""

    text: str = ""
    company: str = ""
    tag: str = ""
    stage: str = ""
    show: str = "open"
    limit: int | None = None  # per column; None: the server's default, 0: all

    @classmethod
    def parse(cls, params: dict[str, str]) -> BoardQuery:
        """Read the board's URL parameters, refusing values that mean nothing."""
        show = params.get("show", "open") or "open"
        if show not in SHOW_CHOICES:
            raise InvalidInput(f"“{show}” is not a board view; use open, closed or all.")
        raw_limit = params.get("limit", "")
        if raw_limit and not raw_limit.isdigit():
            raise InvalidInput(f"“{raw_limit}” is not a number of cards.")
        stage = params.get("stage", "").strip()
        if stage:
            parse_stage(stage)
        return cls(
            text=params.get("q", "").strip(),
            company=params.get("company", "").strip(),
            tag=params.get("tag", "").strip(),
            stage=stage,
            show=show,
            limit=int(raw_limit) if raw_limit else None,
        )

    def to_filter(self) -> ApplicationFilter:
        """The domain filter this query stands for."""
        stages = [parse_stage(self.stage)] if self.stage else []
        active = None if stages else SHOW_CHOICES[self.show]
        return ApplicationFilter(
            stages=stages, active=active, company=self.company, tag=self.tag, text=self.text
        )

    def url(self, **changes: str | int | None) -> str:
        """The board URL for this query with some parameters changed."""
        values = {
            "q": self.text, "company": self.company, "tag": self.tag, "stage": self.stage,
            "show": self.show, "limit": self.limit,
        }  # fmt: skip
        values.update(changes)
        kept = {k: v for k, v in values.items() if v not in ("", None) and not (k == "show" and v == "open")}
        return "/" + (f"?{urlencode(kept)}" if kept else "")

    @property
    def is_filtered(self) -> bool:
        """True when anything narrows the board."""
        return bool(self.text or self.company or self.tag or self.stage)


@dataclass
class Column:
    """One stage's cards, newest activity first, cut to the column limit."""

    stage: Stage
    cards: list[ApplicationCard] = field(default_factory=list)
    total: int = 0

    @property
    def hidden(self) -> int:
        """How many matching cards are not shown."""
        return self.total - len(self.cards)


@dataclass
class Board:
    """The columns the query asks for, and the counts that explain what is shown."""

    columns: list[Column]
    matching: int
    everything: int


def _stages_for(query: BoardQuery) -> list[Stage]:
    if query.stage:
        return [parse_stage(query.stage)]
    if query.show == "open":
        return list(PROGRESS)
    if query.show == "closed":
        return [s for s in list(Stage) if s.is_closed]
    return list(Stage)


def build_board(cards: list[ApplicationCard], query: BoardQuery, *, default_limit: int) -> Board:
    """Filter with the domain's rule, then fill each column up to its limit."""
    wanted = query.to_filter()
    # The filter reads only fields a card carries (stage, tags, role, slug, location, notes, is_active).
    kept = [c for c in cards if wanted.matches(cast(Application, c), c.company)]
    kept.sort(key=lambda c: c.updated_at or _EPOCH, reverse=True)
    limit = default_limit if query.limit is None else query.limit
    columns = {stage: Column(stage) for stage in _stages_for(query)}
    for card in kept:
        column = columns.get(card.stage)
        if column is None:
            continue
        column.total += 1
        if not limit or len(column.cards) < limit:
            column.cards.append(card)
    return Board(list(columns.values()), len(kept), len(cards))


def move_choices(stage: Stage) -> list[Stage]:
    """Where a card can go from its column (the same rule the tracker enforces)."""
    return allowed_targets(stage)
