"""Single sign-on with OpenID Connect (Authlib): the authorization-code flow with PKCE, `state` and `nonce`.

    sso = SingleSignOn(config)
    url, sealed = await sso.start()                  # where the browser goes; the pending cookie it keeps
    email = await sso.finish(query, sealed)          # the verified, allowed email address, or Refused
    account = admit(directory, config, email)        # the active account of that email (or a new seeker)

What is pending between the two halves (state, nonce, PKCE verifier) travels in a short-lived cookie that only
this server can read (Fernet: encrypted and signed with a key derived from BOUNCEBACK_SERVER_SECRET_KEY), so
nothing is stored and any worker can finish what another began. The ID token is checked as OpenID Connect
Core says: its signature against the provider's published keys, then issuer, audience, expiry and nonce.
Every refusal is one plain sentence (`Refused`); the client secret is never logged or shown. Authlib and httpx
are imported here only, and this module only when someone signs in this way.
"""

from __future__ import annotations

import base64
import hmac
import importlib
import json
import secrets
from dataclasses import dataclass
from typing import Any, cast

from bounceback.domain.accounts import Account, Role, clean_email
from bounceback.domain.errors import InvalidInput
from bounceback.server.config import ServerSettings, derived_key
from bounceback.workspace.server import Directory

PENDING_COOKIE = "bb_sso"
PENDING_PATH = "/login/sso"  # the cookie goes to the start and the callback only
CALLBACK_PATH = "/login/sso/callback"
PENDING_SECONDS = 600  # a sign-in not finished in ten minutes is begun again
SCOPE = "openid email profile"
# Public-key signatures only: an HMAC "signature" would be keyed with the client secret, and "none" is none.
ALGORITHMS = ("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA")
LEEWAY = 60  # seconds of clock difference allowed between this server and the provider
TIMEOUT = 10.0
ENDPOINTS = ("authorization_endpoint", "token_endpoint", "jwks_uri")  # what the discovery document must name

START_AGAIN = "This sign-in was not started on this page, or took longer than ten minutes; start it again."
NOT_VERIFIED = (
    "The sign-in service has not confirmed that {email} is yours, so it cannot sign you in here; "
    "confirm the address with the service, or log in with your password."
)
NOT_ALLOWED = (
    "Sign-in with addresses at {domain} is not open on this server; use your organisation's address."
)
NO_ACCOUNT = (
    "There is no account here for {email}; ask your career-services office to add you, then sign in again."
)
CLOSED = "The account of {email} can no longer sign in here; your career-services office can reopen it."
UNTRUSTED = (
    "The sign-in service's answer could not be trusted ({why}), so nobody was signed in; start it again."
)


def _http_errors() -> tuple[type[Exception], ...]:
    """Transport failures of httpx, and of httpx2, which Authlib's client prefers when it is installed, and
    answers that are not JSON."""
    found: list[type[Exception]] = [ValueError]
    for name in ("httpx2", "httpx"):
        try:
            found.append(importlib.import_module(name).HTTPError)
        except ImportError:
            continue
    return tuple(found)


def check_installed() -> None:
    """Refuse to start a server with single sign-on set up but Authlib missing (found without importing it)."""
    from importlib.util import find_spec

    missing = [name for name in ("authlib", "httpx", "cryptography") if find_spec(name) is None]
    if missing:
        raise InvalidInput(
            f"Single sign-on is set up but {' and '.join(missing)} "
            f"{'is' if len(missing) == 1 else 'are'} not installed: pip install 'bounceback[server]'."
        )


def describe(config: ServerSettings) -> str:
    """One line for `server run`: who signs people in, and who may (the secret never shown)."""
    domains = ", ".join(config.oidc_allowed_domains) or "any domain"
    signup = "new people get a seeker account" if config.oidc_self_signup else "only people with an account"
    return f"single sign-on with {config.oidc_issuer} ({domains}; {signup})"


class Refused(Exception):
    """A sign-in that cannot go on, as the one sentence the login page shows."""

    def __init__(self, sentence: str, status: int = 400) -> None:
        super().__init__(sentence)
        self.sentence, self.status = sentence, status


@dataclass(frozen=True)
class Pending:
    """What the callback must match: the state sent, the nonce the ID token must carry, the PKCE verifier."""

    state: str
    nonce: str
    verifier: str


