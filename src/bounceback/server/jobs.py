"""Background work of a server: uploaded mail files imported, and IMAP accounts synced, by job workers through a
queue in PostgreSQL (procrastinate), never in a request. The file waits in `mail_uploads` and the import writes
its progress there after each batch, so any web worker, on any machine, shows the page; a sync is kept there the
same way, as an import with no bytes ("IMAP: <account>").

    queue = JobQueue(settings)                   # in each web worker: queues the imports (opened when first used)
    QueuedImports(directory, user_id, queue)     # the mail page's queue for one person (web.imports.ImportQueue)
    queue_sync(directory, owner_id, queue, name)  # "Sync now": one IMAP account, read by a worker
    run_worker(settings, secret_key=key)         # `bounceback server worker`: runs the jobs until stopped

procrastinate is imported inside the functions that need it, so the CLI starts as fast as before.
"""

from __future__ import annotations

import logging
import tempfile
import threading
from dataclasses import asdict
from itertools import chain
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from bounceback.domain.accounts import MailUpload
from bounceback.domain.errors import BouncebackError, InvalidInput, NotFound
from bounceback.settings import Settings
from bounceback.web.imports import ImportJob, JobState
from bounceback.web.messages import say
from bounceback.workspace.server import Directory

if TYPE_CHECKING:
    import procrastinate

    from bounceback.mail.classify.interface import Classifier
    from bounceback.mail.summary import ImportSummary
    from bounceback.server.secrets import SecretBox
    from bounceback.web.deps import WebContext
    from bounceback.workspace import Workspace

IMPORT_TASK = "bounceback.import_upload"
SYNC_TASK = "bounceback.sync_account"
SYNC_PREFIX = "IMAP: "  # the name of a sync's row: "IMAP: <account>"
QUEUE = "mail"
STOPPED = (
    "The import stopped with its worker before it was done; what was read is kept, "
    "and uploading the file again imports the rest."
)
NO_KEY = (
    "This job worker has no BOUNCEBACK_SERVER_SECRET_KEY, so it cannot open the mail password; "
    "ask the server's administrator to start the workers with the server's key."
)


def conninfo(url: str) -> str:
    """The libpq form of a SQLAlchemy URL (`postgresql+psycopg://…` → `postgresql://…`), for procrastinate."""
    scheme, found, rest = url.partition("://")
    if not found or not scheme.startswith("postgresql"):
        raise InvalidInput("The job queue needs a PostgreSQL database (postgresql+psycopg://…).")
    return f"postgresql://{rest}"


def job_app(
    directory: Directory, *, secret_key: str | None = None, private_hosts: bool = False
) -> procrastinate.App:
    """The queue's app on the server's PostgreSQL, with its two tasks: import an upload for its owner, and sync
    one of the owner's IMAP accounts (the password opened with the server's key, which only the worker needs)."""
    import procrastinate

    from bounceback.server.secrets import SecretBox

    app = procrastinate.App(
        connector=procrastinate.PsycopgConnector(conninfo=conninfo(directory.settings.url))
    )

    def import_upload_job(owner_id: int, upload_id: str) -> None:
        import_upload(directory, owner_id, upload_id)

    def sync_account_job(owner_id: int, upload_id: str, account: str) -> None:
        box = SecretBox(secret_key) if secret_key else None
        sync_upload(directory, box, owner_id, upload_id, account, private_hosts=private_hosts)

    app.task(name=IMPORT_TASK, queue=QUEUE)(import_upload_job)
    app.task(name=SYNC_TASK, queue=QUEUE)(sync_account_job)
    return app


def ensure_schema(settings: Settings) -> bool:
    """Create the queue's tables unless they are there already; True when they were created now."""
    app = job_app(Directory.open(settings))
    with app.open():
        connector = app.connector.get_sync_connector()
        row = connector.execute_query_one("SELECT to_regclass('procrastinate_jobs') IS NOT NULL AS present")
        if row["present"]:
            return False
        app.schema_manager.apply_schema()
    return True


