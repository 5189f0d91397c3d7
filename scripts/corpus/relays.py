"""Mail written for someone else: agency consultants passing on a client's word, a selection committee, a shop
manager, job boards relaying an employer, and the surveys that follow an application. Each writer sends every
kind of message, so who writes (an agency, a board, a committee) never tells the label; only the decision does."""

from __future__ import annotations

from engine import Family, voice


def families() -> list[Family]:
    return [
        voice(
            "voice-agency-consultant-relay-uk-1",
            "{rfull} <{rfirst}@marlbrook-talent.co.uk>",
            [
                (
                    "acknowledgment",
                    "Your CV - {role} with {company}",
                    """Hi {first},

Thanks for sending your CV over this morning. I've tidied the formatting and sent it across to {company} for the {role} role, along with the notes from our call.

They're seeing a handful of people from a couple of agencies, so it could be a week or so before I hear anything. I'll ring you as soon as I do.

{rfirst}
{rfull} | Senior Consultant | Marlbrook Talent""",
                ),
                (
                    "rejection",
                    "{company} - feedback",
                    """Hi {first},

Had a call back from {company} about Tuesday. I'm afraid it's not the news we wanted: [[they've decided not to take you forward for the {role} role, as they felt another candidate's background in their sector was closer to what they need.]]

They did say your presentation was the strongest they saw, so please don't be hard on yourself. I've got two similar roles on my desk this week and I'd like to talk them through with you. Are you around for a call after 4?

{rfirst}
{rfull} | Senior Consultant | Marlbrook Talent""",
                ),
                (
                    "interview",
                    "{company} want to meet you",
                    """Hi {first},

Good news - {company} liked your CV. [[They'd like to see you for a first interview for the {role} role on {weekday} at {time}, at their offices.]] It's about an hour with the hiring manager and someone from the team.

Can you let me know today if that works and I'll confirm it with them?

{rfirst}
{rfull} | Senior Consultant | Marlbrook Talent""",
                ),
                (
                    "other",
                    "A new role you might like",
                    """Hi {first},

I know the last one didn't go your way, and I'm sorry it didn't. A new client has just briefed me on a role very close to it, and I immediately thought of you - permanent, hybrid, a slightly bigger team.

Shall I send you the spec? No pressure at all if you'd rather take a breather.

{rfirst}
{rfull} | Senior Consultant | Marlbrook Talent""",
                ),
                (
                    "offer",
                    "{company} - great news!",
                    """Hi {first},

I've just come off the phone with {company} and [[they'd like to offer you the {role} role]], on the package we talked about. They'll send the written offer once you've said yes to me.

Give me a ring when you get a moment - I'd love to tell you the details myself.

{rfirst}
{rfull} | Senior Consultant | Marlbrook Talent""",
                ),
            ],
            sector="finance",
            locale="uk",
        ),
        voice(
            "voice-agency-consultant-relay-in-1",
            "{rfull} <{rfirst}.hr@sarvam-staffing.in>",
            [
                (
                    "acknowledgment",
                    "Profile shared with {company} - {role}",
                    """Dear {first},

Greetings from Sarvam Staffing.

As discussed on call, I have shared your profile with {company} for the {role} requirement. The client generally takes 5-7 working days to revert with shortlisting. I will update you once I receive their response.

Kindly keep your documents ready in the meantime.

Thanks & Regards,
{rfull}
Talent Acquisition Consultant | Sarvam Staffing Services""",
                ),
                (
                    "rejection",
                    "Feedback from {company} - {role}",
                    """Dear {first},

I have received feedback from {company} for the {role} position. [[Unfortunately the client has not shortlisted your profile for the next round, as they are looking for more hands-on experience in their tools.]]

I understand this is disappointing. I have other openings with similar requirements and will share them with you shortly.

Thanks & Regards,
{rfull}
Talent Acquisition Consultant | Sarvam Staffing Services""",
                ),
                (
                    "interview",
                    "Interview scheduled - {company} - {role}",
                    """Dear {first},

Your profile has been shortlisted by {company}. [[Your technical interview for the {role} position is scheduled on {weekday} at {time} IST over video call.]] The link will be shared by the client a day before.

Kindly confirm your availability by replying to this mail.

Thanks & Regards,
{rfull}
Talent Acquisition Consultant | Sarvam Staffing Services""",
                ),
                (
                    "other",
                    "Job opening - {role} - immediate joiners",
                    """Dear {first},

One of our clients in {city} has asked us to fill a {role} vacancy within the month. I remember {company} did not go ahead with you last year; this is a different client, and their brief fits your experience well.

Please reply with a convenient time to talk and your present notice period.

Thanks & Regards,
{rfull}
Talent Acquisition Consultant | Sarvam Staffing Services""",
                ),
            ],
            sector="tech",
            locale="in",
        ),
        voice(
            "voice-selection-committee-chair-1",
            "Prof. {rfull} <{rmail}>",
            [
                (
                    "acknowledgment",
                    "{role} - your application",
                    """Dear Dr {last},

Thank you for your application for the {role} post. I chair the selection committee, and I write to let you know that all applications will be read in full after the closing date.

The committee expects to agree a shortlist within three weeks, and I will write to every applicant once it has.

With best wishes,
{rfull}
Chair of the Selection Committee, {company}""",
                ),
                (
                    "interview",
                    "{role} - shortlist",
                    """Dear Dr {last},

I am pleased to say that the committee has shortlisted you for the {role} post. [[We would like to invite you to a presentation and interview on {weekday} {month_day}, beginning at {time}.]]

Please let me know if you need any adjustments, and our administrator will send the full timetable.

With best wishes,
{rfull}
Chair of the Selection Committee, {company}""",
                ),
                (
                    "rejection",
                    "{role}",
                    """Dear Dr {last},

Thank you for visiting us and for your presentation, which the committee discussed at length.

I am sorry to tell you that, after a long discussion, [[the panel chose another applicant for the post.]] Several of us argued hard for your case, and I would be glad to talk it through by phone.

I do hope our paths cross at a conference before long.

With best wishes,
{rfull}
Chair of the Selection Committee, {company}""",
                ),
                (
                    "other",
                    "External examiner for the MSc",
                    """Dear Dr {last},

A colleague suggested your name as a possible external examiner for our MSc dissertations this summer. It is about four days of reading in June, and the fee is set by the university.

Would you be willing to hear more?

With best wishes,
{rfull}
Chair of the Selection Committee, {company}""",
                ),
            ],
            sector="education",
            locale="uk",
        ),
        voice(
            "voice-store-manager-hourly-1",
            "{company} Store Team <store{code}@{domain}>",
            [
                (
                    "acknowledgment",
                    "Thanks for applying - {role}",
                    """Hi {first},

Thanks for applying to work with us at the {city} store. We look at applications every Monday, so someone will be in touch within the week.

See you soon,
Store Management""",
                ),
                (
                    "interview",
                    "Come in for a chat?",
                    """Hi {first},

Thanks for applying for the {role} shifts. [[Could you come in for a quick chat with the store manager on {weekday} at {time}?]] Just ask for the manager at the till.

Thanks,
Store Management""",
                ),
                (
                    "rejection",
                    "About your application",
                    """Hi {first},

Thanks for applying at our {city} store. [[The {role} shifts have all been taken by people who applied earlier, so we can't offer you one.]]

We need extra hands again before the holidays, so keep an eye on the noticeboard.

Thanks,
Store Management""",
                ),
                (
                    "other",
                    "Your staff discount card",
                    """Hi {first},

Your staff discount card is ready to collect from the customer service desk. Please bring photo ID.

Thanks,
Store Management""",
                ),
            ],
            sector="retail",
        ),
        Family(
            "ack-voluntary-disclosures-2",
            "acknowledgment",
            "{company} Recruiting <{cslug}@myworkday.com>",
            [
                "A short equal-opportunity questionnaire ({company})",
                "Optional: tell us about yourself - {role}",
                "Your {company} application: one optional form",
            ],
            """Hello {first},

We have your application for {role} and it is with the hiring team.

Like many employers, {company} reports anonymous figures on who applies to us. If you are happy to, please fill in our two-minute questionnaire on background, disability and military service. Only the reporting team sees the answers; recruiters never do.

Skipping it is fine and changes nothing about your application.

((Open the questionnaire|Go to the questionnaire)) from your candidate home.

Thank you,
{company} Talent Acquisition""",
            n=6,
            layout="both",
            style="card",
            sector="finance",
        ),
        Family(
            "ack-board-viewed-application-1",
            "acknowledgment",
            "Hirewell Alerts <alerts@hirewell-jobs.com>",
            [
                "{company} viewed your application",
                "Good news - {company} looked at your application",
                "Application update: {company}",
            ],
            """Application update

{company} viewed your application for {role} ({city}).

Employers often take two weeks or more to respond. We'll tell you as soon as there's another update.

Jobs you might like:
- {role} · {city}
- Senior {role} · Remote

Manage email preferences in your Hirewell settings.""",
            n=6,
            layout="both",
            style="minimal",
            sector="tech",
        ),
        Family(
            "rej-board-relay-decided-2",
            "rejection",
            "Hirewell <notifications@hirewell-jobs.com>",
            [
                "An update on your application to {company}",
                "Your application to {company}",
                "{company} has an update on your application",
            ],
            """Hi {first},

[[{company} has decided not to progress your application for {role}.]]

It's never easy to hear, and it happens to nearly everyone in a search. ((There are new jobs like this one every day on Hirewell.|You can keep applying to similar jobs on Hirewell.))

((?Jobs you might like:
- {role} · {city}
- Junior {role} · Remote))

The Hirewell team
You're getting this because you applied through Hirewell.""",
            n=6,
            layout="both",
            style="minimal",
            sector="tech",
        ),
        Family(
            "other-board-similar-jobs-1",
            "other",
            "Hirewell Alerts <alerts@hirewell-jobs.com>",
            [
                "New jobs like {role} near {city}",
                "{company} and 4 others are hiring",
                "Jobs for you this week",
            ],
            """Jobs for you

{company} is hiring a {role} in {city}. Posted 2 days ago.
3 more jobs match your search.

Apply early: employers often review the first applications first.

Manage email preferences in your Hirewell settings.""",
            n=6,
            layout="both",
            style="minimal",
            sector="tech",
            is_list=True,
        ),
        Family(
            "other-withdrawal-confirmed-ats-2",
            "other",
            "{company} Careers <{cslug}@myworkday.com>",
            [
                "We've processed your request - {role}",
                "Your request to leave the {role} process",
                "{role}: request received",
            ],
            """Dear {first},

As you asked on {weekday}, we have removed your application for {role} (Ref {ref}) from our process, so no one will contact you about this vacancy again.

We were sorry to see you go, and you are welcome to apply to us again whenever the time is right.

{company} Talent Acquisition""",
            n=5,
            layout="both",
            style="card",
            sector="health",
        ),
    ]
