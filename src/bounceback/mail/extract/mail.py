"""The mail as the extractor reads it: its subject, the sender's own words, the quotes, and the sender's domain."""

from __future__ import annotations

from dataclasses import dataclass, field

from bounceback.mail.extract.domains import labels_in, own_label, spelling
from bounceback.mail.extract.patterns import AGENCY, QUOTE_START, REPLY_PREFIX
from bounceback.mail.extract.sender import Sender
from bounceback.mail.extract.words import AGENCY_WORDS

BODY_LIMIT = 6000  # characters read from the top of a body; its last 1,500 are read too, for the signature


@dataclass
class Mail:
    """The parts of a message the extractor reads."""

    subject: str
    own: str  # the sender's own words
    quoted: str  # earlier messages quoted below them
    sender: Sender
    label: str  # the employer's name as the sender's address spells it
    agency: bool  # a recruitment agency writes, perhaps for a client
    labels_in_text: set[str] = field(default_factory=set)

    @classmethod
    def read(cls, subject: str, text: str, sender: Sender) -> Mail:
        """Split the body into own words and quotes; note the domains and agency hints it mentions."""
        body = text[:BODY_LIMIT] + ("\n" + text[-1500:] if len(text) > BODY_LIMIT else "")
        own_lines: list[str] = []
        quoted_lines: list[str] = []
        start = QUOTE_START.search(body)
        head, tail = (body[: start.start()], body[start.end() :]) if start else (body, "")
        for line in head.splitlines():
            (quoted_lines if line.lstrip().startswith(">") else own_lines).append(line)
        quoted_lines += tail.splitlines()
        quoted = "\n".join(line.lstrip("> ").strip() for line in quoted_lines)
        own = "\n".join(own_lines)
        label = own_label(sender.address, sender.ats)
        agency = (
            bool(AGENCY.search(subject) or AGENCY.search(own))
            or _is_agency_name(sender.name, label)
            or (sender.person and _is_agency_label(label))
        )
        mail = cls(REPLY_PREFIX.sub("", subject.strip()), own, quoted, sender, label, agency)
        mail.labels_in_text = labels_in(body)
        return mail

    @property
    def body(self) -> str:
        """Own words and quotes together."""
        return self.own + "\n" + self.quoted


# Words a recruitment firm's domain ends with ('brightpath-recruitment', 'harbourtalent'); 'search' only as a
# word of its own ('talentforge-search'), since a run-together one is as often a search engine's.
_AGENCY_ENDINGS = ("talent", "staffing", "recruitment", "recruiting", "resourcing")


def _is_agency_label(label: str) -> bool:
    """Whether a person writes from a recruitment firm's domain: then they write for a client."""
    pieces = label.split("-")
    if len(pieces) > 1 and pieces[-1] in AGENCY_WORDS:
        return True
    return any(label.endswith(word) and len(label) - len(word) >= 3 for word in _AGENCY_ENDINGS)


def _is_agency_name(display: str, label: str) -> bool:
    """Whether the sender's own name is a recruitment firm's ('Harlow Talent' at harlowtalent.co.uk)."""
    words = display.split()
    return len(words) >= 2 and words[-1].lower() in AGENCY_WORDS and spelling(label, display) == 2
