"""Import and export commands: the whole workspace as JSON, applications as CSV, other trackers' CSV exports."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from bounceback.cli.context import STATE, console, err_console
from bounceback.domain.errors import InvalidInput

if TYPE_CHECKING:
    from bounceback.domain.model import Application
    from bounceback.tracker import Tracker
    from bounceback.transfer.csv_import import ImportPlan
    from bounceback.transfer.json_restore import RestoreReport

PROGRESS_FROM_ROWS = 200  # imports longer than this show a progress bar

import_app = typer.Typer(
    help="Bring a search in: a bounceback JSON export, or another tracker's CSV export.", no_args_is_help=True
)


def _count(n: int, singular: str, plural: str = "") -> str:
    """'1 company', '3 companies'."""
    return f"{n} {singular if n == 1 else plural or singular + 's'}"


@contextmanager
def _import_change(source: str) -> Iterator[Tracker]:
    """One journaled transaction for a whole import; a database refusal becomes a sentence, nothing is kept."""
    from sqlalchemy.exc import DBAPIError

    try:
        with STATE.change(f"Import {source}", origin="import") as tracker:
            yield tracker
    except DBAPIError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else "the database refused it"
        raise InvalidInput(f"“{source}” could not be stored, so nothing was imported: {reason}.") from None


def export(
    file: Annotated[Path | None, typer.Argument(help="File to write (default: standard output).")] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write, as an option.")
    ] = None,
    as_csv: Annotated[bool, typer.Option("--csv", help="Write the applications as CSV instead.")] = False,
) -> None:
    """Write the whole workspace as versioned JSON (`import json` reads it back), or the applications as CSV.

    The JSON holds everything: companies, applications, contacts and their links, interviews, every timeline
    entry, the emails read (and the fingerprints of the rest), mail accounts (never a password: those stay in
    the keyring or the environment), bounce-back sessions, lessons, the question bank, feedback requests,
    check-ins, goals and your answers to reminders. Its ids are its own keys, numbered 1, 2, 3… in order, so
    exporting an import gives the same file apart from the time it was written. The undo history is not in it.
    """
    if file is not None and output is not None and file != output:
        raise InvalidInput("Name the file once: as an argument or with -o, not both.")
    from bounceback.transfer.files import write_atomically

    target = file or output
    text, what = _csv_export() if as_csv else _json_export()
    if target is None or str(target) == "-":
        sys.stdout.write(text)
        return
    write_atomically(target, text)
    console.print(f"Exported {what} to {target}.")


def _json_export() -> tuple[str, str]:
    """The workspace document and a phrase saying what it holds."""
    from bounceback.transfer.json_document import dump_document
    from bounceback.transfer.json_export import export_document

    with STATE.session() as session:
        document = export_document(session, STATE.workspace().owner_id)
    count = _count(len(document["applications"]), "application")
    return dump_document(document), f"{count} with everything around them"


def _csv_export() -> tuple[str, str]:
    """The applications as CSV and a phrase saying how many."""
    from bounceback.transfer.csv_export import applications_csv

    with STATE.read() as read:
        rows = [(v.app, v.company) for v in read.applications()]
    return applications_csv(rows), f"{_count(len(rows), 'application')} as CSV"


@import_app.command("json")
def import_json(
    file: Annotated[Path, typer.Argument(help="A file written by `bounceback export`.")],
    merge: Annotated[
        bool, typer.Option("--merge", help="Add what is new to a workspace already in use.")
    ] = False,
) -> None:
    """Read back a `bounceback export` file, in one step that `undo` takes back.

    Into an empty workspace everything is restored exactly. A workspace already in use is left alone unless
    you add --merge (or restore into a fresh one with --home DIR): then only what is new is added (companies
    matched by name, contacts by email or else by name and company, applications by posting URL or else by
    company + role + date, emails by their Message-ID, accounts by name), and applications already here are
    skipped with everything that belongs to them. Files from older versions are read too. A broken file, or
    one from a newer bounceback, changes nothing.
    """
    from bounceback.transfer.files import read_text
    from bounceback.transfer.json_document import parse_document
    from bounceback.transfer.json_restore import restore

    document = parse_document(read_text(file), file.name)
    with _import_change(file.name) as tracker:
        report = restore(document, tracker.session, tracker.owner_id, source=file.name, merge=merge)
    _print_restore(report, file.name)


# How the import's summary names each kind of record, in the order it lists them.
_RESTORED_NAMES = {
    "applications": ("application", ""),
    "companies": ("company", "companies"),
    "contacts": ("contact", ""),
    "interviews": ("interview", ""),
    "application_contacts": ("contact link", ""),
    "events": ("timeline entry", "timeline entries"),
}
_ALWAYS_NAMED = len(_RESTORED_NAMES)


def _print_restore(report: RestoreReport, source: str) -> None:
    """What a JSON import stored, and what it found already here."""
    from bounceback.transfer.json_document import TABLES

    added = report.added
    kept = f"{_count(report.already_there, 'application')} already here were left as they are."
    if not any(added.values()):
        console.print(
            f"Nothing new in {source}." + (f" {kept}" if report.already_there else ""), markup=False
        )
        return
    names = {**_RESTORED_NAMES}
    for table in TABLES:
        names.setdefault(table.key, (table.singular, ""))
    parts = [
        _count(added[key], one, many)
        for n, (key, (one, many)) in enumerate(names.items())
        if n < _ALWAYS_NAMED or added[key]
    ]
    console.print(f"Imported {', '.join(parts[:-1])} and {parts[-1]} from {source}.", markup=False)
    if report.already_there:
        console.print(kept)
    console.print("`bounceback undo` takes the import back.")


@import_app.command("csv")
def import_csv(
    file: Annotated[Path, typer.Argument(help="The CSV file another tracker exported.")],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show what would be imported; write nothing.")
    ] = False,
    mapping: Annotated[
        list[str] | None,
        typer.Option("--map", help="Read a field from a column: column=field (repeat). See the list above."),
    ] = None,
    preset: Annotated[
        str | None,
        typer.Option("--preset", help="teal, simplify, linkedin, jobsync or huntr (default: guessed)."),
    ] = None,
) -> None:
    """Import applications from another tracker's CSV export, in one step that `undo` takes back.

    Teal, Simplify, LinkedIn (Job Applications.csv), JobSync and Huntr exports are recognised by their
    columns; any other CSV is read by columns named after our fields, or mapped with --map column=field.
    Fields: company, role, location, url, source, stage, applied_on, saved_on, deadline, salary_min,
    salary_max, salary_currency, excitement (1–5), notes, tags, salary (a range in one cell) and stage_on
    (the day it reached its stage). Status words become stages; a word not known keeps the stage the dates
    imply and is reported. Rows already here (same posting URL, else same company, role and date) are skipped,
    so importing a file twice adds nothing twice. Bad rows are listed as "row N: reason" (the header is row 1)
    and every good row is imported.
    """
    from bounceback.transfer.csv_import import (
        apply_plan,
        known_applications,
        plan_import,
        tracker_applications,
    )
    from bounceback.transfer.csv_table import read_table
    from bounceback.transfer.presets import choose_preset

    table = read_table(file)
    chosen = choose_preset(table.headers, table.source, name=preset, pairs=mapping or [])
    if dry_run:
        _print_preview(plan_import(table, chosen, known_applications(_current_applications())))
        return
    with _import_change(table.source) as tracker:
        plan = plan_import(table, chosen, known_applications(tracker_applications(tracker)))
        with _progress(len(plan.rows)) as advance:
            apply_plan(plan, tracker, advance=advance)
    _print_report(plan)


def _current_applications() -> list[tuple[str, Application]]:
    """(company, application) pairs already here, read without creating a workspace that is not there yet."""
    path = STATE.require_settings().sqlite_path
    if path is not None and not path.exists():
        return []
    with STATE.read() as read:
        return [(v.company, v.app) for v in read.applications()]


@contextmanager
def _progress(total: int) -> Iterator[Callable[[], object] | None]:
    """A progress bar on standard error for long imports; nothing for short ones."""
    if total <= PROGRESS_FROM_ROWS:
        yield None
        return
    from rich.progress import Progress

    with Progress(console=err_console, transient=True) as progress:
        task = progress.add_task("Importing", total=total)
        yield lambda: progress.advance(task)


def _print_problems(plan: ImportPlan) -> None:
    """Rows left out, then rows let in with a change, each as "row N: reason"."""
    if plan.problems:
        console.print(f"Left out {_count(len(plan.problems), 'row')}:")
        for problem in plan.problems:
            console.print(f"  {problem}", markup=False)
    notices = plan.notices
    if notices:
        console.print("Imported with a change:")
        for notice in notices:
            console.print(f"  {notice}", markup=False)


def _print_report(plan: ImportPlan) -> None:
    """What a real import did."""
    count = len(plan.rows)
    done = f"Imported {_count(count, 'application')} from" if count else "Nothing new to import from"
    console.print(f"{done} {plan.source} ({plan.preset.describe()}).", markup=False)
    if plan.duplicates:
        console.print(f"Skipped {_count(len(plan.duplicates), 'row')} already here.")
    _print_problems(plan)
    if count:
        console.print("`bounceback undo` takes the import back.")


def _print_preview(plan: ImportPlan) -> None:
    """What an import would do, as a table, with the problems; nothing is written."""
    from rich.markup import escape
    from rich.table import Table

    title = escape(f"{plan.source} ({plan.preset.describe()})")
    table = Table(show_edge=False, header_style="bold", title=title, title_justify="left")
    for column in ("row", "company", "role", "stage", "applied", "would"):
        table.add_column(column, no_wrap=column in {"row", "applied"})
    rows = sorted([(r, "add") for r in plan.rows] + [(r, "skip: already here") for r in plan.duplicates],
                  key=lambda pair: pair[0].number)  # fmt: skip
    for row, action in rows:
        applied = row.fields.get("applied_on")
        table.add_row(
            str(row.number),
            escape(row.company),
            escape(row.role),
            row.stage.value,
            applied.isoformat() if applied else "",
            action,
        )
    if rows:
        console.print(table)
    _print_problems(plan)
    console.print(
        f"Dry run: would import {len(plan.rows)}, skip {len(plan.duplicates)} already here and leave out "
        f"{len(plan.problems)} with problems. Nothing was written."
    )


def register(app: typer.Typer) -> None:
    """Add import/export commands to the CLI."""
    app.command()(export)
    app.add_typer(import_app, name="import")
