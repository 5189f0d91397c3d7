"""The demo's rejections: after applying, after a screening call, after interviews, each with the email (or the
phone call) that brought it, and for several the bounce-back session that followed.
Laid out by hand (formatter off) so each application reads as one short block."""

from __future__ import annotations

from bounceback.demo import sessions
from bounceback.demo.cast import (
    AGENCY_RECRUITER,
    AMSTERDAM,
    BERLIN,
    HYBRID,
    INTERVIEWER,
    LONDON,
    MANAGER,
    ON_SITE,
    ONSITE,
    PHONE,
    RECRUITER,
    REMOTE,
    SINGAPORE,
    SYDNEY,
)
from bounceback.demo.steps import Bounce, Heard, Link, Mail, Meet, Move, Note, Opening, Person, Salary
from bounceback.domain.mail import MailLabel
from bounceback.domain.model import Source
from bounceback.domain.stages import Stage

REJECTION = MailLabel.REJECTION
INTERVIEW = MailLabel.INTERVIEW
ACK = MailLabel.ACKNOWLEDGMENT

PRIYA = Person("Priya Natarajan", "priya.n@orbitra.example", "Talent Partner")
GRACE = Person("Grace Obi", "grace.obi@tidewater-health.example", "Recruiter")
IAN = Person("Ian Pell", "ian.pell@tidewater-health.example", "Head of Data")
CALLUM = Person("Callum Reid", "callum.reid@hollowpeak.example", "Data Manager")
JANA = Person("Jana Krüger", "jana.krueger@lumenledger.example", "Recruiter")
WEI_LING = Person("Wei Ling Tan", "weiling.tan@stillwater.example", "Data Lead")
LEA = Person("Lea Wagner", "lea.wagner@tessellate-ai.example", "Talent Partner")
MIRA = Person("Mira Schulz", "mira.schulz@tessellate-ai.example", "Head of Data")
CHRIS = Person("Chris Nguyen", "chris.nguyen@junipertransit.example", "Talent Lead")
SANNE = Person("Sanne Visser", "sanne.visser@bluewren.example", "Recruiter")
PIETER = Person("Pieter de Wit", "pieter.dewit@saltmarsh.example", "Analytics Lead")
ELLIE = Person("Ellie Shaw", "ellie.shaw@driftwood-insurance.example", "Talent Acquisition Partner")

