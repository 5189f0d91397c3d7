"""Why a message was read as it was, in the words the CLI and the web both show.

"Rejection, because: “…we have decided to move forward with other candidates”": the sentence is the one the
classifier found stating the decision (classify/evidence.py), kept with the message.
"""

from __future__ import annotations

from collections.abc import Mapping

from bounceback.domain.mail import MailLabel

SHOWN = 220  # characters of an evidence sentence shown; longer ones end in "…"
_TITLES = {
    MailLabel.REJECTION: "Rejection",
    MailLabel.OFFER: "Offer",
    MailLabel.INTERVIEW: "Interview",
    MailLabel.ASSESSMENT: "Assessment",
    MailLabel.ACKNOWLEDGMENT: "Acknowledgment",
    MailLabel.OTHER: "Not about your search",
}


def title(label: MailLabel, details: Mapping[str, object] | None = None) -> str:
    """The label as a heading ("Screening call" for an interview that is a first recruiter call)."""
    if label is MailLabel.INTERVIEW and details and details.get("stage") == "screening":
        return "Screening call"
    return _TITLES[label]


def quoted(sentence: str) -> str:
    """A sentence in quotes, cut at a word when long."""
    text = " ".join(sentence.split())
    if len(text) > SHOWN:
        text = text[:SHOWN].rsplit(" ", 1)[0] + "…"
    return f"“{text}”"


def because(label: MailLabel, evidence: str | None, details: Mapping[str, object] | None = None) -> str:
    """ "Rejection, because: “…”", or the reading alone when no sentence was kept."""
    head = title(label, details)
    if evidence:
        return f"{head}, because: {quoted(evidence)}"
    notes = details.get("notes") if details else None
    if isinstance(notes, list) and notes:
        return f"{head}? Not sure: {'; '.join(str(n) for n in notes)}"
    return head
