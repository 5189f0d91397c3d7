"""Read dates and times as people type them: ISO, or phrases like "tomorrow 3pm" or "next Tuesday 10:00 Europe/Berlin"."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bounceback.domain.errors import InvalidInput

_ZONE_AT_END = re.compile(r"\s+([A-Za-z]+(?:/[A-Za-z0-9_+\-]+)+|UTC|GMT)$")


def local_zone(name: str = "") -> tzinfo:
    """The person's zone: the configured IANA name, else the system's."""
    if name:
        return zone(name)
    local = datetime.now().astimezone().tzinfo
    return local or UTC


def zone(name: str) -> ZoneInfo:
    """An IANA zone, or a plain sentence when the name is unknown."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidInput(
            f"“{name}” is not a time zone name like Europe/Berlin or America/New_York."
        ) from None


def split_zone(text: str) -> tuple[str, str | None]:
    """Take a trailing IANA zone name off a phrase: 'Tuesday 10:00 Europe/Berlin' → ('Tuesday 10:00', 'Europe/Berlin')."""
    match = _ZONE_AT_END.search(text.strip())
    if not match:
        return text.strip(), None
    return text.strip()[: match.start()].strip(), match.group(1)


def parse_moment(text: str, *, default_zone: str = "", now: datetime | None = None) -> tuple[datetime, str]:
    """A moment in UTC and the IANA zone it was given in."""
    phrase, zone_name = split_zone(text)
    tz = zone(zone_name) if zone_name else local_zone(default_zone)
    name = zone_name or getattr(tz, "key", None) or "UTC"
    try:
        moment = datetime.fromisoformat(phrase)
    except ValueError:
        moment = _parse_phrase(phrase, tz, now)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=tz)
    return moment.astimezone(UTC), name


def _parse_phrase(phrase: str, tz: tzinfo, now: datetime | None) -> datetime:
    """Natural-language dates through dateparser (imported only when needed: it is slow to load)."""
    import dateparser

    base = (now or datetime.now(UTC)).astimezone(tz).replace(tzinfo=None)
    settings = {"PREFER_DATES_FROM": "future", "RELATIVE_BASE": base, "RETURN_AS_TIMEZONE_AWARE": False}
    cleaned = re.sub(r"^next\s+", "", phrase.strip(), flags=re.IGNORECASE)
    parsed = dateparser.parse(cleaned, languages=["en"], settings=settings)
    if parsed is None:
        raise InvalidInput(f"“{phrase}” is not a date I can read; try 2026-03-14 15:00 or “tomorrow 3pm”.")
    return parsed


def parse_day(text: str, *, now: datetime | None = None) -> date:
    """A calendar day from ISO or a phrase ('today', 'last Monday')."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        pass
    import dateparser

    base = (now or datetime.now()).replace(tzinfo=None)
    parsed = dateparser.parse(text, languages=["en"], settings={"RELATIVE_BASE": base})
    if parsed is None:
        raise InvalidInput(f"“{text}” is not a date I can read; try 2026-03-14 or “yesterday”.")
    return parsed.date()


def now_utc() -> datetime:
    """The current time, aware, in UTC."""
    return datetime.now(UTC)


def at_noon(day: date) -> datetime:
    """A day as a UTC moment (midday, so no zone moves it to another date)."""
    return datetime.combine(day, time(12), tzinfo=UTC)


def backdated(when: datetime, day: date | None) -> datetime:
    """`when`, or noon (UTC) of `day` when that day is earlier: an application entered after it was sent
    starts on the day it was sent."""
    if day is not None and day < when.date():
        return at_noon(day)
    return when
