"""What the person can do next, as data: a due item, a hint in the coach, a sentence after a mistake each name
an action, and each front end offers it in its own way (the CLI as a command to type, the web as a button or a
link). The core never spells out a command line."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # for the annotations only: the CLI imports this module on every start
    from bounceback.domain.outreach import OutreachKind
    from bounceback.domain.stages import Stage


class ActionKind(StrEnum):
    """Things a person can go and do."""

    BOUNCE = "bounce"  # the bounce-back session after a rejection
    DRAFT = "draft"  # write an email (which one: `draft`)
    RECORD_FEEDBACK = "record_feedback"  # write down what came of a request for feedback
    FEEDBACK_SENT = "feedback_sent"  # write down that the drafted request for feedback went out
    CLOSE = "close"  # close the application with an outcome
    PREPARE = "prepare"  # prepare for the next interview
    CHECK_IN = "check_in"  # the weekly check-in
    ADD_INTERVIEW = "add_interview"  # put in the day and time of an interview
    EXPECT = "expect"  # note the day the employer promised an answer by
    KEEP_HARD_QUESTION = "keep_hard_question"  # keep a question that was hard to answer, to practise
    MARK_DONE = "mark_done"  # mark a reminder done (which one: `reminder`)
    SEE_LESSONS = "see_lessons"  # every lesson and question kept
    SEE_DUE = "see_due"  # what needs doing
    SEE_APPLICATIONS = "see_applications"  # every application, by short name
    SEE_CONTACTS = "see_contacts"  # every contact, by name
    ADD_APPLICATION = "add_application"  # record a new application
    TRY_DEMO = "try_demo"  # a demo search to try everything on
    ADD_MAIL_ACCOUNT = "add_mail_account"  # set up an IMAP account
    REVIEW_MAIL = "review_mail"  # the messages waiting for review
    LINK_MAIL = "link_mail"  # attach a message to the right application
    RELABEL_MAIL = "relabel_mail"  # correct what a message was read as (to what: `label`)


@dataclass(frozen=True)
class Action:
    """One thing to do, with what it is about; fields a kind does not use stay empty."""

    kind: ActionKind
    application: str = ""  # the application's short name ("" when it is about no one application)
    application_id: int = 0
    draft: OutreachKind | None = None
    outcome: Stage | None = None
    to: str = ""  # whom to write to: a contact's email, or their id
    reminder: str = ""  # a reminder's key
    message: int = 0  # a kept email's number
    label: str = ""  # a mail label's value
