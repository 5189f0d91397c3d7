"""Files the pages load that are not in web/static: Plotly's bundle from the plotly package, and the icon."""

from __future__ import annotations

from importlib.resources import files

from fastapi import APIRouter
from fastapi.responses import FileResponse, Response

router = APIRouter()
PLOTLY_JS = files("plotly") / "package_data" / "plotly.min.js"
CACHE_A_DAY = {"Cache-Control": "public, max-age=86400"}
ICON = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#245a8d"/>'
    '<path d="M8 20c3-9 7-9 8-3s5 6 8-3" fill="none" stroke="#fff" stroke-width="3" stroke-linecap="round"/></svg>'
)


@router.get("/vendor/plotly.min.js")
def plotly_js() -> Response:
    """The Plotly bundle shipped inside the plotly package, served from here: no CDN, no other origin."""
    return FileResponse(str(PLOTLY_JS), media_type="text/javascript", headers=CACHE_A_DAY)


@router.get("/favicon.svg")
def icon() -> Response:
    """The tab icon: a line that dips and comes back up."""
    return Response(ICON, media_type="image/svg+xml", headers=CACHE_A_DAY)
