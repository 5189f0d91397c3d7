"""The demo's mailbox: each story email as a real RFC 5322 message, dated when it arrives, saved as an .eml file
in the demo's folder (to read, or to try `bounceback classify` on) and handed to the real mail reader."""

from __future__ import annotations

import re
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from pathlib import Path

from bounceback.demo.cast import SEARCHER
from bounceback.demo.folder import MAIL_FOLDER
from bounceback.demo.steps import Mail


def compose(mail: Mail, when: datetime, number: int) -> bytes:
    """The message as its sender's mail system would have written it."""
    message = EmailMessage()
    message["From"] = formataddr((mail.sender.name, mail.sender.email))
    message["To"] = formataddr((SEARCHER.name, SEARCHER.email))
    message["Subject"] = mail.subject
    message["Date"] = format_datetime(when)
    domain = mail.sender.email.rpartition("@")[2] or "demo.example"
    message["Message-ID"] = f"<demo-{number:03d}.{when:%Y%m%d%H%M}@{domain}>"
    message.set_content(mail.body.strip() + "\n")
    return message.as_bytes()


def file_name(mail: Mail, when: datetime, number: int) -> str:
    """A name that sorts by arrival and says who wrote: 014-2026-09-30-tessellate-ai.example.eml."""
    domain = mail.sender.email.rpartition("@")[2]
    sender = re.sub(r"[^a-z0-9.-]+", "-", domain.lower()).strip("-") or "mail"
    return f"{number:03d}-{when:%Y-%m-%d}-{sender}.eml"


def save(folder: Path, mail: Mail, when: datetime, number: int) -> tuple[Path, bytes]:
    """Write the message into the demo's mail folder; returns where, and its bytes."""
    raw = compose(mail, when, number)
    path = folder / MAIL_FOLDER / file_name(mail, when, number)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(raw)
    return path, raw
