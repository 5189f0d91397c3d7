"""Decision evidence: the sentence of a message that states its decision, found sentence by sentence.

Each of the message's own sentences (sentences.py: no quoted replies, no footers) is read twice: by the rules in
decisions.py, and by a sentence model (word 1–3-grams and character n-grams, trained on the evidence sentences
the corpus marks against every other sentence of every message, acknowledgments' courtesy lines included). For
a rejection only sentences that *assert* a decision count (decisions.asserts_decision). The strongest sentence
per label is the evidence the message model is combined with (model.py), and the sentence kept and shown:
"Rejection, because: '…we have decided to move forward with other candidates'".
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from bounceback.domain.mail import MailLabel
from bounceback.mail.classify import decisions
from bounceback.mail.classify.features import TextModel
from bounceback.mail.classify.sentences import MAX_SENTENCE, message_sentences, own_text
from bounceback.mail.classify.text import ClassifierInput, normalise

EVIDENCE_LABELS: tuple[MailLabel, ...] = (
    MailLabel.REJECTION,
    MailLabel.INTERVIEW,
    MailLabel.ASSESSMENT,
    MailLabel.OFFER,
)
NONE = "none"
SENTENCE_CLASSES: tuple[str, ...] = (NONE, *(label.value for label in EVIDENCE_LABELS))
REJECTION_EVIDENCE = 0.5  # a sentence the model is at least this sure of is evidence of a rejection
_RULES = {
    MailLabel.INTERVIEW: decisions.interview_rule,
    MailLabel.ASSESSMENT: lambda s: decisions.says(decisions.ASSESSMENT, s),
    MailLabel.OFFER: lambda s: decisions.says(decisions.OFFER, s),
}
MIN_READABLE_WORDS = 3


@dataclass(frozen=True)
class Evidence:
    """The sentence that says what a message decides, how strongly, and whether a rule saw it too."""

    label: MailLabel
    sentence: str
    strength: float
    by_rule: bool


@dataclass(frozen=True)
class Hold:
    """A message whose only decision is a hold on hiring (paused, on hold, frozen), and what else it says:
    that it comes back about this application (`pending`), or that nothing is decided (`undecided`)."""

    pending: bool
    undecided: bool


@dataclass(frozen=True)
class Reading:
    """What the sentences of one message say, per evidence label."""

    strength: dict[MailLabel, float]
    rule: dict[MailLabel, bool]
    best: dict[MailLabel, Evidence]
    readable: bool
    stated: frozenset[MailLabel] = frozenset()  # what a status line or a calendar invitation states outright
    held: Hold | None = None  # every asserted rejection sentence only puts hiring on hold: how the rest reads

    def supports(self, label: MailLabel) -> bool:
        """True when a sentence backs this label (a rejection needs an asserted decision)."""
        if label is MailLabel.REJECTION:
            return self.rule[label] or self.strength[label] >= REJECTION_EVIDENCE
        return label in self.best


def sentence_doc(sentence: str) -> str:
    """What the sentence model reads of a sentence."""
    return normalise(sentence)


def sentences_of(item: ClassifierInput) -> list[str]:
    """The sentences evidence is looked for in: an invitation's summary and time, the subject, then the body's
    own text."""
    sentences = message_sentences(item.subject, item.text)
    return [item.calendar[:MAX_SENTENCE], *sentences] if item.calendar else sentences


def is_readable(item: ClassifierInput) -> bool:
    """False for a body with (almost) no words of its own: an image, an empty part, only a footer."""
    return len(own_text(item.text).split()) >= MIN_READABLE_WORDS or bool(item.calendar)


def unread(item: ClassifierInput) -> Reading:
    """The reading of a message whose sentences were not read (the message model is sure it is other)."""
    return Reading(
        dict.fromkeys(EVIDENCE_LABELS, 0.0), dict.fromkeys(EVIDENCE_LABELS, False), {}, is_readable(item)
    )


def read(items: list[ClassifierInput], model: TextModel) -> list[Reading]:
    """Evidence of each message, every sentence of the batch scored at once."""
    per_item = [sentences_of(item) for item in items]
    flat = [sentence for sentences in per_item for sentence in sentences]
    probs = (
        model.full_scores([sentence_doc(s) for s in flat], len(SENTENCE_CLASSES))
        if flat
        else np.zeros((0, len(SENTENCE_CLASSES)))
    )
    if len(flat):
        from bounceback.mail.classify.features import softmax

        probs = softmax(probs)
    readings, start = [], 0
    for item, sentences in zip(items, per_item, strict=True):
        rows = probs[start : start + len(sentences)]
        start += len(sentences)
        reading = _reading(sentences, rows, readable=is_readable(item))
        readings.append(replace(reading, stated=_stated(sentences, item)))
    return readings


def _reading(sentences: list[str], rows: np.ndarray, *, readable: bool) -> Reading:
    strength = dict.fromkeys(EVIDENCE_LABELS, 0.0)
    rule = dict.fromkeys(EVIDENCE_LABELS, False)
    best: dict[MailLabel, Evidence] = {}
    best_score: dict[MailLabel, float] = {}
    holds: list[bool] = []  # per asserted rejection sentence: only a hold on hiring?
    for sentence, row in zip(sentences, rows, strict=True):
        said = sentence.lower()  # the rules read lower case (decisions.py); the evidence keeps its case
        # "The candidate we appointed has decided not to join, and we'd like to offer the role to you": the
        # decision is someone else's, so the sentence is free to be the offer or the invitation it also is.
        someone_else = decisions.SOMEONE_ELSE.search(said) is not None
        rejects = decisions.rejects(said) and not someone_else
        hits = {label: not rejects and test(said) for label, test in _RULES.items()}
        hits[MailLabel.REJECTION] = rejects
        if hits[MailLabel.OFFER]:  # "the panel would like to offer you the post" arranges no interview
            hits[MailLabel.INTERVIEW] = False
        # Whether the sentence asserts (not "if we decide…") is asked only when it can change something.
        matters = any(hits.values()) or float(row[1]) > strength[MailLabel.REJECTION]
        asserted = matters and decisions.asserts_decision(said)
        if asserted and rejects:
            holds.append(decisions.PAUSE.search(said) is not None)
        for column, label in enumerate(EVIDENCE_LABELS, start=1):
            hit = asserted and hits[label]  # "we won't be inviting you to interview" invites no one
            counts = label is not MailLabel.REJECTION or (asserted and not someone_else)
            p = float(row[column]) if counts else 0.0
            strength[label] = max(strength[label], p)
            rule[label] = rule[label] or hit
            score = p + (1.0 if hit else 0.0)  # a sentence the rules and the model agree on comes first
            if (hit or p >= REJECTION_EVIDENCE) and score > best_score.get(label, -1.0):
                best[label], best_score[label] = Evidence(label, sentence, p, hit), score
    held = None
    if holds and all(holds):
        text = " ".join(sentences).lower()
        held = Hold(decisions.PENDING.search(text) is not None, decisions.UNDECIDED.search(text) is not None)
    return Reading(strength, rule, best, readable, held=held)


def _stated(sentences: list[str], item: ClassifierInput) -> frozenset[MailLabel]:
    """Labels stated outright: by an applicant-tracking status line, or an invitation to an interview."""
    stated = {MailLabel(said) for said in map(decisions.status_says, sentences) if said}
    if any(decisions.says(decisions.OWN_WITHDRAWAL, sentence) for sentence in sentences):
        stated.add(MailLabel.OTHER)  # the person withdrew: the employer only confirms it
    if item.calendar and decisions.interview_rule(item.calendar):
        stated.add(MailLabel.INTERVIEW)
    return frozenset(stated)


STATED_LABELS: tuple[MailLabel, ...] = (*EVIDENCE_LABELS, MailLabel.ACKNOWLEDGMENT, MailLabel.OTHER)


def features(reading: Reading) -> list[float]:
    """What the combining layer reads of the sentences: model strength and rule hit per label, then what a
    status line or invitation states."""
    return (
        [reading.strength[label] for label in EVIDENCE_LABELS]
        + [float(reading.rule[label]) for label in EVIDENCE_LABELS]
        + [float(label in reading.stated) for label in STATED_LABELS]
    )


def training_rows(
    items: list[ClassifierInput], labels: list[MailLabel], evidence: list[str | None]
) -> tuple[list[str], list[int]]:
    """Sentence-model training data: each marked evidence sentence under its label, every other sentence
    (courtesy lines of acknowledgments and rejections alike) as none. A job message whose evidence is not
    marked (a correction) gives no rows: which of its sentences decided is unknown."""
    docs: list[str] = []
    classes: list[int] = []
    for item, label, marked in zip(items, labels, evidence, strict=True):
        sentences = sentences_of(item)
        if label in EVIDENCE_LABELS and not marked:
            continue
        chosen = _matching(sentences, marked) if marked and label in EVIDENCE_LABELS else None
        for index, sentence in enumerate(sentences):
            docs.append(sentence_doc(sentence))
            classes.append(SENTENCE_CLASSES.index(label.value) if index == chosen else 0)
    return docs, classes


def _matching(sentences: list[str], marked: str) -> int | None:
    """The sentence that best overlaps a marked evidence string (by shared words)."""
    want = set(decisions.words(marked))
    best, best_overlap = None, 0.3
    for index, sentence in enumerate(sentences):
        have = set(decisions.words(sentence))
        overlap = len(want & have) / max(1, len(want | have))
        if overlap > best_overlap:
            best, best_overlap = index, overlap
    return best


def overlaps(cited: str | None, gold: str | None) -> bool:
    """True when a cited sentence and the gold evidence share most of their words (for the evaluation)."""
    if not cited or not gold:
        return False
    a, b = set(decisions.words(cited)), set(decisions.words(gold))
    return bool(a and b) and len(a & b) / min(len(a), len(b)) >= 0.6
