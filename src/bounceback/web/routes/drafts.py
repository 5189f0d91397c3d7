"""Drafts: thank-you, follow-up, feedback request, reconnect…, to copy, open in the mail app or save as .eml."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import Response

from bounceback.domain.model import Contact
from bounceback.outreach.drafts import parse_kind
from bounceback.outreach.formats import as_eml
from bounceback.outreach.marking import record_sent
from bounceback.web.deps import Web
from bounceback.web.drafts_view import make_draft
from bounceback.web.templating import redirect, render

router = APIRouter(prefix="/applications/{app_id}/draft")
QueryText = Annotated[str, Query()]


@router.get("")
def draft_page(
    request: Request, web: Web, app_id: int, kind: QueryText = "follow_up", detail: QueryText = ""
) -> Response:
    """The draft, ready to copy or open; nothing is sent from here."""
    made = make_draft(web, app_id, kind, detail=detail)
    context = {"section": "board", "app_id": app_id, "made": made, "kind": made.facts.kind, "detail": detail}
    return render(request, "draft.html", context)


@router.get(".eml")
def draft_eml(web: Web, app_id: int, kind: QueryText = "follow_up", detail: QueryText = "") -> Response:
    """The draft as an .eml file your mail client opens as an unsent message."""
    made = make_draft(web, app_id, kind, detail=detail)
    name = f"{made.facts.kind.value.replace('_', '-')}-{app_id}.eml"
    return Response(
        as_eml(made.draft),
        media_type="message/rfc822",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.post("/name")
def draft_name(
    web: Web,
    app_id: int,
    name: Annotated[str, Form()] = "",
    kind: Annotated[str, Form()] = "follow_up",
    detail: Annotated[str, Form()] = "",
) -> Response:
    """Keep the name drafts are signed with (asked once), and show the draft again, signed."""
    from urllib.parse import urlencode

    from bounceback.workspace.profile import save_name

    outreach = parse_kind(kind)
    with web.change("Your name for drafts") as change:
        change.tracker.get(app_id)  # another person's (or no) application: 404 before anything is kept
        kept = save_name(change, name)
    said = f"Your drafts are signed “{kept}”." if kept else "Your drafts end without a name."
    query = urlencode({"kind": outreach.value, "detail": detail})
    return redirect(f"/applications/{app_id}/draft?{query}", message=said)


@router.post("/sent")
def draft_sent(web: Web, app_id: int, kind: Annotated[str, Form()] = "") -> Response:
    """Write down that you sent it: it goes on the timeline (a feedback request is kept to ask about later)."""
    outreach = parse_kind(kind)
    made = make_draft(web, app_id, kind)
    now = datetime.now(UTC)
    with web.change(f"Sent: {outreach.label}") as change:
        app = change.tracker.get(app_id)
        recipient = made.facts.recipient
        contact = change.store.get(Contact, recipient.id) if recipient is not None else None
        interview = (
            made.facts.interview.id if made.facts.interview and outreach.value == "thank_you" else None
        )
        event = record_sent(change, app, outreach, now, contact=contact, interview=interview)
        summary = event.summary
    return redirect(f"/applications/{app_id}#timeline", message=f"On the timeline: {summary}.")
