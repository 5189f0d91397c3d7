"""Business days: weekends and public holidays skipped, so a follow-up never falls due on a Sunday or a bank
holiday. The holidays come in as plain dates; which country's they are is decided outside the domain."""

from __future__ import annotations

from collections.abc import Container
from datetime import UTC, date, datetime, time, timedelta, tzinfo

MORNING = time(9)  # when a reminder for a day starts to show
END_OF_DAY = time(17)  # when a reminder for a day counts as late
NO_HOLIDAYS: frozenset[date] = frozenset()


def is_business_day(day: date, holidays: Container[date] = NO_HOLIDAYS) -> bool:
    """Monday to Friday, and not a public holiday."""
    return day.weekday() < 5 and day not in holidays


def add_business_days(day: date, count: int, holidays: Container[date] = NO_HOLIDAYS) -> date:
    """The day `count` business days after `day` (Friday + 1 is Monday; `day` itself never counts)."""
    current, left = day, count
    while left > 0:
        current += timedelta(days=1)
        if is_business_day(current, holidays):
            left -= 1
    return current


def business_days_between(start: date, end: date, holidays: Container[date] = NO_HOLIDAYS) -> int:
    """How many business days lie after `start` up to and including `end` (0 when `end` is not later)."""
    days = (end - start).days
    return sum(1 for n in range(1, days + 1) if is_business_day(start + timedelta(days=n), holidays))


def local_day(moment: datetime, zone: tzinfo) -> date:
    """The calendar day a moment falls on for the person."""
    return moment.astimezone(zone).date()


def at_local(day: date, clock: time, zone: tzinfo) -> datetime:
    """A wall-clock time on a day in the person's zone, as an aware UTC moment (daylight saving included)."""
    return datetime.combine(day, clock, tzinfo=zone).astimezone(UTC)
