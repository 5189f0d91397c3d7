"""Rejections as courteous as acknowledgments: the decision is one sentence, often in unusual words."""

from __future__ import annotations

from engine import Family


def families() -> list[Family]:
    return [
        Family(
            "ats-warm-rej-greenhouse-1",
            "rejection",
            "{company} <no-reply@us.greenhouse-mail.io>",
            [
                "Your application to {company}",
                "Thank you for your interest in {company}",
                "{company}: {role}",
            ],
            """Hi {first},

Thank you for your interest in {company} and for taking the time to apply for the {role} role. We received ((a lot of|a record number of|many)) strong applications, and we appreciate the care you put into yours.

[[((After careful review|Having reviewed your application carefully)), we've decided not to move forward with your candidacy for this position.]]

((We'd love to keep your résumé on file, and we encourage you to apply for future openings that match your experience.|Please keep an eye on our careers page — new roles open often.)) We wish you the best of luck in your search.

((Best|Warmly|Kind regards)),
The {company} Recruiting Team""",
            n=8,
            layout="both",
            sector="tech",
        ),
        Family(
            "position-filled-plain-1",
            "rejection",
            "{rfull} <{rmail}>",
            ["{role} - update", "Re: {role} position", "Your application: {role}"],
            """Dear {first},

Thank you for applying for the {role} position with {company}, and for your patience while we worked through applications.

[[((I wanted to let you know that|I'm writing to let you know that|Just a note to say)) the {role} position has now been filled.]] ((We received over {napps} applications, and the standard was very high.|It was a competitive field.))

We appreciate your interest and the time you took to apply. ((We will keep your details on file and may contact you if a similar role opens.|We wish you all the best in your search.))

Kind regards,
{rfull}
{company}""",
            n=8,
            layout="plain",
            sector="industry",
        ),
        Family(
            "requisition-closed-ats-1",
            "rejection",
            "{company} Talent Acquisition <donotreply@{domain}>",
            [
                "Update regarding requisition {ref}",
                "{company} | {role} ({ref})",
                "Requisition {ref} closed",
            ],
            """Dear {full},

Thank you for your interest in the {role} opening (requisition {ref}) at {company}.

[[Please be advised that requisition {ref} has been ((closed|cancelled)) and we are no longer considering applicants for this position.]] This decision was made for business reasons and is not a reflection of your qualifications.

We encourage you to continue to review our career site for future opportunities, and we appreciate the time you invested in applying.

Sincerely,
Talent Acquisition
{company}""",
            n=7,
            layout="html",
            style="banner",
            sector="finance",
        ),
        Family(
            "role-on-hold-human-1",
            "rejection",
            "{rfull} <{rmail}>",
            ["An update on the {role} role", "{role} - some news", "Re: next steps for {role}"],
            """Hi {first},

I wish I had better news. [[We've had to put the {role} role on hold ((indefinitely|until at least next year|for the rest of this financial year)), so we're closing the process for everyone, including you.]] ((Our budget for new hires was cut this week.|The team's plans changed after a reorganisation.))

This has nothing to do with you — the team enjoyed your interview and I really appreciate the time you gave us. If the role reopens, I'll reach out to you first.

All the best,
{rfirst}""",
            n=7,
            layout="plain",
            sector="tech",
        ),
        Family(
            "uk-not-progressing-1",
            "rejection",
            "{company} Recruitment <recruitment@{domain}>",
            ["Your application for {role}", "{role} - application update", "Application outcome: {role}"],
            """Dear {first},

Thank you for your application for the role of {role} at {company}. We received your application on {sent_date} and have now had the opportunity to review it carefully.

[[((I'm sorry to let you know that|I regret to inform you that|Unfortunately,)) we will not be progressing your application on this occasion.]] ((The standard of applications was very high.|We had a strong response to this vacancy.))

We appreciate your interest in {company} and wish you every success in your job search.

Kind regards,
Recruitment Team
{company}""",
            n=8,
            layout="both",
            style="outlook",
            locale="uk",
            sector="public",
        ),
        Family(
            "au-unsuccessful-occasion-1",
            "rejection",
            "{company} Careers <careers@{domain}>",
            ["Your application for {role}", "{role} application", "{company} - {role}"],
            """Hi {first},

Thanks for your interest in the {role} position with {company}, and for taking the time to put your application together.

We received a high volume of applications for this role. [[After careful consideration, your application has been unsuccessful on this occasion.]]

We'll keep your details on file for six months and may be in touch about future opportunities. We wish you all the best in your search.

Kind regards,
{rfull}
Talent Acquisition | {company}""",
            n=7,
            layout="html",
            style="card",
            locale="au",
            sector="health",
        ),
        Family(
            "another-candidate-accepted-1",
            "rejection",
            "{rfull} <{rmail}>",
            ["Thank you - {role}", "{role} interview - outcome", "Re: {role}"],
            """Dear {first},

Thank you again for coming in to meet us on {sent_date}. We really enjoyed hearing about your experience, and I appreciate the effort you put into preparing.

[[((We have now offered the position to another candidate, who has accepted.|The role has been offered to, and accepted by, another candidate.|We offered the role to another applicant this week and they have accepted.))]] It was a close decision.

((I'd be happy to share some feedback if that would be useful — just reply to this email.|Please do keep an eye on our vacancies; I would be glad to see your name again.))

With best wishes,
{rfull}
{company}""",
            n=8,
            layout="both",
            style="outlook",
            locale="uk",
            sector="education",
        ),
        Family(
            "indeed-relay-not-move-forward-1",
            "rejection",
            "Indeed <noreply@indeed.com>",
            [
                "An update on your application to {company}",
                "{role} at {company}",
                "{company} reviewed your application",
            ],
            """An update on your application

{role}
{company} - {city}

[[{company} has decided not to move forward with your application.]]

Don't be discouraged — here are jobs similar to the one you applied for:
{role} - {city} - Easily apply
Senior {role} - Remote

Good luck with your job search!
Indeed""",
            n=8,
            layout="html",
            style="card",
            sector="retail",
        ),
        Family(
            "linkedin-relay-not-moving-1",
            "rejection",
            "LinkedIn <jobs-noreply@linkedin.com>",
            [
                "Your application to {role} at {company}",
                "Update from {company} on your application",
                "{company} has made a decision",
            ],
            """Your update from {company}

{role} · {city}

[[Unfortunately, {company} has decided not to move forward with your application at this time.]]

Thank you for your interest in {company}. Keep going — there are {n} new jobs for {role} in your area.

See jobs
You are receiving Job Application emails. Unsubscribe · Help""",
            n=7,
            layout="html",
            style="card",
            sector="tech",
        ),
        Family(
            "failed-assessment-score-1",
            "rejection",
            "{company} Graduate Recruitment <graduates@{domain}>",
            [
                "Your online assessment result",
                "{company} Graduate Programme: your online tests",
                "Your assessment - {role}",
            ],
            """Dear {first},

Thank you for completing the online assessments for the {company} Graduate Programme.

[[((Unfortunately, your results did not meet the benchmark required to progress to the next stage of the process.|We are sorry to tell you that your score did not reach the threshold needed to continue in the process.))]] We set this benchmark across all applicants to keep the process fair.

We appreciate the time you spent, and you are welcome to apply again next year. We wish you the very best.

Graduate Recruitment Team
{company}""",
            n=7,
            layout="both",
            style="banner",
            locale="uk",
            sector="finance",
            role=False,
        ),
        Family(
            "coding-test-failed-relay-1",
            "rejection",
            "{company} Hiring <hiring@{domain}>",
            ["Your coding assessment for {role}", "{company} - test result", "Update after your online test"],
            """Hi {first},

Thanks for taking the coding assessment for the {role} role at {company}. We appreciate the time it took.

[[Your submission did not pass the minimum score for this role, so we won't be moving you to the interview stage.]] We know that's disappointing after putting in the effort.

((You can apply again after six months.|You're welcome to reapply in six months.)) Best of luck!

{company} Engineering Recruiting""",
            n=6,
            layout="plain",
            locale="in",
            sector="tech",
        ),
        Family(
            "ats-status-not-selected-1",
            "rejection",
            "{company} Careers <notifications@{domain}>",
            [
                "Candidate status changed: {role}",
                "Your application status has changed",
                "Status update for {role}",
            ],
            """Hello {first},

The status of your application has been updated.

Position: {role}
Requisition: {ref}
[[New status: ((Not selected|Not Selected - Position Filled|No longer under consideration))]]

Sign in to your candidate account to see all of your applications. Thank you for your interest in {company}.

This is an automated notification.""",
            n=7,
            layout="html",
            style="banner",
            sector="public",
        ),
        Family(
            "manager-terse-rej-1",
            "rejection",
            "{rfull} <{rmail}>",
            ["re: {role}", "quick update", "{role}"],
            """Hey {first} — [[((we went with someone else for the {role} role|we decided to go with another candidate for {role}|we're going a different direction on the {role} hire)).]] ((Really appreciated your time.|Thanks for the chats, genuinely.)) ((Let's stay in touch.|Good luck out there.))

{rfirst}""",
            n=7,
            layout="plain",
            sector="tech",
        ),
        Family(
            "india-not-shortlisted-1",
            "rejection",
            "{company} Talent Acquisition <careers@{domain}>",
            [
                "Your application - {role}",
                "Regarding your candidature for {role}",
                "{company} - {role}",
            ],
            """Dear {first},

Greetings from {company}!

Thank you for your interest in the {role} position and for taking the time to appear for the ((first round|technical round|telephonic discussion)).

[[We regret to inform you that your profile has not been shortlisted for the next round.]] We will keep your resume in our database and reach out if a suitable opening arises in future.

We wish you all the best in your career.

Regards,
Talent Acquisition Team
{company}""",
            n=7,
            layout="plain",
            locale="in",
            sector="industry",
        ),
        Family(
            "univ-panel-not-shortlisted-1",
            "rejection",
            "{company} Recruitment <recruitment@{domain}>",
            ["{role} (vacancy {ref})", "Your application: {role}", "Vacancy {ref}"],
            """Dear {full},

Thank you for your application for the post of {role} (vacancy {ref}).

The selection panel has now met and carefully considered all applications against the criteria in the person specification. [[I am sorry to tell you that the panel has decided not to invite you to interview.]]

We received {napps} applications for this post, and the panel asked me to thank you for the time and effort you put into yours. We wish you every success in the future.

Yours sincerely,
HR Services
{company}""",
            n=7,
            layout="html",
            style="outlook",
            locale="uk",
            sector="education",
        ),
        Family(
            "post-interview-warm-offer-other-1",
            "rejection",
            "{rfull} <{rmail}>",
            ["Following up on your interview", "{role} - our decision", "Thank you, {first}"],
            """Hi {first},

Thank you so much for the time you spent with us over the last few weeks. Everyone who met you enjoyed the conversations, and I really appreciate how much thought you put into the case study.

[[((After a lot of discussion, we've decided to offer the role to another candidate.|We've made the difficult decision to extend the offer to another candidate.|In the end, we decided to move ahead with a candidate whose experience is closer to what the team needs right now.))]]

I know this isn't the news you were hoping for. If it would help, I'm happy to get on a call and share the panel's feedback. ((We'd love to stay in touch for future roles.|I hope our paths cross again.))

Warmly,
{rfull}
{company}""",
            n=8,
            layout="both",
            sector="media",
        ),
        Family(
            "agency-client-declined-1",
            "rejection",
            "{rfull} <{rmail}>",
            ["Re: {role} with my client", "Heard back from the client - {role}", "{role}"],
            """Hi {first},

Thanks for your patience while I chased the client. [[I've heard back, and unfortunately they've decided not to take your application forward for the {role} role.]] Their feedback was that they're after someone with more ((sector|client-facing|people management)) experience.

I appreciate this is frustrating, especially after you tailored your CV. I'll keep your details on file and let you know about any similar roles that come in — I've got a couple of other clients who may be a better fit.

Speak soon,
{rfull}
{company}""",
            n=7,
            layout="plain",
            locale="uk",
            sector="media",
            company=False,
        ),
        Family(
            "hard-pos-onfile-rej-1",
            "rejection",
            "{company} Careers <no-reply@{domain}>",
            [
                "Thank you for applying to {company}",
                "Your {company} application",
                "{company}: thanks for applying",
            ],
            """Dear {first},

Thank you for applying for the {role} position at {company}. We received your application and have carefully reviewed your qualifications.

[[While we will not be moving forward with your application for this position, we were impressed by your background.]] We will keep your résumé on file for future openings and encourage you to join our talent community.

We appreciate your interest in {company} and wish you the best in your job search.

Sincerely,
{company} Talent Acquisition""",
            n=7,
            layout="html",
            style="banner",
            sector="health",
        ),
        Family(
            "hiring-freeze-rej-1",
            "rejection",
            "{company} People Team <people@{domain}>",
            [
                "About your application",
                "An important note about the {role} role",
                "{role}: hiring paused",
            ],
            """Dear {first},

We're writing to everyone currently in our process for {role}. [[Following a company-wide hiring freeze announced this week, the {role} position has been ((frozen|cancelled)) and we are closing all applications for it.]]

We're sorry — we know many of you invested real time in this process, and we appreciate it. If hiring resumes, we will contact you first rather than reposting the role.

With thanks,
The {company} People Team""",
            n=6,
            layout="both",
            style="card",
            sector="tech",
        ),
        Family(
            "vacancy-withdrawn-public-1",
            "rejection",
            "{company} HR <hr@{domain}>",
            ["Vacancy {ref}: {role}", "{role} - vacancy withdrawn", "Notification: vacancy {ref}"],
            """Dear Applicant,

Thank you for applying for the post of {role} (ref {ref}).

[[We are writing to let you know that this vacancy has been withdrawn and the post will not be filled at this time.]] This follows a review of the service's structure.

We apologise for any inconvenience and thank you for your interest in working for {company}.

Human Resources
{company}""",
            n=6,
            layout="plain",
            locale="uk",
            sector="public",
        ),
        Family(
            "min-quals-not-met-us-public-1",
            "rejection",
            "{company} <noreply@governmentjobs.com>",
            [
                "Application status: {role}",
                "{company}: {role} - Not Qualified",
                "Your application for {role}",
            ],
            """Dear {full},

Thank you for your interest in the {role} position with {company}.

We have reviewed your application and supplemental questions. [[Based on the information you provided, you do not meet the minimum qualifications for this position and will not be considered further in this recruitment.]]

If you believe this determination is in error, you may request a review within five business days. We encourage you to apply for other positions for which you qualify.

Human Resources Department
{company}""",
            n=6,
            layout="html",
            style="banner",
            sector="public",
        ),
        Family(
            "reply-to-followup-rej-1",
            "rejection",
            "{rfull} <{rmail}>",
            ["Re: checking in - {role}", "Re: {role} application", "Re: following up"],
            """Hi {first},

Thanks for following up, and sorry for the slow reply — it's been a hectic few weeks. [[((We've decided to go with another candidate for the {role} job|We ended up hiring someone internally for the {role} role|We've filled the {role} role with someone who'd worked with us before)), so I'm afraid it's a no this time.]]

Really appreciate your interest, and good luck with the search!

{rfirst}""",
            n=7,
            layout="plain",
            locale="au",
            sector="hospitality",
            quote="""On {sent_date}, {full} <{email}> wrote:
> Hi {rfirst}, just checking in on the {role} position — is there any update? Still very keen. Thanks, {first}""",
        ),
        Family(
            "workday-html-pursue-others-1",
            "rejection",
            "{company} <{cslug}@myworkday.com>",
            [
                "Regarding your application for {role}",
                "{company} Application Update",
                "Your application: {role} ({ref})",
            ],
            """Dear {first},

Thank you for your interest in {company} and for applying for the {role} position ({ref}).

We received many applications for this role. [[After reviewing your qualifications, we have decided to pursue other candidates whose experience more closely matches the requirements of the position.]]

We appreciate your interest in {company} and encourage you to apply for future openings that match your background. We wish you success in your job search.

Sincerely,
{company} Talent Acquisition""",
            n=7,
            layout="html",
            style="banner",
            sector="finance",
        ),
        Family(
            "sounds-like-ack-rej-1",
            "rejection",
            "{company} Recruiting <jobs@{domain}>",
            [
                "Application received and reviewed - {role}",
                "We received your application for {role}",
                "{role} - thanks for applying",
            ],
            """Hi {first},

Thanks for applying for {role} — we received your application on {sent_date}.

We read every application, and we want to be quick and clear rather than leave you waiting. [[Having reviewed yours, we won't be inviting you to interview for this role.]] ((We had a lot of applicants with direct experience of our tools.|The role needs a specific certification we didn't see in your application.))

Thank you for your interest in {company}; we appreciate the time you took, and we wish you the best of luck.

{company} Recruiting""",
            n=7,
            layout="both",
            sector="retail",
        ),
        Family(
            "feedback-included-rej-1",
            "rejection",
            "{rfull} <{rmail}>",
            ["Your interview on {sent_date}", "{role} interview", "Your interview for {role}"],
            """Dear {first},

Thank you for attending the interview for the {role} role on {sent_date}.

[[I'm sorry to let you know that you were not successful on this occasion.]] The panel wanted me to pass on some feedback: your answers on stakeholder management were strong and well evidenced, but the presentation ran over time and didn't address the budget question in the brief.

We appreciate your interest in {company}, and we'd encourage you to apply for future vacancies. I wish you all the best.

Kind regards,
{rfull}
HR Business Partner, {company}""",
            n=7,
            layout="plain",
            locale="uk",
            sector="nonprofit",
        ),
        Family(
            "verbal-then-written-rej-1",
            "rejection",
            "{rfull} <{rmail}>",
            ["Following our call", "As discussed - {role}", "{role} - confirming our conversation"],
            """Hi {first},

Thanks for taking my call earlier. As I mentioned, [[we won't be extending an offer for the {role} position]], and I wanted to put that in writing too.

You were one of the final two, and the decision came down to ((hands-on experience with our regulatory filings|availability to start before the end of the quarter|depth in the specific platform we use)). I really appreciate the time you gave us across four interviews.

Please stay in touch — I'd be glad to hear from you about future roles.

Best,
{rfull}
{company}""",
            n=7,
            layout="both",
            style="outlook",
            sector="health",
        ),
        Family(
            "internal-candidate-chosen-1",
            "rejection",
            "{company} HR <hr@{domain}>",
            ["{role}", "{role} recruitment", "Your application for {role}"],
            """Dear {first},

Thank you for your application for the {role} post, which we received on {sent_date}.

[[((We have appointed an internal candidate to the role|The role has been filled by an internal candidate|We have decided to fill this post internally)).]] We appreciate your interest, and the time you took to apply.

((We wish you every success.|All the best with your job search.))

HR Department
{company}""",
            n=6,
            layout="plain",
            locale="au",
            sector="education",
        ),
        Family(
            "grad-video-interview-unsuccessful-1",
            "rejection",
            "{company} Early Careers <earlycareers@{domain}>",
            ["Your video interview - outcome", "{company} Graduate Scheme update", "Video interview result"],
            """Hi {first},

Thanks for completing your video interview for the {company} Graduate Scheme — we know these take real preparation.

[[We're sorry to let you know that you haven't been selected to progress to the assessment centre this year.]] We had over {napps} applicants for a small number of places.

We'd love you to stay in touch: our talent community gets first news of future opportunities. Best of luck with your applications.

{company} Early Careers""",
            n=6,
            layout="html",
            style="banner",
            locale="uk",
            sector="finance",
            role=False,
        ),
        Family(
            "small-biz-filled-casual-1",
            "rejection",
            "{rfull} <{rgmail}>",
            ["re: the {role} job", "{role}", "thanks for applying!"],
            """Hi {first}! Thanks heaps for applying and for dropping in your CV. [[((We've already filled the spot|We've found someone for the role|Someone we know has taken the position)), sorry!]] ((Appreciate you thinking of us.|Hope something great comes up soon.)) ((We'll keep your number in case anything comes up.|All the best!))

{rfirst}""",
            n=6,
            layout="plain",
            locale="au",
            sector="hospitality",
            company=False,
        ),
        Family(
            "nonnative-english-rej-1",
            "rejection",
            "{rfull} <{rmail}>",
            [
                "Your application - {role}",
                "About your candidature for {role}",
                "{role} - answer to your application",
            ],
            """Dear {first},

thank you for your application and for the interest in our company.

We have received many applications for the position of {role}. [[((After evaluation we have decided for another candidate, whose profile fits better to the requirements.|We inform you that we have chosen other candidate for this position.|After the interviews we decided to continue with another applicant.))]]

We thank you for the time and we wish you the best for your future.

Kind regards
{rfull}
HR - {company}""",
            n=6,
            layout="plain",
            locale="uk",
            sector="industry",
        ),
        Family(
            "university-admin-post-rej-us-1",
            "rejection",
            "{company} Human Resources <hr-jobs@{domain}>",
            ["Your application to {company}", "{role} search - update", "Regarding the {role} search"],
            """Dear {first},

On behalf of the search committee, thank you for your interest in the {role} position at {company}.

The committee received more than {napps} applications, and it was a difficult process. [[I regret to inform you that you have not been selected as a finalist for the position.]]

We appreciate the time and effort you invested in your application, and we wish you well in your professional endeavors.

Sincerely,
Office of Human Resources
{company}""",
            n=6,
            layout="both",
            style="outlook",
            sector="education",
        ),
    ]
