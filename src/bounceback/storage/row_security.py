"""Row-level security on PostgreSQL: every table with an `owner_id` answers only for the person the transaction
names (owner.py), so a query that forgot its owner filter still reads and writes nothing of anyone else's.

The tables are found in the database itself (every table with an `owner_id` column), never listed by hand, so
a table added later is covered by calling `enable` again in its migration, and a test fails until it is. Tables
that also name an advisor (`advisor_id`: consents, the access log, advisor notes) let that advisor in too.
`FORCE` makes the policies hold for the role that owns the tables as well; superusers still pass (PostgreSQL's
rule), so a server should connect as an ordinary role.
"""

from __future__ import annotations

from typing import Any

from bounceback.storage.owner import OWNER_SETTING

POLICY = "bounceback_owner"
OWNER_COLUMN = "owner_id"
ADVISOR_COLUMN = "advisor_id"
# NULLIF: a setting never made is NULL, one that ended with its transaction is '', and both match no row.
CURRENT_PERSON = f"NULLIF(current_setting('{OWNER_SETTING}', true), '')::integer"


def owned_tables(connection: Any) -> dict[str, bool]:
    """Every table of the database holding a person's rows: name → whether an advisor may see them too."""
    from sqlalchemy import inspect

    found: dict[str, bool] = {}
    inspector = inspect(connection)
    for table in inspector.get_table_names():
        columns = {column["name"] for column in inspector.get_columns(table)}
        if OWNER_COLUMN in columns:
            found[table] = ADVISOR_COLUMN in columns
    return found


def policy_condition(*, with_advisor: bool) -> str:
    """Which rows the current person may see and write."""
    mine = f"{OWNER_COLUMN} = {CURRENT_PERSON}"
    return f"({mine} OR {ADVISOR_COLUMN} = {CURRENT_PERSON})" if with_advisor else mine


def enable(connection: Any) -> list[str]:
    """Turn the policies on for every owned table (again, if they were on); returns the tables covered."""
    from sqlalchemy import text

    if connection.dialect.name != "postgresql":
        return []
    tables = owned_tables(connection)
    for table, with_advisor in sorted(tables.items()):
        condition = policy_condition(with_advisor=with_advisor)
        connection.execute(text(f'DROP POLICY IF EXISTS {POLICY} ON "{table}"'))
        connection.execute(
            text(f'CREATE POLICY {POLICY} ON "{table}" USING ({condition}) WITH CHECK ({condition})')
        )
        connection.execute(text(f'ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY'))
        connection.execute(text(f'ALTER TABLE "{table}" FORCE ROW LEVEL SECURITY'))
    return sorted(tables)


def disable(connection: Any) -> None:
    """Turn the policies off again (the migration's downgrade)."""
    from sqlalchemy import text

    if connection.dialect.name != "postgresql":
        return
    for table in sorted(owned_tables(connection)):
        connection.execute(text(f'ALTER TABLE "{table}" NO FORCE ROW LEVEL SECURITY'))
        connection.execute(text(f'ALTER TABLE "{table}" DISABLE ROW LEVEL SECURITY'))
        connection.execute(text(f'DROP POLICY IF EXISTS {POLICY} ON "{table}"'))


def policies(connection: Any) -> dict[str, str]:
    """The policies in force: table → its condition as PostgreSQL keeps it (for tests and `server init`)."""
    from sqlalchemy import text

    rows = connection.execute(
        text(
            "SELECT p.tablename, p.qual FROM pg_policies p JOIN pg_class c ON c.relname = p.tablename "
            "WHERE p.policyname = :name AND c.relrowsecurity AND c.relforcerowsecurity"
        ),
        {"name": POLICY},
    )
    return {str(row[0]): str(row[1]) for row in rows}
