"""Tracker presets by name, recognising a file's tracker by its columns, and mapping columns by hand."""

from __future__ import annotations

from bounceback.domain.errors import InvalidInput
from bounceback.transfer.presets.base import FIELDS, Preset, header_key
from bounceback.transfer.presets.huntr import HUNTR
from bounceback.transfer.presets.jobsync import JOBSYNC
from bounceback.transfer.presets.linkedin import LINKEDIN
from bounceback.transfer.presets.simplify import SIMPLIFY
from bounceback.transfer.presets.teal import TEAL

PRESETS: dict[str, Preset] = {p.name: p for p in (TEAL, SIMPLIFY, LINKEDIN, JOBSYNC, HUNTR)}
MIN_SCORE = 0.5  # at least half of a tracker's columns before a file counts as its export

# Column names read without a preset or --map: our own field names (what `export --csv` writes) and a few
# names everyone uses.
_PLAIN_NAMES: dict[str, tuple[str, ...]] = {
    **{f: (f,) for f in FIELDS},
    "company": ("company", "company name", "employer", "organization"),
    "role": ("role", "title", "job title", "position"),
    "url": ("url", "link", "job url", "posting"),
    "stage": ("stage", "status"),
    "stage_on": ("stage_on", "closed_on"),
}


def preset_named(name: str) -> Preset:
    """A preset by its name, or a sentence listing the names."""
    preset = PRESETS.get(name.strip().lower())
    if preset is None:
        raise InvalidInput(f"“{name}” is not a preset; use one of: {', '.join(PRESETS)}.")
    return preset


def detect(headers: set[str]) -> Preset | None:
    """The tracker whose columns a file has most of, when it has at least half of them and more than it has
    of our own field names (so our own `export --csv` is never taken for a tracker's)."""
    best = max(PRESETS.values(), key=lambda p: p.score(headers))
    score = best.score(headers)
    return best if score >= MIN_SCORE and score > plain_columns().score(headers) else None


def plain_columns() -> Preset:
    """Columns named after our fields, for files from no known tracker."""
    return Preset(name="columns", label="named columns", columns=dict(_PLAIN_NAMES))


def parse_mapping(pairs: list[str], headers: list[str], source: str) -> dict[str, str]:
    """`--map column=field` options as field → column, checked against our fields and the file's columns."""
    mapping: dict[str, str] = {}
    present = {header_key(h): h for h in headers}
    for pair in pairs:
        column, sep, wanted = pair.rpartition("=")
        wanted = wanted.strip().lower()
        if not sep or not column.strip():
            raise InvalidInput(f"“{pair}” is not a mapping; write it as column=field, e.g. “Firm=company”.")
        if wanted not in FIELDS:
            raise InvalidInput(f"“{wanted}” is not a field to map to; use one of: {', '.join(FIELDS)}.")
        if header_key(column) not in present:
            shown = ", ".join(headers[:20])
            raise InvalidInput(f"“{source}” has no column “{column.strip()}”; its columns are: {shown}.")
        mapping[wanted] = present[header_key(column)]
    return mapping


def choose_preset(
    headers: list[str], source: str, *, name: str | None = None, pairs: list[str] | None = None
) -> Preset:
    """The preset to read a file with: named, else recognised, else plain names; `--map` pairs win."""
    keys = {header_key(h) for h in headers}
    chosen = preset_named(name) if name else detect(keys)
    recognised = chosen is not None
    preset = chosen or plain_columns()
    mapping = parse_mapping(pairs or [], headers, source)
    if mapping:
        preset = preset.with_columns(mapping)
    missing = preset.missing_columns(keys)
    if missing and not recognised and not mapping:
        labels = [p.label for p in PRESETS.values()]
        known = ", ".join(labels[:-1]) + f" or {labels[-1]}"
        raise InvalidInput(
            f"“{source}” does not look like an export from {known}, and has no company and role columns; "
            "name its columns with --map column=field (e.g. --map Firm=company --map Position=role)."
        )
    if missing:
        quoted = [f"“{m}”" for m in missing]
        names = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + f" and {quoted[-1]}"
        plural = "s" if len(quoted) > 1 else ""
        raise InvalidInput(f"“{source}” ({preset.describe()}) lacks the column{plural} {names}.")
    return preset
