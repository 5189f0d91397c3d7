"""Plotly figures of the insights: the Sankey, the funnel, rejections, rates and the time series.

Imports Plotly: used only by the HTML report, the PNG export and the web dashboard, never at CLI start-up.
"""

from __future__ import annotations

from datetime import date, timedelta

import plotly.graph_objects as go

from bounceback.domain.flows import Column, Sankey
from bounceback.insights.effort import EFFORT_LABELS
from bounceback.insights.recovery import MoodKind
from bounceback.insights.summary import Insights
from bounceback.insights.words import REJECTED_AT, STAGE_WORDS

DAY_MS = 86_400_000  # one day on a Plotly date axis

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
INK, MUTED, GRID = "#26323f", "#6b7785", "#e6e9ee"
# Calm colours: blues for progress, green for offers, a soft plum for rejections (never alarm red), greys for
# silence. Each node's colour, by label; links take their left node's colour, lightened.
COLOURS = {
    "Screening": "#7fb2d5",
    "Interview": "#4d8ec4",
    "Interviewing": "#4d8ec4",
    "Assessment": "#9cc3de",
    "Offer": "#3e9c7b",
    "Accepted": "#2f855a",
    "Declined": "#c9a54b",
    "Rejection": "#a98bbd",
    "Rejected": "#a98bbd",
    "Withdrawn": "#b9bec6",
    "Ghosted": "#9aa3ad",
    "No answer yet": "#c9ced6",
    "Not sent yet": "#dfe3e8",
    "Saved": "#dfe3e8",
    "Applied": "#a8c6df",
    "Still open": "#86b7d9",
}
SOURCE_COLOUR = "#5f7896"
EFFORT_COLOURS = ["#4d8ec4", "#3e9c7b", "#c9a54b", "#a98bbd", "#7fb2d5"]


def _layout(fig: go.Figure, *, height: int, legend: bool = False) -> go.Figure:
    """One calm look for every chart: system font, light grid, small margins, legend below."""
    fig.update_layout(
        height=height,
        font={"family": FONT, "size": 13, "color": INK},
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
        margin={"l": 8, "r": 8, "t": 8, "b": 8},
        showlegend=legend,
        legend={"orientation": "h", "y": -0.18, "x": 0, "font": {"color": MUTED}},
        hoverlabel={"font": {"family": FONT}},
    )
    fig.update_xaxes(gridcolor=GRID, zerolinecolor=GRID, automargin=True)
    fig.update_yaxes(gridcolor=GRID, zerolinecolor=GRID, automargin=True)
    return fig


def _fade(colour: str, alpha: float = 0.38) -> str:
    """A hex colour as a see-through rgba, for the Sankey's bands."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red},{green},{blue},{alpha})"


def node_colour(column: Column, label: str) -> str:
    """The colour of one Sankey node."""
    return SOURCE_COLOUR if column is Column.SOURCE else COLOURS.get(label, "#9aa3ad")


def node_positions(diagram: Sankey) -> tuple[list[float], list[float]]:
    """Where each node sits (0–1 across, 0–1 down), so every column keeps the domain's order top to bottom."""
    xs, ys = [], []
    for column in Column:
        members = [n for n in diagram.nodes if n.column is column]
        total = sum(n.count for n in members) or 1
        gap = 0.03 if len(members) > 1 else 0.0
        scale = 1 - gap * (len(members) - 1)
        top = 0.0
        for node in members:
            share = node.count / total * scale
            xs.append(min(max(column / (len(Column) - 1), 0.001), 0.999))
            ys.append(min(max(top + share / 2, 0.001), 0.999))
            top += share + gap
    return xs, ys


