"""Render the written template families into corpus records.

A family is one template or one writer's voice. Its body is written with a small markup:
  {slot}          a value picked for this message (company, role, first name, dates…)
  ((a|b|c))       one of the alternatives, picked per message (may nest)
  ((?text))       text included in about half the messages
  [[sentence]]    the evidence: the exact sentence that states the decision, offer, invitation or test
Blank lines separate paragraphs; a paragraph's lines become <br> lines in the HTML part.
"""

from __future__ import annotations

import html
import random
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

import pools  # noqa: E402

from bounceback.mail.html_text import html_to_text  # noqa: E402

_CHOICE = re.compile(r"\(\(((?:(?!\(\(|\)\)).)*?)\)\)", re.DOTALL)
_SLOT = re.compile(r"\{(\w+)\}")
_EVIDENCE = re.compile(r"\[\[(.+?)\]\]", re.DOTALL)


@dataclass
class Family:
    """One template family or writer voice, rendered `n` times with different slots."""

    name: str
    label: str
    sender: str
    subjects: list[str]
    body: str
    n: int = 5
    layout: str = "plain"  # plain | html | both
    style: str = "card"
    sector: str = "any"
    locale: str = "us"
    calendar: str | None = None  # a VEVENT template (see calendar_part)
    stage_hint: str | None = None
    is_list: bool = False
    company: bool = True  # whether the record names the company (for extraction accuracy)
    role: bool = True
    slots: dict[str, list[str]] = field(default_factory=dict)
    fixed: dict[str, str] = field(default_factory=dict)
    quote: str | None = None  # a quoted earlier message appended below (template)
    bodies: list[tuple[str, str, str]] = field(default_factory=list)  # a voice: (label, subject, body) each


def voice(name: str, sender: str, messages: list[tuple[str, str, str]], **options: Any) -> Family:
    """One writer's messages, each written whole (label, subject, body), sharing a sender and slots."""
    return Family(name, "", sender, [], "", n=len(messages), bodies=messages, **options)


def expand(template: str, rng: random.Random) -> str:
    """Pick alternatives (innermost first) until none are left."""
    while True:
        match = _CHOICE.search(template)
        if not match:
            return template
        inner = match.group(1)
        if inner.startswith("?"):
            choice = inner[1:] if rng.random() < 0.5 else ""
        else:
            choice = rng.choice(inner.split("|"))
        template = template[: match.start()] + choice + template[match.end() :]


def fill(template: str, values: dict[str, str]) -> str:
    return _SLOT.sub(lambda m: values[m.group(1)], template)


def tidy(text: str) -> str:
    """No doubled spaces, no space before punctuation left by an empty choice, at most one blank line."""
    text = re.sub(r"[ \t]+", " ", text)
    text = re.sub(r" ([,.;:!?])", r"\1", text)
    text = re.sub(r" *\n *", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def render_html(text: str, style: str, brand: str) -> str:
    """An HTML part for the text in one of a few layouts real mail uses."""
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    cells = ["<br>\n".join(html.escape(line, quote=False) for line in p.split("\n")) for p in paragraphs]
    brand_html = html.escape(brand, quote=False)
    if style == "outlook":
        inner = "\n".join(f'<p class="MsoNormal">{c}<o:p></o:p></p>' for c in cells)
        return (
            '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta charset="utf-8">'
            "<style><!-- p.MsoNormal {margin:0cm;font-size:11.0pt;font-family:Calibri,sans-serif;} --></style>"
            f'</head><body lang="EN-GB"><div class="WordSection1">\n{inner}\n</div></body></html>'
        )
    if style == "minimal":
        inner = "\n".join(f"<div>{c}</div><div><br></div>" for c in cells)
        return f'<div dir="ltr">\n{inner}\n</div>'
    if style == "banner":
        inner = "\n".join(
            f'<tr><td style="padding:6px 32px;font-size:15px;line-height:1.5">{c}</td></tr>' for c in cells
        )
        return (
            '<!DOCTYPE html><html><head><meta name="viewport" content="width=device-width"></head>'
            '<body style="margin:0;background:#eef1f5"><table role="presentation" width="100%"><tr><td align="center">'
            '<table width="600" style="background:#ffffff;font-family:Arial,sans-serif;color:#222">'
            f'<tr><td style="background:#1f3a5f;color:#fff;padding:18px 32px;font-size:20px">{brand_html}</td></tr>\n'
            f"{inner}\n"
            '<tr><td style="padding:18px 32px;font-size:11px;color:#888">You received this email because of your '
            "candidate account. Manage preferences in your profile.</td></tr></table></td></tr></table></body></html>"
        )
    inner = "\n".join(f'<p style="margin:0 0 14px 0">{c}</p>' for c in cells)
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head>\n'
        '<body style="font-family:Helvetica,Arial,sans-serif;color:#333;background:#f7f7f7">\n'
        '<div style="max-width:600px;margin:0 auto;background:#fff;padding:24px;border:1px solid #e3e3e3">\n'
        f"{inner}\n</div></body></html>"
    )


