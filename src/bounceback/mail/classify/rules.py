"""Rules for what rules do best: a rejection must say no somewhere.

The statistical model reads tone and topic well; it can still call an acknowledgment that *mentions* a
possible rejection a rejection. Since a false rejection is the worst error this product can make, a rejection
is only trusted when the message contains an explicit decision against the candidate.
"""

from __future__ import annotations

import re

from bounceback.domain.mail import MailLabel

# Ways an employer says no. Broad on purpose: this only gates rejections the model already suspects.
_DECISION_AGAINST = re.compile(
    r"|".join(
        (
            r"not (?:to )?(?:be )?(?:mov|progress|proceed|advanc|continu|tak)\w* (?:forward|further|ahead|you|with your|your)",
            r"(?:won't|will not|cannot|can't|can not|unable to|not able to|shall not) (?:be )?(?:mov\w* (?:forward|ahead)|progress|proceed|advanc|offer you|continu\w* with your|invit|consider)\w*",
            r"decided (?:not|against|to (?:move|go|proceed|pursue|continue|progress) (?:forward )?with (?:other|another|a different|candidates|someone|an? (?:internal|external)))",
            r"(?:other|another|different|more) candidates?",
            r"candidates? (?:whose|who|that) (?:experience|background|skills|profile)",
            r"(?:someone|a candidate|an applicant) (?:whose|who|that) (?:experience|background|more closely)",
            r"not (?:been )?(?:selected|successful|shortlisted|chosen|the right fit|a (?:fit|match))",
            r"unsuccessful",
            r"(?:position|role|vacancy|opening|job|requisition) (?:has|have|had) (?:now )?(?:been )?(?:filled|closed|cancel+ed|put on hold|withdrawn|eliminated)",
            r"(?:no longer|not currently) (?:hiring|recruiting|filling|available|open|considering|being considered|in consideration)",
            r"(?:close|closing|closed) (?:your|the) (?:application|candidacy|file)",
            r"(?:regret|sorry) to (?:inform|let you know|tell|say)",
            r"(?:not|no) (?:be )?(?:offering|extend\w*) (?:you )?(?:an? )?(?:offer|position|role)",
            r"(?:pursue|pursuing|proceed(?:ing)?|go(?:ing)? ahead|moving forward) with (?:other|another|a different|an? internal|someone)",
            r"(?:hired|selected|chosen|appointed|offered the (?:role|position) to) (?:another|a different|an? (?:internal|other))",
            r"(?:will|would) not be (?:progressing|proceeding|moving (?:forward|ahead)|inviting|taking (?:your|you) )",
            r"rejected|declin(?:e|ed|ing) (?:your|to (?:move|proceed|progress))",
            r"keep your (?:cv|resume|résumé|details|profile|information) on file",
            r"not (?:quite )?(?:the )?right (?:match|fit|time)",
            r"wish you (?:the )?(?:very )?(?:best|every success|all the best|luck|success) (?:in|with|on) your (?:job )?(?:search|future|career|next)",
        )
    ),
    re.IGNORECASE,
)

UNTRUSTED_REJECTION_CAP = 0.45


def says_no(text: str) -> bool:
    """True when the text contains an explicit decision against the candidate."""
    return _DECISION_AGAINST.search(text) is not None


def adjust(label: MailLabel, confidence: float, text: str) -> tuple[MailLabel, float]:
    """Temper the model's answer with the rules above; never raises confidence, only lowers it."""
    if label is MailLabel.REJECTION and not says_no(text):
        return label, min(confidence, UNTRUSTED_REJECTION_CAP)
    return label, confidence
