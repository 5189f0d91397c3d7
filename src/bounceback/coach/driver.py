"""Driving a session from any front end: a loop over steps that asks an answer source and tells a display.
The terminal and an answers file are two sources; a web form submits one step at a time instead."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, Protocol

from bounceback.coach.prompts import Block
from bounceback.coach.session import BounceRunner, StepView
from bounceback.domain.errors import InvalidInput

SKIP_WORDS = {"skip"}


class Stop(Exception):
    """The person chose to stop for now; every finished step stays saved."""


class AnswerSource(Protocol):
    """Where answers come from: None skips the step, Stop ends the run for now."""

    def answers(self, view: StepView) -> Mapping[str, Any] | None:
        """The raw answers to one step."""
        ...


class Display(Protocol):
    """Where the session's words go."""

    def step(self, view: StepView, *, resumed: bool) -> None:
        """Show a step's heading and introduction (and, when resumed, that it picks up where it was left)."""
        ...

    def blocks(self, blocks: list[Block]) -> None:
        """Show what a step says after its answers."""
        ...


OpenRunner = Callable[[str], AbstractContextManager[BounceRunner]]


def drive(open_runner: OpenRunner, source: AnswerSource, display: Display) -> bool:
    """Run the session to its end or until the person stops; True when it is finished.
    Each step is read in one short transaction and stored in another, never held open while waiting."""
    first = True
    while True:
        with open_runner("Bounce-back session") as runner:
            if runner.finished:
                return True
            view = runner.view()
            resumed = first and runner.resumed
        first = False
        display.step(view, resumed=resumed)
        try:
            answers = source.answers(view)
        except Stop:
            return False
        with open_runner(f"Bounce-back session: {view.title}") as runner:
            display.blocks(runner.submit(view.key, answers))


class FileSource:
    """Answers from a JSON object keyed by step. A step set to null or "skip" is skipped; a step missing from
    the file ends the run there, saved, so a later run can carry on."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.data = data

    def answers(self, view: StepView) -> Mapping[str, Any] | None:
        """The file's answers to this step."""
        if not view.prompts:
            return {}
        if view.key not in self.data:
            raise Stop
        value = self.data[view.key]
        if value is None or (isinstance(value, str) and value.strip().lower() in SKIP_WORDS):
            return None
        if not isinstance(value, dict):
            raise InvalidInput(f'In the answers file, “{view.key}” should hold answers, null or "skip".')
        return value


def load_answers(path: Path, known: tuple[str, ...]) -> dict[str, Any]:
    """Read an answers file: a JSON object whose keys are steps of the session."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InvalidInput(f"There is no answers file at {path}.") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"The answers file {path} is not valid JSON ({exc}).") from None
    if not isinstance(data, dict):
        raise InvalidInput(f"The answers file {path} should hold one JSON object.")
    unknown = sorted(set(data) - set(known))
    if unknown:
        raise InvalidInput(f"The answers file names “{unknown[0]}”, which is not one of: {', '.join(known)}.")
    return data
