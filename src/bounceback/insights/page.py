"""The self-contained HTML report: one file with Plotly's JavaScript inside, no request to anywhere."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bounceback.domain.rates import Rate
from bounceback.domain.stages import Stage
from bounceback.files import write_atomically
from bounceback.insights import charts
from bounceback.insights.summary import Insights
from bounceback.insights.words import (
    ANSWERED_MEANS,
    FUNNEL_NOTE,
    NO_RECOVERY,
    NO_THEMES,
    SMALL_SAMPLE_NOTE,
    days,
    ghosted_means,
    in_the_running,
    is_small,
    plural,
    rate_text,
    rejections_sentence,
    trend_sentence,
    wait_sentence,
)

TEMPLATES = Path(__file__).parent / "templates"
# Charts stay still and quiet: no Plotly logo or link, no toolbar, and they follow the page's width.
CONFIG = {"displaylogo": False, "displayModeBar": False, "responsive": True}


@dataclass(frozen=True)
class Stat:
    """One headline number with a few words under it."""

    value: str
    label: str


def chart(figure: Any, name: str) -> str:
    """A figure as an HTML fragment that uses the page's single inlined copy of Plotly."""
    import plotly.io as pio

    return str(
        pio.to_html(figure, full_html=False, include_plotlyjs=False, config=CONFIG, div_id=f"chart-{name}")
    )


def stats(ins: Insights) -> list[Stat]:
    """The headline numbers."""
    o = ins.overall
    offers = next((s.count for s in ins.funnel if s.stage is Stage.OFFER), 0)
    return [
        Stat(str(o.sent), f"applications sent (of {ins.applications} tracked)"),
        share_stat(o.answered, "answered"),
        share_stat(o.interviewed, "reached interviews"),
        Stat(str(offers), "offers"),
        Stat(days(ins.answer_times.median), "typical wait for a first answer"),
        Stat(str(ins.rejection_total), "rejections"),
    ]


def share_stat(rate: Rate, label: str) -> Stat:
    """'40 %' over 'answered (12)'; on a small sample the counts, '1 of 1', over 'answered'."""
    if is_small(rate):
        return Stat(rate_text(rate), label)
    return Stat(rate.percent, f"{label} ({rate.count})")


def context(ins: Insights) -> dict[str, Any]:
    """Everything the template shows, with each chart already drawn."""
    known = [b.days for b in ins.bounce_backs if b.days is not None]
    later = sum(n for s, n in ins.rejections.items() if s.rank >= Stage.SCREENING.rank)
    return {
        "ins": ins,
        "stats": stats(ins),
        "sankey": chart(charts.sankey_figure(ins.sankey), "sankey") if ins.applications else "",
        "funnel": chart(charts.funnel_figure(ins), "funnel"),
        "rejections": chart(charts.rejections_figure(ins), "rejections") if ins.rejections else "",
        "rejections_sentence": rejections_sentence(ins.rejection_total),
        "in_the_running": in_the_running(later) if later else "",
        "rates": chart(charts.rates_figure(ins), "rates") if ins.by_source else "",
        "effort": chart(charts.effort_figure(ins), "effort") if ins.effort else "",
        "bounce": chart(charts.bounce_figure(ins), "bounce") if known else "",
        "bounce_trend": trend_sentence(known) if known else "",
        "mood": chart(charts.mood_figure(ins), "mood") if ins.moods else "",
        "days": days,
        "plural": plural,
        "rate_text": rate_text,
        "small_sample": any(is_small(row.answered) for row in ins.by_source),
        "wait": wait_sentence(
            ins.answer_times.median,
            ins.answer_times.known,
            ins.answer_times.quickest,
            ins.answer_times.slowest,
        ),
        "words": {
            "funnel": FUNNEL_NOTE,
            "answered": ANSWERED_MEANS,
            "ghosted": ghosted_means(ins.ghost_after_days),
            "no_recovery": NO_RECOVERY,
            "no_themes": NO_THEMES,
            "small_sample": SMALL_SAMPLE_NOTE,
        },
    }


def render_page(ins: Insights) -> str:
    """The whole page as one string."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape
    from plotly.offline import get_plotlyjs

    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html", "j2"]))
    template = env.get_template("report.html.j2")
    return template.render(plotly_js=get_plotlyjs(), **context(ins))


def write_page(ins: Insights, path: Path) -> None:
    """Write the report to `path`, or say plainly why it cannot be written."""
    write_atomically(path, render_page(ins))
