"""Knowing an application that is already there, so importing the same file twice adds nothing twice.

Two applications are the same when their posting URLs match, or else when company, role and day (applied or
saved) match, unless both have URLs and those differ (the same role posted twice is two openings).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from bounceback.domain.naming import company_key, slugify


def url_key(url: str) -> str:
    """A URL reduced to what identifies a posting: no case in the host, no fragment, tracking or trailing slash."""
    text = url.strip()
    if not text:
        return ""
    try:
        parts = urlsplit(text if "://" in text else f"https://{text}")
    except ValueError:  # not a URL at all (e.g. a stray bracket): compare it as written
        return text.lower()
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if not k.lower().startswith("utm_")])
    host = parts.netloc.lower().removeprefix("www.")
    return urlunsplit(("https", host, parts.path.rstrip("/"), query, ""))


def name_key(company: str, role: str) -> tuple[str, str]:
    """Company and role compared without case, punctuation or legal suffixes."""
    return company_key(company), slugify(role, max_length=300)


@dataclass
class _Known:
    """What identifies one application already there."""

    url: str
    days: frozenset[date]


@dataclass
class DuplicateIndex:
    """The applications already in the workspace (and those added so far), by URL and by name."""

    urls: set[str] = field(default_factory=set)
    by_name: dict[tuple[str, str], list[_Known]] = field(default_factory=dict)

    def add(self, company: str, role: str, url: str, days: tuple[date | None, ...]) -> None:
        """Remember one application."""
        key = url_key(url)
        if key:
            self.urls.add(key)
        known = _Known(key, frozenset(d for d in days if d is not None))
        self.by_name.setdefault(name_key(company, role), []).append(known)

    def holds(self, company: str, role: str, url: str, day: date | None) -> bool:
        """Whether an application like this one is already known."""
        key = url_key(url)
        if key and key in self.urls:
            return True
        for known in self.by_name.get(name_key(company, role), []):
            if key and known.url and key != known.url:
                continue
            if day is None or not known.days or day in known.days:
                return True
        return False
