"""Stage rules: the transition table, the furthest stage reached, and what closing records."""

from __future__ import annotations

from dataclasses import fields
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from bounceback.domain.errors import InvalidInput, TransitionNotAllowed
from bounceback.domain.model import Application
from bounceback.domain.progress import apply_move
from bounceback.domain.stages import (
    ALLOWED,
    CLOSED,
    PROGRESS,
    Stage,
    allowed_targets,
    can_move,
    furthest,
    is_forward,
    parse_stage,
)

S = Stage
# The product's rules written out by hand, so the generated table is checked against an independent oracle.
EXPECTED: dict[Stage, set[Stage]] = {
    S.SAVED: {S.APPLIED, S.SCREENING, S.INTERVIEWING, S.OFFER, S.WITHDRAWN},
    S.APPLIED: {S.SCREENING, S.INTERVIEWING, S.OFFER, S.REJECTED, S.WITHDRAWN, S.GHOSTED},
    S.SCREENING: {S.INTERVIEWING, S.OFFER, S.REJECTED, S.WITHDRAWN, S.GHOSTED},
    S.INTERVIEWING: {S.INTERVIEWING, S.OFFER, S.REJECTED, S.WITHDRAWN, S.GHOSTED},
    S.OFFER: {S.ACCEPTED, S.DECLINED, S.REJECTED, S.WITHDRAWN},
    S.GHOSTED: {S.SCREENING, S.INTERVIEWING, S.OFFER, S.REJECTED},
    S.ACCEPTED: set(),
    S.DECLINED: set(),
    S.REJECTED: set(),
    S.WITHDRAWN: set(),
}
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
FORBIDDEN = [(c, t) for c in Stage for t in Stage if t not in EXPECTED[c]]


def new_application() -> Application:
    """A fresh, unsaved application at `saved`."""
    return Application(company_id=1, role="Data Engineer", slug="acme-data-engineer", created_at=START)


def state_of(app: Application) -> dict[str, Any]:
    """Every field of an application, copied, to compare before and after."""
    return {f.name: (list(v) if isinstance(v := getattr(app, f.name), list) else v) for f in fields(app)}


@st.composite
def allowed_walks(draw: st.DrawFn) -> list[Stage]:
    """A sequence of moves each allowed from where the previous one left the application."""
    stage, walk = Stage.SAVED, []
    for _ in range(draw(st.integers(min_value=0, max_value=12))):
        options = allowed_targets(stage)
        if not options:
            break
        stage = draw(st.sampled_from(options))
        walk.append(stage)
    return walk


@st.composite
def reached_stage(draw: st.DrawFn) -> Application:
    """An application walked along some allowed path."""
    app = new_application()
    for i, target in enumerate(draw(allowed_walks())):
        apply_move(app, target, START + timedelta(days=i + 1))
    return app


def test_table_matches_the_product_rules() -> None:
    """GIVEN the rules of the product WHEN the transition table is built THEN it allows exactly those moves."""
    assert {s: set(targets) for s, targets in ALLOWED.items()} == EXPECTED


@pytest.mark.parametrize(("current", "target"), [(c, t) for c in Stage for t in Stage])
def test_is_forward_agrees_with_the_table(current: Stage, target: Stage) -> None:
    """GIVEN any pair of stages WHEN asked whether it is a forward move THEN the answer matches the table."""
    assert is_forward(current, target) is (target in EXPECTED[current])
    assert can_move(current, target) is (target in EXPECTED[current])


@given(allowed_walks())
def test_furthest_stage_is_the_highest_open_stage_ever_reached(walk: list[Stage]) -> None:
    """GIVEN any sequence of allowed moves WHEN applied one by one THEN furthest_stage is the max open stage seen."""
    app = new_application()
    highest = Stage.SAVED
    for i, target in enumerate(walk):
        before = app.furthest_stage
        apply_move(app, target, START + timedelta(days=i + 1))
        if target.is_progress and target.rank > highest.rank:
            highest = target
        assert app.furthest_stage is highest
        assert app.stage is target
        if target.is_closed:
            assert app.furthest_stage is before  # a closing never lowers (nor raises) it


