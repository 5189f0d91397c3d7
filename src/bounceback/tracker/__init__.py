"""The one service that changes the tracker: manual commands, imports and the mail reader all call it."""

from bounceback.tracker.service import Tracker

__all__ = ["Tracker"]
