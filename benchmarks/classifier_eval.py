"""Measure the mail classifier on the evaluation set, which was written apart from the training corpus.

Prints per-label precision, recall and F1, macro-F1, the confusion matrix, how many rejections would be
applied automatically (and how many of those are wrong), and extraction accuracy for company and role.

    .venv/bin/python benchmarks/classifier_eval.py [--eval benchmarks/data/eval_emails.jsonl]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from bounceback.domain.mail import MailLabel, needs_review
from bounceback.domain.naming import company_key
from bounceback.mail.classify.corpus import examples_from, read_jsonl, shipped_records
from bounceback.mail.classify.model import MailClassifier
from bounceback.mail.extract import extract

HERE = Path(__file__).parent
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=HERE / "data" / "eval_emails.jsonl")
    parser.add_argument("--show-errors", action="store_true", help="print every misclassified message")
    args = parser.parse_args()

    started = time.perf_counter()
    model = MailClassifier.train(examples_from(shipped_records()))
    print(
        f"trained on {model.trained_on['examples']} examples in {time.perf_counter() - started:.1f} s; "
        f"temperature {model.temperature:.2f}"
    )
    records = read_jsonl(args.eval.read_text(encoding="utf-8").splitlines())
    examples = examples_from(records)
    predictions = model.predict([e.item for e in examples])
    truth = [e.label for e in examples]
    predicted = [p.label for p in predictions]
    print(f"evaluated on {len(examples)} messages from {args.eval.name}\n")
    _table(truth, predicted)
    _confusion(truth, predicted)

    auto = [
        (t, p)
        for t, p in zip(truth, predictions, strict=True)
        if p.label is MailLabel.REJECTION and not needs_review(p.label, p.confidence)
    ]
    wrong = sum(t is not MailLabel.REJECTION for t, _ in auto)
    actual = sum(t is MailLabel.REJECTION for t in truth)
    print(f"\nrejections applied without review: {len(auto)} of {actual} true rejections; wrongly: {wrong}")

    companies = [
        (
            r.get("company"),
            extract(e.item.subject, e.item.from_name, e.item.from_address, e.item.text).company,
        )
        for r, e in zip(records, examples, strict=True)
        if r["label"] != "other"
    ]
    roles = [
        (r.get("role"), extract(e.item.subject, e.item.from_name, e.item.from_address, e.item.text).role)
        for r, e in zip(records, examples, strict=True)
        if r["label"] != "other"
    ]
    company_ok = sum(
        bool(want) and bool(got) and company_key(want) == company_key(got) for want, got in companies
    )
    role_ok = sum(bool(want) and bool(got) and want.lower() == got.lower() for want, got in roles)
    print(
        f"company extracted exactly: {company_ok}/{sum(1 for w, _ in companies if w)} job messages that name one"
    )
    print(f"role extracted exactly:    {role_ok}/{sum(1 for w, _ in roles if w)} job messages that name one")
    if args.show_errors:
        for record, t, p in zip(records, truth, predictions, strict=True):
            if t is not p.label:
                print(f"\n[{t.value} → {p.label.value} {p.confidence:.2f}] {record['subject']}")


if __name__ == "__main__":
    main()
