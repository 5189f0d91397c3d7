"""Hostile mail, written in code: each message aims at one place where reading mail could take too long.

Used by tests/test_hostile_mail.py (a budget per message) and benchmarks/hostile_mail.py (the worst cost). The
budget is a ratio: the cost of handling a message as the importer does (identity, parse, classify, extract)
divided by the cost of handling an ordinary job email in the same run, so it holds on a slow machine too.
"""

from __future__ import annotations

import time
from collections.abc import Callable

MB = 1 << 20


def normal_message() -> bytes:
    """An ordinary job email, the unit every cost is measured in."""
    return (
        b"From: Moira Jennings <moira.jennings@fernhillrobotics.example>\n"
        b"To: robin.ayres@example.org\n"
        b"Subject: Interview for the Controls Engineer role\n"
        b"Date: Tue, 08 Sep 2026 15:30:00 +0000\n"
        b"Message-ID: <normal-1@mail.example>\n"
        b"Content-Type: text/plain; charset=utf-8\n\n"
        b"Hi Robin,\n\nThank you for your interest in Fernhill Robotics. I'd like to invite you to a 45-minute "
        b"video interview with our controls team for the Controls Engineer role. Could you let me know which "
        b"of these times works: Tuesday 10:00 or Wednesday 14:00?\n\nBest,\nMoira Jennings\n"
        b"Talent Partner, Fernhill Robotics\n"
    )


def _message(subject: bytes = b"Your application", headers: bytes = b"", body: bytes = b"Thanks.\n") -> bytes:
    return (
        b"From: Acme Careers <jobs@acme.example>\nTo: robin.ayres@example.org\nSubject: "
        + subject
        + b"\nDate: Tue, 08 Sep 2026 15:30:00 +0000\nMessage-ID: <hostile@mail.example>\n"
        + headers
        + b"\n"
        + body
    )


def _repeat(unit: bytes, size: int) -> bytes:
    return unit * max(1, size // len(unit))


def hostile_messages(size: int) -> dict[str, bytes]:
    """About `size` bytes of hostility in each place a message can carry it."""
    return {name: build(size) for name, build in HOSTILE.items()}


def hostile_message(name: str, size: int) -> bytes:
    """One of the hostile messages, about `size` bytes of it."""
    return HOSTILE[name](size)


def _builders() -> dict[str, Callable[[int], bytes]]:
    nested = b"--b\nContent-Type: multipart/mixed; boundary=b\n\n"
    return {
        "subject of one word": lambda size: _message(_repeat(b"a", size)),
        "subject of @ signs": lambda size: _message(_repeat(b"@", size)),
        "subject of a@ pairs": lambda size: _message(_repeat(b"a@", size)),
        "subject of NULs": lambda size: _message(_repeat(b"\x00", size)),
        "subject of encoded words": lambda size: _message(_repeat(b"=?utf-8?q?a?= ", size)),
        "subject of broken encoded words": lambda size: _message(_repeat(b"=?utf-8?b?!!!", size)),
        "subject of set phrases": lambda size: _message(_repeat(b"Application at Acme - ", size)),
        "subject folded on every word": lambda size: _message(_repeat(b"a\n ", size)),
        "a million headers": lambda size: _message(headers=_repeat(b"X-A: b\n", size)),
        "display name of one word": lambda size: _message(
            headers=b"Reply-To: " + _repeat(b"a", size) + b" <a@b.example>\n"
        ),
        "address of dots": lambda size: _message(headers=b"Sender: x@" + _repeat(b"a.", size) + b"\n"),
        "references of angle brackets": lambda size: _message(
            headers=b"References: " + _repeat(b"<", size) + b"\n"
        ),
        "nested comments in From": lambda size: _message(headers=b"Sender: " + _repeat(b"(", size) + b"\n"),
        "content type of parameters": lambda size: _message(
            headers=b"Content-Type: text/plain; " + _repeat(b"a=b;", size) + b"\n"
        ),
        "content type of comments": lambda size: _message(
            headers=b"Content-Type: text/plain; a=" + _repeat(b"(", size) + b"\n"
        ),
        "RFC 2231 continuations": lambda size: _message(
            headers=b"Content-Type: text/plain; " + _repeat(b"name*9*=%41; ", size) + b"\n"
        ),
        "nested multiparts": lambda size: _message(
            headers=b"Content-Type: multipart/mixed; boundary=b\n", body=_repeat(nested, size)
        ),
        "sibling parts": lambda size: _message(
            headers=b"Content-Type: multipart/mixed; boundary=b\n",
            body=_repeat(b"--b\nContent-Type: text/plain\n\nhello\n", size),
        ),
        "nested forwarded messages": lambda size: _message(
            headers=b"Content-Type: message/rfc822\n",
            body=_repeat(b"From: a@b.example\nContent-Type: message/rfc822\n\n", size),
        ),
        "body of NULs": lambda size: _message(body=_repeat(b"\x00", size)),
        "body of empty lines": lambda size: _message(body=_repeat(b"\n", size)),
        "body of quote headers": lambda size: _message(body=_repeat(b"from: ", size)),
        "body of links": lambda size: _message(body=_repeat(b"http://", size)),
        "body of one word": lambda size: _message(body=_repeat(b"x", size)),
        "body of a@ pairs": lambda size: _message(body=_repeat(b"a@", size)),
        "html of unclosed scripts": lambda size: _message(
            headers=b"Content-Type: text/html\n", body=_repeat(b"<script>", size)
        ),
        "html of unclosed quotes": lambda size: _message(
            headers=b"Content-Type: text/html\n", body=_repeat(b"<a '", size)
        ),
        "html of unclosed comments": lambda size: _message(
            headers=b"Content-Type: text/html\n", body=_repeat(b"<!--", size)
        ),
        "lying charset": lambda size: _message(
            headers=b"Content-Type: text/plain; charset=utf-16\n", body=_repeat(b"ab\xff", size)
        ),
        "base64 garbage": lambda size: _message(
            headers=b"Content-Transfer-Encoding: base64\n", body=_repeat(b"!@#$%^&*()", size)
        ),
        "no header end": lambda size: _repeat(b"Subject: x", size),
    }


HOSTILE = _builders()


def handler(classifier: object) -> Callable[[bytes], None]:
    """What the importer does with one new message, minus the database: identity, parse, classify, extract."""
    from bounceback.mail.classify.text import ClassifierInput
    from bounceback.mail.extract import extract
    from bounceback.mail.parse import MailParseError, parse_message

    def handle(raw: bytes) -> None:
        try:
            m = parse_message(raw, "hostile")  # works out the key (the identity) too
        except MailParseError:
            return
        classifier.predict([ClassifierInput(m.subject, m.from_name, m.from_address, m.text, m.is_list)])  # type: ignore[attr-defined]
        extract(m.subject, m.from_name, m.from_address, m.text)

    return handle


def cost(handle: Callable[[bytes], None], raw: bytes, *, runs: int = 1) -> float:
    """The fastest of `runs` timings of handling one message, in seconds."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        handle(raw)
        best = min(best, time.perf_counter() - start)
    return best


def unit_cost(handle: Callable[[bytes], None], *, runs: int = 15) -> float:
    """The cost of an ordinary job email: the best of `runs` runs, each over twenty messages."""
    raw = normal_message()
    handle(raw)  # warm caches, as an import's first message does
    return min(cost(lambda r: [handle(r) for _ in range(20)], raw) for _ in range(runs)) / 20
