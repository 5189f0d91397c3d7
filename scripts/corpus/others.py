"""Other mail: full of job words and courtesy, none of it a decision on one of the person's applications."""

from __future__ import annotations

from engine import Family

VCAL_PERSONAL = """UID:{uid}@calendar.example
DTSTAMP:{dtstamp}
DTSTART;TZID={tzid}:{dtstart}
DTEND;TZID={tzid}:{dtend}
SUMMARY:{summary}
LOCATION:{place}
ORGANIZER;CN={rfull}:mailto:{rgmail}
ATTENDEE;CN={full};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION:mailto:{email}"""


def families() -> list[Family]:
    return [
        Family(
            "agency-cold-outreach-1",
            "other",
            "{rfull} <{rmail}>",
            [
                "Following up: {role} opportunity",
                "Regarding a {role} role",
                "Exciting {role} opportunity - {city}",
                "{role} role - interested?",
                "Quick question about your next move",
            ],
            """Hi {first},

I hope you're well. I came across your profile and your background and experience really stood out for a {role} position I'm recruiting for with one of my clients in {city}.

A few highlights:
• {salary} plus bonus and benefits
• Hybrid, ((two|three)) days in the office
• A team that's growing after a strong year

Would you be open to a quick chat this week? Even if the timing isn't right, I'd appreciate the chance to keep your details on file for future opportunities — I place a lot of people in this space.

((Best of luck with everything either way|Wishing you all the best)),
{rfull}
Principal Consultant | {company}
This email and any attachments are confidential. If you no longer wish to hear from us, reply STOP.""",
            n=7,
            layout="both",
            style="outlook",
            sector="media",
            company=False,
            role=False,
        ),
        Family(
            "exec-search-confidential-1",
            "other",
            "{rfull} <{rmail}>",
            [
                "Confidential: senior leadership search",
                "A confidential search you may be interested in",
                "Introduction - {company} retained search",
            ],
            """Dear {first},

I lead {company}'s retained search practice, and we have been engaged on a confidential basis to identify a Chief Operating Officer for a privately held business in {city}.

Your name came up more than once in our research, and I would very much appreciate your perspective — either as a potential candidate or as someone who may know people we should speak to. I fully understand if the timing isn't right for you.

If you are open to a confidential conversation, please let me know a few times that suit you. I will, of course, treat anything you share with complete discretion.

With best wishes,
{rfull}
Partner, {company}""",
            n=5,
            layout="plain",
            sector="finance",
            company=False,
            role=False,
        ),
        Family(
            "position-opening-blast-in-1",
            "other",
            "{rfull} <{rmail}>",
            [
                "Position opening: {role} - {city} - immediate joiners",
                "Urgent requirement | {role} | {city}",
                "Job opening for {role} with our client",
            ],
            """Dear Candidate,

Greetings from {company}!

We have an urgent position opening for {role} with one of our MNC clients at {city}.

Experience: ((3-6|4-8|5-10)) years
Notice period: immediate to 30 days
Mode: Work from office, 5 days

If you are interested, kindly share your updated CV with the following details: current CTC, expected CTC, notice period and current location. If you are not interested, we request you to refer your friends or colleagues who may be interested.

We appreciate your interest and look forward to your response.

Thanks & Regards,
{rfull}
Talent Acquisition | {company}""",
            n=6,
            layout="plain",
            locale="in",
            sector="tech",
            company=False,
        ),
        Family(
            "referral-program-ask-1",
            "other",
            "{company} Careers <careers@{domain}>",
            [
                "Know someone great? Refer them to {company}",
                "We're hiring — refer a friend",
                "Help us find our next {role}",
            ],
            """Hi {first},

Thanks for your interest in {company}! We're growing, and some of our best hires have come from people like you.

We have openings in ((engineering, sales and operations|nursing, admin and support services|our stores and distribution centres)), including {role}. If you know someone who would be a great fit, send them our way: https://careers.{domain}/refer/{code}

You don't need to be an employee to refer a friend, and your own applications are not affected in any way.

All the best,
The {company} Talent Team

You are receiving this because you created a candidate profile. Unsubscribe""",
            n=5,
            layout="html",
            style="banner",
            is_list=True,
            sector="retail",
            role=False,
        ),
        Family(
            "friend-asks-for-referral-1",
            "other",
            "{rfull} <{rgmail}>",
            ["quick favour?", "Referral at {company}?", "hey - would you refer me?"],
            """Hey {first}!

Hope the job search is going ok — I saw your post. Random ask: I'm applying for a {role} role at {company} and noticed you interviewed there last spring. Do you know anyone on the team who'd be up for referring me, or would you be comfortable putting in a word?

Totally fine if not, I really appreciate you even reading this. Happy to return the favour any time, and best of luck with your own applications!

{rfirst}""",
            n=5,
            layout="plain",
            company=False,
            role=False,
        ),
        Family(
            "linkedin-job-alert-1",
            "other",
            "LinkedIn Job Alerts <jobalerts-noreply@linkedin.com>",
            ['{n} new jobs for "{role}"', "{role} at {company} and more", "Jobs you may be interested in"],
            """Your job alert for {role}
{n} new jobs match your preferences.

{role}
{company} · {city}
Actively recruiting · Easy Apply

Senior {role}
Another company · Remote
Be an early applicant

{role} II
{company} partner network · {city} (Hybrid)
3 connections work here

See all jobs: https://www.linkedin.com/jobs/search/?alert={code}

Good luck in your job search! You're receiving Job Alert emails. Unsubscribe · Help""",
            n=6,
            layout="both",
            is_list=True,
            sector="tech",
            company=False,
            role=False,
        ),
        Family(
            "withdrawal-confirmed-1",
            "other",
            "{company} Recruiting <recruiting@{domain}>",
            [
                "Application update: withdrawn",
                "Status update: {role}",
                "Your application has been withdrawn",
                "Confirmation: application for {role} withdrawn",
                "We've withdrawn your application",
            ],
            """Hi {first},

As you requested, we have withdrawn your application for {role}. You will not receive any further updates about this position.

Thank you for letting us know, and for the time you spent with our team. We're sorry to see you go, but we completely understand, and we wish you all the best in your new role.

If you'd like, we will keep your profile on file so we can reach out about future opportunities. You can also apply again at any time.

Best regards,
{rfull}
{company} Recruiting""",
            n=6,
            layout="both",
            sector="finance",
        ),
        Family(
            "withdrawal-human-ack-1",
            "other",
            "{rfull} <{rmail}>",
            ["Re: withdrawing my application", "Re: {role} - update from me", "Re: Withdrawal"],
            """Hi {first},

Thanks so much for letting me know, and congratulations on the new job — that's great news. I've withdrawn you from the {role} process and let the panel know.

Honestly, the team enjoyed meeting you, so I'm a bit gutted! Please do stay in touch, and if things change down the line, drop me a line.

All the best,
{rfirst}""",
            n=5,
            layout="plain",
            locale="uk",
            sector="media",
            quote="""On {sent_date}, {full} <{email}> wrote:
> Hi {rfirst}, I wanted to let you know that I've accepted another offer and would like to withdraw from the {role} process. Thank you for everything. {first}""",
        ),
        Family(
            "rental-application-declined-1",
            "other",
            "{company} Lettings <lettings@{domain}>",
            [
                "Update: {place}",
                "Rental application outcome",
                "Your application for {place}",
                "Update on your rental application",
                "{place} - application outcome",
            ],
            """Dear {first},

Thank you for your interest in {place} and for coming to the viewing.

We're sorry to let you know that the landlord has decided to proceed with another applicant for this property. We received a large number of applications and the landlord chose a tenant who could move in sooner.

We'll keep your details on file and continue to send you new listings that match your search. We wish you the best of luck finding your next home.

Kind regards,
{rfull}
{company}""",
            n=5,
            layout="both",
            style="card",
            locale="uk",
            sector="retail",
            company=False,
            role=False,
            slots={
                "place": [
                    "Flat 3, 22 Cromwell Road",
                    "14 Heather Close",
                    "Apartment 9, Riverside Court",
                    "the two-bed on Albion Street",
                    "28 Oakfield Terrace",
                ]
            },
        ),
        Family(
            "grant-proposal-not-funded-1",
            "other",
            "{company} Grants <grants@{domain}>",
            [
                "Update on your grant application",
                "Outcome of your grant application",
                "Your proposal to the {company} community fund",
                "Funding decision: your application",
            ],
            """Dear {first},

Thank you for submitting a proposal to the {company} Community Fund this round, and for taking the time to answer our follow-up questions.

We received over {napps} applications for a very limited pot. After careful consideration, the panel has decided not to fund your proposal on this occasion. This is not a judgement on the value of your project.

We encourage you to apply again in the next round, and we wish you every success with your work.

Warm regards,
The Grants Team""",
            n=5,
            layout="plain",
            sector="nonprofit",
            company=False,
            role=False,
        ),
        Family(
            "talk-proposal-not-accepted-1",
            "other",
            "{company} Conference <speakers@{domain}>",
            [
                "Outcome of your talk submission",
                "Your talk proposal for {company} Conf",
                "Call for papers: decision on your submission",
                "{company} Conf 2025 - proposal update",
            ],
            """Hi {first},

Thank you for submitting a talk to {company} Conf this year. We received more than {napps} proposals for ((40|32|55)) slots.

Unfortunately, we weren't able to include your talk in this year's programme. The committee had to make some very hard choices, and many strong proposals didn't make it.

We really appreciate you taking the time to write it up, and we'd love to see you there as an attendee — here's a 25% discount code: SPEAKER25. Best of luck, and please submit again next year!

The {company} Conf programme committee""",
            n=5,
            layout="html",
            style="card",
            sector="tech",
            company=False,
            role=False,
        ),
        Family(
            "candidate-portal-otp-1",
            "other",
            "{company} Careers <no-reply@{domain}>",
            [
                "Your verification code",
                "{otp} is your {company} sign-in code",
                "Verify your email to continue your application",
            ],
            """Hi {first},

Use this code to verify your email address and continue your application:

{otp}

The code expires in 10 minutes. If you didn't request it, you can ignore this email — someone may have typed your address by mistake.

{company} Careers""",
            n=6,
            layout="both",
            style="banner",
            sector="health",
            role=False,
        ),
        Family(
            "assessment-platform-otp-1",
            "other",
            "{platform} <security@{pslug}.io>",
            [
                "Your one-time passcode",
                "Login code for your assessment account",
                "{otp} - your {platform} code",
            ],
            """Your one-time passcode is {otp}.

Enter this code to sign in to your {platform} candidate account. For your security, never share this code with anyone, including anyone claiming to be a recruiter.

If you did not try to sign in, please reset your password.

The {platform} team""",
            n=5,
            layout="plain",
            company=False,
            role=False,
        ),
        Family(
            "practice-test-results-1",
            "other",
            "{platform} Practice <practice@{pslug}.io>",
            [
                "Your practice test results",
                "Practice assessment complete: you scored {n}0th percentile",
                "How you did on the numerical reasoning practice test",
            ],
            """Hi {first},

Well done for completing the ((numerical reasoning|verbal reasoning|situational judgement|coding)) practice test!

Your score: ((62|71|48|85))%
Time taken: ((14|19|22)) minutes

This was a practice test only. It is not shared with any employer and does not count towards any application. Unfortunately, practice scores can't be transferred to a real assessment either.

Want to improve? Try the next practice set, or read our guide to preparing for online assessments.

Good luck with your applications!
The {platform} team

Unsubscribe from practice reminders""",
            n=6,
            layout="html",
            style="card",
            is_list=True,
            company=False,
            role=False,
        ),
        Family(
            "career-newsletter-rejection-tips-1",
            "other",
            "{platform} Weekly <newsletter@{pslug}.com>",
            [
                "How to bounce back from a job rejection",
                "5 things to do after 'we've decided to move forward with other candidates'",
                "This week: interviews, offers and rejections",
            ],
            """This week in your job search

1. What to do when you hear "we've decided not to move forward"
Rejection emails are rarely personal. We asked five recruiters what they wish candidates knew, and how to ask for feedback without burning a bridge.

2. The interview thank-you note, reconsidered
Do hiring managers actually read them? Mostly, yes — but keep it short.

3. Negotiating your first offer
A simple script for asking about salary, start date and flexibility.

Best of luck this week — and remember, every application teaches you something.

The {platform} Weekly team
You're receiving this because you subscribed. Unsubscribe · Preferences""",
            n=5,
            layout="html",
            style="banner",
            is_list=True,
            company=False,
            role=False,
        ),
        Family(
            "job-no-longer-available-saved-1",
            "other",
            "Indeed <alert@indeed.com>",
            [
                "A job you saved is no longer available",
                "Update on a saved job: {role}",
                "{role} at {company} has closed",
            ],
            """A job you saved has closed

{role}
{company} - {city}

Unfortunately this job is no longer accepting applications. Employers close listings when they have enough applicants or the position has been filled.

We encourage you to apply to similar jobs you might like:
{role} - {city} - Easily apply
Senior {role} - Remote - Urgently hiring

Good luck with your job search!
Indeed""",
            n=5,
            layout="html",
            style="card",
            is_list=True,
            sector="industry",
        ),
        Family(
            "gdpr-retention-notice-1",
            "other",
            "{company} Talent <privacy@{domain}>",
            [
                "Regarding your candidate profile",
                "Update on your candidate data",
                "Do you want us to keep your details?",
                "Your candidate data with {company}",
                "Keeping your profile on file",
            ],
            """Dear {first},

Some time ago you applied for a role with {company}. Under our privacy policy, we keep candidate details for 12 months, and that period is ending.

If you would like us to keep your CV on file so that we can contact you about future vacancies, please confirm here: https://talent.{domain}/keep/{code}

If we don't hear from you within 30 days, we will delete your data. This does not affect any application you have open with us.

We appreciate your interest in {company} and wish you all the best.

Data Protection Team""",
            n=5,
            layout="both",
            locale="uk",
            sector="industry",
            role=False,
        ),
        Family(
            "candidate-experience-survey-1",
            "other",
            "{company} Talent <survey@{domain}>",
            [
                "Feedback request: {role} process",
                "How was your experience applying to {company}?",
                "Two minutes to tell us how we did",
                "Your feedback on our hiring process",
            ],
            """Hi {first},

You recently went through our hiring process for {role}. Whatever the outcome, we'd really appreciate hearing how it felt from your side.

The survey has five questions and takes about two minutes. It is anonymous and is never shared with the hiring team, so it has no effect on any current or future application.

Take the survey: https://survey.{domain}/c/{code}

Thank you for taking the time — it genuinely helps us improve.

{company} Talent Team""",
            n=5,
            layout="html",
            style="card",
            sector="tech",
        ),
        Family(
            "career-fair-invite-1",
            "other",
            "{company} Early Careers <earlycareers@{domain}>",
            [
                "Meet our recruiters at the {city} careers fair",
                "You're invited: {company} virtual open day",
                "Chat to our hiring managers on {date}",
            ],
            """Hi {first},

We'll be at the {city} careers fair on {date}, and we'd love to meet you. Drop by our stand to chat with recruiters and hiring managers, get tips on your CV, and hear about our graduate programme.

Can't make it? Join our virtual open day instead — sign up here: https://events.{domain}/{code}

Thank you for your interest in {company}. We hope to see you there!

The Early Careers Team""",
            n=5,
            layout="html",
            style="banner",
            is_list=True,
            locale="uk",
            sector="finance",
            role=False,
        ),
        Family(
            "profile-viewed-notice-1",
            "other",
            "LinkedIn <notifications-noreply@linkedin.com>",
            [
                "A recruiter at {company} viewed your profile",
                "Your profile was viewed {n} times this week",
                "{rfirst} from {company} viewed your profile",
            ],
            """{rfull}, Recruiter at {company}, viewed your profile.

You appeared in {n} searches this week.

Recruiters are more likely to reach out when your profile shows you're open to work. Update your job preferences to let them know what you're looking for.

View profile: https://www.linkedin.com/me/profile-views/
You are receiving notification emails. Unsubscribe""",
            n=5,
            layout="html",
            style="card",
            is_list=True,
            company=False,
            role=False,
        ),
        Family(
            "recruiter-ooo-autoreply-1",
            "other",
            "{rfull} <{rmail}>",
            [
                "Automatic reply: Following up on my application",
                "Automatic reply: {role} application",
                "Out of Office: Re: {role}",
                "Automatic reply: Following up",
            ],
            """Thank you for your email. I am out of the office until {date} with limited access to email.

For questions about an open application or interview, please contact talent@{domain}. For anything else, I will reply as soon as I can after I return.

Kind regards,
{rfull}
Talent Acquisition Partner | {company}""",
            n=5,
            layout="plain",
            sector="health",
        ),
        Family(
            "personal-calendar-invite-1",
            "other",
            "{rfull} <{rgmail}>",
            ["Invitation: {summary} @ {gcal_when}", "Invitation: {summary} @ {weekday_short} {month_day}"],
            """{rfull} has invited you to an event.

{summary}
When: {date}, {time} – {endtime} ({tz})
Where: {place}

Going? Yes - Maybe - No

Invitation from Google Calendar. You are receiving this email because you are an attendee of the event.""",
            n=6,
            layout="both",
            style="minimal",
            company=False,
            role=False,
            slots={
                "summary": [
                    "Dentist check-up",
                    "Book club",
                    "Mum's birthday dinner",
                    "5-a-side football",
                    "Parent-teacher evening",
                    "Flat viewing",
                    "Climbing with Sam",
                ],
                "place": [
                    "Harbour Dental, 12 Quay St",
                    "The Crown, upstairs room",
                    "Leisure centre pitch 2",
                    "Room 4B",
                    "Our place",
                ],
            },
            calendar=VCAL_PERSONAL,
        ),
        Family(
            "employer-hiring-marketing-1",
            "other",
            "{company} <hello@{domain}>",
            ["We're hiring in {city}!", "New roles at {company} you might like", "Join us: {role} and more"],
            """Hi {first},

Big news: {company} is opening a new site in {city}, and we're hiring for more than {n} roles — from {role} to team leads.

Why join us?
• Pay from day one that beats the local average
• Training and clear paths to promotion
• A team that actually says thank you

We encourage you to apply early — roles fill fast. Apply in five minutes: https://jobs.{domain}

See you soon,
The {company} team
You're receiving this because you subscribed to job updates. Unsubscribe""",
            n=5,
            layout="html",
            style="banner",
            is_list=True,
            sector="hospitality",
            role=False,
        ),
        Family(
            "account-created-portal-1",
            "other",
            "{company} Candidate Portal <no-reply@{domain}>",
            [
                "Welcome to the {company} candidate portal",
                "Your candidate account is ready",
                "Account created",
            ],
            """Hello {first},

Your candidate account has been created. You can now save jobs, set up job alerts and apply for roles at {company}.

Username: {email}

We encourage you to set up a job alert. Haven't applied yet? Browse open positions: https://careers.{domain}/jobs

If you didn't create this account, please let us know.

{company} Recruitment""",
            n=5,
            layout="both",
            style="banner",
            sector="public",
            role=False,
        ),
        Family(
            "volunteer-shift-full-1",
            "other",
            "{company} Volunteers <volunteers@{domain}>",
            ["Volunteer sign-up: {date}", "Your volunteer application", "Thanks for signing up to help"],
            """Hi {first},

Thank you so much for offering to volunteer at our ((food bank|park clean-up|fun run|winter shelter)) on {date}. We were overwhelmed by the response!

Unfortunately, all of the shifts for that day are now full, so we won't need you this time. We'll keep your details on file and let you know about future volunteering opportunities.

We really appreciate your kindness. All the best,
{rfirst}
{company}""",
            n=5,
            layout="plain",
            locale="au",
            sector="nonprofit",
            company=False,
            role=False,
        ),
        Family(
            "marketplace-offer-declined-1",
            "other",
            "Swapsy Marketplace <no-reply@swapsy.example>",
            [
                "Update on your offer",
                "The seller has accepted another offer",
                "Your offer on 'Road bike, 54cm'",
            ],
            """Hi {first},

The seller has decided to accept another offer for the item you were interested in, so your offer has been declined.

Don't worry — there are similar items near {city}. We'll keep an eye out and let you know when something matching your search is listed.

Happy hunting!
Swapsy""",
            n=5,
            layout="html",
            style="card",
            company=False,
            role=False,
        ),
    ]
