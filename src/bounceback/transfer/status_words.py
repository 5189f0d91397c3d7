"""The words other trackers use for where an application stands, mapped onto our stages.

Precision first: only words that clearly say "rejected" become a rejection. "Archived" becomes withdrawn (the
person put it away); a word we do not know leaves the stage to the dates and is reported.
"""

from __future__ import annotations

import re

from bounceback.domain.errors import InvalidInput
from bounceback.domain.stages import Stage, parse_stage

COMMON: dict[str, Stage] = {
    "bookmarked": Stage.SAVED,
    "saved": Stage.SAVED,
    "wishlist": Stage.SAVED,
    "wish list": Stage.SAVED,
    "interested": Stage.SAVED,
    "draft": Stage.SAVED,
    "not applied": Stage.SAVED,
    "to apply": Stage.SAVED,
    "applying": Stage.SAVED,
    "applied": Stage.APPLIED,
    "submitted": Stage.APPLIED,
    "application submitted": Stage.APPLIED,
    "in review": Stage.APPLIED,
    "under review": Stage.APPLIED,
    "screen": Stage.SCREENING,
    "screening": Stage.SCREENING,
    "phone screen": Stage.SCREENING,
    "recruiter call": Stage.SCREENING,
    "recruiter screen": Stage.SCREENING,
    "assessment": Stage.SCREENING,
    "online assessment": Stage.SCREENING,
    "oa": Stage.SCREENING,
    "interview": Stage.INTERVIEWING,
    "interviews": Stage.INTERVIEWING,
    "interviewing": Stage.INTERVIEWING,
    "onsite": Stage.INTERVIEWING,
    "on site": Stage.INTERVIEWING,
    "final round": Stage.INTERVIEWING,
    "technical interview": Stage.INTERVIEWING,
    "offer": Stage.OFFER,
    "offered": Stage.OFFER,
    "offer received": Stage.OFFER,
    "negotiating": Stage.OFFER,
    "negotiation": Stage.OFFER,
    "accepted": Stage.ACCEPTED,
    "offer accepted": Stage.ACCEPTED,
    "hired": Stage.ACCEPTED,
    "declined": Stage.DECLINED,
    "offer declined": Stage.DECLINED,
    "rejected": Stage.REJECTED,
    "rejection": Stage.REJECTED,
    "not selected": Stage.REJECTED,
    "not moving forward": Stage.REJECTED,
    "no longer under consideration": Stage.REJECTED,
    "withdrawn": Stage.WITHDRAWN,
    "withdrew": Stage.WITHDRAWN,
    "archived": Stage.WITHDRAWN,
    "not interested": Stage.WITHDRAWN,
    "expired": Stage.WITHDRAWN,
    "closed": Stage.WITHDRAWN,
    "ghosted": Stage.GHOSTED,
    "no response": Stage.GHOSTED,
    "no reply": Stage.GHOSTED,
}


def status_key(text: str) -> str:
    """A status word compared without case, punctuation or extra spaces."""
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def stage_for(text: str, extra: dict[str, Stage] | None = None) -> Stage | None:
    """Our stage for a tracker's status word, or None when the word is not one we know."""
    key = status_key(text)
    if not key:
        return None
    for table in (extra or {}, COMMON):
        if key in table:
            return table[key]
    try:
        return parse_stage(key)
    except InvalidInput:
        return None
