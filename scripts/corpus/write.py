"""Write the family modules into the training corpus: `python scripts/corpus/write.py`.

Each module here becomes one file `src/bounceback/mail/corpus/train/<module>.written.jsonl`. The files
are rewritten whole; the original hand-written files (*.jsonl without `.written`) are never touched.
"""

from __future__ import annotations

import importlib
import json
import sys
from collections import Counter

from engine import ROOT, render

MODULES = [
    "acknowledgments",
    "acknowledgments2",
    "others",
    "others2",
    "rejections",
    "rejections2",
    "progress",
    "voices",
    "relays",
]
TRAIN = ROOT / "src" / "bounceback" / "mail" / "corpus" / "train"


def main() -> None:
    names: Counter[str] = Counter()
    for module_name in sys.argv[1:] or MODULES:
        module = importlib.import_module(module_name)
        records = []
        for family in module.families():
            names[family.name] += 1
            records.extend(render(family))
        path = TRAIN / f"{module_name}.written.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for record in records:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        print(f"{path.name}: {len(records)} records, {Counter(r['label'] for r in records)}")
    doubled = [n for n, c in names.items() if c > 1]
    if doubled:
        raise SystemExit(f"family names used twice: {doubled}")


if __name__ == "__main__":
    main()
