"""The last steps: what the process gave the person, asking for feedback, and one next step with a plan."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from bounceback.coach.effects import (
    AddLesson,
    AddQuestion,
    MeetPerson,
    MoodMoment,
    OnTimeline,
    SetMood,
)
from bounceback.coach.facts import SessionFacts
from bounceback.coach.prompts import Block, Choice, Prompt, PromptKind
from bounceback.coach.step import Step, StepResult, figure, support_block, text
from bounceback.domain.actions import Action, ActionKind
from bounceback.domain.coaching import LessonKind
from bounceback.domain.due import DueRules
from bounceback.domain.due_rules import NEXT_STEP
from bounceback.domain.outreach import FEEDBACK_TO, OutreachKind
from bounceback.domain.wellbeing import mood_change_sentence

NO_FEEDBACK = figure(
    "About 7 in 10 candidates in North America said they never got any feedback on why they did not move on.",
    "Talent Board benchmark research 2022",
)
DRAFT_HINT = "{0} writes a short request you can send from your own mail."
RECORD_HINT = "When they answer, or do not: {0}."
SENT_HINT = "Once you have sent it: {0}. Until then the reminder stays on your list."
DEFAULT_PLAN_DAYS = 7


class InterviewStep(Step):
    """What was practised and learned, the hard questions, and the people met."""

    key = "interview"
    title = "Make the interview process work for you"
    method = 4

    def intro(self, facts: SessionFacts) -> list[Block]:
        return [text("Nothing in a search is wasted. Write down what this one gave you, a line at a time.")]

    def prompts(self, facts: SessionFacts) -> list[Prompt]:
        prompts = [
            Prompt("practised", "What did you practise?", PromptKind.LINES),
            Prompt("learned", "What did you learn about the field or the company?", PromptKind.LINES),
            Prompt(
                "hard_questions",
                "Which questions were hard to answer? They go to your question bank for practice.",
                PromptKind.LINES,
            ),
        ]
        if facts.conversation:
            prompts.append(
                Prompt(
                    "people",
                    "Who did you meet? One per line, like: Dana Smith <dana@example.com>, Head of Data",
                    PromptKind.PEOPLE,
                )
            )
        return prompts

    def apply(self, facts: SessionFacts, answers: dict[str, Any]) -> StepResult:
        practised, learned = answers.get("practised", []), answers.get("learned", [])
        questions, people = answers.get("hard_questions", []), answers.get("people", [])
        when = reconnect_day(facts)
        result = StepResult()
        result.effects += [AddLesson(LessonKind.PRACTISED, line) for line in practised]
        result.effects += [AddLesson(LessonKind.LEARNED, line) for line in learned]
        result.effects += [AddQuestion(line) for line in questions]
        result.effects += [MeetPerson(p["name"], p["email"], p["title"], when) for p in people]
        kept = _counted(
            (len(practised), "thing practised", "things practised"),
            (len(learned), "thing learned", "things learned"),
            (len(questions), "hard question for your question bank", "hard questions for your question bank"),
        )
        if kept:
            result.effects.append(OnTimeline(f"Kept from this process: {kept}", {"coach": "lessons"}))
            result.after.append(text(f"Kept: {kept}. {{0}} shows them all.", Action(ActionKind.SEE_LESSONS)))
        if people:
            result.after.append(
                text(
                    f"{{0}} will remind you to get back in touch around {when:%d %B %Y}.",
                    Action(ActionKind.SEE_DUE),
                )
            )
        return result


def _act(facts: SessionFacts, kind: ActionKind, **more: object) -> Action:
    """An action on the session's application."""
    return Action(kind, facts.slug, facts.app_id, **more)  # type: ignore[arg-type]


def reconnect_day(facts: SessionFacts) -> date:
    """When the due list suggests getting back in touch with the people met: months after the no."""
    return (facts.closed_at + timedelta(days=DueRules().reconnect_after_days)).date()


def _counted(*parts: tuple[int, str, str]) -> str:
    """ "2 things practised, 1 thing learned", leaving out what is zero."""
    return ", ".join(f"{n} {one if n == 1 else many}" for n, one, many in parts if n)


class FeedbackStep(Step):
    """Whether to ask for feedback; only where someone at the employer spoke with the person."""

    key = "feedback"
    title = "Asking for feedback"
    method = 4

    def intro(self, facts: SessionFacts) -> list[Block]:
        if not facts.conversation:
            return [
                text(
                    f"Nobody at {facts.company} spoke with you, so there is no one to ask for feedback. "
                    "Nothing is missing here."
                )
            ]
        if facts.feedback_asked is not None:
            asked = facts.feedback_asked.date().isoformat()
            return [
                text(f"You asked for feedback on {asked}."),
                text(RECORD_HINT, _act(facts, ActionKind.RECORD_FEEDBACK)),
            ]
        return [
            NO_FEEDBACK,
            text(
                "So ask if you would like to, and expect silence more often than an answer. "
                "A short, friendly request costs little, and an answer is worth having."
            ),
        ]

    def prompts(self, facts: SessionFacts) -> list[Prompt]:
        if not facts.conversation or facts.feedback_asked is not None:
            return []
        prompts = [Prompt("ask", f"Ask {facts.company} for feedback? (yes or no)", PromptKind.YES_NO)]
        if facts.people:
            prompts.append(
                Prompt("contact", "Whom would you ask?", PromptKind.CHOICE, choices=person_choices(facts))
            )
        return prompts

    def apply(self, facts: SessionFacts, answers: dict[str, Any]) -> StepResult:
        if answers.get("ask") is not True:
            if answers.get("ask") is False:
                return StepResult([text("Not asking is a fair choice too.")])
            return StepResult()
        return feedback_request(facts, answers.get("contact"))


