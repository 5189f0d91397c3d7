"""Faults during import: a real kill -9 mid-import, and generated malformed mail through the whole import."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.mailfactory import as_mbox_bytes, mail

COMPANIES = ["Fernhill Robotics", "Quayside Books", "Larkspur Clinics", "Ostrava Freight", "Tamsin Labs"]
ROLES = ["Controls Engineer", "Store Manager", "Practice Nurse", "Route Planner", "Lab Technician"]


def _busy_mailbox(n: int) -> bytes:
    """n messages: mostly newsletters and notes, with acknowledgments, invitations and rejections between."""
    messages = []
    for i in range(n):
        company, role = COMPANIES[i % 5], ROLES[i % 5]
        kind = i % 10
        if kind == 0:
            subject, body = (
                f"Thanks for applying to {company}",
                (
                    f"Hi Robin, thank you for applying for the {role} position at {company}. We are reviewing "
                    "applications and will contact you if there is a match."
                ),
            )
        elif kind == 3:
            subject, body = (
                f"Interview invitation: {role}",
                (
                    f"Hi Robin, we'd like to invite you to a video interview for the {role} role at {company}. "
                    "Please choose a time that suits you from the links below."
                ),
            )
        elif kind == 7:
            subject, body = (
                f"Your application to {company}",
                (
                    f"Dear Robin, thank you for your interest in the {role} role. After careful review we have "
                    "decided to move forward with other candidates. We wish you every success."
                ),
            )
        else:
            subject, body = (
                f"Community notes #{i}",
                f"Notes from the allotment society, week {i}. Bring gloves.",
            )
        sender = (
            f"{company} <careers@{company.split()[0].lower()}.example>"
            if kind in (0, 3, 7)
            else "notes@allot.example"
        )
        messages.append(mail(sender, subject, body, n=i))
    return as_mbox_bytes(messages)


def _dump(db: Path) -> list[tuple]:
    """Every row of the tracker and mail tables, in id order (the undo journal's wall-clock times left out)."""
    with sqlite3.connect(db) as connection:
        rows: list[tuple] = []
        for table in (
            "companies",
            "applications",
            "events",
            "contacts",
            "application_contacts",
            "mail_messages",
        ):
            rows += [(table, *r) for r in connection.execute(f"SELECT * FROM {table} ORDER BY id")]
        rows += [
            ("changes", *r)
            for r in connection.execute("SELECT id, summary, operations, undone FROM changes ORDER BY id")
        ]
    return rows


def _import(home: Path, box: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "BOUNCEBACK_HOME": str(home)}
    return subprocess.Popen(
        [sys.executable, "-m", "bounceback", "mail", "import", str(box)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _committed_messages(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=1) as connection:
            return int(connection.execute("SELECT count(*) FROM mail_messages").fetchone()[0])
    except sqlite3.Error:
        return 0


@pytest.mark.slow
def test_kill_minus_nine_mid_import_then_rerun_equals_one_clean_run(tmp_path: Path) -> None:
    """GIVEN a large mailbox WHEN an import is killed with SIGKILL after its first batches and run again
    THEN the database is exactly what one uninterrupted import gives: nothing lost, nothing twice."""
    box = tmp_path / "busy.mbox"
    box.write_bytes(_busy_mailbox(1500))
    clean_home, killed_home = tmp_path / "clean", tmp_path / "killed"
    assert _import(clean_home, box).wait(timeout=600) == 0

    victim = _import(killed_home, box)
    db = killed_home / "bounceback.sqlite3"
    deadline = time.monotonic() + 300
    while _committed_messages(db) == 0 and time.monotonic() < deadline and victim.poll() is None:
        time.sleep(0.05)
    committed_at_kill = _committed_messages(db)
    victim.send_signal(signal.SIGKILL)
    victim.wait(timeout=30)
    assert 0 < committed_at_kill < 1500, "the kill should land mid-import"
    assert victim.returncode == -signal.SIGKILL

    assert _import(killed_home, box).wait(timeout=600) == 0
    assert _dump(db) == _dump(clean_home / "bounceback.sqlite3")


@pytest.fixture(scope="module")
def shared_classifier(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from bounceback.mail.classify.corpus import load_or_train

    return load_or_train(tmp_path_factory.mktemp("model"))


_header_names = st.sampled_from(
    [
        "From",
        "To",
        "Subject",
        "Date",
        "Message-ID",
        "Content-Type",
        "Content-Transfer-Encoding",
        "MIME-Version",
        "X-Junk",
    ]
)
_header_values = st.one_of(
    st.text(max_size=60),
    st.sampled_from(
        [
            "=?utf-8?B?!!!?=",
            "=?x-unknown?Q?caf=E9?=",
            "multipart/alternative; boundary=",
            "text/plain; charset=klingon",
            "base64",
            "not a date",
            "<>",
        ]
    ),
)
_bodies = st.one_of(
    st.binary(max_size=400), st.text(max_size=400).map(lambda t: t.encode("utf-8", "surrogatepass"))
)
_messages = st.builds(
    lambda headers, body: (
        b"".join(f"{k}: {v}".encode("utf-8", "surrogatepass") + b"\n" for k, v in headers) + b"\n" + body
    ),
    st.lists(st.tuples(_header_names, _header_values), max_size=8),
    _bodies,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(garbage=st.lists(_messages, min_size=1, max_size=5))
def test_generated_malformed_mail_never_breaks_an_import(
    garbage: list[bytes], tmp_path: Path, shared_classifier
) -> None:  # type: ignore[no-untyped-def]
    """GIVEN good messages with generated malformed ones between them WHEN the whole import runs
    THEN it finishes, every good message is imported, and every bad one is either read or named."""
    from bounceback.mail.importer import MailImporter
    from bounceback.mail.message import RawMail
    from bounceback.settings import load_settings
    from bounceback.storage.workspace import Workspace
    from tests.mailfactory import search_story

    home = tmp_path / uuid.uuid4().hex  # hypothesis reruns examples with the same tmp_path
    workspace = Workspace(load_settings(home=home, database_url=f"sqlite:///{home}/db.sqlite3"))
    good = [RawMail(f"good#{i}", bytes(m)) for i, m in enumerate(search_story())]
    bad = [RawMail(f"bad#{i}", raw) for i, raw in enumerate(garbage)]
    items = [good[0], *bad, *good[1:]]
    summary = MailImporter(workspace, lambda: shared_classifier).run(items)
    assert summary.messages == len(items)
    assert summary.malformed + summary.already_seen <= len(bad)
    with sqlite3.connect(home / "db.sqlite3") as connection:
        keys = {r[0].split(" ")[0] for r in connection.execute("SELECT key FROM mail_messages")}
        stages = dict(
            connection.execute(
                "SELECT c.name, a.stage FROM applications a JOIN companies c ON c.id = a.company_id"
            )
        )
    assert {f"<test-{n}@mail.example>" for n in (0, 3, 30, 40, 200)} <= keys
    assert stages.get("Fernhill Robotics") == "rejected"
    workspace.close()
