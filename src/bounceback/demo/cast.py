"""Who the demo story is about, the places it happens in, and the people who turn up more than once.

Every company, person and address in the demo is invented; e-mail addresses use the reserved `.example` domains.
"""

from __future__ import annotations

from bounceback.demo.steps import Person, Searcher
from bounceback.domain.model import ContactRole, InterviewKind, WorkMode

SEARCHER = Searcher(
    name="Alex Moreno",
    about="a data analyst in London moving into data engineering, open to remote work and to relocating",
    zone="Europe/London",
    email="alex.moreno@example.net",
)

LONDON = "Europe/London"
BERLIN = "Europe/Berlin"
NEW_YORK = "America/New_York"
SINGAPORE = "Asia/Singapore"
SYDNEY = "Australia/Sydney"
AMSTERDAM = "Europe/Amsterdam"
DUBLIN = "Europe/Dublin"
CHICAGO = "America/Chicago"

RECRUITER = ContactRole.RECRUITER
INTERVIEWER = ContactRole.INTERVIEWER
MANAGER = ContactRole.HIRING_MANAGER
REFERRER = ContactRole.REFERRER
PHONE = InterviewKind.PHONE
ONSITE = InterviewKind.ONSITE
HYBRID, REMOTE, ON_SITE = WorkMode.HYBRID, WorkMode.REMOTE, WorkMode.ONSITE

# People who appear on more than one application.
AGENCY_RECRUITER = Person(
    "Tom Haversham", "tom@harpervale-talent.example", "Senior Tech Recruiter", "Harper & Vale Talent"
)
FORMER_COLLEAGUE = Person("Dana Whitfield", "dana.whitfield@kestrelfreight.example", "Analytics Lead")
