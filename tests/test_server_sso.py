"""Single sign-on with OpenID Connect, end to end: the server app on a real PostgreSQL signs people in through a
real provider on loopback (tests/servers/oidc.py, Authlib's server parts), and refuses plainly, with no session,
every answer it must not trust or admit."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from bounceback.domain.accounts import Role
from bounceback.domain.errors import InvalidInput
from bounceback.server.config import ServerSettings, load_server_settings
from bounceback.workspace.server import Directory
from tests.serverkit import PUBLIC_URL, SECRET_KEY, Browser, add_application, person
from tests.servers.oidc import CLIENT_ID, OidcProvider, User

pytestmark = pytest.mark.postgres


@pytest.fixture
def make_app(
    pg_url: str, tmp_path: Path, directory: Directory, oidc_provider: OidcProvider
) -> Iterator[Callable[..., Any]]:
    """Server apps on the fresh database with single sign-on through the test provider (settings overridable)."""
    from bounceback.server.app import create_server_app

    _ = directory.database
    made: list[Any] = []

    def make(**overrides: Any) -> Any:
        values: dict[str, Any] = {
            "database_url": pg_url,
            "secret_key": SECRET_KEY,
            "public_url": PUBLIC_URL,
            "oidc_issuer": oidc_provider.issuer,
            "oidc_client_id": CLIENT_ID,
            "oidc_client_secret": oidc_provider.client.client_secret,
            "oidc_allowed_domains": ("uni.org",),
            "oidc_name": "Uni Login",
        }
        app = create_server_app(ServerSettings(**(values | overrides)), home=tmp_path / "home")
        made.append(app)
        return app

    yield make
    for app in made:
        app.state.server.contexts.close()
        app.state.server.directory.close()


@pytest.fixture
def app(make_app: Callable[..., Any]) -> Any:
    return make_app()


def begin(browser: Browser) -> str:
    """The login page's button, followed: the provider's authorization URL (and the pending cookie kept)."""
    page = browser.get("/login")
    if page.status_code == 200:  # (someone logged in already is sent home from the login page)
        assert 'href="/login/sso"' in page.text and "Sign in with Uni Login" in page.text
    response = browser.get("/login/sso")
    assert response.status_code == 303, response.text
    return str(response.headers["location"])


def sign_in(browser: Browser, provider: OidcProvider, user: User) -> Any:
    """The whole round trip: to the provider, approved as `user`, back to bounceback's callback."""
    back = provider.sign_in(begin(browser), user)
    assert back.startswith(PUBLIC_URL + "/login/sso/callback?")
    return browser.get(back)


def refused(response: Any, sentence: str) -> None:
    """The login page again, with the one sentence, and no login cookie set."""
    import html

    assert response.status_code in (400, 403), response.text[:300]
    page = html.unescape(response.text)
    assert "<h1>Log in</h1>" in page and sentence in page, page[page.find("<main") :][:600]
    assert "Traceback" not in response.text
    assert not any(k == "set-cookie" and v.startswith("bb_login=") for k, v in response.headers.multi_items())


def test_an_existing_seeker_signs_in_and_their_board_is_theirs(
    app: Any, directory: Directory, oidc_provider: OidcProvider
) -> None:
    """GIVEN two seekers with an application each WHEN Ana signs in at the provider THEN she lands on her board
    with a server-side session (HttpOnly, SameSite=Lax, Secure), sees her application and not Bo's, and the
    request to the provider carried PKCE, a state and a nonce."""
    ana, bo = person(directory, "ana@uni.org"), person(directory, "bo@uni.org")
    add_application(directory, ana.user_id, "Acme", "Analyst")
    add_application(directory, bo.user_id, "Globex", "Engineer")
    browser = Browser(app)
    authorize = begin(browser)
    asked = parse_qs(urlsplit(authorize).query)
    assert asked["code_challenge_method"] == ["S256"] and asked["code_challenge"][0]
    assert asked["state"][0] and asked["nonce"][0] and asked["client_id"] == [CLIENT_ID]
    assert asked["redirect_uri"] == [PUBLIC_URL + "/login/sso/callback"]
    response = browser.get(oidc_provider.sign_in(authorize, User("Ana@Uni.org")))
    assert response.status_code == 303 and response.headers["location"] == "/", response.text[:300]
    cookie = next(
        v for k, v in response.headers.multi_items() if k == "set-cookie" and v.startswith("bb_login=")
    ).lower()
    assert "httponly" in cookie and "samesite=lax" in cookie and "secure" in cookie
    assert directory.sessions_of(ana.user_id) == 1
    board = browser.get("/")
    assert board.status_code == 200 and "Acme" in board.text and "Globex" not in board.text
    assert "ana@uni.org" in board.text