# fmt: off
REJECTED_AFTER_APPLYING: tuple[Opening, ...] = (
    Opening(
        "Ravenstone Bank", "Analytics Engineer", "London", HYBRID, Source.JOB_BOARD,
        Salary(55_000, 65_000, "GBP"), excitement=3, saved=-86, applied=-85,
        tags=("analytics-engineering", "finance"),
        steps=(
            Mail(-85, Person("Ravenstone Bank Careers", "careers@ravenstone.example", ""),
                 "Application received: Analytics Engineer", """
Dear Alex,

Thank you for applying for the Analytics Engineer role at Ravenstone Bank. We have received your application
and our recruitment team will review it against the requirements of the role.

Ravenstone Bank Careers
""", ACK, at="20:45"),
            Mail(-79, Person("Ravenstone Bank Careers", "careers@ravenstone.example", ""),
                 "Your application to Ravenstone Bank", """
Dear Alex,

Thank you for your interest in the Analytics Engineer position at Ravenstone Bank.

After careful review, we have decided not to progress your application further on this occasion. We received
a very high number of applications for this role.

We wish you every success in your search.

Ravenstone Bank Talent Acquisition
""", REJECTION, at="02:10"),
            Note(-79, "Sent at two in the morning, so a keyword filter. No dbt on my CV yet: starting a dbt "
                      "side project this week."),
        ),
    ),
    Opening(
        "Fennwick Retail", "Data Engineer", "Leeds", HYBRID, Source.COMPANY_SITE,
        Salary(50_000, 58_000, "GBP"), excitement=2, saved=-72, applied=-71, tags=("retail", "python"),
        steps=(
            Mail(-56, Person("Fennwick Retail Recruitment", "jobs@fennwick.example", ""),
                 "Data Engineer (Leeds): update on your application", """
Hi Alex,

Thanks for your application for the Data Engineer role in our Leeds data team, and sorry it has taken us a
while to get back to you.

We have now completed our shortlisting and unfortunately we won't be taking your application forward. For this
role we have gone with candidates who have more hands-on experience with cloud data platforms.

All the best,
The Fennwick Retail Recruitment Team
""", REJECTION),
        ),
    ),
    Opening(
        "Copperleaf Games", "Junior Data Engineer", "Guildford", ON_SITE, Source.JOB_BOARD,
        Salary(38_000, 44_000, "GBP"), excitement=4, saved=-62, applied=-61, tags=("games", "junior"),
        steps=(
            Mail(-58, Person("Copperleaf Games Talent", "talent@copperleafgames.example", ""),
                 "Junior Data Engineer at Copperleaf Games", """
Hi Alex,

Thank you for applying to join Copperleaf Games. We wanted to let you know quickly: the Junior Data Engineer
position has been filled internally, so we have closed the vacancy and will not be moving forward with external
applications.

We are sorry not to have better news, and thank you for your interest in the studio.

Copperleaf Games Talent Team
""", REJECTION),
            Note(-58, "Fair enough. A junior title would have been a pay cut anyway."),
        ),
    ),
    Opening(
        "Verdant Grid", "Data Platform Engineer", "Remote (UK)", REMOTE, Source.LINKEDIN,
        Salary(65_000, 75_000, "GBP"), excitement=4, saved=-42, applied=-41, tags=("energy", "platform"),
        steps=(
            Mail(-34, Person("Verdant Grid Hiring", "hiring@verdantgrid.example", ""),
                 "Your Verdant Grid application", """
Hello Alex,

Thank you for applying for the Data Platform Engineer role at Verdant Grid.

We have reviewed your application carefully. On this occasion we will not be taking it further: the role needs
someone who has already run Kubernetes in production, and we could not see that in your experience.

We appreciate the time you put into your application and wish you the best of luck.

Verdant Grid Hiring Team
""", REJECTION),
            Bounce(-33, sessions.VERDANT_GRID, at="08:00"),
        ),
    ),
    Opening(
        "Glasshouse Media", "BI Engineer", "Manchester", HYBRID, Source.JOB_BOARD,
        Salary(48_000, 55_000, "GBP"), excitement=2, saved=-26, applied=-26, tags=("media",),
        steps=(
            Mail(-21, Person("Glasshouse Media", "no-reply@glasshousemedia.example", ""),
                 "BI Engineer, Manchester", """
Dear Applicant,

Thank you for your application for the BI Engineer position at Glasshouse Media. Unfortunately you have not
been successful on this occasion.

Due to the volume of applications we are unable to provide individual feedback.

Glasshouse Media Recruitment
""", REJECTION),
        ),
    ),
    Opening(
        "Silverbirch Pensions", "Analytics Engineer", "Leeds", HYBRID, Source.RECRUITER,
        Salary(58_000, 65_000, "GBP"), excitement=2, saved=-18, applied=-17, tags=("finance", "dbt"),
        steps=(
            Link(-18, AGENCY_RECRUITER, RECRUITER),
            Mail(-5, AGENCY_RECRUITER, "Silverbirch Pensions: Analytics Engineer", """
Hi Alex,

I've just heard back from Silverbirch Pensions about the Analytics Engineer role. I'm sorry to say they have
decided not to take your application forward: they have shortlisted people who have worked in pensions before,
and that was the deciding factor for them.

For what it's worth, the hiring manager said your dbt work looked solid. I'll keep you in mind for anything
less domain-specific.

Speak soon,
Tom
Harper & Vale Talent
""", REJECTION),
            Bounce(-4, sessions.SILVERBIRCH, stop_before="thought"),
        ),
    ),
)

