"""Isolation enforced by PostgreSQL itself: row-level security on every table holding a person's rows (the
list taken from the schema's metadata), tried as an ordinary role, which is what a server should connect as."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, insert, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ProgrammingError

from bounceback.domain.accounts import Role, Sharing
from bounceback.settings import load_settings
from bounceback.storage import row_security
from bounceback.storage.owner import SET_OWNER_SQL
from bounceback.storage.schema import metadata
from bounceback.workspace.server import Directory
from tests.serverkit import add_application, person

pytestmark = pytest.mark.postgres

OWNED = sorted(t.name for t in metadata.sorted_tables if "owner_id" in t.c)


def _app_role(pg_url: str) -> str:
    """An ordinary role (no superuser, no BYPASSRLS) with the rights a server needs; returns its URL."""
    name = f"bb_app_{uuid.uuid4().hex[:8]}"
    engine = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f"CREATE ROLE {name} LOGIN NOSUPERUSER NOBYPASSRLS"))
        connection.execute(
            text(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {name}")
        )
        connection.execute(text(f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {name}"))
    engine.dispose()
    return make_url(pg_url).set(username=name).render_as_string(hide_password=False)


def test_every_table_with_an_owner_has_a_forced_policy(directory: Directory) -> None:
    """GIVEN the migrated schema WHEN its policies are listed THEN every table of the metadata with an owner_id
    has the policy, enabled and forced, and the tables that name an advisor let that advisor in."""
    assert len(OWNED) >= 20
    with directory.database.engine.connect() as connection:
        found = row_security.policies(connection)
    assert sorted(found) == OWNED
    for table in ("consents", "access_log", "advisor_notes"):
        assert "advisor_id" in found[table]
    assert "advisor_id" not in found["applications"]


def test_a_query_with_no_person_set_reads_nothing_and_writes_nothing(
    directory: Directory, pg_url: str
) -> None:
    """GIVEN two seekers' applications WHEN an ordinary role queries with no person set THEN it reads no row of
    any owned table; with Ana set it reads hers alone, and a row written for Bo is refused."""
    ana, bo = person(directory, "ana@uni.org"), person(directory, "bo@uni.org")
    add_application(directory, ana.user_id, "Acme", "Analyst")
    add_application(directory, bo.user_id, "Globex", "Engineer")
    engine = create_engine(_app_role(pg_url))
    applications = metadata.tables["applications"]
    try:
        with engine.connect() as connection:
            for table in OWNED:
                count = connection.execute(select(func.count()).select_from(metadata.tables[table])).scalar()
                assert count == 0, table
            connection.rollback()
        with engine.connect() as connection:
            connection.execute(text(SET_OWNER_SQL), {"owner": str(ana.user_id)})
            rows = connection.execute(select(applications.c.owner_id)).all()
            assert rows and {row.owner_id for row in rows} == {ana.user_id}
            companies = metadata.tables["companies"]
            with pytest.raises(ProgrammingError, match="row-level security"):
                connection.execute(
                    insert(companies).values(owner_id=bo.user_id, name="Planted", domains=[], notes="")
                )
    finally:
        engine.dispose()


def test_the_server_works_as_an_ordinary_role_and_advisors_see_only_what_is_shared(
    directory: Directory, pg_url: str, tmp_path: Path
) -> None:
    """GIVEN the server connected as an ordinary role WHEN a seeker reads and writes THEN it works as before;
    an advisor sees the sharing made with them, another advisor sees none of it."""
    ana = person(directory, "ana@uni.org")
    adv, other = (
        person(directory, "adv@uni.org", Role.ADVISOR),
        person(directory, "other@uni.org", Role.ADVISOR),
    )
    as_app = Directory.open(load_settings(home=tmp_path / "home", database_url=_app_role(pg_url)))
    try:
        add_application(as_app, ana.user_id, "Acme", "Analyst")
        with as_app.workspace_for(ana.user_id).read() as read:
            assert [v.company for v in read.applications()] == ["Acme"]
        as_app.share(ana.user_id, "adv@uni.org", Sharing.SUMMARY)
        assert [g.seeker_id for g in as_app.sharing_with(adv.user_id)] == [ana.user_id]
        assert as_app.sharing_with(other.user_id) == []
        assert as_app.store.all_grants(other.user_id) == []
        assert len(as_app.store.all_grants(ana.user_id)) == 1
    finally:
        as_app.close()
