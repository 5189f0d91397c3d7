"""The search's rates, defined once: every report, chart and page counts with these rules.

Definitions (counts are applications, never emails: five scheduling emails are one interview):

- **Sent**: an application that got at least as far as *applied* (its furthest stage reached). Saved postings
  that were never sent are tracked but not counted in any rate.
- **Answer** (a response): any reply from the employer — a screening, an interview, an assessment, an offer, or
  a rejection. An acknowledgment ("we received your application") is not an answer. The *first* answer is the
  earliest stage move to screening, interviewing, offer or rejected, or the earliest email labelled as one of
  those (or as an assessment). When the timeline holds no such entry (an old import), the stage record itself
  tells that an answer came, with its time unknown.
- **Ghosted**: closed as ghosted, or still waiting on the employer (applied, screening or interviewing) with no
  sign of life for the ghosting threshold (`BOUNCEBACK_GHOST_AFTER_DAYS`, 21 days unless set). Silence after a
  first answer counts too, so an application can be both answered and ghosted.
- **Interview**: the application reached *interviewing* (a screening call alone does not count).
- **Time to first answer**: calendar days from the day it was sent (the applied date the person gave, else the
  day it left *saved*) to the first answer; unknown when the application was recorded already answered.
- **Funnel**: applications by the *furthest* stage they reached, so a rejection after three interview rounds
  still counts as an interview.
- **Rejections by stage**: where each rejection came (the stage it was closed from).
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from bounceback.domain.due import last_heard
from bounceback.domain.model import Application, Event, EventKind, Source
from bounceback.domain.outreach import SENT
from bounceback.domain.stages import AWAITING_EMPLOYER, PROGRESS, Stage


class Answer(StrEnum):
    """The kinds of reply that count as the employer answering."""

    SCREENING = "screening"
    INTERVIEW = "interview"
    ASSESSMENT = "assessment"
    OFFER = "offer"
    REJECTION = "rejection"


ANSWER_LABELS: dict[Answer, str] = {
    Answer.SCREENING: "Screening",
    Answer.INTERVIEW: "Interview",
    Answer.ASSESSMENT: "Assessment",
    Answer.OFFER: "Offer",
    Answer.REJECTION: "Rejection",
}
SOURCE_LABELS: dict[Source | None, str] = {
    Source.JOB_BOARD: "Job board",
    Source.REFERRAL: "Referral",
    Source.COMPANY_SITE: "Company site",
    Source.RECRUITER: "Recruiter",
    Source.LINKEDIN: "LinkedIn",
    Source.NETWORKING: "Networking",
    Source.EMAIL: "Email",
    Source.OTHER: "Other",
    None: "Not recorded",
}
# A move to one of these stages is the employer's reply.
_STAGE_ANSWERS: dict[Stage, Answer] = {
    Stage.SCREENING: Answer.SCREENING,
    Stage.INTERVIEWING: Answer.INTERVIEW,
    Stage.OFFER: Answer.OFFER,
    Stage.REJECTED: Answer.REJECTION,
}
# An email with one of these labels (kept in the event's `cause`) is a reply.
_EMAIL_ANSWERS: dict[str, Answer] = {a.value: a for a in Answer}


@dataclass(frozen=True)
class Journey:
    """One application seen whole: when it went out and how the employer first answered."""

    app: Application
    sent_on: date | None
    answer: Answer | None
    answered_at: datetime | None
    days_to_answer: int | None

    @property
    def source_label(self) -> str:
        """Where the opening was found, in words."""
        return SOURCE_LABELS[self.app.source]


def is_sent(app: Application) -> bool:
    """True once the application went out (its furthest stage is applied or beyond)."""
    return app.furthest_stage.rank >= Stage.APPLIED.rank


def answer_of(event: Event) -> Answer | None:
    """The kind of answer a timeline entry records, if it records one."""
    if event.kind is EventKind.STAGE and event.to_stage is not None:
        return _STAGE_ANSWERS.get(event.to_stage)
    if event.kind is EventKind.EMAIL and not event.details.get(SENT):  # one the person sent is no answer
        return _EMAIL_ANSWERS.get(event.cause)
    return None


def answer_from_record(app: Application) -> Answer | None:
    """The answer the stage record proves, for applications whose timeline does not show it."""
    if app.furthest_stage.rank >= Stage.SCREENING.rank:
        return _STAGE_ANSWERS[app.furthest_stage]
    if app.stage is Stage.REJECTED:
        return Answer.REJECTION
    return None


def journey(app: Application, events: Iterable[Event]) -> Journey:
    """Read one application's timeline (any order, any kinds) into its journey."""
    ordered = sorted(events, key=lambda e: (e.occurred_at, e.id or 0))
    left_saved = next((e for e in ordered if e.kind is EventKind.STAGE and e.from_stage is Stage.SAVED), None)
    first = next((e for e in ordered if answer_of(e) is not None), None)
    if not is_sent(app):
        return Journey(app, None, None, None, None)
    sent_on = app.applied_on or (left_saved.occurred_at.date() if left_saved else None)
    if first is None:
        return Journey(app, sent_on, answer_from_record(app), None, None)
    days = None
    if sent_on is not None and first is not left_saved:
        days = max(0, (first.occurred_at.date() - sent_on).days)
    return Journey(app, sent_on, answer_of(first), first.occurred_at, days)


