"""A fuzz corpus made here: random bytes, truncated MIME, lying charsets, megabyte headers, deep nesting, reused
Message-IDs and NULs, mixed with a real search's mail. The import keeps every message that can be read at all
(the search's own mail above all), names the rest, and never shows a traceback."""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.mailfactory import as_mbox_bytes, search_story

STORY = [bytes(message) for message in search_story()]
STORY_IDS = [f"<test-{n}@mail.example>" for n in (0, 3, 30, 40, 200)]


def _headers(*lines: bytes) -> bytes:
    return b"\n".join(lines) + b"\n\n"


@st.composite
def truncated_mime(draw: st.DrawFn) -> bytes:
    """A multipart message with text, HTML and an attachment, cut off anywhere."""
    whole = _headers(
        b"From: hr@acme.example", b"Subject: Your application", b"Content-Type: multipart/mixed; boundary=zz"
    ) + (
        b"--zz\nContent-Type: text/plain\n\nThank you for applying.\n--zz\nContent-Type: text/html\n\n<p>Thanks</p>\n"
        b"--zz\nContent-Type: application/pdf\nContent-Transfer-Encoding: base64\n\nJVBERi0xLjQK\n--zz--\n"
    )
    return whole[: draw(st.integers(1, len(whole)))]


@st.composite
def lying_charset(draw: st.DrawFn) -> bytes:
    """A body whose bytes are not in the charset it declares (or in any)."""
    charset = draw(
        st.sampled_from([b"utf-16", b"utf-7", b"shift_jis", b"klingon", b"base64", b"utf-8", b'"'])
    )
    body = draw(st.binary(min_size=1, max_size=300))
    encoding = draw(st.sampled_from([b"8bit", b"base64", b"quoted-printable", b"x-uuencode"]))
    return _headers(b"From: a@b.example", b"Subject: =?" + charset + b"?B?////?=",
                    b"Content-Type: text/plain; charset=" + charset, b"Content-Transfer-Encoding: " + encoding) + body  # fmt: skip


@st.composite
def megabyte_header(draw: st.DrawFn) -> bytes:
    """One header of up to a megabyte, of a repeated unit."""
    name = draw(st.sampled_from([b"Subject", b"From", b"To", b"References", b"Content-Type", b"X-Spam"]))
    unit = draw(st.sampled_from([b"a", b"@", b"=?utf-8?q?a?= ", b"(", b"a@b.", b"\x00", b" \n "]))
    size = draw(st.sampled_from([10_000, 200_000, 1 << 20]))
    return _headers(b"From: a@b.example", name + b": " + unit * (size // len(unit))) + b"Body.\n"


@st.composite
def deep_nesting(draw: st.DrawFn) -> bytes:
    """Multiparts or forwarded messages nested far deeper than any mail client writes."""
    depth = draw(st.integers(20, 400))
    if draw(st.booleans()):
        head = _headers(b"From: a@b.example", b"Content-Type: multipart/mixed; boundary=b")
        return head + b"--b\nContent-Type: multipart/mixed; boundary=b\n\n" * depth + b"text\n"
    return _headers(b"From: a@b.example", b"Content-Type: message/rfc822") + (
        b"From: c@d.example\nContent-Type: message/rfc822\n\n" * depth
    )


@st.composite
def reused_id(draw: st.DrawFn) -> bytes:
    """Junk that carries the Message-ID of one of the search's real messages."""
    taken = draw(st.sampled_from(STORY_IDS))
    return (
        _headers(b"From: deals@shop.example", b"Subject: Flash sale", b"Message-ID: " + taken.encode())
        + b"Half price!\n"
    )


@st.composite
def with_nuls(draw: st.DrawFn) -> bytes:
    """A real message with NULs put in at random places."""
    raw = bytearray(draw(st.sampled_from(STORY)))
    for _ in range(draw(st.integers(1, 20))):
        raw.insert(draw(st.integers(0, len(raw))), 0)
    return bytes(raw).replace(b"Message-ID: <test-", b"Message-ID: <nul-")


HOSTILE = st.one_of(
    st.binary(max_size=3000),
    truncated_mime(),
    lying_charset(),
    megabyte_header(),
    deep_nesting(),
    reused_id(),
    with_nuls(),
)


def _import(home: Path, raws: list[bytes], cache: Path):  # type: ignore[no-untyped-def]
    from bounceback.mail.classify.corpus import load_or_train
    from bounceback.mail.importer import MailImporter
    from bounceback.mail.message import RawMail
    from bounceback.settings import load_settings
    from bounceback.workspace import Workspace

    workspace = Workspace.open(load_settings(home=home, database_url=f"sqlite:///{home}/db.sqlite3"))
    try:
        items = [RawMail(f"fuzz#{n}", raw) for n, raw in enumerate(raws)]
        return MailImporter(workspace, lambda: load_or_train(cache)).run(items)
    finally:
        workspace.close()


def _stored_keys(home: Path) -> set[str]:
    with sqlite3.connect(home / "db.sqlite3") as connection:
        return {row[0] for row in connection.execute("SELECT key FROM mail_messages")}


def _readable(raw: bytes) -> str | None:
    """The key of a message the parser can read at all; None for one it refuses (no mail headers, empty)."""
    from bounceback.mail.parse import MailParseError, parse_message

    try:
        return parse_message(raw, "check").key
    except MailParseError:
        return None


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.data_too_large],
)
@given(hostile=st.lists(HOSTILE, min_size=1, max_size=6), where=st.integers(0, len(STORY)))
def test_a_fuzzed_mailbox_keeps_every_readable_message(
    hostile: list[bytes], where: int, tmp_path: Path, classifier_cache: Path
) -> None:
    """GIVEN the search's five messages with generated hostile ones put among them
    WHEN the whole mailbox is imported THEN it finishes, every message the parser can read is stored (the
    search's own first), each of the others is named, and the rejection is applied."""
    home = tmp_path / uuid.uuid4().hex
    raws = [*STORY[:where], *hostile, *STORY[where:]]
    summary = _import(home, raws, classifier_cache)
    stored = _stored_keys(home)
    wanted = {key for key in map(_readable, raws) if key is not None}
    assert wanted <= stored
    assert {key.split(" ")[0] for key in stored} >= set(STORY_IDS)
    unreadable = sum(1 for raw in raws if _readable(raw) is None)
    assert summary.malformed == unreadable
    assert summary.messages == len(raws)


