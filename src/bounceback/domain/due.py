"""What needs doing: the due list. Every reminder is derived from the state of the search by pure functions
(here and in due_rules.py); only the person's answer to one (done, snoozed, dismissed) is stored, under the
reminder's stable key, e.g. `thank_you:app12:iv3`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from enum import StrEnum

from bounceback.domain.actions import Action, ActionKind
from bounceback.domain.business_days import local_day
from bounceback.domain.coaching import BounceSession, FeedbackRequest, ReminderState, ReminderStatus
from bounceback.domain.model import Application, Contact, ContactRole, Event, Interview
from bounceback.domain.naming import in_words
from bounceback.domain.stages import AWAITING_EMPLOYER, Stage
from bounceback.domain.wording import interview_words


class DueKind(StrEnum):
    """Kinds of things the due list holds; every key starts with its kind."""

    BOUNCE = "bounce"
    THANK_YOU = "thank_you"
    FOLLOW_UP = "follow_up"
    FEEDBACK = "feedback"
    FEEDBACK_OUTCOME = "feedback_outcome"
    RECONNECT = "reconnect"
    INTERVIEW = "interview"
    GHOSTED = "ghosted"
    CHECKIN = "checkin"
    NEXT_STEP = "next_step"


@dataclass(frozen=True)
class DueItem:
    """One thing to do: shown from `shows_from`, late after `due_at`, gone after `expires_at` (if set)."""

    kind: DueKind
    key: str
    application_id: int  # 0 for reminders about no one application (check-ins)
    slug: str
    title: str
    due_at: datetime
    action: Action  # what doing it takes; each front end offers it in its own way
    shows_from: datetime | None = None  # None: shown once due
    expires_at: datetime | None = None

    def is_overdue(self, now: datetime) -> bool:
        """True once its time has passed."""
        return self.due_at < now

    def shows_at(self, now: datetime) -> bool:
        """Whether it belongs on the list at this moment."""
        start = self.shows_from or self.due_at
        return start <= now and (self.expires_at is None or now < self.expires_at)


@dataclass(frozen=True)
class DueRules:
    """The timings the list is derived with; the defaults are the product's advice."""

    ghost_after_days: int = 21
    upcoming_days: int = 14
    zone: tzinfo = UTC  # the person's zone: days and mornings are theirs
    holidays: frozenset[date] = frozenset()
    reconnect_after_days: int = 91


@dataclass
class SearchState:
    """Everything the due list is derived from, read in one go."""

    apps: list[Application]
    companies: dict[int, str] = field(default_factory=dict)
    interviews: list[Interview] = field(default_factory=list)
    events: dict[int, list[Event]] = field(default_factory=dict)  # by application, oldest first
    people: dict[int, list[tuple[Contact, ContactRole]]] = field(default_factory=dict)  # by application
    sessions: list[BounceSession] = field(default_factory=list)
    feedback: list[FeedbackRequest] = field(default_factory=list)
    last_checkin: datetime | None = None
    _by_app: dict[int, list[Interview]] | None = field(default=None, repr=False, compare=False)
    _by_company: dict[int, list[Application]] | None = field(default=None, repr=False, compare=False)

    def company(self, app: Application) -> str:
        """The name of an application's employer."""
        return self.companies.get(app.company_id, "") or app.slug

    def named(self, app: Application) -> str:
        """An application as a sentence names it: employer and role."""
        return in_words(self.companies.get(app.company_id, ""), app.role)

    def interviews_of(self, app_id: int) -> list[Interview]:
        """One application's interviews, by start (grouped once: scanning them all per application is slow)."""
        if self._by_app is None:
            self._by_app = {}
            for iv in sorted(self.interviews, key=lambda i: i.starts_at):
                self._by_app.setdefault(iv.application_id, []).append(iv)
        return self._by_app.get(app_id, [])

    def apps_of_company(self, company_id: int) -> list[Application]:
        """The applications to one employer (grouped once, like the interviews)."""
        if self._by_company is None:
            self._by_company = {}
            for app in self.apps:
                self._by_company.setdefault(app.company_id, []).append(app)
        return self._by_company.get(company_id, [])


def app_key(kind: DueKind, app: Application, *parts: object) -> str:
    """A stable key: kind, application id, then what tells this reminder from its siblings."""
    return ":".join([kind.value, f"app{app.id or 0}", *(str(p) for p in parts)])