def test_signing_in_again_rotates_the_session(
    app: Any, directory: Directory, oidc_provider: OidcProvider
) -> None:
    """GIVEN a seeker logged in with their password WHEN they sign in with the provider in the same browser
    THEN the old token stops working and only the new session is left."""
    ana = person(directory, "ana@uni.org")
    browser = Browser(app)
    assert browser.login("ana@uni.org").status_code == 303
    first = browser.client.cookies.get("bb_login")
    assert sign_in(browser, oidc_provider, User("ana@uni.org")).status_code == 303
    second = browser.client.cookies.get("bb_login")
    assert first and second and first != second and directory.sessions_of(ana.user_id) == 1
    stale = Browser(app)
    stale.client.cookies.set("bb_login", first, domain="careers.example.edu")
    assert stale.get("/").status_code == 303


def test_an_unknown_email_is_refused_when_self_signup_is_off(
    app: Any, directory: Directory, oidc_provider: OidcProvider
) -> None:
    """GIVEN self-signup off (the default) WHEN someone with no account signs in THEN one sentence, no account."""
    browser = Browser(app)
    refused(sign_in(browser, oidc_provider, User("new@uni.org")), "There is no account here for new@uni.org")
    assert directory.account_by_email("new@uni.org") is None
    assert browser.get("/").status_code == 303


def test_self_signup_makes_a_seeker_account(
    make_app: Callable[..., Any], directory: Directory, oidc_provider: OidcProvider
) -> None:
    """GIVEN self-signup on WHEN someone at an allowed domain with no account signs in THEN they get a new
    seeker account, are signed in to its (empty) board, and a second sign-in reuses it."""
    app = make_app(oidc_self_signup=True)
    browser = Browser(app)
    response = sign_in(browser, oidc_provider, User("new@uni.org"))
    assert response.status_code == 303 and response.headers["location"] == "/"
    account = directory.require("new@uni.org")
    assert account.role is Role.SEEKER and account.active
    assert browser.get("/").status_code == 200
    assert sign_in(Browser(app), oidc_provider, User("new@uni.org")).status_code == 303
    assert [a.email for a in directory.accounts()] == ["new@uni.org"]


def test_a_domain_off_the_allow_list_is_refused_even_with_an_account_or_self_signup(
    make_app: Callable[..., Any], directory: Directory, oidc_provider: OidcProvider
) -> None:
    """GIVEN the allow-list uni.org WHEN someone at elsewhere.com signs in (with an account here, or with
    self-signup on) THEN refused, naming the domain; no account is made, no session begun."""
    out = person(directory, "eve@elsewhere.com")
    refused(
        sign_in(Browser(make_app()), oidc_provider, User("eve@elsewhere.com")), "addresses at elsewhere.com"
    )
    app = make_app(oidc_self_signup=True)
    refused(sign_in(Browser(app), oidc_provider, User("mal@elsewhere.com")), "addresses at elsewhere.com")
    assert directory.account_by_email("mal@elsewhere.com") is None
    assert directory.sessions_of(out.user_id) == 0


def test_an_unverified_email_is_refused(app: Any, directory: Directory, oidc_provider: OidcProvider) -> None:
    """GIVEN a seeker WHEN the provider says their email is not verified THEN refused, no session."""
    ana = person(directory, "ana@uni.org")
    response = sign_in(Browser(app), oidc_provider, User("ana@uni.org", email_verified=False))
    refused(response, "has not confirmed that ana@uni.org is yours")
    assert directory.sessions_of(ana.user_id) == 0


