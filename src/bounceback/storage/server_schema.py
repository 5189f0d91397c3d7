"""The server's own tables: who can log in, their sessions and login attempts, cohorts, what seekers share
with advisors, the mail files a worker imports, and invitations to join. They hang on the same `metadata` as
the search's tables, so migrations and tests see them.

Tables with an `owner_id` hold one seeker's data and get row-level security on PostgreSQL (security.py); where
an advisor is involved too (`advisor_id`), the policy lets that advisor see the rows as well."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from bounceback.storage.schema import _owner, metadata
from bounceback.storage.types import UTCDateTime

cohorts = Table(
    "cohorts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("created_at", UTCDateTime, nullable=False),
)

accounts = Table(
    "accounts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False, unique=True),
    Column("email", String(320), nullable=False, unique=True),
    Column("password_hash", Text, nullable=False),
    Column("role", String(16), nullable=False),
    Column("active", Boolean, nullable=False, default=True),
    Column("cohort_id", Integer, ForeignKey("cohorts.id"), nullable=True, index=True),
    Column("created_at", UTCDateTime, nullable=False),
)

login_sessions = Table(
    "login_sessions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("token_hash", String(64), nullable=False, unique=True),  # sha256 of the cookie's token
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False, index=True),
    Column("created_at", UTCDateTime, nullable=False),
    Column("last_seen_at", UTCDateTime, nullable=False),
)

login_attempts = Table(
    "login_attempts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("email", String(320), nullable=False, index=True),
    Column("address", String(64), nullable=False, index=True),
    Column("at", UTCDateTime, nullable=False),
    Column("succeeded", Boolean, nullable=False),
)

consents = Table(
    "consents",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),  # the seeker
    Column("advisor_id", Integer, ForeignKey("users.id"), nullable=False, index=True),
    Column("sharing", String(16), nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    UniqueConstraint("owner_id", "advisor_id", name="uq_consents_owner_advisor"),
)

access_log = Table(
    "access_log",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),  # the seeker looked at
    Column("advisor_id", Integer, ForeignKey("users.id"), nullable=False, index=True),
    Column("what", String(200), nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Index("ix_access_log_owner_at", "owner_id", "at"),
)

advisor_notes = Table(
    "advisor_notes",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),  # the seeker the note is about, who reads it too
    Column("advisor_id", Integer, ForeignKey("users.id"), nullable=False, index=True),
    Column("text", Text, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
)

mail_secrets = Table(
    "mail_secrets",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column("account_name", String(120), nullable=False),
    Column("ciphertext", Text, nullable=False),  # Fernet, with the server's key; never the secret itself
    UniqueConstraint("owner_id", "account_name", name="uq_mail_secrets_owner_account"),
)

mail_uploads = Table(
    "mail_uploads",
    metadata,
    Column("id", String(32), primary_key=True),  # random: one upload's address says nothing of any other
    _owner(),
    Column("name", String(120), nullable=False),
    Column(
        "content", LargeBinary, nullable=True
    ),  # the uploaded file, until a worker has read it (then NULL)
    Column("state", String(16), nullable=False),
    Column("done", Integer, nullable=False, default=0),
    Column("total", Integer, nullable=True),
    Column("summary", JSON, nullable=True),  # what the import did, once it is done
    Column("error", Text, nullable=False, default=""),  # one plain sentence, once it failed
    Column("created_at", UTCDateTime, nullable=False),
    Column("finished_at", UTCDateTime, nullable=True),
)

invites = Table(
    "invites",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "token_hash", String(64), nullable=False, unique=True
    ),  # sha256 of the link's token, never the token
    Column("email", String(320), nullable=False, index=True),
    Column("role", String(16), nullable=False),
    Column("cohort_id", Integer, ForeignKey("cohorts.id"), nullable=True),
    Column("created_at", UTCDateTime, nullable=False),
    Column("expires_at", UTCDateTime, nullable=False),
    Column("used_at", UTCDateTime, nullable=True),
)

SERVER_TABLES = (
    cohorts,
    accounts,
    login_sessions,
    login_attempts,
    consents,
    access_log,
    advisor_notes,
    mail_secrets,
    mail_uploads,
    invites,
)
