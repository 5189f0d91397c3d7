"""Forwarded mail: a short note on top, the message that matters below a forward header."""

from __future__ import annotations

from engine import Family

DISCLAIMER = (
    "This email and any files transmitted with it are confidential and intended solely for the addressee. If you "
    "have received this email in error, please notify the sender and delete it. {company} is registered in England "
    "and Wales, company number 0{otp}."
)


def families() -> list[Family]:
    return [
        Family(
            "fwd-agency-client-rejection-1",
            "rejection",
            "{rfull} <{rmail}>",
            ["Fwd: RE: {role} - candidate feedback", "FW: {role} shortlist", "Fwd: {full} - {role}"],
            """Hi {first},

See below from the client — not the news we wanted, I'm afraid. Give me a call when you're free and we'll talk about what's next.

{rfirst}

---------- Forwarded message ---------
From: Hiring Manager <hiring@client.example>
Date: {sent_date}
Subject: RE: {role} shortlist

Hi {rfirst},

Thanks for sending {first} over. [[We've decided not to proceed with {first}'s application for the {role} role]] — we need someone who has managed a team before. Appreciate your help as always.

Best,
Hiring team

"""
            + DISCLAIMER,
            n=6,
            layout="plain",
            locale="uk",
            sector="finance",
            company=False,
        ),
        Family(
            "fwd-agency-client-interview-1",
            "interview",
            "{rfull} <{rmail}>",
            ["Fwd: Interview request - {full}", "FW: {role} - interview slot", "Fwd: next steps for {first}"],
            """Morning {first}! Great news, see below. Can you make it? Let me know and I'll confirm with them.

{rfirst}

---------- Forwarded message ---------
From: Talent Team <talent@client.example>
Date: {sent_date}
Subject: Interview request - {full}

Hi {rfirst},

[[We'd like to invite {first} to a first interview for the {role} role on {date} at {time}.]] It will be on Teams with the hiring manager and will last {minutes} minutes.

Thanks,
Talent Team

"""
            + DISCLAIMER,
            n=6,
            layout="plain",
            locale="uk",
            sector="tech",
            company=False,
        ),
        Family(
            "fwd-friend-job-posting-1",
            "other",
            "{rfull} <{rgmail}>",
            ["Fwd: We're hiring: {role}", "Fwd: job at my work", "fwd: thought of you"],
            """thought of you when I saw this! no pressure, but I'd be happy to refer you if you want. good luck with the search x

---------- Forwarded message ---------
From: {company} People Team <people@{domain}>
Subject: We're hiring: {role}

Hi all, we're looking for a {role} to join the team in {city}. If you know someone great, please refer them through the portal — referral bonus applies. We appreciate your help, and we encourage you to share the posting widely.""",
            n=6,
            layout="plain",
            sector="media",
            company=False,
        ),
        Family(
            "fwd-recruiter-offer-approved-1",
            "offer",
            "{rfull} <{rmail}>",
            ["Fwd: Offer approval - {full}", "FW: {role} offer signed off", "Fwd: approved"],
            """Hi {first},

Forwarding the good news below so you see it straight away. [[The offer for the {role} role has been approved, and the formal letter will follow tomorrow.]]

{rfirst}

---------- Forwarded message ---------
From: Finance Approvals <approvals@{domain}>
Subject: Offer approval - {full}

Approved: {role}, {salary}, start {date}. Please proceed with the offer letter.""",
            n=5,
            layout="plain",
            sector="health",
        ),
        Family(
            "fwd-careers-service-ack-1",
            "acknowledgment",
            "{rfull} <{rmail}>",
            ["Fwd: Application received - {role}", "FW: your application to {company}", "Fwd: confirmation"],
            """Hi {first},

The employer sent this confirmation to our careers service address by mistake, so I'm forwarding it on. Good luck!

{rfull}
Careers Adviser

---------- Forwarded message ---------
From: {company} Recruitment <recruitment@{domain}>
Subject: Application received - {role}

Thank you for your application for {role}. We received it on {sent_date} and will carefully review all applications after the closing date. If you have not heard from us within {weeks} weeks, please assume you have not been shortlisted on this occasion. We wish you the best of luck.""",
            n=5,
            layout="plain",
            locale="uk",
            sector="education",
        ),
    ]
