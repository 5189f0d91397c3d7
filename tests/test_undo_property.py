"""Undo as a property: any sequence of tracker changes, each its own step, followed by as many undos as steps
were recorded, gives back the workspace it started from, export for export (real SQLite files)."""

from __future__ import annotations

import shutil
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from bounceback.domain.errors import BouncebackError
from bounceback.domain.model import ContactRole, Interview, InterviewKind
from bounceback.domain.stages import Stage
from bounceback.settings import load_settings
from bounceback.storage.schema import changes
from bounceback.storage.workspace import Workspace
from bounceback.tracker import Tracker
from bounceback.transfer.json_export import export_document

AT = datetime(2026, 3, 14, 9, 0, tzinfo=UTC)
COMPANIES = ["Acme", "Globex", "Initech"]
ROLES = ["Data Engineer", "Analyst", "Platform Engineer"]
WORDS = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=16)
APP = st.integers(0, 9)  # a position among the applications there are at the time (taken modulo their number)

OPERATIONS = st.one_of(
    st.tuples(st.just("add"), st.sampled_from(COMPANIES), st.sampled_from(ROLES), st.sampled_from(Stage)),
    st.tuples(
        st.just("edit"),
        APP,
        st.sampled_from(
            ["location", "notes", "role", "excitement", "url", "tags", "salary_min", "dream_job"]
        ),
        WORDS,
    ),
    st.tuples(st.just("move"), APP, st.sampled_from(Stage)),
    st.tuples(
        st.just("close"), APP, st.sampled_from([Stage.REJECTED, Stage.WITHDRAWN, Stage.GHOSTED]), WORDS
    ),
    st.tuples(st.just("note"), APP, WORDS),
    st.tuples(
        st.just("contact"), APP, WORDS, st.sampled_from(["", "dana@acme.example", "sam@globex.example"])
    ),
    st.tuples(st.just("interview"), APP, st.integers(-20, 40), st.booleans()),
    st.tuples(st.just("delete"), APP),
)


def _value(field: str, word: str) -> Any:
    """A value of the right type for a field, made from a drawn word."""
    if field == "excitement":
        return len(word) % 5 + 1
    if field == "salary_min":
        return len(word) * 1000
    if field == "dream_job":
        return len(word) % 2 == 0
    if field == "tags":
        return [word]
    return word


def apply(tracker: Tracker, op: tuple[Any, ...], step: int) -> None:
    """Make one change as the commands do (a refused one raises and changes nothing)."""
    kind, *args = op
    if kind == "add":
        company, role, stage = args
        tracker.add(company, role, stage=stage, when=AT + timedelta(hours=step))
        return
    apps = tracker.applications()
    if not apps:
        return
    app = apps[args[0] % len(apps)]
    when = AT + timedelta(hours=step)
    if kind == "edit":
        tracker.edit(app, **{args[1]: _value(args[1], args[2])})
    elif kind == "move":
        tracker.move(app, args[1], when=when)
    elif kind == "close":
        tracker.move(app, args[1], when=when, reason=args[2])
    elif kind == "note":
        tracker.note(app, args[1], when=when)
    elif kind == "contact":
        person = tracker.add_contact(args[1], company=tracker.company_of(app).name, email=args[2])
        tracker.link(app, person, ContactRole.INTERVIEWER, when=when)
    elif kind == "interview":
        days, screening = args[1], args[2]
        starts = AT + timedelta(days=days)
        interview = Interview(
            application_id=0, starts_at=starts, kind=InterviewKind.VIDEO, timezone="Europe/Berlin"
        )
        tracker.add_interview(app, interview, screening=screening, when=when)
    elif kind == "delete":
        tracker.delete(app)


def recorded(ws: Workspace) -> int:
    """How many undo steps there are now."""
    with ws.read() as session:
        query = select(func.count()).select_from(changes).where(changes.c.undone.is_(False))
        return int(session.scalar(query) or 0)


def exported(ws: Workspace) -> dict[str, Any]:
    with ws.read() as session:
        return export_document(session, ws.owner_id, exported_at=AT)


@pytest.fixture(scope="module")
def started(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file holding a small search to start from (copied for each example)."""
    home = tmp_path_factory.mktemp("start")
    ws = Workspace(load_settings(home=home, database_url=f"sqlite:///{home / 'start.sqlite3'}"))
    with ws.change("start") as session:
        tracker = Tracker(session, ws.owner_id)
        acme = tracker.add("Acme", "Data Engineer", stage=Stage.APPLIED, when=AT - timedelta(days=9))
        tracker.add("Globex", "Analyst", when=AT - timedelta(days=3), notes="ask about the 4-day week")
        tracker.link(acme, tracker.add_contact("Dana Smith", company="Acme", email="dana@acme.example"),
                     ContactRole.RECRUITER, when=AT - timedelta(days=8))  # fmt: skip
    ws.close()
    return home / "start.sqlite3"


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(operations=st.lists(OPERATIONS, min_size=1, max_size=8))
def test_as_many_undos_as_changes_give_back_the_start(
    started: Path, operations: list[tuple[Any, ...]]
) -> None:
    """GIVEN a workspace WHEN any sequence of adds, edits, moves, closes, notes, contacts, interviews and
    deletes is made (each its own change; refused ones change nothing) and then undone as many times as
    changes were recorded THEN its export is the one it started with."""
    with tempfile.TemporaryDirectory() as folder:
        shutil.copy(started, Path(folder) / "ws.sqlite3")
        ws = Workspace(
            load_settings(home=Path(folder), database_url=f"sqlite:///{Path(folder) / 'ws.sqlite3'}")
        )
        try:
            before, steps_before = exported(ws), recorded(ws)
            for step, op in enumerate(operations):
                try:
                    with ws.change(f"step {step}: {op[0]}") as session:
                        apply(Tracker(session, ws.owner_id), op, step)
                except BouncebackError:
                    pass  # refused as the command would refuse it: rolled back, nothing recorded
            made = recorded(ws) - steps_before
            for _ in range(made):
                ws.undo()
            assert exported(ws) == before
            assert recorded(ws) == steps_before
        finally:
            ws.close()


def test_an_undo_the_database_refuses_is_one_sentence_and_changes_nothing(sqlite_cli: Any) -> None:
    """GIVEN an undo step as journals recorded it before old values were read from the database (it would set
    a required column to nothing) WHEN `undo` meets it THEN one sentence names the step and the reason, exit 1,
    and the workspace is as it was."""
    from sqlalchemy import insert

    sqlite_cli("add", "Acme", "Data Engineer")
    before = sqlite_cli("export").stdout.splitlines()[4:]
    ws = Workspace(load_settings(home=sqlite_cli.home))
    broken = [{"op": "update", "table": "applications", "id": 1, "row": {"stage": None}}]
    with ws.change("none") as session:
        session.execute(insert(changes).values(owner_id=ws.owner_id, at=AT, summary="Reviewed email “Hello”",
                                               origin="email", operations=broken, undone=False))  # fmt: skip
    ws.close()
    done = sqlite_cli("undo", check=False)
    assert done.returncode == 1
    sentence = " ".join(done.stderr.split())
    assert "The last change (“Reviewed email “Hello””) cannot be undone, so nothing was changed" in sentence
    assert "Traceback" not in done.stderr
    assert sqlite_cli("export").stdout.splitlines()[4:] == before
