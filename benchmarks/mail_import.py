"""Mail import speed and memory against the standard library's own floor, measured in the same run.

For each mix and N it writes a synthetic mbox and measures:
  (a) floor: the stdlib alone reads every message (mailbox), parses it with email.policy.default and reads
      its text body (get_body + get_content): the same floor everywhere, so the ratio means the same;
  (b) the first `bounceback mail import` of it into a fresh workspace with a fresh, empty cache (nothing
      trained or cached beforehand: the packaged model is all there is);
  (c) the same import again (everything already seen).
It prints (b)/(a), (c)/(a) and the peak memory (max RSS) of (b). Two mixes:
  today    — 6 % job mail, short bodies (the previous benchmark's mailbox);
  jobheavy — about 30 % job mail with bodies of real length (courtesy paragraphs, the decision, a signature,
             a legal footer), HTML alternatives on most messages, newsletters of several kilobytes of markup.
Bytecode is written for the project (PYTHONDONTWRITEBYTECODE is cleared), as on a person's machine.

    .venv/bin/python benchmarks/mail_import.py [--sizes 5000] [--mixes today,jobheavy]
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


COURTESY = [
    "Thank you for your interest in {c} and for the time you took to apply for the {r} role.",
    "We know how much effort goes into an application, and we read every one of them with care.",
    "Our hiring team has now had the chance to look at the applications we received for this opening.",
    "We will keep your details on file and may reach out about future openings that match your profile.",
]
FOOTER = (
    "This email and any attachments are confidential and intended solely for the addressee. If you have "
    "received it in error, please notify the sender and delete it. {c} Ltd is registered in England and Wales, "
    "company number 0{n}, registered office 1 Harbour Street, Bristol.\nManage your email preferences | "
    "Privacy policy | Unsubscribe"
)
NEWSLETTER_ITEM = (
    '<tr><td style="padding:12px;font-family:Arial,sans-serif"><h3 style="margin:0">{t}</h3>'
    '<p style="color:#555;font-size:14px">{x}</p><a href="https://news.example/{n}">Read more</a></td></tr>'
)


def _job_heavy_body(rng: random.Random, body: str, company: str, role: str) -> str:
    """A job message of real length: courtesy, the decision, more courtesy, a signature, a legal footer."""
    before = " ".join(rng.sample(COURTESY, 2)).format(c=company, r=role)
    after = rng.choice(COURTESY).format(c=company, r=role)
    signature = f"Kind regards,\nAlex Morgan\nTalent Acquisition Partner, {company}\n+44 117 496 0{rng.randint(100, 999)}"
    return f"Dear Sam,\n\n{before}\n\n{body}\n\n{after}\n\n{signature}\n\n" + FOOTER.format(
        c=company, n=rng.randint(1000000, 9999999)
    )


def _newsletter(rng: random.Random) -> tuple[str, str, str]:
    """A newsletter: subject, plain text and several kilobytes of table markup."""
    items = [
        (
            f"Story {k}: {rng.choice(['markets', 'city news', 'recipes', 'travel', 'gadgets'])}",
            "Lorem ipsum " * rng.randint(20, 60),
        )
        for k in range(rng.randint(4, 10))
    ]
    text = "\n\n".join(f"{t}\n{x}" for t, x in items) + "\n\nUnsubscribe any time."
    rows = "".join(NEWSLETTER_ITEM.format(t=t, x=x, n=rng.randint(1, 99999)) for t, x in items)
    html = f'<html><body><table width="600" cellpadding="0" cellspacing="0">{rows}</table></body></html>'
    return f"Your weekly digest #{rng.randint(1, 400)}", text, html


def _message(rng: random.Random, i: int, start: datetime, mix: str = "today") -> EmailMessage:
    """One synthetic message, varied in structure and encoding."""
    msg = EmailMessage()
    heavy = mix == "jobheavy"
    job = rng.random() < (0.30 if heavy else 0.06)  # job mail: a small share of a real inbox, or a heavy one
    html_body: str | None = None
    if job:
        subject, body = rng.choice(JOB_TEMPLATES)
        company, role = rng.choice(COMPANIES), rng.choice(ROLES)
        subject, body = subject.format(c=company, r=role), body.format(c=company, r=role)
        if heavy:
            body = _job_heavy_body(rng, body.split("\n\n")[1], company, role)
        msg["From"] = f"{company} Careers <no-reply@{company.split()[0].lower()}.example>"
    elif heavy and rng.random() < 0.4:
        subject, body, html_body = _newsletter(rng)
        msg["From"] = f"News {i % 17} <news@letters{i % 17}.example>"
        msg["List-Unsubscribe"] = f"<https://letters{i % 17}.example/u>"
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
    if html_body is not None:
        msg.add_alternative(html_body, subtype="html")
    elif rng.random() < (0.8 if heavy else 0.5):
        paragraphs = "".join(f'<p style="margin:0 0 12px">{p}</p>' for p in body.split("\n\n"))
        msg.add_alternative(
            f'<html><body><div style="font-family:Arial">{paragraphs}</div><p>{filler}</p></body></html>',
            subtype="html",
        )
    if rng.random() < 0.03:
        msg.add_attachment(os.urandom(40_000), maintype="application", subtype="pdf", filename=f"doc{i}.pdf")
    return msg


def write_mbox(path: Path, n: int, mix: str = "today") -> None:
    """A deterministic synthetic mbox of n messages, written message by message."""
    rng = random.Random(n)
    start = datetime(2026, 1, 1, 8, tzinfo=UTC)
    with path.open("wb") as out:
        for i in range(n):
            raw = _message(rng, i, start, mix).as_bytes(policy=default_policy.clone(linesep="\n"))
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
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # a person's machine writes the project's bytecode
    command = ["/usr/bin/time", "-f", "%M", sys.executable, "-m", "bounceback", "mail", "import", str(path)]
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    seconds = time.perf_counter() - started
    return seconds, int(done.stderr.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5000", help="comma-separated message counts (e.g. 5000,20000)")
    parser.add_argument("--mixes", default="today,jobheavy", help="today, jobheavy or both")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bb-mailbench-") as tmp:
        folder = Path(tmp)
        print(
            f"{'mix':>9} {'N':>6} {'mbox MB':>8} {'(a) floor s':>12} {'(b) first s':>12} {'(c) again s':>12} "
            f"{'(b)/(a)':>8} {'(c)/(a)':>8} {'peak MB (b)':>12}"
        )
        for mix in args.mixes.split(","):
            for n in (int(x) for x in args.sizes.split(",")):
                mbox = folder / f"bench-{mix}-{n}.mbox"
                write_mbox(mbox, n, mix)
                a = floor(mbox)
                home, cache = folder / f"home-{mix}-{n}", folder / f"cache-{mix}-{n}"
                b, peak = timed_import(mbox, home, cache)
                c, _ = timed_import(mbox, home, cache)
                size = mbox.stat().st_size / 1e6
                print(
                    f"{mix:>9} {n:>6} {size:>8.1f} {a:>12.2f} {b:>12.2f} {c:>12.2f} {b / a:>8.2f} {c / a:>8.2f} "
                    f"{peak / 1024:>12.0f}"
                )


if __name__ == "__main__":
    main()