@given(allowed_walks())
def test_closing_records_where_it_closed_and_reopening_clears_it(walk: list[Stage]) -> None:
    """GIVEN any allowed walk WHEN it closes THEN closed_from is the last open stage; reopening clears it."""
    app = new_application()
    last_open = Stage.SAVED
    for i, target in enumerate(walk):
        when = START + timedelta(days=i + 1)
        apply_move(app, target, when, reason=f"step {i}")
        if target.is_closed:
            assert app.closed_from is last_open
            assert app.closed_at == when
            assert app.close_reason == f"step {i}"
        else:
            last_open = target
            assert (app.closed_from, app.closed_at, app.close_reason) == (None, None, "")
        assert app.last_activity_at == when


@given(allowed_walks())
def test_rounds_count_every_move_to_interviewing(walk: list[Stage]) -> None:
    """GIVEN any allowed walk WHEN applied THEN interview_rounds counts the moves into interviewing."""
    app = new_application()
    for i, target in enumerate(walk):
        apply_move(app, target, START + timedelta(days=i + 1))
    assert app.interview_rounds == walk.count(Stage.INTERVIEWING)


@given(allowed_walks())
def test_applied_on_is_set_by_the_first_step_past_saved(walk: list[Stage]) -> None:
    """GIVEN an application without an applied date WHEN it first moves to an open stage THEN that day is kept."""
    app = new_application()
    first_step = next((i for i, s in enumerate(walk) if s.is_progress), None)
    for i, target in enumerate(walk):
        apply_move(app, target, START + timedelta(days=i + 1))
    expected = None if first_step is None else (START + timedelta(days=first_step + 1)).date()
    assert app.applied_on == expected


@given(reached_stage(), st.sampled_from(list(Stage)))
def test_forbidden_moves_raise_and_change_nothing(app: Application, target: Stage) -> None:
    """GIVEN an application anywhere WHEN a move the table forbids is tried THEN it raises and nothing changes."""
    assume(target not in EXPECTED[app.stage])
    before = state_of(app)
    with pytest.raises(TransitionNotAllowed) as raised:
        apply_move(app, target, START + timedelta(days=99))
    assert state_of(app) == before
    assert f"cannot move to {target.value}" in raised.value.message


@pytest.mark.parametrize(
    ("path", "target"),
    [
        ([S.APPLIED, S.OFFER], S.APPLIED),
        ([S.APPLIED, S.REJECTED], S.APPLIED),
        ([S.APPLIED, S.REJECTED], S.INTERVIEWING),
        ([S.APPLIED, S.REJECTED], S.REJECTED),
        ([], S.REJECTED),
        ([], S.GHOSTED),
        ([S.APPLIED, S.OFFER, S.ACCEPTED], S.DECLINED),
        ([S.APPLIED, S.GHOSTED], S.GHOSTED),
        ([S.APPLIED, S.GHOSTED], S.APPLIED),
        ([S.WITHDRAWN], S.APPLIED),
    ],
)
def test_named_forbidden_moves(path: list[Stage], target: Stage) -> None:
    """GIVEN a typical history WHEN a move the rules forbid is tried THEN TransitionNotAllowed, state kept."""
    app = new_application()
    for i, stage in enumerate(path):
        apply_move(app, stage, START + timedelta(days=i + 1))
    before = state_of(app)
    with pytest.raises(TransitionNotAllowed):
        apply_move(app, target, START + timedelta(days=30))
    assert state_of(app) == before


def test_rejected_message_lists_no_way_out() -> None:
    """GIVEN a rejected application WHEN moved THEN the sentence says undo is the way back."""
    app = new_application()
    apply_move(app, S.APPLIED, START)
    apply_move(app, S.REJECTED, START)
    with pytest.raises(TransitionNotAllowed) as raised:
        apply_move(app, S.OFFER, START)
    assert raised.value.message == (
        "acme-data-engineer is rejected and cannot move to offer; allowed: none (undo reverts a mistake)."
    )


