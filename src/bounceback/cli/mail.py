"""Mail commands: import files, IMAP accounts and sync, the review queue, corrections, and `classify`."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from bounceback.cli.context import STATE, console, err_console, print_json
from bounceback.cli.mail_accounts import account_app
from bounceback.cli.options import JsonFlag, enum_value

if TYPE_CHECKING:
    from bounceback.mail.classify.model import MailClassifier
    from bounceback.mail.importer import ImportSummary

mail_app = typer.Typer(help="Read your mailbox: import, sync, review and correct.", no_args_is_help=True)
mail_app.add_typer(account_app, name="account")

Paths = Annotated[
    list[Path], typer.Argument(help="mbox files, Maildir folders, .eml files or folders of them.")
]
RecordId = Annotated[int, typer.Argument(help="The message number shown by `bounceback mail review`.")]


def _cache_dir() -> Path:
    return STATE.require_settings().cache


def _classifier() -> MailClassifier:
    """The person's model (shipped corpus + their corrections); says so when it has to train."""
    from bounceback.mail.learning import classifier_for

    with console.status("Loading the mail classifier…"), STATE.read() as read:
        return classifier_for(read, _cache_dir())


@contextmanager
def _progress(total: int | None, label: str) -> Iterator[Callable[[int], None]]:
    """A progress bar with messages per second."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = [
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
    ]
    with Progress(*columns, console=console, transient=False) as bar:
        task = bar.add_task(label, total=total, rate="")

        def advance(n: int) -> None:
            bar.advance(task, n)
            speed = bar.tasks[0].speed
            bar.update(task, rate=f"{speed:,.0f} msg/s" if speed else "")

        yield advance


def _print_summary(summary: ImportSummary) -> None:
    """The closing lines of an import or sync."""
    console.print(
        f"{summary.messages:,} messages read ({summary.already_seen:,} already seen), "
        f"{summary.job_related:,} about your search: {summary.opened} applications opened, "
        f"{summary.stage_changes} stages changed, {summary.review} waiting for review, "
        f"{summary.malformed} skipped as unreadable."
    )
    if summary.shared_id_note:
        console.print(summary.shared_id_note)
    from bounceback.mail.problems import SHOWN, write_problem_list

    for problem in summary.problems[:SHOWN]:
        console.print(f"  skipped {problem.origin}: {problem.reason}", markup=False)
    if summary.malformed > SHOWN:
        listed = write_problem_list(summary.problems, STATE.require_settings().home / "logs")
        console.print(
            f"  … and {summary.malformed - SHOWN:,} more; all {summary.malformed:,} are listed in {listed}",
            markup=False,
        )
    if summary.review:
        console.print("See the messages waiting for you with `bounceback mail review`.")


@mail_app.command("import")
def import_mail(paths: Paths) -> None:
    """Import mail from files: an mbox (Gmail Takeout too), a Maildir, .eml files or folders of them."""
    from itertools import chain

    from bounceback.mail.importer import MailImporter
    from bounceback.mail.sources import open_sources

    sources = open_sources(paths)
    importer = MailImporter(STATE.workspace(), _classifier, source=", ".join(p.name for p in paths))
    with _progress(None, "Importing mail") as advance:
        summary = importer.run(chain.from_iterable(sources), progress=advance)
    summary.problems.extend(problem for source in sources for problem in source.problems)
    _print_summary(summary)


@mail_app.command("review")
def review(as_json: JsonFlag = False) -> None:
    """Messages the tool was not sure about, with the commands that settle each."""
    from rich.table import Table

    with STATE.read() as read:
        waiting = read.mail_waiting()
        rows = [
            (r.id, r.label.value, r.confidence, r.from_name or r.from_address, r.subject, r.company, r.role)
            for r in waiting
        ]
    if as_json:
        keys = ("id", "label", "confidence", "sender", "subject", "company", "role")
        print_json([dict(zip(keys, row, strict=True)) for row in rows])
        return
    if not rows:
        console.print("Nothing is waiting for review.")
        return
    table = Table(show_edge=False, header_style="bold")
    for column in ("no.", "looks like", "sure", "from", "subject", "company"):
        table.add_column(column)
    for rid, label, confidence, sender, subject, company, _role in rows:
        table.add_row(str(rid), label, f"{confidence:.0%}", sender, subject, company)
    console.print(table)
    console.print(
        "Settle each with: bounceback mail accept NO · mail relabel NO LABEL · mail link NO APP · mail ignore NO"
    )


def _settle(summary: str, action: Callable[..., object], *args: object) -> None:
    from bounceback.domain.model import Origin

    with STATE.change(summary, origin=Origin.EMAIL) as change:
        action(change, *args)


@mail_app.command("accept")
def accept(record: RecordId) -> None:
    """Accept the tool's reading of a waiting message and make its change."""
    from bounceback.mail.review import accept as do_accept

    _settle(f"Accept message {record}", do_accept, record)
    console.print(f"Message {record} applied.")


