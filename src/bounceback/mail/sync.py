"""IMAP sync: read each folder's new mail into the importer, saving (UIDVALIDITY, last UID) with every batch.

Progress is written in the same transaction as the batch it describes, so a dropped connection or a killed
process never skips mail and never imports it twice; the next sync continues where the last batch ended.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bounceback.domain.errors import InvalidInput, NotFound
from bounceback.domain.mail import FolderState, MailAccount
from bounceback.mail.classify.interface import Classifier
from bounceback.mail.importer import ImportSummary, MailImporter
from bounceback.mail.sources.imap import ImapAccount, ImapSource
from bounceback.storage.workspace import Workspace


def accounts(session: Session, owner_id: int) -> list[MailAccount]:
    """The owner's IMAP accounts, by name."""
    query = select(MailAccount).where(MailAccount.owner_id == owner_id).order_by(MailAccount.name)
    return list(session.scalars(query))


def find_account(session: Session, owner_id: int, name: str | None) -> list[MailAccount]:
    """One named account, or all of them when no name is given."""
    known = accounts(session, owner_id)
    if not known:
        raise NotFound("No mail account is set up yet; add one with `bounceback mail account add`.")
    if name is None:
        return known
    chosen = [a for a in known if a.name == name]
    if not chosen:
        names = ", ".join(a.name for a in known)
        raise NotFound(f"There is no mail account called “{name}”; the accounts are: {names}.")
    return chosen


def add_account(session: Session, owner_id: int, account: MailAccount) -> MailAccount:
    """Store an account's settings (never its secret); checks them as a connection would."""
    check_settings(account)
    if any(a.name == account.name for a in accounts(session, owner_id)):
        raise InvalidInput(f"A mail account called “{account.name}” exists already.")
    account.owner_id = owner_id
    session.add(account)
    return account


def check_settings(account: MailAccount) -> None:
    """Refuse, in one sentence, settings a connection would refuse (unknown security or sign-in, a port out
    of range, no folder, plain text to another machine)."""
    from bounceback.mail.sources.imap import AuthMethod, Security

    for value, kind, what in (
        (account.security, Security, "security"),
        (account.auth, AuthMethod, "sign-in"),
    ):
        if value not in {choice.value for choice in kind}:
            choices = ", ".join(choice.value for choice in kind)
            raise InvalidInput(f"“{value}” is not a {what} bounceback knows; use one of: {choices}.")
    if not 1 <= account.port <= 65535:
        raise InvalidInput(f"The port {account.port} is not a port number (1 to 65535).")
    if not account.host.strip() or not account.username.strip():
        raise InvalidInput(f"The IMAP account “{account.name}” needs a server and a login name.")
    if not account.folders or not all(f.strip() for f in account.folders):
        raise InvalidInput(f"The IMAP account “{account.name}” needs at least one folder to read, by name.")
    _connection_settings(account)


def _connection_settings(account: MailAccount) -> ImapAccount:
    return ImapAccount(
        account.name,
        account.host,
        account.port,
        account.security,
        account.username,
        tuple(account.folders),
        account.auth,
    )


def _state(session: Session, account_id: int, folder: str) -> FolderState | None:
    return session.scalars(
        select(FolderState).where(FolderState.account_id == account_id, FolderState.folder == folder)
    ).first()


def _saver(account: MailAccount, folder: str, uidvalidity: int) -> Callable[[Session, Sequence[Any]], None]:
    """Saves how far the folder was read, inside the batch's own transaction."""

    def save(session: Session, batch: Sequence[Any]) -> None:
        state = _state(session, account.id or 0, folder)
        if state is None:
            state = FolderState(
                account_id=account.id or 0, folder=folder, uidvalidity=uidvalidity, owner_id=account.owner_id
            )
            session.add(state)
        state.uidvalidity = uidvalidity
        state.last_uid = max(state.last_uid if state.uidvalidity == uidvalidity else 0, batch[-1].uid)
        state.synced_at = datetime.now(UTC)

    return save


def sync_account(
    workspace: Workspace,
    account: MailAccount,
    secret: str,
    classifier: Callable[[], Classifier],
    *,
    progress: Callable[[int], None] | None = None,
    notices: list[str] | None = None,
) -> ImportSummary:
    """Fetch and import every folder's new mail; read-only on the server."""
    importer = MailImporter(workspace, classifier, source=f"IMAP {account.name}")
    with ImapSource(_connection_settings(account), secret) as source:
        for folder in account.folders:
            with workspace.read() as session:
                state = _state(session, account.id or 0, folder)
                known = (state.uidvalidity, state.last_uid) if state else (None, 0)
            sync = source.sync_folder(folder, known[0], known[1])
            if sync.notice and notices is not None:
                notices.append(sync.notice)
            importer.run(iter(sync), on_batch=_saver(account, folder, sync.uidvalidity), progress=progress)
    return importer.summary
