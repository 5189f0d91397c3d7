"""One rule book for every front end: the CLI and the web refuse the same values with the same sentence, the
imports go by it too, stage words mean the same everywhere, and no value breaks a draft's headers out."""

from __future__ import annotations

import email
import json
import sqlite3
from datetime import date
from email import policy
from pathlib import Path

import pytest

from tests.conftest import CLI
from tests.test_web_helpers import add_application, messages, sqlite_settings, web_client

INJECTED = "eve@x.example\r\nBcc: e@x.example"
TODAY = date.today()
try:
    LAST_DAY = TODAY.replace(year=TODAY.year + 10)
except ValueError:  # 29 February
    LAST_DAY = date(TODAY.year + 10, 2, 28)

# (CLI arguments after the application's name where one is needed, web path and form, the one sentence)
SAME_RULE = [
    pytest.param(("add", "Umbrella", "Engineer", "--salary-min", "-5"), ("/applications", {"salary_min": "-5"}),
                 "The lowest salary is 0 to 2,000,000,000, not -5.", id="negative-salary"),
    pytest.param(("add", "Umbrella", "Engineer", "--salary-max", str(10**22)), ("/applications", {"salary_max": str(10**22)}),
                 f"The highest salary is 0 to 2,000,000,000, not {10**22}.", id="huge-salary"),
    pytest.param(("add", "Umbrella", "Engineer", "--salary-min", "90000", "--salary-max", "50000"),
                 ("/applications", {"salary_min": "90000", "salary_max": "50000"}),
                 "The salary range 90000–50000 runs backwards.", id="salary-backwards"),
    pytest.param(("add", "Umbrella", "Engineer", "--url", "javascript:alert(1)"), ("/applications", {"url": "javascript:alert(1)"}),
                 "The link “javascript:alert(1)” must be a web address starting with http:// or https://.", id="javascript-url"),
    pytest.param(("add", "Umbrella", "Engineer", "--url", "ftp://files.example/cv"), ("/applications", {"url": "ftp://files.example/cv"}),
                 "The link “ftp://files.example/cv” must be a web address starting with http:// or https://.", id="ftp-url"),
    pytest.param(("add", "Umbrella", "Engineer", "--applied", "9999-01-01"), ("/applications", {"applied_on": "9999-01-01"}),
                 f"The applied date is a date from 1970-01-01 to {LAST_DAY.isoformat()}, not “9999-01-01”.", id="applied-9999"),
    pytest.param(("add", "Umbrella", "Engineer", "--excitement", "7"), ("/applications", {"excitement": "7"}),
                 "Excitement is 1 to 5, not 7.", id="excitement"),
    pytest.param(("add", "Umbrella", "Engineer", "--excitement", "lots"), ("/applications", {"excitement": "lots"}),
                 "Excitement is 1 to 5, not “lots”.", id="excitement-word"),
    pytest.param(("contact", "add", "Eve", "--email", INJECTED, "--app", "APP"), ("/applications/APP/contacts", {"name": "Eve", "email": INJECTED}),
                 "The email address “eve@x.example\\r\\nBcc: e@x.example” is not one plain address like name@example.org.",
                 id="email-with-line-break"),
    pytest.param(("contact", "add", "Eve", "--email", "eve", "--app", "APP"), ("/applications/APP/contacts", {"name": "Eve", "email": "eve"}),
                 "The email address “eve” is not one plain address like name@example.org.", id="email-without-domain"),
    pytest.param(("interview", "add", "APP", "2030-01-07 10:00", "--duration", "-30"),
                 ("/applications/APP/interviews", {"starts": "2030-01-07T10:00", "duration": "-30"}),
                 "The length of an interview is 1 to 1440, not -30.", id="duration-negative"),
]  # fmt: skip
CLI_ONLY = [
    pytest.param(("interview", "add", "APP", "2030-01-07 10:00", "--round", "-1"),
                 "The interview round is 1 to 100, not -1.", id="round-negative"),
    pytest.param(("goal", "10", "--year", "99999"),
                 f"The goal's year is {TODAY.year - 10} to {TODAY.year + 10}, not 99999.", id="goal-year"),
    pytest.param(("close", "APP", "applied"),
                 "“applied” is not an outcome; use one of: accepted, declined, rejected, withdrawn, ghosted.", id="not-an-outcome"),
]  # fmt: skip
APP = "fernhill-robotics-controls-engineer"


