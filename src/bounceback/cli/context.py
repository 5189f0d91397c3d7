"""What every command needs: settings read once, the console, and the workspace opened lazily."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from rich.console import Console

from bounceback.settings import Settings

if TYPE_CHECKING:
    from bounceback.domain.model import Origin
    from bounceback.workspace import ReadModel, Workspace
    from bounceback.workspace.change import Change

console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)


@dataclass
class AppContext:
    """Per-invocation state, set by the top-level callback."""

    settings: Settings | None = None
    _workspace: Workspace | None = field(default=None, repr=False)

    def require_settings(self) -> Settings:
        """The settings (always set once the CLI callback ran)."""
        assert self.settings is not None
        return self.settings

    def workspace(self) -> Workspace:
        """The local person's workspace; nothing is connected until it is first used."""
        if self._workspace is None or self._workspace.settings is not self.settings:
            from bounceback.workspace import Workspace

            self._workspace = Workspace.open(self.require_settings())
        return self._workspace

    @contextmanager
    def change(self, summary: str, *, origin: Origin | None = None) -> Iterator[Change]:
        """One journaled change (one undo step)."""
        from bounceback.domain.model import Origin

        with self.workspace().change(summary, origin=origin or Origin.MANUAL) as change:
            yield change

    @contextmanager
    def read(self) -> Iterator[ReadModel]:
        """The read model, straight on the SQLite file when it is ready (see workspace/facade.py)."""
        with self.workspace().read() as read:
            yield read


STATE = AppContext()


def print_json(data: Any) -> None:
    """Write data as indented JSON on standard output."""
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")
