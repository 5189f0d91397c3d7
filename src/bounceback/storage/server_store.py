"""The server's queries: accounts, login sessions and attempts, cohorts, consent, the access log, advisor notes
and encrypted mail secrets. Each transaction on PostgreSQL names the person it acts for (owner.py), so the
row-level security policies hold for these tables too."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, and_, delete, func, insert, or_, select, text, update
from sqlalchemy.exc import IntegrityError

from bounceback.domain.accounts import Access, Account, AdvisorNote, Cohort, Grant, Invite, Role, Sharing
from bounceback.domain.errors import InvalidInput
from bounceback.storage.owner import SET_OWNER_SQL
from bounceback.storage.schema import metadata, users
from bounceback.storage.server_schema import (
    access_log,
    accounts,
    advisor_notes,
    cohorts,
    consents,
    invites,
    login_attempts,
    login_sessions,
    mail_secrets,
)

# The columns that name a person, in any table: what deleting a person erases.
PERSON_COLUMNS = ("owner_id", "user_id", "advisor_id")


class ServerStore:
    """Server-wide queries over one engine; `person` is who a transaction acts for (row-level security)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @contextmanager
    def _tx(self, person: int | None = None) -> Iterator[Connection]:
        with self.engine.begin() as connection:
            if person is not None and connection.dialect.name == "postgresql":
                connection.execute(text(SET_OWNER_SQL), {"owner": str(person)})
            yield connection

    # Accounts ------------------------------------------------------------------------------------------------
    def _account_query(self) -> Any:
        return select(
            accounts.c.user_id,
            accounts.c.email,
            accounts.c.role,
            accounts.c.active,
            accounts.c.created_at,
            accounts.c.password_hash,
            users.c.name,
            cohorts.c.name.label("cohort"),
        ).select_from(
            accounts.join(users, users.c.id == accounts.c.user_id).outerjoin(
                cohorts, cohorts.c.id == accounts.c.cohort_id
            )
        )

    @staticmethod
    def _account(row: Any) -> Account:
        return Account(
            user_id=row.user_id,
            email=row.email,
            role=Role(row.role),
            active=bool(row.active),
            name=row.name or "",
            cohort=row.cohort or "",
            created_at=row.created_at,
        )

    def create_account(self, email: str, password_hash: str, role: Role, now: datetime) -> Account:
        """A new person who can log in (a `users` row and an `accounts` row); refused when the email is taken."""
        try:
            with self._tx() as connection:
                _insert_person(connection, email, password_hash, role.value, now)
        except IntegrityError:
            raise InvalidInput(f"There is already an account for {email}.") from None
        found = self.account_by_email(email)
        assert found is not None
        return found[0]

    def account_by_email(self, email: str) -> tuple[Account, str] | None:
        """The account of an email address and its password hash."""
        with self._tx() as connection:
            row = connection.execute(self._account_query().where(accounts.c.email == email)).first()
        return (self._account(row), str(row.password_hash)) if row else None

    def account(self, user_id: int) -> Account | None:
        """The account of one person."""
        with self._tx() as connection:
            row = connection.execute(self._account_query().where(accounts.c.user_id == user_id)).first()
        return self._account(row) if row else None

    def accounts(self, *, role: Role | None = None, cohort_id: int | None = None) -> list[Account]:
        """Every account, by email."""
        query = self._account_query().order_by(accounts.c.email)
        if role is not None:
            query = query.where(accounts.c.role == role.value)
        if cohort_id is not None:
            query = query.where(accounts.c.cohort_id == cohort_id)
        with self._tx() as connection:
            return [self._account(row) for row in connection.execute(query)]

    def set_active(self, user_id: int, *, active: bool) -> None:
        """Deactivate (keeping every row) or reactivate; deactivating ends the person's sessions."""
        with self._tx() as connection:
            connection.execute(update(accounts).where(accounts.c.user_id == user_id).values(active=active))
            if not active:
                connection.execute(delete(login_sessions).where(login_sessions.c.user_id == user_id))

    def set_password(self, user_id: int, password_hash: str) -> None:
        """A new password hash (after a rehash, or a reset); every session of the person ends."""
        with self._tx() as connection:
            connection.execute(
                update(accounts).where(accounts.c.user_id == user_id).values(password_hash=password_hash)
            )

    def delete_person(self, user_id: int, email: str) -> int:
        """Erase every row of one person, in every table that names a person; returns the rows erased."""
        erased = 0
        with self._tx(user_id) as connection:
            for table in reversed(metadata.sorted_tables):
                for column in PERSON_COLUMNS:
                    if column in table.c:
                        erased += connection.execute(delete(table).where(table.c[column] == user_id)).rowcount
            erased += connection.execute(
                delete(login_attempts).where(login_attempts.c.email == email)
            ).rowcount
            erased += connection.execute(delete(invites).where(invites.c.email == email)).rowcount
            erased += connection.execute(delete(users).where(users.c.id == user_id)).rowcount
        return erased

    # Cohorts -------------------------------------------------------------------------------------------------
    def add_cohort(self, name: str, now: datetime) -> Cohort:
        """A new cohort; refused when the name is taken."""
        try:
            with self._tx() as connection:
                cohort_id = connection.execute(
                    insert(cohorts).values(name=name, created_at=now).returning(cohorts.c.id)
                ).scalar_one()
        except IntegrityError:
            raise InvalidInput(f"There is already a cohort called “{name}”.") from None
        return Cohort(cohort_id, name)

    def cohorts(self) -> list[Cohort]:
        """Every cohort with its number of members, by name."""
        members = func.count(accounts.c.id)
        query = (
            select(cohorts.c.id, cohorts.c.name, members.label("members"))
            .select_from(cohorts.outerjoin(accounts, accounts.c.cohort_id == cohorts.c.id))
            .group_by(cohorts.c.id, cohorts.c.name)
            .order_by(cohorts.c.name)
        )
        with self._tx() as connection:
            return [Cohort(row.id, row.name, int(row.members)) for row in connection.execute(query)]

    def set_cohort(self, user_id: int, cohort_id: int | None) -> None:
        """Put a person in a cohort (or in none)."""
        with self._tx() as connection:
            connection.execute(
                update(accounts).where(accounts.c.user_id == user_id).values(cohort_id=cohort_id)
            )

    # Invites -------------------------------------------------------------------------------------------------
    def create_invite(
        self,
        token_hash: str,
        email: str,
        role: Role,
        cohort_id: int | None,
        *,
        now: datetime,
        expires_at: datetime,
    ) -> Invite:
        """Keep an invitation (only its token's hash)."""
        with self._tx() as connection:
            connection.execute(
                insert(invites).values(
                    token_hash=token_hash,
                    email=email,
                    role=role.value,
                    cohort_id=cohort_id,
                    created_at=now,
                    expires_at=expires_at,
                )
            )
        found = self.invite(token_hash)
        assert found is not None
        return found

    def invite(self, token_hash: str) -> Invite | None:
        """The invitation of one token's hash (used or expired ones too), or None."""
        query = (
            select(invites, cohorts.c.name.label("cohort"))
            .select_from(invites.outerjoin(cohorts, cohorts.c.id == invites.c.cohort_id))
            .where(invites.c.token_hash == token_hash)
        )
        with self._tx() as connection:
            row = connection.execute(query).first()
        if row is None:
            return None
        return Invite(
            row.id,
            row.email,
            Role(row.role),
            row.cohort or "",
            row.created_at,
            row.expires_at,
            row.used_at,
        )

    def accept_invite(self, token_hash: str, password_hash: str, now: datetime) -> int | None:
        """In one transaction: the invitation marked used, and the person it names created with its role and
        cohort; None (and nothing changed) when it was used, expired or unknown, or the email is taken."""
        try:
            with self._tx() as connection:
                row = connection.execute(
                    update(invites)
                    .where(
                        invites.c.token_hash == token_hash,
                        invites.c.used_at.is_(None),
                        invites.c.expires_at > now,
                    )
                    .values(used_at=now)
                    .returning(invites.c.email, invites.c.role, invites.c.cohort_id)
                ).first()
                if row is None:
                    return None
                user_id = _insert_person(
                    connection, row.email, password_hash, row.role, now, cohort_id=row.cohort_id
                )
        except IntegrityError:
            return None
        return int(user_id)

    # Login sessions ------------------------------------------------------------------------------------------
    def create_session(self, user_id: int, token_hash: str, now: datetime) -> None:
        """A new login session."""
        with self._tx() as connection:
            connection.execute(
                insert(login_sessions).values(
                    user_id=user_id, token_hash=token_hash, created_at=now, last_seen_at=now
                )
            )

    def session_user(
        self,
        token_hash: str,
        *,
        now: datetime,
        idle_since: datetime,
        born_since: datetime,
        touch_before: datetime,
    ) -> int | None:
        """The person a live session belongs to (its last sight refreshed now and then); an idle or too old
        session, or one of a deactivated account, is ended and gives None."""
        with self._tx() as connection:
            row = connection.execute(
                select(
                    login_sessions.c.user_id,
                    login_sessions.c.last_seen_at,
                    login_sessions.c.created_at,
                    accounts.c.active,
                )
                .select_from(login_sessions.join(accounts, accounts.c.user_id == login_sessions.c.user_id))
                .where(login_sessions.c.token_hash == token_hash)
            ).first()
            if row is None:
                return None
            if row.last_seen_at < idle_since or row.created_at < born_since or not row.active:
                connection.execute(delete(login_sessions).where(login_sessions.c.token_hash == token_hash))
                return None
            if row.last_seen_at < touch_before:
                connection.execute(
                    update(login_sessions)
                    .where(login_sessions.c.token_hash == token_hash)
                    .values(last_seen_at=now)
                )
            return int(row.user_id)

    def end_session(self, token_hash: str) -> None:
        """Log out: the session is gone from the database."""
        with self._tx() as connection:
            connection.execute(delete(login_sessions).where(login_sessions.c.token_hash == token_hash))

    def sessions_of(self, user_id: int) -> int:
        """How many sessions a person has open."""
        with self._tx() as connection:
            query = (
                select(func.count()).select_from(login_sessions).where(login_sessions.c.user_id == user_id)
            )
            return int(connection.execute(query).scalar_one())

    # Login attempts ------------------------------------------------------------------------------------------
    def record_attempt(self, email: str, address: str, now: datetime, *, succeeded: bool) -> None:
        """Remember one login attempt (for the rate limits)."""
        with self._tx() as connection:
            connection.execute(
                insert(login_attempts).values(email=email, address=address[:64], at=now, succeeded=succeeded)
            )

    def failures(
        self, *, since: datetime, email: str | None = None, address: str | None = None
    ) -> list[datetime]:
        """When the failed attempts since `since` (and since the last success) happened, for one account or one
        address, oldest first."""
        column = login_attempts.c.email if email is not None else login_attempts.c.address
        value = email if email is not None else address
        with self._tx() as connection:
            last_ok = connection.execute(
                select(func.max(login_attempts.c.at)).where(
                    column == value, login_attempts.c.succeeded.is_(True)
                )
            ).scalar()
            start = max(since, last_ok) if last_ok is not None else since
            rows = connection.execute(
                select(login_attempts.c.at)
                .where(column == value, login_attempts.c.succeeded.is_(False), login_attempts.c.at > start)
                .order_by(login_attempts.c.at)
            )
            return [row.at for row in rows]

    # Consent, the access log and advisor notes ---------------------------------------------------------------
    def set_sharing(self, seeker_id: int, advisor_id: int, sharing: Sharing, now: datetime) -> None:
        """What a seeker shares with one advisor (nothing removes the row)."""
        with self._tx(seeker_id) as connection:
            connection.execute(
                delete(consents).where(consents.c.owner_id == seeker_id, consents.c.advisor_id == advisor_id)
            )
            if sharing is not Sharing.NOTHING:
                connection.execute(
                    insert(consents).values(
                        owner_id=seeker_id, advisor_id=advisor_id, sharing=sharing.value, updated_at=now
                    )
                )

    def _grants(self, person: int, condition: Any) -> list[Grant]:
        seeker, advisor = accounts.alias("seeker"), accounts.alias("advisor")
        query = (
            select(consents, seeker.c.email.label("seeker_email"), advisor.c.email.label("advisor_email"))
            .select_from(
                consents.join(seeker, seeker.c.user_id == consents.c.owner_id).join(
                    advisor, advisor.c.user_id == consents.c.advisor_id
                )
            )
            .where(condition, seeker.c.active.is_(True), advisor.c.active.is_(True))
            .order_by(seeker.c.email, advisor.c.email)
        )
        with self._tx(person) as connection:
            return [
                Grant(
                    r.owner_id,
                    r.advisor_id,
                    Sharing(r.sharing),
                    r.seeker_email,
                    r.advisor_email,
                    r.updated_at,
                )
                for r in connection.execute(query)
            ]

    def grants_of_seeker(self, seeker_id: int) -> list[Grant]:
        """Who a seeker shares with, and how much."""
        return self._grants(seeker_id, consents.c.owner_id == seeker_id)

    def grants_to_advisor(self, advisor_id: int) -> list[Grant]:
        """The seekers who share with an advisor, and how much."""
        return self._grants(advisor_id, consents.c.advisor_id == advisor_id)

    def all_grants(self, acting: int) -> list[Grant]:
        """Every sharing of the server as `acting` may see it (row-level security decides)."""
        return self._grants(acting, or_(consents.c.owner_id == acting, consents.c.advisor_id == acting))

    def sharing_seekers(self) -> set[int]:
        """The seekers who share at least a summary with some advisor: those counted in cohort outcomes."""
        found: set[int] = set()
        for advisor in self.accounts(role=Role.ADVISOR) + self.accounts(role=Role.ADMIN):
            found |= {grant.seeker_id for grant in self.grants_to_advisor(advisor.user_id)}
        return found

    def log_access(self, seeker_id: int, advisor_id: int, what: str, now: datetime) -> None:
        """Remember that an advisor looked at a seeker's search."""
        with self._tx(advisor_id) as connection:
            connection.execute(
                insert(access_log).values(owner_id=seeker_id, advisor_id=advisor_id, what=what[:200], at=now)
            )

    def access_log(self, seeker_id: int) -> list[Access]:
        """Who looked at a seeker's search, newest first."""
        query = (
            select(accounts.c.email, access_log.c.what, access_log.c.at)
            .select_from(access_log.join(accounts, accounts.c.user_id == access_log.c.advisor_id))
            .where(access_log.c.owner_id == seeker_id)
            .order_by(access_log.c.at.desc(), access_log.c.id.desc())
        )
        with self._tx(seeker_id) as connection:
            return [Access(r.email, r.what, r.at) for r in connection.execute(query)]

    def add_note(self, seeker_id: int, advisor_id: int, note: str, now: datetime) -> None:
        """An advisor's note on a seeker."""
        with self._tx(advisor_id) as connection:
            connection.execute(
                insert(advisor_notes).values(
                    owner_id=seeker_id, advisor_id=advisor_id, text=note, created_at=now
                )
            )

    def notes(self, seeker_id: int, *, acting: int) -> list[AdvisorNote]:
        """The notes on a seeker that `acting` may see (the seeker: all; an advisor: their own), newest first."""
        query = (
            select(advisor_notes.c.id, accounts.c.email, advisor_notes.c.text, advisor_notes.c.created_at)
            .select_from(advisor_notes.join(accounts, accounts.c.user_id == advisor_notes.c.advisor_id))
            .where(advisor_notes.c.owner_id == seeker_id)
            .order_by(advisor_notes.c.created_at.desc(), advisor_notes.c.id.desc())
        )
        if acting != seeker_id:
            query = query.where(advisor_notes.c.advisor_id == acting)
        with self._tx(acting) as connection:
            return [AdvisorNote(r.id, r.email, r.text, r.created_at) for r in connection.execute(query)]

    # Mail secrets --------------------------------------------------------------------------------------------
    def put_secret(self, owner_id: int, account_name: str, ciphertext: str) -> None:
        """Keep one encrypted IMAP secret (replacing an older one)."""
        where = and_(mail_secrets.c.owner_id == owner_id, mail_secrets.c.account_name == account_name)
        with self._tx(owner_id) as connection:
            connection.execute(delete(mail_secrets).where(where))
            connection.execute(
                insert(mail_secrets).values(
                    owner_id=owner_id, account_name=account_name, ciphertext=ciphertext
                )
            )

    def secret(self, owner_id: int, account_name: str) -> str | None:
        """One encrypted IMAP secret, or None."""
        where = and_(mail_secrets.c.owner_id == owner_id, mail_secrets.c.account_name == account_name)
        with self._tx(owner_id) as connection:
            value = connection.execute(select(mail_secrets.c.ciphertext).where(where)).scalar()
        return str(value) if value is not None else None

    def delete_secret(self, owner_id: int, account_name: str) -> bool:
        """Forget one encrypted IMAP secret; False when none was kept."""
        where = and_(mail_secrets.c.owner_id == owner_id, mail_secrets.c.account_name == account_name)
        with self._tx(owner_id) as connection:
            return bool(connection.execute(delete(mail_secrets).where(where)).rowcount)


def _insert_person(
    connection: Connection,
    email: str,
    password_hash: str,
    role: str,
    now: datetime,
    *,
    cohort_id: int | None = None,
) -> int:
    """A `users` row and its active `accounts` row, in the caller's transaction; returns the user id (an email
    already taken raises IntegrityError, which each caller words)."""
    user_id = int(
        connection.execute(
            insert(users).values(name="local", created_at=now).returning(users.c.id)
        ).scalar_one()
    )
    connection.execute(
        insert(accounts).values(
            user_id=user_id,
            email=email,
            password_hash=password_hash,
            role=role,
            active=True,
            cohort_id=cohort_id,
            created_at=now,
        )
    )
    return user_id
