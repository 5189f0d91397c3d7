"""Perspective: published base rates with their sources, the odds of a streak, and the words around them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bounceback.domain.perspective import (
    RATES,
    STREAK_RATE,
    Level,
    Reason,
    StageOutcome,
    current_streak,
    finalists_sentence,
    how_common,
    level_of,
    one_in,
    rates_for,
    streak_chance,
    streak_sentence,
    worth_reflection,
)
from bounceback.domain.stages import Stage

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


# Streak odds -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("rejections", range(13))
def test_streak_chance_matches_a_direct_computation(rejections: int) -> None:
    """GIVEN a 27 % chance of passing each time WHEN k noes in a row are measured
    THEN the chance is exactly 0.73 multiplied k times, and agrees with floating-point arithmetic."""
    exact = streak_chance(Fraction(27, 100), rejections)
    direct = Fraction(1)
    for _ in range(rejections):
        direct *= Fraction(73, 100)
    assert exact == direct
    assert float(exact) == pytest.approx((1 - 0.27) ** rejections, rel=1e-12)


@given(
    passes=st.integers(min_value=1, max_value=99),
    rejections=st.integers(min_value=1, max_value=60),
)
def test_one_in_n_is_the_rounded_inverse_of_the_streak_chance(passes: int, rejections: int) -> None:
    """GIVEN any chance of passing and any streak WHEN it is put as "about 1 in N"
    THEN N is 1 / (1 - p)^k rounded half up, computed here from scratch in floating point."""
    chance = streak_chance(Fraction(passes, 100), rejections)
    expected = max(1, int(1 / ((1 - passes / 100) ** rejections) + 0.5))
    assert one_in(chance) == pytest.approx(expected, rel=1e-9, abs=1)  # a float may round the other way
    assert one_in(chance) == max(1, int(1 / chance + Fraction(1, 2)))


def test_five_rejections_after_interviews_are_about_one_in_five() -> None:
    """GIVEN five noes in a row after talking with employers WHEN the sentence is written
    THEN it says about 1 in 5 people with the same odds see this, and names CareerPlug 2024."""
    sentence = streak_sentence(Level.CONVERSATION, 5)
    assert sentence is not None
    assert "5 rejections in a row after talking with the employer" in sentence
    assert "about 1 in 5 people with the same odds see this" in sentence
    assert "27 %" in sentence and "CareerPlug" in sentence and "2024" in sentence


def test_a_single_rejection_is_what_most_people_see() -> None:
    """GIVEN one no after applying (a 3 in 20 chance of an interview, Stepstone 2025) WHEN it is put in words
    THEN it says most people with the same odds see this, about 9 in 10 (0.85 rounded half up)."""
    sentence = streak_sentence(Level.APPLICATION, 1)
    assert sentence is not None
    assert "most people with the same odds see this (about 9 in 10)" in sentence
    assert "Stepstone survey 2025" in sentence and "15 %" in sentence


def test_a_long_run_is_called_uncommon_without_blame() -> None:
    """GIVEN 12 noes in a row after interviews (0.73^12 ≈ 2 %) WHEN described
    THEN it says the run is uncommon, that averages hide a lot, and points at the lessons."""
    sentence = streak_sentence(Level.CONVERSATION, 12)
    assert sentence is not None
    assert f"about 1 in {one_in(Fraction(73, 100) ** 12)} people" in sentence
    assert "uncommon" in sentence and "lessons" in sentence


def test_no_streak_figure_without_a_published_rate() -> None:
    """GIVEN a no at the offer (no good published figure) or no streak at all WHEN asked THEN nothing is made up."""
    assert STREAK_RATE[Level.OFFER] is None
    assert streak_sentence(Level.OFFER, 3) is None
    assert streak_sentence(Level.CONVERSATION, 0) is None
    assert rates_for(Level.OFFER) == ()


def test_how_common_switches_wording_at_one_half() -> None:
    """GIVEN chances either side of one half WHEN put in words THEN at least half reads "most people"."""
    assert how_common(Fraction(1, 2)).startswith("most people")
    assert how_common(Fraction(49, 100)) == "about 1 in 2 people with the same odds see this"
    assert how_common(Fraction(1, 20)) == "about 1 in 20 people with the same odds see this"


def test_one_in_refuses_a_chance_of_nothing() -> None:
    """GIVEN a zero chance WHEN asked for 1 in N THEN it refuses rather than dividing by zero."""
    with pytest.raises(ValueError, match="1 in"):
        one_in(Fraction(0))
    with pytest.raises(ValueError, match="negative"):
        streak_chance(Fraction(1, 2), -1)


# Sources ---------------------------------------------------------------------------------------------------
def test_every_figure_shows_its_source_and_year() -> None:
    """GIVEN all published figures WHEN cited THEN each names its source and a year, and matches its sentence."""
    figures = {rate for level in Level for rate in RATES[level]}
    assert {f"{r.source} {r.year}" for r in figures} == {r.cited for r in figures}
    for rate in figures:
        assert rate.source and 2000 < rate.year < 2100
        assert 0 < rate.chance < 1
    cited = {(r.cited, r.chance) for r in figures}
    assert ("CareerPlug hiring data 2024", Fraction(27, 100)) in cited
    assert ("CareerPlug hiring data 2024", Fraction(3, 100)) in cited
    assert ("Stepstone survey 2025", Fraction(3, 20)) in cited
    assert "20 applications" in rates_for(Level.APPLICATION)[0].sentence


# The person's own streak -------------------------------------------------------------------------------
def test_current_streak_counts_back_to_the_last_time_through() -> None:
    """GIVEN outcomes given out of order: through, no, through, no, no WHEN the streak is counted
    THEN it is 2: the noes after the most recent time the person got through."""
    outcomes = [
        StageOutcome(T0 + timedelta(days=40), passed=False),
        StageOutcome(T0, passed=True),
        StageOutcome(T0 + timedelta(days=30), passed=False),
        StageOutcome(T0 + timedelta(days=10), passed=False),
        StageOutcome(T0 + timedelta(days=20), passed=True),
    ]
    assert current_streak(outcomes) == 2
    assert current_streak([]) == 0
    assert current_streak([StageOutcome(T0, passed=True)]) == 0
    assert current_streak([StageOutcome(T0 + timedelta(days=d), passed=False) for d in range(4)]) == 4


@pytest.mark.parametrize(
    ("stage", "level"),
    [
        (Stage.SAVED, Level.APPLICATION),
        (Stage.APPLIED, Level.APPLICATION),
        (Stage.SCREENING, Level.CONVERSATION),
        (Stage.INTERVIEWING, Level.CONVERSATION),
        (Stage.OFFER, Level.OFFER),
    ],
)
def test_level_of_the_stage_a_no_came_at(stage: Stage, level: Level) -> None:
    """GIVEN the stage an application was closed from WHEN its level is read THEN a screening call counts
    as talking with the employer."""
    assert level_of(stage) is level


# Words -----------------------------------------------------------------------------------------------------
def test_finalists_sentence() -> None:
    """GIVEN the number of finalists WHEN known THEN "N finalists, 1 hire"; with one or none, nothing."""
    assert finalists_sentence(4) is not None
    assert finalists_sentence(4).startswith("4 finalists, 1 hire: 3 in 4 of them heard no")  # type: ignore[union-attr]
    assert finalists_sentence(2).startswith("2 finalists, 1 hire: 1 in 2")  # type: ignore[union-attr]
    assert finalists_sentence(1) is None
    assert finalists_sentence(None) is None


@pytest.mark.parametrize(("percent", "words"), [(0, "apart"), (20, "mattered"), (80, "80 %")])
def test_worth_reflection_answers_the_number(percent: int, words: str) -> None:
    """GIVEN how much self-worth rests on the decision WHEN reflected back THEN the answer fits the number."""
    assert words in worth_reflection(percent)


def test_reasons_are_about_fit_and_circumstance() -> None:
    """GIVEN the reasons offered WHEN listed THEN each has words, including an internal candidate and an off day."""
    labels = {r: r.label for r in Reason}
    assert all(labels.values())
    assert "internal" in labels[Reason.INTERNAL].lower()
    assert "off day" in labels[Reason.OFF_DAY]
