"""Stages of an application and the one place where allowed moves between them are defined."""

from __future__ import annotations

from enum import StrEnum


class Stage(StrEnum):
    """Where an application stands. The first five are steps forward; the rest close it."""

    SAVED = "saved"
    APPLIED = "applied"
    SCREENING = "screening"
    INTERVIEWING = "interviewing"
    OFFER = "offer"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    GHOSTED = "ghosted"

    @property
    def is_progress(self) -> bool:
        """True for the open steps saved → offer."""
        return self in PROGRESS

    @property
    def is_closed(self) -> bool:
        """True once the application has an outcome."""
        return self not in PROGRESS

    @property
    def rank(self) -> int:
        """Order of the open steps; closed stages rank by nothing and get -1."""
        return PROGRESS.index(self) if self in PROGRESS else -1


PROGRESS: tuple[Stage, ...] = (
    Stage.SAVED,
    Stage.APPLIED,
    Stage.SCREENING,
    Stage.INTERVIEWING,
    Stage.OFFER,
)
CLOSED: tuple[Stage, ...] = (
    Stage.ACCEPTED,
    Stage.DECLINED,
    Stage.REJECTED,
    Stage.WITHDRAWN,
    Stage.GHOSTED,
)
# Stages where the employer has the next move, so silence can mean ghosting.
AWAITING_EMPLOYER: tuple[Stage, ...] = (Stage.APPLIED, Stage.SCREENING, Stage.INTERVIEWING)


def _allowed() -> dict[Stage, frozenset[Stage]]:
    """Build the transition table: forward through the open steps, or close in a way that fits."""
    table: dict[Stage, frozenset[Stage]] = {}
    for stage in PROGRESS:
        later = {s for s in PROGRESS if s.rank > stage.rank}
        closes = {Stage.WITHDRAWN}
        if stage is not Stage.SAVED:
            closes.add(Stage.REJECTED)  # an employer can only say no to something it received
        if stage in AWAITING_EMPLOYER:
            closes.add(Stage.GHOSTED)
        if stage is Stage.OFFER:
            closes |= {Stage.ACCEPTED, Stage.DECLINED}
        table[stage] = frozenset(later | closes)
    # Another interview round keeps the stage and counts the round.
    table[Stage.INTERVIEWING] = table[Stage.INTERVIEWING] | {Stage.INTERVIEWING}
    # A late answer reopens a ghosted application; other outcomes are final (undo reverts mistakes).
    table[Stage.GHOSTED] = frozenset({Stage.SCREENING, Stage.INTERVIEWING, Stage.OFFER, Stage.REJECTED})
    for stage in (Stage.ACCEPTED, Stage.DECLINED, Stage.REJECTED, Stage.WITHDRAWN):
        table[stage] = frozenset()
    return table


ALLOWED: dict[Stage, frozenset[Stage]] = _allowed()


def can_move(current: Stage, target: Stage) -> bool:
    """Whether the rules allow moving from `current` to `target`."""
    return target in ALLOWED[current]


def allowed_targets(current: Stage) -> list[Stage]:
    """The stages one can move to from `current`, in stage order."""
    return [s for s in Stage if s in ALLOWED[current]]


def furthest(reached: Stage, new: Stage) -> Stage:
    """The furthest open step reached so far, so a later closing never erases the interview history."""
    if new.is_progress and new.rank > reached.rank:
        return new
    return reached


def is_forward(current: Stage, target: Stage) -> bool:
    """True when `target` is a step forward or an outcome; used by automatic (email) moves."""
    if current.is_closed:
        return current is Stage.GHOSTED and target is not Stage.GHOSTED and can_move(current, target)
    if target.is_closed:
        return can_move(current, target)
    return target.rank > current.rank or (target is current is Stage.INTERVIEWING)


def parse_stage(text: str) -> Stage:
    """Read a stage name as typed by a person (case and a few synonyms forgiven)."""
    from bounceback.domain.errors import InvalidInput

    key = text.strip().lower().replace("-", " ").replace("_", " ")
    if key in _SYNONYMS:
        return _SYNONYMS[key]
    try:
        return Stage(key)
    except ValueError:
        names = ", ".join(s.value for s in Stage)
        raise InvalidInput(f"“{text}” is not a stage; use one of: {names}.") from None


_SYNONYMS: dict[str, Stage] = {
    "wishlist": Stage.SAVED,
    "bookmarked": Stage.SAVED,
    "interested": Stage.SAVED,
    "applying": Stage.SAVED,
    "screen": Stage.SCREENING,
    "phone screen": Stage.SCREENING,
    "interview": Stage.INTERVIEWING,
    "interviews": Stage.INTERVIEWING,
    "offered": Stage.OFFER,
    "offers": Stage.OFFER,
    "rejection": Stage.REJECTED,
    "reject": Stage.REJECTED,
    "archived": Stage.WITHDRAWN,
    "no response": Stage.GHOSTED,
    "accept": Stage.ACCEPTED,
    "decline": Stage.DECLINED,
    "withdraw": Stage.WITHDRAWN,
}
