"""Check the adversarial evaluation set line by line, then print its counts by label and kind.

Run from the repository root: ``python3 benchmarks/data/check_eval_set.py [FILE]`` (default:
``eval_adversarial.jsonl`` beside this file). Standard library only, so it runs without the project installed.
Each problem is one sentence naming the line; the exit status is 1 when there is any. What it checks is listed
in EVAL_ADVERSARIAL.md; in short: the fields and their types, the label, that the evidence is an exact substring
of the text (of the html's visible text when the text is empty), that company and role are named in the message,
that a calendar part has the lines a client needs, and that a date written with its weekday is a real one.
"""

import datetime as dt
import json
import re
import sys
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

DEFAULT = Path(__file__).with_name("eval_adversarial.jsonl")
LABELS = {"rejection", "interview", "assessment", "offer", "acknowledgment", "other"}
NEEDS_EVIDENCE = {"rejection", "interview", "assessment", "offer"}
REQUIRED = ("label", "from", "subject", "text", "company", "role", "family", "kind", "evidence", "stage_hint")
OPTIONAL = ("html", "calendar")
SENDER = re.compile(r"^[^<>]+ <[^<>@\s]+@[^<>@\s]+\.[^<>@\s]+>$")
SHORT_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
BLOCK_TAGS = {"p", "br", "div", "tr", "td", "li", "h1", "h2", "h3", "table", "blockquote"}

MONTHS = {
    m: i
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1
    )
}
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DAY = r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?"
_MON = r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
DAY_FIRST = re.compile(rf"\b{_DAY} (\d{{1,2}})(?:st|nd|rd|th)? {_MON},? (20\d\d)\b")
MONTH_FIRST = re.compile(rf"\b{_DAY} {_MON} (\d{{1,2}})(?:st|nd|rd|th)?,? (20\d\d)\b")


