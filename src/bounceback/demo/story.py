"""The demo search, written out in full: three months of one person's move from analyst to data engineer.

Every company, person and address here is invented; e-mail addresses use the reserved `.example` domain.
Laid out by hand (formatter off) so each application reads as one short block.
"""

from __future__ import annotations

from bounceback.demo.steps import Link, Meet, Move, Note, Opening, Person, Salary, Searcher
from bounceback.domain.model import ContactRole, InterviewKind, Source, WorkMode
from bounceback.domain.stages import Stage

SEARCHER = Searcher(
    name="Alex Moreno",
    about="a data analyst in London moving into data engineering, open to remote work and to relocating",
    zone="Europe/London",
)

LONDON = "Europe/London"
BERLIN = "Europe/Berlin"
NEW_YORK = "America/New_York"
SINGAPORE = "Asia/Singapore"
SYDNEY = "Australia/Sydney"

RECRUITER = ContactRole.RECRUITER
INTERVIEWER = ContactRole.INTERVIEWER
MANAGER = ContactRole.HIRING_MANAGER
PHONE = InterviewKind.PHONE
ONSITE = InterviewKind.ONSITE
HYBRID, REMOTE = WorkMode.HYBRID, WorkMode.REMOTE

# People who appear on more than one application.
AGENCY_RECRUITER = Person(
    "Tom Haversham", "tom@harpervale-talent.example", "Senior Tech Recruiter", "Harper & Vale Talent"
)
FORMER_COLLEAGUE = Person("Dana Whitfield", "dana.whitfield@kestrelfreight.example", "Analytics Lead")

# fmt: off
REJECTED_AFTER_APPLYING: tuple[Opening, ...] = (
    Opening(
        "Ravenstone Bank", "Analytics Engineer", "London", HYBRID, Source.JOB_BOARD,
        Salary(55_000, 65_000, "GBP"), excitement=3, saved=-86, applied=-85,
        tags=("analytics-engineering", "finance"),
        steps=(
            Move(-79, Stage.REJECTED, "Form email: not progressing my application", at="02:10"),
            Note(-79, "Sent at two in the morning, so a keyword filter. No dbt on my CV yet: starting a dbt "
                      "side project this week."),
        ),
    ),
    Opening(
        "Fennwick Retail", "Data Engineer", "Leeds", HYBRID, Source.COMPANY_SITE,
        Salary(50_000, 58_000, "GBP"), excitement=2, saved=-72, applied=-71, tags=("retail", "python"),
        steps=(Move(-56, Stage.REJECTED, "They went with candidates with more cloud experience"),),
    ),
    Opening(
        "Copperleaf Games", "Junior Data Engineer", "Guildford", WorkMode.ONSITE, Source.JOB_BOARD,
        Salary(38_000, 44_000, "GBP"), excitement=4, saved=-62, applied=-61, tags=("games", "junior"),
        steps=(
            Move(-58, Stage.REJECTED, "Filled internally"),
            Note(-58, "Fair enough. A junior title would have been a pay cut anyway."),
        ),
    ),
    Opening(
        "Verdant Grid", "Data Platform Engineer", "Remote (UK)", REMOTE, Source.LINKEDIN,
        Salary(65_000, 75_000, "GBP"), excitement=4, saved=-42, applied=-41, tags=("energy", "platform"),
        steps=(Move(-34, Stage.REJECTED, "They need Kubernetes in production"),),
    ),
    Opening(
        "Glasshouse Media", "BI Engineer", "Manchester", HYBRID, Source.JOB_BOARD,
        Salary(48_000, 55_000, "GBP"), excitement=2, saved=-26, applied=-26, tags=("media",),
        steps=(Move(-21, Stage.REJECTED, "No reason given"),),
    ),
)

