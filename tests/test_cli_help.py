"""`bounceback --help`: where to start first, then every command in one of six panels."""

from __future__ import annotations

import re

from tests.conftest import CLI

PANELS = ["Track", "Mail", "After a rejection", "Outreach", "See", "Data"]


def registered_names() -> set[str]:
    """Every command and command group the CLI has."""
    from bounceback.cli.main import app

    commands = {(c.name or c.callback.__name__).strip("_").replace("_", "-") for c in app.registered_commands}  # type: ignore[union-attr]
    return commands | {str(g.name) for g in app.registered_groups}


def test_help_starts_with_where_to_begin_and_groups_every_command(sqlite_cli: CLI) -> None:
    """GIVEN `--help` WHEN read THEN its first line under the usage says to start with the demo, the commands sit
    in the six panels in order, and each command appears in exactly one of them."""
    text = sqlite_cli("--help").stdout
    lines = [line.strip(" │") for line in text.splitlines() if line.strip(" │")]
    assert lines[0].startswith("Usage: ") and "bounceback [OPTIONS] COMMAND" in lines[0]
    assert lines[1].startswith("New here? bounceback demo builds a sample search")
    titles = re.findall(r"╭─ (.+?) ─", text)
    assert titles == ["Options", *PANELS]
    listed: list[str] = []
    for body in re.split(r"╭─ .+? ─+╮", text)[2:]:
        listed += re.findall(r"^│ ([a-z][a-z-]*) ", body, flags=re.MULTILINE)
    assert sorted(listed) == sorted(registered_names())
    assert len(listed) == len(set(listed))


def test_each_command_is_built_from_the_module_the_map_names() -> None:
    """GIVEN the map a run uses to build only the invoked command WHEN each module is built alone THEN it adds
    exactly the commands the map gives it, and together they are every command the CLI has."""
    from bounceback.cli.main import COMMAND_MODULES, MODULES, build_app

    seen: set[str] = set()
    for module in MODULES:
        alone = build_app((module,))
        names = {
            (c.name or c.callback.__name__).strip("_").replace("_", "-") for c in alone.registered_commands
        }  # type: ignore[union-attr]
        names |= {str(g.name) for g in alone.registered_groups}
        assert names == {name for name, owner in COMMAND_MODULES.items() if owner == module}
        seen |= names
    assert seen == registered_names() == set(COMMAND_MODULES)


def test_a_command_line_builds_only_the_command_it_invokes() -> None:
    """GIVEN command lines WHEN the modules to build are chosen THEN a command (after global options) builds its
    own module alone; the overall help, no command and an unknown one build them all."""
    from bounceback.cli.main import MODULES, invoked_modules

    assert invoked_modules(["list", "--limit", "3"]) == ("applications",)
    assert invoked_modules(["--home", "list", "due"]) == ("due",)  # "list" is the folder here
    assert invoked_modules(["--database=sqlite:///x", "mail", "import", "x.mbox"]) == ("mail",)
    assert invoked_modules(["due", "--help"]) == ("due",)
    for line in (["--help"], [], ["-h", "list"], ["lsit"], ["--version"]):
        assert invoked_modules(line) == MODULES


def test_help_of_one_command_and_an_unknown_command_still_answer(sqlite_cli: CLI) -> None:
    """GIVEN a command's own help and a mistyped command WHEN run THEN the first shows that command's options
    and the second names the command it could not find, as before."""
    assert "--limit" in sqlite_cli("list", "--help").stdout
    wrong = sqlite_cli("lsit", check=False)
    assert wrong.returncode == 2 and "lsit" in wrong.stderr