class _TextOfHtml(HTMLParser):
    """Collects the visible text of an HTML body, with a space where a block ends."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "script", "head"):
            self._skip += 1
        elif tag in BLOCK_TAGS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script", "head"):
            self._skip = max(0, self._skip - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_text(markup: str) -> str:
    """The visible text of ``markup`` with runs of whitespace made one space."""
    parser = _TextOfHtml()
    parser.feed(markup)
    parser.close()
    return squash("".join(parser.parts))


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def calendar_problems(ics: str) -> list[str]:
    """What is missing or wrong in an iCalendar text, as short phrases."""
    unfolded = re.sub(r"\r?\n[ \t]", "", ics)
    lines = [x for x in re.split(r"\r?\n", unfolded) if x]
    problems = [
        f"no {want} line"
        for want in ("BEGIN:VCALENDAR", "BEGIN:VEVENT", "METHOD:REQUEST", "END:VEVENT", "END:VCALENDAR")
        if want not in lines
    ]
    for field in ("SUMMARY", "ORGANIZER"):
        if not any(re.match(rf"{field}[;:]", x) for x in lines):
            problems.append(f"no {field}")
    event = lines[lines.index("BEGIN:VEVENT") :] if "BEGIN:VEVENT" in lines else []
    starts = [x for x in event if x.startswith("DTSTART")]
    if not starts:
        return [*problems, "no DTSTART"]
    m = re.match(r"DTSTART(;TZID=[\w/+-]+)?:(\d{8}T\d{6})(Z?)$", starts[0])
    if not m or (not m.group(1)) == (not m.group(3)):
        problems.append(f"DTSTART {starts[0]!r} has neither a TZID nor a UTC time")
    else:
        when = dt.datetime.strptime(m.group(2), "%Y%m%dT%H%M%S")
        if when.year not in (2026, 2027):
            problems.append(f"DTSTART is in {when.year}, not 2026-2027")
    return problems


def weekday_problems(text: str) -> list[str]:
    """Dates written with a weekday whose weekday is wrong."""
    found = []
    for m in DAY_FIRST.finditer(text):
        found.append((m.group(0), m.group(1), int(m.group(2)), m.group(3), int(m.group(4))))
    for m in MONTH_FIRST.finditer(text):
        found.append((m.group(0), m.group(1), int(m.group(3)), m.group(2), int(m.group(4))))
    problems = []
    for shown, day_name, day, month, year in found:
        try:
            real = dt.date(year, MONTHS[month.lower()[:3]], day)
        except ValueError:
            problems.append(f"the date {shown!r} does not exist")
            continue
        if DAYS[real.weekday()] != day_name.lower()[:3]:
            problems.append(f"{shown!r}, which falls on a {real.strftime('%A')}")
    return problems


def record_problems(rec: object) -> list[str]:
    """Everything wrong with one decoded line, as short phrases."""
    if not isinstance(rec, dict):
        return ["is not a JSON object"]
    problems = [f"has no {k!r} field" for k in REQUIRED if k not in rec]
    problems += [f"has an unknown field {k!r}" for k in rec if k not in REQUIRED + OPTIONAL]
    if problems:
        return problems
    label = rec["label"]
    if label not in LABELS:
        problems.append(f"has the label {label!r}, not one of {sorted(LABELS)}")
    for key in ("from", "subject", "text", "family", "kind"):
        if not isinstance(rec[key], str):
            problems.append(f"has a {key!r} that is not a string")
    for key in ("html", "calendar"):
        if key in rec and not (isinstance(rec[key], str) and rec[key].strip()):
            problems.append(f"has an empty or non-string {key!r}")
    for key in ("company", "role"):
        if rec[key] is not None and not (isinstance(rec[key], str) and rec[key].strip()):
            problems.append(f"has a {key!r} that is neither null nor a non-empty string")
    if problems:
        return problems
    if not SENDER.match(rec["from"]):
        problems.append(f"has a sender {rec['from']!r} not in the form 'Name <addr>'")
    for key in ("family", "kind"):
        if not SHORT_ID.match(rec[key]):
            problems.append(f"has a {key} {rec[key]!r} that is not a short lower-case id")
    body = rec["text"] if rec["text"].strip() else html_text(rec.get("html", ""))
    if not body and label != "other":
        problems.append(f"has no readable body but the label {label!r} (only 'other' may be unreadable)")
    evidence = rec["evidence"]
    if label in NEEDS_EVIDENCE:
        if not (isinstance(evidence, str) and evidence.strip()):
            problems.append(f"is labelled {label!r} but has no evidence")
        elif rec["text"].strip() and evidence not in rec["text"]:
            problems.append(f"has evidence {evidence!r} that is not a substring of its text")
        elif not rec["text"].strip() and squash(evidence) not in body:
            problems.append(f"has evidence {evidence!r} that is not in the text of its html")
    elif evidence is not None:
        problems.append(f"is labelled {label!r} but has evidence (only {sorted(NEEDS_EVIDENCE)} carry it)")
    if rec["stage_hint"] not in (None, "screening"):
        problems.append(f"has a stage_hint {rec['stage_hint']!r}, not null or 'screening'")
    elif rec["stage_hint"] == "screening" and label != "interview":
        problems.append("has stage_hint 'screening' but is not an interview")
    readable = f"{rec['from']} {rec['subject']} {body}".lower()
    for key in ("company", "role"):
        if rec[key] is not None and rec[key].lower() not in readable:
            problems.append(f"names the {key} {rec[key]!r} nowhere in its sender, subject or body")
    if "calendar" in rec:
        problems += [f"has a calendar with {p}" for p in calendar_problems(rec["calendar"])]
    problems += [f"writes {p}" for p in weekday_problems(rec["subject"] + "\n" + body)]
    return problems


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT
    errors: list[str] = []
    records: list[dict[str, object]] = []
    seen: dict[tuple[str, str, str], int] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            errors.append(f"Line {number} is empty.")
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"Line {number} is not valid JSON ({exc.msg} at column {exc.colno}).")
            continue
        problems = record_problems(rec)
        errors += [f"Line {number} {p}." for p in problems]
        if problems:
            continue
        key = (rec["subject"], rec["text"], rec.get("html", ""))
        if key in seen:
            errors.append(f"Line {number} repeats line {seen[key]} (same subject and body).")
        seen[key] = number
        records.append(rec)
    report(records)
    for e in errors:
        print(e)
    print(f"{len(records)} valid records, {len(errors)} problems in {path}")
    return 1 if errors else 0


def report(records: list[dict[str, object]]) -> None:
    """Counts by label, by kind within label, and how many are traps rather than plain cases."""
    labels = Counter(str(r["label"]) for r in records)
    kinds = Counter((str(r["label"]), str(r["kind"])) for r in records)
    plain = sum(1 for r in records if str(r["kind"]).endswith("plain"))
    print("By label:")
    for label, n in labels.most_common():
        print(f"  {label:<15} {n:>4}")
    print("By kind:")
    for (label, kind), n in sorted(kinds.items()):
        print(f"  {label:<15} {kind:<32} {n:>4}")
    extras = {
        "families": len({r["family"] for r in records}),
        "kinds": len({r["kind"] for r in records}),
        "with a calendar part": sum(1 for r in records if "calendar" in r),
        "html only (empty text)": sum(1 for r in records if not str(r["text"]).strip() and r.get("html")),
        "screening interviews": sum(1 for r in records if r["stage_hint"] == "screening"),
        "company null": sum(1 for r in records if r["company"] is None),
        "plain (kind ends in 'plain')": plain,
        "traps (all other kinds)": len(records) - plain,
    }
    for name, n in extras.items():
        print(f"  {name:<32} {n:>4}")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
