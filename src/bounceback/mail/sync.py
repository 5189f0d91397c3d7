"""IMAP sync: read each folder's new mail into the importer, saving (UIDVALIDITY, last UID) with every batch.

Progress is written in the same transaction as the batch it describes, so a dropped connection or a killed
process never skips mail and never imports it twice; the next sync continues where the last batch ended.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from bounceback.domain.actions import Action, ActionKind
from bounceback.domain.errors import InvalidInput, NotFound
from bounceback.domain.mail import FolderState, MailAccount
from bounceback.mail.classify.interface import Classifier
from bounceback.mail.importer import ImportSummary, MailImporter
from bounceback.mail.sources.imap import AuthMethod, ImapAccount, ImapSource, Security
from bounceback.workspace import ReadModel, Workspace

if TYPE_CHECKING:
    from bounceback.workspace.change import Change


def find_account(read: ReadModel, name: str | None) -> list[MailAccount]:
    """One named account, or all of them when no name is given."""
    known = read.mail_accounts()
    if not known:
        raise NotFound(
            "No mail account is set up yet.",
            key="no_mail_account",
            actions=[Action(ActionKind.ADD_MAIL_ACCOUNT)],
        )
    if name is None:
        return known
    chosen = [a for a in known if a.name == name]
    if not chosen:
        names = ", ".join(a.name for a in known)
        raise NotFound(f"There is no mail account called “{name}”; the accounts are: {names}.")
    return chosen


def add_account(change: Change, account: MailAccount) -> MailAccount:
    """Store an account's settings (never its secret); checks them as a connection would."""
    check_settings(account)
    if change.store.first(MailAccount, name=account.name) is not None:
        raise InvalidInput(f"A mail account called “{account.name}” exists already.")
    return change.store.add(account)


def check_settings(account: MailAccount) -> None:
    """Refuse, in one sentence, settings a connection would refuse (unknown security or sign-in, a port out
    of range, no folder, plain text to another machine)."""
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
        Security(account.security),
        account.username,
        tuple(account.folders),
        AuthMethod(account.auth),
    )


def _saver(account: MailAccount, folder: str, uidvalidity: int) -> Callable[[Change, Sequence[Any]], None]:
    """Saves how far the folder was read, inside the batch's own transaction."""

    def save(change: Change, batch: Sequence[Any]) -> None:
        state = change.store.first(FolderState, account_id=account.id or 0, folder=folder)
        if state is None:
            state = change.store.add(
                FolderState(account_id=account.id or 0, folder=folder, uidvalidity=uidvalidity)
            )
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
            with workspace.read() as read:
                state = read.folder_state(account.id or 0, folder)
                known = (state.uidvalidity, state.last_uid) if state else (None, 0)
            sync = source.sync_folder(folder, known[0], known[1])
            if sync.notice and notices is not None:
                notices.append(sync.notice)
            importer.run(iter(sync), on_batch=_saver(account, folder, sync.uidvalidity), progress=progress)
    return importer.summary
