"""Parsing raw mail into MailMessage: real-world breakage must never stop an import."""

from __future__ import annotations

import base64
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bounceback.mail.charsets import decode_bytes
from bounceback.mail.headers import content_params, decode_words
from bounceback.mail.html_text import html_to_text
from bounceback.mail.parse import TEXT_LIMIT, UNEXPECTED, MailParseError, parse_message

DATA = Path(__file__).parent / "data" / "mail"


def mail(*header_lines: str, body: bytes | str = "Hello.\n", crlf: bool = False) -> bytes:
    """A raw message from header lines and a body."""
    data = body if isinstance(body, bytes) else body.encode()
    raw = ("\n".join(header_lines) + "\n\n").encode("utf-8") + data
    return raw.replace(b"\n", b"\r\n") if crlf else raw


def test_plain_message_gives_every_field() -> None:
    """GIVEN an ordinary rejection email
    WHEN it is parsed
    THEN every header comes out decoded and normalised."""
    raw = mail(
        'From: "Dana Recruiter" <Dana.Recruiter@ACME.example>',
        "To: Jane Doe <jane@example.org>, other@example.org",
        "Reply-To: <jobs@acme.example>",
        "Subject: Your application to ACME",
        "Date: Tue, 05 Mar 2024 14:30:00 +0100",
        "Message-ID: <ABC.123@mail.acme.example>",
        "In-Reply-To: <prev@jane.example>",
        "References: <first@acme.example> <prev@jane.example>",
        body="Dear Jane,\n\nThank you for your interest.\n",
    )
    message = parse_message(raw, "inbox.mbox#1")
    assert message.subject == "Your application to ACME"
    assert (message.from_name, message.from_address) == ("Dana Recruiter", "dana.recruiter@acme.example")
    assert message.to == ("jane@example.org", "other@example.org")
    assert message.reply_to == "jobs@acme.example"
    assert message.date == datetime(2024, 3, 5, 13, 30, tzinfo=UTC)
    assert message.message_id == "<ABC.123@mail.acme.example>"
    assert message.key.startswith("<abc.123@mail.acme.example> ")  # the Message-ID, then a content hash
    assert message.in_reply_to == "<prev@jane.example>"
    assert message.references == ("<first@acme.example>", "<prev@jane.example>")
    assert message.text == "Dear Jane,\n\nThank you for your interest.\n"
    assert message.html is None
    assert (message.list_id, message.list_unsubscribe, message.is_list) == (False, False, False)
    assert message.attachments == ()
    assert (message.origin, message.size) == ("inbox.mbox#1", len(raw))


def test_crlf_and_lf_give_the_same_message() -> None:
    """GIVEN the same message with LF (mbox) and CRLF (IMAP) line ends
    WHEN both are parsed
    THEN text, headers and key agree."""
    lines = ("From: a@b.example", "Subject: Same", "Message-ID: <same@x>")
    lf = parse_message(mail(*lines, body="one\ntwo\n"), "a")
    crlf = parse_message(mail(*lines, body="one\ntwo\n", crlf=True), "b")
    assert (lf.text, lf.subject, lf.key) == (crlf.text, crlf.subject, crlf.key)


def test_missing_headers_are_empty_not_errors() -> None:
    """GIVEN a message with no Date, no From and no Message-ID
    WHEN it is parsed
    THEN those fields are empty and the key is a content hash that ignores line endings."""
    raw = mail("Subject: Just a subject", body="Some text\n")
    message = parse_message(raw, "x")
    assert message.date is None
    assert (message.from_name, message.from_address, message.message_id) == ("", "", None)
    assert message.key.startswith("sha256:")
    assert parse_message(raw.replace(b"\n", b"\r\n"), "y").key == message.key


