"""`bounceback config`: what the workspace keeps about you, for now the name your drafts are signed with."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from bounceback.cli.context import STATE, console, err_console

config_app = typer.Typer(
    help="What the workspace keeps about you: the name your drafts are signed with.", no_args_is_help=True
)
ASK = (
    "Your name, to sign your drafts with (asked once; `bounceback config name` changes it). "
    "Enter to leave them unsigned"
)
HOW_TO_SET = 'Drafts are signed with your name once you give it: bounceback config name "Your Name"'


@config_app.command("name")
def name(
    value: Annotated[
        str | None,
        typer.Argument(metavar="NAME", help='Your name as you sign emails; "" for none.', show_default=False),
    ] = None,
) -> None:
    """The name your drafts are signed with: give it to set it, leave it out to see it."""
    if value is None:
        console.print(describe(read_name()), markup=False)
        return
    kept = save(value)
    console.print(describe(kept), markup=False)


def describe(stored: str | None) -> str:
    """A sentence about the stored name."""
    if stored is None:
        return f"No name yet. {HOW_TO_SET}"
    if not stored:
        return 'Drafts end without a name. bounceback config name "Your Name" adds one.'
    return f"Drafts are signed “{stored}”."


def read_name() -> str | None:
    """The stored name (None: never asked)."""
    from bounceback.storage.profile import stored_name

    with STATE.read() as read:
        return stored_name(read)


def save(value: str) -> str:
    """Keep the name in the workspace; returns it as kept."""
    from bounceback.storage.profile import save_name

    workspace = STATE.workspace()
    with workspace.change("Your name for drafts") as session:
        return save_name(session, workspace.owner_id, value)


def name_for_drafts(stored: str | None) -> str:
    """The name to sign a draft with: asked for once in a terminal, else a line on how to set it."""
    from bounceback.storage.profile import signature

    if stored is not None:
        return signature(stored)
    if not sys.stdin.isatty():
        err_console.print(HOW_TO_SET, markup=False)
        return ""
    answer = typer.prompt(ASK, default="", show_default=False, err=True)
    return save(answer)


def register(app: typer.Typer) -> None:
    """Add `config` to the CLI."""
    app.add_typer(config_app, name="config")
