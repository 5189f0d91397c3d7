"""Is every message of a source already known? Answered before the importer (and SQLAlchemy) is loaded.

A re-import of the same mailbox should cost little more than reading it: each message's identity (keys.py) is
read from its raw bytes and looked up among the stored keys (storage.reads.ReadModel.mail_keys). The first new message
ends the look (the full import takes over and reads everything itself), so a first import pays for one
message here, not for a second pass.
"""

from __future__ import annotations

from collections.abc import Iterable

from bounceback.mail.keys import identity


def count_if_all_seen(raws: Iterable[bytes], keys: set[str]) -> int | None:
    """How many messages there are when every one is already known; None at the first new one."""
    count = 0
    for raw in raws:
        found = identity(raw)
        if found.key not in keys and (found.message_id is None or found.message_id not in keys):
            return None
        count += 1
    return count