def test_date_falls_back_to_the_received_header() -> None:
    """GIVEN a message without a Date but with Received headers
    WHEN it is parsed
    THEN the date is when the newest Received header stamped it, in UTC."""
    raw = mail(
        "Received: from mx.example by mail.example; Wed, 06 Mar 2024 09:00:00 -0500",
        "Received: from a by b; Wed, 06 Mar 2024 08:00:00 -0500",
        "Subject: hi",
    )
    assert parse_message(raw, "x").date == datetime(2024, 3, 6, 14, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "value", ["not a date", "Mon, 99 Foo 2024 99:99:99 +0000", "Tue, 5 Mar 99999 10:00:00 +0000", ""]
)
def test_unreadable_dates_become_none(value: str) -> None:
    """GIVEN a Date header that cannot be read
    WHEN the message is parsed
    THEN the date is None rather than an error."""
    assert parse_message(mail(f"Date: {value}", "Subject: x"), "x").date is None


def test_date_without_zone_counts_as_utc() -> None:
    """GIVEN a date with no time zone
    WHEN parsed
    THEN it is read as UTC and is timezone-aware."""
    assert parse_message(mail("Date: 5 Mar 2024 10:00:00", "Subject: x"), "x").date == datetime(
        2024, 3, 5, 10, 0, tzinfo=UTC
    )


def test_rfc2047_headers_decode_including_split_characters() -> None:
    """GIVEN encoded words in Subject and From, one character split across two words
    WHEN parsed
    THEN the text reads as written, with no space between adjacent words."""
    raw = mail(
        "Subject: =?utf-8?B?SsO2Yg==?= =?utf-8?Q?_offer_f=C3=BCr_you?= =?utf-8?B?4oI=?= =?utf-8?B?rA==?=",
        "From: =?iso-8859-1?q?J=F6rg_M=FCller?= <jorg@example.com>",
    )
    message = parse_message(raw, "x")
    assert message.subject == "Jöb offer für you€"
    assert message.from_name == "Jörg Müller"


def test_broken_encoded_words_do_not_break_the_subject() -> None:
    """GIVEN encoded words with an unknown charset and invalid base64
    WHEN parsed
    THEN readable parts decode and the broken word is kept as written."""
    raw = mail("Subject: =?x-unknown?Q?caf=C3=A9?= and =?utf-8?B?!!!bad?=", "From: a@b.example")
    assert parse_message(raw, "x").subject == "café and =?utf-8?B?!!!bad?="


def test_raw_8bit_headers_are_read_as_utf8_or_windows_1252() -> None:
    """GIVEN headers with raw 8-bit bytes (no RFC 2047), UTF-8 in one and Windows-1252 in another
    WHEN parsed
    THEN both read correctly."""
    raw = b"From: Caf\xc3\xa9 Owner <o@x.example>\nSubject: \x93Offer\x94 for you\n\nbody\n"
    message = parse_message(raw, "x")
    assert message.from_name == "Café Owner"
    assert message.subject == "“Offer” for you"


@pytest.mark.parametrize(
    ("charset", "body", "expected"),
    [
        ("us-ascii", b"caf\xc3\xa9", "café"),  # declared ASCII, sent UTF-8
        ("utf-8", b"caf\xe9 \x93quoted\x94", "café “quoted”"),  # declared UTF-8, sent Windows-1252
        ("iso-8859-1", b"\x93quoted\x94", "“quoted”"),  # Latin-1 label, Windows-1252 bytes
        ("x-no-such-charset", b"caf\xc3\xa9", "café"),  # unknown label
        ("base64", b"caf\xc3\xa9", "café"),  # a label that is not a text encoding at all
        ("koi8-r", b"\xf0\xd2\xc9\xd7\xc5\xd4", "Привет"),  # an honest legacy charset
        ("utf-8", b"\x81\x8d\x8f", "\x81\x8d\x8f"),  # bytes nothing else can read: Latin-1
    ],
)
def test_lying_charsets_fall_back(charset: str, body: bytes, expected: str) -> None:
    """GIVEN a body whose declared charset is wrong, unknown or true
    WHEN parsed
    THEN the text is read with the first charset that fits."""
    raw = mail("Subject: x", f"Content-Type: text/plain; charset={charset}", body=body)
    assert parse_message(raw, "x").text == expected


