"""Due state: the timeline entries the due rules read, indexed so `due` reads them and nothing else.

Two partial indexes the database keeps current on every write, in the writing transaction (the tracker, an
import, an undo, a restore alike): emails and entries whose details carry a key the rules look at, and stage
changes (the rules use only the latest). The predicates are written out here so this revision stands alone.

Revision ID: 0007_due_state
Revises: 0006_mail_evidence
Create Date: 2026-12-03 09:00:00.000000
"""

from alembic import op
import sqlalchemy as sa


revision = "0007_due_state"
down_revision = "0006_mail_evidence"
branch_labels = None
depends_on = None

_KEYS = ("answer_by", "reconnect_on", "feedback_to", "next_step")


def _due_where(dialect: str) -> str:
    if dialect == "sqlite":
        finds = [f"instr(details, '\"{key}\"') > 0" for key in _KEYS]
    else:
        finds = [f"strpos(CAST(details AS TEXT), '\"{key}\"') > 0" for key in _KEYS]
    return "kind = 'email' OR " + " OR ".join(finds)


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    due, stage = sa.text(_due_where(dialect)), sa.text("kind = 'stage'")
    op.create_index(
        "ix_events_due_read",
        "events",
        ["owner_id", "application_id", "occurred_at", "id"],
        sqlite_where=due,
        postgresql_where=due,
    )
    op.create_index(
        "ix_events_stage_time",
        "events",
        ["owner_id", "application_id", "occurred_at"],
        sqlite_where=stage,
        postgresql_where=stage,
    )


def downgrade() -> None:
    op.drop_index("ix_events_stage_time", table_name="events")
    op.drop_index("ix_events_due_read", table_name="events")
