"""Do a person's corrections improve the classifier on the rest of their mailbox?

The evaluation set (written apart from the training corpus) stands in for one person's mailbox. It is split in
two halves by a fixed shuffle; the model trained on the shipped corpus labels the second half; then the first
half is added as the person's corrections (weighted as `mail relabel` weighs them, the packaged model refitted
with them as on the person's machine) and the second half is labelled again. Printed: accuracy, macro-F1 and rejection precision/recall on the second half, before and after,
for several splits. The shipped model is not changed by this.

    .venv/bin/python benchmarks/corrections_learning.py [--splits 3]
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from bounceback.domain.mail import MailLabel
from bounceback.mail.classify.corpus import CORRECTION_WEIGHT, examples_from, read_jsonl, shipped_records
from bounceback.mail.classify.model import Example, MailClassifier
from bounceback.mail.classify.shipped import shipped_model

EVAL = Path(__file__).parent / "data" / "eval_emails.jsonl"


def scores(model: MailClassifier, held_out: list[Example]) -> tuple[float, float, float, float]:
    """Accuracy, macro-F1, rejection precision and recall."""
    predicted = [p.label for p in model.predict([e.item for e in held_out])]
    truth = [e.label for e in held_out]
    accuracy = sum(t is p for t, p in zip(truth, predicted, strict=True)) / len(truth)
    f1s, rejection = [], (0.0, 0.0)
    for label in MailLabel:
        tp = sum(t is label and p is label for t, p in zip(truth, predicted, strict=True))
        fp = sum(t is not label and p is label for t, p in zip(truth, predicted, strict=True))
        fn = sum(t is label and p is not label for t, p in zip(truth, predicted, strict=True))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1s.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
        if label is MailLabel.REJECTION:
            rejection = (precision, recall)
    return accuracy, sum(f1s) / len(f1s), *rejection


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--splits", type=int, default=3)
    args = parser.parse_args()
    shipped = examples_from(shipped_records())
    base = shipped_model() or MailClassifier.train(shipped)
    mailbox = examples_from(read_jsonl(EVAL.read_text(encoding="utf-8").splitlines()))
    print(f"{'split':>5} {'':>7} {'accuracy':>9} {'macro-F1':>9} {'rej. P':>7} {'rej. R':>7}")
    gains = []
    for split in range(args.splits):
        order = list(range(len(mailbox)))
        random.Random(split).shuffle(order)
        half = len(order) // 2
        corrected = [
            Example(mailbox[i].item, mailbox[i].label, CORRECTION_WEIGHT, group=f"correction-{i}")
            for i in order[:half]
        ]
        rest = [mailbox[i] for i in order[half:]]
        before = scores(base, rest)
        after = scores(base.refit(shipped + corrected), rest)
        gains.append(after[0] - before[0])
        for name, row in (("before", before), ("after", after)):
            print(f"{split:>5} {name:>7} {row[0]:>9.3f} {row[1]:>9.3f} {row[2]:>7.3f} {row[3]:>7.3f}")
    print(
        f"\n{len(rest)} held-out messages per split, {half} corrections; mean accuracy gain {sum(gains) / len(gains):+.3f}"
    )


if __name__ == "__main__":
    main()
