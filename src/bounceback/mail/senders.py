"""Who sent a message: applicant-tracking systems, job boards and free-mail providers are never the employer."""

from __future__ import annotations

# Applicant-tracking systems that send on behalf of employers.
ATS_DOMAINS: dict[str, str] = {
    "greenhouse.io": "Greenhouse",
    "greenhouse-mail.io": "Greenhouse",
    "lever.co": "Lever",
    "hire.lever.co": "Lever",
    "myworkday.com": "Workday",
    "myworkdayjobs.com": "Workday",
    "workday.com": "Workday",
    "ashbyhq.com": "Ashby",
    "smartrecruiters.com": "SmartRecruiters",
    "icims.com": "iCIMS",
    "workable.com": "Workable",
    "workablemail.com": "Workable",
    "teamtailor.com": "Teamtailor",
    "teamtailor-mail.com": "Teamtailor",
    "personio.de": "Personio",
    "personio.com": "Personio",
    "bamboohr.com": "BambooHR",
    "jobvite.com": "Jobvite",
    "recruitee.com": "Recruitee",
    "breezy.hr": "Breezy HR",
    "jazzhr.com": "JazzHR",
    "applytojob.com": "JazzHR",
    "successfactors.com": "SAP SuccessFactors",
    "successfactors.eu": "SAP SuccessFactors",
    "taleo.net": "Taleo",
    "oraclecloud.com": "Oracle Recruiting",
    "rippling.com": "Rippling",
    "pinpointhq.com": "Pinpoint",
    "comeet.co": "Comeet",
    "jobylon.com": "Jobylon",
    "homerun.co": "Homerun",
    "freshteam.com": "Freshteam",
    "zohorecruit.com": "Zoho Recruit",
    "paradox.ai": "Paradox",
    "hackerrank.com": "HackerRank",
    "hackerrankforwork.com": "HackerRank",
    "codility.com": "Codility",
    "codesignal.com": "CodeSignal",
    "testgorilla.com": "TestGorilla",
    "hirevue.com": "HireVue",
    "calendly.com": "Calendly",
    "goodtime.io": "GoodTime",
    "modernloop.io": "ModernLoop",
    "docusign.net": "DocuSign",
    # More applicant-tracking systems, public-sector job portals and career sites.
    "governmentjobs.com": "NEOGOV",
    "schooljobs.com": "NEOGOV",
    "applitrack.com": "Frontline",
    "talentlink.eu": "TalentLink",
    "csod.com": "Cornerstone",
    "avature.net": "Avature",
    "eightfold.ai": "Eightfold",
    "phenompeople.com": "Phenom",
    "ultipro.com": "UKG",
    "ukg.com": "UKG",
    "paylocity.com": "Paylocity",
    "adp.com": "ADP",
    "dayforcehcm.com": "Dayforce",
    "clearcompany.com": "ClearCompany",
    "paycomonline.net": "Paycom",
    "join.com": "JOIN",
    "manatal.com": "Manatal",
    "jobdiva.com": "JobDiva",
    "bullhornstaffing.com": "Bullhorn",
    "trac.jobs": "Trac",
    "jobs.nhs.uk": "NHS Jobs",
    "usajobs.gov": "USAJOBS",
    "civilservicejobs.service.gov.uk": "Civil Service Jobs",
    "psc-cfp.gc.ca": "GC Jobs",
    "frontlineed.com": "Frontline",
    "myworkdaysite.com": "Workday",
    # Assessment, scheduling, signing and onboarding tools: they too write on an employer's behalf.
    "shl.com": "SHL",
    "criteriacorp.com": "Criteria",
    "pymetrics.ai": "pymetrics",
    "vervoe.com": "Vervoe",
    "devskiller.com": "DevSkiller",
    "hoganassessments.com": "Hogan Assessments",
    "thomas.co": "Thomas International",
    "coderbyte.com": "Coderbyte",
    "testdome.com": "TestDome",
    "cappfinity.com": "Cappfinity",
    "coderpad.io": "CoderPad",
    "karat.com": "Karat",
    "willo.video": "Willo",
    "sparkhire.com": "Spark Hire",
    "zoom.us": "Zoom",
    "teams.microsoft.com": "Microsoft Teams",
    "gusto.com": "Gusto",
    "deel.com": "Deel",
    "remote.com": "Remote",
    "hellosign.com": "Dropbox Sign",
    "hireright.com": "HireRight",
    "sterlingcheck.com": "Sterling",
    "checkr.com": "Checkr",
    "mettl.com": "Mercer Mettl",
    "talogy.com": "Talogy",
    "hackerearth.com": "HackerEarth",
    "imocha.io": "iMocha",
    "sovaassessment.com": "Sova",
    "arcticshores.com": "Arctic Shores",
    "savilleassessment.com": "Saville Assessment",
    "cal.com": "Cal.com",
    "bookings.outlook.com": "Microsoft Bookings",
    "oysterhr.com": "Oyster",
    "adobesign.com": "Adobe Acrobat Sign",
    "echosign.com": "Adobe Acrobat Sign",
}

