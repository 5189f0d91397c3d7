"""`bounceback demo`: a realistic search built through the real CLI, never over anyone's own data."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bounceback.demo.builder import by_employer
from bounceback.demo.steps import Mail, Meet, Move, Opening
from bounceback.demo.story import INBOX, STORY

# A server the demo must never touch: nothing listens there, so any attempt would fail the build.
ELSEWHERE = "postgresql+psycopg://nobody@127.0.0.1:9/not_the_demo"


def bounceback(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real entry point in `cwd`, with none of the developer's own BOUNCEBACK_ settings."""
    kept = {
        "BOUNCEBACK_CACHE_DIR"
    }  # the suite's trained classifier, so the demo's mail reader needs no training
    clean = {k: v for k, v in os.environ.items() if not k.startswith("BOUNCEBACK_") or k in kept}
    full_env = {
        **clean,
        "COLUMNS": "200",
        "NO_COLOR": "1",
        "BOUNCEBACK_TIMEZONE": "Europe/London",
        **(env or {}),
    }
    return subprocess.run(
        [sys.executable, "-m", "bounceback", *args],
        capture_output=True,
        text=True,
        env=full_env,
        cwd=cwd,
        timeout=120,
        check=False,
    )


def read_json(home: Path, *args: str) -> Any:
    """A read command's --json output on the demo workspace."""
    done = bounceback("--home", str(home), *args, "--json", cwd=home)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """One demo, built with a user's own home and database URL configured elsewhere."""
    root = tmp_path_factory.mktemp("demo")
    own = {"BOUNCEBACK_HOME": str(root / "own-home"), "BOUNCEBACK_DATABASE_URL": ELSEWHERE}
    done = bounceback("demo", str(root / "try-it"), cwd=root, env=own)
    assert done.returncode == 0, done.stdout + done.stderr
    return root / "try-it", done


@pytest.fixture(scope="module")
def apps(built: tuple[Path, subprocess.CompletedProcess[str]]) -> list[dict[str, Any]]:
    """The demo's applications as `list --json` gives them."""
    return read_json(built[0], "list")  # type: ignore[no-any-return]


def named(apps: list[dict[str, Any]], company: str) -> str:
    """The short name of the (first) demo application with `company`."""
    return next(a["name"] for a in apps if a["company"] == company)


def rows(home: Path, sql: str) -> list[tuple[Any, ...]]:
    """Rows of a query on the demo's SQLite file (read-only)."""
    connection = sqlite3.connect(f"file:{home / 'bounceback.sqlite3'}?mode=ro", uri=True)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def test_demo_builds_in_sqlite_in_its_folder_and_says_how_to_use_it(built):
    """GIVEN a configured home and database URL WHEN `demo DIR` runs THEN it writes SQLite in DIR only, shows
    the board and a summary, and says how to point commands at it."""
    folder, done = built
    assert (folder / "bounceback.sqlite3").exists()
    assert not (Path(folder).parent / "own-home").exists()
    assert "interviewing (" in done.stdout and "offer (" in done.stdout  # the board's columns
    assert "Rejections came at:" in done.stdout
    assert "Interviews coming up" in done.stdout
    assert "2 wait in `mail review`" in done.stdout and "bounce-back sessions" in done.stdout
    assert (folder / "ABOUT-THIS-DEMO.txt").read_text().startswith("This folder holds the bounceback demo")
    assert f"--home {folder}" in done.stdout
    assert f"--database sqlite:///{folder}/bounceback.sqlite3" in done.stdout  # their URL would win otherwise
    assert done.stderr == ""


def test_about_forty_applications_dated_in_the_last_three_months(apps):
    """GIVEN the demo WHEN listed THEN about forty applications were sent over the three months before
    today."""
    assert 35 <= len(apps) <= 45
    today = date.today()
    applied = [date.fromisoformat(a["applied_on"]) for a in apps if a["applied_on"]]
    assert all(today - timedelta(days=100) <= day < today for day in applied)
    assert len(apps) - len({a["company"] for a in apps}) == 1  # one company comes back with a new role
    opened_by_mail = [a for a in apps if a["source"] is None]
    assert [a["company"] for a in opened_by_mail] == ["Halcyon Rail"]  # its acknowledgment opened it, bare
    assert {a["work_mode"] for a in apps if a not in opened_by_mail} == {"remote", "hybrid", "onsite"}
    assert {"job_board", "referral", "company_site", "recruiter", "linkedin"} <= {a["source"] for a in apps}
    assert len({a["salary_currency"] for a in apps}) >= 2
    assert any(a["dream_job"] for a in apps)


