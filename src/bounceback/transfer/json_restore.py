"""Storing a bounceback document: exactly as written into an empty workspace, or merged into one in use.

A restore writes records as they are (timeline included) rather than replaying them through the tracker, since
replaying would add new timeline entries and the document would no longer round-trip. It runs inside the
caller's journaled transaction, so `undo` removes a whole import.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bounceback.domain.errors import InvalidInput
from bounceback.domain.model import Application, Company, Contact, Event, EventKind, Origin
from bounceback.domain.naming import application_slug, company_key
from bounceback.transfer.dedupe import DuplicateIndex
from bounceback.transfer.json_document import TABLES, V1_TABLES, Document, Record, Table
from bounceback.transfer.json_merge import SKIP, ExistingRecords


@dataclass
class RestoreReport:
    """What a restore stored, per table, and how many applications were already there."""

    added: dict[str, int] = field(default_factory=lambda: {t.key: 0 for t in TABLES})
    already_there: int = 0


def held_records(session: Session, owner_id: int) -> tuple[Table, int] | None:
    """The first kind of record the owner already has (applications first), with how many; None for a
    workspace not yet used."""
    for table in sorted(TABLES, key=lambda t: t.cls is not Application):
        cls: Any = table.cls
        count = session.scalar(select(func.count()).select_from(cls).where(cls.owner_id == owner_id))
        if count:
            return table, int(count)
    return None


class _Restorer:
    """Stores one document's records parents-first, mapping document keys to new database ids."""

    def __init__(self, session: Session, owner_id: int, source: str) -> None:
        self.session = session
        self.owner_id = owner_id
        self.source = source
        self.report = RestoreReport()
        self.ids: dict[str, dict[int, int]] = {t.key: {} for t in TABLES}
        self.new_apps: list[Application] = []
        self.links: set[tuple[int, int, str]] = set()
        self._learn_existing()
        self.others = ExistingRecords(session, owner_id, {t.key: t.cls for t in TABLES})

    def _learn_existing(self) -> None:
        """What is already in the workspace, to match companies, contacts and applications against."""
        owned = self.session.scalars
        companies = list(owned(select(Company).where(Company.owner_id == self.owner_id)))
        self.company_ids = {company_key(c.name): c.id for c in companies}
        names = {c.id: c.name for c in companies}
        contacts = list(owned(select(Contact).where(Contact.owner_id == self.owner_id)))
        self.contact_ids = {c.email.lower(): c.id for c in contacts if c.email}
        self.contact_names = {(c.name.strip().lower(), c.company_id): c.id for c in contacts if not c.email}
        self.index = DuplicateIndex()
        self.slugs: set[str] = set()
        for app in owned(select(Application).where(Application.owner_id == self.owner_id)):
            self.index.add(names[app.company_id], app.role, app.url, (app.applied_on, app.saved_on))
            self.slugs.add(app.slug)

    def restore(self, document: Document) -> RestoreReport:
        """Store every table in order, then note the merge on each new application's timeline."""
        self.document = document
        for table in TABLES:
            self._store_table(table)
        return self.report

    def _store_table(self, table: Table) -> None:
        """Store one table's records that are new, in document order, and remember their new ids."""
        pending: list[tuple[int, Any]] = []
        for record in self.document[table.key]:
            values = self._translate(table, record)
            if values is None:
                continue
            known = self._existing_id(table, values)
            if known is not None:
                self.ids[table.key][record["id"]] = known
                continue
            obj = table.cls(**values, owner_id=self.owner_id)
            self.session.add(obj)
            pending.append((record["id"], obj))
        self.session.flush()
        for key, obj in pending:
            self.ids[table.key][key] = obj.id
        self.report.added[table.key] += len(pending)
        if table.cls is Application:
            self.new_apps = [obj for _, obj in pending]

    def _translate(self, table: Table, record: Record) -> dict[str, Any] | None:
        """The record's values with references as database ids; None when what it belongs to was skipped.

        Ids inside values are translated too (version 1 wrote them as they were; see below).
        """
        values = {k: v for k, v in record.items() if k != "id"}
        for name, target in table.refs:
            if values.get(name) is None:
                continue
            new_id = self.ids[target].get(values[name], SKIP)
            if new_id == SKIP:
                return None
            values[name] = new_id
        if table.embedded is not None:
            return table.embedded(values, self._resolve if self.document.version > 1 else _as_version_1_wrote)
        return values

    def _resolve(self, table: str, key: int) -> int | None:
        """The database id a document key became, or None when that record was left out."""
        new_id = self.ids[table].get(key)
        return None if new_id is None or new_id == SKIP else new_id

    def _existing_id(self, table: Table, values: dict[str, Any]) -> int | None:
        """The id of a record already in the workspace that this one is, or None to store it."""
        if table.cls is Company:
            return self.company_ids.get(company_key(values["name"]))
        if table.cls is Contact:
            if values.get("email"):
                return self.contact_ids.get(values["email"].lower())
            return self.contact_names.get((values["name"].strip().lower(), values.get("company_id")))
        if table.cls is Application:
            return self._known_application(values)
        if table.key == "application_contacts":
            link = (values["application_id"], values["contact_id"], str(values.get("role", "")))
            if link in self.links:
                return SKIP
            self.links.add(link)
        return self.others.match(table.key, values)

    def _known_application(self, values: dict[str, Any]) -> int | None:
        """SKIP for an application already here (left out with its timeline); else None, with a free slug."""
        company = self.session.get(Company, values["company_id"])
        assert company is not None
        day = values.get("applied_on") or values.get("saved_on")
        if self.index.holds(company.name, values["role"], values.get("url", ""), day):
            self.report.already_there += 1
            return SKIP
        slug = values.get("slug") or ""
        if not slug or slug in self.slugs:
            values["slug"] = application_slug(company.name, values["role"], self.slugs)
        self.slugs.add(values["slug"])
        return None

    def note_merge(self) -> None:
        """Put the merge on each new application's timeline, so the person can see where it came from."""
        now = datetime.now(UTC)
        for app in self.new_apps:
            self.session.add(
                Event(
                    application_id=app.id or 0,
                    kind=EventKind.IMPORTED,
                    occurred_at=now,
                    summary=f"Merged in from {self.source}",
                    origin=Origin.IMPORT,
                    cause=f"import: {self.source}",
                    details={"file": self.source},
                    owner_id=self.owner_id,
                )
            )


def restore(
    document: Document, session: Session, owner_id: int, *, source: str, merge: bool
) -> RestoreReport:
    """Store a document: refuse a workspace in use unless merging; merged records already here are skipped."""
    held = None if merge else held_records(session, owner_id)
    if held is not None:
        table, count = held
        what = f"{count} {table.singular}" if count == 1 else f"{count} {_plural(table.singular)}"
        raise InvalidInput(
            f"This workspace already holds {what}, so “{source}” was not imported; add --merge to add only "
            "what is new, or import into a fresh workspace with --home."
        )
    restorer = _Restorer(session, owner_id, source)
    report = restorer.restore(document)
    if merge:
        restorer.note_merge()
        session.flush()
    return report


def _plural(word: str) -> str:
    """'company' → 'companies', 'email' → 'emails', 'timeline entry' → 'timeline entries'."""
    return word[:-1] + "ies" if word.endswith("y") else word + "s"


def _as_version_1_wrote(table: str, db_id: int) -> int | None:
    """Version 1 wrote ids inside values as they were: kept so, except those naming records it did not carry."""
    return db_id if table in V1_TABLES else None
