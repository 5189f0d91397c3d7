"""The rest of the demo search: offers, silences, a withdrawal, and what is still open, with the emails that
moved them and the reminders Alex answered along the way.
Laid out by hand (formatter off) so each application reads as one short block."""

from __future__ import annotations

from bounceback.demo import sessions
from bounceback.demo.cast import (
    BERLIN,
    CHICAGO,
    DUBLIN,
    FORMER_COLLEAGUE,
    HYBRID,
    INTERVIEWER,
    LONDON,
    MANAGER,
    NEW_YORK,
    ON_SITE,
    ONSITE,
    PHONE,
    RECRUITER,
    REFERRER,
    REMOTE,
    SINGAPORE,
    SYDNEY,
)
from bounceback.demo.steps import (
    Answer,
    Bounce,
    Expect,
    Link,
    Mail,
    Meet,
    Move,
    Note,
    Opening,
    Person,
    Salary,
)
from bounceback.domain.coaching import ReminderStatus
from bounceback.domain.due import DueKind
from bounceback.domain.mail import MailLabel
from bounceback.domain.model import Source
from bounceback.domain.stages import Stage

ACK, INTERVIEW, OFFER = MailLabel.ACKNOWLEDGMENT, MailLabel.INTERVIEW, MailLabel.OFFER
REJECTION = MailLabel.REJECTION
THANKED = DueKind.THANK_YOU
FOLLOWED_UP = DueKind.FOLLOW_UP

JORDAN = Person("Jordan Ellis", "jordan.ellis@marigoldpay.example", "Recruiter")
OWEN = Person("Owen Hughes", "owen.hughes@fernhill.example", "Recruiter")
HANNAH = Person("Hannah Lee", "hannah.lee@kestrelfreight.example", "Talent Partner")
KATRIN = Person("Katrin Vogel", "katrin.vogel@cobaltline.example", "Recruiter")
ROSA = Person("Rosa Delgado", "rosa.delgado@foxglove.example", "Recruiter")
INES = Person("Ines Duarte", "ines.duarte@lanternfish.example", "Data Lead")
PRIYANKA = Person("Priyanka Shah", "priyanka.shah@thistledown.example", "Analytics Manager")
MIA = Person("Mia Thompson", "mia.thompson@southerly.example", "Recruiter")

