"""The dashboard's routes, one small module per area."""

from __future__ import annotations

from fastapi import APIRouter

from bounceback.web.routes import (
    actions,
    applications,
    assets,
    board,
    bounce,
    checkin,
    drafts,
    due,
    insights,
    mail,
    review,
)

ROUTERS: tuple[APIRouter, ...] = (
    board.router,
    applications.router,
    actions.router,
    drafts.router,
    due.router,
    mail.router,
    review.router,
    insights.router,
    bounce.router,
    checkin.router,
    assets.router,
)
