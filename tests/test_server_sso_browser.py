"""Single sign-on in a real browser (Debian's chromium): the login page's button, the provider on loopback, back
to the board, with no script error or Content-Security-Policy violation on the way."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bounceback.workspace.server import Directory
from tests.serverkit import SECRET_KEY, add_application, person
from tests.servers.live_app import served
from tests.servers.oidc import CLIENT_ID, LOGIN_COOKIE, OidcProvider, User
from tests.servers.postgres import free_port
from tests.test_web_browser import chromium, playwright  # noqa: F401  (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.postgres, pytest.mark.slow]


@pytest.fixture
def live(pg_url: str, tmp_path: Path, directory: Directory, oidc_provider: OidcProvider) -> Iterator[str]:
    """The server app with single sign-on, served by uvicorn on a free loopback port; yields its URL."""

    from bounceback.server.app import create_server_app
    from bounceback.server.config import ServerSettings

    _ = directory.database
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    oidc_provider.register_redirect(f"{url}/login/sso/callback")
    config = ServerSettings(
        pg_url,
        SECRET_KEY,
        url,
        oidc_issuer=oidc_provider.issuer,
        oidc_client_id=CLIENT_ID,
        oidc_client_secret=oidc_provider.client.client_secret,
        oidc_allowed_domains=("uni.org",),
        oidc_name="Uni Login",
    )
    app = create_server_app(config, home=tmp_path / "home")
    with served(app, port):
        yield url


def test_a_seeker_signs_in_with_the_button_and_lands_on_their_board(
    chromium: Any,  # noqa: F811
    live: str,
    directory: Directory,
    oidc_provider: OidcProvider,
) -> None:
    """GIVEN a seeker with an application, logged in at the provider WHEN they press “Sign in with Uni Login”
    THEN the browser goes to the provider and back, and shows their board; no script or CSP error."""
    ana = person(directory, "ana@uni.org")
    add_application(directory, ana.user_id, "Acme", "Analyst")
    context = chromium.new_context()
    context.add_cookies(
        [
            {
                "name": LOGIN_COOKIE,
                "value": oidc_provider.log_in(User("ana@uni.org")),
                "url": oidc_provider.issuer,
            }
        ]
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(f"{live}/")
    assert page.url.endswith("/login")
    page.get_by_role("link", name="Sign in with Uni Login").click()
    page.wait_for_url(f"{live}/")
    assert "Acme" in page.content() and "ana@uni.org" in page.content()
    assert directory.sessions_of(ana.user_id) == 1
    assert errors == []
    context.close()
