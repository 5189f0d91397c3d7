"""The person a workspace belongs to: the name their drafts are signed with. It is kept on the person's own row
of `users` (one row per owner, on SQLite and PostgreSQL alike), so it is asked once and the CLI and the web
sign every draft the same way."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bounceback.domain.errors import InvalidInput

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from bounceback.storage.reads import ReadModel

# What the first migration names a new workspace's owner: the person has not been asked for a name yet.
NOT_ASKED = "local"
MAX_NAME = 200  # the column's length


def stored_name(read: ReadModel) -> str | None:
    """The name as stored: None when the person was never asked, "" when they chose to sign with none."""
    from bounceback.domain.model import Person

    found = read.records(Person)
    if not found or found[0].name is None or found[0].name == NOT_ASKED:
        return None
    return str(found[0].name)


def signature(stored: str | None) -> str:
    """The name to sign with (empty for none)."""
    return (stored or "").strip()


def clean_name(text: str) -> str:
    """A name as typed, checked: one line, not too long. Empty means "sign my drafts with no name"."""
    name = " ".join(text.split())
    if "\n" in text.strip() or "\r" in text.strip():
        raise InvalidInput("Your name should fit on one line.")
    if len(name) > MAX_NAME:
        raise InvalidInput(f"That name is {len(name)} characters long; {MAX_NAME} is the most it can be.")
    if name == NOT_ASKED:
        raise InvalidInput(f"“{NOT_ASKED}” is reserved here; give your name as you sign your emails.")
    return name


def save_name(session: Session, owner_id: int, text: str) -> str:
    """Store the person's name (inside the caller's transaction); returns it as kept."""
    from sqlalchemy import insert, update

    from bounceback.storage.schema import users

    name = clean_name(text)
    done = session.execute(update(users).where(users.c.id == owner_id).values(name=name))
    if not done.rowcount:  # type: ignore[attr-defined]
        session.execute(insert(users).values(id=owner_id, name=name))
    return name
