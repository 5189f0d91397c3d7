"""What a merge finds already here, for the records around the tracker: mail, accounts and the coaching.

Each kind is matched by what makes it the same thing (an account by its name, an email by its key, a check-in
by its moment…). A match is left out: the copy here wins. Accounts and feedback requests are pointed at by
other records, so those point at the copy here instead.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

SKIP = -1  # stands for a record left out (already here), so what belongs to it is left out too

# table → (the fields that make two records the same, whether records pointing at it use the copy here)
NATURAL_KEYS: dict[str, tuple[tuple[str, ...], bool]] = {
    "mail_accounts": (("name",), True),
    "mail_folder_state": (("account_id", "folder"), False),
    "mail_messages": (("key",), False),
    "feedback_requests": (("application_id", "requested_at"), True),
    "bounce_sessions": (("application_id", "started_at"), False),
    "lessons": (("application_id", "kind", "text"), False),
    "questions": (("application_id", "kind", "text"), False),
    "checkins": (("at",), False),
    "goals": (("year",), False),
    "reminder_states": (("key",), False),
}


class ExistingRecords:
    """The natural keys of the owner's records of those kinds, read once before a restore."""

    def __init__(self, session: Session, owner_id: int, classes: dict[str, Any]) -> None:
        self._known: dict[str, dict[tuple[Any, ...], int]] = {}
        for key, (names, _) in NATURAL_KEYS.items():
            cls = classes[key]
            columns = [getattr(cls, name) for name in names]
            rows = session.execute(select(cls.id, *columns).where(cls.owner_id == owner_id))
            self._known[key] = {tuple(row[1:]): row[0] for row in rows}

    def match(self, table: str, values: dict[str, Any]) -> int | None:
        """The id to use for a record already here (or SKIP to leave it out); None when it is new."""
        if table not in NATURAL_KEYS:
            return None
        names, pointed_at = NATURAL_KEYS[table]
        found = self._known[table].get(tuple(values.get(name) for name in names))
        if found is None:
            return None
        return found if pointed_at else SKIP
