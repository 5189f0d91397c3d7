"""LinkedIn's data export, `Job Applications.csv`: every row is an Easy Apply application.

Its contact email and phone are the applicant's own (what they sent), so they are not read as contacts.
"""

from __future__ import annotations

from dataclasses import dataclass

from bounceback.domain.model import Source
from bounceback.transfer.presets.base import Cells, Preset, header_key
from bounceback.transfer.values import join_notes


@dataclass(frozen=True)
class LinkedInPreset(Preset):
    """LinkedIn: applied on the application date; the résumé and the answers given go into the notes."""

    def adjust(self, cells: Cells, record: dict[str, str]) -> Cells:
        resume = record.get(header_key("Resume Name"), "").strip()
        answers = record.get(header_key("Question And Answers"), "").strip()
        cells["stage"] = "applied"
        cells["notes"] = join_notes(
            f"Résumé sent: {resume}" if resume else "",
            "Questions and answers:\n" + answers.replace(" | ", "\n") if answers else "",
        )
        return cells


LINKEDIN = LinkedInPreset(
    name="linkedin",
    label="LinkedIn",
    columns={
        "applied_on": "Application Date",
        "company": "Company Name",
        "role": "Job Title",
        "url": "Job Url",
    },
    source=Source.LINKEDIN,
    other_columns=("Contact Email", "Contact Phone Number", "Resume Name", "Question And Answers"),
)