def person_choices(facts: SessionFacts) -> tuple[Choice, ...]:
    """The people met, as choices of whom to ask for feedback."""
    return tuple(
        Choice(f"contact-{p.id}", f"{p.name} ({p.role.replace('_', ' ')})", (p.name, p.email))
        for p in facts.people
    )


def feedback_request(facts: SessionFacts, choice: str | None) -> StepResult:
    """The person would like to ask for feedback (a contact's choice value, or None for the company): the
    request is drafted to them, and counts as asked only once it is marked sent."""
    contact = int(choice.removeprefix("contact-")) if choice else None
    chosen = next((p for p in facts.people if p.id == contact), None)
    name = chosen.name if chosen else facts.company
    to = (chosen.email or str(chosen.id)) if chosen else ""
    details = {"coach": "feedback_request", FEEDBACK_TO: contact or 0}
    return StepResult(
        [
            text(f"Noted: you would like to ask {name} for feedback. Nothing is sent from here."),
            text(DRAFT_HINT, _act(facts, ActionKind.DRAFT, draft=OutreachKind.FEEDBACK, to=to)),
            text(SENT_HINT, _act(facts, ActionKind.FEEDBACK_SENT)),
        ],
        [OnTimeline(f"Request for feedback to {name} drafted, not sent yet", details)],
    )


def example_day(facts: SessionFacts) -> date:
    """A day to show as an example: always ahead of today, by the session's own clock."""
    return facts.now.date() + timedelta(days=DEFAULT_PLAN_DAYS + 3)


def next_step_prompts(facts: SessionFacts) -> list[Prompt]:
    """One concrete next step and its day."""
    return [
        Prompt("step", "One concrete next step:", PromptKind.TEXT),
        Prompt("by", f"By when? A date, like {example_day(facts):%Y-%m-%d} or “friday”.", PromptKind.DATE),
    ]


def next_step(facts: SessionFacts, answers: dict[str, Any]) -> StepResult:
    """The next step on the timeline (and so on the due list and in the calendar), a week ahead by default."""
    result = StepResult()
    if answers.get("step"):
        default = facts.now.date() + timedelta(days=DEFAULT_PLAN_DAYS)
        by = date.fromisoformat(answers.get("by") or default.isoformat())
        details = {"coach": "next_step", NEXT_STEP: answers["step"], "by": by.isoformat()}
        result.effects.append(OnTimeline(f"Next step: {answers['step']} (by {by.isoformat()})", details))
        result.after.append(text(f"Your next step: {answers['step']}, by {by:%A %d %B}."))
    return result


_WILL = re.compile(r"^(then\s+)?(i\s+will\s+)?", re.IGNORECASE)


class NextStep(Step):
    """One concrete next step with a date, an if-then plan for the next no, and the mood at the end."""

    key = "next"
    title = "Next step and check out"

    def intro(self, facts: SessionFacts) -> list[Block]:
        named = facts.earlier("pipeline", "next_opening")
        return [text(f"Earlier you named: {named}.")] if named else []

    def prompts(self, facts: SessionFacts) -> list[Prompt]:
        return [
            *next_step_prompts(facts),
            Prompt("if_then", "Finish the sentence: if I hear no again, then I will …", PromptKind.TEXT),
            Prompt("mood", "And your mood now, 0 to 10?", PromptKind.NUMBER),
        ]

    def apply(self, facts: SessionFacts, answers: dict[str, Any]) -> StepResult:
        result = next_step(facts, answers)
        if answers.get("if_then"):
            plan = _WILL.sub("", answers["if_then"]).rstrip(".")
            result.effects.append(
                OnTimeline(f"If I hear no again, then I will {plan}.", {"coach": "if_then"})
            )
            result.after.append(text(f"Your plan: if you hear no again, then you will {plan}."))
        mood = answers.get("mood")
        if mood is not None:
            result.effects.append(SetMood(MoodMoment.AFTER, mood))
            before = facts.earlier("checkin", "mood")
            change = mood_change_sentence(before, mood)
            if change:
                details = {"coach": "mood", "before": before, "after": mood}
                result.effects.append(
                    OnTimeline(f"Mood {before} → {mood} over the bounce-back session", details)
                )
                result.after.append(text(change))
        result.after += support_block(facts, mood)
        return result
