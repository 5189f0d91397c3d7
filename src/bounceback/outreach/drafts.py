"""Email drafts filled from an application: thank-you, follow-ups, feedback request, reconnect, withdrawal,
accepting or declining an offer. Jinja2 templates, each replaceable by a file in `<home>/templates/` named after
the draft (thank-you.j2, follow-up.j2 …). The tool only drafts; the person sends from their own mail client."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from importlib.resources import files
from pathlib import Path
from typing import Any

from bounceback.domain.errors import InvalidInput
from bounceback.domain.interviews import standing
from bounceback.domain.model import Application, Contact, ContactRole, Event, Interview
from bounceback.domain.outreach import (
    OutreachKind,
    chosen_for_feedback,
    detail_from_notes,
    last_contact,
    pick_recipient,
    sent_since,
)

UNSTATED_ROLES = {"", "role not stated"}
_TITLES = {"dr", "dr.", "mr", "mr.", "ms", "ms.", "mrs", "mrs.", "prof", "prof.", "mx", "mx."}
_KIND_WORDS = {
    "thank_you": OutreachKind.THANK_YOU,
    "thanks": OutreachKind.THANK_YOU,
    "thankyou": OutreachKind.THANK_YOU,
    "follow_up": OutreachKind.FOLLOW_UP,
    "followup": OutreachKind.FOLLOW_UP,
    "feedback": OutreachKind.FEEDBACK,
    "feedback_request": OutreachKind.FEEDBACK,
    "reconnect": OutreachKind.RECONNECT,
    "withdrawal": OutreachKind.WITHDRAWAL,
    "withdraw": OutreachKind.WITHDRAWAL,
    "accept": OutreachKind.ACCEPT,
    "accept_offer": OutreachKind.ACCEPT,
    "decline": OutreachKind.DECLINE,
    "decline_offer": OutreachKind.DECLINE,
}
KIND_CHOICES = "thank-you, follow-up, feedback, reconnect, withdrawal, accept, decline"


@dataclass(frozen=True)
class DraftFacts:
    """What a draft is filled from; every text field may be empty."""

    kind: OutreachKind
    company: str
    role: str = ""
    recipient: Contact | None = None
    interview: Interview | None = None  # the conversation the email refers to
    detail: str = ""
    follow_up_number: int = 1  # which follow-up template: the first or the second
    follow_ups_sent: int = 0  # since the employer's last word
    contact_at: datetime | None = None  # the employer's last word
    first_note_at: datetime | None = None  # the first follow-up, for the second
    met_at: datetime | None = None
    comeback: bool = False
    sender: str = ""
    closed: str = ""  # the outcome once the process is over ("rejected" …): no "even more interested" then


@dataclass(frozen=True)
class Draft:
    """A finished email, ready to copy, open or save."""

    kind: OutreachKind
    to_name: str
    to_email: str
    subject: str
    body: str


def parse_kind(text: str) -> OutreachKind:
    """A draft kind as typed: 'thank-you', 'follow-up', 'withdraw' …"""
    key = text.strip().lower().replace("-", "_").replace(" ", "_")
    if key not in _KIND_WORDS:
        raise InvalidInput(f"“{text}” is not a kind of draft; use one of: {KIND_CHOICES}.")
    return _KIND_WORDS[key]


def template_name(facts: DraftFacts) -> str:
    """The template file for a draft."""
    if facts.kind is OutreachKind.FOLLOW_UP:
        return "follow_up_second.j2" if facts.follow_up_number >= 2 else "follow_up_first.j2"
    return {
        OutreachKind.THANK_YOU: "thank_you.j2",
        OutreachKind.FEEDBACK: "feedback_request.j2",
        OutreachKind.RECONNECT: "reconnect.j2",
        OutreachKind.WITHDRAWAL: "withdrawal.j2",
        OutreachKind.ACCEPT: "accept_offer.j2",
        OutreachKind.DECLINE: "decline_offer.j2",
    }[facts.kind]


# A person's own template goes by the draft's name as `draft KIND` takes it (thank-you.j2); the name of the file
# shipped here (thank_you.j2) works too. Both win over the shipped one.
OWN_NAMES: dict[str, str] = {
    "thank_you.j2": "thank-you.j2",
    "follow_up_first.j2": "follow-up.j2",
    "follow_up_second.j2": "follow-up-second.j2",
    "feedback_request.j2": "feedback.j2",
    "reconnect.j2": "reconnect.j2",
    "withdrawal.j2": "withdrawal.j2",
    "accept_offer.j2": "accept.j2",
    "decline_offer.j2": "decline.j2",
}
TEMPLATES_FOLDER = "templates"


def unused_templates(home: Path | None) -> list[Path]:
    """Files in `<home>/templates/` that no draft would read (a misspelt name is easy to miss otherwise)."""
    folder = home / TEMPLATES_FOLDER if home else None
    if folder is None or not folder.is_dir():
        return []
    known = {*OWN_NAMES, *OWN_NAMES.values()}
    return sorted(
        p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".") and p.name not in known
    )


def unused_sentence(paths: Sequence[Path]) -> str:
    """One sentence naming the template files no draft reads, and the names drafts do read."""
    names = [p.name for p in paths]
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    verb = "is" if len(names) == 1 else "are"
    wanted = list(dict.fromkeys(OWN_NAMES.values()))
    return (
        f"{listed} in {paths[0].parent} {verb} not used: own templates are named "
        f"{', '.join(wanted[:-1])} or {wanted[-1]}."
    )


def gather_facts(
    kind: OutreachKind,
    *,
    company: str,
    role: str,
    people: Sequence[tuple[Contact, ContactRole]],
    interviews: Sequence[Interview],
    events: Sequence[Event],
    now: datetime,
    notes: Sequence[str] = (),
    recipient: Contact | None = None,
    detail: str = "",
    comeback: bool = False,
    sender: str = "",
    app: Application | None = None,
) -> DraftFacts:
    """Pick what a draft needs from an application's records: who it goes to (for feedback, the person chosen
    in the bounce-back session), which interview (never one the close called off), what detail."""
    if app is not None:
        interviews = standing(interviews, app)
    if recipient is None:
        recipient = default_recipient(kind, people, events)
    past = [iv for iv in interviews if iv.starts_at <= now]
    interview = max(past, key=lambda iv: iv.starts_at) if past else None
    if interview is None and kind is OutreachKind.THANK_YOU and interviews:
        interview = min(interviews, key=lambda iv: iv.starts_at)
    contact = last_contact(events, interviews, now)
    sent = sent_since(events, OutreachKind.FOLLOW_UP, contact) if contact else []
    found = detail.strip() or detail_from_notes([interview.notes if interview else "", *notes])
    return DraftFacts(
        kind=kind,
        company=company,
        role="" if role.strip().lower() in UNSTATED_ROLES else role.strip(),
        recipient=recipient,
        interview=interview,
        detail=found,
        follow_up_number=min(len(sent) + 1, 2),
        follow_ups_sent=len(sent),
        contact_at=contact,
        first_note_at=sent[0].occurred_at if sent else None,
        met_at=interview.starts_at if interview else contact,
        comeback=comeback,
        sender=sender.strip(),
        closed=app.stage.value if app is not None and app.stage.is_closed else "",
    )


def default_recipient(
    kind: OutreachKind, people: Sequence[tuple[Contact, ContactRole]], events: Sequence[Event]
) -> Contact | None:
    """Whom an email goes to when the person did not say: whom they chose to ask, else the likeliest."""
    wanted = chosen_for_feedback(events) if kind is OutreachKind.FEEDBACK else None
    named = next((person for person, _ in people if wanted and person.id == wanted), None)
    if named is not None:
        return named
    chosen = pick_recipient(kind, people)
    return chosen[0] if chosen else None


def first_name(name: str) -> str:
    """The name to greet someone by: 'Dr. Jane Doe' → 'Jane'; nothing for an address or a blank."""
    words = [w for w in name.replace(",", " ").split() if w.lower() not in _TITLES]
    if not words or "@" in words[0]:
        return ""
    return words[0]


def when_phrase(moment: datetime | None, now: datetime, zone: tzinfo) -> str:
    """'today', 'yesterday', 'on Tuesday' within the week, else 'on 10 March'."""
    if moment is None:
        return ""
    day, today = moment.astimezone(zone).date(), now.astimezone(zone).date()
    ago = (today - day).days
    if ago == 0:
        return "today"
    if ago == 1:
        return "yesterday"
    if 1 < ago < 7:
        return f"on {day:%A}"
    return f"on {day.day} {day:%B}" + (f" {day.year}" if abs(ago) > 300 else "")


def month_phrase(moment: datetime | None, now: datetime, zone: tzinfo) -> str:
    """'in March', with the year when it was long ago."""
    if moment is None:
        return ""
    day = moment.astimezone(zone).date()
    return f"in {day:%B}" + (f" {day.year}" if (now.date() - day).days > 300 else "")


def context(facts: DraftFacts, now: datetime, zone: tzinfo) -> dict[str, Any]:
    """The template's variables: all present, all plain text (empty when unknown), never None."""
    name = facts.recipient.name if facts.recipient else ""
    first = first_name(name)
    iv_zone = _zone(facts.interview.timezone) if facts.interview else zone
    return {
        "greeting": f"Hello {first}," if first else "Hello,",
        "first_name": first,
        "recipient_name": name,
        "company": facts.company or "your company",
        "role": facts.role,
        "role_phrase": f"the {facts.role} role" if facts.role else "the role",
        "interview_when": when_phrase(facts.interview.starts_at if facts.interview else None, now, iv_zone),
        "contact_when": when_phrase(facts.contact_at, now, zone),
        "first_note_when": when_phrase(facts.first_note_at, now, zone),
        "met_when": month_phrase(facts.met_at, now, zone),
        "detail": facts.detail,
        "comeback": facts.comeback,
        "closed": facts.closed,
        "sender_name": facts.sender,
        "sign_off": "Best wishes," + (f"\n{facts.sender}" if facts.sender else ""),
    }


