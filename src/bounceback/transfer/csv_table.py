"""Reading a CSV file someone exported: its encoding, its delimiter, its header and its rows.

Rows are numbered as a spreadsheet shows them (the header is row 1), so "row 7" points at the line to fix.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from bounceback.domain.errors import InvalidInput
from bounceback.transfer.presets.base import header_key

ENCODINGS = ("utf-8-sig", "cp1252")
_FORMULA_GUARD = ("'=", "'+", "'-", "'@")  # what `export --csv` writes so spreadsheets do not run cells


@dataclass(frozen=True)
class CsvRecord:
    """One data row: its spreadsheet row number and its cells by compared column name."""

    number: int
    cells: dict[str, str]


@dataclass(frozen=True)
class CsvTable:
    """A whole file, read."""

    source: str
    headers: list[str]
    records: list[CsvRecord]
    encoding: str


def decode(data: bytes, source: str) -> tuple[str, str]:
    """The text of a file and the encoding that read it: UTF-8 (with or without BOM), else Windows-1252."""
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise InvalidInput(
        f"“{source}” is neither UTF-8 nor Windows-1252 text; save it as UTF-8 CSV and try again."
    )


def _delimiter(first_line: str) -> str:
    """Comma, semicolon or tab, whichever the header line uses most."""
    counts = {d: first_line.count(d) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: counts[d])


def _clean(cell: str) -> str:
    """A cell without surrounding space or the quote that guarded it against spreadsheet formulas."""
    cell = cell.strip()
    return cell[1:] if cell.startswith(_FORMULA_GUARD) else cell


def parse_text(text: str, source: str, encoding: str = "utf-8") -> CsvTable:
    """The header and rows of CSV text; one sentence when it is empty or not a CSV."""
    if not text.strip():
        raise InvalidInput(f"“{source}” is empty; there is nothing to import.")
    first_line = text.lstrip().splitlines()[0]
    try:
        rows = list(csv.reader(io.StringIO(text.lstrip(), newline=""), delimiter=_delimiter(first_line)))
    except csv.Error as exc:
        raise InvalidInput(f"“{source}” is not a CSV file I can read ({exc}).") from None
    headers = [h.strip() for h in rows[0]]
    if len([h for h in headers if h]) < 2:
        raise InvalidInput(
            f"“{source}” does not look like a CSV export: its first line is not a row of column names."
        )
    keys = [header_key(h) for h in headers]
    records = []
    for index, row in enumerate(rows[1:], start=2):
        cells: dict[str, str] = {}
        for key, cell in zip(keys, row, strict=False):
            if key and key not in cells:
                cells[key] = _clean(cell)
        if any(cells.values()):
            records.append(CsvRecord(index, cells))
    return CsvTable(source, headers, records, encoding)


def read_table(path: Path) -> CsvTable:
    """A CSV file from disk, read in whichever encoding fits."""
    source = path.name
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InvalidInput(f"There is no file “{path}”.") from None
    except OSError as exc:
        raise InvalidInput(f"“{path}” cannot be read: {exc.strerror}.") from None
    if b"\x00" in data:
        raise InvalidInput(f"“{source}” is not a CSV file (it holds binary data).")
    text, encoding = decode(data, source)
    return parse_text(text, source, encoding)
