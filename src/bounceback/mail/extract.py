"""Pull the company, the role and the sender out of a job email. Never mistake the ATS vendor for the employer."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from bounceback.mail.senders import ats_vendor, domain_of, is_freemail, is_no_reply, job_board

_NAME = r"[A-Z0-9][\w&'’.\-]*(?:[ ](?:&[ ])?(?:[A-Z0-9][\w&'’.\-]*|of|and|for|de|la|the))*"
_TEAM_WORDS = re.compile(
    r"\s*(?:[-–|,:]\s*)?\b(?:talent(?: acquisition)?(?: team)?|careers?|recruit(?:ing|ment)(?: team)?|hiring(?: team)?|"
    r"people(?: team| ops| operations)?|hr|human resources|jobs|team|notifications?|no-?reply|via \w+|"
    r"applicant tracking|staffing|the)\b\.?\s*$",
    re.IGNORECASE,
)
_COMPANY_PATTERNS = [
    re.compile(p)
    for p in (
        rf"(?:application|applying|applied) (?:to|with|at) (?P<c>{_NAME})",
        rf"(?:interest in|interested in) (?:joining |working (?:at|with|for) )?(?P<c>{_NAME})(?:[.,!]| and| as| for|$)",
        rf"(?:position|role|opening|vacancy|job|opportunity|team|career) (?:at|with) (?P<c>{_NAME})",
        rf"(?:here at|join(?:ing)?|from|on behalf of) (?P<c>{_NAME})",
        rf"(?:the|your) (?P<c>{_NAME}) (?:talent|recruiting|recruitment|hiring|people|hr) team",
        rf"(?:interview|call|chat|offer|assessment|update) (?:with|from) (?P<c>{_NAME})",
    )
]
_ROLE_PATTERNS = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"for (?:the|our|a|an) (?:position|role|post) of (?P<r>[^\n.,;!?()]{3,60})",
        r"(?:position|role|post|opening|vacancy) of (?P<r>[^\n.,;!?()]{3,60})",
        r"for (?:the|our|a|an|your) (?P<r>[^\n.,;!?()]{3,60}?) (?:position|role|opening|vacancy|job|post|opportunity)\b",
        r"(?:application|applying|applied) (?:for|to) (?:the|our|a|an) (?P<r>[^\n.,;!?()]{3,60}?) (?:position|role|opening|vacancy|job|post)\b",
        r"(?:application|applying|applied) (?:for|to) (?:the |our )?(?P<r>[A-Z][^\n.,;!?()]{2,60}?) (?:at|with|in our) ",
        r"as (?:a|an|our) (?P<r>[A-Z][^\n.,;!?()]{2,60}?) (?:at|with|in|on) ",
    )
]
_SUBJECT_ROLE = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^(?:re: |fwd?: )*(?:your )?application(?: received)?(?: for| to)?[:\- –]+(?P<r>[^|@\n]{3,60}?)(?: at | with | [-–|] |$)",
        r"^(?:re: |fwd?: )*(?:interview|assessment|offer|update)[^:\-–|]*[:\-–|] ?(?P<r>[^|@\n]{3,60}?)(?: at | with | [-–|] |$)",
    )
]
_ROLE_STOP = re.compile(
    r"^(?:the|a|an|our|your|this|that|position|role|job|application|opportunity)$", re.IGNORECASE
)


@dataclass(frozen=True)
class Sender:
    """Who sent the message and through what."""

    name: str
    address: str
    ats: str | None
    board: str | None
    person: bool


@dataclass(frozen=True)
class Extracted:
    """What a job email says about whom."""

    company: str | None
    role: str | None
    sender: Sender


def clean_company(raw: str) -> str:
    """A company name without team words, quotes and trailing punctuation."""
    name = raw.strip(" \"'“”<>,.:;-–|")
    for _ in range(3):
        trimmed = _TEAM_WORDS.sub("", name).strip(" \"'“”,.:;-–|")
        if trimmed == name:
            break
        name = trimmed
    return name


def _domain_company(address: str) -> str | None:
    """The employer suggested by the sender's own domain (not an ATS, board or free mail)."""
    domain = domain_of(address)
    if not domain or ats_vendor(address) or job_board(address) or is_freemail(address):
        return None
    parts = [
        p
        for p in domain.split(".")
        if p
        not in {
            "mail",
            "email",
            "careers",
            "jobs",
            "hr",
            "talent",
            "recruiting",
            "notifications",
            "us",
            "eu",
            "em",
        }
    ]
    if len(parts) < 2:
        return None
    label = parts[-3] if len(parts) >= 3 and len(parts[-2]) <= 3 and len(parts[-1]) == 2 else parts[-2]
    return label.replace("-", " ").title()


