"""Cohort outcomes: figures across the consenting seekers of a cohort, each figure drawn from fewer than five
people suppressed, on the page and in the CSV; seekers who share nothing are not counted."""

from __future__ import annotations

import csv
import io

import pytest

from bounceback.domain.accounts import Role, Sharing
from bounceback.domain.stages import Stage
from bounceback.server.cohort import SUPPRESSED
from bounceback.workspace.server import Directory
from tests.serverkit import Browser, add_application, person

pytestmark = pytest.mark.postgres


def _cohort(directory: Directory, sharing: int, silent: int, rejected: int = 3) -> tuple[int, list[int]]:
    """A cohort with `sharing` seekers who share a summary with adv@ (each: 2 applications, the first
    rejected at screening for the first `rejected` only) and `silent` who share nothing."""
    cohort = directory.add_cohort("MSc 2027")
    advisor = person(directory, "adv@uni.org", Role.ADVISOR)
    ids = []
    for n in range(sharing + silent):
        seeker = person(directory, f"s{n}@uni.org")
        directory.join_cohort(seeker.email, cohort.name)
        add_application(directory, seeker.user_id, f"Firm {n}", "Analyst", stage=Stage.SCREENING)
        if n < rejected:
            with directory.workspace_for(seeker.user_id).change("Rejected") as change:
                change.tracker.move(change.tracker.find(f"Firm {n}"), Stage.REJECTED)
        add_application(directory, seeker.user_id, f"Other {n}", "Analyst", stage=Stage.APPLIED)
        if n < sharing:
            directory.share(seeker.user_id, advisor.email, Sharing.SUMMARY)
        ids.append(seeker.user_id)
    return cohort.id, ids


def _rows(text: str) -> dict[str, str]:
    return {row["figure"]: row["value"] for row in csv.DictReader(io.StringIO(text))}


def test_figures_from_five_or_more_people_are_shown_and_smaller_cells_suppressed(
    server_app, directory: Directory
) -> None:  # type: ignore[no-untyped-def]
    """GIVEN six sharing seekers (five rejected at screening) and two who share nothing WHEN the advisor
    downloads the cohort's CSV THEN it counts the six alone (12 applications, 5 rejections at screening), and
    the rejections at interviewing, drawn from nobody, say "fewer than 5"."""
    cohort_id, _ = _cohort(directory, sharing=6, silent=2, rejected=5)
    advisor = Browser(server_app)
    advisor.login("adv@uni.org")
    page = advisor.get(f"/cohorts/{cohort_id}")
    assert page.status_code == 200 and "MSc 2027" in page.text
    response = advisor.get(f"/cohorts/{cohort_id}/outcomes.csv")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    rows = _rows(response.text)
    assert rows["Seekers sharing"] == "6" and rows["Applications"] == "12"
    assert rows["Rejections at screening"] == "5" and rows["Rejections at interviewing"] == SUPPRESSED


def test_a_cell_from_three_people_is_suppressed_while_the_rest_show(server_app, directory: Directory) -> None:  # type: ignore[no-untyped-def]
    """GIVEN six sharing seekers, three rejected at screening WHEN the CSV is read THEN that cell is suppressed
    and the applications still show."""
    cohort_id, _ = _cohort(directory, sharing=6, silent=0, rejected=3)
    advisor = Browser(server_app)
    advisor.login("adv@uni.org")
    rows = _rows(advisor.get(f"/cohorts/{cohort_id}/outcomes.csv").text)
    assert rows["Rejections at screening"] == SUPPRESSED and rows["Applications"] == "12"


def test_a_cohort_of_fewer_than_five_sharing_shows_no_figure(server_app, directory: Directory) -> None:  # type: ignore[no-untyped-def]
    """GIVEN four sharing seekers (and four who share nothing) WHEN the CSV is downloaded THEN every figure is
    suppressed, the count of people included."""
    cohort_id, _ = _cohort(directory, sharing=4, silent=4)
    advisor = Browser(server_app)
    advisor.login("adv@uni.org")
    rows = _rows(advisor.get(f"/cohorts/{cohort_id}/outcomes.csv").text)
    assert set(rows.values()) == {SUPPRESSED}


def test_seekers_cannot_open_cohorts_and_an_unknown_cohort_is_404(server_app, directory: Directory) -> None:  # type: ignore[no-untyped-def]
    """GIVEN a seeker and an advisor WHEN the seeker opens /cohorts, or the advisor an unknown cohort THEN 404."""
    person(directory, "ana@uni.org")
    person(directory, "adv@uni.org", Role.ADVISOR)
    seeker, advisor = Browser(server_app), Browser(server_app)
    seeker.login("ana@uni.org")
    advisor.login("adv@uni.org")
    assert seeker.get("/cohorts").status_code == 404
    assert advisor.get("/cohorts/999").status_code == 404
