"""Journeys through the data-safety paths, each a person's whole path through the real entry point, on SQLite
and PostgreSQL: "relabel and undo" (import mail, correct a label, undo three times) and "restore from backup"
(a lived-in workspace → export → a fresh workspace → import → export)."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import CLI
from tests.mailfactory import search_story, write_mbox


def without_time(text: str) -> str:
    """An export's text without the line saying when it was written."""
    return "".join(line for line in text.splitlines(keepends=True) if '"exported_at":' not in line)


def applications(cli: CLI) -> dict[str, dict[str, Any]]:
    """The applications by company, as `list --json` gives them."""
    return {a["company"]: a for a in json.loads(cli("list", "--json").stdout)}


def emails_of(cli: CLI, company: str) -> list[dict[str, Any]]:
    """The emails `show` lists for one company's application."""
    slug = applications(cli)[company]["name"]
    return json.loads(cli("show", slug, "--json").stdout)["emails"]


# Relabel and undo ------------------------------------------------------------------------------------------------
def test_relabel_and_undo(cli: CLI, tmp_path: Path) -> None:
    """GIVEN a mailbox imported (Fernhill: acknowledgment, invitation, rejection; Quayside: acknowledgment)
    WHEN the Quayside acknowledgment is relabelled as an interview and `undo` is run three times
    THEN the first undo gives back the workspace exactly as before the relabel, the second takes back the
    rejection email, the third the invitation, and relabelling again afterwards still works."""
    cli("mail", "import", str(write_mbox(tmp_path / "inbox.mbox", search_story())))
    imported = without_time(cli("export").stdout)
    quayside = emails_of(cli, "Quayside Books")
    assert [(m["label"], m["status"]) for m in quayside] == [("acknowledgment", "applied")]
    number = str(quayside[0]["id"])

    relabelled = cli("mail", "relabel", number, "interview")
    assert "is now interview" in relabelled.stdout
    assert applications(cli)["Quayside Books"]["stage"] == "interviewing"
    assert emails_of(cli, "Quayside Books")[0]["corrected"] is True

    first = cli("undo")
    assert "Undone:" in first.stdout and "Traceback" not in first.stderr
    assert without_time(cli("export").stdout) == imported
    assert applications(cli)["Quayside Books"]["stage"] == "applied"
    assert [(m["label"], m["status"], m["corrected"]) for m in emails_of(cli, "Quayside Books")] == [
        ("acknowledgment", "applied", False)
    ]

    cli("undo")
    fernhill = applications(cli)["Fernhill Robotics"]
    assert (fernhill["stage"], applications(cli)["Quayside Books"]["stage"]) == ("interviewing", "applied")
    assert [m["status"] for m in emails_of(cli, "Fernhill Robotics")] == ["applied", "applied"]

    cli("undo")
    assert applications(cli)["Fernhill Robotics"]["stage"] == "applied"
    assert set(applications(cli)) == {"Fernhill Robotics", "Quayside Books"}

    # The message was put back as it was, so a second correction takes back the right change (no second
    # Quayside application), and undo takes that back too.
    cli("mail", "relabel", number, "interview")
    assert [a["stage"] for c, a in applications(cli).items() if c == "Quayside Books"] == ["interviewing"]
    assert len(applications(cli)) == 2
    cli("undo")
    assert applications(cli)["Quayside Books"]["stage"] == "applied"


# Restore from backup ---------------------------------------------------------------------------------------------
@pytest.fixture
def fresh_cli(tmp_path: Path, database_url: str, request: pytest.FixtureRequest) -> CLI:
    """The CLI on a second, empty database of the same kind (a new machine)."""
    if database_url.startswith("sqlite"):
        return CLI(tmp_path / "new-machine")
    url = request.getfixturevalue("postgres_server").create_database(f"t_{uuid.uuid4().hex[:12]}")
    return CLI(tmp_path / "new-machine", url)


