"""Insights: the report's charts, drawn in the browser by Plotly from JSON (no inline script anywhere)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from bounceback.web.deps import Web
from bounceback.web.templating import render

router = APIRouter()
# The insights report's chart settings, so the page and the HTML file look the same.
CHART_CONFIG = '{"displaylogo": false, "displayModeBar": false, "responsive": true}'


@router.get("/insights")
def insights_page(request: Request, web: Web) -> Response:
    """Where applications go, where rejections come, how effort and recovery change."""
    page = web.insights_page()
    context = {"section": "insights", "page": page, "ins": page.insights, "config": CHART_CONFIG}
    return render(request, "insights.html", context)
