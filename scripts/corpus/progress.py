"""Interviews (calendar invitations, status changes, scheduling links), offers and assessments."""

from __future__ import annotations

from engine import Family

VCAL_INTERVIEW = """UID:{uid}@{domain}
DTSTAMP:{dtstamp}
DTSTART;TZID={tzid}:{dtstart}
DTEND;TZID={tzid}:{dtend}
SUMMARY:{summary}
DESCRIPTION:{summary}. Join: https://meet.{domain}/{code}
LOCATION:https://meet.{domain}/{code}
ORGANIZER;CN={rfull}:mailto:{rmail}
ATTENDEE;CN={full};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:{email}
STATUS:CONFIRMED
SEQUENCE:0"""

VCAL_UPDATED = VCAL_INTERVIEW.replace("SEQUENCE:0", "SEQUENCE:1")

OLD_REJECTION_QUOTE = """On {sent_date}, {rfull} <{rmail}> wrote:
> Hi {first}, thank you for interviewing for the earlier opening. We decided to move forward with another candidate for that role, but we were impressed and would like to keep your details on file.
> Best, {rfirst}"""


def interviews() -> list[Family]:
    return [
        Family(
            "gcal-invite-interview-1",
            "interview",
            "{rfull} <{rmail}>",
            ["Invitation: {summary} @ {gcal_when}"],
            """You have been invited to the following event.

[[{summary}]]
When: {date}, {time} – {endtime} ({tz})
Joining info: https://meet.{domain}/{code}
Calendar: {email}
Who:
• {rmail} - organiser
• {email}

View all guest info: https://calendar.google.com/calendar/event?eid={code}
Reply for {email}: Yes - Maybe - No - More options

Invitation from Google Calendar
You are receiving this email because you are an attendee of the event.""",
            n=8,
            layout="both",
            style="minimal",
            sector="tech",
            slots={
                "summary": [
                    "Interview: {full} / {company} ({role})",
                    "{company} interview - {role} - {full}",
                    "{role} interview with {rfirst} ({company})",
                ]
            },
            calendar=VCAL_INTERVIEW,
        ),
        Family(
            "gcal-invite-recruiter-screen-1",
            "interview",
            "{rfull} <{rmail}>",
            ["Invitation: {summary} @ {gcal_when}"],
            """You have been invited to the following event.

[[{summary}]]
When: {date}, {time} – {endtime} ({tz})
Joining info: phone — {rfirst} will call you
Who:
• {rmail} - organiser
• {email}

Hi {first}, looking forward to our chat! This is a relaxed conversation about your background and what you're looking for. — {rfirst}, Talent Partner

Reply for {email}: Yes - Maybe - No""",
            n=7,
            layout="both",
            style="minimal",
            sector="finance",
            stage_hint="screening",
            slots={
                "summary": [
                    "Recruiter screen: {full} <> {company}",
                    "Intro call - {role} - {company} Talent",
                    "Phone screen: {full} / {rfull}",
                ]
            },
            calendar=VCAL_INTERVIEW,
        ),
        Family(
            "outlook-teams-invite-1",
            "interview",
            "{rfull} <{rmail}>",
            [
                "{role} interview - {full}",
                "Interview: {role} | {company}",
                "{company} - {role} - panel interview",
            ],
            """Hi {first},

[[Please find an invitation for your interview for the {role} role on {date} at {time} ({tz}).]] The panel will be {rfull} and two colleagues from the team, and it will last about {minutes} minutes.

________________________________________________________________________________
Microsoft Teams meeting
Join on your computer, mobile app or room device
Click here to join the meeting
Meeting ID: 3{otp} Passcode: {code}
________________________________________________________________________________

Kind regards,
{rfull}""",
            n=7,
            layout="both",
            style="outlook",
            locale="uk",
            sector="public",
            slots={"summary": ["{role} interview - {full}"]},
            calendar=VCAL_INTERVIEW,
        ),
        Family(
            "outlook-updated-invite-1",
            "interview",
            "{rfull} <{rmail}>",
            ["Updated invitation: {summary}", "Updated: {summary}"],
            """This event has been changed.

[[{summary}]]
New time: {date}, {time} – {endtime} ({tz})
Where: Microsoft Teams

Hi {first}, apologies — {rfirst} had a clash so we've moved your interview to the time above. Everything else stays the same. Please accept if that works.

Accept  Tentative  Decline""",
            n=5,
            layout="both",
            style="outlook",
            sector="health",
            slots={"summary": ["Interview - {role} - {full}", "{company} second interview: {full}"]},
            calendar=VCAL_UPDATED,
        ),
        Family(
            "ats-status-interviewing-1",
            "interview",
            "{company} Careers <notifications@{domain}>",
            [
                "Application update: {role}",
                "Candidate status changed to Interviewing",
                "Your application status has changed: {role}",
                "Status update: Interviewing",
            ],
            """Hello {first},

Your application status has been updated.

Position: {role}
Requisition: {ref}
[[Status: ((Interviewing|Interview Scheduled|Interview - 1st Round))]]

A member of our team will contact you with interview details. Thank you for your interest in {company}; we appreciate your patience.

Sign in to your candidate account to view your applications.""",
            n=7,
            layout="html",
            style="banner",
            sector="industry",
        ),
        Family(
            "scheduling-link-goodtime-1",
            "interview",
            "{company} Recruiting <scheduling@{domain}>",
            [
                "Update on your application: next steps",
                "Regarding your application for {role}",
                "Schedule your interview with {company}",
                "Action needed: pick a time for your {role} interview",
                "{company}: choose your interview slot",
            ],
            """Hi {first},

Thank you for your interest in the {role} role at {company}. [[We'd like to invite you to a {minutes}-minute interview with the hiring team — please choose a time that works for you using the link below.]]

Pick a time: https://schedule.{domain}/i/{code}

Available slots are shown in your local time zone. If none of them work, reply to this email and we'll find another option.

Best of luck, and we look forward to speaking with you!
{company} Recruiting""",
            n=7,
            layout="both",
            style="card",
            sector="tech",
        ),
        Family(
            "reinvite-quotes-old-rejection-1",
            "interview",
            "{rfull} <{rmail}>",
            ["Re: {role} - a new opening", "Re: your application", "Re: {company} - new role"],
            """Hi {first},

I hope you've been well since we last spoke. A new {role} position has just opened on another team, and you were the first person I thought of. [[Would you be up for an interview with the hiring manager next week — say {weekday} at {time}?]]

No need to reapply; I can move your existing application across.

Thanks,
{rfirst}""",
            n=6,
            layout="plain",
            sector="media",
            quote=OLD_REJECTION_QUOTE,
        ),
        Family(
            "talent-partner-first-call-1",
            "interview",
            "{rfull} <{rmail}>",
            [
                "Following up on your application",
                "{role} at {company} - next steps",
                "Your application for {role}",
                "Let's chat: {role}",
            ],
            """Hi {first},

I'm {rfirst}, a Talent Partner at {company}, and I'm looking after the {role} role. Thanks for applying — I enjoyed reading your application.

[[I'd love to set up a 30-minute call to learn more about your experience and tell you more about the role.]] Could you send me a couple of times that work for you this week or next?

Looking forward to speaking,
{rfull}
Talent Partner, {company}""",
            n=7,
            layout="both",
            sector="tech",
            stage_hint="screening",
        ),
        Family(
            "greenhouse-phone-screen-courtesy-1",
            "interview",
            "{company} <no-reply@us.greenhouse-mail.io>",
            [
                "{company}: next steps for {role}",
                "Phone screen invitation - {company}",
                "Let's talk, {first}!",
            ],
            """Hi {first},

Thank you for your interest in {company}, and for taking the time to apply for {role}. We received a lot of applications and we appreciate your patience.

[[We'd like to invite you to a ((20|30))-minute phone screen with our recruiter, {rfirst}.]] Please use the link below to choose a time:
https://app.greenhouse.io/scheduling/self_schedule/{code}

We wish you a great rest of your week!
{company} Recruiting""",
            n=6,
            layout="both",
            sector="health",
            stage_hint="screening",
        ),
        Family(
            "uk-panel-invite-letter-1",
            "interview",
            "{company} Recruitment <recruitment@{domain}>",
            [
                "Outcome of shortlisting: {role}",
                "Application outcome - {role}",
                "Invitation to interview: {role}",
                "{role} (ref {ref}) - interview",
                "Interview invitation",
            ],
            """Dear {first},

Thank you for your application for the post of {role} (ref {ref}). [[I am pleased to invite you to an interview on {date} at {time}.]]

The interview will take place at our offices in {city} and will last about {minutes} minutes. The panel will ask you to give a five-minute presentation on the topic enclosed.

Please confirm your attendance by replying to this email and let us know of any adjustments you may need. We wish you the best of luck.

Yours sincerely,
{rfull}
HR Officer, {company}""",
            n=7,
            layout="both",
            style="outlook",
            locale="uk",
            sector="education",
        ),
        Family(
            "india-technical-round-1",
            "interview",
            "{company} HR <hr@{domain}>",
            [
                "Application status: shortlisted - {role}",
                "Interview schedule - {role} - {company}",
                "Shortlisted: technical interview for {role}",
                "{role} | Round 2 | {date}",
            ],
            """Dear {first},

Greetings from {company}!

Congratulations! [[You have been shortlisted for the technical interview for the {role} position, scheduled on {date} at {time} IST.]]

Mode: Virtual (Microsoft Teams link will be shared 30 minutes before)
Panel: {rfull}, Engineering Lead

Kindly keep your updated resume and a government ID ready. Please acknowledge this mail.

All the best!
Regards,
HR Team, {company}""",
            n=6,
            layout="plain",
            locale="in",
            sector="tech",
        ),
        Family(
            "au-casual-interview-invite-1",
            "interview",
            "{rfull} <{rmail}>",
            ["{role} - interview", "Chat about the {role} role?", "Interview - {company}"],
            """Hi {first},

Thanks heaps for applying for the {role} role. We loved your application and [[we'd love to invite you in for an interview on {date} at {time}]] — it's pretty relaxed, about {minutes} minutes with me and our ops manager.

We're at the {city} site; parking is out the back. Let me know if that time suits, or if another works better.

Cheers,
{rfirst}""",
            n=6,
            layout="plain",
            locale="au",
            sector="hospitality",
        ),
        Family(
            "interview-confirmation-details-1",
            "interview",
            "{company} Talent Acquisition <talent@{domain}>",
            [
                "Update: interview confirmed",
                "Interview confirmation: {role}",
                "Confirmed: your interview on {date}",
                "Your {company} interview details",
            ],
            """Hi {first},

[[This email confirms your interview for the {role} position on {date} at {time} ({tz}).]]

Location: {company}, {city} — please check in at reception 10 minutes early.
Interviewers: {rfull} (Hiring Manager) and a member of the team
Duration: about {minutes} minutes

If you need to reschedule, reply to this email at least 24 hours in advance. We appreciate your interest and look forward to meeting you.

{company} Talent Acquisition""",
            n=6,
            layout="html",
            style="banner",
            sector="retail",
        ),
        Family(
            "agency-client-wants-interview-1",
            "interview",
            "{rfull} <{rmail}>",
            ["Great news - {role} interview", "Client interview request: {role}", "They want to meet you!"],
            """Hi {first},

Good news! [[The client has reviewed your CV and would like to interview you for the {role} role on {date} at {time}.]] It'll be a {minutes}-minute video call with the hiring manager and someone from HR.

Give me a ring when you get this and I'll talk you through what they're looking for.

Best,
{rfull}
{company}""",
            n=6,
            layout="plain",
            locale="uk",
            sector="finance",
            company=False,
        ),
        Family(
            "reschedule-new-time-1",
            "interview",
            "{rfull} <{rmail}>",
            [
                "Rescheduling your interview",
                "Change of time - {role} interview",
                "Re: interview on {weekday}",
            ],
            """Hi {first},

I'm really sorry, but our hiring manager is unwell and we need to move your interview. [[Could we do {date} at {time} instead?]] The format and the panel stay the same.

Thanks for your flexibility — I appreciate it.

{rfull}
{company}""",
            n=5,
            layout="plain",
            sector="nonprofit",
        ),
    ]


