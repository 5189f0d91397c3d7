"""After a rejection and around it: the bounce-back session, the weekly check-in, the rejection goal, lessons
and the question bank, and what came of a feedback request."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from bounceback.cli.context import STATE, console, print_json
from bounceback.cli.options import AppName, JsonFlag

if TYPE_CHECKING:
    from bounceback.coach.driver import AnswerSource
    from bounceback.coach.records import Kept
    from bounceback.coach.session import BounceRunner, PastSession
    from bounceback.coach.steps import SessionPath

AnswersFile = Annotated[
    Path | None,
    typer.Option("--answers", help="Answer from a JSON file instead of the terminal.", show_default=False),
]
ShortFlag = Annotated[
    bool, typer.Option("--short", help="The short session: your mood, one line, one next step.")
]
FullFlag = Annotated[bool, typer.Option("--full", help="The full session: the four steps in depth.")]
AgainFlag = Annotated[
    bool, typer.Option("--again", help="Start a new session when the last one on this application is done.")
]
ReviewFlag = Annotated[bool, typer.Option("--review", help="Look back at the last finished session.")]


@dataclass(frozen=True)
class _Where:
    """Where the sessions of one application stand before this run."""

    slug: str
    company: str
    role: str
    open_path: SessionPath | None
    finished: list[PastSession]


def bounce(
    name: AppName,
    answers: AnswersFile = None,
    short: ShortFlag = False,
    full: FullFlag = False,
    again: AgainFlag = False,
    review: ReviewFlag = False,
) -> None:
    """The guided session after a rejection, short (three questions) or full (the four steps in depth):
    every question can be skipped, and leaving keeps your place."""
    from bounceback.domain.errors import InvalidInput

    if short and full:
        raise InvalidInput("Choose --short or --full, not both.")
    if review and again:
        raise InvalidInput("Choose --review (look back) or --again (a new session), not both.")
    where = _where(name)
    if review:
        _show_review(where)
        return
    done = where.open_path is None and bool(where.finished)
    if done and not again and not _chose_new(where, ask=answers is None):
        return
    _run(name, answers, _path(where, answers, short=short, full=full))


def _where(name: str) -> _Where:
    """The application's sessions: the one left open (on which path), and those done."""
    from bounceback.coach.session import finished_sessions
    from bounceback.coach.steps import path_of

    with STATE.read() as read:
        view = read.find(name)
        app_id = view.app.id or 0
        left = read.unfinished_session(app_id)
        done = finished_sessions(read, app_id)
    open_path = path_of([left.step, *left.answers]) if left else None
    return _Where(view.app.slug, view.company, view.app.role, open_path, done)


def _done_sentence(where: _Where) -> str:
    """That the session is done, and when."""
    last = where.finished[-1]
    done = last.finished_at.astimezone(_zone())
    day = f"{done:%A} {done.day} {done:%B}"
    return f"Your bounce-back session for {where.company} ({where.role}) is done: you finished it on {day}."


def _chose_new(where: _Where, *, ask: bool) -> bool:
    """Say the session is done and offer to look back at it or start a new one; True for a new one. With
    answers from a file nothing is asked: the two commands are shown instead."""
    from bounceback.cli.coach_terminal import ask_choice

    console.print(_done_sentence(where), markup=False)
    question = "Look back at it, or start a new one? (review, new, or Enter to leave it as it is)"
    choice = ask_choice(console, question, ("review", "new")) if ask else None
    if choice == "new":
        return True
    if choice == "review":
        _show_review(where)
    else:
        console.print(
            f"Look back at it any time with `bounceback bounce {where.slug} --review`; "
            f"`bounceback bounce {where.slug} --again` starts a new one.",
            markup=False,
        )
    return False


def _path(where: _Where, answers: Path | None, *, short: bool, full: bool) -> SessionPath:
    """Which path to take: the open session's own, else the flag, else the answers file's parts, else asked
    (short unless the person says full)."""
    from bounceback.cli.coach_terminal import ask_choice
    from bounceback.coach.steps import ALL_KEYS, SessionPath, path_of

    chosen = SessionPath.SHORT if short else SessionPath.FULL if full else None
    if where.open_path is not None:
        if chosen is not None and chosen is not where.open_path:
            console.print(
                f"You started the {where.open_path.value} session earlier; carrying on with that one.",
                markup=False,
            )
        return where.open_path
    if chosen is not None:
        return chosen
    if answers is not None:
        from bounceback.coach.driver import load_answers

        return path_of(load_answers(answers, ALL_KEYS))
    picked = ask_choice(
        console,
        "Short or full? Short is three questions, a couple of minutes; full goes through the four steps "
        "in depth, about fifteen minutes. (short, full; Enter for short)",
        ("short", "full"),
    )
    return SessionPath.FULL if picked == "full" else SessionPath.SHORT


