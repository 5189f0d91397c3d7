"""Tables, each with an owner so many people can share one PostgreSQL server (records.py says which record
each holds; orm.py maps them)."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)

from bounceback.domain.coaching import (
    FeedbackOutcome,
    LessonKind,
    QuestionKind,
    ReminderStatus,
)
from bounceback.domain.mail import MailLabel, MailStatus
from bounceback.domain.model import (
    LOCAL_OWNER,
    ContactRole,
    EventKind,
    InterviewKind,
    Origin,
    Source,
    WorkMode,
)
from bounceback.domain.stages import Stage
from bounceback.storage.due_sql import STAGE_EVENTS_WHERE, due_events_where
from bounceback.storage.types import EnumText, UTCDateTime

# Constraint names that are the same on SQLite and PostgreSQL, so migrations can name them.
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


def _owner() -> Column[int]:
    """The owner column every row carries."""
    return Column(
        "owner_id", Integer, ForeignKey("users.id"), nullable=False, default=LOCAL_OWNER, index=True
    )


users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("created_at", UTCDateTime, nullable=True),
)

companies = Table(
    "companies",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column("name", String(300), nullable=False),
    Column("domains", JSON, nullable=False, default=list),
    Column("notes", Text, nullable=False, default=""),
)

applications = Table(
    "applications",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column("company_id", Integer, ForeignKey("companies.id"), nullable=False, index=True),
    Column("slug", String(120), nullable=False),
    Column("role", String(300), nullable=False),
    Column("location", String(300), nullable=False, default=""),
    Column("work_mode", EnumText(WorkMode), nullable=True),
    Column("source", EnumText(Source), nullable=True),
    Column("url", Text, nullable=False, default=""),
    Column("salary_min", Integer, nullable=True),
    Column("salary_max", Integer, nullable=True),
    Column("salary_currency", String(8), nullable=False, default=""),
    Column("saved_on", Date, nullable=True),
    Column("applied_on", Date, nullable=True),
    Column("deadline", Date, nullable=True),
    Column("excitement", Integer, nullable=True),
    Column("dream_job", Boolean, nullable=False, default=False),
    Column("tags", JSON, nullable=False, default=list),
    Column("notes", Text, nullable=False, default=""),
    Column("stage", EnumText(Stage), nullable=False),
    Column("furthest_stage", EnumText(Stage), nullable=False),
    Column("closed_from", EnumText(Stage), nullable=True),
    Column("close_reason", Text, nullable=False, default=""),
    Column("interview_rounds", Integer, nullable=False, default=0),
    Column("created_at", UTCDateTime, nullable=True),
    Column("updated_at", UTCDateTime, nullable=True),
    Column("last_activity_at", UTCDateTime, nullable=True),
    Column("closed_at", UTCDateTime, nullable=True),
    UniqueConstraint("owner_id", "slug", name="uq_applications_owner_slug"),
    Index("ix_applications_owner_stage", "owner_id", "stage"),
)

contacts = Table(
    "contacts",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column("company_id", Integer, ForeignKey("companies.id"), nullable=True, index=True),
    Column("name", String(300), nullable=False),
    Column("email", String(320), nullable=False, default=""),
    Column("phone", String(64), nullable=False, default=""),
    Column("linkedin_url", Text, nullable=False, default=""),
    Column("title", String(300), nullable=False, default=""),
    Column("notes", Text, nullable=False, default=""),
)

application_contacts = Table(
    "application_contacts",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column("application_id", Integer, ForeignKey("applications.id"), nullable=False, index=True),
    Column("contact_id", Integer, ForeignKey("contacts.id"), nullable=False, index=True),
    Column("role", EnumText(ContactRole), nullable=False),
    UniqueConstraint("application_id", "contact_id", "role", name="uq_application_contacts_link"),
)

interviews = Table(
    "interviews",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column("application_id", Integer, ForeignKey("applications.id"), nullable=False, index=True),
    Column("round", Integer, nullable=False, default=1),
    Column("kind", EnumText(InterviewKind), nullable=False),
    Column("starts_at", UTCDateTime, nullable=False),
    Column("timezone", String(64), nullable=False, default="UTC"),
    Column("duration_minutes", Integer, nullable=False, default=60),
    Column("location", Text, nullable=False, default=""),
    Column("interviewers", Text, nullable=False, default=""),
    Column("notes", Text, nullable=False, default=""),
)

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column("application_id", Integer, ForeignKey("applications.id"), nullable=False),
    Column("kind", EnumText(EventKind), nullable=False),
    Column("occurred_at", UTCDateTime, nullable=False),
    Column("summary", Text, nullable=False),
    Column("origin", EnumText(Origin), nullable=False),
    Column("cause", Text, nullable=False, default=""),
    Column("from_stage", EnumText(Stage), nullable=True),
    Column("to_stage", EnumText(Stage), nullable=True),
    Column("details", JSON, nullable=False, default=dict),
    Index("ix_events_application_time", "application_id", "occurred_at"),
    # The few entries the due rules read (outreach/snapshot.py), kept indexed by the database on every write:
    # emails and entries carrying one of the rules' detail keys, and the stage changes (only the latest counts).
    Index(
        "ix_events_due_read",
        "owner_id",
        "application_id",
        "occurred_at",
        "id",
        sqlite_where=text(due_events_where("sqlite")),
        postgresql_where=text(due_events_where("postgresql")),
    ),
    Index(
        "ix_events_stage_time",
        "owner_id",
        "application_id",
        "occurred_at",
        sqlite_where=text(STAGE_EVENTS_WHERE),
        postgresql_where=text(STAGE_EVENTS_WHERE),
    ),
)

# One row per user-visible change, holding what is needed to revert it (see journal.py).
changes = Table(
    "changes",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column("at", UTCDateTime, nullable=False),
    Column("summary", Text, nullable=False),
    Column("origin", String(24), nullable=False),
    Column("operations", JSON, nullable=False),
    Column("undone", Boolean, nullable=False, default=False),
    Index("ix_changes_owner_undone", "owner_id", "undone"),
)

mail_messages = Table(
    "mail_messages",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column("key", String(400), nullable=False),
    Column("message_id", String(400), nullable=False, default=""),
    Column("source_path", Text, nullable=False, default=""),
    Column("label", EnumText(MailLabel), nullable=False),
    Column("predicted_label", EnumText(MailLabel), nullable=True),
    Column("corrected", Boolean, nullable=False, default=False),
    Column("confidence", Float, nullable=False),
    Column("status", EnumText(MailStatus), nullable=False),
    Column("received_at", UTCDateTime, nullable=True),
    Column("from_name", String(300), nullable=False, default=""),
    Column("from_address", String(320), nullable=False, default=""),
    Column("subject", Text, nullable=False, default=""),
    Column("body", Text, nullable=False, default=""),
    Column("html", Text, nullable=False, default=""),
    Column("company", String(300), nullable=False, default=""),
    Column("role", String(300), nullable=False, default=""),
    Column("application_id", Integer, ForeignKey("applications.id"), nullable=True, index=True),
    Column("details", JSON, nullable=False, default=dict),
    Column("evidence", Text, nullable=True),  # the sentence that states the decision, shown as the reason
    UniqueConstraint("owner_id", "key", name="uq_mail_messages_owner_key"),
    Index("ix_mail_messages_owner_status", "owner_id", "status"),
)

mail_accounts = Table(
    "mail_accounts",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column("name", String(120), nullable=False),
    Column("host", String(300), nullable=False),
    Column("port", Integer, nullable=False),
    Column("security", String(16), nullable=False),
    Column("username", String(320), nullable=False),
    Column("folders", JSON, nullable=False),
    Column("auth", String(16), nullable=False),
    UniqueConstraint("owner_id", "name", name="uq_mail_accounts_owner_name"),
)

mail_folder_state = Table(
    "mail_folder_state",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column("account_id", Integer, ForeignKey("mail_accounts.id"), nullable=False),
    Column("folder", String(300), nullable=False),
    Column("uidvalidity", Integer, nullable=False),
    Column("last_uid", Integer, nullable=False, default=0),
    Column("synced_at", UTCDateTime, nullable=True),
    UniqueConstraint("account_id", "folder", name="uq_mail_folder_state_account_folder"),
)

bounce_sessions = Table(
    "bounce_sessions",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column("application_id", Integer, ForeignKey("applications.id"), nullable=False, index=True),
    Column("started_at", UTCDateTime, nullable=False),
    Column("finished_at", UTCDateTime, nullable=True),
    Column("step", String(40), nullable=False),
    Column("mood_before", Integer, nullable=True),
    Column("mood_after", Integer, nullable=True),
    Column("self_worth_pct", Integer, nullable=True),
    Column("answers", JSON, nullable=False, default=dict),
)

checkins = Table(
    "checkins",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column("at", UTCDateTime, nullable=False),
    Column("mood", Integer, nullable=True),
    Column("who5", JSON, nullable=False, default=list),
    Column("note", Text, nullable=False, default=""),
)

lessons = Table(
    "lessons",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column("application_id", Integer, ForeignKey("applications.id"), nullable=True, index=True),
    Column("kind", EnumText(LessonKind), nullable=False),
    Column("text", Text, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
)

questions = Table(
    "questions",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column("application_id", Integer, ForeignKey("applications.id"), nullable=True, index=True),
    Column("kind", EnumText(QuestionKind), nullable=False),
    Column("text", Text, nullable=False),
    Column("notes", Text, nullable=False, default=""),
    Column("created_at", UTCDateTime, nullable=False),
)

feedback_requests = Table(
    "feedback_requests",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column("application_id", Integer, ForeignKey("applications.id"), nullable=False, index=True),
    Column("contact_id", Integer, ForeignKey("contacts.id"), nullable=True),
    Column("requested_at", UTCDateTime, nullable=False),
    Column("outcome", EnumText(FeedbackOutcome), nullable=False),
    Column("answer", Text, nullable=False, default=""),
    Column("answered_at", UTCDateTime, nullable=True),
)

goals = Table(
    "goals",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column("year", Integer, nullable=False),
    Column("rejections", Integer, nullable=False),
    UniqueConstraint("owner_id", "year", name="uq_goals_owner_year"),
)

reminder_states = Table(
    "reminder_states",
    metadata,
    Column("id", Integer, primary_key=True),
    _owner(),
    Column("key", String(200), nullable=False),
    Column("status", EnumText(ReminderStatus), nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Column("snoozed_until", UTCDateTime, nullable=True),
    UniqueConstraint("owner_id", "key", name="uq_reminder_states_owner_key"),
)

# The server's tables (accounts, sessions, consent…) join the same metadata; imported last, as they use _owner().
from bounceback.storage import server_schema  # noqa: E402, F401
