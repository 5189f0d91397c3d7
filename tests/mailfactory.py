"""Build test emails and mailboxes in code: every message here was written for these tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.policy import default
from email.utils import format_datetime
from pathlib import Path

START = datetime(2026, 9, 7, 9, 30, tzinfo=UTC)


def mail(
    sender: str,
    subject: str,
    body: str,
    *,
    n: int,
    html: str | None = None,
    reply_to_id: str | None = None,
) -> EmailMessage:
    """One message with a stable Message-ID and a date n hours after START."""
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "robin.ayres@example.org"
    msg["Subject"] = subject
    msg["Date"] = format_datetime(START + timedelta(hours=n))
    msg["Message-ID"] = f"<test-{n}@mail.example>"
    if reply_to_id:
        msg["In-Reply-To"] = reply_to_id
        msg["References"] = reply_to_id
    msg.set_content(body)
    if html:
        msg.add_alternative(html, subtype="html")
    return msg


def as_mbox_bytes(messages: list[EmailMessage]) -> bytes:
    """Messages joined as an mbox file (From_ lines, >From quoting)."""
    out = bytearray()
    for msg in messages:
        raw = msg.as_bytes(policy=default.clone(linesep="\n")).replace(b"\nFrom ", b"\n>From ")
        out += b"From MAILER-DAEMON Mon Sep  7 09:30:00 2026\n" + raw + b"\n\n"
    return bytes(out)


def write_mbox(path: Path, messages: list[EmailMessage], *, tail: bytes = b"") -> Path:
    """Write an mbox (with optional trailing garbage) and return its path."""
    path.write_bytes(as_mbox_bytes(messages) + tail)
    return path


def search_story() -> list[EmailMessage]:
    """A short search: two acknowledgments, an interview invitation, a rejection after it, a newsletter."""
    return [
        mail(
            "Fernhill Robotics <no-reply@greenhouse.io>",
            "Thank you for applying to Fernhill Robotics",
            "Hi Robin,\n\nThanks for applying for the Controls Engineer position at Fernhill Robotics. "
            "Our hiring team is reviewing your application and will be in touch if there is a match.\n\n"
            "Fernhill Robotics Recruiting",
            n=0,
        ),
        mail(
            "Quayside Books Careers <jobs@quaysidebooks.example>",
            "Application received: Store Manager",
            "Dear Robin,\n\nWe have received your application for the Store Manager role at Quayside Books "
            "and will review it over the coming two weeks.\n\nKind regards,\nQuayside Books",
            n=3,
        ),
        mail(
            "Moira Jennings <moira.jennings@fernhillrobotics.example>",
            "Interview for the Controls Engineer role",
            "Hi Robin,\n\nThank you for your interest in Fernhill Robotics. I'd like to invite you to a "
            "45-minute video interview with our controls team for the Controls Engineer role. Could you let "
            "me know which of these times works: Tuesday 10:00 or Wednesday 14:00?\n\nBest,\nMoira Jennings\n"
            "Talent Partner, Fernhill Robotics",
            n=30,
        ),
        mail(
            "The Weekly Byte <news@weeklybyte.example>",
            "This week: 12 tips for faster Python",
            "Welcome to this week's issue. We look at profiling, caching and the new interpreter. "
            "Unsubscribe any time from your settings page.",
            n=40,
        ),
        mail(
            "Moira Jennings <moira.jennings@fernhillrobotics.example>",
            "Re: Interview for the Controls Engineer role",
            "Hi Robin,\n\nThank you again for speaking with the team last week. After a lot of discussion we "
            "have decided to move forward with another candidate for the Controls Engineer role, whose "
            "experience with our PLC stack was a closer match.\n\nI'm sorry this isn't the news you hoped "
            "for, and I wish you the best in your search.\n\nMoira",
            n=200,
            reply_to_id="<test-30@mail.example>",
        ),
    ]