def offers() -> list[Family]:
    return [
        Family(
            "ats-status-offered-1",
            "offer",
            "{company} Careers <notifications@{domain}>",
            [
                "Application update: {role}",
                "Candidate status changed to Offered",
                "Your application status has changed",
                "Status update: {role}",
            ],
            """Hello {first},

Your application status has been updated.

Position: {role}
Requisition: {ref}
[[Status: ((Offered|Offer Extended|Offer))]]

Your recruiter will be in touch with the details of your offer. Sign in to your candidate account to review and accept your offer documents.""",
            n=7,
            layout="html",
            style="banner",
            sector="industry",
        ),
        Family(
            "us-offer-letter-email-1",
            "offer",
            "{rfull} <{rmail}>",
            ["Your offer from {company}", "{company} - offer of employment", "Offer: {role}"],
            """Hi {first},

[[On behalf of everyone at {company}, I'm delighted to offer you the position of {role}!]]

Base salary: {salary} per year
Start date: {date}
Benefits: medical, dental and vision from day one; 401(k) with a 4% match

Your formal offer letter is attached. Please review it and let me know if you have any questions. We'd appreciate your answer by {deadline}.

We're so excited about the possibility of you joining us.
{rfull}
{company}""",
            n=7,
            layout="both",
            sector="tech",
        ),
        Family(
            "uk-conditional-offer-1",
            "offer",
            "{company} HR <hr@{domain}>",
            [
                "Outcome of your interview - {role}",
                "Conditional offer of employment - {role}",
                "Offer: {role}",
                "{role} - conditional offer",
            ],
            """Dear {first},

Following your recent interview, [[I am pleased to make you a conditional offer of employment for the post of {role}.]]

Salary: {salary} per annum
Start date: to be agreed

This offer is conditional on two satisfactory references and proof of your right to work in the UK. Please confirm your acceptance by replying to this email.

Yours sincerely,
{rfull}
HR Advisor, {company}""",
            n=6,
            layout="both",
            style="outlook",
            locale="uk",
            sector="public",
        ),
        Family(
            "india-offer-ctc-1",
            "offer",
            "{company} HR <hr@{domain}>",
            [
                "Offer Letter - {role} - {company}",
                "Congratulations! Offer for {role}",
                "{company} | Offer of employment",
            ],
            """Dear {first},

Congratulations! [[We are pleased to offer you the position of {role} at our {city} office with an annual CTC of {salary}.]]

Please find the detailed offer letter attached. Kindly sign and return a copy within 3 working days to confirm your acceptance. Your joining date will be confirmed on acceptance.

Welcome to {company}!

Regards,
HR Team, {company}""",
            n=6,
            layout="plain",
            locale="in",
            sector="tech",
        ),
        Family(
            "au-verbal-offer-followup-1",
            "offer",
            "{rfull} <{rmail}>",
            [
                "Following up - {role}",
                "Following our call - offer",
                "{role} offer!",
                "Welcome aboard (almost!)",
            ],
            """Hi {first},

Great chatting earlier! As promised, [[here's the offer in writing: we'd love you to join {company} as our {role}.]]

Salary: {salary} + super
Start: {date}

Contract will come through from HR in the next day or two. Any questions at all, give me a call.

Cheers,
{rfirst}""",
            n=6,
            layout="plain",
            locale="au",
            sector="hospitality",
        ),
        Family(
            "esign-offer-letter-1",
            "offer",
            "{company} via Signwell <no-reply@signwell.example>",
            [
                "{company} has sent you an offer letter to sign",
                "Please sign: Offer Letter - {role}",
                "Action required: review your offer",
            ],
            """{rfull} sent you a document to review and sign.

[[Offer Letter - {role} - {full}]]

Message: "Hi {first}, here is your offer letter for the {role} position. Please review and sign by {deadline}. Welcome to the team!"

Review document: https://app.signwell.example/d/{code}

Do not share this email; anyone with the link can open the document.""",
            n=6,
            layout="html",
            style="card",
            sector="health",
        ),
    ]


