"""Alex's bounce-back sessions, answered as a person answers them: some in full, some in a few lines, one left
half-way. Keyed by the session's steps, then by each step's questions; a step left out was skipped.
`Day(n)` is a date counted from today, like every day of the story."""

from __future__ import annotations

from collections.abc import Mapping

from bounceback.demo.steps import Day

Answers = Mapping[str, Mapping[str, object]]

# The first no after a real conversation: a recruiter screen at a payments company.
ORBITRA: Answers = {
    "checkin": {
        "mood": 4,
        "writing": (
            "I knew on the call that Scala would come up, and it did, twice. I still wanted it more than I "
            "let myself admit. Two months into this and it is the first one where I spoke to a person."
        ),
    },
    "worth": {"self_worth": 55, "reasons": ["experience", "closer_match"]},
    "thought": {
        "thought": "I am an analyst pretending to be an engineer.",
        "evidence_for": "I have never run a streaming pipeline in production.",
        "evidence_against": (
            "I built and run the nightly batch loads for the whole finance team, and they have not failed "
            "in a year. That is engineering."
        ),
        "friend": "You are changing careers, not faking one. Everyone starts with the first pipeline.",
    },
    "pedestal": {
        "hours": "An on-call rota from the first month",
        "growth": "I would have spent a year learning Scala instead of getting better at data modelling",
        "fit": "partly",
    },
    "pipeline": {"next_opening": "Tidewater Health: the interview with Ian Pell is in a few days"},
    "rejections": {"goal": 40},
    "interview": {
        "practised": ["Telling the analyst-to-engineer story in two minutes"],
        "learned": ["Payments data teams live on streaming: Kafka came up in every question"],
        "hard_questions": ["Tell me about a time you worked with streaming data."],
    },
    "feedback": {"ask": False},
    "next": {
        "step": "Work through the Kafka quickstart and write up what I learn",
        "by": Day(-64),
        "if_then": "take one evening off, then send one application the next morning",
        "mood": 6,
    },
}

# After two interviews at a hospital trust's data team: asked the hiring manager, who answered.
TIDEWATER: Answers = {
    "checkin": {"mood": 4},
    "worth": {
        "self_worth": 45,
        "finalists": 3,
        "reasons": ["experience"],
        "other_reason": "They wanted someone who has run Airflow, and I have only read about it",
    },
    "pedestal": {
        "commute": "Canary Wharf three days a week: an hour each way",
        "team": "Ian said the team is two people covering forty data sources",
        "fit": "partly",
    },
    "pipeline": {"next_opening": "Lumen Ledger: waiting to hear after the interview with Felix"},
    "interview": {
        "practised": ["Whiteboarding a pipeline out loud", "Asking about on-call before they brought it up"],
        "learned": ["Hospital data runs on HL7 feeds, and half the work is cleaning them"],
        "hard_questions": ["How would you backfill three years of data without stopping the nightly load?"],
    },
    "feedback": {"ask": True, "contact": "Ian Pell"},
    "next": {
        "step": "Start a small Airflow project on open transport data",
        "by": Day(-55),
        "if_then": "write down one thing the interview taught me before I close the laptop",
        "mood": 6,
    },
}

# An offer taken back by a hiring freeze: a short session, most of it about the feelings.
MARIGOLD: Answers = {
    "checkin": {
        "mood": 2,
        "writing": (
            "I had already told Tom I was off the market and started to plan around US hours. Jordan was "
            "honest about it, which helps, but it still feels like the floor moved."
        ),
    },
    "worth": {"self_worth": 20, "reasons": ["changed", "timing"]},
    "thought": {
        "thought": "Even when I win, it gets taken away.",
        "evidence_against": "They made me an offer. The freeze hit three offers that week, not just mine.",
        "friend": "You got the offer. That part was you; the funding round was not.",
    },
    "pedestal": {
        "pay": "Contractor from the UK: no pension, no paid leave",
        "hours": "Meetings until 10 pm my time, every week",
        "fit": "unsure",
    },
    "next": {
        "step": "Tell Tom I am back in the market, and ask what he has in Europe",
        "by": Day(-43),
        "if_then": "call my sister before I write a single application",
        "mood": 4,
    },
}

