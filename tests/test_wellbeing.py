"""Well-being: WHO-5 scoring, trends, and the note about talking to someone, shown once rather than every time."""

from __future__ import annotations

import json
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Protocol

import pytest

from bounceback.domain.errors import InvalidInput
from bounceback.domain.wellbeing import (
    SUPPORT_NOTE,
    Direction,
    Reading,
    direction,
    mood_change_sentence,
    mood_trend,
    support_flags,
    support_note_due,
    who5_is_low,
    who5_percent,
    who5_raw,
    who5_trend,
)

T0 = datetime(2026, 3, 2, 19, 0, tzinfo=UTC)


class CLI(Protocol):
    """The `cli` fixture of conftest.py: the real entry point as a subprocess."""

    home: Path

    def __call__(
        self, *args: str, input: str | None = None, check: bool = True
    ) -> subprocess.CompletedProcess[str]: ...


def week(n: float) -> datetime:
    """T0 plus n weeks."""
    return T0 + timedelta(weeks=n)


# WHO-5 scoring ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("items", "raw", "percent", "low"),
    [
        ([5, 5, 5, 5, 5], 25, 100, False),
        ([0, 0, 0, 0, 0], 0, 0, True),
        ([3, 3, 3, 2, 2], 13, 52, False),  # 13 is the first score that is not low
        ([3, 3, 2, 2, 2], 12, 48, True),
        ([4, 3, 4, 2, 3], 16, 64, False),
    ],
)
def test_who5_raw_score_percentage_and_low_mark(items: list[int], raw: int, percent: int, low: bool) -> None:
    """GIVEN five answers from 0 to 5 WHEN scored THEN raw is their sum, the score is raw × 4, low is raw < 13."""
    assert who5_raw(items) == raw
    assert who5_percent(raw) == percent
    assert who5_is_low(raw) is low


@pytest.mark.parametrize(
    ("items", "words"), [([3, 3, 3, 3], "5 answers, not 4"), ([3, 3, 6, 3, 3], "answer 3")]
)
def test_who5_refuses_answers_it_cannot_score(items: list[int], words: str) -> None:
    """GIVEN four answers, or an answer of 6 WHEN scored THEN a plain sentence says what is wrong."""
    with pytest.raises(InvalidInput, match=words):
        who5_raw(items)


# The support note ------------------------------------------------------------------------------------------
def test_low_scores_bring_the_note_once_not_every_week() -> None:
    """GIVEN low WHO-5 check-ins in weeks 0, 1, 2 and 5, with a good one in week 3 WHEN the note is decided
    THEN it shows in week 0, not in weeks 1 or 2, and again in week 5 (four weeks after it was shown)."""
    low, good = (2, 2, 2, 2, 2), (4, 4, 4, 4, 4)
    readings = [Reading(week(n), 5, low) for n in (0, 1, 2)] + [
        Reading(week(3), 7, good),
        Reading(week(5), 3, low),
    ]
    assert support_flags(readings) == [True, False, False, False, True]
    assert not support_note_due(readings[:2])
    assert support_note_due(readings[:1])


def test_a_very_low_mood_counts_when_it_stays_low_across_days() -> None:
    """GIVEN mood 2 twice on one day WHEN decided THEN no note (one bad day is not a pattern); GIVEN mood 1
    on the next day too THEN the note shows; with good WHO-5 answers and a mood of 6 it never does."""
    same_day = [Reading(T0, 2), Reading(T0 + timedelta(hours=1), 2)]
    assert support_flags(same_day) == [False, False]
    assert support_note_due([*same_day, Reading(T0 + timedelta(days=1), 1)])
    assert not support_note_due([Reading(T0, 6, (3, 3, 3, 3, 3)), Reading(week(1), 6)])


def test_the_note_is_kind_and_plain() -> None:
    """GIVEN the note WHEN read THEN it suggests talking to someone, says where to look, and diagnoses nothing."""
    assert "talking to someone helps" in SUPPORT_NOTE
    assert "findahelpline.com" in SUPPORT_NOTE
    for word in ("depress", "disorder", "diagnos", "symptom"):
        assert word not in SUPPORT_NOTE.lower()


# Trends ----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([5], Direction.TOO_FEW),
        ([4, 6], Direction.TOO_FEW),  # two answers are no trend
        ([2, 4, 6, 8], Direction.TOO_FEW),  # nor four
        ([4, 4, 4, 6, 6], Direction.UP),
        ([6, 6.5, 6, 6.5, 6.2], Direction.STEADY),
        ([7, 7, 7, 3, 3, 3], Direction.DOWN),
        ([1, 1, 1, 1, 5, 5, 5], Direction.UP),  # the last three against the three before them
    ],
)
def test_direction_compares_the_latest_with_those_before(values: list[float], expected: Direction) -> None:
    """GIVEN a series WHEN its direction is read THEN under five values there is none; from five the latest
    (up to three) are compared with as many before."""
    assert direction(values, meaningful=1) is expected


