"""The effort side of the search, week by week: what the person did, not what employers decided."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from bounceback.domain.model import Event
from bounceback.domain.outreach import OutreachKind, sent_kind
from bounceback.domain.rates import Journey
from bounceback.insights.gather import SearchFacts

_LINKED = re.compile(r"^(?P<name>.+?) linked as ")


@dataclass(frozen=True)
class WeekEffort:
    """One week (starting Monday, in the person's time zone) of steps taken."""

    week: date
    applications: int = 0
    interviews: int = 0
    follow_ups: int = 0
    feedback_requests: int = 0
    people_met: int = 0

    @property
    def total(self) -> int:
        """All steps of the week together."""
        return (
            self.applications + self.interviews + self.follow_ups + self.feedback_requests + self.people_met
        )


EFFORT_LABELS = {
    "applications": "Applications sent",
    "interviews": "Interviews",
    "follow_ups": "Follow-ups",
    "feedback_requests": "Feedback asked for",
    "people_met": "People met",
}


def monday(day: date) -> date:
    """The Monday of the week `day` is in."""
    return day - timedelta(days=day.weekday())


def local_day(moment: datetime, zone: tzinfo) -> date:
    """The calendar day a moment falls on for the person."""
    return moment.astimezone(zone).date()


def first_meetings(links: Iterable[Event], zone: tzinfo) -> list[date]:
    """The day each person was first linked to an application (a recruiter on three applications is met once)."""
    first: dict[str, date] = {}
    for event in sorted(links, key=lambda e: e.occurred_at):
        match = _LINKED.match(event.summary)
        who = str(event.details.get("contact_id") or (match.group("name") if match else event.summary))
        first.setdefault(who, local_day(event.occurred_at, zone))
    return list(first.values())


def weekly_effort(
    facts: SearchFacts, journeys: list[Journey], zone: tzinfo, now: datetime
) -> list[WeekEffort]:
    """Every week from the first step to this one (quiet weeks included, so the series is honest)."""
    days: dict[str, list[date]] = {
        "applications": [j.sent_on for j in journeys if j.sent_on is not None],
        "interviews": [local_day(i.starts_at, zone) for i in facts.interviews if i.starts_at <= now],
        "follow_ups": [
            local_day(e.occurred_at, zone) for e in facts.timeline() if sent_kind(e) is OutreachKind.FOLLOW_UP
        ],
        "feedback_requests": [local_day(f.requested_at, zone) for f in facts.feedback],
        "people_met": first_meetings(facts.contact_links, zone),
    }
    today = local_day(now, zone)  # anything dated later is a plan, not a step taken
    counts = {name: Counter(monday(d) for d in found if d <= today) for name, found in days.items()}
    weeks = {w for counter in counts.values() for w in counter}
    if not weeks:
        return []
    start, end = min(weeks), monday(today)
    series = []
    week = start
    while week <= end:
        series.append(WeekEffort(week, **{name: counts[name][week] for name in counts}))
        week += timedelta(days=7)
    return series
