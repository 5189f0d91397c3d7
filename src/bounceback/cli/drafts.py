"""`bounceback draft KIND APP`: an email filled from the application, as text, a mailto: link or an .eml file.
Nothing is ever sent from here; `--sent` writes down that the person sent it themselves."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from bounceback.cli.context import STATE, console, err_console
from bounceback.cli.options import AppName
from bounceback.files import write_atomically

if TYPE_CHECKING:
    from bounceback.domain.model import Contact, ContactRole
    from bounceback.domain.outreach import OutreachKind
    from bounceback.outreach.drafts import DraftFacts
    from bounceback.outreach.formats import DraftFormat
    from bounceback.workspace import ApplicationView, ReadModel

_CLOSES = {"withdrawal": "withdrawn", "accept": "accepted", "decline": "declined"}
_PERSONAL = {"thank_you", "feedback", "reconnect"}


def draft(
    kind: Annotated[
        str, typer.Argument(help="thank-you, follow-up, feedback, reconnect, withdrawal, accept, decline.")
    ],
    name: AppName,
    to: Annotated[
        str | None, typer.Option(help="Contact id, email or name (default: the likeliest person).")
    ] = None,
    format_: Annotated[str, typer.Option("--format", "-f", help="text, mailto or eml.")] = "text",
    out: Annotated[Path | None, typer.Option(help="Write it to this file.")] = None,
    detail: Annotated[
        str, typer.Option(help="Something you talked about, e.g. 'their move to Dagster'.")
    ] = "",
    sign: Annotated[
        str, typer.Option(help="Your name under this email (default: the one `config name` keeps).")
    ] = "",
    sent: Annotated[bool, typer.Option("--sent", help="You sent it: put it on the timeline.")] = False,
) -> None:
    """Draft an email for an application (your own templates in <home>/templates/ win)."""
    from bounceback.cli.options import enum_value
    from bounceback.outreach.drafts import parse_kind
    from bounceback.outreach.formats import DraftFormat

    outreach = parse_kind(kind)
    chosen_format = enum_value(DraftFormat, format_, "draft format")
    now = datetime.now(UTC)
    sign = sign or signed_by()
    with STATE.read() as read:
        view = read.find(name)
        facts = read_facts(read, view, outreach, now, to=to, detail=detail, sign=sign)
    write_draft(facts, view.app.slug, chosen_format, out, now)
    advise(facts, view.app.slug, sent=sent)
    if sent:
        mark_sent(facts, view.app.id or 0, now)


def signed_by() -> str:
    """The person's name for the sign-off, asked for on the first draft in a terminal."""
    from bounceback.cli.config import name_for_drafts, read_name

    return name_for_drafts(read_name())


def read_facts(
    read: ReadModel,
    view: ApplicationView,
    outreach: OutreachKind,
    now: datetime,
    *,
    to: str | None,
    detail: str,
    sign: str,
) -> DraftFacts:
    """What the draft is filled from, read from the application's records."""
    from bounceback.domain.model import EventKind
    from bounceback.outreach.drafts import gather_facts

    app = view.app
    people = read.people(app.id or 0)
    events = read.timeline(app.id or 0)
    comeback = any(
        other.app.company_id == app.company_id and other.app.id != app.id and app.closed_at
        and other.app.created_at and other.app.created_at > app.closed_at
        for other in read.applications()
    )  # fmt: skip
    return gather_facts(
        outreach,
        company=view.company,
        role=app.role,
        people=people,
        interviews=read.interviews(app.id or 0),
        events=events,
        now=now,
        notes=[app.notes, *(e.summary for e in events if e.kind is EventKind.NOTE)],
        recipient=find_contact(read, people, to) if to else None,
        detail=detail,
        comeback=comeback,
        sender=sign,
        app=app,
    )


def find_contact(read: ReadModel, people: list[tuple[Contact, ContactRole]], wanted: str) -> Contact:
    """A contact by email, id or name: the application's people first, then everyone."""
    from bounceback.domain.errors import NotFound
    from bounceback.domain.naming import resolve, slugify

    pools = [[person for person, _ in people], read.contacts()]
    for pool in pools:
        for person in pool:
            if person.email and person.email.lower() == wanted.strip().lower():
                return person
    for pool in pools:
        try:
            chosen = resolve(wanted, [(p.id or 0, slugify(p.name)) for p in pool], what="contact")
        except NotFound:
            continue
        return next(p for p in pool if p.id == chosen)
    raise NotFound(f"No contact is called “{wanted}”; `bounceback contact list` shows them.")


