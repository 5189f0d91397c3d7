"""The tracker on a real database (SQLite and PostgreSQL): writes, timelines, undo, transactions, schema guard."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.pool import NullPool

from bounceback.domain.errors import InvalidInput, NotFound, StorageError, TransitionNotAllowed
from bounceback.domain.model import (
    Application,
    ContactRole,
    EventKind,
    Interview,
    InterviewKind,
    Source,
    WorkMode,
)
from bounceback.domain.stages import Stage, allowed_targets
from bounceback.storage.schema import metadata
from bounceback.tracker import Tracker
from bounceback.workspace import Workspace

WHEN = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
Snapshot = dict[str, list[tuple[Any, ...]]]


def snapshot(url: str, *, skip: tuple[str, ...] = ()) -> Snapshot:
    """Every row of every table (and the schema revision), read through a separate plain connection."""
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as connection:
            data = {
                table.name: [tuple(r) for r in connection.execute(select(table).order_by(*table.primary_key))]
                for table in metadata.sorted_tables
                if table.name not in skip
            }
            data["alembic_version"] = [
                tuple(r) for r in connection.execute(text("SELECT * FROM alembic_version"))
            ]
    finally:
        engine.dispose()
    return data


@contextmanager
def tracking(ws: Workspace, summary: str = "change") -> Iterator[Tracker]:
    """A tracker inside one journaled change."""
    with ws.change(summary) as change:
        yield change.tracker


@contextmanager
def reading(ws: Workspace) -> Iterator[Tracker]:
    """A tracker for reading only (a change that writes nothing is no undo step); what it loaded stays
    readable after the change ends."""
    with ws.change("look") as change:
        yield change.tracker


def timeline_of(ws: Workspace, name: str) -> list[tuple[EventKind, str, Stage | None, Stage | None]]:
    """(kind, summary, from, to) of an application's events, oldest first."""
    with reading(ws) as tracker:
        return [(e.kind, e.summary, e.from_stage, e.to_stage) for e in tracker.timeline(tracker.find(name))]


def application(ws: Workspace, name: str) -> Application:
    """An application as stored now."""
    with reading(ws) as tracker:
        return tracker.find(name)


def count_rows(url: str, table: str) -> int:
    """Rows in a table, read through a separate connection."""
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as connection:
            return int(
                connection.execute(select(func.count()).select_from(metadata.tables[table])).scalar_one()
            )
    finally:
        engine.dispose()


def test_add_records_every_field_and_walks_the_timeline(workspace: Workspace) -> None:
    """GIVEN a fresh database WHEN an application is added at interviewing with details THEN all are stored."""
    with tracking(workspace, "add") as tracker:
        tracker.add(
            "Acme Inc.",
            "Data Engineer",
            stage=Stage.INTERVIEWING,
            when=WHEN,
            location="Berlin",
            work_mode=WorkMode.HYBRID,
            source=Source.REFERRAL,
            url="https://acme.example/jobs/1",
            salary_min=60000,
            salary_max=75000,
            salary_currency="EUR",
            deadline=date(2026, 4, 1),
            excitement=4,
            dream_job=True,
            tags=["data", "python"],
            notes="Met them at a meetup.",
        )
    app = application(workspace, "acme-data-engineer")
    assert (app.stage, app.furthest_stage, app.interview_rounds) == (
        Stage.INTERVIEWING,
        Stage.INTERVIEWING,
        1,
    )
    assert (app.location, app.work_mode, app.source) == ("Berlin", WorkMode.HYBRID, Source.REFERRAL)
    assert (app.salary_min, app.salary_max, app.salary_currency) == (60000, 75000, "EUR")
    assert (app.saved_on, app.applied_on, app.deadline) == (WHEN.date(), WHEN.date(), date(2026, 4, 1))
    assert (app.excitement, app.dream_job, app.tags) == (4, True, ["data", "python"])
    assert app.created_at == WHEN
    assert app.created_at.tzinfo is not None
    assert timeline_of(workspace, "acme-data-engineer") == [
        (EventKind.CREATED, "Added Data Engineer at Acme Inc.", None, Stage.SAVED),
        (EventKind.STAGE, "Moved to interviewing", Stage.SAVED, Stage.INTERVIEWING),
    ]


