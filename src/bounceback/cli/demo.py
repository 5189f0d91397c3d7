"""The `demo` command: build a realistic search in a folder of its own, to try every command on."""

from __future__ import annotations

import shlex
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from bounceback.cli.context import STATE, console

if TYPE_CHECKING:
    from bounceback.demo import Built
    from bounceback.domain.model import Application, Interview
    from bounceback.settings import Settings

Folder = Annotated[
    Path | None,
    typer.Argument(
        metavar="DIR",
        help="Folder for the demo (default: bounceback-demo in your data folder; building again replaces it).",
        show_default=False,
    ),
]


def demo(folder: Folder = None) -> None:
    """Build a demo workspace: three months of someone's search, dated up to today."""
    from rich.markup import escape

    from bounceback.cli.applications import board
    from bounceback.demo import SEARCHER, choose_folder, clear_demo, demo_settings, write_marker

    # 1. A safe folder (an earlier demo there is replaced), and settings that point at SQLite there only.
    target = choose_folder(folder)
    replaced = clear_demo(target)
    settings = demo_settings(target)
    has_own_database = bool(STATE.require_settings().database_url)
    # 2. Write the story, and say in the folder what it is.
    built = _build(settings)
    write_marker(target, datetime.now(UTC).date())
    where = escape(str(target))
    again = " (the earlier demo there was replaced)" if replaced else ""
    console.print(
        f"Built a demo in [bold]{where}[/]{again}: {built.applications} applications by {SEARCHER.name}, "
        f"{SEARCHER.about}."
    )
    # 3. Show it with the board, sum it up, and say how to keep using it.
    STATE.settings = settings
    board()
    _print_summary(settings)
    _print_coaching(built)
    _print_how_to(settings, has_own_database=has_own_database)


def _build(settings: Settings) -> Built:
    """Write the demo with a progress bar (it takes a moment: migrations, the mail classifier, the story)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

    from bounceback.demo import build_demo, moments_count

    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("Building the demo search", total=moments_count())
        return build_demo(settings, advance=lambda what: progress.update(task, advance=1, description=what))


def _print_coaching(built: Built) -> None:
    """What the demo holds beyond the applications: its mail, the sessions, lessons and check-ins."""
    from rich.markup import escape

    waiting = len(built.waiting)
    console.print(
        f"{built.emails} emails read by the mail reader"
        + (f" ({waiting} wait in `mail review`)" if waiting else "")
        + f"; {built.sessions} bounce-back sessions after rejections; {built.checkins} weekly check-ins."
    )
    if built.mail_folder is not None:
        console.print(f"The emails are in {escape(str(built.mail_folder))}, to read or to try `classify` on.")


def _print_summary(settings: Settings) -> None:
    """Counts by outcome, the applications that look ghosted, and the interviews coming up."""
    from bounceback.domain.due import ghost_suggestions

    now = datetime.now(UTC)
    with STATE.read() as read:
        apps = [view.app for view in read.applications()]
        interviews = read.interviews()
    for line in outcome_lines(apps):
        console.print(line)
    ghosts = ghost_suggestions(apps, now, settings.ghost_after_days)
    console.print(
        f"{len(ghosts)} open applications have been silent for {settings.ghost_after_days}+ days; "
        "`due` suggests closing them as ghosted."
    )
    _print_upcoming(apps, interviews, now, settings)


def outcome_lines(apps: list[Application]) -> list[str]:
    """'Open: 3 saved · 6 applied …', 'Closed: …' and where the rejections came."""
    from collections import Counter

    from bounceback.domain.stages import Stage

    stages = Counter(app.stage for app in apps)
    rejected_from: Counter[Stage] = Counter(
        app.closed_from for app in apps if app.stage is Stage.REJECTED and app.closed_from is not None
    )

    def counts(wanted: list[Stage], counter: Counter[Stage]) -> str:
        return " · ".join(f"{counter[s]} {s.value}" for s in wanted if counter[s])

    open_stages = [s for s in Stage if s.is_progress]
    closed_stages = [s for s in Stage if s.is_closed]
    return [
        f"Open: {counts(open_stages, stages)}",
        f"Closed: {counts(closed_stages, stages)}",
        f"Rejections came at: {counts(open_stages, rejected_from)}",
    ]


def _print_upcoming(
    apps: list[Application], interviews: list[Interview], now: datetime, settings: Settings
) -> None:
    """The interviews in the next days, in their own time zone and in the person's."""
    from rich.table import Table

    from bounceback.cli.render import local
    from bounceback.dates import local_zone

    horizon = now + timedelta(days=settings.upcoming_days)
    slugs = {app.id: app.slug for app in apps if app.is_active}
    coming = [iv for iv in interviews if now <= iv.starts_at <= horizon and iv.application_id in slugs]
    if not coming:
        return
    mine = local_zone(settings.timezone)
    table = Table(show_edge=False, header_style="bold", title="Interviews coming up", title_justify="left")
    for column in ("their time", "zone", "your time", "application", "with"):
        table.add_column(column)
    for iv in coming:
        yours = iv.starts_at.astimezone(mine).strftime("%a %d %b %H:%M")
        table.add_row(
            local(iv.starts_at, iv.timezone), iv.timezone, yours, slugs[iv.application_id], iv.interviewers
        )
    console.print(table)


def _print_how_to(settings: Settings, *, has_own_database: bool) -> None:
    """How to point the other commands at the demo."""
    from rich.markup import escape

    home = escape(shlex.quote(str(settings.home)))
    console.print("Point the other commands at it:")
    if has_own_database:
        url = escape(shlex.quote(settings.url))
        console.print(f"  bounceback --home {home} --database {url} due")
        console.print("  (your own database setting would otherwise win over --home)")
        return
    console.print(f"  bounceback --home {home} due      (then lessons, report, serve …)")
    console.print(f"  or, for this shell: export BOUNCEBACK_HOME={home}")


def register(app: typer.Typer) -> None:
    """Add the demo command to the CLI."""
    app.command()(demo)
