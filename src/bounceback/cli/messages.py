"""The command line's words: each action as the command that does it, and the sentence for each kind of
mistake. The core names what happened and what can be done next; how that reads in a terminal is said here."""

from __future__ import annotations

from collections.abc import Sequence

from bounceback.domain.actions import Action, ActionKind
from bounceback.domain.errors import BouncebackError


def command(action: Action) -> str:
    """The command line that does an action."""
    slug = action.application
    simple = {
        ActionKind.BOUNCE: f"bounceback bounce {slug}",
        ActionKind.PREPARE: f"bounceback prep {slug}",
        ActionKind.CHECK_IN: "bounceback checkin",
        ActionKind.ADD_INTERVIEW: f'bounceback interview add {slug} "Tuesday 10:00 Europe/Berlin"',
        ActionKind.EXPECT: f"bounceback expect {slug} DATE",
        ActionKind.KEEP_HARD_QUESTION: f'bounceback prep {slug or "APP"} --hard "…"',
        ActionKind.MARK_DONE: f"bounceback done {action.reminder}",
        ActionKind.SEE_LESSONS: "bounceback lessons",
        ActionKind.SEE_DUE: "bounceback due",
        ActionKind.SEE_APPLICATIONS: "bounceback list",
        ActionKind.SEE_CONTACTS: "bounceback contact list",
        ActionKind.ADD_APPLICATION: "bounceback add",
        ActionKind.TRY_DEMO: "bounceback demo",
        ActionKind.ADD_MAIL_ACCOUNT: "bounceback mail account add",
        ActionKind.REVIEW_MAIL: "bounceback mail review",
        ActionKind.LINK_MAIL: "bounceback mail link",
        ActionKind.RELABEL_MAIL: f"bounceback mail relabel {action.message} {action.label}",
        ActionKind.RECORD_FEEDBACK: f'bounceback feedback {slug} --answered "what they said"  (or --no-answer)',
        ActionKind.FEEDBACK_SENT: f"bounceback feedback sent {slug}",
    }
    if action.kind is ActionKind.DRAFT:
        kind = action.draft.value.replace("_", "-") if action.draft else "follow-up"
        return f"bounceback draft {kind} {slug}" + (f" --to {action.to}" if action.to else "")
    if action.kind is ActionKind.CLOSE:
        return f"bounceback close {slug} {action.outcome.value if action.outcome else 'withdrawn'}"
    return simple[action.kind]


def inline(action: Action) -> str:
    """An action as it stands inside a sentence: its command in backticks."""
    if action.kind is ActionKind.RECORD_FEEDBACK:
        return f'`bounceback feedback {action.application} --answered "…"` or `--no-answer`'
    return f"`{command(action)}`"


def with_actions(text: str, actions: Sequence[Action]) -> str:
    """A sentence whose {0}, {1}… stand for actions, with each written as its command."""
    return text.format(*(inline(action) for action in actions)) if actions else text


# Mistakes the core names by a key; the others say themselves (their message is already plain words).
ERRORS: dict[str, str] = {
    "unknown_name": "No {what} is called “{name}”; {0} shows their names.",
    "no_mail_account": "No mail account is set up yet; add one with {0}.",
    "no_such_message": "There is no message number {number}; {0} lists them.",
    "message_ambiguous": "Message {number} could belong to {names}; link it with {0}.",
    "message_without_company": "Message {number} names no company; link it with {0}.",
    "message_applied": "Message {number} already made its change; {0} takes it back.",
    "session_not_rejected": "{slug} is {stage}, not rejected; this session is for after a no ({0} records one).",
}


def say(error: BouncebackError) -> str:
    """The one sentence the command line prints for a mistake."""
    template = ERRORS.get(error.key)
    if template is None:
        return error.message
    return template.format(*(inline(action) for action in error.actions), **error.values)
