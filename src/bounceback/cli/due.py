"""`bounceback due`: what needs doing, overdue first, each with the command that does it."""

from __future__ import annotations

from datetime import UTC, datetime

import typer

from bounceback.cli.context import STATE, console, print_json
from bounceback.cli.options import JsonFlag


def due(as_json: JsonFlag = False) -> None:
    """What needs doing: upcoming interviews and applications that look ghosted."""
    from bounceback.cli.render import due_json, due_table
    from bounceback.domain.due import ghost_suggestions, sort_due, upcoming_interviews

    settings = STATE.require_settings()
    now = datetime.now(UTC)
    with STATE.reader() as reader:
        apps = [v.app for v in reader.applications()]
        interviews = reader.interviews()
    slugs = {a.id or 0: a.slug for a in apps if a.is_active}
    items = sort_due(
        upcoming_interviews(interviews, slugs, now, settings.upcoming_days)
        + ghost_suggestions(apps, now, settings.ghost_after_days),
        now,
    )
    if as_json:
        print_json([due_json(i, now) for i in items])
        return
    if not items:
        console.print("Nothing is due. ")
        return
    console.print(due_table(items, now))


def register(app: typer.Typer) -> None:
    """Add `due` to the CLI."""
    app.command()(due)