def _export(cli: CLI) -> dict:  # type: ignore[type-arg]
    """The workspace as its export holds it, without the moment of the export."""
    document = json.loads(cli("export").stdout)
    document.pop("exported_at", None)
    return document  # type: ignore[no-any-return]


@pytest.mark.parametrize(("args", "form", "sentence"), SAME_RULE)
def test_the_cli_and_the_web_refuse_a_value_with_the_same_sentence(
    sqlite_cli: CLI, tmp_path: Path, args: tuple[str, ...], form: tuple[str, dict[str, str]], sentence: str
) -> None:
    """GIVEN one application WHEN the same bad value is given to the CLI and to the web form
    THEN both refuse it with the same one sentence, and neither changes anything."""
    sqlite_cli("add", "Fernhill Robotics", "Controls Engineer", "--stage", "applied")
    before = _export(sqlite_cli)
    done = sqlite_cli(*[APP if a == "APP" else a for a in args], check=False)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.strip().replace("\n", " ") == sentence
    assert _export(sqlite_cli) == before
    with web_client(sqlite_settings(tmp_path / "web")) as web:
        app_id = add_application(web, "Fernhill Robotics", "Controls Engineer", stage="applied")
        path, data = form
        fields = {"company": "Umbrella", "role": "Engineer"} if path == "/applications" else {}
        response = web.post(path.replace("APP", str(app_id)), {**fields, **data})
        assert response.status_code == 400
        assert messages(response.text) == [sentence]
        assert "Umbrella" not in web.get("/").text


@pytest.mark.parametrize(("args", "sentence"), CLI_ONLY)
def test_values_only_the_cli_takes_are_refused_by_the_same_book(
    sqlite_cli: CLI, args: tuple[str, ...], sentence: str
) -> None:
    """GIVEN one application WHEN a round of -1, a goal for the year 99999 or a stage that is no outcome is given
    THEN one sentence naming the field and the value, and nothing changes."""
    sqlite_cli("add", "Fernhill Robotics", "Controls Engineer", "--stage", "applied")
    before = _export(sqlite_cli)
    done = sqlite_cli(*[APP if a == "APP" else a for a in args], check=False)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.strip().replace("\n", " ") == sentence
    assert _export(sqlite_cli) == before


@pytest.mark.parametrize("word", ["reject", "rejection", "rejected", "Rejected"])
def test_close_takes_the_stage_words_move_takes(sqlite_cli: CLI, word: str) -> None:
    """GIVEN two applications at screening WHEN one is closed with `close x WORD` and the other moved with
    `move x WORD` THEN both end rejected: one rule for stage words."""
    sqlite_cli("add", "Fernhill Robotics", "Controls Engineer", "--stage", "screening")
    sqlite_cli("add", "Quayside Books", "Store Manager", "--stage", "screening")
    sqlite_cli("close", APP, word)
    sqlite_cli("move", "quayside-books-store-manager", word)
    stages = {a["name"]: a["stage"] for a in json.loads(sqlite_cli("list", "--json").stdout)}
    assert stages == {APP: "rejected", "quayside-books-store-manager": "rejected"}


def test_a_csv_row_is_judged_by_the_same_book(sqlite_cli: CLI, tmp_path: Path) -> None:
    """GIVEN a CSV export with a javascript: link, a negative salary and a good row WHEN imported
    THEN the two bad rows are named with the rule book's words and the good one is kept."""
    table = tmp_path / "apps.csv"
    table.write_text(
        "Company,Position,URL,Salary,Status\n"
        "Acme,Analyst,javascript:alert(1),,Applied\n"
        "Globex,Engineer,,-5,Applied\n"
        "Initech,Designer,https://initech.example/jobs/1,,Applied\n"
    )
    done = sqlite_cli("import", "csv", str(table), check=False)
    out = " ".join((done.stdout + done.stderr).split())
    assert "the link “javascript:alert(1)” must be a web address starting with http:// or https://" in out
    companies = {a["company"] for a in json.loads(sqlite_cli("list", "--json").stdout)}
    assert "Initech" in companies and "Acme" not in companies


