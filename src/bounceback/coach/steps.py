"""The bounce-back session's parts, in order, for its two paths: the full one and the short one."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from bounceback.coach.step import Step
from bounceback.coach.steps_feelings import CheckInStep, ThoughtStep, WorthStep
from bounceback.coach.steps_interview import FeedbackStep, InterviewStep, NextStep
from bounceback.coach.steps_search import PedestalStep, PipelineStep, RejectionsStep
from bounceback.coach.steps_short import ShortCheckIn, ShortNextStep, ShortPerspective


class SessionPath(StrEnum):
    """How much of the session the person takes on: all four steps in depth, or three questions."""

    FULL = "full"
    SHORT = "short"


STEPS: tuple[Step, ...] = (
    CheckInStep(),
    WorthStep(),
    ThoughtStep(),
    PedestalStep(),
    PipelineStep(),
    RejectionsStep(),
    InterviewStep(),
    FeedbackStep(),
    NextStep(),
)
SHORT_STEPS: tuple[Step, ...] = (ShortCheckIn(), ShortPerspective(), ShortNextStep())
PATHS: dict[SessionPath, tuple[Step, ...]] = {SessionPath.FULL: STEPS, SessionPath.SHORT: SHORT_STEPS}
STEP_KEYS: tuple[str, ...] = tuple(step.key for step in STEPS)
SHORT_KEYS: tuple[str, ...] = tuple(step.key for step in SHORT_STEPS)
ALL_KEYS: tuple[str, ...] = (*STEP_KEYS, *SHORT_KEYS)
BY_KEY: dict[str, Step] = {step.key: step for step in (*STEPS, *SHORT_STEPS)}
DONE = "done"


def keys_of(path: SessionPath) -> tuple[str, ...]:
    """The parts of one path, in order."""
    return tuple(step.key for step in PATHS[path])


def path_of(keys: Iterable[str]) -> SessionPath:
    """The path a session is on, from the parts it is at or has answered (the short one has its own keys)."""
    return SessionPath.SHORT if any(key in SHORT_KEYS for key in keys) else SessionPath.FULL


def next_key(key: str) -> str:
    """The part after `key` on its own path, or DONE after the last."""
    keys = keys_of(path_of([key]))
    index = keys.index(key)
    return keys[index + 1] if index + 1 < len(keys) else DONE
