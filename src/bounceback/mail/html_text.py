"""Readable text from an HTML mail body: no tags, scripts or styles; block elements keep their line breaks.

Why regular expressions rather than `html.parser`: a job-alert mail is tens of kilobytes of table markup, and
`html.parser` spends several times longer on it than parsing the whole message costs, which the import's speed
budget cannot carry. Mail HTML only needs its text back, not a document tree. Each pattern is linear and
case-sensitive (a case-insensitive alternation is several times slower), so tag names are lower-cased first
when, rarely, some are not.
"""

from __future__ import annotations

import html
import re

HTML_LIMIT = 1_000_000  # characters of HTML read for the text; the rest of a huge newsletter is left out

_UPPER_CASE_START = re.compile(r"</?[A-Z]")  # a quick look: <P>, <Td>
_UPPER_CASE_TAG = re.compile(r"</?[a-z0-9]*[A-Z][A-Za-z0-9]*")
# Every pattern stops at the next "<" (`[^<>]`) and an unclosed script or comment runs to the end, as in a
# browser: without that, each of a million unclosed "<script" or "<a '" was scanned to the end of the text.
_INVISIBLE = re.compile(
    r"<!--.*?(?:-->|\Z)|<(script|style|title|noscript|template|svg|xml)\b[^<>]*>.*?(?:</\1\s*>|\Z)|"
    r"<head\b[^<>]*>.*?(?:</head\s*>|(?=<body\b)|\Z)",  # a head left open ends where the body starts
    re.DOTALL,
)
_PARAGRAPH = re.compile(
    r"</?(?:p|h[1-6]|table|blockquote|ul|ol|dl|pre|hr|section|article|header|footer|figure|center)\b[^<>]*>"
)
_LINE = re.compile(
    r"</?(?:div|tr|li|dd|dt|address|form|fieldset|nav|main|aside|figcaption|tbody|thead|tfoot)\b[^<>]*>"
)
_BREAK = re.compile(r"<br\b[^<>]*>")
_CELL = re.compile(r"</?t[dh]\b[^<>]*>")
_LINE_MARK = "\x01"  # stands for a line break until the text is tidied: several in a row make one
_LINE_MARKS = re.compile("\x01[\x01 ]*")
# Any other tag, comment or declaration; quoted attribute values may hold ">" (but not "<").
_TAG = re.compile(r"<[A-Za-z/!?][^<>\"']*(?:(?:\"[^\"<]{0,2000}\"|'[^'<]{0,2000}')[^<>\"']*)*>")
_REPLACED_CHARACTERS = (
    *((invisible, "") for invisible in "\u200b\u200c\u200d\u2060\ufeff\u034f\u00ad"),
    *((space, " ") for space in "\xa0\t\f\v\r\u2007\u202f"),
)
_COMMON_ENTITIES = (
    ("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&#39;", "'"), ("&apos;", "'"),
    ("&ndash;", "–"), ("&mdash;", "—"), ("&rsquo;", "’"), ("&lsquo;", "‘"), ("&ldquo;", "“"),
    ("&rdquo;", "”"), ("&hellip;", "…"), ("&zwnj;", ""), ("&copy;", "©"),
)  # fmt: skip


def _unescape(text: str) -> str:
    """Entities decoded; the common ones by plain replacement, which is much faster than `html.unescape`."""
    if "&" not in text:
        return text
    fast = text
    for entity, character in _COMMON_ENTITIES:
        if entity in fast:
            fast = fast.replace(entity, character)
    if "&" in fast.replace("&amp;", ""):
        return html.unescape(text)  # other entities: decode the original in one go, never twice
    return fast.replace("&amp;", "&")


def _tidy(text: str) -> str:
    """Single spaces, no space at line ends, at most one blank line in a row."""
    if _LINE_MARK in text:
        text = _LINE_MARKS.sub("\n", text)
    for character, replacement in _REPLACED_CHARACTERS:  # `in` then `replace` beats a regex or translate
        if character in text:
            text = text.replace(character, replacement)
    while "  " in text:
        text = text.replace("  ", " ")
    text = text.replace(" \n", "\n").replace("\n ", "\n")
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip()


def _lower_case_tag(match: re.Match[str]) -> str:
    return match.group(0).lower()


def html_to_text(markup: str) -> str:
    """The text a reader sees in an HTML mail, one block element per line, entities decoded."""
    if len(markup) > HTML_LIMIT:
        markup = markup[:HTML_LIMIT]
    if _LINE_MARK in markup:
        markup = markup.replace(_LINE_MARK, "")
    if _UPPER_CASE_START.search(markup):  # old Outlook writes <P>, <BR>, <TD>: lower-case the tag names only
        markup = _UPPER_CASE_TAG.sub(_lower_case_tag, markup)
    markup = _INVISIBLE.sub(" ", markup)
    markup = " ".join(markup.split())
    markup = _PARAGRAPH.sub("\n\n", markup)
    markup = _LINE.sub(_LINE_MARK, markup)
    markup = _BREAK.sub("\n", markup)
    markup = _CELL.sub(" ", markup)
    return _tidy(_unescape(_TAG.sub("", markup)))
