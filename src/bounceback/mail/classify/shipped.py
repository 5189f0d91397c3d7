"""The trained model that ships inside the package, so a first import never trains anything.

The model is trained here, on the developer's machine, from the corpus in mail/corpus/train and the code that
turns a message into features; its fingerprint names both. tests/test_classifier.py fails when the shipped file
is stale against either, with the command that rebuilds it:

    .venv/bin/python -m bounceback.mail.classify.shipped

On the person's machine the model is only refitted when they have corrections (corpus.load_or_train).
"""

from __future__ import annotations

import gzip
import hashlib
import json
from importlib import resources
from pathlib import Path

from bounceback.mail.classify.model import MailClassifier

FILE = "model.json.gz"
# The code whose change changes what the model reads (features, sentences, rules, the corpus reader).
SOURCES = (
    "classify/features.py", "classify/model.py", "classify/evidence.py", "classify/decisions.py",
    "classify/sentences.py", "classify/text.py", "classify/corpus.py", "calendar.py",
    "senders.py", "html_text.py",
)  # fmt: skip


def source_fingerprint() -> str:
    """A short hash of the code listed in SOURCES."""
    folder = resources.files("bounceback.mail")
    digest = hashlib.sha256()
    for name in SOURCES:
        digest.update(name.encode())
        digest.update(folder.joinpath(name).read_bytes())
    return digest.hexdigest()[:16]


def expected_fingerprint() -> str:
    """What a fresh model's `trained_on["fingerprint"]` would be: the corpus and the code."""
    from bounceback.mail.classify.corpus import examples_from, shipped_records
    from bounceback.mail.classify.model import fingerprint

    return f"{fingerprint(examples_from(shipped_records()))}-{source_fingerprint()}"


def packaged_file_exists() -> bool:
    """Whether the package holds a model file at all (a development checkout may not have built one)."""
    return resources.files("bounceback.mail.classify").joinpath(FILE).is_file()


def shipped_model() -> MailClassifier | None:
    """The packaged model, or None when it is missing, of another format or does not fit this code's features
    (then it is trained instead)."""
    entry = resources.files("bounceback.mail.classify").joinpath(FILE)
    try:
        data = json.loads(gzip.decompress(entry.read_bytes()))
    except (OSError, ValueError):
        return None
    return MailClassifier.from_data(data)


def build(path: Path | None = None) -> MailClassifier:
    """Train on the shipped corpus and write the packaged model (gzip-compressed JSON)."""
    from bounceback.mail.classify.corpus import examples_from, shipped_records

    model = MailClassifier.train(examples_from(shipped_records()))
    model.data["trained_on"]["fingerprint"] = expected_fingerprint()
    target = path or Path(str(resources.files("bounceback.mail.classify").joinpath(FILE)))
    target.write_bytes(gzip.compress(json.dumps(model.data, separators=(",", ":")).encode(), mtime=0))
    return model


if __name__ == "__main__":
    built = build()
    print(
        f"wrote {FILE}: {built.trained_on['examples']} examples, fingerprint {built.trained_on['fingerprint']}"
    )
