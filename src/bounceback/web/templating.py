"""Jinja2 pages: the environment, the filters that word dates and stages, and the render/redirect helpers."""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from enum import Enum
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from bounceback.dates import local_zone
from bounceback.domain.mail import MailRecord
from bounceback.domain.stages import Stage

TEMPLATES = Path(__file__).parent / "templates"
FLASH_COOKIE = "bb_flash"
NAVIGATION = (
    ("board", "/", "Board"),
    ("due", "/due", "Due"),
    ("mail", "/mail", "Mail"),
    ("insights", "/insights", "Insights"),
    ("checkin", "/checkin", "Check-in"),
)


def words(value: object) -> str:
    """An enum value or identifier as words: `job_board` → `job board`."""
    if value is None:
        return ""
    text = value.value if isinstance(value, Enum) else str(value)
    return text.replace("_", " ")


def web_link(value: str) -> str:
    """A link only when it is http(s); anything else (a `javascript:` URL typed into the CLI) is not a link."""
    text = (value or "").strip()
    return text if text.lower().startswith(("http://", "https://")) else ""


def share(rate: Any) -> str:
    """A rate as the report words it: '12 (40 %)', or on a small sample the counts, '1 of 1'."""
    from bounceback.insights.words import rate_text

    return rate_text(rate)


def on_a_page(label: str) -> str:
    """A coach question without the terminal's typing instructions (the form field shows how to answer)."""
    from bounceback.web.messages import on_a_page as without_hints

    return without_hints(label)


def block_with_actions(block: Any) -> Markup:
    """A coach block's text with its actions as links (the rest of it escaped)."""
    from bounceback.web.messages import with_actions

    return with_actions(block.text, block.actions)


def day(value: date | datetime | None) -> str:
    """A date as people read it: `Tue 14 Mar 2026`."""
    if value is None:
        return ""
    return f"{value:%a %d %b %Y}"


def because(mail: MailRecord) -> str:
    """Why a message was read as it was: "Rejection, because: “…”" (the same words the CLI shows)."""
    from bounceback.mail.explain import because as said

    return said(mail.label, mail.evidence, mail.details)


def make_environment(zone: tzinfo) -> Jinja2Templates:
    """The template environment, with dates shown in the person's time zone."""

    def moment(value: datetime | None) -> str:
        """A time in the person's zone: `Tue 14 Mar 2026, 15:00`."""
        if value is None:
            return ""
        return f"{value.astimezone(zone):%a %d %b %Y, %H:%M}"

    def iso(value: date | datetime | None) -> str:
        """A machine-readable date for <time datetime>."""
        return value.isoformat() if value is not None else ""

    templates = Jinja2Templates(directory=str(TEMPLATES))
    env = templates.env
    env.autoescape = True
    env.trim_blocks = True
    env.lstrip_blocks = True
    env.filters.update(
        words=words,
        day=day,
        moment=moment,
        iso=iso,
        web_link=web_link,
        with_actions=block_with_actions,
        because=because,
        share=share,
        on_a_page=on_a_page,
    )
    env.globals.update(navigation=NAVIGATION, Stage=Stage)
    return templates


def zone_for(name: str) -> tzinfo:
    """The person's zone for display."""
    return local_zone(name)


def is_htmx(request: Request) -> bool:
    """True when htmx sent the request and expects a fragment."""
    return request.headers.get("hx-request") == "true"


def render(
    request: Request, name: str, context: dict[str, Any] | None = None, *, status_code: int = 200
) -> HTMLResponse:
    """A page or fragment, with the CSRF token and any message left by the previous step."""
    templates: Jinja2Templates = request.app.state.templates
    flash = request.cookies.get(FLASH_COOKIE)
    values = {
        "csrf_token": getattr(request.state, "csrf_token", ""),
        "person": getattr(request.state, "person", None),  # server mode: who is logged in
        "flash": unquote(flash) if flash else "",
        **(context or {}),
    }
    response = templates.TemplateResponse(request, name, values, status_code=status_code)
    if flash:
        response.delete_cookie(FLASH_COOKIE, path="/")
    return response


def redirect(url: str, *, message: str = "") -> Response:
    """See-other after a form, carrying a one-time message for the next page."""
    response = RedirectResponse(url, status_code=303)
    if message:
        response.set_cookie(FLASH_COOKIE, quote(message), path="/", httponly=True, samesite="lax")
    return response
