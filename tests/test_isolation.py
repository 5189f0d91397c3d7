"""One door that knows who is asking: everything the workspace offers, run as person A against person B's
whole search, finds nothing of B's and changes nothing of B's. The calls are generated from the public methods
of the read model, the change, its store and its tracker, so a method added later is covered here or fails."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields, is_dataclass
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import create_engine, select
from sqlalchemy.pool import NullPool

from bounceback.domain.coaching import (
    BounceSession,
    CheckIn,
    FeedbackRequest,
    Goal,
    Lesson,
    LessonKind,
    Question,
    QuestionKind,
    ReminderState,
    ReminderStatus,
)
from bounceback.domain.errors import NotFound
from bounceback.domain.filters import ApplicationFilter
from bounceback.domain.mail import FolderState, MailAccount, MailLabel, MailRecord, MailStatus
from bounceback.domain.model import (
    Application,
    ApplicationContact,
    Company,
    Contact,
    ContactRole,
    Event,
    EventKind,
    Interview,
    Person,
)
from bounceback.domain.stages import Stage
from bounceback.storage.records import RECORDS
from bounceback.storage.schema import metadata
from bounceback.storage.store import Store
from bounceback.tracker import Tracker
from bounceback.workspace import ReadModel, Workspace
from bounceback.workspace.change import Change

A, B = 1, 2
WHEN = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@dataclass
class Theirs:
    """B's search: an id (and a name) of something in every table."""

    ids: dict[type, int]
    slug: str
    company: str
    contact_email: str
    contact_name: str
    folder: str
    year: int
    reminder_key: str
    mail_key: str
    change_id: int


def build_b(workspace: Workspace) -> Theirs:
    """A whole search for B: applications, people, interviews, mail, coaching, reminders and undo steps."""
    with workspace.change("B's search") as change:
        tracker, store = change.tracker, change.store
        app = tracker.add("Umbrella", "Data Engineer", stage=Stage.INTERVIEWING, when=WHEN, tags=["remote"])
        tracker.move(app, Stage.REJECTED, when=WHEN)
        person = tracker.add_contact("Wanda Bright", company="Umbrella", email="wanda@umbrella.example")
        tracker.link(app, person, ContactRole.INTERVIEWER)
        interview = tracker.add_interview(tracker.add("Umbrella", "Analyst"), Interview(0, WHEN), when=WHEN)
        record = store.add(
            MailRecord("b-key", MailLabel.REJECTION, 0.9, MailStatus.REVIEW, message_id="<b@umbrella>",
                       application_id=app.id, corrected=True, subject="No", source_path="imap:b-mail/INBOX/uid 1")
        )  # fmt: skip
        account = store.add(MailAccount("b-mail", "imap.umbrella.example", "wanda"))
        store.flush()
        state = store.add(FolderState(account.id or 0, "B-INBOX", 7))
        bounce = store.add(BounceSession(app.id or 0, WHEN))
        checkin = store.add(CheckIn(WHEN, mood=4, who5=[3, 3, 3, 3, 3]))
        lesson = store.add(Lesson(LessonKind.LEARNED, "B's lesson", WHEN, app.id))
        question = store.add(Question(QuestionKind.HARD, "B's question", WHEN, app.id))
        request = store.add(FeedbackRequest(app.id or 0, WHEN, person.id))
        goal = store.add(Goal(2026, 12))
        reminder = store.add(ReminderState("bounce:app-b", ReminderStatus.SNOOZED, WHEN))
        store.flush()
        link = store.first(ApplicationContact, application_id=app.id)
        event = store.first(Event, application_id=app.id)
        company = store.get(Company, app.company_id)
        assert link is not None and event is not None and company is not None
        records = (app, person, interview, record, account, state, bounce, checkin, lesson, question, request,
                   goal, reminder, link, event, company)  # fmt: skip
        ids = {_plain(type(r)): r.id or 0 for r in records}
    with workspace.read() as read:
        [journal] = read.records(RECORDS["changes"])
    ids[RECORDS["changes"]] = journal.id or 0
    return Theirs(ids, app.slug, "Umbrella", person.email, person.name, "B-INBOX", 2026, reminder.key, "b-key",
                  journal.id or 0)  # fmt: skip


def _plain(cls: type) -> type:
    return next(base for base in cls.__mro__ if base in RECORDS.values())