REJECTED_AFTER_SCREENING: tuple[Opening, ...] = (
    Opening(
        "Orbitra Payments", "Payments Data Engineer", "London", HYBRID, Source.RECRUITER,
        Salary(70_000, 80_000, "GBP"), excitement=4, saved=-82, applied=-81, tags=("fintech", "scala"),
        steps=(
            Link(-82, AGENCY_RECRUITER, RECRUITER),
            Meet(-79, -76, "11:00", LONDON, "Priya Natarajan", kind=PHONE, minutes=30, screening=True),
            Link(-76, Person("Priya Natarajan", "priya.n@orbitra.example", "Talent Partner"), RECRUITER),
            Move(-72, Stage.REJECTED, "They want Scala and streaming; I have Python and batch"),
        ),
    ),
    Opening(
        "Bluewren Travel", "Analytics Engineer", "Remote (Europe)", REMOTE, Source.JOB_BOARD,
        Salary(60_000, 70_000, "EUR"), excitement=3, saved=-67, applied=-66, tags=("travel", "dbt"),
        steps=(
            Meet(-64, -61, "15:00", BERLIN, "Sanne Visser, Recruiter", minutes=30, screening=True),
            Note(-61, "Asked for my number first. I said 70k EUR; their band tops out at 62k."),
            Move(-53, Stage.REJECTED, "Salary expectations above the band"),
        ),
    ),
    Opening(
        "Pinecrest Insurance", "Data Engineer", "Bristol", HYBRID, Source.COMPANY_SITE,
        Salary(55_000, 62_000, "GBP"), excitement=2, saved=-47, applied=-46, tags=("insurance",),
        steps=(
            Move(-42, Stage.SCREENING, "HR phone screen"),
            Move(-37, Stage.REJECTED, "Looking for insurance domain experience"),
        ),
    ),
    Opening(
        "Juniper Transit", "Data Engineer", "Remote (Sydney hours)", REMOTE, Source.LINKEDIN,
        Salary(120_000, 135_000, "AUD"), excitement=3, saved=-37, applied=-36, tags=("transport", "apac"),
        steps=(
            Meet(-34, -31, "09:00", SYDNEY, "Chris Nguyen, Talent Lead", minutes=30, screening=True),
            Note(-30, "The call was late in my evening. Fine once; not every working day."),
            Move(-27, Stage.REJECTED, "They need four hours of overlap with the Sydney day"),
        ),
    ),
)