def test_a_deactivated_account_is_refused(
    app: Any, directory: Directory, oidc_provider: OidcProvider
) -> None:
    """GIVEN a deactivated seeker WHEN they sign in at the provider THEN refused plainly, no session."""
    ana = person(directory, "ana@uni.org")
    directory.deactivate("ana@uni.org")
    refused(sign_in(Browser(app), oidc_provider, User("ana@uni.org")), "can no longer sign in here")
    assert directory.sessions_of(ana.user_id) == 0


def test_a_tampered_or_foreign_state_is_refused(
    app: Any, directory: Directory, oidc_provider: OidcProvider
) -> None:
    """GIVEN a sign-in begun in one browser WHEN the callback comes back with its state changed, or to a
    browser that did not begin it (login CSRF), or under another Host, THEN refused and the code is not even
    exchanged."""
    ana = person(directory, "ana@uni.org")
    browser = Browser(app)
    back = oidc_provider.sign_in(begin(browser), User("ana@uni.org"))
    query = parse_qs(urlsplit(back).query)
    issued = oidc_provider.tokens_issued
    edited = urlencode({"code": query["code"][0], "state": query["state"][0] + "x"})
    refused(browser.get("/login/sso/callback?" + edited), "not started on this page")
    refused(Browser(app).get(back), "not started on this page")
    foreign = Browser(app, "https://evil.example").get("/login/sso/callback?" + urlsplit(back).query)
    assert foreign.status_code == 400 and "BOUNCEBACK_SERVER_PUBLIC_URL" in foreign.text
    assert oidc_provider.tokens_issued == issued and directory.sessions_of(ana.user_id) == 0


def test_an_edited_or_expired_pending_cookie_is_refused(
    app: Any, directory: Directory, oidc_provider: OidcProvider
) -> None:
    """GIVEN a sign-in's pending cookie WHEN it is edited, or was sealed more than ten minutes ago THEN refused."""
    import time

    from bounceback.server.sso import PENDING_COOKIE, Pending, PendingBox

    person(directory, "ana@uni.org")
    browser = Browser(app)
    back = oidc_provider.sign_in(begin(browser), User("ana@uni.org"))
    state = parse_qs(urlsplit(back).query)["state"][0]
    sealed = browser.client.cookies.get(PENDING_COOKIE)
    assert sealed
    browser.client.cookies.set(
        PENDING_COOKIE, sealed[:-4] + "AAAA", domain="careers.example.edu", path="/login/sso"
    )
    refused(browser.get(back), "not started on this page")
    old = PendingBox(SECRET_KEY).seal(Pending(state, "n", "v" * 43), at=int(time.time()) - 3600)
    late = Browser(app)
    late.client.cookies.set(PENDING_COOKIE, old, domain="careers.example.edu", path="/login/sso")
    refused(late.get(back), "not started on this page")


@pytest.mark.parametrize(
    ("claims", "why"),
    [
        ({"aud": "someone-else"}, "“aud”"),
        ({"nonce": "not-the-one-sent"}, "“nonce”"),
        ({"iss": "https://impostor.example"}, "“iss”"),
    ],
)
def test_an_id_token_for_another_audience_nonce_or_issuer_is_refused(
    app: Any, directory: Directory, oidc_provider: OidcProvider, claims: dict[str, str], why: str
) -> None:
    """GIVEN a provider whose ID token names another audience, nonce or issuer WHEN the seeker signs in THEN
    refused, naming the claim, with no session."""
    ana = person(directory, "ana@uni.org")
    refused(sign_in(Browser(app), oidc_provider, User("ana@uni.org", claims=claims)), why)
    assert directory.sessions_of(ana.user_id) == 0


