"""Pull the company, the role and the sender out of a job email; never mistake the ATS vendor for the employer.

Every place a mail names its employer proposes a name with a weight: the subject's set phrases ("Thank you for
applying to X", "X - Application received"), the body's ("your interest in X", "on behalf of X", "Employer: X"),
the signature ("The X Recruiting Team", "Recruiter | X"), the sender's display name, and names in the text that
spell the sender's domain ("Coral Bay Bank" for coralbaybank.com). Names that are one company at different
lengths ("Wrenfield", "Wrenfield Labs") are pooled; the best-supported pool wins, spelled the way the domain
confirms, and only when nothing names the company is the domain itself title-cased into a name.

The role is read the same way from anchored phrases ("the position of X", "the X role", "applying for X at",
"Position: X") and from the subject's parts; it stays None unless it reads as a job title (it holds a word like
Engineer, Nurse or Analyst), since no role is better than a wrong one.

Only precompiled regular expressions and short walks over a line's tokens: this runs on every job email, and
every input is cut to a bound first (`mail.limits`), so no message costs more than a long ordinary one.
"""

from __future__ import annotations

from dataclasses import dataclass

from bounceback.mail.extract.company import choose_company
from bounceback.mail.extract.company_name import clean_name
from bounceback.mail.extract.mail import Mail
from bounceback.mail.extract.role import choose_role
from bounceback.mail.extract.sender import Sender, sender_of
from bounceback.mail.limits import MAX_ADDRESS, MAX_NAME, MAX_SUBJECT

__all__ = ["Extracted", "Sender", "clean_company", "extract"]


@dataclass(frozen=True)
class Extracted:
    """What a job email says about whom."""

    company: str | None
    role: str | None
    sender: Sender


def extract(subject: str, from_name: str, from_address: str, text: str) -> Extracted:
    """Company, role and sender of one message; None where the message does not say."""
    # 1. who sent it, 2. the parts of the mail worth reading, 3. the employer, 4. the role (never the employer)
    sender = sender_of(from_name[:MAX_NAME].strip(), from_address[:MAX_ADDRESS].strip().lower())
    mail = Mail.read(subject[:MAX_SUBJECT], text, sender)
    company = _one_line(choose_company(mail))
    return Extracted(company, _one_line(choose_role(mail, company)), sender)


def _one_line(name: str | None) -> str | None:
    """A name as the tracker takes it: one line, no control characters, no longer than its column."""
    if name is None:
        return None
    return " ".join("".join(c if c.isprintable() else " " for c in name).split())[:MAX_NAME] or None


def clean_company(raw: str) -> str:
    """A company name without team words, quotes and trailing punctuation."""
    return clean_name(raw)
