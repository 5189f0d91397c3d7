"""The bounceback JSON document: export, import into an empty workspace, merge, and refusing broken files."""

from __future__ import annotations

import json
import shutil
import tempfile
import uuid
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bounceback.domain.model import (
    Application,
    ApplicationContact,
    Company,
    Contact,
    ContactRole,
    Event,
    EventKind,
    Interview,
    InterviewKind,
    Origin,
    Source,
    WorkMode,
)
from bounceback.domain.stages import Stage
from bounceback.settings import load_settings
from bounceback.storage.workspace import Workspace
from bounceback.tracker import Tracker
from bounceback.transfer.json_document import dump_document, parse_document
from bounceback.transfer.json_export import export_document
from bounceback.transfer.json_restore import restore
from tests.conftest import CLI

# Strategies -------------------------------------------------------------------------------------------------
# Any text where the rule book allows any (notes, timeline summaries); one line of printable text where it wants
# one (names, titles, places, tags); addresses and links as the rule book takes them; days within its window.
TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=24)
LINE = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=24)
NAMES = LINE.filter(str.strip).map(lambda text: text or "x")
EMAILS = st.just("") | st.from_regex(r"[a-z]{1,8}(\.[a-z]{1,5})?@[a-z]{1,8}\.example", fullmatch=True)
LINKS = st.just("") | st.from_regex(r"https?://[a-z]{1,10}\.example(/[a-z0-9]{1,8})?", fullmatch=True)
LAST_YEAR = date.today().year + 9
MOMENTS = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(LAST_YEAR, 1, 1), timezones=st.just(UTC)
)
DAYS = st.dates(min_value=date(2000, 1, 1), max_value=date(LAST_YEAR, 1, 1))
ZONES = st.sampled_from(["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata"])
DETAILS = st.dictionaries(
    TEXT, st.one_of(st.none(), st.booleans(), st.integers(-1000, 1000), TEXT), max_size=3
)


def _salary_in_order(app: dict[str, Any]) -> dict[str, Any]:
    """A salary range as the rule book keeps it: the lowest first."""
    low, high = app["salary_min"], app["salary_max"]
    if low is not None and high is not None and low > high:
        app["salary_min"], app["salary_max"] = high, low
    return app


@st.composite
def workspaces(draw: Any) -> dict[str, list[dict[str, Any]]]:
    """A random search: field values for every kind of record, references given as list positions."""
    companies = draw(st.lists(st.fixed_dictionaries({"name": NAMES, "domains": st.lists(TEXT, max_size=2),
                                                     "notes": TEXT}), min_size=1, max_size=4))  # fmt: skip
    n_companies = len(companies)
    apps = draw(
        st.lists(
            st.fixed_dictionaries(
                {
                    "company": st.integers(0, n_companies - 1),
                    "role": NAMES,
                    "slug": st.from_regex(r"[a-z0-9]{1,12}(-[a-z0-9]{1,8})?", fullmatch=True),
                    "location": LINE,
                    "work_mode": st.none() | st.sampled_from(WorkMode),
                    "source": st.none() | st.sampled_from(Source),
                    "url": LINKS,
                    "salary_min": st.none() | st.integers(0, 10**7),
                    "salary_max": st.none() | st.integers(0, 10**7),
                    "salary_currency": st.sampled_from(["", "EUR", "USD"]),
                    "saved_on": st.none() | DAYS,
                    "applied_on": st.none() | DAYS,
                    "deadline": st.none() | DAYS,
                    "excitement": st.none() | st.integers(1, 5),
                    "dream_job": st.booleans(),
                    "tags": st.lists(LINE, max_size=3),
                    "notes": TEXT,
                    "stage": st.sampled_from(Stage),
                    "furthest_stage": st.sampled_from(Stage),
                    "closed_from": st.none() | st.sampled_from(Stage),
                    "close_reason": TEXT,
                    "interview_rounds": st.integers(0, 9),
                    "created_at": st.none() | MOMENTS,
                    "updated_at": st.none() | MOMENTS,
                    "last_activity_at": st.none() | MOMENTS,
                    "closed_at": st.none() | MOMENTS,
                }
            ),
            max_size=5,
            unique_by=lambda a: a["slug"],
        ).map(lambda apps: [_salary_in_order(a) for a in apps])
    )
    contacts = draw(st.lists(st.fixed_dictionaries({
        "name": NAMES, "email": EMAILS, "phone": LINE, "linkedin_url": LINKS, "title": LINE, "notes": TEXT,
        "company": st.none() | st.integers(0, n_companies - 1),
    }), max_size=3))  # fmt: skip
    found: dict[str, list[dict[str, Any]]] = {
        "companies": companies,
        "applications": apps,
        "contacts": contacts,
    }
    found["links"], found["interviews"], found["events"] = [], [], []
    if apps and contacts:
        link = st.tuples(
            st.integers(0, len(apps) - 1), st.integers(0, len(contacts) - 1), st.sampled_from(ContactRole)
        )
        found["links"] = [{"app": a, "contact": c, "role": r} for a, c, r in draw(st.sets(link, max_size=4))]
    if apps:
        app_index = st.integers(0, len(apps) - 1)
        found["interviews"] = draw(st.lists(st.fixed_dictionaries({
            "app": app_index, "starts_at": MOMENTS, "timezone": ZONES, "round": st.integers(1, 5),
            "kind": st.sampled_from(InterviewKind), "duration_minutes": st.integers(5, 480), "location": TEXT,
            "interviewers": TEXT, "notes": TEXT,
        }), max_size=3))  # fmt: skip
        found["events"] = draw(st.lists(st.fixed_dictionaries({
            "app": app_index, "kind": st.sampled_from(EventKind), "occurred_at": MOMENTS, "summary": TEXT,
            "origin": st.sampled_from(Origin), "cause": TEXT, "from_stage": st.none() | st.sampled_from(Stage),
            "to_stage": st.none() | st.sampled_from(Stage), "details": DETAILS,
        }), max_size=6))  # fmt: skip
    return found


