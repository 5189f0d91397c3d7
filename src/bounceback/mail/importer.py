"""The one place where mail changes the tracker: classify, extract, match, then apply forward, explainably.

Flow of a run:
1. Load the keys of every message already seen; a seen message is skipped before it is even parsed.
2. Take new messages in batches: parse them, classify the batch at once.
3. Write each batch in one transaction: a seen-record for every message (content only for job mail), and for
   job mail the change it implies, each its own undo step. A killed run loses at most the open batch, which the
   next run redoes exactly, in the same order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import islice
from typing import TYPE_CHECKING, Any, Protocol

from bounceback.domain import rules
from bounceback.domain.mail import (
    IMPLIED_STAGE,
    JOB_LABELS,
    MailLabel,
    MailRecord,
    MailStatus,
    needs_review,
    stage_change,
)
from bounceback.domain.model import Application, ContactRole, EventKind, Origin
from bounceback.domain.naming import company_key
from bounceback.mail.classify.model import MailClassifier, Prediction
from bounceback.mail.classify.text import ClassifierInput
from bounceback.mail.extract import Extracted, extract
from bounceback.mail.keys import ID_LENGTH, id_part, identity
from bounceback.mail.match import AppIndex, Match, MatchReason, match_message
from bounceback.mail.message import ParseProblem
from bounceback.mail.senders import domain_of
from bounceback.tracker import Tracker
from bounceback.workspace import ReadModel, Workspace

if TYPE_CHECKING:
    from bounceback.workspace.change import Change

UNKNOWN_ROLE = "Role not stated"
BATCH_SIZE = 250


class IncomingMail(Protocol):
    """What the importer needs of a message a source hands over (IncomingMail, or IMAP's with its UID)."""

    @property
    def origin(self) -> str: ...

    @property
    def raw(self) -> bytes: ...


@dataclass
class ImportSummary:
    """What a run did, for the closing lines."""

    messages: int = 0
    already_seen: int = 0
    job_related: int = 0
    opened: int = 0
    stage_changes: int = 0
    review: int = 0
    shared_ids: int = 0  # messages whose Message-ID an earlier, different message already carried
    problems: list[ParseProblem] = field(default_factory=list)

    def add(self, other: ImportSummary) -> None:
        """Count another run's work in this summary (several accounts, several folders)."""
        for name in (
            "messages",
            "already_seen",
            "job_related",
            "opened",
            "stage_changes",
            "review",
            "shared_ids",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.problems += other.problems

    @property
    def malformed(self) -> int:
        return len(self.problems)

    @property
    def shared_id_note(self) -> str:
        """One sentence about messages that reused another's Message-ID ('' when none did)."""
        if not self.shared_ids:
            return ""
        count = "1 message carries" if self.shared_ids == 1 else f"{self.shared_ids:,} messages carry"
        return (
            f"{count} the Message-ID of a different message already seen; "
            "each was read as a message of its own, since an ID alone cannot tell them apart."
        )


def _batches(items: Iterable[IncomingMail], size: int) -> Iterator[list[IncomingMail]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


class MailImporter:
    """Applies mail to one workspace."""

    def __init__(
        self, workspace: Workspace, classifier: Callable[[], MailClassifier], *, source: str = "mail"
    ) -> None:
        self.workspace = workspace
        self._load_classifier = classifier  # loaded only once a message is new: a re-import never needs it
        self._classifier: MailClassifier | None = None
        self.source = source
        self.summary = ImportSummary()
        self._seen: set[str] = set()
        self._seen_ids: set[str] = set()
        self._index = AppIndex()

    # 1. What is already known ---------------------------------------------------------------------------
    def _load(self, read: ReadModel) -> None:
        self._seen = read.mail_keys()
        self._seen_ids = {found for key in self._seen if (found := id_part(key))}
        self._index = load_index(read)

    # 2. Parse and classify --------------------------------------------------------------------------------
    def _parse(self, batch: list[IncomingMail]) -> list[tuple[IncomingMail, str, Any]]:
        from bounceback.mail.parse import MailParseError, parse_message

        parsed = []
        for item in batch:
            found = identity(item.raw)
            key = found.key
            # A key stored before content hashes were added is the Message-ID alone: it counts as this message.
            if key in self._seen or (found.message_id is not None and found.message_id in self._seen):
                self.summary.already_seen += 1
                continue
            shared = found.message_id is not None and found.message_id[:ID_LENGTH] in self._seen_ids
            try:
                message = parse_message(item.raw, item.origin, key=key)
            except MailParseError as exc:
                self.summary.problems.append(ParseProblem(item.origin, str(exc)))
                continue
            self._seen.add(key)
            if found.message_id is not None:
                self._seen_ids.add(found.message_id[:ID_LENGTH])
            if shared:
                self.summary.shared_ids += 1
            parsed.append((item, key, message))
        return parsed

    def _classify(self, parsed: list[tuple[IncomingMail, str, Any]]) -> list[Prediction]:
        inputs = [
            ClassifierInput(m.subject, m.from_name, m.from_address, m.text, bool(m.is_list))
            for _, _, m in parsed
        ]
        if self._classifier is None:
            self._classifier = self._load_classifier()
        return self._classifier.predict(inputs)

    # 3. Apply ----------------------------------------------------------------------------------------------
    def run(
        self,
        items: Iterable[IncomingMail],
        *,
        on_batch: Callable[[Change, list[IncomingMail]], None] | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> ImportSummary:
        """Import every message; `on_batch` saves a source's progress inside each batch's transaction."""
        with self.workspace.read() as read:
            self._load(read)
        for batch in _batches(items, BATCH_SIZE):
            parsed = self._parse(batch)
            predictions = self._classify(parsed) if parsed else []
            with self.workspace.change(f"Mail from {self.source}", origin=Origin.EMAIL) as change:
                skipped = []
                for (_item, key, message), prediction in zip(parsed, predictions, strict=True):
                    if prediction.label in JOB_LABELS:
                        self._apply(change, key, message, prediction)
                    else:
                        skipped.append(self._skipped_row(key, prediction))
                change.store.insert_rows(MailRecord, skipped)
                if on_batch is not None:
                    on_batch(change, batch)
            self.summary.messages += len(batch)
            if progress is not None:
                progress(len(batch))
        return self.summary

    def _skipped_row(self, key: str, prediction: Prediction) -> dict[str, Any]:
        """Not job mail: keep only what is needed to skip it next time."""
        return {
            "key": key, "message_id": "", "source_path": "", "label": MailLabel.OTHER,
            "predicted_label": None, "corrected": False, "confidence": round(prediction.confidence, 4),
            "status": MailStatus.SKIPPED, "from_name": "", "from_address": "", "subject": "", "body": "", "html": "",
            "company": "", "role": "", "application_id": None, "details": {},
        }  # fmt: skip

    def _apply(self, change: Change, key: str, message: Any, prediction: Prediction) -> None:
        """Record one job message and make the change it implies (or queue it for review)."""
        self.summary.job_related += 1
        found = extract(message.subject, message.from_name, message.from_address, message.text)
        match = match_message(
            references=tuple(x for x in (message.in_reply_to, *message.references) if x),
            from_address=message.from_address,
            company=found.company,
            role=found.role,
            index=self._index,
        )
        record = MailRecord(
            key=key,
            label=prediction.label,
            confidence=round(prediction.confidence, 4),
            status=MailStatus.REVIEW,
            source_path=message.origin,
            message_id=message.message_id or "",
            received_at=message.date,
            from_name=message.from_name,
            from_address=message.from_address,
            subject=message.subject,
            body=message.text,
            html=message.html or "",
            company=found.company or "",
            role=found.role or "",
            details={
                "match": match.reason.value,
                "candidates": list(match.candidates),
                "ats": found.sender.ats,
            },
        )
        record = change.store.add(record)
        if not self._should_review(prediction, match, found):
            applier = MailApplier(change.tracker, self._index, self.summary)
            applier.apply_record(record, match.application_id, found)
        summary = f"Email “{message.subject[:60]}”: {prediction.label.value}"
        remember_change(change, record, change.checkpoint(summary))
        if record.status is MailStatus.REVIEW:
            self.summary.review += 1

    def _should_review(self, prediction: Prediction, match: Match, found: Extracted) -> bool:
        """Uncertain, ambiguous or nameless messages wait for the person."""
        if needs_review(prediction.label, prediction.confidence) or match.reason is MatchReason.AMBIGUOUS:
            return True
        return match.application_id is None and not found.company


class MailApplier:
    """Makes the change one job message implies; shared by the import and the review queue."""

    def __init__(self, tracker: Tracker, index: AppIndex, summary: ImportSummary) -> None:
        self.tracker = tracker
        self._index = index
        self.summary = summary

    def apply_record(self, record: MailRecord, app_id: int | None, found: Extracted) -> None:
        """Make the change a message implies: open its application, or move the matched one forward."""
        tracker = self.tracker
        when = record.received_at or datetime.now(UTC)
        cause = f"email: {record.subject[:80]}"
        if app_id is None:
            app = tracker.add(
                found.company or record.company, found.role or record.role or UNKNOWN_ROLE,
                stage=IMPLIED_STAGE[record.label], when=when, cause=cause,
            )  # fmt: skip
            self._index.add_app(app, tracker.company_of(app).name)
            self.summary.opened += 1
        else:
            app = tracker.get(app_id)
            target = stage_change(app.stage, record.label)
            if target is not None:
                tracker.move(app, target, when=when, cause=cause)
                self.summary.stage_changes += 1
        record.application_id = app.id
        record.status = MailStatus.APPLIED
        tracker.record(
            app,
            EventKind.EMAIL,
            when,
            f"Email from {record.from_name or record.from_address}: {record.subject}",
            cause=record.label.value,
        )
        self._learn(app, record, found)

    def _learn(self, app: Application, record: MailRecord, found: Extracted) -> None:
        """Remember the thread, the company's domain and the person who wrote."""
        tracker = self.tracker
        if record.message_id:
            self._index.threads[record.message_id.lower()] = app.id or 0
        company = tracker.company_of(app)
        domain = domain_of(record.from_address)
        ours = company_key(found.company or "") == company_key(company.name) or found.sender.person
        if (
            domain
            and ours
            and not found.sender.ats
            and not found.sender.board
            and domain not in company.domains
        ):
            tracker.ensure_company(company.name, domains=[domain])
            self._index.add_domain(domain, company.id or 0)
        if found.sender.person and record.from_address and rules.email_problem(record.from_address) is None:
            person = tracker.add_contact(record.from_name, company=company.name, email=record.from_address)
            tracker.link(app, person, ContactRole.RECRUITER, when=record.received_at)
            self._index.contact_apps.setdefault(record.from_address.lower(), set()).add(app.id or 0)


def remember_change(change: Change, record: MailRecord, change_id: int | None) -> None:
    """Note on the message which undo step holds its change, outside the journal (it is bookkeeping, not a
    change of its own: journaling it would make `undo` revert this note instead of the email's change).

    A message that already named an earlier change (it was reviewed or relabelled) gets that name back when
    this change is undone, so taking it back later reverts the change that really holds its effect.
    """
    before = dict(record.details)
    restore = change_id if change_id is not None and "change" in before else None
    change.store.set_quietly(record, restore_with=restore, details={**before, "change": change_id})


def load_index(read: ReadModel) -> AppIndex:
    """A snapshot of the search for matching: applications, company domains, contacts and threads."""
    index = AppIndex()
    views = read.applications()
    for view in views:
        index.add_app(view.app, view.company)
    for company in read.companies():
        for domain in company.domains:
            index.add_domain(domain, company.id or 0)
    for app_id, people in read.people_of(v.app.id or 0 for v in views).items():
        for person, _role in people:
            if person.email:
                index.contact_apps.setdefault(person.email.lower(), set()).add(app_id)
    for message_id, app_id in read.mail_threads():
        index.threads[message_id.lower()] = app_id
    return index
