"""Read what the insights need from the workspace, once, in plain SQL (fast on 5,000 applications)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from bounceback.domain.coaching import (
    BounceSession,
    CheckIn,
    FeedbackOutcome,
    FeedbackRequest,
    Lesson,
    LessonKind,
    Question,
    QuestionKind,
)
from bounceback.domain.model import Event, EventKind, Interview
from bounceback.domain.stages import Stage
from bounceback.storage.reader import ApplicationView, Reader
from bounceback.storage.reader import utc_moment as moment

# Timeline entries the insights read: stage moves and emails (answers, emails sent), interviews arranged
# (steps forward), contact links (people met).
_EVENT_KINDS = (EventKind.STAGE, EventKind.EMAIL, EventKind.INTERVIEW, EventKind.CONTACT)
_WITH_DETAILS = (EventKind.EMAIL, EventKind.CONTACT)


@dataclass
class SearchFacts:
    """Everything the insights are computed from, as plain domain records."""

    views: list[ApplicationView]
    events: dict[int, list[Event]] = field(default_factory=dict)
    contact_links: list[Event] = field(default_factory=list)
    interviews: list[Interview] = field(default_factory=list)
    sessions: list[BounceSession] = field(default_factory=list)
    checkins: list[CheckIn] = field(default_factory=list)
    lessons: list[Lesson] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    feedback: list[FeedbackRequest] = field(default_factory=list)

    def timeline(self) -> list[Event]:
        """Every timeline entry read, of every application."""
        return [event for events in self.events.values() for event in events]


def plain(raw: Any) -> Any:
    """A JSON column's value (SQLite gives text, PostgreSQL the value)."""
    return json.loads(raw) if isinstance(raw, str) else raw


def gather(reader: Reader) -> SearchFacts:
    """1. applications; 2. the timeline entries that matter; 3. interviews; 4. the coaching records."""
    facts = SearchFacts(views=reader.applications(), interviews=reader.interviews())
    read_events(reader, facts)
    read_coaching(reader, facts)
    return facts


def read_events(reader: Reader, facts: SearchFacts) -> None:
    """Stage moves and emails per application, and the contact links."""
    kinds = ", ".join(f"'{k.value}'" for k in _EVENT_KINDS)
    for r in reader.rows(
        "SELECT id, application_id, kind, occurred_at, summary, cause, from_stage, to_stage, details "
        f"FROM events WHERE owner_id = :owner AND kind IN ({kinds}) ORDER BY occurred_at, id",
    ):
        kind = EventKind(r["kind"])
        event = Event(
            application_id=r["application_id"],
            kind=kind,
            occurred_at=moment(r["occurred_at"]) or datetime.min.replace(tzinfo=UTC),
            summary=r["summary"],
            cause=r["cause"] or "",
            from_stage=Stage(r["from_stage"]) if r["from_stage"] else None,
            to_stage=Stage(r["to_stage"]) if r["to_stage"] else None,
            details=(plain(r["details"]) or {}) if kind in _WITH_DETAILS else {},
            id=r["id"],
        )
        if kind is EventKind.CONTACT:
            facts.contact_links.append(event)
        else:
            facts.events.setdefault(event.application_id, []).append(event)


def read_coaching(reader: Reader, facts: SearchFacts) -> None:
    """Bounce-back sessions, check-ins, lessons, questions and feedback requests."""
    for r in reader.rows("SELECT * FROM bounce_sessions WHERE owner_id = :owner ORDER BY started_at"):
        facts.sessions.append(
            BounceSession(
                application_id=r["application_id"],
                started_at=moment(r["started_at"]) or datetime.now(UTC),
                finished_at=moment(r["finished_at"]),
                step=r["step"],
                mood_before=r["mood_before"],
                mood_after=r["mood_after"],
                self_worth_pct=r["self_worth_pct"],
                id=r["id"],
            )
        )
    for r in reader.rows("SELECT * FROM checkins WHERE owner_id = :owner ORDER BY at"):
        facts.checkins.append(
            CheckIn(at=moment(r["at"]) or datetime.now(UTC), mood=r["mood"], who5=plain(r["who5"]) or [])
        )
    for r in reader.rows("SELECT * FROM lessons WHERE owner_id = :owner ORDER BY created_at, id"):
        facts.lessons.append(
            Lesson(
                LessonKind(r["kind"]),
                r["text"],
                moment(r["created_at"]) or datetime.now(UTC),
                r["application_id"],
            )
        )
    for r in reader.rows("SELECT * FROM questions WHERE owner_id = :owner ORDER BY created_at, id"):
        facts.questions.append(
            Question(
                QuestionKind(r["kind"]),
                r["text"],
                moment(r["created_at"]) or datetime.now(UTC),
                r["application_id"],
            )
        )
    for r in reader.rows("SELECT * FROM feedback_requests WHERE owner_id = :owner ORDER BY requested_at"):
        facts.feedback.append(
            FeedbackRequest(
                application_id=r["application_id"],
                requested_at=moment(r["requested_at"]) or datetime.now(UTC),
                outcome=FeedbackOutcome(r["outcome"]),
                answer=r["answer"] or "",
                answered_at=moment(r["answered_at"]),
            )
        )
