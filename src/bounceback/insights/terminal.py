"""The report in the terminal: the search's shape, then the person's effort and recovery, then the lessons."""

from __future__ import annotations

import statistics
from collections.abc import Callable, Iterable, Sequence

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from bounceback.domain.actions import Action, ActionKind
from bounceback.domain.rates import SourceRates
from bounceback.domain.stages import Stage
from bounceback.insights.effort import EFFORT_LABELS
from bounceback.insights.recovery import MoodKind
from bounceback.insights.summary import Insights
from bounceback.insights.words import (
    ANSWERED_MEANS,
    FUNNEL_NOTE,
    NO_APPLICATIONS,
    NO_RECOVERY,
    NO_THEMES,
    REJECTED_AT,
    SMALL_SAMPLE_NOTE,
    STAGE_WORDS,
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

BAR = "█"
SPARKS = "▁▂▃▄▅▆▇█"
RECENT_WEEKS = 12
SHORT_EFFORT = {
    "applications": "sent",
    "interviews": "interviews",
    "follow_ups": "follow-ups",
    "feedback_requests": "feedback asked",
    "people_met": "people met",
}


def bar(count: int, largest: int, width: int = 30) -> str:
    """A horizontal bar as long as `count` is next to `largest`."""
    if largest <= 0 or count <= 0:
        return ""
    return BAR * max(1, round(width * count / largest))


def sparkline(values: Sequence[float]) -> str:
    """A one-line trend of the values."""
    if not values:
        return ""
    low, high = min(values), max(values)
    span = (high - low) or 1
    return "".join(SPARKS[round((v - low) / span * (len(SPARKS) - 1))] for v in values)


def section(title: str, *body: RenderableType) -> Panel:
    """A titled block of the report."""
    return Panel(Group(*body), title=f"[bold]{title}[/]", title_align="left", border_style="bright_black")


def headline(ins: Insights) -> Text:
    """One line that sums up the search."""
    o = ins.overall
    offers = next((s.count for s in ins.funnel if s.stage is Stage.OFFER), 0)
    return Text(
        f"{ins.applications} applications · {o.sent} sent · {o.answered.count} answered · "
        f"{o.interviewed.count} interviewed · {offers} offers",
        style="bold",
    )


def funnel_block(ins: Insights) -> Panel:
    """How far applications got, by the furthest stage each reached."""
    table = Table(show_edge=False, show_header=False, box=None, pad_edge=False)
    table.add_column(min_width=12)
    table.add_column(justify="right")
    table.add_column(style="cyan")
    largest = max((s.count for s in ins.funnel), default=0)
    for step in ins.funnel:
        table.add_row(STAGE_WORDS[step.stage], str(step.count), bar(step.count, largest))
    note = Text(FUNNEL_NOTE, style="bright_black")
    return section("How far your applications got", table, note)


def rejections_block(ins: Insights) -> Panel:
    """Where the rejections came, framed as the effort they are."""
    total = ins.rejection_total
    if not total:
        return section("Rejections", Text("No rejections recorded yet."))
    table = Table(show_edge=False, show_header=False, box=None, pad_edge=False)
    table.add_column(min_width=20)
    table.add_column(justify="right")
    table.add_column(style="magenta")
    for stage, count in ins.rejections.items():
        table.add_row(REJECTED_AT[stage], str(count), bar(count, total))
    later = sum(n for s, n in ins.rejections.items() if s.rank >= Stage.SCREENING.rank)
    lines: list[RenderableType] = [Text(rejections_sentence(total)), table]
    if later:
        lines.append(Text(in_the_running(later)))
    return section("Where the rejections came", *lines)


def rates_block(ins: Insights) -> Panel:
    """Answer, ghosting and interview rates by source, with the typical wait."""
    table = Table(show_edge=False, header_style="bold")
    for name in ("source", "sent", "answered", "ghosted", "interviews", "typical wait"):
        table.add_column(name, justify="left" if name == "source" else "right")
    rows: Iterable[SourceRates] = [*ins.by_source, ins.overall] if ins.by_source else []
    for row in rows:
        style = "bold" if row is ins.overall else ""
        table.add_row(
            row.source,
            str(row.sent),
            rate_text(row.answered),
            rate_text(row.ghosted),
            rate_text(row.interviewed),
            days(row.median_days_to_answer),
            style=style,
        )
    times = ins.answer_times
    wait = wait_sentence(times.median, times.known, times.quickest, times.slowest)
    small = any(is_small(row.answered) for row in rows)
    note = Text(
        f"Answered: {ANSWERED_MEANS} Ghosted: {ghosted_means(ins.ghost_after_days)}"
        + (f" {SMALL_SAMPLE_NOTE}" if small else ""),
        style="bright_black",
    )
    return section("Answers by source", table, Text(wait), note)


def recovery_block(ins: Insights) -> Panel:
    """Bounce-back time and mood over time."""
    lines: list[RenderableType] = []
    known = [b.days for b in ins.bounce_backs if b.days is not None]
    if known:
        lines.append(
            Text(f"Days from each rejection to your next step forward: {sparkline(known)}  (oldest → newest)")
        )
        lines.append(Text(trend_sentence(known)))
    waiting = sum(b.days is None for b in ins.bounce_backs)
    if waiting:
        lines.append(
            Text(f"{plural(waiting, 'recent rejection')} with no step forward yet. One small step counts.")
        )
    for kind, label in (
        (MoodKind.CHECK_IN, "Weekly mood (0–10)"),
        (MoodKind.WHO5, "WHO-5 well-being (0–100)"),
    ):
        values = [p.value for p in ins.moods if p.kind is kind]
        if values:
            lines.append(Text(f"{label}: {sparkline(values)}  latest {values[-1]}"))
    lines.extend(Text(sentence) for sentence in ins.mood_trends)
    before = [p.value for p in ins.moods if p.kind is MoodKind.BEFORE]
    after = [p.value for p in ins.moods if p.kind is MoodKind.AFTER]
    if before and after:
        lines.append(
            Text(
                f"Bounce-back sessions: mood {statistics.mean(before):.1f} at the start, "
                f"{statistics.mean(after):.1f} at the end (averages)."
            )
        )
    return section("Bouncing back", *(lines or [Text(NO_RECOVERY)]))


def effort_block(ins: Insights) -> Panel:
    """The last weeks of steps taken."""
    if not ins.effort:
        return section("Your effort, week by week", Text("No steps recorded yet."))
    weeks = ins.effort[-RECENT_WEEKS:]
    table = Table(show_edge=False, header_style="bold")
    table.add_column("week of", no_wrap=True)
    for label in SHORT_EFFORT.values():
        table.add_column(label, justify="right")
    for week in weeks:
        table.add_row(
            week.week.strftime("%d %b"), *(str(getattr(week, name) or "·") for name in EFFORT_LABELS)
        )
    totals = {label: sum(getattr(w, name) for w in ins.effort) for name, label in EFFORT_LABELS.items()}
    summary = " · ".join(f"{n} {label.lower()}" for label, n in totals.items() if n)
    trend = sparkline([w.total for w in ins.effort])
    return section(
        "Your effort, week by week",
        table,
        Text(f"All weeks: {summary or 'nothing yet'}."),
        Text(f"Steps per week since you started: {trend}"),
    )


def themes_block(ins: Insights) -> Panel:
    """The lessons, grouped into themes; the recurring ones first."""
    found = ins.themes
    if not found.themes:
        return section("Lessons, grouped", Text(NO_THEMES))
    intro = f"{plural(found.notes, 'note')}, grouped by {found.method}."
    lines: list[RenderableType] = [Text(intro, style="bright_black")]
    recurring = [t for t in found.themes if t.recurring]
    for theme in recurring:
        sizes = f"{plural(theme.count, 'note')} from {plural(theme.applications, 'application')}"
        lines.append(Text.assemble((theme.name, "bold"), f"  {sizes}"))
        lines.extend(Text(f"  “{example}”", style="bright_black") for example in theme.examples)
    once = [t.name for t in found.themes if not t.recurring]
    if once:
        label = "Noted once so far" if recurring else "Each noted once so far"
        lines.append(Text(f"{label}: {'; '.join(once)}."))
    return section("Lessons, grouped", *lines)


def print_report(ins: Insights, console: Console, *, how: Callable[[Action], str]) -> None:
    """The whole report, top to bottom; `how` words the actions it suggests (the CLI's, in a sentence)."""
    console.print(headline(ins))
    if not ins.applications:
        console.print(
            NO_APPLICATIONS.format(how(Action(ActionKind.ADD_APPLICATION)), how(Action(ActionKind.TRY_DEMO)))
        )
        return
    for block in (funnel_block, rejections_block, rates_block, recovery_block, effort_block, themes_block):
        console.print(block(ins))
