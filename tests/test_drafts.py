"""Email drafts: filled from the application, sounding like a person, whole even when fields are missing;
the person's own templates; text, mailto: and .eml output; and `--sent` on the timeline."""

from __future__ import annotations

import email
import json
from datetime import UTC, datetime, timedelta
from email import policy
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit
from zoneinfo import ZoneInfo

import pytest

from bounceback.domain.errors import InvalidInput
from bounceback.domain.model import Contact, ContactRole, Event, EventKind, Interview
from bounceback.domain.outreach import SENT, OutreachKind, detail_from_notes
from bounceback.outreach.drafts import (
    Draft,
    DraftFacts,
    first_name,
    gather_facts,
    parse_kind,
    render,
    when_phrase,
)
from bounceback.outreach.formats import as_eml, as_mailto, as_text
from tests.conftest import CLI

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 3, 12, 16, tzinfo=UTC)  # a Thursday
JANE = Contact("Dr. Jane Doe", email="jane@acme.example", id=3)
TUESDAY = Interview(
    1,
    datetime(2026, 3, 10, 9, tzinfo=UTC),
    "Europe/London",
    id=4,
    notes="Talked about their move to Dagster.",
)


def full(kind: OutreachKind, **changes: object) -> DraftFacts:
    """Facts with everything known."""
    values: dict[str, object] = {
        "kind": kind, "company": "Acme", "role": "Data Engineer", "recipient": JANE, "interview": TUESDAY,
        "detail": "their move to Dagster", "contact_at": TUESDAY.starts_at, "met_at": TUESDAY.starts_at,
        "sender": "Alex Kim",
    }  # fmt: skip
    values.update(changes)
    return DraftFacts(**values)  # type: ignore[arg-type]


def assert_whole(draft: Draft) -> None:
    """No gaps a template left: no None, no empty salutation, no blank top, no doubled spaces, no tags."""
    text = as_text(draft)
    for broken in ("None", "Dear ,", "Hello ,", "Hello  ", "  ", " ,", " .", "{{", "{%", "\n\n\n"):
        assert broken not in text, (broken, text)
    assert draft.subject.strip() and draft.body == draft.body.strip()
    assert draft.body.splitlines()[0].startswith("Hello")
    assert draft.body.splitlines()[0].endswith(",")


ALL_KINDS = [*OutreachKind, "second follow-up"]


def kind_and_number(kind: OutreachKind | str) -> tuple[OutreachKind, int]:
    """The parametrised kind, with the second follow-up as its own case."""
    return (OutreachKind.FOLLOW_UP, 2) if kind == "second follow-up" else (OutreachKind(kind), 1)


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_every_draft_is_whole_with_nothing_known_but_the_company(kind: OutreachKind | str) -> None:
    """GIVEN an application with no role, person, interview or notes WHEN each draft is rendered THEN it reads
    as a whole email: 'Hello,' and no None, no empty salutation, no blank lines at the top."""
    outreach, number = kind_and_number(kind)
    draft = render(DraftFacts(outreach, company="Acme", follow_up_number=number), NOW, LONDON)
    assert_whole(draft)
    assert draft.body.startswith("Hello,\n\n")
    assert (draft.to_name, draft.to_email) == ("", "")
    assert draft.body.endswith("Best wishes,")


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_every_draft_uses_the_names_the_role_and_the_day_when_known(kind: OutreachKind | str) -> None:
    """GIVEN everything known WHEN each draft is rendered THEN it greets Jane by her first name, names the company,
    and signs with the person's name."""
    outreach, number = kind_and_number(kind)
    draft = render(
        full(outreach, follow_up_number=number, first_note_at=NOW - timedelta(days=8)), NOW, LONDON
    )
    assert_whole(draft)
    assert draft.body.startswith("Hello Jane,\n\n") and draft.body.endswith("Best wishes,\nAlex Kim")
    assert "Data Engineer" in draft.body + draft.subject
    assert (draft.to_name, draft.to_email) == ("Dr. Jane Doe", "jane@acme.example")


def test_the_thank_you_names_the_day_and_a_detail_from_the_notes() -> None:
    """GIVEN Tuesday's interview with a note 'Talked about their move to Dagster' WHEN the thank-you is gathered
    and rendered on Thursday THEN it thanks Jane for Tuesday and mentions Dagster."""
    facts = gather_facts(
        OutreachKind.THANK_YOU, company="Acme", role="Data Engineer", people=[(JANE, ContactRole.INTERVIEWER)],
        interviews=[TUESDAY], events=[], now=NOW,
    )  # fmt: skip
    body = render(facts, NOW, LONDON).body
    assert "Thank you for taking the time to talk with me on Tuesday about the Data Engineer role." in body
    assert "our conversation about their move to Dagster" in body