def _zone(name: str) -> tzinfo:
    """An interview's zone."""
    from bounceback.dates import zone

    return zone(name)


def render(facts: DraftFacts, now: datetime, zone: tzinfo, *, home: Path | None = None) -> Draft:
    """Fill the template (the person's own from `<home>/templates/` when there is one)."""
    import jinja2

    name = template_name(facts)
    try:
        template = environment(home).select_template([OWN_NAMES[name], name])
        name = template.name or name
        text = template.render(**context(facts, now, zone))
    except jinja2.TemplateError as exc:
        raise InvalidInput(f"The draft template {name} cannot be used: {exc.message or exc}.") from None
    subject, body = split_subject(text, name)
    recipient = facts.recipient
    return Draft(
        facts.kind, recipient.name if recipient else "", recipient.email if recipient else "", subject, body
    )


def environment(home: Path | None) -> Any:
    """Templates from the person's folder first, then the ones shipped here."""
    import jinja2

    folders = [str(home / TEMPLATES_FOLDER)] if home else []
    folders.append(str(files("bounceback.outreach") / "templates"))
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(folders),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
        finalize=lambda value: "" if value is None else value,
    )


def split_subject(text: str, name: str) -> tuple[str, str]:
    """The 'Subject:' first line and the tidied body below it."""
    lines = text.strip().splitlines()
    if not lines or not lines[0].lower().startswith("subject:"):
        raise InvalidInput(f"The draft template {name} must start with a line “Subject: …”.")
    return tidy(lines[0].split(":", 1)[1]), tidy("\n".join(lines[1:]))


def tidy(text: str) -> str:
    """No stray spaces before punctuation, no doubled spaces, one blank line between paragraphs at most."""
    text = re.sub(r"[ \t]+([,.;:!?])", r"\1", text)
    text = re.sub(r"[ \t]{2,}", " ", text)
    text = "\n".join(line.rstrip() for line in text.splitlines())
    return re.sub(r"\n{3,}", "\n\n", text).strip()