REJECTED_AFTER_INTERVIEWS: tuple[Opening, ...] = (
    Opening(
        "Tidewater Health", "Data Engineer", "London", HYBRID, Source.COMPANY_SITE,
        Salary(65_000, 72_000, "GBP"), excitement=4, saved=-81, applied=-80, tags=("health", "airflow"),
        steps=(
            Meet(-78, -75, "10:00", LONDON, "Grace Obi", kind=PHONE, minutes=30, screening=True),
            Link(-78, Person("Grace Obi", "grace.obi@tidewater-health.example", "Recruiter"), RECRUITER),
            Meet(-72, -68, "14:00", LONDON, "Ian Pell, Head of Data; Sofia Marquez, Data Engineer"),
            Link(-72, Person("Ian Pell", "ian.pell@tidewater-health.example", "Head of Data"), MANAGER),
            Move(-63, Stage.REJECTED, "Strong SQL, not enough pipeline orchestration (Airflow)"),
            Note(-61, "Asked Ian for feedback. Kind reply: build one end-to-end Airflow project."),
        ),
    ),
    Opening(
        "Saltmarsh Analytics", "Analytics Engineer", "Amsterdam", HYBRID, Source.LINKEDIN,
        Salary(62_000, 70_000, "EUR"), excitement=3, saved=-59, applied=-58, tags=("dbt", "relocation"),
        steps=(
            Move(-55, Stage.SCREENING, "Recruiter call booked"),
            Meet(-53, -49, "11:00", "Europe/Amsterdam", "Pieter de Wit, Analytics Lead"),
            Move(-45, Stage.REJECTED, "Chose someone already living in the Netherlands"),
        ),
    ),
    Opening(
        "Hollowpeak Outdoor", "Data Engineer", "Edinburgh", REMOTE, Source.JOB_BOARD,
        Salary(52_000, 60_000, "GBP"), excitement=3, saved=-51, applied=-50, tags=("retail", "gcp"),
        steps=(
            Meet(-44, -40, "13:00", LONDON, "Callum Reid, Data Manager"),
            Note(-42, "Take-home: a small ELT pipeline, 'about four hours'. It took me six."),
            Move(-35, Stage.REJECTED, "Solid take-home, but they chose someone with BigQuery experience"),
        ),
    ),
    Opening(
        "Lumen Ledger", "Data Engineer", "Berlin", HYBRID, Source.LINKEDIN,
        Salary(68_000, 78_000, "EUR"), excitement=4, saved=-76, applied=-75, tags=("fintech", "relocation"),
        steps=(
            Meet(-73, -70, "16:00", BERLIN, "Jana Krüger", minutes=30, screening=True),
            Link(-73, Person("Jana Krüger", "jana.krueger@lumenledger.example", "Recruiter"), RECRUITER),
            Meet(-67, -64, "10:00", BERLIN, "Felix Hartmann, Engineering Manager"),
            Link(-67, Person("Felix Hartmann", "felix.hartmann@lumenledger.example", "Engineering Manager"),
                 MANAGER),
            Meet(-61, -57, "14:00", BERLIN, "Ana Costa and Felix Hartmann (system design)", minutes=90),
            Link(-61, Person("Ana Costa", "ana.costa@lumenledger.example", "Staff Data Engineer"),
                 INTERVIEWER),
            Note(-57, "System design went well until partitioning. Reading up on it this weekend."),
            Move(-52, Stage.REJECTED, "Relocation support paused for this role"),
        ),
    ),
    Opening(
        "Stillwater Mobility", "Data Engineer", "Singapore", WorkMode.ONSITE, Source.RECRUITER,
        Salary(96_000, 110_000, "SGD"), excitement=4, saved=-70, applied=-69, tags=("mobility", "relocation"),
        steps=(
            Link(-70, AGENCY_RECRUITER, RECRUITER),
            Meet(-66, -62, "16:00", SINGAPORE, "Wei Ling Tan, Data Lead"),
            Link(-66, Person("Wei Ling Tan", "weiling.tan@stillwater.example", "Data Lead"), MANAGER),
            Note(-62, "Late afternoon in Singapore is early morning here. Coffee first."),
            Meet(-58, -55, "17:00", SINGAPORE, "Arjun Mehta, Senior Data Engineer"),
            Link(-58, Person("Arjun Mehta", "arjun.mehta@stillwater.example", "Senior Data Engineer"),
                 INTERVIEWER),
            Meet(-52, -48, "15:00", SINGAPORE, "Panel: Wei Ling Tan, Rachel Goh", minutes=90),
            Move(-44, Stage.REJECTED, "Chose a candidate already in Singapore; visa timing"),
        ),
    ),
    Opening(
        "Tessellate AI", "ML Platform Engineer", "Berlin", HYBRID, Source.COMPANY_SITE,
        Salary(75_000, 88_000, "EUR"), excitement=5, saved=-60, applied=-57, dream=True,
        tags=("ml", "relocation", "dream"), notes="The team behind the open-source feature store I use.",
        steps=(
            Meet(-55, -52, "11:00", BERLIN, "Lea Wagner", minutes=30, screening=True),
            Link(-55, Person("Lea Wagner", "lea.wagner@tessellate-ai.example", "Talent Partner"), RECRUITER),
            Meet(-48, -45, "10:00", BERLIN, "Jonas Becker (live coding)"),
            Link(-48, Person("Jonas Becker", "jonas.becker@tessellate-ai.example", "ML Engineer"),
                 INTERVIEWER),
            Meet(-41, -37, "13:00", BERLIN, "Mira Schulz, Head of Data (case study)", minutes=75),
            Link(-41, Person("Mira Schulz", "mira.schulz@tessellate-ai.example", "Head of Data"), MANAGER),
            Meet(-33, -22, "09:30", BERLIN, "Final round: four conversations", kind=ONSITE, minutes=240,
                 location="Tessellate AI office, Berlin-Mitte"),
            Note(-22, "Final round in Berlin; flew in the night before. Three of four talks felt good."),
            Move(-16, Stage.REJECTED, "After the final round: they chose someone with more MLOps experience"),
            Note(-15, "Mira offered a call to go through the feedback. Booked for next week."),
            Note(-9, "Feedback call: strong on data modelling; next, ship one production ML pipeline."),
        ),
    ),
    Opening(
        "Harbourline Logistics", "Analytics Engineer", "Southampton", HYBRID, Source.JOB_BOARD,
        Salary(58_000, 66_000, "GBP"), excitement=3, saved=-69, applied=-68, tags=("logistics", "dbt"),
        steps=(
            Move(-64, Stage.SCREENING, "Recruiter call"),
            Meet(-62, -58, "10:00", LONDON, "Two analytics engineers"),
            Meet(-54, -49, "14:00", LONDON, "Final round with Helen Marsh, Director of Data", kind=ONSITE,
                 minutes=120, location="Harbourline House, Southampton"),
            Link(-54, Person("Helen Marsh", "helen.marsh@harbourline.example", "Director of Data"), MANAGER),
            Move(-42, Stage.REJECTED, "After the final round: they hired internally"),
            Note(-42, "A close second, Helen said. She invited me to apply again next year."),
        ),
    ),
)

