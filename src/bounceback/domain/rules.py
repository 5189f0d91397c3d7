"""The rule book: what each value a person can enter may be, checked in one place for every front end.

Why one place: the CLI, the web forms, the CSV and JSON imports and mail each turned text into values, and each
had its own rules and words for the same field (the CLI kept a `javascript:` link and a negative salary the web
refused). Now front ends only parse text into values (`whole_number`, dates, enums) and the tracker asks this
module for the verdict before every write. Each refusal is one plain sentence naming the field and the value.

Text that goes into a header of a drafted email (a contact's address and name, a role, a company) must be one
line: a carriage return or line feed there could add a header of its own ("Bcc: …").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from enum import Enum
from typing import Any
from urllib.parse import urlsplit

from bounceback.domain.errors import InvalidInput
from bounceback.domain.stages import CLOSED, Stage, parse_stage

MAX_SALARY = 2_000_000_000  # the database keeps salaries as 32-bit integers; no yearly pay is higher
MAX_NAME = 300  # company, role, location, a contact's name and title (the columns' width)
MAX_EMAIL = 320
MAX_PHONE = 64
MAX_URL = 2000
MAX_TEXT = 100_000  # notes and other free text
MAX_TAGS = 50
MAX_TAG = 60
MAX_INTERVIEW_MINUTES = 24 * 60
MAX_ROUND = 100
MAX_GOAL = 1000
FIRST_DAY = date(1970, 1, 1)
YEARS_AHEAD = 10  # a date or a goal at most this many years from today

# The range of each whole-number field, for the words of a refusal.
_RANGES = {
    "salary_min": (0, MAX_SALARY),
    "salary_max": (0, MAX_SALARY),
    "excitement": (1, 5),
    "duration_minutes": (1, MAX_INTERVIEW_MINUTES),
    "round": (1, MAX_ROUND),
    "rejections": (1, MAX_GOAL),
}
LABELS = {
    "company": "The company",
    "role": "The role",
    "location": "The location",
    "url": "The link",
    "salary_min": "The lowest salary",
    "salary_max": "The highest salary",
    "salary_currency": "The currency",
    "saved_on": "The saved date",
    "applied_on": "The applied date",
    "deadline": "The deadline",
    "excitement": "Excitement",
    "dream_job": "Dream job",
    "tags": "A tag",
    "notes": "The notes",
    "work_mode": "The work mode",
    "source": "The source",
    "name": "The name",
    "email": "The email address",
    "phone": "The phone number",
    "linkedin_url": "The LinkedIn link",
    "title": "The job title",
    "duration_minutes": "The length of an interview",
    "round": "The interview round",
    "starts_at": "The interview's start",
    "interview_location": "Where the interview is",
    "interview_interviewers": "Who you meet",
    "interview_notes": "The interview's notes",
    "year": "The goal's year",
    "rejections": "A rejection goal",
}
# One address, as people write them: no spaces, quotes, brackets, commas or line breaks; a dot in the domain.
_EMAIL = re.compile(r"[^\s@<>,;:\"()\[\]\\]{1,64}@[^\s@<>,;:\"()\[\]\\.]+(?:\.[^\s@<>,;:\"()\[\]\\.]+)+")
_CURRENCY = re.compile(r"[A-Z]{3}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_SINGLE_LINE = frozenset({"company", "role", "location", "name", "title", "phone", "salary_currency"})


def shown(value: object) -> str:
    """A value as a sentence shows it: control characters written out (\\r\\n), long text cut."""
    text = value if isinstance(value, str) else str(value)
    text = _CONTROL.sub(lambda found: repr(found.group())[1:-1], text)
    return text if len(text) <= 80 else text[:77] + "…"


# Who needs to be named when empty, in the words people already know.
_NEEDED = {
    "company": "A company name is needed.",
    "role": "A role title is needed.",
    "name": "A contact needs a name.",
}


def _refuse(field: str, rule: str, value: object) -> InvalidInput:
    """'<Field> <rule>, not <value>.': numbers as they are, text in quotes."""
    quoted = (
        str(value) if isinstance(value, int | float) and not isinstance(value, bool) else f"“{shown(value)}”"
    )
    return InvalidInput(f"{LABELS.get(field, field)} {rule}, not {quoted}.")


def _bound(number: int) -> str:
    return f"{number:,}" if abs(number) >= 10_000 else str(number)


# Parsing: text into values, with the same words whichever front end reads it --------------------------------
def whole_number(field: str, text: str) -> int | None:
    """A whole number typed as text ('120,000' too); empty means not given. The words of a refusal are the
    field's rule, so a typed word and a number out of range read alike ("Excitement is 1 to 5, not “lots”.")."""
    value = text.strip().replace(",", "").replace("_", "")
    if not value:
        return None
    try:
        return int(value)
    except ValueError:
        rule = _RANGES.get(field)
        wording = f"is {_bound(rule[0])} to {_bound(rule[1])}" if rule else "must be a whole number"
        raise _refuse(field, wording, text.strip()) from None


