"""Commands for the database itself: upgrade and status."""

from __future__ import annotations

import typer

from bounceback.cli.context import STATE, console

db_app = typer.Typer(help="The database: schema status and upgrades.", no_args_is_help=True)


@db_app.command("status")
def status() -> None:
    """Where the data lives and whether its schema is current."""
    from bounceback.workspace import Workspace

    status = Workspace.status(STATE.require_settings())
    console.print(f"Database: {status.url}")
    if status.revision is None:
        console.print("Schema: empty; it is created on first use (or with `bounceback db upgrade`).")
    elif status.is_current:
        console.print(f"Schema: {status.revision} (current).")
    else:
        console.print(f"Schema: {status.revision}; {status.head} is available: run `bounceback db upgrade`.")


@db_app.command("upgrade")
def upgrade() -> None:
    """Bring the schema up to date (it also happens by itself on first use)."""
    from bounceback.workspace import Workspace

    console.print(f"Schema is current ({Workspace.upgrade(STATE.require_settings())}).")


def register(app: typer.Typer) -> None:
    """Add the db group to the CLI."""
    app.add_typer(db_app, name="db")
