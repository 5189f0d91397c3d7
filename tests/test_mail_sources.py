"""Mail sources: mbox (streamed), Maildir, .eml files and folders, and choosing among them."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bounceback.domain.errors import InvalidInput
from bounceback.mail.parse import parse_message
from bounceback.mail.sources import (
    EmlFolderSource,
    EmlSource,
    MaildirSource,
    MboxSource,
    open_source,
    open_sources,
)

DATA = Path(__file__).parent / "data" / "mail"
SEPARATOR = b"From sender@example.org Mon Mar  4 10:00:00 2024\n"


def message(number: int, body: str = "Hello.\n") -> bytes:
    return f"From: a@b.example\nSubject: Message {number}\nMessage-ID: <{number}@x>\n\n{body}".encode()


def write_mbox(path: Path, *messages: bytes, tail: bytes = b"") -> Path:
    path.write_bytes(b"".join(SEPARATOR + m + b"\n" for m in messages) + tail)
    return path


def test_takeout_mbox_reads_every_message_in_order() -> None:
    """GIVEN a Gmail Takeout style mbox (CRLF lines, quoted From lines)
    WHEN read
    THEN each message comes out whole, numbered by position, with one level of >From quoting removed."""
    source = MboxSource(DATA / "takeout-sample.mbox")
    items = list(source)
    path = str((DATA / "takeout-sample.mbox").resolve())
    assert [item.origin for item in items] == [f"{path}#1", f"{path}#2", f"{path}#3"]
    assert source.problems == []
    messages = [parse_message(item.raw, item.origin) for item in items]
    assert [m.subject for m in messages] == ["We received your application", "Quick chat?", "Re: Quick chat?"]
    assert "\r\nFrom our side, we will be in touch.\r\n" in items[0].raw.decode()
    assert messages[1].text == (
        "Hi Jane,\nFrom the CV you sent, I'd love to chat.\n>From an earlier mail: quoted line.\n"
    )
    assert items[2].raw.endswith(b"Sure, Thursday works.\r\n")


def test_truncated_last_message_is_reported_and_earlier_ones_kept(tmp_path: Path) -> None:
    """GIVEN an mbox whose last message is cut off mid-line
    WHEN read
    THEN the complete messages are yielded and the cut one is reported as a problem."""
    path = write_mbox(tmp_path / "inbox.mbox", message(1), message(2), tail=SEPARATOR + message(3)[:40])
    source = MboxSource(path)
    items = list(source)
    assert [parse_message(i.raw, i.origin).subject for i in items] == ["Message 1", "Message 2"]
    assert [p.origin for p in source.problems] == [f"{path.resolve()}#3"]
    assert "cut off" in source.problems[0].reason


def test_message_cut_inside_its_header_is_reported(tmp_path: Path) -> None:
    """GIVEN an mbox whose last message ends at a line end but before its header is over
    WHEN read
    THEN it is reported, not yielded."""
    path = write_mbox(
        tmp_path / "inbox.mbox", message(1), tail=SEPARATOR + b"From: a@b.example\nSubject: cut\n"
    )
    source = MboxSource(path)
    assert len(list(source)) == 1
    assert len(source.problems) == 1


def test_body_line_starting_with_from_stays_in_its_message(tmp_path: Path) -> None:
    """GIVEN an unquoted body line "From the team," (a careless mbox writer)
    WHEN read
    THEN it is not taken for a message separator."""
    path = write_mbox(tmp_path / "inbox.mbox", message(1, "Thanks.\n\nFrom the team,\nACME\n"), message(2))
    items = list(MboxSource(path))
    assert len(items) == 2
    assert parse_message(items[0].raw, "x").text == "Thanks.\n\nFrom the team,\nACME\n"


def test_text_before_the_first_message_is_skipped(tmp_path: Path) -> None:
    """GIVEN an .mbox with junk before its first From line, and one with no From line at all
    WHEN read
    THEN the junk is skipped, and the file without messages is reported."""
    path = tmp_path / "a.mbox"
    path.write_bytes(b"junk line\n" + SEPARATOR + message(1))
    assert len(list(MboxSource(path))) == 1
    empty = tmp_path / "b.mbox"
    empty.write_bytes(message(1))
    source = MboxSource(empty)
    assert list(source) == []
    assert "no messages" in source.problems[0].reason


class CountingReader(io.RawIOBase):
    """A binary stream that records how much has been read and the largest single read."""

    def __init__(self, data: bytes) -> None:
        self._inner = io.BytesIO(data)
        self.consumed = 0
        self.largest_read = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        chunk = self._inner.read(size)
        self.consumed += len(chunk)
        self.largest_read = max(self.largest_read, len(chunk))
        return chunk


def test_mbox_is_streamed_with_a_bounded_buffer(tmp_path: Path) -> None:
    """GIVEN a 19 MB mbox read in 64 KiB chunks
    WHEN messages are taken one by one
    THEN no read exceeds the chunk size and the file is never read far ahead of the message handed out."""
    chunk = 64 * 1024
    body = "A line of an ordinary message body, long enough.\n" * 200
    messages = [message(n, body) for n in range(2000)]
    data = b"".join(SEPARATOR + m + b"\n" for m in messages)
    assert len(data) > 19_000_000
    reader = CountingReader(data)
    handed_out = 0
    for count, item in enumerate(
        MboxSource(tmp_path / "unused.mbox", chunk_size=chunk).read(reader), start=1
    ):
        handed_out += len(SEPARATOR) + len(item.raw) + 1
        assert reader.consumed <= handed_out + 2 * chunk
        assert count <= 2000
    assert count == 2000
    assert reader.largest_read <= chunk
    assert reader.consumed == len(data)


def test_a_message_larger_than_the_buffer_comes_out_whole(tmp_path: Path) -> None:
    """GIVEN a message ten times the read size
    WHEN read
    THEN it is yielded whole."""
    big = message(1, "x" * 99 + "\n") + b"y" * 100_000 + b"\n"
    path = write_mbox(tmp_path / "big.mbox", big, message(2))
    items = list(MboxSource(path, chunk_size=10_000))
    assert [len(i.raw) for i in items] == [len(big), len(message(2))]


def make_maildir(root: Path) -> Path:
    for sub in ("cur", "new", "tmp"):
        (root / sub).mkdir(parents=True)
    (root / "cur" / "1709550000.M1P1.host:2,S").write_bytes(message(1))
    (root / "new" / "1709550100.M2P1.host").write_bytes(message(2))
    (root / "cur" / "1709550050.M3P1.host:2,RS").write_bytes(message(3))
    (root / "tmp" / "1709550200.M4P1.host").write_bytes(message(4))  # still being delivered: not read
    (root / "cur" / ".hidden").write_bytes(message(5))
    return root


def test_maildir_reads_cur_and_new_in_delivery_order(tmp_path: Path) -> None:
    """GIVEN a Maildir with read and unread mail (and a message still in tmp/)
    WHEN read
    THEN cur/ and new/ messages come oldest first, with origins that ignore flags."""
    root = make_maildir(tmp_path / "Maildir")
    source = MaildirSource(root)
    items = list(source)
    assert [parse_message(i.raw, i.origin).subject for i in items] == ["Message 1", "Message 3", "Message 2"]
    assert items[0].origin == f"{root.resolve()}#1709550000.M1P1.host"
    assert source.problems == []


def test_maildir_origin_survives_a_flag_change(tmp_path: Path) -> None:
    """GIVEN a Maildir message that a mail client then marks read (new/ to cur/ with flags)
    WHEN read before and after
    THEN its origin is the same."""
    root = make_maildir(tmp_path / "Maildir")
    before = {i.raw: i.origin for i in MaildirSource(root)}
    os.rename(root / "new" / "1709550100.M2P1.host", root / "cur" / "1709550100.M2P1.host:2,S")
    after = {i.raw: i.origin for i in MaildirSource(root)}
    assert before == after


def test_unreadable_maildir_entry_is_a_problem(tmp_path: Path) -> None:
    """GIVEN a Maildir with an entry that cannot be read as a file
    WHEN read
    THEN the other messages come out and the entry is reported."""
    root = make_maildir(tmp_path / "Maildir")
    (root / "cur" / "1709550060.M9P1.host:2,").mkdir()
    source = MaildirSource(root)
    assert len(list(source)) == 3
    assert [p.origin for p in source.problems] == [f"{root.resolve()}#1709550060.M9P1.host"]


def test_eml_folder_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    """GIVEN a folder tree of .eml files with other files, a hidden folder and a dangling link
    WHEN read
    THEN every .eml comes out in sorted path order and the dangling link is reported."""
    (tmp_path / "b").mkdir()
    (tmp_path / ".trash").mkdir()
    (tmp_path / "b" / "2.eml").write_bytes(message(2))
    (tmp_path / "a.EML").write_bytes(message(1))
    (tmp_path / "b" / "notes.txt").write_text("not mail")
    (tmp_path / ".trash" / "3.eml").write_bytes(message(3))
    (tmp_path / "c.eml").symlink_to(tmp_path / "gone.eml")
    source = EmlFolderSource(tmp_path)
    items = list(source)
    assert [Path(i.origin).name for i in items] == ["a.EML", "2.eml"]
    assert [Path(p.origin).name for p in source.problems] == ["c.eml"]


def test_single_eml_file(tmp_path: Path) -> None:
    """GIVEN one .eml file
    WHEN read
    THEN it yields one message whose origin is its path."""
    items = list(EmlSource(DATA / "rejection-alternative.eml"))
    assert [i.origin for i in items] == [str((DATA / "rejection-alternative.eml").resolve())]


def test_open_sources_picks_the_kind_per_path(tmp_path: Path) -> None:
    """GIVEN an mbox, an .eml, a Maildir, a folder of .eml and .mbox files, and files without suffix
    WHEN opened
    THEN each path gets the right kind of source."""
    maildir = make_maildir(tmp_path / "Maildir")
    export = tmp_path / "export"
    (export / "Mail").mkdir(parents=True)
    (export / "one.eml").write_bytes(message(1))
    write_mbox(export / "Mail" / "All mail.mbox", message(2))
    no_suffix_mbox = write_mbox(tmp_path / "mbox", message(3))
    no_suffix_eml = tmp_path / "saved-message"
    no_suffix_eml.write_bytes(message(4))
    sources = open_sources(
        [
            DATA / "takeout-sample.mbox",
            DATA / "job-alert-list.eml",
            maildir,
            export,
            no_suffix_mbox,
            no_suffix_eml,
        ]
    )
    assert [type(s) for s in sources] == [
        MboxSource,
        EmlSource,
        MaildirSource,
        EmlFolderSource,
        MboxSource,
        MboxSource,
        EmlSource,
    ]
    assert sum(1 for s in sources for _ in s) == 3 + 1 + 3 + 1 + 1 + 1 + 1


def test_open_source_refuses_what_is_not_mail(tmp_path: Path) -> None:
    """GIVEN a missing path, a binary file and an empty folder
    WHEN opened
    THEN each gives a plain InvalidInput naming the path."""
    picture = tmp_path / "photo.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (tmp_path / "empty").mkdir()
    for path, words in [
        (tmp_path / "missing.mbox", "There is no file or folder"),
        (picture, "is not a mail file"),
        (tmp_path / "empty", "holds no mail"),
    ]:
        with pytest.raises(InvalidInput) as caught:
            open_source(path)
        assert words in caught.value.message
        assert str(path) in caught.value.message


def test_mbox_that_disappears_is_a_problem(tmp_path: Path) -> None:
    """GIVEN an mbox source whose file is removed before it is read
    WHEN read
    THEN it yields nothing and reports that the file could not be read."""
    path = write_mbox(tmp_path / "inbox.mbox", message(1))
    [source] = open_source(path)
    path.unlink()
    assert list(source) == []
    assert "could not be read" in source.problems[0].reason


def mboxrd_quote(raw: bytes) -> bytes:
    """What an mboxrd writer stores: one more ">" before every line that reads ">*From "."""
    lines = raw.split(b"\n")
    return b"\n".join(b">" + line if line.lstrip(b">").startswith(b"From ") else line for line in lines)


_LINES = st.sampled_from(
    ["Text", "", "From the team", ">From quoted", "From a@b Mon Mar 4 10:00:00 2024", "x" * 70]
)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.lists(_LINES, max_size=6), max_size=6),
    st.sampled_from([1, 2, 5, 13, 64, 4096]),
)
def test_mbox_round_trip_whatever_the_chunk_size(bodies: list[list[str]], chunk: int) -> None:
    """GIVEN messages whose lines look like separators or quoted separators, written as mboxrd
    WHEN read back with any read size
    THEN exactly the original messages come out."""
    originals = [("Subject: m\n\n" + "\n".join(lines) + "\n").encode() for lines in bodies]
    data = b"".join(SEPARATOR + mboxrd_quote(m) + b"\n" for m in originals)
    source = MboxSource(Path("memory.mbox"), chunk_size=chunk)
    assert [item.raw for item in source.read(io.BytesIO(data))] == originals