OFFERS: tuple[Opening, ...] = (
    Opening(
        "Marigold Pay", "Data Engineer", "Remote (US East hours)", REMOTE, Source.LINKEDIN,
        Salary(115_000, 130_000, "USD"), excitement=4, saved=-73, applied=-72, tags=("fintech", "us-hours"),
        steps=(
            Meet(-70, -67, "10:00", NEW_YORK, "Jordan Ellis", minutes=30, screening=True),
            Link(-70, Person("Jordan Ellis", "jordan.ellis@marigoldpay.example", "Recruiter"), RECRUITER),
            Meet(-64, -61, "11:00", NEW_YORK, "Sam Patel, Data Engineering Manager"),
            Link(-64, Person("Sam Patel", "sam.patel@marigoldpay.example", "Data Engineering Manager"),
                 MANAGER),
            Meet(-58, -55, "12:00", NEW_YORK, "Two engineers (pipeline design)", minutes=90),
            Move(-51, Stage.OFFER, "Verbal offer: 122k USD, as a contractor from the UK"),
            Move(-46, Stage.REJECTED, "Offer withdrawn: hiring freeze after their funding round slipped"),
            Note(-45, "Jordan said three offers were pulled that week. Not about me."),
        ),
    ),
    Opening(
        "Fernhill Pharmacy", "Senior Data Analyst", "Reading", HYBRID, Source.RECRUITER,
        Salary(60_000, 65_000, "GBP"), excitement=2, saved=-53, applied=-52, tags=("analyst", "fallback"),
        steps=(
            Meet(-51, -48, "10:00", LONDON, "Owen Hughes", kind=PHONE, minutes=30, screening=True),
            Link(-51, Person("Owen Hughes", "owen.hughes@fernhill.example", "Recruiter"), RECRUITER),
            Meet(-45, -42, "11:00", LONDON, "Analytics team", kind=ONSITE,
                 location="Fernhill Pharmacy head office, Reading"),
            Move(-38, Stage.OFFER, "Offer: 64k GBP"),
            Move(-34, Stage.DECLINED, "The same job as now; not a step toward data engineering"),
            Note(-34, "Hard to turn down a sure thing, but it would have kept me an analyst."),
        ),
    ),
    Opening(
        "Kestrel Freight", "Data Engineer", "Manchester", HYBRID, Source.REFERRAL,
        Salary(68_000, 75_000, "GBP"), excitement=4, saved=-30, applied=-29,
        tags=("logistics", "airflow", "referral"), notes="Dana (ex-colleague) referred me.",
        steps=(
            Link(-30, FORMER_COLLEAGUE, ContactRole.REFERRER),
            Meet(-27, -24, "10:00", LONDON, "Hannah Lee", kind=PHONE, minutes=30, screening=True),
            Link(-27, Person("Hannah Lee", "hannah.lee@kestrelfreight.example", "Talent Partner"), RECRUITER),
            Meet(-21, -18, "14:00", LONDON, "Marcus Bell, Head of Data Engineering"),
            Link(-21, Person("Marcus Bell", "marcus.bell@kestrelfreight.example", "Head of Data Engineering"),
                 MANAGER),
            Meet(-15, -11, "10:00", LONDON, "Pairing session with Chloe Adams, then team lunch", kind=ONSITE,
                 minutes=180, location="Kestrel Freight, Manchester office"),
            Link(-11, Person("Chloe Adams", "chloe.adams@kestrelfreight.example", "Data Engineer"),
                 INTERVIEWER),
            Move(-4, Stage.OFFER, "Offer: 72k GBP, two office days a week"),
            Note(-4, "Answer due in ten days, just after the Cobaltline final. Ask them about timing."),
        ),
    ),
)

