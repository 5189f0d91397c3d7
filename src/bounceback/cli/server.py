"""`bounceback server …`: set up and run a server for a career-services office (PostgreSQL), and look after
its people from the command line. Everything heavy is imported inside the commands."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from bounceback.cli.context import STATE, console

if TYPE_CHECKING:
    from bounceback.domain.accounts import Role
    from bounceback.workspace.server import Directory

server_app = typer.Typer(
    help="Server mode for a career-services office: many seekers and their advisors on one PostgreSQL.",
    no_args_is_help=True,
)
user_app = typer.Typer(
    help="People who can log in: add, list, deactivate, delete, export.", no_args_is_help=True
)
cohort_app = typer.Typer(help="Cohorts: groups of seekers followed together.", no_args_is_help=True)
server_app.add_typer(user_app, name="user")
server_app.add_typer(cohort_app, name="cohort")

MAX_INVITE_DAYS = 90
PasswordStdin = Annotated[
    bool, typer.Option("--password-stdin", help="Read the password from the first line of standard input.")
]


def _directory(database: str | None = None) -> Directory:
    """The server's people, on the PostgreSQL the settings (or --database) name."""
    from bounceback.domain.errors import InvalidInput
    from bounceback.settings import load_settings
    from bounceback.workspace.server import Directory

    settings = STATE.require_settings()
    if database:
        settings = load_settings(home=settings.home, database_url=database)
    if not settings.url.startswith("postgresql"):
        raise InvalidInput(
            "Server mode needs a PostgreSQL database: give --database postgresql+psycopg://… to `server init`, "
            "or set BOUNCEBACK_DATABASE_URL."
        )
    return Directory.open(settings)


def _password(*, from_stdin: bool) -> str:
    """A new password: the first line of standard input, or asked twice without echo."""
    from bounceback.server.passwords import check_strength

    if from_stdin:
        return check_strength(sys.stdin.readline().rstrip("\r\n"))
    return check_strength(typer.prompt("Password", hide_input=True, confirmation_prompt=True))


def _role(text: str) -> Role:
    from bounceback.domain.accounts import Role
    from bounceback.domain.errors import InvalidInput

    try:
        return Role(text.strip().lower())
    except ValueError:
        raise InvalidInput(f"“{text}” is not a role here; use seeker, advisor or admin.") from None


def _add(
    directory: Directory, email: str, role: Role, *, from_stdin: bool, cohort: str | None = None
) -> None:
    from bounceback.domain.accounts import clean_email
    from bounceback.server.passwords import hash_password

    address = clean_email(email)
    if directory.account_by_email(address) is not None:
        from bounceback.domain.errors import InvalidInput

        raise InvalidInput(f"There is already an account for {address}; nothing was changed.")
    if cohort:
        directory._cohort_id(cohort)  # an unknown cohort is refused before a password is asked
    account = directory.add_account(address, hash_password(_password(from_stdin=from_stdin)), role)
    if cohort:
        directory.join_cohort(address, cohort)
    console.print(f"Added {account.email} as {account.role.value}{f' in {cohort}' if cohort else ''}.")


@server_app.command("init")
def init(
    database: Annotated[
        str | None, typer.Option("--database", help="PostgreSQL URL (env BOUNCEBACK_DATABASE_URL).")
    ] = None,
    admin: Annotated[str, typer.Option("--admin", help="Email of the first admin.")] = "",
    password_stdin: PasswordStdin = False,
) -> None:
    """Create or upgrade the schema (row-level security included) and the first admin."""
    from bounceback.domain.accounts import Role, clean_email
    from bounceback.server.jobs import ensure_schema
    from bounceback.workspace import Workspace

    directory = _directory(database)
    revision = Workspace.upgrade(directory.settings)
    console.print(f"The schema is at {revision}; each person's rows are kept apart by row-level security.")
    made = ensure_schema(directory.settings)
    console.print("The job queue's tables were created." if made else "The job queue's tables are there.")
    if not admin:
        return
    address = clean_email(admin)
    if directory.account_by_email(address) is not None:
        console.print(f"{address} already has an account; it was left as it is.")
        return
    _add(directory, address, Role.ADMIN, from_stdin=password_stdin)


