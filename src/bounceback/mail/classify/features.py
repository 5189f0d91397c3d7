"""A TF-IDF linear text model stored as plain data, applied without scikit-learn.

scikit-learn (with SciPy) takes seconds to import; it is needed to *train*, not to apply a linear model. This
module reproduces exactly what the trained vectorizers compute — word 1–n-grams and character 3–5-grams within
word boundaries, sublinear term frequency, IDF weights, each part L2-normalised — from the data the model
stores. tests/test_classifier.py checks it against scikit-learn itself.

Character n-grams are counted once per distinct word, not per occurrence: the grams of a word are the same
wherever it stands, so they are looked up once (and remembered across messages: mail repeats its words).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from itertools import pairwise
from typing import Any

import numpy as np

TOKEN = re.compile(r"(?u)\b\w+\b")
_WORD_CACHE = 200_000  # distinct words whose character n-grams are remembered
_DIGITS = 6  # decimals kept of the weights: the saved model stays small, the scores move by ~1e-6


def word_ngrams(doc: str, high: int = 2) -> list[str]:
    """Lower-cased word 1- to `high`-grams, as scikit-learn's word analyzer makes them."""
    tokens = TOKEN.findall(doc.lower())
    grams = list(tokens)
    if high >= 2:
        grams += [f"{a} {b}" for a, b in pairwise(tokens)]
    for n in range(3, high + 1):
        grams += [" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]
    return grams


@lru_cache(maxsize=_WORD_CACHE)
def word_char_grams(word: str, low: int = 3, high: int = 5) -> tuple[str, ...]:
    """Character n-grams of one space-padded word, as scikit-learn's 'char_wb' analyzer makes them."""
    padded = f" {word} "
    length = len(padded)
    grams: list[str] = []
    for n in range(low, high + 1):
        offset = 0
        grams.append(padded[offset : offset + n])
        while offset + n < length:
            offset += 1
            grams.append(padded[offset : offset + n])
        if offset == 0:  # the word is shorter than n: counted once
            break
    return tuple(grams)


def char_wb_ngrams(doc: str) -> list[str]:
    """Every character n-gram of a document in scikit-learn's order (for the equivalence test)."""
    return [gram for word in doc.lower().split() for gram in word_char_grams(word)]


class Part:
    """One vectorizer's vocabulary and IDF weights, and where its columns start."""

    def __init__(self, vocabulary: dict[str, int], idf: list[float], offset: int) -> None:
        self.vocabulary = vocabulary
        self.idf = np.asarray(idf, dtype=np.float64)
        self.offset = offset
        self._word_columns: dict[str, tuple[int, ...]] = {}

    def word_columns(self, word: str) -> tuple[int, ...]:
        """The columns of a word's known character n-grams (with repeats), remembered per word."""
        columns = self._word_columns.get(word)
        if columns is None:
            vocabulary = self.vocabulary
            columns = tuple(vocabulary[g] for g in word_char_grams(word) if g in vocabulary)
            if len(self._word_columns) < _WORD_CACHE:
                self._word_columns[word] = columns
        return columns

    def char_weights(self, doc: str) -> tuple[np.ndarray, np.ndarray]:
        """Columns and weights of a document's character n-grams, each distinct word looked at once."""
        counts: dict[int, int] = {}
        get = counts.get
        for word, times in Counter(doc.lower().split()).items():
            for column in self.word_columns(word):
                counts[column] = get(column, 0) + times
        if not counts:
            return np.zeros(0, dtype=np.intp), np.zeros(0)
        return self._normalised(
            np.fromiter(counts.keys(), dtype=np.intp, count=len(counts)),
            np.fromiter(counts.values(), dtype=np.float64, count=len(counts)),
        )

    def gram_weights(self, grams: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """Columns and weights of a list of n-grams (the word part)."""
        vocabulary = self.vocabulary
        counts = Counter(vocabulary[g] for g in grams if g in vocabulary)
        if not counts:
            return np.zeros(0, dtype=np.intp), np.zeros(0)
        return self._normalised(
            np.fromiter(counts.keys(), dtype=np.intp, count=len(counts)),
            np.fromiter(counts.values(), dtype=np.float64, count=len(counts)),
        )

    def _normalised(self, columns: np.ndarray, counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """L2-normalised sublinear TF-IDF weights, columns shifted to this part's place."""
        values = (1.0 + np.log(counts)) * self.idf[columns]
        norm = float(np.sqrt(values @ values))
        return columns + self.offset, values / norm if norm else values


class TextModel:
    """Word and character TF-IDF features with a linear layer: scores per class for each document."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.word_high = int(data["word_high"])
        self._word = Part(data["word_vocabulary"], data["word_idf"], 0)
        self._char = Part(data["char_vocabulary"], data["char_idf"], len(data["word_vocabulary"]))
        self._coef_t = np.asarray(data["coef"], dtype=np.float64).T.copy()
        self._intercept = np.asarray(data["intercept"], dtype=np.float64)

    def scores(self, docs: list[str]) -> np.ndarray:
        """Raw linear scores: one row per document, one column per class."""
        scores = np.tile(self._intercept, (len(docs), 1))
        for row, doc in enumerate(docs):
            for columns, values in (
                self._word.gram_weights(word_ngrams(doc, self.word_high)),
                self._char.char_weights(doc),
            ):
                if len(columns):
                    scores[row] += values @ self._coef_t[columns]
        return scores

    def probabilities(self, docs: list[str]) -> np.ndarray:
        """Softmax of the scores (what scikit-learn's multinomial predict_proba gives)."""
        return softmax(self.scores(docs))

    @classmethod
    def fit(
        cls,
        docs: list[str],
        truth: np.ndarray,
        weights: np.ndarray | None = None,
        *,
        word_high: int = 2,
        strength: float = 20.0,
        max_char: int = 60000,
    ) -> TextModel:
        """Fit vectorizers and a class-balanced logistic regression, deterministically (needs scikit-learn)."""
        from scipy.sparse import hstack
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression

        word = TfidfVectorizer(
            analyzer="word", ngram_range=(1, word_high), token_pattern=r"(?u)\b\w+\b",
            sublinear_tf=True, min_df=2, dtype=np.float64,
        )  # fmt: skip
        char = TfidfVectorizer(
            analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=2, max_features=max_char,
            dtype=np.float64,
        )  # fmt: skip
        features = hstack([word.fit_transform(docs), char.fit_transform(docs)]).tocsr()
        model = LogisticRegression(C=strength, class_weight="balanced", max_iter=5000, tol=1e-3)
        model.fit(features, truth, sample_weight=weights)
        classes = [int(c) for c in model.classes_]
        coef, intercept = model.coef_, model.intercept_
        if len(classes) == 2:  # scikit-learn keeps one row for two classes
            coef, intercept = (
                np.vstack([-coef[0] / 2, coef[0] / 2]),
                np.array([-intercept[0] / 2, intercept[0] / 2]),
            )
        return cls(
            {
                "word_high": word_high,
                "classes": classes,
                "word_vocabulary": {k: int(v) for k, v in word.vocabulary_.items()},
                "word_idf": np.round(word.idf_, _DIGITS).tolist(),
                "char_vocabulary": {k: int(v) for k, v in char.vocabulary_.items()},
                "char_idf": np.round(char.idf_, _DIGITS).tolist(),
                "coef": np.round(np.asarray(coef), _DIGITS).tolist(),
                "intercept": np.round(np.asarray(intercept), _DIGITS).tolist(),
            }
        )

    def full_scores(self, docs: list[str], n_classes: int) -> np.ndarray:
        """Scores with a column for every class, also those the training data lacked (very low)."""
        scores = self.scores(docs)
        classes = self.data["classes"]
        if len(classes) == n_classes:
            return scores
        full = np.full((len(docs), n_classes), -30.0)
        full[:, classes] = scores
        return full


def softmax(scores: np.ndarray) -> np.ndarray:
    """Row-wise softmax."""
    shifted = scores - scores.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=1, keepdims=True)
