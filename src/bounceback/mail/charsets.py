"""Bytes to text for mail that lies about its charset: the declared one, then UTF-8, Windows-1252, Latin-1."""

from __future__ import annotations

import codecs
from functools import lru_cache

# Labels browsers read as a larger superset, because senders mean the superset (WHATWG Encoding standard).
_SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "ks_c_5601-1987": "cp949",
    "euc-kr": "cp949",
    "shift_jis": "cp932",
    "iso-8859-8-i": "iso-8859-8",
    "tis-620": "cp874",
}
# Codecs that decode any byte, so they cannot tell a lie: UTF-8 is tried before them.
_NEVER_FAIL = {"ascii", "latin-1", "iso8859-1", "cp1252"}
# Codecs whose ASCII bytes are not ASCII text, so the pure-ASCII shortcut does not hold for them.
_NOT_ASCII_COMPATIBLE_PREFIXES = ("utf-7", "utf-16", "utf-32", "iso2022", "hz")


@lru_cache(maxsize=256)
def codec_name(charset: str | None) -> str | None:
    """Python's name for a declared text charset, or None when it is unknown or not a text encoding."""
    if not charset:
        return None
    label = charset.strip().strip("\"'").lower()
    label = _SUPERSETS.get(label, label)
    try:
        info = codecs.lookup(label)
    except (LookupError, ValueError, TypeError):
        return None
    if not getattr(info, "_is_text_encoding", True):
        return None
    return "cp1252" if info.name in {"latin-1", "iso8859-1", "ascii"} else info.name


def _candidates(codec: str | None) -> tuple[str, ...]:
    """The order to try: a declared charset that can fail goes first; UTF-8 before any that never fails."""
    if codec is None or codec in _NEVER_FAIL:
        return ("utf-8", "cp1252")
    if codec == "utf-8":
        return ("utf-8", "cp1252")
    return (codec, "utf-8", "cp1252")


def decode_bytes(data: bytes, charset: str | None) -> str:
    """Text from bytes, never raising: the first candidate that decodes cleanly, else Latin-1 (which always does)."""
    codec = codec_name(charset)
    if data.isascii() and not (codec and codec.startswith(_NOT_ASCII_COMPATIBLE_PREFIXES)):
        return data.decode("ascii")
    for name in _candidates(codec):
        try:
            return data.decode(name)
        except (UnicodeError, LookupError):
            continue
    return data.decode("latin-1")


def decode_limited(data: bytes, charset: str | None, limit: int) -> str:
    """Like `decode_bytes`, reading at most about `limit` characters (cut at a line end where possible)."""
    if len(data) > limit * 4:
        cut = data.rfind(b"\n", limit * 2, limit * 4)
        data = data[: cut if cut > 0 else limit * 4]
    text = decode_bytes(data, charset)
    return text[:limit] if len(text) > limit else text
