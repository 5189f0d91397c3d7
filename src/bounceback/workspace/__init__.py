"""The one door to a person's search: `Workspace.open(settings, owner)`, then `read()` for questions and
`change(summary)` for one journaled transaction. Every front end and service comes in here; only the tracker
and this package know that storage exists. (`Change` lives in workspace/change.py: importing it loads the ORM,
which the everyday reads never need.)"""

from bounceback.storage.errors import Conflict, WriteRefused
from bounceback.storage.reads import ApplicationView, ReadModel
from bounceback.workspace.facade import DatabaseStatus, Workspace

__all__ = ["ApplicationView", "Conflict", "DatabaseStatus", "ReadModel", "Workspace", "WriteRefused"]
