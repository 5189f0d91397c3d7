"""How the core says what happened in words a person uses: an edit names what changed (never a field's name),
an interview says what kind of conversation it is."""

from __future__ import annotations

from bounceback.domain.model import Application, Interview

FIELD_WORDS: dict[str, str] = {
    "role": "role",
    "location": "location",
    "work_mode": "way of working",
    "source": "where you found it",
    "url": "link",
    "salary_min": "lowest salary",
    "salary_max": "highest salary",
    "salary_currency": "salary currency",
    "saved_on": "day saved",
    "applied_on": "day applied",
    "deadline": "deadline",
    "excitement": "excitement",
    "dream_job": "dream job",
    "tags": "tags",
    "notes": "notes",
}
_SHOWN_SHORT = 40  # a new value longer than this is not repeated on the timeline


def _value_words(app: Application, field: str) -> str:
    """One changed field and its new value, as a timeline says it."""
    value = getattr(app, field)
    label = FIELD_WORDS.get(field, field.replace("_", " "))
    if field == "dream_job":
        return "marked as a dream job" if value else "no longer a dream job"
    if value in (None, "", []):
        return f"{label} cleared"
    if field == "excitement":
        return f"excitement now {value} of 5"
    shown = ", ".join(value) if field == "tags" else str(getattr(value, "value", value)).replace("_", " ")
    return f"{label} now {shown}" if len(shown) <= _SHOWN_SHORT and "\n" not in shown else f"{label} changed"


def edit_summary(app: Application, changed: list[str]) -> str:
    """The timeline's words for an edit: 'Location now Berlin, excitement now 4 of 5 and marked as a dream job'."""
    parts = [_value_words(app, field) for field in changed]
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return listed[0].upper() + listed[1:]


def interview_words(iv: Interview) -> str:
    """What an interview is: a screening call, or an interview of its kind (with its round after the first)."""
    if iv.round < 1:
        return "Screening call"
    return f"{iv.kind.value.capitalize()} interview" + (f", round {iv.round}" if iv.round > 1 else "")
