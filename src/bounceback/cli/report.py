"""`bounceback report`: the search in numbers in the terminal, or as one self-contained HTML page."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from bounceback.cli.context import STATE, console, print_json
from bounceback.cli.options import JsonFlag

HtmlOption = Annotated[
    Path | None,
    typer.Option(
        "--html",
        metavar="FILE",
        help="Write one self-contained HTML page (works offline).",
        show_default=False,
    ),
]
PngOption = Annotated[
    Path | None,
    typer.Option(
        "--png", metavar="FILE", help="Also save the Sankey diagram as a PNG (needs kaleido and chromium).",
        show_default=False,
    ),
]  # fmt: skip


def report(html: HtmlOption = None, png: PngOption = None, as_json: JsonFlag = False) -> None:
    """Your search in numbers: the funnel, where rejections came, answers by source, effort and recovery."""
    from rich.markup import escape

    from bounceback.insights.summary import load_insights

    # 1. Compute everything once.
    insights = load_insights(STATE.require_settings())
    # 2. Write what was asked for: JSON, the HTML page and PNG, or the terminal report.
    if as_json:
        from bounceback.insights.export import insights_data

        print_json(insights_data(insights))
        return
    if html is None and png is None:
        from bounceback.cli.messages import inline
        from bounceback.insights.terminal import print_report

        print_report(insights, console, how=inline)
        return
    if html is not None:
        from bounceback.insights.page import write_page

        write_page(insights, html)
        console.print(f"Wrote the report to [bold]{escape(str(html))}[/]; it opens in any browser, offline.")
    if png is not None:
        from bounceback.insights.png import save_sankey_png

        console.print(escape(save_sankey_png(insights, png)))


def register(app: typer.Typer) -> None:
    """Add `report` to the CLI."""
    app.command()(report)
