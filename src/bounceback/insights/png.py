"""The Sankey diagram as a PNG, through kaleido driving the system's Chromium; never downloads a browser."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from bounceback.insights.summary import Insights

SYSTEM_CHROMIUM = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
WIDTH, HEIGHT, SCALE = 1200, 700, 2


def find_chromium() -> str | None:
    """Debian's chromium (or one named by BROWSER_PATH), if this machine has it."""
    named = os.environ.get("BROWSER_PATH")
    if named and Path(named).exists():
        return named
    found = next((p for p in SYSTEM_CHROMIUM if Path(p).exists()), None)
    return found or shutil.which("chromium")


def save_sankey_png(ins: Insights, path: Path) -> str:
    """Write the Sankey as a PNG and say so, or say plainly why it was skipped."""
    import importlib.util

    if not ins.applications:
        return "No applications yet, so there is no diagram to save as a PNG."
    if importlib.util.find_spec("kaleido") is None:
        return "Skipped the PNG: it needs the optional package kaleido (pip install kaleido)."
    browser = find_chromium()
    if browser is None:
        return "Skipped the PNG: it needs Chromium on this machine (on Debian: apt install chromium)."
    try:
        render(ins, path, browser)
    except Exception as exc:  # a browser that will not start must not spoil the rest of the report
        return f"Skipped the PNG: Chromium could not draw it ({type(exc).__name__})."
    return f"Saved the Sankey diagram to {path}."


def render(ins: Insights, path: Path, browser: str) -> None:
    """Draw the figure in the given browser: plotly.js from the installed package, no MathJax, no network."""
    import kaleido
    import plotly

    from bounceback.insights.charts import sankey_figure

    os.environ["BROWSER_PATH"] = browser
    plotly_js = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    figure = sankey_figure(ins.sankey, height=HEIGHT)
    figure.update_layout(paper_bgcolor="white", margin={"l": 24, "r": 24, "t": 24, "b": 24})
    kaleido.write_fig_sync(
        figure,
        path=str(path.expanduser()),
        opts={"format": "png", "width": WIDTH, "height": HEIGHT, "scale": SCALE},
        kopts={"mathjax": False, "plotlyjs": str(plotly_js)},
    )
