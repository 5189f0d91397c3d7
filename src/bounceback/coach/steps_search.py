"""The middle steps: the lost job's drawbacks and fit, the pipeline, and rejections as a sign of trying."""

from __future__ import annotations

from typing import Any

from bounceback.coach.effects import AddLesson, OnTimeline, SetGoal
from bounceback.coach.facts import SessionFacts
from bounceback.coach.prompts import Block, Choice, Prompt, PromptKind
from bounceback.coach.step import Step, StepResult, fact, note, text
from bounceback.domain import rules
from bounceback.domain.coaching import LessonKind
from bounceback.domain.recovery import (
    TREND_SENTENCES,
    bounce_back_sentence,
    bounce_back_trend,
    days_text,
    goal_sentence,
    goal_year,
    pipeline_facts,
    pipeline_nudge,
)

# The kinds of drawback a job can have, each with the question that prompts it.
DRAWBACKS = (
    ("pay", "Pay"),
    ("commute", "Commute"),
    ("hours", "Hours"),
    ("team", "Team"),
    ("growth", "Growth"),
    ("stability", "Stability"),
    ("not_taught", "What it would not have taught you"),
)
FIT_WORDS = {
    "yes": "It fit, and that is part of why it hurts. What made it fit is worth looking for in the next openings.",
    "partly": "A partial fit is worth remembering when the next opening looks perfect from outside.",
    "no": "Then this no may have kept you from a job that would have chafed.",
    "unsure": "Not knowing is fair; you saw the job from the outside, for a few hours.",
}


class PedestalStep(Step):
    """The drawbacks of the job, by kind, and whether it really fit."""

    key = "pedestal"
    title = "Knock the job off its pedestal"
    method = 2

    def intro(self, facts: SessionFacts) -> list[Block]:
        return [
            text(
                f"A job you did not get is easy to picture at its best. Every job has drawbacks; write down "
                f"those of {facts.role} at {facts.company}. Leave blank what does not apply."
            )
        ]

    def prompts(self, facts: SessionFacts) -> list[Prompt]:
        kinds = [Prompt(key, f"{label}:", PromptKind.TEXT) for key, label in DRAWBACKS]
        fit = Prompt(
            "fit",
            "Did it really fit you?",
            PromptKind.CHOICE,
            choices=(
                Choice("yes", "Yes"),
                Choice("partly", "Partly"),
                Choice("no", "No"),
                Choice("unsure", "Not sure"),
            ),
        )
        return [*kinds, fit]

    def apply(self, facts: SessionFacts, answers: dict[str, Any]) -> StepResult:
        result = StepResult()
        noted = [(label, answers[key]) for key, label in DRAWBACKS if answers.get(key)]
        for label, words in noted:
            result.effects.append(AddLesson(LessonKind.DRAWBACK, f"{label}: {words}"))
        if noted:
            count = "1 drawback" if len(noted) == 1 else f"{len(noted)} drawbacks"
            result.effects.append(OnTimeline(f"Noted {count} of the job", {"coach": "drawbacks"}))
            result.after.append(
                text(f"{count.capitalize()} written down, for when this job looks perfect in hindsight.")
            )
        if answers.get("fit"):
            result.after.append(text(FIT_WORDS[answers["fit"]]))
        return result


class PipelineStep(Step):
    """The search as it stands, with a plain nudge when it hangs on one or two openings."""

    key = "pipeline"
    title = "Your pipeline"
    method = 2

    def intro(self, facts: SessionFacts) -> list[Block]:
        blocks = [fact(pipeline_facts(facts.pipeline))]
        nudge = pipeline_nudge(facts.pipeline)
        return [*blocks, note(nudge)] if nudge else blocks

    def prompts(self, facts: SessionFacts) -> list[Prompt]:
        return [
            Prompt(
                "next_opening",
                "Which other opening could get some of your energy this week?",
                PromptKind.TEXT,
            )
        ]

    def apply(self, facts: SessionFacts, answers: dict[str, Any]) -> StepResult:
        if answers.get("next_opening"):
            return StepResult(
                [text(f"Noted: {answers['next_opening']}. It comes back when you pick your next step.")]
            )
        return StepResult()


class RejectionsStep(Step):
    """Rejections this year against a goal, and how fast the person bounces back."""

    key = "rejections"
    title = "Get good at rejection"
    method = 3

    def intro(self, facts: SessionFacts) -> list[Block]:
        year = facts.now.year
        blocks = [fact(goal_sentence(facts.rejections_this_year, facts.goal, year))]
        mine = facts.this_back
        if mine is not None:
            blocks.append(fact(bounce_back_sentence(mine, facts.now)))
        past = [b.days for b in facts.past_backs if b.days is not None]
        if past:
            recent = ", ".join(days_text(d) for d in past[-5:])
            blocks.append(fact(f"Bounce-back time after your earlier rejections: {recent}."))
        trend = bounce_back_trend(list(facts.backs))
        blocks.append(text(TREND_SENTENCES[trend]))
        return blocks

    def prompts(self, facts: SessionFacts) -> list[Prompt]:
        year = goal_year(facts.now)
        goal = facts.goal if year == facts.now.year else None
        label = (
            f"How many rejections would you like to collect in {year}? Each one is a sign of trying."
            if goal is None
            else f"Your goal for {year} is {goal}. A new number, or Enter to keep it:"
        )
        return [Prompt("goal", label, PromptKind.NUMBER, low=1, high=rules.MAX_GOAL)]

    def apply(self, facts: SessionFacts, answers: dict[str, Any]) -> StepResult:
        if "goal" not in answers:
            return StepResult()
        year, goal = goal_year(facts.now), answers["goal"]
        so_far = facts.rejections_this_year if year == facts.now.year else 0
        return StepResult(
            [fact(goal_sentence(so_far, goal, year))],
            [SetGoal(year, goal)],
        )
