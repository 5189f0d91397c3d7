"""The tracker commands end to end: the real `bounceback` process on SQLite and on PostgreSQL."""

from __future__ import annotations

import json
import subprocess
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, Protocol
from zoneinfo import ZoneInfo

import pytest

from bounceback.domain.stages import Stage
from bounceback.workspace import Workspace
from tests.test_storage import snapshot


class CLI(Protocol):
    """The `cli` fixture of conftest.py: the real entry point as a subprocess."""

    home: Path

    def __call__(
        self, *args: str, input: str | None = None, check: bool = True
    ) -> subprocess.CompletedProcess[str]: ...


BERLIN = ZoneInfo("Europe/Berlin")
T0 = datetime(2026, 2, 2, 9, 0, tzinfo=UTC)


def show(cli: CLI, name: str) -> dict[str, Any]:
    """`show --json` of one application."""
    data: dict[str, Any] = json.loads(cli("show", name, "--json").stdout)
    return data


def names(cli: CLI, *args: str) -> list[str]:
    """The names `list --json` gives, in its order."""
    return [a["name"] for a in json.loads(cli("list", "--json", *args).stdout)]


def summaries(cli: CLI, name: str) -> list[str]:
    """An application's timeline, as summaries."""
    return [e["summary"] for e in show(cli, name)["timeline"]]


