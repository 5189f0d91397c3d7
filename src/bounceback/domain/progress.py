"""How a stage change updates an application: pure rules shared by manual moves, imports and the mail reader."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bounceback.domain.errors import TransitionNotAllowed
from bounceback.domain.model import Application
from bounceback.domain.stages import Stage, allowed_targets, can_move, furthest


@dataclass(frozen=True)
class StageChange:
    """What a move did, for the timeline."""

    from_stage: Stage
    to_stage: Stage
    round: int | None
    summary: str


def describe(reached: Stage, target: Stage, rounds: int) -> str:
    """A plain sentence for the timeline; `reached` is the open stage the application had got to."""
    if target is Stage.INTERVIEWING:
        return f"Interview round {rounds}" if rounds > 1 else "Moved to interviewing"
    if target is Stage.REJECTED:
        return f"Rejected at {reached.value}"
    if target.is_closed:
        return f"Closed as {target.value}"
    return f"Moved to {target.value}"


def apply_move(app: Application, target: Stage, when: datetime, *, reason: str = "") -> StageChange:
    """Move an application to `target` if the rules allow it, keeping the furthest stage reached."""
    current = app.stage
    if not can_move(current, target):
        options = ", ".join(s.value for s in allowed_targets(current)) or "none (undo reverts a mistake)"
        raise TransitionNotAllowed(
            f"{app.slug} is {current.value} and cannot move to {target.value}; allowed: {options}."
        )
    if target is Stage.INTERVIEWING:
        app.interview_rounds = (app.interview_rounds or 0) + 1
    app.furthest_stage = furthest(app.furthest_stage, target)
    if target.is_closed:
        app.closed_from = current if current.is_progress else app.closed_from
        app.closed_at = when
        app.close_reason = reason
    else:
        app.closed_from = None
        app.closed_at = None
        app.close_reason = ""
    if target is not Stage.SAVED and app.applied_on is None and target.is_progress:
        app.applied_on = when.date()
    app.stage = target
    app.last_activity_at = when
    app.updated_at = when if app.updated_at is None or when > app.updated_at else app.updated_at
    rounds = app.interview_rounds if target is Stage.INTERVIEWING else None
    reached = current if current.is_progress else (app.closed_from or app.furthest_stage)
    return StageChange(current, target, rounds, describe(reached, target, app.interview_rounds))
