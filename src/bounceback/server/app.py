"""The server app: the local web app (every page a seeker has) behind a login, for many people on one
PostgreSQL, plus the pages of consent, advisors, cohorts and admins.

    create_server_app(load_server_settings())   # what `bounceback server run` starts in each worker
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from fastapi import FastAPI, Request
from jinja2 import ChoiceLoader, FileSystemLoader
from starlette.middleware import Middleware

from bounceback.domain.accounts import Account
from bounceback.server.auth import LoginMiddleware, PersonContexts, token_hash
from bounceback.server.config import ServerSettings, derived_key, load_server_settings
from bounceback.server.jobs import JobQueue, QueuedImports
from bounceback.settings import Settings, load_settings
from bounceback.web.app import create_app
from bounceback.web.deps import WebContext, WebOptions
from bounceback.web.security import Receive, Scope, Send
from bounceback.workspace.server import Directory

if TYPE_CHECKING:
    from bounceback.server.sso import SingleSignOn

TEMPLATES = Path(__file__).parent / "templates"
NOBODY = 0  # the owner of the server's own context: no person has this id, so it reads nothing


@dataclass
class ServerState:
    """What the server's own routes need, kept on the app."""

    config: ServerSettings
    settings: Settings
    directory: Directory
    contexts: PersonContexts
    queue: JobQueue  # mail imports go to the job workers through PostgreSQL, never run in a web worker
    _sso: SingleSignOn | None = None

    def single_sign_on(self) -> SingleSignOn:
        """The worker's OpenID Connect client (made on first use, so Authlib loads only when someone signs in)."""
        if self._sso is None:
            from bounceback.server.sso import SingleSignOn

            self._sso = SingleSignOn(self.config)
        return self._sso

    def session_account(self, token: str) -> Account | None:
        """The active person of a login token, or None (idle, too old, logged out or deactivated)."""
        user_id = self.directory.session_user(
            token_hash(token),
            idle_seconds=self.config.idle_minutes * 60,
            lifetime_seconds=self.config.lifetime_hours * 3600,
        )
        if user_id is None:
            return None
        account = self.directory.account(user_id)
        return account if account is not None and account.active else None


def create_server_app(config: ServerSettings, *, home: Path | None = None) -> FastAPI:
    """The app of one worker process."""
    from bounceback.server.mail_accounts import router as mail_accounts
    from bounceback.server.routes import router

    settings = load_settings(home=home, database_url=config.database_url)
    directory = Directory.open(settings)
    base = directory.workspace_for(NOBODY)
    options = WebOptions(secret=derived_key(config.secret_key, "csrf"), public_url=config.public_url)
    app = create_app(settings, options=options, workspace=base)
    web: WebContext = app.state.web
    queue = JobQueue(directory)
    contexts = PersonContexts(web, directory, jobs=lambda user_id: QueuedImports(directory, user_id, queue))
    state = ServerState(config, settings, directory, contexts, queue)
    app.state.server = state
    templates = app.state.templates
    templates.env.loader = ChoiceLoader([FileSystemLoader(str(TEMPLATES)), templates.env.loader])
    app.include_router(router)
    app.include_router(mail_accounts)

    async def not_found(scope: Scope, receive: Receive, send: Send) -> None:
        from bounceback.web.templating import render

        response = render(
            Request(scope, receive), "error.html", {"message": "There is no page here."}, status_code=404
        )
        await response(scope, receive, send)

    # Inside the security middleware (Host and CSRF are checked first), before every route.
    app.user_middleware.append(
        Middleware(
            LoginMiddleware, lookup=state.session_account, contexts=state.contexts, not_found=not_found
        )
    )
    inner = app.router.lifespan_context

    @asynccontextmanager
    async def lifespan(running: FastAPI) -> AsyncIterator[None]:
        async with inner(running):
            yield
        state.contexts.close()
        state.queue.close()

    app.router.lifespan_context = lifespan
    return app


def from_environment() -> FastAPI:
    """The app as each uvicorn worker builds it, from the environment (`server run`)."""
    return create_server_app(load_server_settings())
