"""The Sankey's flows on hand-made searches: source → first answer → furthest stage reached → outcome."""

from __future__ import annotations

from collections import Counter

from bounceback.domain.flows import Column, Sankey, sankey
from bounceback.domain.model import Source
from bounceback.domain.stages import Stage
from tests.test_rates import GHOST_DAYS, NOW, Search


def diagram(s: Search) -> Sankey:
    """The Sankey of a hand-made search."""
    return sankey(s.journeys(), NOW, GHOST_DAYS)


def column_labels(d: Sankey, column: Column) -> dict[str, int]:
    """Node label → count, for one column, top to bottom."""
    return {n.label: n.count for n in d.nodes if n.column is column}


def test_a_rejection_after_three_interview_rounds_flows_through_interviewing():
    """GIVEN a job-board application screened, interviewed three rounds and then rejected WHEN drawn THEN it
    flows Job board → Screening → Interviewing → Rejected, and never through Applied."""
    s = Search()
    app = s.walk(s.add(), (Stage.APPLIED, -60), (Stage.SCREENING, -55))
    s.walk(
        app,
        (Stage.INTERVIEWING, -50),
        (Stage.INTERVIEWING, -45),
        (Stage.INTERVIEWING, -40),
        (Stage.REJECTED, -35),
    )

    d = diagram(s)

    assert app.interview_rounds == 3
    assert d.flow("Job board", "Screening") == 1
    assert d.flow("Screening", "Interviewing") == 1
    assert d.flow("Interviewing", "Rejected") == 1
    assert "Applied" not in column_labels(d, Column.FURTHEST)


def test_ghostings_end_in_ghosted_whether_closed_or_silent_past_the_threshold():
    """GIVEN one closed as ghosted after applying, one silent for 30 days, one silent after an interview and one
    sent last week WHEN drawn THEN three end in Ghosted (one of them after an interview) and the recent one is
    still open with no answer yet."""
    s = Search()
    s.walk(s.add(), (Stage.APPLIED, -60), (Stage.GHOSTED, -30))
    s.walk(s.add(), (Stage.APPLIED, -30))
    s.walk(s.add(), (Stage.APPLIED, -50), (Stage.INTERVIEWING, -40))
    s.walk(s.add(), (Stage.APPLIED, -7))

    d = diagram(s)

    assert column_labels(d, Column.OUTCOME) == {"Still open": 1, "Ghosted": 3}
    assert d.flow("No answer yet", "Applied") == 3
    assert d.flow("Applied", "Ghosted") == 2
    assert d.flow("Interviewing", "Ghosted") == 1
    assert d.flow("Applied", "Still open") == 1


def test_an_accepted_offer_flows_from_its_referral_to_accepted():
    """GIVEN a referral interviewed, offered and accepted WHEN drawn THEN it flows Referral → Interview → Offer →
    Accepted."""
    s = Search()
    s.walk(
        s.add(source=Source.REFERRAL),
        (Stage.APPLIED, -40), (Stage.INTERVIEWING, -35), (Stage.OFFER, -20), (Stage.ACCEPTED, -18),
    )  # fmt: skip

    d = diagram(s)

    assert d.flow("Referral", "Interview") == 1
    assert d.flow("Interview", "Offer") == 1
    assert d.flow("Offer", "Accepted") == 1
    assert len(d.links) == 3


def test_every_column_adds_up_to_all_applications_and_every_middle_node_passes_on_what_it_receives():
    """GIVEN a mixed search (saved, withdrawn, rejected at each stage, ghosted, offers) WHEN drawn THEN each
    column sums to the number of applications and flow is conserved through the middle columns."""
    s = Search()
    s.add()
    s.walk(s.add(source=Source.COMPANY_SITE), (Stage.WITHDRAWN, -50))
    s.walk(s.add(), (Stage.APPLIED, -40), (Stage.REJECTED, -38))
    s.walk(s.add(source=Source.LINKEDIN), (Stage.APPLIED, -40), (Stage.SCREENING, -35), (Stage.REJECTED, -30))
    s.walk(
        s.add(source=Source.REFERRAL), (Stage.APPLIED, -40), (Stage.INTERVIEWING, -35), (Stage.REJECTED, -30)
    )
    s.walk(s.add(source=None), (Stage.APPLIED, -40), (Stage.GHOSTED, -10))
    s.walk(
        s.add(), (Stage.APPLIED, -40), (Stage.INTERVIEWING, -30), (Stage.OFFER, -20), (Stage.DECLINED, -19)
    )
    s.walk(s.add(), (Stage.APPLIED, -3))

    d = diagram(s)
    into: Counter[int] = Counter()
    out_of: Counter[int] = Counter()
    for link in d.links:
        out_of[link.source] += link.count
        into[link.target] += link.count

    assert d.total == 8
    for column in Column:
        assert sum(column_labels(d, column).values()) == 8
    for index, node in enumerate(d.nodes):
        if node.column in (Column.FIRST_ANSWER, Column.FURTHEST):
            assert into[index] == out_of[index] == node.count
        if node.column is Column.SOURCE:
            assert out_of[index] == node.count
        if node.column is Column.OUTCOME:
            assert into[index] == node.count


def test_postings_never_sent_flow_along_the_top_as_not_sent_yet():
    """GIVEN a saved posting and one withdrawn before sending WHEN drawn THEN both flow through Not sent yet and
    Saved, ending still open and withdrawn."""
    s = Search()
    s.add()
    s.walk(s.add(), (Stage.WITHDRAWN, -3))

    d = diagram(s)

    assert column_labels(d, Column.FIRST_ANSWER) == {"Not sent yet": 2}
    assert d.flow("Not sent yet", "Saved") == 2
    assert column_labels(d, Column.OUTCOME) == {"Still open": 1, "Withdrawn": 1}


def test_nodes_keep_one_order_top_to_bottom_whatever_order_applications_came_in():
    """GIVEN an offer recorded before a rejection and a saved posting WHEN drawn THEN each column lists what
    went least far on top and offers at the bottom."""
    s = Search()
    s.walk(s.add(), (Stage.APPLIED, -40), (Stage.INTERVIEWING, -35), (Stage.OFFER, -30))
    s.walk(s.add(), (Stage.APPLIED, -40), (Stage.REJECTED, -35))
    s.add()

    d = diagram(s)

    assert list(column_labels(d, Column.FIRST_ANSWER)) == ["Not sent yet", "Rejection", "Interview"]
    assert list(column_labels(d, Column.FURTHEST)) == ["Saved", "Applied", "Offer"]
    assert list(column_labels(d, Column.OUTCOME)) == ["Still open", "Rejected"]


def test_an_empty_search_draws_nothing():
    """GIVEN no applications WHEN drawn THEN there are no nodes and no bands."""
    d = sankey([], NOW, GHOST_DAYS)

    assert (d.nodes, d.links, d.total) == ([], [], 0)