def test_decode_bytes_never_raises_for_odd_labels() -> None:
    """GIVEN odd charset labels
    WHEN bytes are decoded
    THEN a string always comes back."""
    for label in (None, "", '"utf-8"', "UTF8", "zlib", "rot13", "utf-16", "iso-2022-jp", "\x00"):
        assert isinstance(decode_bytes(b"\xff\xfeh\x00i\x00\x1b$B", label), str)
    assert decode_bytes(b"\x1b$B$3$s$K$A$O\x1b(B", "iso-2022-jp") == "こんにちは"


def test_html_only_mail_gets_readable_text() -> None:
    """GIVEN an HTML-only message with styles, scripts, tables, entities and a quoted-printable body
    WHEN parsed
    THEN text has no markup, keeps block line breaks, and html keeps the original."""
    html = (
        "<html><head><title>Update</title><style>p {color: red}</style></head><body>"
        "<p>Dear&nbsp;Jane,</p><p>We regret to inform you&hellip; R&amp;D &lt;team&gt; &#8211; sorry."
        "<br>Best,<BR>Recruiting</p><script>track('x')</script>"
        "<table><tr><td>Role</td><td>Data Analyst</td></tr></table><!-- hidden --></body></html>"
    )
    qp = html.replace("=", "=3D").replace("sorry.", "sor=\nry.")
    raw = mail(
        "Subject: x",
        "Content-Type: text/html; charset=utf-8",
        "Content-Transfer-Encoding: quoted-printable",
        body=qp,
    )
    message = parse_message(raw, "x")
    assert message.text == (
        "Dear Jane,\n\nWe regret to inform you… R&D <team> – sorry.\nBest,\nRecruiting\n\nRole Data Analyst"
    )
    assert message.html == html


def test_html_to_text_handles_odd_markup() -> None:
    """GIVEN HTML with upper-case tags, '>' inside attributes, unclosed comments and unknown entities
    WHEN converted
    THEN only the visible text remains."""
    assert html_to_text('<P>One</P><DIV>Two</DIV><a title="a > b" href="x">Three</a>') == "One\n\nTwo\nThree"
    assert html_to_text("<SCRIPT>x()</script>Shown &bogus; &#x41;<!-- never closed") == "Shown &bogus; A"
    assert html_to_text("") == ""
    assert html_to_text("plain < text > with & signs") == "plain < text > with & signs"


def test_html_to_text_line_breaks_follow_the_layout() -> None:
    """GIVEN nested blocks, table rows, paragraphs and double <br>
    WHEN converted
    THEN each block or row starts one new line, paragraphs and <br><br> leave one blank line."""
    markup = (
        "<div><div>Hello Jane,</div></div><table><tr><td>Role</td><td>Analyst</td></tr>"
        "<tr><td>Where</td><td>Berlin</td></tr></table><p>Regards</p>x<br><br>y"
    )
    assert html_to_text(markup) == "Hello Jane,\n\nRole Analyst\nWhere Berlin\n\nRegards\n\nx\n\ny"


def test_alternative_prefers_plain_text_and_keeps_html() -> None:
    """GIVEN multipart/alternative with plain and HTML parts
    WHEN parsed
    THEN text is the plain part and html the HTML part."""
    raw = mail(
        "Subject: x",
        'Content-Type: multipart/alternative; boundary="b1"',
        body="--b1\nContent-Type: text/plain\n\nPlain words\n--b1\nContent-Type: text/html\n\n<p>Html words</p>\n--b1--\n",
    )
    message = parse_message(raw, "x")
    assert message.text == "Plain words"
    assert message.html == "<p>Html words</p>"


