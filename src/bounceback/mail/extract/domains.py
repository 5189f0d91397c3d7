"""What an address says about its owner, and whether a name spells a domain ('Coral Bay Bank' ← coralbaybank)."""

from __future__ import annotations

from functools import cache, lru_cache

from bounceback.mail.extract.patterns import DOMAIN_IN_TEXT, LOCAL_NOISE
from bounceback.mail.extract.text import name_words, squash
from bounceback.mail.extract.words import (
    OF_ORGANISATIONS,
    SERVICE_LABELS,
    TENANT_MAILBOXES,
    TEXT_LABEL_NOISE,
)
from bounceback.mail.senders import ats_vendor, is_freemail, job_board


def _registrable_label(domain: str) -> str:
    """The part of a domain that names its owner: 'careers.coralbaybank.co.uk' → 'coralbaybank'."""
    # 'example' is a reserved name for made-up domains (RFC 2606). As a second-level name it owns nothing
    # (jobs.acme.example.com is acme's); as the top-level name it is read like a country's ('acme.example',
    # 'acme.nsw.example'), so made-up mail reads like real mail.
    parts = [p for p in domain.lower().split(".") if p]
    if parts and parts[-1] == "example":
        parts[-1] = "xx"
    parts = [p for p in parts if p != "example"]
    if len(parts) < 2:
        return ""
    if len(parts) >= 3 and len(parts[-1]) == 2 and (len(parts[-2]) <= 3 or parts[-2] in {"gov", "edu"}):
        return parts[-3]
    return parts[-2]


def own_label(address: str, ats: str | None) -> str:
    """The employer's name as its address spells it: the domain, or the mailbox at an ATS ('acme@myworkday.com')."""
    local, _, domain = address.partition("@")
    if ats:
        tenant = ats in TENANT_MAILBOXES and len(local) >= 3 and not LOCAL_NOISE.match(local)
        return local if tenant and local.replace("-", "").isalpha() else ""
    return _owner_label(domain) if domain else ""


def _owner_label(domain: str) -> str:
    """The domain's owner label; '' for a job board or free mail, whose domain names no employer."""
    address = "x@" + domain
    return "" if job_board(address) or is_freemail(address) else _registrable_label(domain)


def labels_in(text: str) -> set[str]:
    """Owner labels of the addresses and links a text mentions, leaving out hiring tools, boards and free mail."""
    labels = set()
    for match in DOMAIN_IN_TEXT.finditer(text):
        domain = match.group(1).lower().rstrip(".")
        address = "x@" + domain
        if ats_vendor(address):
            sub = domain.split(".")[0]
            if sub not in TEXT_LABEL_NOISE and len(domain.split(".")) > 2:
                labels.add(sub)  # acme.teamtailor.com: the employer's own page at a vendor
        else:
            label = _owner_label(domain)
            if label and label not in SERVICE_LABELS:
                labels.add(label)
    return labels


@lru_cache(maxsize=4096)
def _spells(label: str, words: tuple[str, ...]) -> bool:
    """Whether the label is written by the words' beginnings in order ('bluemesacu' ← Blue Mesa Credit Union).

    The first word gives at least three letters; a later word may give none, a short abbreviation ('mfg' ←
    Manufacturing), or one letter when a neighbour gives one too (initials: 'cu' ← Credit Union).
    """

    @cache
    def go(i: int, j: int, initials: int) -> bool:
        if i == len(label):
            return initials != 1
        if j == len(words):
            return False
        word = words[j]
        shortest = min(3, len(word)) if j == 0 else 0
        for k in range(len(word), shortest - 1, -1):
            if k != 1 and initials == 1:
                continue
            if (k == 0 or label.startswith(word[:k], i)) and go(i + k, j + 1, initials + 1 if k == 1 else 0):
                return True
        if j and len(word) > 2 and initials != 1:
            for k in (2, 3, 4):
                piece = label[i : i + k]
                if (
                    len(piece) == k
                    and piece[0] == word[0]
                    and _is_subsequence(piece, word)
                    and go(i + k, j + 1, 0)
                ):
                    return True
        return False

    return go(0, 0, 0)


def _is_subsequence(piece: str, word: str) -> bool:
    """Whether the letters of piece appear in word in order."""
    letters = iter(word)
    return all(c in letters for c in piece)


def spelling(label: str, name: str) -> int:
    """How a name spells a domain label: 2 word for word, 1 by word beginnings, 0 not at all."""
    squashed = squash(label)
    everything = [s for s in (squash(w) for w in name.split()) if s]
    words = name_words(name)
    if words and words[0] == "the":
        words, everything = words[1:], everything[1:]
    if not squashed or not words:
        return 0
    if squashed in {"".join(words), "".join(everything)}:
        return 2
    if _spells(squashed, tuple(words)) or _spells(squashed, tuple(everything)):
        return 1
    if words[0] in OF_ORGANISATIONS and "of" in words[:-1]:  # University of Westbury ← westbury
        rest = words[words.index("of") + 1 :]
        return 1 if rest and _spells(squashed, tuple(rest)) else 0
    return 0
