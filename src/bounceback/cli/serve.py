"""`bounceback serve`: the local web dashboard, on this computer only unless told otherwise."""

from __future__ import annotations

from typing import Annotated

import typer

from bounceback.cli.context import STATE, console, err_console

LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})


def serve(
    host: Annotated[
        str, typer.Option(help="Address to listen on; anything but localhost lets others in.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8765,
    no_browser: Annotated[bool, typer.Option("--no-browser", help="Do not open the browser.")] = False,
    max_upload_mb: Annotated[
        int, typer.Option(min=1, help="Largest mail file an upload may be, in MB.")
    ] = 512,
    allow_host: Annotated[
        list[str] | None,
        typer.Option(
            help="Another name or address this server answers to (repeatable), e.g. this computer's address "
            "on your network with --host 0.0.0.0. Pages that ask by any other name are refused."
        ),
    ] = None,
) -> None:
    """Open the dashboard in your browser: board, applications, mail, due list, insights and check-ins."""
    import uvicorn

    from bounceback.web.app import create_app
    from bounceback.web.deps import MEGABYTE, WebOptions

    _check_port_free(host, port)
    if host not in LOOPBACK:
        err_console.print(
            f"Warning: listening on {host}, so anyone who can reach this computer on port {port} can read and "
            "change your search. There is no login yet; use this only on a network you trust.",
            style="bold yellow",
        )
    options = WebOptions(
        max_upload_bytes=max_upload_mb * MEGABYTE, host=host, port=port, allow_hosts=tuple(allow_host or ())
    )
    app = create_app(STATE.require_settings(), options=options)
    url = f"http://{_url_host(host)}:{port}/"
    server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning"))
    console.print(f"bounceback is at {url} (Ctrl+C stops it).")
    if not no_browser:
        _open_when_ready(server, url)
    server.run()


def _url_host(host: str) -> str:
    """The host as it appears in a URL: IPv6 in brackets; a wildcard address shown as this computer."""
    if host in ("0.0.0.0", "::"):
        return "127.0.0.1"
    return f"[{host}]" if ":" in host else host


def _check_port_free(host: str, port: int) -> None:
    """Say plainly when the port is taken, instead of a traceback from the server."""
    import socket

    from bounceback.domain.errors import InvalidInput

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise InvalidInput(
                f"Cannot listen on {host} port {port} ({exc.strerror or exc}); try another with --port."
            ) from None


def _open_when_ready(server: object, url: str) -> None:
    """Open the browser once the server accepts connections."""
    import threading
    import time
    import webbrowser

    def wait_then_open() -> None:
        for _ in range(200):
            if getattr(server, "started", False):
                webbrowser.open(url)
                return
            time.sleep(0.05)

    threading.Thread(target=wait_then_open, name="open-browser", daemon=True).start()


def register(app: typer.Typer) -> None:
    """Add `serve` to the CLI."""
    app.command()(serve)
