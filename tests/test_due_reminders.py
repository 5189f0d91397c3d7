"""The due list: reminders derived from the search (bounce-backs, thank-yous, feedback, reconnects, check-ins),
the person's answers (done, snoozed, dismissed), and the CLI on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

from bounceback.cli.messages import command
from bounceback.domain.coaching import (
    BounceSession,
    FeedbackOutcome,
    FeedbackRequest,
    ReminderState,
    ReminderStatus,
)
from bounceback.domain.due import DueItem, DueKind, DueRules, SearchState, due_now
from bounceback.domain.due_rules import derive_due
from bounceback.domain.model import Application, Contact, ContactRole, Event, EventKind, Interview
from bounceback.domain.outreach import SENT
from bounceback.domain.stages import Stage
from tests.conftest import CLI

NOW = datetime(2026, 3, 11, 12, tzinfo=UTC)  # a Wednesday
RULES = DueRules()


def application(
    app_id: int, stage: Stage, *, company_id: int = 1, closed: datetime | None = None
) -> Application:
    """An application that reached interviews and now stands at `stage`."""
    app = Application(company_id=company_id, role="Data Engineer", slug=f"app-{app_id}", id=app_id)
    app.stage, app.furthest_stage = stage, Stage.INTERVIEWING
    app.created_at = app.last_activity_at = NOW - timedelta(days=5)
    app.closed_at = closed
    return app


def jane() -> list[tuple[Contact, ContactRole]]:
    """Jane Doe, who interviewed the person."""
    return [(Contact("Jane Doe", email="jane@acme.example", id=3), ContactRole.INTERVIEWER)]


def state_with(*apps: Application, **parts: Any) -> SearchState:
    """A search of these applications at Acme (and Globex for company 2), checked in yesterday."""
    parts.setdefault("last_checkin", NOW - timedelta(days=1))
    return SearchState(apps=list(apps), companies={1: "Acme", 2: "Globex"}, **parts)


def shown(
    state: SearchState, now: datetime = NOW, answers: dict[str, ReminderState] | None = None
) -> list[DueItem]:
    """What the list shows at `now`."""
    return due_now(derive_due(state, RULES, now), answers or {}, now)


def keys(items: list[DueItem], kind: DueKind | None = None) -> list[str]:
    """The keys, optionally of one kind."""
    return [i.key for i in items if kind is None or i.kind is kind]


# After a rejection -------------------------------------------------------------------------------------
def test_a_rejection_brings_a_bounce_back_and_a_feedback_request_to_the_list() -> None:
    """GIVEN a rejection an hour ago after an interview with Jane WHEN derived THEN 'Bounce back from Acme' (due
    within a day) and 'Ask Jane Doe at Acme for feedback' (within two days) are listed."""
    app = application(1, Stage.REJECTED, closed=NOW - timedelta(hours=1))
    items = shown(state_with(app, people={1: jane()}))
    assert [
        (i.key, i.title, command(i.action)) for i in items if i.kind in (DueKind.BOUNCE, DueKind.FEEDBACK)
    ] == [
        ("bounce:app1", "Bounce back from Acme", "bounceback bounce app-1"),
        ("feedback:app1", "Ask Jane Doe at Acme for feedback", "bounceback draft feedback app-1"),
    ]
    bounce, feedback = items[:2]
    assert bounce.due_at == NOW + timedelta(hours=23) and feedback.due_at == NOW + timedelta(hours=47)


def test_the_bounce_back_goes_once_a_session_is_finished_and_both_fade_after_two_weeks() -> None:
    """GIVEN a finished session WHEN derived THEN no bounce-back; GIVEN a rejection 15 days old THEN neither the
    session nor the feedback request is asked for any more."""
    app = application(1, Stage.REJECTED, closed=NOW - timedelta(hours=1))
    finished = BounceSession(1, NOW, finished_at=NOW)
    assert keys(
        shown(state_with(app, people={1: jane()}, sessions=[finished]), NOW + timedelta(hours=1))
    ) == ["feedback:app1"]
    old = application(2, Stage.REJECTED, closed=NOW - timedelta(days=15))
    assert keys(shown(state_with(old, people={2: jane()}))) == []


def test_feedback_is_only_suggested_where_there_was_a_conversation_and_not_twice() -> None:
    """GIVEN a rejection straight after applying WHEN derived THEN no feedback request (nobody spoke with the
    person); GIVEN a request already sent THEN none either, and two weeks on its outcome is asked for."""
    cold = application(1, Stage.REJECTED, closed=NOW - timedelta(hours=1))
    cold.furthest_stage = Stage.APPLIED
    assert keys(shown(state_with(cold)), DueKind.FEEDBACK) == []
    app = application(2, Stage.REJECTED, closed=NOW - timedelta(days=16))
    asked = FeedbackRequest(2, NOW - timedelta(days=15), contact_id=3, id=5)
    items = shown(state_with(app, people={2: jane()}, feedback=[asked]))
    assert keys(items) == ["feedback_outcome:app2:fr5"]
    assert items[0].title == "Did Acme answer your request for feedback?"
    asked.outcome = FeedbackOutcome.NO_ANSWER
    assert keys(shown(state_with(app, people={2: jane()}, feedback=[asked]))) == []


def test_reconnect_comes_three_months_after_the_no_for_each_person_met() -> None:
    """GIVEN a rejection 92 days ago with Jane linked WHEN derived THEN 'Get back in touch with Jane Doe', with
    the command to draft it to her; before three months nothing."""
    app = application(1, Stage.REJECTED, closed=NOW - timedelta(days=92))
    [item] = shown(state_with(app, people={1: jane()}))
    assert item.key == "reconnect:app1:c3"
    assert item.title == "Get back in touch with Jane Doe (Acme, Data Engineer)"
    assert command(item.action) == "bounceback draft reconnect app-1 --to jane@acme.example"
    recent = application(1, Stage.REJECTED, closed=NOW - timedelta(days=60))
    assert keys(shown(state_with(recent, people={1: jane()}))) == []


def test_reconnect_comes_early_when_the_company_is_back_in_the_search() -> None:
    """GIVEN a rejection 60 days ago and a new application at the same company today WHEN derived THEN the
    reconnect shows now and says why; a new application elsewhere changes nothing."""
    old = application(1, Stage.REJECTED, closed=NOW - timedelta(days=60))
    elsewhere = application(2, Stage.APPLIED, company_id=2)
    elsewhere.created_at = NOW - timedelta(hours=2)
    assert keys(shown(state_with(old, elsewhere, people={1: jane()})), DueKind.RECONNECT) == []
    again = application(3, Stage.APPLIED)
    again.created_at = NOW - timedelta(hours=2)
    [item] = [i for i in shown(state_with(old, again, people={1: jane()})) if i.kind is DueKind.RECONNECT]
    assert item.title == "Acme is in your search again: a good moment to write to Jane Doe"
    assert item.shows_from == again.created_at


def test_a_reconnect_note_sent_to_a_person_takes_them_off_the_list() -> None:
    """GIVEN a reconnect note sent to Jane after the no WHEN derived THEN no reminder for her."""
    app = application(1, Stage.REJECTED, closed=NOW - timedelta(days=100))
    note = Event(
        1,
        EventKind.EMAIL,
        NOW - timedelta(days=1),
        "Wrote to Jane",
        details={SENT: "reconnect", "contact": 3},
    )
    assert keys(shown(state_with(app, people={1: jane()}, events={1: [note]}))) == []


# Around interviews -------------------------------------------------------------------------------------
def test_a_thank_you_is_due_within_a_day_of_each_interview_until_sent() -> None:
    """GIVEN an interview that ended two hours ago WHEN derived THEN a thank-you naming the interviewers is due
    22 hours from now; once one is sent it goes; three days on it is no longer asked for."""
    app = application(1, Stage.INTERVIEWING)
    iv = Interview(1, NOW - timedelta(hours=3), "Europe/Berlin", id=4, interviewers="Jane Doe and Raj Patel")
    [item] = shown(state_with(app, interviews=[iv]))
    assert (item.key, item.title) == (
        "thank_you:app1:iv4",
        "Thank Jane Doe and Raj Patel for the interview at Acme",
    )
    assert item.due_at == NOW + timedelta(hours=22)
    thanked = Event(1, EventKind.EMAIL, NOW - timedelta(hours=1), "Thanks", details={SENT: "thank_you"})
    assert keys(shown(state_with(app, interviews=[iv], events={1: [thanked]})), DueKind.THANK_YOU) == []
    assert keys(shown(state_with(app, interviews=[iv]), NOW + timedelta(days=3)), DueKind.THANK_YOU) == []


def test_an_interview_coming_up_points_at_the_preparation_sheet() -> None:
    """GIVEN an interview in two days WHEN derived THEN it is listed with `bounceback prep`."""
    app = application(1, Stage.INTERVIEWING)
    iv = Interview(1, NOW + timedelta(days=2), "Europe/Berlin", id=4)
    [item] = shown(state_with(app, interviews=[iv]))
    assert (item.key, command(item.action), item.due_at) == (
        "interview:app1:iv4",
        "bounceback prep app-1",
        iv.starts_at,
    )


# The person --------------------------------------------------------------------------------------------
def test_the_weekly_check_in_comes_a_week_after_the_last_one_with_one_key_per_week() -> None:
    """GIVEN a check-in 8 days ago WHEN derived THEN a check-in is listed under this week's key; GIVEN one 3 days
    ago THEN none."""
    app = application(1, Stage.APPLIED)
    [item] = shown(state_with(app, last_checkin=NOW - timedelta(days=8)))
    assert (item.key, command(item.action)) == ("checkin:2026-W11", "bounceback checkin")
    assert keys(shown(state_with(app, last_checkin=NOW - timedelta(days=3)))) == []


# Answers -----------------------------------------------------------------------------------------------
def test_done_dismissed_and_snoozed_answers_change_what_shows() -> None:
    """GIVEN a bounce-back and a feedback reminder WHEN one is done and the other snoozed for a day THEN the list
    is empty, and the snoozed one is back once the day has passed; a dismissed one stays away."""
    app = application(1, Stage.REJECTED, closed=NOW - timedelta(hours=1))
    state = state_with(app, people={1: jane()})
    answers = {
        "bounce:app1": ReminderState("bounce:app1", ReminderStatus.DONE, NOW),
        "feedback:app1": ReminderState(
            "feedback:app1", ReminderStatus.SNOOZED, NOW, snoozed_until=NOW + timedelta(days=1)
        ),
    }
    assert shown(state, NOW, answers) == []
    assert keys(shown(state, NOW + timedelta(days=1, minutes=1), answers)) == ["feedback:app1"]
    answers["feedback:app1"] = ReminderState("feedback:app1", ReminderStatus.DISMISSED, NOW)
    assert shown(state, NOW + timedelta(days=1, minutes=1), answers) == []


def test_keys_are_the_same_every_time_the_list_is_derived() -> None:
    """GIVEN the same search WHEN derived twice an hour apart THEN the same keys come back, overdue first."""
    app = application(1, Stage.REJECTED, closed=NOW - timedelta(days=1, hours=2))
    state = state_with(app, people={1: jane()})
    first, later = shown(state), shown(state, NOW + timedelta(hours=1))
    assert keys(first) == keys(later) == ["bounce:app1", "feedback:app1"]
    assert first[0].is_overdue(NOW) and not first[1].is_overdue(NOW)


# The CLI -----------------------------------------------------------------------------------------------
def iso(moment: datetime) -> str:
    """A UTC moment as the CLI reads it."""
    return moment.replace(microsecond=0).isoformat()


def due(cli: CLI) -> list[dict[str, Any]]:
    """`due --json`."""
    return json.loads(cli("due", "--json").stdout)


def rejected_after_interview(cli: CLI) -> datetime:
    """Acme said no an hour ago, after an interview with Jane last week; returns now."""
    now = datetime.now(UTC)
    cli("add", "Acme", "Data Engineer", "--stage", "interviewing")
    cli(
        "contact", "add", "Jane Doe", "--email", "jane@acme.example", "--app", "acme", "--role", "interviewer"
    )
    cli("interview", "add", "acme", iso(now - timedelta(days=6)))
    cli("close", "acme", "rejected", "--when", iso(now - timedelta(hours=1)))
    return now


def test_due_lists_the_reminders_with_numbers_keys_and_commands(cli: CLI) -> None:
    """GIVEN a rejection after an interview WHEN `due` runs THEN the bounce-back and the feedback request are
    listed, numbered, with keys and the commands that do them."""
    rejected_after_interview(cli)
    items = due(cli)
    assert [(i["number"], i["key"], i["command"]) for i in items] == [
        (1, "bounce:app1", "bounceback bounce acme-data-engineer"),
        (2, "feedback:app1", "bounceback draft feedback acme-data-engineer"),
    ]
    out = cli("due").stdout
    assert "Bounce back from Acme" in out and "[feedback:app1]" in out and "bounceback done 1" in out


def test_done_snooze_and_dismiss_change_what_due_shows(cli: CLI) -> None:
    """GIVEN two reminders WHEN the first is snoozed by number and the second dismissed by key THEN `due` is
    empty; `undo` brings the dismissed one back, and `done` on it records the request for feedback."""
    rejected_after_interview(cli)
    assert "Snoozed until" in cli("snooze", "1", "--days", "2").stdout
    assert cli("dismiss", "feedback:app1").stdout.startswith("Dismissed: Ask Jane Doe at Acme for feedback.")
    assert due(cli) == []
    cli("undo")
    assert [i["key"] for i in due(cli)] == ["feedback:app1"]
    done = cli("done", "feedback:app1").stdout
    assert "On the timeline of acme-data-engineer: Asked Jane Doe for feedback." in done
    assert due(cli) == []
    timeline = json.loads(cli("show", "acme", "--json").stdout)["timeline"]
    assert timeline[-1]["summary"] == "Asked Jane Doe for feedback"


def test_an_unknown_key_or_number_is_one_plain_sentence(cli: CLI) -> None:
    """GIVEN an empty list WHEN done names a number or key that is not there THEN exit 1 with one sentence."""
    cli("add", "Acme", "Data Engineer")
    for wanted, message in (
        ("3", "The due list has no number 3"),
        ("thank_you:app9:iv9", "No reminder has the key"),
    ):
        result = cli("done", wanted, check=False)
        assert result.returncode == 1 and message in result.stderr and "Traceback" not in result.stderr


def interviewed_two_weeks_ago(cli: CLI) -> datetime:
    """Acme moved to interviews three weeks ago and interviewed the person two weeks ago; returns now."""
    now = datetime.now(UTC)
    cli("add", "Acme", "Data Engineer")
    cli("move", "acme", "interviewing", "--when", iso(now - timedelta(days=21)))
    cli("interview", "add", "acme", iso(now - timedelta(days=14)))
    return now


def test_expect_holds_the_follow_up_until_the_business_day_after_the_promise(cli: CLI) -> None:
    """GIVEN an interview two weeks ago and a promise of an answer a week from now WHEN `due` runs THEN no
    follow-up shows yet (without the promise one would)."""
    now = interviewed_two_weeks_ago(cli)
    assert any(i["kind"] == "follow_up" for i in due(cli))
    promised = (now + timedelta(days=7)).date()
    assert "said they would answer by" in cli("expect", "acme", promised.isoformat()).stdout
    assert not any(i["kind"] == "follow_up" for i in due(cli))


def test_a_follow_up_marked_done_goes_on_the_timeline_and_the_second_one_waits(cli: CLI) -> None:
    """GIVEN a follow-up due WHEN it is marked done THEN the timeline says so and the next one waits five
    business days."""
    interviewed_two_weeks_ago(cli)
    [key] = [i["key"] for i in due(cli) if i["kind"] == "follow_up"]
    assert key.endswith(":1")
    assert "Follow-up sent to Acme" in cli("done", key).stdout
    assert not any(i["kind"] == "follow_up" for i in due(cli))
    timeline = json.loads(cli("show", "acme", "--json").stdout)["timeline"]
    assert timeline[-1]["summary"] == "Follow-up sent to Acme"


def test_a_reconnect_day_planned_in_the_bounce_back_session_is_kept() -> None:
    """GIVEN the person planned to write to Jane on 1 May WHEN derived THEN her reminder shows that morning, not
    three months after the no."""
    app = application(1, Stage.REJECTED, closed=NOW - timedelta(days=10))
    plan = Event(1, EventKind.CONTACT, NOW - timedelta(days=9), "Reconnect with Jane Doe around 2026-05-01",
                 details={"reconnect_on": "2026-05-01", "contact_id": 3})  # fmt: skip
    state = state_with(app, people={1: jane()}, events={1: [plan]}, last_checkin=NOW + timedelta(days=60))
    [item] = [i for i in derive_due(state, RULES, NOW) if i.kind is DueKind.RECONNECT]
    assert item.shows_from == datetime(2026, 5, 1, 9, tzinfo=UTC)
    assert keys(shown(state, datetime(2026, 5, 1, 10, tzinfo=UTC))) == ["reconnect:app1:c3"]
