"""Play the demo story through the real services, dated relative to today, in the order it happened.

Every step is what the product would have seen: postings saved and stage moves through the Tracker, emails
through the mail reader (which decides what they mean, opens and moves applications, and queues what it is
unsure of), bounce-back sessions through the coach, check-ins, feedback outcomes and answers to reminders
through the same code the commands use. Each step is one change, as if the searcher had typed it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bounceback.demo.clock import Clock
from bounceback.demo.folder import MAIL_FOLDER
from bounceback.demo.steps import (
    EMPLOYER_MOVES,
    Answer,
    Bounce,
    CheckIn,
    Day,
    Expect,
    Heard,
    Link,
    Mail,
    Meet,
    Move,
    Note,
    Opening,
    Step,
)
from bounceback.demo.story import CHECKINS, INBOX, SEARCHER, STORY
from bounceback.domain.coaching import ReminderStatus
from bounceback.domain.model import Application, Interview, Origin
from bounceback.domain.stages import Stage
from bounceback.settings import Settings
from bounceback.tracker import Tracker

if TYPE_CHECKING:
    from bounceback.mail.importer import MailImporter
    from bounceback.workspace import Workspace
    from bounceback.workspace.change import Change

SAVED_AT = "08:45"
APPLIED_AT = "20:30"
STEP_GAP = timedelta(minutes=20)


@dataclass(frozen=True)
class Moment:
    """One thing that happens: saving an opening's posting (no step), a step of it, or a check-in."""

    at: datetime
    opening: int  # index into the story; -1 for what is about no one application (check-ins, other mail)
    step: Step | CheckIn | None


@dataclass
class Built:
    """What the demo holds once written, for the closing lines."""

    applications: int = 0
    emails: int = 0
    sessions: int = 0
    checkins: int = 0
    mail_folder: Path | None = None
    waiting: list[str] = field(default_factory=list)


def clock_time(step: Step | CheckIn) -> str:
    """The local clock time of a step; an interview step happens when it is arranged."""
    return step.arranged_at if isinstance(step, Meet) else step.at


def written_at(step: Step, clock: Clock) -> datetime:
    """When the story puts a step: this fixes the order steps happen in."""
    return clock.at(step.day, clock_time(step))


def by_employer(step: Step) -> bool:
    """True for what the employer does: their emails, the interviews they arrange, the answers they give."""
    return isinstance(step, Meet | Mail) or (isinstance(step, Move) and step.stage in EMPLOYER_MOVES)


def happens_at(step: Step, clock: Clock) -> datetime:
    """When a step happens; what employers do falls on a weekday."""
    day = clock.workday(step.day) if by_employer(step) else step.day
    return clock.at(day, clock_time(step))


def interview_start(step: Meet, clock: Clock) -> datetime:
    """When an interview starts: its clock time in its own zone, on a weekday there."""
    return clock.at(clock.workday(step.on), step.at, step.zone)


def steps_of(opening: Opening) -> tuple[Step, ...]:
    """Everything after saving the posting: sending it (when it was sent), then the story's steps."""
    applying = (
        (Move(opening.applied, Stage.APPLIED, at=APPLIED_AT),)
        if opening.applied is not None and not opening.by_mail
        else ()
    )
    return (*applying, *opening.steps)


def schedule(
    openings: tuple[Opening, ...], checkins: tuple[CheckIn, ...], inbox: tuple[Mail, ...], clock: Clock
) -> list[Moment]:
    """Every moment of the story, in the order it happened."""
    moments: list[Moment] = []
    for index, opening in enumerate(openings):
        last = clock.at(opening.saved, SAVED_AT)
        if not opening.by_mail:
            moments.append(Moment(last, index, None))
        for step in sorted(steps_of(opening), key=lambda s: written_at(s, clock)):
            # A step moved off a weekend may land on the same day as the one before: keep the story's order.
            last = max(happens_at(step, clock), last + STEP_GAP)
            moments.append(Moment(last, index, step))
    moments += [Moment(clock.at(c.day, c.at), -1, c) for c in checkins]
    moments += [Moment(happens_at(m, clock), -1, m) for m in inbox]
    return sorted(moments, key=lambda m: m.at)


