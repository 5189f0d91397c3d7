"""Reading the cells of other trackers' exports: dates in many shapes, salaries, stars, sources and tags.

Each reader raises ValueError with a short reason; the row converter turns it into "row N: reason".
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from bounceback.domain.model import Source

_US_DAY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b")
_MONTH_FORMATS = ("%b %d, %Y", "%B %d, %Y", "%d %b %Y", "%d %B %Y", "%b %d %Y", "%a %b %d %Y")
_AMOUNT = re.compile(r"(\d+(?:[.,]\d+)*)\s*([kKmM]?)")
_CURRENCY_SIGNS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR"}
_CURRENCY_CODE = re.compile(r"\b([A-Z]{3})\b")
_RANGE_SPLIT = re.compile(r"\s*(?:-|–|—|\bto\b)\s*", re.IGNORECASE)


def parse_date(text: str) -> date | None:
    """A day from ISO dates and times, US m/d/y (with any time after it), month names, or epoch seconds."""
    text = text.strip()
    if not text:
        return None
    if text.isdigit() and len(text) in (10, 13):
        seconds = int(text) / (1000 if len(text) == 13 else 1)
        return datetime.fromtimestamp(seconds, UTC).date()
    try:
        return datetime.fromisoformat(text.replace(" UTC", "")).date()
    except ValueError:
        pass
    match = _US_DAY.match(text) or _US_DAY.match(text.replace("-", "/"))
    if match:
        first, second, year = match.groups()
        return _us_day(first, second, year, text)
    head = re.split(r"\s+\d{1,2}:\d{2}", re.sub(r",\s*", ", ", text))[0].strip(" ,")
    for form in _MONTH_FORMATS:
        try:
            return datetime.strptime(head, form).date()
        except ValueError:
            continue
    raise ValueError(f"“{text}” is not a date I can read")


def _us_day(first: str, second: str, year: str, text: str) -> date:
    """m/d/y as American trackers write it; d/m/y when the first number cannot be a month."""
    month, day = int(first), int(second)
    if month > 12 >= day:
        month, day = day, month
    full_year = int(year) + (2000 if len(year) == 2 else 0)
    try:
        return date(full_year, month, day)
    except ValueError:
        raise ValueError(f"“{text}” is not a real date") from None


def parse_amount(text: str) -> int | None:
    """A salary figure: '$120,000', '120k', '85.000 €', '1.2M'."""
    match = _AMOUNT.search(text.replace(" ", ""))
    if not match:
        return None
    digits, scale = match.groups()
    if re.fullmatch(r"\d{1,3}([.,]\d{3})+", digits):
        number = float(re.sub(r"[.,]", "", digits))
    else:
        number = float(digits.replace(",", "."))
    number *= {"k": 1_000, "m": 1_000_000}.get(scale.lower(), 1)
    return round(number)


def parse_salary(text: str) -> tuple[int | None, int | None, str]:
    """A salary or range as (low, high, currency): '$120k - $150k' → (120000, 150000, 'USD')."""
    text = text.strip()
    if not text:
        return None, None, ""
    parts = [p for p in _RANGE_SPLIT.split(text) if p.strip()]
    amounts = [parse_amount(p) for p in parts[:2]]
    if not parts or any(a is None for a in amounts):
        raise ValueError(f"salary “{text}” is not an amount")
    low, high = amounts[0] or 0, amounts[-1] or 0
    if low < 1000 <= high and parts[-1].strip().lower().endswith("k"):
        low *= 1000  # "120-150k" means thousands on both sides
    return low, high, currency_of(text)


def currency_of(text: str) -> str:
    """The currency a salary text is in, by sign or ISO code, or ''."""
    for sign, code in _CURRENCY_SIGNS.items():
        if sign in text:
            return code
    match = _CURRENCY_CODE.search(text)
    return match.group(1) if match else ""


def parse_excitement(text: str) -> int | None:
    """Stars as a whole number ('4', '4.0'); blank or 0 means not rated. The rule book judges the range."""
    text = text.strip()
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise ValueError(f"excitement is 1 to 5, not “{text}”") from None
    if value != int(value):
        raise ValueError(f"excitement is 1 to 5, not {text}")
    return int(value) or None


_SOURCE_WORDS: tuple[tuple[str, Source], ...] = (
    ("linkedin", Source.LINKEDIN),
    ("referr", Source.REFERRAL),
    ("recruit", Source.RECRUITER),
    ("headhunt", Source.RECRUITER),
    ("company", Source.COMPANY_SITE),
    ("career", Source.COMPANY_SITE),
    ("website", Source.COMPANY_SITE),
    ("network", Source.NETWORKING),
    ("meetup", Source.NETWORKING),
    ("email", Source.EMAIL),
    ("indeed", Source.JOB_BOARD),
    ("glassdoor", Source.JOB_BOARD),
    ("board", Source.JOB_BOARD),
    ("wellfound", Source.JOB_BOARD),
    ("angel", Source.JOB_BOARD),
    ("monster", Source.JOB_BOARD),
    ("dice", Source.JOB_BOARD),
    ("ziprecruiter", Source.JOB_BOARD),
    ("simplify", Source.JOB_BOARD),
)


def parse_source(text: str) -> Source | None:
    """Where a posting was found, from a tracker's free text ('LinkedIn', 'Referral', 'Indeed' …)."""
    key = text.strip().lower()
    if not key:
        return None
    try:
        return Source(key.replace(" ", "_"))
    except ValueError:
        pass
    return next((source for word, source in _SOURCE_WORDS if word in key), Source.OTHER)


def parse_tags(text: str) -> list[str]:
    """Tags separated by commas, semicolons or bars, lower-cased and sorted."""
    return sorted({t.strip().lower() for t in re.split(r"[,;|]", text) if t.strip()})


def parse_flag(text: str) -> bool:
    """A yes/no cell: true, yes, 1, x."""
    return text.strip().lower() in {"true", "yes", "y", "1", "x", "archived"}


def join_notes(*parts: str) -> str:
    """Notes from several cells, blank ones left out."""
    return "\n\n".join(p.strip() for p in parts if p and p.strip())