def write_draft(facts: DraftFacts, slug: str, chosen: DraftFormat, out: Path | None, now: datetime) -> None:
    """Print the draft, or write it where asked (an .eml goes to a file either way)."""
    from bounceback.dates import local_zone
    from bounceback.outreach.drafts import render, unused_sentence, unused_templates
    from bounceback.outreach.formats import DraftFormat, as_eml, as_mailto, as_text

    settings = STATE.require_settings()
    result = render(facts, now, local_zone(settings.timezone), home=settings.home)
    unused = unused_templates(settings.home)
    if unused:
        err_console.print(unused_sentence(unused), markup=False)
    if chosen is DraftFormat.EML:
        target = out or Path(f"{slug}-{facts.kind.value.replace('_', '-')}.eml")
        write_atomically(target, as_eml(result))
        err_console.print(f"Saved {target}: open it in your mail client, check it, and send it from there.")
        return
    text = as_mailto(result) + "\n" if chosen is DraftFormat.MAILTO else as_text(result)
    if out is not None:
        write_atomically(out, text)
        err_console.print(f"Saved {out}.")
        return
    console.print(text, end="", markup=False, highlight=False, soft_wrap=True)


def advise(facts: DraftFacts, slug: str, *, sent: bool) -> None:
    """A line or two on standard error: what would make it better, and what to do once it has gone out."""
    kind = facts.kind.value
    if kind in _PERSONAL and not facts.detail:
        err_console.print(
            'Tip: one line about something you talked about makes it personal. Add --detail "…", '
            "or a note that starts with “Talked about”.",
            markup=False,
        )
    if kind == "follow_up" and facts.follow_ups_sent:
        err_console.print(follow_up_advice(facts.follow_ups_sent, slug), markup=False)
    if kind == "feedback":
        err_console.print(
            "Most employers do not answer these (Talent Board 2022: about 7 in 10 candidates get no feedback). "
            "Asking still costs little, and a reply can be worth a lot.",
            markup=False,
        )
    if not sent:
        err_console.print(
            f"Once it has gone out: bounceback draft {kind.replace('_', '-')} {slug} --sent", markup=False
        )


def follow_up_advice(already_sent: int, slug: str) -> str:
    """What to say about a second or later follow-up."""
    if already_sent == 1:
        return "This is the second follow-up; if it goes unanswered too, it is fine to let this one go."
    return (
        "You have followed up twice since they last wrote; a third note rarely changes the answer. "
        f"When you are ready: bounceback close {slug} ghosted"
    )


def mark_sent(facts: DraftFacts, app_id: int, now: datetime) -> None:
    """Put the sent email on the timeline (a request for feedback is also kept, to ask about later)."""
    from bounceback.domain.model import Contact
    from bounceback.outreach.marking import record_sent

    with STATE.change(f"Sent: {facts.kind.label}") as change:
        app = change.tracker.get(app_id)
        recipient = facts.recipient
        contact = change.store.get(Contact, recipient.id) if recipient is not None else None
        interview = facts.interview.id if facts.interview and facts.kind.value == "thank_you" else None
        event = record_sent(change, app, facts.kind, now, contact=contact, interview=interview)
        summary, slug, details = event.summary, app.slug, dict(event.details)
    err_console.print(f"On the timeline of {slug}: {summary}.", markup=False)
    if details.get("request"):
        err_console.print(
            f'When they answer, or after two weeks of silence: bounceback feedback {slug} --answered "…" '
            "(or --no-answer)",
            markup=False,
        )
    if facts.kind.value in _CLOSES:
        err_console.print(
            f"To close the application too: bounceback close {slug} {_CLOSES[facts.kind.value]}"
        )


def register(app: typer.Typer) -> None:
    """Add `draft` to the CLI."""
    app.command()(draft)
