"""Importing other trackers' CSV exports, and exporting applications as CSV."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from bounceback.domain.errors import InvalidInput
from bounceback.domain.model import EventKind, Origin, Source
from bounceback.domain.stages import Stage
from bounceback.transfer.csv_export import COLUMNS
from bounceback.transfer.csv_import import ImportPlan, apply_plan, plan_import
from bounceback.transfer.csv_table import parse_text, read_table
from bounceback.transfer.dedupe import DuplicateIndex, url_key
from bounceback.transfer.presets import choose_preset
from bounceback.transfer.values import parse_date, parse_excitement, parse_salary
from bounceback.workspace import Workspace
from tests.conftest import CLI
from tests.test_transfer_json import other_cli, other_database_url  # noqa: F401  (fixtures used below)

DATA = Path(__file__).parent / "data" / "csv"


def plan_of(name: str, *, preset: str | None = None, pairs: list[str] | None = None) -> ImportPlan:
    """The plan for a fixture file into an empty workspace."""
    table = read_table(DATA / name)
    return plan_import(
        table, choose_preset(table.headers, table.source, name=preset, pairs=pairs), DuplicateIndex()
    )


# Each tracker's format ---------------------------------------------------------------------------------------
def test_teal_export() -> None:
    """GIVEN Teal's export with messy rows WHEN planned THEN good rows map onto our stages and fields,
    bad ones are named by row, the repeated job is seen as already there."""
    plan = plan_of("teal.csv")
    assert plan.preset.name == "teal"
    rows = {r.company: r for r in plan.rows}
    assert {c: r.stage for c, r in rows.items()} == {
        "Acme Corp": Stage.APPLIED,
        "Globex": Stage.INTERVIEWING,
        "Hooli": Stage.REJECTED,
        "Umbrella": Stage.WITHDRAWN,
        "Soylent": Stage.SAVED,
    }
    acme = rows["Acme Corp"].fields
    assert acme["salary_min"] == 70000 and acme["salary_max"] == 90000 and acme["salary_currency"] == "EUR"
    assert acme["saved_on"] == date(2025, 1, 2) and acme["applied_on"] == date(2025, 1, 5)
    assert (
        acme["source"] is Source.LINKEDIN
        and acme["excitement"] == 4
        and acme["location"] == "Berlin, Germany"
    )
    assert rows["Globex"].fields["source"] is Source.COMPANY_SITE
    assert "Follow up by 2025-01-20" in rows["Globex"].fields["notes"]
    assert rows["Hooli"].stage_on == date(2024, 12, 20)
    assert rows["Umbrella"].close_reason == "archived in Teal" and rows["Umbrella"].stage_on == date(
        2025, 1, 10
    )
    assert [str(p) for p in plan.problems] == [
        "row 4: the salary range 120000–100000 runs backwards",
        "row 7: the company is empty",
        "row 8: excitement is 1 to 5, not 7",
        "row 9: saved on: “sometime last week” is not a date I can read",
    ]
    assert [r.number for r in plan.duplicates] == [11]
    assert [str(n) for n in plan.notices] == [
        "row 10: status “Daydreaming” is not one I know; imported as saved"
    ]


def test_simplify_export() -> None:
    """GIVEN Simplify's export WHEN planned THEN an archived open job is withdrawn on its archive day and
    US dates are read."""
    plan = plan_of("simplify.csv")
    rows = {r.company: r for r in plan.rows}
    assert plan.preset.name == "simplify"
    assert rows["Airbnb"].stage is Stage.REJECTED and rows["Airbnb"].stage_on == date(2025, 1, 20)
    assert rows["Lyft"].stage is Stage.WITHDRAWN and rows["Lyft"].stage_on == date(2025, 2, 1)
    assert rows["Lyft"].close_reason == "archived in Simplify"
    assert rows["OpenAI"].stage is Stage.INTERVIEWING and '"system design"' in rows["OpenAI"].fields["notes"]
    assert rows["Vercel"].stage is Stage.OFFER and rows["Vercel"].fields["applied_on"] == date(2025, 1, 7)
    assert [str(p) for p in plan.problems] == [
        "row 6: applied on: “13/45/2025” is not a real date",
        "row 7: the role is empty",
    ]


def test_linkedin_job_applications() -> None:
    """GIVEN LinkedIn's Job Applications.csv WHEN planned THEN every row is applied, from LinkedIn, on the
    day of its '1/15/25, 3:42 PM' date, with the résumé and answers in the notes."""
    plan = plan_of("linkedin_job_applications.csv")
    rows = {r.company: r for r in plan.rows}
    assert plan.preset.name == "linkedin"
    contoso = rows["Contoso"]
    assert contoso.stage is Stage.APPLIED and contoso.fields["applied_on"] == date(2025, 1, 15)
    assert contoso.fields["source"] is Source.LINKEDIN
    assert "Résumé sent: Resume_2025.pdf" in contoso.fields["notes"]
    assert "Will you require sponsorship? : No" in contoso.fields["notes"]
    assert "me@example.com" not in contoso.fields["notes"]
    assert rows["Fabrikam"].fields["applied_on"] == date(2024, 12, 30)
    assert [str(p) for p in plan.problems] == ["row 4: applied on: “yesterday-ish” is not a date I can read"]


def test_jobsync_export() -> None:
    """GIVEN JobSync's export WHEN planned THEN salary ranges are split, an unreadable salary goes to the notes,
    and an expired job is withdrawn."""
    plan = plan_of("jobsync.csv")
    rows = {r.company: r for r in plan.rows}
    assert plan.preset.name == "jobsync"
    tailspin = rows["Tailspin Toys"].fields
    assert (tailspin["salary_min"], tailspin["salary_max"], tailspin["salary_currency"]) == (
        100000,
        120000,
        "USD",
    )
    assert tailspin["deadline"] == date(2025, 1, 31) and tailspin["source"] is Source.JOB_BOARD
    assert (rows["Adventure Works"].fields["salary_min"], rows["Adventure Works"].fields["salary_max"]) == (
        90000,
        110000,
    )
    assert rows["Adventure Works"].stage is Stage.INTERVIEWING
    assert rows["Litware"].stage is Stage.SAVED and rows["Litware"].fields["notes"] == "Salary: Competitive"
    assert rows["Wide World Importers"].stage is Stage.WITHDRAWN
    assert [str(n) for n in plan.notices] == [
        "row 4: salary “Competitive” is not an amount; kept it in the notes"
    ]
    assert [p.number for p in plan.problems] == [6]


def test_huntr_export_with_other_case_and_extra_columns() -> None:
    """GIVEN a Huntr export with lower-case headers and an extra column WHEN planned THEN it is still
    recognised, its lists become stages, and a renamed list keeps the stage the dates imply."""
    plan = plan_of("huntr.csv")
    rows = {r.company: r for r in plan.rows}
    assert plan.preset.name == "huntr"
    assert {c: r.stage for c, r in rows.items()} == {
        "Initrode": Stage.SAVED,
        "Massive Dynamic": Stage.APPLIED,
        "Cyberdyne": Stage.INTERVIEWING,
        "Tyrell": Stage.OFFER,
        "Oscorp": Stage.APPLIED,
    }
    massive = rows["Massive Dynamic"].fields
    assert (massive["salary_min"], massive["salary_max"], massive["salary_currency"]) == (
        150000,
        180000,
        "USD",
    )
    assert massive["saved_on"] == date(2025, 1, 4) and massive["applied_on"] == date(2025, 1, 6)
    assert rows["Initrode"].fields["notes"] == "Looks fun"
    assert [str(p) for p in plan.problems] == ["row 7: excitement is 1 to 5, not 9"]
    assert "Phone Call Booked" in str(plan.notices[0])


def test_windows_1252_file_is_read() -> None:
    """GIVEN a Simplify export saved as Windows-1252 WHEN read THEN accents survive."""
    table = read_table(DATA / "simplify_windows1252.csv")
    assert table.encoding == "cp1252"
    assert {r.company for r in plan_of("simplify_windows1252.csv").rows} == {
        "Société Générale",
        "Müller & Söhne",
    }


def test_any_csv_with_a_column_map() -> None:
    """GIVEN a semicolon CSV from no known tracker WHEN its columns are mapped with --map THEN they are read."""
    pairs = ["Firm=company", "Position=role", "Where=location", "Link=url", "Sent=applied_on", "Outcome=stage",
             "Stars=excitement"]  # fmt: skip
    plan = plan_of("generic.csv", pairs=pairs)
    contoso = plan.rows[0]
    assert (contoso.company, contoso.role, contoso.stage) == ("Contoso", "Data Engineer", Stage.REJECTED)
    assert contoso.fields["excitement"] == 4 and contoso.fields["location"] == "Remote"
    assert plan.rows[1].stage is Stage.APPLIED


def test_our_own_csv_is_read_by_its_column_names() -> None:
    """GIVEN the header `export --csv` writes WHEN a preset is chosen THEN our names win over Huntr's look-alikes."""
    assert choose_preset(list(COLUMNS), "mine.csv").name == "columns"