def test_empty_plain_part_falls_back_to_html() -> None:
    """GIVEN an alternative whose plain part is blank
    WHEN parsed
    THEN the text comes from the HTML part."""
    raw = mail(
        "Subject: x",
        "Content-Type: multipart/alternative; boundary=b1",
        body="--b1\nContent-Type: text/plain\n\n \n--b1\nContent-Type: text/html\n\n<p>Real text</p>\n--b1--\n",
    )
    assert parse_message(raw, "x").text == "Real text"


def test_base64_body_and_attachments_listed_not_decoded() -> None:
    """GIVEN a base64 text body, a large PDF, and attachments named with RFC 2231 and RFC 2047
    WHEN parsed
    THEN the body is decoded, attachments are listed with name, type and size, and none end up in the text."""
    pdf = b"%PDF-1.4\n" + bytes(range(256)) * 4000
    encoded_pdf = base64.encodebytes(pdf).decode()
    body = (
        "--m\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n"
        + base64.encodebytes("Prüfung bestanden.\n".encode()).decode()
        + "--m\nContent-Type: application/pdf\nContent-Disposition: attachment; filename*=utf-8''Lebenslauf%20M%C3%BCller.pdf\n"
        "Content-Transfer-Encoding: base64\n\n"
        + encoded_pdf
        + '--m\nContent-Type: text/calendar; name="=?utf-8?Q?Interview_=E2=80=93_ACME.ics?="\n\nBEGIN:VCALENDAR\n'
        "--m--\n"
    )
    raw = mail("Subject: x", "Content-Type: multipart/mixed; boundary=m", body=body)
    message = parse_message(raw, "x")
    assert message.text == "Prüfung bestanden.\n"
    assert message.attachments[0] == ("Lebenslauf Müller.pdf", "application/pdf", len(pdf))
    assert message.attachments[1][:2] == ("Interview – ACME.ics", "text/calendar")
    assert "JVBERi" not in message.text


def test_content_params_read_rfc2231_continuations() -> None:
    """GIVEN a filename split into RFC 2231 continuations, some percent-encoded
    WHEN the header is read
    THEN the parts are joined and decoded."""
    value = "attachment; filename*0*=utf-8''Lebens; filename*1*=lauf%20M%C3%BC; filename*2=\"ller.pdf\""
    assert content_params(value) == ("attachment", {"filename": "Lebenslauf Müller.pdf"})
    assert content_params('text/plain; charset="utf-8"; format=flowed') == (
        "text/plain",
        {"charset": "utf-8", "format": "flowed"},
    )


def test_nested_multiparts_and_forwarded_message() -> None:
    """GIVEN mixed(alternative(plain, related(html, image)), forwarded message/rfc822)
    WHEN parsed
    THEN the outer plain text comes first, the forwarded message's headers and text follow,
    and the image and the forwarded message are listed as attachments."""
    body = (
        "--outer\nContent-Type: multipart/alternative; boundary=alt\n\n"
        "--alt\nContent-Type: text/plain\n\nFYI, see below.\n"
        "--alt\nContent-Type: multipart/related; boundary=rel\n\n"
        "--rel\nContent-Type: text/html\n\n<p>FYI, see below.</p>\n"
        "--rel\nContent-Type: image/png; name=logo.png\nContent-Transfer-Encoding: base64\nContent-ID: <logo>\n\n"
        "iVBORw0KGgo=\n--rel--\n--alt--\n"
        "--outer\nContent-Type: message/rfc822\n\n"
        "From: HR <hr@acme.example>\nSubject: Interview invitation\nDate: Mon, 4 Mar 2024 10:00:00 +0000\n"
        "Content-Type: text/plain\n\nWe would like to invite you to an interview.\n"
        "--outer--\n"
    )
    raw = mail(
        "Subject: Fwd: Interview invitation", "Content-Type: multipart/mixed; boundary=outer", body=body
    )
    message = parse_message(raw, "x")
    assert message.text.startswith("FYI, see below.\n\n---------- Forwarded message ----------\n")
    assert "From: HR <hr@acme.example>\n" in message.text
    assert "Subject: Interview invitation\n" in message.text
    assert message.text.endswith("We would like to invite you to an interview.")
    assert message.html == "<p>FYI, see below.</p>"
    assert [(a.filename, a.content_type) for a in message.attachments] == [
        ("logo.png", "image/png"),
        (None, "message/rfc822"),
    ]


