"""Email drafts for an application, filled by the outreach package; the person sends them from their own mail."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from bounceback.dates import local_zone
from bounceback.domain.model import EventKind
from bounceback.domain.outreach import OutreachKind
from bounceback.domain.stages import Stage
from bounceback.outreach.drafts import (
    Draft,
    DraftFacts,
    gather_facts,
    parse_kind,
    render,
    unused_templates,
)
from bounceback.outreach.formats import as_mailto, as_text
from bounceback.workspace.profile import signature, stored_name

if TYPE_CHECKING:
    from bounceback.web.deps import WebContext

# The drafts that fit where an application stands, first the likeliest; every kind stays available.
SUGGESTED: dict[Stage, tuple[OutreachKind, ...]] = {
    Stage.APPLIED: (OutreachKind.FOLLOW_UP, OutreachKind.WITHDRAWAL),
    Stage.SCREENING: (OutreachKind.THANK_YOU, OutreachKind.FOLLOW_UP),
    Stage.INTERVIEWING: (OutreachKind.THANK_YOU, OutreachKind.FOLLOW_UP),
    Stage.OFFER: (OutreachKind.ACCEPT, OutreachKind.DECLINE),
    Stage.REJECTED: (OutreachKind.FEEDBACK, OutreachKind.RECONNECT),
    Stage.GHOSTED: (OutreachKind.FOLLOW_UP, OutreachKind.RECONNECT),
}


def draft_kinds(stage: Stage) -> list[OutreachKind]:
    """Every kind of draft, the ones that fit this stage first."""
    first = SUGGESTED.get(stage, (OutreachKind.RECONNECT,))
    return [*first, *(k for k in OutreachKind if k not in first)]


@dataclass(frozen=True)
class DraftView:
    """A filled draft and the ways to hand it over."""

    facts: DraftFacts
    draft: Draft
    text: str
    mailto: str
    name_given: bool = True  # False until the person said how to sign (the page then asks)
    unused_templates: tuple[str, ...] = ()


def make_draft(web: WebContext, app_id: int, kind_text: str, *, detail: str = "") -> DraftView:
    """Fill a draft from the application's people, interviews and timeline (your own templates win)."""
    kind = parse_kind(kind_text)
    now = datetime.now(UTC)
    with web.read() as read:
        stored = stored_name(read)
        view = read.find(str(app_id))
        events = read.timeline(app_id)
        facts = gather_facts(
            kind,
            company=view.company,
            role=view.app.role,
            people=read.people(app_id),
            interviews=read.interviews(app_id),
            events=events,
            now=now,
            notes=[view.app.notes, *(e.summary for e in events if e.kind is EventKind.NOTE)],
            detail=detail,
            sender=signature(stored),
            app=view.app,
        )
    draft = render(facts, now, local_zone(web.settings.timezone), home=web.settings.home)
    unused = tuple(path.name for path in unused_templates(web.settings.home))
    return DraftView(facts, draft, as_text(draft), as_mailto(draft), stored is not None, unused)
