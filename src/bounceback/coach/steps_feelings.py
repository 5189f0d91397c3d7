"""The first steps: check in, keep the no from defining you, and check one harsh thought."""

from __future__ import annotations

from typing import Any

from bounceback.coach.effects import MoodMoment, SetMood, SetSelfWorth
from bounceback.coach.facts import SessionFacts
from bounceback.coach.prompts import Block, Choice, Prompt, PromptKind
from bounceback.coach.step import Step, StepResult, figure, note, support_block, text
from bounceback.domain.perspective import (
    MOST_HEAR_NO,
    NO_OFFER_FIGURE,
    Level,
    Reason,
    finalists_sentence,
    rates_for,
    streak_sentence,
    worth_reflection,
)

WRITING_HELP = (
    "In one study, professionals who had lost their jobs and wrote about their thoughts and feelings "
    "for a few days found new jobs sooner than those who did not (Spera, Buhrfeind & Pennebaker, 1994). "
    "One study is not a promise; this is simply a private place to put things down. It is kept with your "
    "search, for you."
)


NOTED_REASON = "noted"  # the choice that stands for the reason the person typed when they closed it


def noted_reason_label(reason: str) -> str:
    """The reason typed at `close`, offered as one of the reasons."""
    return f"{reason[0].upper()}{reason[1:]} (what you noted when you closed it)"


def perspective_line(facts: SessionFacts) -> Block:
    """The one line that puts this no in proportion: the person's run of noes against the published odds, or
    the base rate itself; at the offer, why there is no number."""
    if facts.level is Level.OFFER:
        return note(NO_OFFER_FIGURE)
    streak = streak_sentence(facts.level, facts.streak)
    if streak:
        return text(streak)
    rate = rates_for(facts.level)[0]
    return figure(rate.sentence, rate.cited)


class CheckInStep(Step):
    """Mood now, and a private space to write."""

    key = "checkin"
    title = "Check in"

    def intro(self, facts: SessionFacts) -> list[Block]:
        return [
            text(
                f"{facts.company} said no to {facts.role}. That hurts, and it is worth some care. "
                "Leave any question blank, skip any step, or stop and pick this up later."
            )
        ]

    def prompts(self, facts: SessionFacts) -> list[Prompt]:
        return [
            Prompt("mood", "How is your mood right now? 0 is very low, 10 is very good.", PromptKind.NUMBER),
            Prompt(
                "writing",
                "Free writing, if you like: what you think and feel about this rejection.",
                PromptKind.WRITING,
                help=WRITING_HELP,
            ),
        ]

    def apply(self, facts: SessionFacts, answers: dict[str, Any]) -> StepResult:
        result = StepResult()
        if "mood" in answers:
            result.effects.append(SetMood(MoodMoment.BEFORE, answers["mood"]))
        if answers.get("writing"):
            result.after.append(text("Written down. You can come back to it, or leave it be."))
        result.after += support_block(facts, answers.get("mood"))
        return result


class WorthStep(Step):
    """Honest base rates, the odds of the person's own streak, and reasons that are not about worth."""

    key = "worth"
    title = "Don't let it define you"
    method = 1

    def intro(self, facts: SessionFacts) -> list[Block]:
        blocks = [text(MOST_HEAR_NO)]
        if facts.level is Level.OFFER:
            return [*blocks, note(NO_OFFER_FIGURE)]
        blocks += [figure(rate.sentence, rate.cited) for rate in rates_for(facts.level)]
        streak = streak_sentence(facts.level, facts.streak)
        if streak:
            blocks.append(text(streak))
        return blocks

    def prompts(self, facts: SessionFacts) -> list[Prompt]:
        reasons = tuple(Choice(r.value, r.label) for r in Reason)
        if facts.close_reason:  # what the person wrote at `close` comes first, in their words
            reasons = (Choice(NOTED_REASON, noted_reason_label(facts.close_reason)), *reasons)
        return [
            Prompt(
                "self_worth",
                "How much of your self-worth are you putting on this decision? 0 to 100 %.",
                PromptKind.NUMBER,
                high=100,
            ),
            Prompt(
                "finalists",
                "If you know how many finalists there were (you included), how many?",
                PromptKind.NUMBER,
                low=1,
                high=100,
            ),
            Prompt(
                "reasons",
                "Which of these could have played a part? None of them is about your worth.",
                PromptKind.CHOICES,
                help="Pick any, by number, separated by commas.",
                choices=reasons,
            ),
            Prompt("other_reason", "Another reason, in your own words:", PromptKind.TEXT),
        ]

    def apply(self, facts: SessionFacts, answers: dict[str, Any]) -> StepResult:
        result = StepResult()
        if "self_worth" in answers:
            result.effects.append(SetSelfWorth(answers["self_worth"]))
            result.after.append(text(worth_reflection(answers["self_worth"])))
        finalists = finalists_sentence(answers.get("finalists"))
        if finalists:
            result.after.append(text(finalists))
        named = [
            facts.close_reason if r == NOTED_REASON else Reason(r).label for r in answers.get("reasons", [])
        ]
        if answers.get("other_reason"):
            named.append(answers["other_reason"])
        if named:
            listed = "; ".join(n[0].lower() + n[1:] for n in named)
            result.after.append(text(f"Reasons you named: {listed}. None of them measures your worth."))
        return result


class ThoughtStep(Step):
    """The harshest thing the person is telling themselves, checked like any other claim."""

    key = "thought"
    title = "One harsh thought"
    method = 1

    def intro(self, facts: SessionFacts) -> list[Block]:
        return [
            text(
                "Write the harshest thing you are telling yourself about this, then look at it the way you "
                "would look at any claim: what supports it, and what does not."
            )
        ]

    def prompts(self, facts: SessionFacts) -> list[Prompt]:
        return [
            Prompt("thought", "The harsh thought:", PromptKind.TEXT),
            Prompt("evidence_for", "Evidence for it:", PromptKind.WRITING),
            Prompt("evidence_against", "Evidence against it:", PromptKind.WRITING),
            Prompt("friend", "What would you say to a friend in your place?", PromptKind.WRITING),
        ]

    def apply(self, facts: SessionFacts, answers: dict[str, Any]) -> StepResult:
        if answers.get("friend"):
            said = answers["friend"]
            return StepResult(
                [text(f"To a friend you would say: “{said}” Try reading it as if it were for you.")]
            )
        if answers.get("thought"):
            return StepResult(
                [text("Thoughts like that are loud after a rejection. Loud is not the same as true.")]
            )
        return StepResult()
