"""The labelled mail the classifier learns from: the corpus shipped with the package, plus the person's corrections."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from importlib import resources
from pathlib import Path
from typing import Any

from bounceback.domain.mail import MailLabel
from bounceback.mail.calendar import invitation_text
from bounceback.mail.classify.model import Example, MailClassifier, fingerprint
from bounceback.mail.classify.text import ClassifierInput

CORRECTION_WEIGHT = 3.0  # a person's own correction counts more than a written example


def record_input(record: dict[str, Any]) -> ClassifierInput:
    """A corpus record (from, subject, text, html) as classifier input."""
    from email.utils import parseaddr

    from bounceback.mail.html_text import html_to_text

    name, address = parseaddr(record.get("from") or "")
    text = record.get("text") or ""
    if not text.strip() and record.get("html"):
        text = html_to_text(record["html"])
    return ClassifierInput(
        record.get("subject") or "", name, address.lower(), text, bool(record.get("is_list")),
        invitation_text(record.get("calendar") or ""),
    )  # fmt: skip


def read_jsonl(lines: Iterable[str]) -> list[dict[str, Any]]:
    """Records from JSON Lines, skipping blank lines."""
    return [json.loads(line) for line in lines if line.strip()]


def shipped_records() -> list[dict[str, Any]]:
    """Every record of the training corpus that ships with the package, in a stable order."""
    folder = resources.files("bounceback.mail.corpus").joinpath("train")
    records: list[dict[str, Any]] = []
    for entry in sorted((e for e in folder.iterdir() if e.name.endswith(".jsonl")), key=lambda e: e.name):
        records.extend(read_jsonl(entry.read_text(encoding="utf-8").splitlines()))
    return records


def examples_from(records: list[dict[str, Any]], *, weight: float = 1.0) -> list[Example]:
    """Labelled examples from corpus records."""
    return [
        Example(
            record_input(r), MailLabel(r["label"]), weight, r.get("evidence") or None, r.get("family") or ""
        )
        for r in records
    ]


def training_examples(corrections: list[Example] | None = None) -> list[Example]:
    """The shipped corpus plus the person's corrections (weighted)."""
    return examples_from(shipped_records()) + list(corrections or [])


def load_or_train(
    cache_dir: Path, corrections: list[Example] | None = None, *, say: Callable[[str], object] | None = None
) -> MailClassifier:
    """The classifier for this person: the packaged model, refitted with their corrections when they have any
    (cached by the corrections and the code, so only once per new set of either). A packaged or cached model
    that does not fit this code (saved by another version) is rebuilt, and `say` (standard error by default)
    is told so in one sentence, never with a traceback."""
    from bounceback.mail.classify.shipped import FILE, packaged_file_exists, shipped_model, source_fingerprint

    tell = say or _to_stderr
    base = shipped_model()
    if base is None and packaged_file_exists():
        tell(
            f"The packaged mail model ({FILE}) does not fit this version of bounceback, so a new one is trained "
            "from the shipped corpus now (once; it takes a few minutes)."
        )
    if base is not None and not corrections:
        return base
    examples = training_examples(corrections)
    path = cache_dir / f"mail-classifier-{fingerprint(examples)}-{source_fingerprint()}.json"
    model = MailClassifier.load(path)
    if model is None:
        if path.exists():
            tell(f"The saved mail model {path} does not fit this version of bounceback, so it is rebuilt.")
        model = base.refit(examples) if base is not None else MailClassifier.train(examples)
        model.save(path)
        for stale in cache_dir.glob("mail-classifier-*.json"):
            if stale != path:
                stale.unlink(missing_ok=True)
    return model


def _to_stderr(sentence: str) -> None:
    import sys

    sys.stderr.write(sentence + "\n")