def test_quoted_printable_body_decodes() -> None:
    """GIVEN a quoted-printable body with soft line breaks and encoded bytes
    WHEN parsed
    THEN the text is joined and decoded."""
    raw = mail(
        "Subject: x",
        "Content-Type: text/plain; charset=utf-8",
        "Content-Transfer-Encoding: quoted-printable",
        body="Wir freuen uns, Sie zum Gespr=C3=A4ch einzu=\nladen.\n",
    )
    assert parse_message(raw, "x").text == "Wir freuen uns, Sie zum Gespräch einzuladen.\n"


@pytest.mark.parametrize(
    "body",
    [
        "no boundary line ever appears\n",  # declared boundary missing from the body
        "--b\nContent-Type: text/plain\n\nno boundary line ever appears\n",  # closing boundary missing
    ],
)
def test_broken_mime_boundaries_still_give_text(body: str) -> None:
    """GIVEN a multipart whose boundaries are missing or never closed
    WHEN parsed
    THEN the text is still read."""
    raw = mail("Subject: x", "Content-Type: multipart/mixed; boundary=b", body=body)
    assert "no boundary line ever appears" in parse_message(raw, "x").text


def test_multipart_without_boundary_parameter() -> None:
    """GIVEN Content-Type multipart/mixed with no boundary at all
    WHEN parsed
    THEN the body is read as plain text."""
    raw = mail("Subject: x", "Content-Type: multipart/mixed", body="Just text.\n")
    assert parse_message(raw, "x").text == "Just text.\n"


def test_huge_body_is_capped() -> None:
    """GIVEN a message with megabytes of text
    WHEN parsed
    THEN the text is capped and the size still reports the whole message."""
    raw = mail("Subject: x", body=("line of text " * 10 + "\n") * 60_000)
    message = parse_message(raw, "x")
    assert len(message.text) == TEXT_LIMIT
    assert message.size == len(raw) > 7_000_000


def test_list_headers_are_flagged() -> None:
    """GIVEN a job alert with List-Id and List-Unsubscribe
    WHEN parsed
    THEN both flags are set and it counts as list mail."""
    raw = mail(
        "Subject: 12 new jobs", "List-Id: <alerts.jobs.example>", "List-Unsubscribe: <mailto:u@jobs.example>"
    )
    message = parse_message(raw, "x")
    assert (message.list_id, message.list_unsubscribe, message.is_list) == (True, True, True)


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "the message is empty"),
        (b"  \r\n\r\n ", "the message is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "it has no mail headers"),
        (b"just some words\nwith no headers at all\n", "it has no mail headers"),
        (bytes(range(256)) * 4, "it has no mail headers"),
    ],
)
def test_unusable_input_raises_a_plain_reason(raw: bytes, reason: str) -> None:
    """GIVEN bytes that are not an email
    WHEN parsed
    THEN MailParseError says why in plain words."""
    with pytest.raises(MailParseError) as caught:
        parse_message(raw, "x")
    assert caught.value.reason.startswith(reason)
    assert str(caught.value) == caught.value.reason


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.glob("*.eml")))
def test_sample_files_parse(name: str) -> None:
    """GIVEN the hand-written sample messages in tests/data/mail
    WHEN parsed
    THEN each has a subject and some text."""
    message = parse_message((DATA / name).read_bytes(), name)
    assert message.subject
    assert message.text.strip()


def test_decode_words_leaves_plain_text_alone() -> None:
    """GIVEN header text without encoded words
    WHEN decoded
    THEN it is unchanged."""
    assert decode_words("Plain =? not a word") == "Plain =? not a word"