# Files that cannot be imported ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "“bad.csv” is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "“bad.csv” is not a CSV file (it holds binary data)"),
        (b'{"format": "bounceback"}\n', "does not look like a CSV export"),
        (b"company,role\n\x81\x8d\x90,x\n", "neither UTF-8 nor Windows-1252"),
        (
            b"Firm,Position\nAcme,Engineer\n",
            "does not look like an export from Teal, Simplify, LinkedIn, JobSync or",
        ),
    ],
)
def test_files_that_cannot_be_read(tmp_path: Path, content: bytes, message: str) -> None:
    """GIVEN an empty, binary, non-CSV, undecodable or unknown file WHEN read THEN one plain sentence."""
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(InvalidInput) as caught:
        table = read_table(path)
        choose_preset(table.headers, table.source)
    assert message in caught.value.message


def test_missing_required_columns_are_named() -> None:
    """GIVEN a Simplify export without its company column WHEN a preset is chosen THEN the sentence names
    the file and the column."""
    table = read_table(DATA / "simplify_missing_company.csv")
    with pytest.raises(InvalidInput) as caught:
        choose_preset(table.headers, table.source)
    assert (
        caught.value.message
        == "“simplify_missing_company.csv” (a Simplify export) lacks the column “Company Name”."
    )


@pytest.mark.parametrize(
    ("pairs", "preset", "message"),
    [
        (["Firm=employer"], None, "“employer” is not a field to map to"),
        (["Nope=company"], None, "“generic.csv” has no column “Nope”"),
        (["Firm"], None, "“Firm” is not a mapping"),
        ([], "workday", "“workday” is not a preset"),
    ],
)
def test_bad_mappings_and_presets(pairs: list[str], preset: str | None, message: str) -> None:
    """GIVEN a wrong --map or --preset WHEN a preset is chosen THEN one sentence says what is wrong."""
    table = read_table(DATA / "generic.csv")
    with pytest.raises(InvalidInput) as caught:
        choose_preset(table.headers, table.source, name=preset, pairs=pairs)
    assert message in caught.value.message


