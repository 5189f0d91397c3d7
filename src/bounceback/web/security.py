"""The web app's guards: the Host allow-list, a signed session cookie, CSRF tokens tied to it, security headers
and a body limit, all checked before a route runs or a body is read.

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
from urllib.parse import parse_qs

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
SECURITY_HEADERS = _HEADERS = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
)


# Behind https (server mode): browsers keep to https for this name for a year.
HSTS = (b"strict-transport-security", b"max-age=31536000; includeSubDomains")


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


FIRST_FIELD_LIMIT = 16 << 10  # bytes of a multipart body read to find the token, which must come first
FORM_LIMIT = 1 << 20  # the largest url-encoded form (every form here is a few hundred bytes)
TOKEN_REFUSED = (
    "This form did not come from this bounceback page (or the server restarted since it was opened); "
    "reload the page and try again."
)
ORIGIN_REFUSED = "This form came from another site, so it was not accepted."
# Answers a refused request with one sentence and a status (the app renders it as its error page).
Refusal = Callable[[Scope, Receive, Send, int, str], Awaitable[None]]


def _header(headers: list[tuple[bytes, bytes]], wanted: bytes) -> str | None:
    for name, value in headers:
        if name == wanted:
            return value.decode("latin-1")
    return None


def _cookie(headers: list[tuple[bytes, bytes]]) -> str | None:
    value = _header(headers, b"cookie")
    if value is None:
        return None
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(value)
    except Exception:
        return None
    morsel = jar.get(SESSION_COOKIE)
    return morsel.value if morsel else None


def _content_length(headers: list[tuple[bytes, bytes]]) -> int | None:
    value = _header(headers, b"content-length")
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _boundary(content_type: str) -> bytes | None:
    """The boundary of a multipart body, from its Content-Type."""
    for param in content_type.split(";")[1:]:
        name, _, value = param.strip().partition("=")
        if name.lower() == "boundary" and value:
            return value.strip('"').encode("latin-1")
    return None


_MORE = object()  # the body read so far does not settle it yet


def _multipart_token(body: bytes, boundary: bytes) -> str | object | None:
    """The value of the body's first field when it is the CSRF token; None when the first field is another."""
    delimiter = b"--" + boundary
    start = body.find(delimiter)
    if start < 0:
        return _MORE
    head_end = body.find(b"\r\n\r\n", start)
    if head_end < 0:
        return _MORE
    head = body[start:head_end].decode("latin-1").lower().replace(" ", "")
    if f'name="{CSRF_FIELD}"' not in head and f"name={CSRF_FIELD}" not in head:
        return None
    end = body.find(b"\r\n" + delimiter, head_end + 4)
    return _MORE if end < 0 else body[head_end + 4 : end].decode("ascii", "replace").strip()


def _form_token(body: bytes) -> str | None:
    values = parse_qs(body.decode("latin-1"), max_num_fields=200).get(CSRF_FIELD)
    return values[0] if values else None


