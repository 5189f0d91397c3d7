"""Follow-up timing: business days across weekends and public holidays, promised dates, the two-note limit,
and the person's mornings across daylight-saving changes."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bounceback.cli.messages import command
from bounceback.domain.business_days import add_business_days, business_days_between, is_business_day
from bounceback.domain.due import DueItem, DueKind, DueRules, SearchState, ghost_key, unique
from bounceback.domain.due_rules import derive_due
from bounceback.domain.errors import InvalidInput
from bounceback.domain.model import (
    Application,
    Contact,
    ContactRole,
    Event,
    EventKind,
    Interview,
    InterviewKind,
)
from bounceback.domain.outreach import ANSWER_BY, SENT
from bounceback.domain.stages import Stage
from bounceback.outreach.snapshot import holiday_dates
from bounceback.settings import load_settings

BERLIN = ZoneInfo("Europe/Berlin")
THU = date(2026, 3, 5)  # a Thursday


# Business days -----------------------------------------------------------------------------------------
def test_a_business_day_after_friday_is_monday() -> None:
    """GIVEN a Friday WHEN one business day is added THEN it is the Monday; Saturday and Sunday never count."""
    friday = date(2026, 3, 6)
    assert add_business_days(friday, 1) == date(2026, 3, 9)
    assert not is_business_day(date(2026, 3, 7)) and not is_business_day(date(2026, 3, 8))
    assert business_days_between(friday, date(2026, 3, 9)) == 1


def test_five_to_seven_business_days_after_a_thursday_span_two_weekends() -> None:
    """GIVEN a Thursday WHEN 5 and 7 business days are added THEN the next Thursday and the Monday after."""
    assert add_business_days(THU, 5) == date(2026, 3, 12)
    assert add_business_days(THU, 7) == date(2026, 3, 16)


def test_easter_holidays_push_the_window_back_where_the_country_keeps_them() -> None:
    """GIVEN the Thursday before Easter 2026 WHEN 5 business days are added in Germany THEN Good Friday and
    Easter Monday are skipped; with no country only the weekend is."""
    maundy_thursday = date(2026, 4, 2)
    german = holiday_dates("DE", [2026])
    assert date(2026, 4, 3) in german and date(2026, 4, 6) in german
    assert add_business_days(maundy_thursday, 5, german) == date(2026, 4, 13)
    assert add_business_days(maundy_thursday, 5, holiday_dates("", [2026])) == date(2026, 4, 9)


def test_a_region_code_adds_its_own_holidays_and_a_bad_code_is_one_plain_sentence() -> None:
    """GIVEN codes with a region WHEN holidays load THEN the region's days are in; a made-up code is refused
    with a sentence naming the setting."""
    assert date(2026, 3, 17) in holiday_dates("GB-NIR", [2026])  # St Patrick's Day, Northern Ireland only
    assert date(2026, 3, 17) not in holiday_dates("GB-ENG", [2026])
    with pytest.raises(InvalidInput, match="BOUNCEBACK_COUNTRY “XX”"):
        holiday_dates("XX", [2026])


def test_the_country_setting_is_read_from_the_environment(tmp_path: Path) -> None:
    """GIVEN BOUNCEBACK_COUNTRY WHEN settings load THEN it is kept; without it there is none."""
    assert load_settings({"BOUNCEBACK_COUNTRY": "US-CA"}, home=tmp_path).country == "US-CA"
    assert load_settings({}, home=tmp_path).country == ""


# Deriving follow-ups -----------------------------------------------------------------------------------
def at(day: date, hour: int, zone: ZoneInfo = BERLIN) -> datetime:
    """A wall-clock time in a zone, in UTC."""
    return datetime(day.year, day.month, day.day, hour, tzinfo=zone).astimezone(UTC)


def waiting(interview_day: date, *events: Event, people: bool = True) -> SearchState:
    """An application waiting after one interview with Jane Doe (or with nobody known)."""
    app = Application(company_id=1, role="Data Engineer", slug="acme-data-engineer", id=1)
    app.stage = app.furthest_stage = Stage.INTERVIEWING
    app.created_at = app.last_activity_at = at(interview_day, 8) - timedelta(days=10)
    iv = Interview(1, at(interview_day, 10), "Europe/Berlin", id=7, duration_minutes=60)
    jane = [(Contact("Jane Doe", email="jane@acme.example", id=3), ContactRole.INTERVIEWER)]
    return SearchState(
        apps=[app],
        companies={1: "Acme"},
        interviews=[iv] if people else [],
        events={1: list(events)},
        people={1: jane if people else []},
    )


def sent_follow_up(day: date) -> Event:
    """A follow-up the person sent that day."""
    return Event(1, EventKind.EMAIL, at(day, 11), "Follow-up sent", details={SENT: "follow_up"})


def derived(
    state: SearchState, now: datetime, rules: DueRules | None = None, *, kind: DueKind
) -> list[DueItem]:
    """The items of one kind derived at `now`, each key once."""
    return [i for i in unique(derive_due(state, rules or DueRules(zone=BERLIN), now)) if i.kind is kind]


def follow_ups(state: SearchState, now: datetime, rules: DueRules | None = None) -> list[DueItem]:
    """The follow-ups derived at `now`."""
    return derived(state, now, rules, kind=DueKind.FOLLOW_UP)


def test_first_follow_up_shows_five_business_days_after_the_interview_and_is_late_after_seven() -> None:
    """GIVEN an interview on a Thursday WHEN the follow-up is derived THEN it shows 09:00 the next Thursday and
    is due by 17:00 on the Monday after, in the person's zone."""
    [item] = follow_ups(waiting(THU), at(THU, 12) + timedelta(days=20))
    assert item.key == "follow_up:app1:2026-03-05:1"
    assert item.shows_from == at(date(2026, 3, 12), 9)
    assert item.due_at == at(date(2026, 3, 16), 17)
    assert item.title == "Follow up with Acme: no word since Thu 5 Mar"
    assert command(item.action) == "bounceback draft follow-up acme-data-engineer"


