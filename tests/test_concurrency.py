"""Several `bounceback` processes on one SQLite workspace at once: no "database is locked", no lost write."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

WRITES_PER_PROCESS_STREAM = 25


@dataclass(frozen=True)
class Run:
    """One finished `bounceback` process."""

    args: tuple[str, ...]
    returncode: int
    stdout: str
    stderr: str


def start(home: Path, *args: str) -> subprocess.Popen[str]:
    """Start the real entry point on the workspace in `home`."""
    env = {**os.environ, "BOUNCEBACK_HOME": str(home), "COLUMNS": "200", "NO_COLOR": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "bounceback", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(process: subprocess.Popen[str], args: Sequence[str]) -> Run:
    """Wait for a process and keep what it said."""
    stdout, stderr = process.communicate(timeout=180)
    return Run(tuple(args), process.returncode, stdout, stderr)


def run_in_turn(home: Path, commands: Sequence[tuple[str, ...]]) -> list[Run]:
    """Run commands one after another, each as its own process."""
    return [finish(start(home, *args), args) for args in commands]


def read_until(home: Path, stop: threading.Event) -> list[Run]:
    """List the applications again and again until told to stop."""
    runs: list[Run] = []
    while not stop.is_set() or not runs:
        runs.append(run_in_turn(home, [("list", "--json")])[0])
    return runs


def failures(runs: list[Run]) -> list[str]:
    """What went wrong in any run, for a readable assertion."""
    return [f"{' '.join(r.args)} → {r.returncode}: {r.stderr.strip()}" for r in runs if r.returncode != 0]


@pytest.mark.slow
def test_two_writers_and_a_reader_at_the_same_time(tmp_path: Path) -> None:
    """GIVEN one workspace WHEN two process streams add and note 25 times each while a third lists THEN all succeed."""
    home = tmp_path / "home"
    assert run_in_turn(home, [("add", "Base", "Engineer")])[0].returncode == 0
    adds = [("add", f"Company {i:02d}", "Engineer") for i in range(WRITES_PER_PROCESS_STREAM)]
    notes = [("note", "base-engineer", f"note {i:02d}") for i in range(WRITES_PER_PROCESS_STREAM)]
    stop = threading.Event()
    with ThreadPoolExecutor(max_workers=3) as pool:
        reading = pool.submit(read_until, home, stop)
        adding = pool.submit(run_in_turn, home, adds)
        noting = pool.submit(run_in_turn, home, notes)
        writes = adding.result() + noting.result()
        stop.set()
        reads = reading.result()
    assert failures(writes + reads) == []
    assert not [r for r in writes + reads if "locked" in r.stderr.lower()]
    listed = json.loads(run_in_turn(home, [("list", "--json", "--sort", "company")])[0].stdout)
    assert [a["company"] for a in listed] == [
        "Base",
        *[f"Company {i:02d}" for i in range(WRITES_PER_PROCESS_STREAM)],
    ]
    timeline = json.loads(run_in_turn(home, [("show", "base-engineer", "--json")])[0].stdout)["timeline"]
    assert [e["summary"] for e in timeline if e["kind"] == "note"] == [
        f"note {i:02d}" for i in range(WRITES_PER_PROCESS_STREAM)
    ]
    counts = [len(json.loads(r.stdout)) for r in reads]
    assert counts == sorted(counts)  # a reader never sees a write disappear
    assert counts[0] >= 1 and counts[-1] <= WRITES_PER_PROCESS_STREAM + 1


@pytest.mark.slow
@pytest.mark.parametrize("attempt", range(3))
def test_two_first_commands_on_a_blank_workspace(tmp_path: Path, attempt: int) -> None:
    """GIVEN no database yet WHEN two processes start their first command at once THEN both migrate-and-write fine."""
    home = tmp_path / f"home-{attempt}"
    first, second = ("add", "Acme", "Data Engineer"), ("add", "Globex", "Analyst")
    processes = [(start(home, *first), first), (start(home, *second), second)]
    runs = [finish(process, args) for process, args in processes]
    assert failures(runs) == []
    listed = json.loads(run_in_turn(home, [("list", "--json", "--sort", "company")])[0].stdout)
    assert [a["name"] for a in listed] == ["acme-data-engineer", "globex-analyst"]
