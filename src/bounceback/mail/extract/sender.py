"""Who sent a job email and through what: the hiring tool, the job board, and whether a named person wrote."""

from __future__ import annotations

from dataclasses import dataclass

from bounceback.mail.extract.domains import own_label, spelling
from bounceback.mail.extract.patterns import GROUP_AT, LOCAL_NOISE, NAMED_FROM, TITLES
from bounceback.mail.extract.text import capitalised, has_role_head, squash
from bounceback.mail.extract.words import TEAM_WORDS
from bounceback.mail.senders import ats_vendor, is_no_reply, job_board


@dataclass(frozen=True)
class Sender:
    """Who sent the message and through what."""

    name: str
    address: str
    ats: str | None
    board: str | None
    person: bool


def sender_of(name: str, address: str) -> Sender:
    """Who wrote: the display name and address, the tool that sent it, and whether it is a named person."""
    ats, board = ats_vendor(address), job_board(address)
    return Sender(name, address, ats, board, _is_person(name, address, ats or board))


def _is_person(name: str, address: str, vendor: str | None) -> bool:
    """Whether a display name is a named human rather than a team, a company or a system."""
    if not name or vendor or is_no_reply(address) or GROUP_AT.match(name):
        return False
    if NAMED_FROM.match(name):  # 'Rachel at Pennywise'
        return True
    words = TITLES.sub("", name).split()
    if not 1 <= len(words) <= 4 or any(w.lower() in TEAM_WORDS or not capitalised(w) for w in words):
        return False
    label = own_label(address, None)
    if label and spelling(label, " ".join(words)):
        return False  # the company's own name
    local = address.partition("@")[0]
    if any(len(w) >= 3 and squash(w) in squash(local) for w in words):
        return True  # 'Priscilla Tan <priscilla.tan@…>'
    if LOCAL_NOISE.match(local.lower()) and len(words) >= 2:
        return False  # a company name on a shared mailbox: 'LifeSpring International <recruitment@…>'
    return len(words) == 1 or not has_role_head(name)
