"""More rejections: plain and courteous, in the unusual words real employers use."""

from __future__ import annotations

from engine import Family


def families() -> list[Family]:
    return [
        Family(
            "rej-no-longer-available-1",
            "rejection",
            "{company} Careers <careers@{domain}>",
            ["Your application for {role}", "{role} ({ref})", "{company}: {role}"],
            """Hello {first},

We received your application for {role} ({ref}) and wanted to give you an update.

[[The position you applied for is no longer available, and your application will not be considered further.]] ((The hiring team has closed this opening.|This opening was closed after a change in business needs.))

You can view other open roles at careers.{domain}.

{company} Recruiting""",
            n=7,
            layout="html",
            style="banner",
            sector="retail",
        ),
        Family(
            "rej-closed-without-hire-1",
            "rejection",
            "{rfull} <{rmail}>",
            ["{role} search", "Closing the {role} search", "News on the {role} role"],
            """Hi {first},

I'm writing to everyone we spoke to for the {role} position. [[We've decided to close the role without hiring, after our plans for next year changed.]]

That's frustrating after the time you put in, and I'm sorry. Thank you for being part of the process.

{rfull}
{company}""",
            n=6,
            layout="plain",
            sector="nonprofit",
        ),
        Family(
            "rej-after-assessment-centre-1",
            "rejection",
            "{company} Early Careers <earlycareers@{domain}>",
            [
                "Your assessment centre",
                "{company} assessment centre - result",
                "After the assessment centre",
            ],
            """Dear {first},

Thank you for attending our assessment centre on {sent_date}. We know it's a long day, and we appreciate the energy you brought to it.

[[We're sorry to tell you that you have not been successful at this stage, and we will not be offering you a place on the programme.]] Your feedback report is attached; many candidates tell us it helps.

With best wishes,
{company} Early Careers""",
            n=6,
            layout="both",
            style="banner",
            locale="uk",
            sector="finance",
            role=False,
        ),
        Family(
            "rej-plain-no-courtesy-ats-1",
            "rejection",
            "{company} <noreply@{domain}>",
            ["{role}: application status", "Application status: {role}", "{role} ({ref})"],
            """{first},

[[((Your application for {role} was not selected for further consideration.|We will not be proceeding with your application for {role}.|Your application for {role} has been declined.))]]

Requisition: {ref}

{company}""",
            n=7,
            layout="plain",
            sector="industry",
        ),
        Family(
            "rej-we-received-many-warm-1",
            "rejection",
            "{company} Hiring Team <hiring@{domain}>",
            ["Thanks for applying to {company}", "About your {role} application", "{company} - {role}"],
            """Hi {first},

We received more than {napps} applications for the {role} role, and yours was one we spent real time on — thank you.

[[((We've now chosen the candidates we'll be interviewing, and unfortunately you're not among them this time.|We've filled our interview slots, and we won't be taking your application further.))]]

We know a standard email can feel cold, so: your application was read by a person, and we're grateful you thought of us.

The {company} team""",
            n=7,
            layout="both",
            style="minimal",
            sector="media",
        ),
        Family(
            "rej-interview-cancelled-filled-1",
            "rejection",
            "{rfull} <{rmail}>",
            ["Re: interview on {weekday}", "Change of plan - {role}", "Cancelling {weekday}'s interview"],
            """Hi {first},

I'm sorry to do this at short notice. [[We need to cancel your interview on {weekday}, because the {role} position has been filled by a candidate further along in the process.]]

I know you'd set time aside, and I apologise. Thank you for your understanding.

{rfull}
{company}""",
            n=6,
            layout="plain",
            locale="uk",
            sector="health",
        ),
        Family(
            "rej-wellfound-style-founder-1",
            "rejection",
            "{rfull} via Wellfound <no-reply@wellfound.com>",
            [
                "{company} replied to your application",
                "Message from {rfirst} at {company}",
                "{company}: {role}",
            ],
            """{rfull} from {company} sent you a message:

"Hi {first}, thanks for applying to {company}! [[((We've reviewed your profile and decided it's not the right match for the {role} role right now.|After looking at your profile, we don't think it's a fit for what we need at this stage.))]] We appreciate the interest and wish you luck!"

Application status: Not a fit

Wellfound""",
            n=6,
            layout="html",
            style="card",
            sector="tech",
        ),
        Family(
            "rej-us-public-eligible-list-1",
            "rejection",
            "{company} Personnel <personnel@{domain}>",
            ["Examination results: {role}", "{role} - notice of results", "Your exam results"],
            """NOTICE OF EXAMINATION RESULTS

Candidate: {full}
Classification: {role}

Thank you for participating in the examination. [[Based on your score, your name will not be placed on the eligible list for this classification.]] A score of 70% or higher was required.

You may reapply after six months.

{company} Personnel Department""",
            n=5,
            layout="plain",
            sector="public",
        ),
        Family(
            "rej-recruiter-phone-followup-au-1",
            "rejection",
            "{rfull} <{rmail}>",
            ["As discussed", "{role} - following our chat", "Re: {role}"],
            """Hi {first},

Thanks for your time on the phone today. Just confirming what we discussed: [[the hiring manager has decided to progress with other candidates for the {role} role.]]

I really appreciate how open you were about what you're after. Keep in touch, and best of luck.

{rfirst}
{company}""",
            n=6,
            layout="plain",
            locale="au",
            sector="industry",
        ),
        Family(
            "rej-cancelled-requisition-in-1",
            "rejection",
            "{company} Talent Acquisition <ta@{domain}>",
            [
                "Requisition update - {role}",
                "{role} - position cancelled",
                "Update regarding your application",
            ],
            """Dear {first},

Thank you for your interest in the {role} opening at {company}.

[[Please note that this requisition has been cancelled due to internal restructuring, and we will not be proceeding with hiring for this position.]] We appreciate your time and will reach out if a suitable role opens in future.

Regards,
Talent Acquisition Team
{company}""",
            n=6,
            layout="plain",
            locale="in",
            sector="tech",
        ),
    ]
