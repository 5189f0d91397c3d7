"""A rule for what rules do best: a rejection has to be about a job.

The statistical models read tone well, and tone is the trouble: a turned-down flat, grant or paper sounds just
like a turned-down candidate. A false "you were rejected" is the worst thing this product can say, so a
rejection is only kept when the message speaks of a job at all (model.py); otherwise the next label stands.
"""

from __future__ import annotations

import re

_JOB_CONTEXT = re.compile(
    r"\b(?:positions?|roles?|vacanc(?:y|ies)|jobs?|candida(?:te|tes|cy|ture)|hiring|hired?|interview\w*|recruit\w*|"
    r"openings?|posts?|careers?|employment|employer|resumes?|résumé|cv|applicants?|talent|shortlist\w*|"
    r"spot|team|offer|work with|join(?:ing)? (?:us|our))\b",
    re.IGNORECASE,
)


def about_a_job(text: str) -> bool:
    """True when the text speaks of a job, a role or a candidate."""
    return _JOB_CONTEXT.search(text) is not None
