"""Changing and removing IMAP accounts (adding is in sync.py), inside the caller's journaled transaction.

Secrets are not handled here: the command stores, moves or deletes them in the keyring around these calls,
so a failure there rolls the database change back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from bounceback.domain.errors import InvalidInput
from bounceback.domain.mail import FolderState, MailAccount
from bounceback.mail.sync import check_settings, find_account
from bounceback.workspace import ReadModel

if TYPE_CHECKING:
    from bounceback.workspace.change import Change


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


def check_new_account(read: ReadModel, account: MailAccount) -> None:
    """Refuse, before anything is asked or stored, an account whose name is taken or whose settings are bad."""
    check_settings(account)
    if any(a.name == account.name for a in read.mail_accounts()):
        raise InvalidInput(f"A mail account called “{account.name}” exists already.")


def named_account(read: ReadModel, name: str) -> MailAccount:
    """One account by its name, or NotFound naming the accounts there are."""
    return find_account(read, name)[0]


def _tracked(change: Change, name: str) -> MailAccount:
    """The account of that name as the change tracks it."""
    found = change.store.get(MailAccount, named_account(change.read, name).id)
    assert found is not None
    return found


def edit_account(change: Change, name: str, edit: AccountEdit) -> EditResult:
    """Change an account's settings. A new server or login means new UIDs, so how far each folder was read is
    forgotten (the mail already here is recognised by its key and never imported twice)."""
    account = _tracked(change, name)
    old_username = account.username
    changed = []
    for field_name, value in vars(edit).items():
        if value is not None and getattr(account, field_name) != value:
            setattr(account, field_name, list(value) if isinstance(value, list) else value)
            changed.append(field_name)
    check_settings(account)
    reads_again = bool({"host", "port", "username"} & set(changed))
    if reads_again:
        _forget_progress(change, account)
    change.store.flush()
    return EditResult(account, old_username, changed, reads_again)


def remove_account(change: Change, name: str) -> tuple[MailAccount, int]:
    """Remove an account and how far its folders were read; the mail read from it stays (it is the evidence
    behind the changes it made). Returns the account and how many of its emails stay."""
    account = _tracked(change, name)
    _forget_progress(change, account)
    change.store.delete(account)
    change.store.flush()
    return account, change.read.count_mail_read_from(f"imap:{name}/")


def _forget_progress(change: Change, account: MailAccount) -> None:
    """Drop how far each of the account's folders was read (journaled, so undo brings it back)."""
    for state in change.store.all(FolderState, account_id=account.id):
        change.store.delete(state)
    change.store.flush()


def folder_progress(read: ReadModel) -> dict[tuple[int, str], FolderState]:
    """How far each folder of the person's accounts has been read, by (account id, folder)."""
    return {(s.account_id, s.folder): s for s in read.records(FolderState)}