# fmt: off
OFFERS: tuple[Opening, ...] = (
    Opening(
        "Marigold Pay", "Data Engineer", "Remote (US East hours)", REMOTE, Source.LINKEDIN,
        Salary(115_000, 130_000, "USD"), excitement=4, saved=-73, applied=-72, tags=("fintech", "us-hours"),
        steps=(
            Meet(-70, -67, "10:00", NEW_YORK, "Jordan Ellis", minutes=30, screening=True),
            Link(-70, JORDAN, RECRUITER),
            Meet(-64, -61, "11:00", NEW_YORK, "Sam Patel, Data Engineering Manager"),
            Link(-64, Person("Sam Patel", "sam.patel@marigoldpay.example", "Data Engineering Manager"),
                 MANAGER),
            Meet(-58, -55, "12:00", NEW_YORK, "Two engineers", agenda="Pipeline design", minutes=90),
            Mail(-51, JORDAN, "Your offer from Marigold Pay", """
Hi Alex,

It's my pleasure to offer you the Data Engineer position at Marigold Pay! Sam and the team were unanimous.

As we discussed, the offer is 122,000 USD a year as a contractor from the UK, working US East hours. The
written offer is attached. Please let me know your decision by the end of next week.

Congratulations,
Jordan Ellis
Recruiter, Marigold Pay
""", OFFER),
            Move(-46, Stage.REJECTED, "Jordan called: the offer is withdrawn, a hiring freeze after their "
                                      "funding round slipped"),
            Note(-45, "Jordan said three offers were pulled that week. Not about me."),
            Bounce(-45, sessions.MARIGOLD, at="22:00"),
        ),
    ),
    Opening(
        "Fernhill Pharmacy", "Senior Data Analyst", "Reading", HYBRID, Source.RECRUITER,
        Salary(60_000, 65_000, "GBP"), excitement=2, saved=-53, applied=-52, tags=("analyst", "fallback"),
        steps=(
            Meet(-51, -48, "10:00", LONDON, "Owen Hughes", kind=PHONE, minutes=30, screening=True),
            Link(-51, OWEN, RECRUITER),
            Meet(-45, -42, "11:00", LONDON, "Analytics team", kind=ONSITE,
                 location="Fernhill Pharmacy head office, Reading"),
            Mail(-38, OWEN, "Offer of employment: Senior Data Analyst", """
Dear Alex,

Following your interview with the analytics team, I am pleased to offer you the position of Senior Data
Analyst at Fernhill Pharmacy, at a salary of 64,000 GBP per year.

Your offer letter and our benefits summary are attached. We would be delighted to have you join us.

Kind regards,
Owen Hughes
Recruiter, Fernhill Pharmacy
""", OFFER),
            Move(-34, Stage.DECLINED, "The same job as now; not a step toward data engineering"),
            Note(-34, "Hard to turn down a sure thing, but it would have kept me an analyst."),
        ),
    ),
    Opening(
        "Kestrel Freight", "Data Engineer", "Manchester", HYBRID, Source.REFERRAL,
        Salary(68_000, 75_000, "GBP"), excitement=4, saved=-30, applied=-29,
        tags=("logistics", "airflow", "referral"), notes="Dana (ex-colleague) referred me.",
        steps=(
            Link(-30, FORMER_COLLEAGUE, REFERRER),
            Meet(-27, -24, "10:00", LONDON, "Hannah Lee", kind=PHONE, minutes=30, screening=True),
            Link(-27, HANNAH, RECRUITER),
            Mail(-21, HANNAH, "Kestrel Freight: interview with Marcus Bell", """
Hi Alex,

Lovely to speak with you. Marcus Bell, our Head of Data Engineering, would like to interview you for the Data
Engineer role: an hour on video, about your pipelines and how you would approach our shipment-tracking data.

Does {when} work?

Thanks,
Hannah
Talent Partner, Kestrel Freight
""", INTERVIEW),
            Meet(-21, -18, "14:00", LONDON, "Marcus Bell, Head of Data Engineering"),
            Link(-21, Person("Marcus Bell", "marcus.bell@kestrelfreight.example", "Head of Data Engineering"),
                 MANAGER),
            Meet(-15, -11, "10:00", LONDON, "Chloe Adams", agenda="Pairing session, then team lunch", kind=ONSITE,
                 minutes=180, location="Kestrel Freight, Manchester office"),
            Link(-11, Person("Chloe Adams", "chloe.adams@kestrelfreight.example", "Data Engineer"),
                 INTERVIEWER),
            Note(-11, "Talked about their move from cron jobs to Airflow; Chloe wants help with the backfills."),
            Answer(-10, THANKED, at="09:00"),
            Mail(-4, HANNAH, "Offer: Data Engineer at Kestrel Freight", """
Hi Alex,

I'm delighted to let you know that we would like to offer you the Data Engineer position at Kestrel Freight.
Marcus and the team were really impressed by the pairing session with Chloe.

The offer is a salary of 72,000 GBP with two office days a week in Manchester. The written offer is attached;
we would be grateful for your answer within ten days.

Congratulations, and call me with any questions.

Hannah Lee
Talent Partner, Kestrel Freight
""", OFFER, at="15:10"),
            Note(-4, "Answer due in ten days, just after the Cobaltline final. Ask them about timing."),
        ),
    ),
)

