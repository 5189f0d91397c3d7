"""The shape of one session step: what it shows first, what it asks, and what it does with the answers.
Steps take plain answers and return plain blocks and effects, so any front end can drive them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from bounceback.coach.effects import Effect
from bounceback.coach.facts import SessionFacts
from bounceback.coach.prompts import Block, BlockKind, Prompt
from bounceback.domain.actions import Action
from bounceback.domain.wellbeing import SUPPORT_NOTE, Reading, support_note_due


@dataclass
class StepResult:
    """What a step shows after the answers, and what it asks to store."""

    after: list[Block] = field(default_factory=list)
    effects: list[Effect] = field(default_factory=list)


# The four steps of the method, in order; every part of a session belongs to one of them, or comes before or
# after them (checking in, checking out).
METHOD_STEPS = (
    "Don't let it define you",
    "Knock the job off its pedestal",
    "Get good at rejection",
    "Make the interview process work for you",
)


class Step:
    """One part of the session; subclasses fill in the words and the rules. `method` is the step of the
    method it belongs to (1 to 4), or 0 for checking in and out around them."""

    key: ClassVar[str]
    title: ClassVar[str]
    method: ClassVar[int] = 0

    @property
    def heading(self) -> str:
        """How the part is headed: its step of the method (and the part, where a step has several)."""
        if not self.method:
            return self.title
        name = METHOD_STEPS[self.method - 1]
        part = "" if self.title == name else f": {self.title[0].lower()}{self.title[1:]}"
        return f"Step {self.method} of {len(METHOD_STEPS)} · {name}{part}"

    def intro(self, facts: SessionFacts) -> list[Block]:
        """What to show before the questions."""
        return []

    def prompts(self, facts: SessionFacts) -> list[Prompt]:
        """The questions (none means the step only shows something)."""
        return []

    def apply(self, facts: SessionFacts, answers: dict[str, Any]) -> StepResult:
        """Turn parsed answers into what to show and what to store."""
        return StepResult()


def text(words: str, *actions: Action) -> Block:
    """Plain words ({0}, {1}… stand for the actions, worded by each front end)."""
    return Block(words, actions=actions)


def fact(words: str) -> Block:
    """A fact from the person's own search."""
    return Block(words, BlockKind.FACT)


def figure(words: str, source: str) -> Block:
    """A published figure, always with its source and year."""
    return Block(words, BlockKind.FIGURE, source)


def note(words: str) -> Block:
    """A gentle note."""
    return Block(words, BlockKind.NOTE)


def support_block(facts: SessionFacts, mood: int | None) -> list[Block]:
    """The note about talking to someone, when this mood answer makes it due (shown once, not every time)."""
    if mood is None:
        return []
    history = [r for r in facts.readings if r.at < facts.now]
    if support_note_due([*history, Reading(facts.now, mood)]):
        return [note(SUPPORT_NOTE)]
    return []
