"""The due list from what is kept for it: the timeline entries the rules read come from partial indexes the
database keeps current on every write (storage/due_sql.py), and whatever happened, undo included, the due list
derived from them is the one derived from whole timelines."""

from __future__ import annotations

import shutil
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bounceback.domain.due import due_now
from bounceback.domain.due_rules import NEXT_STEP, derive_due
from bounceback.domain.errors import BouncebackError
from bounceback.domain.model import ContactRole, EventKind, Interview, InterviewKind
from bounceback.domain.outreach import ANSWER_BY, FEEDBACK_TO, RECONNECT_ON, SENT
from bounceback.domain.stages import Stage
from bounceback.outreach.snapshot import due_rules, load_due, load_state
from bounceback.settings import Settings, load_settings
from bounceback.storage.due_sql import DUE_DETAIL_KEYS
from bounceback.tracker import Tracker
from bounceback.workspace import ReadModel, Workspace

AT = datetime(2026, 3, 14, 9, 0, tzinfo=UTC)
APP = st.integers(0, 9)  # a position among the applications there are at the time
HOURS = st.integers(-30 * 24, 30 * 24)  # when, around AT: stage changes ahead of `now` must not count yet
# Moments the due list is derived at: before, amid and long after what the operations write.
MOMENTS = [AT - timedelta(days=40), AT, AT + timedelta(days=3, hours=5), AT + timedelta(days=45)]

OPERATIONS = st.one_of(
    st.tuples(st.just("add"), st.sampled_from(["Acme", "Globex", "Initech"]), st.sampled_from(Stage), HOURS),
    st.tuples(st.just("move"), APP, st.sampled_from(Stage), HOURS),
    st.tuples(st.just("note"), APP, HOURS),
    st.tuples(st.just("promise"), APP, HOURS, st.integers(0, 20)),
    st.tuples(st.just("employer_mail"), APP, HOURS),
    st.tuples(
        st.just("sent"), APP, HOURS, st.sampled_from(["follow_up", "thank_you", "reconnect", "nonsense"])
    ),
    st.tuples(st.just("plan_reconnect"), APP, HOURS, st.integers(1, 200)),
    st.tuples(st.just("feedback_to"), APP, HOURS),
    st.tuples(st.just("next_step"), APP, HOURS, st.integers(-5, 20)),
    st.tuples(st.just("contact"), APP, st.sampled_from(list(ContactRole))),
    st.tuples(st.just("interview"), APP, HOURS),
    st.tuples(st.just("delete"), APP),
    st.tuples(st.just("undo")),
)


def apply(tracker: Tracker, op: tuple[Any, ...]) -> None:
    """Make one change as the commands and the importer do."""
    kind, *args = op
    if kind == "add":
        company, stage, hours = args
        tracker.add(company, "Data Engineer", stage=stage, when=AT + timedelta(hours=hours))
        return
    apps = tracker.applications()
    if not apps:
        return
    app = apps[args[0] % len(apps)]
    when = AT + timedelta(hours=args[1]) if len(args) > 1 and isinstance(args[1], int) else AT
    if kind == "move":
        tracker.move(app, args[1], when=AT + timedelta(hours=args[2]), reason="drawn")
    elif kind == "note":
        tracker.note(app, "a plain note", when=when)
    elif kind == "promise":
        day = (when + timedelta(days=args[2])).date().isoformat()
        tracker.record(app, EventKind.NOTE, when, "answer promised", details={ANSWER_BY: day})
    elif kind == "employer_mail":
        tracker.record(app, EventKind.EMAIL, when, "Re: your application")
    elif kind == "sent":
        details: dict[str, Any] = {SENT: args[2], "contact": 0}
        tracker.record(app, EventKind.EMAIL, when, "sent", details=details)
    elif kind == "plan_reconnect":
        people = tracker.people_of(app)
        contact = people[0][0].id if people else 1
        day = (when + timedelta(days=args[2])).date().isoformat()
        tracker.record(
            app, EventKind.NOTE, when, "write again", details={RECONNECT_ON: day, "contact_id": contact}
        )
    elif kind == "feedback_to":
        people = tracker.people_of(app)
        tracker.record(
            app, EventKind.NOTE, when, "ask", details={FEEDBACK_TO: people[0][0].id if people else 0}
        )
    elif kind == "next_step":
        day = (when + timedelta(days=args[2])).date().isoformat()
        tracker.record(app, EventKind.NOTE, when, "next", details={NEXT_STEP: "write to Dana", "by": day})
    elif kind == "contact":
        person = tracker.add_contact(
            "Dana Smith", company=tracker.company_of(app).name, email="dana@acme.example"
        )
        tracker.link(app, person, args[1], when=AT)
    elif kind == "interview":
        interview = Interview(application_id=0, starts_at=when, kind=InterviewKind.VIDEO, timezone="UTC")
        tracker.add_interview(app, interview, when=AT)
    elif kind == "delete":
        tracker.delete(app)


def assert_kept_equals_full(read: ReadModel, settings_: Settings) -> None:
    """At every moment, the due list from the kept entries is the one from whole timelines, item for item; and
    the kept entries are whole timelines' entries, in their order."""
    for now in MOMENTS:
        rules = due_rules(settings_, now)
        kept, full = load_state(read, now), load_state(read)
        assert derive_due(kept, rules, now) == derive_due(full, rules, now)
        for app_id, events in kept.events.items():
            ids = [e.id for e in events]
            assert [e.id for e in full.events[app_id] if e.id in ids] == ids


