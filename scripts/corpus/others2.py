"""More other mail: outreach, community and platform mail in a rejection's vocabulary."""

from __future__ import annotations

from engine import Family


def families() -> list[Family]:
    return [
        Family(
            "talent-community-newsletter-1",
            "other",
            "{company} Talent Community <community@{domain}>",
            [
                "This month at {company}: new roles and stories",
                "Talent Community update",
                "Roles we think you'll like",
            ],
            """Hi {first},

Thanks for staying in touch as a member of the {company} Talent Community. Here's what's new:

• {n} new openings, including {role} in {city}
• Meet the team: a day in the life of our operations crew
• Our benefits, explained

We encourage you to update your profile so we can match you with future opportunities. We appreciate your interest and wish you a great month!

{company} Talent Acquisition
Unsubscribe · Update preferences""",
            n=7,
            layout="html",
            style="banner",
            is_list=True,
            sector="health",
            role=False,
        ),
        Family(
            "recruiter-linkedin-inmail-1",
            "other",
            "{rfull} via LinkedIn <inmail-hit-reply@linkedin.com>",
            [
                "Following up: {role} at {company}",
                "{rfirst} sent you a message",
                "InMail: {role} opportunity at {company}",
                "{role} — are you open to it?",
            ],
            """{rfull}
Technical Recruiter at {company}

Hi {first}, I hope you don't mind me reaching out. Your experience caught my eye for a {role} role on our team. The position is hybrid in {city} and the team is small and friendly.

If you're not looking right now, I completely understand — I'd still love to stay in touch for future opportunities. Either way, I appreciate your time and wish you a great week!

Reply · View profile""",
            n=7,
            layout="html",
            style="card",
            sector="tech",
        ),
        Family(
            "staffing-agency-bulk-uk-1",
            "other",
            "{company} Jobs <jobs@{domain}>",
            [
                "New temp roles this week near {city}",
                "Immediate starts available - {role}",
                "We've got work for you",
            ],
            """Hi {first},

We have immediate starts for {role}s around {city}, paying up to £14.50 per hour. Weekly pay, free PPE, and plenty of overtime.

If you're registered with us, just reply YES and one of the team will be in touch. If you've already found work — brilliant, we wish you all the best, and we'll keep your details on file for future roles.

The {company} Team
To stop receiving job texts and emails, reply STOP.""",
            n=6,
            layout="plain",
            is_list=True,
            locale="uk",
            sector="industry",
        ),
        Family(
            "mentoring-program-waitlist-1",
            "other",
            "{company} Mentoring <mentoring@{domain}>",
            [
                "Outcome of your mentoring application",
                "Your mentoring application",
                "{company} Mentoring Programme: update",
                "Thank you for applying to be mentored",
            ],
            """Dear {first},

Thank you for applying to the {company} Mentoring Programme. We received {napps} applications for {n}0 places this cohort.

Unfortunately, we were not able to match you with a mentor this time. We've added you to the waitlist for the next cohort and will be in touch in the spring. We appreciate your interest and encourage you to join our free monthly webinars in the meantime.

Best wishes,
The Mentoring Team""",
            n=5,
            layout="html",
            style="card",
            sector="nonprofit",
            company=False,
            role=False,
        ),
        Family(
            "course-admission-not-offered-1",
            "other",
            "{company} Admissions <admissions@{domain}>",
            [
                "Outcome of your application to the MSc",
                "Your application to the MSc programme",
                "Admissions decision",
                "Update on your application to {company}",
            ],
            """Dear {first},

Thank you for your application to the MSc Data Science programme for the coming academic year.

We received a very high number of applications, and after careful consideration I am sorry to tell you that we are unable to offer you a place. This decision reflects the competition for places rather than the quality of your application.

We appreciate your interest in {company} and wish you every success with your studies.

Postgraduate Admissions
{company}""",
            n=5,
            layout="both",
            style="outlook",
            locale="uk",
            sector="education",
            company=False,
            role=False,
        ),
        Family(
            "loan-application-declined-1",
            "other",
            "{company} <notifications@{domain}>",
            [
                "Application outcome: {ref}",
                "Update on your application",
                "Your credit card application",
                "Application reference {ref}",
            ],
            """Dear {first},

Thank you for applying for a {company} credit card. We have carefully reviewed your application.

Unfortunately, we are not able to approve your application at this time. This decision was based on information from a credit reference agency. You can request a copy of your credit file free of charge.

We appreciate your interest in {company} and you're welcome to apply again in six months.

{company} Customer Services""",
            n=5,
            layout="html",
            style="banner",
            locale="uk",
            sector="finance",
            company=False,
            role=False,
        ),
        Family(
            "webinar-recruiter-qa-1",
            "other",
            "{company} Events <events@{domain}>",
            [
                "Webinar: how our recruiters read your application",
                "Join us live: interview tips from hiring managers",
                "Last chance to register: {company} careers webinar",
            ],
            """Hi {first},

Ever wondered what happens after you click apply? On {date} at {time}, our recruiters will walk through how applications are reviewed, what they look for in an interview, and how offers are made.

Register here: https://events.{domain}/w/{code}

We appreciate everyone who has joined our past sessions, and we hope to see you there. Wishing you the best of luck in your search!

{company} Careers""",
            n=6,
            layout="html",
            style="banner",
            is_list=True,
            sector="finance",
            role=False,
        ),
        Family(
            "job-seeker-app-weekly-summary-1",
            "other",
            "{platform} <digest@{pslug}.app>",
            [
                "Your week in job search",
                "Weekly summary: {n} applications",
                "You're doing great — here's your week",
            ],
            """Your weekly job search summary

Applications sent: {n}
Interviews scheduled: 1
Responses received: 3

Tip of the week: keep your résumé on file in two versions — one for each kind of role you're applying to.

Remember: a quiet week doesn't mean bad news. All the best for the week ahead!

{platform}
Manage email settings""",
            n=6,
            layout="html",
            style="card",
            is_list=True,
            company=False,
            role=False,
        ),
        Family(
            "club-membership-full-1",
            "other",
            "{company} <membership@{domain}>",
            [
                "Membership application outcome",
                "Your membership application",
                "{company} - waiting list",
                "Thanks for applying to join",
            ],
            """Hi {first},

Thank you for applying to join {company}. We're sorry to say that our membership is full for this season and we have decided not to take on new members until the spring.

We've kept your application on file and will contact you when places open. We appreciate your interest and wish you all the best until then.

Membership Secretary""",
            n=5,
            layout="plain",
            locale="au",
            sector="nonprofit",
            company=False,
            role=False,
            fixed={"company": "Bayside Rowing Club", "domain": "baysiderowing.org.au"},
        ),
        Family(
            "freelance-platform-proposal-declined-1",
            "other",
            "{platform} <notifications@{pslug}.work>",
            [
                "Proposal status update",
                "Update on your proposal",
                "The client has closed the job",
                "Your proposal for 'Logo refresh'",
            ],
            """Hi {first},

The client has closed the project "Logo refresh for a bakery" and hired another freelancer. Your proposal was not selected.

Don't be discouraged — there are {n} new projects matching your skills today. We encourage you to keep your profile up to date.

Best of luck,
{platform}""",
            n=5,
            layout="html",
            style="card",
            is_list=True,
            company=False,
            role=False,
        ),
        Family(
            "background-check-vendor-info-1",
            "other",
            "Verifyline <support@verifyline.example>",
            [
                "Your background check portal account",
                "Reminder: complete your consent form",
                "Action needed: consent form",
            ],
            """Hi {first},

An employer has asked Verifyline to carry out pre-employment screening. To get started, please sign in and complete the consent form.

If you did not apply for a role recently, please contact us. We appreciate your prompt attention.

Verifyline Support""",
            n=4,
            layout="both",
            style="banner",
            company=False,
            role=False,
        ),
        Family(
            "recruiter-check-in-search-1",
            "other",
            "{rfull} <{rmail}>",
            ["Following up", "Update from me", "Checking in", "How's the search going?", "Catching up"],
            """Hi {first},

It's been a few months since we last spoke, so I wanted to check in. How is the job search going? If you've landed somewhere, congratulations — I'd love to hear about it.

If you're still looking, I have a couple of future openings I'd be happy to tell you about. Let's stay in touch either way.

All the best,
{rfull}
{company}""",
            n=6,
            layout="plain",
            sector="tech",
            company=False,
            role=False,
        ),
    ]
