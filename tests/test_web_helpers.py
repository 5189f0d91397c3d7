"""Shared pieces of the web tests (no tests here): a client that sends the page's CSRF token like a browser
does, and a few readers of the HTML the pages return."""

from __future__ import annotations

import html
import re
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


class WebClient:
    """A TestClient on a real app, remembering the session's CSRF token from the first page."""

    def __init__(self, client: Any) -> None:
        self.client = client
        self.token = csrf_of(client.get("/").text)

    def get(self, path: str, **kwargs: Any) -> Any:
        return self.client.get(path, **kwargs)

    def post(self, path: str, data: dict[str, Any] | None = None, **kwargs: Any) -> Any:
        """A form post carrying the token, as every page's forms do."""
        return self.client.post(path, data={"csrf_token": self.token, **(data or {})}, **kwargs)

    def htmx(self, path: str, data: dict[str, Any] | None = None, **kwargs: Any) -> Any:
        """A post as htmx sends it: the token in the header, the HX-Request flag set."""
        headers = {"HX-Request": "true", "X-CSRF-Token": self.token}
        return self.client.post(path, data=data or {}, headers=headers, **kwargs)


def csrf_of(page: str) -> str:
    """The CSRF token a page carries in its forms."""
    match = CSRF.search(page)
    assert match, "the page has no form with a CSRF token"
    return match.group(1)


def messages(page: str) -> list[str]:
    """The one-sentence messages a page shows (after a form, or for a mistake)."""
    return [html.unescape(m).strip() for m in re.findall(r'<p class="message[^"]*">([^<]*)</p>', page)]


def texts(page: str, css_class: str) -> list[str]:
    """The text of every <span class="…"> with that class (company and role on the board)."""
    return [html.unescape(m) for m in re.findall(rf'<span class="{css_class}">([^<]*)</span>', page)]


def app_id_of(url: Any) -> int:
    """The application id in an /applications/<id> address."""
    match = re.search(r"/applications/(\d+)", str(url))
    assert match, f"{url} is not an application page"
    return int(match.group(1))


BASE_URL = "http://127.0.0.1:8765"  # the address the server answers at by default (WebOptions' host and port)


@contextmanager
def web_client(settings: Any, **options: Any) -> Iterator[WebClient]:
    """The dashboard for `settings`, served in-process; closed (workspace and import worker) afterwards."""
    from bounceback.web.app import create_app
    from bounceback.web.deps import WebOptions

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
        from fastapi.testclient import TestClient

        app = create_app(settings, options=WebOptions(**options))
        with TestClient(app, base_url=BASE_URL) as client:
            yield WebClient(client)


def sqlite_settings(tmp_path: Path) -> Any:
    """Settings for a fresh SQLite workspace in the test's folder."""
    from bounceback.settings import load_settings

    return load_settings(home=tmp_path / "home")


def add_application(web: WebClient, company: str, role: str, **fields: str) -> int:
    """Add an application through the form; returns its id."""
    response = web.post("/applications", {"company": company, "role": role, "stage": "applied", **fields})
    assert response.status_code == 200, messages(response.text)
    return app_id_of(response.url)


def wait_for_import(web: WebClient, job_url: str, *, seconds: float = 120) -> str:
    """Poll an import's progress box until it is done (or stopped); returns the box's HTML."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        box = web.get(f"{job_url}/progress").text
        if 'data-state="done"' in box or 'data-state="failed"' in box:
            return box
        time.sleep(0.1)
    pytest.fail(f"the import at {job_url} did not finish in {seconds} s")