class DemoWriter:
    """Writes the moments into one workspace, each as the change the product would have made."""

    def __init__(
        self, workspace: Workspace, settings: Settings, clock: Clock, importer: MailImporter
    ) -> None:
        self.workspace, self.settings, self.clock, self.importer = workspace, settings, clock, importer
        self.app_ids: dict[int, int] = {}
        self.rounds: dict[int, int] = {}  # interviews (not screenings) arranged so far, by opening
        self.built = Built(applications=len(STORY), mail_folder=settings.home / MAIL_FOLDER)

    @contextmanager
    def change(self, summary: str) -> Iterator[Change]:
        """One journaled change made by the demo (one step of `undo`)."""
        with self.workspace.change(f"Demo: {summary}", origin=Origin.DEMO) as change:
            yield change

    def app(self, tracker: Tracker, index: int) -> Application:
        """The application of an opening (found by company once its email opened it)."""
        if index not in self.app_ids:
            company = tracker.find_company(STORY[index].company)
            found = [a for a in tracker.applications() if company is not None and a.company_id == company.id]
            if not found:
                raise LookupError(f"The demo email for {STORY[index].company} opened no application.")
            self.app_ids[index] = found[0].id or 0
        return tracker.get(self.app_ids[index])

    def write(self, moment: Moment) -> None:
        """Make one moment happen."""
        step, when = moment.step, moment.at
        if isinstance(step, CheckIn):
            self.check_in(step, when)
        elif isinstance(step, Mail):
            self.receive(moment.opening, step, when)
        elif isinstance(step, Answer):
            self.answer(moment.opening, step, when)
        elif step is None:
            with self.change(f"saved {STORY[moment.opening].company}") as change:
                self.app_ids[moment.opening] = (
                    save_posting(change.tracker, STORY[moment.opening], self.clock).id or 0
                )
        else:
            with self.change(f"{type(step).__name__.lower()} for {STORY[moment.opening].company}") as change:
                self.take_step(change, moment.opening, step, when)

    def take_step(self, change: Change, index: int, step: Step, when: datetime) -> None:
        """A step of an application's story, done by the searcher or recorded from the employer."""
        tracker = change.tracker
        app = self.app(tracker, index)
        if isinstance(step, Move):
            tracker.move(app, step.stage, when=when, reason=step.reason)
        elif isinstance(step, Meet):
            self.meet(tracker, index, app, step, when)
        elif isinstance(step, Note):
            tracker.note(app, step.text, when=when)
        elif isinstance(step, Link):
            link(tracker, app, step, when)
        elif isinstance(step, Bounce):
            self.bounce(change, app, step, when)
        elif isinstance(step, Heard):
            from bounceback.coach.records import record_feedback

            record_feedback(change, app, step.answer, when)
        elif isinstance(step, Expect):
            from bounceback.outreach.marking import record_promise

            record_promise(change, app, self.clock.day(step.by), when)

    def meet(self, tracker: Tracker, index: int, app: Application, step: Meet, when: datetime) -> None:
        """Arrange an interview; each interview after the first is another round (unless its invitation, read
        from the mail, already made it one)."""
        held = self.rounds.get(index, 0)
        if not step.screening:
            if app.stage is Stage.INTERVIEWING and (app.interview_rounds or 0) <= held:
                tracker.move(app, Stage.INTERVIEWING, when=when, cause="interview scheduled")
            self.rounds[index] = held + 1
        interview = Interview(
            application_id=app.id or 0,
            starts_at=interview_start(step, self.clock),
            timezone=step.zone,
            round=0 if step.screening else held + 1,  # a screening call is numbered as the tracker numbers it
            kind=step.kind,
            duration_minutes=step.minutes,
            location=step.location,
            interviewers=step.interviewers,
            notes=step.agenda,
        )
        tracker.add_interview(app, interview, screening=step.screening, when=when)

    def receive(self, index: int, mail: Mail, when: datetime) -> None:
        """An email arrives: saved in the demo's mail folder, then read by the real mail reader."""
        from bounceback.demo.mailbox import save
        from bounceback.mail.message import RawMail

        self.built.emails += 1
        letter = replace(mail, body=mail.body.replace("{when}", self.proposed(index, mail)))
        path, raw = save(self.settings.home, letter, when, self.built.emails)
        before = self.importer.summary.review
        self.importer.run([RawMail(str(path), raw)])
        if self.importer.summary.review > before:
            self.built.waiting.append(path.name)

    def proposed(self, index: int, mail: Mail) -> str:
        """The interview an invitation proposes, as its writer would put it: 'Wednesday 21 October at 10:00'."""
        steps = STORY[index].steps if index >= 0 else ()
        meets = [s for s in steps if isinstance(s, Meet) and s.day >= mail.day]
        if not meets:
            return "a time that suits you"
        start = interview_start(min(meets, key=lambda s: s.day), self.clock)
        local = start.astimezone(ZoneInfo(meets[0].zone))
        return f"{local:%A} {local.day} {local:%B} at {local:%H:%M}"

    def bounce(self, change: Change, app: Application, step: Bounce, when: datetime) -> None:
        """A bounce-back session, answered step by step through the coach, as the terminal would."""
        from bounceback.coach.session import BounceRunner

        runner = BounceRunner.open(change, app.slug, now=when)
        while not runner.finished and runner.step_key != step.stop_before:
            key = runner.step_key
            given = step.answers.get(key)
            runner.submit(key, None if given is None else {k: self.dated(v) for k, v in given.items()})
            if key == "feedback" and given and given.get("ask"):
                self.send_feedback_request(change, app, when)
        self.built.sessions += 1

    def send_feedback_request(self, change: Change, app: Application, when: datetime) -> None:
        """The searcher sends the drafted request from their own mail and marks it sent, as `feedback sent`."""
        from bounceback.domain.outreach import OutreachKind
        from bounceback.outreach.marking import record_sent

        record_sent(change, app, OutreachKind.FEEDBACK, when)

    def dated(self, value: object) -> object:
        """An answer as typed: a day counted from today becomes its date."""
        return self.clock.day(value.offset).isoformat() if isinstance(value, Day) else value

    def check_in(self, step: CheckIn, when: datetime) -> None:
        """A weekly check-in, recorded as `bounceback checkin` records it."""
        from bounceback.coach.checkin import WHO5_KEYS, record_checkin

        raw: dict[str, object] = {"mood": step.mood, "note": step.note}
        raw.update(zip(WHO5_KEYS, step.who5, strict=False))
        with self.change("weekly check-in") as change:
            record_checkin(change, raw, when)
        self.built.checkins += 1

    def answer(self, index: int, step: Answer, when: datetime) -> None:
        """Answer a reminder as `done`, `snooze` or `dismiss` would: the one the due list held at that moment."""
        from bounceback.outreach.marking import mark_done, set_answer
        from bounceback.outreach.snapshot import load_due

        with self.workspace.read() as read:
            derived = load_due(self.settings, read, when).derived
        app_id = self.app_ids[index]
        items = [i for i in derived if i.kind is step.kind and i.application_id == app_id]
        items = [i for i in items if i.shows_from is None or i.shows_from <= when] or items
        if not items:
            raise LookupError(f"The demo's due list had no {step.kind.value} for {STORY[index].company}.")
        item = max(items, key=lambda i: i.shows_from or i.due_at)
        with self.change(f"{step.status.value} {item.key}") as change:
            if step.status is ReminderStatus.DONE:
                mark_done(change, item, when)
            else:
                until = when + timedelta(days=step.snooze_days) if step.snooze_days else None
                set_answer(change, item.key, step.status, when, until=until)


