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
    from sqlalchemy.orm import Session

    from bounceback.storage.reads import ReadModel
    from bounceback.storage.workspace import Workspace
    from bounceback.tracker import Tracker

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
        """The workspace, opened (and migrated) on first use."""
        if self._workspace is None:
            from bounceback.storage.workspace import Workspace

            self._workspace = Workspace(self.require_settings())
        return self._workspace

    @contextmanager
    def change(self, summary: str, *, origin: str = "manual") -> Iterator[Tracker]:
        """A tracker inside one journaled transaction."""
        from bounceback.domain.model import Origin
        from bounceback.tracker import Tracker

        workspace = self.workspace()
        with workspace.change(summary, origin=origin) as session:
            yield Tracker(session, workspace.owner_id, origin=Origin(origin))

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A read-only ORM session."""
        with self.workspace().read() as session:
            yield session

    @contextmanager
    def read(self) -> Iterator[ReadModel]:
        """The read model, straight on the SQLite file when it is ready (see storage/reads.py)."""
        from bounceback.storage.reads import open_reads

        read = open_reads(self.require_settings())
        try:
            yield read
        finally:
            read.close()


STATE = AppContext()


def print_json(data: Any) -> None:
    """Write data as indented JSON on standard output."""
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")
