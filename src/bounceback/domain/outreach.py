"""The emails a person sends around an application, and what the timeline says about them: when the employer
last spoke, which notes went out since, and what was promised. Pure: events in, facts out.

An email the person sent is an `email` event whose details carry {"sent": <kind>} (plus "contact" and
"interview" ids where known); other emails and stage changes count as the employer's word, and so does the end
of each interview."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from enum import StrEnum

from bounceback.domain.model import Contact, ContactRole, Event, EventKind, Interview
from bounceback.domain.stages import Stage

SENT = "sent"  # details key marking an email the person sent
ANSWER_BY = "answer_by"  # details key of a note recording the day the employer promised an answer
RECONNECT_ON = "reconnect_on"  # details key of a timeline entry planning when to write to a person again
FEEDBACK_TO = (
    "feedback_to"  # details key of the note choosing whom to ask for feedback (a contact id, 0: anyone)
)


class OutreachKind(StrEnum):
    """The emails bounceback drafts."""

    THANK_YOU = "thank_you"
    FOLLOW_UP = "follow_up"
    FEEDBACK = "feedback"
    RECONNECT = "reconnect"
    WITHDRAWAL = "withdrawal"
    ACCEPT = "accept"
    DECLINE = "decline"

    @property
    def label(self) -> str:
        """How a sentence names this email."""
        return _LABELS[self]


_LABELS = {
    OutreachKind.THANK_YOU: "thank-you note",
    OutreachKind.FOLLOW_UP: "follow-up",
    OutreachKind.FEEDBACK: "request for feedback",
    OutreachKind.RECONNECT: "note to get back in touch",
    OutreachKind.WITHDRAWAL: "withdrawal",
    OutreachKind.ACCEPT: "acceptance",
    OutreachKind.DECLINE: "reply declining the offer",
}

# Who each email goes to by default, in order of preference among the people linked to the application.
PREFERRED_RECIPIENTS: dict[OutreachKind, tuple[ContactRole, ...]] = {
    OutreachKind.THANK_YOU: (ContactRole.INTERVIEWER, ContactRole.HIRING_MANAGER, ContactRole.RECRUITER),
    OutreachKind.FOLLOW_UP: (ContactRole.RECRUITER, ContactRole.HIRING_MANAGER, ContactRole.INTERVIEWER),
    OutreachKind.FEEDBACK: (ContactRole.HIRING_MANAGER, ContactRole.INTERVIEWER, ContactRole.RECRUITER),
    OutreachKind.RECONNECT: (ContactRole.HIRING_MANAGER, ContactRole.INTERVIEWER, ContactRole.RECRUITER),
    OutreachKind.WITHDRAWAL: (ContactRole.RECRUITER, ContactRole.HIRING_MANAGER, ContactRole.INTERVIEWER),
    OutreachKind.ACCEPT: (ContactRole.HIRING_MANAGER, ContactRole.RECRUITER, ContactRole.INTERVIEWER),
    OutreachKind.DECLINE: (ContactRole.HIRING_MANAGER, ContactRole.RECRUITER, ContactRole.INTERVIEWER),
}
# People whose presence means the person spoke with someone, not only with an applicant tracking system.
MET_ROLES = (ContactRole.INTERVIEWER, ContactRole.HIRING_MANAGER)


def sent_kind(event: Event) -> OutreachKind | None:
    """The kind of email the person sent, when this event records one."""
    raw = event.details.get(SENT) if event.kind is EventKind.EMAIL else None
    try:
        return OutreachKind(str(raw)) if raw else None
    except ValueError:
        return None


def is_employer_contact(event: Event) -> bool:
    """Whether an event shows the employer moving: an email from them or a stage change. (Interviews count by
    when they end, not by when they were entered, which may be long after they were set.)"""
    if event.kind is EventKind.EMAIL:
        return sent_kind(event) is None
    return event.kind is EventKind.STAGE


def interview_end(interview: Interview) -> datetime:
    """When an interview is over."""
    return interview.starts_at + timedelta(minutes=interview.duration_minutes or 0)


def last_contact(events: Iterable[Event], interviews: Iterable[Interview], now: datetime) -> datetime | None:
    """The last moment the employer spoke: their last email, stage change or finished interview."""
    moments = [e.occurred_at for e in events if is_employer_contact(e) and e.occurred_at <= now]
    moments += [interview_end(iv) for iv in interviews if interview_end(iv) <= now]
    return max(moments, default=None)


def sent_since(events: Iterable[Event], kind: OutreachKind, since: datetime) -> list[Event]:
    """The emails of one kind the person sent after a moment, oldest first."""
    found = [e for e in events if sent_kind(e) is kind and e.occurred_at >= since]
    return sorted(found, key=lambda e: e.occurred_at)


def promised_day(events: Iterable[Event]) -> date | None:
    """The day the employer last promised an answer by, as the person recorded it."""
    notes = [e for e in events if e.kind is EventKind.NOTE and e.details.get(ANSWER_BY)]
    if not notes:
        return None
    latest = max(notes, key=lambda e: e.occurred_at)
    try:
        return date.fromisoformat(str(latest.details[ANSWER_BY]))
    except ValueError:
        return None


def planned_reconnects(events: Iterable[Event]) -> dict[int, date]:
    """The day the person planned to get back in touch with each contact (the latest plan wins)."""
    plans: dict[int, date] = {}
    for event in sorted(events, key=lambda e: e.occurred_at):
        raw, contact = event.details.get(RECONNECT_ON), event.details.get("contact_id")
        if raw and contact:
            try:
                plans[int(str(contact))] = date.fromisoformat(str(raw))
            except ValueError:
                continue
    return plans


def chosen_for_feedback(events: Iterable[Event]) -> int | None:
    """The contact the person chose to ask for feedback (the latest choice), None when they chose no one."""
    chosen = [e for e in events if FEEDBACK_TO in e.details]
    if not chosen:
        return None
    raw = max(chosen, key=lambda e: e.occurred_at).details[FEEDBACK_TO]
    return int(str(raw)) if str(raw).isdigit() and int(str(raw)) else None


def feedback_drafted(events: Iterable[Event]) -> bool:
    """Whether the person chose, in a bounce-back session, to ask for feedback."""
    return any(FEEDBACK_TO in e.details for e in events)


def has_conversation(furthest: Stage, interviews: Sequence[Interview], roles: Iterable[ContactRole]) -> bool:
    """Whether the person spoke with someone there: an interview or screening call, or a person who met them."""
    reached_interviews = furthest.is_progress and furthest.rank >= Stage.INTERVIEWING.rank
    return reached_interviews or bool(interviews) or any(role in MET_ROLES for role in roles)


def pick_recipient(
    kind: OutreachKind, people: Sequence[tuple[Contact, ContactRole]]
) -> tuple[Contact, ContactRole] | None:
    """The person an email of this kind should go to by default, or None when nobody is known."""
    for role in PREFERRED_RECIPIENTS[kind]:
        for person, their_role in people:
            if their_role is role:
                return person, their_role
    return people[0] if people else None


_DETAIL = re.compile(
    r"^\s*(?:we\s+)?(?:talked|spoke|chatted)\s+about[:\s]+(?P<a>.+)$"
    r"|^\s*discussed[:\s]+(?P<b>.+)$"
    r"|^\s*(?:detail|topic)\s*:\s*(?P<c>.+)$",
    re.IGNORECASE,
)


def detail_from_notes(notes: Iterable[str]) -> str:
    """Something specific from the conversation, from a note line like "Talked about their move to Dagster"."""
    for text in notes:
        for line in text.splitlines():
            match = _DETAIL.match(line)
            if match:
                phrase = next(g for g in match.groups() if g)
                return phrase.strip().rstrip(".!;, ").strip()
    return ""
