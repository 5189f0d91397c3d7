"""Huntr's job board export: one row per job card, its list name as the stage.

Huntr lets people rename their lists, so a list we do not recognise is reported and the job keeps the stage
its dates imply.
"""

from __future__ import annotations

from bounceback.domain.stages import Stage
from bounceback.transfer.presets.base import Preset

HUNTR = Preset(
    name="huntr",
    label="Huntr",
    columns={
        "company": ("Company", "Employer"),
        "role": ("Job Title", "Title", "Position"),
        "stage": ("List / Stage", "List", "Stage", "Status"),
        "location": "Location",
        "url": ("URL", "Job URL", "Post URL"),
        "salary": "Salary",
        "saved_on": ("Date Added", "Created", "Created At"),
        "applied_on": ("Date Applied", "Applied"),
        "notes": ("Notes", "Description"),
        "excitement": "Excitement",
    },
    statuses={"wishlist": Stage.SAVED, "interviewing": Stage.INTERVIEWING, "phone screen": Stage.SCREENING},
)
