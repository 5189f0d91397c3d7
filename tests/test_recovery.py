"""Recovery: bounce-back time on hand-made timelines, its trend, rejections against a goal, and the pipeline."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from bounceback.coach.history import forward_steps, level_outcomes, load_history, rejections
from bounceback.domain.model import Application, EventKind, Interview
from bounceback.domain.perspective import Level, current_streak
from bounceback.domain.recovery import (
    BounceBack,
    ForwardStep,
    Pipeline,
    Rejection,
    StepKind,
    Trend,
    bounce_back_sentence,
    bounce_back_trend,
    bounce_backs,
    goal_sentence,
    pipeline,
    pipeline_facts,
    pipeline_nudge,
    rejections_in_year,
)
from bounceback.domain.stages import Stage
from bounceback.workspace import Workspace

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def day(n: float) -> datetime:
    """T0 plus n days."""
    return T0 + timedelta(days=n)


# Bounce-back time, pure ----------------------------------------------------------------------------------
def test_bounce_back_is_the_first_step_forward_on_another_application() -> None:
    """GIVEN a no on application 1 at day 0, a follow-up on that same application at day 1, an older
    application at day -2 and a new application at day 3 WHEN measured THEN the bounce-back is 3 days,
    to the new application (the same application's follow-up and earlier steps do not count)."""
    steps = [
        ForwardStep(2, day(-2), StepKind.APPLICATION),
        ForwardStep(1, day(1), StepKind.FOLLOW_UP),
        ForwardStep(3, day(3), StepKind.APPLICATION),
    ]
    [back] = bounce_backs([Rejection(1, day(0))], steps)
    assert back.step == ForwardStep(3, day(3), StepKind.APPLICATION)
    assert back.days == pytest.approx(3)
    assert bounce_back_sentence(back, day(10)) == "3 days to your next step forward: a new application."


def test_each_rejection_gets_its_own_next_step_and_three_make_no_trend() -> None:
    """GIVEN noes at days 0, 10 and 20, and steps at 6 (follow-up), 12.5 (interview) and 20.25 (application)
    WHEN measured THEN bounce-backs are 6, 2.5 and 0.25 days, and three are too few to claim a trend."""
    noes = [Rejection(1, day(0)), Rejection(2, day(10)), Rejection(4, day(20))]
    steps = [
        ForwardStep(5, day(6), StepKind.FOLLOW_UP),
        ForwardStep(6, day(12.5), StepKind.INTERVIEW),
        ForwardStep(7, day(20.25), StepKind.APPLICATION),
    ]
    backs = bounce_backs(noes, steps)
    assert [b.days for b in backs] == pytest.approx([6, 2.5, 0.25])
    assert bounce_back_trend(backs) is Trend.TOO_FEW
    assert (
        bounce_back_sentence(backs[2], day(30)) == "You took a step forward the same day: a new application."
    )
    assert bounce_back_sentence(backs[1], day(30)) == "2 days to your next step forward: an interview."


def test_a_rejection_still_waiting_says_how_long_without_blame() -> None:
    """GIVEN a no at day 0 and no step since WHEN described at day 4.5 THEN it says 4 days, and days is None."""
    [back] = bounce_backs([Rejection(1, day(0))], [ForwardStep(2, day(-1), StepKind.INTERVIEW)])
    assert back.step is None and back.days is None
    assert back.waiting_days(day(4.5)) == pytest.approx(4.5)
    assert (
        bounce_back_sentence(back, day(4.5))
        == "No step forward since this rejection yet; it has been 4 days."
    )
    assert "less than a day" in bounce_back_sentence(back, day(0.5))


@pytest.mark.parametrize(
    ("days", "trend"),
    [
        ([], Trend.TOO_FEW),
        ([4], Trend.TOO_FEW),
        ([2, 6], Trend.TOO_FEW),  # two points are no trend
        ([9, 7, 3, 2], Trend.TOO_FEW),  # nor four
        ([4, 4.5, 4, 4.2, 4.5], Trend.STEADY),
        ([2, 6, 3, 7, 8], Trend.LONGER),  # medians 4 earlier, 7.5 recent
        ([9, 7, 5, 3, 2], Trend.SHORTER),
        ([1, 8, 5, 2, 1.5], Trend.SHORTER),  # medians 4.5 earlier, 1.75 recent; the middle one sits out
        ([3, 3.5, 9, 3.2, 3], Trend.STEADY),  # 3.25 vs 3.1
    ],
)
def test_trend_compares_recent_half_with_earlier_half(days: list[float], trend: Trend) -> None:
    """GIVEN bounce-back times in order WHEN the trend is read THEN under five there is none; from five the
    recent half's median is compared with the earlier half's, and a change under a day is steady."""
    backs = [
        BounceBack(Rejection(n, day(10 * n)), ForwardStep(99, day(10 * n + d), StepKind.APPLICATION))
        for n, d in enumerate(days)
    ]
    assert bounce_back_trend(backs) is trend


# Bounce-back time from a real timeline --------------------------------------------------------------------
def test_bounce_back_from_a_timeline_in_the_database(workspace: Workspace) -> None:
    """GIVEN, through the tracker: a no on Globex at day 0; a new application to Initech at day 2 (a move out
    of saved); a no on Acme at day 10; an interview scheduled on Initech at day 11; a follow-up email sent on
    Umbrella at day 20 (a thank-you sent at 19.2 and an email received at 19.5 do not count) after a no on
    Hooli at day 19 WHEN the history is read back
    THEN the bounce-backs are 2, 1 and 1 days, each to the right kind of step."""
    with workspace.change("timeline") as change:
        t = change.tracker
        globex = t.add("Globex", "Analyst", stage=Stage.INTERVIEWING, when=day(-20))
        acme = t.add("Acme", "Engineer", stage=Stage.APPLIED, when=day(-15))
        hooli = t.add("Hooli", "PM", stage=Stage.SCREENING, when=day(-14))
        umbrella = t.add("Umbrella", "Dev", stage=Stage.APPLIED, when=day(-13))
        t.move(globex, Stage.REJECTED, when=day(0))
        initech = t.add("Initech", "Dev", when=day(1))
        t.move(initech, Stage.APPLIED, when=day(2))
        t.move(acme, Stage.REJECTED, when=day(10))
        t.add_interview(initech, Interview(0, day(14)), when=day(11))
        t.move(hooli, Stage.REJECTED, when=day(19))
        t.record(umbrella, EventKind.EMAIL, day(20), "Follow-up sent", details={"sent": "follow_up"})
        t.record(umbrella, EventKind.EMAIL, day(19.2), "Thank-you sent", details={"sent": "thank_you"})
        t.record(umbrella, EventKind.EMAIL, day(19.5), "Email from Umbrella: thanks", cause="acknowledgment")
    with workspace.read() as read:
        apps = [view.app for view in read.applications()]
        history = load_history(read, apps)
    noes = rejections(apps, history.events)
    assert [r.application_id for r in noes] == [globex.id, acme.id, hooli.id]
    backs = bounce_backs(noes, forward_steps(apps, history.events))
    assert [b.days for b in backs] == pytest.approx([2, 1, 1])
    assert [b.step.kind for b in backs if b.step] == [
        StepKind.APPLICATION,
        StepKind.INTERVIEW,
        StepKind.FOLLOW_UP,
    ]
    assert bounce_back_trend(backs) is Trend.TOO_FEW  # three bounce-backs claim no trend
    conversation = level_outcomes(apps, history.events, Level.CONVERSATION)
    assert current_streak(conversation) == 2  # Globex after interviews, Hooli after a screening call
    assert current_streak(level_outcomes(apps, history.events, Level.APPLICATION)) == 0  # Initech got through


def test_applying_on_an_earlier_date_counts_from_that_date() -> None:
    """GIVEN an application logged today but applied for three days after a no WHEN steps are read
    THEN the step counts from midday of the date applied, not from when it was typed in."""
    logged = day(30)
    app = Application(1, "Dev", slug="x-dev", applied_on=date(2026, 3, 5), id=7, created_at=logged)
    [step] = forward_steps([app], [])
    assert step.at == datetime(2026, 3, 5, 12, tzinfo=UTC)
    [back] = bounce_backs([Rejection(2, day(0))], [step])
    assert back.days == pytest.approx(3.125)


# Goal and pipeline -----------------------------------------------------------------------------------------
def test_rejections_counted_by_year_against_the_goal() -> None:
    """GIVEN noes across two years WHEN counted for one THEN only that year's count, stated against the goal."""
    noes = [Rejection(1, datetime(2025, 12, 31, 23, tzinfo=UTC)), Rejection(2, T0), Rejection(3, day(1))]
    assert rejections_in_year(noes, 2026) == 2
    assert (
        goal_sentence(2, 50, 2026)
        == "2 rejections of your goal of 50 for 2026. Each one means you put yourself forward."
    )
    assert goal_sentence(1, None, 2026).startswith("1 rejection in 2026 so far.")
    assert "reached your goal of 3" in goal_sentence(3, 3, 2026)


def _app(stage: Stage, *, dream: bool = False, applied: date | None = None) -> Application:
    return Application(1, "Role", stage=stage, dream_job=dream, applied_on=applied)


def test_pipeline_facts_and_the_nudge_on_one_or_two_openings() -> None:
    """GIVEN one open dream job, a saved one, and two closed WHEN the pipeline is read on 2026-03-20
    THEN 1 open, 1 dream, 1 saved, 10 days since the last application, and a nudge naming the dream job."""
    apps = [
        _app(Stage.INTERVIEWING, dream=True, applied=date(2026, 3, 10)),
        _app(Stage.SAVED),
        _app(Stage.REJECTED, applied=date(2026, 2, 1)),
        _app(Stage.GHOSTED, applied=date(2026, 1, 1)),
    ]
    facts = pipeline(apps, date(2026, 3, 20))
    assert facts == Pipeline(active=1, saved=1, dream=1, days_since_application=10)
    assert pipeline_facts(facts) == (
        "1 open application; 1 flagged as a dream job; 1 saved to apply to; last new application 10 days ago."
    )
    nudge = pipeline_nudge(facts)
    assert nudge is not None and "rests on one opening, and it is a dream job" in nudge


@pytest.mark.parametrize(
    ("facts", "words"),
    [
        (Pipeline(0, 3, 0, 40), "Nothing is open right now"),
        (Pipeline(2, 0, 1, 1), "two openings, one of them a dream job"),
        (Pipeline(2, 0, 2, 1), "both of them dream jobs"),
        (Pipeline(5, 0, 0, 21), "21 days since your last new application"),
        (Pipeline(5, 0, 1, 3), None),
    ],
)
def test_pipeline_nudge(facts: Pipeline, words: str | None) -> None:
    """GIVEN pipelines of different shapes WHEN a nudge is asked for THEN it speaks only when the search
    hangs on one or two openings or has gone quiet."""
    nudge = pipeline_nudge(facts)
    assert nudge is None if words is None else (nudge is not None and words in nudge)
