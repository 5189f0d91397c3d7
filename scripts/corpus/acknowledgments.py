"""Acknowledgments that say everything a rejection says except the decision: nothing has been decided yet."""

from __future__ import annotations

from engine import Family

GH = "{company} <no-reply@us.greenhouse-mail.io>"
EEO_FOOTER = (
    "{company} is an equal opportunity employer. All qualified applicants will receive consideration for "
    "employment without regard to race, color, religion, sex, sexual orientation, gender identity, national "
    "origin, disability or veteran status."
)


def families() -> list[Family]:
    return [
        Family(
            "greenhouse-ack-courtesy-1",
            "acknowledgment",
            GH,
            [
                "Application update: {role}",
                "Thank you for applying to {company}",
                "Thanks for your interest in {company}!",
                "{company}: we received your application",
            ],
            """Hi {first},

Thank you for your interest in {company}! We received your application for the {role} position and our team will carefully review your qualifications over the next ((few weeks|couple of weeks|two to three weeks)).

If your background is a match for what we need, a member of our recruiting team will reach out to discuss next steps. ((Due to the high volume of applications we receive, we may not be able to respond to every applicant individually.|Because of the volume of applications, we're not always able to reply to everyone personally.))

((We appreciate you taking the time to apply|We really appreciate the time you took to apply)), and we wish you the best of luck in your search.

((Best|Warm regards|Thanks again)),
The {company} Recruiting Team""",
            n=7,
            layout="both",
            sector="tech",
        ),
        Family(
            "workday-ack-onfile-1",
            "acknowledgment",
            "{company} <{cslug}@myworkday.com>",
            [
                "Application status: received ({ref})",
                "Thank you for applying: {role}",
                "We've received your application - {role} ({ref})",
                "Your application has been submitted",
            ],
            """Dear {full},

Thank you for applying for the {role} position ({ref}) at {company}. This email confirms that we received your application.

What happens next?
Our talent acquisition team will review your application against the requirements of the role. If your qualifications match our needs, we will contact you about next steps. You can check the status of your application at any time by signing in to your candidate home account.

((We will keep your résumé on file, and if your profile fits other openings we may reach out about future opportunities.|Even if this particular role is not the right fit, we keep your résumé on file and our recruiters search it when future openings arise.))

We appreciate your interest in {company}.

Sincerely,
{company} Talent Acquisition

This is an automated message. Please do not reply to this email.""",
            n=7,
            layout="html",
            style="banner",
            sector="finance",
        ),
        Family(
            "eeo-selfid-action-needed-1",
            "acknowledgment",
            "{company} Careers <careers@{domain}>",
            [
                "ACTION NEEDED: Voluntary self-identification for your {company} application",
                "Action needed - complete your EEO survey ({role})",
                "ACTION NEEDED: one more step for your application",
            ],
            """Hello {first},

Thank you for applying for the {role} role with {company}. We have received your application.

ACTION NEEDED: As a federal contractor, {company} invites all applicants to complete a short voluntary self-identification survey (gender, race/ethnicity, veteran status and disability). ((It takes about two minutes.|It should take less than five minutes.)) Completing the survey is optional, and declining to answer will not affect your application in any way. Your answers are kept separately from your application and are never seen by the hiring team.

Complete the survey: https://careers.{domain}/selfid/{code}

((We appreciate your interest in joining our team and wish you the best.|Thank you again for your interest in {company}. We wish you all the best with your application.))

{company} Talent Acquisition
"""
            + EEO_FOOTER,
            n=6,
            layout="both",
            style="card",
            sector="industry",
        ),
        Family(
            "wotc-survey-1",
            "acknowledgment",
            "{company} Hiring <hiring@{domain}>",
            [
                "Action Required: Work Opportunity Tax Credit questionnaire",
                "ACTION NEEDED: WOTC screening for {company}",
                "Please complete: tax credit survey for your application",
            ],
            """Hi {first},

Thanks for applying to {company} for the {role} position! Your application was received.

ACTION NEEDED: {company} participates in the Work Opportunity Tax Credit (WOTC) program. Please take a few minutes to complete the questionnaire at the link below. ((Participation is voluntary and your answers will not be used in any hiring decision.|Your answers have no bearing on whether you are selected.))

Start the questionnaire: https://wotc.{domain}/q/{code}

If you have questions, reply to this email. We appreciate your interest in {company} and wish you success in your search.

{company} HR""",
            n=5,
            layout="plain",
            sector="retail",
        ),
        Family(
            "uk-ack-if-you-dont-hear-1",
            "acknowledgment",
            "{company} Recruitment <recruitment@{domain}>",
            [
                "Regarding your application: {role}",
                "Application received: {role}",
                "Your application for {role} (ref {ref})",
                "Thank you for your application",
            ],
            """Dear {first},

Thank you for your application for the post of {role} (ref {ref}). We can confirm that it has been received and will be considered by the shortlisting panel after the closing date.

((Please note that, due to the volume of applications, we are unable to contact every applicant individually.|Because we receive a large number of applications, we are not able to reply to everyone.)) If you have not heard from us within {weeks} weeks of the closing date, please assume that your application has not been successful on this occasion.

We appreciate the time you have taken to apply and wish you every success.

Kind regards,
HR Team
{company}""",
            n=7,
            layout="both",
            style="outlook",
            locale="uk",
            sector="public",
        ),
        Family(
            "lever-ack-warm-1",
            "acknowledgment",
            "{company} <no-reply@hire.lever.co>",
            [
                "Thanks for applying to {company}!",
                "{company} - application received",
                "We got your application!",
            ],
            """Hey {first},

Thanks so much for applying for the {role} role at {company} — we're excited you're interested in what we're building.

((Our team reads every application, and we'll be in touch either way once we've had a chance to review yours.|A real person on our team will read your application, usually within a week or two.)) ((In the meantime, keep an eye on your inbox (and maybe your spam folder).|In the meantime, we encourage you to keep an eye on our blog for what the team is working on.))

We appreciate you taking the time, and best of luck with your search in the meantime!

Cheers,
The {company} team

Sent with Lever""",
            n=6,
            layout="both",
            sector="tech",
        ),
        Family(
            "talent-community-welcome-1",
            "acknowledgment",
            "{company} Talent Community <talent@{domain}>",
            [
                "Welcome to the {company} Talent Community",
                "You're in our talent community — and your application is in",
                "Thanks for applying, {first}",
            ],
            """Hi {first},

Thank you for applying for {role}. Your application is in, and you have also been added to the {company} Talent Community.

What does that mean? We will keep your profile on file, and you'll hear from us about future opportunities that match your skills and interests — even after this role is filled. We encourage you to keep your profile up to date; you can change your preferences or leave the community at any time.

Our recruiters are reviewing applications for {role} now. If your experience is a match, we will reach out to schedule a conversation.

((We're glad you're interested in a career with us and we wish you all the best.|Thanks again for your interest in {company} — we hope to stay in touch.))

{company} Talent Acquisition""",
            n=6,
            layout="html",
            style="banner",
            sector="health",
        ),
        Family(
            "naukri-style-ack-in-1",
            "acknowledgment",
            "{company} HR <hr@{domain}>",
            [
                "Application received - {role} - {company}",
                "Greetings from {company} | Your application for {role}",
                "Thank you for applying to {company}",
            ],
            """Dear {first},

Greetings from {company}!

Thank you for your interest in the position of {role} at our {city} office. We have received your application and our HR team will carefully review your profile.

((Kindly note that only shortlisted candidates will be contacted for the next round.|Please note that only shortlisted candidates will be contacted.)) We request you to keep an eye on your mailbox and phone for further communication.

We appreciate your interest in our organisation and wish you all the best.

Warm regards,
Talent Acquisition Team
{company}""",
            n=6,
            layout="plain",
            locale="in",
            sector="tech",
        ),
        Family(
            "seek-style-ack-au-1",
            "acknowledgment",
            "{company} <applications@{domain}>",
            [
                "Thanks for your application - {role}",
                "Application received: {role}",
                "Your application for {role}",
            ],
            """Hi {first},

Thanks for applying for the {role} role with {company}. We've received your application and our hiring team is going through everything now.

((We'll be in touch if you're shortlisted. As we receive a high volume of applications, only shortlisted applicants will be contacted.|If your application progresses, we'll give you a call to have a chat. We appreciate that waiting isn't fun and we'll try to move quickly.))

Thanks again for your interest in joining the team — all the best!

Cheers,
{rfirst}
{company}""",
            n=6,
            layout="both",
            style="minimal",
            locale="au",
            sector="hospitality",
        ),
        Family(
            "career-site-completed-1",
            "acknowledgment",
            "{company} Careers <no-reply@careers.{domain}>",
            [
                "Thanks for completing your application",
                "You've completed your application for {role}",
                "Application complete - {company}",
            ],
            """{company}

Thanks for completing your application, {first}!

Position: {role}
Requisition: {ref}
Submitted: {sent_date}

You'll be able to track where your application is in our process from your candidate dashboard, and we encourage you to set up job alerts there too. ((We carefully review every application we receive and|Our recruiters carefully review each application and)) will contact you if there is a match.

Thank you for your interest in a career at {company}. We wish you luck!

Please do not reply to this message; this mailbox is not monitored.""",
            n=6,
            layout="html",
            style="banner",
            sector="retail",
        ),
        Family(
            "jobboard-application-sent-1",
            "acknowledgment",
            "Indeed Apply <indeedapply@indeed.com>",
            [
                "Application submitted: {role}",
                "Your application to {company} has been submitted",
                "Indeed Application: {role}",
            ],
            """Your application has been submitted

{role}
{company} - {city}

The following items were sent to {company}:
• Resume
• Application questions

Good luck with your job search! You can keep track of your application in My jobs.

Next steps
Employers typically review applications within {days} days. If they're interested, they'll reach out to you directly.

Find jobs  •  Help  •  Unsubscribe
© 2025 Indeed""",
            n=6,
            layout="html",
            style="card",
            company=True,
            is_list=False,
            sector="industry",
        ),
        Family(
            "agency-registered-1",
            "acknowledgment",
            "{rfull} <{rmail}>",
            [
                "Following up - {role}",
                "Your application via {company}",
                "Re: {role} application",
                "Thanks for registering with {company}",
            ],
            """Hi {first},

Thanks for applying for the {role} vacancy through {company}. I'm the consultant looking after this role, and I've received your CV.

I'll be speaking to the client about the shortlist later this week. If I think you're a strong match I'll give you a ring to talk it through before I submit anything — I never send your CV anywhere without your say-so.

In the meantime we'll keep your details on file, so if anything similar comes in I'll be in touch about future roles too. ((Appreciate you taking the time to apply|Thanks for taking the time to apply)), and good luck with the search!

Best,
{rfull}
Senior Consultant | {company}""",
            n=6,
            layout="both",
            style="outlook",
            locale="uk",
            sector="media",
        ),
        Family(
            "status-in-review-1",
            "acknowledgment",
            "{company} Recruiting <notifications@{domain}>",
            [
                "Application update - {role}",
                "Status update: In review",
                "Application status update: In review",
                "Your {company} application is being reviewed",
                "Status change: {role}",
            ],
            """Hi {first},

There's an update on your application for {role}.

Previous status: Received
New status: In review

This means a recruiter is looking at your application now. No decision has been made yet, and there's nothing you need to do. We'll let you know as soon as there is news.

Thanks for your patience and for your interest in {company}.

{company} Recruiting""",
            n=5,
            layout="both",
            sector="finance",
        ),
        Family(
            "delay-still-reviewing-1",
            "acknowledgment",
            "{rfull} <{rmail}>",
            [
                "Following up on your application",
                "Regarding the {role} role",
                "Update on your application",
                "Re: {role} - timing",
                "Still reviewing - {role}",
            ],
            """Hi {first},

I wanted to let you know where things stand, since it has been a while since you applied for the {role} role.

((We had a much larger response than we expected|We received far more applications than expected)), and the hiring manager has been away, so we haven't finished the first review yet. I'm sorry for the wait. No decisions have been made, and your application is still very much in consideration.

I expect to be back in touch by the end of next week. I appreciate your patience, and thank you for your continued interest in {company}.

Best wishes,
{rfirst}
{company}""",
            n=5,
            layout="plain",
            sector="nonprofit",
        ),
        Family(
            "univ-ack-selection-panel-1",
            "acknowledgment",
            "{company} HR Services <jobs@{domain}>",
            [
                "Update: your application for {role}",
                "Application acknowledgement: {role}",
                "{company}: application received ({ref})",
                "Your application to {company}",
            ],
            """Dear {full},

Thank you for applying for the position of {role} (vacancy {ref}).

Your application has been received and will be passed to the selection panel after the closing date. The panel will carefully consider all applications against the essential and desirable criteria in the person specification.

((Shortlisted candidates will normally be contacted within three weeks of the closing date. If you have not been contacted by then, you may assume you have not been shortlisted on this occasion.|We aim to contact shortlisted candidates within four weeks of the closing date; we regret that we cannot reply to every applicant.))

Thank you for your interest in working at {company}. We wish you every success.

HR Services
{company}""",
            n=6,
            layout="html",
            style="outlook",
            locale="uk",
            sector="education",
        ),
        Family(
            "ack-no-feedback-unfortunately-1",
            "acknowledgment",
            "{company} Jobs <jobs@{domain}>",
            [
                "We have your application - {role}",
                "Application received for {role}",
                "{company} - thanks for applying",
            ],
            """Dear {first},

Thank you for applying for the {role} vacancy at {company}. We received your application on {sent_date}.

Unfortunately, due to the number of applications we receive, we are unable to provide individual feedback at the application stage. ((If you are invited to interview, we will be happy to give feedback after that stage.|We hope you understand.))

The closing date for this vacancy is {deadline}. Interviews are expected to take place in the two weeks that follow.

With thanks for your interest,
The Recruitment Team""",
            n=5,
            layout="plain",
            locale="uk",
            sector="nonprofit",
        ),
        Family(
            "ack-we-will-reply-either-way-1",
            "acknowledgment",
            "{rfull} <{rmail}>",
            ["Thanks for applying, {first}", "Got it - {role}", "Your application for {role}"],
            """Hi {first},

Thanks for applying for the {role} role — I've got your application and portfolio.

I'm the hiring manager, and I read every application myself, so it can take me a little while. I promise to get back to you either way, with a yes or a no, ((within about two weeks|before the end of the month)). ((I know how annoying it is to apply somewhere and hear nothing.|Silence after applying is the worst, and I won't do that to you.))

Appreciate your interest in {company}. Talk soon,
{rfirst}""",
            n=5,
            layout="plain",
            sector="media",
        ),
        Family(
            "ack-closing-date-review-1",
            "acknowledgment",
            "{company} <careers@{domain}>",
            [
                "Thank you for your interest in {company}",
                "Received: your application for {role}",
                "Your {company} application",
            ],
            """Dear {first},

Thank you for your interest in the {role} opportunity at {company}.

This is to confirm we have received your application. We will begin reviewing applications once the posting closes on {deadline}, and we carefully consider every application against the qualifications for the role.

If you are selected to move on to the next stage, a member of our team will contact you by email. Please keep your contact details up to date in your candidate profile.

We wish you the best, and thank you for considering {company} as your next employer.

Human Resources
{company}

"""
            + EEO_FOOTER,
            n=6,
            layout="both",
            style="banner",
            sector="health",
        ),
        Family(
            "smartrecruiters-ack-1",
            "acknowledgment",
            "{company} <noreply@smartrecruiters.com>",
            [
                "Your application for {role} at {company}",
                "Thanks for applying to {company}",
                "Application confirmation",
            ],
            """Hi {first},

Thanks for taking the time to apply for the {role} position at {company}. We've received your application and it's now with our hiring team.

((If your experience looks like a good fit, we'll reach out to you to talk about next steps.|We'll review your profile and contact you if we'd like to learn more.)) Meanwhile, we encourage you to explore other openings on our careers page that might interest you.

Best of luck,
{company} Hiring Team

Powered by SmartRecruiters""",
            n=5,
            layout="html",
            style="card",
            sector="hospitality",
        ),
        Family(
            "ack-referral-received-1",
            "acknowledgment",
            "{company} Referrals <referrals@{domain}>",
            [
                "You've been referred to {company}",
                "{rfirst} referred you for {role}",
                "Referral received: {role}",
            ],
            """Hi {first},

Good news: {rfull} has referred you for the {role} role at {company}, and your application is now in our system.

Referred candidates are reviewed with the same care as everyone else, and a recruiter will be in touch if your background is a good match. We appreciate your interest, and we wish you the best of luck.

Please complete your profile so we have your latest résumé on file: https://jobs.{domain}/referral/{code}

{company} Recruiting""",
            n=5,
            layout="both",
            sector="tech",
        ),
        Family(
            "ack-volume-may-not-reply-us-1",
            "acknowledgment",
            "{company} Human Resources <hr@{domain}>",
            ["Thank you for your application", "Application Received - {role}", "{role}: thank you"],
            """Dear Applicant,

Thank you for your interest in employment with {company}. We have received your application for the position of {role}.

Applications are screened against the minimum qualifications listed in the job posting. Due to the high volume of applications, only candidates selected for interviews will be contacted. ((If you are not contacted, your application will remain on file for twelve months and may be considered for future openings.|Applications remain on file for six months for similar future vacancies.))

We appreciate your interest and wish you success in your job search.

{company}
Human Resources Department""",
            n=6,
            layout="plain",
            sector="public",
        ),
        Family(
            "ack-speculative-cv-thanks-1",
            "acknowledgment",
            "{rfull} <{rmail}>",
            ["Re: application - {role}", "Re: {role}", "Re: CV for {role}"],
            """Hi {first},

Thanks for sending your CV over for the {role} job, really appreciate it. I've passed it on to {company}'s ops manager and we're going through everyone this week.

((We'll give you a bell if we want to bring you in.|If it's a fit we'll be in touch to set up a chat.)) Best of luck in the meantime!

{rfirst}""",
            n=5,
            layout="plain",
            locale="au",
            sector="industry",
            quote="""On {sent_date}, {full} <{email}> wrote:
> Hi there, please find attached my CV for the {role} position advertised. I'm available to start immediately. Thanks, {first}""",
        ),
        Family(
            "ack-hiring-freeze-faq-not-decided-1",
            "acknowledgment",
            "{company} Careers <careers@{domain}>",
            [
                "Your application status",
                "Your application is with us",
                "We received your application for {role}",
                "{company}: application update",
            ],
            """Hello {first},

Thank you for applying for {role}. We received your application and it is in the queue for review.

A few answers to questions we often get:
• Will I hear back? Yes — we reply to every applicant once a decision has been made.
• How long does it take? Usually {weeks} weeks from the closing date.
• Can I apply for other roles? Of course. Applying for one role does not affect any other.

We appreciate your interest in {company} and the time you took to apply.

{company} People Team""",
            n=5,
            layout="html",
            style="card",
            sector="nonprofit",
        ),
        Family(
            "ack-teamtailor-1",
            "acknowledgment",
            "{company} <no-reply@teamtailor-mail.com>",
            ["Thanks for your application, {first}!", "Application received: {role}", "{company} x {first}"],
            """Hi {first}!

Thanks for your application for {role} at {company} — we're really glad you're interested in joining us.

We've received your application and will get back to you as soon as we've had time to go through it. ((It usually takes us about two weeks.|We try to answer within ten working days.))

In the meantime, why not get to know us a bit better on our career site?

All the best,
{rfull}
{company}""",
            n=5,
            layout="html",
            style="minimal",
            locale="uk",
            sector="media",
        ),
    ]
