"""The web app's guards: a signed session cookie, CSRF tokens tied to it, security headers and a body limit.

Written with `hmac` and `secrets` only. The session cookie names a random session id and carries an HMAC of
it, so a forged or edited cookie is simply replaced by a new session; the CSRF token of a session is another
HMAC of the same id, so it never needs storing and cannot be guessed without the server's key.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import SimpleCookie
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

SESSION_COOKIE = "bb_session"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
# Files a sandboxed email frame loads: it has an origin of its own, so they must be readable cross-origin.
FRAME_ASSETS = frozenset({"/static/email.css"})

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
_HEADERS = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
)


class CsrfGuard:
    """Issues and checks session ids and their CSRF tokens with one secret key."""

    def __init__(self, key: bytes | None = None) -> None:
        self._key = key or secrets.token_bytes(32)

    def _mac(self, purpose: str, session_id: str) -> str:
        digest = hmac.new(self._key, f"{purpose}:{session_id}".encode(), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).decode().rstrip("=")

    def new_session(self) -> tuple[str, str]:
        """A fresh session id and the cookie value that carries it."""
        session_id = secrets.token_urlsafe(24)
        return session_id, f"{session_id}.{self._mac('session', session_id)}"

    def session_of(self, cookie_value: str | None) -> str | None:
        """The session id a cookie carries, or None when it is missing or was not signed by us."""
        if not cookie_value or "." not in cookie_value:
            return None
        session_id, signature = cookie_value.rsplit(".", 1)
        expected = self._mac("session", session_id)
        return session_id if hmac.compare_digest(signature, expected) else None

    def token_for(self, session_id: str) -> str:
        """The CSRF token that forms of this session must send back."""
        return self._mac("csrf", session_id)

    def is_valid(self, session_id: str | None, token: str | None) -> bool:
        """Whether a submitted token belongs to this session."""
        if not session_id or not token:
            return False
        return hmac.compare_digest(token, self.token_for(session_id))


class BodyTooLarge(Exception):
    """A request body went over the limit while it was being read."""


def _cookie(headers: list[tuple[bytes, bytes]]) -> str | None:
    for name, value in headers:
        if name == b"cookie":
            jar: SimpleCookie = SimpleCookie()
            try:
                jar.load(value.decode("latin-1"))
            except Exception:
                return None
            morsel = jar.get(SESSION_COOKIE)
            return morsel.value if morsel else None
    return None


def _content_length(headers: list[tuple[bytes, bytes]]) -> int | None:
    for name, value in headers:
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


class SecurityMiddleware:
    """Pure ASGI: session cookie and CSRF token on every request, security headers on every response, and
    request bodies cut off at `max_body` bytes (413) before any route reads them."""

    def __init__(self, app: ASGIApp, *, guard: CsrfGuard, max_body: int, secure_cookie: bool = False) -> None:
        self.app = app
        self.guard = guard
        self.max_body = max_body
        self.secure_cookie = secure_cookie

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = scope.get("headers", [])
        session_id = self.guard.session_of(_cookie(headers))
        new_cookie = None
        if session_id is None:
            session_id, new_cookie = self.guard.new_session()
        state = scope.setdefault("state", {})
        state["session_id"] = session_id
        state["csrf_token"] = self.guard.token_for(session_id)
        length = _content_length(headers)
        if length is not None and length > self.max_body:
            await _too_large(send, self.max_body)
            return
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                extra = list(_HEADERS)
                sharing = b"cross-origin" if scope["path"] in FRAME_ASSETS else b"same-origin"
                extra.append((b"cross-origin-resource-policy", sharing))
                if new_cookie is not None:
                    extra.append((b"set-cookie", self._set_cookie(new_cookie)))
                headers = message.get("headers", [])
                if not scope["path"].startswith("/static/") and not any(
                    k == b"cache-control" for k, _ in headers
                ):
                    extra.append((b"cache-control", b"no-store"))
                message["headers"] = [*headers, *extra]
            await send(message)

        try:
            await self.app(scope, self._limited(receive), send_with_headers)
        except BodyTooLarge:
            if not started:
                await _too_large(send, self.max_body)

    def _set_cookie(self, value: str) -> bytes:
        secure = "; Secure" if self.secure_cookie else ""
        return f"{SESSION_COOKIE}={value}; Path=/; HttpOnly; SameSite=Lax{secure}".encode()

    def _limited(self, receive: Receive) -> Receive:
        """`receive`, counting body bytes and stopping the request once they pass the limit."""
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise BodyTooLarge
            return message

        return counted


async def _too_large(send: Send, limit: int) -> None:
    """Answer 413 with one plain sentence."""
    megabytes = max(1, limit // (1 << 20))
    body = f"That upload is too large: the limit is {megabytes} MB.".encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [(b"content-type", b"text/plain; charset=utf-8"), *list(_HEADERS)],
        }
    )
    await send({"type": "http.response.body", "body": body})
