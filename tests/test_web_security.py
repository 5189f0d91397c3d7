"""The dashboard's guards: CSRF on every form, the Content-Security-Policy, upload limits, and email HTML that
is shown but never runs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.test_web_helpers import add_application, messages, sqlite_settings, web_client

EXPECTED_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'"
)
EVIL_HTML = """<html><head><style>body{background:url(https://tracker.example/bg.png)}</style>
<script>alert('script ran')</script></head><body>
<p onclick="alert('click ran')">Dear Robin, we regret to inform you.</p>
<img src="https://tracker.example/open.gif" onerror="alert('onerror ran')" alt="pixel">
<img src="x" onerror="alert('second onerror')">
<a href="javascript:alert('link ran')">See your application</a>
<a href="https://careers.example/jobs">Other openings</a>
<iframe src="https://evil.example/"></iframe><form action="https://evil.example/steal"><input name="p"></form>
<svg onload="alert('svg ran')"></svg><meta http-equiv="refresh" content="0;url=https://evil.example/">
</body></html>"""


@pytest.fixture
def web(tmp_path: Path):  # type: ignore[no-untyped-def]
    with web_client(sqlite_settings(tmp_path), max_upload_bytes=64 * 1024) as client:
        yield client


def test_a_form_without_the_token_is_refused_and_changes_nothing(web) -> None:
    """GIVEN the dashboard WHEN a form is posted without the CSRF token (as another site would) THEN 403 with a
    plain sentence, and no application is added."""
    response = web.client.post("/applications", data={"company": "Acme", "role": "Spy"})
    assert response.status_code == 403
    assert "did not come from this bounceback page" in messages(response.text)[0]
    assert "Acme" not in web.get("/").text


def test_a_token_from_another_session_is_refused(web, tmp_path: Path) -> None:
    """GIVEN a token taken from one browser session WHEN another session posts it THEN it is refused."""
    with web_client(sqlite_settings(tmp_path / "other")) as other:
        stolen = other.token
    response = web.client.post("/applications", data={"company": "Acme", "role": "Spy", "csrf_token": stolen})
    assert response.status_code == 403


def test_a_forged_session_cookie_gets_a_new_session_not_the_old_token(web) -> None:
    """GIVEN a session cookie whose signature was tampered with WHEN the page is asked for THEN a new signed
    session is issued, and the old token no longer works."""
    web.client.cookies.set("bb_session", "attacker-chosen.bad-signature")
    page = web.get("/")
    assert "bb_session=" in page.headers.get("set-cookie", "")
    response = web.client.post("/undo", data={"csrf_token": web.token})
    assert response.status_code == 403


def test_htmx_posts_carry_the_token_in_a_header(web) -> None:
    """GIVEN an application WHEN it is moved by an htmx request with the token header THEN it moves, and the
    same request without the header is refused."""
    app_id = add_application(web, "Acme", "Analyst")
    refused = web.client.post(
        f"/applications/{app_id}/move", data={"stage": "screening"}, headers={"HX-Request": "true"}
    )
    assert refused.status_code == 403
    moved = web.htmx(f"/applications/{app_id}/move", {"stage": "screening", "next": "/"})
    assert moved.status_code == 200
    assert "Moved to screening" in moved.text


def test_a_post_from_another_origin_is_refused_even_with_a_token(web) -> None:
    """GIVEN a valid token WHEN the browser says the form came from another origin THEN it is refused."""
    response = web.client.post(
        "/applications",
        data={"company": "Acme", "role": "Spy", "csrf_token": web.token},
        headers={"Origin": "https://evil.example"},
    )
    assert response.status_code == 403


@pytest.mark.parametrize(
    "path", ["/", "/due", "/mail", "/insights", "/checkin", "/applications/new", "/nowhere"]
)
def test_every_page_sends_the_content_security_policy(web, path: str) -> None:
    """GIVEN any page, even a missing one WHEN fetched THEN the policy forbids inline script and other origins."""
    response = web.get(path)
    policy = response.headers["content-security-policy"]
    assert policy.startswith(EXPECTED_CSP)
    assert "unsafe-inline" not in policy and "http" not in policy
    assert response.headers["x-content-type-options"] == "nosniff"


def test_no_page_holds_an_inline_script_or_style(web) -> None:
    """GIVEN the pages WHEN read THEN every <script> has a src on this server, no element has an inline style or
    event handler, and nothing loads from another origin."""
    app_id = add_application(web, "Acme", "Analyst", notes="<script>alert(1)</script>")
    for path in ("/", f"/applications/{app_id}", "/due", "/mail", "/insights", "/checkin", "/mail/review"):
        page = web.get(path).text
        scripts = re.findall(r"<script\b([^>]*)>", page)
        assert all(re.search(r'src="/(static|vendor)/', attrs) for attrs in scripts), path
        assert not re.search(r"<[a-z]+[^>]*\son[a-z]+=", page), path
        assert not re.search(r"<[a-z]+[^>]*\sstyle=", page), path
        assert "<style" not in page, path
        assert not re.search(r'(src|href)="(https?:)?//', page), path


def test_an_upload_over_the_limit_is_refused_before_it_is_read(web) -> None:
    """GIVEN a 64 KiB upload limit WHEN a bigger file is posted THEN 413 with a plain sentence, nothing imported."""
    big = b"From x Mon Sep  7 09:30:00 2026\n" + b"A" * (80 * 1024)
    response = web.client.post(
        "/mail/import",
        data={"csrf_token": web.token},
        files={"mailbox": ("big.mbox", big, "application/mbox")},
    )
    assert response.status_code == 413
    assert "too large" in response.text
    assert "Latest imports" not in web.get("/mail").text


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("notes.txt", b"hello", "is not a mail file"),
        ("empty.mbox", b"", "is empty"),
        ("../../etc/passwd.eml", b"", "is empty"),
    ],
)
def test_an_upload_that_is_not_mail_gets_one_sentence(web, name: str, content: bytes, expected: str) -> None:
    """GIVEN a file that is not an .mbox/.eml, or is empty WHEN uploaded THEN one plain sentence, no import."""
    response = web.client.post(
        "/mail/import", data={"csrf_token": web.token}, files={"mailbox": (name, content, "text/plain")}
    )
    assert response.status_code == 400
    assert expected in messages(response.text)[0]


def test_sanitising_removes_scripts_handlers_javascript_links_and_remote_images() -> None:
    """GIVEN an email carrying <script>, onerror=, a javascript: link, remote images, frames and forms WHEN
    sanitised THEN only plain formatting and the https link are left, and the blocked images are counted."""
    from bounceback.web.email_html import sanitise

    safe = sanitise(EVIL_HTML)
    lowered = safe.html.lower()
    for bad in ("<script", "alert(", "onerror", "onclick", "onload", "javascript:", "<iframe", "<form", "<svg",
                "http-equiv", "tracker.example", "evil.example", "<style"):  # fmt: skip
        assert bad not in lowered, bad
    assert "we regret to inform you" in safe.html
    assert 'href="https://careers.example/jobs"' in safe.html
    assert (
        safe.blocked_images == 1
    )  # the tracking pixel; the relative `src="x"` goes too, as every relative URL
    assert safe.links == ["https://careers.example/jobs"]


def test_an_email_on_its_page_is_sanitised_and_framed_without_any_permission(web) -> None:
    """GIVEN a rejection email with hostile HTML linked to an application WHEN its page is shown THEN the email
    sits in a srcdoc frame with sandbox="" and the escaped document holds none of the hostile parts."""
    import html

    from bounceback.domain.mail import MailLabel, MailRecord, MailStatus

    app_id = add_application(web, "Acme", "Analyst")
    workspace = web.client.app.state.web.workspace
    with workspace.change("test email") as change:
        change.store.add(MailRecord(key="k1", label=MailLabel.REJECTION, confidence=0.99, status=MailStatus.APPLIED,
                               subject="Your application", from_address="jobs@acme.example", body="Dear Robin",
                               html=EVIL_HTML, application_id=app_id))  # fmt: skip
    page = web.get(f"/applications/{app_id}").text
    frame = re.search(r"<iframe[^>]*>", page, re.DOTALL)
    assert frame is not None
    tag = frame.group(0)
    assert 'sandbox=""' in tag
    srcdoc = html.unescape(re.search(r'srcdoc="([^"]*)"', tag).group(1)).lower()  # type: ignore[union-attr]
    assert "we regret to inform you" in srcdoc
    for bad in ("<script", "onerror", "javascript:", "tracker.example", "evil.example"):
        assert bad not in srcdoc, bad
    assert "1 remote image not loaded" in page


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("/due", "/due"), ("/?q=acme", "/?q=acme"), ("//evil.example/", "/"), ("https://evil.example/", "/"),
     ("/\\evil.example", "/"), ("javascript:alert(1)", "/")],
)  # fmt: skip
def test_where_a_form_returns_to_stays_on_this_server(raw: str, expected: str) -> None:
    """GIVEN a `next` address from a form WHEN followed THEN only paths on this server are kept."""
    from bounceback.web.forms import safe_next

    assert safe_next(raw, "/") == expected


def _every_route() -> list[tuple[str, str]]:
    """(method, path) for every route the app includes, and its static files, path parameters filled in."""
    from fastapi.routing import APIRoute

    from bounceback.web.routes import ROUTERS

    found = [("GET", "/static/app.css")]
    for router in ROUTERS:
        for route in router.routes:
            assert isinstance(route, APIRoute)
            path = re.sub(r"\{[^}]+\}", "1", route.path)
            found += [(method, path) for method in sorted(route.methods)]
    return found


def test_a_foreign_host_is_refused_on_every_route_before_it_runs(web) -> None:
    """GIVEN the dashboard with one application WHEN any route is asked for under a foreign Host (a page of
    evil.example that resolves to 127.0.0.1, or this machine on another port) THEN 400 with one plain sentence
    naming the host, no session cookie, and nothing read or changed."""
    app_id = add_application(web, "Acme", "Analyst", notes="Private note")
    before = web.get(f"/applications/{app_id}").text
    routes = _every_route()
    assert len(routes) > 30 and ("POST", "/applications/1/notes") in routes
    for host in ("evil.example:8765", "127.0.0.1:9999", "evil.example"):
        for method, path in routes:
            response = web.client.request(
                method, path, headers={"Host": host}, data={"csrf_token": web.token, "text": "x"}
            )
            assert response.status_code == 400, (host, method, path)
            assert f"“{host}” is not one of them" in response.text
            assert "Private note" not in response.text and "set-cookie" not in response.headers
    after = web.get(f"/applications/{app_id}").text
    assert re.findall(r"<li[^>]*>", after) == re.findall(r"<li[^>]*>", before)  # no new timeline entry
    assert after.count("Private note") == before.count("Private note") and "Acme" in after


@pytest.mark.parametrize("host", ["127.0.0.1:8765", "localhost:8765", "[::1]:8765", "LOCALHOST:8765"])
def test_this_machines_own_names_are_answered(web, host: str) -> None:
    """GIVEN the dashboard on port 8765 WHEN asked for by a loopback name with the port THEN it answers."""
    assert web.client.get("/", headers={"Host": host}).status_code == 200


def test_the_names_serve_was_started_for_are_answered(tmp_path: Path) -> None:
    """GIVEN a server started with --host 192.168.1.20 and --allow-host laptop.lan WHEN asked for by those names
    with the port THEN it answers, and by another LAN name it refuses."""
    with web_client(sqlite_settings(tmp_path), host="192.168.1.20", allow_hosts=("laptop.lan",)) as client:
        assert client.client.get("/", headers={"Host": "192.168.1.20:8765"}).status_code == 200
        assert client.client.get("/", headers={"Host": "laptop.lan:8765"}).status_code == 200
        assert client.client.get("/", headers={"Host": "printer.lan:8765"}).status_code == 400


def test_origin_is_compared_with_the_allow_list_not_with_host(web) -> None:
    """GIVEN a valid token WHEN a form comes from a page whose Origin is not on the allow-list, even with a Host
    that matches it THEN 403; from another of this server's own names it is accepted."""
    evil = web.client.post(
        "/applications",
        data={"company": "Acme", "role": "Spy", "csrf_token": web.token},
        headers={"Origin": "http://evil.example:8765"},
    )
    assert evil.status_code == 403
    own = web.client.post(
        "/applications",
        data={"company": "Acme", "role": "Analyst", "csrf_token": web.token},
        headers={"Origin": "http://localhost:8765"},
    )
    assert own.status_code == 200 and "Spy" not in web.get("/").text


def test_allowed_hosts_are_the_loopback_names_and_the_named_ones_with_the_port() -> None:
    """GIVEN serve's host, port and extra names WHEN the allow-list is made THEN it holds each with the port,
    IPv6 in brackets, wildcards adding nothing, and bare names only on port 80."""
    from bounceback.web.hosts import allowed_hosts

    assert allowed_hosts("127.0.0.1", 8765) == {"127.0.0.1:8765", "localhost:8765", "[::1]:8765"}
    assert "[fe80::1]:9000" in allowed_hosts("fe80::1", 9000)
    assert allowed_hosts("0.0.0.0", 8765, ["Box.lan"]) == {
        "127.0.0.1:8765", "localhost:8765", "[::1]:8765", "box.lan:8765"
    }  # fmt: skip
    assert "localhost" in allowed_hosts("127.0.0.1", 80) and "localhost" not in allowed_hosts("127.0.0.1", 81)


class _Upload:
    """A request body handed to the app in 64 KiB pieces, counting how much of it the app asked for."""

    def __init__(self, head: bytes, size: int) -> None:
        self.head, self.size, self.sent = head, size, 0

    async def receive(self) -> dict:  # type: ignore[type-arg]
        chunk = self.head if self.sent == 0 else b"A" * min(65536, self.size - self.sent)
        self.sent += len(chunk)
        return {"type": "http.request", "body": chunk, "more_body": self.sent < self.size}


def _call(app, path: str, upload: _Upload, headers: list[tuple[bytes, bytes]]) -> tuple[int, bytes]:  # type: ignore[no-untyped-def]
    """One request straight into the app's ASGI entry, as the server would make it."""
    import asyncio

    answer: dict[str, object] = {"body": b""}

    async def send(message: dict) -> None:  # type: ignore[type-arg]
        if message["type"] == "http.response.start":
            answer["status"] = message["status"]
        elif message["type"] == "http.response.body":
            answer["body"] = answer["body"] + message.get("body", b"")  # type: ignore[operator]

    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
        "path": path, "raw_path": path.encode(), "query_string": b"", "root_path": "",
        "headers": [(b"host", b"127.0.0.1:8765"), *headers], "client": ("127.0.0.1", 5000),
        "server": ("127.0.0.1", 8765),
    }  # fmt: skip
    asyncio.run(app(scope, upload.receive, send))
    return int(answer["status"]), answer["body"]  # type: ignore[call-overload, return-value]


MULTIPART = [(b"content-type", b"multipart/form-data; boundary=xyz")]


def test_an_upload_without_the_token_is_refused_before_its_body_is_read(web, tmp_path: Path) -> None:
    """GIVEN a 300 MB multipart upload whose first field is the file, not the token (as another site would send)
    WHEN it reaches the app THEN 403 with the plain sentence after at most the first field's worth of reading,
    and nothing is written to the uploads folder."""
    head = b'--xyz\r\nContent-Disposition: form-data; name="mailbox"; filename="a.mbox"\r\n\r\n'
    upload = _Upload(head, 300 << 20)
    status, body = _call(web.client.app, "/mail/import", upload, MULTIPART)
    assert status == 403 and "did not come from this bounceback page" in body.decode()
    assert upload.sent < 100_000
    assert not list((tmp_path / "home" / "uploads").glob("*"))


def test_a_streamed_upload_over_the_limit_gets_the_same_sentence_as_a_declared_one(web) -> None:
    """GIVEN a 64 KiB limit WHEN an upload with the token first goes over it without a Content-Length (chunked)
    and another declares its length THEN both get 413 and the same sentence; the streamed one is read no
    further than the limit."""
    head = (
        b'--xyz\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n' + web.token.encode() + b"\r\n"
        b'--xyz\r\nContent-Disposition: form-data; name="mailbox"; filename="a.mbox"\r\n\r\nFrom x\n'
    )
    session = [(b"cookie", f"bb_session={web.client.cookies['bb_session']}".encode())]
    streamed = _Upload(head, 10 << 20)
    status, body = _call(web.client.app, "/mail/import", streamed, MULTIPART + session)
    declared = _Upload(head, 10 << 20)
    length = [(b"content-length", str(10 << 20).encode())]
    status_declared, body_declared = _call(
        web.client.app, "/mail/import", declared, MULTIPART + session + length
    )
    assert (status, status_declared) == (413, 413)
    assert body == body_declared == b"That upload is too large: the limit is 1 MB."
    assert streamed.sent < 64 * 1024 + 2 * 65536 and declared.sent == 0