def iso_utc(moment: datetime) -> str:
    """A moment as ISO text with its offset, as a person could paste it."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def seed(ws: Workspace) -> None:
    """Four applications written straight through the tracker, with known times, stages and details."""
    with ws.change("seed") as change:
        tracker = change.tracker
        tracker.add(
            "Acme", "Data Engineer", stage=Stage.INTERVIEWING, when=T0 + timedelta(days=3),
            tags=["remote", "python"], excitement=5, applied_on=date(2026, 2, 1),
        )  # fmt: skip
        tracker.add("Acme", "Data Analyst", when=T0 + timedelta(days=1), tags=["python"], excitement=2)
        tracker.add(
            "Globex", "Platform Engineer", stage=Stage.REJECTED, when=T0 + timedelta(days=2),
            tags=["remote"], excitement=3, applied_on=date(2026, 1, 10), notes="Kubernetes heavy",
        )  # fmt: skip
        tracker.add(
            "Initech", "Backend Developer", stage=Stage.APPLIED, when=T0 + timedelta(days=4),
            applied_on=date(2026, 1, 20), location="Lisbon",
        )  # fmt: skip
    ws.close()


ENGINEER, ANALYST, PLATFORM, BACKEND = (
    "acme-data-engineer",
    "acme-data-analyst",
    "globex-platform-engineer",
    "initech-backend-developer",
)


# Adding, showing, listing ---------------------------------------------------------------------------------
def test_add_with_every_option_is_shown_and_listed(cli: CLI) -> None:
    """GIVEN every option of `add` WHEN the application is shown and listed as JSON THEN each value is there."""
    done = cli(
        "add", "Acme Inc.", "Data Engineer", "--stage", "screening", "--location", "Berlin", "--mode", "hybrid",
        "--source", "referral", "--url", "https://acme.example/jobs/1", "--salary-min", "60000",
        "--salary-max", "75000", "--currency", "eur", "--applied", "2026-01-05", "--saved", "2026-01-02",
        "--deadline", "2026-02-01", "--excitement", "4", "--dream", "--tag", "Python", "--tag", "data",
        "--tag", "python", "--notes", "Met them at a meetup.",
    )  # fmt: skip
    assert done.stdout.strip() == "Added acme-data-engineer (screening)."
    data = show(cli, "acme-data-engineer")
    expected = {
        "name": "acme-data-engineer",
        "company": "Acme Inc.",
        "role": "Data Engineer",
        "stage": "screening",
        "furthest_stage": "screening",
        "closed_from": None,
        "close_reason": None,
        "interview_rounds": 0,
        "location": "Berlin",
        "work_mode": "hybrid",
        "source": "referral",
        "url": "https://acme.example/jobs/1",
        "salary_min": 60000,
        "salary_max": 75000,
        "salary_currency": "EUR",
        "saved_on": "2026-01-02",
        "applied_on": "2026-01-05",
        "deadline": "2026-02-01",
        "excitement": 4,
        "dream_job": True,
        "tags": ["data", "python"],
        "notes": "Met them at a meetup.",
    }
    assert {k: data[k] for k in expected} == expected
    assert [(e["kind"], e["from_stage"], e["to_stage"]) for e in data["timeline"]] == [
        ("created", None, "saved"),
        ("stage", "saved", "applied"),  # on the applied date given
        ("stage", "applied", "screening"),  # now
    ]
    assert (data["interviews"], data["contacts"]) == ([], [])
    [listed] = json.loads(cli("list", "--json").stdout)
    assert {k: listed[k] for k in expected} == expected
    assert {k: v for k, v in listed.items() if data[k] != v} == {}  # the list shows the same as `show`


def test_add_with_an_applied_date_starts_at_applied(cli: CLI) -> None:
    """GIVEN only --applied WHEN added THEN it starts at applied; without it, at saved."""
    assert cli("add", "Acme", "Data Engineer", "--applied", "2026-01-05").stdout.strip() == (
        "Added acme-data-engineer (applied)."
    )
    assert (
        cli("add", "Acme", "Data Engineer", "--not-dream").stdout.strip()
        == "Added acme-data-engineer-2 (saved)."
    )
    assert show(cli, "acme-data-engineer-2")["dream_job"] is False


def test_list_on_an_empty_search_says_how_to_start(cli: CLI) -> None:
    """GIVEN no applications WHEN listed THEN a sentence says how to add one, and JSON is an empty list."""
    assert cli("list").stdout.strip() == "No applications yet. Add one with `bounceback add`."
    assert json.loads(cli("list", "--json").stdout) == []


LIST_CASES = [
    ((), [BACKEND, ENGINEER, PLATFORM, ANALYST]),
    (("--stage", "interviewing"), [ENGINEER]),
    (("--stage", "interview"), [ENGINEER]),
    (("-s", "saved", "-s", "applied"), [BACKEND, ANALYST]),
    (("--active",), [BACKEND, ENGINEER, ANALYST]),
    (("--closed",), [PLATFORM]),
    (("--company", "acme"), [ENGINEER, ANALYST]),
    (("-c", "GLOB"), [PLATFORM]),
    (("--tag", "remote"), [ENGINEER, PLATFORM]),
    (("-t", "REMOTE", "-s", "rejected"), [PLATFORM]),
    (("--search", "kubernetes"), [PLATFORM]),
    (("-q", "lisbon"), [BACKEND]),
    (("--sort", "updated"), [BACKEND, ENGINEER, PLATFORM, ANALYST]),
    (("--sort", "created"), [BACKEND, ENGINEER, PLATFORM, ANALYST]),
    (("--sort", "applied"), [ENGINEER, BACKEND, PLATFORM, ANALYST]),
    (("--sort", "company"), [ENGINEER, ANALYST, PLATFORM, BACKEND]),
    (("--sort", "role"), [BACKEND, ANALYST, ENGINEER, PLATFORM]),
    (("--sort", "stage"), [ANALYST, BACKEND, ENGINEER, PLATFORM]),
    (("--sort", "excitement"), [ENGINEER, PLATFORM, ANALYST, BACKEND]),
    (("--sort", "id"), [ENGINEER, ANALYST, PLATFORM, BACKEND]),
    (("--limit", "2"), [BACKEND, ENGINEER]),
    (("-c", "acme", "--active", "-t", "python", "--sort", "role"), [ANALYST, ENGINEER]),
]


@pytest.mark.parametrize(("args", "expected"), LIST_CASES)
def test_list_filters_and_sorts(sqlite_cli: CLI, args: tuple[str, ...], expected: list[str]) -> None:
    """GIVEN four applications WHEN listed with a filter or sort THEN exactly the expected ones, in order."""
    from bounceback.settings import load_settings

    seed(Workspace(load_settings(home=sqlite_cli.home)))
    assert names(sqlite_cli, *args) == expected


def test_list_filters_read_the_same_on_both_databases(cli: CLI, workspace: Workspace) -> None:
    """GIVEN four applications WHEN listed with a few filters and sorts THEN both databases answer alike."""
    seed(workspace)
    for args, expected in [LIST_CASES[i] for i in (0, 3, 5, 8, 10, 14, 18, 21)]:
        assert names(cli, *args) == expected, args


def test_list_prints_a_table_with_a_count(cli: CLI, workspace: Workspace) -> None:
    """GIVEN four applications WHEN listed as a table THEN rows, stages and a count; a miss says so."""
    seed(workspace)
    out = cli("list", "--active").stdout
    for header in ("id", "name", "company", "role", "stage", "applied", "updated"):
        assert header in out.splitlines()[0]
    assert "interviewing" in out
    assert "2026-01-20" in out
    assert out.strip().endswith("3 of 4 applications")
    assert cli("list", "--company", "Umbrella").stdout.strip() == "No applications match."


def test_show_prints_details_people_interviews_and_timeline(cli: CLI) -> None:
    """GIVEN an application with a contact, an interview and a note WHEN shown THEN all appear as text."""
    cli("add", "Acme", "Data Engineer", "--location", "Berlin", "--mode", "onsite", "-e", "3", "--tag", "ml")
    cli(
        "contact",
        "add",
        "Jane Doe",
        "--email",
        "jane@acme.example",
        "--app",
        "acme",
        "--role",
        "hiring_manager",
    )
    cli("interview", "add", "acme", "2030-03-19 10:00 Europe/Berlin", "--kind", "phone")
    cli("note", "acme", "Bring the portfolio.")
    out = cli("show", "acme").stdout
    assert "Data Engineer at Acme  (acme-data-engineer, id " in out
    assert "Stage:  interviewing   furthest: interviewing" in out
    assert "Location: Berlin (onsite)" in out
    assert "Excitement: ★★★" in out
    assert "hiring manager: Jane Doe jane@acme.example" in out
    assert "interview round 1 (phone): Tue 19 Mar 2030 10:00 Europe/Berlin" in out
    assert out.index("Saved: ") < out.index("Applied: ") if "Applied: " in out else "Saved: " in out
    for summary in (
        "Added Data Engineer at Acme",
        "Jane Doe linked as hiring manager",
        "Bring the portfolio.",
    ):
        assert summary in out


# Changing -------------------------------------------------------------------------------------------------
def test_edit_changes_fields_and_renames(cli: CLI) -> None:
    """GIVEN an application WHEN edited THEN fields, name and timeline change; a no-op edit says so."""
    cli("add", "Acme", "Data Engineer", "--location", "Berlin")
    done = cli(
        "edit", "acme", "--role", "Senior Data Engineer", "--location", "Remote", "-e", "3", "-t", "ML"
    )
    assert done.stdout.strip() == "Updated acme-senior-data-engineer: role, location, excitement, tags."
    data = show(cli, "acme-senior-data-engineer")
    assert (data["role"], data["location"], data["excitement"], data["tags"]) == (
        "Senior Data Engineer",
        "Remote",
        3,
        ["ml"],
    )
    assert data["timeline"][-1]["summary"] == (
        "Role now Senior Data Engineer, location now Remote, excitement now 3 of 5 and tags now ml"
    )
    assert (
        cli("edit", "acme", "--location", "Remote").stdout.strip()
        == "Nothing to change on acme-senior-data-engineer."
    )


def test_move_to_interviewing_twice_is_round_two(cli: CLI) -> None:
    """GIVEN an applied application WHEN moved to interviewing twice THEN the second is round 2."""
    cli("add", "Acme", "Data Engineer", "--stage", "applied")
    when = iso_utc(datetime.now(UTC) - timedelta(days=2))
    first = cli("move", "acme", "interviewing", "--when", when, "--reason", "recruiter call went well")
    assert first.stdout.strip() == "acme-data-engineer: Moved to interviewing: recruiter call went well."
    assert cli("move", "acme", "interview").stdout.strip() == "acme-data-engineer: Interview round 2."
    data = show(cli, "acme")
    assert (data["stage"], data["interview_rounds"]) == ("interviewing", 2)
    moved = next(e for e in data["timeline"] if e["summary"].startswith("Moved to interviewing"))
    assert moved["at"] == datetime.fromisoformat(when).isoformat()
    assert "interviewing (round 2)" in cli("show", "acme").stdout


def test_close_with_a_reason_keeps_where_it_got(cli: CLI) -> None:
    """GIVEN an application at interviewing WHEN closed as rejected with a reason THEN all of it is recorded."""
    cli("add", "Acme", "Data Engineer", "--stage", "interviewing")
    cli("add", "Globex", "Analyst", "--stage", "applied")
    done = cli("close", "acme", "rejected", "--reason", "went with an internal candidate")
    assert done.stdout.splitlines()[0] == (
        "Recorded: acme-data-engineer said no, after you reached interviewing. That is a hard message to get."
    )
    data = show(cli, "acme")
    assert (data["stage"], data["closed_from"], data["furthest_stage"]) == (
        "rejected",
        "interviewing",
        "interviewing",
    )
    assert data["close_reason"] == "went with an internal candidate"
    assert data["timeline"][-1]["summary"] == "Rejected at interviewing: went with an internal candidate"
    out = cli("show", "acme").stdout
    assert "rejected at interviewing" in out
    assert "Closed because: went with an internal candidate" in out
    assert cli("close", "globex", "Withdrawn").stdout.strip() == "Closed globex-analyst as withdrawn."


def test_note_goes_on_the_timeline(cli: CLI) -> None:
    """GIVEN an application WHEN a note is added THEN it ends the timeline."""
    cli("add", "Acme", "Data Engineer")
    assert cli("note", "acme", "Asked about the team size.").stdout.strip() == "Noted on acme-data-engineer."
    assert summaries(cli, "acme")[-1] == "Asked about the team size."


# Contacts and interviews ----------------------------------------------------------------------------------
def test_contacts_add_list_and_link(cli: CLI) -> None:
    """GIVEN two applications WHEN contacts are added, listed and linked THEN each shows up where it belongs."""
    assert (
        cli("contact", "list").stdout.strip()
        == "No contacts yet. Add one with `bounceback contact add NAME`."
    )
    cli("add", "Acme", "Data Engineer")
    cli("add", "Globex", "Analyst")
    done = cli(
        "contact", "add", "Jane Doe", "--email", "Jane@Acme.example", "--phone", "+49 30 1234", "--linkedin",
        "https://linkedin.example/jane", "--title", "Recruiter", "--company", "Acme", "--app", "acme",
        "--role", "recruiter",
    )  # fmt: skip
    assert done.stdout.strip().startswith("Saved contact Jane Doe (id ")
    again = cli("contact", "add", "Jane D.", "--email", "jane@acme.example")
    assert again.stdout == done.stdout  # the same email is the same person
    cli("contact", "add", "Bob Smith", "--title", "Engineering Manager")
    people = json.loads(cli("contact", "list", "--json").stdout)
    assert [(p["name"], p["email"], p["title"]) for p in people] == [
        ("Bob Smith", None, "Engineering Manager"),
        ("Jane Doe", "jane@acme.example", "Recruiter"),
    ]
    assert people[1]["phone"] == "+49 30 1234"
    assert people[1]["linkedin_url"] == "https://linkedin.example/jane"
    assert "Jane Doe" in cli("contact", "list").stdout
    linked = cli("contact", "link", "bob", "globex", "--role", "hiring-manager")
    assert linked.stdout.strip() == "Bob Smith is now hiring manager on globex-analyst."
    cli("contact", "link", "jane@acme.example", "globex", "--role", "recruiter")
    assert [(c["name"], c["role"]) for c in show(cli, "globex")["contacts"]] == [
        ("Bob Smith", "hiring_manager"),
        ("Jane Doe", "recruiter"),
    ]
    assert [(c["name"], c["role"]) for c in show(cli, "acme")["contacts"]] == [("Jane Doe", "recruiter")]
    assert summaries(cli, "globex")[-2:] == [
        "Bob Smith linked as hiring manager",
        "Jane Doe linked as recruiter",
    ]


def test_interviews_from_a_phrase_and_from_iso(cli: CLI) -> None:
    """GIVEN a saved application WHEN interviews are added by phrase and by ISO THEN times, zones, rounds hold."""
    cli("add", "Acme", "Data Engineer")
    before = datetime.now(UTC)
    done = cli(
        "interview", "add", "acme", "next Tuesday 10:00 Europe/Berlin", "--kind", "phone", "--interviewers",
        "Bob Smith", "--location", "https://meet.example/x", "--duration", "45",
    )  # fmt: skip
    assert done.stdout.startswith("Interview round 1 with Acme (Data Engineer): Tue ")
    assert done.stdout.strip().endswith(" 10:00 Europe/Berlin.")
    cli("interview", "add", "acme", "2030-05-07T09:30")
    listed = json.loads(cli("interview", "list", "--json").stdout)
    assert [(i["round"], i["kind"], i["timezone"], i["application"]) for i in listed] == [
        (1, "phone", "Europe/Berlin", "acme-data-engineer"),
        (2, "video", "Europe/London", "acme-data-engineer"),
    ]
    phrase_start = datetime.fromisoformat(listed[0]["starts_at"])
    in_berlin = phrase_start.astimezone(BERLIN)
    assert (in_berlin.strftime("%A"), in_berlin.hour, in_berlin.minute) == ("Tuesday", 10, 0)
    assert before < phrase_start <= before + timedelta(days=8)
    assert (listed[0]["duration_minutes"], listed[0]["interviewers"]) == (45, "Bob Smith")
    assert listed[0]["location"] == "https://meet.example/x"
    assert listed[1]["starts_at"] == "2030-05-07T08:30:00+00:00"  # London is on summer time in May
    assert listed[1]["local_time"] == "Tue 07 May 2030 09:30"
    data = show(cli, "acme")
    assert (data["stage"], len(data["interviews"])) == ("interviewing", 2)
    table = cli("interview", "list", "acme").stdout
    assert "Europe/Berlin" in table
    assert "Tue 07 May 2030 09:30" in table


def test_a_screening_call_moves_a_saved_application_to_screening(cli: CLI) -> None:
    """GIVEN a saved application WHEN a screening call is added THEN it moves to screening, not interviewing."""
    cli("add", "Acme", "Data Engineer")
    cli("interview", "add", "acme", "2030-05-07 09:30 UTC", "--screening")
    assert show(cli, "acme")["stage"] == "screening"
    assert cli("interview", "list").stdout.count("acme-data-engineer") == 1


def test_interview_list_when_there_are_none(cli: CLI) -> None:
    """GIVEN no interviews WHEN listed THEN a sentence says so."""
    assert cli("interview", "list").stdout.strip() == "No interviews recorded."


# Board and due --------------------------------------------------------------------------------------------
def test_board_shows_open_columns_and_all_with_all(cli: CLI, workspace: Workspace) -> None:
    """GIVEN applications at four stages WHEN the board is drawn THEN open columns count them; --all adds outcomes."""
    seed(workspace)
    out = cli("board").stdout
    for column in ("saved (1)", "applied (1)", "screening (0)", "interviewing (1)", "offer (0)"):
        assert column in out
    assert "rejected" not in out
    assert "Initech" in out
    assert "Backend Developer" in out
    everything = cli("board", "--all").stdout
    assert "rejected (1)" in everything
    assert "Globex" in everything


def due_items(cli: CLI, kind: str) -> list[dict[str, Any]]:
    """The items of one kind in `due --json` (other kinds of reminders may sit beside them)."""
    return [item for item in json.loads(cli("due", "--json").stdout) if item["kind"] == kind]


def test_due_lists_an_upcoming_interview(cli: CLI, monkeypatch: pytest.MonkeyPatch) -> None:
    """GIVEN interviews in 2 and 30 days WHEN due runs THEN only the near one is listed, until the horizon grows."""
    cli("add", "Acme", "Data Engineer")
    cli("add", "Globex", "Analyst")
    soon = datetime.now(UTC).replace(microsecond=0) + timedelta(days=2)
    cli("interview", "add", "acme", iso_utc(soon))
    cli("interview", "add", "globex", iso_utc(soon + timedelta(days=28)), "--kind", "onsite")
    items = due_items(cli, "interview")
    assert [(i["application"], i["title"], i["due_at"], i["overdue"]) for i in items] == [
        ("acme-data-engineer", "Video interview with Acme (Data Engineer)", soon.isoformat(), False)
    ]
    assert "acme-data-engineer" in items[0]["command"]
    assert "Video interview with Acme (Data Engineer)" in cli("due").stdout
    monkeypatch.setenv("BOUNCEBACK_UPCOMING_DAYS", "40")
    assert [i["application"] for i in due_items(cli, "interview")] == ["acme-data-engineer", "globex-analyst"]


def test_due_suggests_ghosting_after_the_set_days(cli: CLI, monkeypatch: pytest.MonkeyPatch) -> None:
    """GIVEN one application silent 15 days and one 5 WHEN due runs with a 10-day limit THEN only the first."""
    monkeypatch.setenv("BOUNCEBACK_GHOST_AFTER_DAYS", "10")
    now = datetime.now(UTC).replace(microsecond=0)
    cli("add", "Quiet Labs", "Engineer")
    cli("add", "Recent Labs", "Engineer")
    cli("move", "quiet", "applied", "--when", iso_utc(now - timedelta(days=15)))
    cli("move", "recent", "applied", "--when", iso_utc(now - timedelta(days=5)))
    items = due_items(cli, "ghosted")
    assert [(i["application"], i["title"], i["due_at"], i["overdue"], i["command"]) for i in items] == [
        (
            "quiet-labs-engineer",
            "No answer from Quiet Labs (Engineer) for 15 days; close it as ghosted?",
            (now - timedelta(days=5)).isoformat(),
            True,
            "bounceback close quiet-labs-engineer ghosted",
        )
    ]
    assert "bounceback close quiet-labs-engineer ghosted" in cli("due").stdout
    monkeypatch.setenv("BOUNCEBACK_GHOST_AFTER_DAYS", "20")
    assert due_items(cli, "ghosted") == []
    monkeypatch.setenv("BOUNCEBACK_GHOST_AFTER_DAYS", "10")
    cli("close", "quiet", "ghosted")
    assert due_items(cli, "ghosted") == []


def test_due_suggests_ghosting_for_an_application_added_with_an_old_applied_date(cli: CLI) -> None:
    """GIVEN an application added today with --applied 40 days ago WHEN due runs THEN it is suggested as ghosted."""
    cli("add", "Quiet Labs", "Engineer", "--applied", (date.today() - timedelta(days=40)).isoformat())
    assert [i["application"] for i in due_items(cli, "ghosted")] == ["quiet-labs-engineer"]


def test_due_shows_times_in_the_configured_zone(cli: CLI, monkeypatch: pytest.MonkeyPatch) -> None:
    """GIVEN BOUNCEBACK_TIMEZONE=Europe/Berlin on a UTC system WHEN due runs THEN a 10:00 Berlin interview shows 10:00."""
    monkeypatch.setenv("TZ", "UTC")
    monkeypatch.setenv("BOUNCEBACK_TIMEZONE", "Europe/Berlin")
    cli("add", "Acme", "Data Engineer")
    day = (datetime.now(BERLIN) + timedelta(days=3)).date()
    cli("interview", "add", "acme", f"{day.isoformat()} 10:00 Europe/Berlin")
    out = cli("due").stdout
    assert f"{day:%a %d %b} 10:00" in out
    assert f"{day:%a %d %b} 09:00" not in out


# Delete and undo ------------------------------------------------------------------------------------------
def test_delete_asks_and_no_keeps_everything(cli: CLI, database_url: str) -> None:
    """GIVEN an application WHEN delete is answered 'n' THEN it is kept and nothing in the database changed."""
    cli("add", "Acme", "Data Engineer")
    before = snapshot(database_url)
    done = cli("delete", "acme", input="n\n", check=False)
    assert done.returncode == 1
    assert "Delete acme-data-engineer and its whole timeline? [y/N]" in done.stdout
    assert done.stdout.strip().endswith("Kept.")
    assert snapshot(database_url) == before


def test_delete_yes_removes_and_undo_brings_all_back(cli: CLI, database_url: str) -> None:
    """GIVEN an application with a timeline, interview and contact WHEN deleted THEN gone; undo restores it whole."""
    cli("add", "Acme", "Data Engineer", "--stage", "applied")
    cli("add", "Globex", "Analyst")
    cli("contact", "add", "Jane Doe", "--email", "jane@acme.example", "--app", "acme", "--role", "recruiter")
    cli("interview", "add", "acme", "2030-05-07 09:30 Europe/Berlin")
    cli("note", "acme", "Prepare the SQL exercise.")
    whole = show(cli, "acme")
    assert cli("delete", "acme", "--yes").stdout.strip() == (
        "Deleted acme-data-engineer. `bounceback undo` brings it back."
    )
    assert names(cli) == ["globex-analyst"]
    assert cli("show", "acme", check=False).returncode == 1
    assert json.loads(cli("interview", "list", "--json").stdout) == []
    assert cli("undo").stdout.strip() == "Undone: Delete acme-data-engineer."
    assert show(cli, "acme") == whole
    assert (
        cli("delete", "globex", input="y\n")
        .stdout.strip()
        .endswith("Deleted globex-analyst. `bounceback undo` brings it back.")
    )
    assert names(cli) == ["acme-data-engineer"]


def test_undo_steps_back_one_change_at_a_time(cli: CLI) -> None:
    """GIVEN add, move and note WHEN undo runs four times THEN each is reverted in turn, then nothing is left."""
    cli("add", "Acme", "Data Engineer")
    cli("move", "acme", "applied")
    cli("note", "acme", "Sent the portfolio.")
    assert cli("undo").stdout.strip() == "Undone: Note on acme."
    assert summaries(cli, "acme") == ["Added Data Engineer at Acme", "Moved to applied"]
    assert cli("undo").stdout.strip() == "Undone: Move acme to applied."
    assert show(cli, "acme")["stage"] == "saved"
    assert cli("undo").stdout.strip() == "Undone: Add Data Engineer at Acme."
    assert names(cli) == []
    done = cli("undo", check=False)
    assert (done.returncode, done.stderr.strip()) == (1, "There is nothing to undo.")


def test_version_and_help(cli: CLI) -> None:
    """GIVEN the CLI WHEN asked for its version and help THEN both answer without touching a database."""
    from bounceback import __version__

    assert cli("--version").stdout.strip() == f"bounceback {__version__}"
    out = cli("--help").stdout
    expected = ("add", "list", "show", "edit", "move", "close", "note", "delete", "undo", "board", "due")
    assert [c for c in (*expected, "contact", "interview", "db") if c not in out] == []


# Mistakes -------------------------------------------------------------------------------------------------
BAD_INPUT = [
    pytest.param(("show", "umbrella"), "No application is called “umbrella”; `bounceback list` shows their names.", id="unknown-name"),
    pytest.param(("note", "99", "hello"), "There is no application with id 99.", id="unknown-id"),
    pytest.param(("move", "acme", "applied"), "“acme” could be 2 applications: acme-data-analyst, acme-data-engineer.", id="ambiguous"),
    pytest.param(("move", ENGINEER, "applied"), "acme-data-engineer is interviewing and cannot move to applied;", id="backwards"),
    pytest.param(("move", PLATFORM, "interviewing"), "globex-platform-engineer is rejected and cannot move to interviewing; allowed: none", id="after-rejection"),
    pytest.param(("close", ANALYST, "rejected"), "acme-data-analyst is saved and cannot move to rejected;", id="reject-unsent"),
    pytest.param(("move", ANALYST, "applied", "--when", "the day after never"), "“the day after never” is not a date I can read", id="bad-when"),
    pytest.param(("add", "Umbrella", "Engineer", "--applied", "someday maybe"), "“someday maybe” is not a date I can read", id="bad-applied"),
    pytest.param(("interview", "add", ANALYST, "whenever suits"), "“whenever suits” is not a date I can read", id="bad-interview-time"),
    pytest.param(("interview", "add", ANALYST, "2030-01-07 10:00 Mars/Phobos"), "“Mars/Phobos” is not a time zone name", id="bad-zone"),
    pytest.param(("move", ANALYST, "finished"), "“finished” is not a stage; use one of:", id="unknown-stage-move"),
    pytest.param(("list", "--stage", "finished"), "“finished” is not a stage; use one of:", id="unknown-stage-list"),
    pytest.param(("add", "Umbrella", "Engineer", "--stage", "finished"), "“finished” is not a stage; use one of:", id="unknown-stage-add"),
    pytest.param(("close", ANALYST, "maybe"), "“maybe” is not an outcome; use one of:", id="unknown-outcome"),
    pytest.param(("list", "--sort", "salary"), "Cannot sort by “salary”; use one of:", id="unknown-sort"),
    pytest.param(("edit", ANALYST, "--mode", "spaceship"), "“spaceship” is not a work mode; use one of:", id="bad-mode"),
    pytest.param(("edit", ANALYST, "--salary-min", "90000", "--salary-max", "50000"), "The salary range 90000–50000 runs backwards.", id="bad-salary"),
    pytest.param(("note", ANALYST, "   "), "The note is empty.", id="empty-note"),
    pytest.param(("contact", "link", "nobody", ANALYST), "No contact is called “nobody”; `bounceback contact list` shows their names.", id="unknown-contact"),
    pytest.param(("interview", "add", ANALYST, "2030-01-07 10:00", "--kind", "telepathy"), "“telepathy” is not an interview kind; use one of:", id="bad-kind"),
    pytest.param(("add", "Umbrella", "Engineer", "--excitement", "9"), "Excitement is 1 to 5, not 9.", id="excitement-high"),
    pytest.param(("edit", ANALYST, "-e", "0"), "Excitement is 1 to 5, not 0.", id="excitement-low"),
    pytest.param(("add", "Umbrella", "Engineer", "-e", "lots"), "Excitement is 1 to 5, not “lots”.", id="excitement-text"),
    pytest.param(("edit", ANALYST, "--role", ""), "A role title is needed.", id="empty-role"),
]  # fmt: skip


@pytest.mark.parametrize(("args", "message"), BAD_INPUT)
def test_mistakes_give_one_sentence_exit_1_and_change_nothing(
    cli: CLI, workspace: Workspace, database_url: str, args: tuple[str, ...], message: str
) -> None:
    """GIVEN four applications WHEN a command is given bad input THEN one sentence, exit 1, database unchanged."""
    seed(workspace)
    before = snapshot(database_url)
    done = cli(*args, check=False)
    assert "Traceback" not in done.stdout + done.stderr
    assert done.returncode == 1, done.stderr
    lines = done.stderr.strip().splitlines()
    assert lines[0].startswith(message)
    assert lines[0].endswith(".")
    if "could be" in message:
        assert [line.strip() for line in lines[1:]] == [ANALYST, ENGINEER]
    else:
        assert len(lines) == 1
    assert done.stdout == ""
    assert snapshot(database_url) == before


def test_a_screening_call_is_shown_as_one_and_the_agenda_apart_from_the_people(cli: CLI) -> None:
    """GIVEN a screening call and an interview with an agenda WHEN shown and listed as due THEN the call is no
    'round 1', the people are under 'with' and the agenda apart, and sentences name company and role."""
    cli("add", "Ashgrove University", "Research Data Engineer")
    soon = datetime.now(UTC).replace(microsecond=0) + timedelta(days=2)
    said = cli("interview", "add", "ashgrove", iso_utc(soon), "--screening", "--interviewers", "Dana Reyes")
    assert said.stdout.startswith("Screening call with Ashgrove University (Research Data Engineer): ")
    cli(
        "interview", "add", "ashgrove", iso_utc(soon + timedelta(days=3)), "--interviewers", "Dana Reyes",
        "--agenda", "Final: system design, team lunch",
    )  # fmt: skip
    out = cli("show", "ashgrove").stdout
    assert "screening call (video): " in out and "with Dana Reyes" in out
    assert "interview round 1 (video): " in out and "agenda: Final: system design, team lunch" in out
    titles = [i["title"] for i in due_items(cli, "interview")]
    assert titles == [
        "Screening call with Ashgrove University (Research Data Engineer)",
        "Video interview with Ashgrove University (Research Data Engineer)",
    ]
