"""Every place a mail names its employer proposes that name with a weight: subject, body, signature, sender, domain."""

from __future__ import annotations

import re
from collections import defaultdict

from bounceback.mail.extract.company_name import clean_name, key_words
from bounceback.mail.extract.domains import spelling
from bounceback.mail.extract.mail import Mail
from bounceback.mail.extract.patterns import (
    AT_OR_WITH,
    BODY_COMPANY,
    BODY_COMPANY_BEFORE,
    BODY_COMPANY_STRONG,
    GREETING,
    GROUP_AT,
    NAMED_FROM,
    NOT_A_COMPANY_AFTER,
    PLATFORM_WORDS,
    ROLE_FOR,
    SIGNATURE_ASIDE,
    SIGNATURE_SPLIT,
    SIGNOFF,
    SUBJECT_COMPANY,
    SUBJECT_COMPANY_BEFORE,
    SUBJECT_NAMED_THING,
    TITLES,
    WORD_START,
)
from bounceback.mail.extract.sender import Sender
from bounceback.mail.extract.text import (
    capitalised,
    fold,
    has_role_head,
    is_team_only,
    looks_generic,
    squash,
    start_of_line,
    subject_parts,
)
from bounceback.mail.extract.tokens import name_at, name_before, title_at, title_before
from bounceback.mail.extract.words import (
    GENERIC_SUBJECT_WORDS,
    NAME_STOPS,
    OF_ORGANISATIONS,
    PLACE_WORDS,
    ROLE_HEADS,
    TOOL_NAMES,
)


class NameVotes:
    """Names proposed for the employer, with their summed weights; `relay` when a service sent the mail about
    another company (then the sender's name and domain are not the employer's)."""

    def __init__(self, mail: Mail) -> None:
        self.mail = mail
        self.weights: dict[str, float] = defaultdict(float)
        self.relay = False
        self.vendors = {squash(mail.sender.ats or ""), squash(mail.sender.board or "")} - {""}
        person = mail.sender.name if mail.sender.person else ""
        self.person_words = {squash(w) for w in TITLES.sub("", person).split()} - {""}

    def add(self, raw: str, weight: float) -> None:
        """Count one proposal, unless it is no company's name at all."""
        name = clean_name(raw, self.mail.label)
        if self._refused(name):
            return
        self.weights[name] += weight

    def _refused(self, name: str) -> bool:
        """Empty, too long, a team, the vendor, the sender's own name, a tool, a job title or stock words."""
        words = name.split()
        if not name or len(name) > 60 or len(words) > 7 or is_team_only(name):
            return True
        squashed = squash(name)
        if any(v in squashed or (len(squashed) >= 3 and squashed in v) for v in self.vendors):
            return True
        if set(key_words(name)) <= self.person_words or name.lower() in TOOL_NAMES:
            return True
        if self.mail.agency and self.mail.label and spelling(self.mail.label, name) == 2:
            return True  # the agency's own name ('Brightpath Recruitment' at brightpath-recruitment.com)
        if fold(words[-1]) in ROLE_HEADS or words[0] in NAME_STOPS:
            return True
        return all(w.lower() in GENERIC_SUBJECT_WORDS for w in words)


def company_votes(mail: Mail) -> NameVotes:
    """Every proposal for the employer's name in one mail."""
    votes = NameVotes(mail)
    in_subject = _subject_names(votes, mail.subject)
    votes.relay = _relayed(mail, in_subject)
    _body_names(votes, mail.own, 1.0)
    _body_names(votes, mail.quoted, 0.5)
    _signature_names(votes, mail.own)
    if not votes.relay:
        _display_names(votes, mail.sender, 2 if mail.agency else 4)
        _domain_names(votes, mail.label, mail.body)
    return votes


# Mailboxes a service sends from, not a person or an employer's recruiting team.
_AUTOMATED = re.compile(
    r"^(?:no-?reply|do-?not-?reply|notifications?|notify|alerts?|updates?|invites?|invitations?|sync|mailer|"
    r"messages?|digest|news)(?:[-_.+]\w+)?$"
)


def _relayed(mail: Mail, in_subject: dict[str, float]) -> bool:
    """Whether a service (a job board, a testing or tracking tool the extractor does not know by name) sends
    this mail about another company: an automated mailbox whose own name the subject leaves out, while the
    subject names a company the body names too ('Update on your application to Sable Ridge Energy' from
    'HireLoop <notifications@hireloop.com>'). Then the employer is the company named, not the sender."""
    sender = mail.sender
    display = sender.name.strip().strip("\"'")
    local = sender.address.partition("@")[0]
    if sender.person or sender.ats or not display or not _AUTOMATED.match(local):
        return False
    own = key_words(clean_name(display, mail.label)) or key_words(display)
    if not own or squash(own[0]) in squash(mail.subject):
        return False
    named = [
        name
        for name, weight in in_subject.items()
        if weight >= 2 and name in mail.own and key_words(name) and key_words(name)[0] != own[0]
    ]
    return any(not (mail.label and spelling(mail.label, name)) for name in named)


