"""The due list: what needs doing now, each with done / snooze / dismiss (the outreach package's rules)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import Response

from bounceback.dates import local_zone
from bounceback.domain.business_days import MORNING, at_local
from bounceback.domain.coaching import ReminderStatus
from bounceback.domain.due import DueItem, DueKind, unique
from bounceback.domain.errors import InvalidInput, NotFound
from bounceback.outreach.marking import key_number, mark_done, set_answer
from bounceback.web.deps import Web, WebContext
from bounceback.web.messages import href, words
from bounceback.web.templating import is_htmx, redirect, render

router = APIRouter(prefix="/due")
SNOOZES = {"1": "until tomorrow morning", "3": "for three days", "7": "for a week"}
PAGE = 50  # items shown at first; a long list is a link away
Key = Annotated[str, Form()]


@router.get("")
def due_page(request: Request, web: Web, everything: Annotated[str, Query(alias="all")] = "") -> Response:
    """What is due now, overdue first: the first ones, or all of them when asked."""
    now = datetime.now(UTC)
    items = web.due_view().shown
    shown = items if everything else items[:PAGE]
    context = {
        "section": "due",
        "items": [(item, href(item.action), words(item.action), item.is_overdue(now)) for item in shown],
        "meetings": _meeting_places(web, shown),
        "hidden": len(items) - len(shown),
        "snoozes": SNOOZES,
    }
    return render(request, "due.html", context)


def _meeting_places(web: WebContext, items: list[DueItem]) -> dict[str, str]:
    """Where each interview on the list happens (a meeting link or an address), by the reminder's key."""
    wanted = {key_number(i.key, "iv"): i.key for i in items if i.kind is DueKind.INTERVIEW}
    if not wanted:
        return {}
    with web.read() as read:
        return {wanted[iv.id]: iv.location for iv in read.interviews() if iv.id in wanted and iv.location}


def _find(web: WebContext, key: str) -> DueItem:
    """The reminder with this key, as the list was last derived."""
    for item in unique(web.due_view().derived):
        if item.key == key:
            return item
    raise NotFound(
        "That reminder is no longer on the list; the search has moved on since the page was opened."
    )


def _settled(request: Request, message: str) -> Response:
    """The item replaced by one sentence (htmx), or the list again with the sentence on top."""
    if is_htmx(request):
        return render(request, "_due_settled.html", {"message": message})
    return redirect("/due", message=message)


@router.post("/done")
def done(
    request: Request,
    web: Web,
    key: Key,
    answer: Annotated[str, Form()] = "",
    no_answer: Annotated[str, Form()] = "",
) -> Response:
    """Mark it done; a thank-you, follow-up, feedback request or reconnect goes on the timeline as sent."""
    now = datetime.now(UTC)
    item = _find(web, key)
    with web.change(f"Done: {item.title}") as change:
        marked = mark_done(change, item, now, answer=answer or None, no_answer=no_answer == "yes")
    return _settled(request, " ".join([f"Done: {item.title}", *marked.lines]))


@router.post("/snooze")
def snooze(request: Request, web: Web, key: Key, days: Annotated[str, Form()] = "1") -> Response:
    """Put it off until a later morning."""
    if days not in SNOOZES:
        raise InvalidInput("Snooze for 1, 3 or 7 days.")
    now = datetime.now(UTC)
    item = _find(web, key)
    zone = local_zone(web.settings.timezone)
    until = at_local(now.astimezone(zone).date() + timedelta(days=int(days)), MORNING, zone)
    with web.change(f"Snooze: {item.title}") as change:
        set_answer(change, item.key, ReminderStatus.SNOOZED, now, until=until)
    return _settled(request, f"Snoozed {SNOOZES[days]}: {item.title}")


@router.post("/dismiss")
def dismiss(request: Request, web: Web, key: Key) -> Response:
    """Take it off the list for good (undo brings it back)."""
    now = datetime.now(UTC)
    item = _find(web, key)
    with web.change(f"Dismiss: {item.title}") as change:
        set_answer(change, item.key, ReminderStatus.DISMISSED, now)
    return _settled(request, f"Dismissed: {item.title}")
