"""One application: add it, see everything about it, edit it, delete it."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from bounceback.domain.errors import InvalidInput
from bounceback.domain.interviews import cancelled
from bounceback.domain.model import ContactRole, EventKind, InterviewKind, Source, WorkMode
from bounceback.domain.stages import PROGRESS, Stage, allowed_targets
from bounceback.domain.wording import edit_summary
from bounceback.web.deps import Web, WebContext
from bounceback.web.drafts_view import draft_kinds
from bounceback.web.email_html import sanitise
from bounceback.web.forms import ApplicationForm, choice
from bounceback.web.templating import redirect, render

router = APIRouter(prefix="/applications")
CHOICES = {
    "stages": list(PROGRESS),
    "work_modes": list(WorkMode),
    "sources": list(Source),
    "contact_roles": list(ContactRole),
    "interview_kinds": list(InterviewKind),
}


@router.get("/new")
def new_application(request: Request) -> Response:
    """The form for a new application."""
    return render(request, "application_new.html", {"section": "board", **CHOICES})


@router.post("")
async def create_application(request: Request, web: Web) -> Response:
    """Record a new application and show it."""
    form = ApplicationForm.read(await request.form())
    return await run_in_threadpool(_create, web, form)


def _create(web: WebContext, form: ApplicationForm) -> Response:
    values = {k: v for k, v in form.values().items() if v not in (None, "", [], False)}
    stage = choice(Stage, form.text("stage"), "stage") or (
        Stage.APPLIED if values.get("applied_on") else Stage.SAVED
    )
    if stage.is_closed:
        raise InvalidInput("A new application starts at an open stage; close it from its page afterwards.")
    company, role = form.text("company"), form.text("role")
    with web.change(f"Add {role} at {company}") as change:
        app = change.tracker.add(company, role, stage=stage, **values)
        app_id, slug = app.id, app.slug
    return redirect(f"/applications/{app_id}", message=f"Added {slug}.")


@router.get("/{app_id}")
def application_page(request: Request, web: Web, app_id: int) -> Response:
    """Details, what is next, the timeline, the emails, the people and the interviews."""
    with web.read() as read:
        view = read.find(str(app_id))
        events = read.timeline(app_id)
        interviews = read.interviews(app_id)
        people = read.people(app_id)
        emails = read.mail_of(app_id)
        closing = next(
            (e for e in reversed(events) if e.kind is EventKind.STAGE and e.to_stage is view.app.stage), None
        )
        close_is_last = bool(
            view.app.stage.is_closed and closing and read.last_change_wrote("events", closing.id or 0)
        )
        bounced = read.finished_sessions(app_id) > 0
    app = view.app
    context = {
        "section": "board",
        "app": app,
        "company": view.company,
        "events": list(reversed(events)),
        "interviews": interviews,
        "cancelled": {iv.id for iv in cancelled(interviews, app)},
        "people": people,
        "emails": [(mail, sanitise(mail.html) if mail.html else None) for mail in emails],
        "targets": allowed_targets(app.stage),
        "close_is_last": close_is_last,
        "bounced": bounced,
        "zone": web.settings.timezone or "UTC",
        "draft_kinds": draft_kinds(app.stage),
        **CHOICES,
    }
    return render(request, "application.html", context)


@router.post("/{app_id}/edit")
async def edit_application(request: Request, web: Web, app_id: int) -> Response:
    """Change the details of an application."""
    form = ApplicationForm.read(await request.form())
    return await run_in_threadpool(_edit, web, app_id, form)


def _edit(web: WebContext, app_id: int, form: ApplicationForm) -> Response:
    values = form.values()
    if form.text("role"):
        values["role"] = form.text("role")
    with web.change(f"Edit application {app_id}") as change:
        app = change.tracker.get(app_id)
        changed = change.tracker.edit(app, **values)
        said = edit_summary(app, changed) if changed else ""
    return redirect(f"/applications/{app_id}", message=f"{said}." if changed else "Nothing changed.")


@router.post("/{app_id}/delete")
def delete_application(web: Web, app_id: int, confirm: Annotated[str, Form()] = "") -> Response:
    """Delete an application and its timeline, once the person ticked the box (undo brings it back)."""
    if confirm != "yes":
        raise InvalidInput("Tick “Yes, delete it” to delete this application.")
    with web.change(f"Delete application {app_id}") as change:
        app = change.tracker.get(app_id)
        slug = app.slug
        change.tracker.delete(app)
    return redirect("/", message=f"Deleted {slug}. “Undo last change” brings it back.")
