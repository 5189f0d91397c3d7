"""`bounceback calendar export FILE.ics`: interviews and reminders for any calendar app."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer

from bounceback.cli.context import STATE, console
from bounceback.files import write_atomically

calendar_app = typer.Typer(help="Your interviews and reminders as a calendar file.", no_args_is_help=True)


@calendar_app.command("export")
def export(
    file: Annotated[Path, typer.Argument(help="The .ics file to write.", dir_okay=False)],
    reminders: Annotated[
        bool, typer.Option("--reminders/--no-reminders", help="Include the reminders (with alarms).")
    ] = True,
) -> None:
    """Write an iCalendar file; import it again after changes and the same events are updated, not doubled."""
    from bounceback.cli.messages import command
    from bounceback.dates import local_zone
    from bounceback.domain.interviews import is_cancelled
    from bounceback.outreach.calendar import InterviewEntry, build_calendar, calendar_reminders
    from bounceback.outreach.snapshot import load_due

    now = datetime.now(UTC)
    with STATE.read() as read:
        views = {v.app.id: v for v in read.applications()}
        entries = [
            InterviewEntry(iv, views[iv.application_id].app.slug, views[iv.application_id].company,
                           views[iv.application_id].app.role,
                           cancelled=is_cancelled(iv, views[iv.application_id].app))
            for iv in read.interviews()
            if iv.application_id in views
        ]  # fmt: skip
        view = load_due(STATE.require_settings(), read, now) if reminders else None
    zone = local_zone(STATE.require_settings().timezone)
    chosen = calendar_reminders(view.derived, view.answers, now, zone) if view else []
    write_atomically(file, build_calendar(entries, chosen, now, how=command).to_ical())
    called_off = sum(1 for e in entries if e.cancelled)
    cancelled = (
        f" ({called_off} of them cancelled: calendars drop {'it' if called_off == 1 else 'them'})"
        if called_off
        else ""
    )
    console.print(
        f"Wrote {count(len(entries), 'interview')}{cancelled} and {count(len(chosen), 'reminder')} to {file}. "
        "Import it again after changes: the same events are updated, not doubled.",
        markup=False,
    )


def count(number: int, noun: str) -> str:
    """'1 interview', '3 reminders'."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def register(app: typer.Typer) -> None:
    """Add the calendar group to the CLI."""
    app.add_typer(calendar_app, name="calendar")
