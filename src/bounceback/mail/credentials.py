"""IMAP passwords and OAuth tokens: from an environment variable or the system keyring, never the database or logs."""

from __future__ import annotations

import os
import re

from bounceback.domain.errors import InvalidInput

KEYRING_SERVICE = "bounceback"
ENV_PREFIX = "BOUNCEBACK_IMAP_PASSWORD"


def env_variable(account_name: str) -> str:
    """The environment variable holding one account's secret, e.g. BOUNCEBACK_IMAP_PASSWORD_WORK_MAIL."""
    return f"{ENV_PREFIX}_{re.sub(r'[^A-Z0-9]', '_', account_name.upper())}"


def keyring_user(account_name: str, username: str) -> str:
    """The keyring entry's user name: account and login together, so two accounts never share a secret."""
    return f"{account_name}:{username}"


def _no_keyring(account_name: str, problem: str) -> InvalidInput:
    return InvalidInput(
        f"{problem}; set the environment variable {env_variable(account_name)} to the password instead."
    )


def get_secret(account_name: str, username: str) -> str:
    """The secret for an account: its own environment variable, the shared one, then the keyring."""
    for variable in (env_variable(account_name), ENV_PREFIX):
        value = os.environ.get(variable)
        if value:
            return value
    import keyring

    try:
        secret = keyring.get_password(KEYRING_SERVICE, keyring_user(account_name, username))
    except (
        Exception
    ) as exc:  # backends raise their own errors (D-Bus, locked collections), not only KeyringError
        raise _no_keyring(
            account_name, f"The system keyring could not be read ({type(exc).__name__})"
        ) from None
    if not secret:
        raise InvalidInput(
            f"No password is stored for the IMAP account {account_name!r} ({username}); "
            f"set {env_variable(account_name)} or store it in the system keyring."
        )
    return secret


def set_secret(account_name: str, username: str, secret: str) -> None:
    """Keep a secret in the system keyring (bounceback never writes it anywhere else)."""
    import keyring
    from keyring.errors import NoKeyringError

    entry = keyring_user(account_name, username)
    try:
        keyring.set_password(KEYRING_SERVICE, entry, secret)
        kept = keyring.get_password(KEYRING_SERVICE, entry) == secret
    except NoKeyringError:
        raise _no_keyring(account_name, "No system keyring is available here") from None
    except Exception as exc:  # as above: any backend's failure means the secret was not kept
        raise _no_keyring(
            account_name, f"The system keyring refused the password ({type(exc).__name__})"
        ) from None
    if not kept:
        raise _no_keyring(account_name, "The system keyring did not keep the password")