def assessments() -> list[Family]:
    return [
        Family(
            "coding-test-invite-platform-1",
            "assessment",
            "{platform} <no-reply@{pslug}.io>",
            [
                "{company} invites you to take a coding test",
                "Your {company} assessment for {role}",
                "Action needed: {company} online test",
            ],
            """Hi {first},

[[{company} has invited you to complete an online coding assessment for the {role} position.]]

Duration: ((60|75|90)) minutes
Questions: ((2|3|4))
Expires: {deadline}, 11:59 PM

Once you start, the timer cannot be paused. Make sure you have a stable connection.

Start your test: https://{pslug}.io/t/{code}

Good luck!
The {platform} team, on behalf of {company}""",
            n=7,
            layout="both",
            style="banner",
            sector="tech",
        ),
        Family(
            "hm-take-home-1",
            "assessment",
            "{rfull} <{rmail}>",
            [
                "Update on your application: next step",
                "{role} - take-home exercise",
                "Next step: a short exercise",
                "Take-home for {role}",
            ],
            """Hi {first},

Thanks again for the chat last week. [[The next step is a short take-home exercise, which should take about ((three|four|two)) hours.]] The brief is attached; please send it back by {deadline}.

There are no trick questions — we're interested in how you think. If anything is unclear, just ask.

Best,
{rfirst}""",
            n=6,
            layout="plain",
            sector="media",
        ),
        Family(
            "uk-grad-psychometric-1",
            "assessment",
            "{company} Graduate Recruitment <graduates@{domain}>",
            [
                "Application update: online tests",
                "Outcome of your application: next stage",
                "Next stage: online tests",
                "{company} Graduate Scheme - complete your assessments",
                "Your online assessments",
            ],
            """Dear {first},

Thank you for your application to the {company} Graduate Scheme. [[We are pleased to invite you to the next stage: a set of online tests covering numerical reasoning, verbal reasoning and a situational judgement questionnaire.]]

Please complete all three by {deadline}. They take about 50 minutes in total and can be done separately.

Start here: https://assess.{domain}/{code}

Good luck!
Graduate Recruitment""",
            n=6,
            layout="html",
            style="banner",
            locale="uk",
            sector="finance",
            role=False,
        ),
        Family(
            "assessment-reminder-expiring-1",
            "assessment",
            "{company} Recruiting <recruiting@{domain}>",
            [
                "Status: assessment pending",
                "Reminder: your assessment expires soon",
                "Don't forget your {company} assessment",
                "48 hours left: {role} assessment",
            ],
            """Hi {first},

[[This is a reminder that your assessment for {role} expires on {deadline}.]] If you've already completed it, thank you — you can ignore this message.

Complete it here: https://careers.{domain}/assess/{code}

We appreciate your interest in {company}.""",
            n=6,
            layout="both",
            sector="retail",
        ),
        Family(
            "india-online-test-link-1",
            "assessment",
            "{company} Campus Hiring <campus@{domain}>",
            ["Online test link - {role}", "{company} - online assessment", "Aptitude test for {role}"],
            """Dear {first},

Greetings from {company}!

[[As the next step of the selection process, you are invited to take an online aptitude and technical test for the {role} role.]]

Test window: {date}, 10:00 AM to 8:00 PM IST
Duration: 60 minutes
Link: https://test.{domain}/{code}

Kindly ensure your webcam is working. All the best!

Regards,
Campus Hiring Team""",
            n=6,
            layout="plain",
            locale="in",
            sector="tech",
        ),
        Family(
            "public-written-exam-notice-1",
            "assessment",
            "{company} Human Resources <hr@{domain}>",
            [
                "Notice of written examination: {role}",
                "{role} - exam scheduled",
                "You are scheduled for the {role} exam",
            ],
            """NOTICE OF WRITTEN EXAMINATION

Candidate: {full}
Classification: {role}

[[You are scheduled to take the written examination for {role} on {date} at {time}.]]

Location: {company} Training Center, {city}
Bring this notice and photo ID. Late arrivals will not be admitted.

Human Resources Department""",
            n=6,
            layout="plain",
            sector="public",
        ),
    ]


def families() -> list[Family]:
    return interviews() + offers() + assessments()
