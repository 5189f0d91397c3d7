"""Commands on applications: add, list, show, edit, move, close, note, delete, undo, board."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from bounceback.cli.context import STATE, console, print_json
from bounceback.cli.options import AppName, JsonFlag, application_fields, enum_value

if TYPE_CHECKING:
    from bounceback.domain.model import Interview

StageOpt = Annotated[str | None, typer.Option("--stage", "-s", help="Stage to start in (default: saved).")]
Location = Annotated[str | None, typer.Option(help="City or region.")]
Mode = Annotated[str | None, typer.Option("--mode", help="remote, hybrid or onsite.")]
SourceOpt = Annotated[
    str | None, typer.Option("--source", help="job_board, referral, company_site, recruiter, …")
]
Url = Annotated[str | None, typer.Option(help="Link to the posting.")]
SalaryMin = Annotated[int | None, typer.Option("--salary-min", help="Lowest salary offered.")]
SalaryMax = Annotated[int | None, typer.Option("--salary-max", help="Highest salary offered.")]
Currency = Annotated[str | None, typer.Option("--currency", help="Salary currency, e.g. EUR.")]
Applied = Annotated[str | None, typer.Option("--applied", help="Date applied (ISO or 'yesterday').")]
Saved = Annotated[str | None, typer.Option("--saved", help="Date saved.")]
Deadline = Annotated[str | None, typer.Option("--deadline", help="Application deadline.")]
Excitement = Annotated[str | None, typer.Option("--excitement", "-e", help="How keen you are, 1–5.")]
Dream = Annotated[
    bool | None, typer.Option("--dream/--not-dream", help="Flag as a dream job.", show_default=False)
]
Tags = Annotated[list[str] | None, typer.Option("--tag", "-t", help="A tag (repeat for more).")]
Notes = Annotated[str | None, typer.Option("--notes", help="Free notes about the opening.")]


def add(
    company: Annotated[str, typer.Argument(help="The employer.")],
    role: Annotated[str, typer.Argument(help="The role title.")],
    stage: StageOpt = None,
    location: Location = None,
    mode: Mode = None,
    source: SourceOpt = None,
    url: Url = None,
    salary_min: SalaryMin = None,
    salary_max: SalaryMax = None,
    currency: Currency = None,
    applied: Applied = None,
    saved: Saved = None,
    deadline: Deadline = None,
    excitement: Excitement = None,
    dream: Dream = None,
    tag: Tags = None,
    notes: Notes = None,
) -> None:
    """Record a new application."""
    from bounceback.domain.stages import Stage, parse_stage

    values = application_fields(
        location=location, work_mode=mode, source=source, url=url, salary_min=salary_min,
        salary_max=salary_max, salary_currency=currency, applied_on=applied, saved_on=saved,
        deadline=deadline, excitement=excitement, dream_job=dream, tags=tag, notes=notes,
    )  # fmt: skip
    target = parse_stage(stage) if stage else (Stage.APPLIED if applied else Stage.SAVED)
    with STATE.change(f"Add {role} at {company}") as change:
        app = change.tracker.add(company, role, stage=target, **values)
        slug, stage_now = app.slug, app.stage.value
    console.print(f"Added [bold]{slug}[/] ({stage_now}).")


def edit(
    name: AppName,
    role: Annotated[str | None, typer.Option(help="New role title.")] = None,
    location: Location = None,
    mode: Mode = None,
    source: SourceOpt = None,
    url: Url = None,
    salary_min: SalaryMin = None,
    salary_max: SalaryMax = None,
    currency: Currency = None,
    applied: Applied = None,
    saved: Saved = None,
    deadline: Deadline = None,
    excitement: Excitement = None,
    dream: Dream = None,
    tag: Tags = None,
    notes: Notes = None,
) -> None:
    """Change details of an application."""
    values = application_fields(
        role=role, location=location, work_mode=mode, source=source, url=url, salary_min=salary_min,
        salary_max=salary_max, salary_currency=currency, applied_on=applied, saved_on=saved,
        deadline=deadline, excitement=excitement, dream_job=dream, tags=tag, notes=notes,
    )  # fmt: skip
    with STATE.change(f"Edit {name}") as change:
        app = change.tracker.find(name)
        changed = change.tracker.edit(app, **values)
        slug = app.slug
    console.print(f"Updated {slug}: {', '.join(changed)}." if changed else f"Nothing to change on {slug}.")


TABLE_LIMIT = 50  # a terminal shows about this many rows usefully; the rest is a --limit away


def list_(
    stage: Annotated[
        list[str] | None, typer.Option("--stage", "-s", help="Only these stages (repeat).")
    ] = None,
    active: Annotated[
        bool | None,
        typer.Option("--active/--closed", help="Only open, or only closed ones.", show_default=False),
    ] = None,
    company: Annotated[str, typer.Option("--company", "-c", help="Company name contains.")] = "",
    tag: Annotated[str, typer.Option("--tag", "-t", help="Has this tag.")] = "",
    search: Annotated[str, typer.Option("--search", "-q", help="Text anywhere.")] = "",
    sort: Annotated[
        str, typer.Option(help="updated, created, applied, company, role, stage, excitement, id.")
    ] = "updated",
    limit: Annotated[
        int | None,
        typer.Option(help="Show at most this many (default: 50 in the table, all with --json; 0: all)."),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """List applications, newest activity first."""
    from bounceback.cli.render import application_json, applications_table
    from bounceback.domain.filters import ApplicationFilter
    from bounceback.domain.stages import parse_stage

    wanted = ApplicationFilter(
        stages=[parse_stage(s) for s in stage or []], active=active, company=company, tag=tag, text=search
    )
    shown = limit if limit is not None else (0 if as_json else TABLE_LIMIT)
    with STATE.read() as read:
        chosen = [(v.app, v.company) for v in read.applications(wanted, sort=sort, limit=shown or None)]
        if as_json:
            print_json([application_json(a, c) for a, c in chosen])
            return
        total = read.count_applications()
        matching = read.count_applications(wanted) if shown and len(chosen) == shown else len(chosen)
    if not chosen:
        console.print(
            "No applications match." if total else "No applications yet. Add one with `bounceback add`."
        )
        return
    console.print(applications_table(chosen, width=console.width))
    more = f"; `--limit 0` shows all {matching} that match" if matching > len(chosen) else ""
    console.print(f"[bright_black]{len(chosen)} of {total} applications{more}[/]")


def show(name: AppName, as_json: JsonFlag = False) -> None:
    """Show one application: details, people, interviews and the timeline."""
    from bounceback.cli import render
    from bounceback.domain.interviews import is_cancelled

    with STATE.read() as read:
        view = read.find(name)
        app = view.app
        events = read.timeline(app.id or 0)
        interviews = read.interviews(app.id)
        people = read.people(app.id or 0)
        emails = read.mail_of(app.id or 0)
    if as_json:
        data = render.application_json(app, view.company)
        data["timeline"] = [render.event_json(e) for e in events]
        data["interviews"] = [render.interview_json(i, cancelled=is_cancelled(i, app)) for i in interviews]
        data["contacts"] = [render.contact_json(c, r) for c, r in people]
        data["emails"] = [render.email_json(m) for m in emails]
        print_json(data)
        return
    _print_details(app, view.company)
    for person, role in people:
        console.print(f"  {role.value.replace('_', ' ')}: {person.name} {person.email}".rstrip())
    for iv in interviews:
        what = f"interview round {iv.round}" if iv.round else "screening call"
        with_whom = f", with {iv.interviewers}" if iv.interviewers else ""
        agenda = f"; agenda: {iv.notes}" if iv.notes else ""
        called_off = " [bold]cancelled[/]: the application is closed" if is_cancelled(iv, app) else ""
        console.print(
            f"  {what} ({iv.kind.value}): {render.local(iv.starts_at, iv.timezone)} {iv.timezone}{with_whom}{agenda}"
            + called_off
        )
    if emails:
        console.print(render.emails_table(emails))
    console.print(render.timeline_table(events))


def _print_details(app: object, company: str) -> None:
    from bounceback.cli.render import stage_text
    from bounceback.domain.model import Application

    assert isinstance(app, Application)
    console.print(f"[bold]{app.role}[/] at [bold]{company}[/]  ({app.slug}, id {app.id})")
    console.print("Stage: ", stage_text(app), f"  furthest: {app.furthest_stage.value}")
    facts = {
        "Location": " ".join(
            x for x in (app.location, f"({app.work_mode.value})" if app.work_mode else "") if x
        ),
        "Source": app.source.value.replace("_", " ") if app.source else "",
        "Salary": _salary(app),
        "Saved": app.saved_on.isoformat() if app.saved_on else "",  # dates in the order they happen
        "Applied": app.applied_on.isoformat() if app.applied_on else "",
        "Deadline": app.deadline.isoformat() if app.deadline else "",
        "Excitement": "★" * app.excitement if app.excitement else "",
        "Dream job": "yes" if app.dream_job else "",
        "Tags": ", ".join(app.tags),
        "Link": app.url,
        "Closed because": app.close_reason,
        "Notes": app.notes,
    }
    for label, value in facts.items():
        if value:
            console.print(f"  {label}: {value}")


def _salary(app: object) -> str:
    low, high, cur = (getattr(app, k) for k in ("salary_min", "salary_max", "salary_currency"))
    if low is None and high is None:
        return ""
    span = f"{low:,}–{high:,}" if low is not None and high is not None else f"{low or high:,}"
    return f"{span} {cur}".strip()


def move(
    name: AppName,
    stage: Annotated[str, typer.Argument(help="Target stage (screening, interviewing, offer, …).")],
    when: Annotated[str | None, typer.Option(help="When it happened (default: now).")] = None,
    reason: Annotated[str, typer.Option(help="Why, for the timeline.")] = "",
) -> None:
    """Move an application to another stage (forward only; `undo` reverts mistakes)."""
    from bounceback.dates import parse_moment
    from bounceback.domain.stages import parse_stage

    target = parse_stage(stage)
    moment = parse_moment(when, default_zone=STATE.require_settings().timezone)[0] if when else None
    with STATE.change(f"Move {name} to {target.value}") as change:
        app = change.tracker.find(name)
        event = change.tracker.move(app, target, when=moment, reason=reason)
        slug, summary = app.slug, event.summary
    console.print(f"{slug}: {summary}.")


def close(
    name: AppName,
    outcome: Annotated[
        str,
        typer.Argument(help="rejected, withdrawn, ghosted, accepted or declined (or reject, withdraw, …)."),
    ],
    reason: Annotated[str, typer.Option("--reason", "-r", help="Why, in your words.")] = "",
    when: Annotated[str | None, typer.Option(help="When it happened (default: now).")] = None,
) -> None:
    """Close an application with its outcome."""
    from bounceback.dates import parse_moment
    from bounceback.domain.interviews import cancelled
    from bounceback.domain.rules import outcome_word
    from bounceback.domain.stages import Stage

    target = outcome_word(outcome)
    moment = parse_moment(when, default_zone=STATE.require_settings().timezone)[0] if when else None
    with STATE.change(f"Close {name} as {target.value}") as change:
        app = change.tracker.find(name)
        change.tracker.move(app, target, when=moment, reason=reason)
        slug, furthest = app.slug, app.furthest_stage.value
        interviewed = app.furthest_stage.rank >= Stage.INTERVIEWING.rank
        called_off = cancelled(change.tracker.interviews(app), app)
    if target is Stage.REJECTED:
        console.print(
            f"Recorded: {slug} said no, after you reached {furthest}. That is a hard message to get."
        )
        lost = "; nothing about the interviews is lost" if interviewed else ""
        console.print(f"Your effort is still on the record{lost}.")
    else:
        console.print(f"Closed {slug} as {target.value}.")
    if called_off:
        console.print(cancelled_sentence(called_off))


def cancelled_sentence(called_off: list[Interview]) -> str:
    """What closing did to the interviews still to come."""
    from bounceback.cli.render import local

    days = ", ".join(f"{local(iv.starts_at, iv.timezone)} {iv.timezone}" for iv in called_off)
    one = len(called_off) == 1
    return (
        f"{'The interview' if one else 'The interviews'} still to come ({days}) "
        f"{'is' if one else 'are'} cancelled: `show` lists {'it' if one else 'them'} as cancelled, and the "
        "next calendar export tells your calendar to drop "
        f"{'it' if one else 'them'}."
    )


def note(name: AppName, text: Annotated[str, typer.Argument(help="The note.")]) -> None:
    """Add a note to an application's timeline."""
    with STATE.change(f"Note on {name}") as change:
        app = change.tracker.find(name)
        change.tracker.note(app, text)
        slug = app.slug
    console.print(f"Noted on {slug}.")


