"""The FastAPI app: one workspace per server, security middleware, static files, and the routes by area."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from bounceback.domain.errors import BouncebackError, InvalidInput
from bounceback.settings import Settings
from bounceback.web.deps import WebContext, WebOptions
from bounceback.web.hosts import allowed_hosts
from bounceback.web.messages import say
from bounceback.web.routes import ROUTERS
from bounceback.web.security import SECURITY_HEADERS, Receive, Scope, SecurityMiddleware, Send
from bounceback.web.templating import is_htmx, make_environment, render, zone_for
from bounceback.workspace import Workspace

STATIC = Path(__file__).parent / "static"


def create_app(
    settings: Settings, *, options: WebOptions | None = None, workspace: Workspace | None = None
) -> FastAPI:
    """The dashboard for the search in `settings`' database (migrated on first use)."""
    options = options or WebOptions()
    context = WebContext(settings, options, workspace or Workspace.open(settings))

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        context.close()

    app = FastAPI(
        title="bounceback",
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
        lifespan=lifespan,
    )
    app.state.web = context
    app.state.templates = make_environment(zone_for(settings.timezone))
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for router in ROUTERS:
        app.include_router(router)
    app.add_exception_handler(BouncebackError, _user_error)  # type: ignore[arg-type]
    app.add_exception_handler(StarletteHTTPException, _http_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _invalid_request)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, _unexpected)
    app.add_middleware(
        SecurityMiddleware,
        guard=context.guard,
        max_body=options.max_upload_bytes,
        refuse=_refuse,
        **_names(options),
    )
    return app


def _names(options: WebOptions) -> dict[str, Any]:
    """The names the server answers to: this computer's (local mode), or the one public address (server mode,
    with Secure cookies and HSTS behind https)."""
    if not options.public_url:
        return {"hosts": allowed_hosts(options.host, options.port, options.allow_hosts)}
    parts = urlsplit(options.public_url)
    host = parts.netloc.lower()
    https = parts.scheme == "https"
    return {
        "hosts": frozenset({host}),
        "origins": frozenset({f"{parts.scheme}://{host}"}),
        "secure_cookie": https,
        "hsts": https,
        "host_hint": "Its address is set by BOUNCEBACK_SERVER_PUBLIC_URL.",
    }


async def _refuse(scope: Scope, receive: Receive, send: Send, status: int, sentence: str) -> None:
    """A request the guards refused before any route ran, answered as the app answers any mistake."""
    request = Request(scope, receive)
    response = _user_error(request, Refused(sentence, status))
    await response(scope, receive, send)


class Refused(BouncebackError):
    """A request the security middleware turned away (another site's form, a missing token, a foreign host)."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.http_status = status


def _user_error(request: Request, exc: BouncebackError) -> Response:
    """A mistake a person can fix: one plain sentence (the web's own words for it) with the status it carries,
    in the page's message area when htmx asked."""
    status, message = exc.http_status, say(exc)
    if is_htmx(request):
        response = render(request, "_message.html", {"message": message, "error": True}, status_code=status)
        response.headers["HX-Retarget"] = "#messages"
        response.headers["HX-Reswap"] = "innerHTML"
        response.headers["HX-Reselect"] = ".message"  # whatever part of a page the form asked for
        return response
    return render(request, "error.html", {"message": message}, status_code=status)


def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
    """Unknown pages and wrong methods, worded plainly."""
    message = "There is no page here." if exc.status_code == 404 else str(exc.detail)
    return render(request, "error.html", {"message": message}, status_code=exc.status_code)


def _unexpected(request: Request, exc: Exception) -> Response:
    """Anything else (a full disk, a damaged database, a bug): a plain page with one sentence, never a bare 500.
    An unforeseen error's traceback goes to the log file the sentence names."""
    from bounceback.faults import explain

    web: WebContext = request.app.state.web
    sentence = explain(exc, web.settings)
    try:
        response: Response = render(request, "error.html", {"message": sentence}, status_code=500)
    except Exception:  # the page itself cannot be made (templates unreadable): the sentence alone
        response = PlainTextResponse(sentence, status_code=500)
    for name, value in SECURITY_HEADERS:  # this answer leaves by the outermost layer, past the middleware
        response.headers[name.decode()] = value.decode()
    response.headers["cache-control"] = "no-store"
    return response


def _invalid_request(request: Request, exc: RequestValidationError) -> Response:
    """An address or form the routes cannot read (a word where a number belongs), as one sentence."""
    fields = sorted({str(error["loc"][-1]) for error in exc.errors() if error.get("loc")})
    named = f" ({', '.join(fields)})" if fields else ""
    message = f"That address or form is not one bounceback can read{named}."
    return _user_error(request, InvalidInput(message))
