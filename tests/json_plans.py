"""Random workspaces for the JSON round-trip properties: every kind of record the document holds, with the
references between them (real ones and those hidden inside reminder keys and JSON fields)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from hypothesis import strategies as st

from bounceback.domain.coaching import (
    BounceSession,
    CheckIn,
    FeedbackOutcome,
    FeedbackRequest,
    Goal,
    Lesson,
    LessonKind,
    Question,
    QuestionKind,
    ReminderState,
    ReminderStatus,
)
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
    InterviewKind,
    Origin,
    Source,
    WorkMode,
)
from bounceback.domain.stages import Stage
from bounceback.workspace import Workspace

Plan = dict[str, list[dict[str, Any]]]
OTHER_OWNER = 2

# Any text where the rule book allows any (notes, timeline summaries); one line of printable text where it wants
# one (names, titles, places, tags); addresses and links as the rule book takes them; days within its window.
TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=24)
LINE = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=24)
NAMES = LINE.filter(str.strip)
EMAILS = st.just("") | st.from_regex(r"[a-z]{1,8}(\.[a-z]{1,5})?@[a-z]{1,8}\.example", fullmatch=True)
LINKS = st.just("") | st.from_regex(r"https?://[a-z]{1,10}\.example(/[a-z0-9]{1,8})?", fullmatch=True)
THIS_YEAR = date.today().year
LAST_YEAR = THIS_YEAR + 9
MOMENTS = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(LAST_YEAR, 1, 1), timezones=st.just(UTC)
)
DAYS = st.dates(min_value=date(2000, 1, 1), max_value=date(LAST_YEAR, 1, 1))
ZONES = st.sampled_from(["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata"])
# Free-form details; the keys that name records (see transfer/json_links.py) are drawn on purpose below.
REFERENCE_KEYS = {"contact", "contact_id", "interview", "request", "candidates", "change"}
DETAILS = st.dictionaries(
    TEXT.filter(lambda k: k not in REFERENCE_KEYS),
    st.one_of(st.none(), st.booleans(), st.integers(-1000, 1000), TEXT),
    max_size=3,
)


def _salary_in_order(app: dict[str, Any]) -> dict[str, Any]:
    """A salary range as the rule book keeps it: the lowest first."""
    low, high = app["salary_min"], app["salary_max"]
    if low is not None and high is not None and low > high:
        app["salary_min"], app["salary_max"] = high, low
    return app


def _pick(draw: Any, items: list[Any]) -> int | None:
    """A position in `items`, or None."""
    return draw(st.none() | st.integers(0, len(items) - 1)) if items else None


@st.composite
def workspaces(draw: Any) -> Plan:
    """A random workspace: field values for every kind of record, references given as list positions."""
    plan = draw(_tracker())
    plan.update(draw(_around(plan)))
    return plan


@st.composite
def _tracker(draw: Any) -> Plan:
    """Companies, applications, contacts, their links, interviews and timeline entries."""
    companies = draw(st.lists(st.fixed_dictionaries({"name": NAMES, "domains": st.lists(TEXT, max_size=2),
                                                     "notes": TEXT}), min_size=1, max_size=4))  # fmt: skip
    n_companies = len(companies)
    apps = draw(
        st.lists(
            st.fixed_dictionaries(
                {
                    "company": st.integers(0, n_companies - 1),
                    "role": NAMES,
                    "slug": st.from_regex(r"[a-z0-9]{1,12}(-[a-z0-9]{1,8})?", fullmatch=True),
                    "location": LINE,
                    "work_mode": st.none() | st.sampled_from(WorkMode),
                    "source": st.none() | st.sampled_from(Source),
                    "url": LINKS,
                    "salary_min": st.none() | st.integers(0, 10**7),
                    "salary_max": st.none() | st.integers(0, 10**7),
                    "salary_currency": st.sampled_from(["", "EUR", "USD"]),
                    "saved_on": st.none() | DAYS,
                    "applied_on": st.none() | DAYS,
                    "deadline": st.none() | DAYS,
                    "excitement": st.none() | st.integers(1, 5),
                    "dream_job": st.booleans(),
                    "tags": st.lists(LINE, max_size=3),
                    "notes": TEXT,
                    "stage": st.sampled_from(Stage),
                    "furthest_stage": st.sampled_from(Stage),
                    "closed_from": st.none() | st.sampled_from(Stage),
                    "close_reason": TEXT,
                    "interview_rounds": st.integers(0, 9),
                    "created_at": st.none() | MOMENTS,
                    "updated_at": st.none() | MOMENTS,
                    "last_activity_at": st.none() | MOMENTS,
                    "closed_at": st.none() | MOMENTS,
                }
            ),
            max_size=5,
            unique_by=lambda a: a["slug"],
        ).map(lambda apps: [_salary_in_order(a) for a in apps])
    )
    contacts = draw(st.lists(st.fixed_dictionaries({
        "name": NAMES, "email": EMAILS, "phone": LINE, "linkedin_url": LINKS, "title": LINE, "notes": TEXT,
        "company": st.none() | st.integers(0, n_companies - 1),
    }), max_size=3))  # fmt: skip
    found: Plan = {"companies": companies, "applications": apps, "contacts": contacts}
    found["links"], found["interviews"] = [], []
    if apps and contacts:
        link = st.tuples(
            st.integers(0, len(apps) - 1), st.integers(0, len(contacts) - 1), st.sampled_from(ContactRole)
        )
        found["links"] = [{"app": a, "contact": c, "role": r} for a, c, r in draw(st.sets(link, max_size=4))]
    if apps:
        app_index = st.integers(0, len(apps) - 1)
        found["interviews"] = draw(st.lists(st.fixed_dictionaries({
            "app": app_index, "starts_at": MOMENTS, "timezone": ZONES, "round": st.integers(1, 5),
            "kind": st.sampled_from(InterviewKind), "duration_minutes": st.integers(5, 480), "location": TEXT,
            "interviewers": TEXT, "notes": TEXT,
        }), max_size=3))  # fmt: skip
    return found


@st.composite
def _around(draw: Any, plan: Plan) -> Plan:
    """Feedback requests, timeline entries, mail, accounts, sessions, lessons, questions, check-ins, goals and
    reminder answers, pointing at the tracker's records."""
    apps, contacts, interviews = plan["applications"], plan["contacts"], plan["interviews"]
    found: Plan = {key: [] for key in ("requests", "events", "sessions", "lessons", "questions")}
    if apps:
        app_index = st.integers(0, len(apps) - 1)
        found["requests"] = draw(st.lists(st.fixed_dictionaries({
            "app": app_index, "contact": st.none() | st.integers(0, max(len(contacts) - 1, 0)),
            "requested_at": MOMENTS, "outcome": st.sampled_from(FeedbackOutcome), "answer": TEXT,
            "answered_at": st.none() | MOMENTS,
        }), max_size=2))  # fmt: skip
        if not contacts:
            for request in found["requests"]:
                request["contact"] = None
        events = draw(st.lists(st.fixed_dictionaries({
            "app": app_index, "kind": st.sampled_from(EventKind), "occurred_at": MOMENTS, "summary": TEXT,
            "origin": st.sampled_from(Origin), "cause": TEXT, "from_stage": st.none() | st.sampled_from(Stage),
            "to_stage": st.none() | st.sampled_from(Stage), "details": DETAILS,
        }), max_size=6))  # fmt: skip
        for event in events:
            event["refs"] = {
                "contact": _pick(draw, contacts),
                "interview": _pick(draw, interviews),
                "request": _pick(draw, found["requests"]),
            }
        found["events"] = events
        found["sessions"] = draw(st.lists(st.fixed_dictionaries({
            "app": app_index, "started_at": MOMENTS, "finished_at": st.none() | MOMENTS, "step": NAMES,
            "mood_before": st.none() | st.integers(0, 10), "mood_after": st.none() | st.integers(0, 10),
            "self_worth_pct": st.none() | st.integers(0, 100), "ask": st.booleans(),
        }), max_size=2))  # fmt: skip
        for session in found["sessions"]:
            session["contact"] = _pick(draw, contacts)
    maybe_app = st.none() | st.integers(0, len(apps) - 1) if apps else st.none()
    found["lessons"] = draw(st.lists(st.fixed_dictionaries({
        "app": maybe_app, "kind": st.sampled_from(LessonKind), "text": NAMES, "created_at": MOMENTS,
    }), max_size=3))  # fmt: skip
    found["questions"] = draw(st.lists(st.fixed_dictionaries({
        "app": maybe_app, "kind": st.sampled_from(QuestionKind), "text": NAMES, "notes": TEXT, "created_at": MOMENTS,
    }), max_size=3))  # fmt: skip
    found["checkins"] = draw(st.lists(st.fixed_dictionaries({
        "at": MOMENTS, "mood": st.none() | st.integers(0, 10), "who5": st.lists(st.integers(0, 5), max_size=5),
        "note": TEXT,
    }), max_size=2))  # fmt: skip
    found["goals"] = draw(st.lists(st.fixed_dictionaries({"year": st.integers(THIS_YEAR - 10, THIS_YEAR + 10),
                                                          "rejections": st.integers(1, 500)}),
                                   max_size=2, unique_by=lambda g: g["year"]))  # fmt: skip
    found["accounts"] = draw(st.lists(st.fixed_dictionaries({
        "name": NAMES, "host": NAMES, "username": TEXT, "port": st.integers(1, 65535),
        "security": st.sampled_from(["ssl", "starttls"]), "folders": st.lists(NAMES, min_size=1, max_size=2),
        "auth": st.sampled_from(["password", "xoauth2"]),
        "states": st.lists(st.fixed_dictionaries({"folder": NAMES, "uidvalidity": st.integers(1, 2**31 - 1),
                                                  "last_uid": st.integers(0, 2**31 - 1),
                                                  "synced_at": st.none() | MOMENTS}),
                           max_size=2, unique_by=lambda s: s["folder"]),
    }), max_size=2, unique_by=lambda a: a["name"]))  # fmt: skip
    found["messages"] = draw(st.lists(st.fixed_dictionaries({
        "key": NAMES, "label": st.sampled_from(MailLabel), "confidence": st.floats(0, 1),
        "status": st.sampled_from(MailStatus), "source_path": TEXT, "message_id": TEXT,
        "received_at": st.none() | MOMENTS, "from_name": TEXT, "from_address": TEXT, "subject": TEXT, "body": TEXT,
        "html": TEXT, "company": TEXT, "role": TEXT, "predicted_label": st.none() | st.sampled_from(MailLabel),
        "corrected": st.booleans(), "match": TEXT,
    }), max_size=4, unique_by=lambda m: m["key"]))  # fmt: skip
    for message in found["messages"]:
        message["app"] = _pick(draw, apps)
        message["candidates"] = draw(st.lists(st.integers(0, len(apps) - 1), max_size=2)) if apps else []
    found["reminders"] = draw(
        st.lists(_reminder(plan, found["requests"]), max_size=4, unique_by=lambda r: str(r["key"]))
    )
    return found


