"""What every route needs: the workspace opened once per server, the read model, journaled changes, the CSRF check."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

from fastapi import Depends, Request

from bounceback.domain.errors import BouncebackError
from bounceback.domain.model import ApplicationCard, Origin
from bounceback.outreach.snapshot import DueView
from bounceback.settings import Settings
from bounceback.storage.reads import ReadModel
from bounceback.storage.workspace import Workspace
from bounceback.tracker import Tracker
from bounceback.web.cache import DataCache
from bounceback.web.imports import ImportJobs
from bounceback.web.insights_view import InsightsPage, compute_insights
from bounceback.web.security import CSRF_FIELD, CSRF_HEADER, UNSAFE_METHODS, CsrfGuard

MEGABYTE = 1 << 20
CARDS_LIFETIME = 300.0  # seconds a board's cards are reused while nothing changes
INSIGHTS_LIFETIME = 600.0
DUE_LIFETIME = 60.0  # the due list depends on the clock too, so it is kept for a minute at most


@dataclass(frozen=True)
class WebOptions:
    """Choices of one server run (the CLI's `serve` flags); settings stay the shared typed object."""

    max_upload_bytes: int = 512 * MEGABYTE
    board_column_limit: int = 25
    secret: bytes | None = None  # the signing key; a fresh random one each start unless given (tests)
    upload_dir: Path | None = None  # where uploads wait while imported; default: "uploads" in the home


class CsrfRefused(BouncebackError):
    """A form came back without this session's token (another site, or a page from before a restart)."""

    exit_code = 403


class WebContext:
    """One server's view of one person's search."""

    def __init__(self, settings: Settings, options: WebOptions, workspace: Workspace) -> None:
        self.settings = settings
        self.options = options
        self.workspace = workspace
        self.guard = CsrfGuard(options.secret)
        self.jobs = ImportJobs()
        self.cards: DataCache[list[ApplicationCard]] = DataCache(lifetime=CARDS_LIFETIME)
        self.insights: DataCache[InsightsPage] = DataCache(lifetime=INSIGHTS_LIFETIME)
        self.due: DataCache[DueView] = DataCache(lifetime=DUE_LIFETIME)

    @property
    def upload_dir(self) -> Path:
        """Where uploaded mail files wait while they are imported."""
        return self.options.upload_dir or self.settings.home / "uploads"

    @contextmanager
    def read(self) -> Iterator[ReadModel]:
        """The read model on a pooled connection (returned to the pool afterwards)."""
        raw = self.workspace.engine.raw_connection()
        try:
            yield ReadModel(raw, owner_id=self.workspace.owner_id, dialect=self.workspace.engine.dialect.name)
        finally:
            raw.close()

    @contextmanager
    def change(self, summary: str, *, origin: Origin = Origin.MANUAL) -> Iterator[Tracker]:
        """A tracker inside one journaled transaction (one undo step)."""
        with self.workspace.change(summary, origin=origin.value) as session:
            yield Tracker(session, self.workspace.owner_id, origin=origin)

    def board_cards(self) -> list[ApplicationCard]:
        """Every application as a card, read again only when the search changed."""
        with self.read() as read:
            return self.cards.get(read.data_version(), read.cards)

    def insights_page(self) -> InsightsPage:
        """The insights, computed again only when the search changed."""
        with self.read() as read:
            version = read.data_version()
        return self.insights.get(version, lambda: compute_insights(self, datetime.now(UTC)))

    def due_view(self) -> DueView:
        """The due list (the outreach package's rules), derived again when the search changed or a minute passed."""
        from bounceback.outreach.snapshot import load_due

        with self.read() as read:
            return self.due.get(read.data_version(), lambda: load_due(self.settings, read, datetime.now(UTC)))

    def close(self) -> None:
        """Stop background work and release the database."""
        self.jobs.shutdown()
        self.workspace.close()


def web_context(request: Request) -> WebContext:
    """The server's context, set on the app by `create_app`."""
    context: WebContext = request.app.state.web
    return context


Web = Annotated[WebContext, Depends(web_context)]


async def verify_csrf(request: Request) -> None:
    """Refuse any state-changing request that does not carry this session's token (header or form field)."""
    if request.method not in UNSAFE_METHODS:
        return
    origin = request.headers.get(
        "origin"
    )  # browsers send "null" from other sites (Referrer-Policy: same-origin)
    if origin is not None and urlsplit(origin).netloc != request.headers.get("host"):
        raise CsrfRefused("This form came from another site, so it was not accepted.")
    token = request.headers.get(CSRF_HEADER)
    if not token:
        form = await request.form()
        value = form.get(CSRF_FIELD)
        token = value if isinstance(value, str) else None
    guard: CsrfGuard = request.app.state.web.guard
    if not guard.is_valid(getattr(request.state, "session_id", None), token):
        raise CsrfRefused(
            "This form did not come from this bounceback page (or the server restarted since it was opened); "
            "reload the page and try again."
        )
