"""Tracker: applications, companies, contacts, interviews and their timeline, inside one journaled change.

It holds the rules of a change and no SQL: what it reads and writes goes through the change's store."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from bounceback.dates import backdated, now_utc, zone
from bounceback.domain import rules
from bounceback.domain.actions import Action, ActionKind
from bounceback.domain.errors import InvalidInput, NotFound
from bounceback.domain.model import (
    EDITABLE,
    Application,
    ApplicationContact,
    Company,
    Contact,
    ContactRole,
    Event,
    EventKind,
    Interview,
    Origin,
)
from bounceback.domain.naming import application_slug, company_key, resolve, slugify
from bounceback.domain.progress import apply_move
from bounceback.domain.stages import PROGRESS, Stage, can_move

if TYPE_CHECKING:
    from bounceback.storage.store import Store


class Tracker:
    """Reads and changes one owner's search inside an open change; the change commits."""

    def __init__(self, store: Store, *, origin: Origin = Origin.MANUAL) -> None:
        self.store = store
        self.owner_id = store.owner_id
        self.origin = origin
        self._companies: dict[str, Company] | None = None  # by company_key; filled on first use
        self._slugs: set[str] | None = None

    def forget(self) -> None:
        """Drop what this tracker remembers of the database (after rows were changed behind its back)."""
        self._companies = None
        self._slugs = None

    # Companies -----------------------------------------------------------------------------------------
    def companies(self) -> list[Company]:
        """All companies of this owner, by name."""
        return self.store.all(Company, order=("name", "id"))

    def find_company(self, name: str) -> Company | None:
        """A company by its name, ignoring case, punctuation and legal suffixes."""
        if self._companies is None:
            self._companies = {}
            for company in self.companies():
                self._companies.setdefault(company_key(company.name), company)
        return self._companies.get(company_key(name))

    def ensure_company(self, name: str, *, domains: list[str] | None = None) -> Company:
        """The company of that name, created when new; new domains are added to a known one."""
        name = name.strip()
        rules.check_application({"company": name}, now_utc().date())
        company = self.find_company(name)
        if company is None:
            company = self.store.add(Company(name=name, domains=list(domains or [])))
            self.store.flush()
            if self._companies is not None:
                self._companies[company_key(company.name)] = company
        elif domains and not set(domains) <= set(company.domains):
            company.domains = sorted(set(company.domains) | set(domains))
        return company

    # Applications -------------------------------------------------------------------------------------
    def applications(self) -> list[Application]:
        """All applications of this owner, oldest first."""
        return self.store.all(Application)

    def find(self, name: str) -> Application:
        """An application by id or unambiguous short name."""
        pairs = [(app_id, slug) for app_id, slug in self.store.values(Application, "id", "slug")]
        return self.get(resolve(name, pairs))

    def get(self, app_id: int) -> Application:
        """An application by its id."""
        app = self.store.get(Application, app_id)
        if app is None:
            raise NotFound(f"There is no application with id {app_id}.")
        return app

    def company_of(self, app: Application) -> Company:
        """The company an application is with."""
        company = self.store.get(Company, app.company_id)
        assert company is not None
        return company

    def _taken_slugs(self) -> set[str]:
        """Every short name in use (remembered for the transaction, so a long import stays linear)."""
        if self._slugs is None:
            self._slugs = {slug for (slug,) in self.store.values(Application, "slug")}
        return self._slugs

    def add(
        self,
        company: str,
        role: str,
        *,
        stage: Stage = Stage.SAVED,
        when: datetime | None = None,
        cause: str = "",
        **values: Any,
    ) -> Application:
        """Record a new application, walking it to `stage` so the timeline and furthest stage are right."""
        role = role.strip()
        unknown = set(values) - set(EDITABLE)
        if unknown:
            raise InvalidInput(f"Unknown field(s): {', '.join(sorted(unknown))}.")
        rules.check_application({"company": company.strip(), "role": role, **values}, now_utc().date())
        when = when or now_utc()
        org = self.ensure_company(company)
        app = self.store.add(
            Application(
                company_id=org.id or 0,
                role=role,
                slug=application_slug(org.name, role, self._taken_slugs()),
                created_at=when,
                updated_at=when,
                last_activity_at=when,
                **values,
            )
        )
        if app.saved_on is None:
            app.saved_on = when.date()
        self.store.flush()
        self._taken_slugs().add(app.slug)
        # Entered late (applied before it was recorded): the story starts, and is sent, on the applied day.
        start = backdated(when, app.applied_on)
        summary = f"Added {role} at {org.name}"
        self._event(app, EventKind.CREATED, start, summary, cause=cause, to_stage=Stage.SAVED)
        if start < when and (stage is Stage.APPLIED or can_move(Stage.APPLIED, stage)):
            self.move(app, Stage.APPLIED, when=start, cause=cause)
        if stage is not app.stage:
            self.walk_to(app, stage, when, cause=cause)
        return app

    def walk_to(
        self, app: Application, target: Stage, when: datetime, *, cause: str = "", reason: str = ""
    ) -> None:
        """Move to `target`, first stepping to the nearest open stage it can be reached from (saved → applied → rejected)."""
        if not can_move(app.stage, target) and app.stage.is_progress:
            step = next((s for s in PROGRESS if s.rank > app.stage.rank and can_move(s, target)), None)
            if step is not None:
                self.move(app, step, when=when, cause=cause)
        self.move(app, target, when=when, cause=cause, reason=reason)

    def move(
        self,
        app: Application,
        target: Stage,
        *,
        when: datetime | None = None,
        cause: str = "",
        reason: str = "",
        origin: Origin | None = None,
    ) -> Event:
        """Change an application's stage under the stage rules, and put it on the timeline."""
        when = when or now_utc()
        change = apply_move(app, target, when, reason=reason)
        summary = change.summary + (f": {reason}" if reason else "")
        details: dict[str, Any] = {"round": change.round} if change.round else {}
        return self._event(
            app,
            EventKind.STAGE,
            when,
            summary,
            cause=cause,
            from_stage=change.from_stage,
            to_stage=change.to_stage,
            details=details,
            origin=origin,
        )

    def edit(self, app: Application, **values: Any) -> list[str]:
        """Change fields of an application; returns the names of those that really changed."""
        unknown = set(values) - set(EDITABLE)
        if unknown:
            raise InvalidInput(f"Unknown field(s): {', '.join(sorted(unknown))}.")
        if isinstance(values.get("role"), str):
            values["role"] = values["role"].strip()
        merged = {"salary_min": app.salary_min, "salary_max": app.salary_max, **values}
        rules.check_application(merged, now_utc().date())
        changed = [k for k, v in values.items() if getattr(app, k) != v]
        for key in changed:
            setattr(app, key, values[key])
        if changed:
            when = now_utc()
            app.updated_at = when
            if "role" in changed:
                taken = self._taken_slugs()
                taken.discard(app.slug)
                app.slug = application_slug(self.company_of(app).name, app.role, taken)
                taken.add(app.slug)
            self._event(app, EventKind.EDITED, when, "Edited " + ", ".join(changed))
        return changed

    def note(self, app: Application, text: str, *, when: datetime | None = None) -> Event:
        """Add a note to the timeline."""
        if not text.strip():
            raise InvalidInput("The note is empty.")
        return self._event(app, EventKind.NOTE, when or now_utc(), text.strip())

    def delete(self, app: Application) -> None:
        """Remove an application with its timeline, interviews and contact links (undo brings them back)."""
        self._taken_slugs().discard(app.slug)
        for cls in (Event, Interview, ApplicationContact):
            for record in self.store.all(cls, application_id=app.id):
                self.store.delete(record)
        self.store.flush()
        self.store.delete(app)
        self.store.flush()

    # Timeline ------------------------------------------------------------------------------------------
    def _event(
        self,
        app: Application,
        kind: EventKind,
        when: datetime,
        summary: str,
        *,
        cause: str = "",
        from_stage: Stage | None = None,
        to_stage: Stage | None = None,
        details: dict[str, Any] | None = None,
        origin: Origin | None = None,
    ) -> Event:
        return self.store.add(
            Event(
                application_id=app.id or 0,
                kind=kind,
                occurred_at=when,
                summary=summary,
                origin=origin or self.origin,
                cause=cause,
                from_stage=from_stage,
                to_stage=to_stage,
                details=details or {},
            )
        )

    def record(self, app: Application, kind: EventKind, when: datetime, summary: str, **extra: Any) -> Event:
        """Put something else on the timeline (an email, an import)."""
        return self._event(app, kind, when, summary, **extra)

    def timeline(self, app: Application) -> list[Event]:
        """The application's events, oldest first."""
        return self.store.all(Event, application_id=app.id, order=("occurred_at", "id"))

    # Contacts ------------------------------------------------------------------------------------------
    def contacts(self) -> list[Contact]:
        """All contacts, by name."""
        return self.store.all(Contact, order=("name", "id"))

    def add_contact(self, name: str, *, company: str | None = None, **values: Any) -> Contact:
        """Record a person; an email already known returns that contact instead of a copy."""
        rules.check_contact({**values, "name": name, "email": values.get("email", "").strip()})
        email = values.get("email", "").strip().lower()
        if email:
            values["email"] = email
            known = self.store.first(Contact, email=email)
            if known is not None:
                return known
        company_id = self.ensure_company(company).id if company else None
        contact = self.store.add(Contact(name=name.strip(), company_id=company_id, **values))
        self.store.flush()
        return contact

    def find_contact(self, name: str) -> Contact:
        """A contact by id, email or unambiguous name."""
        people = self.contacts()
        for person in people:
            if person.email and person.email == name.strip().lower():
                return person
        contact_id = resolve(
            name,
            [(c.id or 0, slugify(c.name)) for c in people],
            what="contact",
            listing=Action(ActionKind.SEE_CONTACTS),
        )
        return next(c for c in people if c.id == contact_id)

    def link(
        self, app: Application, contact: Contact, role: ContactRole, *, when: datetime | None = None
    ) -> ApplicationContact:
        """Tie a contact to an application in a role (kept once)."""
        existing = self.store.first(
            ApplicationContact, application_id=app.id, contact_id=contact.id, role=role
        )
        if existing is not None:
            return existing
        link = self.store.add(
            ApplicationContact(application_id=app.id or 0, contact_id=contact.id or 0, role=role)
        )
        self._event(
            app,
            EventKind.CONTACT,
            when or now_utc(),
            f"{contact.name} linked as {role.value.replace('_', ' ')}",
        )
        return link

    def people_of(self, app: Application) -> list[tuple[Contact, ContactRole]]:
        """The contacts of an application with their roles."""
        return self.store.people_of(app.id or 0)

    # Interviews ----------------------------------------------------------------------------------------
    def add_interview(
        self, app: Application, interview: Interview, *, screening: bool = False, when: datetime | None = None
    ) -> Interview:
        """Schedule an interview; the application moves forward to screening or interviewing if behind.
        Returns the interview as stored (with its round)."""
        if app.stage.is_closed and app.stage is not Stage.GHOSTED:
            raise InvalidInput(f"{app.slug} is closed as {app.stage.value}; reopen it with undo first.")
        rules.check_interview(  # round 0 stands for "the next round", worked out below
            starts_at=interview.starts_at, duration_minutes=interview.duration_minutes,
            round_number=interview.round if interview.round != 0 else 1,
            texts={"location": interview.location, "interviewers": interview.interviewers, "notes": interview.notes},
            today=now_utc().date(),
        )  # fmt: skip
        interview.application_id = app.id or 0
        interview = self.store.add(interview)
        target = Stage.SCREENING if screening else Stage.INTERVIEWING
        when = when or now_utc()
        if app.stage is Stage.GHOSTED or app.stage.rank < target.rank:
            self.move(app, target, when=when, cause="interview scheduled")
        interview.round = interview.round or max(app.interview_rounds, 1)
        local = interview.starts_at.astimezone(zone(interview.timezone))
        self._event(
            app,
            EventKind.INTERVIEW,
            when,
            f"{interview.kind.value.capitalize()} interview round {interview.round} set for "
            f"{local:%a %d %b %Y %H:%M} {interview.timezone}",
        )
        app.last_activity_at = when
        return interview

    def interviews(self, app: Application | None = None) -> list[Interview]:
        """Interviews of one application, or all, by start time."""
        if app is None:
            return self.store.all(Interview, order=("starts_at", "id"))
        return self.store.all(Interview, application_id=app.id, order=("starts_at", "id"))
