"""How much the classifier leans on tone rather than the decision, measured on the training corpus itself.

Cross-validation holds out whole template families (five folds), so no template is both learnt and tested.
Two probes on the held-out messages: rejections with their evidence sentence removed (a model that reads the
decision should stop calling them rejections) and acknowledgments with a courtesy paragraph added (a model that
reads the decision should not start calling them rejections). The evaluation sets are not read.

    .venv/bin/python benchmarks/corpus_shortcuts.py [--corpus DIR] [--list]
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from bounceback.domain.mail import MailLabel, needs_review
from bounceback.mail.classify.corpus import examples_from, read_jsonl, record_input, shipped_records
from bounceback.mail.classify.model import MailClassifier, Prediction
from bounceback.mail.html_text import html_to_text

COURTESY = (
    "\n\nThank you for your interest in us. We will keep your résumé on file and reach out about future openings "
    "that match your experience. We wish you all the best in your search."
)


def body(record: dict[str, Any]) -> str:
    text = record.get("text") or ""
    return html_to_text(record["html"]) if not text.strip() and record.get("html") else text


def folds(records: list[dict[str, Any]], k: int = 5) -> list[list[int]]:
    """Families dealt to k folds, largest first, each to the smallest fold so far."""
    members: dict[str, list[int]] = {}
    for index, record in enumerate(records):
        members.setdefault(record.get("family") or f"#{index}", []).append(index)
    out: list[list[int]] = [[] for _ in range(k)]
    for family in sorted(members, key=lambda f: (-len(members[f]), f)):
        min(out, key=len).extend(members[family])
    return out


def _per_label(truth: list[MailLabel], labels: list[MailLabel]) -> None:
    """Precision, recall and F1 per label, and macro-F1, over the held-out predictions."""
    pairs = list(zip(truth, labels, strict=True))
    f1s = []
    print(f"{'label':<15}{'precision':>10}{'recall':>8}{'f1':>7}{'support':>9}")
    for label in MailLabel:
        tp = sum(t is label and p is label for t, p in pairs)
        said = sum(p is label for _t, p in pairs)
        real = sum(t is label for t, _p in pairs)
        precision, recall = tp / max(said, 1), tp / max(real, 1)
        f1s.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
        print(f"{label.value:<15}{precision:>10.3f}{recall:>8.3f}{f1s[-1]:>7.3f}{real:>9}")
    print(f"{'macro-F1':<15}{'':>18}{sum(f1s) / len(f1s):>7.3f}{len(pairs):>9}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="a folder of *.jsonl (default: the shipped corpus)")
    parser.add_argument(
        "--list",
        action="store_true",
        help="also list each false rejection (family, truth, confidence, sentence)",
    )
    args = parser.parse_args()
    if args.corpus:
        records = [
            r for p in sorted(args.corpus.glob("*.jsonl")) for r in read_jsonl(p.read_text().splitlines())
        ]
    else:
        records = shipped_records()
    predicted: dict[int, Prediction] = {}
    ablated: list[Prediction] = []
    injected: list[Prediction] = []
    for held_out in folds(records):
        held = set(held_out)
        model = MailClassifier.train(examples_from([r for i, r in enumerate(records) if i not in held]))
        predicted.update(
            zip(held_out, model.predict([record_input(records[i]) for i in held_out]), strict=True)
        )
        rejections = [
            records[i] for i in held_out if records[i]["label"] == "rejection" and records[i].get("evidence")
        ]
        ablated += model.predict(
            [record_input(dict(r, text=body(r).replace(r["evidence"], " "), html=None)) for r in rejections]
        )
        acks = [records[i] for i in held_out if records[i]["label"] == "acknowledgment"]
        injected += model.predict([record_input(dict(r, text=body(r) + COURTESY, html=None)) for r in acks])

    truth = [MailLabel(r["label"]) for r in records]
    labels = [predicted[i].label for i in range(len(records))]
    rejection = MailLabel.REJECTION
    tp = sum(t is rejection and p is rejection for t, p in zip(truth, labels, strict=True))
    fp = sum(t is not rejection and p is rejection for t, p in zip(truth, labels, strict=True))
    fn = sum(t is rejection and p is not rejection for t, p in zip(truth, labels, strict=True))
    auto_wrong = sum(
        t is not rejection and p.label is rejection and not needs_review(p.label, p.confidence)
        for t, p in zip(truth, (predicted[i] for i in range(len(records))), strict=True)
    )
    families = len({r.get("family") for r in records})
    print(f"{len(records)} records, {families} families; 5 folds by family")
    print(f"accuracy {sum(t is p for t, p in zip(truth, labels, strict=True)) / len(records):.3f}")
    _per_label(truth, labels)
    print(f"rejection precision {tp / max(tp + fp, 1):.3f}, recall {tp / max(tp + fn, 1):.3f}")
    print(f"false rejections (a non-rejection labelled rejection): {fp}")
    print(f"false rejections applied without review: {auto_wrong}")
    if args.list:
        for index, record in enumerate(records):
            p = predicted[index]
            if p.label is rejection and truth[index] is not rejection:
                print(f"  {record.get('family')} ({truth[index].value}, {p.confidence:.2f}): {p.evidence!r}")
    still = sum(p.label is rejection for p in ablated)
    print(f"rejections without their evidence sentence still called rejection: {still}/{len(ablated)}")
    flipped = sum(p.label is rejection for p in injected)
    print(f"acknowledgments with a courtesy paragraph added called rejection: {flipped}/{len(injected)}")


if __name__ == "__main__":
    main()
