"""Calendar invitations in mail: the VEVENT of a text/calendar part (Google, Outlook, Teams, ATS schedulers).

An interview invitation carries exactly what the tracker needs: when, in which time zone, how long, where. It is
read with icalendar; Outlook's Windows zone names ("Eastern Standard Time") are mapped to IANA names, a time in
UTC stays in UTC unless the calendar names its zone. Nothing here raises on a broken calendar: an unreadable
part is no invitation.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from bounceback.domain.model import InterviewKind

MAX_CALENDAR = 100_000  # characters of a text/calendar part read
MAX_EVENTS = 5
_VIDEO = ("zoom", "teams", "meet.google", "google meet", "webex", "video", "whereby", "hangout", "skype")
_PHONE = ("phone", "call you", "dial", "tel:")
_CALENDAR_DOMAINS = frozenset({"google.com", "calendar.google.com", "calendly.com", "calendar.yahoo.com"})


@dataclass(frozen=True)
class Invitation:
    """One event of a calendar part."""

    summary: str
    starts_at: datetime  # aware, UTC
    timezone: str  # IANA name the invitation was written in ("UTC" when it names none)
    duration_minutes: int
    location: str
    description: str
    method: str  # REQUEST, CANCEL, PUBLISH, REPLY (upper case; "" when absent)
    uid: str
    organizer_name: str = ""
    organizer_address: str = ""

    @property
    def cancelled(self) -> bool:
        return self.method == "CANCEL"

    @property
    def kind(self) -> InterviewKind:
        """Video, phone or on site, from where the event takes place."""
        where = f"{self.location} {self.description[:2000]}".lower()
        if any(word in where for word in _VIDEO):
            return InterviewKind.VIDEO
        if any(word in where for word in _PHONE):
            return InterviewKind.PHONE
        return InterviewKind.ONSITE if self.location.strip() else InterviewKind.VIDEO

    def local_text(self) -> str:
        """The start as the invitation meant it: "Mon 14 Jul 2025 11:00 America/New_York"."""
        return f"{self.starts_at.astimezone(_zone(self.timezone)):%a %d %b %Y %H:%M} {self.timezone}"


def read_invitations(ics: str) -> list[Invitation]:
    """The timed events of a calendar text, in order; [] when it cannot be read."""
    import icalendar

    try:
        calendar = icalendar.Calendar.from_ical(ics[:MAX_CALENDAR])
    except Exception:  # a broken calendar part is no invitation; the message is still read
        return []
    method = str(calendar.get("METHOD", "")).strip().upper()
    default_zone = _valid_zone(str(calendar.get("X-WR-TIMEZONE", "")))
    found = []
    for event in calendar.walk("VEVENT")[:MAX_EVENTS]:
        invitation = _invitation(event, method, default_zone)
        if invitation is not None:
            found.append(invitation)
    return found


def invitation_text(ics: str) -> str:
    """What the classifier and the evidence read of an invitation: its summary, time and place."""
    if not ics:
        return ""
    return "; ".join(
        f"{i.summary} at {i.local_text()}" + (f", {i.location}" if i.location else "")
        for i in read_invitations(ics)
    )


def _invitation(event: Any, method: str, default_zone: str | None) -> Invitation | None:
    try:
        start = event.get("DTSTART")
        if start is None:
            return None
        value = start.dt
        if not isinstance(value, datetime):  # an all-day event is no interview slot
            return None
        zone = _zone_of(start, value, default_zone)
        if value.tzinfo is None:
            value = value.replace(tzinfo=_zone(zone))
        starts = value.astimezone(UTC)
        minutes = _minutes(event, value)
        return Invitation(
            summary=str(event.get("SUMMARY", "")).strip()[:300],
            starts_at=starts,
            timezone=zone,
            duration_minutes=minutes,
            location=str(event.get("LOCATION", "")).strip()[:300],
            description=str(event.get("DESCRIPTION", "")).strip()[:5000],
            method=method,
            uid=str(event.get("UID", "")).strip()[:300],
            **_organizer(event),
        )
    except Exception:  # one odd event must not hide the others
        return None


def _organizer(event: Any) -> dict[str, str]:
    """Who sent the invitation: the ORGANIZER's name and address (a calendar service's From names nobody)."""
    organizer = event.get("ORGANIZER")
    if organizer is None:
        return {}
    address = str(organizer).strip()
    if address.lower().startswith("mailto:"):
        address = address[7:]
    name = str(getattr(organizer, "params", {}).get("CN", "")).strip().strip('"')
    return {
        "organizer_name": name[:200],
        "organizer_address": address.lower()[:320] if "@" in address else "",
    }


def from_calendar_service(address: str) -> bool:
    """True for the sender of a calendar service's notification (Google Calendar, Calendly, …), which names
    the service rather than the employer."""
    local, _, domain = address.lower().partition("@")
    return "calendar" in local or domain in _CALENDAR_DOMAINS


def _minutes(event: Any, start: datetime) -> int:
    end = event.get("DTEND")
    if end is not None and isinstance(end.dt, datetime):
        end_dt = end.dt if end.dt.tzinfo else end.dt.replace(tzinfo=start.tzinfo)
        span = end_dt - start
    elif event.get("DURATION") is not None:
        span = event.get("DURATION").dt
    else:
        span = timedelta(hours=1)
    minutes = int(span.total_seconds() // 60) if isinstance(span, timedelta) else 60
    return minutes if 0 < minutes <= 24 * 60 else 60


def _zone_of(prop: Any, value: datetime, default_zone: str | None) -> str:
    """The IANA name of the zone a start was written in."""
    from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

    tzid = str(prop.params.get("TZID", "")).strip()
    for name in (tzid, WINDOWS_TO_OLSON.get(tzid, ""), getattr(value.tzinfo, "key", "") or ""):
        if _valid_zone(name):
            return name
    return default_zone or "UTC"  # a time in UTC, or a zone of its own with no known name


def _valid_zone(name: str) -> str | None:
    if not name or len(name) > 64:
        return None
    try:
        _zone(name)
    except Exception:
        return None
    return name


def _zone(name: str) -> Any:
    from zoneinfo import ZoneInfo

    return ZoneInfo(name)