def save_posting(tracker: Tracker, opening: Opening, clock: Clock) -> Application:
    """Record the posting on the day it was saved."""
    return tracker.add(
        opening.company,
        opening.role,
        when=clock.at(opening.saved, SAVED_AT),
        location=opening.location,
        work_mode=opening.mode,
        source=opening.source,
        salary_min=opening.salary.low,
        salary_max=opening.salary.high,
        salary_currency=opening.salary.currency,
        deadline=clock.day(opening.deadline) if opening.deadline is not None else None,
        excitement=opening.excitement,
        dream_job=opening.dream,
        tags=sorted(opening.tags),
        notes=opening.notes,
    )


def link(tracker: Tracker, app: Application, step: Link, when: datetime) -> None:
    """Record the person (once, by e-mail) and tie them to the application in their role."""
    person = step.person
    company = person.company or tracker.company_of(app).name
    contact = tracker.add_contact(person.name, company=company, email=person.email, title=person.title)
    tracker.link(app, contact, step.role, when=when)


def build_demo(
    settings: Settings,
    *,
    now: datetime | None = None,
    advance: Callable[[str], None] | None = None,
) -> Built:
    """Write the whole story into the workspace `settings` point at; returns what it holds."""
    from bounceback.mail.classify.corpus import load_or_train
    from bounceback.mail.importer import MailImporter
    from bounceback.workspace import Workspace
    from bounceback.workspace.profile import save_name

    clock = Clock.for_now(now)
    workspace = Workspace.open(settings)
    try:
        with workspace.change("Demo: the searcher's name") as change:
            save_name(change, SEARCHER.name)
        importer = MailImporter(workspace, lambda: load_or_train(settings.cache), source="the demo's mailbox")
        writer = DemoWriter(workspace, settings, clock, importer)
        for moment in schedule(STORY, CHECKINS, INBOX, clock):
            writer.write(moment)
            if advance is not None:
                advance(STORY[moment.opening].company if moment.opening >= 0 else "The rest of the mailbox")
    finally:
        workspace.close()
    return writer.built


def moments_count(now: datetime | None = None) -> int:
    """How many moments the story has (for a progress bar)."""
    return len(schedule(STORY, CHECKINS, INBOX, Clock.for_now(now)))
