"""What a person does to an application from its page or the board: move it, note, add people and interviews."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form
from fastapi.responses import Response

from bounceback.dates import parse_moment
from bounceback.domain.errors import InvalidInput
from bounceback.domain.model import ContactRole, Interview, InterviewKind
from bounceback.domain.stages import Stage, parse_stage
from bounceback.web.deps import Web
from bounceback.web.forms import choice, safe_next, whole_number
from bounceback.web.templating import redirect

router = APIRouter(prefix="/applications/{app_id}")
Text = Annotated[str, Form()]


def _moved_message(slug: str, target: Stage, furthest: Stage, summary: str) -> str:
    """What to say after a move; a rejection is worded with care."""
    if target is Stage.REJECTED:
        return (
            f"Recorded: {slug} said no, after you reached {furthest.value}. That is a hard message to get; "
            "the bounce-back session on its page is there when you want it."
        )
    return f"{slug}: {summary}."


@router.post("/move")
def move(
    web: Web,
    app_id: int,
    stage: Text = "",
    reason: Text = "",
    next_url: Annotated[str, Form(alias="next")] = "",
) -> Response:
    """Move to another stage or close, under the stage rules; back to the board or the page it came from."""
    if not stage.strip():
        raise InvalidInput("Choose the stage to move it to.")
    target = parse_stage(stage)
    with web.change(f"Move application {app_id} to {target.value}") as change:
        app = change.tracker.get(app_id)
        event = change.tracker.move(app, target, reason=reason.strip())
        message = _moved_message(app.slug, target, app.furthest_stage, event.summary)
    return redirect(safe_next(next_url, f"/applications/{app_id}"), message=message)


@router.post("/notes")
def add_note(web: Web, app_id: int, text: Text = "") -> Response:
    """Put a note on the timeline."""
    with web.change(f"Note on application {app_id}") as change:
        change.tracker.note(change.tracker.get(app_id), text)
    return redirect(f"/applications/{app_id}#timeline", message="Note added.")


@router.post("/contacts")
def add_contact(
    web: Web, app_id: int, name: Text = "", email: Text = "", title: Text = "", role: Text = "other"
) -> Response:
    """Record a person met through this application, in their role."""
    part = choice(ContactRole, role, "contact role") or ContactRole.OTHER
    with web.change(f"Add {name.strip()} to application {app_id}") as change:
        app = change.tracker.get(app_id)
        company = change.tracker.company_of(app).name
        person = change.tracker.add_contact(name, company=company, email=email.strip(), title=title.strip())
        change.tracker.link(app, person, part)
        who = person.name
    return redirect(f"/applications/{app_id}#people", message=f"{who} added.")


@router.post("/interviews")
def add_interview(
    web: Web,
    app_id: int,
    starts: Text = "",
    timezone: Text = "",
    kind: Text = "video",
    duration: Text = "60",
    location: Text = "",
    interviewers: Text = "",
    notes: Text = "",
    screening: Text = "",
) -> Response:
    """Schedule an interview; the application moves to screening or interviewing when behind."""
    if not starts.strip():
        raise InvalidInput("Give the day and time of the interview.")
    zone = timezone.strip() or web.settings.timezone
    moment, zone_name = parse_moment(f"{starts.strip()} {zone}".strip(), default_zone=web.settings.timezone)
    kind_of = choice(InterviewKind, kind, "kind of interview") or InterviewKind.VIDEO
    minutes = whole_number(duration, "duration_minutes")
    minutes = 60 if minutes is None else minutes
    with web.change(f"Interview for application {app_id}") as change:
        interview = Interview(
            application_id=app_id, starts_at=moment, timezone=zone_name, kind=kind_of, duration_minutes=minutes,
            location=location.strip(), interviewers=interviewers.strip(), notes=notes.strip(), round=0,
        )  # fmt: skip
        change.tracker.add_interview(change.tracker.get(app_id), interview, screening=screening == "yes")
    return redirect(f"/applications/{app_id}#interviews", message="Interview added.")
