"""More acknowledgments: the wording of the nicest rejections, without a decision."""

from __future__ import annotations

from engine import Family


def families() -> list[Family]:
    return [
        Family(
            "ack-encourage-explore-1",
            "acknowledgment",
            "{company} Talent <talent@{domain}>",
            [
                "Thanks for applying - {role}",
                "{company} has your application",
                "Application confirmation: {role}",
            ],
            """Hi {first},

Thank you for applying for {role}. We appreciate your interest in {company}, and we're glad you found us.

Our recruiters are reviewing applications now. We encourage you to explore our other openings while you wait — you're welcome to apply for more than one role, and each application is reviewed on its own merits.

We'll stay in touch by email as your application moves along. ((Best of luck!|All the best,))
{company} Talent Team""",
            n=7,
            layout="html",
            style="card",
            sector="retail",
        ),
        Family(
            "ack-talent-pool-au-1",
            "acknowledgment",
            "{company} Careers <careers@{domain}>",
            [
                "You're in our talent pool (and your application is in)",
                "Application received: {role}",
                "Thanks for your application, {first}",
            ],
            """Hi {first},

Thanks for applying for {role} with {company}! Your application is with our hiring team.

We've also added you to our talent pool. That means we'll keep your resume on file and let you know about future opportunities that suit your experience — you can opt out at any time.

We'll be in touch about this role soon. Appreciate you taking the time to apply, and all the best!

{company} Talent Acquisition""",
            n=6,
            layout="both",
            style="minimal",
            locale="au",
            sector="health",
        ),
        Family(
            "ack-human-recruiter-stay-in-touch-1",
            "acknowledgment",
            "{rfull} <{rmail}>",
            [
                "Re: following up on my application",
                "Re: {role}",
                "Thanks for your note - {role}",
                "Re: application for {role}",
            ],
            """Hi {first},

Thanks for reaching out, and for applying for the {role} position. I've found your application and flagged it for the hiring manager, who is reviewing the first batch this week.

I can't promise a timeline yet, but I'll stay in touch and let you know as soon as there's news. I really appreciate your interest in {company}.

Best,
{rfull}
Recruiter, {company}""",
            n=6,
            layout="plain",
            sector="finance",
            quote="""On {sent_date}, {full} <{email}> wrote:
> Hi {rfirst}, I applied for the {role} role last week and wanted to say how excited I am about it. Happy to share anything else you need. Best, {first}""",
        ),
        Family(
            "ack-future-openings-generic-1",
            "acknowledgment",
            "{company} Jobs <jobs@{domain}>",
            [
                "Application update",
                "We received your application",
                "{role} application - confirmation",
                "Thank you for your interest in {company}",
            ],
            """Dear {first},

Thank you for your interest in {company}. We received your application for {role} and it is now being reviewed.

If your experience is a good match, our team will contact you to arrange a conversation. Either way, your profile will stay on file, and we may get in touch about future openings that fit your skills. We appreciate the time you spent on your application and wish you all the best.

{company} Recruitment""",
            n=7,
            layout="html",
            style="banner",
            sector="industry",
        ),
        Family(
            "ack-in-profile-under-review-1",
            "acknowledgment",
            "{company} Careers <careers@{domain}>",
            [
                "Application successfully submitted - {role}",
                "{company} | Application ID {ref}",
                "Thank you for applying at {company}",
            ],
            """Dear {first},

Thank you for applying for the {role} role at {company}. Your application ID is {ref}.

Your profile is under review by our recruitment team. If your profile matches our requirements, we will contact you for the next steps. We appreciate your interest and encourage you to keep your profile updated on our careers portal for future opportunities.

Best wishes,
Team {company}""",
            n=6,
            layout="both",
            style="banner",
            locale="in",
            sector="finance",
        ),
        Family(
            "ack-thank-you-for-completing-uk-1",
            "acknowledgment",
            "{company} Careers <no-reply@{domain}>",
            [
                "Thanks for completing your application",
                "Application submitted: {role}",
                "We've got your application",
            ],
            """Hi {first},

Thanks for completing your application for {role} — we know applications take time, and we appreciate it.

What happens next: our team will review applications after the advert closes on {deadline}. We aim to let everyone know the outcome, but if you don't hear from us within {weeks} weeks, it's likely we won't be taking your application further this time.

Good luck, and thank you for your interest in {company}.

The {company} Recruitment Team""",
            n=6,
            layout="html",
            style="card",
            locale="uk",
            sector="retail",
        ),
        Family(
            "ack-under-consideration-human-1",
            "acknowledgment",
            "{rfull} <{rmail}>",
            [
                "Following up - {role}",
                "Regarding your application",
                "Quick update on {role}",
                "{role} - where things stand",
                "Update from {company}",
            ],
            """Hi {first},

Just a quick note so you're not left wondering: your application for the {role} role is still under consideration. We've been slower than I'd like because of the holidays, and the panel meets on {date}.

I appreciate your patience, and I'll stay in touch either way. Thank you for your interest in {company}.

Warm regards,
{rfull}""",
            n=6,
            layout="plain",
            locale="uk",
            sector="nonprofit",
        ),
        Family(
            "ack-jobboard-seek-sent-1",
            "acknowledgment",
            "SEEK <noreply@seek.com.au>",
            ["Your application was sent to {company}", "Application sent: {role}", "You applied for {role}"],
            """Your application was successfully sent

{role}
{company} · {city}

What happens next?
The employer will review your application. If they'd like to progress, they'll contact you directly. You can track this application in your SEEK profile.

We wish you all the best with your job search!

SEEK""",
            n=6,
            layout="html",
            style="card",
            locale="au",
            sector="hospitality",
        ),
        Family(
            "ack-linkedin-easy-apply-sent-1",
            "acknowledgment",
            "LinkedIn <jobs-noreply@linkedin.com>",
            [
                "Your application was sent to {company}",
                "{first}, your application was sent to {company}",
                "Application submitted for {role}",
            ],
            """Your application was sent to {company}

{role}
{company} · {city}
Applied on {sent_date}

Now, take these steps to stand out:
• Message the hiring team
• Keep your profile up to date

Best of luck with your job search!

You are receiving Job Application emails. Unsubscribe""",
            n=6,
            layout="html",
            style="card",
            sector="tech",
        ),
        Family(
            "ack-eeo-reminder-action-needed-2",
            "acknowledgment",
            "{company} Recruiting <recruiting@{domain}>",
            [
                "ACTION NEEDED: please complete your application",
                "Reminder: voluntary disclosures for {role}",
                "Action needed before we review your application",
            ],
            """Hi {first},

We received your application for {role}, thank you! Before our team can review it, please finish the last step:

ACTION NEEDED: answer the voluntary disclosures (veteran status, disability and demographic questions). You may choose "I do not wish to answer" for any question. Your answers are never used in hiring decisions.

Finish here: https://jobs.{domain}/apply/{code}/disclosures

We appreciate your interest in {company} and look forward to reviewing your application.

{company} Recruiting""",
            n=6,
            layout="both",
            style="banner",
            sector="health",
        ),
        Family(
            "ack-volume-delay-apology-1",
            "acknowledgment",
            "{company} Careers <careers@{domain}>",
            [
                "Update on the outcome timeline - {role}",
                "Status of your application",
                "Thank you for your patience",
                "An update on our timeline for {role}",
                "{role}: still reviewing",
            ],
            """Dear {first},

Thank you for applying for {role}. Unfortunately, our review is taking longer than planned: we received far more applications than we expected, and we want to give each one proper consideration.

No decisions have been made yet. We now expect to contact candidates by {deadline}. We're sorry for the wait and appreciate your patience and your interest in {company}.

Kind regards,
{company} Recruitment""",
            n=6,
            layout="plain",
            sector="education",
        ),
        Family(
            "ack-portal-status-received-1",
            "acknowledgment",
            "{company} <careers@{domain}>",
            [
                "Candidate status changed to Application Received",
                "Status: Application Received - {role}",
                "Your application status",
            ],
            """Hello {first},

Your application status has been updated.

Position: {role}
Status: Application Received

This means your application is complete and in our system. We carefully review every application, and a recruiter will contact you if your background matches the role. Thank you for your interest in {company}; we wish you the best.""",
            n=6,
            layout="html",
            style="banner",
            sector="finance",
        ),
    ]