def test_rejections_at_every_stage_and_every_other_outcome(apps):
    """GIVEN the demo WHEN outcomes are counted THEN there are rejections after applying, screening,
    interviews (one after a final round) and an offer, plus ghostings, a withdrawal and an open offer."""
    rejected_at = Counter(a["closed_from"] for a in apps if a["stage"] == "rejected")
    assert {"applied", "screening", "interviewing", "offer"} <= set(rejected_at)
    assert any(a["stage"] == "rejected" and a["interview_rounds"] >= 3 for a in apps)
    stages = Counter(a["stage"] for a in apps)
    assert stages["offer"] >= 1 and stages["ghosted"] >= 2 and stages["withdrawn"] >= 1
    assert all(stages[s] >= 1 for s in ("saved", "applied", "screening", "interviewing"))


def test_due_holds_something_of_every_kind_the_search_leads_to(built):
    """GIVEN the demo WHEN `due --json` runs THEN there are bounce-backs (one new, one left half-way), a feedback
    request to send and one whose answer is overdue, a thank-you, a comeback to reconnect on, ghosting
    suggestions and the coming interviews; what Alex snoozed or dismissed is not there."""
    items = read_json(built[0], "due")
    kinds = Counter(item["kind"] for item in items)
    assert kinds["ghosted"] >= 2 and kinds["interview"] >= 3
    assert kinds["bounce"] == 2 and kinds["feedback"] == 1 and kinds["feedback_outcome"] == 1
    assert kinds["thank_you"] == 1 and kinds["reconnect"] >= 1
    titles = " ".join(item["title"] for item in items)
    assert "Bounce back from Driftwood Insurance" in titles and "Ask Ellie Shaw" in titles
    assert "Orbitra Payments is in your search again" in titles
    assert "Kittiwake Media: no word" not in titles and "Ashgrove University" not in titles


def test_upcoming_interviews_span_time_zones(built):
    """GIVEN the demo WHEN interviews are listed THEN several in the next two weeks are in different zones."""
    now = datetime.now(UTC)
    interviews = read_json(built[0], "interview", "list")
    coming = [
        i for i in interviews if now < datetime.fromisoformat(i["starts_at"]) <= now + timedelta(days=14)
    ]
    assert len(coming) >= 3
    assert len({i["timezone"] for i in coming}) >= 3
    assert len({i["timezone"] for i in interviews}) >= 5


def test_contacts_are_linked_in_their_roles(built, apps):
    """GIVEN the demo WHEN the referred application is shown THEN its referrer, recruiter, hiring manager and
    interviewer are linked, and the timeline reads in order."""
    assert len(read_json(built[0], "contact", "list")) >= 20
    shown = read_json(built[0], "show", named(apps, "Kestrel Freight"))
    roles = {c["role"] for c in shown["contacts"]}
    assert roles == {"referrer", "recruiter", "hiring_manager", "interviewer"}
    moves = [e for e in shown["timeline"] if e["kind"] == "stage"]
    assert [e["to_stage"] for e in moves] == ["applied", "screening", "interviewing", "interviewing", "offer"]
    assert moves[-1]["cause"].startswith("email: Offer: Data Engineer at Kestrel Freight")
    assert {e["origin"] for e in shown["timeline"]} == {"demo", "email"}
    assert all(datetime.fromisoformat(e["at"]) < datetime.now(UTC) for e in shown["timeline"])


def test_every_email_is_read_as_what_it_says(built):
    """GIVEN the demo's mailbox WHEN the real mail reader has read it THEN each story email got the label a person
    would give it and made its change, the two uncertain ones wait in review, and the rest is kept only as a
    fingerprint; the .eml files are in the demo folder, and `classify` reads them the same way."""
    folder = built[0]
    letters = [m for o in STORY for m in o.steps if isinstance(m, Mail)] + list(INBOX)
    found = rows(folder, "SELECT subject, label, status FROM mail_messages WHERE status != 'skipped'")
    by_subject = {subject: (label, status) for subject, label, status in found}
    for letter in letters:
        if letter.means.value == "other":
            assert letter.subject not in by_subject, letter.subject
            continue
        label, status = by_subject[letter.subject]
        assert label == letter.means.value, letter.subject
        assert status == ("review" if letter.waits else "applied"), letter.subject
    skipped = rows(folder, "SELECT subject, body FROM mail_messages WHERE status = 'skipped'")
    assert len(skipped) == sum(m.means.value == "other" for m in letters) and set(skipped) == {("", "")}
    files = sorted((folder / "mail").glob("*.eml"))
    assert len(files) == len(letters)
    read = [
        json.loads(line)
        for line in bounceback("classify", str(folder / "mail"), "--json", cwd=folder).stdout.splitlines()
    ]
    assert Counter(r["label"] for r in read) == Counter(label for label, _ in by_subject.values()) + Counter(
        other=len(skipped)
    )


