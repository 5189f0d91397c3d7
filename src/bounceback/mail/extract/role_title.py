"""A proposed job title tidied as a person would write it, or None when it does not read as a job title."""

from __future__ import annotations

from bounceback.mail.extract.patterns import (
    DASH_SPLIT,
    DIGIT,
    LEVEL,
    NOTE_SPLIT,
    ORDINAL,
    PARENTHESIS,
    SPACES,
    YEAR,
)
from bounceback.mail.extract.text import fold, has_role_head, squash
from bounceback.mail.extract.words import KEPT_NOTES, LEADING_NOT_TITLE, ROLE_HEADS, ROLE_TAIL_WORDS


def tidy_role(raw: str, company: str | None) -> str | None:
    """A role as a person would write it: no reference codes, no stock words, no company name in front."""
    role = SPACES.sub(" ", raw).strip(" \"'“”‘’,.:;|")
    role = PARENTHESIS.sub(lambda m: "" if _paren_is_aside(m.group(1)) else m.group(0), role).strip()
    first, _, rest = role.partition(" ")
    if first and not first.replace("-", "").replace(".", "").isalnum():
        role = rest  # 'DE>EN Medical Translator' → 'Medical Translator'
    parts = [p for p in DASH_SPLIT.split(role) if p]
    while len(parts) > 1 and not has_role_head(parts[0]):
        parts = parts[1:]  # '30 Minute Intro - Growth Marketing Manager'
    parts = parts[:1] + [p for p in parts[1:] if not YEAR.match(p.split()[0])]  # '… - 2025-26 Pool'
    words = " - ".join(parts).split()
    while words and words[-1].lower().strip(",.") in ROLE_TAIL_WORDS:
        words = words[:-1]
    while words and (YEAR.match(words[0]) or fold(words[0]) in LEADING_NOT_TITLE):
        words = words[1:]
    if company:
        words = _without_company(words, company)
    if len(words) >= 2 and words[-1].lower() in {"program", "programme"} and fold(words[-2]) in ROLE_HEADS:
        words = words[:-1]  # 'Summer Analyst Program' → 'Summer Analyst'
    while words and YEAR.match(words[-1]):
        words = words[:-1]
    role = " ".join(words).strip(" ,-–")
    if not role or len(words) > 9 or not has_role_head(role):
        return None
    return None if company and squash(role) == squash(company) else role


def _paren_is_aside(inner: str) -> bool:
    """A parenthesis that is no part of the title: a reference ('Ref 31877'), a place or a note ('Singapore office').

    Kept: qualifiers such as '(2nd shift)', '(Level 3)', '(part-time)', '(f/m/d)', '(APAC)'.
    """
    if DIGIT.search(inner):
        return not ORDINAL.search(inner) and not LEVEL.match(inner)
    lower = [w for w in NOTE_SPLIT.split(inner) if w and w[0].islower() and "/" not in w]
    return "," in inner or any(w not in KEPT_NOTES for w in lower)


def _without_company(words: list[str], company: str) -> list[str]:
    """Title words without the company's name in front ('Lumara Bank Graduate Programme' → 'Graduate Programme')."""
    company_words = [squash(w) for w in company.split()]
    for size in range(len(company_words), 0, -1):
        if [squash(w) for w in words[:size]] == company_words[:size] and len(words) > size:
            rest = words[size:]
            while rest and YEAR.match(rest[0]):
                rest = rest[1:]
            return rest
    return words
