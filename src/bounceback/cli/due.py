"""`bounceback due`: what needs doing, overdue first, each with the command that does it."""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo
from typing import TYPE_CHECKING, Annotated, Any

import typer

from bounceback.cli.context import STATE, console, print_json
from bounceback.cli.options import JsonFlag

if TYPE_CHECKING:
    from rich.table import Table
    from rich.text import Text

    from bounceback.domain.due import DueItem

HINT = (
    "Done it: `bounceback done 1`. Not now: `bounceback snooze 1 --days 2`. "
    "Not for you: `bounceback dismiss 1`."
)


TABLE_LIMIT = 30  # the most pressing first; a longer table is read by nobody


def due(
    as_json: JsonFlag = False,
    show_all: Annotated[bool, typer.Option("--all", help="Show every item, not just the first 30.")] = False,
) -> None:
    """What needs doing: bounce-backs, thank-yous, follow-ups, feedback, reconnects, interviews, check-ins."""
    from bounceback.dates import local_zone
    from bounceback.outreach.snapshot import load_due

    settings = STATE.require_settings()
    now = datetime.now(UTC)
    with STATE.read() as read:
        items = load_due(settings, read, now).shown
    if as_json:
        print_json([item_json(n, item, now) for n, item in enumerate(items, 1)])
        return
    if not items:
        console.print("Nothing is due.")
        return
    shown = items if show_all else items[:TABLE_LIMIT]
    console.print(due_table(shown, now, local_zone(settings.timezone)))
    if len(shown) < len(items):
        console.print(
            f"… and {len(items) - len(shown)} more: `bounceback due --all` shows them.", markup=False
        )
    console.print(HINT, style="bright_black", markup=False)


def when_text(item: DueItem, now: datetime, zone: tzinfo) -> Text:
    """When it is due, in the person's zone, marked once it is late."""
    from rich.text import Text

    moment = item.due_at.astimezone(zone).strftime("%a %d %b %H:%M")
    if item.is_overdue(now):
        return Text(f"{moment}\noverdue", style="bold yellow")
    return Text(moment)


def due_table(items: list[DueItem], now: datetime, zone: tzinfo) -> Table:
    """The numbered list: what, the command that does it, and the key to mark it by."""
    from rich.table import Table
    from rich.text import Text

    table = Table(show_edge=False, header_style="bold")
    table.add_column("#", justify="right")
    table.add_column("due", no_wrap=True)
    table.add_column("what, and how", overflow="fold")
    for number, item in enumerate(items, 1):
        what = Text.assemble(
            item.title, "\n", (item.command, "cyan"), "  ", (f"[{item.key}]", "bright_black")
        )
        table.add_row(str(number), when_text(item, now, zone), what)
    return table


def item_json(number: int, item: DueItem, now: datetime) -> dict[str, Any]:
    """A due item as JSON-able data; `number` is its place in the list, as `done` accepts it."""
    return {
        "number": number,
        "key": item.key,
        "kind": item.kind.value,
        "application": item.slug or None,
        "title": item.title,
        "due_at": item.due_at.isoformat(),
        "overdue": item.is_overdue(now),
        "command": item.command,
    }


def register(app: typer.Typer) -> None:
    """Add `due` to the CLI."""
    app.command()(due)
