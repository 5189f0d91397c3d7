"""The flows of the Sankey diagram: source → first answer → furthest stage reached → outcome.

Every application flows once through all four columns, so each column adds up to the number of applications.
What flows is the furthest stage reached, so a rejection after three interview rounds passes through
*Interviewing* on its way to *Rejected*. The same rules as the rates apply (see rates.py): an application
waiting on the employer in silence past the ghosting threshold ends in *Ghosted*.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum

from bounceback.domain.rates import ANSWER_LABELS, SOURCE_LABELS, Answer, Journey, is_ghosted, is_sent
from bounceback.domain.stages import PROGRESS, Stage


class Column(IntEnum):
    """The four columns, left to right."""

    SOURCE = 0
    FIRST_ANSWER = 1
    FURTHEST = 2
    OUTCOME = 3


NOT_SENT = "Not sent yet"
NO_ANSWER = "No answer yet"
STILL_OPEN = "Still open"
OUTCOME_LABELS: dict[Stage, str] = {
    Stage.ACCEPTED: "Accepted",
    Stage.DECLINED: "Declined",
    Stage.REJECTED: "Rejected",
    Stage.WITHDRAWN: "Withdrawn",
    Stage.GHOSTED: "Ghosted",
}
FURTHEST_LABELS: dict[Stage, str] = {s: s.value.capitalize() for s in PROGRESS}
_ANSWER_ORDER = (Answer.REJECTION, Answer.SCREENING, Answer.ASSESSMENT, Answer.INTERVIEW, Answer.OFFER)
_OUTCOME_ORDER = (Stage.WITHDRAWN, Stage.GHOSTED, Stage.REJECTED, Stage.DECLINED, Stage.ACCEPTED)

# The order nodes take within each column, top to bottom: what has not gone far yet on top, offers at the
# bottom, so the bands cross as little as they can.
_ORDER: dict[Column, list[str]] = {
    Column.SOURCE: list(SOURCE_LABELS.values()),
    Column.FIRST_ANSWER: [NOT_SENT, NO_ANSWER, *(ANSWER_LABELS[a] for a in _ANSWER_ORDER)],
    Column.FURTHEST: list(FURTHEST_LABELS.values()),
    Column.OUTCOME: [STILL_OPEN, *(OUTCOME_LABELS[s] for s in _OUTCOME_ORDER)],
}


@dataclass(frozen=True)
class Node:
    """One box of the diagram: a label in a column, with how many applications pass through it."""

    column: Column
    label: str
    count: int


@dataclass(frozen=True)
class Link:
    """A band between two nodes (indexes into the node list) carrying `count` applications."""

    source: int
    target: int
    count: int


@dataclass(frozen=True)
class Sankey:
    """The whole diagram: nodes column by column, and the bands between neighbouring columns."""

    nodes: list[Node]
    links: list[Link]

    @property
    def total(self) -> int:
        """How many applications flow through."""
        return sum(n.count for n in self.nodes if n.column is Column.SOURCE)

    def flow(self, source: str, target: str) -> int:
        """Applications flowing from the node labelled `source` to the next column's node labelled `target`."""
        for link in self.links:
            left, right = self.nodes[link.source], self.nodes[link.target]
            if left.label == source and right.label == target:
                return link.count
        return 0


def path_of(journey: Journey, now: datetime, ghost_after_days: int) -> tuple[str, str, str, str]:
    """The four labels one application passes through."""
    app = journey.app
    if not is_sent(app):
        answer = NOT_SENT
    elif journey.answer is None:
        answer = NO_ANSWER
    else:
        answer = ANSWER_LABELS[journey.answer]
    if app.stage.is_closed:
        outcome = OUTCOME_LABELS[app.stage]
    elif is_ghosted(app, now, ghost_after_days):
        outcome = OUTCOME_LABELS[Stage.GHOSTED]
    else:
        outcome = STILL_OPEN
    return journey.source_label, answer, FURTHEST_LABELS[app.furthest_stage], outcome


def sankey(journeys: list[Journey], now: datetime, ghost_after_days: int) -> Sankey:
    """The diagram for these applications."""
    paths = [path_of(j, now, ghost_after_days) for j in journeys]
    counts = [Counter(p[c] for p in paths) for c in Column]
    nodes: list[Node] = []
    index: dict[tuple[Column, str], int] = {}
    for column in Column:
        for label in _ORDER[column]:
            if counts[column][label]:
                index[(column, label)] = len(nodes)
                nodes.append(Node(column, label, counts[column][label]))
    bands: Counter[tuple[int, int]] = Counter()
    for path in paths:
        for column in list(Column)[:-1]:
            left = index[(column, path[column])]
            right = index[(Column(column + 1), path[column + 1])]
            bands[(left, right)] += 1
    links = [Link(s, t, n) for (s, t), n in sorted(bands.items())]
    return Sankey(nodes, links)
