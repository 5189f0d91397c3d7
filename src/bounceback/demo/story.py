"""The demo search, written out in full: three months of one person's move from analyst to data engineer, with
the emails that moved it, the sessions after its rejections, and a weekly check-in on how it felt."""

from __future__ import annotations

from bounceback.demo.cast import SEARCHER
from bounceback.demo.steps import CheckIn, Mail, Opening, Person
from bounceback.demo.story_open import GHOSTED, OFFERS, OPEN, SILENT, WITHDRAWN
from bounceback.demo.story_rejected import (
    REJECTED_AFTER_APPLYING,
    REJECTED_AFTER_INTERVIEWS,
    REJECTED_AFTER_SCREENING,
)
from bounceback.domain.mail import MailLabel

STORY: tuple[Opening, ...] = (
    *REJECTED_AFTER_APPLYING,
    *REJECTED_AFTER_SCREENING,
    *REJECTED_AFTER_INTERVIEWS,
    *OFFERS,
    *GHOSTED,
    *SILENT,
    *WITHDRAWN,
    *OPEN,
)

# Sunday evenings, mostly: the five WHO-5 answers (0–5) when there was energy for them, the mood (0–10) always.
CHECKINS: tuple[CheckIn, ...] = (
    CheckIn(-84, 6, (3, 3, 3, 2, 3), "First week of applying properly. Nervous, but it feels good to start."),
    CheckIn(-77, 5, (3, 2, 3, 2, 3), "First form rejection. Expected; it still stung a little."),
    CheckIn(
        -70, 4, (2, 2, 2, 2, 3), "Orbitra said no after the screen. Started the Kafka quickstart anyway."
    ),
    CheckIn(-63, 5, (3, 3, 2, 3, 3), "Tidewater's no was kind. Three interviews in one week, which is new."),
    CheckIn(-56, 6, (3, 3, 3, 3, 3), "Good week: Marigold's pipeline design round went well."),
    CheckIn(-49, 7, (4, 3, 4, 3, 4), "Marigold made an offer! Not celebrating until it is in writing."),
    CheckIn(-42, 3, (2, 1, 2, 1, 2), "Marigold withdrew the offer and Harbourline said no. A hard week."),
    CheckIn(-35, 4, note="Hollowpeak said no. Fernhill's offer is on the table and I don't want it."),
    CheckIn(-28, 6, (4, 3, 3, 3, 3), "Turned Fernhill down. Kestrel referral moving, Cobaltline call done."),
    CheckIn(-21, 6, (4, 3, 4, 3, 4), "Tessellate's final in Berlin. Three of four talks went well. Waiting."),
    CheckIn(-14, 3, (2, 2, 2, 1, 2), "Tessellate said no. Took two days off applying, which helped."),
    CheckIn(-7, 5, (3, 3, 3, 3, 3), "Feedback call with Mira was useful. Started the ML pipeline project."),
)

# Mail about no one application: what the reader skips (only its fingerprint is kept) or is not sure of.
OTHER = MailLabel.OTHER
INBOX: tuple[Mail, ...] = (
    Mail(
        -66,
        Person("JobsNorth Alerts", "alerts@jobsnorth.example", ""),
        "12 new Data Engineer jobs near London",
        """
Your daily job alert

Data Engineer, Brightfield Foods, London, 55,000 to 62,000 GBP
Senior Data Engineer, Orchard Health, Remote
Analytics Engineer, Tidepool Games, Guildford

Manage your alerts or unsubscribe at any time.
""",
        OTHER,
        at="07:00",
    ),
    Mail(
        -50,
        Person("Fennwick Retail Careers", "survey@fennwick.example", ""),
        "How was your candidate experience?",
        """
Hi Alex,

You recently applied for a role at Fennwick Retail. We'd love to hear how the process felt: the survey takes two
minutes and is anonymous.

Thank you for helping us improve.
Fennwick Retail Careers
""",
        OTHER,
    ),
    Mail(
        -29,
        Person("London Data Engineering Meetup", "hello@ldem.example", ""),
        "This month's meetup: streaming at scale, and pizza",
        """
Hi everyone,

Our meetup this month has two talks: "Backfills without tears" and "What we learned moving to Kafka".

Doors open at 18:30. RSVP on the meetup page.

See you there,
The LDEM organisers
""",
        OTHER,
        at="12:15",
    ),
    Mail(
        -12,
        Person("Candidate Portal", "no-reply@candidate-portal.example", ""),
        "An update on your application",
        """
Hello,

There has been an update to the status of one of your applications. Please sign in to your candidate home page
to see it.

This mailbox is not monitored.
""",
        MailLabel.ACKNOWLEDGMENT,  # it states no decision (what changed is only on the portal), so it waits
        at="06:40",
        waits=True,
    ),
    Mail(
        -6,
        Person("Talent Team", "no-reply@applytojob.com", ""),
        "Thanks for applying!",
        """
Hi Alex,

Thanks for applying for the Senior Data Engineer role. We have your application, and someone from the team will
be in touch if there is a match.

The Talent Team
""",
        MailLabel.ACKNOWLEDGMENT,
        at="19:50",
        waits=True,
    ),
)

__all__ = ["CHECKINS", "INBOX", "SEARCHER", "STORY"]
