"""A draft as plain text, as a `mailto:` link, or as an .eml file a mail client opens as an unsent draft."""

from __future__ import annotations

from email import policy
from email.errors import HeaderParseError
from email.headerregistry import Address
from email.message import EmailMessage
from enum import StrEnum
from urllib.parse import quote, urlencode

from bounceback.domain.rules import email_problem
from bounceback.outreach.drafts import Draft


class DraftFormat(StrEnum):
    """How a draft is handed over."""

    TEXT = "text"
    MAILTO = "mailto"
    EML = "eml"


def as_text(draft: Draft) -> str:
    """To, Subject and the body, to read or copy."""
    to = f"{draft.to_name} <{draft.to_email}>" if draft.to_email else draft.to_name
    head = f"To: {to}\n" if to else ""
    return f"{head}Subject: {draft.subject}\n\n{draft.body}\n"


def as_mailto(draft: Draft) -> str:
    """A mailto: link (RFC 6068): every character outside the unreserved set percent-encoded, lines as CRLF."""
    address = quote(draft.to_email, safe="@") if draft.to_email else ""
    fields = {"subject": draft.subject, "body": draft.body.replace("\n", "\r\n")}
    return f"mailto:{address}?{urlencode(fields, quote_via=quote)}"


def as_eml(draft: Draft) -> bytes:
    """An RFC 5322 message marked X-Unsent: 1, so mail clients open it as a draft to edit and send.

    Headers are made by the email library from one-line values (an Address object for To), so no value can
    add a header of its own; an address that is not one plain address is left out rather than written.
    """
    message = EmailMessage(policy=policy.default)
    to = recipient(draft)
    if to is not None:
        message["To"] = to
    message["Subject"] = one_line(draft.subject)
    message["X-Unsent"] = "1"
    message.set_content(draft.body + "\n")
    return message.as_bytes()


def one_line(text: str) -> str:
    """Text for a header: line breaks and other control characters become spaces."""
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())


def recipient(draft: Draft) -> Address | None:
    """The To address with the person's name; None when there is no one plain address to write."""
    if not draft.to_email or email_problem(draft.to_email) is not None:
        return None
    try:
        return Address(display_name=one_line(draft.to_name), addr_spec=draft.to_email)
    except (HeaderParseError, ValueError, IndexError):
        return None