def _sender(name: str, address: str) -> Sender:
    ats, board = ats_vendor(address), job_board(address)
    words = name.split()
    person = (
        not ats
        and not board
        and not is_no_reply(address)
        and 2 <= len(words) <= 4
        and not _TEAM_WORDS.search(name)
    )
    return Sender(name, address, ats, board, person)


def _candidates(subject: str, text: str, sender: Sender) -> Counter[str]:
    """Company names proposed by each source, weighted by how much it is trusted."""
    votes: Counter[str] = Counter()
    vendor_names = {(sender.ats or "").lower(), (sender.board or "").lower()}
    if sender.name and not sender.person:
        votes[clean_company(sender.name)] += 2
    if sender.ats and not is_no_reply(sender.address):
        local = sender.address.partition("@")[0]
        if local.isalpha() and len(local) > 2:
            votes[local.title()] += 1
    from_domain = _domain_company(sender.address)
    if from_domain:
        votes[from_domain] += 2
    for source, weight in ((subject, 3), (text[:3000], 1)):
        for pattern in _COMPANY_PATTERNS:
            for match in pattern.finditer(source):
                votes[clean_company(match.group("c"))] += weight
    for name in list(votes):
        if (
            not name
            or name.lower() in vendor_names
            or len(name) > 60
            or name.lower() in {"us", "we", "our", "the team"}
        ):
            del votes[name]
    return votes


def _pick_company(votes: Counter[str], sender: Sender) -> str | None:
    """The best-supported name; a name that is the sender's domain or contains it wins ties."""
    if not votes:
        return None
    domain_hint = (_domain_company(sender.address) or "").lower()
    merged: Counter[str] = Counter()
    for name, count in votes.items():
        key = next((m for m in merged if m.lower() == name.lower()), name)
        merged[key] += count
    ranked = sorted(
        merged.items(),
        key=lambda kv: (kv[1] + (1 if domain_hint and domain_hint in kv[0].lower() else 0), -len(kv[0])),
        reverse=True,
    )
    return ranked[0][0]


def _clean_role(raw: str) -> str | None:
    role = re.sub(r"\s+", " ", raw).strip(" \"'“”-–:|")
    role = re.sub(r"^(?:the|our|a|an)\s+", "", role, flags=re.IGNORECASE)
    if not role or _ROLE_STOP.match(role) or len(role.split()) > 8:
        return None
    return role


def _pick_role(subject: str, text: str, company: str | None) -> str | None:
    """The first role title stated in the subject, else in the body; never the company's own name."""
    not_role = (company or "").lower()
    searches = [(p, subject) for p in _SUBJECT_ROLE] + [(p, text[:3000]) for p in _ROLE_PATTERNS]
    for pattern, source in searches:
        for match in pattern.finditer(source):
            role = _clean_role(match.group("r"))
            if role and (not not_role or role.lower() not in not_role):
                return role
    return None


def extract(subject: str, from_name: str, from_address: str, text: str) -> Extracted:
    """Company, role and sender of one message; None where the message does not say."""
    sender = _sender(from_name.strip(), from_address.strip().lower())
    company = _pick_company(_candidates(subject, text, sender), sender)
    return Extracted(company, _pick_role(subject, text, company), sender)