def store(ws: Workspace, plan: dict[str, list[dict[str, Any]]]) -> None:
    """Write a generated search straight into a workspace (records built once the workspace is open)."""
    with ws.change("seed") as session:
        companies = [Company(**c) for c in plan["companies"]]
        session.add_all(companies)
        session.flush()
        apps = [
            Application(company_id=companies[a.pop("company")].id or 0, **a)
            for a in map(dict, plan["applications"])
        ]
        contacts = [
            Contact(company_id=None if c["company"] is None else companies[c["company"]].id,
                    **{k: v for k, v in c.items() if k != "company"})
            for c in plan["contacts"]
        ]  # fmt: skip
        session.add_all(apps + contacts)
        session.flush()
        for link in plan["links"]:
            app_id, contact_id = apps[link["app"]].id or 0, contacts[link["contact"]].id or 0
            session.add(ApplicationContact(application_id=app_id, contact_id=contact_id, role=link["role"]))
        for iv in map(dict, plan["interviews"]):
            session.add(Interview(application_id=apps[iv.pop("app")].id or 0, **iv))
        for ev in map(dict, plan["events"]):
            session.add(Event(application_id=apps[ev.pop("app")].id or 0, **ev))


def exported(ws: Workspace) -> dict[str, Any]:
    """The workspace's document."""
    with ws.read() as session:
        return export_document(session, ws.owner_id)


def imported(ws: Workspace, document: dict[str, Any], *, merge: bool = False) -> None:
    """Import a document (through its JSON text, as the command does) into a workspace."""
    records = parse_document(dump_document(document), "test.json")
    with ws.change("import", origin="import") as session:
        restore(records, session, ws.owner_id, source="test.json", merge=merge)


@pytest.fixture(scope="module")
def blank_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated empty SQLite file, copied for each example so hypothesis runs stay quick."""
    home = tmp_path_factory.mktemp("template")
    ws = Workspace(load_settings(home=home, database_url=f"sqlite:///{home / 'blank.sqlite3'}"))
    ws.close()
    return home / "blank.sqlite3"


def fresh_sqlite(blank: Path, folder: Path, name: str) -> Workspace:
    """An empty workspace on a copy of the blank file."""
    shutil.copy(blank, folder / name)
    return Workspace(load_settings(home=folder, database_url=f"sqlite:///{folder / name}"))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plan=workspaces())
def test_random_workspaces_round_trip_exactly(
    blank_sqlite: Path, plan: dict[str, list[dict[str, Any]]]
) -> None:
    """GIVEN a random workspace WHEN it is exported, imported into an empty one and exported again
    THEN both documents are the same."""
    with tempfile.TemporaryDirectory() as folder:
        source, target = (
            fresh_sqlite(blank_sqlite, Path(folder), "a.sqlite3"),
            fresh_sqlite(blank_sqlite, Path(folder), "b.sqlite3"),
        )
        try:
            store(source, plan)
            first = exported(source)
            imported(target, first)
            assert exported(target) == first
            assert len(first["applications"]) == len(plan["applications"])
        finally:
            source.close()
            target.close()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plan=workspaces())
def test_merging_an_export_into_its_own_workspace_adds_nothing(
    blank_sqlite: Path, plan: dict[str, list[dict[str, Any]]]
) -> None:
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
    with ws.change("build") as session:
        tracker = Tracker(session, ws.owner_id)
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
    with workspace.change("drop beta") as session:
        tracker = Tracker(session, workspace.owner_id)
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
    assert json.loads(first.read_text())["version"] == 1
    done = other_cli("import", "json", str(first))
    assert "Imported 2 applications, 2 companies, 1 contact, 1 interview, 1 contact link" in done.stdout
    assert other_cli("export").stdout == first.read_text()
    assert cli("export", "-o", str(tmp_path / "again.json")).returncode == 0
    assert (tmp_path / "again.json").read_text() == first.read_text()


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
        ('{"format": "bounceback", "version": 2}', "written by a newer bounceback (format version 2)"),
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
