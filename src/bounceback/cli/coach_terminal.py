"""The coach's steps in a terminal: Rich shows the blocks, plain prompts take the answers. /skip skips a step,
/quit stops for now; every question can be left blank."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rich.console import Console
from rich.rule import Rule
from rich.text import Text

from bounceback.cli.messages import say, with_actions
from bounceback.coach.driver import Stop
from bounceback.coach.prompts import Block, BlockKind, Prompt, PromptKind, parse_answer
from bounceback.coach.session import ReviewPart, StepView
from bounceback.domain.errors import InvalidInput

SKIP, QUIT = "/skip", "/quit"
HOW_TO = "Enter leaves a question blank. Type /skip to skip a step, /quit to stop and come back later."
MULTI_LINE = (PromptKind.WRITING, PromptKind.LINES, PromptKind.PEOPLE)
STYLES = {BlockKind.TEXT: "", BlockKind.FACT: "cyan", BlockKind.FIGURE: "", BlockKind.NOTE: "yellow"}


class SkipStep(Exception):
    """The person typed /skip."""


class RichDisplay:
    """Shows steps and blocks on a Rich console."""

    def __init__(self, console: Console, *, show_how_to: bool = True) -> None:
        self.console = console
        self.show_how_to = show_how_to

    def step(self, view: StepView, *, resumed: bool) -> None:
        """A rule with the part's heading (the step of the method it belongs to), then its introduction."""
        if resumed:
            self.console.print(Text(f"Picking up where you left off, at “{view.title}”."))
        if self.show_how_to:
            self.console.print(Text(HOW_TO, style="bright_black"))
            self.show_how_to = False
        self.console.print(Rule(Text(view.title), align="left"))
        self.blocks(view.intro)

    def review(self, parts: list[ReviewPart], *, short: bool) -> None:
        """A finished session, part by part, as it was answered."""
        self.console.print(Text(f"The {'short' if short else 'full'} session, as you answered it:"))
        for part in parts:
            self.console.print(Rule(Text(part.title), align="left"))
            if part.skipped:
                self.console.print(Text("Skipped.", style="bright_black"))
            elif not part.lines:
                self.console.print(Text("Nothing written here.", style="bright_black"))
            for line in part.lines:
                self.console.print(Text(f"  {line}"))

    def blocks(self, blocks: list[Block]) -> None:
        """Each block on its own line; a figure ends with its source."""
        for block in blocks:
            line = Text(with_actions(block.text, block.actions), style=STYLES[block.kind])
            if block.source:
                line.append(f" ({block.source})", style="bright_black")
            self.console.print(line)


class TerminalSource:
    """Asks each prompt on the terminal, checking each answer as it is typed."""

    def __init__(self, console: Console) -> None:
        self.console = console

    def answers(self, view: StepView) -> Mapping[str, Any] | None:
        """The step's answers, None after /skip; Stop after /quit or the end of input."""
        answers: dict[str, Any] = {}
        try:
            for prompt in view.prompts:
                value = self._ask(prompt)
                if value is not None:
                    answers[prompt.key] = value
        except SkipStep:
            return None
        return answers

    def _ask(self, prompt: Prompt) -> Any:
        """One prompt, asked again until its answer can be read."""
        if prompt.help:
            self.console.print(Text(prompt.help, style="bright_black"))
        for number, choice in enumerate(prompt.choices, start=1):
            self.console.print(Text(f"  {number}. {choice.label}"))
        while True:
            raw = self._read_many(prompt) if prompt.kind in MULTI_LINE else self._read(f"{prompt.label} ")
            try:
                return parse_answer(prompt, raw)
            except InvalidInput as exc:
                self.console.print(Text(say(exc), style="red"))

    def _read_many(self, prompt: Prompt) -> list[str]:
        """Lines until an empty one."""
        self.console.print(Text(prompt.label))
        self.console.print(Text("(one line at a time; an empty line ends)", style="bright_black"))
        lines = []
        while line := self._read("> "):
            lines.append(line)
        return lines

    def _read(self, label: str) -> str:
        """One line, with /skip and /quit understood and the end of input taken as /quit."""
        try:
            line = self.console.input(Text(label, style="bold"))
        except EOFError:
            raise Stop from None
        word = line.strip().lower()
        if word == SKIP:
            raise SkipStep
        if word == QUIT:
            raise Stop
        return line.strip()


def ask_choice(console: Console, question: str, options: tuple[str, ...]) -> str | None:
    """One word out of a few, asked until it is one of them; None for Enter, /quit or the end of input."""
    while True:
        try:
            line = console.input(Text(f"{question} ", style="bold"))
        except EOFError:
            return None
        word = line.strip().lower()
        if not word or word == QUIT:
            return None
        found = [option for option in options if option.startswith(word)]
        if len(found) == 1:
            return found[0]
        console.print(Text(f"“{line.strip()}” is not one of: {', '.join(options)}.", style="red"))
