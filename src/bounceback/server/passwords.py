"""Passwords: hashed with Argon2id (argon2-cffi's defaults, which follow RFC 9106's recommendations), checked
in constant time, rehashed when the parameters grow. A password is never stored, logged or passed as an
argument."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from bounceback.domain.errors import InvalidInput

if TYPE_CHECKING:
    from argon2 import PasswordHasher

MIN_LENGTH = 10
MAX_LENGTH = 1024


@lru_cache(maxsize=1)
def _hasher() -> PasswordHasher:
    try:
        from argon2 import PasswordHasher, Type
    except ImportError:
        raise InvalidInput(
            "Server mode needs the server extra: pip install 'bounceback[server]' (argon2-cffi, cryptography)."
        ) from None
    return PasswordHasher(type=Type.ID)


def check_strength(password: str) -> str:
    """A new password, checked for length only (NIST SP 800-63B: length over composition rules)."""
    if len(password) < MIN_LENGTH:
        raise InvalidInput(
            f"That password is {len(password)} characters long; it needs at least {MIN_LENGTH}."
        )
    if len(password) > MAX_LENGTH:
        raise InvalidInput(f"That password is longer than {MAX_LENGTH} characters.")
    return password


def hash_password(password: str) -> str:
    """The Argon2id hash of a new password (checked first)."""
    return _hasher().hash(check_strength(password))


def verify(stored_hash: str, password: str) -> bool:
    """Whether a password matches its stored hash."""
    from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

    try:
        return bool(_hasher().verify(stored_hash, password))
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    """Whether a hash was made with weaker parameters than today's."""
    try:
        return bool(_hasher().check_needs_rehash(stored_hash))
    except Exception:
        return False


@lru_cache(maxsize=1)
def dummy_hash() -> str:
    """A hash to check against when the email is unknown, so both answers take as long."""
    return _hasher().hash("not anyone's password at all")