# A close second after a final round, heard by phone; feedback asked and still not answered.
HARBOURLINE: Answers = {
    "checkin": {"mood": 3},
    "worth": {
        "self_worth": 60,
        "finalists": 2,
        "reasons": ["internal"],
        "other_reason": "The internal candidate already knew their warehouse system",
    },
    "thought": {
        "thought": "Close second is still second.",
        "evidence_against": "Helen invited me to apply again next year. Nobody says that to someone they ruled out.",
    },
    "pedestal": {
        "commute": "Southampton twice a week is two and a half hours each way",
        "growth": "A small team: I would have been the only data engineer, with no one to learn from",
        "fit": "partly",
    },
    "pipeline": {"next_opening": "Hollowpeak's take-home, due this week"},
    "rejections": {},
    "interview": {
        "practised": [
            "Presenting a case study to a panel of four",
            "Handling questions I did not expect calmly",
        ],
        "learned": ["Logistics data is all about late and missing events: design for them from day one"],
        "hard_questions": ["Walk us through a data model you got wrong, and how you found out."],
        "people": ["Helen Marsh <helen.marsh@harbourline.example>, Director of Data"],
    },
    "feedback": {"ask": True, "contact": "Helen Marsh"},
    "next": {
        "step": "Finish the Hollowpeak take-home without gold-plating it",
        "by": Day(-40),
        "if_then": "go for a run, then reread the parts of the interview that went well",
        "mood": 5,
    },
}

# Turned down by a form email after applying: the short way through, two minutes.
VERDANT_GRID: Answers = {
    "checkin": {"mood": 5},
    "worth": {"self_worth": 15},
    "next": {
        "step": "Do the first three chapters of the Kubernetes basics course",
        "by": Day(-26),
        "mood": 6,
    },
}

# A take-home and an interview, then a no; feedback asked and never answered.
HOLLOWPEAK: Answers = {
    "checkin": {
        "mood": 4,
        "writing": "Six hours on a four-hour take-home and still a no. I am tired more than sad.",
    },
    "worth": {"self_worth": 35, "reasons": ["experience", "closer_match"]},
    "pedestal": {
        "pay": "The lowest band of any role I applied to",
        "not_taught": "BigQuery, which they wanted already learned",
        "fit": "partly",
    },
    "pipeline": {"next_opening": "Cobaltline Climate, which I applied to today"},
    "interview": {
        "practised": ["Building a tested ELT pipeline from scratch in an afternoon"],
        "learned": ["Outdoor retail is seasonal: half their pipeline work is about the Christmas peak"],
        "hard_questions": ["What would you cut from your take-home if you had two hours instead of four?"],
    },
    "feedback": {"ask": True, "contact": "Callum Reid"},
    "next": {
        "step": "Reply to Katrin at Cobaltline with times for the first call",
        "by": Day(-32),
        "mood": 6,
    },
}

# The dream job, after a final round in Berlin: the whole session, slowly, the evening after.
TESSELLATE: Answers = {
    "checkin": {
        "mood": 2,
        "writing": (
            "This was the one. I use their feature store every day, I had pictured the flat in Berlin, I "
            "had told people. Mira's email was kind and it still took me an hour to open my laptop again. "
            "Three of the four conversations went well. The MLOps one did not, and I knew it in the room."
        ),
    },
    "worth": {
        "self_worth": 80,
        "finalists": 3,
        "reasons": ["experience", "closer_match"],
        "other_reason": "The other finalist had run ML models in production for years",
    },
    "thought": {
        "thought": "If I cannot get this one, I am not good enough for ML platform work.",
        "evidence_for": "I stumbled on model monitoring and rollbacks.",
        "evidence_against": (
            "I reached the final round of four out of about two hundred applicants, and Mira called my data "
            "modelling the strongest they saw. The gap is one skill I can learn, not who I am."
        ),
        "friend": "You got to the last three at the team you admire most. Learn the one thing, then go again.",
    },
    "pedestal": {
        "pay": "Less than London roles pay once Berlin rent is counted",
        "commute": "A move away from my partner for the first six months",
        "hours": "They ship on Fridays and the on-call rota is one week in four",
        "fit": "yes",
    },
    "pipeline": {"next_opening": "Cobaltline Climate: the interview with Nadia Rahman is tomorrow"},
    "rejections": {"goal": 50},
    "interview": {
        "practised": [
            "Live coding with a stranger watching, without freezing",
            "A 75-minute case study presentation",
        ],
        "learned": [
            "Feature stores at scale are mostly a data-freshness problem",
            "Teams like this one hire for production MLOps first, modelling second",
        ],
        "hard_questions": [
            "How would you roll back a bad model that is already serving traffic?",
            "Design a feature store that serves both online and offline reads.",
        ],
        "people": [
            "Jonas Becker <jonas.becker@tessellate-ai.example>, ML Engineer",
            "Mira Schulz <mira.schulz@tessellate-ai.example>, Head of Data",
        ],
    },
    "feedback": {"ask": True, "contact": "Mira Schulz"},
    "next": {
        "step": "Build and deploy one small ML pipeline end to end, with monitoring and a rollback",
        "by": Day(6),
        "if_then": "give myself one quiet evening, then write down what the interview taught me",
        "mood": 5,
    },
}

# A no from the agency's client five days ago: started, and left after the first two steps, to finish later.
SILVERBIRCH: Answers = {
    "checkin": {"mood": 5, "writing": "Honestly a relief; it was the fallback I applied to on a bad day."},
    "worth": {"self_worth": 10, "reasons": ["closer_match"]},
}
