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
    from bounceback.mail.classify.interface import Classifier
    from bounceback.mail.importer import ImportSummary

mail_app = typer.Typer(help="Read your mailbox: import, sync, review and correct.", no_args_is_help=True)
mail_app.add_typer(account_app, name="account")

Paths = Annotated[
    list[Path], typer.Argument(help="mbox files, Maildir folders, .eml files or folders of them.")
]
RecordId = Annotated[int, typer.Argument(help="The message number shown by `bounceback mail review`.")]


def _cache_dir() -> Path:
    return STATE.require_settings().cache


def _classifier() -> Classifier:
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


NAMED_SHOWN = 30  # rejections, offers and interviews named one by one after an import


def _print_summary(summary: ImportSummary) -> None:
    """The closing lines of an import or sync: each rejection, offer and interview by name, with why and what
    to do next; then the counts of everything else."""
    from bounceback.domain.mail import MailLabel
    from bounceback.mail.explain import quoted, title

    for change in summary.named[:NAMED_SHOWN]:
        head = f"{title(change.label)}: {change.company}, {change.role}"
        if change.interview_at:
            head += f", {change.interview_at}"
        console.print(
            head + (f" — because: {quoted(change.evidence)}" if change.evidence else ""), markup=False
        )
        if change.label is MailLabel.REJECTION:
            console.print(
                f"  When you are ready: bounceback bounce {change.application} · "
                f"not a rejection? bounceback mail relabel {change.record_id} acknowledgment",
                markup=False,
            )
        elif change.label is MailLabel.OFFER:
            console.print(f"  Not an offer? bounceback mail relabel {change.record_id} other", markup=False)
        else:
            console.print(f"  Not right? bounceback mail relabel {change.record_id} LABEL", markup=False)
    if len(summary.named) > NAMED_SHOWN:
        console.print(
            f"  … and {len(summary.named) - NAMED_SHOWN} more; `bounceback show APP` lists each one's emails."
        )
    interviews = f"{summary.interviews} interviews scheduled, " if summary.interviews else ""
    console.print(
        f"{summary.messages:,} messages read ({summary.already_seen:,} already seen), "
        f"{summary.job_related:,} about your search: {summary.opened} applications opened, "
        f"{summary.stage_changes} stages changed, {interviews}{summary.review} waiting for review, "
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


def _nothing_new(paths: list[Path]) -> bool:
    """Say so and return True when every message of the sources is already known (the fast re-import)."""
    from bounceback.mail.seen import count_if_all_seen
    from bounceback.mail.sources import open_sources
    from bounceback.mail.summary import ImportSummary

    with STATE.read() as read:
        keys = read.mail_keys()
    if not keys:
        return False
    sources = open_sources(paths)
    count = count_if_all_seen((raw for source in sources for _origin, raw in source), keys)
    if count is None or any(source.problems for source in sources):
        return False  # something is new or unreadable: the full import reads it and names it
    _print_summary(ImportSummary(messages=count, already_seen=count))
    return True


@mail_app.command("import")
def import_mail(paths: Paths) -> None:
    """Import mail from files: an mbox (Gmail Takeout too), a Maildir, .eml files or folders of them."""
    from itertools import chain

    from bounceback.mail.sources import open_sources

    if _nothing_new(paths):
        return
    from bounceback.mail.importer import MailImporter

    sources = open_sources(paths)
    importer = MailImporter(STATE.workspace(), _classifier, source=", ".join(p.name for p in paths))
    with _progress(None, "Importing mail") as advance:
        summary = importer.run(chain.from_iterable(sources), progress=advance)
    summary.problems.extend(problem for source in sources for problem in source.problems)
    _print_summary(summary)


@mail_app.command("review")
def review(as_json: JsonFlag = False) -> None:
    """Messages the tool was not sure about, why it read them so, and the commands that settle each."""
    from rich.table import Table
    from rich.text import Text

    from bounceback.mail.explain import because

    with STATE.read() as read:
        waiting = read.mail_waiting()
        rows = [
            (
                r.id, r.label.value, r.confidence, r.from_name or r.from_address, r.subject, r.company, r.role,
                r.evidence, because(r.label, r.evidence, r.details),
            )
            for r in waiting
        ]  # fmt: skip
    if as_json:
        keys = ("id", "label", "confidence", "sender", "subject", "company", "role", "evidence", "because")
        print_json([dict(zip(keys, row, strict=True)) for row in rows])
        return
    if not rows:
        console.print("Nothing is waiting for review.")
        return
    table = Table(show_edge=False, header_style="bold")
    for column in ("no.", "looks like", "sure", "from", "subject", "company"):
        table.add_column(column)
    for rid, _label, confidence, sender, subject, company, _role, _evidence, reading in rows:
        table.add_row(
            str(rid), Text(reading), f"{confidence:.0%}", Text(sender), Text(subject), Text(company)
        )
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
        str,
        typer.Argument(
            help="rejection, interview, screening (a first call with a recruiter), assessment, offer, "
            "acknowledgment or other."
        ),
    ],
) -> None:
    """Correct a message's label: its wrong change is taken back, the right one made, and the model learns."""
    from functools import partial

    from bounceback.domain.mail import MailLabel
    from bounceback.mail.review import relabel as do_relabel

    screening = label.strip().lower() == "screening"
    new_label = MailLabel.INTERVIEW if screening else enum_value(MailLabel, label, "mail label")
    said = "a screening call" if screening else new_label.value
    _settle(
        f"Relabel message {record} as {said}", partial(do_relabel, screening=screening), record, new_label
    )
    console.print(f"Message {record} is now {said}; the classifier will learn from it next time.")


def classify(paths: Paths, as_json: JsonFlag = False) -> None:
    """Classify .eml/mbox files without touching the database (one JSON object per message with --json)."""
    import json

    from bounceback.mail.classify.corpus import load_or_train
    from bounceback.mail.explain import because
    from bounceback.mail.extract import extract
    from bounceback.mail.importer import classifier_input
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
        prediction = model.predict([classifier_input(message)])[0]
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
            "evidence": prediction.evidence,
        }
        if as_json:
            typer.echo(json.dumps(data, ensure_ascii=False))
        else:
            details = {"stage": "screening"} if prediction.screening else None
            console.print(
                f"{origin}: {because(prediction.label, prediction.evidence, details)} "
                f"({data['confidence']:.0%}) {found.company or '?'} / {found.role or '?'} — {message.subject}",
                markup=False,
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
