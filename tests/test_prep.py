"""Interview preparation: the checklist, questions to ask and to practise, and for video, phone or faraway
interviews both clocks (daylight saving included), who calls whom, a backup number and the checks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from bounceback.cli.messages import command
from bounceback.domain.coaching import Question, QuestionKind
from bounceback.domain.model import Contact, ContactRole, Interview, InterviewKind
from bounceback.outreach.prep import DEFAULT_QUESTIONS, PrepFacts, gap, next_interview, prep_markdown
from tests.conftest import CLI

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
NOW = datetime(2026, 3, 2, 12, tzinfo=UTC)  # New York and London both on winter time: 5 hours apart
# Friday 20 March, 10:00 in New York: New York is on summer time (from 8 March), London not yet (29 March).
CALL = Interview(
    1, datetime(2026, 3, 20, 14, tzinfo=UTC), "America/New_York", id=4, kind=InterviewKind.VIDEO,
    location="https://meet.example/abc", interviewers="Sam Lee",
)  # fmt: skip
SAM = [(Contact("Sam Lee", phone="+1 555 0100", id=2), ContactRole.HIRING_MANAGER)]


def sheet(interview: Interview | None = CALL, **changes: object) -> str:
    """The Markdown sheet for Umbrella's SRE role, seen from London."""
    values: dict[str, object] = {
        "slug": "umbrella-sre", "company": "Umbrella", "role": "SRE", "now": NOW, "my_zone": LONDON,
        "my_zone_name": "Europe/London", "interview": interview, "people": SAM,
    }  # fmt: skip
    values.update(changes)
    return prep_markdown(PrepFacts(**values), how=command)  # type: ignore[arg-type]


def test_both_clocks_are_shown_and_the_changed_gap_is_pointed_out() -> None:
    """GIVEN a video call at 10:00 New York time in the weeks when only New York has moved its clocks WHEN the
    sheet is made THEN it shows 10:00 EDT for them, 14:00 GMT for the person, and that the gap that day is 4
    hours, not the usual 5."""
    text = sheet()
    assert "**Their time:** Fri 20 Mar 2026, 10:00 (America/New_York, EDT)" in text
    assert "**Your time:** Fri 20 Mar 2026, 14:00 (Europe/London, GMT)" in text
    assert "the gap that day is 4 hours, not the 5 hours it is today" in text
    assert "**Join two minutes early:** at 13:58 your time." in text
    assert gap(CALL.starts_at, NEW_YORK, LONDON) == timedelta(hours=-4)


def test_a_video_call_gets_the_connection_checks_and_the_backup_number() -> None:
    """GIVEN a video call with Sam, whose phone is known WHEN the sheet is made THEN it says who calls whom, gives
    Sam's number as the backup, and asks to test the link the day before, with camera and light."""
    text = sheet()
    assert "**Backup number if the connection fails:** Sam Lee, +1 555 0100." in text
    assert "**The day before (Thu 19 Mar):** open the link" in text
    assert "**Camera and light:**" in text and "**Who calls whom:** you have the link" in text
    assert "Link: https://meet.example/abc" in text


def test_a_phone_call_without_a_number_asks_for_one_and_skips_the_camera() -> None:
    """GIVEN a phone interview and nobody's number WHEN the sheet is made THEN it asks who calls whom and for a
    backup number, and says nothing about cameras."""
    phone = Interview(1, CALL.starts_at, "Europe/London", id=5, kind=InterviewKind.PHONE)
    text = sheet(phone, people=[])
    assert "**Who calls whom:** check who is calling, and at which number" in text
    assert "**Backup number:** ask for a phone number to call" in text
    assert "Camera" not in text and "Mind the clocks" not in text


def test_an_onsite_interview_nearby_needs_no_time_section() -> None:
    """GIVEN an on-site interview in the person's own zone WHEN the sheet is made THEN there is no time and
    connection section, and the logistics line is about getting there."""
    onsite = Interview(
        1, CALL.starts_at, "Europe/London", id=6, kind=InterviewKind.ONSITE, location="1 Main St"
    )
    text = sheet(onsite)
    assert "## Time and connection" not in text
    assert "Plan the route with time to spare" in text and "Where: 1 Main St" in text


def test_the_checklist_and_questions_come_from_defaults_and_the_persons_bank() -> None:
    """GIVEN a question of the person's own and a hard one from the bank WHEN the sheet is made THEN the five
    checklist items are there, their question comes first, the defaults follow, and the hard one is listed."""
    own = Question(QuestionKind.TO_ASK, "How is on-call shared?", NOW)
    hard = Question(QuestionKind.HARD, "Tell me about an outage you caused.", NOW, notes="Use the 2024 one.")
    text = sheet(questions=[own, hard])
    assert text.count("- [ ] ") == 5
    for item in (
        "Research Umbrella",
        "Practise your answers",
        "questions to ask",
        "Logistics",
        "The thank-you",
    ):
        assert item in text
    asked = text.split("## Questions to ask them")[1]
    assert asked.index("How is on-call shared?") < asked.index(DEFAULT_QUESTIONS[0])
    assert "- Tell me about an outage you caused.  \n  _Use the 2024 one._" in text
    assert "bounceback draft thank-you umbrella-sre" in text


def test_without_an_interview_or_hard_questions_the_sheet_says_what_to_do() -> None:
    """GIVEN no interview coming and an empty bank WHEN the sheet is made THEN it says how to add the interview
    and how to keep hard questions, and still gives the checklist."""
    text = sheet(None, questions=[])
    assert "No interview is coming up for this application." in text
    assert 'bounceback prep APP --hard "…"' in text and "## Checklist" in text
    assert next_interview([CALL], CALL.starts_at + timedelta(hours=2)) is None
    assert next_interview([CALL], NOW) is CALL


def test_prep_cli_keeps_questions_and_writes_markdown(cli: CLI, tmp_path: Path) -> None:
    """GIVEN an interview next week WHEN `prep` keeps a question and writes Markdown THEN the file holds the
    sheet with the question; the terminal shows the sheet too."""
    cli("add", "Umbrella", "SRE")
    day = (datetime.now(NEW_YORK) + timedelta(days=7)).date()
    cli(
        "interview",
        "add",
        "umbrella",
        f"{day.isoformat()} 10:00 America/New_York",
        "--location",
        "https://x.example",
    )
    target = tmp_path / "prep.md"
    cli(
        "prep",
        "umbrella",
        "--ask",
        "How is on-call shared?",
        "--hard",
        "Why leave now?",
        "--markdown",
        str(target),
    )
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Interview prep: SRE at Umbrella\n")
    assert "- How is on-call shared?" in text and "- Why leave now?" in text
    assert "10:00 (America/New_York" in text and "(Europe/London" in text
    assert "Interview prep: SRE at Umbrella" in cli("prep", "umbrella").stdout