REJECTED_AFTER_SCREENING: tuple[Opening, ...] = (
    Opening(
        "Orbitra Payments", "Payments Data Engineer", "London", HYBRID, Source.RECRUITER,
        Salary(70_000, 80_000, "GBP"), excitement=4, saved=-82, applied=-81, tags=("fintech", "scala"),
        steps=(
            Link(-82, AGENCY_RECRUITER, RECRUITER),
            Meet(-79, -76, "11:00", LONDON, "Priya Natarajan", kind=PHONE, minutes=30, screening=True),
            Link(-76, PRIYA, RECRUITER),
            Mail(-72, PRIYA, "Payments Data Engineer at Orbitra", """
Hi Alex,

Thank you for making time for our call; I enjoyed hearing about the finance pipelines you built.

I've talked it through with the hiring team, and we won't be moving forward with your application for the
Payments Data Engineer role. The team works almost entirely in Scala on streaming data, and they need someone
who can be productive in that stack from the first weeks.

I'm sorry it isn't better news. I'd be happy to hear from you if a role that fits your background opens up.

Best wishes,
Priya Natarajan
Talent Partner, Orbitra Payments
""", REJECTION),
            Bounce(-71, sessions.ORBITRA),
        ),
    ),
    Opening(
        "Bluewren Travel", "Analytics Engineer", "Remote (Europe)", REMOTE, Source.JOB_BOARD,
        Salary(60_000, 70_000, "EUR"), excitement=3, saved=-67, applied=-66, tags=("travel", "dbt"),
        steps=(
            Meet(-64, -61, "15:00", BERLIN, "Sanne Visser, Recruiter", minutes=30, screening=True),
            Link(-64, SANNE, RECRUITER),
            Note(-61, "Asked for my number first. I said 70k EUR; their band tops out at 62k."),
            Mail(-53, SANNE, "Analytics Engineer at Bluewren Travel", """
Dear Alex,

Thank you again for the conversation last week about the Analytics Engineer role at Bluewren Travel.

We have decided not to proceed with your application. The main reason is the salary: your expectations are
above the band we have for this position, and we are not able to change it this year.

Thank you for being open with us about it, and good luck with your search.

Kind regards,
Sanne Visser
Recruiter, Bluewren Travel
""", REJECTION),
        ),
    ),
    Opening(
        "Pinecrest Insurance", "Data Engineer", "Bristol", HYBRID, Source.COMPANY_SITE,
        Salary(55_000, 62_000, "GBP"), excitement=2, saved=-47, applied=-46, tags=("insurance",),
        steps=(
            Mail(-43, Person("Pinecrest Insurance Talent", "talent@pinecrest.example", ""),
                 "Online assessment for the Data Engineer role", """
Dear Alex,

Thank you for your application for the Data Engineer role at Pinecrest Insurance. As the next step, we would
like to invite you to complete an online assessment: a 45-minute SQL and Python exercise.

Please complete it within five days using the link in your candidate account.

Best regards,
Pinecrest Insurance Talent Team
""", MailLabel.ASSESSMENT),
            Note(-41, "Did the assessment. The SQL was fine; the Python part was pandas trivia."),
            Mail(-37, Person("Pinecrest Insurance Talent", "talent@pinecrest.example", ""),
                 "Data Engineer application: outcome", """
Dear Alex,

Thank you for completing our assessment for the Data Engineer role.

We regret to inform you that we will not be progressing your application. We are looking for candidates with
experience of insurance data, such as policy and claims systems.

We wish you well in your job search.

Pinecrest Insurance Talent Team
""", REJECTION),
        ),
    ),
    Opening(
        "Juniper Transit", "Data Engineer", "Remote (Sydney hours)", REMOTE, Source.LINKEDIN,
        Salary(120_000, 135_000, "AUD"), excitement=3, saved=-37, applied=-36, tags=("transport", "apac"),
        steps=(
            Meet(-34, -31, "09:00", SYDNEY, "Chris Nguyen, Talent Lead", minutes=30, screening=True),
            Link(-34, CHRIS, RECRUITER),
            Note(-30, "The call was late in my evening. Fine once; not every working day."),
            Mail(-27, CHRIS, "Following up from our call: Juniper Transit", """
G'day Alex,

Thanks for staying up late to chat with us. I really appreciated your honesty about the hours.

We've decided not to move ahead with your application for the Data Engineer role. The team needs at least four
hours of overlap with the Sydney working day, and from what you said that wouldn't work long term, which is
completely fair.

Wishing you all the best,
Chris Nguyen
Talent Lead, Juniper Transit
""", REJECTION),
        ),
    ),
    Opening(
        "Driftwood Insurance", "Data Engineer", "Remote (UK)", REMOTE, Source.JOB_BOARD,
        Salary(60_000, 68_000, "GBP"), excitement=3, saved=-16, applied=-15, tags=("insurance",),
        steps=(
            Link(-10, ELLIE, RECRUITER),
            Meet(-10, -7, "11:00", LONDON, "Ellie Shaw", kind=PHONE, minutes=30, screening=True),
            Note(-7, "Screen went well, I thought. They will come back 'next week'."),
            Mail(-2, ELLIE, "Your application for Data Engineer at Driftwood Insurance", """
Hi Alex,

Thank you for speaking with me, and for your patience while we talked to the other candidates.

I'm sorry to let you know that we have decided not to move forward with your application for the Data
Engineer role. It was a strong field, and we have chosen to progress candidates whose experience is closer to
our claims platform.

I enjoyed our conversation, and I wish you the very best with your search.

Kind regards,
Ellie Shaw
Talent Acquisition Partner, Driftwood Insurance
""", REJECTION, at="16:40"),
        ),
    ),
)

