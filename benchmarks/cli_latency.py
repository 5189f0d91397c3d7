"""How long the everyday commands take on a large workspace, measured as a person runs them: one process each.

    python benchmarks/cli_latency.py [--runs 15] [--workspace DIR] [--rebuild] [--top 20]

Builds (once, then reuses) a SQLite workspace of 5,000 applications with about ten timeline events each,
written in bulk through SQLAlchemy Core into the migrated schema. Then times `list`, `due` and `--help`
against `python -c pass` in the same run, and shows which imports dominate `list`.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

APPLICATIONS = 5_000
EVENTS_PER_APPLICATION = 10
COMPANIES = 900
UPCOMING_INTERVIEWS = 40
MARKER = "benchmark.json"
SEED = 20_260_302
NOW = datetime.now(UTC).replace(microsecond=0)

# How the 5,000 applications are spread over stages: a long search, mostly waiting or turned down.
STAGE_WEIGHTS = {
    "saved": 8,
    "applied": 40,
    "screening": 8,
    "interviewing": 7,
    "offer": 1,
    "accepted": 0.2,
    "declined": 0.5,
    "rejected": 25,
    "withdrawn": 4,
    "ghosted": 6.3,
}
OPEN_PATH = ["saved", "applied", "screening", "interviewing", "offer"]
ROLES = ["Data Engineer", "Backend Developer", "Platform Engineer", "Data Analyst", "ML Engineer", "SRE"]
TAGS = ["remote", "python", "go", "data", "startup", "fintech", "health", "climate"]


# Building the workspace -----------------------------------------------------------------------------------
def workspace_is_ready(home: Path) -> bool:
    """True when `home` holds a finished benchmark workspace at the current schema."""
    from bounceback.storage.version import HEAD_REVISION

    marker = home / MARKER
    if not marker.exists():
        return False
    facts = json.loads(marker.read_text())
    return bool(facts.get("applications") == APPLICATIONS and facts.get("revision") == HEAD_REVISION)


def path_to(final: str, rng: random.Random) -> list[str]:
    """The stages an application passed through to reach `final`."""
    if final in OPEN_PATH:
        return OPEN_PATH[: OPEN_PATH.index(final) + 1]
    reached = {"accepted": "offer", "declined": "offer", "withdrawn": "applied"}.get(final)
    reached = reached or rng.choice(["applied", "applied", "screening", "interviewing"])
    return [*OPEN_PATH[: OPEN_PATH.index(reached) + 1], final]


def unique(slug: str, taken: set[str]) -> str:
    """A slug not yet taken, numbered like the tracker does."""
    candidate, n = slug, 2
    while candidate in taken:
        candidate, n = f"{slug}-{n}", n + 1
    taken.add(candidate)
    return candidate


def application_row(
    app_id: int, path: list[str], created: datetime, step: timedelta, rng: random.Random, taken: set[str]
) -> dict[str, Any]:
    """One application that went along `path`, one step every `step`."""
    last = created + step * (len(path) - 1)
    company_id, role = rng.randint(1, COMPANIES), rng.choice(ROLES)
    reached = [s for s in path if s in OPEN_PATH][-1]
    closed = path[-1] not in OPEN_PATH
    return {
        "id": app_id, "owner_id": 1, "company_id": company_id, "role": role,
        "slug": unique(f"company-{company_id:03d}-{role.lower().replace(' ', '-')}", taken),
        "location": rng.choice(["Berlin", "Remote", "Lisbon", "London", ""]), "notes": "",
        "url": f"https://jobs.example/{app_id}", "salary_currency": "EUR",
        "salary_min": rng.choice([None, 50_000, 60_000]), "salary_max": rng.choice([None, 80_000, 90_000]),
        "saved_on": created.date(), "applied_on": (created + step).date() if len(path) > 1 else None,
        "excitement": rng.choice([None, 1, 2, 3, 4, 5]), "dream_job": rng.random() < 0.02,
        "tags": rng.sample(TAGS, rng.randint(0, 3)), "stage": path[-1], "furthest_stage": reached,
        "closed_from": reached if closed else None, "close_reason": "",
        "interview_rounds": int("interviewing" in path), "created_at": created, "updated_at": last,
        "last_activity_at": last, "closed_at": last if closed else None,
    }  # fmt: skip


def application_rows(rng: random.Random) -> Iterator[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """Each application's row and its timeline rows, ids assigned here."""
    stages, weights = list(STAGE_WEIGHTS), list(STAGE_WEIGHTS.values())
    taken: set[str] = set()
    for app_id in range(1, APPLICATIONS + 1):
        path = path_to(rng.choices(stages, weights)[0], rng)
        created = NOW - timedelta(days=rng.uniform(1, 365))
        step = timedelta(days=rng.uniform(0.5, 6))
        first = (app_id - 1) * EVENTS_PER_APPLICATION + 1
        events = [event_row(first + n, app_id, n, path, created, step) for n in range(EVENTS_PER_APPLICATION)]
        yield application_row(app_id, path, created, step, rng, taken), events


