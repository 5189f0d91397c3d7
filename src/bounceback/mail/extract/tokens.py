"""Short walks over a line's tokens that read the capitalised name or job title at a fragment's start or end."""

from __future__ import annotations

from bounceback.mail.extract.patterns import ABBREVIATION, TOKEN
from bounceback.mail.extract.text import capitalised, fold
from bounceback.mail.extract.words import (
    ACADEMIC_HEADS,
    LEFT_OF_TITLE,
    NAME_JOINERS,
    NAME_STOPS,
    NOT_IN_TITLE,
    ROLE_HEADS,
    ROLE_STOPS,
)


def _split_token(token: str) -> tuple[str, str]:
    """A token without trailing punctuation, and that punctuation ('' when the phrase runs on)."""
    if token.startswith("("):
        return token, ""
    core = token.rstrip(",;:!?\"”’'»)]…")
    tail = token[len(core) :]
    if core.endswith(".") and not ABBREVIATION.match(core):
        core, tail = core.rstrip("."), "." + tail
    return core.lstrip("\"“‘'«(["), tail


def _tokens(fragment: str) -> list[str]:
    """The tokens of a fragment's first line."""
    return TOKEN.findall(fragment.split("\n", 1)[0][:200])


def name_at(fragment: str) -> str:
    """The capitalised name that opens a fragment: 'Harbor & Pine Outfitters! We…' → 'Harbor & Pine Outfitters'."""
    words: list[str] = []
    pending: list[str] = []  # joiners ('&', 'of') kept only when a capitalised word follows
    for token in _tokens(fragment):
        core, tail = _split_token(token)
        if words and core.lower() in NAME_JOINERS:
            pending.append(core)
        elif capitalised(core) and core not in NAME_STOPS and not core.startswith("(") and core not in words:
            words += [*pending, core]
            pending = []
            if core.endswith(("'s", "’s")):  # "Pennywise's free plan"
                words[-1] = core[:-2]
                break
        else:
            break
        if tail or len(words) >= 7:
            break
    return " ".join(words)


def name_before(line: str) -> str:
    """The capitalised name that ends a fragment, after punctuation or a small word: 'Hi Mei, Fablewood'."""
    tokens = TOKEN.findall(line[-160:])
    best = ""
    for start in range(len(tokens) - 1, max(-1, len(tokens) - 8), -1):
        candidate = " ".join(tokens[start:])
        if name_at(candidate) != candidate:
            continue
        before = tokens[start - 1] if start else ""
        if not before or before[-1] in ".,!?:;—–-|" or before.lower() in LEFT_OF_TITLE:
            best = candidate
    return best


def title_at(fragment: str) -> str:
    """The job title that opens a fragment: 'Senior PM, Platform role at…' → 'Senior PM, Platform'."""
    words: list[str] = []
    pending: list[str] = []  # joiners ('of', '&', '-') kept only when a title word follows
    after_comma = -1  # title words since a comma inside the title ('Manager, Private Banking'); -1: none yet
    for token in _tokens(fragment):
        core, tail = _split_token(token)
        low = core.lower()
        joiner = low in {"of", "&", "and", "-", "–", "/", "de", "y"} or (
            low == "in" and bool(words) and fold(words[-1]) in ACADEMIC_HEADS  # 'Lecturer in Linguistics'
        )
        if words and joiner:
            pending.append(core)
        elif words and core.startswith("(") and not pending:
            words.append(core)
        elif (capitalised(core) or core[:1].isdigit() or core.startswith(".")) and (
            core not in NAME_STOPS or (core == "I" and bool(words))  # 'Project Engineer I'
        ):
            if after_comma >= 2 and not pending:
                break
            words += [*pending, core]
            pending = []
            after_comma += 1 if after_comma >= 0 else 0
        else:
            break
        if tail == "," and after_comma < 0 and not pending:
            words[-1] += ","
            after_comma = 0
            continue
        if tail:
            break
    if words and words[-1].endswith(","):
        words[-1] = words[-1][:-1]
    return " ".join(words)


def title_before(line: str) -> str:
    """The job title that ends a fragment, after a word like 'the' or 'our': '…for the Staff Engineer'."""
    tokens = TOKEN.findall(line[-200:])
    best = ""
    for start in range(len(tokens) - 1, max(-1, len(tokens) - 12), -1):
        candidate = " ".join(tokens[start:])
        if not capitalised(tokens[start]) and not tokens[start][:1].isdigit():
            continue
        if title_at(candidate) != candidate.rstrip(","):
            continue
        before = tokens[start - 1].lower() if start else ""
        if not before or before in LEFT_OF_TITLE or before[-1] in ",:|—–-":
            best = candidate
    return best


def lower_title_before(line: str, *, start_ok: bool = False) -> str:
    """A title in lower case after 'the'/'our' (or opening a subject): '…for the litigation associate'."""
    tokens = line[-80:].split()
    if not tokens or fold(tokens[-1]) not in ROLE_HEADS:
        return ""
    for size in range(1, min(4, len(tokens)) + 1):
        words = tokens[-size:]
        first = fold(words[0])
        if (
            not first.replace("-", "").replace("&", "").isalnum()
            or first in ROLE_STOPS
            or first in NOT_IN_TITLE
        ):
            return ""
        if not start_ok and words[0][:1].isupper() and not words[0].isupper():
            return ""  # in running text a capitalised word belongs to a capitalised title, read elsewhere
        before = tokens[-size - 1].lower() if len(tokens) > size else ""
        if before in {"the", "our", "your", "a", "an", "as"} or (not before and start_ok):
            return " ".join(words)
    return ""