GHOSTED: tuple[Opening, ...] = (
    Opening(
        "Quillfeather Books", "Data Engineer", "Oxford", HYBRID, Source.JOB_BOARD,
        Salary(45_000, 52_000, "GBP"), excitement=3, saved=-89, applied=-88, tags=("publishing",),
        steps=(
            Note(-70, "Polite follow-up sent to the careers inbox."),
            Move(-55, Stage.GHOSTED, "No reply in nine weeks; the follow-up went unanswered"),
        ),
    ),
    Opening(
        "Brightmoor Energy", "Data Engineer", "Glasgow", REMOTE, Source.COMPANY_SITE,
        Salary(55_000, 60_000, "GBP"), excitement=3, saved=-75, applied=-74, tags=("energy",),
        steps=(
            Meet(-72, -69, "15:00", LONDON, "Morag Fraser", kind=PHONE, minutes=30, screening=True),
            Link(-72, Person("Morag Fraser", "morag.fraser@brightmoor.example", "Recruiter"), RECRUITER),
            Note(-69, "Morag said a decision would come 'within two weeks'."),
            Move(-38, Stage.GHOSTED, "Nothing since the screening call a month ago"),
        ),
    ),
    Opening(
        "Corvid Labs", "Data Engineer", "London", HYBRID, Source.NETWORKING,
        Salary(70_000, 78_000, "GBP"), excitement=4, saved=-65, applied=-64, tags=("startup",),
        notes="Met Ben at a data engineering meetup.",
        steps=(
            Meet(-62, -59, "17:00", LONDON, "Ben Okoro, CTO"),
            Link(-62, Person("Ben Okoro", "ben@corvidlabs.example", "CTO"), MANAGER),
            Note(-48, "Followed up with Ben on LinkedIn."),
            Move(-33, Stage.GHOSTED, "No answer after the interview and two follow-ups"),
        ),
    ),
)

# Still open, with no answer for weeks: `due` suggests closing these as ghosted.
SILENT: tuple[Opening, ...] = (
    Opening(
        "Ashgrove University", "Research Data Engineer", "Cambridge", HYBRID, Source.COMPANY_SITE,
        Salary(42_000, 48_000, "GBP"), excitement=3, saved=-49, applied=-47, deadline=-44,
        tags=("research", "public-sector"), notes="Public-sector pay, but fascinating data.",
    ),
    Opening(
        "Pellucid Cloud", "Data Engineer", "Remote (Europe)", REMOTE, Source.LINKEDIN,
        Salary(70_000, 80_000, "EUR"), excitement=4, saved=-40, applied=-39, tags=("cloud",),
    ),
    Opening(
        "Kittiwake Media", "Data Engineer", "Dublin", HYBRID, Source.JOB_BOARD,
        Salary(60_000, 68_000, "EUR"), excitement=3, saved=-43, applied=-42, tags=("media", "relocation"),
        steps=(
            Meet(-40, -37, "12:00", "Europe/Dublin", "Aoife Byrne", minutes=30, screening=True),
            Link(-40, Person("Aoife Byrne", "aoife.byrne@kittiwake.example", "Recruiter"), RECRUITER),
            Note(-30, "Aoife said the hiring manager is on leave until further notice."),
        ),
    ),
    Opening(
        "Meridian Survey", "Geospatial Data Engineer", "Remote (US)", REMOTE, Source.JOB_BOARD,
        Salary(105_000, 120_000, "USD"), excitement=3, saved=-46, applied=-45,
        tags=("geospatial", "us-hours"),
        steps=(
            Meet(-36, -32, "09:00", "America/Chicago", "Dale Brooks, GIS Lead"),
            Note(-31, "Sent a thank-you note the next morning."),
            Note(-24, "Followed up; nothing yet."),
        ),
    ),
)

