"""The bounceback JSON document: export, import into an empty workspace, merge, and refusing broken files."""

from __future__ import annotations

import json
import shutil
import tempfile
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from bounceback.domain.model import ContactRole, Interview, Origin, Source
from bounceback.domain.stages import Stage
from bounceback.settings import load_settings
from bounceback.transfer.json_document import VERSION, dump_document, parse_document
from bounceback.transfer.json_export import export_document
from bounceback.transfer.json_restore import restore
from bounceback.workspace import Workspace
from tests.conftest import CLI
from tests.json_plans import Plan, occupy_first_ids, store, workspaces

EXPORTED_AT = datetime(2026, 3, 14, 9, 0, tzinfo=UTC)


def exported(ws: Workspace) -> dict[str, Any]:
    """The workspace's document (written at one fixed moment, so two exports can be compared whole)."""
    with ws.read() as read:
        return export_document(read, exported_at=EXPORTED_AT)


def without_time(text: str) -> str:
    """An export's text without the line saying when it was written."""
    return "".join(line for line in text.splitlines(keepends=True) if '"exported_at":' not in line)


def imported(ws: Workspace, document: dict[str, Any], *, merge: bool = False) -> None:
    """Import a document (through its JSON text, as the command does) into a workspace."""
    records = parse_document(dump_document(document), "test.json")
    with ws.change("import", origin=Origin.IMPORT) as change:
        restore(records, change, source="test.json", merge=merge)


