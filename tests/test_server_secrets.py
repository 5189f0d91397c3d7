"""IMAP secrets in server mode: encrypted at rest with the server's key, readable back with it, refused
plainly with another key, never in the person's JSON export."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import create_engine, select
from sqlalchemy.pool import NullPool

from bounceback.domain.errors import InvalidInput
from bounceback.server.secrets import SecretBox
from bounceback.storage.server_schema import mail_secrets
from bounceback.transfer.json_export import export_document
from bounceback.workspace.server import Directory
from tests.serverkit import SECRET_KEY, person

pytestmark = pytest.mark.postgres
SECRET = "hunter2-imap-app-password"


def test_a_secret_is_stored_encrypted_and_read_back_with_the_servers_key(
    directory: Directory, pg_url: str
) -> None:
    """GIVEN a seeker's IMAP password kept through the box WHEN the table is read raw THEN it holds no trace of
    the password; the box reads it back; a box with another key says so in one sentence; the export lacks it."""
    ana = person(directory, "ana@uni.org")
    box = SecretBox(SECRET_KEY)
    box.keep(directory, ana.user_id, "uni-mail", SECRET)
    engine = create_engine(pg_url, poolclass=NullPool)
    with engine.connect() as connection:
        [stored] = connection.execute(select(mail_secrets.c.ciphertext)).scalars().all()
    engine.dispose()
    assert SECRET not in stored and stored.startswith("gAAAA")  # a Fernet token
    assert box.read(directory, ana.user_id, "uni-mail") == SECRET
    assert box.read(directory, ana.user_id, "other") is None
    with pytest.raises(InvalidInput, match="BOUNCEBACK_SERVER_SECRET_KEY"):
        SecretBox("another key entirely, long enough to pass").read(directory, ana.user_id, "uni-mail")
    with directory.workspace_for(ana.user_id).read() as read:
        assert SECRET not in json.dumps(export_document(read), default=str)
