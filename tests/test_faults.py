"""Faults outside a person's control get one plain sentence, never a traceback, and change nothing: a full disk
(a real one: a small tmpfs filled up, in a mount namespace of its own), damaged and foreign database files, a
--home that is a file, paths that cannot be written, undecodable arguments, a database server not there."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import CLI
from tests.mailfactory import search_story, write_mbox

DB = "bounceback.sqlite3"
UNSHARE = shutil.which("unshare")


def _namespace_prefix() -> list[str] | None:
    """How to get a mount namespace here: as root directly, else as a mapped root in a user namespace."""
    if UNSHARE is None or not sys.platform.startswith("linux"):
        return None
    for prefix in ([UNSHARE, "--mount"], [UNSHARE, "--user", "--map-root-user", "--mount"]):
        probe = subprocess.run([*prefix, "true"], capture_output=True, check=False)
        if probe.returncode == 0:
            return prefix
    return None


NAMESPACE = _namespace_prefix()
needs_namespace = pytest.mark.skipif(
    NAMESPACE is None, reason="no mount namespace here (unshare is not allowed)"
)


def on_full_disk(
    home: Path, tmp_path: Path, *args: str, python: str = ""
) -> tuple[subprocess.CompletedProcess[str], Path]:
    """Run `bounceback ARGS` (or a Python snippet) on a copy of `home` on a 4 MB disk filled to the last byte;
    returns what it said and a copy of the workspace as the full disk left it."""
    disk, after = tmp_path / "disk", tmp_path / "after"
    disk.mkdir(parents=True)
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "NO_COLOR": "1", "COLUMNS": "200"}
    command = (
        [sys.executable, "-c", python]
        if python
        else [sys.executable, "-m", "bounceback", "--home", f"{disk}/home", *args]
    )
    script = textwrap.dedent(f"""
        set -e
        mount -t tmpfs -o size=4m tmpfs {disk}
        cp -a {home} {disk}/home
        dd if=/dev/zero of={disk}/filler bs=4096 2>/dev/null || true
        dd if=/dev/zero of={disk}/crumbs bs=1 2>/dev/null || true
        set +e
        "$@" > {tmp_path}/out.txt 2> {tmp_path}/err.txt
        echo $? > {tmp_path}/rc.txt
        rm -f {disk}/filler {disk}/crumbs
        cp -a {disk}/home {after}
    """)
    assert NAMESPACE is not None
    subprocess.run([*NAMESPACE, "sh", "-c", script, "sh", *command], env=env, check=True, timeout=300)
    done = subprocess.CompletedProcess(
        command,
        int((tmp_path / "rc.txt").read_text()),
        (tmp_path / "out.txt").read_text(),
        (tmp_path / "err.txt").read_text(),
    )
    return done, after


def _rows(home: Path) -> dict[str, list[tuple]]:  # type: ignore[type-arg]
    """Every row of the tables a command could change, to compare before and after."""
    with sqlite3.connect(home / DB) as connection:
        return {t: sorted(connection.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
                for t in ("applications", "events", "changes", "checkins", "mail_messages")}  # fmt: skip


@pytest.fixture
def workspace_home(sqlite_cli: CLI, tmp_path: Path) -> Path:
    """A workspace with an application at interviewing, an interview and a note: something to change."""
    sqlite_cli("add", "Fernhill Robotics", "Controls Engineer", "--stage", "interviewing")
    sqlite_cli("interview", "add", "fernhill-robotics-controls-engineer", "2030-01-07 10:00")
    sqlite_cli("note", "fernhill-robotics-controls-engineer", "They liked the PLC story.")
    return sqlite_cli.home


def _answers(tmp_path: Path) -> str:
    path = tmp_path / "checkin.json"
    path.write_text(json.dumps({"who5": [3, 3, 3, 3, 3], "mood": 3}))
    return str(path)


@needs_namespace
@pytest.mark.parametrize(
    "args",
    [
        ("add", "Quayside Books", "Store Manager", "--notes", "x" * 20_000),
        ("note", "fernhill-robotics-controls-engineer", "y" * 20_000),
        ("undo",),
        ("checkin", "--answers", "ANSWERS"),
        ("mail", "import", "MBOX"),
    ],
    ids=["add", "note", "undo", "checkin", "mail-import"],
)
def test_a_change_on_a_full_disk_is_one_sentence_and_keeps_everything(
    workspace_home: Path, tmp_path: Path, args: tuple[str, ...]
) -> None:
    """GIVEN a workspace on a disk with no byte left WHEN a command that writes runs
    THEN it exits 1 with one sentence that says the disk is full, and every row is as it was."""
    mbox = write_mbox(tmp_path / "inbox.mbox", search_story())
    wanted = [_answers(tmp_path) if a == "ANSWERS" else str(mbox) if a == "MBOX" else a for a in args]
    before = _rows(workspace_home)
    done, after = on_full_disk(workspace_home, tmp_path / "run", *wanted)
    said = " ".join((done.stdout + done.stderr).split())
    assert done.returncode == 1, said
    assert "Traceback" not in said and "The disk is full" in said, said
    assert _rows(after) == before


@needs_namespace
@pytest.mark.parametrize(
    "args",
    [("calendar", "export", "OUT"), ("report", "--html", "OUT")],
    ids=["calendar-export", "report-html"],
)
def test_a_file_written_on_a_full_disk_is_not_left_empty_or_half(
    workspace_home: Path, tmp_path: Path, args: tuple[str, ...]
) -> None:
    """GIVEN an older calendar or report already on a full disk WHEN it is written again
    THEN one sentence says the disk is full, and the older file is still there whole (no 0-byte file)."""
    (workspace_home / "out.txt").write_text("the older file\n")
    target = str(tmp_path / "disk" / "home" / "out.txt")
    done, after = on_full_disk(workspace_home, tmp_path, *[target if a == "OUT" else a for a in args])
    said = " ".join((done.stdout + done.stderr).split())
    assert done.returncode == 1 and "Traceback" not in said, said
    assert "the disk is full" in said, said
    assert (after / "out.txt").read_text() == "the older file\n"
    assert not list(after.glob("*.part"))


@needs_namespace
def test_a_web_post_on_a_full_disk_gets_a_plain_page(workspace_home: Path, tmp_path: Path) -> None:
    """GIVEN the dashboard on a full disk WHEN a note is posted THEN a page with one sentence (no bare 500,
    no traceback), the security headers, and the note is not saved."""
    snippet = textwrap.dedent(f"""
        import re, sys, warnings
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
        from bounceback.settings import load_settings
        from bounceback.web.app import create_app
        app = create_app(load_settings(home=__import__("pathlib").Path("{tmp_path}/disk/home")))
        with TestClient(app, base_url="http://127.0.0.1:8765", raise_server_exceptions=False) as client:
            token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/").text).group(1)
            answer = client.post("/applications/1/notes", data={{"csrf_token": token, "text": "z" * 20000}})
            print(answer.status_code, answer.headers.get("content-security-policy", "")[:11])
            print(answer.text)
    """)
    before = _rows(workspace_home)
    done, after = on_full_disk(workspace_home, tmp_path, python=snippet)
    status, _, page = done.stdout.partition("\n")
    assert status == "500 default-src", done.stdout + done.stderr
    assert "The disk is full, so nothing was saved" in page and "Traceback" not in page
    assert _rows(after) == before


def test_damaged_and_foreign_database_files_are_one_sentence_and_left_alone(
    sqlite_cli: CLI, tmp_path: Path
) -> None:
    """GIVEN a workspace file that is text, random bytes, half of a real workspace, or someone else's SQLite
    file with tables of its own WHEN a command runs THEN one sentence says what the file is, exit 1, and the
    file is byte for byte as it was."""
    sqlite_cli("add", "Fernhill Robotics", "Controls Engineer", "--notes", "n" * 4000)
    for n in range(20):
        sqlite_cli("note", "fernhill-robotics-controls-engineer", f"{n} " + "m" * 3000)
    with sqlite3.connect(sqlite_cli.home / DB) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    whole = (sqlite_cli.home / DB).read_bytes()
    foreign = tmp_path / "foreign.sqlite3"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
        connection.execute("INSERT INTO recipes (name) VALUES ('soup')")
    files = {
        "text": b"This is a shopping list, not a database.\n",
        "random": os.urandom(64 * 1024),
        "half": whole[: len(whole) // 2],
        "foreign": foreign.read_bytes(),
    }
    expected = {
        "text": "cannot be read (file is not a database): it is damaged, or it is not a bounceback database.",
        "random": "cannot be read (file is not a database): it is damaged, or it is not a bounceback database.",
        "half": "cannot be read (database disk image is malformed): it is damaged, or it is not a bounceback database.",
        "foreign": "holds tables that are not bounceback's (recipes), so bounceback left it as it is",
    }
    for kind, content in files.items():
        home = tmp_path / kind
        home.mkdir()
        (home / DB).write_bytes(content)
        for args in (("list",), ("add", "Acme", "Analyst")):
            done = CLI(home)(*args, check=False)
            said = " ".join(done.stderr.split())
            assert done.returncode == 1 and "Traceback" not in said, (kind, said)
            assert expected[kind] in said, (kind, said)
        assert (home / DB).read_bytes() == content, kind


def test_a_home_that_is_a_file_is_one_sentence(tmp_path: Path) -> None:
    """GIVEN --home naming a file WHEN a command runs THEN one sentence says it is a file, exit 1."""
    home = tmp_path / "notes.txt"
    home.write_text("mine")
    done = CLI(home)("list", check=False)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "is a file, not a folder" in " ".join(done.stderr.split())
    assert home.read_text() == "mine"


@pytest.mark.parametrize("target", ["/proc/x.ics", "/nonexistent-folder/x.ics"])
def test_a_calendar_that_cannot_be_written_is_one_sentence(sqlite_cli: CLI, target: str) -> None:
    """GIVEN an interview WHEN the calendar is exported where no file can be made THEN one sentence naming it."""
    sqlite_cli("add", "Fernhill Robotics", "Controls Engineer", "--stage", "interviewing")
    done = sqlite_cli("calendar", "export", target, check=False)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert f"“{target}” cannot be written: No such file or directory." in " ".join(done.stderr.split())


def test_an_argument_that_is_not_utf8_is_one_sentence(sqlite_cli: CLI) -> None:
    """GIVEN a company name of bytes that are not UTF-8 WHEN added THEN one sentence naming the argument, exit 1,
    nothing added."""
    done = subprocess.run(
        [sys.executable.encode(), b"-m", b"bounceback", b"add", b"\xff\xfeAcme", b"Analyst"],
        env={**os.environ, "BOUNCEBACK_HOME": str(sqlite_cli.home)}, capture_output=True, check=False,
    )  # fmt: skip
    said = " ".join(done.stderr.decode().split())
    assert done.returncode == 1 and "Traceback" not in said
    assert said == "Argument 2 is not valid UTF-8 text (check the terminal's encoding); nothing was changed."
    assert json.loads(sqlite_cli("list", "--json").stdout) == []


def test_a_database_server_that_is_not_there_is_one_sentence(tmp_path: Path) -> None:
    """GIVEN a PostgreSQL URL on a port where nothing listens WHEN a command runs THEN one sentence says the
    server cannot be reached, without the password."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    done = CLI(tmp_path / "home", f"postgresql+psycopg://robin:s3cret@127.0.0.1:{port}/search")(
        "list", check=False
    )
    said = " ".join(done.stderr.split())
    assert done.returncode == 1 and "Traceback" not in said
    assert (
        said.startswith("Cannot reach the database server (connection failed:")
        and "Connection refused" in said
    )
    assert "s3cret" not in said