def run_worker(
    settings: Settings,
    *,
    secret_key: str | None = None,
    private_hosts: bool = False,
    wait: bool = True,
    install_signal_handlers: bool = True,
) -> None:
    """Run the jobs, one at a time, until stopped (SIGTERM, Ctrl-C); with `wait=False`, until none is left.
    `secret_key` is BOUNCEBACK_SERVER_SECRET_KEY, for the IMAP syncs (without it they end with a sentence);
    `private_hosts` lets them reach IMAP hosts on private addresses (BOUNCEBACK_SERVER_IMAP_PRIVATE_HOSTS)."""
    import asyncio

    directory = Directory.open(settings)
    app = job_app(directory, secret_key=secret_key, private_hosts=private_hosts)

    async def work() -> None:
        async with app.open_async():
            await _retry_stalled(app)
            await app.run_worker_async(
                queues=[QUEUE],
                wait=wait,
                install_signal_handlers=install_signal_handlers,
                delete_jobs="successful",  # the upload's row keeps what happened; the queue keeps what failed
            )

    try:
        asyncio.run(work())
    finally:
        directory.close()


async def _retry_stalled(app: procrastinate.App) -> None:
    """Queue again the imports and syncs a worker left half done when it died (no heartbeat for 30 s), so their
    pages end with a sentence instead of waiting for ever (a sync carries on where its last batch ended)."""
    for task_name in (IMPORT_TASK, SYNC_TASK):
        for job in await app.job_manager.get_stalled_jobs(queue=QUEUE, task_name=task_name):
            await app.job_manager.retry_job(job)


class JobQueue:
    """A web worker's door to the queue: opened on the first upload, closed with the worker."""

    def __init__(self, directory: Directory) -> None:
        self.directory = directory
        self._app: procrastinate.App | None = None
        self._lock = threading.Lock()

    def _opened(self) -> procrastinate.App:
        with self._lock:
            if self._app is None:
                self._app = job_app(self.directory).open()
            return self._app

    def defer(self, owner_id: int, upload_id: str) -> None:
        """Queue the import of one upload; one person's imports run one after another (the lock)."""
        task = self._opened().tasks[IMPORT_TASK]
        task.configure(lock=f"mail-of-{owner_id}").defer(owner_id=owner_id, upload_id=upload_id)

    def defer_sync(self, owner_id: int, upload_id: str, account: str) -> None:
        """Queue the sync of one IMAP account, under the same lock as the person's imports."""
        task = self._opened().tasks[SYNC_TASK]
        task.configure(lock=f"mail-of-{owner_id}").defer(
            owner_id=owner_id, upload_id=upload_id, account=account
        )

    def close(self) -> None:
        with self._lock:
            if self._app is not None:
                self._app.close()
                self._app = None


# The page's side -------------------------------------------------------------------------------------------
class QueuedImports:
    """One person's mail imports on a server (the mail page's `ImportQueue`): kept in PostgreSQL, run by a job
    worker, so whichever web worker answers shows the same progress."""

    def __init__(self, directory: Directory, owner_id: int, queue: JobQueue) -> None:
        self.directory, self.owner_id, self.queue = directory, owner_id, queue

    def submit(self, web: WebContext, stream: IO[bytes], name: str) -> ImportJob:
        """Keep the upload in the database and queue its import; nothing is read in the request."""
        content = stream.read()
        if not content:
            raise InvalidInput(f"“{name}” is empty.")
        upload = self.directory.add_upload(self.owner_id, name, content, state=JobState.WAITING.value)
        try:
            self.queue.defer(self.owner_id, upload.id)
        except Exception:  # the queue's tables missing, or the database gone: say so, keep nothing
            logging.getLogger(__name__).exception("queueing the import of upload %s failed", upload.id)
            sentence = "The import could not be queued, so nothing was read; try again in a moment."
            self.directory.take_upload(self.owner_id, upload.id, state=JobState.FAILED.value)
            self.directory.update_upload(self.owner_id, upload.id, error=sentence, finished=True)
            raise BouncebackError(sentence) from None
        return as_job(upload)

    def get(self, job_id: str) -> ImportJob:
        found = self.directory.upload(self.owner_id, job_id)
        if found is None:
            raise NotFound("There is no such import.")
        return as_job(found)

    def recent(self, limit: int = 5) -> list[ImportJob]:
        return [as_job(upload) for upload in self.directory.uploads(self.owner_id, limit=limit)]

    def shutdown(self) -> None:
        """Nothing runs here: the job worker carries on with what was queued."""


