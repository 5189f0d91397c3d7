"""The review queue: messages the tool was not sure about, settled with the same functions as the CLI."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from bounceback.domain.errors import InvalidInput
from bounceback.domain.mail import MailLabel, MailRecord
from bounceback.domain.model import Origin
from bounceback.mail import review
from bounceback.web.deps import Web
from bounceback.web.email_html import sanitise
from bounceback.web.forms import choice
from bounceback.web.templating import is_htmx, redirect, render

if TYPE_CHECKING:
    from bounceback.workspace.change import Change

router = APIRouter(prefix="/mail/review")
LINK_CHOICES = 500  # application names offered while typing; any other name still works


def _item_context(mail: MailRecord, names: dict[int, str]) -> dict[str, object]:
    """What one review item shows: the cleaned message, and the applications it might belong to."""
    listed = mail.details.get("candidates")
    candidates = [names[i] for i in listed if i in names] if isinstance(listed, list) else []
    return {
        "mail": mail,
        "safe": sanitise(mail.html) if mail.html else None,
        "candidates": candidates,
        "labels": list(MailLabel),
    }


@router.get("")
def review_page(request: Request, web: Web) -> Response:
    """Every waiting message with its four ways out: accept, relabel, link, ignore."""
    with web.read() as read:
        waiting = read.mail_waiting()
        names = read.application_names()
    items = [_item_context(mail, names) for mail in waiting]
    shown_names = sorted(names.values())[:LINK_CHOICES]
    return render(request, "review.html", {"section": "mail", "items": items, "names": shown_names})


def _settle(
    request: Request, web: Web, record_id: int, summary: str, action: Callable[[Change], object]
) -> Response:
    """Run one review action in its own undoable change; htmx gets the settled item back in place."""
    with web.change(summary, origin=Origin.EMAIL) as change:
        action(change)
    with web.read() as read:
        mail = read.mail(record_id)
        names = read.application_names()
    outcome = _outcome(mail, names)
    if not is_htmx(request):
        return redirect("/mail/review", message=outcome)
    return render(request, "_review_settled.html", {"record_id": record_id, "outcome": outcome})


def _outcome(mail: MailRecord | None, names: dict[int, str]) -> str:
    """One sentence on what became of a message."""
    if mail is None:
        return "Done."
    subject = mail.subject or "(no subject)"
    if mail.application_id is not None:
        return f"“{subject}” now belongs to {names.get(mail.application_id, 'its application')} ({mail.label.value})."
    if mail.status.value == "ignored":
        return f"“{subject}” was set aside; it changes nothing."
    return f"“{subject}” is {mail.label.value} and still waits for an application."


@router.post("/{record_id}/accept")
def accept(request: Request, web: Web, record_id: int) -> Response:
    """Take the tool's reading and make its change."""
    return _settle(
        request, web, record_id, f"Accept message {record_id}",
        lambda change: review.accept(change, record_id),
    )  # fmt: skip


@router.post("/{record_id}/relabel")
def relabel(request: Request, web: Web, record_id: int, label: Annotated[str, Form()] = "") -> Response:
    """Correct the label; the wrong change is taken back and the classifier learns from it."""
    screening = label.strip().lower() == "screening"  # an interview that is a first call with a recruiter
    new_label = (
        MailLabel.INTERVIEW if screening else choice(MailLabel, label, "mail label") or MailLabel.OTHER
    )
    return _settle(
        request, web, record_id, f"Relabel message {record_id} as {'screening' if screening else new_label.value}",
        lambda change: review.relabel(change, record_id, new_label, screening=screening),
    )  # fmt: skip


@router.post("/{record_id}/link")
def link(request: Request, web: Web, record_id: int, application: Annotated[str, Form()] = "") -> Response:
    """Attach the message to the application the person names."""
    name = application.strip()
    if not name:
        raise InvalidInput("Type the short name or id of the application this message belongs to.")
    return _settle(
        request, web, record_id, f"Link message {record_id} to {name}",
        lambda change: review.link(change, record_id, name),
    )  # fmt: skip


@router.post("/{record_id}/ignore")
def ignore(request: Request, web: Web, record_id: int) -> Response:
    """Set the message aside."""
    return _settle(
        request,
        web,
        record_id,
        f"Ignore message {record_id}",
        lambda change: review.ignore(change, record_id),
    )
