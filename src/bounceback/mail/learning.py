"""The person's corrections, as extra training data for their own model."""

from __future__ import annotations

from pathlib import Path

from bounceback.mail.classify.corpus import CORRECTION_WEIGHT, load_or_train
from bounceback.mail.classify.interface import Classifier
from bounceback.mail.classify.model import Example
from bounceback.mail.classify.text import ClassifierInput
from bounceback.workspace import ReadModel


def corrections(read: ReadModel) -> list[Example]:
    """Every message the person relabelled, weighted above the shipped corpus."""
    records = read.corrected_mail()
    return [
        Example(
            ClassifierInput(r.subject, r.from_name, r.from_address, r.body), r.label, CORRECTION_WEIGHT,
            group=f"correction-{r.id}",
        )
        for r in records
    ]  # fmt: skip


def classifier_for(read: ReadModel, cache_dir: Path) -> Classifier:
    """The model for this person: the shipped corpus plus their corrections (retrained only when they change)."""
    return load_or_train(cache_dir, corrections(read))
