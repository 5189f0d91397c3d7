"""Changing and removing IMAP accounts (adding is in sync.py), inside the caller's journaled transaction.

Secrets are not handled here: the command stores, moves or deletes them in the keyring around these calls,
so a failure there rolls the database change back.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bounceback.domain.errors import InvalidInput
from bounceback.domain.mail import FolderState, MailAccount, MailRecord, MailStatus
from bounceback.mail.sync import accounts, check_settings, find_account
from bounceback.storage.schema import mail_messages


@dataclass(frozen=True)
class AccountEdit:
    """New settings for an account; None leaves one as it is."""

    host: str | None = None
    username: str | None = None
    port: int | None = None
    security: str | None = None
    folders: list[str] | None = None

    def is_empty(self) -> bool:
        return all(value is None for value in vars(self).values())


@dataclass(frozen=True)
class EditResult:
    """What an edit changed, and whether the folders will be read again from the start."""

    account: MailAccount
    old_username: str
    changed: list[str]
    reads_again: bool


def check_new_account(session: Session, owner_id: int, account: MailAccount) -> None:
    """Refuse, before anything is asked or stored, an account whose name is taken or whose settings are bad."""
    check_settings(account)
    if any(a.name == account.name for a in accounts(session, owner_id)):
        raise InvalidInput(f"A mail account called “{account.name}” exists already.")


def named_account(session: Session, owner_id: int, name: str) -> MailAccount:
    """One account by its name, or NotFound naming the accounts there are."""
    return find_account(session, owner_id, name)[0]


def edit_account(session: Session, owner_id: int, name: str, edit: AccountEdit) -> EditResult:
    """Change an account's settings. A new server or login means new UIDs, so how far each folder was read is
    forgotten (the mail already here is recognised by its key and never imported twice)."""
    account = named_account(session, owner_id, name)
    old_username = account.username
    changed = []
    for field_name, value in vars(edit).items():
        if value is not None and getattr(account, field_name) != value:
            setattr(account, field_name, list(value) if isinstance(value, list) else value)
            changed.append(field_name)
    check_settings(account)
    reads_again = bool({"host", "port", "username"} & set(changed))
    if reads_again:
        _forget_progress(session, account)
    session.flush()
    return EditResult(account, old_username, changed, reads_again)


def remove_account(session: Session, owner_id: int, name: str) -> tuple[MailAccount, int]:
    """Remove an account and how far its folders were read; the mail read from it stays (it is the evidence
    behind the changes it made). Returns the account and how many of its emails stay."""
    account = named_account(session, owner_id, name)
    _forget_progress(session, account)
    session.delete(account)
    session.flush()
    kept = session.scalar(
        select(func.count())
        .select_from(MailRecord)
        .where(
            MailRecord.owner_id == owner_id,
            MailRecord.status != MailStatus.SKIPPED,
            mail_messages.c.source_path.startswith(f"imap:{name}/", autoescape=True),
        )
    )
    return account, int(kept or 0)


def _forget_progress(session: Session, account: MailAccount) -> None:
    """Drop how far each of the account's folders was read (journaled, so undo brings it back)."""
    for state in session.scalars(select(FolderState).where(FolderState.account_id == account.id)):
        session.delete(state)
    session.flush()


def folder_progress(session: Session, owner_id: int) -> dict[tuple[int, str], FolderState]:
    """How far each folder of the owner's accounts has been read, by (account id, folder)."""
    query = select(FolderState).where(FolderState.owner_id == owner_id)
    return {(s.account_id, s.folder): s for s in session.scalars(query)}
