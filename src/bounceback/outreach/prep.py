"""Interview preparation as a printable Markdown sheet: a checklist, questions to ask, hard questions to
practise, and for video, phone or long-distance interviews the time on both sides (daylight saving included)
and the practical checks. Pure: records in, Markdown out."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo

from bounceback.dates import zone
from bounceback.domain.actions import Action, ActionKind
from bounceback.domain.coaching import Question, QuestionKind
from bounceback.domain.model import Contact, ContactRole, Interview, InterviewKind
from bounceback.domain.outreach import OutreachKind
from bounceback.domain.stages import Stage

DEFAULT_QUESTIONS = (
    "What would you like the person in this role to have done in the first six months?",
    "What does a normal week look like for the team?",
    "What is the hardest part of this job, the part the posting doesn't mention?",
    "How does the team give each other feedback, and how often?",
    "What do the people who do well here have in common?",
    "Is there anything in my background that makes you hesitate? I'd be glad to address it.",
    "What are the next steps, and when do you expect to decide?",
)


@dataclass(frozen=True)
class PrepFacts:
    """What the sheet is built from."""

    slug: str
    company: str
    role: str
    now: datetime
    my_zone: tzinfo
    my_zone_name: str
    interview: Interview | None = None
    url: str = ""
    people: Sequence[tuple[Contact, ContactRole]] = ()
    questions: Sequence[Question] = field(default_factory=list)
    closed: Stage | None = None  # the outcome, once the application is closed


def next_interview(interviews: Sequence[Interview], now: datetime) -> Interview | None:
    """The interview to prepare for: the next one (or one under way), else none."""
    coming = [iv for iv in interviews if iv.starts_at + timedelta(minutes=iv.duration_minutes) >= now]
    return min(coming, key=lambda iv: iv.starts_at) if coming else None


def prep_markdown(facts: PrepFacts, *, how: Callable[[Action], str]) -> str:
    """The whole sheet; for a closed application only the questions worth practising for the next one."""
    if facts.closed is not None:
        return closed_sheet(facts, how)
    parts = [
        f"# Interview prep: {facts.role} at {facts.company}",
        heading_lines(facts, how),
        "## Checklist\n\n" + "\n".join(checklist(facts, how)),
        "## Questions to ask them\n\n" + "\n".join(f"- {q}" for q in questions_to_ask(facts, how)),
        "## Hard questions to practise\n\n" + hard_questions(facts, how),
    ]
    if facts.interview is not None and needs_logistics(facts.interview, facts.my_zone):
        parts.append("## Time and connection\n\n" + "\n".join(f"- {line}" for line in connection(facts)))
    return "\n\n".join(parts) + "\n"


CLOSED_WORDS = {
    Stage.REJECTED: "they said no",
    Stage.WITHDRAWN: "you withdrew",
    Stage.GHOSTED: "they went quiet",
    Stage.ACCEPTED: "you accepted the offer",
    Stage.DECLINED: "you declined the offer",
}


def closed_sheet(facts: PrepFacts, how: Callable[[Action], str]) -> str:
    """No checklist and no thank-you for a process that is over: what was practised still counts."""
    why = CLOSED_WORDS.get(facts.closed or Stage.REJECTED, "it is closed")
    return (
        f"# {facts.role} at {facts.company}\n\n"
        f"This application is closed ({why}), so there is no interview left to prepare for here; any that "
        "were still to come are cancelled. What you practised carries over to the next one.\n\n"
        "## Hard questions to practise\n\n" + hard_questions(facts, how) + "\n"
    )


def heading_lines(facts: PrepFacts, how: Callable[[Action], str]) -> str:
    """What and when, or how to add the interview when there is none yet."""
    iv = facts.interview
    if iv is None:
        return (
            "No interview is coming up for this application. Once you have a date: "
            f"`{how(Action(ActionKind.ADD_INTERVIEW, facts.slug))}`."
        )
    lines = [f"**{iv.kind.value.capitalize()} interview, round {iv.round}:** {their_time(iv)}."]
    if iv.interviewers:
        lines.append(f"With {iv.interviewers}.")
    if iv.location:
        lines.append(f"{'Link' if iv.kind is InterviewKind.VIDEO else 'Where'}: {iv.location}")
    return "  \n".join(lines)


def checklist(facts: PrepFacts, how: Callable[[Action], str]) -> list[str]:
    """The five things to do before and after."""
    posting = f" ({facts.url})" if facts.url else ""
    return [
        f"- [ ] **Research {facts.company}.** Read the posting again{posting}, their own site and recent "
        "news. Note two things that make you want this job, and one question they raise.",
        "- [ ] **Practise your answers out loud.** The hard questions below; who you are and why this role, in "
        "under two minutes; two stories of work you are proud of: the situation, what you did, what came of it.",
        "- [ ] **Choose three questions to ask** from the list below, and write them down.",
        f"- [ ] **Logistics.** {logistics(facts.interview)}",
        f"- [ ] **The thank-you.** Within a day afterwards: "
        f"`{how(Action(ActionKind.DRAFT, facts.slug, draft=OutreachKind.THANK_YOU))}`.",
    ]


def logistics(iv: Interview | None) -> str:
    """The practical line of the checklist, by kind of interview."""
    if iv is None:
        return "Once the date is set: where, how, and with whom."
    if iv.kind is InterviewKind.ONSITE:
        return (
            "Plan the route with time to spare and aim to arrive ten minutes early; bring a copy of your CV."
        )
    if iv.kind is InterviewKind.PHONE:
        return "A quiet room, a charged phone, your notes in front of you."
    return "A quiet room, the link at hand, your notes in front of you (see Time and connection)."


def questions_to_ask(facts: PrepFacts, how: Callable[[Action], str]) -> list[str]:
    """Their own questions first, then the good defaults (the last one with a tip about the follow-up)."""
    own = [q.text for q in facts.questions if q.kind is QuestionKind.TO_ASK]
    defaults = [q for q in DEFAULT_QUESTIONS if q not in own]
    defaults[-1] += f" (When they say, `{how(Action(ActionKind.EXPECT, facts.slug))}` times your follow-up.)"
    return [*own, *defaults]


def hard_questions(facts: PrepFacts, how: Callable[[Action], str]) -> str:
    """The questions from the bank that were hard to answer, newest first."""
    hard = [q for q in facts.questions if q.kind is QuestionKind.HARD]
    if not hard:
        return (
            "None saved yet. After an interview, keep the questions that were hard to answer "
            f"(`{how(Action(ActionKind.KEEP_HARD_QUESTION))}`): they are the best practice there is."
        )
    hard.sort(key=lambda q: q.created_at, reverse=True)
    return "\n".join(f"- {q.text}" + (f"  \n  _{q.notes}_" if q.notes else "") for q in hard)


def needs_logistics(iv: Interview, my_zone: tzinfo) -> bool:
    """Video and phone interviews, and any held in another time zone than the person's."""
    return iv.kind is not InterviewKind.ONSITE or gap(iv.starts_at, zone(iv.timezone), my_zone) != timedelta(
        0
    )


