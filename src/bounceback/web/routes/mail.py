"""Mail: upload an .mbox or .eml, watch the import run, and see what waits for review."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Request, UploadFile
from fastapi.responses import Response

from bounceback.web.deps import Web
from bounceback.web.mail_import import ACCEPTED_SUFFIXES, upload_name
from bounceback.web.templating import redirect, render

router = APIRouter(prefix="/mail")


@router.get("")
def mail_page(request: Request, web: Web) -> Response:
    """The upload form, the latest imports and how many messages wait for review."""
    with web.read() as read:
        waiting = read.count_mail_waiting()
    context = {
        "section": "mail",
        "waiting": waiting,
        "jobs": web.jobs.recent(),
        "accept": ",".join(ACCEPTED_SUFFIXES),
        "limit_mb": web.options.max_upload_bytes // (1 << 20),
    }
    return render(request, "mail.html", context)


@router.post("/import")
def start_import(web: Web, mailbox: Annotated[UploadFile, File()]) -> Response:
    """Keep the upload, have it imported in the background, and show its progress."""
    job = web.jobs.submit(web, mailbox.file, upload_name(mailbox.filename))
    return redirect(f"/mail/imports/{job.id}")


@router.get("/imports/{job_id}")
def import_page(request: Request, web: Web, job_id: str) -> Response:
    """One import's progress; the bar refreshes itself until the import is done."""
    return render(request, "import.html", {"section": "mail", "job": web.jobs.get(job_id)})


@router.get("/imports/{job_id}/progress")
def import_progress(request: Request, web: Web, job_id: str) -> Response:
    """The progress box alone, polled by htmx."""
    return render(request, "_import_progress.html", {"job": web.jobs.get(job_id)})
