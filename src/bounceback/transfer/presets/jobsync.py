"""JobSync's job export: camelCase columns, a salary range in one cell."""

from __future__ import annotations

from bounceback.domain.stages import Stage
from bounceback.transfer.presets.base import Preset

JOBSYNC = Preset(
    name="jobsync",
    label="JobSync",
    columns={
        "role": ("title", "jobTitle"),
        "company": "company",
        "location": "location",
        "stage": "status",
        "url": "jobUrl",
        "applied_on": "appliedDate",
        "deadline": "dueDate",
        "salary": "salaryRange",
        "source": "jobSource",
        "notes": ("description", "notes"),
        "saved_on": "createdAt",
    },
    statuses={"draft": Stage.SAVED, "expired": Stage.WITHDRAWN},
)