def test_add_straight_to_rejected_steps_through_applied(workspace: Workspace) -> None:
    """GIVEN a rejection for something never tracked WHEN added as rejected THEN it walks via applied."""
    with tracking(workspace) as tracker:
        tracker.add("Globex", "Analyst", stage=Stage.REJECTED, when=WHEN)
    app = application(workspace, "globex-analyst")
    assert (app.stage, app.furthest_stage, app.closed_from) == (Stage.REJECTED, Stage.APPLIED, Stage.APPLIED)
    assert [t[1] for t in timeline_of(workspace, "globex-analyst")] == [
        "Added Analyst at Globex",
        "Moved to applied",
        "Rejected at applied",
    ]


def test_same_company_written_twice_is_one_company(workspace: Workspace) -> None:
    """GIVEN 'Acme Inc.' WHEN 'ACME' is added later THEN both applications share one company."""
    with tracking(workspace) as tracker:
        first = tracker.add("Acme Inc.", "Data Engineer")
        second = tracker.add("ACME", "Data Engineer")
    assert first.company_id == second.company_id
    assert (first.slug, second.slug) == ("acme-data-engineer", "acme-data-engineer-2")
    with reading(workspace) as tracker:
        assert [c.name for c in tracker.companies()] == ["Acme Inc."]


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"excitement": 6}, "Excitement is 1 to 5, not 6."),
        ({"salary_min": 90000, "salary_max": 50000}, "The salary range 90000–50000 runs backwards."),
        ({"colour": "blue"}, "Unknown field(s): colour."),
    ],
)
def test_add_refuses_impossible_values(workspace: Workspace, values: dict[str, Any], message: str) -> None:
    """GIVEN a value the domain cannot hold WHEN added THEN one sentence names it and nothing is stored."""
    before = snapshot(workspace.settings.url)
    with pytest.raises(InvalidInput) as raised, tracking(workspace) as tracker:
        tracker.add("Acme", "Data Engineer", **values)
    assert raised.value.message == message
    assert snapshot(workspace.settings.url) == before


def test_edit_changes_fields_renames_and_is_undone(workspace: Workspace) -> None:
    """GIVEN an application WHEN its role, tags and location change THEN slug and timeline follow; undo reverts."""
    with tracking(workspace) as tracker:
        tracker.add("Acme", "Data Engineer", when=WHEN, tags=["data"])
    before = snapshot(workspace.settings.url, skip=("changes",))
    with tracking(workspace, "edit") as tracker:
        changed = tracker.edit(
            tracker.find("acme"), role="Staff Data Engineer", tags=["data", "lead"], location=""
        )
    assert changed == ["role", "tags"]
    app = application(workspace, "acme")
    assert (app.slug, app.role, app.tags) == (
        "acme-staff-data-engineer",
        "Staff Data Engineer",
        ["data", "lead"],
    )
    assert timeline_of(workspace, "acme")[-1] == (
        EventKind.EDITED,
        "Role now Staff Data Engineer and tags now data, lead",
        None,
        None,
    )
    assert workspace.undo() == "edit"
    assert snapshot(workspace.settings.url, skip=("changes",)) == before


def test_an_edit_that_changes_nothing_is_not_an_undo_step(workspace: Workspace) -> None:
    """GIVEN an edit to the same values WHEN undo runs THEN the change before it is the one undone."""
    with tracking(workspace, "add") as tracker:
        tracker.add("Acme", "Data Engineer", location="Berlin")
    with tracking(workspace, "same") as tracker:
        assert tracker.edit(tracker.find("acme"), location="Berlin") == []
    assert [t[0] for t in timeline_of(workspace, "acme")] == [EventKind.CREATED]
    assert workspace.undo() == "add"


