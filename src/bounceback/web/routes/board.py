"""The board: applications in columns by stage, with filters and search; and the global undo."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from bounceback.domain.stages import Stage
from bounceback.web.board import BoardQuery, build_board, move_choices
from bounceback.web.deps import Web
from bounceback.web.forms import safe_next
from bounceback.web.templating import is_htmx, redirect, render

router = APIRouter()


@router.get("/")
def board_page(request: Request, web: Web) -> Response:
    """The board; htmx asks for just the columns when a filter changes."""
    query = BoardQuery.parse(dict(request.query_params))
    board = build_board(web.board_cards(), query, default_limit=web.options.board_column_limit)
    context = {
        "section": "board",
        "board": board,
        "query": query,
        "stages": list(Stage),
        "move_choices": move_choices,
        "here": query.url(),
    }
    return render(request, "_board_update.html" if is_htmx(request) else "board.html", context)


@router.post("/undo")
def undo(web: Web, next_url: Annotated[str, Form(alias="next")] = "/") -> Response:
    """Revert the most recent change, whatever made it (a click, an import, an email)."""
    summary = web.workspace.undo()
    return redirect(safe_next(next_url, "/"), message=f"Undone: {summary}.")
