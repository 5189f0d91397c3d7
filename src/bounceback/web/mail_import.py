"""An uploaded mail file: kept only while it is imported, read with the same sources and importer as the CLI."""

from __future__ import annotations

import re
import shutil
from itertools import chain
from pathlib import Path
from typing import IO, TYPE_CHECKING

from bounceback.domain.errors import InvalidInput
from bounceback.mail.sources.eml import EML_SUFFIX
from bounceback.mail.sources.mbox import MBOX_SUFFIXES
from bounceback.web.imports import ImportJob, ImportRun, JobState

if TYPE_CHECKING:
    from bounceback.mail.classify.interface import Classifier
    from bounceback.mail.importer import ImportSummary
    from bounceback.web.deps import WebContext

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
    """The work of one import job: count the messages, import them, then delete the upload."""

    def run(job: ImportJob) -> ImportSummary:
        from bounceback.mail.importer import MailImporter
        from bounceback.mail.sources import open_source

        try:
            job.state = JobState.COUNTING
            job.total = sum(1 for source in open_source(path) for _ in source)
            job.state = JobState.IMPORTING
            sources = open_source(path)
            importer = MailImporter(web.workspace, lambda: _classifier(web), source=name)
            summary = importer.run(chain.from_iterable(sources), progress=job.advance)
            summary.problems.extend(problem for source in sources for problem in source.problems)
            return summary
        finally:
            path.unlink(missing_ok=True)

    return run


def _classifier(web: WebContext) -> Classifier:
    """The person's own model: the shipped corpus plus their corrections (trained once, then cached)."""
    from bounceback.mail.learning import classifier_for

    with web.workspace.read() as session:
        return classifier_for(session, web.workspace.owner_id, web.settings.cache)
