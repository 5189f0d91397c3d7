"""The report's words, in one place, so the terminal and the HTML page say the same thing the same way."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from bounceback.domain.rates import Rate
from bounceback.domain.stages import Stage

STAGE_WORDS = {
    Stage.SAVED: "Saved",
    Stage.APPLIED: "Applied",
    Stage.SCREENING: "Screening",
    Stage.INTERVIEWING: "Interviewing",
    Stage.OFFER: "Offer",
    Stage.ACCEPTED: "Accepted",
}
REJECTED_AT = {
    Stage.APPLIED: "after applying",
    Stage.SCREENING: "after screening",
    Stage.INTERVIEWING: "after interviews",
    Stage.OFFER: "at the offer stage",
}
FUNNEL_NOTE = "Each application counts once, at the furthest stage it reached."
ANSWERED_MEANS = "any reply from the employer (screening, interview, assessment, offer or a rejection)."
NO_THEMES = "No lessons, hard questions or feedback recorded yet; the bounce-back session collects them."
NO_RECOVERY = "Nothing yet: bounce-back sessions and check-ins will show here."
NO_APPLICATIONS = "No applications yet. Add one with {0}, or try {1}."  # the caller words the two actions
SMALL_SAMPLE = 10  # fewer applications sent than this: counts only, no percentages
SMALL_SAMPLE_NOTE = f"Where fewer than {SMALL_SAMPLE} were sent, only the counts are shown: a percentage of so few says little."


def plural(count: int, word: str) -> str:
    """'1 note', '3 notes'."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def ghosted_means(ghost_after_days: int) -> str:
    """What 'ghosted' counts, with the threshold in force."""
    return f"closed as ghosted, or no word for {ghost_after_days}+ days while waiting on the employer."


def days(value: float | None) -> str:
    """'6 days', '1 day', 'the same day', or an en dash when unknown."""
    if value is None:
        return "–"
    if value == 0:
        return "the same day"
    shown = f"{value:g}"
    return f"{shown} day" if value == 1 else f"{shown} days"


def rate_text(rate: Rate) -> str:
    """'12 (40 %)'; on a small sample only the counts, '1 of 1', since 100 % of one says little."""
    if rate.out_of < SMALL_SAMPLE:
        return f"{rate.count} of {rate.out_of}" if rate.out_of else "–"
    return f"{rate.count} ({rate.percent})"


def is_small(rate: Rate) -> bool:
    """True when the rate rests on too few applications for a percentage."""
    return rate.out_of < SMALL_SAMPLE


def rejections_sentence(total: int) -> str:
    """How many applications ended in a no, said plainly."""
    ended = "application ended" if total == 1 else "applications ended"
    return f"{total} {ended} in a rejection."


def in_the_running(later: int) -> str:
    """Rejections after a conversation: the person got close."""
    which = "It" if later == 1 else f"{later} of them"
    return f"{which} came after you had talked to the employer: you were in the running."


def wait_sentence(median: float | None, known: int, quickest: float | None, slowest: float | None) -> str:
    """The typical wait for a first answer, and how much it rests on."""
    if not known:
        return "No first answers with a known date yet."
    if known == 1:
        return f"Wait for a first answer: {days(median)}, from the one answer with a known date."
    base = f"median of {known}" if known >= SMALL_SAMPLE else f"from only {known} answers, a rough guide"
    return (
        f"Typical wait for a first answer: {days(median)} ({base}; quickest: {days(quickest)}, "
        f"slowest: {days(slowest)})."
    )


def trend_sentence(known: Sequence[float]) -> str:
    """The typical bounce-back time, then which way it is going by the coach's rule (domain/recovery.py).

    Takes the measured days in the order the rejections came; the trend rule only reads those days and that
    order, so they are handed to it as pairs placed one after another."""
    from bounceback.domain import recovery

    start = datetime(2000, 1, 1, tzinfo=UTC)
    pairs = [
        recovery.BounceBack(
            recovery.Rejection(0, start + timedelta(days=1000 * i)),
            recovery.ForwardStep(1, start + timedelta(days=1000 * i + d), recovery.StepKind.APPLICATION),
        )
        for i, d in enumerate(known)
    ]
    typical = statistics.median(known)
    when = (
        "the same day as a rejection" if typical < 1 else f"{recovery.days_text(typical)} after a rejection"
    )
    trend = recovery.TREND_SENTENCES[recovery.bounce_back_trend(pairs)]
    return f"Your next step forward usually comes {when} (median of {len(known)}). {trend}"
