"""A seeker's IMAP accounts on a server: add one (its password sealed with the server's key into mail_secrets,
never into mail_accounts, never logged, never shown again), remove one (its password too), and "Sync now",
which queues a job for the workers; nothing is read from the mailbox in the request."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from bounceback.domain.accounts import Role
from bounceback.domain.errors import InvalidInput, NotFound
from bounceback.server.auth import Person
from bounceback.server.secrets import SecretBox
from bounceback.web.templating import redirect, render

router = APIRouter(prefix="/mail/accounts")
SECURITY_CHOICES = (
    ("ssl", "TLS from the start (usually port 993)"),
    ("starttls", "STARTTLS (usually port 143)"),
    ("none", "None: only for a mail server on this same machine"),
)
MAX_NAME = 60
MAX_HOST, MAX_LOGIN, MAX_PASSWORD = 300, 320, 4096  # the columns' sizes; a password longer is not one


def _seeker(request: Request) -> Person:
    person: Person | None = getattr(request.state, "person", None)
    if person is None or person.role is not Role.SEEKER:
        raise NotFound("There is no page here.")
    return person


def _state(request: Request) -> Any:
    return request.app.state.server


def _box(request: Request) -> SecretBox:
    return SecretBox(_state(request).config.secret_key)


@router.get("")
def accounts_page(request: Request) -> Response:
    """The person's accounts, when each was last read, and the form to add one."""
    from bounceback.mail.accounts import folder_progress

    person = _seeker(request)
    with _state(request).directory.workspace_for(person.user_id).read() as read:
        known = read.mail_accounts()
        states = folder_progress(read)
    rows = []
    for account in known:
        times = [s.synced_at for (aid, _), s in states.items() if aid == account.id and s.synced_at]
        last: datetime | None = max(times) if times else None
        rows.append((account, last))
    context = {"section": "mail", "accounts": rows, "choices": SECURITY_CHOICES}
    return render(request, "server_mail_accounts.html", context)


def _folders(text: str) -> list[str]:
    return [part.strip() for part in text.replace("\n", ",").split(",") if part.strip()]


@router.post("")
async def add(request: Request) -> Response:
    """Save an account only once its password is sealed in mail_secrets: both or neither."""
    from anyio import to_thread

    from bounceback.domain.mail import MailAccount
    from bounceback.mail.sync import add_account

    person = _seeker(request)
    form = await request.form()
    password = str(form.get("password", ""))
    name = " ".join(str(form.get("name", "")).split())
    security = str(form.get("security", "ssl")).strip().lower()
    port_text = str(form.get("port", "")).strip()
    if not name or len(name) > MAX_NAME or "/" in name:
        raise InvalidInput(f"Give the account a short name (1 to {MAX_NAME} characters, no “/”).")
    if not password.strip():
        raise InvalidInput("The password is empty, so nothing was saved.")
    if len(password) > MAX_PASSWORD:
        raise InvalidInput(f"The password is longer than {MAX_PASSWORD} characters, so nothing was saved.")
    try:
        port = int(port_text) if port_text else (143 if security in {"starttls", "none"} else 993)
    except ValueError:
        raise InvalidInput("The port is a number, such as 993.") from None
    account = MailAccount(
        name=name,
        host=str(form.get("host", "")).strip(),
        username=str(form.get("username", "")).strip(),
        port=port,
        security=security,
        folders=_folders(str(form.get("folders", ""))) or ["INBOX"],
    )
    if len(account.host) > MAX_HOST or len(account.username) > MAX_LOGIN:
        raise InvalidInput(
            f"The server name can be {MAX_HOST} characters long and the login {MAX_LOGIN}; nothing was saved."
        )
    state, box = _state(request), _box(request)

    def save() -> None:
        stored = False
        try:
            with state.directory.workspace_for(person.user_id).change(f"Add mail account {name}") as change:
                add_account(change, account)
                change.store.flush()
                box.keep(state.directory, person.user_id, name, password)
                stored = True
        except BaseException:
            if stored:  # the account was refused after its password was kept: take the password back out
                state.directory.delete_secret(person.user_id, name)
            raise

    await to_thread.run_sync(save)
    return redirect("/mail/accounts", message=f"Saved the account {name}; its password is kept encrypted.")


@router.post("/{account_name}/remove")
def remove(request: Request, account_name: str) -> Response:
    """Remove an account and its password; the mail already read from it stays."""
    from bounceback.mail.accounts import remove_account

    person = _seeker(request)
    directory = _state(request).directory
    with directory.workspace_for(person.user_id).change(f"Remove mail account {account_name}") as change:
        _, kept = remove_account(change, account_name)
        directory.delete_secret(person.user_id, account_name)
    emails = f"; the {kept} email{'s' if kept != 1 else ''} read from it stay" if kept else ""
    return redirect("/mail/accounts", message=f"Removed the account {account_name} and its password{emails}.")


@router.post("/{account_name}/sync")
def sync_now(request: Request, account_name: str) -> Response:
    """Queue a sync of one account for the job workers, and show its progress."""
    from bounceback.mail.accounts import named_account
    from bounceback.server.jobs import queue_sync

    person = _seeker(request)
    state = _state(request)
    with state.directory.workspace_for(person.user_id).read() as read:
        account = named_account(read, account_name)
    upload = queue_sync(state.directory, person.user_id, state.queue, account.name)
    return redirect(f"/mail/imports/{upload.id}")
