"""`mail account add / list / edit / remove`: IMAP accounts, their secrets in the keyring or the environment.

Each command is one transaction, and a secret is stored (or moved, or deleted) inside it before it commits:
when the keyring refuses, or the password prompt is left, nothing is saved and the same command can be run
again as it was.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated

import typer

from bounceback.cli.context import STATE, console
from bounceback.domain.errors import InvalidInput

if TYPE_CHECKING:
    from bounceback.domain.mail import MailAccount

account_app = typer.Typer(
    help="IMAP accounts (passwords live in the keyring or an environment variable).", no_args_is_help=True
)

AccountName = Annotated[
    str, typer.Argument(help="The account's short name, as `mail account list` shows it.")
]
FolderOption = Annotated[
    list[str] | None, typer.Option("--folder", help="Folder to read (repeat; default INBOX).")
]
StoreSecret = Annotated[
    bool,
    typer.Option("--store-secret", help="Ask for the password/token now and keep it in the system keyring."),
]


def _ask_secret() -> str:
    """The password or token, asked without echo; an empty answer is refused."""
    secret = typer.prompt("Password or token", hide_input=True)
    if not secret.strip():
        raise InvalidInput("An empty password was not stored, and nothing was saved.")
    return secret


@contextmanager
def _keyring_step(refused: str, *, retry: bool = True) -> Iterator[None]:
    """Turn a keyring refusal inside a change into one sentence; the change is rolled back."""
    from bounceback.mail.credentials import KeyringProblem

    try:
        yield
    except KeyringProblem as exc:
        hint = f" {exc.hint}" if retry else ""
        raise InvalidInput(f"{exc.problem}, so {refused}.{hint}") from None


_SETTING_WORDS = {
    "host": "server",
    "username": "login",
    "port": "port",
    "security": "security",
    "folders": "folders",
}


def _where(account: MailAccount) -> str:
    return f"{account.username} at {account.host}:{account.port} ({account.security})"


@account_app.command("add")
def account_add(
    name: Annotated[str, typer.Argument(help="A short name for the account, e.g. gmail.")],
    host: Annotated[str, typer.Option(help="IMAP server, e.g. imap.gmail.com.")],
    user: Annotated[str, typer.Option(help="Login name, usually your address.")],
    port: Annotated[int | None, typer.Option(help="Default: 993 for ssl, 143 for starttls.")] = None,
    security: Annotated[str, typer.Option(help="ssl, starttls (or none, only for this machine).")] = "ssl",
    folder: FolderOption = None,
    auth: Annotated[str, typer.Option(help="password, or xoauth2 for an OAuth access token.")] = "password",
    store_secret: StoreSecret = False,
) -> None:
    """Set up an IMAP account. The password never goes into the database: keyring or environment only."""
    from bounceback.domain.mail import MailAccount
    from bounceback.mail.accounts import check_new_account
    from bounceback.mail.credentials import delete_secret, env_variable, set_secret
    from bounceback.mail.sync import add_account

    default_port = 143 if security.lower() in {"starttls", "none"} else 993
    account = MailAccount(
        name=name, host=host, username=user, port=port or default_port, security=security.lower(),
        folders=list(folder or ["INBOX"]), auth=auth.lower(),
    )  # fmt: skip
    with STATE.session() as session:  # a taken name or bad settings are said before asking for a secret
        check_new_account(session, STATE.workspace().owner_id, account)
    secret = _ask_secret() if store_secret else None
    stored = False
    try:
        with STATE.change(f"Add mail account {name}") as tracker:
            add_account(tracker.session, tracker.owner_id, account)
            tracker.session.flush()
            if secret is not None:
                with _keyring_step(f"the account {name} was not saved"):
                    set_secret(name, user, secret)
                stored = True
    except BaseException:
        if stored:  # the database refused after the keyring kept it: take the secret back out
            delete_secret(name, user)
        raise
    if secret is not None:
        console.print(f"Saved account {name}; its secret is in the system keyring.")
    else:
        console.print(
            f"Saved account {name}. Give it its password in the environment variable {env_variable(name)}, "
            f"or keep it in the system keyring with `bounceback mail account edit {name} --store-secret`."
        )


@account_app.command("list")
def account_list() -> None:
    """The IMAP accounts, where each one's password comes from, and how far each folder has been read."""
    from bounceback.mail.accounts import folder_progress
    from bounceback.mail.credentials import secret_source
    from bounceback.mail.sync import accounts

    with STATE.session() as session:
        known = accounts(session, STATE.workspace().owner_id)
        states = folder_progress(session, STATE.workspace().owner_id)
    if not known:
        console.print("No mail accounts yet; add one with `bounceback mail account add`.")
        return
    for account in known:
        console.print(f"{account.name}: {_where(account)}, {secret_source(account.name, account.username)}")
        for name in account.folders:
            state = states.get((account.id or 0, name))
            read = f"read up to UID {state.last_uid}" if state else "not read yet"
            console.print(f"  {name}: {read}", markup=False)


