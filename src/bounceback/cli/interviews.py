"""Commands on interviews: add and list, each in its own time zone."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from bounceback.cli.context import STATE, console, print_json
from bounceback.cli.options import AppName, JsonFlag, enum_value

if TYPE_CHECKING:
    from bounceback.domain.model import Interview

interview_app = typer.Typer(help="Interviews, stored in UTC with their own time zone.", no_args_is_help=True)


@interview_app.command("add")
def add_interview(
    name: AppName,
    when: Annotated[str, typer.Argument(help="Start, e.g. 'next Tuesday 10:00 Europe/Berlin' or ISO.")],
    kind: Annotated[str, typer.Option(help="phone, video or onsite.")] = "video",
    round_: Annotated[int | None, typer.Option("--round", help="Round number (default: the next).")] = None,
    duration: Annotated[int, typer.Option(help="Minutes.")] = 60,
    location: Annotated[str, typer.Option(help="Address or meeting link.")] = "",
    interviewers: Annotated[str, typer.Option(help="Who you will meet (names, for the thank-you).")] = "",
    agenda: Annotated[str, typer.Option(help="What it covers, e.g. 'system design, team lunch'.")] = "",
    screening: Annotated[
        bool, typer.Option("--screening", help="A screening call, not an interview.")
    ] = False,
) -> None:
    """Schedule an interview; the application moves forward if it was behind."""
    from bounceback.cli.render import local
    from bounceback.dates import parse_moment
    from bounceback.domain.model import Interview, InterviewKind
    from bounceback.domain.naming import in_words
    from bounceback.domain.wording import interview_words

    starts_at, zone_name = parse_moment(when, default_zone=STATE.require_settings().timezone)
    interview_kind = enum_value(InterviewKind, kind, "interview kind")
    with STATE.change(f"Interview for {name}") as change:
        app = change.tracker.find(name)
        interview = Interview(
            application_id=app.id or 0,
            starts_at=starts_at,
            timezone=zone_name,
            round=round_
            or (0 if screening else sum(1 for i in change.tracker.interviews(app) if i.round) + 1),
            kind=interview_kind,
            duration_minutes=duration,
            location=location,
            interviewers=interviewers,
            notes=agenda,
        )
        interview = change.tracker.add_interview(app, interview, screening=screening)
        named = in_words(change.tracker.company_of(app).name, app.role)
    what = "Interview round 1" if interview.round == 1 else interview_words(interview)
    console.print(f"{what} with {named}: {local(starts_at, zone_name)} {zone_name}.")


@interview_app.command("list")
def list_interviews(
    name: Annotated[str | None, typer.Argument(help="Only this application.")] = None,
    as_json: JsonFlag = False,
) -> None:
    """List interviews, soonest first."""
    from rich.table import Table

    from bounceback.cli.render import interview_json, local
    from bounceback.domain.interviews import is_cancelled

    with STATE.read() as read:
        owners = {v.app.id: v.app for v in read.applications()}
        apps = {app_id: app.slug for app_id, app in owners.items()}
        app_id = read.find(name).app.id if name else None
        interviews = read.interviews(app_id)

    def off(iv: Interview) -> bool:
        """Called off by the close of its application."""
        owner = owners.get(iv.application_id)
        return owner is not None and is_cancelled(iv, owner)

    if as_json:
        print_json(
            [
                {**interview_json(i, cancelled=off(i)), "application": apps.get(i.application_id)}
                for i in interviews
            ]
        )
        return
    if not interviews:
        console.print("No interviews recorded.")
        return
    table = Table(show_edge=False, header_style="bold")
    for column in ("application", "round", "kind", "local time", "zone", "with", "agenda", "status"):
        table.add_column(column)
    for iv in interviews:
        table.add_row(
            apps.get(iv.application_id, "?"), str(iv.round) if iv.round else "screening", iv.kind.value,
            local(iv.starts_at, iv.timezone), iv.timezone, iv.interviewers, iv.notes, "cancelled" if off(iv) else "",
        )  # fmt: skip
    console.print(table)


def register(app: typer.Typer) -> None:
    """Add the interview group to the CLI."""
    app.add_typer(interview_app, name="interview")