def gap(moment: datetime, theirs: tzinfo, mine: tzinfo) -> timedelta:
    """How far their clocks are ahead of the person's at a moment (daylight saving included)."""
    their_offset = moment.astimezone(theirs).utcoffset() or timedelta(0)
    my_offset = moment.astimezone(mine).utcoffset() or timedelta(0)
    return their_offset - my_offset


def hours(span: timedelta) -> str:
    """'5 hours', '1 hour', '5 hours 30 minutes' (the size of a gap, without its direction)."""
    minutes = abs(int(span.total_seconds())) // 60
    whole, rest = divmod(minutes, 60)
    text = f"{whole} hour{'' if whole == 1 else 's'}"
    return text + (f" {rest} minutes" if rest else "")


def their_time(iv: Interview) -> str:
    """The interview at its own wall-clock time, with the zone's name and abbreviation."""
    local = iv.starts_at.astimezone(zone(iv.timezone))
    return f"{local:%a} {local.day} {local:%b %Y, %H:%M} ({iv.timezone}, {local:%Z})"


def your_time(moment: datetime, facts: PrepFacts) -> str:
    """A moment at the person's wall-clock time."""
    local = moment.astimezone(facts.my_zone)
    return f"{local:%a} {local.day} {local:%b %Y, %H:%M} ({facts.my_zone_name}, {local:%Z})"


def connection(facts: PrepFacts) -> list[str]:
    """Both clocks, who calls whom, a backup number, and for video the checks the day before."""
    iv = facts.interview
    assert iv is not None
    lines = [f"**Their time:** {their_time(iv)}", f"**Your time:** {your_time(iv.starts_at, facts)}"]
    then = gap(iv.starts_at, zone(iv.timezone), facts.my_zone)
    today = gap(facts.now, zone(iv.timezone), facts.my_zone)
    if then != today:
        lines.append(
            f"**Mind the clocks:** they change in one of the two places before the interview, so the gap that "
            f"day is {hours(then)}, not the {hours(today)} it is today."
        )
    if iv.kind is InterviewKind.ONSITE:
        return lines
    lines.append(who_calls(iv))
    lines.append(backup_number(facts.people))
    if iv.kind is InterviewKind.VIDEO:
        day_before = (iv.starts_at - timedelta(days=1)).astimezone(facts.my_zone)
        lines += [
            f"**The day before ({day_before:%a} {day_before.day} {day_before:%b}):** open the link, and test the "
            "app, camera, microphone and connection.",
            "**Camera and light:** camera at eye level, light in front of you rather than behind, a plain "
            "background, notifications off.",
        ]
    early = (iv.starts_at - timedelta(minutes=2)).astimezone(facts.my_zone)
    lines.append(f"**Join two minutes early:** at {early:%H:%M} your time.")
    return lines


def who_calls(iv: Interview) -> str:
    """The line about who starts the call."""
    if iv.kind is InterviewKind.PHONE:
        return "**Who calls whom:** check who is calling, and at which number; if nobody said, ask."
    if iv.location:
        return "**Who calls whom:** you have the link; check whether you join or they call you in."
    return "**Who calls whom:** you have no link yet. If it has not come the day before, ask for it."


def backup_number(people: Sequence[tuple[Contact, ContactRole]]) -> str:
    """A number to call if the connection fails: a known one, or a nudge to ask for one."""
    known = [f"{p.name}, {p.phone}" for p, _ in people if p.phone]
    if known:
        return f"**Backup number if the connection fails:** {'; '.join(known)}."
    return "**Backup number:** ask for a phone number to call if the connection fails, and give them yours."
