"""Server mode: mail files uploaded for a background worker to import, with the import's progress; row-level
security on the new table like every other table holding a person's rows (PostgreSQL only).

Revision ID: 0009_mail_uploads
Revises: 0008_server_accounts
Create Date: 2026-12-04 19:40:00.000000
"""

from alembic import op
import sqlalchemy as sa

from bounceback.storage import row_security


revision = "0009_mail_uploads"
down_revision = "0008_server_accounts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "mail_uploads",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=True),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("done", sa.Integer(), nullable=False),
        sa.Column("total", sa.Integer(), nullable=True),
        sa.Column("summary", sa.JSON(), nullable=True),
        sa.Column("error", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["owner_id"], ["users.id"], name=op.f("fk_mail_uploads_owner_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mail_uploads")),
    )
    with op.batch_alter_table("mail_uploads", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_mail_uploads_owner_id"), ["owner_id"], unique=False)
    row_security.enable(op.get_bind())


def downgrade() -> None:
    op.drop_table("mail_uploads")