def sankey_figure(diagram: Sankey, *, height: int = 560) -> go.Figure:
    """Source → first answer → furthest stage → outcome, every application once."""
    colours = [node_colour(n.column, n.label) for n in diagram.nodes]
    xs, ys = node_positions(diagram)
    fig = go.Figure(
        go.Sankey(
            arrangement="snap",
            valueformat="d",
            valuesuffix=" applications",
            node={
                "label": [f"{n.label} · {n.count}" for n in diagram.nodes],
                "x": xs,
                "y": ys,
                "color": colours,
                "pad": 14,
                "thickness": 14,
                "line": {"width": 0},
                "hovertemplate": "%{label}<extra></extra>",
            },
            link={
                "source": [k.source for k in diagram.links],
                "target": [k.target for k in diagram.links],
                "value": [k.count for k in diagram.links],
                "color": [_fade(colours[k.source]) for k in diagram.links],
                "hovertemplate": "%{source.label} → %{target.label}: %{value}<extra></extra>",
            },
        )
    )
    return _layout(fig, height=height)


def funnel_figure(ins: Insights) -> go.Figure:
    """How many applications reached each stage."""
    steps = [s for s in ins.funnel if s.count or s.stage.is_progress]
    fig = go.Figure(
        go.Funnel(
            y=[STAGE_WORDS[s.stage] for s in steps],
            x=[s.count for s in steps],
            textinfo="value+percent initial",
            marker={"color": [COLOURS.get(STAGE_WORDS[s.stage], "#4d8ec4") for s in steps]},
            connector={"fillcolor": "#eef1f5", "line": {"width": 0}},
            hovertemplate="%{y}: %{x}<extra></extra>",
        )
    )
    return _layout(fig, height=320)