REJECTED_AFTER_INTERVIEWS: tuple[Opening, ...] = (
    Opening(
        "Tidewater Health", "Data Engineer", "London", HYBRID, Source.COMPANY_SITE,
        Salary(65_000, 72_000, "GBP"), excitement=4, saved=-81, applied=-80, tags=("health", "airflow"),
        steps=(
            Meet(-78, -75, "10:00", LONDON, "Grace Obi", kind=PHONE, minutes=30, screening=True),
            Link(-78, GRACE, RECRUITER),
            Mail(-72, GRACE, "Interview invitation: Data Engineer, Tidewater Health", """
Hi Alex,

Thanks for our call. I'm pleased to say the hiring team would like to invite you to an interview for
the Data Engineer role.

It will be an hour on Teams with Ian Pell, our Head of Data, and Sofia Marquez from the data engineering team.
Could you do {when}? Let me know and I'll send the invite.

Best,
Grace Obi
Recruiter, Tidewater Health
""", INTERVIEW),
            Meet(-72, -68, "14:00", LONDON, "Ian Pell, Head of Data; Sofia Marquez, Data Engineer"),
            Link(-72, IAN, MANAGER),
            Mail(-63, GRACE, "Data Engineer: our decision", """
Hi Alex,

Thank you for interviewing with Ian and Sofia last week. They enjoyed meeting you and were impressed by your
SQL and your understanding of the finance data you work with today.

After a lot of discussion, though, we have decided to offer the role to another candidate, who has more
experience running pipeline orchestration (Airflow in particular) in production.

I know this isn't the news you were hoping for. Thank you for the time and care you put into the process.

Warm wishes,
Grace Obi
Recruiter, Tidewater Health
""", REJECTION),
            Bounce(-62, sessions.TIDEWATER),
            Heard(-55, "Strong SQL and a clear way of explaining trade-offs. What was missing was orchestration: "
                       "build one end-to-end Airflow project and be ready to talk through how it fails."),
        ),
    ),
    Opening(
        "Saltmarsh Analytics", "Analytics Engineer", "Amsterdam", HYBRID, Source.LINKEDIN,
        Salary(62_000, 70_000, "EUR"), excitement=3, saved=-59, applied=-58, tags=("dbt", "relocation"),
        steps=(
            Move(-55, Stage.SCREENING, "Recruiter call booked"),
            Link(-53, PIETER, MANAGER, at="09:00"),
            Mail(-53, PIETER, "Interview for Analytics Engineer at Saltmarsh Analytics", """
Hi Alex,

Our recruiter passed on her notes from your call, and I'd like to invite you to an interview for the Analytics
Engineer role. It will be a video call with me, about an hour, mostly about dbt and how you model data.

Would {when} Amsterdam time work?

Groeten,
Pieter de Wit
Analytics Lead, Saltmarsh Analytics
""", INTERVIEW),
            Meet(-53, -49, "11:00", AMSTERDAM, "Pieter de Wit, Analytics Lead"),
            Mail(-45, Person("Saltmarsh Analytics Recruitment", "jobs@saltmarsh.example", ""),
                 "Your application at Saltmarsh Analytics", """
Dear Alex,

Thank you for your interest in Saltmarsh Analytics and for interviewing with Pieter.

We have decided to continue with another candidate for the Analytics Engineer position, who is already based
in the Netherlands and can start sooner. This was not a reflection on your interview, which Pieter enjoyed.

We wish you every success.

Saltmarsh Analytics Recruitment
""", REJECTION),
        ),
    ),
    Opening(
        "Hollowpeak Outdoor", "Data Engineer", "Edinburgh", REMOTE, Source.JOB_BOARD,
        Salary(52_000, 60_000, "GBP"), excitement=3, saved=-51, applied=-50, tags=("retail", "gcp"),
        steps=(
            Link(-44, CALLUM, MANAGER, at="09:00"),
            Mail(-44, CALLUM, "Data Engineer at Hollowpeak Outdoor: interview", """
Hi Alex,

Thanks for applying for the Data Engineer role at Hollowpeak Outdoor. I'd like to invite you to an interview
with me, by video, next week. Before it, we ask candidates to do a small take-home exercise: an ELT pipeline
over some of our (anonymised) order data. It should take about four hours.

Does {when} work for the interview?

Cheers,
Callum Reid
Data Manager, Hollowpeak Outdoor
""", INTERVIEW),
            Meet(-44, -40, "13:00", LONDON, "Callum Reid, Data Manager"),
            Note(-42, "Take-home: a small ELT pipeline, 'about four hours'. It took me six."),
            Mail(-35, CALLUM, "Hollowpeak: your interview", """
Hi Alex,

Thanks for the take-home and for a good conversation. Your pipeline was clean and well tested.

I'm sorry to say we've offered the job to someone else. In the end we went with a candidate who already
has a couple of years on BigQuery, since our team is small and we need someone who can hit the ground running.

All the best for what comes next,
Callum
""", REJECTION),
            Bounce(-34, sessions.HOLLOWPEAK),
            Heard(-18, None),
        ),
    ),
    Opening(
        "Lumen Ledger", "Data Engineer", "Berlin", HYBRID, Source.LINKEDIN,
        Salary(68_000, 78_000, "EUR"), excitement=4, saved=-76, applied=-75, tags=("fintech", "relocation"),
        steps=(
            Meet(-73, -70, "16:00", BERLIN, "Jana Krüger", minutes=30, screening=True),
            Link(-73, JANA, RECRUITER),
            Mail(-67, JANA, "Lumen Ledger: interview with Felix Hartmann", """
Hi Alex,

Good news: Felix Hartmann, the Engineering Manager for our data team, would like to meet you for the Data
Engineer role. The interview is an hour on video and covers your experience and a few technical questions.

Is {when} Berlin time good for you?

Viele Grüße,
Jana Krüger
Recruiter, Lumen Ledger
""", INTERVIEW),
            Meet(-67, -64, "10:00", BERLIN, "Felix Hartmann, Engineering Manager"),
            Link(-67, Person("Felix Hartmann", "felix.hartmann@lumenledger.example", "Engineering Manager"),
                 MANAGER),
            Meet(-61, -57, "14:00", BERLIN, "Ana Costa and Felix Hartmann", agenda="System design", minutes=90),
            Link(-61, Person("Ana Costa", "ana.costa@lumenledger.example", "Staff Data Engineer"),
                 INTERVIEWER),
            Note(-57, "System design went well until partitioning. Reading up on it this weekend."),
            Mail(-52, JANA, "Update on the Data Engineer role at Lumen Ledger", """
Hi Alex,

Thank you for all the time you have given us over the last few weeks.

I have difficult news: the company has paused relocation support for new hires this quarter, and because of
that we are unable to offer you the Data Engineer position. Felix and Ana both rated your interviews well, and
this decision is about the relocation budget, not about you.

If relocation support comes back, I would very much like to contact you again.

Viele Grüße,
Jana
""", REJECTION),
        ),
    ),
    Opening(
        "Stillwater Mobility", "Data Engineer", "Singapore", ON_SITE, Source.RECRUITER,
        Salary(96_000, 110_000, "SGD"), excitement=4, saved=-70, applied=-69, tags=("mobility", "relocation"),
        steps=(
            Link(-70, AGENCY_RECRUITER, RECRUITER),
            Meet(-66, -62, "16:00", SINGAPORE, "Wei Ling Tan, Data Lead"),
            Link(-66, WEI_LING, MANAGER),
            Note(-62, "Late afternoon in Singapore is early morning here. Coffee first."),
            Meet(-58, -55, "17:00", SINGAPORE, "Arjun Mehta, Senior Data Engineer"),
            Link(-58, Person("Arjun Mehta", "arjun.mehta@stillwater.example", "Senior Data Engineer"),
                 INTERVIEWER),
            Meet(-52, -48, "15:00", SINGAPORE, "Wei Ling Tan and Rachel Goh", agenda="Panel", minutes=90),
            Mail(-44, WEI_LING, "Data Engineer role at Stillwater Mobility", """
Dear Alex,

Thank you for meeting the team three times, at hours that cannot have been easy from London.

We have now made our decision, and I am sorry to say it is not an offer. We chose a candidate who is already
in Singapore: with the visa process taking three to four months at the moment, we could not wait that long to
fill the role.

It was a pleasure to talk with you, and I hope our paths cross again.

Best regards,
Wei Ling Tan
Data Lead, Stillwater Mobility
""", REJECTION),
        ),
    ),
    Opening(
        "Tessellate AI", "ML Platform Engineer", "Berlin", HYBRID, Source.COMPANY_SITE,
        Salary(75_000, 88_000, "EUR"), excitement=5, saved=-60, applied=-57, dream=True,
        tags=("ml", "relocation", "dream"), notes="The team behind the open-source feature store I use.",
        steps=(
            Mail(-57, Person("Tessellate AI Careers", "careers@tessellate-ai.example", ""),
                 "Thanks for applying to Tessellate AI", """
Hi Alex,

Thanks for applying for the ML Platform Engineer role! We've received your application, and a member of our
talent team will look at it within the next week.

In the meantime, our engineering blog has a few posts about how the platform team works.

The Tessellate AI talent team
""", ACK, at="21:05"),
            Meet(-55, -52, "11:00", BERLIN, "Lea Wagner", minutes=30, screening=True),
            Link(-55, LEA, RECRUITER),
            Mail(-48, LEA, "Next step: live coding interview at Tessellate AI", """
Hi Alex,

Thank you for the great conversation last week! I'm happy to invite you to the next stage for the ML Platform
Engineer role: a 60-minute live coding interview with Jonas Becker, one of our ML engineers.

Would {when} Berlin time suit you?

Best,
Lea Wagner
Talent Partner, Tessellate AI
""", INTERVIEW),
            Meet(-48, -45, "10:00", BERLIN, "Jonas Becker", agenda="Live coding"),
            Link(-48, Person("Jonas Becker", "jonas.becker@tessellate-ai.example", "ML Engineer"),
                 INTERVIEWER),
            Meet(-41, -37, "13:00", BERLIN, "Mira Schulz, Head of Data", agenda="Case study", minutes=75),
            Link(-41, MIRA, MANAGER),
            Mail(-33, LEA, "Final round invitation: Tessellate AI", """
Hi Alex,

The team loved your case study, and we would like to invite you to our final round in Berlin: four
conversations over an afternoon (system design, MLOps, the product team, and values), at our office in Mitte.
We will book and pay for your travel.

Would {when} work for you?

Best,
Lea
""", INTERVIEW),
            Meet(-33, -22, "09:30", BERLIN, "Mira Schulz and three of the team", agenda="Final round: four conversations", kind=ONSITE, minutes=240,
                 location="Tessellate AI office, Berlin-Mitte"),
            Note(-22, "Final round in Berlin; flew in the night before. Three of four talks felt good."),
            Mail(-16, MIRA, "Your final round at Tessellate AI", """
Hi Alex,

Thank you again for coming to Berlin for the final round. Everyone enjoyed the day with you, and I wanted to
tell you myself rather than by form letter.

I'm sorry: we are not offering you the role. We have decided to go with another finalist, whose experience
running ML systems in production fits what the team needs right now.

It was a close decision. Your data modelling was the strongest we saw in this process. If a call to go through
the feedback would help, I would be glad to set one up.

Warm regards,
Mira Schulz
Head of Data, Tessellate AI
""", REJECTION),
            Bounce(-15, sessions.TESSELLATE),
            Note(-15, "Mira offered a call to go through the feedback. Booked for next week."),
            Heard(-9, "Strong on data modelling and on explaining trade-offs. The gap was hands-on MLOps: "
                      "monitoring and rolling back a model in production. Ship one pipeline of my own with both, "
                      "and talk it through next time."),
        ),
    ),
    Opening(
        "Harbourline Logistics", "Analytics Engineer", "Southampton", HYBRID, Source.JOB_BOARD,
        Salary(58_000, 66_000, "GBP"), excitement=3, saved=-69, applied=-68, tags=("logistics", "dbt"),
        steps=(
            Move(-64, Stage.SCREENING, "Recruiter call"),
            Meet(-62, -58, "10:00", LONDON, "Two analytics engineers"),
            Meet(-54, -49, "14:00", LONDON, "Helen Marsh, Director of Data", agenda="Final round", kind=ONSITE,
                 minutes=120, location="Harbourline House, Southampton"),
            Link(-54, Person("Helen Marsh", "helen.marsh@harbourline.example", "Director of Data"), MANAGER),
            Move(-42, Stage.REJECTED, "Helen phoned: they hired internally"),
            Note(-42, "A close second, Helen said. She invited me to apply again next year."),
            Bounce(-41, sessions.HARBOURLINE),
        ),
    ),
)
# fmt: on
