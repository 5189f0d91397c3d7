"""The schema revision this code expects. Kept apart so fast reads can check it without importing Alembic."""

HEAD_REVISION = "0010_invites"
# Every revision this code knows, oldest first; a database at any other revision was written by a newer version.
KNOWN_REVISIONS = (
    "0001_initial",
    "0002_mail",
    "0003_coaching",
    "0004_mail_source_path",
    "0006_mail_evidence",
    "0007_due_state",
    "0008_server_accounts",
    "0009_mail_uploads",
    "0010_invites",
)
