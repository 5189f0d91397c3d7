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
from datetime import UTC, datetime
from itertools import islice
from typing import TYPE_CHECKING, Any, Protocol

from bounceback.domain import rules
from bounceback.domain.errors import InvalidInput
from bounceback.domain.mail import (
    JOB_LABELS,
    MailLabel,
    MailRecord,
    MailStatus,
    implied_stage,
    needs_review,
    stage_change,
)
from bounceback.domain.model import (
    Application,
    ContactRole,
    EventKind,
    Interview,
    InterviewKind,
    Origin,
)
from bounceback.domain.naming import company_key
from bounceback.mail.calendar import from_calendar_service
from bounceback.mail.classify.interface import Classifier, Prediction
from bounceback.mail.classify.text import ClassifierInput
from bounceback.mail.extract import Extracted, extract
from bounceback.mail.keys import ID_LENGTH, id_part, identity
from bounceback.mail.match import AppIndex, Match, MatchReason, match_message
from bounceback.mail.message import MailMessage, ParseProblem
from bounceback.mail.senders import domain_of
from bounceback.mail.summary import ImportSummary, NamedChange
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


def _batches(items: Iterable[IncomingMail], size: int) -> Iterator[list[IncomingMail]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


class MailImporter:
    """Applies mail to one workspace."""

    def __init__(
        self, workspace: Workspace, classifier: Callable[[], Classifier], *, source: str = "mail"
    ) -> None:
        self.workspace = workspace
        self._load_classifier = classifier  # loaded only once a message is new: a re-import never needs it
        self._classifier: Classifier | None = None
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
        inputs = [classifier_input(m) for _, _, m in parsed]
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
                skipped, jobs = [], []
                for (_item, key, message), prediction in zip(parsed, predictions, strict=True):
                    if prediction.label in JOB_LABELS or prediction.maybe is not None:
                        jobs.append((key, message, prediction, self._read(message)))
                    else:
                        skipped.append(self._skipped_row(key, prediction))
                for key, message, prediction, reading in jobs:
                    self._apply(change, key, message, prediction, reading)
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

    def _read(self, message: Any) -> tuple[Extracted, dict[str, object] | None]:
        """Company, role and sender of a job message, and its invitation (read by its organiser's name when a
        calendar service sent it)."""
        invitation = first_invitation(message.calendar)
        name, address = message.from_name, message.from_address
        if invitation is not None and invitation["organizer_address"] and from_calendar_service(address):
            name, address = str(invitation["organizer_name"]), str(invitation["organizer_address"])
        return extract(message.subject, name, address, message.text), invitation

    def _match(self, message: Any, found: Extracted) -> Match:
        return match_message(
            references=tuple(x for x in (message.in_reply_to, *message.references) if x),
            from_address=message.from_address,
            company=found.company,
            role=found.role,
            index=self._index,
        )

    def _apply(
        self,
        change: Change,
        key: str,
        message: Any,
        prediction: Prediction,
        reading: tuple[Extracted, dict[str, object] | None],
    ) -> None:
        """Record one job message and make the change it implies (or queue it for review)."""
        self.summary.job_related += 1
        found, invitation = reading
        match = self._match(message, found)
        details: dict[str, object] = {
            "match": match.reason.value,
            "candidates": list(match.candidates),
            "ats": found.sender.ats,
        }
        if prediction.screening:
            details["stage"] = "screening"
        if prediction.notes:
            details["notes"] = list(prediction.notes)
        if prediction.maybe is not None:
            details["maybe"] = prediction.maybe.value
        if invitation is not None:
            details["invitation"] = invitation
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
            details=details,
            evidence=prediction.evidence,
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
        if not prediction.readable or prediction.maybe is not None:
            return True  # nothing to read, or a decision in mail that does not read as job mail: the person decides
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
        screening = record.details.get("stage") == "screening"
        stage = implied_stage(record.label, screening=screening)
        if stage is None:
            raise ValueError(f"{record.label.value} mail implies no stage")
        if app_id is None:
            app = tracker.add(
                found.company or record.company, found.role or record.role or UNKNOWN_ROLE,
                stage=stage, when=when, cause=cause,
            )  # fmt: skip
            self._index.add_app(app, tracker.company_of(app).name)
            self.summary.opened += 1
        else:
            app = tracker.get(app_id)
            target = stage_change(app.stage, record.label, screening=screening)
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
        interview_at = self._schedule(app, record, when, screening=screening)
        if record.label in NAMED_LABELS or interview_at:
            if record.id is None:
                tracker.store.flush()  # the summary names the message by its number
            company = tracker.company_of(app)
            named = NamedChange(
                record.label, record_id=record.id or 0, application_id=app.id or 0, application=app.slug,
                company=company.name, role=app.role, evidence=record.evidence, interview_at=interview_at,
            )  # fmt: skip
            self.summary.named.append(named)
        self._learn(app, record, found)

    def _schedule(
        self, app: Application, record: MailRecord, when: datetime, *, screening: bool
    ) -> str | None:
        """Record the interview an invitation sets up (its own time and zone), once per start time."""
        invitation = record.details.get("invitation")
        if record.label is not MailLabel.INTERVIEW or not isinstance(invitation, dict):
            return None
        if invitation.get("cancelled"):
            return None
        starts = datetime.fromisoformat(str(invitation["starts_at"]))
        if any(i.starts_at == starts for i in self.tracker.interviews(app)):
            return None
        interview = Interview(
            application_id=app.id or 0, starts_at=starts, timezone=str(invitation["timezone"]), round=0,
            kind=InterviewKind(str(invitation["kind"])), duration_minutes=int(str(invitation["minutes"])),
            location=str(invitation.get("location") or "")[:300], notes=str(invitation.get("summary") or "")[:300],
        )  # fmt: skip
        try:
            self.tracker.add_interview(app, interview, screening=screening, when=when)
        except InvalidInput:  # the application is closed: the invitation is kept with the message only
            return None
        self.summary.interviews += 1
        return str(invitation["local"])

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


NAMED_LABELS = frozenset({MailLabel.REJECTION, MailLabel.OFFER})


def classifier_input(message: MailMessage) -> ClassifierInput:
    """What the classifier reads of a parsed message (an invitation's summary and time included)."""
    return ClassifierInput(
        message.subject, message.from_name, message.from_address, message.text, message.is_list,
        calendar_text(message.calendar or ""),
    )  # fmt: skip


def calendar_text(ics: str) -> str:
    """What the classifier reads of an invitation (nothing when there is none)."""
    from bounceback.mail.calendar import invitation_text

    return invitation_text(ics)


def first_invitation(ics: str | None) -> dict[str, object] | None:
    """The first timed event of a calendar part as plain data, kept with the message (applied now or after
    review)."""
    if not ics:
        return None
    from bounceback.mail.calendar import read_invitations

    found = read_invitations(ics)
    if not found:
        return None
    first = found[0]
    return {
        "starts_at": first.starts_at.isoformat(), "timezone": first.timezone, "minutes": first.duration_minutes,
        "kind": first.kind.value, "location": first.location, "summary": first.summary,
        "cancelled": first.cancelled, "uid": first.uid, "local": first.local_text(),
        "organizer_name": first.organizer_name, "organizer_address": first.organizer_address,
    }  # fmt: skip


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
