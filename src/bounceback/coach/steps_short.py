"""The short session, for a day with little room: your mood, the one line that puts the no in proportion, and
one next step. Three questions, a couple of minutes; the four steps of the method are named as it goes."""

from __future__ import annotations

from typing import Any

from bounceback.coach.effects import MoodMoment, SetMood
from bounceback.coach.facts import SessionFacts
from bounceback.coach.prompts import Block, Choice, Prompt, PromptKind
from bounceback.coach.step import METHOD_STEPS, Step, StepResult, support_block, text
from bounceback.coach.steps_feelings import perspective_line
from bounceback.coach.steps_interview import feedback_request, next_step, next_step_prompts, person_choices
from bounceback.domain.actions import Action, ActionKind
from bounceback.domain.perspective import MOST_HEAR_NO

NOT_NOW = "not_now"


class ShortCheckIn(Step):
    """Mood now, and nothing else."""

    key = "short_checkin"
    title = "Check in"

    def intro(self, facts: SessionFacts) -> list[Block]:
        return [
            text(
                f"{facts.company} said no to {facts.role}. That hurts. This is the short session: your mood, "
                "one line to put the no in proportion, and one next step. Leave anything blank, or skip it."
            )
        ]

    def prompts(self, facts: SessionFacts) -> list[Prompt]:
        return [
            Prompt("mood", "How is your mood right now? 0 is very low, 10 is very good.", PromptKind.NUMBER)
        ]

    def apply(self, facts: SessionFacts, answers: dict[str, Any]) -> StepResult:
        result = StepResult()
        if "mood" in answers:
            result.effects.append(SetMood(MoodMoment.BEFORE, answers["mood"]))
        result.after += support_block(facts, answers.get("mood"))
        return result


class ShortPerspective(Step):
    """The first step of the method in one line with its base rate, and the reason the person noted."""

    key = "short_perspective"
    title = METHOD_STEPS[0]
    method = 1

    def intro(self, facts: SessionFacts) -> list[Block]:
        blocks = [text(MOST_HEAR_NO), perspective_line(facts)]
        if facts.close_reason:
            blocks.append(
                text(
                    f"You noted when you closed it: “{facts.close_reason}”. That is about what they were "
                    "looking for this time, not about what you are worth."
                )
            )
        return blocks


class ShortNextStep(Step):
    """One next step with its day (the third step of the method: bounce-back time runs until it is taken),
    and, where someone there spoke with the person, whom to ask for feedback (the fourth)."""

    key = "short_next"
    title = "One next step"
    method = 3

    def intro(self, facts: SessionFacts) -> list[Block]:
        step_four = (
            "starts here with one question: whether to ask someone there for feedback."
            if _can_ask(facts)
            else "is in the full session too: what you practised and learned on the way."
        )
        return [
            text(
                f"Step 2 of 4, “{METHOD_STEPS[1]}”, can wait for the full session: every job has "
                "drawbacks, this one too."
            ),
            text(
                "Your bounce-back time runs from this no to your next step forward. One small step is "
                "enough: an application, a follow-up, a message to someone."
            ),
            text(f"Step 4 of 4, “{METHOD_STEPS[3]}”, {step_four}"),
        ]

    def prompts(self, facts: SessionFacts) -> list[Prompt]:
        prompts = next_step_prompts(facts)
        if _can_ask(facts):
            choices = (*person_choices(facts), Choice(NOT_NOW, "Not now"))
            label = f"Ask someone at {facts.company} for feedback?"
            prompts.append(Prompt("feedback", label, PromptKind.CHOICE, choices=choices))
        return prompts

    def apply(self, facts: SessionFacts, answers: dict[str, Any]) -> StepResult:
        result = next_step(facts, answers)
        chosen = answers.get("feedback")
        if chosen and chosen != NOT_NOW:
            asked = feedback_request(facts, chosen)
            result.after += asked.after
            result.effects += asked.effects
        return result


def _can_ask(facts: SessionFacts) -> bool:
    """Whether there is someone to ask for feedback who spoke with the person, and nobody was asked yet."""
    return facts.conversation and bool(facts.people) and facts.feedback_asked is None


def short_path_end(facts: SessionFacts) -> Block:
    """What the short session leaves for another day, with the way back to it."""
    return text(
        "The full session goes through the four steps in depth: the job's drawbacks and your pipeline, your "
        "rejection goal, and what this round taught you and whom you met. It is there for a day with more "
        "room: {0}.",
        Action(ActionKind.BOUNCE, facts.slug, facts.app_id),
    )
