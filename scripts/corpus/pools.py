"""Invented names, companies, roles, places and dates to fill the families' slots."""

from __future__ import annotations

import datetime as dt
import random
import re
from typing import Any

FIRST = {
    "us": [
        "Jordan",
        "Maya",
        "Tyrell",
        "Ashley",
        "Marcus",
        "Priya",
        "Kevin",
        "Lauren",
        "Diego",
        "Hannah",
        "Andre",
        "Keisha",
        "Brandon",
        "Sofia",
        "Caleb",
        "Nadia",
        "Trevor",
        "Elena",
        "Jamal",
        "Whitney",
        "Luis",
        "Megan",
        "Darnell",
        "Courtney",
        "Ethan",
        "Gabriela",
        "Colin",
        "Renee",
        "Omar",
        "Kayla",
    ],
    "uk": [
        "Olivia",
        "Callum",
        "Aisha",
        "Rhys",
        "Imogen",
        "Kieran",
        "Poppy",
        "Tomasz",
        "Freya",
        "Harvey",
        "Niamh",
        "Ravi",
        "Eleanor",
        "Jack",
        "Zara",
        "Owain",
        "Bethany",
        "Femi",
        "Hollie",
        "Euan",
        "Saoirse",
        "Declan",
    ],
    "in": [
        "Aarav",
        "Sneha",
        "Rohan",
        "Ishita",
        "Vikram",
        "Ananya",
        "Karthik",
        "Pooja",
        "Arjun",
        "Divya",
        "Siddharth",
        "Meera",
        "Nikhil",
        "Lakshmi",
        "Rahul",
        "Kavya",
        "Harsh",
        "Deepika",
    ],
    "au": [
        "Mitchell",
        "Chloe",
        "Lachlan",
        "Jess",
        "Hamish",
        "Tahlia",
        "Riley",
        "Bree",
        "Angus",
        "Mei",
        "Brodie",
        "Sienna",
        "Kai",
        "Georgia",
        "Nathan",
        "Aroha",
    ],
}
LAST = {
    "us": [
        "Alvarez",
        "Brooks",
        "Chen",
        "Dawson",
        "Ellis",
        "Foster",
        "Garcia",
        "Hughes",
        "Iverson",
        "Johnson",
        "Kim",
        "Lopez",
        "Mitchell",
        "Nguyen",
        "Okafor",
        "Patel",
        "Reyes",
        "Sullivan",
        "Thompson",
        "Washington",
    ],
    "uk": [
        "Ahmed",
        "Barker",
        "Clarke",
        "Davies",
        "Evans",
        "Fletcher",
        "Griffiths",
        "Hussain",
        "Jenkins",
        "Khan",
        "Lloyd",
        "Morgan",
        "Nowak",
        "O'Neill",
        "Pearson",
        "Quinn",
        "Roberts",
        "Singh",
        "Turner",
        "Whitfield",
    ],
    "in": [
        "Sharma",
        "Iyer",
        "Reddy",
        "Nair",
        "Gupta",
        "Menon",
        "Kulkarni",
        "Bose",
        "Chatterjee",
        "Desai",
        "Joshi",
        "Krishnan",
        "Mehta",
        "Pillai",
        "Rao",
    ],
    "au": [
        "Anderson",
        "Campbell",
        "Duncan",
        "Fraser",
        "Harris",
        "Kelly",
        "Macdonald",
        "Nguyen",
        "O'Brien",
        "Robertson",
        "Stewart",
        "Walker",
        "Wilson",
        "Tran",
    ],
}
CITY = {
    "us": [
        "Denver, CO",
        "Austin, TX",
        "Columbus, OH",
        "Raleigh, NC",
        "Portland, OR",
        "Minneapolis, MN",
        "Tampa, FL",
        "Pittsburgh, PA",
        "Sacramento, CA",
        "Madison, WI",
    ],
    "uk": [
        "Leeds",
        "Bristol",
        "Manchester",
        "Glasgow",
        "Cardiff",
        "Nottingham",
        "Reading",
        "Sheffield",
        "Belfast",
    ],
    "in": ["Bengaluru", "Pune", "Hyderabad", "Chennai", "Gurugram", "Noida", "Kochi", "Ahmedabad"],
    "au": ["Brisbane", "Adelaide", "Perth", "Melbourne", "Sydney", "Hobart", "Geelong", "Newcastle"],
}
TLD = {"us": ".com", "uk": ".co.uk", "in": ".in", "au": ".com.au"}
TZ = {
    "us": [
        ("America/New_York", "ET", "EDT"),
        ("America/Chicago", "CT", "CDT"),
        ("America/Denver", "MT", "MDT"),
        ("America/Los_Angeles", "PT", "PDT"),
    ],
    "uk": [("Europe/London", "UK time", "BST")],
    "in": [("Asia/Kolkata", "IST", "IST")],
    "au": [
        ("Australia/Sydney", "AEST", "AEST"),
        ("Australia/Brisbane", "AEST", "AEST"),
        ("Australia/Perth", "AWST", "AWST"),
    ],
}
PREFIX = [
    "Alder",
    "Birchwood",
    "Cobalt",
    "Driftline",
    "Emberly",
    "Fallowfield",
    "Granite",
    "Harbourlight",
    "Ironwood",
    "Juniper",
    "Kestrel",
    "Larkspur",
    "Marlow",
    "Northwind",
    "Oakridge",
    "Pellucid",
    "Quarry",
    "Redfern",
    "Saltmarsh",
    "Tamarind",
    "Umber",
    "Vantage",
    "Wexford",
    "Yarrow",
    "Zephyr",
    "Bramble",
    "Cinder",
    "Dovetail",
    "Estuary",
    "Foxglove",
    "Gullwing",
    "Heron",
    "Inkwell",
    "Jasper",
    "Kingfisher",
    "Lumen",
    "Meadowbank",
    "Nettle",
    "Orchid",
    "Pinecrest",
    "Quill",
    "Rook",
    "Sable",
    "Thistle",
    "Upland",
    "Verity",
    "Willowmere",
    "Arbor",
    "Beacon",
    "Copperleaf",
    "Delphin",
    "Elmstead",
    "Ferro",
    "Glenmore",
    "Halyard",
    "Isola",
    "Keystone",
    "Loom",
    "Mistral",
    "Nimbus",
    "Outrigger",
    "Palisade",
    "Ridgeline",
    "Solstice",
    "Tidewater",
    "Vesper",
    "Wavelength",
    "Axiom",
    "Brightmoor",
    "Clearwater",
    "Dunmore",
]
SECTORS: dict[str, dict[str, list[str]]] = {
    "tech": {
        "suffix": [
            "Labs",
            "Systems",
            "Software",
            "Cloud",
            "Data",
            "AI",
            "Technologies",
            "Digital",
            "Networks",
        ],
        "roles": [
            "Backend Engineer",
            "Senior Software Engineer",
            "Data Analyst",
            "Product Designer",
            "Site Reliability Engineer",
            "Frontend Developer",
            "Machine Learning Engineer",
            "QA Engineer",
            "Product Manager",
            "Data Engineer",
            "Solutions Architect",
            "Engineering Manager",
            "Security Analyst",
            "Technical Writer",
            "Developer Advocate",
            "Mobile Developer (iOS)",
        ],
    },
    "health": {
        "suffix": ["Health", "Medical Group", "Care", "Clinic", "Healthcare", "Hospital", "Pharmacy"],
        "roles": [
            "Registered Nurse",
            "Medical Assistant",
            "Patient Services Coordinator",
            "Pharmacy Technician",
            "Clinical Research Associate",
            "Physiotherapist",
            "Care Assistant",
            "Health Care Assistant",
            "Medical Receptionist",
            "Occupational Therapist",
            "Practice Manager",
        ],
    },
    "finance": {
        "suffix": ["Capital", "Bank", "Insurance", "Partners", "Financial", "Asset Management", "Mutual"],
        "roles": [
            "Financial Analyst",
            "Credit Analyst",
            "Accounts Payable Specialist",
            "Risk Analyst",
            "Underwriter",
            "Compliance Officer",
            "Investment Associate",
            "Senior Accountant",
            "Relationship Manager",
            "Claims Handler",
            "Actuarial Analyst",
        ],
    },
    "retail": {
        "suffix": ["Stores", "Market", "Home", "Outfitters", "Grocers", "Retail", "Co."],
        "roles": [
            "Store Manager",
            "Assistant Store Manager",
            "Sales Associate",
            "Visual Merchandiser",
            "Stock Associate",
            "Department Supervisor",
            "E-commerce Coordinator",
            "Buyer",
        ],
    },
    "industry": {
        "suffix": [
            "Manufacturing",
            "Engineering",
            "Logistics",
            "Industries",
            "Freight",
            "Energy",
            "Construction",
        ],
        "roles": [
            "Maintenance Technician",
            "Warehouse Operative",
            "Production Supervisor",
            "Quality Inspector",
            "Mechanical Engineer",
            "Supply Chain Planner",
            "Forklift Driver",
            "Site Engineer",
            "Transport Planner",
            "Electrical Technician",
            "Health and Safety Advisor",
        ],
    },
    "hospitality": {
        "suffix": ["Hotels", "Kitchen", "Hospitality", "Inns", "Restaurants", "Cafés", "Resorts"],
        "roles": [
            "Line Cook",
            "Front Desk Agent",
            "Sous Chef",
            "Barista",
            "Events Coordinator",
            "Housekeeping Supervisor",
            "Restaurant Manager",
            "Guest Services Agent",
        ],
    },
    "media": {
        "suffix": ["Studio", "Media", "Creative", "Publishing", "Agency", "Press"],
        "roles": [
            "Content Designer",
            "Junior Copywriter",
            "Marketing Executive",
            "Social Media Manager",
            "Video Editor",
            "Account Manager",
            "PR Executive",
            "Graphic Designer",
            "Editorial Assistant",
        ],
    },
    "public": {
        "suffix": [
            "County",
            "City Council",
            "Borough Council",
            "Water Authority",
            "Transit Authority",
            "Department of Health",
            "Housing Trust",
        ],
        "roles": [
            "Policy Officer",
            "Planning Officer",
            "Administrative Assistant",
            "Caseworker",
            "Environmental Health Officer",
            "Program Coordinator",
            "Revenue Officer",
            "Customer Service Advisor",
            "GIS Analyst",
            "Community Engagement Officer",
        ],
    },
    "education": {
        "suffix": ["University", "College", "Academy", "School District", "Institute", "Grammar School"],
        "roles": [
            "Lecturer in Economics",
            "Research Associate",
            "Teaching Assistant",
            "Admissions Officer",
            "Lab Technician",
            "Teacher of English",
            "Student Success Advisor",
            "Postdoctoral Researcher",
            "Learning Designer",
            "Library Assistant",
        ],
    },
    "nonprofit": {
        "suffix": ["Foundation", "Trust", "Alliance", "Network", "Charity", "Project"],
        "roles": [
            "Fundraising Officer",
            "Volunteer Coordinator",
            "Programme Officer",
            "Grants Manager",
            "Communications Officer",
            "Youth Worker",
            "Development Coordinator",
        ],
    },
}
PLATFORMS = [
    "Hirefolio",
    "Talentloop",
    "Applyway",
    "RecruitDesk",
    "Joblane",
    "Candor ATS",
    "Pipeline Pro",
    "Staffwise",
    "Roster",
    "Teamhatch",
    "Hiremark",
    "Applicantly",
]


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", text.lower())