@st.composite
def _reminder(draw: Any, plan: Plan, requests: list[dict[str, Any]]) -> dict[str, Any]:
    """A reminder answer whose key names records as the due list does ("interview:app2:iv4"); its parts are
    positions for now, written as ids once the records are stored."""
    shapes = [("checkin", [])]
    if plan["applications"]:
        shapes += [("bounce", ["app"]), ("ghosted", ["app", "day"])]
        if plan["interviews"]:
            shapes.append(("thank_you", ["app", "iv"]))
        if requests:
            shapes.append(("feedback_outcome", ["app", "fr"]))
        if plan["contacts"]:
            shapes.append(("reconnect", ["app", "c"]))
    kind, parts = draw(st.sampled_from(shapes))
    sizes = {"app": plan["applications"], "iv": plan["interviews"], "fr": requests, "c": plan["contacts"]}
    key: list[Any] = [kind]
    for part in parts:
        if part == "day":
            key.append(draw(DAYS).isoformat())
        else:
            key.append((part, draw(st.integers(0, len(sizes[part]) - 1))))
    if kind == "checkin":
        key.append(f"{draw(st.integers(2000, 2090))}-W{draw(st.integers(1, 52)):02d}")
    return {
        "key": key,
        "status": draw(st.sampled_from(ReminderStatus)),
        "updated_at": draw(MOMENTS),
        "snoozed_until": draw(st.none() | MOMENTS),
    }


