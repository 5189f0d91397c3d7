"""The insights page's data: the insights package's numbers, and its Plotly figures as JSON for the browser.
Computing them reads the whole search, so the page keeps the result per data version (see cache.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from bounceback.domain.stages import Stage

if TYPE_CHECKING:
    from bounceback.insights.summary import Insights
    from bounceback.web.deps import WebContext


@dataclass(frozen=True)
class Chart:
    """One figure on the page: where it goes and the Plotly JSON the browser draws."""

    name: str
    label: str
    figure: str


@dataclass
class InsightsPage:
    """Everything the page shows."""

    insights: Insights
    charts: dict[str, Chart] = field(default_factory=dict)
    words: dict[str, str] = field(default_factory=dict)
    stats: list[Any] = field(default_factory=list)


def _charts(ins: Insights) -> dict[str, Chart]:
    """The report's figures, drawn when there is something to draw."""
    from bounceback.insights import charts

    known = [b.days for b in ins.bounce_backs if b.days is not None]
    wanted = {
        "sankey": (ins.applications, lambda: charts.sankey_figure(ins.sankey), "Sankey diagram of where applications went"),
        "funnel": (True, lambda: charts.funnel_figure(ins), "Funnel by furthest stage reached"),
        "rejections": (ins.rejections, lambda: charts.rejections_figure(ins), "Rejections by the stage they came at"),
        "rates": (ins.by_source, lambda: charts.rates_figure(ins), "Answer, interview and ghosting rates by source"),
        "effort": (ins.effort, lambda: charts.effort_figure(ins), "Steps taken per week"),
        "bounce": (known, lambda: charts.bounce_figure(ins), "Days from each rejection to the next step forward"),
        "mood": (ins.moods, lambda: charts.mood_figure(ins), "Mood over time"),
    }  # fmt: skip
    return {
        name: Chart(name, label, make().to_json()) for name, (show, make, label) in wanted.items() if show
    }


def _words(ins: Insights) -> dict[str, str]:
    """The sentences around the charts, from the report's own catalogue."""
    from bounceback.insights import words

    known = [b.days for b in ins.bounce_backs if b.days is not None]
    later = sum(n for s, n in ins.rejections.items() if s.rank >= Stage.SCREENING.rank)
    small = [row.answered for row in ins.by_source]
    return {
        "funnel": words.FUNNEL_NOTE,
        "answered": words.ANSWERED_MEANS,
        "ghosted": words.ghosted_means(ins.ghost_after_days),
        "no_recovery": words.NO_RECOVERY,
        "no_themes": words.NO_THEMES,
        "rejections": words.rejections_sentence(ins.rejection_total) if ins.rejections else "",
        "in_the_running": words.in_the_running(later) if later else "",
        "bounce_trend": words.trend_sentence(known) if known else "",
        "small_sample": words.SMALL_SAMPLE_NOTE if any(map(words.is_small, small)) else "",
    }


def compute_insights(web: WebContext, now: datetime) -> InsightsPage:
    """Read the search and draw the page (slow on a large search; see InsightsCache)."""
    from bounceback.dates import local_zone
    from bounceback.insights.gather import gather
    from bounceback.insights.page import stats
    from bounceback.insights.summary import build_insights

    with web.read() as read:
        facts = gather(read)
    ins = build_insights(
        facts, now=now, zone=local_zone(web.settings.timezone), ghost_after_days=web.settings.ghost_after_days
    )
    return InsightsPage(ins, _charts(ins), _words(ins), stats(ins))
