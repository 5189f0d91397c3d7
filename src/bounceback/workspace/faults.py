"""The door's view of what went wrong with the database: the exit points' catch-all asks here, so only the
workspace and the tracker know that storage exists (storage/faults.py says it in one sentence)."""

from bounceback.storage.faults import DISK_FULL, database_fault

__all__ = ["DISK_FULL", "database_fault"]