def test_a_json_file_with_a_header_breaking_address_is_refused_whole(sqlite_cli: CLI, tmp_path: Path) -> None:
    """GIVEN a bounceback document whose contact's email holds CR/LF and a Bcc line
    WHEN imported THEN one sentence names the contact and the address, and nothing is imported."""
    document = {"format": "bounceback", "version": 1, "companies": [{"id": 1, "name": "Acme"}],
                "contacts": [{"id": 1, "name": "Eve", "email": INJECTED}]}  # fmt: skip
    path = tmp_path / "eve.json"
    path.write_text(json.dumps(document))
    done = sqlite_cli("import", "json", str(path), check=False)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert " ".join(done.stderr.split()) == (
        "In “eve.json”, contact #1: The email address “eve@x.example\\r\\nBcc: e@x.example” is not one plain "
        "address like name@example.org."
    )
    assert _export(sqlite_cli)["contacts"] == []


def test_an_address_stored_before_the_rule_never_breaks_a_drafts_headers_out(
    sqlite_cli: CLI, tmp_path: Path
) -> None:
    """GIVEN a contact whose email, stored before the rule book, holds CR/LF and a Bcc line
    WHEN a draft is saved as .eml (CLI) and fetched as .eml (web)
    THEN both answer, the file has no Bcc header and no To with the broken address, only its own headers."""
    sqlite_cli("add", "Acme", "Analyst", "--stage", "interviewing")
    sqlite_cli(
        "contact",
        "add",
        "Eve Example",
        "--email",
        "eve@acme.example",
        "--app",
        "acme-analyst",
        "--role",
        "recruiter",
    )
    with sqlite3.connect(sqlite_cli.home / "bounceback.sqlite3") as connection:
        connection.execute("UPDATE contacts SET email = ?, name = ?", (INJECTED, "Eve\r\nCc: c@x.example"))
    out = tmp_path / "draft.eml"
    sqlite_cli("draft", "follow-up", "acme-analyst", "--format", "eml", "--out", str(out))
    from bounceback.settings import load_settings

    with web_client(load_settings(home=sqlite_cli.home)) as web:
        app_id = json.loads(sqlite_cli("list", "--json").stdout)[0]["id"]
        response = web.get(f"/applications/{app_id}/draft.eml?kind=follow_up")
    assert response.status_code == 200
    for raw in (out.read_bytes(), response.content):
        message = email.message_from_bytes(raw, policy=policy.default)
        assert sorted(message.keys()) == [
            "Content-Transfer-Encoding",
            "Content-Type",
            "MIME-Version",
            "Subject",
            "X-Unsent",
        ]
        names = [
            line.split(b":", 1)[0] for line in raw.replace(b"\r\n", b"\n").split(b"\n\n", 1)[0].splitlines()
        ]
        assert b"Bcc" not in names and b"Cc" not in names


def test_an_eml_is_made_from_one_line_values_only() -> None:
    """GIVEN a draft whose address, name and subject hold line breaks WHEN it becomes an .eml
    THEN no line break reaches a header: the address is left out and the subject is one line."""
    from bounceback.domain.outreach import OutreachKind
    from bounceback.outreach.drafts import Draft
    from bounceback.outreach.formats import as_eml

    raw = as_eml(
        Draft(OutreachKind.FOLLOW_UP, "Eve\r\nCc: c@x.example", INJECTED, "Hello\r\nBcc: b@x.example", "Hi.")
    )
    names = [line.split(b":", 1)[0] for line in raw.split(b"\n\n", 1)[0].splitlines()]
    assert sorted(names) == [
        b"Content-Transfer-Encoding",
        b"Content-Type",
        b"MIME-Version",
        b"Subject",
        b"X-Unsent",
    ]
    assert email.message_from_bytes(raw, policy=policy.default)["Subject"] == "Hello Bcc: b@x.example"
    good = as_eml(Draft(OutreachKind.FOLLOW_UP, "Eve Example", "eve@acme.example", "Hello", "Hi."))
    assert email.message_from_bytes(good, policy=policy.default)["To"] == "Eve Example <eve@acme.example>"