@pytest.mark.slow
def test_the_fuzz_corpus_as_an_mbox_imports_through_the_command_without_a_traceback(
    sqlite_cli, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """GIVEN one mbox holding an example of every kind of hostile message among the search's mail
    WHEN `mail import` reads it THEN no traceback, the search's applications are there, and the summary counts
    every message."""
    corpus = [
        b"\x00\xff" * 500,
        _headers(b"From: hr@acme.example", b"Content-Type: multipart/mixed; boundary=zz") + b"--zz\nContent-Type: text/pl",
        _headers(b"From: a@b.example", b"Content-Type: text/plain; charset=utf-16") + b"\xff\xfe\xfd" * 100,
        _headers(b"From: a@b.example", b"Subject: " + b"@" * (1 << 20)) + b"Body.\n",
        _headers(b"From: a@b.example", b"Content-Type: multipart/mixed; boundary=b") + b"--b\nContent-Type: multipart/mixed; boundary=b\n\n" * 300,
        _headers(b"From: deals@shop.example", b"Subject: Sale", b"Message-ID: <test-200@mail.example>") + b"Half price!\n",
        STORY[0].replace(b"Subject:", b"Sub\x00ject:").replace(b"<test-0@", b"<nul-0@"),
    ]  # fmt: skip
    from email import message_from_bytes
    from email.policy import default

    messages = [message_from_bytes(raw, policy=default) for raw in [*corpus[:3], *STORY, *corpus[3:]]]
    box = tmp_path / "fuzz.mbox"
    box.write_bytes(as_mbox_bytes(messages))  # type: ignore[arg-type]
    done = sqlite_cli("mail", "import", str(box))
    assert "Traceback" not in done.stdout + done.stderr
    assert f"{len(messages)} messages read" in " ".join(done.stdout.split())
    import json

    stages = {a["company"]: a["stage"] for a in json.loads(sqlite_cli("list", "--json").stdout)}
    assert stages.get("Fernhill Robotics") == "rejected" and "Quayside Books" in stages
