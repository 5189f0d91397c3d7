"""Mail evidence: the sentence that states a message's decision, kept to say why it moved an application.

Revision ID: 0006_mail_evidence
Revises: 0004_mail_source_path
Create Date: 2026-12-02 19:00:00.000000
"""

from alembic import op
import sqlalchemy as sa


revision = "0006_mail_evidence"
down_revision = "0004_mail_source_path"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("mail_messages", schema=None) as batch_op:
        batch_op.add_column(sa.Column("evidence", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("mail_messages", schema=None) as batch_op:
        batch_op.drop_column("evidence")