def test_an_expired_id_token_is_refused(app: Any, directory: Directory, oidc_provider: OidcProvider) -> None:
    """GIVEN an ID token that expired an hour ago WHEN the seeker signs in THEN refused, no session."""
    import time

    ana = person(directory, "ana@uni.org")
    now = int(time.time())
    user = User("ana@uni.org", claims={"iat": now - 7200, "exp": now - 3600})
    refused(sign_in(Browser(app), oidc_provider, user), "has expired")
    assert directory.sessions_of(ana.user_id) == 0


def test_an_id_token_not_signed_by_the_published_key_is_refused(
    app: Any, directory: Directory, oidc_provider: OidcProvider
) -> None:
    """GIVEN an ID token signed with another key under the published key's id WHEN the seeker signs in THEN
    the signature check refuses it, no session."""
    ana = person(directory, "ana@uni.org")
    refused(
        sign_in(Browser(app), oidc_provider, User("ana@uni.org", foreign_key=True)),
        "not signed by the service's keys",
    )
    assert directory.sessions_of(ana.user_id) == 0


def test_without_sso_settings_there_is_no_button_and_no_sso_pages(server_app: Any) -> None:
    """GIVEN no BOUNCEBACK_SERVER_OIDC_ variables WHEN the login page is asked for THEN no button; the SSO paths
    are 404."""
    browser = Browser(server_app)
    assert "Sign in with" not in browser.get("/login").text
    assert browser.get("/login/sso").status_code == 404
    assert browser.get("/login/sso/callback?code=x&state=y").status_code == 404


BASE = {
    "BOUNCEBACK_DATABASE_URL": "postgresql+psycopg://u@h/db",
    "BOUNCEBACK_SERVER_SECRET_KEY": SECRET_KEY,
    "BOUNCEBACK_SERVER_PUBLIC_URL": "https://careers.example.edu",
}
SSO = {
    "BOUNCEBACK_SERVER_OIDC_ISSUER": "https://login.uni.org",
    "BOUNCEBACK_SERVER_OIDC_CLIENT_ID": "bounceback",
    "BOUNCEBACK_SERVER_OIDC_CLIENT_SECRET": "the-client-secret",
}


@pytest.mark.parametrize("missing", sorted(SSO))
def test_half_set_sso_refuses_to_start_naming_what_is_missing(missing: str) -> None:
    """GIVEN two of the three SSO variables WHEN the settings load THEN one sentence names the missing one."""
    env = BASE | SSO
    del env[missing]
    with pytest.raises(InvalidInput) as caught:
        load_server_settings(env)
    assert f"{missing} is not" in str(caught.value)


def test_sso_settings_are_read_and_checked_and_the_secret_is_never_shown() -> None:
    """GIVEN the SSO variables WHEN loaded THEN domains are a clean list, self-signup is off by default, the
    secret is not in the settings' repr; an http issuer off loopback, self-signup without an allow-list and a
    stray allow-list without an issuer are refused."""
    loaded = load_server_settings(
        BASE | SSO | {"BOUNCEBACK_SERVER_OIDC_ALLOWED_DOMAINS": " Uni.org, @alumni.uni.org,"}
    )
    assert loaded.sso and loaded.oidc_allowed_domains == ("uni.org", "alumni.uni.org")
    assert loaded.oidc_self_signup is False and loaded.sso_name == "login.uni.org"
    assert "the-client-secret" not in repr(loaded)
    from bounceback.server.sso import describe

    line = describe(loaded)
    assert (
        "https://login.uni.org" in line
        and "uni.org, alumni.uni.org" in line
        and "only people with an account" in line
    )
    assert "the-client-secret" not in line
    with pytest.raises(InvalidInput, match="https address"):
        load_server_settings(BASE | SSO | {"BOUNCEBACK_SERVER_OIDC_ISSUER": "http://login.uni.org"})
    with pytest.raises(InvalidInput, match="ALLOWED_DOMAINS is empty"):
        load_server_settings(BASE | SSO | {"BOUNCEBACK_SERVER_OIDC_SELF_SIGNUP": "yes"})
    with pytest.raises(InvalidInput, match="half set up"):
        load_server_settings(BASE | {"BOUNCEBACK_SERVER_OIDC_ALLOWED_DOMAINS": "uni.org"})
    assert not load_server_settings(BASE).sso