def _show_review(where: _Where) -> None:
    """The last finished session, part by part, as it was answered."""
    from bounceback.cli.coach_terminal import RichDisplay
    from bounceback.coach.session import BounceRunner

    if not where.finished:
        console.print(
            f"There is no finished bounce-back session for {where.company} ({where.role}) to look back at yet. "
            f"`bounceback bounce {where.slug}` starts or carries on one.",
            markup=False,
        )
        return
    last = where.finished[-1]
    with STATE.change(f"Look at bounce-back session ({where.slug})") as change:
        parts = BounceRunner.open(change, where.slug, session_id=last.id).review()
    console.print(_done_sentence(where), markup=False)
    RichDisplay(console).review(parts, short=last.path.value == "short")


def _zone() -> tzinfo:
    """The person's time zone, for the day a session was done."""
    from bounceback.dates import local_zone

    return local_zone(STATE.require_settings().timezone)


def _run(name: str, answers: Path | None, path: SessionPath) -> None:
    """Drive the session (a new one on `path` when none is open) to its end or until the person stops."""
    from bounceback.cli.coach_terminal import RichDisplay, TerminalSource
    from bounceback.coach.driver import FileSource, drive, load_answers
    from bounceback.coach.steps import keys_of

    source: AnswerSource = (
        FileSource(load_answers(answers, keys_of(path))) if answers else TerminalSource(console)
    )
    opener = _Opener(name, path)
    try:
        finished = drive(opener.open, source, RichDisplay(console, show_how_to=answers is None))
    except KeyboardInterrupt:
        console.print(
            f"\nStopped. Finished steps are saved; `bounceback bounce {opener.slug}` picks up from there."
        )
        raise typer.Exit(130) from None
    if not finished:
        console.print(f"Saved where you stopped. `bounceback bounce {opener.slug}` picks up from there.")


class _Opener:
    """Opens the same session for every step: a short journaled transaction each time."""

    def __init__(self, name: str, path: SessionPath) -> None:
        self.name, self.path = name, path
        self.slug = name
        self.session_id: int | None = None

    @contextmanager
    def open(self, summary: str) -> Iterator[BounceRunner]:
        from bounceback.coach.session import BounceRunner

        with STATE.change(f"{summary} ({self.slug})") as change:
            runner = BounceRunner.open(
                change, self.name, session_id=self.session_id, path=self.path, start_new=True
            )
            self.session_id, self.slug = runner.session_id, runner.app.slug
            yield runner


def checkin(answers: AnswersFile = None) -> None:
    """A weekly check-in: the WHO-5 well-being questions and your mood, with the trend so far."""
    from bounceback.cli.coach_terminal import RichDisplay, TerminalSource
    from bounceback.coach.checkin import CHECKIN_KEY, checkin_view, from_file, record_checkin
    from bounceback.coach.driver import FileSource, Stop, load_answers

    view = checkin_view()
    display = RichDisplay(console, show_how_to=answers is None)
    display.step(view, resumed=False)
    if answers:
        raw = FileSource({CHECKIN_KEY: from_file(load_answers(answers, tuple(_checkin_keys())))}).answers(
            view
        )
    else:
        try:
            raw = TerminalSource(console).answers(view)
        except Stop:
            raw = None
    if raw is None:
        console.print("Nothing recorded this time.")
        return
    now = datetime.now(UTC)
    with STATE.change("Weekly check-in") as change:
        blocks = record_checkin(change, raw, now)
    display.blocks(blocks)


def _checkin_keys() -> list[str]:
    """The keys a check-in answers file may hold."""
    from bounceback.coach.checkin import WHO5_KEYS

    return ["who5", *WHO5_KEYS, "mood", "note"]


