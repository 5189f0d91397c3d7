"""Measure the mail classifier as shipped on both evaluation sets, written apart from the training corpus.

For each set: per-label precision, recall and F1, macro-F1, the confusion matrix, rejection precision and
recall, acknowledgment recall, false rejections applied without review (as its own line), company and role
extracted exactly, and evidence agreement (the sentence the classifier cites overlaps the set's marked
evidence). The sets are only ever measured here, in aggregate: nothing is tuned on them.

    .venv/bin/python benchmarks/classifier_eval.py [--eval FILE ...] [--train]

`--train` trains a fresh model from the corpus instead of loading the packaged one (the same, when current).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from bounceback.domain.mail import MailLabel, needs_review
from bounceback.domain.naming import company_key
from bounceback.mail.classify.corpus import examples_from, read_jsonl, shipped_records
from bounceback.mail.classify.evidence import EVIDENCE_LABELS, overlaps
from bounceback.mail.classify.interface import Classifier, Prediction
from bounceback.mail.classify.model import MailClassifier
from bounceback.mail.classify.shipped import shipped_model
from bounceback.mail.extract import extract

HERE = Path(__file__).parent
DEFAULT_SETS = [HERE / "data" / "eval_emails.jsonl", HERE / "data" / "eval_adversarial.jsonl"]
LABELS = list(MailLabel)


def _table(truth: list[MailLabel], predicted: list[MailLabel]) -> float:
    """Print precision/recall/F1 per label and return macro-F1."""
    print(f"{'label':<15}{'precision':>10}{'recall':>8}{'f1':>7}{'support':>9}")
    f1s = []
    for label in LABELS:
        tp = sum(t is label and p is label for t, p in zip(truth, predicted, strict=True))
        fp = sum(t is not label and p is label for t, p in zip(truth, predicted, strict=True))
        fn = sum(t is label and p is not label for t, p in zip(truth, predicted, strict=True))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        f1s.append(f1)
        print(f"{label.value:<15}{precision:>10.3f}{recall:>8.3f}{f1:>7.3f}{tp + fn:>9}")
    macro = sum(f1s) / len(f1s)
    print(f"{'macro-F1':<15}{'':>10}{'':>8}{macro:>7.3f}{len(truth):>9}")
    return macro


def _confusion(truth: list[MailLabel], predicted: list[MailLabel]) -> None:
    """Rows: true label; columns: predicted label."""
    short = [label.value[:6] for label in LABELS]
    print("\nconfusion (rows: truth, columns: predicted)")
    print(f"{'':<15}" + "".join(f"{s:>8}" for s in short))
    for label in LABELS:
        row = [
            sum(t is label and p is other for t, p in zip(truth, predicted, strict=True)) for other in LABELS
        ]
        print(f"{label.value:<15}" + "".join(f"{n:>8}" for n in row))


def _ratio(hit: int, total: int) -> str:
    return f"{hit / total:.3f} ({hit}/{total})" if total else "n/a (0)"


def evaluate(model: Classifier, path: Path) -> None:
    """Every figure for one set."""
    records = read_jsonl(path.read_text(encoding="utf-8").splitlines())
    examples = examples_from(records)
    predictions: list[Prediction] = model.predict([e.item for e in examples])
    truth = [e.label for e in examples]
    predicted = [p.label for p in predictions]
    print(f"\n=== {path.name}: {len(examples)} messages ===")
    _table(truth, predicted)
    _confusion(truth, predicted)

    said_rejection = [t for t, p in zip(truth, predicted, strict=True) if p is MailLabel.REJECTION]
    rejections = sum(t is MailLabel.REJECTION for t in truth)
    caught = sum(t is MailLabel.REJECTION for t in said_rejection)
    acks = [p for t, p in zip(truth, predicted, strict=True) if t is MailLabel.ACKNOWLEDGMENT]
    print(f"\nrejection precision:     {_ratio(caught, len(said_rejection))}")
    print(f"rejection recall:        {_ratio(caught, rejections)}")
    print(f"acknowledgment recall:   {_ratio(sum(p is MailLabel.ACKNOWLEDGMENT for p in acks), len(acks))}")
    auto = [
        t
        for t, p in zip(truth, predictions, strict=True)
        if p.label is MailLabel.REJECTION and not needs_review(p.label, p.confidence)
    ]
    wrong = sum(t is not MailLabel.REJECTION for t in auto)
    print(f"rejections applied without review: {len(auto)} (of {rejections} true rejections)")
    print(f"false rejections applied without review: {wrong}")
    _extraction(records, examples)
    _evidence(records, truth, predictions)


def _extraction(records: list[dict[str, Any]], examples: list[Any]) -> None:
    companies, roles = [], []
    for record, example in zip(records, examples, strict=True):
        if record["label"] == "other":
            continue
        item = example.item
        found = extract(item.subject, item.from_name, item.from_address, item.text)
        companies.append((record.get("company"), found.company))
        roles.append((record.get("role"), found.role))
    company_ok = sum(bool(w) and bool(g) and company_key(w) == company_key(g) for w, g in companies)
    role_ok = sum(bool(w) and bool(g) and w.lower() == g.lower() for w, g in roles)
    print(f"company extracted exactly: {_ratio(company_ok, sum(1 for w, _ in companies if w))}")
    print(f"role extracted exactly:    {_ratio(role_ok, sum(1 for w, _ in roles if w))}")


def _evidence(records: list[dict[str, Any]], truth: list[MailLabel], predictions: list[Prediction]) -> None:
    """Of the messages read correctly as a rejection/offer/interview/assessment whose decision sentence is
    marked, how many cite a sentence that overlaps it."""
    for label in (MailLabel.REJECTION, None):
        marked = [
            (r, p)
            for r, t, p in zip(records, truth, predictions, strict=True)
            if t is p.label and t in EVIDENCE_LABELS and r.get("evidence") and (label is None or t is label)
        ]
        agree = sum(overlaps(p.evidence, r["evidence"]) for r, p in marked)
        what = "rejections" if label else "all four labels"
        print(f"evidence agrees with the marked sentence ({what}): {_ratio(agree, len(marked))}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, action="append", help="an evaluation set (default: both)")
    parser.add_argument(
        "--train", action="store_true", help="train from the corpus instead of the packaged model"
    )
    args = parser.parse_args()

    started = time.perf_counter()
    model = MailClassifier.train(examples_from(shipped_records())) if args.train else shipped_model()
    if model is None:
        raise SystemExit("There is no packaged model: run `python -m bounceback.mail.classify.shipped`.")
    print(
        f"model: {'trained now' if args.train else 'packaged'} on {model.trained_on['examples']} examples "
        f"({time.perf_counter() - started:.1f} s); temperature {model.temperature:.2f}"
    )
    for path in args.eval or DEFAULT_SETS:
        evaluate(model, path)


if __name__ == "__main__":
    main()
