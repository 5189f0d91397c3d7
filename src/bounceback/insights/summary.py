"""All the insights of one search, computed once and handed to whichever view draws them (terminal, HTML, web)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo

from bounceback.domain.flows import Sankey, sankey
from bounceback.domain.rates import (
    AnswerTimes,
    FunnelStep,
    Journey,
    SourceRates,
    answer_times,
    funnel,
    journey,
    rates_by_source,
    rejections_by_stage,
    source_rates,
)
from bounceback.domain.stages import Stage
from bounceback.insights.effort import WeekEffort, weekly_effort
from bounceback.insights.gather import SearchFacts, gather
from bounceback.insights.recovery import BounceBack, MoodPoint, bounce_backs, mood_points, mood_sentences
from bounceback.insights.themes import ThemeSet, collect_notes, find_themes
from bounceback.settings import Settings


@dataclass(frozen=True)
class Insights:
    """The search in numbers: what the report and the dashboard show."""

    generated_at: datetime
    ghost_after_days: int
    applications: int
    overall: SourceRates
    funnel: list[FunnelStep]
    rejections: dict[Stage, int]
    by_source: list[SourceRates]
    answer_times: AnswerTimes
    sankey: Sankey
    effort: list[WeekEffort]
    bounce_backs: list[BounceBack]
    moods: list[MoodPoint]
    mood_trends: list[str]
    themes: ThemeSet

    @property
    def rejection_total(self) -> int:
        """All rejections, wherever they came."""
        return sum(self.rejections.values())


def journeys_of(facts: SearchFacts) -> list[Journey]:
    """Each application's journey, read from its timeline."""
    return [journey(v.app, facts.events.get(v.app.id or 0, ())) for v in facts.views]


def build_insights(
    facts: SearchFacts, *, now: datetime, zone: tzinfo, ghost_after_days: int, themes: bool = True
) -> Insights:
    """Compute every insight from the facts (themes import scikit-learn; leave them out where that is too slow)."""
    journeys = journeys_of(facts)
    apps = [v.app for v in facts.views]
    notes = collect_notes(facts)
    return Insights(
        generated_at=now,
        ghost_after_days=ghost_after_days,
        applications=len(apps),
        overall=source_rates("All sources", journeys, now, ghost_after_days),
        funnel=funnel(apps),
        rejections=rejections_by_stage(apps),
        by_source=rates_by_source(journeys, now, ghost_after_days),
        answer_times=answer_times(journeys),
        sankey=sankey(journeys, now, ghost_after_days),
        effort=weekly_effort(facts, journeys, zone, now),
        bounce_backs=bounce_backs(facts, zone),
        moods=mood_points(facts, zone),
        mood_trends=mood_sentences(facts),
        themes=find_themes(notes) if themes else ThemeSet([], "not computed", len(notes)),
    )


def load_insights(settings: Settings, *, now: datetime | None = None, themes: bool = True) -> Insights:
    """Read the workspace the settings point at and compute its insights."""
    from bounceback.dates import local_zone
    from bounceback.storage.reads import open_reads

    read = open_reads(settings)
    try:
        facts = gather(read)
    finally:
        read.close()
    return build_insights(
        facts,
        now=now or datetime.now(UTC),
        zone=local_zone(settings.timezone),
        ghost_after_days=settings.ghost_after_days,
        themes=themes,
    )