def test_move_twice_to_interviewing_counts_round_two(workspace: Workspace) -> None:
    """GIVEN an application interviewing WHEN moved to interviewing again THEN round 2 is on the timeline."""
    with tracking(workspace) as tracker:
        app = tracker.add("Acme", "Data Engineer", stage=Stage.APPLIED, when=WHEN)
        tracker.move(app, Stage.INTERVIEWING, when=WHEN + timedelta(days=3))
    with tracking(workspace) as tracker:
        event = tracker.move(tracker.find("acme"), Stage.INTERVIEWING, when=WHEN + timedelta(days=9))
    assert (event.summary, event.details) == ("Interview round 2", {"round": 2})
    app = application(workspace, "acme")
    assert (app.interview_rounds, app.last_activity_at) == (2, WHEN + timedelta(days=9))
    assert timeline_of(workspace, "acme")[-2:] == [
        (EventKind.STAGE, "Moved to interviewing", Stage.APPLIED, Stage.INTERVIEWING),
        (EventKind.STAGE, "Interview round 2", Stage.INTERVIEWING, Stage.INTERVIEWING),
    ]


def test_close_keeps_where_it_got_and_why(workspace: Workspace) -> None:
    """GIVEN an application at interviewing WHEN closed as rejected with a reason THEN all of it is kept."""
    with tracking(workspace) as tracker:
        tracker.add("Acme", "Data Engineer", stage=Stage.INTERVIEWING, when=WHEN)
    closed_at = WHEN + timedelta(days=5)
    with tracking(workspace) as tracker:
        tracker.move(
            tracker.find("acme"), Stage.REJECTED, when=closed_at, reason="went with an internal candidate"
        )
    app = application(workspace, "acme")
    assert (app.stage, app.closed_from, app.furthest_stage) == (
        Stage.REJECTED,
        Stage.INTERVIEWING,
        Stage.INTERVIEWING,
    )
    assert (app.close_reason, app.closed_at, app.is_active) == (
        "went with an internal candidate",
        closed_at,
        False,
    )
    assert timeline_of(workspace, "acme")[-1] == (
        EventKind.STAGE,
        "Rejected at interviewing: went with an internal candidate",
        Stage.INTERVIEWING,
        Stage.REJECTED,
    )


def test_a_forbidden_move_inside_a_change_keeps_nothing(workspace: Workspace) -> None:
    """GIVEN a change that adds a note and then tries a forbidden move WHEN it fails THEN the note is gone too."""
    with tracking(workspace) as tracker:
        tracker.add("Acme", "Data Engineer", stage=Stage.OFFER, when=WHEN)
    before = snapshot(workspace.settings.url)
    with pytest.raises(TransitionNotAllowed), tracking(workspace) as tracker:
        app = tracker.find("acme")
        tracker.note(app, "Negotiating.")
        tracker.move(app, Stage.APPLIED)
    assert snapshot(workspace.settings.url) == before


def test_note_goes_on_the_timeline(workspace: Workspace) -> None:
    """GIVEN an application WHEN a note is added THEN it is the last timeline entry, trimmed."""
    with tracking(workspace) as tracker:
        tracker.add("Acme", "Data Engineer", when=WHEN)
    with tracking(workspace) as tracker:
        tracker.note(tracker.find("acme"), "  Asked about the team size.  ", when=WHEN + timedelta(hours=1))
    assert timeline_of(workspace, "acme")[-1] == (EventKind.NOTE, "Asked about the team size.", None, None)
    with pytest.raises(InvalidInput), tracking(workspace) as tracker:
        tracker.note(tracker.find("acme"), "   ")


def _add_with_everything(ws: Workspace) -> None:
    """An application with a timeline, an interview, a linked contact, and a second untouched application."""
    with tracking(ws, "add") as tracker:
        app = tracker.add("Acme", "Data Engineer", stage=Stage.APPLIED, when=WHEN)
        tracker.add("Globex", "Analyst", when=WHEN)
    with tracking(ws, "people") as tracker:
        app = tracker.find("acme")
        person = tracker.add_contact("Jane Doe", company="Acme", email="Jane@Acme.example", title="Recruiter")
        tracker.link(app, person, ContactRole.RECRUITER, when=WHEN)
        interview = Interview(
            application_id=app.id or 0, starts_at=WHEN + timedelta(days=7), timezone="Europe/Berlin"
        )
        tracker.add_interview(app, interview, when=WHEN + timedelta(hours=2))
        tracker.note(app, "Prepare the SQL exercise.", when=WHEN + timedelta(hours=3))


