"""The TF-IDF features of a trained model, computed without scikit-learn.

scikit-learn (with SciPy) takes seconds to import; it is needed to *train*, not to apply a linear model. This
module reproduces exactly what the two trained vectorizers compute — word 1–2-grams and character 3–5-grams
within word boundaries, sublinear term frequency, IDF weights, each part L2-normalised — from the plain data
the model stores. tests/test_classifier.py checks it against scikit-learn itself.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from itertools import pairwise

import numpy as np

TOKEN = re.compile(r"(?u)\b\w+\b")
_RUNS_OF_SPACE = re.compile(r"\s\s+")


def word_ngrams(doc: str) -> list[str]:
    """Lower-cased word 1- and 2-grams, as scikit-learn's word analyzer makes them."""
    tokens = TOKEN.findall(doc.lower())
    return tokens + [f"{a} {b}" for a, b in pairwise(tokens)]


def char_wb_ngrams(doc: str, low: int = 3, high: int = 5) -> list[str]:
    """Character n-grams inside space-padded words, as scikit-learn's 'char_wb' analyzer makes them."""
    grams: list[str] = []
    for word in _RUNS_OF_SPACE.sub(" ", doc.lower()).split():
        padded = f" {word} "
        length = len(padded)
        for n in range(low, high + 1):
            offset = 0
            grams.append(padded[offset : offset + n])
            while offset + n < length:
                offset += 1
                grams.append(padded[offset : offset + n])
            if offset == 0:  # the word is shorter than n: counted once
                break
    return grams


class Part:
    """One vectorizer's vocabulary and IDF weights."""

    def __init__(self, vocabulary: dict[str, int], idf: list[float], offset: int) -> None:
        self.vocabulary = vocabulary
        self.idf = idf
        self.offset = offset

    def weights(self, grams: list[str]) -> tuple[list[int], np.ndarray]:
        """Column indices and L2-normalised sublinear TF-IDF weights of the known n-grams."""
        counts = Counter(g for g in grams if g in self.vocabulary)
        if not counts:
            return [], np.zeros(0)
        columns = [self.vocabulary[g] for g in counts]
        values = np.array(
            [(1.0 + math.log(c)) * self.idf[i] for c, i in zip(counts.values(), columns, strict=True)]
        )
        norm = float(np.sqrt(values @ values))
        return [self.offset + c for c in columns], values / norm if norm else values


def linear_scores(
    docs: list[str], word: Part, char: Part, coef_t: np.ndarray, intercept: np.ndarray
) -> np.ndarray:
    """The model's raw scores for each document (rows) and label (columns)."""
    scores = np.tile(intercept, (len(docs), 1))
    for row, doc in enumerate(docs):
        for columns, values in (word.weights(word_ngrams(doc)), char.weights(char_wb_ngrams(doc))):
            if columns:
                scores[row] += values @ coef_t[columns]
    return scores
