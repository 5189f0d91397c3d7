"""Server mode: accounts, login sessions and attempts, cohorts, consent, the access log, advisor notes and
encrypted mail secrets; row-level security on every table holding a person's rows (PostgreSQL only).

Revision ID: 0008_server_accounts
Revises: 0007_due_state
Create Date: 2026-12-03 08:40:00.000000
"""

from alembic import op
import sqlalchemy as sa

from bounceback.storage import row_security


revision = "0008_server_accounts"
down_revision = "0007_due_state"
branch_labels = None
depends_on = None


def _owner(table: str) -> list:
    return [
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["owner_id"], ["users.id"], name=op.f(f"fk_{table}_owner_id_users")),
    ]


def _index(table: str, column: str, *, unique: bool = False) -> None:
    with op.batch_alter_table(table, schema=None) as batch_op:
        batch_op.create_index(batch_op.f(f"ix_{table}_{column}"), [column], unique=unique)


def upgrade() -> None:
    op.create_table(
        "cohorts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cohorts")),
        sa.UniqueConstraint("name", name=op.f("uq_cohorts_name")),
    )
    op.create_table(
        "accounts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("password_hash", sa.Text(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("cohort_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["cohort_id"], ["cohorts.id"], name=op.f("fk_accounts_cohort_id_cohorts")),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_accounts_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_accounts")),
        sa.UniqueConstraint("email", name=op.f("uq_accounts_email")),
        sa.UniqueConstraint("user_id", name=op.f("uq_accounts_user_id")),
    )
    _index("accounts", "cohort_id")
    op.create_table(
        "login_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_login_sessions_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_login_sessions")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_login_sessions_token_hash")),
    )
    _index("login_sessions", "user_id")
    op.create_table(
        "login_attempts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("address", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("succeeded", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_login_attempts")),
    )
    _index("login_attempts", "email")
    _index("login_attempts", "address")
    op.create_table(
        "consents",
        sa.Column("id", sa.Integer(), nullable=False),
        *_owner("consents"),
        sa.Column("advisor_id", sa.Integer(), nullable=False),
        sa.Column("sharing", sa.String(length=16), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["advisor_id"], ["users.id"], name=op.f("fk_consents_advisor_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consents")),
        sa.UniqueConstraint("owner_id", "advisor_id", name="uq_consents_owner_advisor"),
    )
    _index("consents", "owner_id")
    _index("consents", "advisor_id")
    op.create_table(
        "access_log",
        sa.Column("id", sa.Integer(), nullable=False),
        *_owner("access_log"),
        sa.Column("advisor_id", sa.Integer(), nullable=False),
        sa.Column("what", sa.String(length=200), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["advisor_id"], ["users.id"], name=op.f("fk_access_log_advisor_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_access_log")),
    )
    _index("access_log", "owner_id")
    _index("access_log", "advisor_id")
    with op.batch_alter_table("access_log", schema=None) as batch_op:
        batch_op.create_index("ix_access_log_owner_at", ["owner_id", "at"], unique=False)
    op.create_table(
        "advisor_notes",
        sa.Column("id", sa.Integer(), nullable=False),
        *_owner("advisor_notes"),
        sa.Column("advisor_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["advisor_id"], ["users.id"], name=op.f("fk_advisor_notes_advisor_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_advisor_notes")),
    )
    _index("advisor_notes", "owner_id")
    _index("advisor_notes", "advisor_id")
    op.create_table(
        "mail_secrets",
        sa.Column("id", sa.Integer(), nullable=False),
        *_owner("mail_secrets"),
        sa.Column("account_name", sa.String(length=120), nullable=False),
        sa.Column("ciphertext", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mail_secrets")),
        sa.UniqueConstraint("owner_id", "account_name", name="uq_mail_secrets_owner_account"),
    )
    _index("mail_secrets", "owner_id")
    row_security.enable(op.get_bind())


def downgrade() -> None:
    row_security.disable(op.get_bind())
    for table in ("mail_secrets", "advisor_notes", "access_log", "consents", "login_attempts", "login_sessions", "accounts", "cohorts"):
        op.drop_table(table)