class PendingBox:
    """Seals and opens the pending cookie (Fernet, with its own key derived from the server's secret)."""

    def __init__(self, server_key: str) -> None:
        from cryptography.fernet import Fernet

        digest = derived_key(server_key, "sso-pending")
        self._fernet = Fernet(base64.urlsafe_b64encode(digest))

    def seal(self, pending: Pending, *, at: int | None = None) -> str:
        data = json.dumps({"s": pending.state, "n": pending.nonce, "v": pending.verifier}).encode()
        token = self._fernet.encrypt(data) if at is None else self._fernet.encrypt_at_time(data, at)
        return token.decode()

    def open(self, sealed: str | None) -> Pending | None:
        """The pending sign-in, or None when the cookie is missing, not ours, edited or too old."""
        from cryptography.fernet import InvalidToken

        if not sealed:
            return None
        try:
            data = json.loads(self._fernet.decrypt(sealed.encode(), ttl=PENDING_SECONDS))
            return Pending(str(data["s"]), str(data["n"]), str(data["v"]))
        except (InvalidToken, ValueError, KeyError, TypeError):
            return None


class SingleSignOn:
    """One worker's client of the configured provider (its discovery document and keys, fetched once)."""

    def __init__(self, config: ServerSettings) -> None:
        self.config = config
        self.box = PendingBox(config.secret_key)
        self.redirect_uri = config.origin + CALLBACK_PATH
        self._metadata: dict[str, Any] | None = None
        self._keys: dict[str, Any] | None = None

    @property
    def unreachable(self) -> str:
        return (
            f"The sign-in service ({self.config.sso_name}) cannot be reached just now; try again in a "
            "moment, or log in with your password."
        )

    async def _get_json(self, url: str) -> dict[str, Any]:
        import httpx

        try:
            async with httpx.AsyncClient(timeout=TIMEOUT, follow_redirects=False) as client:
                response = await client.get(url, headers={"accept": "application/json"})
            response.raise_for_status()
            found = response.json()
        except _http_errors():
            raise Refused(self.unreachable, 502) from None
        if not isinstance(found, dict):
            raise Refused(self.unreachable, 502)
        return found

    async def metadata(self) -> dict[str, Any]:
        """The provider's discovery document, checked to be the configured issuer's own."""
        if self._metadata is None:
            issuer = self.config.oidc_issuer
            found = await self._get_json(issuer.rstrip("/") + "/.well-known/openid-configuration")
            if found.get("issuer") != issuer:
                raise Refused(
                    f"The sign-in service at {issuer} describes itself as another issuer "
                    f"(“{str(found.get('issuer'))[:100]}”), so it is not used; check BOUNCEBACK_SERVER_OIDC_ISSUER.",
                    502,
                )
            missing = [k for k in ENDPOINTS if not isinstance(found.get(k), str)]
            if missing:
                raise Refused(
                    f"The sign-in service at {issuer} does not say where its {_words(missing)} "
                    f"{'is' if len(missing) == 1 else 'are'}, so it cannot be used.",
                    502,
                )
            self._metadata = found
        return self._metadata

    async def keys(self, *, fresh: bool = False) -> dict[str, Any]:
        """The provider's published signing keys (a JWK set), fetched again when asked (keys rotate)."""
        if self._keys is None or fresh:
            self._keys = await self._get_json((await self.metadata())["jwks_uri"])
        return self._keys

    def _client(self) -> Any:
        from authlib.integrations.httpx_client import AsyncOAuth2Client

        return AsyncOAuth2Client(
            client_id=self.config.oidc_client_id,
            client_secret=self.config.oidc_client_secret,
            scope=SCOPE,
            redirect_uri=self.redirect_uri,
            code_challenge_method="S256",
            timeout=TIMEOUT,
        )

    async def start(self) -> tuple[str, str]:
        """The provider's authorization URL for a new sign-in, and the sealed pending cookie that goes with it."""
        from authlib.common.security import generate_token

        metadata = await self.metadata()
        pending = Pending(state=generate_token(32), nonce=generate_token(32), verifier=generate_token(64))
        async with self._client() as client:
            url, _ = client.create_authorization_url(
                metadata["authorization_endpoint"],
                state=pending.state,
                code_verifier=pending.verifier,
                nonce=pending.nonce,
            )
        return str(url), self.box.seal(pending)

    async def finish(self, query: dict[str, str], sealed: str | None) -> str:
        """The email address the provider vouches for, after every check; Refused with a sentence otherwise."""
        pending = self.box.open(sealed)
        if pending is None or not hmac.compare_digest(
            query.get("state", "").encode(), pending.state.encode()
        ):
            raise Refused(START_AGAIN)
        if "error" in query:
            raise Refused(
                f"The sign-in service did not sign you in ({query['error'][:60]}); "
                "try again, or log in with your password."
            )
        code = query.get("code", "")
        if not code:
            raise Refused(START_AGAIN)
        token = await self._exchange(code, pending)
        claims = await self._id_token_claims(token, pending)
        return self._allowed_email(claims)

    async def _exchange(self, code: str, pending: Pending) -> dict[str, Any]:
        from authlib.integrations.base_client import OAuthError

        metadata = await self.metadata()
        try:
            async with self._client() as client:
                token = await client.fetch_token(
                    metadata["token_endpoint"],
                    grant_type="authorization_code",
                    code=code,
                    code_verifier=pending.verifier,
                )
        except OAuthError as error:
            raise Refused(
                f"The sign-in service would not finish this sign-in ({str(error.error)[:60]}); start it again."
            ) from None
        except _http_errors():
            raise Refused(self.unreachable, 502) from None
        if not isinstance(token.get("id_token"), str):
            raise Refused(UNTRUSTED.format(why="it sent no ID token"))
        return dict(token)

    async def _id_token_claims(self, token: dict[str, Any], pending: Pending) -> dict[str, Any]:
        """The ID token's claims: signed by one of the provider's keys, for this client, unexpired, our nonce."""
        from authlib.oidc.core import CodeIDToken
        from joserfc import jwt
        from joserfc.errors import (
            BadSignatureError,
            ExpiredTokenError,
            InvalidClaimError,
            InvalidKeyIdError,
            JoseError,
            MissingClaimError,
        )
        from joserfc.jwk import KeySet

        algorithms = [
            alg
            for alg in (await self.metadata()).get("id_token_signing_alg_values_supported") or ["RS256"]
            if alg in ALGORITHMS
        ]

        async def decoded(*, fresh: bool) -> Any:
            return jwt.decode(
                token["id_token"],
                KeySet.import_key_set(cast(Any, await self.keys(fresh=fresh))),
                algorithms=algorithms,
            )

        try:
            try:
                found = await decoded(fresh=False)
            except InvalidKeyIdError:  # signed with a key newer than the set fetched: fetch it again, once
                found = await decoded(fresh=True)
            claims = CodeIDToken(
                found.claims,
                found.header,
                {
                    "iss": {"essential": True, "value": (await self.metadata())["issuer"]},
                    "aud": {"essential": True, "value": self.config.oidc_client_id},
                    "exp": {"essential": True},
                    "nonce": {"essential": True, "value": pending.nonce},
                },
                {
                    "nonce": pending.nonce,
                    "client_id": self.config.oidc_client_id,
                    "access_token": token.get("access_token"),
                },
            )
            claims.validate(leeway=LEEWAY)
        except ExpiredTokenError:
            raise Refused(UNTRUSTED.format(why="its ID token has expired")) from None
        except (InvalidClaimError, MissingClaimError) as error:
            raise Refused(
                UNTRUSTED.format(why=f"its ID token's “{_claim(error)}” is not this sign-in's")
            ) from None
        except (BadSignatureError, InvalidKeyIdError):
            raise Refused(UNTRUSTED.format(why="its ID token is not signed by the service's keys")) from None
        except (JoseError, ValueError, TypeError):
            raise Refused(UNTRUSTED.format(why="its ID token cannot be read")) from None
        return dict(claims)

    def _allowed_email(self, claims: dict[str, Any]) -> str:
        raw = claims.get("email")
        if not isinstance(raw, str) or not raw.strip():
            raise Refused(
                "The sign-in service did not share your email address, so no account can be found for you; "
                "log in with your password."
            )
        try:
            email = clean_email(raw)
        except InvalidInput:
            raise Refused(UNTRUSTED.format(why="its email address is not one")) from None
        verified = claims.get("email_verified")
        if not (verified is True or (isinstance(verified, str) and verified.lower() == "true")):
            raise Refused(NOT_VERIFIED.format(email=email), 403)
        domain = email.rpartition("@")[2]
        allowed = self.config.oidc_allowed_domains
        if allowed and domain not in allowed:
            raise Refused(NOT_ALLOWED.format(domain=domain), 403)
        return email


def _words(names: list[str]) -> str:
    return " and ".join(name.replace("_", " ") for name in names)


def _claim(error: Exception) -> str:
    """The claim a joserfc claim error names."""
    return str(getattr(error, "claim", "") or "a claim")[:40]


def admit(directory: Directory, config: ServerSettings, email: str) -> Account:
    """The active account of a verified email; with self-signup on, a new seeker when there is none (their
    password a random one nobody knows: they sign in this way, or an admin sets one)."""
    found = directory.account_by_email(email)
    if found is None:
        if not config.oidc_self_signup:
            raise Refused(NO_ACCOUNT.format(email=email), 403)
        from bounceback.server.passwords import hash_password

        try:
            return directory.add_account(email, hash_password(secrets.token_urlsafe(32)), Role.SEEKER)
        except InvalidInput:  # made a moment ago by a sign-in in another tab
            found = directory.account_by_email(email)
            if found is None:
                raise
    account = found[0]
    if not account.active:
        raise Refused(CLOSED.format(email=email), 403)
    return account
