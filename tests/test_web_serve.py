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
