"""Well-being over time: the WHO-5 Well-Being Index, the single mood item, their trends, and when to mention,
once and kindly, that talking to someone helps. Pure; no diagnosis is made or implied."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from statistics import mean

from bounceback.domain.errors import InvalidInput

WHO5_SOURCE = "WHO-5 Well-Being Index (World Health Organization, 1998)"
WHO5_PERIOD = "Over the last two weeks:"
# The instrument's own wording: changing it would change what the score means.
WHO5_ITEMS = (
    "I have felt cheerful and in good spirits",
    "I have felt calm and relaxed",
    "I have felt active and vigorous",
    "I woke up feeling fresh and rested",
    "My daily life has been filled with things that interest me",
)
WHO5_SCALE = (
    (5, "All of the time"),
    (4, "Most of the time"),
    (3, "More than half of the time"),
    (2, "Less than half of the time"),
    (1, "Some of the time"),
    (0, "At no time"),
)
WHO5_LOW_RAW = 13  # a raw score below this is the instrument's usual mark for low well-being
MOOD_VERY_LOW = 2  # on the 0–10 mood item
SUPPORT_QUIET_DAYS = 28  # the note is not repeated within four weeks
MIN_TREND_POINTS = 5  # fewer days than this show the values, never a direction

SUPPORT_NOTE = (
    "Your answers have been low for a while. A job search can wear anyone down, and talking to someone "
    "helps: a friend you trust, your doctor, or a counsellor. If you would like to talk to someone today, "
    "findahelpline.com lists free, confidential helplines in many countries. This note will not keep "
    "coming back."
)


def who5_raw(items: Sequence[int]) -> int:
    """The raw WHO-5 score, 0–25, from the five items (0–5 each)."""
    if len(items) != len(WHO5_ITEMS):
        raise InvalidInput(f"The WHO-5 has {len(WHO5_ITEMS)} answers, not {len(items)}.")
    for number, value in enumerate(items, start=1):
        if not isinstance(value, int) or not 0 <= value <= 5:
            raise InvalidInput(f"WHO-5 answer {number} is a whole number from 0 to 5, not {value!r}.")
    return sum(items)


def who5_percent(raw: int) -> int:
    """The WHO-5 score on its 0–100 scale (raw × 4)."""
    return raw * 4


def who5_is_low(raw: int) -> bool:
    """True for a raw score under 13, where a conversation with someone is worth suggesting."""
    return raw < WHO5_LOW_RAW


@dataclass(frozen=True)
class Reading:
    """One moment's answers: the mood item (0–10) and, in a weekly check-in, the five WHO-5 items."""

    at: datetime
    mood: int | None = None
    who5: tuple[int, ...] = ()

    @property
    def score(self) -> int | None:
        """The WHO-5 score 0–100, or None when the items were not answered."""
        return who5_percent(who5_raw(self.who5)) if self.who5 else None


def _is_low(reading: Reading, earlier: Sequence[Reading]) -> bool:
    """Low WHO-5, or a very low mood that was also very low on an earlier day."""
    if reading.who5 and who5_is_low(who5_raw(reading.who5)):
        return True
    if reading.mood is None or reading.mood > MOOD_VERY_LOW:
        return False
    before = [r for r in earlier if r.mood is not None and r.at.date() < reading.at.date()]
    return bool(before) and before[-1].mood is not None and before[-1].mood <= MOOD_VERY_LOW


def support_flags(readings: Sequence[Reading]) -> list[bool]:
    """For each reading, oldest first, whether the support note was (or is) shown with it."""
    ordered = sorted(readings, key=lambda r: r.at)
    flags: list[bool] = []
    last_shown: datetime | None = None
    for index, reading in enumerate(ordered):
        recently = last_shown is not None and reading.at - last_shown < timedelta(days=SUPPORT_QUIET_DAYS)
        show = _is_low(reading, ordered[:index]) and not recently
        if show:
            last_shown = reading.at
        flags.append(show)
    return flags


def support_note_due(readings: Sequence[Reading]) -> bool:
    """Whether the newest reading should come with the note about talking to someone."""
    return bool(readings) and support_flags(readings)[-1]


class Direction(StrEnum):
    """Which way a series is moving."""

    UP = "up"
    DOWN = "down"
    STEADY = "steady"
    TOO_FEW = "too_few"


def direction(values: Sequence[float], *, meaningful: float) -> Direction:
    """Compare the mean of the latest values (up to three) with as many before them; small moves are steady.

    Under five values there is no direction to speak of: a change between two or three answers is noise."""
    if len(values) < MIN_TREND_POINTS:
        return Direction.TOO_FEW
    span = min(3, len(values) // 2)
    recent, earlier = values[-span:], values[-2 * span : -span]
    change = mean(recent) - mean(earlier)
    if abs(change) < meaningful:
        return Direction.STEADY
    return Direction.UP if change > 0 else Direction.DOWN


_MOVES = {
    Direction.UP: "going up",
    Direction.DOWN: "going down",
    Direction.STEADY: "about the same",
}


TOO_FEW_FOR_A_TREND = "which way it is going shows after answers on five different days."


def series_sentence(label: str, values: Sequence[int], scale: str, *, meaningful: float) -> str | None:
    """ "Mood over time: 4 → 5 → 6 → 6 → 7 (0–10), going up." None when nothing was recorded; under five
    values the sentence says a direction will show later instead of claiming one (one value is just shown)."""
    if not values:
        return None
    shown = " → ".join(str(v) for v in values[-6:])
    if len(values) == 1:
        return f"{label}: {shown} ({scale})."
    move = _MOVES.get(direction(values, meaningful=meaningful))
    return f"{label}: {shown} ({scale}), " + (f"{move}." if move else TOO_FEW_FOR_A_TREND)


def one_a_day(readings: Sequence[Reading], keep: Callable[[Reading], int | None]) -> list[int]:
    """The value of the last reading of each day that has one, oldest first.

    A second check-in on the same day replaces the first: two answers an hour apart are not a trend."""
    by_day: dict[date, int] = {}
    for reading in sorted(readings, key=lambda r: r.at):
        value = keep(reading)
        if value is not None:
            by_day[reading.at.date()] = value
    return list(by_day.values())


def mood_trend(readings: Sequence[Reading]) -> str | None:
    """The mood item over time, one value a day; a change of one point or more counts."""
    values = one_a_day(readings, lambda r: r.mood)
    return series_sentence("Mood over time", values, "0–10", meaningful=1)


def who5_trend(readings: Sequence[Reading]) -> str | None:
    """The WHO-5 score over time, one value a day; a change under 10 points counts as steady."""
    values = one_a_day(readings, lambda r: r.score)
    return series_sentence("Well-being (WHO-5)", values, "0–100", meaningful=10)


def mood_change_sentence(before: int | None, after: int | None) -> str | None:
    """How the mood moved over a session, stated without judging it."""
    if before is None or after is None:
        return None
    if after > before:
        return f"Mood {before} → {after}: a little lighter than when you started."
    if after < before:
        return f"Mood {before} → {after}. Looking closely at a rejection can sting; that is allowed."
    return f"Mood {before} → {after}, the same as when you started."
