"""The demo's calendar: days counted from today, clock times in a zone, and weekends skipped for employers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bounceback.demo.cast import SEARCHER

FRIDAY, SATURDAY = 4, 5


@dataclass(frozen=True)
class Clock:
    """Turns the story's (day from today, local clock time) into UTC moments."""

    today: date
    home: ZoneInfo

    @classmethod
    def for_now(cls, now: datetime | None = None) -> Clock:
        """A clock whose day 0 is today in the searcher's own time zone."""
        home = ZoneInfo(SEARCHER.zone)
        return cls((now or datetime.now(UTC)).astimezone(home).date(), home)

    def at(self, day: int, clock_time: str, zone: str = "") -> datetime:
        """The moment `clock_time` on `day`, read in `zone` (default: the searcher's)."""
        hours, minutes = (int(part) for part in clock_time.split(":"))
        local = datetime.combine(self.day(day), time(hours, minutes))
        return local.replace(tzinfo=ZoneInfo(zone) if zone else self.home).astimezone(UTC)

    def workday(self, day: int) -> int:
        """The same day, or for a weekend the Friday before (past) or the Monday after (future)."""
        weekday = self.day(day).weekday()
        if weekday < SATURDAY:
            return day
        return day - (weekday - FRIDAY) if day < 0 else day + (7 - weekday)

    def day(self, day: int) -> date:
        """The calendar date `day` days from today."""
        return self.today + timedelta(days=day)