def rejections_figure(ins: Insights) -> go.Figure:
    """Where the rejections came."""
    stages = list(ins.rejections)
    fig = go.Figure(
        go.Bar(
            x=[ins.rejections[s] for s in stages],
            y=[REJECTED_AT[s] for s in stages],
            orientation="h",
            marker={"color": COLOURS["Rejected"]},
            text=[ins.rejections[s] for s in stages],
            textposition="auto",
            hovertemplate="%{y}: %{x}<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(dtick=1 if max(ins.rejections.values(), default=0) < 10 else None)
    return _layout(fig, height=60 + 44 * max(1, len(stages)))


def rates_figure(ins: Insights) -> go.Figure:
    """Answered, ghosted and interview rates side by side for each source."""
    rows = ins.by_source
    names = [f"{r.source} ({r.sent} sent)" for r in rows]  # the size of each sample, always in view
    fig = go.Figure()
    for label, colour, pick in (
        ("Answered", COLOURS["Interview"], lambda r: r.answered),
        ("Interviews", COLOURS["Offer"], lambda r: r.interviewed),
        ("Ghosted", COLOURS["Ghosted"], lambda r: r.ghosted),
    ):
        rates = [pick(r) for r in rows]
        fig.add_bar(
            name=label,
            y=names,
            x=[round((rate.share or 0) * 100) for rate in rates],
            customdata=[[rate.count, rate.out_of] for rate in rates],
            orientation="h",
            marker={"color": colour},
            hovertemplate=f"%{{y}} · {label.lower()}: %{{x}} % (%{{customdata[0]}} of %{{customdata[1]}})<extra></extra>",
        )
    fig.update_layout(barmode="group", bargap=0.25)
    fig.update_xaxes(range=[0, 100], ticksuffix=" %")
    fig.update_yaxes(autorange="reversed")
    return _layout(fig, height=90 + 70 * max(1, len(rows)), legend=True)


def effort_figure(ins: Insights) -> go.Figure:
    """Steps taken per week, stacked by kind."""
    weeks = [w.week for w in ins.effort]
    fig = go.Figure()
    for (name, label), colour in zip(EFFORT_LABELS.items(), EFFORT_COLOURS, strict=True):
        values = [getattr(w, name) for w in ins.effort]
        if any(values):
            fig.add_bar(
                name=label,
                x=weeks,
                y=values,
                marker={"color": colour},
                hovertemplate=f"{label}: %{{y}}<extra>week of %{{x|%d %b}}</extra>",
            )
    fig.update_layout(barmode="stack", bargap=0.2)
    fig.update_xaxes(tickformat="%d %b")
    return _layout(fig, height=340, legend=True)


def date_axis(fig: go.Figure, days: list[date]) -> None:
    """An x axis that reads as dates ("3 Dec"), one tick a day at most, never hours, even over a day or two."""
    fig.update_xaxes(type="date", tickformat="%d %b", hoverformat="%a %d %b %Y")
    if not days:
        return
    first, last = min(days), max(days)
    span = (last - first).days
    if span < 14:  # Plotly would show hours between the days; a few days either side keep the ticks on days
        pad = max(1, (7 - span) // 2)
        fig.update_xaxes(
            range=[first - timedelta(days=pad), last + timedelta(days=pad)], dtick=DAY_MS * max(1, span // 6)
        )


def rolling_median(values: list[float], window: int = 5) -> list[float]:
    """The median of each value and the few before it: the trend without the day-to-day noise."""
    import statistics

    return [float(statistics.median(values[max(0, i - window + 1) : i + 1])) for i in range(len(values))]


def bounce_figure(ins: Insights) -> go.Figure:
    """Days from each rejection to the next step forward, with the recent typical value as a line."""
    known = [b for b in ins.bounce_backs if b.days is not None]
    values = [b.days or 0.0 for b in known]
    fig = go.Figure()
    fig.add_scatter(
        name="Each rejection", x=[b.rejected_on for b in known], y=values, text=[b.company for b in known],
        mode="markers", marker={"size": 9, "color": COLOURS["Rejected"], "opacity": 0.85},
        hovertemplate="%{text}: next step after %{y} days<extra>%{x|%d %b}</extra>",
    )  # fmt: skip
    fig.add_scatter(
        name="Typical (last 5)", x=[b.rejected_on for b in known], y=rolling_median(values),
        mode="lines", line={"color": COLOURS["Interview"], "width": 3, "shape": "hv"}, hoverinfo="skip",
    )  # fmt: skip
    fig.update_yaxes(title_text="days", rangemode="tozero", dtick=1 if max(values) < 8 else None)
    date_axis(fig, [b.rejected_on for b in known])
    return _layout(fig, height=320, legend=True)


def mood_figure(ins: Insights) -> go.Figure:
    """Mood (0–10) from check-ins and bounce-back sessions, and WHO-5 (0–100) on its own scale."""
    fig = go.Figure()
    styles = {
        MoodKind.CHECK_IN: ("Weekly mood", "lines+markers", COLOURS["Interview"], "y"),
        MoodKind.BEFORE: ("Session start", "markers", COLOURS["Rejected"], "y"),
        MoodKind.AFTER: ("Session end", "markers", COLOURS["Offer"], "y"),
        MoodKind.WHO5: ("WHO-5 (0–100)", "lines", COLOURS["Declined"], "y2"),
    }
    for kind, (label, mode, colour, axis) in styles.items():
        points = [p for p in ins.moods if p.kind is kind]
        if points:
            fig.add_scatter(
                name=label, x=[p.day for p in points], y=[p.value for p in points], mode=mode, yaxis=axis,
                line={"color": colour, "width": 2}, marker={"size": 9, "color": colour},
                hovertemplate=f"{label}: %{{y}}<extra>%{{x|%a %d %b %Y}}</extra>",
            )  # fmt: skip
    fig.update_layout(
        yaxis={"range": [0, 10.5], "title": {"text": "mood"}},
        yaxis2={
            "range": [0, 105],
            "overlaying": "y",
            "side": "right",
            "showgrid": False,
            "title": {"text": "WHO-5"},
        },
    )
    date_axis(fig, [p.day for p in ins.moods])
    return _layout(fig, height=320, legend=True)