def test_delete_removes_the_application_with_its_timeline_and_undo_restores_all(workspace: Workspace) -> None:
    """GIVEN an application with events, an interview and a contact WHEN deleted THEN all go; undo restores all."""
    _add_with_everything(workspace)
    url = workspace.settings.url
    before = snapshot(url, skip=("changes",))
    with tracking(workspace, "delete") as tracker:
        tracker.delete(tracker.find("acme"))
    after = snapshot(url, skip=("changes",))
    assert [r[3] for r in after["applications"]] == ["globex-analyst"]
    assert {r[2] for r in after["events"]} == {after["applications"][0][0]}
    assert (after["interviews"], after["application_contacts"]) == ([], [])
    assert after["contacts"] == before["contacts"]  # the person is still known
    assert workspace.undo() == "delete"
    assert snapshot(url, skip=("changes",)) == before
    with reading(workspace) as tracker:
        app = tracker.find("acme")
        assert [(c.name, r) for c, r in tracker.people_of(app)] == [("Jane Doe", ContactRole.RECRUITER)]
        assert [(i.starts_at, i.kind) for i in tracker.interviews(app)] == [
            (WHEN + timedelta(days=7), InterviewKind.VIDEO)
        ]
    assert [t[0] for t in timeline_of(workspace, "acme")] == [
        EventKind.CREATED,
        EventKind.STAGE,
        EventKind.CONTACT,
        EventKind.STAGE,
        EventKind.INTERVIEW,
        EventKind.NOTE,
    ]


def test_undo_steps_back_through_every_kind_of_change(workspace: Workspace) -> None:
    """GIVEN seven changes of different kinds WHEN undone one by one THEN each restores the state before it."""
    url = workspace.settings.url
    steps: list[tuple[str, Snapshot]] = []

    def step(summary: str) -> Any:
        steps.append((summary, snapshot(url, skip=("changes",))))
        return tracking(workspace, summary)

    with step("add") as tracker:
        tracker.add("Acme", "Data Engineer", stage=Stage.APPLIED, when=WHEN)
    with step("add second") as tracker:
        tracker.add("Globex", "Analyst", when=WHEN)
    with step("edit") as tracker:
        tracker.edit(tracker.find("acme"), excitement=5, tags=["keen"])
    with step("move") as tracker:
        tracker.move(tracker.find("acme"), Stage.INTERVIEWING, when=WHEN + timedelta(days=1))
    with step("note") as tracker:
        tracker.note(tracker.find("acme"), "Good chat.")
    with step("close") as tracker:
        tracker.move(tracker.find("acme"), Stage.REJECTED, when=WHEN + timedelta(days=2), reason="no budget")
    with step("delete") as tracker:
        tracker.delete(tracker.find("globex"))
    with step("add after delete") as tracker:
        tracker.add("Initech", "Engineer", when=WHEN)
    for summary, state in reversed(steps):
        assert workspace.undo() == summary
        assert snapshot(url, skip=("changes",)) == state
    with pytest.raises(NotFound) as raised:
        workspace.undo()
    assert raised.value.message == "There is nothing to undo."


def test_an_exception_inside_a_change_leaves_nothing(workspace: Workspace) -> None:
    """GIVEN a change that wrote rows and flushed WHEN an error escapes THEN no row and no undo step is left."""
    url = workspace.settings.url
    before = snapshot(url)
    with pytest.raises(RuntimeError), tracking(workspace, "doomed") as tracker:
        app = tracker.add("Acme", "Data Engineer", stage=Stage.INTERVIEWING, when=WHEN)
        tracker.note(app, "Half-way.")
        tracker.store.flush()
        raise RuntimeError("the power went out")
    assert snapshot(url) == before
    with pytest.raises(NotFound):
        workspace.undo()


def test_a_change_is_invisible_to_others_until_it_commits(workspace: Workspace) -> None:
    """GIVEN a change that has flushed an application WHEN another connection looks THEN it sees nothing yet."""
    url = workspace.settings.url
    with tracking(workspace, "add") as tracker:
        tracker.add("Acme", "Data Engineer", when=WHEN)
        tracker.store.flush()
        seen_during = count_rows(url, "applications")
    assert (seen_during, count_rows(url, "applications")) == (0, 1)


