"""The mail classifier: TF-IDF features with a linear model, calibrated, stored as plain data.

Why this model: job mail is short and formulaic in topic but endlessly varied in wording. Word 1–2-grams catch
the decisive phrases ("move forward with other candidates"), character 3–5-grams inside word boundaries catch
their variants and misspellings ("moving forwards", "candidature"), and a regularised logistic regression
weighs thousands of such cues without memorising any one message. It trains in about a second on the shipped
corpus, is deterministic, explains itself through its weights, and its scores become calibrated probabilities
with one temperature fitted on out-of-fold predictions. Rules (rules.py) add what rules do best.

The model is saved as JSON (vocabularies, IDF weights, coefficients): loading it never runs code.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from bounceback.domain.mail import MailLabel
from bounceback.mail.classify import rules
from bounceback.mail.classify.features import Part, linear_scores
from bounceback.mail.classify.text import ClassifierInput, document

FORMAT_VERSION = 1
LABELS: tuple[MailLabel, ...] = tuple(MailLabel)
_WORD = {"analyzer": "word", "ngram_range": (1, 2), "token_pattern": r"(?u)\b\w+\b", "sublinear_tf": True}
_CHAR = {"analyzer": "char_wb", "ngram_range": (3, 5), "sublinear_tf": True}


@dataclass(frozen=True)
class Example:
    """One labelled message; the person's own corrections weigh more than the shipped corpus."""

    item: ClassifierInput
    label: MailLabel
    weight: float = 1.0


@dataclass(frozen=True)
class Prediction:
    """A label with its calibrated confidence and every label's probability."""

    label: MailLabel
    confidence: float
    probabilities: dict[MailLabel, float]


def fingerprint(examples: list[Example]) -> str:
    """A short hash of the training data, to know when a cached model is stale."""
    digest = hashlib.sha256(str(FORMAT_VERSION).encode())
    for ex in examples:
        digest.update(
            json.dumps([ex.item.subject, ex.item.from_address, ex.item.text, ex.label, ex.weight]).encode()
        )
    return digest.hexdigest()[:16]


def _vectorizer(params: dict[str, Any]) -> Any:
    """A scikit-learn TF-IDF vectorizer for training (features.py reproduces it for prediction)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(dtype=np.float64, **params)


def _softmax(scores: np.ndarray) -> np.ndarray:
    shifted = scores - scores.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=1, keepdims=True)


def _fit_temperature(scores: np.ndarray, truth: np.ndarray) -> float:
    """The temperature that makes out-of-fold probabilities honest (lowest log-loss)."""
    best, best_loss = 1.0, float("inf")
    for t in np.linspace(0.2, 5.0, 97):
        probs = _softmax(scores / t)
        loss = -float(np.mean(np.log(probs[np.arange(len(truth)), truth] + 1e-12)))
        if loss < best_loss:
            best, best_loss = float(t), loss
    return best


class MailClassifier:
    """Train, save, load and predict; one class, one format version."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self._word = Part(data["word_vocabulary"], data["word_idf"], 0)
        self._char = Part(data["char_vocabulary"], data["char_idf"], len(data["word_vocabulary"]))
        self._coef_t = np.asarray(data["coef"], dtype=np.float64).T.copy()
        self._intercept = np.asarray(data["intercept"], dtype=np.float64)
        self.temperature = float(data["temperature"])

    @property
    def trained_on(self) -> dict[str, Any]:
        """What the model learnt from, for the CLI to say."""
        return dict(self.data["trained_on"])

    def scores(self, items: list[ClassifierInput]) -> np.ndarray:
        """Raw linear scores per label (features computed without scikit-learn: see features.py)."""
        return linear_scores(
            [document(i) for i in items], self._word, self._char, self._coef_t, self._intercept
        )

    def predict(self, items: list[ClassifierInput]) -> list[Prediction]:
        """Label each message, with calibrated confidence tempered by the rules."""
        if not items:
            return []
        probs = _softmax(self.scores(items) / self.temperature)
        results = []
        for item, row in zip(items, probs, strict=True):
            probabilities = {lab: float(p) for lab, p in zip(LABELS, row, strict=True)}
            label, confidence = rules.adjust(probabilities, f"{item.subject}\n{item.text}")
            results.append(Prediction(label, confidence, probabilities))
        return results

    @classmethod
    def train(cls, examples: list[Example], *, calibrate: bool = True) -> MailClassifier:
        """Fit on labelled examples, deterministically."""
        from scipy.sparse import hstack
        from sklearn.linear_model import LogisticRegression
        from sklearn.model_selection import StratifiedKFold, cross_val_predict

        docs = [document(e.item) for e in examples]
        truth = np.array([LABELS.index(e.label) for e in examples])
        weights = np.array([e.weight for e in examples])
        word, char = (
            _vectorizer({**_WORD, "min_df": 2}),
            _vectorizer({**_CHAR, "min_df": 2, "max_features": 60000}),
        )
        features = hstack([word.fit_transform(docs), char.fit_transform(docs)]).tocsr()
        model = LogisticRegression(C=20.0, class_weight="balanced", max_iter=5000, tol=1e-3)
        model.fit(features, truth, sample_weight=weights)
        temperature = 1.0
        if calibrate and min(np.bincount(truth, minlength=len(LABELS))) >= 5:
            folds = StratifiedKFold(n_splits=3, shuffle=True, random_state=0)
            oof = cross_val_predict(model, features, truth, cv=folds, method="decision_function")
            temperature = _fit_temperature(np.asarray(oof), truth)
        counts = {lab.value: int((truth == i).sum()) for i, lab in enumerate(LABELS)}
        data = {
            "format": FORMAT_VERSION,
            "word_vocabulary": {k: int(v) for k, v in word.vocabulary_.items()},
            "word_idf": word.idf_.tolist(),
            "char_vocabulary": {k: int(v) for k, v in char.vocabulary_.items()},
            "char_idf": char.idf_.tolist(),
            "coef": model.coef_.tolist(),
            "intercept": model.intercept_.tolist(),
            "temperature": temperature,
            "trained_on": {
                "examples": len(examples),
                "per_label": counts,
                "corrections": int(sum(1 for e in examples if e.weight > 1)),
                "fingerprint": fingerprint(examples),
            },
        }
        return cls(data)

    def save(self, path: Path) -> None:
        """Write atomically (a *.part file, then rename), so a crash never leaves half a model."""
        path.parent.mkdir(parents=True, exist_ok=True)
        part = path.with_suffix(path.suffix + ".part")
        part.write_text(json.dumps(self.data), encoding="utf-8")
        os.replace(part, path)

    @classmethod
    def load(cls, path: Path) -> MailClassifier | None:
        """Read a saved model; None when missing, unreadable or of another format (then it is rebuilt)."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("format") != FORMAT_VERSION:
            return None
        return cls(data)
