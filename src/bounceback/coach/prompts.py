"""What a step asks and what it shows, as plain data that a terminal, an answers file or a web form can use."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from bounceback.domain import rules
from bounceback.domain.actions import Action
from bounceback.domain.errors import InvalidInput


class PromptKind(StrEnum):
    """The shape of an answer."""

    NUMBER = "number"
    TEXT = "text"  # one line
    WRITING = "writing"  # free text over several lines
    CHOICE = "choice"
    CHOICES = "choices"
    YES_NO = "yes_no"
    DATE = "date"
    LINES = "lines"  # a list of short items
    PEOPLE = "people"  # "Name <email>, title", one per item


@dataclass(frozen=True)
class Choice:
    """One option of a choice: the value stored, the words shown, and other words that pick it."""

    value: str
    label: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Prompt:
    """One question. Every answer may be left blank."""

    key: str
    label: str
    kind: PromptKind
    help: str = ""
    low: int = 0
    high: int = 10
    choices: tuple[Choice, ...] = ()


class BlockKind(StrEnum):
    """How a piece of text is meant: plain words, a fact about the search, a published figure, a gentle note."""

    TEXT = "text"
    FACT = "fact"
    FIGURE = "figure"
    NOTE = "note"


@dataclass(frozen=True)
class Block:
    """Something to show. A figure always carries its source. `{0}`, `{1}`… in the text stand for `actions`,
    which each front end words as it offers them (a command to type, a link)."""

    text: str
    kind: BlockKind = BlockKind.TEXT
    source: str = ""
    actions: tuple[Action, ...] = ()


_PERSON = re.compile(r"^(?P<name>[^<,]*?)\s*(?:<(?P<email>[^>]*)>)?\s*(?:,\s*(?P<title>.*))?$")


def parse_answer(prompt: Prompt, raw: Any) -> Any:
    """A typed or loaded answer as JSON-safe data, None when blank; a plain sentence when it cannot be read.
    Parsing an already parsed answer gives it back unchanged."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    return _PARSERS[prompt.kind](prompt, raw)


def _number(prompt: Prompt, raw: Any) -> int:
    text = str(raw).strip().rstrip("%").strip()
    if isinstance(raw, bool) or not re.fullmatch(r"-?\d+", text):
        raise InvalidInput(f"“{raw}” is not a whole number from {prompt.low} to {prompt.high}.")
    value = int(text)
    if not prompt.low <= value <= prompt.high:
        raise InvalidInput(f"{value} is outside {prompt.low} to {prompt.high}.")
    return value


def _text(_prompt: Prompt, raw: Any) -> str | None:
    if not isinstance(raw, str):
        raise InvalidInput(f"“{raw}” should be text.")
    return raw.strip() or None


def _writing(prompt: Prompt, raw: Any) -> str | None:
    if isinstance(raw, list):
        raw = "\n".join(str(line) for line in raw)
    return _text(prompt, raw)


def _choice(prompt: Prompt, raw: Any) -> str:
    text = str(raw).strip()
    for number, choice in enumerate(prompt.choices, start=1):
        names = {choice.value, choice.label, str(number), *choice.aliases}
        if text.lower() in {name.lower() for name in names if name}:
            return choice.value
    options = ", ".join(f"{n} {c.value}" for n, c in enumerate(prompt.choices, start=1))
    raise InvalidInput(f"“{text}” is not one of the options: {options}.")


def _choices(prompt: Prompt, raw: Any) -> list[str] | None:
    items = raw if isinstance(raw, list) else re.split(r"[,\s]+", str(raw).strip())
    values: list[str] = []
    for item in items:
        if str(item).strip():
            value = _choice(prompt, item)
            if value not in values:
                values.append(value)
    return values or None


def _yes_no(_prompt: Prompt, raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    text = str(raw).strip().lower()
    if text in {"y", "yes", "true", "1"}:
        return True
    if text in {"n", "no", "false", "0"}:
        return False
    raise InvalidInput(f"“{raw}” is not yes or no.")


def _date(_prompt: Prompt, raw: Any) -> str:
    """A day from ISO or a phrase; for plans, so "friday" means the coming one."""
    if isinstance(raw, date):
        return raw.isoformat()
    text = str(raw).strip()
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    import dateparser

    cleaned = re.sub(r"^next\s+", "", text, flags=re.IGNORECASE)
    parsed = dateparser.parse(cleaned, languages=["en"], settings={"PREFER_DATES_FROM": "future"})
    if parsed is None:
        from datetime import timedelta

        from bounceback.dates import now_utc

        ahead = now_utc().date() + timedelta(days=10)
        raise InvalidInput(f"“{text}” is not a date I can read; try {ahead:%Y-%m-%d} or “friday”.")
    return parsed.date().isoformat()


def _lines(_prompt: Prompt, raw: Any) -> list[str] | None:
    items = raw if isinstance(raw, list) else str(raw).splitlines()
    lines = [str(item).strip() for item in items if str(item).strip()]
    return lines or None


def _people(_prompt: Prompt, raw: Any) -> list[dict[str, str]] | None:
    items = raw if isinstance(raw, list) else str(raw).splitlines()
    people = [_person(item) for item in items if item]
    return [p for p in people if p["name"]] or None


def _person(item: Any) -> dict[str, str]:
    """One person met: from "Name <email>, title" or from {"name": …, "email": …, "title": …}."""
    if isinstance(item, dict):
        person = {key: str(item.get(key) or "").strip() for key in ("name", "email", "title")}
    else:
        match = _PERSON.match(str(item).strip())
        if match is None or not match.group("name").strip():
            raise InvalidInput(f"“{item}” should look like: Dana Smith <dana@example.com>, Head of Data.")
        person = {
            "name": match.group("name").strip(),
            "email": (match.group("email") or "").strip(),
            "title": (match.group("title") or "").strip(),
        }
    rules.check_contact(person)  # asked now, so the prompt can ask again, not fail when the session is saved
    return person


_PARSERS = {
    PromptKind.NUMBER: _number,
    PromptKind.TEXT: _text,
    PromptKind.WRITING: _writing,
    PromptKind.CHOICE: _choice,
    PromptKind.CHOICES: _choices,
    PromptKind.YES_NO: _yes_no,
    PromptKind.DATE: _date,
    PromptKind.LINES: _lines,
    PromptKind.PEOPLE: _people,
}


def parse_answers(prompts: list[Prompt], raw: dict[str, Any], *, where: str) -> dict[str, Any]:
    """All answers of one step, refusing keys the step does not ask; blanks are left out."""
    known = {p.key for p in prompts}
    unknown = sorted(set(raw) - known)
    if unknown:
        asked = ", ".join(sorted(known)) or "nothing"
        raise InvalidInput(f"{where} does not ask “{unknown[0]}”; it asks: {asked}.")
    answers = {}
    for prompt in prompts:
        value = parse_answer(prompt, raw.get(prompt.key))
        if value is not None:
            answers[prompt.key] = value
    return answers