def test_rejection_after_ghosting_keeps_the_stage_it_went_quiet_at() -> None:
    """GIVEN an application ghosted at screening WHEN a late rejection arrives THEN closed_from stays screening."""
    app = new_application()
    for stage in (S.APPLIED, S.SCREENING, S.GHOSTED, S.REJECTED):
        change = apply_move(app, stage, START)
    assert (app.stage, app.closed_from, app.furthest_stage) == (S.REJECTED, S.SCREENING, S.SCREENING)
    assert change.from_stage is S.GHOSTED


def test_late_rejection_summary_names_the_stage_it_reached() -> None:
    """GIVEN an application ghosted at screening WHEN rejected THEN the timeline says 'Rejected at screening'."""
    app = new_application()
    for stage in (S.APPLIED, S.SCREENING, S.GHOSTED):
        apply_move(app, stage, START)
    assert apply_move(app, S.REJECTED, START).summary == "Rejected at screening"


def test_summaries_name_the_round_and_the_outcome() -> None:
    """GIVEN moves through interviews WHEN described THEN rounds and outcomes read plainly."""
    app = new_application()
    summaries = [
        apply_move(app, s, START).summary for s in (S.APPLIED, S.INTERVIEWING, S.INTERVIEWING, S.OFFER)
    ]
    summaries.append(apply_move(app, S.DECLINED, START).summary)
    assert summaries == [
        "Moved to applied",
        "Moved to interviewing",
        "Interview round 2",
        "Moved to offer",
        "Closed as declined",
    ]


def test_an_applied_date_given_by_the_person_is_kept() -> None:
    """GIVEN an application with an applied date WHEN it moves on THEN the date is not overwritten."""
    app = new_application()
    app.applied_on = date(2026, 1, 5)
    apply_move(app, S.SCREENING, START)
    assert app.applied_on == date(2026, 1, 5)


@given(st.sampled_from(list(Stage)), st.sampled_from(list(Stage)))
def test_furthest_never_goes_down(reached: Stage, new: Stage) -> None:
    """GIVEN a furthest open stage WHEN any stage is reached next THEN furthest only rises, to open stages."""
    if not reached.is_progress:
        return
    result = furthest(reached, new)
    assert result.is_progress
    assert result.rank == max(reached.rank, new.rank if new.is_progress else -1)


def test_progress_and_closed_split_every_stage() -> None:
    """GIVEN the stage list WHEN split THEN every stage is either open (ranked) or closed (rank -1)."""
    assert set(PROGRESS) | set(CLOSED) == set(Stage)
    assert not set(PROGRESS) & set(CLOSED)
    assert [s.rank for s in PROGRESS] == [0, 1, 2, 3, 4]
    assert {s.rank for s in CLOSED} == {-1}


@pytest.mark.parametrize(
    ("typed", "stage"),
    [
        ("Interviewing", S.INTERVIEWING),
        ("  APPLIED ", S.APPLIED),
        ("phone-screen", S.SCREENING),
        ("phone_screen", S.SCREENING),
        ("no response", S.GHOSTED),
        ("wishlist", S.SAVED),
        ("offered", S.OFFER),
        ("reject", S.REJECTED),
    ],
)
def test_parse_stage_forgives_case_and_synonyms(typed: str, stage: Stage) -> None:
    """GIVEN a stage as a person types it WHEN parsed THEN the right stage comes back."""
    assert parse_stage(typed) is stage


def test_parse_stage_names_the_choices() -> None:
    """GIVEN a word that is no stage WHEN parsed THEN one sentence lists the stages."""
    with pytest.raises(InvalidInput) as raised:
        parse_stage("finished")
    assert raised.value.message.startswith("“finished” is not a stage; use one of: saved, applied,")