def queue_sync(directory: Directory, owner_id: int, queue: JobQueue, account: str) -> MailUpload:
    """Keep a sync's row (no bytes: nothing is read in the request) and queue its job; when the queue refuses,
    the row ends failed with a sentence and the error is raised with it."""
    upload = directory.add_upload(owner_id, f"{SYNC_PREFIX}{account}", None, state=JobState.WAITING.value)
    try:
        queue.defer_sync(owner_id, upload.id, account)
    except Exception:  # the queue's tables missing, or the database gone: say so
        logging.getLogger(__name__).exception("queueing the sync of upload %s failed", upload.id)
        sentence = "The sync could not be queued, so nothing was read; try again in a moment."
        directory.update_upload(
            owner_id, upload.id, state=JobState.FAILED.value, error=sentence, finished=True
        )
        raise BouncebackError(sentence) from None
    return upload


def as_job(upload: MailUpload) -> ImportJob:
    """An upload's row as the progress page reads a job."""
    return ImportJob(
        id=upload.id,
        name=upload.name,
        state=JobState(upload.state),
        total=upload.total,
        done=upload.done,
        summary=summary_from_json(upload.summary) if upload.summary is not None else None,
        error=upload.error,
        started_at=upload.created_at,
        finished_at=upload.finished_at,
    )


def summary_to_json(summary: ImportSummary) -> dict[str, Any]:
    """A summary as JSON (labels as their values)."""
    return asdict(summary)


def summary_from_json(data: dict[str, Any]) -> ImportSummary:
    """The summary again from its JSON."""
    from bounceback.domain.mail import MailLabel
    from bounceback.mail.message import ParseProblem
    from bounceback.mail.summary import ImportSummary, NamedChange

    counts = {key: value for key, value in data.items() if key not in ("problems", "named")}
    return ImportSummary(
        **counts,
        problems=[ParseProblem(**problem) for problem in data.get("problems", [])],
        named=[
            NamedChange(**{**named, "label": MailLabel(named["label"])}) for named in data.get("named", [])
        ],
    )


# The worker's side -----------------------------------------------------------------------------------------
class UploadProgress:
    """Writes one import's progress into its row: the count, then each batch, then the end."""

    def __init__(self, directory: Directory, owner_id: int, upload_id: str) -> None:
        self.directory, self.owner_id, self.upload_id = directory, owner_id, upload_id
        self.done = 0

    def _write(self, **values: Any) -> None:
        self.directory.update_upload(self.owner_id, self.upload_id, **values)

    def counted(self, total: int) -> None:
        self._write(total=total, state=JobState.IMPORTING.value)

    def reading(self) -> None:
        """A sync has started reading: how many messages wait is not known until they are read."""
        self._write(state=JobState.IMPORTING.value)

    def advance(self, count: int) -> None:
        """After each committed batch (the importer's `progress`)."""
        self.done += count
        self._write(done=self.done)

    def finish(self, summary: ImportSummary, *, total: int | None = None) -> None:
        values: dict[str, Any] = {"total": total} if total is not None else {}
        self._write(state=JobState.DONE.value, summary=summary_to_json(summary), finished=True, **values)

    def fail(self, sentence: str) -> None:
        self._write(state=JobState.FAILED.value, error=sentence, finished=True)


def import_upload(directory: Directory, owner_id: int, upload_id: str) -> None:
    """The job: take the upload's bytes (deleting them from the database), import them into the owner's search,
    and leave the outcome in the row: a summary, or one plain sentence."""
    progress = UploadProgress(directory, owner_id, upload_id)
    taken = directory.take_upload(owner_id, upload_id, state=JobState.COUNTING.value)
    if taken is None:  # erased with its owner, or read by a run of this job that never finished
        found = directory.upload(owner_id, upload_id)
        if found is not None and JobState(found.state) not in (JobState.DONE, JobState.FAILED):
            progress.fail(STOPPED)
        return
    name, content = taken
    try:
        summary = _import(directory.workspace_for(owner_id), name, content, progress)
    except BouncebackError as exc:
        progress.fail(say(exc))
    except Exception as exc:  # a bug or a broken disk: say so on the page, never leave it spinning
        progress.fail(f"The import stopped unexpectedly: {exc}.")
    else:
        progress.finish(summary)


