"""The person's corrections, as extra training data for their own model."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from bounceback.domain.mail import MailRecord
from bounceback.mail.classify.corpus import CORRECTION_WEIGHT, load_or_train
from bounceback.mail.classify.interface import Classifier
from bounceback.mail.classify.model import Example
from bounceback.mail.classify.text import ClassifierInput


def corrections(session: Session, owner_id: int) -> list[Example]:
    """Every message the person relabelled, weighted above the shipped corpus."""
    records = session.scalars(
        select(MailRecord)
        .where(MailRecord.owner_id == owner_id, MailRecord.corrected.is_(True))
        .order_by(MailRecord.id)
    )
    return [
        Example(
            ClassifierInput(r.subject, r.from_name, r.from_address, r.body), r.label, CORRECTION_WEIGHT,
            group=f"correction-{r.id}",
        )
        for r in records
    ]  # fmt: skip


def classifier_for(session: Session, owner_id: int, cache_dir: Path) -> Classifier:
    """The model for this person: the shipped corpus plus their corrections (retrained only when they change)."""
    return load_or_train(cache_dir, corrections(session, owner_id))
