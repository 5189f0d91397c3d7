"""Getting good at rejection: bounce-back time, rejections against a yearly goal, and how the pipeline looks.
Pure: records in, numbers and plain sentences out."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from statistics import median

from bounceback.domain.model import Application
from bounceback.domain.stages import Stage
from bounceback.domain.wellbeing import MIN_TREND_POINTS

DAY_SECONDS = 86_400
IN_PLAY = (Stage.APPLIED, Stage.SCREENING, Stage.INTERVIEWING, Stage.OFFER)
QUIET_DAYS = 14  # days without a new application before the pipeline note mentions it


class StepKind(StrEnum):
    """A step forward after a rejection."""

    APPLICATION = "application"
    FOLLOW_UP = "follow_up"
    INTERVIEW = "interview"

    @property
    def phrase(self) -> str:
        """The step as a sentence names it."""
        return _STEP_PHRASES[self]


_STEP_PHRASES = {
    StepKind.APPLICATION: "a new application",
    StepKind.FOLLOW_UP: "a follow-up sent",
    StepKind.INTERVIEW: "an interview",
}


@dataclass(frozen=True)
class Rejection:
    """A no, on one application, at a moment."""

    application_id: int
    at: datetime
    label: str = ""


@dataclass(frozen=True)
class ForwardStep:
    """Something the person did that moved the search on."""

    application_id: int
    at: datetime
    kind: StepKind


@dataclass(frozen=True)
class BounceBack:
    """A rejection and the first step forward after it (None while there is none yet)."""

    rejection: Rejection
    step: ForwardStep | None

    @property
    def days(self) -> float | None:
        """Days from the rejection to the step forward, or None while waiting."""
        if self.step is None:
            return None
        return (self.step.at - self.rejection.at).total_seconds() / DAY_SECONDS

    def waiting_days(self, now: datetime) -> float:
        """Days since the rejection, for one that has no step forward yet."""
        return (now - self.rejection.at).total_seconds() / DAY_SECONDS


def bounce_backs(rejections: Iterable[Rejection], steps: Iterable[ForwardStep]) -> list[BounceBack]:
    """Each rejection with the first step forward after it on another application, oldest rejection first."""
    ordered = sorted(steps, key=lambda s: s.at)
    result = []
    for rejection in sorted(rejections, key=lambda r: r.at):
        step = next(
            (s for s in ordered if s.at > rejection.at and s.application_id != rejection.application_id),
            None,
        )
        result.append(BounceBack(rejection, step))
    return result


class Trend(StrEnum):
    """Which way bounce-back time is going."""

    SHORTER = "shorter"
    LONGER = "longer"
    STEADY = "steady"
    TOO_FEW = "too_few"


def bounce_back_trend(backs: Sequence[BounceBack]) -> Trend:
    """Compare the recent half of the measured bounce-backs with the earlier half (a day's change is noise).

    Under five measured bounce-backs there is no trend to speak of (the same rule as mood, domain/wellbeing)."""
    days = [b.days for b in sorted(backs, key=lambda b: b.rejection.at) if b.days is not None]
    if len(days) < MIN_TREND_POINTS:
        return Trend.TOO_FEW
    half = len(days) // 2
    earlier, recent = median(days[:half]), median(days[-half:])
    if abs(recent - earlier) < 1:
        return Trend.STEADY
    return Trend.SHORTER if recent < earlier else Trend.LONGER


def days_text(days: float) -> str:
    """A span of days as people say it."""
    whole = int(days)
    if whole < 1:
        return "the same day"
    return "1 day" if whole == 1 else f"{whole} days"


def bounce_back_sentence(back: BounceBack, now: datetime) -> str:
    """How long this rejection took to bounce back from, or how long it has been."""
    if back.step is None or back.days is None:
        waited = back.waiting_days(now)
        since = "less than a day" if waited < 1 else days_text(waited)
        return f"No step forward since this rejection yet; it has been {since}."
    if back.days < 1:
        return f"You took a step forward the same day: {back.step.kind.phrase}."
    return f"{days_text(back.days).capitalize()} to your next step forward: {back.step.kind.phrase}."


TREND_SENTENCES = {
    Trend.SHORTER: "Your bounce-back time is getting shorter.",
    Trend.LONGER: "Your recent bounce-backs took longer than the earlier ones. Hard stretches do that.",
    Trend.STEADY: "Your bounce-back time is holding steady.",
    Trend.TOO_FEW: "After a few more, you will see whether your bounce-back time is shrinking.",
}


def rejections_in_year(rejections: Iterable[Rejection], year: int) -> int:
    """How many noes came in a calendar year (UTC)."""
    return sum(1 for r in rejections if r.at.year == year)


def goal_year(now: datetime) -> int:
    """The year a rejection goal is asked for: this one, or from December the coming one."""
    return now.year + 1 if now.month == 12 else now.year


def goal_sentence(count: int, goal: int | None, year: int) -> str:
    """Rejections so far against the person's goal, each counted as a sign of trying."""
    noes = "1 rejection" if count == 1 else f"{count} rejections"
    if goal is None:
        return f"{noes} in {year} so far. Each one means you put yourself forward."
    if count >= goal:
        return f"{noes} in {year}: you have reached your goal of {goal}. That is a lot of trying."
    return f"{noes} of your goal of {goal} for {year}. Each one means you put yourself forward."


@dataclass(frozen=True)
class Pipeline:
    """How many openings are in play, how many are dream jobs, and how recently the person applied."""

    active: int
    saved: int
    dream: int
    days_since_application: int | None


def pipeline(apps: Iterable[Application], today: date) -> Pipeline:
    """The facts of the search as it stands today."""
    apps = list(apps)
    in_play = [a for a in apps if a.stage in IN_PLAY]
    applied = [a.applied_on for a in apps if a.applied_on is not None]
    return Pipeline(
        active=len(in_play),
        saved=sum(1 for a in apps if a.stage is Stage.SAVED),
        dream=sum(1 for a in in_play if a.dream_job),
        days_since_application=(today - max(applied)).days if applied else None,
    )


def pipeline_facts(p: Pipeline) -> str:
    """The pipeline in one line."""
    parts = [f"{p.active} open application{'s' if p.active != 1 else ''}"]
    if p.dream:
        parts.append(f"{p.dream} flagged as a dream job")
    if p.saved:
        parts.append(f"{p.saved} saved to apply to")
    if p.days_since_application is not None:
        since = p.days_since_application
        parts.append("last new application today" if since == 0 else f"last new application {since} days ago")
    return "; ".join(parts) + "."


def pipeline_nudge(p: Pipeline) -> str | None:
    """A plain nudge when the search hangs on one or two openings, or has gone quiet; None when it looks fine."""
    if p.active == 0:
        return (
            "Nothing is open right now. One new application this week gets things moving, even a rough one."
        )
    if p.active <= 2:
        count = "one opening" if p.active == 1 else "two openings"
        dream = _dream_clause(p)
        return (
            f"Your search rests on {count}{dream}. That is a lot of weight for one or two employers to carry; "
            "a few more applications spread it out."
        )
    if p.days_since_application is not None and p.days_since_application >= QUIET_DAYS:
        return (
            f"It has been {p.days_since_application} days since your last new application. "
            "The ones in play may still come through; a new one keeps the search from waiting on them."
        )
    return None


def _dream_clause(p: Pipeline) -> str:
    """Whether the one or two openings in play are dream jobs, for the nudge."""
    if not p.dream:
        return ""
    if p.active == 1:
        return ", and it is a dream job"
    return ", both of them dream jobs" if p.dream == 2 else ", one of them a dream job"
