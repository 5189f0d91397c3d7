"""Server mode under load, on loopback: many seekers logged in at once against `bounceback server run`.

    python benchmarks/server_load.py [--seekers 1000] [--apps 200] [--clients 200] [--seconds 20]
                                     [--workers 1,2,4] [--database URL]

1. Starts a private PostgreSQL (tests/servers/postgres.py), unless --database names one, and fills it in bulk:
   `--seekers` accounts (one Argon2id hash shared by all), each with `--apps` applications at their own
   companies ("Seeker 17 Co 3") and ten timeline events per application.
2. Creates an ordinary role (no superuser, no BYPASSRLS) and runs the server as it, so row-level security is
   in force as in an office.
3. For each worker count: starts `bounceback server run --workers N`, waits for /healthz, and lets `--clients`
   seekers (logged in once; sessions live in PostgreSQL, so they outlast a restart) each run a loop for
   `--seconds`: board 30 %, application page 30 %, insights 10 %, move 15 %, note 15 %. /healthz is timed in
   the same run as the baseline (the server's own floor).
4. Checks every response: an error is any status but 200 (pages) or 303 (forms); a cross-person response is
   one that names another seeker's company. Prints requests per second, p50 / p95 / p99 per route, errors and
   cross-person responses, and each p95 as a multiple of the baseline's.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

PASSWORD = "benchmark password 1"
SECRET_KEY = "b" * 48
MIX = (("board", 30), ("application", 30), ("insights", 10), ("move", 15), ("note", 15))
READS, WRITES = {"board", "application", "insights", "healthz"}, {"move", "note"}
AIM_MS = {"read": 100.0, "write": 150.0}
NEXT_STAGE = {"applied": "screening", "screening": "interviewing", "interviewing": "offer"}
MARK = re.compile(r"Seeker (\d+) Co ")


@dataclass
class Route:
    times: list[float] = field(default_factory=list)

    def pct(self, p: float) -> float:
        ordered = sorted(self.times)
        return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] if ordered else float("nan")


@dataclass
class Tally:
    routes: dict[str, Route] = field(default_factory=dict)
    errors: int = 0
    cross: int = 0
    requests: int = 0

    def add(self, name: str, ms: float) -> None:
        self.routes.setdefault(name, Route()).times.append(ms)
        self.requests += 1


def build(url: str, seekers: int, apps: int) -> list[tuple[int, list[int]]]:
    """Fill the database; returns (user id, application ids) per seeker."""
    from sqlalchemy import create_engine, text

    from bounceback.server.jobs import ensure_schema
    from bounceback.server.passwords import hash_password
    from bounceback.settings import load_settings
    from bounceback.storage.schema import applications, companies, events, metadata, users
    from bounceback.storage.server_schema import accounts
    from bounceback.workspace import Workspace

    settings = load_settings({}, home=Path("/tmp"), database_url=url)
    Workspace.upgrade(settings)
    ensure_schema(
        settings
    )  # the job queue's tables, made as `server init` makes them (the role below cannot)
    digest, now, rng = hash_password(PASSWORD), datetime.now(UTC), random.Random(7)
    engine = create_engine(url)
    out: list[tuple[int, list[int]]] = []
    app_id = event_id = company_id = 0
    with engine.begin() as connection:
        for n in range(seekers):
            user_id = 1000 + n
            connection.execute(users.insert().values(id=user_id, name=f"Seeker {n}", created_at=now))
            connection.execute(
                accounts.insert().values(
                    user_id=user_id, email=f"s{n}@bench.example", password_hash=digest, role="seeker",
                    active=True, created_at=now,
                )
            )  # fmt: skip
            company_rows, app_rows, event_rows, ids = [], [], [], []
            for j in range(apps):
                company_id += 1
                app_id += 1
                company_rows.append(
                    {
                        "id": company_id,
                        "owner_id": user_id,
                        "name": f"Seeker {n} Co {j}",
                        "domains": [],
                        "notes": "",
                    }
                )
                created = now - timedelta(days=rng.uniform(2, 200))
                app_rows.append({
                    "id": app_id, "owner_id": user_id, "company_id": company_id, "slug": f"co-{j}", "role": "Analyst",
                    "location": "", "url": "", "salary_currency": "", "tags": [], "notes": "", "dream_job": False,
                    "stage": "applied", "furthest_stage": "applied", "close_reason": "", "interview_rounds": 0,
                    "saved_on": created.date(), "applied_on": created.date(), "created_at": created,
                    "updated_at": created, "last_activity_at": created,
                })  # fmt: skip
                for k in range(10):
                    event_id += 1
                    event_rows.append({
                        "id": event_id, "owner_id": user_id, "application_id": app_id, "origin": "manual",
                        "cause": "", "details": {}, "kind": "created" if k == 0 else "note",
                        "occurred_at": created + timedelta(hours=k), "summary": "Added" if k == 0 else f"Note {k}",
                        "from_stage": None, "to_stage": "saved" if k == 0 else None,
                    })  # fmt: skip
                ids.append(app_id)
            connection.execute(companies.insert(), company_rows)
            connection.execute(applications.insert(), app_rows)
            connection.execute(events.insert(), event_rows)
            out.append((user_id, ids))
        for table in metadata.sorted_tables:
            if "id" not in table.c or table.c.id.type.python_type is not int:
                continue  # only integer ids have a sequence to move past the rows written here
            connection.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), (SELECT COALESCE(MAX(id), 0) + 1 FROM \"{table.name}\"), false)"
                )
            )
    engine.dispose()
    return out


def ordinary_role(url: str) -> str:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"bench_{uuid.uuid4().hex[:6]}"
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f"CREATE ROLE {name} LOGIN NOSUPERUSER NOBYPASSRLS"))
        connection.execute(
            text(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {name}")
        )
        connection.execute(text(f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {name}"))
    engine.dispose()
    return make_url(url).set(username=name).render_as_string(hide_password=False)


def start_server(url: str, port: int, workers: int, home: Path) -> subprocess.Popen[str]:
    import httpx

    env = {
        **os.environ, "BOUNCEBACK_HOME": str(home), "BOUNCEBACK_DATABASE_URL": url,
        "BOUNCEBACK_SERVER_SECRET_KEY": SECRET_KEY, "BOUNCEBACK_SERVER_PUBLIC_URL": f"http://127.0.0.1:{port}",
    }  # fmt: skip
    process = subprocess.Popen(
        [sys.executable, "-m", "bounceback", "server", "run", "--port", str(port), "--workers", str(workers)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    for _ in range(600):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).text == "ok":
                return process
        except httpx.HTTPError:
            time.sleep(0.1)
    process.terminate()
    _, errors = process.communicate(timeout=30)
    raise SystemExit(f"the server did not start: {errors.strip()[-2000:]}")


class Seeker:
    """One logged-in seeker: their cookies, CSRF token, own applications and what stage each is at."""

    def __init__(self, number: int, app_ids: list[int]) -> None:
        self.number, self.app_ids = number, app_ids
        self.stages = dict.fromkeys(app_ids, "applied")
        self.cookies: dict[str, str] = {}
        self.token = ""

    async def login(self, base: str) -> None:
        import httpx

        async with httpx.AsyncClient(base_url=base) as client:
            page = await client.get("/login")
            self.token = re.search(r'"X-CSRF-Token": "([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
            answer = await client.post(
                "/login",
                data={
                    "csrf_token": self.token,
                    "email": f"s{self.number}@bench.example",
                    "password": PASSWORD,
                },
            )
            assert answer.status_code == 303, answer.text[:300]
            self.cookies = dict(client.cookies)

    def request(self, name: str, rng: random.Random) -> tuple[str, str, dict[str, str] | None]:
        app = rng.choice(self.app_ids)
        if name == "board":
            return "GET", "/", None
        if name == "application":
            return "GET", f"/applications/{app}", None
        if name == "insights":
            return "GET", "/insights", None
        if name == "note":
            return "POST", f"/applications/{app}/notes", {"csrf_token": self.token, "text": "checked in"}
        movable = [a for a, stage in self.stages.items() if stage in NEXT_STAGE] or [app]
        app = rng.choice(movable)
        target = NEXT_STAGE.get(self.stages[app], "rejected")
        self.stages[app] = target
        return "POST", f"/applications/{app}/move", {"csrf_token": self.token, "stage": target}


async def drive(base: str, seekers: list[Seeker], seconds: float, tally: Tally) -> None:
    import httpx

    names, weights = [n for n, _ in MIX], [w for _, w in MIX]
    deadline = time.perf_counter() + seconds

    async def loop(seeker: Seeker) -> None:
        rng = random.Random(seeker.number)
        async with httpx.AsyncClient(base_url=base, cookies=seeker.cookies, timeout=30) as client:
            while time.perf_counter() < deadline:
                name = "healthz" if rng.random() < 0.05 else rng.choices(names, weights)[0]
                method, path, form = (
                    ("GET", "/healthz", None) if name == "healthz" else seeker.request(name, rng)
                )
                started = time.perf_counter()
                try:
                    answer = await client.request(method, path, data=form)
                except httpx.HTTPError:
                    tally.errors += 1
                    continue
                tally.add(name, (time.perf_counter() - started) * 1000)
                if answer.status_code != (303 if method == "POST" else 200):
                    tally.errors += 1
                if any(int(n) != seeker.number for n in MARK.findall(answer.text)):
                    tally.cross += 1

    await asyncio.gather(*(loop(s) for s in seekers))


def report(workers: int, tally: Tally, seconds: float) -> None:
    base = tally.routes.get("healthz", Route()).pct(95)
    print(f"\n{workers} worker(s): {tally.requests / seconds:.0f} requests/s, {tally.errors} errors, "
          f"{tally.cross} responses with another person's data")  # fmt: skip
    print(f"  {'route':<12} {'n':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'p95/base':>9}  aim")
    for name, route in sorted(tally.routes.items()):
        aim = AIM_MS["write" if name in WRITES else "read"]
        print(
            f"  {name:<12} {len(route.times):>6} {route.pct(50):>8.1f} {route.pct(95):>8.1f} {route.pct(99):>8.1f} "
            f"{route.pct(95) / base if base else float('nan'):>9.1f}  {'' if name == 'healthz' else f'≤ {aim:.0f} ms'}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seekers", type=int, default=1000)
    parser.add_argument("--apps", type=int, default=200)
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--workers", default="1,2,4")
    parser.add_argument("--database", default="")
    args = parser.parse_args()
    from tests.servers import postgres

    cluster = None
    url = args.database
    if not url:
        cluster = postgres.start()
        url = cluster.create_database("bench")
    try:
        started = time.perf_counter()
        data = build(url, args.seekers, args.apps)
        print(f"Built {args.seekers} seekers × {args.apps} applications ({args.seekers * args.apps * 10} events) "
              f"in {time.perf_counter() - started:.0f} s; {os.cpu_count()} CPUs.")  # fmt: skip
        app_url = ordinary_role(url)
        port, home = postgres.free_port(), Path(f"/tmp/bb-bench-{uuid.uuid4().hex[:6]}")
        chosen = random.Random(3).sample(range(len(data)), min(args.clients, len(data)))
        seekers = [Seeker(n, data[n][1]) for n in chosen]
        for count in (int(w) for w in args.workers.split(",")):
            process = start_server(app_url, port, count, home)
            try:
                base = f"http://127.0.0.1:{port}"
                if not seekers[0].cookies:
                    started = time.perf_counter()
                    for seeker in seekers:
                        asyncio.run(seeker.login(base))
                    print(
                        f"Logged {len(seekers)} seekers in (Argon2id) in {time.perf_counter() - started:.0f} s."
                    )
                tally = Tally()
                asyncio.run(drive(base, seekers, args.seconds, tally))
                report(count, tally, args.seconds)
            finally:
                process.terminate()
                process.wait(timeout=30)
    finally:
        if cluster is not None:
            cluster.stop()


if __name__ == "__main__":
    main()
