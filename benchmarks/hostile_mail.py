"""What the worst hostile message costs, as a ratio to an ordinary job email measured in the same run.

Each message of tests/hostile.py (a subject of one 10 MB word, a million headers, a thousand nested parts,
unclosed HTML, NULs, lying charsets, …) is handled as the importer handles a new message — identity, parse,
classify, extract; no database — and timed (best of `--runs`). Beside it, two references: an ordinary job
email (the unit) and an ordinary message of the same size (a job email with a PDF attached), so a ratio can be
read both ways: "this many job emails" and "this many times a large, harmless message".

    .venv/bin/python benchmarks/hostile_mail.py [--size 10] [--runs 3]
"""

from __future__ import annotations

import argparse
import base64
import os
import platform
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.hostile import HOSTILE, MB, cost, handler, normal_message, unit_cost


def large_ordinary(size: int) -> bytes:
    """A job email with an attached PDF of about `size` bytes: big, and harmless."""
    pdf = base64.encodebytes(os.urandom(size * 3 // 4))
    head, _, body = normal_message().partition(b"\n\n")
    head = head.replace(
        b"Content-Type: text/plain; charset=utf-8", b"Content-Type: multipart/mixed; boundary=z"
    )
    return (
        head
        + b"\n\n--z\nContent-Type: text/plain; charset=utf-8\n\n"
        + body
        + b"--z\nContent-Type: application/pdf; name=cv.pdf\nContent-Transfer-Encoding: base64\n\n"
        + pdf
        + b"--z--\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--size", type=float, default=10, help="megabytes of hostility per message (default 10)"
    )
    parser.add_argument("--runs", type=int, default=3, help="timed runs per message; the best counts")
    args = parser.parse_args()
    size = int(args.size * MB)

    from bounceback.mail.classify.corpus import load_or_train

    with tempfile.TemporaryDirectory() as cache:
        handle = handler(load_or_train(Path(cache)))
        print(f"Python {platform.python_version()} on {platform.platform()}, {os.cpu_count()} CPUs, "
              f"load {os.getloadavg()[0]:.1f}; {args.size:g} MB per message, best of {args.runs}")  # fmt: skip
        unit = unit_cost(handle)
        large = cost(handle, large_ordinary(size), runs=args.runs)
        print(f"ordinary job email: {unit * 1000:.2f} ms; ordinary {args.size:g} MB message: "
              f"{large * 1000:.1f} ms ({large / unit:.0f} job emails)\n")  # fmt: skip
        print(f"{'message':36} {'ms':>9} {'job emails':>11} {'× large ordinary':>17}")
        rows = []
        for name, build in HOSTILE.items():
            seconds = cost(handle, build(size), runs=args.runs)
            rows.append((seconds, name))
            print(
                f"{name:36} {seconds * 1000:9.1f} {seconds / unit:11.0f} {seconds / large:17.1f}", flush=True
            )
        worst, name = max(rows)
        print(f"\nworst: {name}: {worst * 1000:.1f} ms = {worst / unit:.0f} job emails = "
              f"{worst / large:.1f} × an ordinary {args.size:g} MB message")  # fmt: skip


if __name__ == "__main__":
    main()