def test_every_rejection_has_the_email_or_the_call_behind_it(built, apps):
    """GIVEN the demo WHEN each rejection is shown THEN its stage change names the email that caused it, or the
    words Alex typed after a phone call."""
    rejected = [a for a in apps if a["stage"] == "rejected"]
    assert len(rejected) >= 17
    by_email = 0
    for app in rejected:
        moves = [
            e for e in read_json(built[0], "show", app["name"])["timeline"] if e["to_stage"] == "rejected"
        ]
        (move,) = moves
        if (move["cause"] or "").startswith("email: "):
            by_email += 1
        else:
            assert "phoned" in move["summary"] or "called" in move["summary"], app["name"]
    assert by_email >= 15


def test_the_coaching_has_every_part_a_person_leaves_behind(built):
    """GIVEN the demo WHEN its coaching records are read THEN there are finished sessions (full and short), one
    left half-way, lessons of every kind, a question bank, weekly check-ins with their WHO-5 answers, this year's
    rejection goal, feedback answered, unanswered and still pending, and reminders done, snoozed and dismissed."""
    folder = built[0]
    lessons = read_json(folder, "lessons")
    assert {x["kind"] for x in lessons["lessons"]} == {"practised", "learned", "feedback", "drawback"}
    assert len(lessons["questions"]) >= 5
    sessions = rows(folder, "SELECT finished_at IS NOT NULL, mood_before, mood_after FROM bounce_sessions")
    assert sum(done for done, _, _ in sessions) >= 6 and sum(not done for done, _, _ in sessions) == 1
    assert all(after >= before for done, before, after in sessions if done and after is not None)
    outcomes = Counter(o for (o,) in rows(folder, "SELECT outcome FROM feedback_requests"))
    assert outcomes == {"answered": 2, "no_answer": 1, "pending": 1}
    answers = Counter(s for (s,) in rows(folder, "SELECT status FROM reminder_states"))
    assert answers["done"] >= 5 and answers["snoozed"] == 1 and answers["dismissed"] == 1
    checkins = rows(folder, "SELECT mood, who5 FROM checkins")
    assert len(checkins) >= 10 and sum(json.loads(w) != [] for _, w in checkins) >= 8
    years = {y for (y,) in rows(folder, "SELECT year FROM goals")}
    assert max(years) == max(d.year for d in (date.today() - timedelta(days=n) for n in range(15, 90)))


def test_dates_in_the_demo_follow_the_calendar(built):
    """GIVEN the demo WHEN its dates are read THEN every next step is planned after its session, only the newest
    ones lie ahead, promised answers and snoozes end in the future, and no email arrives after today."""
    folder = built[0]
    now = datetime.now(UTC)
    plans = rows(folder, "SELECT e.occurred_at, e.details FROM events e WHERE e.details LIKE '%next_step%'")
    assert plans
    for at, details in plans:
        by = date.fromisoformat(json.loads(details)["by"])
        assert by > datetime.fromisoformat(at).date()
    assert any(date.fromisoformat(json.loads(d)["by"]) > now.date() for _, d in plans)
    (snoozed,) = rows(folder, "SELECT snoozed_until FROM reminder_states WHERE status = 'snoozed'")
    assert datetime.fromisoformat(snoozed[0]).replace(tzinfo=UTC) > now
    promised = rows(folder, "SELECT details FROM events WHERE details LIKE '%answer_by%'")
    assert promised and all(date.fromisoformat(json.loads(d)["answer_by"]) > now.date() for (d,) in promised)
    arrived = [
        datetime.fromisoformat(r).replace(tzinfo=UTC)
        for (r,) in rows(folder, "SELECT received_at FROM mail_messages WHERE received_at IS NOT NULL")
    ]
    assert arrived and max(arrived) < now


