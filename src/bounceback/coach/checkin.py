"""The weekly check-in: the WHO-5 Well-Being Index and the mood item, stored, with trends and, once, a note
about talking to someone when the answers stay low."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from bounceback.coach.history import load_readings
from bounceback.coach.prompts import Block, Prompt, PromptKind, parse_answers
from bounceback.coach.session import StepView
from bounceback.coach.step import fact, note, text
from bounceback.domain.coaching import CheckIn
from bounceback.domain.errors import InvalidInput
from bounceback.domain.wellbeing import (
    SUPPORT_NOTE,
    WHO5_ITEMS,
    WHO5_PERIOD,
    WHO5_SCALE,
    WHO5_SOURCE,
    Reading,
    mood_trend,
    support_note_due,
    who5_percent,
    who5_raw,
    who5_trend,
)
from bounceback.workspace.change import Change

CHECKIN_KEY = "checkin"
WHO5_KEYS = tuple(f"who5_{n}" for n in range(1, len(WHO5_ITEMS) + 1))


def checkin_view() -> StepView:
    """The check-in as one form: five WHO-5 items, the mood item and an optional note."""
    scale = " · ".join(f"{value} {words.lower()}" for value, words in WHO5_SCALE)
    intro = [
        text(f"A short weekly check-in: the {WHO5_SOURCE}, then your mood today. Skip what you like."),
        text(f"{WHO5_PERIOD} answer each from 0 to 5 ({scale})."),
    ]
    items = [
        Prompt(key, f"{item} (0–5):", PromptKind.NUMBER, high=5)
        for key, item in zip(WHO5_KEYS, WHO5_ITEMS, strict=True)
    ]
    return StepView(
        CHECKIN_KEY,
        1,
        1,
        "Weekly check-in",
        intro,
        [
            *items,
            Prompt("mood", "Your mood today, 0 (very low) to 10 (very good):", PromptKind.NUMBER),
            Prompt("note", "Anything you want to remember about this week? (optional)", PromptKind.TEXT),
        ],
    )


def from_file(data: Mapping[str, Any]) -> dict[str, Any]:
    """A check-in answers file's {"who5": [five numbers], "mood": n, "note": "…"} as the form's answers."""
    answers = {k: v for k, v in data.items() if k != "who5"}
    who5 = data.get("who5")
    if who5 is None:
        return answers
    if not isinstance(who5, list) or len(who5) != len(WHO5_KEYS):
        raise InvalidInput(
            f"“who5” in the answers file should be a list of {len(WHO5_KEYS)} numbers from 0 to 5."
        )
    return {**answers, **dict(zip(WHO5_KEYS, who5, strict=True))}


def record_checkin(change: Change, raw: Mapping[str, Any], now: datetime) -> list[Block]:
    """Store one check-in and say what it shows, with trends over earlier ones."""
    answers = parse_answers(checkin_view().prompts, dict(raw), where="The check-in")
    items = [answers.get(key) for key in WHO5_KEYS]
    given = [i for i in items if i is not None]
    if given and len(given) != len(items):
        raise InvalidInput("Answer all five WHO-5 questions, or none of them.")
    mood = answers.get("mood")
    if not given and mood is None:
        raise InvalidInput("Nothing to record: answer the WHO-5 questions, the mood question, or both.")
    history = load_readings(change.read)
    change.store.add(CheckIn(now, mood, list(given), answers.get("note", "")))
    change.store.flush()
    reading = Reading(now, mood, tuple(given))
    return summary_blocks([*history, reading])


def summary_blocks(readings: list[Reading]) -> list[Block]:
    """What the newest check-in shows: the score, the trends, and the note about support when it is due."""
    newest = readings[-1]
    blocks: list[Block] = []
    if newest.who5:
        raw = who5_raw(newest.who5)
        blocks.append(fact(f"Your WHO-5 well-being score: {who5_percent(raw)} out of 100 (raw {raw} of 25)."))
    for sentence in (who5_trend(readings), mood_trend(readings)):
        if sentence:
            blocks.append(fact(sentence))
    if support_note_due(readings):
        blocks.append(note(SUPPORT_NOTE))
    blocks.append(text("Saved."))
    return blocks