def app_item(
    kind: DueKind,
    app: Application,
    *key_parts: object,
    title: str,
    due_at: datetime,
    action: Action,
    shows_from: datetime | None = None,
    expires_at: datetime | None = None,
) -> DueItem:
    """A reminder about one application, keyed by its kind, the application and `key_parts`."""
    return DueItem(
        kind, app_key(kind, app, *key_parts), app.id or 0, app.slug, title, due_at, action,
        shows_from=shows_from, expires_at=expires_at,
    )  # fmt: skip


def act(kind: ActionKind, app: Application, **more: object) -> Action:
    """An action on one application."""
    return Action(kind, app.slug, app.id or 0, **more)  # type: ignore[arg-type]


def last_heard(app: Application) -> datetime | None:
    """When the application last moved or the employer last showed a sign of life."""
    return app.last_activity_at or app.created_at


def ghost_suggestions(
    apps: list[Application],
    now: datetime,
    days: int,
    *,
    heard: Mapping[int, datetime] | None = None,
    companies: Mapping[int, str] | None = None,
) -> list[DueItem]:
    """Applications waiting on the employer with no answer for `days`: suggested, never closed silently.
    `heard` can name a later sign of life per application (an email, a follow-up the person sent);
    `companies` names the employers by id, for the sentence."""
    items = []
    for app in apps:
        moments = [m for m in (last_heard(app), (heard or {}).get(app.id or 0)) if m is not None]
        if app.stage not in AWAITING_EMPLOYER or not moments:
            continue
        since = max(moments)
        silent = (now - since).days
        if silent >= days:
            items.append(
                DueItem(
                    DueKind.GHOSTED,
                    ghost_key(app, since),
                    app.id or 0,
                    app.slug,
                    f"No answer from {in_words((companies or {}).get(app.company_id, ''), app.role)} "
                    f"for {silent} days; close it as ghosted?",
                    since + timedelta(days=days),
                    act(ActionKind.CLOSE, app, outcome=Stage.GHOSTED),
                )
            )
    return items


def ghost_key(app: Application, since: datetime) -> str:
    """The key of a ghosting suggestion: one per silence (a new sign of life starts a new one)."""
    return app_key(DueKind.GHOSTED, app, since.astimezone(UTC).date().isoformat())


def interview_item(iv: Interview, slug: str, horizon_days: int, *, named: str = "") -> DueItem:
    """An interview on the list, from `horizon_days` before it until an hour after it starts; `named` is the
    application as a sentence says it (employer and role)."""
    return DueItem(
        DueKind.INTERVIEW,
        f"{DueKind.INTERVIEW.value}:app{iv.application_id}:iv{iv.id or 0}",
        iv.application_id,
        slug,
        f"{interview_words(iv)} with {named or slug}",
        iv.starts_at,
        Action(ActionKind.PREPARE, slug, iv.application_id),
        shows_from=iv.starts_at - timedelta(days=horizon_days),
        expires_at=iv.starts_at + timedelta(hours=1),
    )


def is_answered(item: DueItem, answers: Mapping[str, ReminderState], now: datetime) -> bool:
    """Whether the person has dealt with it: done or dismissed, or snoozed until later."""
    answer = answers.get(item.key)
    if answer is None:
        return False
    if answer.status is ReminderStatus.SNOOZED:
        return answer.snoozed_until is not None and now < answer.snoozed_until
    return True


def due_now(items: Iterable[DueItem], answers: Mapping[str, ReminderState], now: datetime) -> list[DueItem]:
    """What the list shows now: in its time window, not yet answered, each key once, overdue first."""
    shown = [i for i in unique(items) if i.shows_at(now) and not is_answered(i, answers, now)]
    return sort_due(shown, now)


def unique(items: Iterable[DueItem]) -> list[DueItem]:
    """Each key once; the first one given wins."""
    seen: dict[str, DueItem] = {}
    for item in items:
        seen.setdefault(item.key, item)
    return list(seen.values())


def sort_due(items: list[DueItem], now: datetime) -> list[DueItem]:
    """Overdue first, then by when each is due."""
    return sorted(items, key=lambda i: (not i.is_overdue(now), i.due_at, i.key))


def day_label(moment: datetime, zone: tzinfo) -> str:
    """A short day for titles: 'Tue 10 Mar'."""
    day = local_day(moment, zone)
    return f"{day:%a} {day.day} {day:%b}"
