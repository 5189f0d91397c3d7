"""Perspective after a rejection: honest base rates with their sources, the odds of a streak, and reasons
that are not about worth. Pure: figures in, sentences out."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from fractions import Fraction

from bounceback.domain.stages import Stage


class Level(StrEnum):
    """Where in a hiring process a no came: before anyone spoke with the person, after, or at the offer."""

    APPLICATION = "application"
    CONVERSATION = "conversation"
    OFFER = "offer"

    @property
    def phrase(self) -> str:
        """How a sentence names this point in the process."""
        return _LEVEL_PHRASES[self]


_LEVEL_PHRASES = {
    Level.APPLICATION: "after applying",
    Level.CONVERSATION: "after talking with the employer",
    Level.OFFER: "at the offer",
}


def level_of(stage: Stage) -> Level:
    """The level a rejection came at, from the open stage it was closed from."""
    if stage is Stage.OFFER:
        return Level.OFFER
    if stage in (Stage.SCREENING, Stage.INTERVIEWING):
        return Level.CONVERSATION
    return Level.APPLICATION


@dataclass(frozen=True)
class BaseRate:
    """A published figure: the chance of moving on from a point in the process, and where it comes from."""

    chance: Fraction  # of moving on (an interview, a hire)
    sentence: str
    source: str
    year: int

    @property
    def cited(self) -> str:
        """The source with its year, as every figure shows it."""
        return f"{self.source} {self.year}"


STEPSTONE_2025 = BaseRate(
    Fraction(3, 20),
    "Job seekers sent a median of 20 applications and got 3 interview invitations: "
    "most applications end without a conversation.",
    "Stepstone survey",
    2025,
)
CAREERPLUG_INTERVIEWED_2024 = BaseRate(
    Fraction(3, 100),
    "Small businesses invited about 3 % of applicants to an interview.",
    "CareerPlug hiring data",
    2024,
)
CAREERPLUG_HIRED_2024 = BaseRate(
    Fraction(27, 100),
    "Small businesses hired about 27 % of the people they interviewed; nearly 3 in 4 heard no.",
    "CareerPlug hiring data",
    2024,
)

# The figure a streak is measured against: the person's own side of the search where there is one.
STREAK_RATE: dict[Level, BaseRate | None] = {
    Level.APPLICATION: STEPSTONE_2025,
    Level.CONVERSATION: CAREERPLUG_HIRED_2024,
    Level.OFFER: None,
}
# Everything worth showing at each level, the streak's own figure first.
RATES: dict[Level, tuple[BaseRate, ...]] = {
    Level.APPLICATION: (STEPSTONE_2025, CAREERPLUG_INTERVIEWED_2024),
    Level.CONVERSATION: (CAREERPLUG_HIRED_2024, CAREERPLUG_INTERVIEWED_2024),
    Level.OFFER: (),
}
NO_OFFER_FIGURE = (
    "There is no good published figure for offers that fall through, so there is no number here. "
    "An offer means they wanted to hire you."
)
MOST_HEAR_NO = (
    "Employers usually meet several people who could do the job and hire one, "
    "so most qualified candidates hear no."
)


def rates_for(level: Level) -> tuple[BaseRate, ...]:
    """The figures that put a rejection at this level in proportion."""
    return RATES[level]


@dataclass(frozen=True)
class StageOutcome:
    """One application's result at a level: it got past it, or it was turned down there."""

    at: datetime
    passed: bool


def current_streak(outcomes: Iterable[StageOutcome]) -> int:
    """How many rejections in a row end the history, counting back to the last time the person got past."""
    streak = 0
    for outcome in sorted(outcomes, key=lambda o: o.at, reverse=True):
        if outcome.passed:
            break
        streak += 1
    return streak


def streak_chance(chance_to_pass: Fraction, rejections: int) -> Fraction:
    """The exact chance of `rejections` noes in a row when each try passes with `chance_to_pass`."""
    if rejections < 0:
        raise ValueError("a streak cannot be negative")
    return (1 - chance_to_pass) ** rejections


def _nearest(value: Fraction) -> int:
    """A fraction rounded half up to a whole number (Python's round() would round half to even)."""
    return int(value + Fraction(1, 2))


def one_in(chance: Fraction) -> int:
    """The N of "about 1 in N" for a chance, rounded to the nearest whole person."""
    if chance <= 0:
        raise ValueError("a chance of nothing is not 1 in anything")
    return max(1, _nearest(1 / chance))


def percent(chance: Fraction) -> str:
    """A chance as a percentage without needless decimals: 27/100 → "27 %"."""
    return f"{float(chance * 100):g} %"


def how_common(chance: Fraction) -> str:
    """A chance in words people can picture."""
    if chance >= Fraction(1, 2):
        return f"most people with the same odds see this (about {_nearest(chance * 10)} in 10)"
    return f"about 1 in {one_in(chance)} people with the same odds see this"


def streak_sentence(level: Level, rejections: int) -> str | None:
    """The person's current run of noes at this level, set against the published odds; None without a figure."""
    rate = STREAK_RATE[level]
    if rate is None or rejections < 1:
        return None
    chance = streak_chance(rate.chance, rejections)
    run = "One rejection" if rejections == 1 else f"{rejections} rejections in a row"
    sentence = (
        f"{run} {level.phrase}. If each try has a {percent(rate.chance)} chance of getting through "
        f"({rate.cited}), {how_common(chance)}."
    )
    if chance < Fraction(1, 20):
        sentence += (
            " A run this long is uncommon under average odds. Averages hide a lot (field, level, market), "
            "and it may be worth looking for a pattern in your lessons."
        )
    return sentence


def finalists_sentence(finalists: int | None) -> str | None:
    """ "N finalists, 1 hire", when the person knows how many were in the final round."""
    if finalists is None or finalists < 2:
        return None
    return (
        f"{finalists} finalists, 1 hire: {finalists - 1} in {finalists} of them heard no, "
        "and every one of them was good enough to reach the final round."
    )


def worth_reflection(percent: int) -> str:
    """A plain answer to how much of their worth the person is resting on this decision."""
    if percent <= 0:
        return "You are keeping your worth apart from this decision. That is not easy after a no."
    if percent < 30:
        return "A little of you is riding on this. That is what happens when something mattered."
    return (
        f"You are resting {percent} % of your worth on one decision, made by a few people, about one "
        "opening, with what they could see in a few hours. It tells you their needs were not met this "
        "time. It does not measure you."
    )


class Reason(StrEnum):
    """Common reasons for a no that say nothing about a person's worth."""

    EXPERIENCE = "experience"
    TRAIT = "trait"
    INTERNAL = "internal"
    OFF_DAY = "off_day"
    CLOSER_MATCH = "closer_match"
    CHANGED = "changed"
    TIMING = "timing"

    @property
    def label(self) -> str:
        """The reason as the person reads it."""
        return REASON_LABELS[self]


REASON_LABELS = {
    Reason.EXPERIENCE: "They wanted experience I do not have yet",
    Reason.TRAIT: "They were looking for a particular trait or background",
    Reason.INTERNAL: "An internal candidate, or someone they already knew",
    Reason.OFF_DAY: "I had an off day",
    Reason.CLOSER_MATCH: "Someone else matched their list more closely",
    Reason.CHANGED: "The budget, the team or the role changed",
    Reason.TIMING: "Timing: someone was further along when they decided",
}