_VALID = mail(
    "From: A <a@b.example>",
    "Subject: =?utf-8?B?SsO2Yg==?=",
    "Content-Type: multipart/mixed; boundary=z",
    body="--z\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
    "<p>caf=C3=A9</p>\n--z\nContent-Type: message/rfc822\n\nSubject: inner\n\ntext\n--z--\n",
)


@st.composite
def mangled_messages(draw: st.DrawFn) -> bytes:
    """A valid message with random bytes inserted, deleted or overwritten."""
    raw = bytearray(_VALID)
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, len(raw)))
        junk = draw(st.binary(max_size=12))
        if draw(st.booleans()):
            raw[at:at] = junk
        else:
            del raw[at : at + draw(st.integers(0, 40))]
    return bytes(raw)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.binary(max_size=400), mangled_messages()))
def test_malformed_input_never_crashes(raw: bytes) -> None:
    """GIVEN random and mangled bytes
    WHEN parsed
    THEN the result is a MailMessage or a MailParseError with a known reason, never another exception."""
    try:
        message = parse_message(raw, "fuzz")
    except MailParseError as exc:
        assert not exc.reason.startswith(UNEXPECTED), exc.reason
    else:
        assert isinstance(message.text, str)
        assert message.date is None or message.date.tzinfo is UTC


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_any_header_text_survives(value: str) -> None:
    """GIVEN any text (including encoded-word look-alikes) as Subject and From
    WHEN parsed
    THEN parsing succeeds or refuses plainly."""
    line = value.replace("\r", " ").replace("\n", " ")
    raw = f"Subject: {line}\nFrom: {line}\nContent-Type: text/plain; charset={line[:20]}\n\nbody\n".encode()
    try:
        parse_message(raw, "fuzz")
    except MailParseError as exc:
        assert not exc.reason.startswith(UNEXPECTED), exc.reason


def test_the_key_holds_the_message_id_and_a_hash_of_what_the_message_says() -> None:
    """GIVEN one message as an mbox keeps it, as IMAP serves it (CRLF) and with a mail client's Status header,
    and a second message with the same Message-ID but another body
    WHEN their keys are worked out THEN the first three share one key and the fourth has its own."""
    from bounceback.mail.keys import id_part, message_key

    lines = ("From: hr@acme.example", "Subject: Your application", "Message-ID: <one@acme.example>")
    plain = message_key(mail(*lines, body="We are sorry.\n"))
    assert message_key(mail(*lines, body="We are sorry.\n", crlf=True)) == plain
    assert message_key(mail("Status: RO", *lines, body="We are sorry.\n")) == plain
    other = message_key(mail(*lines, body="Half price today!\n"))
    assert other != plain
    assert id_part(other) == id_part(plain) == "<one@acme.example>"


def test_compat32_reads_the_same_as_the_default_policy(monkeypatch) -> None:
    """GIVEN the sample mail (plain, HTML only, quoted-printable, base64, cp1252, list mail, calendar invitations,
    an mbox in Takeout style) and the test stories WHEN read with the compat32 parser and with
    email.policy.default THEN every field of every message is the same (only raw values are read)."""
    import email.policy
    from email.parser import BytesParser

    import bounceback.mail.parse as parse
    from bounceback.mail.sources import open_sources
    from tests.mailfactory import search_story

    data = Path(__file__).parent / "data" / "mail"
    raws = [raw for source in open_sources([data]) for _origin, raw in source]
    raws += [bytes(message) for message in search_story()]
    assert len(raws) >= 12
    fast = [parse.parse_message(raw, "x") for raw in raws]
    monkeypatch.setattr(parse, "_PARSER", BytesParser(policy=email.policy.default))
    slow = [parse.parse_message(raw, "x") for raw in raws]
    assert fast == slow
    assert any(m.calendar for m in fast) and any(m.html for m in fast)
