"""How long `bounceback report` and `report --html` take on a large search, as a person runs them.

    python benchmarks/report_speed.py [--runs 5] [--workspace DIR] [--rebuild]

Builds (once, then reuses) a SQLite workspace of 5,000 applications and 50,000 timeline events — the same
search `cli_latency.py` builds, with sources, contact links and the coaching records added (lessons, hard
questions, feedback, check-ins, bounce-back sessions, follow-ups) — written in bulk through SQLAlchemy Core into
the migrated schema. Then times `report`, `report --html` and `report --json` as separate processes against
`python -c pass`, and splits one in-process run into its phases (read, compute, themes, page).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
import cli_latency as base

MARKER = "report-benchmark.json"
SOURCES = ["job_board", "job_board", "linkedin", "company_site", "referral", "recruiter", "networking", None]
TOPICS = [
    ("Kubernetes", "production experience"), ("system design", "trade-offs"), ("SQL", "window functions"),
    ("dbt", "testing models"), ("stakeholders", "disagreement"), ("salary", "negotiation"),
    ("Airflow", "backfills"), ("cloud cost", "budgets"), ("streaming", "late events"), ("leadership", "mentoring"),
]  # fmt: skip
LESSON_FORMS = [
    "They wanted more {a} and {b}.", "Practised explaining {a} with a clear story about {b}.",
    "Learned that teams here care about {a}, especially {b}.", "Feedback: good on {b}, needs depth on {a}.",
]  # fmt: skip


def coaching_rows(apps: list[dict[str, Any]], rng: random.Random) -> dict[str, list[dict[str, Any]]]:
    """Lessons, questions, feedback, sessions for about a third of the rejections; weekly check-ins; follow-ups."""
    rejected = [a for a in apps if a["stage"] == "rejected"]
    rows: dict[str, list[dict[str, Any]]] = {
        k: [] for k in ("lessons", "questions", "feedback", "sessions", "checkins", "reminders")
    }
    for n, app in enumerate(rejected[::3], start=1):
        when, (a, b) = app["closed_at"], rng.choice(TOPICS)
        owner = {"owner_id": 1, "application_id": app["id"]}
        text = rng.choice(LESSON_FORMS).format(a=a, b=b)
        rows["lessons"].append({**owner, "id": n, "kind": "learned", "text": text, "created_at": when})
        rows["questions"].append(
            {
                **owner,
                "id": n,
                "kind": "hard",
                "text": f"How would you approach {a} and {b}?",
                "notes": "",
                "created_at": when,
            }
        )
        rows["feedback"].append(
            {
                **owner,
                "id": n,
                "requested_at": when,
                "outcome": "answered",
                "answer": f"Strong overall; more {a} next time.",
                "answered_at": when + timedelta(days=3),
                "contact_id": None,
            }
        )
        rows["sessions"].append(
            {
                **owner,
                "id": n,
                "started_at": when,
                "finished_at": when + timedelta(minutes=20),
                "step": "done",
                "mood_before": rng.randint(2, 5),
                "mood_after": rng.randint(4, 8),
                "self_worth_pct": rng.randint(10, 60),
                "answers": {},
            }
        )
        rows["reminders"].append(
            {
                "owner_id": 1,
                "id": n,
                "key": f"follow-up:{app['slug']}:1",
                "status": "done",
                "updated_at": when + timedelta(days=6),
                "snoozed_until": None,
            }
        )
    for week in range(52):
        at = base.NOW - timedelta(days=7 * week)
        rows["checkins"].append(
            {
                "owner_id": 1,
                "id": week + 1,
                "at": at,
                "mood": rng.randint(3, 8),
                "who5": [rng.randint(1, 5) for _ in range(5)],
                "note": "",
            }
        )
    return rows  # fmt: skip


def contact_events(pairs: list[tuple[dict[str, Any], list[dict[str, Any]]]]) -> None:
    """Turn the last note of every fifth application into a contact link, so people met has data (count unchanged)."""
    for app, events in pairs[::5]:
        events[-1] |= {"kind": "contact", "summary": f"Person {app['company_id']} linked as recruiter"}


def build_workspace(home: Path) -> float:
    """Migrate a fresh SQLite workspace and fill it in bulk; returns the seconds it took."""
    from bounceback.settings import load_settings
    from bounceback.storage import schema
    from bounceback.storage.version import HEAD_REVISION
    from bounceback.storage.workspace import Workspace

    started = time.perf_counter()
    home.mkdir(parents=True, exist_ok=True)
    for stale in (MARKER, "bounceback.sqlite3", "bounceback.sqlite3-wal", "bounceback.sqlite3-shm"):
        (home / stale).unlink(missing_ok=True)
    rng = random.Random(base.SEED)
    workspace = Workspace(load_settings({}, home=home))
    pairs = list(base.application_rows(rng))
    contact_events(pairs)
    apps = [app | {"source": rng.choice(SOURCES)} for app, _ in pairs]
    companies = [
        {"id": i, "owner_id": 1, "name": f"Company {i:03d}", "domains": [], "notes": ""}
        for i in range(1, base.COMPANIES + 1)
    ]
    coaching = coaching_rows(apps, rng)
    with workspace.engine.begin() as connection:
        connection.execute(schema.companies.insert(), companies)
        connection.execute(schema.applications.insert(), apps)
        connection.execute(schema.events.insert(), [e for _, evs in pairs for e in evs])
        connection.execute(schema.interviews.insert(), base.interview_rows(apps, rng))
        for table, key in (
            (schema.lessons, "lessons"),
            (schema.questions, "questions"),
            (schema.feedback_requests, "feedback"),
            (schema.bounce_sessions, "sessions"),
            (schema.checkins, "checkins"),
            (schema.reminder_states, "reminders"),
        ):
            connection.execute(table.insert(), coaching[key])
    workspace.close()
    (home / MARKER).write_text(json.dumps({"applications": base.APPLICATIONS, "revision": HEAD_REVISION}))
    return time.perf_counter() - started  # fmt: skip


def is_ready(home: Path) -> bool:
    """True when `home` holds a finished benchmark workspace at the current schema."""
    from bounceback.storage.version import HEAD_REVISION

    marker = home / MARKER
    return marker.exists() and json.loads(marker.read_text()).get("revision") == HEAD_REVISION


def time_commands(home: Path, runs: int) -> list[tuple[str, list[float]]]:
    """Each command as its own process, one warm-up, then rounds taking the commands in turn."""
    page = home / "report.html"
    module = [sys.executable, "-m", "bounceback"]
    commands = [
        ("python -c pass", [sys.executable, "-c", "pass"]),
        ("bounceback report", [*module, "report"]),
        ("bounceback report --html", [*module, "report", "--html", str(page)]),
        ("bounceback report --json", [*module, "report", "--json"]),
    ]
    env = base.child_env(home)
    for _, argv in commands:
        base.run_once(argv, env)
    seconds: list[list[float]] = [[] for _ in commands]
    for _ in range(runs):
        for i, (_, argv) in enumerate(commands):
            seconds[i].append(base.run_once(argv, env))
    print(f"The page is {page.stat().st_size / 1_000_000:.1f} MB (Plotly's bundle is most of it).")
    return [(label, s) for (label, _), s in zip(commands, seconds, strict=True)]


def phases(home: Path) -> list[tuple[str, float]]:
    """One in-process run split into reading, computing, grouping lessons, drawing the page."""
    from bounceback.dates import local_zone
    from bounceback.insights.gather import gather
    from bounceback.insights.page import render_page
    from bounceback.insights.summary import build_insights
    from bounceback.insights.themes import collect_notes, find_themes
    from bounceback.settings import load_settings
    from bounceback.storage.reads import open_reads

    settings = load_settings({}, home=home)
    marks = [("start", time.perf_counter())]
    read = open_reads(settings)
    facts = gather(read)
    read.close()
    marks.append(("read the workspace", time.perf_counter()))
    ins = build_insights(
        facts, now=base.NOW, zone=local_zone("Europe/London"), ghost_after_days=21, themes=False
    )
    marks.append(("rates, flows, series", time.perf_counter()))
    found = find_themes(collect_notes(facts))
    marks.append((f"lesson themes ({found.notes} notes, incl. scikit-learn import)", time.perf_counter()))
    render_page(ins)
    marks.append(("HTML page (incl. Plotly import)", time.perf_counter()))
    return [(label, marks[i + 1][1] - marks[i][1]) for i, (label, _) in enumerate(marks[1:])]


def main() -> None:
    """1. build or reuse the workspace; 2. time the commands; 3. split one run into phases."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    default = Path(tempfile.gettempdir()) / "bounceback-report-bench"
    parser.add_argument(
        "--workspace", type=Path, default=default, help=f"Workspace folder (default: {default})."
    )
    parser.add_argument("--runs", type=int, default=5, help="Timed runs per command (default: 5).")
    parser.add_argument("--rebuild", action="store_true", help="Build the workspace again even if present.")
    args = parser.parse_args()
    home = args.workspace.expanduser().resolve()
    load = ", ".join(f"{v:.1f}" for v in os.getloadavg())
    print(f"Python {platform.python_version()} on {platform.platform()}, {os.cpu_count()} CPUs, load {load}")
    if args.rebuild or not is_ready(home):
        print(f"Built {home} in {build_workspace(home):.1f} s.")
    print(
        f"{base.APPLICATIONS:,} applications, {base.APPLICATIONS * base.EVENTS_PER_APPLICATION:,} timeline events.\n"
    )
    results = time_commands(home, args.runs)
    baseline = statistics.median(results[0][1])
    print(f"\n{'command':<26}  {'runs':>4}  {'median':>8}  {'min':>8}  {'max':>8}  {'× baseline':>10}")
    for label, seconds in results:
        median = statistics.median(seconds)
        ms = [f"{v * 1000:.0f}ms" for v in (median, min(seconds), max(seconds))]
        print(
            f"{label:<26}  {len(seconds):>4}  {ms[0]:>8}  {ms[1]:>8}  {ms[2]:>8}  {median / baseline:>9.1f}×"
        )
    print("\nOne run in-process, by phase:")
    for label, seconds in phases(home):
        print(f"  {seconds * 1000:7.0f} ms  {label}")


if __name__ == "__main__":
    main()