def rows_of(url: str, owner: int) -> dict[str, list[tuple[Any, ...]]]:
    """Every row a person owns, in every table, read through a connection of its own."""
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as connection:
            found = {}
            for table in metadata.sorted_tables:
                # the search's tables by owner; the server's (accounts, login sessions) by user; cohorts and
                # login attempts name nobody by id
                name = next((c for c in ("owner_id", "user_id") if c in table.c), None)
                if table.name != "users" and name is None:
                    continue
                column = table.c.id if table.name == "users" else table.c[name]
                query = select(table).where(column == owner).order_by(table.c.id)
                found[table.name] = [tuple(row) for row in connection.execute(query)]
            return found
    finally:
        engine.dispose()


@pytest.fixture
def two_people(workspace: Workspace) -> Iterator[tuple[Workspace, Workspace, Theirs]]:
    """Person A (the local one, with nothing yet) and person B (with a whole search) on one database."""
    with workspace.database.engine.begin() as connection:
        connection.execute(metadata.tables["users"].insert().values(id=B, name="B"))
    theirs_ws = workspace.as_owner(B)
    yield workspace, theirs_ws, build_b(theirs_ws)


# Finding nothing ---------------------------------------------------------------------------------------------
def is_nothing(value: Any) -> bool:
    """None, zero, an empty collection, a mapping of empties, or a version of an empty search."""
    if value is None or value == 0 or value == "None":
        return True
    if isinstance(value, dict):
        return all(is_nothing(v) for v in value.values())
    if isinstance(value, list | set | tuple):
        return all(is_nothing(v) for v in value) if isinstance(value, tuple) else not value
    return False


def outcome(call: Callable[[], Any]) -> Any:
    """What a call gave; NotFound counts as nothing found."""
    try:
        return call()
    except NotFound:
        return None


def public_methods(cls: type) -> list[str]:
    """The public methods and properties of a class, as a newcomer would find them."""
    return sorted(name for name, _ in inspect.getmembers(cls) if not name.startswith("_"))


def read_arguments(theirs: Theirs) -> dict[str, list[Any]]:
    """For each parameter name the read model uses: the values that point at B's things."""
    ids = theirs.ids
    return {
        "cls": [cls for cls in RECORDS.values() if cls is not Person],
        "wanted": [None, ApplicationFilter(), ApplicationFilter(text="umbrella"), ApplicationFilter(stages=[Stage.REJECTED])],
        "name": [theirs.slug, str(ids[Application])],
        "app_id": [ids[Application]],
        "app_ids": [[ids[Application]]],
        "company_id": [ids[Company]],
        "contact_id": [ids[Contact]],
        "record_id": [ids[MailRecord]],
        "account_id": [ids[MailAccount]],
        "folder": [theirs.folder],
        "year": [theirs.year],
        "kinds": [list(EventKind)],
        "prefix": ["imap:b-mail/", ""],
        "now": [datetime(2099, 1, 1, tzinfo=UTC)],
        "table": [table.name for table in metadata.sorted_tables],
        "row_id": sorted(set(ids.values())),  # far ahead: everything of B's would be due
    }  # fmt: skip


LIFECYCLE = {"close"}  # not a question: it ends the read model


def test_every_read_as_a_finds_nothing_of_b(two_people) -> None:
    """GIVEN B's whole search and A with nothing WHEN A asks every question the read model answers, with B's
    ids, names and years THEN each answer is empty (or not found)."""
    mine, _, theirs = two_people
    arguments = read_arguments(theirs)
    asked = []
    with mine.read() as read:
        for name in public_methods(ReadModel):
            if name in LIFECYCLE or not callable(getattr(read, name)):
                continue
            method = getattr(read, name)
            wanted = [p for p in inspect.signature(method).parameters.values() if p.default is p.empty]
            unknown = [p.name for p in wanted if p.name not in arguments]
            assert not unknown, f"teach test_isolation what ReadModel.{name}({', '.join(unknown)}) is for B"
            optional = [
                p.name
                for p in inspect.signature(method).parameters.values()
                if p.name in arguments and p.default is not p.empty
            ]
            for values in _combinations([arguments[p.name] for p in wanted]):
                given = dict(zip((p.name for p in wanted), values, strict=True))
                found = outcome(lambda: method(**given))  # noqa: B023
                assert is_nothing(found), (name, given, found)
                for extra in optional:
                    for value in arguments[extra]:
                        found = outcome(lambda: method(**given, **{extra: value}))  # noqa: B023
                        assert is_nothing(found), (name, given, extra, found)
            asked.append(name)
    assert "applications" in asked and "unfinished_session" in asked and "records" in asked


