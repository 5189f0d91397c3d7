"""One change in progress: the tracker for applications, the store for every other record, reads that see what
was written so far, and the undo steps. It is all one transaction: it commits as one undo step when the block
ends, and nothing of it is kept when anything in it fails."""

from __future__ import annotations

from bounceback.domain.model import Origin
from bounceback.storage.reads import ReadModel
from bounceback.storage.sessions import Transaction
from bounceback.storage.store import Store
from bounceback.tracker import Tracker


class Change:
    """The unit of work of one user-visible change, for one owner."""

    def __init__(self, transaction: Transaction, origin: Origin) -> None:
        self._transaction = transaction
        self.origin = origin
        self.owner_id = transaction.owner_id
        self.store: Store = transaction.store
        self.tracker = Tracker(transaction.store, origin=origin)

    @property
    def read(self) -> ReadModel:
        """The read model inside this transaction: it sees what the change wrote so far."""
        return self._transaction.read

    def checkpoint(self, summary: str) -> int | None:
        """Close the undo step so far under its own summary (one per email of an import); returns its id."""
        return self._transaction.checkpoint(summary, origin=self.origin.value)

    def revert(self, change_id: int) -> None:
        """Revert one earlier change inside this one (refused when later changes touched its rows)."""
        self._transaction.revert(change_id)
        self.tracker.forget()
