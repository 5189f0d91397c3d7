"""The dashboard's words: each action as the page that does it and the words on its button or link, and the
sentence for each kind of mistake. The core names what happened and what can be done next; how that reads in a
browser is said here."""

from __future__ import annotations

import re
from collections.abc import Sequence

from markupsafe import Markup, escape

from bounceback.domain.actions import Action, ActionKind
from bounceback.domain.errors import BouncebackError
from bounceback.domain.outreach import OutreachKind

_DRAFT_WORDS = {
    OutreachKind.THANK_YOU: "Write the thank-you",
    OutreachKind.FOLLOW_UP: "Write the follow-up",
    OutreachKind.FEEDBACK: "Ask for feedback",
    OutreachKind.RECONNECT: "Write to them",
}
_WORDS = {
    ActionKind.BOUNCE: "Open the bounce-back session",
    ActionKind.RECORD_FEEDBACK: "Say what came of it",
    ActionKind.FEEDBACK_SENT: "Mark it sent",
    ActionKind.CLOSE: "Close it",
    ActionKind.PREPARE: "Prepare",
    ActionKind.CHECK_IN: "Check in",
    ActionKind.ADD_INTERVIEW: "Add the interview",
    ActionKind.EXPECT: "Note the day",
    ActionKind.KEEP_HARD_QUESTION: "Keep the question",
    ActionKind.MARK_DONE: "Mark it done",
    ActionKind.SEE_LESSONS: "Your lessons",
    ActionKind.SEE_DUE: "What is due",
    ActionKind.SEE_APPLICATIONS: "The board",
    ActionKind.SEE_CONTACTS: "The application pages",
    ActionKind.ADD_APPLICATION: "Add an application",
    ActionKind.TRY_DEMO: "The demo",
    ActionKind.ADD_MAIL_ACCOUNT: "Add a mail account in a terminal",
    ActionKind.REVIEW_MAIL: "The review page",
    ActionKind.LINK_MAIL: "Its Link form",
    ActionKind.RELABEL_MAIL: "Relabelling it as other",
}


def href(action: Action) -> str:
    """The page where the action is done."""
    app = action.application_id
    if action.kind is ActionKind.CHECK_IN:
        return "/checkin"
    if action.kind is ActionKind.SEE_LESSONS:
        return "/insights#themes-heading"  # the lessons, grouped into themes
    if action.kind is ActionKind.BOUNCE and app:
        return f"/bounce/{app}"
    if action.kind in (ActionKind.REVIEW_MAIL, ActionKind.LINK_MAIL, ActionKind.RELABEL_MAIL):
        return "/mail/review"
    if action.kind in (
        ActionKind.SEE_DUE,
        ActionKind.RECORD_FEEDBACK,
        ActionKind.MARK_DONE,
        ActionKind.FEEDBACK_SENT,
    ):
        return "/due"
    if app:
        return f"/applications/{app}" + ("#drafts" if action.kind is ActionKind.DRAFT else "")
    return "/"


def words(action: Action) -> str:
    """What the button or link that does an action says."""
    if action.kind is ActionKind.DRAFT and action.draft is not None:
        return _DRAFT_WORDS.get(action.draft, "Write it")
    return _WORDS[action.kind]


# How an action is named inside a sentence, where that differs from its button.
_IN_A_SENTENCE = {
    ActionKind.DRAFT: "the draft on its page",
    ActionKind.RECORD_FEEDBACK: "say what came of it on the due list",
    ActionKind.FEEDBACK_SENT: "mark it sent on the due list",
    ActionKind.SEE_LESSONS: "The Insights page",
    ActionKind.ADD_MAIL_ACCOUNT: "“bounceback mail account add” in a terminal (its password is asked there, never on a page)",
    ActionKind.SEE_DUE: "the due list",
}


def in_a_sentence(action: Action) -> str:
    """An action's name inside a sentence."""
    return _IN_A_SENTENCE.get(action.kind, words(action).lower())


_NO_PAGE = frozenset({ActionKind.ADD_MAIL_ACCOUNT})  # done in a terminal only (it asks for a password)


def link(action: Action) -> Markup:
    """An action as a link inside a sentence (as plain words when the dashboard has no page for it)."""
    if action.kind in _NO_PAGE:
        return escape(in_a_sentence(action))
    return Markup('<a href="{}">{}</a>').format(href(action), in_a_sentence(action))


def with_actions(text: str, actions: Sequence[Action]) -> Markup:
    """A sentence whose {0}, {1}… stand for actions, with each as a link (the rest of it escaped)."""
    return escape(text).format(*(link(action) for action in actions)) if actions else escape(text)


# Mistakes the core names by a key, in the dashboard's words; the others say themselves.
ERRORS: dict[str, str] = {
    "unknown_name": "There is no {what} called “{name}”; {0} shows them all.",
    "no_mail_account": "Set up a mail account first, with {0}.",
    "no_such_message": "Message {number} is not there; {0} shows the messages waiting.",
    "message_ambiguous": "Message {number} could belong to {names}: choose one with {0}.",
    "message_without_company": "Message {number} names no company: choose its application with {0}.",
    "message_applied": "Message {number} has made its change already; {0} takes it back.",
    "session_not_rejected": "{slug} is {stage}, not rejected: this session is for after a no. Record the no on "
    "its page first.",
}


def say(error: BouncebackError) -> str:
    """The one sentence a page shows for a mistake (plain text: the template escapes it)."""
    template = ERRORS.get(error.key)
    if template is None:
        return error.message
    return template.format(*(in_a_sentence(action) for action in error.actions), **error.values)


# The coach's questions are written for a terminal; on a page the form field itself says how to answer.
_TERMINAL_HINTS = (
    (re.compile(r"\s*\((?:yes or no|y/n)\)", re.IGNORECASE), ""),  # beside Yes and No buttons
    (re.compile(r",?\s*or (?:press )?Enter to keep it", re.IGNORECASE), ", or leave it empty to keep it"),
    (re.compile(r"\s*A date, like [^.?]*[.?]?"), ""),  # above a date picker
)


def on_a_page(label: str) -> str:
    """A coach question without the typing instructions a form field makes needless."""
    for pattern, instead in _TERMINAL_HINTS:
        label = pattern.sub(instead, label)
    return label.strip()