def _combinations(choices: list[list[Any]]) -> Iterator[tuple[Any, ...]]:
    if not choices:
        yield ()
        return
    for first in choices[0]:
        for rest in _combinations(choices[1:]):
            yield (first, *rest)


# Changing nothing -------------------------------------------------------------------------------------------
Calls = dict[str, Callable[[Change, Theirs], Any]]


def records_of_b(value: Any) -> list[Any]:
    """Every record in a result that belongs to B."""
    if isinstance(value, list | tuple | set):
        return [r for v in value for r in records_of_b(v)]
    if isinstance(value, dict):
        return [r for v in value.values() for r in records_of_b(v)]
    if is_dataclass(value) and not isinstance(value, type):
        return [value] if getattr(value, "owner_id", A) == B else []
    return []


def store_calls() -> Calls:
    """Every public method of the store, called in A's change with B's ids (or B's owner number)."""
    kinds = [cls for cls in RECORDS.values() if cls is not Person]

    def each(make: Callable[[Store, type, Theirs], Any]) -> Callable[[Change, Theirs], Any]:
        return lambda change, theirs: [make(change.store, cls, theirs) for cls in kinds]

    return {
        "all": each(lambda store, cls, _t: store.all(cls)),
        "first": each(lambda store, cls, _t: store.first(cls)),
        "count": each(lambda store, cls, _t: store.count(cls)),
        "values": each(lambda store, cls, _t: store.values(cls, "id")),
        "get": each(lambda store, cls, theirs: store.get(cls, theirs.ids.get(cls, 1))),
        "people_of": lambda change, theirs: change.store.people_of(theirs.ids[Application]),
        "person": lambda change, _t: change.store.person(),
        "add": lambda change, _t: change.store.add(Company("Umbrella", owner_id=B)),
        "insert_rows": lambda change, _t: change.store.insert_rows(
            MailRecord, [{"owner_id": B, "key": "planted", "label": "other", "confidence": 0.5, "status": "skipped"}]
        ),
        "flush": lambda change, _t: change.store.flush(),
        "forget": lambda change, _t: change.store.forget(),
    }  # fmt: skip


def tracker_calls() -> Calls:
    """Every public method of the tracker that names things by id, name or email, with B's."""
    return {
        "companies": lambda change, _t: change.tracker.companies(),
        "applications": lambda change, _t: change.tracker.applications(),
        "contacts": lambda change, _t: change.tracker.contacts(),
        "interviews": lambda change, _t: change.tracker.interviews(),
        "find": lambda change, theirs: change.tracker.find(theirs.slug),
        "get": lambda change, theirs: change.tracker.get(theirs.ids[Application]),
        "find_company": lambda change, theirs: change.tracker.find_company(theirs.company),
        "find_contact": lambda change, theirs: change.tracker.find_contact(theirs.contact_email),
        "ensure_company": lambda change, theirs: change.tracker.ensure_company(theirs.company, domains=["umbrella.example"]),
        "add": lambda change, theirs: change.tracker.add(theirs.company, "Data Engineer", when=WHEN),
        "add_contact": lambda change, theirs: change.tracker.add_contact(theirs.contact_name, email=theirs.contact_email),
        "forget": lambda change, _t: change.tracker.forget(),
    }  # fmt: skip


def change_calls() -> Calls:
    """The change's own steps, aimed at B's undo step."""
    return {
        "checkpoint": lambda change, _t: change.checkpoint("A's step"),
        "revert": lambda change, theirs: change.revert(theirs.change_id),
    }


# Methods that take a record rather than naming one: A gets records only from the calls above, which find none
# of B's. `read` and `tracker`/`store` are the change's parts, tested on their own.
TAKES_A_RECORD = {
    Tracker: {"company_of", "walk_to", "move", "edit", "note", "delete", "record", "timeline", "link", "people_of", "add_interview"},
    Store: {"delete", "set_quietly"},
    Change: {"read"},
}  # fmt: skip
CALLS = {Store: store_calls(), Tracker: tracker_calls(), Change: change_calls()}


