"""An uploaded mail file: kept only while it is imported, read in a child process with the CLI's sources and importer."""

from __future__ import annotations

import multiprocessing
import re
import shutil
import signal
from itertools import chain
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from multiprocessing.synchronize import Event as EventType
from pathlib import Path
from typing import IO, TYPE_CHECKING

from bounceback.domain.errors import BouncebackError, InvalidInput
from bounceback.mail.problems import write_problem_list
from bounceback.mail.sources.eml import EML_SUFFIX
from bounceback.mail.sources.mbox import MBOX_SUFFIXES
from bounceback.settings import Settings
from bounceback.web.imports import ImportJob, ImportRun, ImportStopped, JobState
from bounceback.web.messages import say

if TYPE_CHECKING:
    from bounceback.mail.classify.model import MailClassifier
    from bounceback.mail.importer import ImportSummary
    from bounceback.web.deps import WebContext

PROBLEMS_SHOWN = 50  # unreadable messages the page names; all of them go to a file when there are more
STOP_GRACE_SECONDS = 10  # how long a stopping server lets the import child finish the batch it is writing

ACCEPTED_SUFFIXES = (*sorted(MBOX_SUFFIXES), EML_SUFFIX)
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def upload_name(filename: str | None) -> str:
    """The uploaded file's own name, reduced to safe characters; refuses anything but .mbox / .mbx / .eml."""
    name = _UNSAFE.sub("-", Path(filename or "").name).strip(".-")[:80]
    if not name:
        raise InvalidInput("Choose an .mbox or .eml file to import.")
    if not name.lower().endswith(ACCEPTED_SUFFIXES):
        raise InvalidInput(
            f"“{name}” is not a mail file; upload an .mbox (a Gmail Takeout export) or an .eml file."
        )
    return name


def keep_upload(stream: IO[bytes], folder: Path, job_id: str, name: str) -> Path:
    """Write the upload where only this server looks, readable by its owner alone."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = folder / f"{job_id}-{name}"
    with path.open("xb") as out:
        shutil.copyfileobj(stream, out, length=1 << 20)
    path.chmod(0o600)
    if path.stat().st_size == 0:
        path.unlink()
        raise InvalidInput(f"“{name}” is empty.")
    return path


def import_run(web: WebContext, path: Path, name: str) -> ImportRun:
    """The work of one import job: a child process counts and imports the messages; the upload is deleted after.

    Why a process and not a thread: reading mail is CPU work, and in a thread it holds the interpreter while it
    runs, so every page waited for it and the server could not even act on SIGTERM. The child reports its
    progress through a pipe; when the server stops, it is asked to stop after the batch it is writing (each
    batch is one transaction) and ended if it does not.
    """
    settings, owner = web.settings, web.workspace.owner_id

    def run(job: ImportJob) -> ImportSummary:
        context = multiprocessing.get_context("spawn")
        receiver, sender = context.Pipe(duplex=False)
        stop = context.Event()
        child = context.Process(
            target=import_in_child, args=(sender, stop, settings, owner, path, name), daemon=True
        )
        job.state = JobState.COUNTING
        try:
            child.start()
            sender.close()
            return _follow(job, child, receiver, stop, settings.home / "logs")
        finally:
            _end(child, stop)
            receiver.close()
            path.unlink(missing_ok=True)

    return run


def _follow(
    job: ImportJob, child: BaseProcess, receiver: Connection, stop: EventType, logs: Path
) -> ImportSummary:
    """Relay the child's reports to the job until it is done, failed, or the server stops."""
    while True:
        if job.stop.is_set():
            stop.set()
            _end(child, stop)
            raise ImportStopped(f"The import stopped with the server after {job.done:,} messages.")
        try:
            ready = receiver.poll(0.2)
            report = receiver.recv() if ready else None
        except EOFError:  # the child ended without a last word (killed, or out of memory)
            raise BouncebackError(
                f"The import stopped unexpectedly after {job.done:,} messages; what was read so far is kept."
            ) from None
        if report is None:
            continue
        kind, value = report
        if kind == "total":
            job.total, job.state = value, JobState.IMPORTING
        elif kind == "advance":
            job.done += value
        elif kind == "done":
            if len(value.problems) > PROBLEMS_SHOWN:
                job.problem_list = write_problem_list(value.problems, logs)
            return value
        else:
            raise BouncebackError(value)


def _end(child: BaseProcess, stop: EventType) -> None:
    """Let the child finish its batch for a few seconds, then end it (a batch not committed is redone later)."""
    if child.pid is None or not child.is_alive():
        return
    stop.set()
    child.join(STOP_GRACE_SECONDS)
    if child.is_alive():
        child.terminate()
        child.join(5)


def import_in_child(
    sender: Connection, stop: EventType, settings: Settings, owner: int, path: Path, name: str
) -> None:
    """The import itself, in the child process: count, import, and report each step through `sender`."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle; it stops this child
    from bounceback.mail.importer import MailImporter
    from bounceback.mail.learning import classifier_for
    from bounceback.mail.sources import open_source
    from bounceback.workspace import Workspace

    def advance(count: int) -> None:
        sender.send(("advance", count))
        if stop.is_set():
            raise ImportStopped("The import stopped with the server.")

    workspace = None
    try:
        workspace = Workspace.open(settings, owner)
        sender.send(("total", sum(1 for source in open_source(path) for _ in source)))
        sources = open_source(path)

        def classifier() -> MailClassifier:
            assert workspace is not None
            with workspace.read() as read:
                return classifier_for(read, settings.cache)

        summary = MailImporter(workspace, classifier, source=name).run(
            chain.from_iterable(sources), progress=advance
        )
        summary.problems.extend(problem for source in sources for problem in source.problems)
        sender.send(("done", summary))
    except ImportStopped:
        pass
    except BouncebackError as exc:
        sender.send(("failed", say(exc)))
    except Exception as exc:  # a bug or a broken disk: say so on the page, never leave it spinning
        sender.send(("failed", f"The import stopped unexpectedly: {exc}."))
    finally:
        if workspace is not None:
            workspace.close()
        sender.close()
