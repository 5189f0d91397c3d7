"""Commands for the database itself: upgrade and status."""

from __future__ import annotations

import typer

from bounceback.cli.context import STATE, console

db_app = typer.Typer(help="The database: schema status and upgrades.", no_args_is_help=True)


@db_app.command("status")
def status() -> None:
    """Where the data lives and whether its schema is current."""
    from bounceback.storage.database import _redact, check_revision, create_database_engine, current_revision
    from bounceback.storage.version import HEAD_REVISION

    settings = STATE.require_settings()
    engine = create_database_engine(settings)
    revision = current_revision(engine)
    console.print(f"Database: {_redact(settings.url)}")
    if revision is None:
        console.print("Schema: empty; it is created on first use (or with `bounceback db upgrade`).")
    elif check_revision(revision):
        console.print(f"Schema: {revision} (current).")
    else:
        console.print(f"Schema: {revision}; {HEAD_REVISION} is available: run `bounceback db upgrade`.")
    engine.dispose()


@db_app.command("upgrade")
def upgrade() -> None:
    """Bring the schema up to date (it also happens by itself on first use)."""
    from bounceback.storage.database import create_database_engine, current_revision
    from bounceback.storage.database import upgrade as run_upgrade

    engine = create_database_engine(STATE.require_settings())
    run_upgrade(engine)
    console.print(f"Schema is current ({current_revision(engine)}).")
    engine.dispose()


def register(app: typer.Typer) -> None:
    """Add the db group to the CLI."""
    app.add_typer(db_app, name="db")