def stage_word(text: str) -> Stage:
    """Any stage as a person types it, synonyms included ('reject', 'interview', 'no response')."""
    return parse_stage(text)


def outcome_word(text: str) -> Stage:
    """A stage that closes an application, as typed: 'rejected', 'reject', 'withdraw', 'no response' …"""
    try:
        stage = parse_stage(text)
    except InvalidInput:
        stage = None
    if stage is None or stage not in CLOSED:
        names = ", ".join(s.value for s in CLOSED)
        raise InvalidInput(f"“{shown(text)}” is not an outcome; use one of: {names}.")
    return stage


# Checking: the verdict on values, before the tracker writes them ------------------------------------------------
def email_problem(address: str) -> str | None:
    """Why an email address cannot be used (one sentence), or None when it is one plain address."""
    if not address:
        return None
    if len(address) > MAX_EMAIL or _CONTROL.search(address) or not _EMAIL.fullmatch(address):
        return f"The email address “{shown(address)}” is not one plain address like name@example.org."
    return None


def check_email(address: str) -> None:
    """Refuse anything but one plain address (an empty one is fine: not given)."""
    problem = email_problem(address)
    if problem:
        raise InvalidInput(problem)


def check_link(field: str, url: str) -> None:
    """A web address: http or https with a host, one line, nothing else (no javascript:, no ftp:)."""
    if not url:
        return
    parts = urlsplit(url) if not _CONTROL.search(url) and " " not in url else None
    if (
        parts is None
        or parts.scheme.lower() not in ("http", "https")
        or not parts.netloc
        or len(url) > MAX_URL
    ):
        raise InvalidInput(
            f"{LABELS.get(field, field)} “{shown(url)}” must be a web address starting with http:// or https://."
        )


def check_text(field: str, value: object, *, limit: int, required: bool = False) -> None:
    """Text of a bounded length; names and addresses on one line."""
    if not isinstance(value, str):
        raise _refuse(field, "must be text", value)
    if required and not value.strip():
        raise InvalidInput(_NEEDED.get(field, f"{LABELS.get(field, field)} is needed."))
    if len(value) > limit:
        raise InvalidInput(f"{LABELS.get(field, field)} is longer than {limit:,} characters.")
    if field in _SINGLE_LINE and _CONTROL.search(value):
        raise _refuse(field, "must be one line of text", value)