def event_row(
    event_id: int, app_id: int, n: int, path: list[str], created: datetime, step: timedelta
) -> dict[str, Any]:
    """The n-th timeline entry: created, then the stage moves, then notes."""
    base: dict[str, Any] = {
        "id": event_id, "owner_id": 1, "application_id": app_id, "origin": "manual", "cause": "", "details": {},
        "from_stage": None, "to_stage": None,
    }  # fmt: skip
    if n == 0:
        return {**base, "kind": "created", "occurred_at": created, "summary": "Added", "to_stage": "saved"}
    if n < len(path):
        moved = {"from_stage": path[n - 1], "to_stage": path[n]}
        return {
            **base,
            "kind": "stage",
            "occurred_at": created + step * n,
            "summary": f"Moved to {path[n]}",
            **moved,
        }
    return {**base, "kind": "note", "occurred_at": created + step * n, "summary": f"Note {n} about the role."}


def interview_rows(apps: list[dict[str, Any]], rng: random.Random) -> list[dict[str, Any]]:
    """Past interviews for those who interviewed, and a few upcoming ones so `due` has some."""
    rows = []
    interviewing = [a for a in apps if a["interview_rounds"]]
    for n, app in enumerate(interviewing, start=1):
        upcoming = app["stage"] == "interviewing" and n <= UPCOMING_INTERVIEWS * 3 and rng.random() < 0.4
        starts = (
            NOW + timedelta(days=rng.uniform(0.2, 12)) if upcoming else app["updated_at"] - timedelta(days=1)
        )
        rows.append(
            {
                "id": n, "owner_id": 1, "application_id": app["id"], "round": 1, "kind": "video",
                "starts_at": starts, "timezone": "Europe/Berlin", "duration_minutes": 60,
                "location": "", "interviewers": "", "notes": "",
            }
        )  # fmt: skip
    return rows


def build_workspace(home: Path) -> float:
    """Migrate a fresh SQLite workspace and fill it in bulk; returns the seconds it took."""
    from bounceback.settings import load_settings
    from bounceback.storage.schema import applications, companies, events, interviews
    from bounceback.storage.version import HEAD_REVISION
    from bounceback.workspace import Workspace

    started = time.perf_counter()
    home.mkdir(parents=True, exist_ok=True)
    for stale in (MARKER, "bounceback.sqlite3", "bounceback.sqlite3-wal", "bounceback.sqlite3-shm"):
        (home / stale).unlink(missing_ok=True)
    rng = random.Random(SEED)
    workspace = Workspace.open(load_settings({}, home=home))
    pairs = list(application_rows(rng))
    apps = [app for app, _ in pairs]
    company_rows = [
        {"id": i, "owner_id": 1, "name": f"Company {i:03d}", "domains": [f"company{i}.example"], "notes": ""}
        for i in range(1, COMPANIES + 1)
    ]
    with workspace.database.engine.begin() as connection:
        connection.execute(companies.insert(), company_rows)
        connection.execute(applications.insert(), apps)
        connection.execute(events.insert(), [e for _, evs in pairs for e in evs])
        connection.execute(interviews.insert(), interview_rows(apps, rng))
    workspace.close()
    with sqlite3.connect(
        home / "bounceback.sqlite3"
    ) as connection:  # fold the WAL in now, not in a timed run
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    facts = {
        "applications": APPLICATIONS,
        "events": APPLICATIONS * EVENTS_PER_APPLICATION,
        "revision": HEAD_REVISION,
    }
    (home / MARKER).write_text(json.dumps(facts))
    return time.perf_counter() - started


