"""A real OpenID Connect provider for the tests, on a free loopback port in a thread of the test process.

Built from Authlib's server parts: its AuthorizationServer with the authorization-code grant, PKCE (S256,
required) and OpenID Connect's `OpenIDCode` (the ID token, RS256-signed with a key whose public half it serves
as a JWK set), behind the standard library's HTTP server. It has a discovery document, an authorization
endpoint that approves at once whoever its own login cookie names, a token endpoint (client_secret_basic) and
the JWKS. A test chooses who signs in, and may have the provider misbehave (claims put over the true ones, a
key that is not the published one) to see that bounceback refuses what it must.

    url = provider.sign_in(authorize_url, User("ana@uni.org"))   # the callback URL the browser is sent to
"""

from __future__ import annotations

import json
import secrets
import threading
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

CLIENT_ID = "bounceback-test"
REDIRECT_URI = "https://careers.example.edu/login/sso/callback"
LOGIN_COOKIE = "op_user"  # the provider's own login, as its browser holds it


@dataclass
class User:
    """A person with an account at the provider, and how the provider should speak of them."""

    email: str
    email_verified: bool = True
    sub: str = field(default_factory=lambda: secrets.token_hex(8))
    claims: dict[str, Any] = field(default_factory=dict)  # put over the ID token's true claims (aud, nonce…)
    foreign_key: bool = False  # sign the ID token with a key the provider does not publish


@dataclass
class Client:
    """The one registered client: bounceback."""

    client_id: str
    client_secret: str
    redirect_uris: list[str]

    def get_client_id(self) -> str:
        return self.client_id

    def get_default_redirect_uri(self) -> str:
        return self.redirect_uris[0]

    def get_allowed_scope(self, scope: str | None) -> str:
        wanted = (scope or "").split()
        return " ".join(s for s in wanted if s in ("openid", "email", "profile"))

    def check_redirect_uri(self, redirect_uri: str) -> bool:
        return redirect_uri in self.redirect_uris

    def check_client_secret(self, client_secret: str) -> bool:
        return secrets.compare_digest(client_secret, self.client_secret)

    def check_endpoint_auth_method(self, method: str, endpoint: str) -> bool:
        return method == "client_secret_basic"

    def check_response_type(self, response_type: str) -> bool:
        return response_type == "code"

    def check_grant_type(self, grant_type: str) -> bool:
        return grant_type == "authorization_code"


@dataclass
class Code:
    """An authorization code waiting to be exchanged once."""

    code: str
    client_id: str
    redirect_uri: str
    scope: str
    user: User
    nonce: str | None
    code_challenge: str | None
    code_challenge_method: str | None

    def get_redirect_uri(self) -> str:
        return self.redirect_uri

    def get_scope(self) -> str:
        return self.scope

    def get_nonce(self) -> str | None:
        return self.nonce

    def get_auth_time(self) -> None:
        return None

    def get_acr(self) -> None:
        return None

    def get_amr(self) -> None:
        return None