def calendar_part(template: str, values: dict[str, str]) -> str:
    """A text/calendar REQUEST with one VEVENT, lines joined by CRLF as in real mail."""
    lines = [
        "BEGIN:VCALENDAR",
        "PRODID:-//Written for the bounceback corpus//EN",
        "VERSION:2.0",
        "METHOD:REQUEST",
        "BEGIN:VEVENT",
        *fill(template, values).strip().splitlines(),
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "\r\n".join(line.strip() for line in lines) + "\r\n"


def render(family: Family) -> list[dict[str, Any]]:
    """The family's messages, each with its evidence checked against what a reader sees."""
    rng = random.Random(family.name)
    records = []
    for index in range(family.n):
        values = pools.values_for(family, rng, index)
        values.update({k: rng.choice(v) for k, v in family.slots.items()})
        values.update(family.fixed)
        for key, value in list(values.items()):
            values[key] = fill(expand(value, rng), values) if "{" in value or "((" in value else value
        label, body, subjects = family.label, family.body, family.subjects
        if family.bodies:
            label, subject_template, body = family.bodies[index]
            subjects = [subject_template]
        raw = fill(expand(body, rng), values)
        evidence_found = _EVIDENCE.findall(raw)
        text = tidy(_EVIDENCE.sub(lambda m: m.group(1), raw))
        if family.quote:
            quoted = tidy(fill(expand(family.quote, rng), values))
            text = text + "\n\n" + quoted
        evidence = tidy(evidence_found[0]) if evidence_found else None
        subject = tidy(fill(expand(rng.choice(subjects), rng), values))
        sender = fill(expand(family.sender, rng), values)
        record: dict[str, Any] = {"label": label, "family": family.name, "from": sender, "subject": subject}
        html_part = None
        if family.layout in {"html", "both"}:
            html_part = render_html(text, family.style, values.get("brand", values.get("company", "")))
        record["text"] = "" if family.layout == "html" else text
        record["html"] = html_part
        if family.calendar:
            record["calendar"] = calendar_part(family.calendar, values)
        record["company"] = values.get("company") if family.company else None
        record["role"] = values.get("role") if family.role else None
        record["evidence"] = evidence
        if family.stage_hint and label == "interview":
            record["stage_hint"] = family.stage_hint
        if family.is_list:
            record["is_list"] = True
        seen = record["text"] if record["text"].strip() else html_to_text(html_part or "")
        if evidence is not None and evidence not in seen:
            raise ValueError(f"{family.name} #{index}: evidence not in body: {evidence!r}")
        if label in {"rejection", "offer", "interview", "assessment"} and evidence is None:
            raise ValueError(f"{family.name} #{index}: a {label} needs [[evidence]]")
        if label in {"acknowledgment", "other"} and evidence is not None:
            raise ValueError(f"{family.name} #{index}: a {label} has no evidence")
        records.append(record)
    return records


Writer = Callable[[], list[Family]]
