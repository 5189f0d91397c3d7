"""Server mode: invitations to join (the sha256 of each link's token, never the token). The table names no
owner, so it needs no row-level security, like `accounts` and `login_sessions`.

Revision ID: 0010_invites
Revises: 0009_mail_uploads
Create Date: 2026-12-04 20:45:00.000000
"""

from alembic import op
import sqlalchemy as sa


revision = "0010_invites"
down_revision = "0009_mail_uploads"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "invites",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("cohort_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("used_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["cohort_id"], ["cohorts.id"], name=op.f("fk_invites_cohort_id_cohorts")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invites")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_invites_token_hash")),
    )
    with op.batch_alter_table("invites", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_invites_email"), ["email"], unique=False)


def downgrade() -> None:
    op.drop_table("invites")