@pytest.mark.parametrize("cls", [Store, Tracker, Change], ids=lambda c: c.__name__)
def test_every_method_is_covered(cls: type) -> None:
    """GIVEN the public methods of the change, its store and its tracker WHEN held against this test's calls
    THEN every one is called with B's data, or takes a record that only those calls hand out."""
    missing = set(public_methods(cls)) - set(CALLS[cls]) - TAKES_A_RECORD[cls]
    assert not missing, (
        f"teach test_isolation how A calls {cls.__name__}.{', '.join(sorted(missing))} on B's data"
    )


def test_every_write_as_a_changes_nothing_of_b(two_people, settings) -> None:
    """GIVEN B's whole search WHEN A, in one change, calls every method of the store, the tracker and the
    change with B's ids, names, emails and undo step, then undoes what A did THEN nothing A got back is B's,
    lookups of B's things are not found, and every row B owns is exactly as it was."""
    mine, _, theirs = two_people
    before = rows_of(settings.url, B)
    with mine.change("A tries B's things") as change:
        for cls, calls in CALLS.items():
            for name, call in calls.items():
                found = outcome(lambda: call(change, theirs))  # noqa: B023
                assert records_of_b(found) == [], (cls.__name__, name, found)
        assert change.tracker.find_company("Umbrella") is not None  # A's own now, from ensure_company
        assert change.store.get(Company, theirs.ids[Company]) is None
    assert rows_of(settings.url, B) == before
    while True:
        try:
            mine.undo()
        except NotFound:
            break
    assert rows_of(settings.url, B) == before


def test_the_services_refuse_b_s_things_by_id(two_people, settings) -> None:
    """GIVEN B's search and A's own rejected application WHEN A's change asks the coach, the reminders and the
    review queue for B's session, feedback request and message THEN each is not found, and B is unchanged."""
    from bounceback.coach.session import BounceRunner
    from bounceback.mail import review
    from bounceback.outreach.marking import record_feedback_outcome

    mine, _, theirs = two_people
    before = rows_of(settings.url, B)
    with mine.change("A's own") as change:
        change.tracker.add("Initech", "Analyst", stage=Stage.REJECTED, when=WHEN)
    attempts: list[Callable[[Change], Any]] = [
        lambda change: BounceRunner.open(change, theirs.slug),
        lambda change: BounceRunner.open(change, "initech", session_id=theirs.ids[BounceSession]),
        lambda change: record_feedback_outcome(
            change, theirs.ids[FeedbackRequest], WHEN, answer="x", none=False
        ),
        lambda change: review.find_record(change, theirs.ids[MailRecord]),
        lambda change: review.accept(change, theirs.ids[MailRecord]),
        lambda change: review.ignore(change, theirs.ids[MailRecord]),
        lambda change: review.relabel(change, theirs.ids[MailRecord], MailLabel.OTHER),
    ]
    for attempt in attempts:
        with pytest.raises(NotFound), mine.change("A tries") as change:
            attempt(change)
    assert rows_of(settings.url, B) == before


def test_each_transaction_says_who_is_asking(workspace: Workspace, settings) -> None:
    """GIVEN PostgreSQL WHEN a change and a read run THEN the transaction carries the person's id in
    `bounceback.owner_id` (what row-level security policies will check); SQLite needs none."""
    from bounceback.storage.owner import CURRENT_OWNER_SQL

    if workspace.database.dialect != "postgresql":
        pytest.skip("the owner setting is PostgreSQL's; on SQLite one file is one person's")
    with workspace.change("look") as change:
        seen_in_change = change.read._value(CURRENT_OWNER_SQL)
    with workspace.read() as read:
        seen_in_read = read._value(CURRENT_OWNER_SQL)
    assert (seen_in_change, seen_in_read) == (str(A), str(A))
    with workspace.database.engine.connect() as connection:
        from sqlalchemy import text

        assert connection.execute(text(CURRENT_OWNER_SQL)).scalar() in (None, "")


def test_the_record_types_are_all_seen() -> None:
    """GIVEN B's search as built here WHEN its record types are listed THEN every table but users has one, so
    the store calls above meet a record of B's in each table."""
    built = {Application, Contact, Interview, MailRecord, MailAccount, FolderState, BounceSession, CheckIn,
             Lesson, Question, FeedbackRequest, Goal, ReminderState, ApplicationContact, Event, Company}  # fmt: skip
    assert built | {RECORDS["changes"], Person} == set(RECORDS.values())
    assert all(
        f.name != "owner_id" for f in fields(Person)
    )  # the person is the owner; no store call needs it