@user_app.command("add")
def user_add(
    email: Annotated[str, typer.Argument(help="Their email address (they log in with it).")],
    role: Annotated[str, typer.Option("--role", help="seeker, advisor or admin.")] = "seeker",
    cohort: Annotated[str | None, typer.Option("--cohort", help="A cohort to put a seeker in.")] = None,
    password_stdin: PasswordStdin = False,
) -> None:
    """Add a person who can log in."""
    _add(_directory(), email, _role(role), from_stdin=password_stdin, cohort=cohort)


@server_app.command("invite")
def invite(
    email: Annotated[str, typer.Argument(help="Their email address (they will log in with it).")],
    role: Annotated[str, typer.Option("--role", help="seeker, advisor or admin.")] = "seeker",
    cohort: Annotated[str | None, typer.Option("--cohort", help="A cohort to put them in.")] = None,
    days: Annotated[int, typer.Option("--days", help="How many days the link works.")] = 7,
) -> None:
    """Print a one-time link with which a new person chooses their password and joins."""
    import os

    from bounceback.domain.errors import InvalidInput

    public_url = os.environ.get("BOUNCEBACK_SERVER_PUBLIC_URL", "").strip().rstrip("/")
    if not public_url:
        raise InvalidInput(
            "Set BOUNCEBACK_SERVER_PUBLIC_URL (the address people use) so the link can name it; "
            "nobody was invited."
        )
    if not 1 <= days <= MAX_INVITE_DAYS:
        raise InvalidInput(f"An invitation works for 1 to {MAX_INVITE_DAYS} days, not {days}.")
    found, token = _directory().invite(email, _role(role), cohort=cohort, days=days)
    where = f" in {found.cohort}" if found.cohort else ""
    console.print(
        f"Invited {found.email} as {found.role.value}{where}; the link works once, for {days} days:"
    )
    console.print(f"{public_url}/invite/{token}", soft_wrap=True)


@user_app.command("list")
def user_list(
    role: Annotated[str | None, typer.Option("--role", help="Only this role.")] = None,
    cohort: Annotated[str | None, typer.Option("--cohort", help="Only this cohort.")] = None,
) -> None:
    """Everyone who can log in (or could, before being deactivated)."""
    from rich.table import Table

    people = _directory().accounts(role=_role(role) if role else None, cohort=cohort)
    if not people:
        console.print("Nobody yet; `bounceback server user add EMAIL --role seeker` adds someone.")
        return
    table = Table("Email", "Role", "Cohort", "Access", box=None)
    for person in people:
        table.add_row(
            person.email, person.role.value, person.cohort, "active" if person.active else "deactivated"
        )
    console.print(table)


@user_app.command("deactivate")
def user_deactivate(email: Annotated[str, typer.Argument(help="Their email address.")]) -> None:
    """End a person's access now (their sessions too), keeping their data."""
    from bounceback.domain.accounts import clean_email

    account = _directory().deactivate(clean_email(email))
    console.print(f"{account.email} can no longer log in; their data is kept (`user delete` erases it).")


@user_app.command("reactivate")
def user_reactivate(email: Annotated[str, typer.Argument(help="Their email address.")]) -> None:
    """Let a deactivated person log in again."""
    from bounceback.domain.accounts import clean_email

    account = _directory().reactivate(clean_email(email))
    console.print(f"{account.email} can log in again.")


@user_app.command("delete")
def user_delete(
    email: Annotated[str, typer.Argument(help="Their email address.")],
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask first.")] = False,
) -> None:
    """Erase a person and every row of theirs (their search, sessions, sharing, notes); this cannot be undone."""
    from bounceback.domain.accounts import clean_email

    address = clean_email(email)
    directory = _directory()
    directory.require(address)
    if not yes and not typer.confirm(f"Erase {address} and everything of theirs? This cannot be undone"):
        console.print("Nothing was erased.")
        return
    rows = directory.delete(address)
    console.print(f"Erased {address}: {rows} rows in all.")


