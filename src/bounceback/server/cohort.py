"""Cohort outcomes: figures across the seekers of a cohort who share at least a summary, with every figure
drawn from fewer than five people suppressed (shown as “fewer than 5”, never as a number), and a CSV of it."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from statistics import median

from bounceback.domain.stages import Stage
from bounceback.server.summary import SeekerSummary

MIN_PEOPLE = 5
SUPPRESSED = "fewer than 5"


@dataclass(frozen=True)
class Cell:
    """One figure and how many people it is drawn from."""

    label: str
    value: float | None
    people: int

    @property
    def shown(self) -> str:
        """The figure as it may be shown: suppressed below MIN_PEOPLE, blank when there is none."""
        if self.people < MIN_PEOPLE:
            return SUPPRESSED
        if self.value is None:
            return ""
        return f"{self.value:g}"


def outcomes(summaries: Iterable[SeekerSummary]) -> list[Cell]:
    """The cohort's figures, each with the number of people behind it."""
    people = list(summaries)
    n = len(people)
    cells = [
        Cell("Seekers sharing", n, n),
        Cell("Applications", sum(p.applications for p in people), n),
        Cell("Applications that reached an interview", sum(p.interviews for p in people), n),
        Cell("Offers", sum(p.offers for p in people), n),
    ]
    firsts = [p.days_to_first_offer for p in people if p.days_to_first_offer is not None]
    cells.append(
        Cell("Median days to first offer", round(median(firsts), 1) if firsts else None, len(firsts))
    )
    backs = [p.median_bounce_back for p in people if p.median_bounce_back is not None]
    cells.append(
        Cell("Median bounce-back time (days)", round(median(backs), 1) if backs else None, len(backs))
    )
    for stage in (Stage.APPLIED, Stage.SCREENING, Stage.INTERVIEWING, Stage.OFFER):
        behind = [p for p in people if p.rejections_by_stage.get(stage)]
        total = sum(p.rejections_by_stage.get(stage, 0) for p in behind)
        cells.append(Cell(f"Rejections at {stage.value}", total, len(behind)))
    return cells


def as_csv(cohort: str, cells: list[Cell]) -> str:
    """The figures as CSV (suppressed cells say so), one row per figure."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["cohort", "figure", "value"])
    for cell in cells:
        writer.writerow([_safe(cohort), cell.label, cell.shown])
    return out.getvalue()


def _safe(text: str) -> str:
    """A cell a spreadsheet will not run as a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