def goal(
    rejections: Annotated[int, typer.Argument(help="How many rejections to collect this year.")],
    year: Annotated[int | None, typer.Option(help="Another year than this one.", show_default=False)] = None,
) -> None:
    """Set a yearly rejection goal: each rejection is a sign that you are trying."""
    from bounceback.coach.records import record_goal

    year = year or datetime.now(UTC).year
    with STATE.change(f"Rejection goal for {year}: {rejections}") as change:
        sentence = record_goal(change, year, rejections)
    console.print(sentence)


def lessons(as_json: JsonFlag = False) -> None:
    """What your search has taught you, grouped by kind, and your bank of hard questions."""
    from rich.text import Text

    from bounceback.coach.records import lessons_kept

    with STATE.read() as read:
        kept, bank = lessons_kept(read)
    if as_json:
        print_json({"lessons": [_kept_json(k) for k in kept], "questions": [_kept_json(q) for q in bank]})
        return
    if not kept and not bank:
        console.print("No lessons yet. A bounce-back session (`bounceback bounce APP`) is where they start.")
        return
    for kind in dict.fromkeys(k.kind for k in kept):
        group = [k for k in kept if k.kind == kind]
        console.print(Text(f"{_KIND_TITLES.get(kind, kind)} ({len(group)})", style="bold"))
        for item in group:
            console.print(Text(f"  • {item.text}") + Text(f"  {item.application}", style="bright_black"))
    if bank:
        console.print(Text(f"Question bank ({len(bank)})", style="bold"))
        for question in bank:
            console.print(
                Text(f"  • {question.text}") + Text(f"  {question.application}", style="bright_black")
            )


def _kept_json(item: Kept) -> dict[str, str]:
    """A lesson or question as JSON-able data."""
    return {"kind": item.kind, "text": item.text, "application": item.application, "at": item.at.isoformat()}


_KIND_TITLES = {
    "practised": "Practised",
    "learned": "Learned",
    "feedback": "Feedback received",
    "drawback": "Drawbacks of jobs you did not get",
}


def feedback(
    name: AppName,
    sent_app: Annotated[
        str | None,
        typer.Argument(metavar="[APP]", help="After `sent`: the application.", show_default=False),
    ] = None,
    answered: Annotated[
        str | None, typer.Option("--answered", help="What they said.", show_default=False)
    ] = None,
    no_answer: Annotated[bool, typer.Option("--no-answer", help="Nothing came back.")] = False,
    to: Annotated[
        str | None, typer.Option(help="With `sent`: whom you sent it to (default: the person you chose).")
    ] = None,
) -> None:
    """Asking for feedback: `feedback sent APP` once the drafted request went out, then `feedback APP
    --answered "…"` (or --no-answer) for what came of it."""
    from bounceback.coach.records import record_feedback
    from bounceback.domain.errors import InvalidInput

    if name == "sent" and sent_app:
        feedback_sent(sent_app, to)
        return
    if (answered is None) == (not no_answer):
        raise InvalidInput('Give either --answered "what they said" or --no-answer.')
    with STATE.change(f"Feedback outcome for {name}") as change:
        sentence = record_feedback(change, change.tracker.find(name), answered, datetime.now(UTC))
    console.print(sentence)


def feedback_sent(name: str, to: str | None) -> None:
    """Write down that the request for feedback went out: it goes on the timeline, the reminder to send it
    goes, and in two weeks one asks what came of it."""
    from bounceback.cli.drafts import find_contact
    from bounceback.domain.model import Contact
    from bounceback.domain.outreach import OutreachKind
    from bounceback.outreach.marking import record_sent

    with STATE.change(f"Sent: request for feedback ({name})") as change:
        app = change.tracker.find(name)
        contact = None
        if to:
            chosen = find_contact(change.read, change.read.people(app.id or 0), to)
            contact = change.store.get(Contact, chosen.id)
        event = record_sent(change, app, OutreachKind.FEEDBACK, datetime.now(UTC), contact=contact)
        summary, slug = event.summary, app.slug
    console.print(f"On the timeline of {slug}: {summary}.", markup=False)
    console.print(
        f'When they answer, or after two weeks of silence: bounceback feedback {slug} --answered "…" '
        "(or --no-answer)",
        markup=False,
    )


def register(app: typer.Typer) -> None:
    """Add the coaching commands to the CLI."""
    app.command()(bounce)
    app.command()(checkin)
    app.command()(goal)
    app.command()(lessons)
    app.command()(feedback)
