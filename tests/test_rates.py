"""Every rate of the search on hand-made searches, built with the same stage rules the tracker uses."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from bounceback.domain.model import Application, Event, EventKind, Source
from bounceback.domain.outreach import SENT
from bounceback.domain.progress import apply_move
from bounceback.domain.rates import (
    Answer,
    Journey,
    Rate,
    answer_times,
    funnel,
    is_ghosted,
    journey,
    rates_by_source,
    rejections_by_stage,
    source_rates,
)
from bounceback.domain.stages import Stage

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
GHOST_DAYS = 21


def at(day: int) -> datetime:
    """A moment `day` days from NOW (negative: in the past)."""
    return NOW + timedelta(days=day)


class Search:
    """A hand-made search: applications moved by the real stage rules, with their timelines."""

    def __init__(self) -> None:
        self.apps: list[Application] = []
        self.events: dict[int, list[Event]] = {}

    def add(
        self, *, day: int = -60, source: Source | None = Source.JOB_BOARD, applied_on: date | None = None
    ) -> Application:
        """Save a posting on `day`."""
        app_id = len(self.apps) + 1
        app = Application(
            company_id=1, role="Data Engineer", slug=f"app-{app_id}", source=source, id=app_id,
            created_at=at(day), updated_at=at(day), last_activity_at=at(day), applied_on=applied_on,
        )  # fmt: skip
        self.apps.append(app)
        self.events[app_id] = [Event(app_id, EventKind.CREATED, at(day), "Added", to_stage=Stage.SAVED)]
        return app

    def move(self, app: Application, stage: Stage, day: int) -> Application:
        """Move it as the tracker does, and put the move on its timeline."""
        change = apply_move(app, stage, at(day))
        self.events[app.id or 0].append(
            Event(
                app.id or 0,
                EventKind.STAGE,
                at(day),
                change.summary,
                from_stage=change.from_stage,
                to_stage=stage,
            )
        )
        return app

    def walk(self, app: Application, *steps: tuple[Stage, int]) -> Application:
        """Several moves in a row."""
        for stage, day in steps:
            self.move(app, stage, day)
        return app

    def email(self, app: Application, label: str, day: int) -> None:
        """An email of that label on its timeline (the mail reader keeps the label in `cause`)."""
        self.events[app.id or 0].append(Event(app.id or 0, EventKind.EMAIL, at(day), "Email", cause=label))

    def journeys(self) -> list[Journey]:
        """Each application's journey."""
        return [journey(a, self.events[a.id or 0]) for a in self.apps]


def test_any_employer_reply_is_an_answer_and_an_acknowledgment_is_not():
    """GIVEN five sent applications answered by a screening, an interview, an assessment email, an offer and a
    rejection, one with only an acknowledgment, and a saved posting WHEN the answer rate is taken THEN 5 of 6
    sent were answered and the saved posting is left out."""
    s = Search()
    s.walk(s.add(), (Stage.APPLIED, -50), (Stage.SCREENING, -45))
    s.walk(s.add(), (Stage.APPLIED, -50), (Stage.INTERVIEWING, -40))
    assessed = s.walk(s.add(), (Stage.APPLIED, -50))
    s.email(assessed, "assessment", -44)
    s.walk(s.add(), (Stage.APPLIED, -50), (Stage.OFFER, -30))
    s.walk(s.add(), (Stage.APPLIED, -50), (Stage.REJECTED, -48))
    acknowledged = s.walk(s.add(), (Stage.APPLIED, -50))
    s.email(acknowledged, "acknowledgment", -50)
    s.add()  # saved, never sent

    rates = source_rates("All", s.journeys(), NOW, GHOST_DAYS)

    assert rates.sent == 6
    assert rates.answered == Rate(5, 6)
    answers = [j.answer for j in s.journeys()]
    assert answers == [
        Answer.SCREENING, Answer.INTERVIEW, Answer.ASSESSMENT, Answer.OFFER, Answer.REJECTION, None, None,
    ]  # fmt: skip


def test_an_email_the_person_sent_is_never_an_answer():
    """GIVEN an application whose only email is a follow-up the person sent WHEN read THEN it has no answer."""
    s = Search()
    app = s.walk(s.add(), (Stage.APPLIED, -20))
    s.events[app.id or 0].append(
        Event(
            app.id or 0,
            EventKind.EMAIL,
            at(-10),
            "Follow-up sent",
            cause="interview",
            details={SENT: "follow_up"},
        )
    )

    assert s.journeys()[0].answer is None


def test_the_first_answer_is_the_earliest_reply_and_five_scheduling_emails_are_one_interview():
    """GIVEN an application screened, then interviewed with five scheduling emails WHEN read THEN its first answer
    is the screening, the interview counts once in the funnel and the interview rate is 1 of 1."""
    s = Search()
    app = s.walk(s.add(), (Stage.APPLIED, -40), (Stage.SCREENING, -35), (Stage.INTERVIEWING, -30))
    for day in range(-30, -25):
        s.email(app, "interview", day)

    (only,) = s.journeys()

    assert only.answer is Answer.SCREENING
    assert only.answered_at == at(-35)
    assert next(f.count for f in funnel(s.apps) if f.stage is Stage.INTERVIEWING) == 1
    assert source_rates("All", s.journeys(), NOW, GHOST_DAYS).interviewed == Rate(1, 1)


