"""`bounceback demo`: a realistic search built through the real CLI, never over anyone's own data."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bounceback.demo.steps import Meet, Move, Opening
from bounceback.demo.story import STORY

# A server the demo must never touch: nothing listens there, so any attempt would fail the build.
ELSEWHERE = "postgresql+psycopg://nobody@127.0.0.1:9/not_the_demo"


def bounceback(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real entry point in `cwd`, with none of the developer's own BOUNCEBACK_ settings."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("BOUNCEBACK_")}
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
    """The short name of the demo application with `company`."""
    return next(a["name"] for a in apps if a["company"] == company)


def test_demo_builds_in_sqlite_in_its_folder_and_says_how_to_use_it(built):
    """GIVEN a configured home and database URL WHEN `demo DIR` runs THEN it writes SQLite in DIR only, shows
    the board and a summary, and says how to point commands at it."""
    folder, done = built
    assert (folder / "bounceback.sqlite3").exists()
    assert not (Path(folder).parent / "own-home").exists()
    assert "interviewing (" in done.stdout and "offer (" in done.stdout  # the board's columns
    assert "Rejections came at:" in done.stdout
    assert "Interviews coming up" in done.stdout
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
    assert len({a["company"] for a in apps}) == len(apps)
    assert {a["work_mode"] for a in apps} == {"remote", "hybrid", "onsite"}
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


def test_due_suggests_ghosting_and_lists_upcoming_interviews(built):
    """GIVEN the demo WHEN `due --json` runs THEN silent applications are suggested as ghosted and the coming
    interviews are listed."""
    kinds = Counter(item["kind"] for item in read_json(built[0], "due"))
    assert kinds["ghosted"] >= 2
    assert kinds["interview"] >= 3


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
    moves = [e["to_stage"] for e in shown["timeline"] if e["kind"] == "stage"]
    assert moves == ["applied", "screening", "interviewing", "interviewing", "offer"]
    assert {e["origin"] for e in shown["timeline"]} == {"demo"}
    assert all(datetime.fromisoformat(e["at"]) < datetime.now(UTC) for e in shown["timeline"])


def test_refuses_a_folder_that_holds_a_database(built, apps):
    """GIVEN a folder with a bounceback database WHEN `demo` is pointed at it THEN it refuses in one sentence
    and changes nothing."""
    folder = built[0]
    done = bounceback("demo", str(folder), cwd=folder.parent)
    assert done.returncode == 1
    assert "already holds a bounceback database" in done.stderr
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert len(read_json(folder, "list")) == len(apps)


def test_default_folder_is_always_a_new_one(tmp_path):
    """GIVEN a bounceback-demo folder already in the current directory WHEN `demo` runs twice without DIR THEN
    it builds in bounceback-demo-2, then bounceback-demo-3, and leaves the existing folder alone."""
    (tmp_path / "bounceback-demo").mkdir()
    (tmp_path / "bounceback-demo" / "mine.txt").write_text("my own notes")
    for _ in range(2):
        assert bounceback("demo", cwd=tmp_path).returncode == 0
    assert [p.name for p in (tmp_path / "bounceback-demo").iterdir()] == ["mine.txt"]
    for name in ("bounceback-demo-2", "bounceback-demo-3"):
        assert (tmp_path / name / "bounceback.sqlite3").exists()


def _employer_steps(opening: Opening) -> list[Meet | Move]:
    """The interviews and stage moves of an opening, in the order of their days."""
    return sorted((s for s in opening.steps if isinstance(s, Meet | Move)), key=lambda s: s.day)


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
    from bounceback.workspace import Workspace

    # A late-evening week that spans the UK's spring clock change (29 March 2026).
    now = datetime(2026, 3, 23, 23, 30, tzinfo=UTC) + timedelta(days=weekday)
    settings = demo_settings(tmp_path / "demo", {})
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

    with workspace.change("look") as change:
        tracker = change.tracker
        apps = tracker.applications()
        for app in apps:
            moments = [e.occurred_at for e in sorted(tracker.timeline(app), key=lambda e: e.id or 0)]
            assert moments == sorted(moments) and moments[-1] < now, app.slug
        interviews = tracker.interviews()
        assert all(i.starts_at.astimezone(ZoneInfo(i.timezone)).weekday() < 5 for i in interviews)
        coming = [i for i in interviews if now < i.starts_at <= now + timedelta(days=14)]
        assert len({i.timezone for i in coming}) >= 3
        assert len(ghost_suggestions(apps, now, 21)) >= 2