# Whole addresses of services on shared domains (the domain itself may well be an employer).
SERVICE_ADDRESSES: dict[str, str] = {
    "calendar-notification@google.com": "Google Calendar",
    "calendar-server@google.com": "Google Calendar",
    "no-reply@microsoft.com": "Microsoft",
    "noreply@microsoft.com": "Microsoft",
}

# Job boards and networks: their mail is alerts and notifications, not an employer's answer.
JOB_BOARDS: dict[str, str] = {
    "linkedin.com": "LinkedIn",
    "indeed.com": "Indeed",
    "glassdoor.com": "Glassdoor",
    "ziprecruiter.com": "ZipRecruiter",
    "monster.com": "Monster",
    "stepstone.de": "StepStone",
    "seek.com.au": "SEEK",
    "reed.co.uk": "Reed",
    "totaljobs.com": "Totaljobs",
    "dice.com": "Dice",
    "wellfound.com": "Wellfound",
    "otta.com": "Otta",
    "welcometothejungle.com": "Welcome to the Jungle",
    "xing.com": "XING",
    "hired.com": "Hired",
    "simplify.jobs": "Simplify",
    "tealhq.com": "Teal",
    "huntr.co": "Huntr",
    "joinhandshake.com": "Handshake",
    "angel.co": "Wellfound",
    "builtin.com": "Built In",
    "jobindex.dk": "Jobindex",
    "naukri.com": "Naukri",
}

FREEMAIL = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "outlook.com",
        "hotmail.com",
        "live.com",
        "yahoo.com",
        "icloud.com",
        "me.com",
        "proton.me",
        "protonmail.com",
        "gmx.de",
        "gmx.net",
        "web.de",
        "aol.com",
        "fastmail.com",
        "yandex.ru",
        "mail.com",
        # More personal mail providers and internet providers' mail.
        "hotmail.co.uk",
        "hotmail.fr",
        "hotmail.de",
        "live.co.uk",
        "msn.com",
        "yahoo.co.uk",
        "yahoo.fr",
        "yahoo.de",
        "ymail.com",
        "aim.com",
        "pm.me",
        "tutanota.com",
        "hey.com",
        "zoho.com",
        "gmx.com",
        "mail.ru",
        "yandex.com",
        "qq.com",
        "163.com",
        "naver.com",
        "comcast.net",
        "verizon.net",
        "att.net",
        "sbcglobal.net",
        "btinternet.com",
        "sky.com",
        "virginmedia.com",
        "orange.fr",
        "free.fr",
        "wanadoo.fr",
        "t-online.de",
        "libero.it",
        "wp.pl",
        "o2.pl",
        "seznam.cz",
        "bigpond.com",
        "shaw.ca",
        "rogers.com",
    }
)


def domain_of(address: str) -> str:
    """The lower-case domain of an address ('' when there is none)."""
    return address.rpartition("@")[2].strip().strip(">").lower()


def _lookup(domain: str, table: dict[str, str]) -> str | None:
    """Match a domain or any parent domain (us.greenhouse-mail.io → greenhouse-mail.io).

    The reserved name 'example' (as in made-up test mail: jobs.nhs.example.uk) is read as if it were absent.
    """
    parts = [p for p in domain.split(".") if p != "example"]
    for i in range(len(parts) - 1):
        hit = table.get(".".join(parts[i:]))
        if hit:
            return hit
    return None


def ats_vendor(address: str) -> str | None:
    """The applicant-tracking system (or other hiring tool) behind an address, if any."""
    service = SERVICE_ADDRESSES.get(address.strip().strip("<>").lower())
    return service or _lookup(domain_of(address), ATS_DOMAINS)


def job_board(address: str) -> str | None:
    """The job board behind an address, if any."""
    return _lookup(domain_of(address), JOB_BOARDS)


def is_freemail(address: str) -> bool:
    """True for personal mail providers, whose domain says nothing about an employer."""
    return domain_of(address) in FREEMAIL


def is_no_reply(address: str) -> bool:
    """True for automated senders."""
    local = address.partition("@")[0].lower()
    return any(
        word in local
        for word in (
            "noreply",
            "no-reply",
            "no_reply",
            "donotreply",
            "do-not-reply",
            "notification",
            "mailer",
        )
    )


def sender_kind(address: str) -> str:
    """A coarse word for the sender, used as a classifier feature: ats, board, freemail, noreply or company."""
    if ats_vendor(address):
        return "ats"
    if job_board(address):
        return "board"
    if is_freemail(address):
        return "freemail"
    if is_no_reply(address):
        return "noreply"
    return "company"
