"""Hostile mail costs about what ordinary mail costs: each message within a budget, as a ratio to a job email.

The work runs in a forked child that reports each cost through a pipe. The ratio is the assertion; the pipe's
wait only keeps a message that would take hours (as a long subject did) from hanging the suite.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from multiprocessing.connection import Connection
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.hostile import HOSTILE, MB, cost, handler, hostile_message, unit_cost

# A message may cost at most this many ordinary job emails. A 10 MB message costs about 40 today (reading its
# bytes once); before the bounds, a 1 MB subject cost about a million.
BUDGET = 400
HANG_GUARD_SECONDS = 120  # only against a hang: no message comes near it


def _serve(connection: Connection, cache: str) -> None:
    from bounceback.mail.classify.corpus import load_or_train

    handle = handler(load_or_train(Path(cache)))
    while (raw := connection.recv()) is not None:
        unit = unit_cost(handle, runs=4)  # measured beside each message, so both share the machine's load
        connection.send(cost(handle, raw, runs=2) / unit)


class Meter:
    """A child process that handles one message at a time and answers with its cost in job emails."""

    def __init__(self, cache: Path) -> None:
        context = multiprocessing.get_context("fork")
        self._connection, child = context.Pipe()
        self._process = context.Process(target=_serve, args=(child, str(cache)), daemon=True)
        self._process.start()

    def ratio(self, raw: bytes) -> float:
        self._connection.send(raw)
        if not self._connection.poll(HANG_GUARD_SECONDS):
            self._process.kill()
            pytest.fail(f"a {len(raw):,}-byte message was still being read after {HANG_GUARD_SECONDS} s")
        return float(self._connection.recv())

    def close(self) -> None:
        if self._process.is_alive():
            self._connection.send(None)
            self._process.join(10)


@pytest.fixture(scope="module")
def meter(classifier_cache: Path) -> Iterator[Meter]:
    from bounceback.mail.classify.corpus import load_or_train

    load_or_train(classifier_cache)  # trained once for the suite, loaded by the child
    running = Meter(classifier_cache)
    yield running
    running.close()


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_each_hostile_message_of_ten_megabytes_is_read_within_budget(meter: Meter, name: str) -> None:
    """GIVEN a 10 MB message aimed at one place (a subject of one word, a million headers, unclosed HTML, …)
    WHEN it is handled as the importer does (identity, parse, classify, extract)
    THEN it costs at most BUDGET ordinary job emails."""
    raw = hostile_message(name, 10 * MB)
    assert meter.ratio(raw) <= BUDGET


_UNITS = st.one_of(
    st.sampled_from([b"a", b"@", b"a@", b"\x00", b"=?utf-8?q?a?= ", b"=?x?b?!", b"(", b"<", b'"', b"\\", b" ",
                     b"a\n ", b";a=b", b"*0*=", b"Engineer at Acme - ", b"\xff\xfe", b"\r\n\t"]),
    st.binary(min_size=1, max_size=8).filter(lambda unit: b"\n" not in unit.rstrip(b"\n ")),
)  # fmt: skip
_PLACES = st.sampled_from(["Subject", "From", "To", "Reply-To", "References", "Content-Type", "X-Anything"])


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(place=_PLACES, unit=_UNITS, size=st.sampled_from([10_000, 1 * MB, 10 * MB]))
def test_generated_subjects_and_headers_up_to_ten_megabytes_stay_within_budget(
    meter: Meter, place: str, unit: bytes, size: int
) -> None:
    """GIVEN a subject or header made of a generated unit repeated up to 10 MB
    WHEN the message is handled THEN it costs at most BUDGET ordinary job emails."""
    value = unit * (size // len(unit))
    raw = (
        b"From: a@b.example\nMessage-ID: <h@x.example>\n"
        + place.encode()
        + b": "
        + value
        + b"\n\nWe have decided not to move forward.\n"
    )
    assert meter.ratio(raw) <= BUDGET