def delete(
    name: AppName,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask to confirm.")] = False,
) -> None:
    """Delete an application and its timeline (asks first; `undo` brings it back)."""
    with STATE.read() as read:
        slug = read.find(name).app.slug
    if not yes and not typer.confirm(f"Delete {slug} and its whole timeline?", default=False):
        console.print("Kept.")
        raise typer.Exit(1)
    with STATE.change(f"Delete {slug}") as change:
        change.tracker.delete(change.tracker.find(slug))
    console.print(f"Deleted {slug}. `bounceback undo` brings it back.")


def undo() -> None:
    """Revert the last change (repeat to go further back)."""
    summary = STATE.workspace().undo()
    console.print(f"Undone: {summary}.")


def board(
    active: Annotated[bool, typer.Option("--all/--active", help="Include closed applications.")] = False,
) -> None:
    """Applications in columns by stage."""
    from rich.columns import Columns
    from rich.panel import Panel

    from bounceback.cli.render import STAGE_STYLE
    from bounceback.domain.stages import PROGRESS, Stage

    with STATE.read() as read:
        rows = [(v.app, v.company) for v in read.applications()]
    stages = list(Stage) if active else list(PROGRESS)
    panels = []
    for stage in stages:
        cards = [f"{'★ ' if a.dream_job else ''}[bold]{c}[/]\n{a.role}" for a, c in rows if a.stage is stage]
        body = "\n\n".join(cards[:12]) + (f"\n\n… and {len(cards) - 12} more" if len(cards) > 12 else "")
        panels.append(
            Panel(
                body or "[bright_black]—[/]",
                title=f"{stage.value} ({len(cards)})",
                border_style=STAGE_STYLE[stage],
                width=30,
            )
        )
    console.print(Columns(panels))


def register(app: typer.Typer) -> None:
    """Add these commands to the CLI."""
    app.command()(add)
    app.command("list")(list_)
    app.command()(show)
    app.command()(edit)
    app.command()(move)
    app.command()(close)
    app.command()(note)
    app.command()(delete)
    app.command()(undo)
    app.command()(board)


__all__ = ["enum_value", "register"]