def test_a_second_follow_up_is_chosen_once_the_first_was_sent() -> None:
    """GIVEN a follow-up sent after the interview WHEN the next is gathered THEN it is the second one, and it
    mentions the first note's day."""
    first = Event(1, EventKind.EMAIL, NOW - timedelta(days=1), "Follow-up sent", details={SENT: "follow_up"})
    facts = gather_facts(
        OutreachKind.FOLLOW_UP, company="Acme", role="Data Engineer", people=[], interviews=[TUESDAY],
        events=[first], now=NOW,
    )  # fmt: skip
    assert facts.follow_up_number == 2
    draft = render(facts, NOW, LONDON)
    assert draft.subject == "Checking in again: Data Engineer"
    assert "after my note yesterday" in draft.body


def test_an_unstated_role_reads_as_the_role() -> None:
    """GIVEN the mail reader's 'Role not stated' WHEN a follow-up is rendered THEN it says 'the role'."""
    facts = gather_facts(
        OutreachKind.FOLLOW_UP,
        company="Acme",
        role="Role not stated",
        people=[],
        interviews=[],
        events=[],
        now=NOW,
    )
    draft = render(facts, NOW, LONDON)
    assert "Role not stated" not in as_text(draft) and "news on the role at Acme" in draft.body


def test_names_days_details_and_kinds_are_read_as_people_write_them() -> None:
    """GIVEN names, days, note lines and typed kinds WHEN read THEN greetings, phrases and kinds come out right."""
    assert [first_name(n) for n in ("Dr. Jane Doe", "raj", "", "hr@acme.example")] == ["Jane", "raj", "", ""]
    days = [NOW, NOW - timedelta(days=1), NOW - timedelta(days=2), NOW - timedelta(days=20)]
    assert [when_phrase(d, NOW, LONDON) for d in days] == [
        "today",
        "yesterday",
        "on Tuesday",
        "on 20 February",
    ]
    assert detail_from_notes(["Prepare SQL.", "We spoke about: the on-call rota!"]) == "the on-call rota"
    assert detail_from_notes(["Nothing special."]) == ""
    assert (
        parse_kind("Thank-You") is OutreachKind.THANK_YOU
        and parse_kind("withdraw") is OutreachKind.WITHDRAWAL
    )
    with pytest.raises(InvalidInput, match="“hug” is not a kind of draft"):
        parse_kind("hug")


def test_the_persons_own_template_wins_and_a_broken_one_is_one_sentence(tmp_path: Path) -> None:
    """GIVEN <home>/templates/thank_you.j2 WHEN a thank-you is rendered THEN the person's template is used (with
    stray spaces tidied); one without a Subject line is refused plainly."""
    (tmp_path / "templates").mkdir()
    own = tmp_path / "templates" / "thank_you.j2"
    own.write_text(
        "Subject: Thanks, {{ first_name }}\n\nHi {{ first_name }} ,\n\n\n\nCheers for {{ interview_when }}.\n"
    )
    draft = render(full(OutreachKind.THANK_YOU), NOW, LONDON, home=tmp_path)
    assert (draft.subject, draft.body) == ("Thanks, Jane", "Hi Jane,\n\nCheers for on Tuesday.")
    own.write_text("Hello {{ nobody }}")
    with pytest.raises(InvalidInput, match=r"The draft template thank_you\.j2 cannot be used"):
        render(full(OutreachKind.THANK_YOU), NOW, LONDON, home=tmp_path)
    own.write_text("Hello there")
    with pytest.raises(InvalidInput, match="must start with a line “Subject: …”"):
        render(full(OutreachKind.THANK_YOU), NOW, LONDON, home=tmp_path)


def test_mailto_links_are_percent_encoded_and_read_back_whole() -> None:
    """GIVEN a draft with &, ?, = , accents and line breaks WHEN made a mailto: link THEN nothing is left raw
    and decoding it gives the same subject and body, lines as CRLF."""
    draft = Draft(
        OutreachKind.FOLLOW_UP,
        "Zoë",
        "zoe+jobs@smith.example",
        "Q&A = done?",
        "Hello Zoë,\n\nSmith & Co, 50%?",
    )
    link = as_mailto(draft)
    parts = urlsplit(link)
    assert parts.scheme == "mailto" and unquote(parts.path) == "zoe+jobs@smith.example"
    assert " " not in link and "\n" not in link and "&Co" not in link
    fields = parse_qs(parts.query)
    assert fields["subject"] == ["Q&A = done?"]
    assert fields["body"] == ["Hello Zoë,\r\n\r\nSmith & Co, 50%?"]


