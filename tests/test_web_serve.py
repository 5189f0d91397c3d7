"""`bounceback serve`: the real command, as its own process, on a free loopback port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start(home: Path, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "BOUNCEBACK_HOME": str(home), "NO_COLOR": "1", "COLUMNS": "200"}
    command = [sys.executable, "-m", "bounceback", "serve", "--no-browser", *args]
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def get(url: str, *, seconds: float = 60) -> tuple[int, str, dict[str, str]]:
    """GET a page once the server answers."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.status, response.read().decode(), dict(response.headers)
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def stop(server: subprocess.Popen[str]) -> tuple[str, str]:
    server.terminate()
    return server.communicate(timeout=30)


def test_serve_answers_on_localhost_with_its_guards(tmp_path: Path) -> None:
    """GIVEN a fresh home WHEN `serve --no-browser` runs THEN the board answers on 127.0.0.1 with the CSP
    header, it says where it is, and it gives no warning about other machines."""
    port = free_port()
    server = start(tmp_path / "home", "--port", str(port))
    try:
        status, page, headers = get(f"http://127.0.0.1:{port}/")
    finally:
        out, err = stop(server)
    assert status == 200 and "Your search" in page
    assert headers["content-security-policy"].startswith("default-src 'self'")
    assert f"bounceback is at http://127.0.0.1:{port}/" in out
    assert "Warning" not in err


def test_serve_on_every_address_warns_that_there_is_no_login(tmp_path: Path) -> None:
    """GIVEN --host 0.0.0.0 WHEN serve starts THEN it warns that anyone who can reach the machine gets in."""
    port = free_port()
    server = start(tmp_path / "home", "--host", "0.0.0.0", "--port", str(port))
    try:
        status, _page, _headers = get(f"http://127.0.0.1:{port}/")
    finally:
        _out, err = stop(server)
    assert status == 200
    assert "There is no login yet" in " ".join(err.split())


def test_a_port_in_use_is_one_sentence(tmp_path: Path) -> None:
    """GIVEN a port another program holds WHEN serve is asked for it THEN exit 1 with one plain sentence."""
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "bounceback", "serve", "--no-browser", "--port", str(port)],
            env={**os.environ, "BOUNCEBACK_HOME": str(tmp_path / "home")},
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    assert done.returncode == 1
    assert f"Cannot listen on 127.0.0.1 port {port}" in done.stderr
    assert "Traceback" not in done.stderr


def _children(pid: int) -> set[int]:
    """The processes whose parent is `pid`, read from /proc."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_an_import_runs_beside_the_server_and_stops_with_it(tmp_path: Path) -> None:
    """GIVEN `serve` importing a large upload that starts with a message whose 2 MB subject once took hours
    WHEN pages are asked for during the import, and the server then gets SIGTERM
    THEN the pages answer while the import goes on, the server ends, its import process ends with it, and the
    upload is gone from the disk."""
    import re
    import signal

    import httpx

    from tests.mailfactory import as_mbox_bytes, mail

    hostile = mail("Acme <jobs@acme.example>", "@" * (2 << 20), "Thanks for applying.", n=0)
    ordinary = [
        mail(f"Shop {i} <news@shop{i}.example>", f"Your receipt {i}", "Thanks for your order.", n=i + 1)
        for i in range(2500)
    ]
    ordinary.insert(260, hostile)  # in the second batch: the first is written before the pages are asked for
    port = free_port()
    home = tmp_path / "home"
    server = start(home, "--port", str(port))
    base = f"http://127.0.0.1:{port}"
    try:
        get(f"{base}/")
        with httpx.Client(base_url=base, timeout=30) as client:
            token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/mail").text)
            assert token is not None
            upload = client.post(
                "/mail/import",
                data={"csrf_token": token.group(1)},
                files={"mailbox": ("big.mbox", as_mbox_bytes(ordinary), "application/mbox")},
                follow_redirects=True,
            )
            assert upload.status_code == 200
            progress = f"{upload.url.path}/progress"
            while not re.search(r"[1-9][\d,]* of [\d,]+ messages", box := client.get(progress).text):
                assert 'data-state="failed"' not in box
                time.sleep(0.2)
            workers = _children(server.pid)
            boards = []
            for _ in range(5):  # answered while the import reads on (a stuck import thread hung every page)
                boards.append(client.get("/"))
                time.sleep(0.4)
        assert all(b.status_code == 200 and "Your search" in b.text for b in boards)
        assert workers, "the import runs in a process of its own"
        server.send_signal(signal.SIGTERM)
        server.communicate(timeout=60)
    finally:
        if server.poll() is None:
            server.kill()
            server.communicate()
    assert server.returncode is not None
    deadline = time.monotonic() + 30
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_alive(pid) for pid in workers)
    assert list((home / "uploads").glob("*")) == []
