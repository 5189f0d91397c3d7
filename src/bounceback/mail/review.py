"""The review queue and corrections: accept, relabel, link to another application, ignore."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bounceback.domain.actions import Action, ActionKind
from bounceback.domain.errors import InvalidInput, NotFound
from bounceback.domain.mail import JOB_LABELS, MailLabel, MailRecord, MailStatus
from bounceback.mail.extract import extract
from bounceback.mail.importer import ImportSummary, MailApplier, load_index, remember_change
from bounceback.mail.match import match_message

if TYPE_CHECKING:
    from bounceback.workspace.change import Change


def find_record(change: Change, record_id: int) -> MailRecord:
    """A kept message by its number."""
    record = change.store.get(MailRecord, record_id)
    if record is None:
        raise NotFound(
            f"There is no message number {record_id}.",
            key="no_such_message",
            actions=[Action(ActionKind.REVIEW_MAIL)],
            number=record_id,
        )
    if record.status is MailStatus.SKIPPED:
        raise InvalidInput(f"Message {record_id} was not job mail, so its content was not kept.")
    return record


def _apply(change: Change, record: MailRecord, app_id: int | None) -> None:
    """Make the record's change now, to `app_id` or wherever matching puts it."""
    found = extract(record.subject, record.from_name, record.from_address, record.body)
    index = load_index(change.read)
    if app_id is None:
        match = match_message(
            references=(),
            from_address=record.from_address,
            company=found.company,
            role=found.role,
            index=index,
        )
        if match.candidates:
            names = ", ".join(index.apps[i].slug for i in match.candidates)
            raise InvalidInput(
                f"Message {record.id} could belong to {names}.",
                key="message_ambiguous",
                actions=[Action(ActionKind.LINK_MAIL, message=record.id or 0)],
                number=record.id,
                names=names,
            )
        app_id = match.application_id
        if app_id is None and not (found.company or record.company):
            raise InvalidInput(
                f"Message {record.id} names no company.",
                key="message_without_company",
                actions=[Action(ActionKind.LINK_MAIL, message=record.id or 0)],
                number=record.id,
            )
    MailApplier(change.tracker, index, ImportSummary()).apply_record(record, app_id, found)
    change_id = change.checkpoint(f"Reviewed email “{record.subject[:60]}”")
    remember_change(change, record, change_id)


def accept(change: Change, record_id: int) -> MailRecord:
    """Take the tool's reading of a waiting message and make its change."""
    record = find_record(change, record_id)
    if record.status is not MailStatus.REVIEW:
        raise InvalidInput(f"Message {record_id} is not waiting for review (it is {record.status.value}).")
    if record.label not in JOB_LABELS:
        record.status = MailStatus.IGNORED
        return record
    _apply(change, record, None)
    return record


def link(change: Change, record_id: int, app_name: str) -> MailRecord:
    """Attach a message to the application the person names, and make its change there."""
    record = find_record(change, record_id)
    app = change.tracker.find(app_name)
    _take_back(change, record)
    _apply(change, record, app.id)
    return record


def ignore(change: Change, record_id: int) -> MailRecord:
    """Leave a waiting message aside; it changes nothing."""
    record = find_record(change, record_id)
    if record.status is MailStatus.APPLIED:
        raise InvalidInput(
            f"Message {record_id} already made its change.",
            key="message_applied",
            actions=[Action(ActionKind.RELABEL_MAIL, message=record_id, label=MailLabel.OTHER.value)],
            number=record_id,
        )
    record.status = MailStatus.IGNORED
    return record


def _take_back(change: Change, record: MailRecord) -> None:
    """Revert the change a message made, if it made one (refused when later changes depend on it)."""
    change_id = record.details.get("change")
    if record.status is MailStatus.APPLIED and isinstance(change_id, int):
        change.revert(change_id)
    record.application_id = None
    record.status = MailStatus.REVIEW


def relabel(change: Change, record_id: int, label: MailLabel, *, screening: bool = False) -> MailRecord:
    """Correct a message's label: take back what the wrong label did, apply the right one, keep it for training.
    `screening` says an interview message was a first call with a recruiter (the application moves to
    screening)."""
    record = find_record(change, record_id)
    if record.predicted_label is None:
        record.predicted_label = record.label
    was_applied = record.status is MailStatus.APPLIED
    _take_back(change, record)
    record = find_record(change, record_id)
    if label is not record.label:
        record.evidence = None  # the sentence backed the old reading, not this one
    record.label = label
    record.corrected = True
    record.confidence = 1.0
    details = {k: v for k, v in record.details.items() if k != "stage"}
    if screening and label is MailLabel.INTERVIEW:
        details["stage"] = "screening"
    record.details = details
    if label in JOB_LABELS and (was_applied or record.company):
        _apply(change, record, None)
    elif label not in JOB_LABELS:
        record.status = MailStatus.IGNORED
    return record