# Cell readers ------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2025-01-15", date(2025, 1, 15)),
        ("2025-01-15T23:10:00.000Z", date(2025, 1, 15)),
        ("1/15/25, 3:42 PM", date(2025, 1, 15)),
        ("01/15/2025", date(2025, 1, 15)),
        ("15/01/2025", date(2025, 1, 15)),
        ("Jan 3, 2025", date(2025, 1, 3)),
        ("3 January 2025", date(2025, 1, 3)),
        ("1736899200", date(2025, 1, 15)),
        ("", None),
    ],
)
def test_dates_in_the_shapes_trackers_write(text: str, day: date | None) -> None:
    """GIVEN a date as some tracker writes it WHEN read THEN it is that day."""
    assert parse_date(text) == day


def test_salaries_and_stars() -> None:
    """GIVEN salary and excitement cells WHEN read THEN amounts, ranges, currencies and limits are right."""
    assert parse_salary("$120k - $150k") == (120000, 150000, "USD")
    assert parse_salary("85.000 €") == (85000, 85000, "EUR")
    assert parse_salary("60,000 to 70,000 GBP") == (60000, 70000, "GBP")
    assert parse_excitement("0") is None and parse_excitement("5") == 5
    assert parse_excitement("6") == 6  # read as written: the rule book judges the range
    with pytest.raises(ValueError, match="1 to 5"):
        parse_excitement("4.5")