WITHDRAWN: tuple[Opening, ...] = (
    Opening(
        "Oakhurst Consulting", "Data Consultant", "London", WorkMode.ONSITE, Source.RECRUITER,
        Salary(60_000, 70_000, "GBP"), excitement=2, saved=-56, applied=-55, tags=("consulting",),
        steps=(
            Meet(-53, -50, "12:00", LONDON, "Lucy Grant", kind=PHONE, minutes=30, screening=True),
            Link(-53, Person("Lucy Grant", "lucy.grant@oakhurst.example", "Recruiter"), RECRUITER),
            Move(-47, Stage.WITHDRAWN, "The role is mostly client travel, not engineering"),
        ),
    ),
)

OPEN: tuple[Opening, ...] = (
    Opening(
        "Sundial Robotics", "Data Engineer", "Remote (UK)", REMOTE, Source.COMPANY_SITE,
        Salary(65_000, 75_000, "GBP"), excitement=3, saved=-6, deadline=9, tags=("robotics",),
        notes="Tailor the CV toward telemetry pipelines before applying.",
    ),
    Opening(
        "Wayfarer Maps", "Analytics Engineer", "Berlin", HYBRID, Source.LINKEDIN,
        Salary(65_000, 72_000, "EUR"), excitement=3, saved=-3, tags=("geospatial", "relocation"),
    ),
    Opening(
        "Larkspur Bio", "Data Engineer", "Cambridge", HYBRID, Source.JOB_BOARD,
        Salary(58_000, 66_000, "GBP"), excitement=4, saved=-2, deadline=12, tags=("biotech",),
    ),
    Opening(
        "Halcyon Rail", "Data Engineer", "Birmingham", HYBRID, Source.JOB_BOARD,
        Salary(55_000, 62_000, "GBP"), excitement=3, saved=-5, applied=-4, tags=("transport",),
    ),
    Opening(
        "Brackenfield Water", "Data Engineer", "Remote (UK)", REMOTE, Source.COMPANY_SITE,
        Salary(52_000, 60_000, "GBP"), excitement=3, saved=-10, applied=-9, tags=("utilities",),
    ),
    Opening(
        "Lanternfish Studio", "Data Engineer", "Remote (Europe)", REMOTE, Source.LINKEDIN,
        Salary(60_000, 70_000, "EUR"), excitement=4, saved=-14, applied=-13, tags=("games",),
    ),
    Opening(
        "Silverbirch Pensions", "Analytics Engineer", "Leeds", HYBRID, Source.RECRUITER,
        Salary(58_000, 65_000, "GBP"), excitement=2, saved=-18, applied=-17, tags=("finance", "dbt"),
        steps=(Link(-18, AGENCY_RECRUITER, RECRUITER),),
    ),
    Opening(
        "Monsoon Commerce", "Data Engineer", "Singapore", HYBRID, Source.LINKEDIN,
        Salary(90_000, 105_000, "SGD"), excitement=4, saved=-12, applied=-11,
        tags=("ecommerce", "relocation"),
        steps=(
            Meet(-5, 2, "17:00", SINGAPORE, "Nurul Aziz", minutes=30, screening=True),
            Link(-5, Person("Nurul Aziz", "nurul.aziz@monsoon-commerce.example", "Talent Acquisition"),
                 RECRUITER),
        ),
    ),
    Opening(
        "Driftwood Insurance", "Data Engineer", "Remote (UK)", REMOTE, Source.JOB_BOARD,
        Salary(60_000, 68_000, "GBP"), excitement=3, saved=-16, applied=-15, tags=("insurance",),
        steps=(
            Meet(-10, -7, "11:00", LONDON, "Ellie Shaw", kind=PHONE, minutes=30, screening=True),
            Note(-7, "Screen went well. They will come back 'next week'."),
        ),
    ),
    Opening(
        "Cobaltline Climate", "Data Platform Engineer", "Berlin", HYBRID, Source.COMPANY_SITE,
        Salary(78_000, 90_000, "EUR"), excitement=5, saved=-35, applied=-34, dream=True,
        tags=("climate", "relocation", "dream"), notes="Emissions data for the EU grid. The one I want most.",
        steps=(
            Meet(-31, -28, "15:00", BERLIN, "Katrin Vogel", minutes=30, screening=True),
            Link(-31, Person("Katrin Vogel", "katrin.vogel@cobaltline.example", "Recruiter"), RECRUITER),
            Meet(-25, -21, "10:00", BERLIN, "Tobias Lang, Staff Data Engineer"),
            Link(-25, Person("Tobias Lang", "tobias.lang@cobaltline.example", "Staff Data Engineer"),
                 INTERVIEWER),
            Meet(-18, -14, "14:00", BERLIN, "Nadia Rahman, Head of Data Platform", minutes=75),
            Link(-18, Person("Nadia Rahman", "nadia.rahman@cobaltline.example", "Head of Data Platform"),
                 MANAGER),
            Meet(-8, 5, "10:00", BERLIN, "Final: system design, team lunch, values", kind=ONSITE, minutes=300,
                 location="Cobaltline Climate, Berlin office"),
            Note(-8, "Final round on site in Berlin. Book flights; prepare the grid-data design story."),
        ),
    ),
    Opening(
        "Foxglove Health", "Data Engineer", "Remote (US/UK overlap)", REMOTE, Source.LINKEDIN,
        Salary(120_000, 140_000, "USD"), excitement=4, saved=-25, applied=-24, tags=("health", "us-hours"),
        steps=(
            Meet(-22, -19, "11:00", NEW_YORK, "Rosa Delgado", minutes=30, screening=True),
            Link(-22, Person("Rosa Delgado", "rosa.delgado@foxglove.example", "Recruiter"), RECRUITER),
            Meet(-15, -12, "10:00", NEW_YORK, "Greg Whitman, Data Engineering Manager"),
            Link(-15, Person("Greg Whitman", "greg.whitman@foxglove.example", "Data Engineering Manager"),
                 MANAGER),
            Meet(-6, 9, "11:30", NEW_YORK, "Technical deep dive with two engineers", minutes=90),
        ),
    ),
    Opening(
        "Southerly Energy", "Data Engineer", "Remote (Sydney team)", REMOTE, Source.RECRUITER,
        Salary(125_000, 140_000, "AUD"), excitement=3, saved=-21, applied=-20, tags=("energy", "apac"),
        steps=(
            Link(-18, Person("Mia Thompson", "mia.thompson@southerly.example", "Recruiter"), RECRUITER),
            Meet(-7, 3, "08:30", SYDNEY, "Liam O'Connor, Data Platform Lead"),
            Note(-7, "08:30 in Sydney is the evening before for me. Test the video link the day before."),
        ),
    ),
    Opening(
        "Thistledown Data", "Analytics Engineer", "Remote (US East)", REMOTE, Source.JOB_BOARD,
        Salary(100_000, 115_000, "USD"), excitement=3, saved=-20, applied=-19,
        tags=("analytics-engineering",),
        steps=(Meet(-4, 11, "13:00", NEW_YORK, "Priyanka Shah, Analytics Manager"),),
    ),
)
# fmt: on

STORY: tuple[Opening, ...] = (
    *REJECTED_AFTER_APPLYING,
    *REJECTED_AFTER_SCREENING,
    *REJECTED_AFTER_INTERVIEWS,
    *OFFERS,
    *GHOSTED,
    *SILENT,
    *WITHDRAWN,
    *OPEN,
)
