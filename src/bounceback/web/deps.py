"""What every route needs: the workspace opened once per server, the read model and journaled changes.

The CSRF check is not here: it runs in `security.SecurityMiddleware`, before a body is read."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

from fastapi import Depends, Request

from bounceback.domain.model import ApplicationCard, Origin
from bounceback.outreach.snapshot import DueView
from bounceback.settings import Settings
from bounceback.web.cache import DataCache
from bounceback.web.imports import ImportJobs, ImportQueue
from bounceback.web.insights_view import InsightsPage, compute_insights
from bounceback.web.security import CsrfGuard
from bounceback.workspace import ReadModel, Workspace
from bounceback.workspace.change import Change

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
    host: str = "127.0.0.1"  # where `serve` listens: with the port, the names the server answers to
    port: int = 8765
    allow_hosts: tuple[str, ...] = ()  # more names to answer to (`serve --allow-host`)
    upload_dir: Path | None = None  # where uploads wait while imported; default: "uploads" in the home
    public_url: str = ""  # server mode: the one address people use (its Host alone is accepted; https: HSTS)


class WebContext:
    """One server's view of one person's search."""

    def __init__(
        self,
        settings: Settings,
        options: WebOptions,
        workspace: Workspace,
        *,
        guard: CsrfGuard | None = None,
        jobs: ImportQueue | None = None,
    ) -> None:
        self.settings = settings
        self.options = options
        self.workspace = workspace
        _ = workspace.database  # migrate at start, and read through the engine's pool from the first page
        self.guard = guard or CsrfGuard(options.secret)
        self.jobs: ImportQueue = jobs or ImportJobs()  # server mode: the database's queue, for any worker
        self.cards: DataCache[list[ApplicationCard]] = DataCache(lifetime=CARDS_LIFETIME)
        self.insights: DataCache[InsightsPage] = DataCache(lifetime=INSIGHTS_LIFETIME)
        self.due: DataCache[DueView] = DataCache(lifetime=DUE_LIFETIME)

    @property
    def upload_dir(self) -> Path:
        """Where uploaded mail files wait while they are imported."""
        return self.options.upload_dir or self.settings.home / "uploads"

    @contextmanager
    def read(self) -> Iterator[ReadModel]:
        """The read model of the server's person (the workspace's door)."""
        with self.workspace.read() as read:
            yield read

    @contextmanager
    def change(self, summary: str, *, origin: Origin = Origin.MANUAL) -> Iterator[Change]:
        """One journaled change (one undo step)."""
        with self.workspace.change(summary, origin=origin) as change:
            yield change

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

    def for_workspace(self, workspace: Workspace, *, jobs: ImportQueue | None = None) -> WebContext:
        """The same server's view of another person's search (server mode: one per logged-in person), with
        caches and imports of its own and the same guard."""
        return WebContext(self.settings, self.options, workspace, guard=self.guard, jobs=jobs)

    def close(self) -> None:
        """Stop background work and release the database."""
        self.jobs.shutdown()
        self.workspace.close()


def web_context(request: Request) -> WebContext:
    """The context of the person asking: the one server mode set for this request after login, else the
    server's own (local mode: the one person), set on the app by `create_app`."""
    context: WebContext = getattr(request.state, "web", None) or request.app.state.web
    return context


Web = Annotated[WebContext, Depends(web_context)]
