"""The `bounceback` command: global options, the command groups, and the one exit point for errors."""

from __future__ import annotations

import importlib
import os
import sys
import types
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from bounceback import __version__
from bounceback.cli.context import STATE, err_console
from bounceback.domain.errors import Ambiguous, BouncebackError
from bounceback.settings import load_settings

if TYPE_CHECKING:
    app: typer.Typer  # the whole CLI, built on first use (module __getattr__ below)

START_HERE = (
    "New here? [bold]bounceback demo[/] builds a sample search to try every command on; "
    "[bold]bounceback add COMPANY ROLE[/] starts your own."
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"bounceback {__version__}")
        raise typer.Exit()


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


# The modules of bounceback.cli that add commands, in the order they register them, and which module adds each
# command: a run imports and builds only the one invoked (tests/test_cli_help.py checks this map against them).
MODULES = (
    "applications", "due", "contacts", "interviews", "database", "transfer", "mail", "demo", "bounce", "drafts",
    "reminders", "calendar", "prep", "report", "serve", "server", "config",
)  # fmt: skip
COMMAND_MODULES: dict[str, str] = {
    **dict.fromkeys(
        ("add", "list", "show", "edit", "move", "close", "note", "delete", "undo", "board"), "applications"
    ),
    "due": "due",
    "contact": "contacts",
    "interview": "interviews",
    "db": "database",
    "export": "transfer",
    "import": "transfer",
    "mail": "mail",
    "classify": "mail",
    "demo": "demo",
    **dict.fromkeys(("bounce", "checkin", "goal", "lessons", "feedback"), "bounce"),
    "draft": "drafts",
    **dict.fromkeys(("done", "snooze", "dismiss", "expect"), "reminders"),
    "calendar": "calendar",
    "prep": "prep",
    "report": "report",
    "serve": "serve",
    "server": "server",
    "config": "config",
}
_VALUED_OPTIONS = ("--home", "--database")  # the global options that take a value


def build_app(modules: tuple[str, ...] = MODULES) -> typer.Typer:
    """The CLI with the commands of these modules (all of them by default), in their help panels."""
    typer_app = typer.Typer(
        name="bounceback",
        help=f"{START_HERE}\n\nTrack your job search, and bounce back from every rejection.",
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        rich_markup_mode="rich",
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    typer_app.callback()(main)
    for name in modules:
        importlib.import_module(f"bounceback.cli.{name}").register(typer_app)
    _arrange_help(typer_app)
    return typer_app


def invoked_modules(argv: list[str]) -> tuple[str, ...]:
    """The modules a command line needs: the invoked command's alone, or every one for the overall help, an
    unknown command (its message suggests the near ones) and shell completion."""
    if any(key.startswith("_") and key.endswith("_COMPLETE") for key in os.environ):
        return MODULES
    values = False
    for arg in argv:
        if values:
            values = False
        elif arg in _VALUED_OPTIONS:
            values = True
        elif not arg.startswith("-"):
            return (COMMAND_MODULES[arg],) if arg in COMMAND_MODULES else MODULES
        elif arg in ("-h", "--help"):
            return MODULES
    return MODULES


def __getattr__(name: str) -> Any:
    """`app`: the whole CLI, built when first asked for (a run builds only what it needs)."""
    if name == "app":
        whole = build_app()
        globals()["app"] = whole
        return whole
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _deferred(module: str, name: str) -> type:
    """A stand-in for a class of `module` that is imported only when the class is first used."""

    def real() -> Any:
        return getattr(importlib.import_module(module), name)

    class Deferred(type):
        def __call__(cls, *args: Any, **kwargs: Any) -> Any:
            return real()(*args, **kwargs)

        def __getattr__(cls, attribute: str) -> Any:
            return getattr(real(), attribute)

        def __instancecheck__(cls, instance: Any) -> bool:
            return isinstance(instance, real())

    return Deferred(name, (), {})


def import_help_lightly() -> None:
    """Import Typer's help renderer without the Markdown parser and the syntax highlighter it imports for
    Markdown help and pretty tracebacks (this CLI uses neither): about half the time of `--help`. Their classes
    stand in until first used; the real modules stay importable as ever once the renderer is in."""
    if "typer.rich_utils" in sys.modules:
        return
    stand_ins = {}
    for module, name in (("rich.markdown", "Markdown"), ("rich.traceback", "Traceback")):
        if module not in sys.modules:
            placeholder = types.ModuleType(module)
            setattr(placeholder, name, _deferred(module, name))
            stand_ins[module] = placeholder
    sys.modules.update(stand_ins)
    try:
        importlib.import_module("typer.rich_utils")
    finally:
        for module, placeholder in stand_ins.items():
            if sys.modules.get(module) is placeholder:
                del sys.modules[module]


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


def run() -> None:
    """Entry point: run the CLI and turn a user's mistake into one plain sentence and exit code 1; anything
    else into one plain sentence too, with the traceback in a log file when nobody foresaw it."""
    unreadable = next((n for n, arg in enumerate(sys.argv[1:], start=1) if _has_surrogates(arg)), None)
    if unreadable is not None:
        err_console.print(
            f"Argument {unreadable} is not valid UTF-8 text (check the terminal's encoding); nothing was changed."
        )
        sys.exit(1)
    modules = invoked_modules(sys.argv[1:])
    if modules == MODULES:
        import_help_lightly()
    try:
        build_app(modules)()
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
