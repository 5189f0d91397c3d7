"""Who is asking: the login cookie names a server-side session in PostgreSQL; each request then gets the
workspace of the person logged in (`Workspace.open(settings, their id)`, on the shared engine) and only the
pages of their role. Pure ASGI, inside the security middleware (Host, CSRF) and before any route."""

from __future__ import annotations

import hashlib
import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from http.cookies import SimpleCookie
from typing import Any

import anyio

from bounceback.domain.accounts import Account, Role
from bounceback.web.deps import WebContext
from bounceback.web.imports import ImportQueue
from bounceback.web.security import ASGIApp, Receive, Scope, Send
from bounceback.workspace.server import Directory

LOGIN_COOKIE = "bb_login"
PUBLIC_PATHS = frozenset({"/login", "/login/sso", "/login/sso/callback", "/favicon.svg", "/healthz"})
PUBLIC_PREFIXES = ("/static/", "/invite/")
# The server's own pages each role may open; a seeker also has every page of the local app.
ROLE_PREFIXES: dict[Role, tuple[str, ...]] = {
    Role.SEEKER: ("/sharing", "/account", "/logout"),
    Role.ADVISOR: ("/advisor", "/cohorts", "/logout"),
    Role.ADMIN: ("/admin", "/advisor", "/cohorts", "/logout"),
}
HOME: dict[Role, str] = {Role.SEEKER: "/", Role.ADVISOR: "/advisor", Role.ADMIN: "/admin"}
NAVIGATION: dict[Role, tuple[tuple[str, str, str], ...]] = {
    Role.SEEKER: (
        ("board", "/", "Board"),
        ("due", "/due", "Due"),
        ("mail", "/mail", "Mail"),
        ("insights", "/insights", "Insights"),
        ("checkin", "/checkin", "Check-in"),
        ("sharing", "/sharing", "Sharing"),
    ),
    Role.ADVISOR: (("advisor", "/advisor", "My seekers"), ("cohorts", "/cohorts", "Cohorts")),
    Role.ADMIN: (("admin", "/admin", "People"), ("cohorts", "/cohorts", "Cohorts")),
}
CONTEXTS_KEPT = 256  # per-person contexts (their caches) a worker keeps


def token_hash(token: str) -> str:
    """What the database keeps of a login token: its SHA-256, so a copy of the table logs nobody in."""
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)


@dataclass(frozen=True)
class Person:
    """The person logged in, as pages and routes see them."""

    user_id: int
    email: str
    role: Role

    @property
    def navigation(self) -> tuple[tuple[str, str, str], ...]:
        return NAVIGATION[self.role]

    @property
    def home(self) -> str:
        return HOME[self.role]


def login_cookie(headers: list[tuple[bytes, bytes]]) -> str | None:
    """The login token a request carries, or None."""
    for name, value in headers:
        if name == b"cookie":
            jar: SimpleCookie = SimpleCookie()
            try:
                jar.load(value.decode("latin-1"))
            except Exception:
                return None
            morsel = jar.get(LOGIN_COOKIE)
            return morsel.value if morsel else None
    return None


class PersonContexts:
    """One web context per person a worker has served lately: their workspace and their caches."""

    def __init__(
        self, base: WebContext, directory: Directory, *, jobs: Callable[[int], ImportQueue] | None = None
    ) -> None:
        self.base, self.directory, self.jobs = base, directory, jobs
        self._kept: OrderedDict[int, WebContext] = OrderedDict()
        self._lock = threading.Lock()

    def of(self, user_id: int) -> WebContext:
        with self._lock:
            found = self._kept.get(user_id)
            if found is None:
                found = self.base.for_workspace(
                    self.directory.workspace_for(user_id), jobs=self.jobs(user_id) if self.jobs else None
                )
                self._kept[user_id] = found
                while len(self._kept) > CONTEXTS_KEPT:
                    _, old = self._kept.popitem(last=False)
                    old.jobs.shutdown()
            self._kept.move_to_end(user_id)
            return found

    def forget(self, user_id: int) -> None:
        with self._lock:
            old = self._kept.pop(user_id, None)
        if old is not None:
            old.jobs.shutdown()

    def close(self) -> None:
        with self._lock:
            for context in self._kept.values():
                context.jobs.shutdown()
            self._kept.clear()


Lookup = Callable[[str], Account | None]


class LoginMiddleware:
    """Finds the person of the login cookie, refuses what their role may not open, and hands the web app
    their own context. Anyone not logged in is sent to the login page (or told so, for a form)."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        lookup: Lookup,
        contexts: PersonContexts,
        not_found: Callable[[Scope, Receive, Send], Any],
    ) -> None:
        self.app, self.lookup, self.contexts, self.not_found = app, lookup, contexts, not_found

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        token = login_cookie(scope.get("headers", []))
        account = await anyio.to_thread.run_sync(self.lookup, token) if token else None
        state = scope.setdefault("state", {})
        if account is not None:
            person = Person(account.user_id, account.email, account.role)
            state["person"] = person
            if person.role is Role.SEEKER:
                state["web"] = self.contexts.of(person.user_id)
        if path in PUBLIC_PATHS or path.startswith(PUBLIC_PREFIXES):
            await self.app(scope, receive, send)
            return
        if account is None:
            await _to_login(scope, send)
            return
        if not self._may_open(account.role, path):
            if path == "/":
                await _redirect(send, HOME[account.role])
            else:
                await self.not_found(scope, receive, send)
            return
        await self.app(scope, receive, send)

    @staticmethod
    def _may_open(role: Role, path: str) -> bool:
        if any(path == prefix or path.startswith(prefix + "/") for prefix in ROLE_PREFIXES[role]):
            return True
        return role is Role.SEEKER and not any(
            path == prefix or path.startswith(prefix + "/")
            for other in (Role.ADVISOR, Role.ADMIN)
            for prefix in ROLE_PREFIXES[other]
            if prefix != "/logout"
        )


async def _redirect(send: Send, where: str) -> None:
    await send({"type": "http.response.start", "status": 303, "headers": [(b"location", where.encode())]})
    await send({"type": "http.response.body", "body": b""})


async def _to_login(scope: Scope, send: Send) -> None:
    """Not logged in: a page is sent to the login form; a form or an htmx request is told in one sentence."""
    headers = dict(scope.get("headers", []))
    if scope["method"] in ("GET", "HEAD") and headers.get(b"hx-request") != b"true":
        await _redirect(send, "/login")
        return
    sentence = "Your login has ended (or never began); log in again, and nothing you saved is lost."
    await send(
        {
            "type": "http.response.start",
            "status": 401,
            "headers": [(b"content-type", b"text/plain; charset=utf-8"), (b"hx-redirect", b"/login")],
        }
    )
    await send({"type": "http.response.body", "body": sentence.encode()})
