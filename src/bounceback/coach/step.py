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


class Step:
    """One step of the session; subclasses fill in the words and the rules."""

    key: ClassVar[str]
    title: ClassVar[str]

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
