"""A message's own sentences: the new part of the body cut into sentences, quoted replies and footers left out.

Decision evidence is found sentence by sentence (see evidence.py), so the cut matters: a quoted earlier
rejection, an unsubscribe footer or a legal disclaimer must never be read as this message's decision. Every
pattern here is linear and every input bounded (MAX_SENTENCES of at most MAX_SENTENCE characters each), so a
hostile message costs no more than a long one.
"""

from __future__ import annotations

import re

from bounceback.mail.classify.text import new_part

MAX_SENTENCES = 60
MAX_SENTENCE = 400
MIN_WORDS = 2

# A signature delimiter, or the first line of a footer: everything after it is not the message speaking.
_FOOTER_START = re.compile(
    r"^(?:-- ?$|_{5,}|-{5,}|={5,}|"
    r"(?:this (?:e-?mail|message) (?:was sent|is intended|and any attachments?|may contain)|"
    r"you (?:are )?receiv\w* this (?:e-?mail|message)|to unsubscribe|unsubscribe\b|"
    r"manage (?:your )?(?:email )?(?:preferences|notifications)|privacy (?:policy|notice)\b|"
    r"powered by\b|sent (?:with|via|from my)\b|confidentiality notice|disclaimer:|"
    r"if you (?:no longer )?wish to (?:stop|unsubscribe|opt)|please do not reply to this (?:e-?mail|message)|"
    r"do not reply to this (?:e-?mail|message)|this is an automated (?:e-?mail|message)))",
    re.IGNORECASE,
)
# Where one sentence ends and the next begins: after . ! ? (and closing quotes) before a capital or digit.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]?\s+(?=[\"'“‘(]?[A-Z0-9])")
_BULLET = re.compile(r"^\s*(?:[-*•·–]|\d{1,2}[.)])\s+")
_WORD = re.compile(r"\w+")
_ABBREVIATION = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof|St|No|vs|etc|e\.g|i\.e|approx|Inc|Ltd|Co|Jr|Sr)\.$")


def own_text(body: str) -> str:
    """The new part of a body without its footer: quoted replies cut (new_part), then the footer."""
    lines = new_part(body).splitlines()
    for index, line in enumerate(lines):
        if index > 0 and _FOOTER_START.match(line.strip()):
            return "\n".join(lines[:index])
    return "\n".join(lines)


def split_sentences(text: str) -> list[str]:
    """Sentences in reading order; a line break ends a sentence too (mail is written in short lines)."""
    sentences: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text):
        for line in _joined_lines(paragraph):
            for piece in _split_line(line):
                piece = piece.strip()
                if len(_WORD.findall(piece[:MAX_SENTENCE])) >= MIN_WORDS:
                    sentences.append(piece[:MAX_SENTENCE])
                if len(sentences) >= MAX_SENTENCES:
                    return sentences
    return sentences


def message_sentences(subject: str, body: str) -> list[str]:
    """The subject (a sentence of its own, often the decision: "Application status: Not selected"), then the
    sentences of the body's own text."""
    head = [subject.strip()[:MAX_SENTENCE]] if len(_WORD.findall(subject)) >= MIN_WORDS else []
    return head + split_sentences(own_text(body))[: MAX_SENTENCES - len(head)]


def _joined_lines(paragraph: str) -> list[str]:
    """Lines of a paragraph, hard-wrapped lines joined back (a line ending mid-sentence continues below)."""
    out: list[str] = []
    for raw in paragraph.splitlines():
        line = _BULLET.sub("", raw).strip()
        if not line:
            continue
        if out and _continues(out[-1], line, raw):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def _continues(previous: str, line: str, raw: str) -> bool:
    """True when `line` is the rest of `previous`: no end mark before it, a lower-case start, not a bullet."""
    if _BULLET.match(raw) or previous.endswith((".", "!", "?", ":", ";")):
        return False
    return line[:1].islower() or len(previous) > 60


def _split_line(line: str) -> list[str]:
    """Sentences of one line, keeping "Dr. Lee" and "e.g. this" together."""
    pieces: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(line):
        head = line[start : match.start()].rstrip("\"'”’)")
        if _ABBREVIATION.search(head[-8:]):
            continue
        pieces.append(line[start : match.start()])
        start = match.end()
    pieces.append(line[start:])
    return pieces
