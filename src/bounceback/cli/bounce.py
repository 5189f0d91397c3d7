"""After a rejection and around it: the bounce-back session, the weekly check-in, the rejection goal, lessons
and the question bank, and what came of a feedback request."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from bounceback.cli.context import STATE, console, print_json
from bounceback.cli.options import AppName, JsonFlag

if TYPE_CHECKING:
    from bounceback.coach.driver import AnswerSource
    from bounceback.coach.records import Kept
    from bounceback.coach.session import BounceRunner

AnswersFile = Annotated[
    Path | None,
    typer.Option("--answers", help="Answer from a JSON file instead of the terminal.", show_default=False),
]


def bounce(name: AppName, answers: AnswersFile = None) -> None:
    """The guided session after a rejection: every step can be skipped, and leaving keeps your place."""
    from bounceback.cli.coach_terminal import RichDisplay, TerminalSource
    from bounceback.coach.driver import FileSource, drive, load_answers
    from bounceback.coach.steps import STEP_KEYS

    source: AnswerSource = (
        FileSource(load_answers(answers, STEP_KEYS)) if answers else TerminalSource(console)
    )
    opener = _Opener(name)
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

    def __init__(self, name: str) -> None:
        self.name = name
        self.slug = name
        self.session_id: int | None = None

    @contextmanager
    def open(self, summary: str) -> Iterator[BounceRunner]:
        from bounceback.coach.session import BounceRunner

        with STATE.change(f"{summary} ({self.slug})") as change:
            runner = BounceRunner.open(change, self.name, session_id=self.session_id)
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
