"""The mail classifier: a message model and a sentence model, combined, calibrated and stored as plain data.

How a message is read:
1. The message model (TF-IDF word 1–2-grams and character 3–5-grams of the sender hints, subject and new body;
   class-balanced logistic regression) gives a probability per label: it reads the *kind* of message.
2. The sentence model and the decision rules (evidence.py, decisions.py) read each of the message's own
   sentences for a decision: a rejection asserted, an offer made, an interview or a test set up.
3. A small combining layer (multinomial logistic regression over the message model's log-probabilities, the
   strongest sentence per label and the rule hits) gives the label, fitted on predictions for *held-out template
   families* (GroupKFold on the corpus `family`), so it learns how far each part can be trusted on mail written
   by someone else; one temperature, fitted the same way, makes its probabilities honest.
4. A rejection needs evidence: without an asserted decision sentence, or in a message that is not about a job,
   the rejection is out and the next label stands with its own (lower) probability. A message with no words
   to read never becomes a rejection and waits for review.

Why this model and not another: measured side by side on the training corpus with whole families held out
(`benchmarks/classifier_select.py`, 1,050 messages, 514 families, five folds):

| model | macro-F1 | rejection P / R | false rejections auto-applied |
|---|---|---|---|
| TF-IDF message model alone (the previous model, retrained) | 0.910 | 0.898 / 0.930 | 9 |
| + sentence model | 0.920 | 0.931 / 0.947 | 6 |
| + decision rules | 0.928 | 0.953 / 0.982 | 7 |
| message + sentences + rules (this model) | 0.935 | 0.978 / 0.987 | 2 |
| all-MiniLM-L6-v2 sentence and message embeddings alone | 0.847 | 0.838 / 0.860 | 5 |
| this model + the embeddings | 0.942 | 0.974 / 0.974 | 2 |

The embeddings add 0.007 macro-F1 and nothing to rejection precision, for a 6 GB install (PyTorch) and about
a second per hundred sentences on two cores: not worth it for the default install, and not needed optional
either. The TF-IDF parts train in seconds, are deterministic, explain themselves through their weights, and are
applied here without scikit-learn (features.py), so commands that do not classify never import it.

The model is saved as JSON with its format version and label order: loading it never runs code, and a file of
another format or label order is refused (and rebuilt).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from bounceback.domain.mail import MailLabel
from bounceback.mail.classify import decisions, evidence
from bounceback.mail.classify.features import TextModel, softmax
from bounceback.mail.classify.interface import Prediction
from bounceback.mail.classify.text import ClassifierInput, document

__all__ = ["FORMAT_VERSION", "LABELS", "Example", "MailClassifier", "Prediction", "fingerprint"]

FORMAT_VERSION = 2
LABELS: tuple[MailLabel, ...] = tuple(MailLabel)
FOLDS = 5
SURELY_OTHER = 0.9  # above this message-model probability of `other`, sentences are not read (no held-out job
# message of the corpus reaches it; a newsletter or a receipt mostly does)
UNREADABLE_CONFIDENCE = 0.5  # below every auto-apply threshold: a message with nothing to read waits
UNCONFIRMED_REJECTION = 0.7  # a rejection only the sentence model backs stays below the auto-apply threshold
MAYBE_REJECTION = 0.2  # `other` mail with a rule-confirmed decision this likely a rejection waits for review
STATED_CONFIDENCE = 0.85  # what a status line or invitation stating the label is worth (see _decide)
_MESSAGE = {"word_high": 2, "strength": 20.0}
_SENTENCE = {"word_high": 3, "strength": 10.0}
_COMBINER_STRENGTH = 1.0
# The combining layer's inputs, by group (benchmarks/classifier_select.py measures them one by one).
FEATURE_GROUPS = {
    "message": list(range(6)),  # log-probabilities of the message model, in LABELS order
    "sentences": list(range(6, 10)),  # strongest sentence per EVIDENCE_LABELS (rejection: asserted only)
    "rules": list(range(10, 14)),  # a decision rule hit per EVIDENCE_LABELS
    # not-a-job words; job-mail × rejection rule / sentence; not-a-job × rejection rule; job-mail × other rules
    "context": list(range(14, 21)),
    "stated": list(range(21, 27)),  # a status line or an invitation states the label (evidence.STATED_LABELS)
}
FEATURES = 27


@dataclass(frozen=True)
class Example:
    """One labelled message: its evidence sentence when marked, and its template family (held out together)."""

    item: ClassifierInput
    label: MailLabel
    weight: float = 1.0
    evidence: str | None = None
    group: str = ""


def fingerprint(examples: Sequence[Example]) -> str:
    """A short hash of the training data and format, to know when a saved model is stale."""
    digest = hashlib.sha256(f"{FORMAT_VERSION}:{[label.value for label in LABELS]}".encode())
    for ex in examples:
        i = ex.item
        digest.update(
            json.dumps(
                [
                    i.subject,
                    i.from_name,
                    i.from_address,
                    i.text,
                    i.is_list,
                    i.calendar,
                    ex.label,
                    ex.weight,
                    ex.evidence,
                    ex.group,
                ]
            ).encode()
        )
    return digest.hexdigest()[:16]


def combined_features(
    message: TextModel, sentences: TextModel, items: Sequence[ClassifierInput]
) -> tuple[np.ndarray, list[evidence.Reading]]:
    """The combining layer's inputs (message log-probabilities, sentence evidence per label, not-a-job mail),
    and what the sentences said. Mail the message model is sure is not about a job (newsletters, receipts) is
    not read sentence by sentence: the same in training and prediction, so the layer knows it."""
    probs = softmax(message.full_scores([document(i) for i in items], len(LABELS)))
    other = LABELS.index(MailLabel.OTHER)
    wanted = [index for index, p in enumerate(probs) if p[other] < SURELY_OTHER]
    read = evidence.read([items[index] for index in wanted], sentences)
    readings = [evidence.unread(item) for item in items]
    for index, reading in zip(wanted, read, strict=True):
        readings[index] = reading
    other = LABELS.index(MailLabel.OTHER)
    rows = []
    for p, r, i in zip(probs, readings, items, strict=True):
        sentence = evidence.features(r)
        elsewhere = float(_not_employment(i))
        job = 1.0 - float(p[other])  # a decision only counts in mail about the person's job search
        rule, strength = sentence[4], sentence[0]
        others = [job * hit for hit in sentence[5:8]]
        rows.append(
            [
                *np.log(p + 0.0001),
                *sentence[:8],
                elsewhere,
                job * rule,
                job * strength,
                elsewhere * rule,
                *others,
                *sentence[8:],
            ]
        )
    return np.asarray(rows, dtype=np.float64), readings


def _not_employment(item: ClassifierInput) -> bool:
    return decisions.says(decisions.NOT_EMPLOYMENT, f"{item.subject} {item.text[:3000]}")


def _elsewhere(item: ClassifierInput) -> bool:
    """True for a decision about something other than work: a flat, a grant, a course, a lottery, with no
    word that only mail about work uses."""
    return _not_employment(item) and not decisions.says(decisions.WORK, f"{item.subject}\n{item.text[:3000]}")


def fit_sentence_model(examples: Sequence[Example]) -> TextModel:
    docs, classes = evidence.training_rows(
        [e.item for e in examples], [e.label for e in examples], [e.evidence for e in examples]
    )
    return TextModel.fit(docs, np.asarray(classes), **_SENTENCE)  # type: ignore[arg-type]


def fit_message_model(examples: Sequence[Example]) -> TextModel:
    truth = np.array([LABELS.index(e.label) for e in examples])
    weights = np.array([e.weight for e in examples])
    return TextModel.fit([document(e.item) for e in examples], truth, weights, **_MESSAGE)  # type: ignore[arg-type]


def _fit_temperature(scores: np.ndarray, truth: np.ndarray) -> float:
    """The temperature that makes held-out probabilities honest (lowest log-loss)."""
    best, best_loss = 1.0, float("inf")
    for t in np.linspace(0.2, 5.0, 97):
        probs = softmax(scores / t)
        loss = -float(np.mean(np.log(probs[np.arange(len(truth)), truth] + 1e-12)))
        if loss < best_loss:
            best, best_loss = float(t), loss
    return best


def _groups(examples: Sequence[Example]) -> list[str]:
    return [e.group or f"#{index}" for index, e in enumerate(examples)]


# One small message read when a model is loaded: a model saved by code with another feature layout cannot read it.
_PROBE = ClassifierInput(
    "Your application", "Recruiting", "jobs@example.com", "We have received your application."
)


class MailClassifier:
    """Train, save, load and predict; one class, one format version (see the module docstring)."""

    format_version = FORMAT_VERSION

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self._message = TextModel(data["message"])
        self._sentences = TextModel(data["sentences"])
        self._coef_t = np.asarray(data["combiner"]["coef"], dtype=np.float64).T.copy()
        self._intercept = np.asarray(data["combiner"]["intercept"], dtype=np.float64)
        self.temperature = float(data["temperature"])

    @property
    def labels(self) -> tuple[MailLabel, ...]:
        """The output order saved with the weights."""
        return tuple(MailLabel(v) for v in self.data["labels"])

    @property
    def trained_on(self) -> dict[str, Any]:
        """What the model learnt from, for the CLI to say."""
        return dict(self.data["trained_on"])

    # Prediction ---------------------------------------------------------------------------------------
    def predict(self, items: Sequence[ClassifierInput]) -> list[Prediction]:
        """Label each message, with calibrated confidence and the sentence that backs the label."""
        if not items:
            return []
        features, readings = combined_features(self._message, self._sentences, items)
        probs = softmax((features @ self._coef_t + self._intercept) / self.temperature)
        return [
            self._decide(item, row, reading)
            for item, row, reading in zip(items, probs, readings, strict=True)
        ]

    def _decide(self, item: ClassifierInput, row: np.ndarray, reading: evidence.Reading) -> Prediction:
        probabilities = {label: float(p) for label, p in zip(LABELS, row, strict=True)}
        allowed = dict(probabilities)
        notes: list[str] = []
        maybe: MailLabel | None = None
        if not reading.supports(MailLabel.REJECTION) or _elsewhere(item):
            allowed.pop(MailLabel.REJECTION)
            if max(probabilities, key=probabilities.__getitem__) is MailLabel.REJECTION:
                notes.append("it sounds like a rejection, but no sentence states a decision")
        if not reading.readable:
            allowed.pop(MailLabel.REJECTION, None)
            notes.append("it has no text to read")
        if MailLabel.OTHER in reading.stated and MailLabel.REJECTION in allowed:
            # "This confirms you have withdrawn… you will not be considered further": the decision was the
            # person's own; what follows from it is no decision against them.
            allowed.pop(MailLabel.REJECTION)
            notes.append("it confirms your own withdrawal")
        held = reading.held
        if held and held.undecided and MailLabel.REJECTION in allowed:
            allowed.pop(
                MailLabel.REJECTION
            )  # "hiring is paused; nothing is decided, we'll tell you either way"
            notes.append("hiring is on hold, and it says nothing is decided yet")
        if decisions.says(decisions.NOT_A_STEP, f"{item.subject}\n{item.text[:3000]}"):
            allowed.pop(
                MailLabel.ASSESSMENT, None
            )  # a practice test or a login code is no step of an application
        label = max(allowed, key=allowed.__getitem__)
        confidence = allowed[label]
        stated = [x for x in reading.stated if x in allowed]
        if len(stated) == 1 and stated[0] is not label:
            # A status line ("Status: Offered") or an interview invitation says it outright: the rules are
            # right about that (81 of 82 such messages in the corpus), even for a template never seen before.
            # A rejection keeps its own probability, so an unsure one still waits for review.
            label = stated[0]
            confidence = (
                allowed[label] if label is MailLabel.REJECTION else max(allowed[label], STATED_CONFIDENCE)
            )
            notes.append("its status line or invitation says so")
        if (
            label is not MailLabel.OTHER
            and not reading.rule.get(label, False)
            and label not in reading.stated
            and decisions.says(decisions.WITHHELD, item.text[:3000])
        ):
            confidence = min(confidence, UNREADABLE_CONFIDENCE)
            notes.append("it only says to sign in to see the update")
        if label is MailLabel.REJECTION and held and held.pending:
            # A pause "for now", with a promise to come back: the person decides whether it ends their hopes.
            confidence = min(confidence, UNCONFIRMED_REJECTION)
            notes.append("hiring is on hold and it promises an update, so it is no final decision")
        if label is MailLabel.REJECTION and not reading.rule[MailLabel.REJECTION]:
            # Only the sentence model saw a decision, no rule did: never applied without the person.
            confidence = min(confidence, UNCONFIRMED_REJECTION)
            notes.append("no rule confirms the decision sentence")
        if (
            label is MailLabel.OTHER
            and reading.rule[MailLabel.REJECTION]
            and MailLabel.REJECTION in allowed
            and probabilities[MailLabel.REJECTION] >= MAYBE_REJECTION
        ):
            notes.append("a sentence states a decision, but it does not read like mail about your search")
            maybe = MailLabel.REJECTION  # kept and shown for review, never applied, never skipped unseen
        if not reading.readable:
            job = 1.0 - probabilities[MailLabel.OTHER]
            likeliest = max((x for x in allowed if x is not MailLabel.OTHER), key=allowed.__getitem__)
            if job >= 0.5 and label is MailLabel.OTHER:
                label = likeliest
            elif label is MailLabel.OTHER and not item.is_list:
                maybe = likeliest  # nothing to read from a person or employer: they decide, it is not dropped
            confidence = min(confidence, UNREADABLE_CONFIDENCE)
        cited = reading.best.get(label)
        sentence = cited.sentence if cited else None
        if label is MailLabel.INTERVIEW and item.calendar and not (cited and cited.by_rule):
            sentence = item.calendar  # the invitation itself says best what was set up, and when
        screening = label is MailLabel.INTERVIEW and any(
            decisions.says(decisions.SCREENING, text)
            for text in (item.subject, item.calendar, sentence or "")
        )
        return Prediction(
            label, confidence, probabilities, sentence, reading.readable, screening, tuple(notes), maybe
        )

    # Training -----------------------------------------------------------------------------------------
    @classmethod
    def train(cls, examples: Sequence[Example], *, folds: int = FOLDS) -> MailClassifier:
        """Fit on labelled examples, deterministically: base models, then the combining layer and its
        temperature on predictions for held-out families (needs scikit-learn)."""
        from sklearn.linear_model import LogisticRegression
        from sklearn.model_selection import GroupKFold, cross_val_predict

        truth = np.array([LABELS.index(e.label) for e in examples])
        weights = np.array([e.weight for e in examples])
        groups = _groups(examples)
        splits = min(folds, len(set(groups)))
        held_out = np.zeros((len(examples), FEATURES))
        for fit_rows, test_rows in GroupKFold(n_splits=splits).split(truth, groups=groups):
            fitted = [examples[i] for i in fit_rows]
            held_out[test_rows], _ = combined_features(
                fit_message_model(fitted), fit_sentence_model(fitted), [examples[i].item for i in test_rows]
            )
        combiner = LogisticRegression(C=_COMBINER_STRENGTH, class_weight="balanced", max_iter=3000)
        combiner.fit(held_out, truth, sample_weight=weights)
        scores = cross_val_predict(
            LogisticRegression(C=_COMBINER_STRENGTH, class_weight="balanced", max_iter=3000),
            held_out, truth, groups=groups, cv=GroupKFold(n_splits=splits), method="decision_function",
        )  # fmt: skip
        temperature = _fit_temperature(np.asarray(scores), truth)
        return cls._assemble(examples, combiner.coef_, combiner.intercept_, temperature)

    @classmethod
    def _assemble(
        cls, examples: Sequence[Example], coef: Any, intercept: Any, temperature: float
    ) -> MailClassifier:
        counts = {label.value: sum(1 for e in examples if e.label is label) for label in LABELS}
        return cls(
            {
                "format": FORMAT_VERSION,
                "labels": [label.value for label in LABELS],
                "sentence_classes": list(evidence.SENTENCE_CLASSES),
                "message": fit_message_model(examples).data,
                "sentences": fit_sentence_model(examples).data,
                "combiner": {"coef": np.asarray(coef).tolist(), "intercept": np.asarray(intercept).tolist()},
                "temperature": temperature,
                "trained_on": {
                    "examples": len(examples),
                    "per_label": counts,
                    "corrections": sum(1 for e in examples if e.weight > 1),
                    "fingerprint": fingerprint(examples),
                },
            }
        )

    def refit(self, examples: Sequence[Example]) -> MailClassifier:
        """The same combining layer and temperature over base models refitted on `examples` (the corpus and
        the person's corrections): seconds instead of the full held-out training."""
        combiner = self.data["combiner"]
        return self._assemble(examples, combiner["coef"], combiner["intercept"], self.temperature)

    # Storage ------------------------------------------------------------------------------------------
    def save(self, path: Path) -> None:
        """Write atomically (a *.part file, then rename), so a crash never leaves half a model."""
        path.parent.mkdir(parents=True, exist_ok=True)
        part = path.with_suffix(path.suffix + ".part")
        part.write_text(json.dumps(self.data, separators=(",", ":")), encoding="utf-8")
        os.replace(part, path)

    @classmethod
    def load(cls, path: Path) -> MailClassifier | None:
        """Read a saved model; None when missing, unreadable, of another format or another label order (then
        it is rebuilt, never read with its outputs in the wrong order)."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return cls.from_data(data)

    @classmethod
    def from_data(cls, data: Any) -> MailClassifier | None:
        """A model from its saved data, or None when the data is not of this format and label order."""
        if not isinstance(data, dict) or data.get("format") != FORMAT_VERSION:
            return None
        if data.get("labels") != [label.value for label in LABELS]:
            return None
        if data.get("sentence_classes") != list(evidence.SENTENCE_CLASSES):
            return None
        try:
            model = cls(data)
            model.predict(
                [_PROBE]
            )  # weights of an older feature layout fail here, not on the first real mail
        except (KeyError, TypeError, ValueError, IndexError):
            return None
        return model