def test_ghosted_counts_closed_as_ghosted_and_silence_past_the_threshold_even_after_an_answer():
    """GIVEN one closed as ghosted, one silent 30 days after applying, one silent 25 days after an interview,
    one heard from 5 days ago and a saved posting untouched for months WHEN ghosting is counted THEN the first
    three are ghosted (the third is also answered) and the others are not."""
    s = Search()
    closed = s.walk(s.add(), (Stage.APPLIED, -70), (Stage.GHOSTED, -40))
    silent = s.walk(s.add(), (Stage.APPLIED, -30))
    quiet_after_interview = s.walk(s.add(), (Stage.APPLIED, -50), (Stage.INTERVIEWING, -25))
    recent = s.walk(s.add(), (Stage.APPLIED, -5))
    saved = s.add(day=-120)

    ghosted = [is_ghosted(a, NOW, GHOST_DAYS) for a in (closed, silent, quiet_after_interview, recent, saved)]
    rates = source_rates("All", s.journeys(), NOW, GHOST_DAYS)

    assert ghosted == [True, True, True, False, False]
    assert rates.ghosted == Rate(3, 4)
    assert rates.answered == Rate(1, 4)


def test_the_ghosting_threshold_is_the_setting_in_force():
    """GIVEN an application silent for 15 days WHEN the threshold is 21 days, then 14 THEN it is ghosted only
    under the shorter threshold."""
    s = Search()
    app = s.walk(s.add(), (Stage.APPLIED, -15))

    assert not is_ghosted(app, NOW, 21)
    assert is_ghosted(app, NOW, 14)


def test_a_late_answer_after_ghosting_counts_as_answered_and_no_longer_ghosted():
    """GIVEN an application closed as ghosted that the employer later answered with a screening WHEN counted
    THEN it is answered and not ghosted."""
    s = Search()
    s.walk(s.add(), (Stage.APPLIED, -60), (Stage.GHOSTED, -30), (Stage.SCREENING, -3))

    rates = source_rates("All", s.journeys(), NOW, GHOST_DAYS)

    assert (rates.answered, rates.ghosted) == (Rate(1, 1), Rate(0, 1))


def test_interview_rate_counts_the_furthest_stage_so_a_rejection_after_interviews_still_counts():
    """GIVEN one rejected after three interview rounds, one rejected after a screening call and one offer
    WHEN the interview rate is taken THEN 2 of 3 reached interviews (a screening alone does not count)."""
    s = Search()
    rounds = s.walk(s.add(), (Stage.APPLIED, -60), (Stage.INTERVIEWING, -50), (Stage.INTERVIEWING, -45))
    s.walk(rounds, (Stage.INTERVIEWING, -40), (Stage.REJECTED, -35))
    s.walk(s.add(), (Stage.APPLIED, -60), (Stage.SCREENING, -55), (Stage.REJECTED, -50))
    s.walk(s.add(), (Stage.APPLIED, -60), (Stage.INTERVIEWING, -50), (Stage.OFFER, -40))

    rates = source_rates("All", s.journeys(), NOW, GHOST_DAYS)

    assert rounds.interview_rounds == 3
    assert rates.interviewed == Rate(2, 3)
    assert rates.interviewed.percent == "67 %"


def test_time_to_first_answer_counts_days_from_sending_and_skips_what_was_recorded_already_answered():
    """GIVEN answers 2, 6 and 10 days after sending, one sent on a date the person typed earlier than its move,
    and one recorded straight into interviewing WHEN times are taken THEN the typed date is used, the last is
    unknown, and the median, quickest and slowest follow."""
    s = Search()
    for wait in (2, 6, 10):
        s.walk(s.add(), (Stage.APPLIED, -40), (Stage.SCREENING, -40 + wait))
    typed = s.add(applied_on=at(-30).date())
    s.walk(typed, (Stage.APPLIED, -20), (Stage.REJECTED, -16))
    s.walk(s.add(), (Stage.INTERVIEWING, -10))

    journeys = s.journeys()
    times = answer_times(journeys)

    assert [j.days_to_answer for j in journeys] == [2, 6, 10, 14, None]
    assert journeys[4].answer is Answer.INTERVIEW
    assert (times.known, times.median, times.quickest, times.slowest) == (4, 8.0, 2, 14)


def test_an_application_without_a_timeline_still_shows_the_answer_its_stage_proves():
    """GIVEN applications imported with only their stage record (no timeline) WHEN read THEN an interview or a
    rejection still counts as answered, with the time unknown, and one waiting at applied does not."""
    interviewing = Application(
        1, "Role", stage=Stage.REJECTED, furthest_stage=Stage.INTERVIEWING, closed_from=Stage.INTERVIEWING
    )
    rejected = Application(
        1, "Role", stage=Stage.REJECTED, furthest_stage=Stage.APPLIED, closed_from=Stage.APPLIED
    )
    waiting = Application(
        1, "Role", stage=Stage.APPLIED, furthest_stage=Stage.APPLIED, applied_on=date(2026, 2, 1)
    )

    found = [journey(a, []) for a in (interviewing, rejected, waiting)]

    assert [j.answer for j in found] == [Answer.INTERVIEW, Answer.REJECTION, None]
    assert all(j.days_to_answer is None for j in found)
    assert found[2].sent_on == date(2026, 2, 1)