GHOSTED: tuple[Opening, ...] = (
    Opening(
        "Quillfeather Books", "Data Engineer", "Oxford", HYBRID, Source.JOB_BOARD,
        Salary(45_000, 52_000, "GBP"), excitement=3, saved=-89, applied=-88, tags=("publishing",),
        steps=(
            Mail(-88, Person("Quillfeather Books", "recruitment@quillfeather.example", ""),
                 "Thank you for your application", """
Dear Alex,

Thank you for applying for the Data Engineer position at Quillfeather Books. We have received your application
and will be in touch if you are selected for interview.

With best wishes,
Quillfeather Books Recruitment
""", ACK, at="21:00"),
            Note(-70, "Polite follow-up sent to the careers inbox; there is no one to write to by name."),
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
        steps=(
            Mail(-47, Person("Ashgrove University HR", "hr-recruitment@ashgrove.example", ""),
                 "Application received: Research Data Engineer (ref. AU-4471)", """
Dear Alex Moreno,

Thank you for your application for the post of Research Data Engineer (ref. AU-4471) at Ashgrove University.

The closing date for this vacancy has not yet passed. Shortlisting usually takes four to six weeks after the
closing date, and we aim to contact all shortlisted candidates by email.

Human Resources, Ashgrove University
""", ACK, at="21:40"),
            Note(-20, "Universities are slow; the ad said shortlisting takes six weeks. Leaving it open."),
            Answer(-20, DueKind.GHOSTED, ReminderStatus.DISMISSED, at="20:00"),
        ),
    ),
    Opening(
        "Pellucid Cloud", "Data Engineer", "Remote (Europe)", REMOTE, Source.LINKEDIN,
        Salary(70_000, 80_000, "EUR"), excitement=4, saved=-40, applied=-39, tags=("cloud",),
    ),
    Opening(
        "Kittiwake Media", "Data Engineer", "Dublin", HYBRID, Source.JOB_BOARD,
        Salary(60_000, 68_000, "EUR"), excitement=3, saved=-43, applied=-42, tags=("media", "relocation"),
        steps=(
            Meet(-40, -37, "12:00", DUBLIN, "Aoife Byrne", minutes=30, screening=True),
            Link(-40, Person("Aoife Byrne", "aoife.byrne@kittiwake.example", "Recruiter"), RECRUITER),
            Note(-30, "Aoife said the hiring manager is on leave until further notice."),
            Answer(-5, FOLLOWED_UP, ReminderStatus.SNOOZED, snooze_days=10, at="09:00"),
        ),
    ),
    Opening(
        "Meridian Survey", "Geospatial Data Engineer", "Remote (US)", REMOTE, Source.JOB_BOARD,
        Salary(105_000, 120_000, "USD"), excitement=3, saved=-46, applied=-45,
        tags=("geospatial", "us-hours"),
        steps=(
            Meet(-36, -32, "09:00", CHICAGO, "Dale Brooks, GIS Lead"),
            Answer(-31, THANKED, at="08:30"),
            Answer(-24, FOLLOWED_UP, at="13:00"),
        ),
    ),
)

WITHDRAWN: tuple[Opening, ...] = (
    Opening(
        "Oakhurst Consulting", "Data Consultant", "London", ON_SITE, Source.RECRUITER,
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
        "Orbitra Payments", "Streaming Data Engineer", "London", HYBRID, Source.COMPANY_SITE,
        Salary(72_000, 85_000, "GBP"), excitement=4, saved=-3, deadline=14, tags=("fintech", "kafka"),
        notes="Priya's team again, and streaming this time. The Kafka project finally counts.",
    ),
    Opening(
        "Halcyon Rail", "Data Engineer", "Birmingham", HYBRID, Source.JOB_BOARD,
        Salary(55_000, 62_000, "GBP"), excitement=3, saved=-4, applied=-4, tags=("transport",), by_mail=True,
        steps=(
            Mail(-4, Person("Halcyon Rail Careers", "careers@halcyonrail.example", ""),
                 "Halcyon Rail: we have received your application for Data Engineer", """
Dear Alex,

Thank you for applying for the Data Engineer role at Halcyon Rail (Birmingham). Your application has been
received and will be reviewed by the hiring team.

If your experience matches what we are looking for, we will contact you within two weeks to arrange a first
conversation.

Halcyon Rail Careers
""", ACK, at="22:15"),
        ),
    ),
    Opening(
        "Brackenfield Water", "Data Engineer", "Remote (UK)", REMOTE, Source.COMPANY_SITE,
        Salary(52_000, 60_000, "GBP"), excitement=3, saved=-10, applied=-9, tags=("utilities",),
        steps=(
            Mail(-9, Person("Brackenfield Water Recruitment", "recruitment@brackenfield.example", ""),
                 "We have received your application: Data Engineer", """
Dear Alex Moreno,

Thank you for applying for the Data Engineer role at Brackenfield Water. This email confirms that we have
received your application.

We aim to respond to every applicant within 15 working days. There is no need to reply to this message.

Kind regards,
Recruitment Team, Brackenfield Water
""", ACK, at="21:10"),
            Expect(-9, 12, at="21:30"),
        ),
    ),
    Opening(
        "Lanternfish Studio", "Data Engineer", "Remote (Europe)", REMOTE, Source.LINKEDIN,
        Salary(60_000, 70_000, "EUR"), excitement=4, saved=-14, applied=-13, tags=("games",),
        steps=(
            Link(-5, INES, MANAGER, at="09:00"),
            Mail(-5, INES, "Lanternfish Studio: let's talk about the Data Engineer role", """
Hi Alex,

Thanks for your application to Lanternfish Studio. I lead our small data team and would love to invite you to
a first interview: 45 minutes on video, with me and one of our game designers, about player telemetry and how
you would build it.

Could you do {when} UK time?

Cheers,
Ines Duarte
Data Lead, Lanternfish Studio
""", INTERVIEW),
            Meet(-5, -1, "14:00", LONDON, "Ines Duarte and a game designer", minutes=45),
        ),
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
        "Cobaltline Climate", "Data Platform Engineer", "Berlin", HYBRID, Source.COMPANY_SITE,
        Salary(78_000, 90_000, "EUR"), excitement=5, saved=-35, applied=-34, dream=True,
        tags=("climate", "relocation", "dream"), notes="Emissions data for the EU grid. The one I want most.",
        steps=(
            Meet(-31, -28, "15:00", BERLIN, "Katrin Vogel", minutes=30, screening=True),
            Link(-31, KATRIN, RECRUITER),
            Mail(-25, KATRIN, "Next step: technical interview for Data Platform Engineer", """
Hi Alex,

Thanks for our conversation. The team would like to invite you to a technical interview with
Tobias Lang, one of our Staff Data Engineers, for the Data Platform Engineer role.

Would {when} Berlin time work for you? It will be a 60-minute video call; I will send the link once
you confirm.

Best,
Katrin Vogel
Recruiter, Cobaltline Climate
""", INTERVIEW),
            Meet(-25, -21, "10:00", BERLIN, "Tobias Lang, Staff Data Engineer"),
            Link(-25, Person("Tobias Lang", "tobias.lang@cobaltline.example", "Staff Data Engineer"),
                 INTERVIEWER),
            Note(-21, "Talked about how they validate grid readings that arrive hours late."),
            Answer(-21, THANKED, at="19:00"),
            Mail(-18, KATRIN, "Cobaltline Climate: interview with Nadia Rahman", """
Hi Alex,

Tobias enjoyed your interview! The next step is a 75-minute conversation with Nadia Rahman, our Head of Data
Platform, including a short case study we will send you two days before.

Is {when} Berlin time possible?

Best,
Katrin
""", INTERVIEW),
            Meet(-18, -14, "14:00", BERLIN, "Nadia Rahman, Head of Data Platform", minutes=75),
            Link(-18, Person("Nadia Rahman", "nadia.rahman@cobaltline.example", "Head of Data Platform"),
                 MANAGER),
            Answer(-14, THANKED, at="19:30"),
            Mail(-8, KATRIN, "Invitation to the final round at Cobaltline Climate", """
Hi Alex,

I'm very happy to invite you to the final round for the Data Platform Engineer role, on site at our Berlin
office: a system design session, lunch with the team, and a conversation about how we work. Plan for about
five hours. We will cover your travel.

Would {when} suit you? Please confirm and I will book the flights.

Best,
Katrin
""", INTERVIEW),
            Meet(-8, 5, "10:00", BERLIN, "Nadia Rahman and the platform team", agenda="Final: system design, team lunch, values", kind=ONSITE, minutes=300,
                 location="Cobaltline Climate, Berlin office"),
            Note(-8, "Final round on site in Berlin. Book flights; prepare the grid-data design story."),
        ),
    ),
    Opening(
        "Foxglove Health", "Data Engineer", "Remote (US/UK overlap)", REMOTE, Source.LINKEDIN,
        Salary(120_000, 140_000, "USD"), excitement=4, saved=-25, applied=-24, tags=("health", "us-hours"),
        steps=(
            Meet(-22, -19, "11:00", NEW_YORK, "Rosa Delgado", minutes=30, screening=True),
            Link(-22, ROSA, RECRUITER),
            Mail(-15, ROSA, "Foxglove Health: interview with Greg Whitman", """
Hi Alex,

Great speaking with you! I'd love to move you forward to an interview with Greg Whitman, our Data Engineering
Manager, for the Data Engineer role. It's 60 minutes on Zoom.

Would {when} Eastern time work?

Best,
Rosa Delgado
Recruiter, Foxglove Health
""", INTERVIEW),
            Meet(-15, -12, "10:00", NEW_YORK, "Greg Whitman, Data Engineering Manager"),
            Link(-15, Person("Greg Whitman", "greg.whitman@foxglove.example", "Data Engineering Manager"),
                 MANAGER),
            Answer(-12, THANKED, at="19:00"),
            Meet(-6, 9, "11:30", NEW_YORK, "Two engineers", agenda="Technical deep dive", minutes=90),
        ),
    ),
    Opening(
        "Southerly Energy", "Data Engineer", "Remote (Sydney team)", REMOTE, Source.RECRUITER,
        Salary(125_000, 140_000, "AUD"), excitement=3, saved=-21, applied=-20, tags=("energy", "apac"),
        steps=(
            Link(-18, MIA, RECRUITER),
            Mail(-7, MIA, "Interview invite: Southerly Energy Data Engineer", """
Hi Alex,

Thanks for your patience! Liam O'Connor, who leads our Data Platform team, would like to interview you for the
Data Engineer role: a one-hour video call on {when} Sydney time, which I know is the evening before for you.

Let me know if that suits and I'll send the calendar invite.

Cheers,
Mia Thompson
Recruiter, Southerly Energy
""", INTERVIEW),
            Meet(-7, 3, "08:30", SYDNEY, "Liam O'Connor, Data Platform Lead"),
            Note(-7, "08:30 in Sydney is the evening before for me. Test the video link the day before."),
        ),
    ),
    Opening(
        "Thistledown Data", "Analytics Engineer", "Remote (US East)", REMOTE, Source.JOB_BOARD,
        Salary(100_000, 115_000, "USD"), excitement=3, saved=-20, applied=-19,
        tags=("analytics-engineering",),
        steps=(
            Link(-4, PRIYANKA, MANAGER, at="09:00"),
            Mail(-4, PRIYANKA, "Thistledown Data: interview for Analytics Engineer", """
Hi Alex,

Thanks for applying to Thistledown Data. I manage the analytics team and I'd like to invite you to an
interview for the Analytics Engineer role: an hour on video, talking through a dbt project you are proud of.

Would {when} Eastern time work?

Best,
Priyanka Shah
Analytics Manager, Thistledown Data
""", INTERVIEW),
            Meet(-4, 11, "13:00", NEW_YORK, "Priyanka Shah, Analytics Manager"),
        ),
    ),
)
# fmt: on