# Measuring ------------------------------------------------------------------------------------------------
@dataclass
class Timing:
    """Wall times of one command over several runs."""

    label: str
    argv: list[str]
    seconds: list[float]

    @property
    def median(self) -> float:
        """The middle run."""
        return statistics.median(self.seconds)

    @property
    def p90(self) -> float:
        """The run 90 % of runs beat (nearest rank)."""
        ordered = sorted(self.seconds)
        return ordered[max(0, math.ceil(0.9 * len(ordered)) - 1)]


def child_env(home: Path) -> dict[str, str]:
    """The environment of each measured process: this workspace, none of the caller's bounceback settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("BOUNCEBACK_")}
    return {
        **env,
        "BOUNCEBACK_HOME": str(home),
        "COLUMNS": "120",
        "NO_COLOR": "1",
        "PYTHONDONTWRITEBYTECODE": "",
    }


def commands() -> list[tuple[str, list[str]]]:
    """What to time: the baseline, then each command through `python -m` and the console script if installed."""
    module = [sys.executable, "-m", "bounceback"]
    chosen = [("python -c pass", [sys.executable, "-c", "pass"])]
    chosen += [(f"python -m bounceback {c}", [*module, c]) for c in ("--help", "list", "due")]
    # Not asked for by a person, but they show how much of `list` and `due` is drawing the table.
    chosen.append(("python -m bounceback list --limit 0", [*module, "list", "--limit", "0"]))
    chosen.append(("python -m bounceback due --json", [*module, "due", "--json"]))
    script = Path(sys.executable).with_name("bounceback")
    if script.exists():
        chosen += [(f"bounceback {c} (script)", [str(script), c]) for c in ("--help", "list", "due")]
    return chosen


def run_once(argv: list[str], env: dict[str, str]) -> float:
    """Seconds one process takes from start to exit; stops the benchmark if the command fails."""
    started = time.perf_counter()
    done = subprocess.run(
        argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False
    )
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"{' '.join(argv)} failed ({done.returncode}):\n{done.stderr}")
    return elapsed


def planned_runs(warm_up: float, runs: int, budget: float) -> int:
    """How many timed runs a command gets: `runs`, fewer (never under 5) when that would exceed `budget` seconds."""
    if budget <= 0:
        return runs
    return max(min(runs, 5), min(runs, int(budget / max(warm_up, 1e-3))))


def measure(home: Path, runs: int, budget: float) -> list[Timing]:
    """One warm-up each, then rounds taking the commands in turn, so load drifts hit them all alike."""
    env = child_env(home)
    timings = [Timing(label, argv, []) for label, argv in commands()]
    plans = [planned_runs(run_once(t.argv, env), runs, budget) for t in timings]
    for round_number in range(max(plans)):
        for timing, planned in zip(timings, plans, strict=True):
            if round_number < planned:
                timing.seconds.append(run_once(timing.argv, env))
    return timings


def print_table(timings: list[Timing]) -> None:
    """Median, min and p90 in milliseconds, with each median's ratio to `python -c pass`."""
    baseline = timings[0].median
    width = max(len(t.label) for t in timings)
    print(f"{'command':<{width}}  {'runs':>4}  {'median':>8}  {'min':>8}  {'p90':>8}  {'× baseline':>10}")
    for t in timings:
        ms = [f"{v * 1000:.0f}ms" for v in (t.median, min(t.seconds), t.p90)]
        ratio = f"{t.median / baseline:.1f}×"
        print(f"{t.label:<{width}}  {len(t.seconds):>4}  {ms[0]:>8}  {ms[1]:>8}  {ms[2]:>8}  {ratio:>10}")


# What the imports cost ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ImportCost:
    """One line of `python -X importtime`."""

    module: str
    depth: int
    self_us: int
    cumulative_us: int