class OidcProvider:
    """The provider: Authlib's authorization server, its users, codes and keys, on http://127.0.0.1:PORT."""

    def __init__(self) -> None:
        from joserfc.jwk import RSAKey

        self.key = RSAKey.generate_key(2048, parameters={"kid": "op-1", "use": "sig", "alg": "RS256"})
        # Same key id, another key: a token signed with it must fail the signature check, not the key lookup.
        self.foreign = RSAKey.generate_key(2048, parameters={"kid": "op-1", "use": "sig", "alg": "RS256"})
        self.client = Client(CLIENT_ID, secrets.token_urlsafe(24), [REDIRECT_URI])
        self.users: dict[str, User] = {}
        self.codes: dict[str, Code] = {}
        self.tokens_issued = 0
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.issuer = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        self.server, self.request_class = _authorization_server(self)
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    def start(self) -> OidcProvider:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    @property
    def metadata(self) -> dict[str, Any]:
        return {
            "issuer": self.issuer,
            "authorization_endpoint": f"{self.issuer}/authorize",
            "token_endpoint": f"{self.issuer}/token",
            "jwks_uri": f"{self.issuer}/jwks",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "scopes_supported": ["openid", "email", "profile"],
            "token_endpoint_auth_methods_supported": ["client_secret_basic"],
            "code_challenge_methods_supported": ["S256"],
            "claims_supported": ["sub", "email", "email_verified", "name"],
        }

    def register_redirect(self, redirect_uri: str) -> None:
        """Another callback address the client may be sent back to (a live server on a loopback port)."""
        if redirect_uri not in self.client.redirect_uris:
            self.client.redirect_uris.append(redirect_uri)

    def log_in(self, user: User) -> str:
        """Give `user` an account at the provider; the value of the provider's login cookie for them."""
        self.users[user.sub] = user
        return user.sub

    def sign_in(self, authorize_url: str, user: User) -> str:
        """As the person's browser at the provider, logged in there as `user`: where the provider sends it."""
        import httpx

        assert authorize_url.startswith(self.metadata["authorization_endpoint"] + "?"), authorize_url
        cookie = self.log_in(user)
        response = httpx.get(authorize_url, cookies={LOGIN_COOKIE: cookie}, follow_redirects=False)
        assert response.status_code == 302, response.text
        return str(response.headers["location"])


def _authorization_server(provider: OidcProvider) -> tuple[Any, Any]:
    from authlib.common.security import generate_token
    from authlib.oauth2.rfc6749 import AuthorizationServer, OAuth2Payload, OAuth2Request, grants
    from authlib.oauth2.rfc6750 import BearerTokenGenerator
    from authlib.oauth2.rfc7636 import CodeChallenge
    from authlib.oidc.core import OpenIDCode

    class Payload(OAuth2Payload):
        def __init__(self, values: dict[str, list[str]]) -> None:
            self._values = values

        @property
        def data(self) -> dict[str, str]:
            return {k: v[0] for k, v in self._values.items()}

        @property
        def datalist(self) -> defaultdict[str, list[str]]:
            return defaultdict(list, self._values)

    class Request(OAuth2Request):
        def __init__(self, method: str, uri: str, headers: Any, query: str, body: str) -> None:
            super().__init__(method, uri, headers=headers)
            self._query = parse_qs(query, keep_blank_values=True)
            self._form = parse_qs(body, keep_blank_values=True)
            merged: dict[str, list[str]] = defaultdict(list)
            for values in (self._query, self._form):
                for key, found in values.items():
                    merged[key].extend(found)
            self.payload = Payload(dict(merged))

        @property
        def args(self) -> dict[str, str]:
            return {k: v[0] for k, v in self._query.items()}

        @property
        def form(self) -> dict[str, str]:
            return {k: v[0] for k, v in self._form.items()}

    class Server(AuthorizationServer):
        def query_client(self, client_id: str) -> Client | None:
            return provider.client if client_id == provider.client.client_id else None

        def save_token(self, token: dict[str, Any], request: Any) -> None:
            provider.tokens_issued += 1

        def send_signal(self, name: str, *args: Any, **kwargs: Any) -> None:
            return None

        def create_oauth2_request(self, request: Any) -> Any:
            return request

        def create_json_request(self, request: Any) -> Any:
            return request

        def handle_response(self, status: int, body: Any, headers: Any) -> tuple[int, str, list[Any]]:
            text = body if isinstance(body, str) else json.dumps(body)
            return status, text, list(headers)

    class CodeGrant(grants.AuthorizationCodeGrant):
        TOKEN_ENDPOINT_AUTH_METHODS = ["client_secret_basic"]  # noqa: RUF012  (as Authlib declares it)

        def save_authorization_code(self, code: str, request: Any) -> None:
            data = request.payload.data
            provider.codes[code] = Code(
                code=code,
                client_id=request.client.client_id,
                redirect_uri=request.payload.redirect_uri,
                scope=request.scope,
                user=request.user,
                nonce=data.get("nonce"),
                code_challenge=data.get("code_challenge"),
                code_challenge_method=data.get("code_challenge_method"),
            )

        def query_authorization_code(self, code: str, client: Client) -> Code | None:
            found = provider.codes.get(code)
            return found if found is not None and found.client_id == client.client_id else None

        def delete_authorization_code(self, authorization_code: Code) -> None:
            provider.codes.pop(authorization_code.code, None)

        def authenticate_user(self, authorization_code: Code) -> User:
            return authorization_code.user

    signing = threading.local()

    class IdToken(OpenIDCode):
        def exists_nonce(self, nonce: str, request: Any) -> bool:
            return any(code.nonce == nonce for code in provider.codes.values())

        def get_client_claims(self, client: Client) -> dict[str, Any]:
            return {"iss": provider.issuer}

        def get_encode_header(self, client: Client) -> dict[str, str]:
            return {"alg": "RS256", "kid": "op-1", "typ": "JWT"}

        def encode_id_token(self, token: dict[str, Any], request: Any) -> str:
            signing.user = request.user
            return str(super().encode_id_token(token, request))

        def resolve_client_private_key(self, client: Client) -> Any:
            return provider.foreign if signing.user.foreign_key else provider.key

        def generate_user_info(self, user: User, scope: str) -> dict[str, Any]:
            info: dict[str, Any] = {"sub": user.sub}
            if "email" in scope.split():
                info |= {"email": user.email, "email_verified": user.email_verified}
            return info | user.claims

    server = Server(scopes_supported=["openid", "email", "profile"])
    server.register_token_generator(
        "default", BearerTokenGenerator(access_token_generator=lambda **_: generate_token(42))
    )
    server.register_grant(CodeGrant, [CodeChallenge(required=True), IdToken(require_nonce=True)])
    return server, Request


