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


class KeyringProblem(InvalidInput):
    """The system keyring could not keep, read or delete a secret; `problem` says why, in a few words."""

    def __init__(self, account_name: str, problem: str) -> None:
        self.problem = problem
        self.hint = (
            f"Set the environment variable {env_variable(account_name)} to the password and run the command "
            "again without --store-secret."
        )
        super().__init__(
            f"{problem}; set the environment variable {env_variable(account_name)} to the password instead."
        )


def _no_keyring(account_name: str, problem: str) -> KeyringProblem:
    return KeyringProblem(account_name, problem)


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


def delete_secret(account_name: str, username: str) -> bool:
    """Remove an account's secret from the keyring; False when none was there (or there is no keyring)."""
    import keyring
    from keyring.errors import NoKeyringError, PasswordDeleteError

    try:
        keyring.delete_password(KEYRING_SERVICE, keyring_user(account_name, username))
    except (PasswordDeleteError, NoKeyringError):
        return False
    except Exception as exc:  # any backend's own failure: the secret may still be there
        raise _no_keyring(
            account_name, f"The system keyring refused to delete the password ({type(exc).__name__})"
        ) from None
    return True


def stored_secret(account_name: str, username: str) -> str | None:
    """The secret the keyring holds for an account, or None (no entry, or no usable keyring)."""
    import keyring

    try:
        return keyring.get_password(KEYRING_SERVICE, keyring_user(account_name, username)) or None
    except Exception:  # as in get_secret: a keyring that cannot be read holds nothing we can use
        return None


def secret_source(account_name: str, username: str) -> str:
    """Where the account's secret would come from, in words (never the secret itself)."""
    for variable in (env_variable(account_name), ENV_PREFIX):
        if os.environ.get(variable):
            return f"password from {variable}"
    if stored_secret(account_name, username):
        return "password in the system keyring"
    return f"no password yet (set {env_variable(account_name)} or use --store-secret)"
