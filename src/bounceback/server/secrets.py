"""IMAP secrets in server mode, encrypted at rest with the server's key (Fernet: AES-128-CBC with an HMAC),
kept in the person's own row-secured table; never logged, never exported (the JSON export never reads them)."""

from __future__ import annotations

import base64

from bounceback.domain.errors import InvalidInput
from bounceback.server.config import derived_key
from bounceback.workspace.server import Directory


class SecretBox:
    """Encrypts and decrypts one server's secrets with a key derived from BOUNCEBACK_SERVER_SECRET_KEY."""

    def __init__(self, server_key: str) -> None:
        from cryptography.fernet import Fernet

        digest = derived_key(server_key, "imap-secrets")
        self._fernet = Fernet(base64.urlsafe_b64encode(digest))

    def seal(self, secret: str) -> str:
        return self._fernet.encrypt(secret.encode()).decode()

    def open(self, token: str) -> str:
        from cryptography.fernet import InvalidToken

        try:
            return self._fernet.decrypt(token.encode()).decode()
        except InvalidToken:
            raise InvalidInput(
                "A stored mail password cannot be read with this server's key (was BOUNCEBACK_SERVER_SECRET_KEY "
                "changed?); enter the password again."
            ) from None

    def keep(self, directory: Directory, owner_id: int, account_name: str, secret: str) -> None:
        """Store one person's IMAP secret, encrypted."""
        directory.put_secret(owner_id, account_name, self.seal(secret))

    def read(self, directory: Directory, owner_id: int, account_name: str) -> str | None:
        """One person's IMAP secret in clear, or None when none is kept."""
        token = directory.secret(owner_id, account_name)
        return None if token is None else self.open(token)