def test_drafts_in_the_demo_are_signed_by_its_searcher(built, apps):
    """GIVEN the demo WHEN a feedback request is drafted for the newest rejection THEN it goes to the person met
    there and is signed with the searcher's name, kept as the demo's setting."""
    done = bounceback(
        "--home", str(built[0]), "draft", "feedback", named(apps, "Driftwood Insurance"), cwd=built[0]
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("To: Ellie Shaw <ellie.shaw@driftwood-insurance.example>")
    assert done.stdout.rstrip().endswith("Best wishes,\nAlex Moreno")


def test_refuses_a_folder_that_holds_someones_own_database(tmp_path):
    """GIVEN a folder with a bounceback database that is not a demo WHEN `demo` is pointed at it THEN it refuses
    in one sentence and changes nothing."""
    own = tmp_path / "mine"
    assert bounceback("--home", str(own), "add", "Acme", "Data Engineer", cwd=tmp_path).returncode == 0
    done = bounceback("demo", str(own), cwd=tmp_path)
    assert done.returncode == 1
    assert "already holds a bounceback database that is not a demo" in done.stderr
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert len(read_json(own, "list")) == 1


def test_by_default_the_demo_lives_in_the_data_folder_and_is_rebuilt_there(tmp_path):
    """GIVEN a fresh HOME WHEN `demo` runs twice from a project folder THEN it is built in the platform's data
    folder (not the current folder), and the second run replaces the demo there, keeping other files."""
    project = tmp_path / "project"
    project.mkdir()
    env = {"HOME": str(tmp_path / "home"), "XDG_DATA_HOME": ""}
    first = bounceback("demo", cwd=project, env=env)
    assert first.returncode == 0, first.stderr
    folder = tmp_path / "home" / ".local" / "share" / "bounceback-demo"
    assert f"Built a demo in {folder}:" in first.stdout
    assert list(project.iterdir()) == []
    (folder / "notes.txt").write_text("mine")
    bounceback("--home", str(folder), "note", "halcyon", "Something I tried", cwd=project)
    again = bounceback("demo", cwd=project, env=env)
    assert again.returncode == 0, again.stderr
    assert "(the earlier demo there was replaced)" in again.stdout
    assert (folder / "notes.txt").read_text() == "mine"
    timeline = read_json(folder, "show", "halcyon")["timeline"]
    assert not any(e["summary"] == "Something I tried" for e in timeline)


def _employer_steps(opening: Opening) -> list[Meet | Move | Mail]:
    """The employer's part of an opening (interviews, emails, their answers), in the order of their days."""
    return sorted((s for s in opening.steps if by_employer(s)), key=lambda s: s.day)  # type: ignore[misc]


@pytest.mark.parametrize("opening", STORY, ids=lambda o: o.company)
def test_story_steps_leave_room_for_weekends(opening):
    """GIVEN a story application THEN its steps come after it was saved and before today, and each interview
    is three days after it was arranged and three days before what follows, so moving them off a weekend keeps
    their order."""
    assert all(opening.saved <= step.day <= -1 for step in opening.steps)
    last_interview: int | None = None
    for step in _employer_steps(opening):
        assert last_interview is None or step.day >= last_interview + 3
        if isinstance(step, Meet):
            assert step.day + 3 <= step.on <= 12
            last_interview = step.on


@pytest.mark.parametrize("weekday", range(7))
def test_built_on_any_day_the_timelines_read_in_order(tmp_path, weekday):
    """GIVEN any day of the week WHEN the demo is built THEN every timeline runs forward in time up to now,
    interviews fall on working days in their own zone, and the coming ones and the silent ones are there."""
    from bounceback.demo import build_demo, demo_settings
    from bounceback.storage.workspace import Workspace

    # A late-evening week that spans the UK's spring clock change (29 March 2026).
    now = datetime(2026, 3, 23, 23, 30, tzinfo=UTC) + timedelta(days=weekday)
    settings = demo_settings(tmp_path / "demo", {"BOUNCEBACK_CACHE_DIR": os.environ["BOUNCEBACK_CACHE_DIR"]})
    build_demo(settings, now=now)
    workspace = Workspace(settings)
    try:
        check_built_on(workspace, now)
    finally:
        workspace.close()


def check_built_on(workspace: Any, now: datetime) -> None:
    """The demo's timelines, interviews and silences as seen at `now`."""
    from zoneinfo import ZoneInfo

    from bounceback.domain.due import ghost_suggestions
    from bounceback.tracker import Tracker

    with workspace.read() as session:
        tracker = Tracker(session, 1)
        apps = tracker.applications()
        for app in apps:
            moments = [e.occurred_at for e in sorted(tracker.timeline(app), key=lambda e: e.id or 0)]
            assert moments == sorted(moments) and moments[-1] < now, app.slug
        interviews = tracker.interviews()
        assert all(i.starts_at.astimezone(ZoneInfo(i.timezone)).weekday() < 5 for i in interviews)
        coming = [i for i in interviews if now < i.starts_at <= now + timedelta(days=14)]
        assert len({i.timezone for i in coming}) >= 3
        assert len(ghost_suggestions(apps, now, 21)) >= 2