def _subject_names(votes: NameVotes, subject: str) -> dict[str, float]:
    """Names in the subject's set phrases and parts; each name counts once. Returns them with their weights."""
    found: dict[str, float] = {}
    for pattern in SUBJECT_COMPANY:
        for match in pattern.finditer(subject):
            found.setdefault(name_at(subject[match.end() :]), 4)
    for match in SUBJECT_NAMED_THING.finditer(subject):
        found.setdefault(match.group("c"), 3)
    for match in AT_OR_WITH.finditer(subject):  # 'Status update: Data Engineer at Acme'
        if has_role_head(title_before(subject[: match.start()])):
            found.setdefault(name_at(subject[match.end() :]), 4)
    first = name_at(subject)
    if first and SUBJECT_COMPANY_BEFORE.match(subject[subject.find(first) + len(first) :]):
        found.setdefault(first, 4)
    after_title = False
    # An agency's subject names its client ('Finance Partner - Calder Mutual'): its own name is refused.
    boost = 2.0 if votes.mail.agency else 1.0
    for part in subject_parts(subject):  # 'Acme - Data Engineer'; after a title a part is often a place
        if name_at(part) == part and not has_role_head(part) and not looks_generic(part):
            found.setdefault(part, (1.5 if after_title else 2) * boost)
        after_title = has_role_head(part)
    for name, weight in found.items():
        votes.add(name, weight)
    return found


def _body_names(votes: NameVotes, text: str, weight: float) -> None:
    """Names in the body's phrases: 'applying to X', 'your interest in X', 'X has invited you', 'on behalf of X'."""
    for pattern in BODY_COMPANY:
        for match in pattern.finditer(text):
            name = name_at(text[match.end() :])
            if name and not NOT_A_COMPANY_AFTER.match(text, match.end() + len(name)):
                votes.add(name, weight)
    for pattern in BODY_COMPANY_STRONG:
        for match in pattern.finditer(text):
            votes.add(name_at(text[match.end() :]), 3 * weight)
    for match in ROLE_FOR.finditer(text):  # 'your application for Data Engineer at Acme'
        rest = text[match.end() :]
        title = title_at(rest)
        after = AT_OR_WITH.match(rest, len(title)) if title and has_role_head(title) else None
        if after:
            votes.add(name_at(rest[after.end() :]), 2.5 * weight)
    # 'X would like you to…': from a vendor X is an employer, from a person more often a colleague.
    before_weight = (2.5 if votes.mail.sender.ats else 1.5) * weight
    for match in BODY_COMPANY_BEFORE.finditer(text):
        line_start = start_of_line(text, match.start())
        votes.add(name_before(text[line_start : match.start()]), before_weight)


def _signature_names(votes: NameVotes, own: str) -> None:
    """Names in the signature and in a banner line at the top ('Acme Talent Acquisition', 'Recruiter | Acme')."""
    lines = [line.strip() for line in own.splitlines() if line.strip()]
    if not lines:
        return
    banner = [lines[0]] if len(lines) > 8 and len(lines[0]) <= 40 and not GREETING.match(lines[0]) else []
    for line in banner + lines[-8:]:
        if len(line) > 70 or GREETING.match(line) or SIGNOFF.match(line):
            continue
        for part in SIGNATURE_SPLIT.split(line.lstrip("—–- ").rstrip(".")):
            _signature_part(votes, part)


def _signature_part(votes: NameVotes, part: str) -> None:
    """One piece of a signature line, if it is a name: a team's name ('Acme Recruiting') counts more than a bare one."""
    part = SIGNATURE_ASIDE.sub("", part).strip()
    if part.lower().startswith(("the ", "team ", "your ")):
        part = part.split(" ", 1)[1]
    name = name_at(part)
    if not name or has_role_head(part) or is_team_only(name):
        return
    rest = part[len(name) :].strip(" .")
    if rest and not is_team_only(rest):
        return
    team = bool(rest) or clean_name(name, votes.mail.label) != name
    votes.add(name, 2.5 if team else 1.5)


def _display_names(votes: NameVotes, sender: Sender, weight: float) -> None:
    """The sender's display name, unless it is a person, a platform or the vendor itself."""
    display = sender.name.strip().strip("\"'")
    if not display or PLATFORM_WORDS.search(display):
        return
    group = GROUP_AT.match(display) or NAMED_FROM.match(display)  # 'Jobs at Acme', 'Rachel at Acme'
    if group:
        votes.add(group.group("org"), weight)
    elif not sender.person:
        votes.add(display, weight)


def _domain_names(votes: NameVotes, label: str, text: str) -> None:
    """Names in the text that spell the sender's domain ('Coral Bay Bank' for coralbaybank.com), up to four."""
    if not label:
        return
    start = squash(label)[:3]
    seen = 0
    for match in WORD_START.finditer(text):
        word = match.group()
        if not capitalised(word):
            continue
        if squash(word)[:3] != start and squash(word) not in OF_ORGANISATIONS:  # 'University of Acme'
            continue
        words = name_at(text[match.start() :]).split()
        place = next((n for n, w in enumerate(words) if n and w.lower() in PLACE_WORDS), len(words))
        words = words[:place]  # 'Lumara Bank Tower' is where Lumara Bank is
        size = next((n for n in range(len(words), 0, -1) if spelling(label, " ".join(words[:n]))), 0)
        if size:
            votes.add(" ".join(words[:size]), 1)
            seen += 1
            if seen >= 4:
                return
