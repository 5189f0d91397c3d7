"""The bounce-back session's steps, in order."""

from __future__ import annotations

from bounceback.coach.step import Step
from bounceback.coach.steps_feelings import CheckInStep, ThoughtStep, WorthStep
from bounceback.coach.steps_interview import FeedbackStep, InterviewStep, NextStep
from bounceback.coach.steps_search import PedestalStep, PipelineStep, RejectionsStep

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
STEP_KEYS: tuple[str, ...] = tuple(step.key for step in STEPS)
BY_KEY: dict[str, Step] = {step.key: step for step in STEPS}
DONE = "done"


def next_key(key: str) -> str:
    """The step after `key`, or DONE after the last."""
    index = STEP_KEYS.index(key)
    return STEP_KEYS[index + 1] if index + 1 < len(STEP_KEYS) else DONE
