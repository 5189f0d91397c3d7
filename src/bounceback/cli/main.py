"""The `bounceback` command: global options, the command groups, and the one exit point for errors."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from bounceback import __version__
from bounceback.cli import (
    applications,
    bounce,
    calendar,
    config,
    contacts,
    database,
    demo,
    drafts,
    due,
    interviews,
    mail,
    prep,
    reminders,
    report,
    serve,
    server,
    transfer,
)
from bounceback.cli.context import STATE, err_console
from bounceback.domain.errors import Ambiguous, BouncebackError
from bounceback.settings import load_settings

START_HERE = (
    "New here? [bold]bounceback demo[/] builds a sample search to try every command on; "
    "[bold]bounceback add COMPANY ROLE[/] starts your own."
)
app = typer.Typer(
    name="bounceback",
    help=f"{START_HERE}\n\nTrack your job search, and bounce back from every rejection.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"bounceback {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    home: Annotated[
        Path | None,
        typer.Option("--home", help="Workspace folder (env BOUNCEBACK_HOME).", show_default=False),
    ] = None,
    database_url: Annotated[
        str | None,
        typer.Option(
            "--database", help="SQLAlchemy database URL (env BOUNCEBACK_DATABASE_URL).", show_default=False
        ),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    STATE.settings = load_settings(home=home, database_url=database_url)


applications.register(app)
due.register(app)
contacts.register(app)
interviews.register(app)
database.register(app)
transfer.register(app)
mail.register(app)
demo.register(app)
bounce.register(app)
drafts.register(app)
reminders.register(app)
calendar.register(app)
prep.register(app)
report.register(app)
serve.register(app)
server.register(app)
config.register(app)

# The help screen in panels, each in the order a person needs them; every command belongs to one.
HELP_PANELS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Track",
        ("add", "list", "show", "edit", "move", "close", "note", "delete", "undo", "contact", "interview"),
    ),
    ("Mail", ("mail", "classify")),
    ("After a rejection", ("bounce", "checkin", "goal", "lessons", "feedback")),
    ("Outreach", ("draft", "done", "snooze", "dismiss", "expect", "prep", "calendar")),
    ("See", ("board", "due", "report", "serve")),
    ("Data", ("demo", "config", "export", "import", "db", "server")),
)


def _arrange_help(typer_app: typer.Typer) -> None:
    """Put each command in its panel and in its place there (Typer shows panels in order of first use)."""
    place: dict[str, tuple[int, str]] = {}
    for number, (panel, names) in enumerate(HELP_PANELS):
        for position, name in enumerate(names):
            place[name] = (number * 100 + position, panel)
    last = (len(HELP_PANELS) * 100, "Other")  # a command added without a panel still shows, at the end

    def name_of(info: Any) -> str:
        callback = getattr(info, "callback", None)
        return str(info.name or (callback.__name__.strip("_").replace("_", "-") if callback else ""))

    for infos in (typer_app.registered_commands, typer_app.registered_groups):
        infos.sort(key=lambda info: place.get(name_of(info), last)[0])
        for info in infos:
            info.rich_help_panel = place.get(name_of(info), last)[1]


_arrange_help(app)


def run() -> None:
    """Entry point: run the CLI and turn a user's mistake into one plain sentence and exit code 1; anything
    else into one plain sentence too, with the traceback in a log file when nobody foresaw it."""
    unreadable = next((n for n, arg in enumerate(sys.argv[1:], start=1) if _has_surrogates(arg)), None)
    if unreadable is not None:
        err_console.print(
            f"Argument {unreadable} is not valid UTF-8 text (check the terminal's encoding); nothing was changed."
        )
        sys.exit(1)
    try:
        app()
    except Ambiguous as exc:
        from bounceback.cli.messages import say

        err_console.print(say(exc))
        for name in exc.candidates[:20]:
            err_console.print(f"  {name}")
        sys.exit(exc.exit_code)
    except BouncebackError as exc:
        from bounceback.cli.messages import say

        err_console.print(say(exc))
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        err_console.print("Stopped. Nothing half-written was kept.")
        sys.exit(130)
    except Exception as exc:  # the one catch-all: a sentence, never a traceback (that goes to the log)
        from bounceback.faults import explain

        err_console.print(explain(exc, STATE.settings), markup=False)
        sys.exit(1)


def _has_surrogates(text: str) -> bool:
    """True for an argument the system could not decode (its bytes are kept as lone surrogates)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False
