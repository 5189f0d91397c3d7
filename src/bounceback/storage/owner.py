"""Who is asking: the setting each transaction carries on PostgreSQL, for row-level security policies.

Every query already filters by the owner; a server adds policies that compare each row's `owner_id` with this
setting, so a query that forgot the filter still reads nothing of anyone else. Without policies (local mode,
today) setting it changes nothing. SQLite has no such setting and needs none: one file is one person's.
"""

from __future__ import annotations

OWNER_SETTING = "bounceback.owner_id"
# set_config(..., true) is SET LOCAL: it lasts until the transaction ends, so a pooled connection never
# carries one person's id into the next person's request.
SET_OWNER_SQL = f"SELECT set_config('{OWNER_SETTING}', :owner, true)"
CURRENT_OWNER_SQL = f"SELECT current_setting('{OWNER_SETTING}', true)"