def check_number(field: str, value: object, low: int, high: int) -> None:
    """A whole number from `low` to `high`."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise _refuse(field, f"is a whole number from {_bound(low)} to {_bound(high)}", value)
    if not low <= value <= high:
        raise _refuse(field, f"is {_bound(low)} to {_bound(high)}", value)


def check_day(field: str, value: object, today: date) -> None:
    """A date from 1970 to ten years from today."""
    if isinstance(value, datetime):
        value = value.date()
    last = _years_after(today, YEARS_AHEAD)
    if not isinstance(value, date) or not FIRST_DAY <= value <= last:
        shown_value = value.isoformat() if isinstance(value, date) else value
        raise _refuse(field, f"is a date from {FIRST_DAY.isoformat()} to {last.isoformat()}", shown_value)


def _years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day + timedelta(days=365 * years)


def check_application(values: Mapping[str, Any], today: date) -> None:
    """Every given field of an application (the tracker's add and edit), and the salary range together."""
    for field, value in values.items():
        if value is None:
            continue
        if field in ("company", "role"):
            check_text(field, value, limit=MAX_NAME, required=True)
        elif field in ("location",):
            check_text(field, value, limit=MAX_NAME)
        elif field == "url":
            check_text(field, value, limit=MAX_URL)
            check_link(field, value)
        elif field in ("salary_min", "salary_max", "excitement"):
            check_number(field, value, *_RANGES[field])
        elif field == "salary_currency":
            check_text(field, value, limit=8)
            if value and not _CURRENCY.fullmatch(value):
                raise _refuse(field, "is a three-letter code like EUR or USD", value)
        elif field in ("saved_on", "applied_on", "deadline"):
            check_day(field, value, today)
        elif field == "dream_job" and not isinstance(value, bool):
            raise _refuse(field, "is yes or no", value)
        elif field == "tags":
            _check_tags(value)
        elif field == "notes":
            check_text(field, value, limit=MAX_TEXT)
        elif field in ("work_mode", "source") and not isinstance(value, Enum):
            raise _refuse(field, "must be one of the listed choices", value)
    low, high = values.get("salary_min"), values.get("salary_max")
    if low is not None and high is not None and low > high:
        raise InvalidInput(f"The salary range {low}–{high} runs backwards.")


def _check_tags(tags: object) -> None:
    if not isinstance(tags, list | tuple) or len(tags) > MAX_TAGS:
        raise InvalidInput(f"An application holds at most {MAX_TAGS} tags.")
    for tag in tags:
        check_text("tags", tag, limit=MAX_TAG)
        if _CONTROL.search(tag):
            raise _refuse("tags", "must be one line of text", tag)


def check_contact(values: Mapping[str, Any]) -> None:
    """A person: a name, one plain email address, one-line phone and title, a web link for LinkedIn."""
    for field, value in values.items():
        if value is None:
            continue
        if field == "name":
            check_text(field, value, limit=MAX_NAME, required=True)
        elif field == "email":
            check_text(field, value, limit=MAX_TEXT)
            check_email(value)
        elif field == "phone":
            check_text(field, value, limit=MAX_PHONE)
        elif field == "title":
            check_text(field, value, limit=MAX_NAME)
        elif field == "linkedin_url":
            check_text(field, value, limit=MAX_URL)
            check_link(field, value)
        elif field == "notes":
            check_text(field, value, limit=MAX_TEXT)


def check_interview(
    *,
    starts_at: datetime,
    duration_minutes: object,
    round_number: object,
    texts: Mapping[str, str],
    today: date,
) -> None:
    """An interview: a start within the date window, a length above zero and within a day, a round from 1."""
    check_day("starts_at", starts_at, today)
    check_number("duration_minutes", duration_minutes, *_RANGES["duration_minutes"])
    check_number("round", round_number, *_RANGES["round"])
    for field, value in texts.items():
        check_text(f"interview_{field}", value, limit=MAX_URL if field == "location" else MAX_TEXT)


def check_goal(year: object, rejections: object, today: date) -> None:
    """A rejection goal: a year from ten years ago to ten years ahead, and a count from 1 to MAX_GOAL."""
    check_number("year", year, today.year - YEARS_AHEAD, today.year + YEARS_AHEAD)
    check_number("rejections", rejections, *_RANGES["rejections"])