def _handler(provider: OidcProvider) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            return None

        def _answer(self, status: int, body: str, headers: list[tuple[str, str]]) -> None:
            data = body.encode()
            self.send_response(status)
            for name, value in headers:
                self.send_header(name, value)
            if not any(name.lower() == "content-type" for name, _ in headers):
                self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _request(self, body: str = "") -> Any:
            parts = urlsplit(self.path)
            return provider.request_class(
                self.command, provider.issuer + self.path, self.headers, parts.query, body
            )

        def do_GET(self) -> None:
            path = urlsplit(self.path).path
            if path == "/.well-known/openid-configuration":
                self._answer(200, json.dumps(provider.metadata), [])
            elif path == "/jwks":
                self._answer(200, json.dumps({"keys": [provider.key.as_dict(private=False)]}), [])
            elif path == "/authorize":
                self._authorize()
            else:
                self._answer(404, json.dumps({"error": "not_found"}), [])

        def _authorize(self) -> None:
            from authlib.oauth2.rfc6749 import OAuth2Error

            jar = {}
            for part in (self.headers.get("Cookie") or "").split(";"):
                name, _, value = part.strip().partition("=")
                jar[name] = value
            user = provider.users.get(jar.get(LOGIN_COOKIE, ""))
            if user is None:
                self._answer(401, "Log in at the provider first.", [("Content-Type", "text/plain")])
                return
            request = self._request()
            try:
                grant = provider.server.get_consent_grant(request, end_user=user)
            except OAuth2Error as error:
                self._answer(400, json.dumps(dict(error.get_body())), [])
                return
            self._answer(
                *provider.server.create_authorization_response(request, grant_user=user, grant=grant)
            )

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length).decode()
            if urlsplit(self.path).path != "/token":
                self._answer(404, json.dumps({"error": "not_found"}), [])
                return
            self._answer(*provider.server.create_token_response(self._request(body)))

    return Handler


@pytest.fixture(scope="session")
def oidc_provider() -> Iterator[OidcProvider]:
    """One provider for the whole run; each test signs in users of its own."""
    provider = OidcProvider().start()
    yield provider
    provider.stop()
