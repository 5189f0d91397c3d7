"""What every mail classifier offers its callers, so another model plugs in without touching them.

The importer, the review queue, `classify`, the web import, the evaluation and the corrections benchmark only
use this: `predict` a batch, say what it was `trained_on`, and carry the `format_version` and `labels` (the
order of its outputs) it was saved with. A saved model whose format or label order differs from the code's is
refused when loaded and rebuilt (model.py), never read with its columns shifted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from bounceback.domain.mail import MailLabel
from bounceback.mail.classify.text import ClassifierInput


@dataclass(frozen=True)
class Prediction:
    """A label with its calibrated confidence, every label's probability, and why.

    `evidence` is the sentence that states the decision (for a rejection, offer, interview or assessment), or
    None; `readable` is False when the body had no words to read (it then waits for review); `screening` is
    True when an interview message is a first call with a recruiter; `notes` say what made the reading
    uncertain."""

    label: MailLabel
    confidence: float
    probabilities: dict[MailLabel, float]
    evidence: str | None = None
    readable: bool = True
    screening: bool = False
    notes: tuple[str, ...] = field(default=())
    maybe: MailLabel | None = None  # `other` mail that may be this job label after all: it waits for review


@runtime_checkable
class Classifier(Protocol):
    """A trained mail classifier."""

    @property
    def format_version(self) -> int:
        """The version of the saved format this model was written in."""
        ...

    @property
    def labels(self) -> tuple[MailLabel, ...]:
        """The labels in the order of the model's outputs, saved with its weights."""
        ...

    @property
    def trained_on(self) -> dict[str, Any]:
        """What the model learnt from (examples, per label, corrections, fingerprint)."""
        ...

    def predict(self, items: Sequence[ClassifierInput]) -> list[Prediction]:
        """Label each message of a batch."""
        ...