def test_same_posting_is_known_by_url_or_by_company_role_and_day() -> None:
    """GIVEN a known application WHEN similar rows are checked THEN URL twins and name-and-day twins are
    known, but the same role under another URL is a different opening."""
    index = DuplicateIndex()
    index.add(
        "Acme Inc.", "Data Engineer", "https://www.acme.example/jobs/1/?utm_source=x", (date(2025, 1, 5),)
    )
    assert url_key("HTTPS://acme.example/jobs/1#apply") == url_key("https://www.acme.example/jobs/1/")
    assert index.holds("Someone else", "Other", "acme.example/jobs/1", None)
    assert index.holds("ACME", "data engineer", "", date(2025, 1, 5))
    assert not index.holds("ACME", "data engineer", "", date(2025, 2, 1))
    assert not index.holds("ACME", "data engineer", "https://acme.example/jobs/2", date(2025, 1, 5))


# Writing to the database (SQLite and PostgreSQL) -----------------------------------------------------------------
def test_imported_rows_get_a_timeline_that_follows_their_dates(workspace: Workspace) -> None:
    """GIVEN Teal's export WHEN imported THEN each application's timeline follows its dates, comes from the
    import, and ends with an entry naming the file and row."""
    plan = plan_of("teal.csv")
    with workspace.change("Import teal.csv", origin=Origin.IMPORT) as change:
        apply_plan(plan, change.tracker)
    with workspace.change("look") as change:
        tracker = change.tracker
        hooli = tracker.find("hooli")
        events = tracker.timeline(hooli)
        assert [(e.kind, e.occurred_at.date()) for e in events[:3]] == [
            (EventKind.CREATED, date(2024, 12, 1)),
            (EventKind.STAGE, date(2024, 12, 3)),
            (EventKind.STAGE, date(2024, 12, 20)),
        ]
        assert events[-1].kind is EventKind.IMPORTED and "teal.csv (row 5" in events[-1].summary
        assert {e.origin for e in events} == {Origin.IMPORT} and {e.cause for e in events} == {
            "import: teal.csv"
        }
        assert hooli.stage is Stage.REJECTED and hooli.closed_from is Stage.APPLIED


def test_a_crash_half_way_writes_nothing(workspace: Workspace) -> None:
    """GIVEN an import that fails after two rows WHEN its transaction ends THEN no row was kept."""
    plan = plan_of("simplify.csv")
    done: list[int] = []

    def fail_on_third() -> None:
        done.append(1)
        if len(done) == 3:
            raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError), workspace.change("Import", origin=Origin.IMPORT) as change:
        apply_plan(plan, change.tracker, advance=fail_on_third)
    with workspace.read() as read:
        assert read.count_applications() == 0


