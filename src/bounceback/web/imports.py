"""Mail imports started from the browser: one at a time, each followed by a worker thread, with progress the
page can poll. The reading itself runs in a child process (see `mail_import.import_run`)."""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import IO, TYPE_CHECKING, Protocol

from bounceback.domain.errors import BouncebackError, NotFound
from bounceback.web.messages import say

if TYPE_CHECKING:
    from bounceback.mail.importer import ImportSummary
    from bounceback.web.deps import WebContext


class JobState(StrEnum):
    """Where an import stands."""

    WAITING = "waiting"
    COUNTING = "counting"
    IMPORTING = "importing"
    DONE = "done"
    FAILED = "failed"


@dataclass
class ImportJob:
    """One uploaded file being imported; the worker thread writes, page requests read."""

    id: str
    name: str
    state: JobState = JobState.WAITING
    total: int | None = None
    done: int = 0
    summary: ImportSummary | None = None
    error: str = ""
    started_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    finished_at: datetime | None = None
    stop: threading.Event = field(default_factory=threading.Event, repr=False)
    upload: Path | None = None  # the uploaded file, deleted once read (or when the server stops first)
    problem_list: Path | None = (
        None  # the file listing every unreadable message, when the page shows only some
    )

    @property
    def finished(self) -> bool:
        """True once there is nothing more to wait for."""
        return self.state in (JobState.DONE, JobState.FAILED)

    @property
    def percent(self) -> int | None:
        """How far along, 0–100, once the number of messages is known."""
        if self.state is JobState.DONE:
            return 100
        if not self.total:
            return None
        return min(100, round(100 * self.done / self.total))

    def advance(self, count: int) -> None:
        """Count messages handed to the tracker (called by the importer after each committed batch)."""
        self.done += count
        if self.stop.is_set():
            raise ImportStopped(f"The import stopped with the server after {self.done:,} messages.")


class ImportStopped(BouncebackError):
    """The server is shutting down; the batches written so far stay, the next import continues."""


ImportRun = Callable[[ImportJob], "ImportSummary"]


class ImportQueue(Protocol):
    """Where the mail page hands an upload and finds its progress: in this process (`ImportJobs`, local mode), or
    in the server's database for a job worker (server mode)."""

    def submit(self, web: WebContext, stream: IO[bytes], name: str) -> ImportJob: ...

    def get(self, job_id: str) -> ImportJob: ...

    def recent(self, limit: int = 5) -> list[ImportJob]: ...

    def shutdown(self) -> None: ...


class ImportJobs:
    """Imports run one at a time (one writer); a thread follows each, so the page stays responsive."""

    def __init__(self) -> None:
        self._jobs: dict[str, ImportJob] = {}
        self._lock = threading.Lock()
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="bounceback-import")
        self._stop = threading.Event()

    def start(
        self, name: str, run: ImportRun, *, job_id: str | None = None, upload: Path | None = None
    ) -> ImportJob:
        """Queue an import; `run` does the work and reports progress on the job."""
        job = ImportJob(id=job_id or self.new_id(), name=name, stop=self._stop, upload=upload)
        with self._lock:
            self._jobs[job.id] = job
        self._worker.submit(self._run, job, run)
        return job

    def submit(self, web: WebContext, stream: IO[bytes], name: str) -> ImportJob:
        """Keep an upload on this computer's disk and import it in the background."""
        from bounceback.web.mail_import import import_run, keep_upload

        job_id = self.new_id()
        path = keep_upload(stream, web.upload_dir, job_id, name)
        return self.start(name, import_run(web, path, name), job_id=job_id, upload=path)

    @staticmethod
    def new_id() -> str:
        """An id for a job about to start (used to name its upload)."""
        return secrets.token_urlsafe(8)

    def _run(self, job: ImportJob, run: ImportRun) -> None:
        try:
            job.summary = run(job)
            job.state = JobState.DONE
        except BouncebackError as exc:
            job.error, job.state = say(exc), JobState.FAILED
        except Exception as exc:  # a bug or a broken disk: say so on the page, never leave it spinning
            job.error, job.state = f"The import stopped unexpectedly: {exc}.", JobState.FAILED
        finally:
            job.finished_at = datetime.now(UTC)

    def get(self, job_id: str) -> ImportJob:
        """A job by id."""
        with self._lock:
            job = self._jobs.get(job_id)
        if job is None:
            raise NotFound("There is no such import; it may be from before the server restarted.")
        return job

    def recent(self, limit: int = 5) -> list[ImportJob]:
        """The latest imports, newest first."""
        with self._lock:
            jobs = list(self._jobs.values())
        return sorted(jobs, key=lambda j: j.started_at, reverse=True)[:limit]

    def shutdown(self) -> None:
        """Let the running import finish its batch, then stop; queued ones are dropped."""
        self._stop.set()
        self._worker.shutdown(wait=True, cancel_futures=True)
        for job in self.recent(limit=len(self._jobs)):
            if job.upload is not None:
                job.upload.unlink(missing_ok=True)
