"""The job title a mail states, read from anchored phrases and the subject's parts; None rather than a wrong one."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from bounceback.mail.extract.mail import Mail
from bounceback.mail.extract.patterns import (
    FOR_OR_AS,
    PARENTHESIS_INNER,
    ROLE_AFTER,
    ROLE_ANCHOR,
    ROLE_FIELD,
    ROLE_FOR,
)
from bounceback.mail.extract.role_title import tidy_role
from bounceback.mail.extract.text import fold, has_role_head, start_of_line, subject_parts
from bounceback.mail.extract.tokens import lower_title_before, title_at, title_before
from bounceback.mail.extract.words import ROLE_TAIL_WORDS, STRONG_ANCHORS

MIN_ROLE_SUPPORT = 3.0  # one anchored mention ("the X role") is enough; a bare guess is not


def choose_role(mail: Mail, company: str | None) -> str | None:
    """The job title the mail states, or None."""
    votes = _RoleVotes(company)
    _role_fields(votes, mail.own)
    _role_phrases(votes, mail.own, 1.0, "own")
    _role_phrases(votes, mail.quoted, 0.5, "quoted")
    _subject_roles(votes, mail.subject)
    return votes.best()


@dataclass
class _RoleVotes:
    """Titles proposed for the role: each mention counts once, however many patterns find it."""

    company: str | None
    mentions: dict[tuple[str, object], float] = field(default_factory=dict)
    spelled: dict[str, str] = field(default_factory=dict)
    order: dict[str, int] = field(default_factory=dict)

    def add(self, raw: str, weight: float, where: object) -> None:
        """Count one proposal found at `where` (a line, the subject), if it reads as a job title."""
        role = tidy_role(raw, self.company) if raw else None
        if not role:
            return
        key = role.lower()
        self.mentions[key, where] = max(weight, self.mentions.get((key, where), 0.0))
        self.spelled.setdefault(key, role)
        self.order.setdefault(key, len(self.order))

    def totals(self) -> dict[str, float]:
        """Summed support per title; a title also takes the support of shorter ways to write it."""
        weights: dict[str, float] = defaultdict(float)
        for (key, _), weight in self.mentions.items():
            weights[key] += weight
        totals = dict(weights)
        for longer in weights:
            for shorter in weights:
                if longer != shorter and _shortens(shorter, longer):
                    totals[longer] += weights[shorter]
        return totals

    def best(self) -> str | None:
        """The best-supported title, if it has enough support; among equals one written as a title, then the first."""
        totals = self.totals()
        if not totals:
            return None
        best = max(totals, key=lambda k: (totals[k], self.spelled[k][:1].isupper(), -self.order[k]))
        return self.spelled[best] if totals[best] >= MIN_ROLE_SUPPORT else None


def _shortens(short: str, long: str) -> bool:
    """Whether one title is a shorter way to write another: its start, its end, or its initials ('SRE')."""
    if long.startswith((short + " ", short + ",")) or long.endswith(" " + short):
        return True
    initials = "".join(w[0] for w in long.replace("-", " ").split() if w[0].isalpha())
    return 2 <= len(short) <= 5 and short.isalpha() and short == initials


def _role_fields(votes: _RoleVotes, text: str) -> None:
    """Labelled lines: 'Position: X', 'Job title: X'."""
    for match in ROLE_FIELD.finditer(text):
        rest = match.group("rest").strip() or (match.group("next") or "").strip()
        votes.add(title_at(rest), 5, ("field", match.start()))


def _role_phrases(votes: _RoleVotes, text: str, weight: float, source: str) -> None:
    """Anchored phrases: 'the position of X', 'applying for X at', 'the X role'."""

    def where(position: int) -> object:
        return source if source == "subject" else (source, text.count("\n", 0, position))

    for match in ROLE_AFTER.finditer(text):
        votes.add(title_at(text[match.end() :]), 4 * weight, where(match.start()))
    for match in ROLE_FOR.finditer(text):
        votes.add(title_at(text[match.end() :]), 3 * weight, where(match.start()))
    for match in ROLE_ANCHOR.finditer(text):
        line_start = start_of_line(text, match.start())
        before = text[line_start : match.start()].rstrip()
        if not before:
            continue
        strong = match.group("a") in STRONG_ANCHORS
        title = title_before(before)
        if title:
            votes.add(title, (4 if strong else 3) * weight, where(match.start()))
        elif strong:
            votes.add(lower_title_before(before), 3 * weight, where(match.start()))


def _subject_roles(votes: _RoleVotes, subject: str) -> None:
    """Titles in the subject: set phrases, parts that are a title ('Offer - Data Engineer'), '(Data Engineer)'."""
    for part in subject_parts(subject):
        _role_phrases(votes, part, 1.0, "subject")
        title = title_at(part)
        if title and (title == part or fold(part[len(title) :].split()[0]) in ROLE_TAIL_WORDS):
            votes.add(title, 3, "subject")
        else:
            tail = title_before(part)
            if tail and len(tail.split()) >= 2 and has_role_head(tail):
                votes.add(tail, 2, "subject")
        words = part.split()
        if len(words) >= 2 and fold(words[-1]) in ROLE_TAIL_WORDS:
            votes.add(lower_title_before(" ".join(words[:-1]), start_ok=True), 3, "subject")
        elif len(words) <= 4:
            votes.add(lower_title_before(part, start_ok=True), 3, "subject")  # 'Re: surf instructor'
        for match in FOR_OR_AS.finditer(part):
            votes.add(title_at(part[match.end() :]), 3, "subject")  # 'next steps for Staff Engineer'
    for inner in PARENTHESIS_INNER.findall(subject):
        if title_at(inner) == inner:
            votes.add(inner, 3, "subject")
