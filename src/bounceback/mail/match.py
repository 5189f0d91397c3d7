"""Link a job email to its application: by thread, by the people, by company and role. Pure: works on a snapshot."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from bounceback.domain.model import Application
from bounceback.domain.naming import company_key
from bounceback.mail.senders import ats_vendor, domain_of, is_freemail, job_board

_WORD = re.compile(r"[a-z0-9]+")
_ROLE_NOISE = frozenset({"the", "a", "an", "of", "and", "for", "in", "at", "to", "m", "f", "d", "w", "x"})


class MatchReason(StrEnum):
    """Why a message was linked where it was."""

    THREAD = "thread"
    CONTACT = "contact"
    COMPANY = "company"
    COMPANY_AND_ROLE = "company and role"
    NONE = "no match"
    AMBIGUOUS = "ambiguous"


@dataclass(frozen=True)
class Match:
    """The application a message belongs to (None: new, or unclear when `candidates` lists several)."""

    application_id: int | None
    reason: MatchReason
    candidates: tuple[int, ...] = ()


@dataclass
class AppIndex:
    """What matching needs to know about the search, kept current as the import opens applications."""

    apps: dict[int, Application] = field(default_factory=dict)
    company_names: dict[int, str] = field(default_factory=dict)  # company id → name
    company_domains: dict[str, int] = field(default_factory=dict)  # domain → company id
    contact_apps: dict[str, set[int]] = field(default_factory=dict)  # address → application ids
    threads: dict[str, int] = field(default_factory=dict)  # Message-ID → application id

    def add_app(self, app: Application, company_name: str) -> None:
        """Know one more application."""
        self.apps[app.id or 0] = app
        self.company_names[app.company_id] = company_name

    def add_domain(self, domain: str, company_id: int) -> None:
        """Know a company's mail domain (never an ATS, board or free-mail domain)."""
        if (
            domain
            and not ats_vendor("x@" + domain)
            and not job_board("x@" + domain)
            and not is_freemail("x@" + domain)
        ):
            self.company_domains.setdefault(domain, company_id)

    def companies_named(self, name: str) -> set[int]:
        """Company ids whose name is the same once case, punctuation and legal suffixes are ignored."""
        key = company_key(name)
        return {cid for cid, cname in self.company_names.items() if company_key(cname) == key}


def role_overlap(a: str, b: str) -> float:
    """Share of meaningful words two role titles have in common (0–1)."""
    wa = set(_WORD.findall(a.lower())) - _ROLE_NOISE
    wb = set(_WORD.findall(b.lower())) - _ROLE_NOISE
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


def _pick_by_role(app_ids: set[int], role: str | None, index: AppIndex, reason: MatchReason) -> Match:
    """One application among several of a company: the role decides, else the only open one."""
    apps = [index.apps[i] for i in app_ids]
    if len(apps) == 1 and (not role or role_overlap(role, apps[0].role) >= 0.5):
        return Match(apps[0].id, reason)
    if role:
        scored = sorted(((role_overlap(role, a.role), a.id or 0) for a in apps), reverse=True)
        best = [s for s in scored if s[0] == scored[0][0]]
        if scored[0][0] >= 0.5 and len(best) == 1:
            return Match(best[0][1], MatchReason.COMPANY_AND_ROLE)
        if scored[0][0] < 0.5:
            return Match(None, MatchReason.NONE)  # a role at this company we have not seen: a new application
    active = [a for a in apps if a.is_active]
    if len(active) == 1:
        return Match(active[0].id, reason)
    return Match(None, MatchReason.AMBIGUOUS, tuple(sorted(a.id or 0 for a in (active or apps))))


def match_message(
    *,
    references: tuple[str, ...],
    from_address: str,
    company: str | None,
    role: str | None,
    index: AppIndex,
) -> Match:
    """Find the application a message is about."""
    for ref in references:
        if ref.lower() in index.threads:
            return Match(index.threads[ref.lower()], MatchReason.THREAD)
    by_contact = index.contact_apps.get(from_address.lower(), set()) & set(index.apps)
    if by_contact:
        return _pick_by_role(by_contact, role, index, MatchReason.CONTACT)
    company_ids: set[int] = set()
    if company:
        company_ids = index.companies_named(company)
    domain_company = index.company_domains.get(domain_of(from_address))
    if not company_ids and domain_company is not None:
        company_ids = {domain_company}
    if not company_ids:
        return Match(None, MatchReason.NONE)
    app_ids = {i for i, a in index.apps.items() if a.company_id in company_ids}
    if not app_ids:
        return Match(None, MatchReason.NONE)
    return _pick_by_role(app_ids, role, index, MatchReason.COMPANY)
