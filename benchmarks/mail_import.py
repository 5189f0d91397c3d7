"""Mail import speed and memory against the standard library's own floor, measured in the same run.

For each N it writes a synthetic mbox (mostly unrelated mail, some job mail; multipart text+HTML, base64 and
quoted-printable bodies, a few attachments) and measures:
  (a) floor: the stdlib alone reads every message, parses it with email.policy.default, gets its text body;
  (b) `bounceback mail import` of it into a fresh workspace (the classifier already cached);
  (c) the same import again (everything already seen).
It prints (b)/(a), (c)/(a) and the peak memory (max RSS) of (b).

    .venv/bin/python benchmarks/mail_import.py [--sizes 5000,20000,50000]
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.policy import default as default_policy
from email.utils import format_datetime, make_msgid
from pathlib import Path

COMPANIES = [
    "Harbor Labs",
    "Quill & Ink",
    "Tessellate",
    "Brightwell Foods",
    "Orchid Health",
    "Kinetic Rail",
    "Saltmarsh Energy",
]
ROLES = [
    "Data Engineer",
    "Product Designer",
    "Nurse Practitioner",
    "Account Manager",
    "Site Reliability Engineer",
]
JOB_TEMPLATES = [
    (
        "Your application to {c}",
        "Hi Sam,\n\nThanks for applying for the {r} role at {c}. Our team is reviewing applications and will be in touch.\n\n{c} Talent",
    ),
    (
        "{c}: an update on your application",
        "Dear Sam,\n\nThank you for your time. After careful consideration we have decided to move forward with other candidates for the {r} position.\n\nBest wishes,\n{c} Recruiting",
    ),
    (
        "Interview invitation: {r}",
        "Hello Sam,\n\nWe enjoyed reading your application and would like to invite you to a video interview for the {r} role at {c}. Please pick a time that suits you.\n\nKind regards",
    ),
    (
        "{c} coding exercise",
        "Hi Sam,\n\nAs the next step for the {r} position, please complete our online assessment within five days.\n\nThanks, {c}",
    ),
]
OTHER_TEMPLATES = [
    (
        "Your weekly digest",
        "Here is what happened this week in your groups. {n} new posts, {m} comments. Read more on the site.",
    ),
    (
        "Receipt for order #{n}",
        "Thanks for your order. Items: {m} x widget. Total: {n}.00. Delivery expected Tuesday.",
    ),
    ("Re: dinner on {d}?", "Sounds great, see you at {m}pm. I'll bring the salad.\n\n> Are you free on {d}?"),
    (
        "Your statement is ready",
        "Your monthly statement for account ending {n} is ready to view in online banking.",
    ),
    (
        "Team offsite agenda",
        "Hi all, attached is the agenda for the offsite. Please review sections {m} and {n} before Thursday.",
    ),
]


def _message(rng: random.Random, i: int, start: datetime) -> EmailMessage:
    """One synthetic message, varied in structure and encoding."""
    msg = EmailMessage()
    job = rng.random() < 0.06  # job mail is a small share of a real inbox
    if job:
        subject, body = rng.choice(JOB_TEMPLATES)
        company, role = rng.choice(COMPANIES), rng.choice(ROLES)
        subject, body = subject.format(c=company, r=role), body.format(c=company, r=role)
        msg["From"] = f"{company} Careers <no-reply@{company.split()[0].lower()}.example>"
    else:
        subject, body = rng.choice(OTHER_TEMPLATES)
        values = {"n": rng.randint(100, 9999), "m": rng.randint(1, 9), "d": rng.choice(["Friday", "Sunday"])}
        subject, body = subject.format(**values), body.format(**values)
        msg["From"] = f"Sender {i % 97} <sender{i % 97}@mail{i % 13}.example>"
    msg["To"] = "sam@example.org"
    msg["Subject"] = subject
    msg["Date"] = format_datetime(start + timedelta(minutes=37 * i))
    msg["Message-ID"] = make_msgid(idstring=str(i), domain="bench.example")
    filler = "\n".join(
        rng.choice(["", "Best,", "--", "Sent from my phone", "Unsubscribe at any time."]) for _ in range(3)
    )
    text = f"{body}\n{filler}\n"
    cte = rng.choice(["7bit", "quoted-printable", "base64"])
    msg.set_content(text, cte=cte if cte != "7bit" else None)
    if rng.random() < 0.5:
        msg.add_alternative(
            f"<html><body><p>{body.replace(chr(10), '<br>')}</p><p>{filler}</p></body></html>", subtype="html"
        )
    if rng.random() < 0.03:
        msg.add_attachment(os.urandom(40_000), maintype="application", subtype="pdf", filename=f"doc{i}.pdf")
    return msg


def write_mbox(path: Path, n: int) -> None:
    """A deterministic synthetic mbox of n messages, written message by message."""
    rng = random.Random(n)
    start = datetime(2026, 1, 1, 8, tzinfo=UTC)
    with path.open("wb") as out:
        for i in range(n):
            raw = _message(rng, i, start).as_bytes(policy=default_policy.clone(linesep="\n"))
            raw = raw.replace(b"\nFrom ", b"\n>From ")
            out.write(b"From MAILER-DAEMON Thu Jan  1 00:00:00 2026\n" + raw + b"\n\n")


def floor(path: Path) -> float:
    """Seconds for the stdlib alone: read, parse with policy.default, get the text body."""
    import mailbox
    from email.parser import BytesParser

    started = time.perf_counter()
    box = mailbox.mbox(path, create=False)
    parser = BytesParser(policy=default_policy)
    for key in box.iterkeys():
        message = parser.parsebytes(box.get_bytes(key))
        body = message.get_body(("plain", "html"))
        if body is not None:
            body.get_content()
    box.close()
    return time.perf_counter() - started


def timed_import(path: Path, home: Path, cache: Path) -> tuple[float, int]:
    """Seconds and peak RSS (kB) of one `bounceback mail import` run."""
    env = {**os.environ, "BOUNCEBACK_HOME": str(home), "BOUNCEBACK_CACHE_DIR": str(cache), "COLUMNS": "100"}
    command = ["/usr/bin/time", "-f", "%M", sys.executable, "-m", "bounceback", "mail", "import", str(path)]
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    seconds = time.perf_counter() - started
    return seconds, int(done.stderr.strip().splitlines()[-1])


def warm_cache(folder: Path, cache: Path) -> None:
    """Train the classifier once, so the runs measure importing, not first-use training."""
    tiny = folder / "tiny.mbox"
    write_mbox(tiny, 3)
    timed_import(tiny, folder / "warm-home", cache)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", default="20000", help="comma-separated message counts (e.g. 5000,20000,50000)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bb-mailbench-") as tmp:
        folder = Path(tmp)
        cache = folder / "cache"
        warm_cache(folder, cache)
        print(
            f"{'N':>7} {'mbox MB':>8} {'(a) floor s':>12} {'(b) import s':>13} {'(c) again s':>12} {'(b)/(a)':>8} {'(c)/(a)':>8} {'peak MB (b)':>12}"
        )
        for n in (int(x) for x in args.sizes.split(",")):
            mbox = folder / f"bench-{n}.mbox"
            write_mbox(mbox, n)
            a = floor(mbox)
            home = folder / f"home-{n}"
            b, peak = timed_import(mbox, home, cache)
            c, _ = timed_import(mbox, home, cache)
            size = mbox.stat().st_size / 1e6
            print(
                f"{n:>7} {size:>8.1f} {a:>12.2f} {b:>13.2f} {c:>12.2f} {b / a:>8.2f} {c / a:>8.2f} {peak / 1024:>12.0f}"
            )


if __name__ == "__main__":
    main()
