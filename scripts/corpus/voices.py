"""Writers with their own voice, each message written whole: the same person acknowledges, invites,
turns down and chats, so the voice alone never tells the label."""

from __future__ import annotations

from engine import Family, voice


def families() -> list[Family]:
    return [
        voice(
            "voice-founder-lowercase-1",
            "Shira Katz <shira@{domain}>",
            [
                (
                    "acknowledgment",
                    "re: {role}",
                    """hey {first} — got your application, thanks! i read everything myself so give me till the weekend. appreciate you applying, seriously.

shira""",
                ),
                (
                    "interview",
                    "quick call?",
                    """hi {first}! loved your portfolio, esp the onboarding teardown. [[want to hop on a 30 min call thursday or friday to talk about the {role} role?]] grab whatever works: https://cal.example/shira/30

s""",
                ),
                (
                    "rejection",
                    "{role}",
                    """hey {first}, wanted to tell you myself: [[we're going to pass on the {role} role — we need someone who's run paid acquisition at a bigger budget than we could see in your background.]] not a knock on you at all, your writing is great. stay in touch?

shira""",
                ),
                (
                    "other",
                    "hiring x3 — know anyone?",
                    """hi friends + past applicants, we're hiring for 3 roles (design, ops, growth). if you know someone great, send them my way. appreciate you all. future openings will be posted at {domain}/jobs too.

shira""",
                ),
                (
                    "offer",
                    "ok!!",
                    """{first}!!! [[we want you as our {role}.]] {salary} + equity, remote, start whenever suits. formal letter coming from our payroll tool tonight. so happy.

shira""",
                ),
            ],
            fixed={"company": "Pollen & Pine", "domain": "pollenandpine.com"},
            sector="media",
        ),
        voice(
            "voice-ward-manager-uk-1",
            "Bernadette Okoye <bernadette.okoye@{domain}>",
            [
                (
                    "acknowledgment",
                    "Re: Staff Nurse post",
                    """Dear {first},

Thank you for your email and for your interest in the Staff Nurse post on Larch Ward. I have your application in front of me and will review it properly with my deputy on Friday, after the closing date.

We will contact shortlisted candidates next week. I appreciate you taking the time to write to me directly.

Kind regards,
Bernadette Okoye
Ward Manager, Larch Ward""",
                ),
                (
                    "interview",
                    "Staff Nurse interview - Larch Ward",
                    """Dear {first},

[[I'm pleased to invite you to interview for the Staff Nurse post on {date} at {time} on Larch Ward, level 4.]] Please bring your NMC PIN and two forms of ID. There is a short drug calculation test on the day.

Best wishes,
Bernadette""",
                ),
                (
                    "rejection",
                    "Staff Nurse interview - outcome",
                    """Dear {first},

Thank you for coming to interview on Tuesday; the panel enjoyed meeting you. [[I'm sorry to tell you that on this occasion you have not been successful.]] It was very close, and I'd be happy to give you feedback by phone — ring the ward any afternoon.

I would encourage you to apply again; we have more posts coming up in the spring.

Kind regards,
Bernadette Okoye""",
                ),
                (
                    "other",
                    "Bank shifts this month",
                    """Hello all,

A reminder that bank shifts for next month are now on the rota system. We appreciate everyone who has covered nights this winter. If you left the bank register, we'd love you to stay in touch — just reply and I'll add you back.

Thank you,
Bernadette""",
                ),
            ],
            fixed={
                "company": "Northmere Hospitals NHS Trust",
                "domain": "northmere.nhs.uk",
                "role": "Staff Nurse",
            },
            locale="uk",
            sector="health",
        ),
        voice(
            "voice-india-hr-exec-formal-1",
            "Pallavi Deshpande <pallavi.d@{domain}>",
            [
                (
                    "acknowledgment",
                    "Your profile for {role} - {company}",
                    """Dear {first},

Greetings of the day!

Thank you for sharing your profile for the {role} opening. We have received the same and it has been forwarded to the concerned department. We will revert in case your profile is shortlisted.

Request you to kindly keep your phone reachable. Wishing you all the best.

Regards,
Pallavi Deshpande
HR Executive""",
                ),
                (
                    "assessment",
                    "Online assessment - {role}",
                    """Dear {first},

Greetings of the day!

[[As discussed telephonically, please find below the link for the online assessment for the {role} position.]] Kindly complete the same within 48 hours.

Link: https://assess.{domain}/{code}

Regards,
Pallavi Deshpande""",
                ),
                (
                    "interview",
                    "F2F interview - {role}",
                    """Dear {first},

Congratulations on clearing the online assessment. [[We would like to invite you for a face-to-face interview on {date} at {time} at our {city} office.]] Kindly carry two copies of your resume and your last three payslips.

Regards,
Pallavi Deshpande""",
                ),
                (
                    "rejection",
                    "Status of your candidature - {role}",
                    """Dear {first},

Thank you for taking the time to attend the interview with our panel. [[We regret to inform you that we will not be able to take your candidature forward for the {role} position.]] We appreciate your interest in {company} and shall keep your profile in our database for future openings.

Wishing you the very best.

Regards,
Pallavi Deshpande""",
                ),
                (
                    "offer",
                    "Offer letter - {role}",
                    """Dear {first},

Congratulations! [[We are happy to offer you the position of {role} with an annual CTC of {salary}.]] Please find the offer letter attached and confirm your acceptance by replying to this mail.

Regards,
Pallavi Deshpande""",
                ),
            ],
            fixed={"company": "Saanvi Industries", "domain": "saanvi-ind.in"},
            locale="in",
            sector="industry",
        ),
        voice(
            "voice-au-tradie-owner-1",
            "Gazza Fitzgerald <gary@{domain}>",
            [
                (
                    "acknowledgment",
                    "Re: Apprentice sparky",
                    """G'day {first}, got your resume mate, cheers. I'm flat out on a job in Geelong till Thursday but I'll have a proper look then and give you a buzz. Appreciate you getting in touch.

Gaz""",
                ),
                (
                    "interview",
                    "come down the yard?",
                    """{first} — [[can you come down to the yard {weekday} around 7 for a chat and a look round?]] Wear boots. 14 Keel St.

Gaz""",
                ),
                (
                    "rejection",
                    "apprentice spot",
                    """Hey {first}, thanks for coming down. [[Gave the spot to a young fella who's already done his pre-apprenticeship, sorry mate.]] All the best with it, you'll land something.

Gaz""",
                ),
                (
                    "other",
                    "not a job thing - trailer",
                    """Mate, randomly — you still after a box trailer? Mine's going for $900. No worries if not.

Gaz""",
                ),
            ],
            fixed={
                "company": "Fitzgerald Electrical",
                "domain": "fitzelectrical.com.au",
                "role": "Apprentice Electrician",
            },
            locale="au",
            sector="industry",
        ),
        voice(
            "voice-pi-professor-1",
            "Prof. Ingrid Halvorsen <i.halvorsen@{domain}>",
            [
                (
                    "acknowledgment",
                    "Re: Postdoc position - application",
                    """Dear Dr {last},

Many thanks for your application and your kind note. I will read it carefully over the next week and will be in touch either way once the closing date has passed. I appreciate your interest in the group.

Best wishes,
Ingrid Halvorsen""",
                ),
                (
                    "interview",
                    "Postdoc - interview",
                    """Dear Dr {last},

[[I would like to invite you to interview for the postdoctoral position on {date} at {time}, by Zoom.]] Please prepare a 15-minute talk on your thesis work; the panel will be me and two colleagues.

Best wishes,
Ingrid""",
                ),
                (
                    "rejection",
                    "Postdoc position",
                    """Dear Dr {last},

Thank you for the excellent talk last week. [[After much deliberation we have offered the position to another candidate, whose experience with cryo-EM is closer to the project's first year.]] I was impressed by your work, and I hope we cross paths at the Gordon conference; I wish you all the best.

Ingrid""",
                ),
                (
                    "other",
                    "Seminar: Thursday 4pm",
                    """Dear all,

A reminder that our seminar this Thursday at 4pm is given by Dr Osei on membrane transporters. All welcome; I appreciate everyone who is coming from the other campus.

Ingrid""",
                ),
            ],
            fixed={
                "company": "University of Glenmore",
                "domain": "glenmore.ac.uk",
                "role": "Postdoctoral Researcher",
            },
            locale="uk",
            sector="education",
        ),
        voice(
            "voice-agency-dave-uk-1",
            "Dave Pritchard <dave@{domain}>",
            [
                (
                    "other",
                    "Fancy a move?",
                    """Hi {first},

Dave here from {company}. Saw your profile — I'm working a cracking {role} role, up to {salary}, hybrid in {city}. Worth a chat? If not, no bother, I'll keep your details on file for future roles. Appreciate your time!

Dave""",
                ),
                (
                    "other",
                    "Following up - {role}",
                    """Hi {first}, just bumping this in case it got buried. Still keen to talk about that {role} job if you are. Have a good week and all the best either way!

Dave""",
                ),
                (
                    "acknowledgment",
                    "Re: {role} - CV received",
                    """Cheers {first}, got your CV. I'll format it and get it over to the client tomorrow morning — I'll only send it once you've had a look at what I've written. Best of luck, fingers crossed!

Dave""",
                ),
                (
                    "rejection",
                    "Client feedback",
                    """Hi {first}, heard back from the client. [[They've decided not to take you forward to interview for the {role} role]] — they've gone for people with more sector experience. Gutted for you. I'll keep an eye out for the next one.

Dave""",
                ),
                (
                    "interview",
                    "Interview!",
                    """{first}! [[The client wants to see you on {date} at {time}]] — first stage, 45 mins with the FD. I'll call you tonight with the lowdown.

Dave""",
                ),
            ],
            fixed={"company": "Pritchard Search", "domain": "pritchardsearch.co.uk"},
            locale="uk",
            sector="finance",
            company=False,
        ),
        voice(
            "voice-school-principal-us-1",
            "Dr. Renata Ellison <rellison@{domain}>",
            [
                (
                    "acknowledgment",
                    "Re: 4th Grade Teacher opening",
                    """Good morning {first},

Thank you for your interest in the 4th grade opening at Maple Ridge Elementary, and for sending your teaching portfolio. We received a large number of applications and I'm reviewing them this week with our grade-level team. I appreciate your patience.

Dr. Renata Ellison
Principal""",
                ),
                (
                    "interview",
                    "Interview - 4th Grade Teacher",
                    """Dear {first},

[[We would like to invite you to interview for the 4th grade teaching position on {date} at {time} in the main office.]] Please plan to teach a 15-minute sample reading lesson.

Dr. Ellison""",
                ),
                (
                    "rejection",
                    "4th Grade Teacher position",
                    """Dear {first},

Thank you for interviewing with our team. [[We have decided to offer the 4th grade position to a teacher who completed her student teaching at our school.]] It was a difficult choice, and we appreciate the time you gave us. I wish you all the best in your search.

Dr. Renata Ellison""",
                ),
                (
                    "offer",
                    "Long-term substitute position",
                    """Dear {first},

I was so impressed by your interview that I'd like to ask: [[would you accept a long-term substitute position in 2nd grade from January through June?]] The district will send paperwork if you say yes.

Dr. Ellison""",
                ),
            ],
            fixed={
                "company": "Maple Ridge School District",
                "domain": "mapleridgesd.org",
                "role": "4th Grade Teacher",
            },
            sector="education",
        ),
        voice(
            "voice-typos-small-shop-1",
            "Tony Marchetti <tony.marchetti@{domain}>",
            [
                (
                    "acknowledgment",
                    "re: job",
                    """hi {first} thank you for your aplication, i will look at it this week end and let you know. apreciate it

tony""",
                ),
                (
                    "interview",
                    "re: job",
                    """hi {first}, [[can you come to the shop tuesday 3pm to talk about the job]], bring your licence. thanks

tony""",
                ),
                (
                    "rejection",
                    "re: job",
                    """hi {first} sorry, [[i gave the job to my nephew in the end]], i wish you good luck and thank you for coming in

tony""",
                ),
            ],
            fixed={"company": "Marchetti Tyres", "domain": "marchettityres.com", "role": "Tyre Fitter"},
            sector="industry",
        ),
        voice(
            "voice-hiring-manager-eng-verbose-1",
            "Marcus Oyelaran <marcus@{domain}>",
            [
                (
                    "interview",
                    "Next round - system design",
                    """Hi {first},

Thanks for the great conversation on Monday — the team really enjoyed it. [[We'd like to invite you to the system design round, which is 60 minutes with me and a staff engineer.]] My recruiter will send times; I appreciate your flexibility.

Marcus""",
                ),
                (
                    "rejection",
                    "After the system design round",
                    """Hi {first},

I wanted to write to you personally rather than send the standard note. Thank you for the time you've put into our process — four rounds is a lot, and I appreciate it.

[[We've decided not to move forward to an offer.]] The design round was solid on data modelling but we needed more depth on failure handling for this particular role.

I'd genuinely like to stay in touch, and I'll reach out about future openings on the platform team.

Marcus""",
                ),
                (
                    "acknowledgment",
                    "Re: referral from Nadia",
                    """Hi {first},

Nadia mentioned you'd be applying, and I can see your application in our system now — thanks. I'll make sure the recruiter looks at it this week. I appreciate you thinking of us, and best of luck.

Marcus""",
                ),
                (
                    "other",
                    "Re: coffee?",
                    """Hi {first},

Happy to grab a coffee and talk about the industry, though to be upfront we don't have any openings on my team right now. Does Wednesday work? Appreciate you reaching out.

Marcus""",
                ),
            ],
            fixed={
                "company": "Halyard Systems",
                "domain": "halyardsystems.com",
                "role": "Senior Software Engineer",
            },
            sector="tech",
        ),
        voice(
            "voice-council-hr-au-1",
            "Recruitment Team <recruitment@{domain}>",
            [
                (
                    "acknowledgment",
                    "Application received - {role}",
                    """Dear {first},

Thank you for your application for the position of {role}. This email confirms that we received your application.

Applications will be assessed after the closing date. If you have not heard from us within four weeks of the closing date, please assume your application has not progressed. We appreciate your interest in working with Council and wish you every success.

Recruitment Team""",
                ),
                (
                    "rejection",
                    "Outcome - {role}",
                    """Dear {first},

Thank you for your interest in the position of {role}. [[After careful assessment of all applications, we regret to advise that you have not been shortlisted for interview on this occasion.]] We appreciate the time you took to apply and encourage you to apply for future vacancies with Council.

Recruitment Team""",
                ),
                (
                    "interview",
                    "Interview - {role}",
                    """Dear {first},

[[We are pleased to advise that you have been shortlisted for an interview for the position of {role} on {date} at {time}.]] Interviews will be held at the Civic Centre, Level 2. We wish you the best of luck.

Recruitment Team""",
                ),
                (
                    "other",
                    "Council careers newsletter",
                    """Dear subscriber,

Our latest vacancies are now online, including roles in parks, libraries and customer service. We appreciate your interest in a career with Council. We encourage you to set up a job alert so you never miss future opportunities.

Recruitment Team""",
                ),
            ],
            fixed={"company": "Wattle Creek City Council", "domain": "wattlecreek.vic.gov.au"},
            locale="au",
            sector="public",
        ),
    ]
