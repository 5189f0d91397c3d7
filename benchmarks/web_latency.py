"""How fast the dashboard's pages answer on a large search, over real HTTP on loopback.

    python benchmarks/web_latency.py [--runs 50] [--workspace DIR] [--rebuild]

1. Builds (once, then reuses) the same workspace as cli_latency.py: 5,000 applications with ten timeline
   events each (50,000), bulk-inserted through SQLAlchemy Core into the migrated schema.
2. Starts `bounceback serve --no-browser` on a free loopback port as its own process, like a person would, on
   a copy of that workspace (the notes added in step 4 never touch the shared one).
3. Times the first request of each page (cold: templates compiled, caches empty), then `--runs` rounds that
   take the pages in turn after a warm-up: a static file (the baseline: the server's own floor), the board, a
   board search, an application page (a different application each time) and the insights page.
4. Then times the board and the insights right after a change (a note added through the form each time), when
   the pages cannot reuse what they computed: that is what a person sees after every click.
5. Prints median, p95 and max per page, and each median as a multiple of the baseline.
"""

from __future__ import annotations

import argparse
import http.client
import os
import platform
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import cli_latency  # the shared 5,000-application workspace builder

TARGET_P95_MS = 100.0
PAGES = {
    "static file (baseline)": "/static/htmx.LICENSE.txt",
    "board": "/",
    "board, searched": "/?q=python",
    "application page": "/applications/{app}",
    "insights": "/insights",
}


@dataclass
class Timing:
    """The times of one page, in milliseconds."""

    name: str
    cold: float = 0.0
    runs: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    @property
    def p95(self) -> float:
        return statistics.quantiles(self.runs, n=100, method="inclusive")[94]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(home: Path, port: int) -> subprocess.Popen[bytes]:
    """`bounceback serve` on the workspace, as its own process; returns once it answers."""
    command = [
        sys.executable,
        "-m",
        "bounceback",
        "--home",
        str(home),
        "serve",
        "--no-browser",
        "--port",
        str(port),
    ]
    env = {**os.environ, "BOUNCEBACK_HOME": str(home)}
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return server
        except OSError:
            if server.poll() is not None:
                reason = server.stderr.read().decode() if server.stderr else ""
                raise SystemExit(f"the server stopped: {reason}") from None
            time.sleep(0.1)
    server.terminate()
    raise SystemExit("the server did not start within 60 s")


def fetch(connection: http.client.HTTPConnection, path: str, headers: dict[str, str] | None = None) -> float:
    """One GET on a kept-alive connection, read to the end; milliseconds."""
    started = time.perf_counter()
    connection.request("GET", path, headers=headers or {})
    response = connection.getresponse()
    body = response.read()
    elapsed = (time.perf_counter() - started) * 1000
    if response.status != 200:
        raise SystemExit(f"GET {path} answered {response.status}: {body[:200]!r}")
    return elapsed


def measure(port: int, runs: int, app_ids: list[int]) -> list[Timing]:
    """Cold first requests, a warm-up, then rounds over all pages so load changes touch them alike."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    timings = {name: Timing(name) for name in PAGES}
    rng = random.Random(7)
    for name, path in PAGES.items():
        timings[name].cold = fetch(connection, path.format(app=rng.choice(app_ids)))
    for _ in range(3):
        for path in PAGES.values():
            fetch(connection, path.format(app=rng.choice(app_ids)))
    for _ in range(runs):
        for name, path in PAGES.items():
            timings[name].runs.append(fetch(connection, path.format(app=rng.choice(app_ids))))
    connection.close()
    return list(timings.values())


class Session:
    """A browser-like client: keeps the session cookie and the CSRF token of the first page."""

    def __init__(self, port: int) -> None:
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
        self.connection.request("GET", "/")
        response = response_of(self.connection)
        self.cookie = (response.getheader("set-cookie") or "").split(";")[0]
        found = re.search(rb'name="csrf_token" value="([^"]+)"', response.read())
        self.token = found.group(1).decode() if found else ""

    def note(self, app_id: int, n: int) -> None:
        """Add a note through the form (one journaled change)."""
        body = f"csrf_token={self.token}&text=Benchmark+note+{n}"
        headers = {"Cookie": self.cookie, "Content-Type": "application/x-www-form-urlencoded"}
        self.connection.request("POST", f"/applications/{app_id}/notes", body=body, headers=headers)
        response = response_of(self.connection)
        response.read()
        if response.status != 303:
            raise SystemExit(f"adding a note answered {response.status}")

    def get(self, path: str) -> float:
        return fetch(self.connection, path, headers={"Cookie": self.cookie})


def response_of(connection: http.client.HTTPConnection) -> http.client.HTTPResponse:
    return connection.getresponse()


def after_changes(port: int, changes: int, app_ids: list[int]) -> list[Timing]:
    """The board and the insights, each timed right after a change."""
    session = Session(port)
    timings = {
        "board after a change": Timing("board after a change"),
        "insights after a change": Timing("insights after a change"),
    }
    for n in range(changes):
        for name, path in (("board after a change", "/"), ("insights after a change", "/insights")):
            session.note(app_ids[n % len(app_ids)], n)
            elapsed = session.get(path)
            timings[name].runs.append(elapsed)
            timings[name].cold = timings[name].cold or elapsed
    return list(timings.values())


def print_table(timings: list[Timing]) -> None:
    base = timings[0].median
    print(
        f"{'page':<24}{'cold':>9}{'median':>10}{'p95':>9}{'max':>9}{'× base':>9}  p95 ≤ {TARGET_P95_MS:.0f} ms"
    )
    for t in timings:
        verdict = "yes" if t.p95 <= TARGET_P95_MS else "no"
        print(
            f"{t.name:<24}{t.cold:>8.1f} {t.median:>9.1f}{t.p95:>9.1f}{max(t.runs):>9.1f}{t.median / base:>9.1f}  {verdict}"
        )
    print("(milliseconds over HTTP on loopback, body read in full; cold = first request after start)")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=50, help="timed requests per page (default 50)")
    parser.add_argument(
        "--workspace", type=Path, default=Path(tempfile.gettempdir()) / "bounceback-bench-5000"
    )
    parser.add_argument("--rebuild", action="store_true", help="build the workspace again")
    parser.add_argument(
        "--changes", type=int, default=10, help="pages timed right after a change (default 10)"
    )
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"Python {platform.python_version()} on {platform.platform()}, {os.cpu_count()} CPUs, load {load}")
    if args.rebuild or not cli_latency.workspace_is_ready(args.workspace):
        seconds = cli_latency.build_workspace(args.workspace)
        print(f"Built the workspace in {seconds:.1f} s: {args.workspace}")
    apps, events = cli_latency.APPLICATIONS, cli_latency.APPLICATIONS * cli_latency.EVENTS_PER_APPLICATION
    print(f"Workspace: {apps:,} applications, {events:,} timeline events ({args.workspace})")
    scratch = Path(tempfile.mkdtemp(prefix="bounceback-web-bench-"))
    shutil.copy2(
        args.workspace / "bounceback.sqlite3", scratch / "bounceback.sqlite3"
    )  # the changes stay there
    port = free_port()
    server = start_server(scratch, port)
    try:
        timings = measure(port, args.runs, list(range(1, apps + 1)))
        if args.changes:
            timings += after_changes(port, args.changes, list(range(1, apps + 1, 97)))
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(scratch, ignore_errors=True)
    print_table(timings)


if __name__ == "__main__":
    main()
