"""A company's name as proposed and compared: without team words and punctuation, reduced to its key words."""

from __future__ import annotations

from bounceback.mail.extract.domains import spelling
from bounceback.mail.extract.patterns import SPACES
from bounceback.mail.extract.text import is_team_word, name_words
from bounceback.mail.extract.words import LEADING_NOISE, LEGAL, OF_ORGANISATIONS, TEAM_WORDS


def clean_name(raw: str, label: str = "") -> str:
    """A company name without team words, quotes and punctuation; kept whole where the domain spells it whole."""
    name = SPACES.sub(" ", raw).strip(" \"'“”‘’<>,.:;-–—|()[]!?")
    words = name.split()
    while words and (words[0].lower() in LEADING_NOISE or words[0].lower() in TEAM_WORDS):
        if len(words) > 2 and words[1] == "of" and words[0].lower() in OF_ORGANISATIONS:
            break  # 'Department of Coastal Planning' is the organisation itself
        words = words[1:]
    whole = list(words)
    while words and (is_team_word(words[-1]) or not words[-1].strip("&-|")):
        words = words[:-1]
    if label and words != whole and spelling(label, " ".join(whole)) and not spelling(label, " ".join(words)):
        words = whole  # 'Harlow Talent' at harlowtalent.co.uk is the firm's name, not its talent team
    if len(words) > 1 and words[-1].rstrip(".").lower() == "sp":  # 'Nordbyte Sp' of 'Nordbyte Sp. z o.o.'
        words = words[:-1]
    cleaned = " ".join(words).strip(" ,;:-–—|")
    if cleaned.endswith(".") and cleaned.split()[-1].lower() not in LEGAL:
        cleaned = cleaned.rstrip(".")
    if " " in cleaned and ((cleaned.isupper() and len(cleaned) > 4) or cleaned.islower()):
        cleaned = cleaned.title()  # a banner in capitals, or a name in lower case
    return cleaned


def key_words(name: str) -> tuple[str, ...]:
    """The comparable words of a name: folded, without 'the' and legal forms."""
    words = name_words(name)
    return tuple(words[1:] if words[:1] == ["the"] else words)