def test_authlib_is_not_imported_until_someone_signs_in_with_it() -> None:
    """GIVEN a fresh interpreter WHEN the CLI and the server's app, routes and settings are imported THEN neither
    Authlib, joserfc nor httpx is loaded (start-up stays fast; SSO loads them on first use)."""
    import subprocess
    import sys

    code = (
        "import sys, bounceback.cli.main, bounceback.server.app, bounceback.server.routes;"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'authlib', 'joserfc', 'httpx', 'httpx2'}))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_an_unreachable_provider_is_told_plainly(make_app: Callable[..., Any]) -> None:
    """GIVEN an issuer where nothing listens WHEN the button is followed THEN the login page says the service
    cannot be reached (502), and no pending sign-in is begun."""
    from tests.servers.postgres import free_port

    app = make_app(oidc_issuer=f"http://127.0.0.1:{free_port()}", oidc_name="")
    response = Browser(app).get("/login/sso")
    assert response.status_code == 502 and "cannot be reached just now" in response.text
    assert "bb_sso=" not in response.headers.get("set-cookie", "")


def test_a_declined_sign_in_and_a_replayed_callback_are_refused(
    app: Any, directory: Directory, oidc_provider: OidcProvider
) -> None:
    """GIVEN a sign-in begun WHEN the provider sends the browser back with an error (the person declined) THEN
    the sentence names it; GIVEN a finished sign-in WHEN its callback URL is opened again THEN refused (its
    pending cookie went with the first), and the session of the first stays the only one."""
    ana = person(directory, "ana@uni.org")
    browser = Browser(app)
    state = parse_qs(urlsplit(begin(browser)).query)["state"][0]
    declined = browser.get("/login/sso/callback?" + urlencode({"error": "access_denied", "state": state}))
    refused(declined, "did not sign you in (access_denied)")
    back = oidc_provider.sign_in(begin(browser), User("ana@uni.org"))
    assert browser.get(back).status_code == 303
    refused(browser.get(back), "not started on this page")
    assert directory.sessions_of(ana.user_id) == 1


def test_the_provider_holds_the_code_to_its_pkce_challenge(
    app: Any, directory: Directory, oidc_provider: OidcProvider
) -> None:
    """GIVEN a code the provider issued against bounceback's PKCE challenge WHEN the callback arrives with a
    pending cookie carrying the right state but another verifier THEN the provider refuses the exchange and so
    does the login page (the verifier really is what binds the code to this browser)."""
    from bounceback.server.sso import PENDING_COOKIE, Pending, PendingBox

    ana = person(directory, "ana@uni.org")
    browser = Browser(app)
    back = oidc_provider.sign_in(begin(browser), User("ana@uni.org"))
    state = parse_qs(urlsplit(back).query)["state"][0]
    forged = PendingBox(SECRET_KEY).seal(Pending(state, "any-nonce", "w" * 64))
    browser.client.cookies.set(PENDING_COOKIE, forged, domain="careers.example.edu", path="/login/sso")
    refused(browser.get(back), "would not finish this sign-in (invalid_grant)")
    assert directory.sessions_of(ana.user_id) == 0


def test_server_run_refuses_half_set_sso_naming_the_missing_variable(tmp_path: Path) -> None:
    """GIVEN the server's settings and an SSO issuer and client id but no client secret WHEN `server run` starts
    THEN it exits 1 naming the secret's variable, with no traceback, and shows no setting's value."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith("BOUNCEBACK_SERVER")}
    env |= BASE | {"BOUNCEBACK_HOME": str(tmp_path)} | SSO
    del env["BOUNCEBACK_SERVER_OIDC_CLIENT_SECRET"]
    done = subprocess.run(
        [sys.executable, "-m", "bounceback", "server", "run"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "BOUNCEBACK_SERVER_OIDC_CLIENT_SECRET is not" in done.stderr and SECRET_KEY not in done.stderr
