"""The weekly check-in (WHO-5 and mood) as a form, and its trend, with the coach's own questions and rules."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from starlette.datastructures import FormData

from bounceback.coach.checkin import checkin_view, record_checkin
from bounceback.coach.history import load_readings
from bounceback.coach.prompts import Block
from bounceback.domain.wellbeing import Reading, mood_trend, who5_trend
from bounceback.web.deps import Web, WebContext
from bounceback.web.templating import render

router = APIRouter(prefix="/checkin")
TREND_ROWS = 12  # the latest readings shown in the table


def _context(web: WebContext, after: list[Block]) -> dict[str, Any]:
    """The form, what the last check-in said, and the trend so far."""
    with web.read() as read:
        readings: list[Reading] = load_readings(read)
    trends = [s for s in (who5_trend(readings), mood_trend(readings)) if s]
    return {
        "section": "checkin",
        "view": checkin_view(),
        "after": after,
        "trends": trends,
        "readings": list(reversed(readings))[:TREND_ROWS],
    }


@router.get("")
def checkin_page(request: Request, web: Web) -> Response:
    """This week's form and the trend."""
    return render(request, "checkin.html", _context(web, []))


def _record(web: WebContext, form: FormData) -> dict[str, Any]:
    """Store the answers given (blank ones left out) and say what they show."""
    view = checkin_view()
    raw = {p.key: v for p in view.prompts if isinstance(v := form.get(p.key), str) and v.strip()}
    with web.change("Weekly check-in") as change:
        blocks = record_checkin(change, raw, datetime.now(UTC))
    return _context(web, blocks)


@router.post("")
async def record(request: Request, web: Web) -> Response:
    """Record this week's check-in."""
    form = await request.form()
    context = await run_in_threadpool(_record, web, form)
    return render(request, "checkin.html", context)