def test_a_database_from_a_newer_version_is_refused_and_left_alone(workspace: Workspace) -> None:
    """GIVEN a database at an unknown newer revision WHEN opened THEN a clear sentence, and nothing changed."""
    with tracking(workspace) as tracker:
        tracker.add("Acme", "Data Engineer", when=WHEN)
    with workspace.database.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    workspace.close()
    before = snapshot(workspace.settings.url)
    with pytest.raises(StorageError) as raised:
        _ = Workspace(workspace.settings).database
    assert raised.value.message == (
        "This database was written by a newer version of bounceback (schema “9999_future”); "
        "upgrade bounceback to use it. Nothing was changed."
    )
    assert snapshot(workspace.settings.url) == before
    assert before["alembic_version"] == [("9999_future",)]


def test_two_owners_do_not_see_each_other(workspace: Workspace) -> None:
    """GIVEN a second owner on the same database WHEN both add the same role THEN each sees only their own."""
    with workspace.database.engine.begin() as connection:
        connection.execute(metadata.tables["users"].insert().values(id=2, name="second"))
    other = workspace.as_owner(2)
    with tracking(workspace) as tracker:
        tracker.add("Acme", "Data Engineer")
    with tracking(other) as tracker:
        tracker.add("Acme", "Data Engineer")
    for ws in (workspace, other):
        with reading(ws) as tracker:
            apps = tracker.applications()
            assert [(a.slug, a.owner_id) for a in apps] == [("acme-data-engineer", ws.owner_id)]
            assert len(tracker.companies()) == 1
    assert other.undo() == "change"
    with reading(workspace) as tracker:
        assert [a.slug for a in tracker.applications()] == ["acme-data-engineer"]


OPERATIONS = ("add", "move", "note", "edit", "delete", "link", "interview")
# (what, which application, which choice): drawn up front so the plan does not depend on the database's state.
PLANS = st.lists(
    st.tuples(st.sampled_from(OPERATIONS), st.integers(0, 99), st.integers(0, 99)), min_size=1, max_size=7
)


def _apply_planned(tracker: Tracker, planned: tuple[str, int, int], n: int) -> None:
    """One change of the planned kind on the planned application (an add when there is none)."""
    kind, which, choice = planned
    apps = tracker.applications()
    if kind == "add" or not apps:
        tracker.add(("Acme", "Globex", "Initech")[choice % 3], f"Role {n}", when=WHEN)
        return
    app = apps[which % len(apps)]
    targets = allowed_targets(app.stage)
    if kind == "move" and targets:
        tracker.move(app, targets[choice % len(targets)], when=WHEN + timedelta(days=n))
    elif kind == "note":
        tracker.note(app, f"note {n}")
    elif kind == "edit":
        tracker.edit(app, excitement=choice % 5 + 1, tags=[f"t{n}"], location=f"City {n}")
    elif kind == "delete":
        tracker.delete(app)
    elif kind == "link":
        person = tracker.add_contact(f"Person {n}", email=f"p{choice % 3}@example.org")
        tracker.link(app, person, ContactRole.INTERVIEWER)
    elif kind == "interview" and (app.stage.is_progress or app.stage is Stage.GHOSTED):
        tracker.add_interview(app, Interview(application_id=app.id or 0, starts_at=WHEN + timedelta(days=n)))
    else:
        tracker.note(app, f"nothing to do for {kind}")


@hypothesis_settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(plan=PLANS)
def test_undoing_any_sequence_of_changes_restores_each_state(
    workspace: Workspace, plan: list[tuple[str, int, int]]
) -> None:
    """GIVEN any sequence of changes WHEN undone in reverse THEN the database passes back through every state."""
    url = workspace.settings.url
    steps = []
    for n, planned in enumerate(plan):
        before = snapshot(url, skip=("changes",))
        with tracking(workspace, f"change {n}") as tracker:
            _apply_planned(tracker, planned, n)
        if snapshot(url, skip=("changes",)) != before:  # a change that changed nothing is no undo step
            steps.append((f"change {n}", before))
    for summary, state in reversed(steps):
        assert workspace.undo() == summary
        assert snapshot(url, skip=("changes",)) == state
