"""Mail whose subject says "update", "status", "outcome", "regarding", "following up" or "feedback" but whose
news is not a rejection: pending decisions after an interview, invitations and offers announced as an outcome,
surveys, document requests. Subjects alone must not tell the label either."""

from __future__ import annotations

from engine import Family


def families() -> list[Family]:
    return [
        Family(
            "pending-after-interview-ack-1",
            "acknowledgment",
            "{rfull} <{rmail}>",
            [
                "Following up on your interview",
                "Update on your interview for {role}",
                "Your interview - next steps",
                "Thank you for your time - {role}",
            ],
            """Hi {first},

Thank you for your time on {weekday} — it was a pleasure to meet you, and the panel appreciated how well prepared you were.

We're still interviewing this week, so we haven't made a decision yet. ((I expect to be back in touch by {deadline}.|We'll let everyone know the outcome by {deadline}.)) If anything changes on your side in the meantime, just let me know.

Thanks again for your interest in {company}. All the best,
{rfull}""",
            n=7,
            layout="both",
            style="outlook",
            sector="finance",
        ),
        Family(
            "pending-after-interview-ack-uk-1",
            "acknowledgment",
            "{company} Recruitment <recruitment@{domain}>",
            [
                "Interview update - {role}",
                "Regarding your interview for {role}",
                "{role}: update following interviews",
            ],
            """Dear {first},

Thank you for attending interview for the post of {role}. We appreciate the time you gave us and the effort you put into your presentation.

We are writing to let you know that the panel's decision has been delayed, as one of the panel members is unwell. We expect to contact all candidates with the outcome within the next two weeks. We're sorry for the wait.

Kind regards,
Recruitment Team
{company}""",
            n=6,
            layout="plain",
            locale="uk",
            sector="education",
        ),
        Family(
            "pending-shortlist-status-ack-1",
            "acknowledgment",
            "{company} Careers <no-reply@{domain}>",
            ["Application status: Under review", "Status update: {role}", "Your application status - {role}"],
            """Hi {first},

An update on your application for {role}:

Current status: Under review
Last updated: {sent_date}

Your application has passed our initial screening and is now with the hiring manager. There's nothing you need to do. We'll be in touch with the outcome. Thank you for your patience and for your interest in {company}.

{company} Careers""",
            n=6,
            layout="html",
            style="banner",
            sector="health",
        ),
        Family(
            "documents-request-ack-1",
            "acknowledgment",
            "{rfull} <{rmail}>",
            [
                "Regarding your application - {role}",
                "Your application: a missing document",
                "Regarding your application",
            ],
            """Dear {first},

Thank you for your application for the {role} position. We received it on {sent_date}.

Before we can pass it to the shortlisting panel, we need a copy of your ((professional registration certificate|driving licence|degree certificate)). Could you reply with it by {deadline}? Your application will then be reviewed with all the others.

We appreciate your interest in {company}.

Kind regards,
{rfull}
HR Assistant, {company}""",
            n=6,
            layout="plain",
            locale="au",
            sector="health",
        ),
        Family(
            "feedback-survey-other-1",
            "other",
            "{company} Talent <feedback@{domain}>",
            [
                "Feedback on your application experience",
                "We'd love your feedback",
                "Feedback on your interview experience",
                "Your feedback matters to us",
            ],
            """Hi {first},

Thank you for taking the time to interview with us. Whatever happens next, we'd really appreciate your feedback on how the process felt: was it clear, respectful, and a good use of your time?

The survey takes two minutes and is anonymous; the hiring team never sees individual answers, and it has no bearing on any decision.

Share your feedback: https://feedback.{domain}/{code}

Thank you,
{company} Talent Team""",
            n=6,
            layout="html",
            style="card",
            sector="tech",
        ),
        Family(
            "feedback-report-practice-other-1",
            "other",
            "{platform} <reports@{pslug}.io>",
            [
                "Your feedback report is ready",
                "Feedback report: situational judgement practice",
                "Your personal feedback",
            ],
            """Hi {first},

Your feedback report from the practice questionnaire is ready. It describes your preferred working style and a few areas to think about before a real assessment.

Remember: this practice questionnaire is not shared with employers and is not part of any application.

Download your report: https://{pslug}.io/r/{code}

All the best,
{platform}""",
            n=5,
            layout="html",
            style="banner",
            is_list=True,
            company=False,
            role=False,
        ),
        Family(
            "outcome-invited-interview-1",
            "interview",
            "{company} Recruitment <recruitment@{domain}>",
            [
                "Application outcome: {role}",
                "Outcome of shortlisting - {role}",
                "Your application for {role} - outcome",
            ],
            """Dear {first},

Thank you for your application for the post of {role}. The shortlisting panel has now met, and [[I am pleased to let you know that you have been shortlisted and are invited to interview on {date} at {time}.]]

Please confirm by {deadline} whether you can attend.

Kind regards,
{rfull}
Recruitment Officer""",
            n=6,
            layout="both",
            style="outlook",
            locale="uk",
            sector="public",
        ),
        Family(
            "outcome-offer-interview-result-1",
            "offer",
            "{rfull} <{rmail}>",
            [
                "Interview outcome - {role}",
                "Outcome of your interview",
                "Regarding your interview for {role}",
            ],
            """Dear {first},

Thank you for attending interview on {sent_date}. [[I am delighted to tell you that the panel would like to offer you the post of {role}.]]

I will call you tomorrow to talk through the terms and a start date. Congratulations!

Kind regards,
{rfull}
{company}""",
            n=6,
            layout="plain",
            locale="uk",
            sector="health",
        ),
        Family(
            "status-update-next-round-interview-1",
            "interview",
            "{company} Careers <notifications@{domain}>",
            ["Status update: {role}", "Your application has been updated", "Application update - {role}"],
            """Hi {first},

Good news — your application for {role} has moved forward.

[[New status: Invited to interview]]

A recruiter will email you shortly with times for a {minutes}-minute video interview. Thank you for your interest in {company}.""",
            n=6,
            layout="html",
            style="banner",
            sector="retail",
        ),
        Family(
            "following-up-outreach-other-1",
            "other",
            "{rfull} <{rmail}>",
            ["Following up", "Following up on my last note", "Regarding my message last week"],
            """Hi {first},

Following up on my note from last week about the {role} opening I'm recruiting for. I know inboxes get busy! If now isn't the right time, no problem at all — I'd appreciate a quick yes or no so I know whether to keep you in mind for future roles.

Best,
{rfull}
{company} Search Partners""",
            n=6,
            layout="plain",
            sector="industry",
            company=False,
        ),
        Family(
            "ats-withdrawn-by-candidate-other-1",
            "other",
            "{company} Careers <notifications@{domain}>",
            ["Status update: {role}", "Your application status has changed", "Application update - {role}"],
            """Hello {first},

The status of your application has been updated.

Position: {role}
New status: Withdrawn (by candidate)

You withdrew this application on {sent_date}. If this was a mistake, contact us and we'll reopen it. We appreciate your interest in {company} and wish you all the best.""",
            n=6,
            layout="html",
            style="banner",
            sector="finance",
        ),
        Family(
            "regarding-interest-confirm-ack-1",
            "acknowledgment",
            "{rfull} <{rmail}>",
            [
                "Regarding your application",
                "Re: your application for {role}",
                "Quick question about your application",
            ],
            """Hi {first},

Thanks for applying for {role}. Before we go further, could you confirm two things: your notice period, and whether you'd be comfortable working from our {city} office three days a week?

No decision has been made yet — I just want to make sure the basics work for you before the hiring manager reviews the shortlist. Appreciate it!

{rfull}
{company}""",
            n=6,
            layout="plain",
            locale="in",
            sector="tech",
        ),
        Family(
            "news-for-applicants-other-1",
            "other",
            "{company} Careers <news@{domain}>",
            [
                "News for applicants: our new careers site",
                "An update for everyone who applied to {company}",
                "Important update about your candidate account",
            ],
            """Hi {first},

We've moved to a new careers site. Your existing applications and their status have moved across automatically — nothing has changed, and no applications have been closed.

You'll need to set a new password the next time you sign in. We appreciate your patience while we make the switch.

{company} Talent Acquisition""",
            n=5,
            layout="both",
            style="banner",
            sector="retail",
            role=False,
        ),
    ]