def _import(workspace: Workspace, name: str, content: bytes, progress: UploadProgress) -> ImportSummary:
    """Count the messages, then import them with the CLI's sources and importer, from a private temporary file."""
    from bounceback.mail.importer import MailImporter
    from bounceback.mail.learning import classifier_for
    from bounceback.mail.sources import open_source

    def classifier() -> Classifier:
        with workspace.read() as read:
            return classifier_for(read, workspace.settings.cache)

    with tempfile.TemporaryDirectory(prefix="bounceback-upload-") as folder:
        path = Path(folder) / name
        path.write_bytes(content)
        del content
        counted = open_source(path)
        total = sum(1 for source in counted for _ in source)
        if total == 0:
            reasons = [problem.reason for source in counted for problem in source.problems]
            why = f": {reasons[0]}" if reasons else ""
            raise InvalidInput(f"“{name}” holds no mail bounceback can read{why}.")
        progress.counted(total)
        sources = open_source(path)
        summary = MailImporter(workspace, classifier, source=name).run(
            chain.from_iterable(sources), progress=progress.advance
        )
        summary.problems.extend(problem for source in sources for problem in source.problems)
    return summary


def sync_upload(
    directory: Directory,
    box: SecretBox | None,
    owner_id: int,
    upload_id: str,
    account_name: str,
    *,
    private_hosts: bool = False,
) -> None:
    """The sync job: open the account's password with the server's key, read the account's new mail with the
    same code as `bounceback mail sync`, and leave the outcome in the row: a summary, or one plain sentence
    (never a traceback, never the password)."""
    found = directory.upload(owner_id, upload_id)
    if found is None or JobState(found.state) in (JobState.DONE, JobState.FAILED):
        return  # erased with its owner, or already ended
    progress = UploadProgress(directory, owner_id, upload_id)
    progress.reading()
    try:
        summary = _sync(directory, box, owner_id, account_name, progress, private_hosts=private_hosts)
    except BouncebackError as exc:
        progress.fail(_plain(exc, account_name))
    except Exception as exc:  # a bug: say so on the page without the details (they may name what was typed)
        logging.getLogger(__name__).error(
            "the sync of upload %s stopped unexpectedly (%s)", upload_id, type(exc).__name__
        )
        progress.fail(f"The sync of “{account_name}” stopped unexpectedly; what was read is kept.")
    else:
        progress.finish(summary, total=progress.done)


def check_public_host(host: str, port: int) -> None:
    """Refuse an IMAP host that resolves to a private, loopback, link-local or reserved address: on a shared
    server a seeker's account must not turn the job workers into a door to the office's own network."""
    import ipaddress
    import socket

    try:
        found = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        raise InvalidInput(f"The mail server “{host}” cannot be found; check its name.") from None
    for *_, address in found:
        ip = ipaddress.ip_address(str(address[0]).split("%")[0])
        if not ip.is_global:
            raise InvalidInput(
                f"The mail server “{host}” is on a private address, which this server does not connect to; "
                "use your mail provider's public IMAP server."
            )


def _plain(exc: BouncebackError, account_name: str) -> str:
    """The sentence a failed sync ends with; a refused login says what to do on the server's page."""
    from bounceback.mail.sources.imap import ImapLoginError

    if isinstance(exc, ImapLoginError):
        return (
            f"The IMAP server refused the login of “{account_name}”; check the password, then remove the "
            "account and add it again with the right one."
        )
    return say(exc)


def _sync(
    directory: Directory,
    box: SecretBox | None,
    owner_id: int,
    account_name: str,
    progress: UploadProgress,
    *,
    private_hosts: bool,
) -> ImportSummary:
    from bounceback.mail.learning import classifier_for
    from bounceback.mail.sync import sync_account

    workspace = directory.workspace_for(owner_id)
    with workspace.read() as read:
        known = [a for a in read.mail_accounts() if a.name == account_name]
    if not known:
        raise NotFound(f"The mail account “{account_name}” was removed before it could be synced.")
    if not private_hosts:
        check_public_host(known[0].host, known[0].port)
    if box is None:
        raise BouncebackError(NO_KEY)
    try:
        secret = box.read(directory, owner_id, account_name)
    except InvalidInput:  # the server's key changed since the password was kept
        raise InvalidInput(
            f"The password kept for “{account_name}” cannot be opened with this server's key (was "
            "BOUNCEBACK_SERVER_SECRET_KEY changed?); remove the account and add it again."
        ) from None
    if secret is None:
        raise NotFound(
            f"No password is kept for the mail account “{account_name}”; remove it and add it again."
        )

    def classifier() -> Classifier:
        with workspace.read() as read:
            return classifier_for(read, workspace.settings.cache)

    return sync_account(workspace, known[0], secret, classifier, progress=progress.advance)