def test_rates_by_source_compare_referrals_job_boards_and_company_sites():
    """GIVEN two referrals (both interviewed), three job-board applications (one rejected, two silent) and one
    company-site application answered by a screening, and one with no source WHEN grouped by source THEN each
    source has its own rates, the busiest first."""
    s = Search()
    for _ in range(2):
        s.walk(s.add(source=Source.REFERRAL), (Stage.APPLIED, -40), (Stage.INTERVIEWING, -33))
    s.walk(s.add(), (Stage.APPLIED, -40), (Stage.REJECTED, -38))
    for _ in range(2):
        s.walk(s.add(), (Stage.APPLIED, -40))
    s.walk(s.add(source=Source.COMPANY_SITE), (Stage.APPLIED, -10), (Stage.SCREENING, -5))
    s.walk(s.add(source=None), (Stage.APPLIED, -3))

    rows = {r.source: r for r in rates_by_source(s.journeys(), NOW, GHOST_DAYS)}

    assert list(rows) == ["Job board", "Referral", "Company site", "Not recorded"]
    board, referral, site = rows["Job board"], rows["Referral"], rows["Company site"]
    assert (board.sent, board.answered, board.ghosted, board.interviewed) == (
        3,
        Rate(1, 3),
        Rate(2, 3),
        Rate(0, 3),
    )
    assert (referral.answered, referral.interviewed, referral.median_days_to_answer) == (
        Rate(2, 2),
        Rate(2, 2),
        7.0,
    )
    assert (site.answered, site.ghosted, site.median_days_to_answer) == (Rate(1, 1), Rate(0, 1), 5.0)
    assert rows["Not recorded"].answered == Rate(0, 1)


def test_funnel_counts_applications_by_the_furthest_stage_reached():
    """GIVEN a saved posting, one waiting, one rejected after screening, one rejected after interviews, one
    ghosted after interviewing and an accepted offer WHEN the funnel is built THEN each step counts everyone who
    got at least that far."""
    s = Search()
    s.add()
    s.walk(s.add(), (Stage.APPLIED, -30))
    s.walk(s.add(), (Stage.APPLIED, -30), (Stage.SCREENING, -25), (Stage.REJECTED, -20))
    s.walk(s.add(), (Stage.APPLIED, -30), (Stage.INTERVIEWING, -25), (Stage.REJECTED, -20))
    s.walk(s.add(), (Stage.APPLIED, -30), (Stage.INTERVIEWING, -25), (Stage.GHOSTED, -2))
    s.walk(s.add(), (Stage.APPLIED, -30), (Stage.INTERVIEWING, -25), (Stage.OFFER, -10), (Stage.ACCEPTED, -8))

    steps = {step.stage: step.count for step in funnel(s.apps)}

    assert steps == {
        Stage.SAVED: 6, Stage.APPLIED: 5, Stage.SCREENING: 4, Stage.INTERVIEWING: 3, Stage.OFFER: 1, Stage.ACCEPTED: 1,
    }  # fmt: skip


def test_rejections_are_counted_by_the_stage_they_came_at():
    """GIVEN rejections after applying (two), after screening, after interviews, and one that came after the
    application had been closed as ghosted from screening WHEN grouped THEN each counts at the open stage it
    was closed from."""
    s = Search()
    for _ in range(2):
        s.walk(s.add(), (Stage.APPLIED, -30), (Stage.REJECTED, -25))
    s.walk(s.add(), (Stage.APPLIED, -30), (Stage.SCREENING, -28), (Stage.REJECTED, -25))
    s.walk(s.add(), (Stage.APPLIED, -30), (Stage.INTERVIEWING, -28), (Stage.REJECTED, -25))
    s.walk(s.add(), (Stage.APPLIED, -60), (Stage.SCREENING, -58), (Stage.GHOSTED, -30), (Stage.REJECTED, -2))
    s.walk(s.add(), (Stage.APPLIED, -30))

    assert rejections_by_stage(s.apps) == {Stage.APPLIED: 2, Stage.SCREENING: 2, Stage.INTERVIEWING: 1}


def test_a_rate_with_nothing_to_count_says_so_instead_of_dividing_by_zero():
    """GIVEN a search with nothing sent WHEN rates are taken THEN shares are None and shown as a dash."""
    s = Search()
    s.add()

    rates = source_rates("All", s.journeys(), NOW, GHOST_DAYS)

    assert rates.answered == Rate(0, 0)
    assert rates.answered.share is None and rates.answered.percent == "–"
    assert rates_by_source(s.journeys(), NOW, GHOST_DAYS) == []
    assert answer_times(s.journeys()).median is None