# The commands (SQLite and PostgreSQL) ------------------------------------------------------------------------------
def test_import_reports_bad_rows_and_adds_nothing_twice(cli: CLI) -> None:
    """GIVEN Teal's export WHEN imported twice THEN good rows are added once, bad rows are listed each time."""
    first = cli("import", "csv", str(DATA / "teal.csv"))
    assert "Imported 5 applications from teal.csv (a Teal export)." in first.stdout
    assert "row 8: excitement is 1 to 5, not 7" in first.stdout
    assert "Skipped 1 row already here." in first.stdout
    apps = json.loads(cli("list", "--json").stdout)
    assert sorted((a["company"], a["stage"]) for a in apps) == [
        ("Acme Corp", "applied"), ("Globex", "interviewing"), ("Hooli", "rejected"), ("Soylent", "saved"),
        ("Umbrella", "withdrawn"),
    ]  # fmt: skip
    again = cli("import", "csv", str(DATA / "teal.csv"))
    assert (
        "Nothing new to import from teal.csv" in again.stdout
        and "Skipped 6 rows already here." in again.stdout
    )
    assert len(json.loads(cli("list", "--json").stdout)) == 5
    timeline = json.loads(cli("show", "hooli", "--json").stdout)["timeline"]
    assert timeline[-1]["kind"] == "imported" and timeline[-1]["origin"] == "import"


def test_dry_run_shows_a_preview_and_writes_nothing(cli: CLI) -> None:
    """GIVEN Simplify's export WHEN imported with --dry-run THEN a preview and the problems show, nothing is kept."""
    cli("add", "Stripe", "Software Engineer Intern", "--applied", "2025-01-10")
    done = cli("import", "csv", str(DATA / "simplify.csv"), "--dry-run")
    assert "Airbnb" in done.stdout and "skip: already here" in done.stdout
    assert "row 7: the role is empty" in done.stdout
    assert (
        "would import 4, skip 1 already here and leave out 2 with problems. Nothing was written."
        in done.stdout
    )
    assert [a["company"] for a in json.loads(cli("list", "--json").stdout)] == ["Stripe"]


def test_missing_columns_stop_the_import(cli: CLI) -> None:
    """GIVEN a file without a required column WHEN imported THEN one sentence naming file and column, exit 1."""
    done = cli("import", "csv", str(DATA / "simplify_missing_company.csv"), check=False)
    assert done.returncode == 1
    assert (
        "“simplify_missing_company.csv” (a Simplify export) lacks the column “Company Name”." in done.stderr
    )
    assert "Traceback" not in done.stderr


def test_csv_export_reads_back_the_same(cli: CLI, other_cli: CLI, tmp_path: Path) -> None:  # noqa: F811
    """GIVEN imported applications WHEN exported as CSV and imported elsewhere THEN the CSV is the same,
    and a cell that looks like a formula is guarded."""
    cli("import", "csv", str(DATA / "huntr.csv"))
    cli("add", "=HYPERLINK(1)", "Engineer")
    cli("export", "--csv", str(tmp_path / "apps.csv"))
    text = (tmp_path / "apps.csv").read_text()
    assert text.splitlines()[0].startswith("name,company,role,stage")
    assert ",'=HYPERLINK(1),Engineer," in text
    other_cli("import", "csv", str(tmp_path / "apps.csv"))
    assert other_cli("export", "--csv").stdout == text


def test_a_long_import_runs_to_the_end(sqlite_cli: CLI, tmp_path: Path) -> None:
    """GIVEN a file of 250 rows (past the progress bar threshold) WHEN imported THEN all are added."""
    lines = ["company,role,applied_on,stage"]
    lines += [f"Company {n},Role {n},2025-01-{1 + n % 28:02d},applied" for n in range(250)]
    (tmp_path / "many.csv").write_text("\n".join(lines) + "\n")
    done = sqlite_cli("import", "csv", str(tmp_path / "many.csv"))
    assert "Imported 250 applications" in done.stdout
    assert len(json.loads(sqlite_cli("list", "--json").stdout)) == 250


def test_text_with_a_header_and_no_rows_imports_nothing() -> None:
    """GIVEN only a header WHEN planned THEN there is nothing to add and nothing wrong."""
    table = parse_text("company,role\n", "empty.csv")
    plan = plan_import(table, choose_preset(table.headers, table.source), DuplicateIndex())
    assert (plan.rows, plan.problems) == ([], [])
