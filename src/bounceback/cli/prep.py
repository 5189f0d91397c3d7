"""`bounceback prep APP`: a preparation sheet for the next interview, printable as Markdown."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer

from bounceback.cli.context import STATE, console, err_console
from bounceback.cli.options import AppName
from bounceback.files import write_atomically


def prep(
    name: AppName,
    markdown: Annotated[Path | None, typer.Option(help="Also write the sheet to this Markdown file.")] = None,
    ask: Annotated[
        list[str] | None, typer.Option(help="Keep a question to ask them, for this application (repeat).")
    ] = None,
    hard: Annotated[
        list[str] | None, typer.Option(help="Keep a question that was hard to answer, to practise (repeat).")
    ] = None,
) -> None:
    """Prepare for the next interview: checklist, questions to ask, hard questions, time and connection."""
    from bounceback.cli.messages import command
    from bounceback.dates import local_zone
    from bounceback.domain.interviews import standing
    from bounceback.outreach.prep import PrepFacts, next_interview, prep_markdown

    if ask or hard:
        keep_questions(name, ask or [], hard or [])
    settings = STATE.require_settings()
    now = datetime.now(UTC)
    zone = local_zone(settings.timezone)
    with STATE.read() as read:
        view = read.find(name)
        app = view.app
        facts = PrepFacts(
            slug=app.slug,
            company=view.company,
            role=app.role,
            now=now,
            my_zone=zone,
            my_zone_name=settings.timezone or getattr(zone, "key", "") or str(zone),
            interview=next_interview(standing(read.interviews(app.id or 0), app), now),
            closed=app.stage if app.stage.is_closed else None,
            url=app.url,
            people=read.people(app.id or 0),
            questions=read.question_bank(app.id or 0),
        )
    text = prep_markdown(facts, how=command)
    if markdown is not None:
        write_atomically(markdown, text)
        err_console.print(f"Saved {markdown}; print it or keep it open during the interview.", markup=False)
        return
    from rich.markdown import Markdown

    console.print(Markdown(text))


def keep_questions(name: str, to_ask: list[str], hard: list[str]) -> None:
    """Add questions to the personal bank."""
    from bounceback.domain.coaching import Question, QuestionKind
    from bounceback.domain.errors import InvalidInput

    wanted = [(QuestionKind.TO_ASK, t.strip()) for t in to_ask] + [
        (QuestionKind.HARD, t.strip()) for t in hard
    ]
    if any(not text for _, text in wanted):
        raise InvalidInput("A question cannot be empty.")
    now = datetime.now(UTC)
    with STATE.change(f"Questions for {name}") as change:
        app = change.tracker.find(name)
        for kind, text in wanted:
            change.store.add(Question(kind=kind, text=text, created_at=now, application_id=app.id))
    err_console.print(f"Kept {len(wanted)} question{'' if len(wanted) == 1 else 's'} in your bank.")


def register(app: typer.Typer) -> None:
    """Add `prep` to the CLI."""
    app.command()(prep)
