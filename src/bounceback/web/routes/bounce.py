"""The bounce-back session as a step-by-step form, driven by the same coach code as `bounceback bounce`."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from starlette.datastructures import FormData

from bounceback.coach.prompts import Block, PromptKind
from bounceback.coach.session import BounceRunner, StepView, finished_sessions
from bounceback.coach.steps import SessionPath
from bounceback.dates import local_zone
from bounceback.domain.errors import InvalidInput
from bounceback.web.deps import Web, WebContext
from bounceback.web.templating import redirect, render

router = APIRouter(prefix="/bounce/{app_id}")
SKIP = "skip"


def _open_session(web: WebContext, app_id: int) -> int | None:
    """The unfinished session of this application, if one was started."""
    with web.read() as read:
        found = read.unfinished_session(app_id)
    return found.id if found else None


def _page(web: WebContext, app_id: int, session_id: int, after: list[Block]) -> dict[str, Any]:
    """What the page shows: the blocks the last answer produced, then the current step (or the end)."""
    with web.change("Look at bounce-back session") as change:  # reads only: nothing is journaled
        runner = BounceRunner.open(change, str(app_id), session_id=session_id)
        view = None if runner.finished else runner.view()
        slug, role = runner.app.slug, runner.app.role
        company = change.tracker.company_of(runner.app).name
    return {
        "view": view,
        "after": after,
        "slug": slug,
        "role": role,
        "company": company,
        "session_id": session_id,
    }


def _day(web: WebContext, moment: datetime) -> str:
    """A day as the page says it, in the person's zone: "Thursday 3 December"."""
    local = moment.astimezone(local_zone(web.settings.timezone))
    return f"{local:%A} {local.day} {local:%B}"


@router.get("")
def session_page(request: Request, web: Web, app_id: int) -> Response:
    """The current step of the open session; else, when one was done, that it is done (to look back at or
    begin again); else an invitation to start one, short or full."""
    session_id = _open_session(web, app_id)
    if session_id is None:
        with web.read() as read:
            view = read.find(str(app_id))
            done = finished_sessions(read, app_id)
        context = {
            "app": view.app,
            "company": view.company,
            "done": done[-1] if done else None,
            "done_on": _day(web, done[-1].finished_at) if done else "",
            "done_before": len(done),
        }
        return render(request, "bounce_start.html", {"section": "board", **context})
    context = _page(web, app_id, session_id, [])
    return render(request, "bounce.html", {"section": "board", "app_id": app_id, **context})


@router.post("/start")
def start(web: Web, app_id: int, path: Annotated[str, Form()] = SessionPath.SHORT.value) -> Response:
    """Start a session, short or full (the coach refuses unless the application was rejected); pressed on
    the page of a finished one, this is the person asking for a new one."""
    try:
        chosen = SessionPath(path)
    except ValueError:
        raise InvalidInput(f"“{path}” is not a kind of session; choose short or full.") from None
    with web.change(f"Start bounce-back session for application {app_id}") as change:
        BounceRunner.open(change, str(app_id), path=chosen, start_new=True)
    return redirect(f"/bounce/{app_id}")


@router.get("/review")
def review_page(request: Request, web: Web, app_id: int) -> Response:
    """The last finished session, part by part, as it was answered (an application that is not there is 404,
    as everywhere, before any word about its sessions)."""
    with web.read() as read:
        read.find(str(app_id))
        done = finished_sessions(read, app_id)
    if not done:
        return redirect(f"/bounce/{app_id}", message="There is no finished session to look back at yet.")
    last = done[-1]
    with web.change("Look at bounce-back session") as change:  # reads only: nothing is journaled
        runner = BounceRunner.open(change, str(app_id), session_id=last.id)
        parts, app = runner.review(), runner.app
        company = change.tracker.company_of(app).name
    context = {
        "section": "board",
        "app": app,
        "company": company,
        "parts": parts,
        "done": last,
        "done_on": _day(web, last.finished_at),
    }
    return render(request, "bounce_review.html", context)


def answers_from(form: FormData, view: StepView) -> dict[str, Any]:
    """The raw answers to one step from its form: only the step's own questions; ticked boxes as a list."""
    raw: dict[str, Any] = {}
    for prompt in view.prompts:
        if prompt.kind is PromptKind.CHOICES:
            ticked = [v for v in form.getlist(prompt.key) if isinstance(v, str)]
            raw[prompt.key] = ticked or None
        else:
            value = form.get(prompt.key)
            raw[prompt.key] = value if isinstance(value, str) else None
    return raw


def _submit(web: WebContext, app_id: int, key: str, form: FormData) -> dict[str, Any]:
    """Answer or skip one step in its own journaled change; returns the next page's context."""
    session_id = _open_session(web, app_id)
    if session_id is None:
        raise InvalidInput(
            "This bounce-back session is already finished; its page shows how to start another."
        )
    with web.change(f"Bounce-back session: step {key} (application {app_id})") as change:
        runner = BounceRunner.open(change, str(app_id), session_id=session_id)
        raw = None if form.get("action") == SKIP else answers_from(form, runner.view())
        after = runner.submit(key, raw)
    return _page(web, app_id, session_id, after)


@router.post("/steps/{key}")
async def answer_step(request: Request, web: Web, app_id: int, key: str) -> Response:
    """Store one step's answers (or skip it) and show what it says, then the next step."""
    form = await request.form()
    context = await run_in_threadpool(_submit, web, app_id, key, form)
    return render(request, "bounce.html", {"section": "board", "app_id": app_id, **context})