@pytest.fixture(scope="module")
def blank_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated empty SQLite file, copied for each example so hypothesis runs stay quick."""
    home = tmp_path_factory.mktemp("template")
    ws = Workspace(load_settings(home=home, database_url=f"sqlite:///{home / 'blank.sqlite3'}"))
    _ = ws.database  # migrated
    ws.close()
    return home / "blank.sqlite3"


def fresh_sqlite(blank: Path, folder: Path, name: str) -> Workspace:
    """An empty workspace on a copy of the blank file."""
    shutil.copy(blank, folder / name)
    return Workspace(load_settings(home=folder, database_url=f"sqlite:///{folder / name}"))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plan=workspaces())
def test_random_workspaces_round_trip_exactly(blank_sqlite: Path, plan: Plan) -> None:
    """GIVEN a random workspace (every kind of record, ids not starting at 1) WHEN it is exported, imported
    into an empty one and exported again THEN both documents are the same, references inside reminder keys
    and JSON fields included, and nothing of the undo journal is in them."""
    with tempfile.TemporaryDirectory() as folder:
        source, target = (
            fresh_sqlite(blank_sqlite, Path(folder), "a.sqlite3"),
            fresh_sqlite(blank_sqlite, Path(folder), "b.sqlite3"),
        )
        try:
            store(source, plan)
            occupy_first_ids(target)
            first = exported(source)
            imported(target, first)
            assert exported(target) == first
            assert len(first["applications"]) == len(plan["applications"])
            assert len(first["reminder_states"]) == len(plan["reminders"])
            assert len(first["mail_messages"]) == len(plan["messages"])
            assert all("change" not in m["details"] for m in first["mail_messages"])
        finally:
            source.close()
            target.close()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plan=workspaces())
def test_merging_an_export_into_its_own_workspace_adds_nothing(blank_sqlite: Path, plan: Plan) -> None:
    """GIVEN a random workspace WHEN its own export is merged back into it THEN nothing changes."""
    with tempfile.TemporaryDirectory() as folder:
        ws = fresh_sqlite(blank_sqlite, Path(folder), "a.sqlite3")
        try:
            store(ws, plan)
            before = exported(ws)
            imported(ws, before, merge=True)
            assert exported(ws) == before
        finally:
            ws.close()


# A real search on both databases ------------------------------------------------------------------------------
@pytest.fixture
def other_database_url(database_url: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """A second empty database of the same kind as `database_url`."""
    if database_url.startswith("sqlite"):
        return f"sqlite:///{tmp_path / 'other' / 'bounceback.sqlite3'}"
    return request.getfixturevalue("postgres_server").create_database(f"t_{uuid.uuid4().hex[:12]}")


@pytest.fixture
def other_workspace(other_database_url: str, tmp_path: Path) -> Any:
    """An empty workspace on the second database."""
    ws = Workspace(load_settings(home=tmp_path / "other", database_url=other_database_url))
    yield ws
    ws.close()


def build_search(ws: Workspace) -> None:
    """Two applications with a contact, an interview, moves and notes, made through the tracker."""
    when = datetime(2025, 1, 6, 9, 30, tzinfo=UTC)
    with ws.change("build") as change:
        tracker = change.tracker
        acme = tracker.add("Acme Inc.", "Data Engineer", stage=Stage.APPLIED, when=when, url="https://acme.example/1",
                           tags=["python"], excitement=4, source=Source.REFERRAL)  # fmt: skip
        tracker.move(acme, Stage.INTERVIEWING, when=when.replace(day=10))
        person = tracker.add_contact("Jane Roe", company="Acme", email="jane@acme.example")
        tracker.link(acme, person, ContactRole.RECRUITER, when=when)
        tracker.add_interview(
            acme, Interview(application_id=0, starts_at=when.replace(day=14), timezone="Europe/Berlin")
        )
        tracker.move(
            acme, Stage.REJECTED, when=when.replace(day=20), reason="went with an internal candidate"
        )
        beta = tracker.add("Beta GmbH", "Analyst", when=when, notes="ask about 4-day week")
        tracker.note(beta, "Called the recruiter", when=when.replace(day=7))


def test_a_real_search_round_trips_on_both_databases(
    workspace: Workspace, other_workspace: Workspace
) -> None:
    """GIVEN a search made through the tracker WHEN exported and imported into an empty workspace
    THEN the second export equals the first, timeline and all."""
    build_search(workspace)
    first = exported(workspace)
    imported(other_workspace, first)
    assert exported(other_workspace) == first
    assert [e["kind"] for e in first["events"]].count("stage") == 3
    assert first["applications"][0]["furthest_stage"] == "interviewing"


def test_merge_adds_only_what_is_new(workspace: Workspace) -> None:
    """GIVEN a workspace holding one of two exported applications WHEN the export is merged in
    THEN only the other is added, with its timeline and a merge entry, and nothing is doubled."""
    build_search(workspace)
    document = exported(workspace)
    with workspace.change("drop beta") as change:
        tracker = change.tracker
        tracker.delete(tracker.find("beta"))
    imported(workspace, document, merge=True)
    after = exported(workspace)
    assert sorted(a["role"] for a in after["applications"]) == ["Analyst", "Data Engineer"]
    assert len(after["companies"]) == 2 and len(after["contacts"]) == 1
    beta_key = next(a["id"] for a in after["applications"] if a["role"] == "Analyst")
    kinds = [e["kind"] for e in after["events"] if e["application_id"] == beta_key]
    assert kinds == ["created", "note", "imported"]


# The commands, on SQLite and PostgreSQL --------------------------------------------------------------------------
@pytest.fixture
def other_cli(tmp_path: Path, database_url: str, other_database_url: str) -> CLI:
    """The CLI on a second, empty database of the same kind."""
    return CLI(tmp_path / "other", None if database_url.startswith("sqlite") else other_database_url)


def seed_cli(cli: CLI) -> None:
    """A small search made with the commands."""
    cli("add", "Acme", "Data Engineer", "--applied", "2025-01-03", "--url", "https://acme.example/1")
    cli("move", "acme", "interviewing", "--when", "2025-01-09 10:00")
    cli("contact", "add", "Jane Roe", "--email", "jane@acme.example", "--app", "acme", "--role", "recruiter")
    cli("interview", "add", "acme", "2025-02-01 10:00 Europe/Berlin")
    cli("close", "acme", "rejected", "--reason", "internal candidate")
    cli("add", "Beta GmbH", "Analyst")


def test_export_then_import_gives_the_same_document(cli: CLI, other_cli: CLI, tmp_path: Path) -> None:
    """GIVEN a search WHEN `export FILE` is imported with `import json` elsewhere and exported to stdout
    THEN the documents are the same and the first says what it is."""
    seed_cli(cli)
    first = tmp_path / "search.json"
    done = cli("export", str(first))
    assert "Exported 2 applications" in done.stdout
    assert json.loads(first.read_text())["format"] == "bounceback"
    assert json.loads(first.read_text())["version"] == VERSION
    done = other_cli("import", "json", str(first))
    assert "Imported 2 applications, 2 companies, 1 contact, 1 interview, 1 contact link" in done.stdout
    assert without_time(other_cli("export").stdout) == without_time(first.read_text())
    assert cli("export", "-o", str(tmp_path / "again.json")).returncode == 0
    assert without_time((tmp_path / "again.json").read_text()) == without_time(first.read_text())


def test_import_into_a_workspace_in_use_needs_merge(cli: CLI, tmp_path: Path) -> None:
    """GIVEN a search and its export WHEN it is imported again without and then with --merge
    THEN the first is refused in one sentence and the merge adds nothing twice; undo takes a merge back."""
    seed_cli(cli)
    cli("export", str(tmp_path / "search.json"))
    refused = cli("import", "json", str(tmp_path / "search.json"), check=False)
    assert refused.returncode == 1
    assert "already holds 2 applications" in refused.stderr and "--merge" in refused.stderr
    assert "Traceback" not in refused.stderr
    merged = cli("import", "json", str(tmp_path / "search.json"), "--merge")
    assert "Nothing new in search.json. 2 applications already here" in merged.stdout
    cli("delete", "beta", "--yes")
    merged = cli("import", "json", str(tmp_path / "search.json"), "--merge")
    assert "Imported 1 application" in merged.stdout
    assert len(json.loads(cli("list", "--json").stdout)) == 2
    cli("undo")
    assert [a["company"] for a in json.loads(cli("list", "--json").stdout)] == ["Acme"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"format": "bounceback", "version": 1, "companies": [', "is not valid JSON (line 1"),
        ('{"format": "bounceback", "version": 3}', "written by a newer bounceback (format version 3)"),
        ('{"format": "bounceback", "version": "2"}', "has a version ('2') that bounceback never writes"),
        (
            '{"format": "bounceback", "version": 2, "checkins": [{"id": 1, "at": "2026-03-02T09:00:00+00:00", "who5": ["high"]}]}',
            "check-in #1 has a bad “who5”: should be a list of whole numbers",
        ),
        (
            '{"format": "bounceback", "version": 2, "mail_folder_state": [{"id": 1, "account_id": 4, "folder": "INBOX", "uidvalidity": 9}]}',
            "mail folder #1 points at mail account 4, which is not in the file",
        ),
        ('{"format": "other", "version": 1}', "is not a bounceback export"),
        ('{"format": "bounceback", "version": 1, "companies": [{"id": 1}]}', "company #1 has no “name”"),
        (
            '{"format": "bounceback", "version": 1, "applications": [{"id": 1, "company_id": 7, "role": "x"}]}',
            "application #1 points at company 7, which is not in the file",
        ),
    ],
)
def test_a_broken_file_changes_nothing(cli: CLI, tmp_path: Path, content: str, message: str) -> None:
    """GIVEN a malformed, foreign or too-new file WHEN it is imported THEN one plain sentence, exit 1,
    and the workspace stays empty."""
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    done = cli("import", "json", str(bad), check=False)
    assert done.returncode == 1
    assert message in done.stderr
    assert len(done.stderr.strip().splitlines()) <= 2  # one sentence, wrapped at most once
    assert json.loads(cli("export").stdout)["applications"] == []


def test_a_file_the_database_refuses_writes_nothing(postgres_server: Any, tmp_path: Path) -> None:
    """GIVEN a document whose role is longer than PostgreSQL's column WHEN it is imported
    THEN one sentence names the record and the rule (the rule book says so before the database would), and
    nothing was written."""
    if postgres_server is None:
        pytest.skip("no PostgreSQL server available here")
    cli = CLI(tmp_path / "home", postgres_server.create_database(f"t_{uuid.uuid4().hex[:12]}"))
    document = {"format": "bounceback", "version": 1, "companies": [{"id": 1, "name": "Acme"}],
                "applications": [{"id": 1, "company_id": 1, "role": "x" * 400, "slug": "acme-x"}]}  # fmt: skip
    (tmp_path / "long.json").write_text(json.dumps(document))
    done = cli("import", "json", str(tmp_path / "long.json"), check=False)
    assert done.returncode == 1
    assert "In “long.json”, application #1: The role is longer than 300 characters." in done.stderr
    assert json.loads(cli("export").stdout)["companies"] == []


def test_an_unreadable_file_is_named_in_one_sentence(sqlite_cli: CLI, tmp_path: Path) -> None:
    """GIVEN a missing file, a folder and a binary file WHEN each is imported THEN one sentence names it."""
    (tmp_path / "folder.json").mkdir()
    (tmp_path / "photo.json").write_bytes(b"\xff\xd8\xff\xe0 not text")
    for name, message in [
        ("missing.json", "There is no file"),
        ("folder.json", "cannot be read"),
        ("photo.json", "is not a bounceback export (it is not UTF-8 text)"),
    ]:
        done = sqlite_cli("import", "json", str(tmp_path / name), check=False)
        assert done.returncode == 1
        assert message in done.stderr and name in done.stderr
        assert "Traceback" not in done.stderr


# The document covers the schema ---------------------------------------------------------------------------------
# Tables with an owner that the document leaves out on purpose, each with the reason.
NOT_EXPORTED = {
    "changes": "the undo journal: this database's own history, whose ids mean nothing in another workspace",
    "mail_secrets": "a server's encrypted IMAP passwords: a secret never leaves the server, in any file",
    "consents": "a server's record of which advisor may see the search: it names that server's advisors",
    "access_log": "a server's record of what an advisor looked at: it names that server's advisors",
    "advisor_notes": "written by an advisor on a server, not by the person: they stay with that server",
    "mail_uploads": "a server's queue of mail files being imported: what they held is in the search already",
}


def test_every_table_with_an_owner_is_in_the_document() -> None:
    """GIVEN the schema WHEN its tables with an owner column are listed THEN each is in the document or named,
    with its reason, above (a new table fails here until it is exported)."""
    from bounceback.storage.schema import metadata
    from bounceback.transfer.json_document import TABLES

    owned = {t.name for t in metadata.sorted_tables if "owner_id" in t.c}
    in_document = {t.key for t in TABLES}
    assert owned - set(NOT_EXPORTED) == in_document
    assert set(NOT_EXPORTED) <= owned  # no stale exclusions


def test_every_column_of_an_exported_table_is_in_its_records() -> None:
    """GIVEN each exported table WHEN its columns are compared with the fields its records carry
    THEN they are the same (a new column fails here until the document carries it)."""
    from dataclasses import fields

    from bounceback.storage.schema import metadata
    from bounceback.transfer.json_document import TABLES

    for table in TABLES:
        columns = set(metadata.tables[table.key].c.keys()) - {"owner_id"}
        assert columns == {f.name for f in fields(table.cls)} - {"owner_id"}, table.key


def test_no_exported_column_can_hold_a_secret() -> None:
    """GIVEN the exported tables WHEN their column names are read THEN none is for a password, token or key
    (IMAP secrets live in the keyring or the environment only)."""
    import re

    from bounceback.storage.schema import metadata
    from bounceback.transfer.json_document import TABLES

    secret = re.compile(r"pass|secret|token|credential|api_key|oauth", re.IGNORECASE)
    names = [f"{t.key}.{c}" for t in TABLES for c in metadata.tables[t.key].c]
    assert names and [n for n in names if secret.search(n)] == []


def test_a_version_1_file_still_imports(sqlite_cli: CLI) -> None:
    """GIVEN a file written by version 1 (the tracker only; tests/data/json/search-v1.json, made by that
    version's `export`) WHEN it is imported into an empty workspace THEN everything in it is there, ids inside
    timeline details as version 1 wrote them, and a new export is the current version."""
    source = Path(__file__).parent / "data" / "json" / "search-v1.json"
    old = json.loads(source.read_text())
    assert old["version"] == 1
    done = sqlite_cli("import", "json", str(source))
    assert (
        "Imported 2 applications, 2 companies, 1 contact, 1 interview, 1 contact link and 10 timeline"
        in done.stdout
    )
    new = json.loads(sqlite_cli("export").stdout)
    assert new["version"] == VERSION
    for key in ("companies", "applications", "contacts", "application_contacts", "interviews"):
        assert new[key] == old[key], key
    assert new["events"][:-1] == old["events"][:-1]
    assert old["events"][-1]["details"] == {"sent": "feedback", "contact": 1, "request": 1}
    # the contact as version 1 wrote it; the feedback request it named was not in version 1 files
    assert new["events"][-1]["details"] == {"sent": "feedback", "contact": 1}
    shown = json.loads(sqlite_cli("show", "harbourside", "--json").stdout)
    assert shown["stage"] == "rejected"
