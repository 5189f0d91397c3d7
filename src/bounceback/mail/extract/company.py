"""The employer chosen from the proposed names: pooled by company, spelled as the domain confirms, else the domain."""

from __future__ import annotations

import re

from bounceback.mail.extract.company_name import key_words
from bounceback.mail.extract.company_votes import company_votes
from bounceback.mail.extract.domains import spelling
from bounceback.mail.extract.mail import Mail
from bounceback.mail.extract.patterns import EXTENDING_LEGAL, THE_BEFORE
from bounceback.mail.extract.text import squash, start_of_line
from bounceback.mail.extract.words import SECTOR_WORDS

_SECTOR = frozenset(SECTOR_WORDS) | {
    "authority",
    "university",
    "district",
    "resorts",
    "spa",
    "project",
    "relief",
}

MIN_COMPANY_SUPPORT = 2.5  # below this, a pool of names is no answer and the domain is used instead


def choose_company(mail: Mail) -> str | None:
    """The employer: the best-supported pool of names, or the domain's own name when nothing names it."""
    votes = company_votes(mail)
    weights = dict(votes.weights)
    pools = _pools(weights, mail.label)
    if not pools:
        return None if votes.relay else _domain_as_name(mail)
    score, pool = max(
        ((_pool_score(p, weights, mail, relay=votes.relay), p) for p in pools), key=lambda sp: sp[0]
    )
    if score < MIN_COMPANY_SUPPORT:
        return None if votes.relay else _domain_as_name(mail)
    return _without_via(_full_form(_spelled_as(pool, weights, mail), mail.body))


def _without_via(name: str) -> str:
    """'Wexford Care via Signwell' → 'Wexford Care': the service that sent it is not the employer."""
    head, via, _tail = name.partition(" via ")
    return head.strip() if via and head.strip() else name


def _pools(weights: dict[str, float], label: str) -> list[list[str]]:
    """Names grouped by company, best supported first within each group."""
    pools: list[list[str]] = []
    for name in sorted(weights, key=lambda n: -weights[n]):
        home = next((p for p in pools if any(_related(name, other, label) for other in p)), None)
        if home is None:
            pools.append([name])
        else:
            home.append(name)
    return pools


def _related(a: str, b: str, label: str) -> bool:
    """Whether two names are one company at different lengths ('Grey Harbour' and 'Grey Harbour Insurance')."""
    wa, wb = key_words(a), key_words(b)
    if not wa or not wb:
        return False
    short, long = sorted((wa, wb), key=len)
    if long[: len(short)] == short or "".join(wa) == "".join(wb):
        return True
    return bool(label) and bool(spelling(label, a)) and bool(spelling(label, b))


def _pool_score(pool: list[str], weights: dict[str, float], mail: Mail, *, relay: bool = False) -> float:
    """Support for one company: its proposals, plus the sender's domain and the addresses in the text."""
    score = sum(weights[n] for n in pool)
    if mail.label and not mail.agency and not relay:  # an agency's or a service's domain names no employer
        score += (0, 2.5, 3.5)[max(spelling(mail.label, n) for n in pool)]
    if any(spelling(other, n) for other in mail.labels_in_text for n in pool):
        score += 1.5
    return score


def _spelled_as(pool: list[str], weights: dict[str, float], mail: Mail) -> str:
    """The spelling of the winning company: one the domain confirms, then the best supported, then the longest."""
    confirmed = [n for n in pool if mail.label and spelling(mail.label, n)]
    return max(confirmed or pool, key=lambda n: (weights[n], len(n)))


def _full_form(name: str, text: str) -> str:
    """The name with the legal form the mail gives it ('Nordic Ledger' → 'Nordic Ledger AS'), and a leading 'The'."""
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        if text[end : end + 1] in {" ", ","}:
            legal = EXTENDING_LEGAL.match(text, end)
            if legal and (legal.end() == len(text) or not text[legal.end()].isalnum()):
                return name + legal.group()
        at = text.find(name, end)
    return "The " + name if _written_with_the(name, text) else name


def _written_with_the(name: str, text: str) -> bool:
    """Whether the mail writes 'The' as part of the name: 'Metro Editor, The Redwood Sentinel'."""
    needle = "The " + name
    at = text.find(needle)
    while at >= 0:
        end = at + len(needle)
        after, line_start = text[end : end + 2], start_of_line(text, at)
        if after[:1].isalnum():
            pass  # 'The Acmely…': a longer word
        elif line_start == at and after[:1] in {"", "\n", ",", "."}:
            return True  # a line of its own: 'The Thornfield Trust, registered charity'
        elif THE_BEFORE.search(text, line_start, at) and not (after[:1] in " \t" and after[1:2].isalpha()):
            return True  # 'at The Redwood Sentinel', not 'The Quillmate team'
        at = text.find(needle, end)
    return False


def _domain_as_name(mail: Mail) -> str | None:
    """The sender's own domain as a name ('tidemarkrobotics' → 'Tidemark Robotics'), when nothing names one;
    spelled as the mail itself writes it when it does ('petalandstem' → 'Petal & Stem Flowers')."""
    if not mail.label or mail.agency or len(mail.label) < 3:
        return None
    written = _written_out(mail.label, f"{mail.sender.name}\n{mail.subject}\n{mail.own}")
    if written:
        return written
    pieces = mail.label.split("-")
    words = pieces if len(pieces) > 1 else _split_sector_words(pieces[0])
    return " ".join(w.upper() if w in {"hq", "ai", "ngo"} else w.title() for w in words)


_NAME_RUN = re.compile(r"[A-Z][\w'’.-]{0,30}(?:[ \t]+(?:[A-Z][\w'’.-]{0,30}|&|and|of|de|la|du))*")
_MAX_RUN_WORDS = 8


def _written_out(label: str, text: str) -> str | None:
    """The longest run of capitalised words in the text that spells the domain label word for word, with the
    sector words that follow it ('Swan Lake' + 'Hotels', 'Harborpoint' + 'Financial')."""
    wanted = squash(label.replace("-", ""))
    best: str | None = None
    for run in _NAME_RUN.finditer(text[:8000]):
        words = run.group().split()[:_MAX_RUN_WORDS]
        for start in range(len(words)):
            for end in range(start + 1, len(words) + 1):
                if squash(" ".join(words[start:end])) != wanted or words[start].lower() in {"and", "of", "&"}:
                    continue
                while end < len(words) and squash(words[end]) in _SECTOR:
                    end += 1
                found = " ".join(words[start:end]).rstrip(".,")
                if best is None or len(found) > len(best):
                    best = found
    return best


def _split_sector_words(label: str) -> list[str]:
    """A run-together label split before up to two sector words at its end: 'quorumhealthanalytics' → 3 words."""
    tail: list[str] = []
    while len(tail) < 2:
        word = next((w for w in SECTOR_WORDS if label.endswith(w) and len(label) - len(w) >= 3), None)
        if not word:
            break
        tail.insert(0, word)
        label = label[: -len(word)]
    return [label, *tail]
