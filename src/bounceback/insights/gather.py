"""Read what the insights need from the workspace, once, through the read model (fast on 5,000 applications)."""

from __future__ import annotations

from dataclasses import dataclass, field

from bounceback.domain.coaching import BounceSession, CheckIn, FeedbackRequest, Lesson, Question
from bounceback.domain.model import Event, EventKind, Interview
from bounceback.storage.reads import ApplicationView, ReadModel

# Timeline entries the insights read: stage moves and emails (answers, emails sent), interviews arranged
# (steps forward), contact links (people met).
_EVENT_KINDS = (EventKind.STAGE, EventKind.EMAIL, EventKind.INTERVIEW, EventKind.CONTACT)


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


def gather(read: ReadModel) -> SearchFacts:
    """1. applications; 2. the timeline entries that matter; 3. interviews; 4. the coaching records."""
    facts = SearchFacts(views=read.applications(), interviews=read.interviews())
    for event in read.events(_EVENT_KINDS):
        if event.kind is EventKind.CONTACT:
            facts.contact_links.append(event)
        else:
            facts.events.setdefault(event.application_id, []).append(event)
    facts.sessions = read.bounce_sessions()
    facts.checkins = read.checkins()
    facts.lessons = read.lessons()
    facts.questions = read.questions()
    facts.feedback = read.feedback_requests()
    return facts
