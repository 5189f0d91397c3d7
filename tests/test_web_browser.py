"""The dashboard in a real browser (Debian's chromium through Playwright): the whole journey, a hostile email
that never runs, and the board by keyboard. Screenshots go to artifacts/screenshots/."""

from __future__ import annotations

import re
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import IN_CI
from tests.mailfactory import as_mbox_bytes, mail, search_story
from tests.servers.live_app import served
from tests.test_web_mail import ON_HOLD
from tests.test_web_security import EVIL_HTML

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]  # fmt: skip
SCREENSHOTS = Path(__file__).resolve().parents[1] / "artifacts" / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@dataclass
class LiveServer:
    """The dashboard served by uvicorn on a free loopback port, in a thread of this process."""

    url: str
    app: Any


@pytest.fixture
def live_server(tmp_path: Path) -> Iterator[LiveServer]:
    from bounceback.settings import load_settings
    from bounceback.web.app import create_app
    from bounceback.web.deps import WebOptions

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app = create_app(load_settings(home=tmp_path / "home"), options=WebOptions(port=port))
    with served(app, port):
        yield LiveServer(f"http://127.0.0.1:{port}", app)


@pytest.fixture(scope="module")
def playwright() -> Iterator[Any]:
    """Playwright, or a visible skip when Debian's chromium is not installed (a failure in CI)."""
    if not CHROMIUM.exists():
        if IN_CI:
            pytest.fail(f"{CHROMIUM} is required in CI for the browser tests")
        pytest.skip(f"browser tests skipped: {CHROMIUM} is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="module")
def chromium(playwright: Any) -> Iterator[Any]:
    """Chromium driven by Playwright."""
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@dataclass
class Watched:
    """What a page did that it must not: dialogs opened, requests to other hosts, script errors and console
    errors (a Content-Security-Policy violation is one)."""

    dialogs: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def open_page(chromium: Any, server: LiveServer, viewport: dict[str, int] = DESKTOP) -> tuple[Any, Watched]:
    """A fresh page that records dialogs, requests leaving this server and page errors."""
    page = chromium.new_page(viewport=viewport)
    watched = Watched()

    def on_dialog(dialog: Any) -> None:
        watched.dialogs.append(dialog.message)
        dialog.dismiss()

    def on_request(request: Any) -> None:
        if not request.url.startswith((server.url, "data:", "about:")):
            watched.foreign.append(request.url)

    page.on("dialog", on_dialog)
    page.on("request", on_request)
    page.on("pageerror", lambda error: watched.errors.append(str(error)))
    page.on(
        "console", lambda message: watched.errors.append(message.text) if message.type == "error" else None
    )
    return page, watched


def shot(page: Any, name: str) -> None:
    """Keep a screenshot of the whole page as a test artifact."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def test_the_whole_journey_in_chromium(chromium: Any, live_server: LiveServer, tmp_path: Path) -> None:
    """GIVEN a fresh dashboard WHEN a person adds an application, imports an mbox, accepts a review item,
    records a rejection, goes through the bounce-back session and opens the insights THEN each step shows its
    result and the Sankey flows from Interviewing to Rejected; nothing leaves the machine."""
    page, watched = open_page(chromium, live_server)
    base = live_server.url
    # 1. Add an application.
    page.goto(f"{base}/")
    page.get_by_role("link", name="Add an application").click()
    page.get_by_label("Company").fill("Northwind Freight")
    page.get_by_label("Role", exact=False).first.fill("Logistics Planner")
    page.get_by_label("Where it stands").select_option("interviewing")
    page.get_by_role("button", name="Add the application").click()
    page.wait_for_selector("text=Added northwind-freight-logistics-planner.")
    northwind = re.search(r"/applications/(\d+)", page.url).group(1)  # type: ignore[union-attr]
    shot(page, "journey-1-added")
    # 2. Import an mbox, watching the progress bar until it is done.
    mbox = tmp_path / "takeout.mbox"
    mbox.write_bytes(as_mbox_bytes([*search_story(), ON_HOLD]))
    page.get_by_role("link", name="Mail").click()
    page.get_by_label("Mail file").set_input_files(str(mbox))
    page.get_by_role("button", name="Import").click()
    page.wait_for_selector('[data-state="done"]', timeout=120_000)
    assert "6 of 6 messages" in page.inner_text("#import-progress")
    shot(page, "journey-2-imported")
    # 3. Accept a review item if there is one.
    page.goto(f"{base}/mail/review")
    accept = page.get_by_role("button", name=re.compile(r"^Accept"))
    if accept.count():
        accept.first.click()
        page.wait_for_selector(".settled")
    shot(page, "journey-3-review")
    # 4. Record a rejection from the board.
    page.goto(f"{base}/")
    page.select_option(f"#move-{northwind}", "rejected")
    page.click(f"#move-button-{northwind}")
    page.wait_for_selector("text=Recorded: northwind-freight-logistics-planner said no")
    assert page.locator(f"#card-{northwind}").count() == 0
    shot(page, "journey-4-rejected")
    # 5. The bounce-back session, answering the first step and skipping the rest.
    page.goto(f"{base}/applications/{northwind}")
    page.get_by_role("link", name="Start the bounce-back session").click()
    page.get_by_role("button", name="Start the session").click()
    page.locator('input[name="mood"][value="3"]').check()
    page.get_by_role("button", name="Save and continue").click()
    page.wait_for_selector("text=Step 1 of 4")
    shot(page, "journey-5-bounce-step")
    onward = page.get_by_role("button", name=re.compile(r"^(Skip this step|Continue)$"))
    while onward.count():
        heading = page.inner_text("#step-heading")
        onward.first.click()
        page.wait_for_function(
            "h => !document.querySelector('#step-heading') || document.querySelector('#step-heading').innerText !== h",
            arg=heading,
        )
    page.wait_for_selector("text=Session done")
    # 6. The insights: the Sankey is drawn and the rejection flows through Interviewing.
    page.goto(f"{base}/insights")
    page.wait_for_selector("#chart-sankey.drawn", timeout=60_000)
    labels = page.locator("#chart-sankey .sankey-node text").all_text_contents()
    assert any(label.startswith("Interviewing") for label in labels), labels
    assert any(label.startswith("Rejected") for label in labels), labels
    shot(page, "journey-6-insights")
    assert not watched.dialogs and not watched.foreign and not watched.errors, watched
    page.close()


def test_a_hostile_email_never_runs_and_calls_nowhere(
    chromium: Any, live_server: LiveServer, tmp_path: Path
) -> None:
    """GIVEN an imported rejection whose HTML carries <script>, onerror= and a javascript: link, and a company
    name that is itself markup WHEN its page is shown and the link clicked THEN no dialog opens, no request
    leaves this server, and the frame holds the text without any script."""
    plain = (
        "Dear Robin,\n\nThank you for applying for the Analyst role at Acme. Unfortunately, we have decided not to "
        "move forward with your application.\n\nAcme Recruiting"
    )
    evil = mail("Acme Careers <jobs@acme.example>", "Your application to Acme", plain, n=1, html=EVIL_HTML)
    page, watched = open_page(chromium, live_server)
    page.goto(f"{live_server.url}/mail")
    upload = tmp_path / "evil.mbox"
    upload.write_bytes(as_mbox_bytes([evil]))
    page.get_by_label("Mail file").set_input_files(str(upload))
    page.get_by_role("button", name="Import").click()
    page.wait_for_selector('[data-state="done"]', timeout=120_000)
    page.goto(f"{live_server.url}/?show=all")
    page.get_by_role("link", name=re.compile("Acme")).first.click()
    frame_element = page.wait_for_selector("iframe.email-frame")
    assert frame_element.get_attribute("sandbox") == ""
    frame = frame_element.content_frame()
    frame.wait_for_selector("text=we regret to inform you")
    assert frame.locator("script").count() == 0
    assert frame.locator("img[src^='http']").count() == 0
    frame.get_by_text("See your application").click()
    page.wait_for_timeout(500)
    shot(page, "hostile-email")
    page.goto(f"{live_server.url}/applications/new")
    page.get_by_label("Company").fill('<img src=x onerror="alert(1)">')
    page.get_by_label("Role", exact=False).first.fill("<script>alert(2)</script>")
    page.get_by_role("button", name="Add the application").click()
    page.goto(f"{live_server.url}/")
    page.wait_for_timeout(300)
    assert watched.dialogs == [] and watched.foreign == [], watched
    page.close()


def test_the_board_works_by_keyboard_alone(chromium: Any, live_server: LiveServer) -> None:
    """GIVEN two applications WHEN a person skips to the content, tabs to a card's move control, picks the next
    stage with the arrow keys and presses Enter THEN the card moves, focus stays on its control, and every
    focused control shows a visible focus ring."""
    page, watched = open_page(chromium, live_server)
    for company in ("Fernhill Robotics", "Quayside Books"):
        page.goto(f"{live_server.url}/applications/new")
        page.get_by_label("Company").fill(company)
        page.get_by_label("Role", exact=False).first.fill("Analyst")
        page.get_by_role("button", name="Add the application").click()
    page.goto(f"{live_server.url}/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    focused: list[str] = []
    for _ in range(40):
        page.keyboard.press("Tab")
        element = page.evaluate(
            "[document.activeElement.id, getComputedStyle(document.activeElement).outlineStyle]"
        )
        focused.append(element[0])
        assert element[1] != "none", f"no visible focus on #{element[0]}"
        if element[0].startswith("move-") and not element[0].startswith("move-button"):
            break
    select_id = focused[-1]
    assert select_id.startswith("move-"), focused
    card_id = select_id.removeprefix("move-")
    for _ in range(3):  # from "Move to…" past screening
        page.keyboard.press("ArrowDown")
        if page.evaluate("document.activeElement.value") == "interviewing":
            break
    assert page.evaluate("document.activeElement.value") == "interviewing"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == f"move-button-{card_id}"
    page.keyboard.press("Enter")
    page.wait_for_selector(f"section[data-stage=interviewing] #card-{card_id}")
    assert page.evaluate("document.activeElement.id") == f"move-button-{card_id}"
    assert "Moved to interviewing" in page.inner_text("#messages")
    shot(page, "board-keyboard")
    assert not watched.errors and not watched.foreign
    page.close()


def test_a_card_dragged_to_another_column_moves_there(chromium: Any, live_server: LiveServer) -> None:
    """GIVEN an applied application WHEN Move is pressed with no stage chosen THEN one sentence shows in the
    message area; WHEN the card is dragged onto Saved (not allowed) THEN nothing happens; onto Screening THEN it
    moves there (the card's own form does it)."""
    page, watched = open_page(chromium, live_server)
    page.goto(f"{live_server.url}/applications/new")
    page.get_by_label("Company").fill("Fernhill Robotics")
    page.get_by_label("Role", exact=False).first.fill("Analyst")
    page.get_by_role("button", name="Add the application").click()
    app_id = re.search(r"/applications/(\d+)", page.url).group(1)  # type: ignore[union-attr]
    page.goto(f"{live_server.url}/")
    page.click(f"#move-button-{app_id}")  # no stage chosen: the sentence shows in the message area, in place
    page.wait_for_selector("#messages .message-error")
    assert page.inner_text("#messages") == "Choose the stage to move it to."
    page.drag_and_drop(f"#card-{app_id}", "section[data-stage=saved]")
    page.wait_for_timeout(500)
    assert page.locator(f"section[data-stage=applied] #card-{app_id}").count() == 1
    page.drag_and_drop(f"#card-{app_id}", "section[data-stage=screening]")
    page.wait_for_selector(f"section[data-stage=screening] #card-{app_id}")
    assert "Moved to screening" in page.inner_text("#messages")
    assert not watched.foreign and all("400" in error for error in watched.errors), watched
    page.close()


@pytest.mark.parametrize(("viewport", "suffix"), [(DESKTOP, "desktop"), (PHONE, "phone")])
def test_the_pages_at_desktop_and_phone_width(
    chromium: Any, live_server: LiveServer, viewport: dict[str, int], suffix: str
) -> None:
    """GIVEN a small search WHEN every page is opened at desktop and at phone width THEN nothing is wider than
    the screen (except the scrollable board and Sankey) and screenshots are kept to look at."""
    page, watched = open_page(chromium, live_server, viewport)
    page.goto(f"{live_server.url}/applications/new")
    page.get_by_label("Company").fill("Fernhill Robotics")
    page.get_by_label("Role", exact=False).first.fill("Controls Engineer")
    page.get_by_role("button", name="Add the application").click()
    app_path = page.url.removeprefix(live_server.url)
    for name, path in (("board", "/"), ("board-all", "/?show=all"), ("application", app_path), ("due", "/due"), ("mail", "/mail"),
                       ("insights", "/insights"), ("checkin", "/checkin"), ("add", "/applications/new")):  # fmt: skip
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("networkidle")
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{name} is {overflow}px wider than the {suffix} screen"
        shot(page, f"{name}-{suffix}")
    assert not watched.errors and not watched.foreign and not watched.dialogs
    page.close()


# The attacker's page, first served by the attacker's own server at evil.example (which resolves to 127.0.0.1),
# keeps asking "its own" server for an application until that server is the dashboard on the same port (the
# DNS answer has changed): then it reads the application, takes the CSRF token from it and saves a note, all
# same-origin in the browser's eyes.
REBINDING_PAGE = b"""<!doctype html><title>Cute cats</title><script>
(async () => {
  const out = {};
  let read = null;
  for (let tries = 0; tries < 300 && read === null; tries++) {
    try {
      const answer = await fetch("/applications/1", {credentials: "include", cache: "no-store"});
      if (!answer.headers.get("x-attacker")) read = answer;
    } catch (error) {}
    if (read === null) await new Promise((wake) => setTimeout(wake, 100));
  }
  try {
    const text = await read.text();
    out.readStatus = read.status;
    out.readSecret = text.includes("Private salary notes");
    const token = (text.match(/name="csrf_token" value="([^"]+)"/) || [])[1] || "";
    const body = new URLSearchParams({csrf_token: token, text: "Written by evil.example"});
    const write = await fetch("/applications/1/notes", {method: "POST", body, credentials: "include"});
    out.writeStatus = write.status;
  } catch (error) {
    out.error = String(error);
  }
  window.result = out;
})();
</script>"""


class _AttackerPage(BaseHTTPRequestHandler):
    """The attacker's server: the page at /cats, "no such page" (marked as its own) for anything else."""

    def do_GET(self) -> None:
        found = self.path == "/cats"
        body = REBINDING_PAGE if found else b"not here"
        self.send_response(200 if found else 404)
        self.send_header("Content-Type", "text/html" if found else "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.send_header("X-Attacker", "1")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


def test_a_rebinding_page_reads_and_writes_nothing(playwright: Any, tmp_path: Path) -> None:
    """GIVEN chromium resolving evil.example to 127.0.0.1, and a page loaded from evil.example's own server
    WHEN that server gives way to the dashboard on the same port (as a DNS rebinding does) and the page reads an
    application with private notes, then posts a note with the token it found
    THEN both requests get 400, the page learns nothing, and no note is saved."""
    import uvicorn

    from bounceback.settings import load_settings
    from bounceback.web.app import create_app
    from bounceback.web.deps import WebOptions
    from bounceback.workspace import Workspace

    settings = load_settings(home=tmp_path / "home")
    workspace = Workspace.open(settings)
    with workspace.change("Add") as change:
        change.tracker.add("Fernhill Robotics", "Controls Engineer", notes="Private salary notes")
    workspace.close()
    attacker = ThreadingHTTPServer(("127.0.0.1", 0), _AttackerPage)
    port = attacker.server_address[1]
    threading.Thread(target=attacker.serve_forever, daemon=True).start()
    browser = playwright.chromium.launch(
        executable_path=str(CHROMIUM),
        args=[*CHROMIUM_ARGS, "--host-resolver-rules=MAP evil.example 127.0.0.1"],
    )
    server = None
    try:
        page = browser.new_page()
        page.goto(f"http://evil.example:{port}/cats")
        attacker.shutdown()
        attacker.server_close()
        app = create_app(settings, options=WebOptions(port=port))
        server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
        threading.Thread(target=server.run, daemon=True).start()
        page.wait_for_function("window.result !== undefined", timeout=60_000)
        result = page.evaluate("window.result")
        own = browser.new_page()
        own.goto(f"http://127.0.0.1:{port}/applications/1")
        shown = own.inner_text("body")
    finally:
        browser.close()
        if server is not None:
            server.should_exit = True
    assert result == {"readStatus": 400, "readSecret": False, "writeStatus": 400}, result
    assert "Private salary notes" in shown and "Written by evil.example" not in shown