def test_an_eml_opens_as_an_unsent_draft_with_to_subject_and_body() -> None:
    """GIVEN a draft WHEN saved as .eml THEN it parses back with To (name and address), Subject, X-Unsent: 1 and
    the body; without an address there is no To at all."""
    draft = render(full(OutreachKind.FEEDBACK), NOW, LONDON)
    message = email.message_from_bytes(as_eml(draft), policy=policy.default)
    assert message["To"] == '"Dr. Jane Doe" <jane@acme.example>'
    assert (message["Subject"], message["X-Unsent"]) == ("A short request for feedback", "1")
    assert message.get_content().strip() == draft.body
    anonymous = render(DraftFacts(OutreachKind.FEEDBACK, company="Acme"), NOW, LONDON)
    assert email.message_from_bytes(as_eml(anonymous), policy=policy.default)["To"] is None


# The CLI -----------------------------------------------------------------------------------------------
def test_draft_prints_text_and_writes_mailto_and_eml(cli: CLI, tmp_path: Path) -> None:
    """GIVEN an application with Jane as interviewer WHEN drafts are asked for THEN the text goes to standard
    output, the mailto: link and the .eml to files, and nothing is recorded as sent."""
    cli("add", "Acme", "Data Engineer", "--stage", "interviewing")
    cli(
        "contact", "add", "Jane Doe", "--email", "jane@acme.example", "--app", "acme", "--role", "interviewer"
    )
    done = cli("draft", "thank-you", "acme", "--detail", "the on-call rota")
    assert done.stdout.startswith(
        "To: Jane Doe <jane@acme.example>\nSubject: Thank you for the conversation\n\nHello Jane,"
    )
    assert "our conversation about the on-call rota" in done.stdout
    assert "--sent" in done.stderr
    cli("draft", "follow-up", "acme", "--format", "mailto", "--out", str(tmp_path / "link.txt"))
    assert (tmp_path / "link.txt").read_text().startswith("mailto:jane@acme.example?subject=Checking%20in")
    cli("draft", "decline", "acme", "-f", "eml", "--out", str(tmp_path / "no.eml"))
    message = email.message_from_bytes((tmp_path / "no.eml").read_bytes(), policy=policy.default)
    assert message["X-Unsent"] == "1" and message["Subject"] == "Your offer for the Data Engineer role"
    timeline = json.loads(cli("show", "acme", "--json").stdout)["timeline"]
    assert not any("sent" in (event["cause"] or "") for event in timeline)


def test_draft_sent_records_the_feedback_request_and_its_outcome_later(
    cli: CLI, database_url: str, tmp_path: Path
) -> None:
    """GIVEN a rejection WHEN the feedback request is drafted with --sent THEN the timeline says so, the due list
    no longer asks for it, and the answer can be recorded as soon as it comes (an answer or --no-answer needed)."""
    cli("add", "Acme", "Data Engineer", "--stage", "interviewing")
    cli(
        "contact",
        "add",
        "Jane Doe",
        "--email",
        "jane@acme.example",
        "--app",
        "acme",
        "--role",
        "hiring_manager",
    )
    cli("close", "acme", "rejected")
    result = cli("draft", "feedback", "acme", "--sent")
    assert "Talent Board 2022" in result.stderr and "Asked Jane Doe for feedback" in result.stderr
    assert 'bounceback feedback acme-data-engineer --answered "…"' in result.stderr
    assert [i["kind"] for i in json.loads(cli("due", "--json").stdout)] == ["bounce"]
    vague = cli("done", "feedback_outcome:app1:fr1", check=False)
    assert vague.returncode == 1 and "Say what came of it" in vague.stderr
    answered = cli("done", "feedback_outcome:app1:fr1", "--answered", "More SQL depth.").stdout
    assert "Kept with your lessons: “More SQL depth.”" in answered
    assert outcome(database_url, tmp_path) == ("answered", "More SQL depth.", ["More SQL depth."])
    unknown = cli("draft", "feedback", "acme", "--to", "nobody", check=False)
    assert unknown.returncode == 1 and "No contact is called “nobody”" in unknown.stderr


def outcome(database_url: str, tmp_path: Path) -> tuple[str, str, list[str]]:
    """The stored feedback request's outcome and answer, and the feedback lessons."""
    from bounceback.settings import load_settings
    from bounceback.workspace import Workspace

    workspace = Workspace(load_settings(home=tmp_path / "home", database_url=database_url))
    try:
        with workspace.read() as read:
            [request] = read.feedback_requests()
            lessons = [lesson.text for lesson in read.lessons()]
            return request.outcome.value, request.answer, lessons
    finally:
        workspace.close()