def write_json(tmp_path: Path, name: str, data: dict[str, Any]) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def lived_in(cli: CLI, tmp_path: Path) -> None:
    """A search as a person leaves it after a few months, made with the commands: mail imported (Fernhill says
    no after an interview), an IMAP account, a finished bounce-back session with lessons, a hard question and
    a feedback request, a check-in, a goal, an interview coming up at Quayside, and a reminder snoozed."""
    cli("mail", "import", str(write_mbox(tmp_path / "inbox.mbox", search_story())))
    cli("mail", "account", "add", "work", "--host", "imap.example.org", "--user", "robin.ayres@example.org")
    fernhill = applications(cli)["Fernhill Robotics"]
    assert fernhill["stage"] == "rejected"
    by = (datetime.now(UTC) + timedelta(days=4)).date().isoformat()
    answers = {
        "checkin": {"mood": 3, "writing": "I thought the controls role was mine."},
        "worth": "skip",
        "thought": "skip",
        "pedestal": "skip",
        "pipeline": "skip",
        "rejections": "skip",
        "interview": {
            "practised": ["Explaining PID tuning to a non-engineer"],
            "learned": ["They are moving the line to ROS 2"],
            "hard_questions": ["Tell me about a time a deadline slipped"],
            "people": [],
        },
        "feedback": {"ask": True, "contact": "Moira Jennings"},
        "next": {"step": "Apply to the Harbour Automation controls role", "by": by, "if_then": "", "mood": 5},
    }
    cli("bounce", fernhill["name"], "--answers", write_json(tmp_path, "bounce.json", answers))
    cli("feedback", "sent", fernhill["name"])  # drafted in the session; a request once the person has sent it
    cli("checkin", "--answers", write_json(tmp_path, "checkin.json", {"who5": [3, 3, 2, 3, 3], "mood": 5}))
    cli("goal", "30")
    soon = (datetime.now(UTC) + timedelta(days=6)).date().isoformat()
    cli("interview", "add", applications(cli)["Quayside Books"]["name"], f"{soon} 10:00 Europe/London")
    due = json.loads(cli("due", "--json").stdout)
    assert due, "a lived-in search has something due"
    cli("snooze", due[0]["key"], "--days", "3")


def test_restore_from_backup(cli: CLI, fresh_cli: CLI, tmp_path: Path) -> None:
    """GIVEN a lived-in workspace WHEN it is exported, imported on a new machine and exported there
    THEN the two exports are the same byte for byte apart from the time they were written, every kind of
    record was in them, and the new machine has the same things due ("Bounce back from Fernhill" is not due
    again), the same lessons and the same account."""
    lived_in(cli, tmp_path)
    backup = tmp_path / "backup.json"
    cli("export", str(backup))
    document = json.loads(backup.read_text())
    empty = sorted(k for k, v in document.items() if isinstance(v, list) and not v)
    assert empty == ["mail_folder_state"], (
        "every kind of record but IMAP progress (no sync ran) is in the backup"
    )
    assert any(r["status"] == "snoozed" for r in document["reminder_states"])
    assert any(s["finished_at"] for s in document["bounce_sessions"])

    restored = fresh_cli("import", "json", str(backup))
    assert "`bounceback undo` takes the import back." in restored.stdout
    again = fresh_cli("export").stdout
    assert without_time(again) == without_time(backup.read_text())
    assert json.loads(again)["exported_at"] >= document["exported_at"]

    due_here, due_there = cli("due", "--json").stdout, fresh_cli("due", "--json").stdout
    assert due_there == due_here
    assert "Bounce back from Fernhill" not in fresh_cli("due").stdout
    assert fresh_cli("lessons", "--json").stdout == cli("lessons", "--json").stdout
    assert "Explaining PID tuning" in fresh_cli("lessons").stdout
    assert (
        "work: robin.ayres@example.org at imap.example.org:993" in fresh_cli("mail", "account", "list").stdout
    )


def test_a_backup_goes_into_a_workspace_in_use_only_with_merge(cli: CLI, tmp_path: Path) -> None:
    """GIVEN a backup WHEN it is imported into the workspace it came from, without and then with --merge
    THEN the first is refused in one sentence that names both ways out, the merge adds nothing twice."""
    lived_in(cli, tmp_path)
    backup = tmp_path / "backup.json"
    cli("export", str(backup))
    refused = cli("import", "json", str(backup), check=False)
    assert refused.returncode == 1
    sentence = " ".join(refused.stderr.split())
    assert "already holds 2 applications" in sentence and "--merge" in sentence and "--home" in sentence
    assert "Traceback" not in refused.stderr
    merged = cli("import", "json", str(backup), "--merge")
    assert "Nothing new in backup.json" in merged.stdout
    assert without_time(cli("export").stdout) == without_time(backup.read_text())
