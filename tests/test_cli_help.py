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