def company_for(sector: str, locale: str, rng: random.Random) -> tuple[str, str]:
    """An invented company name and its domain."""
    info = SECTORS[sector]
    prefix = rng.choice(PREFIX)
    suffix = rng.choice(info["suffix"])
    if sector == "public":
        name = f"{prefix} {suffix}"
        domain = {
            "us": f"{slug(prefix)}county.gov",
            "uk": f"{slug(prefix)}.gov.uk",
            "in": f"{slug(prefix)}.gov.in",
            "au": f"{slug(prefix)}.vic.gov.au",
        }[locale]
        return name, domain
    if sector == "education":
        name = f"{prefix} {suffix}" if suffix != "University" else f"University of {prefix}"
        domain = {
            "us": f"{slug(prefix)}.edu",
            "uk": f"{slug(prefix)}.ac.uk",
            "in": f"{slug(prefix)}.ac.in",
            "au": f"{slug(prefix)}.edu.au",
        }[locale]
        return name, domain
    name = f"{prefix} {suffix}"
    domain = slug(prefix) + ("" if suffix in {"Co."} else slug(suffix.split()[0])) + TLD[locale]
    if suffix == "AI":
        domain = slug(prefix) + ".ai"
    return name, domain


def _date(locale: str, when: dt.datetime) -> str:
    if locale == "us":
        return when.strftime("%A, %B ") + str(when.day)
    return when.strftime("%A ") + str(when.day) + when.strftime(" %B")