@user_app.command("export")
def user_export(
    email: Annotated[str, typer.Argument(help="Their email address.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The JSON file to write.")],
) -> None:
    """Write one person's whole search as the JSON document `bounceback import` reads."""
    import json

    from bounceback.domain.accounts import clean_email
    from bounceback.transfer.json_export import export_document

    directory = _directory()
    account = directory.require(clean_email(email))
    with directory.workspace_for(account.user_id).read() as read:
        document = export_document(read)
    output.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
    console.print(f"Wrote {account.email}'s search to {output}.")


@cohort_app.command("add")
def cohort_add(
    name: Annotated[str, typer.Argument(help="The cohort's name, e.g. “MSc 2027”.")],
    members: Annotated[
        list[str] | None, typer.Option("--member", help="A seeker's email to put in it (repeatable).")
    ] = None,
) -> None:
    """Add a cohort (and put seekers in it)."""
    directory = _directory()
    cohort = directory.add_cohort(name)
    for email in members or ():
        directory.join_cohort(email, cohort.name)
    console.print(f"Added the cohort {cohort.name}{f' with {len(members)} people' if members else ''}.")


@cohort_app.command("list")
def cohort_list() -> None:
    """The cohorts and how many people each holds."""
    cohorts = _directory().cohorts()
    if not cohorts:
        console.print("No cohorts yet; `bounceback server cohort add NAME` adds one.")
    for cohort in cohorts:
        console.print(f"{cohort.name}: {cohort.members} {'person' if cohort.members == 1 else 'people'}")


@server_app.command("run")
def run(
    host: Annotated[
        str, typer.Option(help="Address to listen on (a reverse proxy usually sits in front).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Web worker processes.")] = 2,
    job_workers: Annotated[
        int,
        typer.Option(
            min=0,
            max=64,
            help="Job worker processes for mail imports (0: run `bounceback server worker` elsewhere).",
        ),
    ] = 1,
) -> None:
    """Run the server with several worker processes; settings come from the environment (see the README)."""
    import subprocess

    import uvicorn

    from bounceback.server.config import load_server_settings
    from bounceback.server.jobs import ensure_schema

    settings = load_server_settings()
    if settings.sso:
        from bounceback.server.sso import check_installed, describe

        check_installed()
    directory = _directory(settings.database_url)
    directory.database.close()  # migrate now, once, before the workers start
    ensure_schema(directory.settings)
    console.print(
        f"bounceback server: {settings.public_url} (listening on {host}:{port}, {workers} workers, "
        f"{job_workers} job worker{'s' if job_workers != 1 else ''})."
    )
    if settings.sso:
        console.print(f"Logins: passwords, and {describe(settings)}.")
    command = [sys.executable, "-m", "bounceback", "server", "worker"]
    # A session of their own: Ctrl-C reaches the web workers only, and each job worker is stopped once, below.
    job_processes = [subprocess.Popen(command, start_new_session=True) for _ in range(job_workers)]
    try:
        uvicorn.run(
            "bounceback.server.app:from_environment",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            log_level="warning",
            proxy_headers=True,
        )
    finally:
        for process in job_processes:
            process.terminate()  # SIGTERM: the worker finishes the batch it is writing, then stops
        for process in job_processes:
            process.wait()


@server_app.command("worker")
def worker() -> None:
    """Run a job worker: it imports uploaded mail and syncs IMAP accounts, one at a time, until stopped.

    `server run` starts one; more may run on other machines with the same settings. SIGTERM or Ctrl-C stops it.
    """
    from bounceback.server.config import load_server_settings
    from bounceback.server.jobs import ensure_schema, run_worker

    settings = load_server_settings()
    directory = _directory(settings.database_url)
    ensure_schema(directory.settings)
    console.print("bounceback job worker: waiting for mail imports and IMAP syncs.")
    run_worker(directory.settings, secret_key=settings.secret_key, private_hosts=settings.imap_private_hosts)


def register(app: typer.Typer) -> None:
    """Add `server` to the CLI."""
    app.add_typer(server_app, name="server")