def test_the_window_keeps_the_persons_morning_across_the_change_to_summer_time() -> None:
    """GIVEN an interview on Thursday 26 March 2026 in Berlin WHEN the window crosses the change to summer time
    (29 March) THEN the follow-up still shows at 09:00 local, which is 07:00 UTC instead of 08:00."""
    [item] = follow_ups(waiting(date(2026, 3, 26)), at(date(2026, 4, 20), 12))
    assert item.shows_from == datetime(2026, 4, 2, 7, tzinfo=UTC)
    assert item.due_at == datetime(2026, 4, 6, 15, tzinfo=UTC)


def test_holidays_from_the_rules_push_the_follow_up_past_easter() -> None:
    """GIVEN an interview on the Thursday before Easter and German holidays WHEN derived THEN the follow-up
    shows on the Monday after Easter week, not on the Thursday."""
    rules = DueRules(zone=BERLIN, holidays=holiday_dates("DE", [2026]))
    [item] = follow_ups(waiting(date(2026, 4, 2)), at(date(2026, 5, 1), 12), rules)
    assert item.shows_from == at(date(2026, 4, 13), 9)


def test_the_second_follow_up_counts_from_the_first_and_then_comes_a_suggestion_to_move_on() -> None:
    """GIVEN one follow-up sent WHEN derived THEN the second shows five business days later; GIVEN two THEN a
    kind suggestion to let it go, sharing its key with the ghost suggestion so it is listed once."""
    first_sent = date(2026, 3, 12)
    [second] = follow_ups(waiting(THU, sent_follow_up(first_sent)), at(THU, 12) + timedelta(days=40))
    assert second.key == "follow_up:app1:2026-03-05:2"
    assert second.shows_from == at(date(2026, 3, 19), 9)
    assert second.title.startswith("Follow up once more with Acme: no answer to your note of Thu 12 Mar")
    state = waiting(THU, sent_follow_up(first_sent), sent_follow_up(date(2026, 3, 19)))
    now = at(THU, 12) + timedelta(days=60)
    assert follow_ups(state, now) == []
    [move_on] = derived(state, now, kind=DueKind.GHOSTED)
    assert move_on.title == "Acme has not answered two follow-ups; it may be time to let this one go"
    assert move_on.key == ghost_key(state.apps[0], at(date(2026, 3, 19), 11))
    assert move_on.shows_from == at(date(2026, 3, 26), 9)


def test_a_new_word_from_the_employer_starts_a_fresh_round_of_follow_ups() -> None:
    """GIVEN two follow-ups, then an email from the employer WHEN derived THEN the count starts again at one,
    under a new key."""
    reply = Event(1, EventKind.EMAIL, at(date(2026, 3, 23), 15), "Email from Jane Doe: an update")
    state = waiting(THU, sent_follow_up(date(2026, 3, 12)), sent_follow_up(date(2026, 3, 19)), reply)
    [item] = follow_ups(state, at(date(2026, 4, 30), 12))
    assert item.key == "follow_up:app1:2026-03-23:1"
    assert item.shows_from == at(date(2026, 3, 30), 9)


def test_a_promised_date_moves_the_follow_up_to_the_business_day_after_it() -> None:
    """GIVEN they promised an answer by Friday 20 March WHEN derived THEN the follow-up shows on Monday 23 March
    (not five days after the interview), and says so."""
    promise = Event(1, EventKind.NOTE, at(THU, 12), "They said…", details={ANSWER_BY: "2026-03-20"})
    [item] = follow_ups(waiting(THU, promise), at(date(2026, 4, 30), 12))
    assert item.shows_from == at(date(2026, 3, 23), 9)
    assert item.due_at == at(date(2026, 3, 23), 17)
    assert item.title == "Follow up with Acme: the answer promised by 20 Mar has not come"


def test_no_follow_up_while_the_next_interview_is_set_or_when_nobody_is_there_to_write_to() -> None:
    """GIVEN another interview still to come WHEN derived THEN no follow-up; GIVEN an application with no
    person and no conversation THEN none either (the ghost suggestion covers it)."""
    state = waiting(THU)
    state.interviews.append(Interview(1, at(date(2026, 3, 30), 10), "Europe/Berlin", id=8, round=2))
    assert follow_ups(state, at(date(2026, 3, 20), 12)) == []
    lonely = waiting(THU, people=False)
    lonely.apps[0].furthest_stage = lonely.apps[0].stage = Stage.APPLIED
    assert follow_ups(lonely, at(date(2026, 3, 20), 12)) == []


def test_a_follow_up_on_a_phone_screen_counts_the_call_as_the_conversation() -> None:
    """GIVEN an application at screening with a phone call and no contact WHEN derived THEN a follow-up comes."""
    state = waiting(THU, people=False)
    state.apps[0].stage = state.apps[0].furthest_stage = Stage.SCREENING
    state.interviews.append(Interview(1, at(THU, 10), "Europe/Berlin", kind=InterviewKind.PHONE, id=9))
    [item] = follow_ups(state, at(date(2026, 3, 20), 12))
    assert item.shows_from == at(date(2026, 3, 12), 9)