def test_trend_sentences_over_check_ins_and_sessions() -> None:
    """GIVEN five weekly check-ins with rising scores and moods WHEN described THEN both trends read
    "going up"."""
    readings = [
        Reading(week(0), 3, (1, 2, 2, 2, 2)),
        Reading(week(1), 4, (2, 2, 2, 2, 2)),
        Reading(week(2), 5, (3, 3, 2, 2, 3)),
        Reading(week(3), 6, (3, 3, 3, 3, 3)),
        Reading(week(4), 7, (4, 4, 3, 3, 4)),
    ]
    assert who5_trend(readings) == "Well-being (WHO-5): 36 → 40 → 52 → 60 → 72 (0–100), going up."
    assert mood_trend(readings) == "Mood over time: 3 → 4 → 5 → 6 → 7 (0–10), going up."
    assert mood_trend([]) is None


def test_three_check_ins_show_their_values_and_claim_no_trend() -> None:
    """GIVEN three check-ins with rising moods WHEN described THEN the values are shown and the sentence says a
    direction shows later, instead of "going up"."""
    readings = [Reading(week(0), 3), Reading(week(1), 5), Reading(week(2), 7)]
    sentence = mood_trend(readings)
    assert sentence == (
        "Mood over time: 3 → 5 → 7 (0–10), which way it is going shows after answers on five different days."
    )


def test_a_second_check_in_on_the_same_day_replaces_the_first() -> None:
    """GIVEN check-ins on four days, the fourth with two (4, then 8 an hour later) WHEN described THEN each day
    counts once, with its latest answer, and four days make no trend; a fifth day makes one."""
    day = [week(0) + timedelta(days=n) for n in range(5)]
    readings = [Reading(day[0], 5), Reading(day[1], 5), Reading(day[2], 5)]
    readings += [Reading(day[3], 4), Reading(day[3] + timedelta(hours=1), 8)]
    assert mood_trend(readings) == (
        "Mood over time: 5 → 5 → 5 → 8 (0–10), which way it is going shows after answers on five different days."
    )
    readings.append(Reading(day[4], 8))
    assert mood_trend(readings) == "Mood over time: 5 → 5 → 5 → 8 → 8 (0–10), going up."


def test_mood_change_over_a_session_is_stated_without_judging() -> None:
    """GIVEN moods before and after WHEN described THEN up, down and the same each get a plain sentence."""
    assert mood_change_sentence(3, 5) == "Mood 3 → 5: a little lighter than when you started."
    assert "sting" in (mood_change_sentence(6, 4) or "")
    assert mood_change_sentence(4, 4) == "Mood 4 → 4, the same as when you started."
    assert mood_change_sentence(None, 4) is None


# The check-in command --------------------------------------------------------------------------------------
def _answers(tmp_path: Path, name: str, data: dict[str, object]) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def _plain(text: str) -> str:
    return " ".join(text.split())


def test_checkin_scores_stores_and_shows_the_note_once(cli: CLI, tmp_path: Path) -> None:
    """GIVEN two low check-ins in a row and then a better one, through `checkin --answers`
    WHEN each is recorded THEN each shows its WHO-5 score, the first alone carries the support note,
    and the third, on the same day, is taken as that day's answer, not as a trend going up."""
    low = _answers(tmp_path, "low.json", {"who5": [2, 2, 3, 2, 2], "mood": 2, "note": "rough week"})
    first = _plain(cli("checkin", "--answers", low).stdout)
    assert "Your WHO-5 well-being score: 44 out of 100 (raw 11 of 25)." in first
    assert _plain(SUPPORT_NOTE) in first
    second = _plain(cli("checkin", "--answers", low).stdout)
    assert "44 out of 100" in second
    assert "findahelpline" not in second
    better = _answers(tmp_path, "better.json", {"who5": [4, 4, 3, 3, 4], "mood": 6})
    third = _plain(cli("checkin", "--answers", better).stdout)
    assert "Well-being (WHO-5): 72 (0–100)." in third
    assert "Mood over time: 6 (0–10)." in third
    assert "going up" not in third
    assert "findahelpline" not in third


def test_checkin_with_mood_only_and_mistakes(cli: CLI, tmp_path: Path) -> None:
    """GIVEN a check-in with only the mood, one with three WHO-5 answers, and one with nothing
    WHEN recorded THEN the first is kept, the others are refused with a plain sentence and exit 1."""
    done = cli("checkin", "--answers", _answers(tmp_path, "mood.json", {"mood": 7}))
    assert "Mood over time: 7 (0–10)." in _plain(done.stdout)
    partial = cli("checkin", "--answers", _answers(tmp_path, "p.json", {"who5": [1, 2, 3]}), check=False)
    assert partial.returncode == 1
    assert "should be a list of 5 numbers from 0 to 5" in partial.stderr
    empty = cli("checkin", "--answers", _answers(tmp_path, "e.json", {"note": "just a note"}), check=False)
    assert empty.returncode == 1
    assert "Nothing to record" in empty.stderr
    unknown = cli("checkin", "--answers", _answers(tmp_path, "u.json", {"mod": 4}), check=False)
    assert unknown.returncode == 1 and "“mod”" in unknown.stderr