@mail_app.command("link")
def link(
    record: RecordId, name: Annotated[str, typer.Argument(help="The application it belongs to.")]
) -> None:
    """Attach a message to another application and make its change there."""
    from bounceback.mail.review import link as do_link

    _settle(f"Link message {record} to {name}", do_link, record, name)
    console.print(f"Message {record} linked to {name}.")


@mail_app.command("ignore")
def ignore(record: RecordId) -> None:
    """Set a waiting message aside; it changes nothing."""
    from bounceback.mail.review import ignore as do_ignore

    _settle(f"Ignore message {record}", do_ignore, record)
    console.print(f"Message {record} set aside.")


@mail_app.command("relabel")
def relabel(
    record: RecordId,
    label: Annotated[
        str, typer.Argument(help="rejection, interview, assessment, offer, acknowledgment or other.")
    ],
) -> None:
    """Correct a message's label: its wrong change is taken back, the right one made, and the model learns."""
    from bounceback.domain.mail import MailLabel
    from bounceback.mail.review import relabel as do_relabel

    new_label = enum_value(MailLabel, label, "mail label")
    _settle(f"Relabel message {record} as {new_label.value}", do_relabel, record, new_label)
    console.print(f"Message {record} is now {new_label.value}; the classifier will learn from it next time.")


def classify(paths: Paths, as_json: JsonFlag = False) -> None:
    """Classify .eml/mbox files without touching the database (one JSON object per message with --json)."""
    import json

    from bounceback.mail.classify.corpus import load_or_train
    from bounceback.mail.classify.text import ClassifierInput
    from bounceback.mail.extract import extract
    from bounceback.mail.keys import message_key
    from bounceback.mail.parse import MailParseError, parse_message
    from bounceback.mail.sources import open_sources

    sources = open_sources(paths)
    model = load_or_train(_cache_dir())
    for origin, raw in (item for source in sources for item in source):
        try:
            message = parse_message(raw, origin)
        except MailParseError as exc:
            console.print(f"skipped {origin}: {exc}", style="yellow")
            continue
        item = ClassifierInput(
            message.subject, message.from_name, message.from_address, message.text, bool(message.is_list)
        )
        prediction = model.predict([item])[0]
        found = extract(message.subject, message.from_name, message.from_address, message.text)
        sender = (
            f"{message.from_name} <{message.from_address}>" if message.from_name else message.from_address
        )
        data = {
            "message_id": message.message_id or message_key(raw),
            "label": prediction.label.value,
            "confidence": round(prediction.confidence, 4),
            "company": found.company,
            "role": found.role,
            "sender": sender,
        }
        if as_json:
            typer.echo(json.dumps(data, ensure_ascii=False))
        else:
            console.print(
                f"{origin}: [bold]{data['label']}[/] ({data['confidence']:.0%}) {found.company or '?'} / {found.role or '?'} — {message.subject}"
            )
    for problem in (p for source in sources for p in source.problems):
        console.print(f"skipped {problem.origin}: {problem.reason}", style="yellow")


def register(app: typer.Typer) -> None:
    """Add the mail group and `classify` to the CLI."""
    app.add_typer(mail_app, name="mail")
    app.command()(classify)


@mail_app.command("sync")
def sync(
    name: Annotated[str | None, typer.Argument(help="Only this account (default: all).")] = None,
) -> None:
    """Fetch new mail from IMAP and import it. Read-only: nothing on the server is changed or marked read."""
    from bounceback.domain.errors import BouncebackError
    from bounceback.mail.credentials import get_secret
    from bounceback.mail.importer import ImportSummary
    from bounceback.mail.sync import find_account, sync_account

    with STATE.read() as read:
        chosen = find_account(read, name)
    total = ImportSummary()
    notices: list[str] = []
    outcomes: list[tuple[bool, str]] = []
    failed = 0
    for account in chosen:  # each account on its own: one that fails does not stop the others
        try:
            secret = get_secret(account.name, account.username)
            with _progress(None, f"Syncing {account.name}") as advance:
                summary = sync_account(
                    STATE.workspace(), account, secret, _classifier, progress=advance, notices=notices
                )
        except BouncebackError as exc:
            failed += 1
            outcomes.append((False, f"{account.name}: not synced. {exc.message}"))
            continue
        total.add(summary)
        outcomes.append((True, f"{account.name}: synced, {summary.messages:,} new messages read."))
    for notice in notices:
        console.print(notice, markup=False)
    if len(chosen) > 1 or failed:
        for synced, outcome in outcomes:
            (console if synced else err_console).print(outcome, markup=False)
    _print_summary(total)
    if failed:
        raise typer.Exit(1)