def test_a_huge_salary_is_one_sentence(sqlite_cli: CLI) -> None:
    """GIVEN a salary of 10^22 (more than the database can hold) WHEN added THEN the rule book's sentence."""
    done = sqlite_cli("add", "Acme", "Analyst", "--salary-min", str(10**22), check=False)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.strip() == f"The lowest salary is 0 to 2,000,000,000, not {10**22}."


def test_an_unforeseen_error_is_one_sentence_and_a_log_with_the_traceback(
    sqlite_cli: CLI, tmp_path: Path
) -> None:
    """GIVEN a workspace whose schema was broken behind bounceback's back (a column dropped) WHEN a command
    meets it THEN one sentence names a log file, the log holds the traceback, and no traceback is printed."""
    sqlite_cli("add", "Acme", "Analyst")
    with sqlite3.connect(sqlite_cli.home / DB) as connection:
        connection.execute("ALTER TABLE events DROP COLUMN summary")
    done = sqlite_cli("note", "acme-analyst", "hello", check=False)
    said = " ".join(done.stderr.split())
    assert done.returncode == 1 and "Traceback" not in said
    assert said.startswith("Something went wrong that bounceback did not expect (")
    log = sqlite_cli.home / "logs" / "bounceback.log"
    assert f"the details are in {log}." in said
    assert "Traceback (most recent call last)" in log.read_text()