@account_app.command("edit")
def account_edit(
    name: AccountName,
    host: Annotated[str | None, typer.Option(help="IMAP server.")] = None,
    user: Annotated[str | None, typer.Option(help="Login name.")] = None,
    port: Annotated[int | None, typer.Option(help="Port.")] = None,
    security: Annotated[
        str | None, typer.Option(help="ssl, starttls (or none, only for this machine).")
    ] = None,
    folder: Annotated[
        list[str] | None,
        typer.Option("--folder", help="Folders to read from now on (repeat; replaces the list)."),
    ] = None,
    store_secret: StoreSecret = False,
) -> None:
    """Change an account's settings, or keep a new password in the keyring with --store-secret.

    A new server, port or login starts reading its folders from the beginning again; mail already here is
    recognised and never imported twice. A password kept in the keyring follows a new login name.
    """
    from bounceback.mail.accounts import AccountEdit, edit_account, named_account
    from bounceback.mail.credentials import delete_secret, set_secret, stored_secret

    edit = AccountEdit(
        host=host, username=user, port=port, security=security.lower() if security else None,
        folders=list(folder) if folder else None,
    )  # fmt: skip
    if edit.is_empty() and not store_secret:
        raise InvalidInput("Nothing to change: name a setting (--host, --user, --port, --security, --folder) "
                           "or --store-secret.")  # fmt: skip
    with STATE.session() as session:
        named_account(session, STATE.workspace().owner_id, name)  # an unknown name is said before any prompt
    secret = _ask_secret() if store_secret else None
    with STATE.change(f"Edit mail account {name}") as tracker:
        result = edit_account(tracker.session, tracker.owner_id, name, edit)
        new_user = result.account.username
        moved = secret or (
            stored_secret(name, result.old_username) if new_user != result.old_username else None
        )
        with _keyring_step(f"the account {name} was not changed"):
            if moved is not None:
                set_secret(name, new_user, moved)
            if new_user != result.old_username:
                delete_secret(name, result.old_username)
        account = result.account
    said = ", ".join(_SETTING_WORDS[c] for c in result.changed) if result.changed else "no setting"
    console.print(
        f"Changed {said} of account {name}: {_where(account)}, folders {', '.join(account.folders)}."
    )
    if secret is not None:
        console.print("Its new secret is in the system keyring.")
    if result.reads_again:
        console.print(
            "Its folders are read from the start at the next sync; mail already here is not imported twice."
        )


@account_app.command("remove")
def account_remove(
    name: AccountName,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask first.")] = False,
) -> None:
    """Remove an account and delete its password from the keyring. The mail read from it stays: it is what
    moved your applications, and each stays on their timelines (`bounceback undo` brings the account back,
    but not its password)."""
    from bounceback.mail.accounts import named_account, remove_account
    from bounceback.mail.credentials import delete_secret

    with STATE.session() as session:
        account = named_account(session, STATE.workspace().owner_id, name)
        where = _where(account)
    if not yes and not typer.confirm(f"Remove the mail account {name} ({where}) and its stored password?"):
        console.print("Nothing was removed.")
        return
    with STATE.change(f"Remove mail account {name}") as tracker:
        removed, kept = remove_account(tracker.session, tracker.owner_id, name)
        with _keyring_step(f"the account {name} was not removed (its password is still there)", retry=False):
            deleted = delete_secret(name, removed.username)
    console.print(
        f"Removed the mail account {name}"
        + ("; its password is deleted from the system keyring." if deleted else ".")
    )
    if kept:
        console.print(f"The {kept} email{'s' if kept != 1 else ''} read from it stay with your applications.")
