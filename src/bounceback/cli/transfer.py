"""Import and export commands (JSON, CSV)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add import/export commands to the CLI."""