@pytest.fixture(scope="module")
def started(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file holding a small search: a rejection after an interview, and one waiting."""
    home = tmp_path_factory.mktemp("due-start")
    ws = Workspace(load_settings(home=home, database_url=f"sqlite:///{home / 'start.sqlite3'}"))
    with ws.change("start") as change:
        tracker = change.tracker
        acme = tracker.add("Acme", "Data Engineer", stage=Stage.INTERVIEWING, when=AT - timedelta(days=20))
        tracker.link(acme, tracker.add_contact("Dana Smith", company="Acme", email="dana@acme.example"),
                     ContactRole.INTERVIEWER, when=AT - timedelta(days=19))  # fmt: skip
        tracker.move(acme, Stage.REJECTED, when=AT - timedelta(days=2), reason="went with another")
        globex = tracker.add("Globex", "Analyst", stage=Stage.APPLIED, when=AT - timedelta(days=12))
        tracker.link(globex, tracker.add_contact("Sam Lee", company="Globex", email="sam@globex.example"),
                     ContactRole.RECRUITER, when=AT - timedelta(days=11))  # fmt: skip
    ws.close()
    return home / "start.sqlite3"


def test_the_indexed_entries_carry_every_key_the_rules_read() -> None:
    """GIVEN the detail keys the due rules look at WHEN the indexed predicate is built THEN it names them all."""
    assert set(DUE_DETAIL_KEYS) == {ANSWER_BY, RECONNECT_ON, FEEDBACK_TO, NEXT_STEP}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(operations=st.lists(OPERATIONS, min_size=1, max_size=10))
@example(operations=[("move", 1, Stage.SCREENING, 100), ("undo",)])  # a stage change ahead of now, taken back
def test_due_from_kept_entries_equals_the_full_derivation_after_any_changes(
    started: Path, operations: list[tuple[Any, ...]]
) -> None:
    """GIVEN a small search WHEN any sequence of adds, moves (ahead of time too), notes, promised days, emails
    either way, reconnect plans, feedback choices, next steps, contacts, interviews, deletes and undos is made
    THEN after each one the due list from the kept entries equals the one from whole timelines, at moments
    before, amid and after them."""
    with tempfile.TemporaryDirectory() as folder:
        shutil.copy(started, Path(folder) / "ws.sqlite3")
        chosen = load_settings(home=Path(folder), database_url=f"sqlite:///{Path(folder) / 'ws.sqlite3'}")
        ws = Workspace(chosen)
        try:
            for step, op in enumerate(operations):
                try:
                    if op[0] == "undo":
                        ws.undo()
                    else:
                        with ws.change(f"step {step}: {op[0]}") as change:
                            apply(change.tracker, op)
                except BouncebackError:
                    pass  # refused as the command would refuse it: nothing changed
                with ws.read() as read:
                    assert_kept_equals_full(read, chosen)
        finally:
            ws.close()


def test_kept_entries_equal_the_full_derivation_on_both_databases(settings: Settings) -> None:
    """GIVEN the same story on SQLite and on PostgreSQL WHEN the due list is derived THEN the kept entries give
    exactly the full derivation's list (the partial indexes' predicates are each database's own SQL)."""
    ws = Workspace.open(settings)
    try:
        story = [
            ("add", "Acme", Stage.INTERVIEWING, -400), ("contact", 0, ContactRole.INTERVIEWER),
            ("interview", 0, -300), ("sent", 0, -290, "thank_you"), ("employer_mail", 0, -200),
            ("move", 0, Stage.REJECTED, -100), ("feedback_to", 0, -99), ("plan_reconnect", 0, -98, 30),
            ("next_step", 0, -97, 3), ("add", "Globex", Stage.APPLIED, -300), ("contact", 1, ContactRole.RECRUITER), ("promise", 1, -250, 4),
            ("sent", 1, -100, "follow_up"), ("move", 1, Stage.SCREENING, 200), ("add", "Acme", Stage.SAVED, -50),
        ]  # fmt: skip
        for step, op in enumerate(story):
            with ws.change(f"step {step}") as change:
                apply(change.tracker, op)
        with ws.read() as read:
            assert_kept_equals_full(read, settings)
            kinds = {
                item.kind.value for item in derive_due(load_state(read, AT), due_rules(settings, AT), AT)
            }
        assert {"feedback", "reconnect", "next_step", "follow_up"} <= kinds  # the story reaches the rules
        ws.undo()
        with ws.read() as read:
            assert_kept_equals_full(read, settings)
    finally:
        ws.close()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Settings, datetime]:
    """The demo, built once."""
    from bounceback.demo import build_demo, demo_settings

    folder = tmp_path_factory.mktemp("due-demo")
    chosen = demo_settings(folder, {})
    now = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)
    build_demo(chosen, now=now)
    return chosen, now


def test_due_on_the_demo_is_the_full_derivation(demo: tuple[Settings, datetime]) -> None:
    """GIVEN the demo WHEN `due` derives its list (what it shows, and everything derived) at moments around the
    demo's today THEN it is exactly the list derived from whole timelines."""
    chosen, today = demo
    ws = Workspace.open(chosen)
    with ws.read() as read:
        answers = {a.key: a for a in read.reminder_states()}
        for now in (
            today - timedelta(days=30),
            today,
            today + timedelta(days=2),
            today + timedelta(days=100),
        ):
            view = load_due(chosen, read, now)
            rules = due_rules(chosen, now)
            full = derive_due(load_state(read), rules, now)
            assert view.derived == full
            assert view.shown == due_now(full, answers, now)
        assert load_due(chosen, read, today).shown  # the demo has things due today: the comparison bites
