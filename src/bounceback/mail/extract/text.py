"""Small text helpers shared by the company and role readers: folding, squashing, and telling words apart."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from bounceback.mail.extract.patterns import SPLIT_SUBJECT, TITLE_WORD_SPLIT
from bounceback.mail.extract.words import GENERIC_SUBJECT_WORDS, LEGAL, ROLE_HEADS, TEAM_WORDS


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Lower case without accents: 'Associés' → 'associes'."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=8192)
def squash(text: str) -> str:
    """Only the letters and digits, folded; '&' reads 'and': 'Harbor & Pine' → 'harborandpine'."""
    return "".join(c for c in fold(text.replace("&", "and")) if c.isalnum())


def capitalised(word: str) -> bool:
    """A word a name can be made of: 'Acme', 'GAON', 'iCIMS' (not '2026', not 'with')."""
    if not word or not any(c.isalpha() for c in word):
        return False
    return word[0].isupper() or (len(word) > 1 and word[0].islower() and word[1].isupper())


def _role_words(text: str) -> list[str]:
    """The folded words of a title, without punctuation and parentheses; 'SDE-2' gives 'sde' and '2'."""
    return [fold(w.strip("(),.")) for w in TITLE_WORD_SPLIT.split(text) if w.strip("(),.")]


def has_role_head(text: str) -> bool:
    """Whether a phrase holds a job-title noun ('Engineer', 'Nurse', 'PM', a '-ist' or an '-ician')."""
    return any(w in ROLE_HEADS or (len(w) > 5 and w.endswith(("ist", "ician"))) for w in _role_words(text))


def is_team_word(word: str) -> bool:
    """A word that names a team rather than a company ('Recruiting', 'HR,'), trailing punctuation aside."""
    return word.lower().strip(",.") in TEAM_WORDS


def is_team_only(name: str) -> bool:
    """A name made only of team words ('Talent Acquisition', 'HR & Admin Unit')."""
    return all(is_team_word(w) for w in name.split())


def name_words(name: str) -> list[str]:
    """The squashed words of a name without its legal forms: 'Acme Labs Ltd' → ['acme', 'labs']."""
    return [s for s in (squash(w) for w in name.split() if w.lower() not in LEGAL) if s]


def start_of_line(text: str, at: int) -> int:
    """Where the line holding position `at` starts."""
    return text.rfind("\n", 0, at) + 1


def subject_parts(subject: str) -> list[str]:
    """The subject cut at its separators: 'Acme - Application received: Analyst' → three parts."""
    return [p.strip(" .,!?") for p in SPLIT_SUBJECT.split(subject) if p and p.strip(" .,!?")]


def looks_generic(part: str) -> bool:
    """A subject part made of stock words ('Application Received', 'Offer Letter') rather than a name."""
    words = [w.lower().strip(",.:") for w in part.split()]
    return any(w in GENERIC_SUBJECT_WORDS for w in words) or any(c.isdigit() for c in part)
