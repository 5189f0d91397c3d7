"""The mail importer end to end: real mbox files, the real classifier, real SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.mailfactory import mail, search_story, write_mbox


def _apps(cli) -> dict[str, dict]:
    return {a["company"]: a for a in json.loads(cli("list", "--json").stdout)}


def test_import_fills_the_tracker_and_explains_each_change(cli, tmp_path: Path) -> None:
    """GIVEN a mailbox with acknowledgments, an invitation, a newsletter and a rejection
    WHEN it is imported THEN applications open, move forward and close, each change named by its email."""
    box = write_mbox(tmp_path / "inbox.mbox", search_story())
    done = cli("mail", "import", str(box))
    assert "5 messages read" in done.stdout
    assert "2 applications opened" in done.stdout
    apps = _apps(cli)
    assert set(apps) == {"Fernhill Robotics", "Quayside Books"}
    fernhill = apps["Fernhill Robotics"]
    assert (fernhill["stage"], fernhill["closed_from"], fernhill["furthest_stage"]) == (
        "rejected",
        "interviewing",
        "interviewing",
    )
    assert fernhill["role"] == "Controls Engineer"
    assert apps["Quayside Books"]["stage"] == "applied"
    shown = json.loads(cli("show", fernhill["name"], "--json").stdout)
    email_causes = [e["cause"] for e in shown["timeline"] if e["origin"] == "email" and e["kind"] == "stage"]
    assert any("Re: Interview for the Controls Engineer role" in (c or "") for c in email_causes)
    assert [c["email"] for c in shown["contacts"]] == ["moira.jennings@fernhillrobotics.example"]
    assert [(m["label"], m["status"]) for m in shown["emails"]] == [
        ("acknowledgment", "applied"),
        ("interview", "applied"),
        ("rejection", "applied"),
    ]


def test_reimport_adds_nothing_and_undo_is_never_reapplied(cli, tmp_path: Path) -> None:
    """GIVEN an imported mailbox WHEN it is imported again THEN nothing changes; WHEN the rejection is undone
    and the mailbox imported once more THEN the rejection stays undone."""
    box = write_mbox(tmp_path / "inbox.mbox", search_story())
    cli("mail", "import", str(box))
    before = cli("list", "--json").stdout
    again = cli("mail", "import", str(box))
    assert "(5 already seen)" in again.stdout
    assert cli("list", "--json").stdout == before
    cli("undo")
    assert _apps(cli)["Fernhill Robotics"]["stage"] == "interviewing"
    cli("mail", "import", str(box))
    assert _apps(cli)["Fernhill Robotics"]["stage"] == "interviewing"


def test_relabel_takes_back_a_wrong_change_and_applies_the_right_one(cli, tmp_path: Path) -> None:
    """GIVEN a message applied as an interview WHEN the person relabels it as an acknowledgment
    THEN the interview move is taken back, the message is kept as a correction."""
    box = write_mbox(tmp_path / "inbox.mbox", search_story()[:3])
    cli("mail", "import", str(box))
    assert _apps(cli)["Fernhill Robotics"]["stage"] == "interviewing"
    from bounceback.domain.mail import MailRecord
    from bounceback.settings import load_settings
    from bounceback.workspace import Workspace

    ws = Workspace(load_settings(home=cli.home, database_url=cli.database_url))
    with ws.read() as read:
        [record] = [r for r in read.records(MailRecord) if r.message_id == "<test-30@mail.example>"]
    cli("mail", "relabel", str(record.id), "acknowledgment")
    assert _apps(cli)["Fernhill Robotics"]["stage"] == "applied"
    with ws.read() as read:
        fixed = read.mail(record.id or 0)
        assert fixed is not None and fixed.predicted_label is not None
        assert (fixed.label.value, fixed.predicted_label.value, fixed.corrected) == (
            "acknowledgment",
            "interview",
            True,
        )
        from bounceback.mail.learning import corrections

        assert [e.label.value for e in corrections(read)] == ["acknowledgment"]
    ws.close()


def test_malformed_messages_are_named_and_everything_else_kept(sqlite_cli, tmp_path: Path) -> None:
    """GIVEN an mbox with a message of binary garbage and a cut-off last message between good ones
    WHEN it is imported THEN the bad ones are named with their position and all good ones are imported."""
    story = search_story()
    box = tmp_path / "broken.mbox"
    from tests.mailfactory import as_mbox_bytes

    garbage = b"From MAILER-DAEMON Mon Sep  7 09:30:00 2026\n" + bytes(range(256)) * 4 + b"\n\n"
    cut = b"From MAILER-DAEMON Mon Sep  7 09:30:00 2026\nSubject: half\nContent-Type: multipart/mixed; boundary=zz\n\n--zz\n"
    box.write_bytes(as_mbox_bytes(story[:2]) + garbage + as_mbox_bytes(story[2:]) + cut)
    done = sqlite_cli("mail", "import", str(box))
    assert "Traceback" not in done.stdout + done.stderr
    assert "broken.mbox#3" in done.stdout
    apps = _apps(sqlite_cli)
    assert apps["Fernhill Robotics"]["stage"] == "rejected"
    assert "Quayside Books" in apps


def test_classify_prints_one_json_object_per_message(sqlite_cli, tmp_path: Path) -> None:
    """GIVEN a folder of .eml files WHEN classified with --json THEN one line per message with the agreed keys,
    and no database is created."""
    folder = tmp_path / "eml"
    folder.mkdir()
    for i, msg in enumerate(search_story()):
        (folder / f"{i}.eml").write_bytes(bytes(msg))
    done = sqlite_cli("classify", str(folder), "--json")
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(rows) == 5
    assert all(set(r) == {"message_id", "label", "confidence", "company", "role", "sender"} for r in rows)
    by_id = {r["message_id"]: r for r in rows}
    assert by_id["<test-200@mail.example>"]["label"] == "rejection"
    assert by_id["<test-40@mail.example>"]["label"] == "other"
    assert by_id["<test-0@mail.example>"]["company"] == "Fernhill Robotics"
    assert not (sqlite_cli.home / "bounceback.sqlite3").exists()


def test_an_unsure_rejection_waits_for_review_and_changes_nothing(sqlite_cli, tmp_path: Path) -> None:
    """GIVEN a vague message that mentions no decision WHEN imported THEN no application is closed."""
    vague = mail(
        "Ana Ruiz <ana.ruiz@lindqvist.example>",
        "Quick note",
        "Hi Robin, just a quick note that things are moving slowly on our side. More soon.",
        n=5,
    )
    box = write_mbox(tmp_path / "vague.mbox", [*search_story()[:2], vague])
    sqlite_cli("mail", "import", str(box))
    assert all(a["stage"] != "rejected" for a in _apps(sqlite_cli).values())


@pytest.mark.parametrize("path_kind", ["missing", "not-mail"])
def test_a_path_that_is_not_mail_gets_one_sentence(sqlite_cli, tmp_path: Path, path_kind: str) -> None:
    """GIVEN a path that does not exist or is not mail WHEN imported THEN one plain sentence, exit 1."""
    path = tmp_path / "nothing.mbox"
    if path_kind == "not-mail":
        path = tmp_path / "notes.txt"
        path.write_text("just some notes")
    done = sqlite_cli("mail", "import", str(path), check=False)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert str(path.name) in done.stderr


def test_a_junk_message_with_a_rejections_message_id_does_not_hide_it(cli, tmp_path: Path) -> None:
    """GIVEN a newsletter that carries the Message-ID of the rejection that comes after it
    WHEN the mailbox is imported THEN the rejection is still read and applied, the clash is said in one
    sentence, and importing the mailbox again adds nothing."""
    story = search_story()
    rejection = story[-1]
    junk = mail("Deals <deals@shop.example>", "Flash sale", "Everything half price today.", n=150)
    del junk["Message-ID"]
    junk["Message-ID"] = rejection["Message-ID"]
    box = write_mbox(tmp_path / "inbox.mbox", [*story[:-1], junk, rejection])
    done = cli("mail", "import", str(box))
    assert "1 message carries the Message-ID of a different message already seen" in " ".join(
        done.stdout.split()
    )
    assert _apps(cli)["Fernhill Robotics"]["stage"] == "rejected"
    again = cli("mail", "import", str(box))
    assert "(6 already seen)" in again.stdout
    assert "Message-ID of a different message" not in again.stdout


def test_keys_stored_before_content_hashes_still_count_as_seen(sqlite_cli, tmp_path: Path) -> None:
    """GIVEN a workspace whose messages were stored under their Message-ID alone (before content hashes)
    WHEN the same mailbox is imported again THEN every message counts as already seen and nothing changes."""
    import sqlite3

    box = write_mbox(tmp_path / "inbox.mbox", search_story())
    sqlite_cli("mail", "import", str(box))
    before = sqlite_cli("list", "--json").stdout
    with sqlite3.connect(sqlite_cli.home / "bounceback.sqlite3") as connection:
        connection.execute(
            "UPDATE mail_messages SET key = substr(key, 1, instr(key, ' ') - 1) WHERE key LIKE '<%'"
        )
        assert {k for (k,) in connection.execute("SELECT key FROM mail_messages")} >= {
            "<test-200@mail.example>"
        }
    again = sqlite_cli("mail", "import", str(box))
    assert "(5 already seen)" in again.stdout
    assert sqlite_cli("list", "--json").stdout == before


def test_the_full_list_of_unreadable_messages_is_written_to_a_file_and_named(
    sqlite_cli, tmp_path: Path
) -> None:
    """GIVEN an mbox with 25 messages of garbage between good ones WHEN imported THEN the summary names 20, says
    how many more, and names a file that lists all 25; every good message is imported."""
    from tests.mailfactory import as_mbox_bytes

    garbage = b"".join(
        b"From MAILER-DAEMON Mon Sep  7 09:30:00 2026\n" + bytes(range(256)) + b"\n\n" for _ in range(25)
    )
    story = search_story()
    box = tmp_path / "many.mbox"
    box.write_bytes(as_mbox_bytes(story[:2]) + garbage + as_mbox_bytes(story[2:]))
    done = sqlite_cli("mail", "import", str(box))
    out = " ".join(done.stdout.split())
    assert "… and 5 more; all 25 are listed in " in out
    listed = Path(out.split("all 25 are listed in ")[1].split(" ")[0])
    lines = listed.read_text().splitlines()
    assert lines[0].startswith("25 messages or files could not be read")
    assert [line.split(": ", 1)[0].rsplit("#", 1)[1] for line in lines[1:]] == [str(n) for n in range(3, 28)]
    assert _apps(sqlite_cli)["Fernhill Robotics"]["stage"] == "rejected"


@pytest.mark.parametrize("cut", [b"From MAILER-DAE", b"Fro"])
def test_a_message_before_a_cut_off_separator_line_is_kept(sqlite_cli, tmp_path: Path, cut: bytes) -> None:
    """GIVEN an mbox whose last bytes are the start of the next message's "From " line (the file was cut there)
    WHEN imported THEN the complete message before it is imported, and only the cut one is named."""
    from tests.mailfactory import as_mbox_bytes

    box = tmp_path / "cut.mbox"
    box.write_bytes(as_mbox_bytes(search_story()) + cut)
    done = sqlite_cli("mail", "import", str(box))
    out = " ".join(done.stdout.split())
    assert "5 messages read" in out and "1 skipped as unreadable" in out
    assert "cut.mbox#6: the file ends in the middle of this message" in out
    assert _apps(sqlite_cli)["Fernhill Robotics"]["stage"] == "rejected"