class SecurityMiddleware:
    """Pure ASGI, before any route runs: the `Host` on the allow-list (400 otherwise), the session cookie, and
    for every state-changing request the `Origin`, the size and the CSRF token, checked before the body is read
    (the token comes in a header, or as the first field of a form). Security headers on every response; a body
    that passes `max_body` while it streams gets the same 413 sentence as one whose Content-Length says so."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        guard: CsrfGuard,
        max_body: int,
        hosts: frozenset[str],
        refuse: Refusal,
        secure_cookie: bool = False,
        origins: frozenset[str] | None = None,
        hsts: bool = False,
        host_hint: str = "",
    ) -> None:
        self.app = app
        self.guard = guard
        self.max_body = max_body
        self.hosts = hosts
        self.origins = origins if origins is not None else frozenset(f"http://{host}" for host in hosts)
        self.refuse = refuse
        self.secure_cookie = secure_cookie
        self.extra_headers = [HSTS] if hsts else []
        self.host_hint = host_hint

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        headers = scope.get("headers", [])
        host = (_header(headers, b"host") or "").strip().lower()
        if host not in self.hosts:
            if scope["type"] == "websocket":
                await send({"type": "websocket.close", "code": 1008})
            else:
                await _plain(send, 400, _foreign_host(host, self.hosts, self.host_hint))
            return
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
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
        body_state = {"too_large": False, "replaced": False}
        limited = self._limited(receive, body_state)

        async def send_with_headers(message: Message) -> None:
            if body_state["replaced"]:
                return  # the app's answer to a body cut off at the limit: the 413 went instead
            if message["type"] == "http.response.start":
                if body_state["too_large"]:
                    body_state["replaced"] = True
                    await _too_large(send, self.max_body)
                    return
                extra = [*_HEADERS, *self.extra_headers]
                sharing = b"cross-origin" if scope["path"] in FRAME_ASSETS else b"same-origin"
                extra.append((b"cross-origin-resource-policy", sharing))
                if new_cookie is not None:
                    extra.append((b"set-cookie", self._set_cookie(new_cookie)))
                response_headers = message.get("headers", [])
                if not scope["path"].startswith("/static/") and not any(
                    k == b"cache-control" for k, _ in response_headers
                ):
                    extra.append((b"cache-control", b"no-store"))
                message["headers"] = [*response_headers, *extra]
            await send(message)

        if scope["method"] in UNSAFE_METHODS:
            verdict = await self._check_request(scope, headers, session_id, limited)
            if isinstance(verdict, tuple):
                status, sentence = verdict
                if status == 413:
                    await _plain(send, 413, sentence)
                else:
                    await self.refuse(scope, receive, send_with_headers, status, sentence)
                return
            limited = _replaying(verdict, limited)

        try:
            await self.app(scope, limited, send_with_headers)
        except BodyTooLarge:
            if not body_state["replaced"]:
                body_state["replaced"] = True
                await _too_large(send, self.max_body)

    async def _check_request(
        self, scope: Scope, headers: list[tuple[bytes, bytes]], session_id: str, receive: Receive
    ) -> tuple[int, str] | list[Message]:
        """The refusal (status, sentence) of a state-changing request, or the body messages read to check it."""
        origin = _header(headers, b"origin")
        if origin is not None and origin.strip().lower() not in self.origins:
            return 403, ORIGIN_REFUSED
        token = _header(headers, CSRF_HEADER.encode())
        read: list[Message] = []
        form_limit = min(FORM_LIMIT, self.max_body)
        if not token:
            content_type = (_header(headers, b"content-type") or "").lower()
            boundary = _boundary(_header(headers, b"content-type") or "")
            try:
                if content_type.startswith("multipart/form-data") and boundary:
                    token = await self._first_field(receive, boundary, read)
                elif content_type.startswith("application/x-www-form-urlencoded"):
                    body = await _read_body(receive, read, form_limit + 1)
                    if len(body) > form_limit:
                        return 413, too_large(form_limit)
                    token = _form_token(body)
            except BodyTooLarge:
                return 413, too_large(self.max_body)
        if not self.guard.is_valid(session_id, token):
            return 403, TOKEN_REFUSED
        return read

    async def _first_field(self, receive: Receive, boundary: bytes, read: list[Message]) -> str | None:
        """The token from the first field of a multipart body, reading no more than FIRST_FIELD_LIMIT bytes."""
        body = b""
        while True:
            found = _multipart_token(body, boundary)
            if found is not _MORE:
                return found if isinstance(found, str) else None
            if len(body) >= FIRST_FIELD_LIMIT or (read and not read[-1].get("more_body", False)):
                return None
            message = await receive()
            read.append(message)
            if message["type"] != "http.request":
                return None
            body += message.get("body", b"")

    def _set_cookie(self, value: str) -> bytes:
        secure = "; Secure" if self.secure_cookie else ""
        return f"{SESSION_COOKIE}={value}; Path=/; HttpOnly; SameSite=Lax{secure}".encode()

    def _limited(self, receive: Receive, body_state: dict[str, bool]) -> Receive:
        """`receive`, counting body bytes and stopping the request once they pass the limit."""
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    body_state["too_large"] = True
                    raise BodyTooLarge
            return message

        return counted


async def _read_body(receive: Receive, read: list[Message], limit: int) -> bytes:
    """The body up to `limit` bytes, keeping the messages read so they can be handed on."""
    body = b""
    while len(body) < limit:
        message = await receive()
        read.append(message)
        if message["type"] != "http.request":
            break
        body += message.get("body", b"")
        if not message.get("more_body", False):
            break
    return body


def _replaying(read: list[Message], receive: Receive) -> Receive:
    """`receive` that first hands on the messages the checks read."""
    pending = list(read)

    async def replay() -> Message:
        if pending:
            return pending.pop(0)
        return await receive()

    return replay


def _foreign_host(host: str, hosts: frozenset[str], hint: str = "") -> str:
    shown = host[:100] or "no name at all"
    return (
        f"This bounceback server answers only at the addresses it was started for "
        f"({', '.join(sorted(hosts))}), and “{shown}” is not one of them. "
        + (hint or "To reach it by another name, start it with `bounceback serve --allow-host NAME`.")
    )


async def _plain(send: Send, status: int, sentence: str) -> None:
    """Answer with one plain sentence and no cookie."""
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"text/plain; charset=utf-8"), *list(_HEADERS)],
        }
    )
    await send({"type": "http.response.body", "body": sentence.encode()})


def too_large(limit: int) -> str:
    """The one sentence for a body over the limit, however it was sent."""
    return f"That upload is too large: the limit is {max(1, limit // (1 << 20))} MB."


async def _too_large(send: Send, limit: int) -> None:
    """Answer 413 with one plain sentence."""
    await _plain(send, 413, too_large(limit))