def _time(locale: str, when: dt.datetime) -> str:
    if locale == "us":
        return when.strftime("%I:%M %p").lstrip("0")
    if locale == "in":
        return when.strftime("%I:%M %p").lstrip("0")
    return when.strftime("%H:%M")


def values_for(family: Any, rng: random.Random, index: int) -> dict[str, str]:
    """Every slot a template may use, for one message."""
    locale = family.locale
    sector = family.sector if family.sector != "any" else rng.choice(list(SECTORS))
    if sector == "public" and locale == "in":
        sector = "industry"
    company, domain = company_for(sector, locale, rng)
    role = rng.choice(SECTORS[sector]["roles"])
    first, last = rng.choice(FIRST[locale]), rng.choice(LAST[locale])
    rfirst, rlast = rng.choice(FIRST[locale]), rng.choice(LAST[locale])
    while rfirst == first:
        rfirst = rng.choice(FIRST[locale])
    start = dt.datetime(2025, 1, 6) + dt.timedelta(days=rng.randrange(0, 330))
    start = start.replace(hour=rng.choice([9, 10, 11, 13, 14, 15, 16]), minute=rng.choice([0, 0, 30, 15]))
    while start.weekday() >= 5:
        start += dt.timedelta(days=1)
    minutes = rng.choice([30, 30, 45, 60, 20])
    end = start + dt.timedelta(minutes=minutes)
    tzid, tzshort, tzdaylight = rng.choice(TZ[locale])
    if not 4 <= start.month <= 10:  # the label a calendar shows outside summer time
        tzdaylight = {"EDT": "EST", "CDT": "CST", "MDT": "MST", "PDT": "PST", "BST": "GMT"}.get(
            tzdaylight, tzdaylight
        )
    sent = start - dt.timedelta(days=rng.randrange(2, 9))
    deadline = start + dt.timedelta(days=rng.randrange(3, 8))
    return {
        "company": company,
        "brand": company,
        "domain": domain,
        "cslug": slug(company)[:14],
        "role": role,
        "first": first,
        "last": last,
        "full": f"{first} {last}",
        "email": f"{slug(first)}.{slug(last)}{rng.randrange(1, 99)}@gmail.com",
        "rfirst": rfirst,
        "rlast": rlast,
        "rfull": f"{rfirst} {rlast}",
        "rmail": f"{slug(rfirst)}.{slug(rlast)}@{domain}",
        "city": rng.choice(CITY[locale]),
        "date": _date(locale, start),
        "time": _time(locale, start),
        "endtime": _time(locale, end),
        "minutes": str(minutes),
        "weekday": start.strftime("%A"),
        "weekday_short": start.strftime("%a"),
        "month_day": start.strftime("%b ") + str(start.day),
        "year": str(start.year),
        "gcal_when": f"{start.strftime('%a %b')} {start.day}, {start.year} {start.strftime('%I:%M%p').lstrip('0').lower()} - {end.strftime('%I:%M%p').lstrip('0').lower()} ({tzdaylight})",
        "tzid": tzid,
        "tz": tzshort,
        "dtstart": start.strftime("%Y%m%dT%H%M%S"),
        "dtend": end.strftime("%Y%m%dT%H%M%S"),
        "dtstamp": sent.strftime("%Y%m%dT%H%M%SZ"),
        "sent_date": _date(locale, sent),
        "sent_short": sent.strftime("%d/%m/%Y") if locale != "us" else sent.strftime("%m/%d/%Y"),
        "deadline": _date(locale, deadline),
        "uid": f"{rng.getrandbits(64):016x}",
        "code": f"{rng.getrandbits(32):08x}",
        "otp": f"{rng.randrange(100000, 999999)}",
        "ref": f"{rng.choice(['R', 'REQ', 'JR', 'VAC', ''])}{rng.randrange(1000, 99999)}",
        "weeks": str(rng.choice([2, 3, 4, 6])),
        "days": str(rng.choice([5, 7, 10, 14])),
        "napps": str(rng.choice([180, 240, 312, 450, 600, 870, 1200])),
        "platform": (platform := rng.choice(PLATFORMS)),
        "pslug": slug(platform),
        "rgmail": f"{slug(rfirst)}{rng.choice(['.', '_', ''])}{slug(rlast)}@gmail.com",
        "n": str(rng.randrange(3, 28)),
        "salary": {
            "us": f"${rng.randrange(55, 190)},000",
            "uk": f"£{rng.randrange(24, 95)},000",
            "in": f"₹{rng.randrange(6, 48)} LPA",
            "au": f"${rng.randrange(70, 180)},000",
        }[locale],
        "index": str(index),
        "sector": sector,
    }