def is_ghosted(app: Application, now: datetime, ghost_after_days: int) -> bool:
    """Closed as ghosted, or waiting on the employer in silence for the ghosting threshold."""
    if app.stage is Stage.GHOSTED:
        return True
    heard = last_heard(app)
    return app.stage in AWAITING_EMPLOYER and heard is not None and (now - heard).days >= ghost_after_days


def reached_interview(app: Application) -> bool:
    """True when the application got to interviewing, whatever came after."""
    return app.furthest_stage.rank >= Stage.INTERVIEWING.rank


@dataclass(frozen=True)
class Rate:
    """A part of a whole, kept as counts so it can be shown as '3 of 12'."""

    count: int
    out_of: int

    @property
    def share(self) -> float | None:
        """The fraction, or None when there is nothing to divide by."""
        return self.count / self.out_of if self.out_of else None

    @property
    def percent(self) -> str:
        """'25 %', or an en dash when there is nothing to count."""
        share = self.share
        return "–" if share is None else f"{round(share * 100)} %"


@dataclass(frozen=True)
class SourceRates:
    """How applications from one source fared."""

    source: str
    sent: int
    answered: Rate
    ghosted: Rate
    interviewed: Rate
    median_days_to_answer: float | None


def source_rates(label: str, journeys: list[Journey], now: datetime, ghost_after_days: int) -> SourceRates:
    """The rates of one group of sent applications."""
    sent = [j for j in journeys if is_sent(j.app)]
    total = len(sent)
    return SourceRates(
        source=label,
        sent=total,
        answered=Rate(sum(j.answer is not None for j in sent), total),
        ghosted=Rate(sum(is_ghosted(j.app, now, ghost_after_days) for j in sent), total),
        interviewed=Rate(sum(reached_interview(j.app) for j in sent), total),
        median_days_to_answer=median_days(sent),
    )


def rates_by_source(journeys: list[Journey], now: datetime, ghost_after_days: int) -> list[SourceRates]:
    """Rates per source with any sent application, most-used source first."""
    groups: dict[str, list[Journey]] = {}
    for j in journeys:
        if is_sent(j.app):
            groups.setdefault(j.source_label, []).append(j)
    rows = [source_rates(label, group, now, ghost_after_days) for label, group in groups.items()]
    return sorted(rows, key=lambda r: (-r.sent, r.source))


def median_days(journeys: Iterable[Journey]) -> float | None:
    """The typical number of days to a first answer, where it is known."""
    days = [j.days_to_answer for j in journeys if j.days_to_answer is not None]
    return float(statistics.median(days)) if days else None


@dataclass(frozen=True)
class AnswerTimes:
    """How long first answers took."""

    known: int
    median: float | None
    quickest: int | None
    slowest: int | None


def answer_times(journeys: Iterable[Journey]) -> AnswerTimes:
    """Median, quickest and slowest days to a first answer, over those whose time is known."""
    days = sorted(j.days_to_answer for j in journeys if j.days_to_answer is not None)
    if not days:
        return AnswerTimes(0, None, None, None)
    return AnswerTimes(len(days), float(statistics.median(days)), days[0], days[-1])


@dataclass(frozen=True)
class FunnelStep:
    """How many applications got at least this far."""

    stage: Stage
    count: int


def funnel(apps: Iterable[Application]) -> list[FunnelStep]:
    """Applications reaching each step, by furthest stage reached; the last step is an accepted offer."""
    apps = list(apps)
    steps = [FunnelStep(s, sum(a.furthest_stage.rank >= s.rank for a in apps)) for s in PROGRESS]
    return [*steps, FunnelStep(Stage.ACCEPTED, sum(a.stage is Stage.ACCEPTED for a in apps))]


def rejections_by_stage(apps: Iterable[Application]) -> dict[Stage, int]:
    """How many rejections came at each open stage, in stage order (stages with none left out)."""
    counts = Counter(a.closed_from or a.furthest_stage for a in apps if a.stage is Stage.REJECTED)
    return {s: counts[s] for s in PROGRESS if counts[s]}
