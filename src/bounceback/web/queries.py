"""Lean reads for the pages, in plain SQL on the reader's connection: rows become small page records, not
mapped domain objects (building 5,000 mapped applications alone takes a quarter of a second)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from bounceback.domain.mail import MailLabel, MailStatus
from bounceback.domain.stages import Stage
from bounceback.storage.reader import Reader


def fetch(reader: Reader, sql: str, **params: Any) -> list[dict[str, Any]]:
    """Rows as dicts; `:name` parameters work on sqlite3 and psycopg alike."""
    if reader.paramstyle == "pyformat":
        sql = re.sub(r"(?<!:):(\w+)", r"%(\1)s", sql)
    cursor = reader.connection.cursor()
    try:
        cursor.execute(sql, {"owner": reader.owner_id, **params})
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    finally:
        cursor.close()


def moment(raw: Any) -> datetime | None:
    """A stored time as an aware UTC datetime (sqlite3 gives text, psycopg a naive datetime)."""
    if raw is None:
        return None
    value = datetime.fromisoformat(raw) if isinstance(raw, str) else raw
    return value.replace(tzinfo=UTC)


def json_list(raw: Any) -> list[str]:
    """A stored JSON list (text on sqlite3, decoded on psycopg)."""
    if raw is None:
        return []
    return list(json.loads(raw) if isinstance(raw, str) else raw)


@dataclass(slots=True)
class Card:
    """An application as the board shows it. It carries every field `ApplicationFilter.matches` reads, so the
    board filters with the same domain rule as the CLI."""

    id: int
    slug: str
    role: str
    company: str
    stage: Stage
    location: str
    notes: str
    tags: list[str]
    dream_job: bool
    excitement: int | None
    updated_at: datetime | None
    interview_rounds: int

    @property
    def is_active(self) -> bool:
        """Still open."""
        return self.stage.is_progress


_STAGES = {stage.value: stage for stage in Stage}
_CARD_SQL = (
    "SELECT a.id, a.slug, a.role, c.name, a.stage, a.location, a.notes, a.tags, a.dream_job, a.excitement, "
    "a.updated_at, a.interview_rounds FROM applications a JOIN companies c ON c.id = a.company_id "
    "WHERE a.owner_id = :owner"
)


def cards(reader: Reader) -> list[Card]:
    """Every application of the owner as a board card (tight: this runs over every application)."""
    sql = _CARD_SQL if reader.paramstyle == "named" else _CARD_SQL.replace(":owner", "%(owner)s")
    cursor = reader.connection.cursor()
    try:
        cursor.execute(sql, {"owner": reader.owner_id})
        rows = cursor.fetchall()
    finally:
        cursor.close()
    tag_lists: dict[str, list[str]] = {}  # the same few tag sets repeat: decode each once
    found = []
    for app_id, slug, role, company, stage, location, notes, tags, dream, excitement, updated, rounds in rows:
        if isinstance(tags, str):
            tags = tag_lists.get(tags) or tag_lists.setdefault(tags, json_list(tags))
        card = Card(
            app_id, slug, role, company, _STAGES[stage], location, notes, tags or [], bool(dream), excitement,
            moment(updated), rounds,
        )  # fmt: skip
        found.append(card)
    return found


@dataclass(slots=True)
class MailView:
    """A kept message as the pages show it."""

    id: int
    label: MailLabel
    status: MailStatus
    confidence: float
    received_at: datetime | None
    from_name: str
    from_address: str
    subject: str
    body: str
    html: str
    company: str
    role: str
    application_id: int | None
    details: dict[str, Any] = field(default_factory=dict)
    evidence: str | None = None

    @property
    def sender(self) -> str:
        """Who wrote, as a person would name them."""
        return self.from_name or self.from_address

    @property
    def because(self) -> str:
        """Why it was read so: "Rejection, because: “…”"."""
        from bounceback.mail.explain import because

        return because(self.label, self.evidence, self.details)


_MAIL_COLUMNS = (
    "id, label, status, confidence, received_at, from_name, from_address, subject, body, html, company, role, "
    "application_id, details, evidence"
)


def _mail(row: dict[str, Any]) -> MailView:
    details = row["details"]
    return MailView(
        row["id"], MailLabel(row["label"]), MailStatus(row["status"]), float(row["confidence"]),
        moment(row["received_at"]), row["from_name"], row["from_address"], row["subject"], row["body"],
        row["html"], row["company"], row["role"], row["application_id"],
        json.loads(details) if isinstance(details, str) else dict(details or {}), row["evidence"],
    )  # fmt: skip


def mail_of(reader: Reader, app_id: int) -> list[MailView]:
    """The emails attached to one application, oldest first."""
    rows = fetch(
        reader,
        f"SELECT {_MAIL_COLUMNS} FROM mail_messages WHERE owner_id = :owner AND application_id = :app "
        "ORDER BY received_at, id",
        app=app_id,
    )
    return [_mail(r) for r in rows]


def waiting_mail(reader: Reader) -> list[MailView]:
    """Messages waiting for review, oldest first."""
    rows = fetch(
        reader,
        f"SELECT {_MAIL_COLUMNS} FROM mail_messages WHERE owner_id = :owner AND status = :status "
        "ORDER BY received_at, id",
        status=MailStatus.REVIEW.value,
    )
    return [_mail(r) for r in rows]


def one_mail(reader: Reader, record_id: int) -> MailView | None:
    """One kept message by id."""
    rows = fetch(
        reader,
        f"SELECT {_MAIL_COLUMNS} FROM mail_messages WHERE owner_id = :owner AND id = :id",
        id=record_id,
    )
    return _mail(rows[0]) if rows else None


def application_names(reader: Reader) -> dict[int, str]:
    """Every application's short name by id (for linking mail)."""
    rows = fetch(reader, "SELECT id, slug FROM applications WHERE owner_id = :owner")
    return {r["id"]: r["slug"] for r in rows}
