"""Mail: `mail_messages.origin` becomes `source_path` (it holds where the message was read from, not an Origin).

Undo steps recorded before this revision name the old column; they are rewritten too, so `undo` keeps working.

Revision ID: 0004_mail_source_path
Revises: 0003_coaching
Create Date: 2026-12-02 18:30:00.000000
"""

import json

from alembic import op
import sqlalchemy as sa


revision = "0004_mail_source_path"
down_revision = "0003_coaching"
branch_labels = None
depends_on = None


def _rename_in_journal(old: str, new: str) -> None:
    """Rename the column inside the journal's recorded rows of mail_messages."""
    connection = op.get_bind()
    changes = sa.table("changes", sa.column("id", sa.Integer), sa.column("operations", sa.JSON))
    for change_id, operations in connection.execute(sa.select(changes.c.id, changes.c.operations)).all():
        ops = json.loads(operations) if isinstance(operations, str) else operations
        touched = False
        for op_ in ops:
            row = op_.get("row")
            if op_.get("table") == "mail_messages" and isinstance(row, dict) and old in row:
                row[new] = row.pop(old)
                touched = True
        if touched:
            connection.execute(sa.update(changes).where(changes.c.id == change_id).values(operations=ops))


def upgrade() -> None:
    with op.batch_alter_table("mail_messages", schema=None) as batch_op:
        batch_op.alter_column("origin", new_column_name="source_path", existing_type=sa.Text(), existing_nullable=False)
    _rename_in_journal("origin", "source_path")


def downgrade() -> None:
    with op.batch_alter_table("mail_messages", schema=None) as batch_op:
        batch_op.alter_column("source_path", new_column_name="origin", existing_type=sa.Text(), existing_nullable=False)
    _rename_in_journal("source_path", "origin")
