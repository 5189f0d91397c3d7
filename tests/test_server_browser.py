"""The consent flow in a real browser (Debian's chromium): a seeker shares a summary, the advisor sees exactly
that and no more, the seeker revokes it, the advisor sees nothing. No script error or CSP violation on the way."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bounceback.domain.accounts import Role
from bounceback.domain.stages import Stage
from bounceback.workspace.server import Directory
from tests.serverkit import PASSWORD, SECRET_KEY, add_application, person
from tests.servers.live_app import served
from tests.servers.postgres import free_port
from tests.test_web_browser import chromium, playwright  # noqa: F401  (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.postgres, pytest.mark.slow]
PRIVATE_NOTE = "recruiter hinted at a low salary band"


@pytest.fixture
def live(pg_url: str, tmp_path: Path, directory: Directory) -> Iterator[str]:
    from bounceback.server.app import create_server_app
    from bounceback.server.config import ServerSettings

    _ = directory.database
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    app = create_server_app(ServerSettings(pg_url, SECRET_KEY, url), home=tmp_path / "home")
    with served(app, port):
        yield url


def _log_in(chromium: Any, url: str, email: str, errors: list[str]) -> Any:  # noqa: F811
    context = chromium.new_context()
    page = context.new_page()
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(f"{url}/")
    assert page.url.endswith("/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()
    return page


def test_share_a_summary_then_revoke_it(chromium, live: str, directory: Directory) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    """GIVEN a seeker with an application at screening (with a private note) and an advisor WHEN the seeker
    shares a summary THEN the advisor sees the company and stage but not the note; WHEN the seeker sets it back
    to nothing THEN the advisor's next look finds no such person, and the seeker's log shows the look."""
    ana = person(directory, "ana@uni.org")
    person(directory, "adv@uni.org", Role.ADVISOR)
    add_application(directory, ana.user_id, "Acme", "Analyst", stage=Stage.SCREENING, notes=PRIVATE_NOTE)
    errors: list[str] = []
    seeker = _log_in(chromium, live, "ana@uni.org", errors)
    assert "Acme" in seeker.content()
    seeker.get_by_role("link", name="Sharing").click()
    seeker.get_by_label("What adv@uni.org sees").select_option("summary")
    seeker.get_by_role("button", name="Save").click()
    seeker.wait_for_load_state()
    assert "adv@uni.org now sees a summary" in seeker.content()

    advisor = _log_in(chromium, live, "adv@uni.org", errors)
    assert advisor.url.endswith("/advisor")
    advisor.get_by_role("link", name="ana@uni.org").click()
    advisor.wait_for_load_state()
    shown = advisor.content()
    assert "Acme" in shown and "screening" in shown and PRIVATE_NOTE not in shown
    seen_at = advisor.url

    seeker.reload()
    assert "looked at the summary" in seeker.content()
    seeker.get_by_label("What adv@uni.org sees").select_option("nothing")
    seeker.get_by_role("button", name="Save").click()
    seeker.wait_for_load_state()

    assert errors == []  # before the 404 below, which the console reports as a failed load
    response = advisor.goto(seen_at)
    assert response is not None and response.status == 404
    assert "Acme" not in advisor.content()
    advisor.goto(f"{live}/advisor")
    assert "ana@uni.org" not in advisor.content()