def import_costs(home: Path) -> list[ImportCost]:
    """Run `list` once under -X importtime and read its report."""
    argv = [sys.executable, "-X", "importtime", "-m", "bounceback", "list"]
    done = subprocess.run(
        argv, env=child_env(home), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False
    )
    costs = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "imported package" in line:
            continue
        self_us, cumulative_us, name = line.removeprefix("import time:").split("|", 2)
        depth = (len(name) - len(name.lstrip()) - 1) // 2
        costs.append(ImportCost(name.strip(), depth, int(self_us), int(cumulative_us)))
    return costs


def print_imports(costs: list[ImportCost], top: int) -> None:
    """The heaviest imports by cumulative time, and the total."""
    total = sum(c.cumulative_us for c in costs if c.depth == 0)
    ours = sum(c.self_us for c in costs if c.module.split(".")[0] == "bounceback")
    print(
        f"Imports of `bounceback list`: {total / 1000:.0f} ms in total, {ours / 1000:.0f} ms of it in bounceback's own modules."
    )
    print(f"Top {top} by cumulative time (indent = nesting depth):")
    print(f"{'cumulative':>11}  {'self':>8}  module")
    for cost in sorted(costs, key=lambda c: c.cumulative_us, reverse=True)[:top]:
        print(
            f"{cost.cumulative_us / 1000:9.1f}ms  {cost.self_us / 1000:6.1f}ms  {'  ' * cost.depth}{cost.module}"
        )


def print_split(timings: list[Timing], costs: list[ImportCost]) -> None:
    """Where the time goes: interpreter start, imports, the rest; and what drawing the tables adds."""
    median = {t.label.removeprefix("python -m bounceback "): t.median * 1000 for t in timings}
    baseline, listed = median["python -c pass"], median["list"]
    imports = sum(c.cumulative_us for c in costs if c.depth == 0) / 1000
    print(
        f"\n`list` median {listed:.0f} ms = interpreter {baseline:.0f} ms + imports ~{imports:.0f} ms "
        f"+ reading, sorting and drawing ~{listed - baseline - imports:.0f} ms.\n"
        f"`list --limit 0` (all {APPLICATIONS:,} rows drawn) takes {median['list --limit 0']:.0f} ms; "
        f"`due` takes {median['due']:.0f} ms as a table and {median['due --json']:.0f} ms as JSON."
    )


# Flow -----------------------------------------------------------------------------------------------------
def parse_args() -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    default = Path(tempfile.gettempdir()) / f"bounceback-bench-{APPLICATIONS}"
    parser.add_argument(
        "--workspace", type=Path, default=default, help=f"Workspace folder (default: {default})."
    )
    parser.add_argument("--runs", type=int, default=15, help="Timed runs per command (default: 15).")
    parser.add_argument(
        "--budget",
        type=float,
        default=20.0,
        help="Seconds of timed runs per command: slow ones get fewer runs, at least 5 (default: 20; 0: no cap).",
    )
    parser.add_argument("--top", type=int, default=20, help="Import-time entries to show (default: 20).")
    parser.add_argument("--rebuild", action="store_true", help="Build the workspace again even if cached.")
    return parser.parse_args()


def main() -> None:
    """1. build or reuse the workspace; 2. time the commands within the budget; 3. show what the imports cost."""
    args = parse_args()
    home = args.workspace.expanduser().resolve()
    load = ", ".join(f"{v:.1f}" for v in os.getloadavg())
    print(f"Python {platform.python_version()} on {platform.platform()}, {os.cpu_count()} CPUs, load {load}")
    if args.rebuild or not workspace_is_ready(home):
        seconds = build_workspace(home)
        print(
            f"Built {home}: {APPLICATIONS:,} applications, {APPLICATIONS * EVENTS_PER_APPLICATION:,} events in {seconds:.1f} s."
        )
    else:
        print(f"Reusing {home} ({APPLICATIONS:,} applications; --rebuild to build it again).")
    print(
        f"Up to {args.runs} timed runs per command (fewer, at least 5, past {args.budget:g} s per command) after one "
        "warm-up,\ncommands taken in turn; wall time per process, output to /dev/null.\n"
    )
    timings = measure(home, args.runs, args.budget)
    print_table(timings)
    print()
    costs = import_costs(home)
    print_imports(costs, args.top)
    print_split(timings, costs)


if __name__ == "__main__":
    main()
