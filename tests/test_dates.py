"""Reading dates as people type them, in the zone they mean, across daylight-saving changes."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from bounceback.dates import at_noon, local_zone, parse_day, parse_moment, split_zone, zone
from bounceback.domain.errors import InvalidInput

# A fixed Wednesday, so phrases like "tomorrow" and "next Tuesday" have one right answer.
WEDNESDAY_NOON = datetime(2026, 3, 11, 12, 0, tzinfo=UTC)
BERLIN = ZoneInfo("Europe/Berlin")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2026-03-14 15:00", datetime(2026, 3, 14, 15, 0, tzinfo=UTC)),  # London is on GMT in mid-March
        ("2026-03-14T15:00", datetime(2026, 3, 14, 15, 0, tzinfo=UTC)),
        ("2026-07-14 15:00", datetime(2026, 7, 14, 14, 0, tzinfo=UTC)),  # and on BST in July
        ("2026-03-14T15:00+05:00", datetime(2026, 3, 14, 10, 0, tzinfo=UTC)),
        ("2026-03-14", datetime(2026, 3, 14, 0, 0, tzinfo=UTC)),
    ],
)
def test_iso_moments_are_read_in_the_default_zone(typed: str, expected: datetime) -> None:
    """GIVEN an ISO date or time WHEN read for someone in London THEN the UTC moment is right."""
    moment, zone_name = parse_moment(typed, default_zone="Europe/London", now=WEDNESDAY_NOON)
    assert moment == expected
    assert moment.tzinfo is UTC
    assert zone_name == "Europe/London"


def test_tomorrow_3pm_is_the_next_afternoon_in_the_persons_zone() -> None:
    """GIVEN Wednesday noon WHEN 'tomorrow 3pm' is typed in New York THEN Thursday 15:00 New York time."""
    moment, zone_name = parse_moment("tomorrow 3pm", default_zone="America/New_York", now=WEDNESDAY_NOON)
    assert moment == datetime(2026, 3, 12, 15, 0, tzinfo=ZoneInfo("America/New_York"))
    assert moment == datetime(2026, 3, 12, 19, 0, tzinfo=UTC)  # New York is already on daylight time
    assert zone_name == "America/New_York"


def test_next_tuesday_in_a_named_zone() -> None:
    """GIVEN Wednesday WHEN 'next Tuesday 10:00 Europe/Berlin' is typed THEN Tuesday 10:00 in Berlin, zone kept."""
    moment, zone_name = parse_moment(
        "next Tuesday 10:00 Europe/Berlin", default_zone="Europe/London", now=WEDNESDAY_NOON
    )
    assert moment == datetime(2026, 3, 17, 9, 0, tzinfo=UTC)
    assert moment.astimezone(BERLIN).strftime("%A %H:%M") == "Tuesday 10:00"
    assert zone_name == "Europe/Berlin"


@pytest.mark.parametrize(
    ("typed", "zone_name"),
    [
        ("Tuesday 10:00 America/Argentina/Buenos_Aires", "America/Argentina/Buenos_Aires"),
        ("2026-03-17 10:00 UTC", "UTC"),
        ("2026-03-17 10:00 Etc/GMT+5", "Etc/GMT+5"),
    ],
)
def test_a_trailing_zone_name_is_taken_off_the_phrase(typed: str, zone_name: str) -> None:
    """GIVEN a phrase ending in a zone name WHEN read THEN the time is in that zone and the name is kept."""
    moment, found = parse_moment(typed, default_zone="Europe/London", now=WEDNESDAY_NOON)
    assert found == zone_name
    assert moment.astimezone(ZoneInfo(zone_name)).strftime("%Y-%m-%d %H:%M") == "2026-03-17 10:00"


def test_split_zone_leaves_phrases_without_a_zone_alone() -> None:
    """GIVEN phrases with and without a zone WHEN split THEN only a real trailing zone is taken."""
    assert split_zone(" Tuesday 10:00 Europe/Berlin ") == ("Tuesday 10:00", "Europe/Berlin")
    assert split_zone("tomorrow 3pm") == ("tomorrow 3pm", None)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        (
            "2026-03-14 10:00 Mars/Olympus_Mons",
            "“Mars/Olympus_Mons” is not a time zone name like Europe/Berlin",
        ),
        (
            "whenever suits",
            "“whenever suits” is not a date I can read; try 2026-03-14 15:00 or “tomorrow 3pm”.",
        ),
        ("", "“” is not a date I can read"),
    ],
)
def test_unknown_zones_and_garbage_give_one_sentence(typed: str, message: str) -> None:
    """GIVEN an unknown zone or text that is no date WHEN read THEN InvalidInput with one plain sentence."""
    with pytest.raises(InvalidInput) as raised:
        parse_moment(typed, default_zone="Europe/London", now=WEDNESDAY_NOON)
    assert raised.value.message.startswith(message)
    assert "\n" not in raised.value.message


@pytest.mark.parametrize(
    ("typed", "utc_hour"),
    [
        ("2026-10-23 10:00 Europe/Berlin", 8),  # Friday before the change: CEST, UTC+2
        ("2026-10-26 10:00 Europe/Berlin", 9),  # Monday after the last Sunday of October: CET, UTC+1
        ("2026-10-27T10:00 Europe/Berlin", 9),
    ],
)
def test_berlin_interviews_around_the_october_change(typed: str, utc_hour: int) -> None:
    """GIVEN 10:00 Berlin on either side of the late-October change WHEN read THEN the UTC hour follows it."""
    moment, _ = parse_moment(typed, now=WEDNESDAY_NOON)
    assert (moment.hour, moment.minute) == (utc_hour, 0)
    assert moment.astimezone(BERLIN).hour == 10


def test_a_phrase_read_before_the_change_for_a_day_after_it() -> None:
    """GIVEN Thursday 22 Oct (summer time) WHEN 'next Tuesday 10:00 Europe/Berlin' THEN 27 Oct 09:00 UTC."""
    moment, _ = parse_moment("next Tuesday 10:00 Europe/Berlin", now=datetime(2026, 10, 22, 12, tzinfo=UTC))
    assert moment == datetime(2026, 10, 27, 9, 0, tzinfo=UTC)


def test_tomorrow_across_the_change() -> None:
    """GIVEN Saturday 24 Oct in Berlin WHEN 'tomorrow 10:00' THEN Sunday 25 Oct 10:00 CET, which is 09:00 UTC."""
    moment, _ = parse_moment(
        "tomorrow 10:00", default_zone="Europe/Berlin", now=datetime(2026, 10, 24, 12, tzinfo=UTC)
    )
    assert moment == datetime(2026, 10, 25, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("2026-03-14", date(2026, 3, 14)),
        (" 2026-03-14 ", date(2026, 3, 14)),
        ("yesterday", date(2026, 3, 10)),
        ("today", date(2026, 3, 11)),
        ("last Monday", date(2026, 3, 9)),
    ],
)
def test_parse_day_reads_iso_and_phrases(typed: str, day: date) -> None:
    """GIVEN a day typed as ISO or a phrase WHEN read on Wednesday 11 March THEN the calendar day is right."""
    assert parse_day(typed, now=datetime(2026, 3, 11, 12)) == day


def test_parse_day_refuses_garbage_plainly() -> None:
    """GIVEN text that is no day WHEN read THEN one sentence with an example."""
    with pytest.raises(InvalidInput) as raised:
        parse_day("someday maybe")
    assert raised.value.message == "“someday maybe” is not a date I can read; try 2026-03-14 or “yesterday”."


def test_zone_names_are_checked() -> None:
    """GIVEN zone names WHEN looked up THEN known ones work and an unknown one is a plain sentence."""
    assert zone("Europe/Berlin") == BERLIN
    assert local_zone("Asia/Tokyo") == ZoneInfo("Asia/Tokyo")
    assert local_zone("") is not None
    with pytest.raises(InvalidInput):
        local_zone("Nowhere/Special")


def test_at_noon_keeps_the_day_from_honolulu_to_tokyo() -> None:
    """GIVEN a day WHEN turned into a moment THEN it is midday UTC, the same date from Honolulu to Tokyo."""
    moment = at_noon(date(2026, 3, 14))
    assert moment == datetime(2026, 3, 14, 12, tzinfo=UTC)
    for name in ("Pacific/Honolulu", "America/New_York", "Europe/Berlin", "Asia/Tokyo"):
        assert moment.astimezone(ZoneInfo(name)).date() == date(2026, 3, 14)
