"""The SQL that picks the timeline entries the due rules read (no SQLAlchemy here: the fast reads use it).

schema.py declares partial indexes with these predicates, so the database keeps them current on every write;
reads.py asks with the same text, so the planner uses them. A superset is harmless: the rules test each entry
again; tests/test_due_state.py checks every detail key the rules look at is here.
"""

from __future__ import annotations

DUE_DETAIL_KEYS = ("answer_by", "reconnect_on", "feedback_to", "next_step")
_FIND = {
    "sqlite": "instr(details, '\"{key}\"') > 0",
    "postgresql": "strpos(CAST(details AS TEXT), '\"{key}\"') > 0",
}


def due_events_where(dialect: str) -> str:
    """The predicate of the due rules' entries, as SQL of one dialect (no parameters, no percent signs)."""
    find = _FIND["sqlite" if dialect == "sqlite" else "postgresql"]
    return "kind = 'email' OR " + " OR ".join(find.format(key=key) for key in DUE_DETAIL_KEYS)


STAGE_EVENTS_WHERE = "kind = 'stage'"