def store(ws: Workspace, plan: Plan) -> None:
    """Write a generated workspace straight into a database, every table's ids starting above 1 (a first
    record made and deleted), so a document key can never be mistaken for a database id."""
    with ws.change("seed") as change:
        add, flush = change.store.add, change.store.flush
        spacers = _spacers(change)
        companies = [add(Company(**c)) for c in plan["companies"]]
        flush()
        apps = [add(Application(company_id=companies[a.pop("company")].id or 0, **a))
                for a in map(dict, plan["applications"])]  # fmt: skip
        contacts = [
            add(Contact(company_id=None if c["company"] is None else companies[c["company"]].id,
                        **{k: v for k, v in c.items() if k != "company"}))
            for c in plan["contacts"]
        ]  # fmt: skip
        flush()
        for link in plan["links"]:
            app_id, contact_id = apps[link["app"]].id or 0, contacts[link["contact"]].id or 0
            add(ApplicationContact(application_id=app_id, contact_id=contact_id, role=link["role"]))
        interviews = [
            add(Interview(application_id=apps[iv.pop("app")].id or 0, **iv))
            for iv in map(dict, plan["interviews"])
        ]
        requests = [
            add(FeedbackRequest(application_id=apps[r.pop("app")].id or 0,
                                contact_id=None if r["contact"] is None else contacts[r["contact"]].id,
                                **{k: v for k, v in r.items() if k != "contact"}))
            for r in map(dict, plan["requests"])
        ]  # fmt: skip
        flush()
        ids = {"app": apps, "iv": interviews, "fr": requests, "c": contacts}
        for ev in map(dict, plan["events"]):
            refs = ev.pop("refs")
            details = dict(ev.pop("details"))
            for key, rows in (("contact", contacts), ("interview", interviews), ("request", requests)):
                if refs[key] is not None:
                    details[key] = rows[refs[key]].id
            add(Event(application_id=apps[ev.pop("app")].id or 0, details=details, **ev))
        for s in map(dict, plan["sessions"]):
            contact, ask = s.pop("contact"), s.pop("ask")
            answer: dict[str, Any] = {"ask": ask}
            if contact is not None:
                answer["contact"] = f"contact-{contacts[contact].id}"
            add(BounceSession(application_id=apps[s.pop("app")].id or 0, answers={"feedback": answer}, **s))
        for cls, key in ((Lesson, "lessons"), (Question, "questions")):
            for row in map(dict, plan[key]):
                app = row.pop("app")
                add(cls(application_id=None if app is None else apps[app].id, **row))
        for record in [CheckIn(**c) for c in plan["checkins"]] + [Goal(**g) for g in plan["goals"]]:
            add(record)
        for a in map(dict, plan["accounts"]):
            states = a.pop("states")
            account = add(MailAccount(**a))
            flush()
            for state in states:
                add(FolderState(account_id=account.id or 0, **state))
        for m in map(dict, plan["messages"]):
            app, candidates, match = m.pop("app"), m.pop("candidates"), m.pop("match")
            details = {"match": match, "candidates": [apps[c].id for c in candidates], "change": 7}
            add(MailRecord(application_id=None if app is None else apps[app].id, details=details, **m))
        for r in map(dict, plan["reminders"]):
            parts = [p if isinstance(p, str) else f"{p[0]}{ids[p[0]][p[1]].id}" for p in r.pop("key")]
            add(ReminderState(key=":".join(parts), **r))
        flush()
        for record in spacers:  # children first, one at a time: the ORM orders deletes by nothing here
            change.store.delete(record)
            flush()


def _spacers(change: Any) -> list[Any]:
    """A first record in the tables other records point at, to be deleted once the real ones are stored
    (children first)."""
    add, flush = change.store.add, change.store.flush
    company = add(Company(name="spacer"))
    flush()
    app = add(Application(company_id=company.id or 0, role="spacer", slug="spacer-x", stage=Stage.SAVED,
                          furthest_stage=Stage.SAVED))  # fmt: skip
    contact = add(Contact(name="spacer"))
    flush()
    interview = add(Interview(application_id=app.id or 0, starts_at=datetime(2000, 1, 1, tzinfo=UTC)))
    request = add(FeedbackRequest(application_id=app.id or 0, requested_at=datetime(2000, 1, 1, tzinfo=UTC)))
    flush()
    return [interview, request, contact, app, company]


def occupy_first_ids(ws: Workspace) -> None:
    """Give another person of the same database the first ids of every table records point at, so a restore
    here stores records under ids that differ from the document's keys."""
    other = ws.as_owner(OTHER_OWNER)
    with ws.database.engine.begin() as connection:
        from bounceback.storage.schema import users

        connection.execute(users.insert().values(id=OTHER_OWNER, name="another person"))
    with other.change("another person") as change:
        _spacers(change)
