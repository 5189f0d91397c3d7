"""References hidden inside values: ids written into reminder keys and JSON fields, translated like real ones.

A reminder answered as "feedback_outcome:app3:fr2" and a timeline entry saying which contact was thanked name
records by their database ids. The document writes those ids as its own keys, and a restore writes them back
as the new database's ids, so the answers still fit after a restore into any workspace. A reference to a
record that is not there any more (deleted since) is left out, never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

Record = dict[str, Any]
# (document table, id) → the id on the other side, or None when that record is not there.
Resolve = Callable[[str, int], int | None]

# Timeline entries (events.details) name contacts, interviews and feedback requests.
_EVENT_REFERENCES = {
    "contact": "contacts",
    "contact_id": "contacts",
    "interview": "interviews",
    "request": "feedback_requests",
}
# The parts of a reminder key that name a record (see domain/due.py): app3, iv7, fr2, c5.
_KEY_PART = re.compile(r"^(app|iv|fr|c)(\d+)$")
_KEY_TABLES = {"app": "applications", "iv": "interviews", "fr": "feedback_requests", "c": "contacts"}
_CONTACT_CHOICE = re.compile(r"^contact-(\d+)$")


def _an_id(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def event_details(record: Record, resolve: Resolve) -> Record | None:
    """A timeline entry with the contact, interview and request it names translated."""
    details = record.get("details")
    if not isinstance(details, dict):
        return record
    translated = dict(details)
    for key, table in _EVENT_REFERENCES.items():
        if key not in translated or translated[key] is None:
            continue
        old = _an_id(translated[key])
        new = resolve(table, old) if old is not None else None
        if new is None:
            del translated[key]
        else:
            translated[key] = new
    return {**record, "details": translated}


def mail_details(record: Record, resolve: Resolve) -> Record | None:
    """An email with the applications it could belong to translated; the undo-journal step it names is left
    out (the journal is not part of the document: it holds this database's own history)."""
    details = record.get("details")
    if not isinstance(details, dict):
        return record
    translated = {k: v for k, v in details.items() if k != "change"}
    candidates = translated.get("candidates")
    if isinstance(candidates, list):
        found = [resolve("applications", c) for c in candidates if _an_id(c) is not None]
        translated["candidates"] = [c for c in found if c is not None]
    return {**record, "details": translated}


def session_answers(record: Record, resolve: Resolve) -> Record | None:
    """A bounce-back session with the person chosen to ask for feedback ("contact-5") translated."""
    answers = record.get("answers")
    if not isinstance(answers, dict):
        return record
    translated: dict[str, Any] = {}
    for step, given in answers.items():
        choice = given.get("contact") if isinstance(given, dict) else None
        match = _CONTACT_CHOICE.match(choice) if isinstance(choice, str) else None
        if match is None:
            translated[step] = given
            continue
        new = resolve("contacts", int(match.group(1)))
        kept = {k: v for k, v in given.items() if k != "contact"}
        translated[step] = kept if new is None else {**kept, "contact": f"contact-{new}"}
    return {**record, "answers": translated}


def reminder_key(record: Record, resolve: Resolve) -> Record | None:
    """A reminder answer with the records its key names translated; None when one of them is gone."""
    key = record.get("key")
    if not isinstance(key, str):
        return record
    parts = []
    for part in key.split(":"):
        match = _KEY_PART.match(part)
        if match is None:
            parts.append(part)
            continue
        new = resolve(_KEY_TABLES[match.group(1)], int(match.group(2)))
        if new is None:
            return None
        parts.append(f"{match.group(1)}{new}")
    return {**record, "key": ":".join(parts)}
