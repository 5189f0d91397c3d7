"""The server's door: the people of one server and what they share, over the same database as their searches.

    directory = Directory.open(settings)                 # migrated on first use, like a workspace
    directory.account_by_email("ana@example.org")
    directory.workspace_for(user_id)                     # that person's search: the workspace door
    directory.shared_workspace(seeker_id, advisor_id)    # a seeker's search as an advisor may see it, or None
    directory.add_upload(user_id, "takeout.mbox", data)  # a mail file kept for a worker to import

Passwords arrive hashed (server/passwords.py hashes them); this package never sees one in clear.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from bounceback.domain.accounts import (
    Access,
    Account,
    AdvisorNote,
    Cohort,
    Grant,
    Invite,
    MailUpload,
    Role,
    Sharing,
)
from bounceback.domain.errors import InvalidInput, NotFound
from bounceback.settings import Settings
from bounceback.workspace.facade import Workspace

if TYPE_CHECKING:
    from bounceback.storage.server_store import ServerStore
    from bounceback.storage.sessions import Database
    from bounceback.storage.upload_store import UploadStore

MAX_NOTE = 5000
MAX_COHORT_NAME = 200


def _now() -> datetime:
    return datetime.now(UTC)


def _hash(token: str) -> str:
    """What the database keeps of a one-time token: its SHA-256."""
    import hashlib

    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class Directory:
    """Accounts, sessions, login attempts, cohorts and consent of one server."""

    def __init__(self, settings: Settings, *, database: Database | None = None) -> None:
        self.settings = settings
        self._database = database
        self._store: ServerStore | None = None
        self._uploads: UploadStore | None = None

    @classmethod
    def open(cls, settings: Settings) -> Directory:
        """The server's people; nothing is connected until first used."""
        return cls(settings)

    @property
    def database(self) -> Database:
        """The shared engine (the schema migrated on first use)."""
        if self._database is None:
            from bounceback.storage.sessions import Database

            self._database = Database(self.settings)
        return self._database

    @property
    def store(self) -> ServerStore:
        if self._store is None:
            from bounceback.storage.server_store import ServerStore

            self._store = ServerStore(self.database.engine)
        return self._store

    @property
    def upload_store(self) -> UploadStore:
        if self._uploads is None:
            from bounceback.storage.upload_store import UploadStore

            self._uploads = UploadStore(self.database.engine)
        return self._uploads

    def close(self) -> None:
        """Release the connections."""
        if self._database is not None:
            self._database.close()

    # People --------------------------------------------------------------------------------------------------
    def workspace_for(self, user_id: int) -> Workspace:
        """One person's own search, on the shared engine."""
        return Workspace(self.settings, user_id, database=self.database)

    def add_account(self, email: str, password_hash: str, role: Role) -> Account:
        """A new person who can log in."""
        return self.store.create_account(email, password_hash, role, _now())

    def account_by_email(self, email: str) -> tuple[Account, str] | None:
        """The account and password hash of an email address, or None."""
        return self.store.account_by_email(email)

    def account(self, user_id: int) -> Account | None:
        """The account of one person, or None."""
        return self.store.account(user_id)

    def require(self, email: str) -> Account:
        """The account of an email address, or one sentence saying there is none."""
        found = self.store.account_by_email(email)
        if found is None:
            raise NotFound(f"There is no account for {email}.")
        return found[0]

    def accounts(self, *, role: Role | None = None, cohort: str | None = None) -> list[Account]:
        """Every account (of one role, of one cohort), by email."""
        cohort_id = self._cohort_id(cohort) if cohort else None
        return self.store.accounts(role=role, cohort_id=cohort_id)

    def set_password(self, user_id: int, password_hash: str) -> None:
        self.store.set_password(user_id, password_hash)

    def deactivate(self, email: str) -> Account:
        """End a person's access, keeping their data."""
        account = self.require(email)
        self.store.set_active(account.user_id, active=False)
        return account

    def reactivate(self, email: str) -> Account:
        account = self.require(email)
        self.store.set_active(account.user_id, active=True)
        return account

    def delete(self, email: str) -> int:
        """Erase every row of a person; returns how many rows went."""
        account = self.require(email)
        return self.store.delete_person(account.user_id, account.email)

    # Cohorts -------------------------------------------------------------------------------------------------
    def add_cohort(self, name: str) -> Cohort:
        clean = " ".join(name.split())
        if not clean or len(clean) > MAX_COHORT_NAME:
            raise InvalidInput(f"A cohort needs a name of 1 to {MAX_COHORT_NAME} characters.")
        return self.store.add_cohort(clean, _now())

    def cohorts(self) -> list[Cohort]:
        return self.store.cohorts()

    def _cohort_id(self, name: str) -> int:
        for cohort in self.store.cohorts():
            if cohort.name == " ".join(name.split()):
                return cohort.id
        raise NotFound(f"There is no cohort called “{name}”; `bounceback server cohort list` shows them.")

    def join_cohort(self, email: str, cohort: str | None) -> Account:
        account = self.require(email)
        self.store.set_cohort(account.user_id, self._cohort_id(cohort) if cohort else None)
        return account

    # Invites -------------------------------------------------------------------------------------------------
    def invite(
        self, email: str, role: Role, *, cohort: str | None = None, days: float = 7
    ) -> tuple[Invite, str]:
        """An invitation for a new person, and the one-time token of its link (kept only as its hash); refused
        when the email already has an account or the cohort does not exist."""
        import secrets
        from datetime import timedelta

        from bounceback.domain.accounts import clean_email

        address = clean_email(email)
        if self.store.account_by_email(address) is not None:
            raise InvalidInput(f"There is already an account for {address}, so nobody was invited.")
        cohort_id = self._cohort_id(cohort) if cohort else None
        token = secrets.token_urlsafe(32)
        now = _now()
        found = self.store.create_invite(
            _hash(token), address, role, cohort_id, now=now, expires_at=now + timedelta(days=days)
        )
        return found, token

    def invitation(self, token: str) -> Invite | None:
        """The invitation a link's token names (used or expired too), or None."""
        return self.store.invite(_hash(token))

    def accept_invite(self, token: str, password_hash: str) -> Account | None:
        """The new person an invitation names, made now; None when it was used, expired or unknown."""
        user_id = self.store.accept_invite(_hash(token), password_hash, _now())
        return self.store.account(user_id) if user_id is not None else None

    # Login sessions and attempts -----------------------------------------------------------------------------
    def start_session(self, user_id: int, token_hash: str) -> None:
        self.store.create_session(user_id, token_hash, _now())

    def session_user(self, token_hash: str, *, idle_seconds: int, lifetime_seconds: int) -> int | None:
        """The person of a live session, or None (idle, too old, ended or deactivated)."""
        from datetime import timedelta

        now = _now()
        return self.store.session_user(
            token_hash,
            now=now,
            idle_since=now - timedelta(seconds=idle_seconds),
            born_since=now - timedelta(seconds=lifetime_seconds),
            touch_before=now - timedelta(seconds=min(60, idle_seconds // 4)),
        )

    def end_session(self, token_hash: str) -> None:
        self.store.end_session(token_hash)

    def sessions_of(self, user_id: int) -> int:
        return self.store.sessions_of(user_id)

    def record_attempt(
        self, email: str, address: str, *, succeeded: bool, at: datetime | None = None
    ) -> None:
        self.store.record_attempt(email, address, at or _now(), succeeded=succeeded)

    def failures(
        self, *, since: datetime, email: str | None = None, address: str | None = None
    ) -> list[datetime]:
        return self.store.failures(since=since, email=email, address=address)

    # Consent -------------------------------------------------------------------------------------------------
    def share(self, seeker_id: int, advisor_email: str, sharing: Sharing) -> Account:
        """A seeker chooses what one advisor sees (nothing revokes)."""
        advisor = self.require(advisor_email)
        if advisor.role is Role.SEEKER or not advisor.active:
            raise InvalidInput(f"{advisor_email} is not an advisor here, so nothing was shared.")
        self.store.set_sharing(seeker_id, advisor.user_id, sharing, _now())
        return advisor

    def shared_with(self, seeker_id: int) -> list[Grant]:
        """Who a seeker shares with, and how much."""
        return self.store.grants_of_seeker(seeker_id)

    def sharing_with(self, advisor_id: int) -> list[Grant]:
        """The seekers who share with an advisor."""
        return self.store.grants_to_advisor(advisor_id)

    def sharing_of(self, seeker_id: int, advisor_id: int) -> Sharing:
        """How much a seeker shares with an advisor (nothing when they do not)."""
        for grant in self.store.grants_to_advisor(advisor_id):
            if grant.seeker_id == seeker_id:
                return grant.sharing
        return Sharing.NOTHING

    def shared_workspace(self, seeker_id: int, advisor_id: int) -> tuple[Workspace, Sharing] | None:
        """A seeker's search as an advisor may see it, the look written in the seeker's access log; None when
        nothing is shared (the caller answers 404, as for a search that does not exist)."""
        sharing = self.sharing_of(seeker_id, advisor_id)
        if sharing is Sharing.NOTHING:
            return None
        what = "looked at the summary" if sharing is Sharing.SUMMARY else "looked at the whole search"
        self.store.log_access(seeker_id, advisor_id, what, _now())
        return self.workspace_for(seeker_id), sharing

    def counted_seekers(self) -> set[int]:
        """The seekers whose figures count in cohort outcomes: those who share at least a summary."""
        return self.store.sharing_seekers()

    def access_log(self, seeker_id: int) -> list[Access]:
        return self.store.access_log(seeker_id)

    def add_note(self, seeker_id: int, advisor_id: int, text: str) -> None:
        """An advisor's note on a seeker who shares with them (the seeker reads it too)."""
        note = text.strip()
        if not note:
            raise InvalidInput("The note is empty, so nothing was kept.")
        if len(note) > MAX_NOTE:
            raise InvalidInput(f"That note is {len(note)} characters long; {MAX_NOTE} is the most it can be.")
        if self.sharing_of(seeker_id, advisor_id) is Sharing.NOTHING:
            raise NotFound("There is no such person among those who share with you.")
        self.store.add_note(seeker_id, advisor_id, note, _now())

    def notes(self, seeker_id: int, *, acting: int) -> list[AdvisorNote]:
        return self.store.notes(seeker_id, acting=acting)

    # Mail secrets (already encrypted by the caller) ----------------------------------------------------------
    def put_secret(self, owner_id: int, account_name: str, ciphertext: str) -> None:
        self.store.put_secret(owner_id, account_name, ciphertext)

    def secret(self, owner_id: int, account_name: str) -> str | None:
        return self.store.secret(owner_id, account_name)

    def delete_secret(self, owner_id: int, account_name: str) -> bool:
        """Forget one account's secret; False when none was kept."""
        return self.store.delete_secret(owner_id, account_name)

    # Mail uploads waiting for (or imported by) a worker --------------------------------------------------------
    def add_upload(self, owner_id: int, name: str, content: bytes | None, *, state: str) -> MailUpload:
        """Keep an uploaded mail file in the database until a worker reads it; its id is random. An IMAP sync
        is kept the same way with no bytes, so its progress shows on the same page."""
        import secrets

        return self.upload_store.add(owner_id, secrets.token_urlsafe(12), name, content, state, _now())

    def take_upload(self, owner_id: int, upload_id: str, *, state: str) -> tuple[str, bytes] | None:
        """The name and bytes of an upload, deleted from the database as they are read (None when gone)."""
        return self.upload_store.take(owner_id, upload_id, state)

    def update_upload(self, owner_id: int, upload_id: str, **values: Any) -> None:
        """Write an import's progress: state, done, total, summary, error; `finished_at` is set by `finished`."""
        if values.pop("finished", False):
            values["finished_at"] = _now()
        self.upload_store.update(owner_id, upload_id, **values)

    def upload(self, owner_id: int, upload_id: str) -> MailUpload | None:
        """One upload of a person's, or None (another person's too)."""
        return self.upload_store.get(owner_id, upload_id)

    def uploads(self, owner_id: int, *, limit: int = 5) -> list[MailUpload]:
        """A person's latest uploads, newest first."""
        return self.upload_store.recent(owner_id, limit)
