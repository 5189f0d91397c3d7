"""Login rate limits, per account and per address: after a few wrong passwords each try waits longer (2, 4,
8… seconds), then the account or the address is locked for a while; the person is told which, and for how long."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from bounceback.workspace.server import Directory

WINDOW = timedelta(minutes=15)  # failures older than this are forgotten; it is also how long a lock lasts
ACCOUNT_BACKOFF_AFTER = 3  # failures before each further try must wait
ACCOUNT_LOCK_AFTER = 5
ADDRESS_BACKOFF_AFTER = 10  # an office's people may share one address (a campus NAT), so it is looser
ADDRESS_LOCK_AFTER = 20


@dataclass(frozen=True)
class Limit:
    """Why a login cannot be tried now, and until when."""

    sentence: str
    until: datetime


def _minutes(delta: timedelta) -> str:
    minutes = max(1, round(delta.total_seconds() / 60))
    return f"{minutes} minute{'s' if minutes != 1 else ''}"


def _seconds(delta: timedelta) -> str:
    seconds = max(1, round(delta.total_seconds()))
    return f"{seconds} second{'s' if seconds != 1 else ''}"


def _judge(
    failures: list[datetime], backoff_after: int, lock_after: int, now: datetime, who: str
) -> Limit | None:
    if not failures:
        return None
    last = failures[-1]
    if len(failures) >= lock_after:
        until = failures[len(failures) - lock_after] + WINDOW  # when the count falls below the limit again
        return Limit(
            f"There were {len(failures)} wrong passwords for {who} in a row, so logging in is paused for "
            f"{_minutes(until - now)}. Your data is safe; an admin can reset the password if it is lost.",
            until,
        )
    if len(failures) >= backoff_after:
        until = last + timedelta(seconds=2 ** (len(failures) - backoff_after + 1))
        if until > now:
            return Limit(f"Please wait {_seconds(until - now)} before trying again ({who}).", until)
    return None


def check(directory: Directory, email: str, address: str, now: datetime) -> Limit | None:
    """The limit that stops a login try now, if any (the account's first, then the address's)."""
    since = now - WINDOW
    tried = directory.failures(since=since, email=email)
    account = _judge(tried, ACCOUNT_BACKOFF_AFTER, ACCOUNT_LOCK_AFTER, now, "this account")
    if account is not None:
        return account
    tried = directory.failures(since=since, address=address)
    return _judge(tried, ADDRESS_BACKOFF_AFTER, ADDRESS_LOCK_AFTER, now, "this address")
