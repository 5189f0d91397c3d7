"""How applications, timelines and due items look in the terminal, and as JSON."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from rich.table import Table
from rich.text import Text

from bounceback.domain.mail import MailRecord
from bounceback.domain.model import Application, Contact, ContactRole, Event, Interview
from bounceback.domain.stages import Stage
from bounceback.mail.explain import because

STAGE_STYLE = {
    Stage.SAVED: "bright_black",
    Stage.APPLIED: "cyan",
    Stage.SCREENING: "blue",
    Stage.INTERVIEWING: "magenta",
    Stage.OFFER: "bold green",
    Stage.ACCEPTED: "bold green",
    Stage.DECLINED: "yellow",
    Stage.REJECTED: "red",
    Stage.WITHDRAWN: "bright_black",
    Stage.GHOSTED: "bright_black",
}


def stage_text(app: Application) -> Text:
    """The stage, coloured, with the furthest stage when closed ("rejected after interviewing")."""
    label = app.stage.value
    if app.stage is Stage.INTERVIEWING and app.interview_rounds > 1:
        label += f" (round {app.interview_rounds})"
    if app.stage.is_closed and app.closed_from is not None:
        label += f" at {app.closed_from.value}"
    return Text(label, style=STAGE_STYLE[app.stage])


def day(moment: datetime | None) -> str:
    """A date for tables."""
    return moment.strftime("%Y-%m-%d") if moment else ""


def local(moment: datetime, zone_name: str) -> str:
    """A moment shown in the given IANA zone."""
    from zoneinfo import ZoneInfo

    return moment.astimezone(ZoneInfo(zone_name)).strftime("%a %d %b %Y %H:%M")


def applications_table(rows: list[tuple[Application, str]], *, width: int = 120) -> Table:
    """The list of applications; on a narrow terminal the short name (which holds the company) stays whole."""
    wide = width >= 110
    table = Table(show_edge=False, header_style="bold")
    table.add_column("id", no_wrap=True, justify="right")
    table.add_column("name", no_wrap=True, overflow="ellipsis", max_width=max(24, width // 3))
    if wide:
        table.add_column("company")
    table.add_column("role", ratio=1)
    table.add_column("stage")
    table.add_column("applied", no_wrap=True)
    if wide:
        table.add_column("updated", no_wrap=True)
    for app, company in rows:
        star = " ★" if app.dream_job else ""
        cells: list[str | Text] = [str(app.id), app.slug + ("" if wide else star)]
        if wide:
            cells.append(company + star)
        cells += [app.role, stage_text(app), app.applied_on.isoformat() if app.applied_on else ""]
        if wide:
            cells.append(day(app.updated_at))
        table.add_row(*cells)
    return table


def application_json(app: Application, company: str) -> dict[str, Any]:
    """An application as plain JSON-able data."""
    return {
        "id": app.id,
        "name": app.slug,
        "company": company,
        "role": app.role,
        "stage": app.stage.value,
        "furthest_stage": app.furthest_stage.value,
        "closed_from": app.closed_from.value if app.closed_from else None,
        "close_reason": app.close_reason or None,
        "interview_rounds": app.interview_rounds,
        "location": app.location or None,
        "work_mode": app.work_mode.value if app.work_mode else None,
        "source": app.source.value if app.source else None,
        "url": app.url or None,
        "salary_min": app.salary_min,
        "salary_max": app.salary_max,
        "salary_currency": app.salary_currency or None,
        "saved_on": app.saved_on.isoformat() if app.saved_on else None,
        "applied_on": app.applied_on.isoformat() if app.applied_on else None,
        "deadline": app.deadline.isoformat() if app.deadline else None,
        "excitement": app.excitement,
        "dream_job": app.dream_job,
        "tags": app.tags,
        "notes": app.notes or None,
        "created_at": app.created_at.isoformat() if app.created_at else None,
        "updated_at": app.updated_at.isoformat() if app.updated_at else None,
    }


def event_json(event: Event) -> dict[str, Any]:
    """A timeline entry as JSON-able data."""
    return {
        "at": event.occurred_at.isoformat(),
        "kind": event.kind.value,
        "summary": event.summary,
        "origin": event.origin.value,
        "cause": event.cause or None,
        "from_stage": event.from_stage.value if event.from_stage else None,
        "to_stage": event.to_stage.value if event.to_stage else None,
    }


def interview_json(iv: Interview, *, cancelled: bool = False) -> dict[str, Any]:
    """An interview as JSON-able data, with its local time (and whether closing the application called it off)."""
    return {
        "id": iv.id,
        "round": iv.round,
        "kind": iv.kind.value,
        "starts_at": iv.starts_at.isoformat(),
        "timezone": iv.timezone,
        "local_time": local(iv.starts_at, iv.timezone),
        "duration_minutes": iv.duration_minutes,
        "location": iv.location or None,
        "interviewers": iv.interviewers or None,
        "cancelled": cancelled,
    }


def contact_json(contact: Contact, role: ContactRole | None = None) -> dict[str, Any]:
    """A contact as JSON-able data."""
    data: dict[str, Any] = {
        "id": contact.id,
        "name": contact.name,
        "email": contact.email or None,
        "phone": contact.phone or None,
        "linkedin_url": contact.linkedin_url or None,
        "title": contact.title or None,
    }
    if role is not None:
        data["role"] = role.value
    return data


def timeline_table(events: list[Event]) -> Table:
    """An application's timeline."""
    table = Table(show_edge=False, header_style="bold", title="Timeline", title_justify="left")
    table.add_column("when", no_wrap=True)
    table.add_column("what")
    table.add_column("from", style="bright_black")
    for event in events:
        origin = event.cause if event.cause.startswith(event.origin.value) else event.origin.value
        if event.cause and origin is not event.cause:
            origin += f": {event.cause}"
        table.add_row(event.occurred_at.strftime("%Y-%m-%d %H:%M"), event.summary, origin)
    return table


def email_json(record: MailRecord) -> dict[str, Any]:
    """A linked email as JSON-able data: what it was read as, how sure, and what became of it."""
    return {
        "id": record.id,
        "received_at": record.received_at.isoformat() if record.received_at else None,
        "from": record.from_name or record.from_address,
        "subject": record.subject,
        "label": record.label.value,
        "confidence": record.confidence,
        "status": record.status.value,
        "corrected": record.corrected,
        "evidence": record.evidence,
        "because": because(record.label, record.evidence, record.details),
    }


def emails_table(records: list[MailRecord]) -> Table:
    """The emails that moved an application, with how sure the reading was."""
    table = Table(show_edge=False, header_style="bold", title="Emails", title_justify="left")
    for column in ("no.", "when", "from", "subject", "read as"):
        table.add_column(column)
    for record in records:
        reading = f"{because(record.label, record.evidence, record.details)} ({record.confidence:.0%})" + (
            ", corrected" if record.corrected else ""
        )
        if record.status.value != "applied":
            reading += f", {record.status.value.replace('_', ' ')}"
        when = record.received_at.strftime("%Y-%m-%d") if record.received_at else ""
        table.add_row(str(record.id), when, record.from_name or record.from_address, record.subject, reading)
    return table
