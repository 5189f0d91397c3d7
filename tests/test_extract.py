"""Company, role and sender read from job emails: ATS vendors, boards, people, look-alike names, missing roles."""

from __future__ import annotations

import pytest

from bounceback.mail.extract import clean_company, extract
from bounceback.mail.senders import ats_vendor, job_board


def test_greenhouse_mail_names_the_employer_not_the_vendor() -> None:
    """GIVEN an acknowledgment sent through Greenhouse under the vendor's own display name
    WHEN it is read
    THEN the employer and the role come from the text, and Greenhouse is only the tool."""
    found = extract(
        "Thank you for applying to Larkspur Robotics",
        "Greenhouse",
        "no-reply@us.greenhouse-mail.io",
        "Hi Sam,\n\nThanks for applying to Larkspur Robotics! Your application for the Senior Data Engineer role "
        "has been received.\n\nBest,\nLarkspur Robotics Talent Acquisition",
    )
    assert found.company == "Larkspur Robotics"
    assert found.role == "Senior Data Engineer"
    assert found.sender.ats == "Greenhouse"
    assert not found.sender.person


def test_lever_display_name_with_team_words_gives_the_company() -> None:
    """GIVEN a Lever mail whose display name is 'Acme Recruiting'
    WHEN it is read
    THEN the company is 'Acme', never 'Lever', and the role is the one the subject states."""
    found = extract(
        "Acme - Application received: Product Designer",
        "Acme Recruiting",
        "no-reply@hire.lever.co",
        "Hi Sam,\n\nWe have your application and will be in touch.\n\nSent with Lever",
    )
    assert found.company == "Acme"
    assert found.role == "Product Designer"
    assert found.sender.ats == "Lever"


def test_workday_mailbox_named_after_the_employer() -> None:
    """GIVEN a Workday mail from the tenant mailbox acme@myworkday.com that names no company in its text
    WHEN it is read
    THEN the company is Acme, taken from the mailbox."""
    found = extract(
        "We received your application",
        "Workday",
        "acme@myworkday.com",
        "Dear Luis,\n\nThank you for applying for the Maintenance Planner position. We will review it soon.",
    )
    assert found.company == "Acme"
    assert found.role == "Maintenance Planner"


def test_workday_mailbox_takes_the_full_name_the_text_gives() -> None:
    """GIVEN a Workday tenant mailbox 'ampersand' and a signature 'Ampersand Polymers'
    WHEN it is read
    THEN the company is the full name, which the mailbox confirms."""
    found = extract(
        "Interview Confirmation: Plant Supervisor",
        "Workday",
        "ampersand@myworkday.com",
        "Dear Luis,\n\nThis confirms your interview for the Plant Supervisor position.\n\nRegards,\n"
        "Talent Acquisition\nAmpersand Polymers",
    )
    assert found.company == "Ampersand Polymers"
    assert found.role == "Plant Supervisor"


def test_team_display_name_means_the_company() -> None:
    """GIVEN a display name 'Northwind Talent Team' on the company's own domain
    WHEN it is read
    THEN the company is 'Northwind' and the sender is no person."""
    found = extract(
        "Your application",
        "Northwind Talent Team",
        "talent@northwind.io",
        "Hello,\n\nThank you for your interest in Northwind. We have decided not to move forward.",
    )
    assert found.company == "Northwind"
    assert not found.sender.person


def test_domain_is_spelled_the_way_the_text_writes_it() -> None:
    """GIVEN a recruiter at coralbaybank.com whose signature writes 'Coral Bay Bank'
    WHEN it is read
    THEN the company is 'Coral Bay Bank', and the recruiter is a person."""
    found = extract(
        "Credit Analyst - next steps",
        "Dana Whitfield",
        "dana.whitfield@coralbaybank.com",
        "Hi Omar,\n\nThanks for your time today. I'd like to set up a second conversation.\n\n"
        "Dana Whitfield\nSenior Recruiter, Coral Bay Bank",
    )
    assert found.company == "Coral Bay Bank"
    assert found.role == "Credit Analyst"
    assert found.sender.person


def test_domain_becomes_the_name_only_when_nothing_else_names_the_company() -> None:
    """GIVEN a short note from a person at coralbaybank.com that names neither company nor role
    WHEN it is read
    THEN the company is the domain title-cased (split before 'Bank') and the role is None."""
    found = extract(
        "quick question",
        "Dana Whitfield",
        "dana.whitfield@coralbaybank.com",
        "Hi Omar, could you send me your availability for Thursday? Thanks, Dana",
    )
    assert found.company == "Coralbay Bank"
    assert found.role is None


def test_domain_spelled_after_of_in_an_institution_name() -> None:
    """GIVEN a professor at westbury.ac.uk who signs with 'University of Westbury'
    WHEN the mail is read
    THEN the company is the university, which the domain spells after 'of'."""
    found = extract(
        "Postdoc position",
        "Dr. Amelia Brooks",
        "abrooks@westbury.ac.uk",
        "Dear Yusuf,\n\nI'm delighted to offer you the Research Associate post in my group.\n\n"
        "Amelia Brooks\nSchool of Ocean Sciences, University of Westbury",
    )
    assert found.company == "University of Westbury"
    assert found.role == "Research Associate"
    assert found.sender.person


def test_personal_mail_provider_is_no_company() -> None:
    """GIVEN a note from a relative's internet-provider address that names no company
    WHEN it is read
    THEN there is no company: a mail provider is never the employer."""
    found = extract("Saw this and thought of you", "Linda Dalton", "linda.dalton@comcast.net", "Love, Mum")
    assert found.company is None
    assert found.role is None


def test_longer_name_confirmed_by_the_domain_wins_over_a_short_mention() -> None:
    """GIVEN a subject that says 'Wrenfield' and a display name 'Wrenfield Labs' at wrenfieldlabs.com
    WHEN it is read
    THEN the company is 'Wrenfield Labs', the name the domain spells."""
    found = extract(
        "Thanks for applying to Wrenfield",
        "Wrenfield Labs",
        "jobs@wrenfieldlabs.com",
        "Hi Grace,\n\nThank you for applying for our Lab Operations Manager opening.\n\nThe Wrenfield team",
    )
    assert found.company == "Wrenfield Labs"
    assert found.role == "Lab Operations Manager"


def test_company_named_like_a_vendor_is_kept_when_the_vendor_did_not_send_it() -> None:
    """GIVEN a garden centre called Greenhouse Gardens writing from its own domain
    WHEN it is read
    THEN its name stands: only the vendor that actually sent a mail is left out."""
    found = extract(
        "Greenhouse Gardens - Seasonal Sales Assistant",
        "Greenhouse Gardens",
        "hello@greenhousegardens.co.uk",
        "Hi Maya,\n\nThank you for applying for the Seasonal Sales Assistant role. We'd love to meet you.",
    )
    assert found.company == "Greenhouse Gardens"
    assert found.role == "Seasonal Sales Assistant"


def test_assessment_vendor_names_the_employer_it_writes_for() -> None:
    """GIVEN a TestGorilla invitation on behalf of an employer
    WHEN it is read
    THEN the employer is the company, the vendor is the tool, and the role is the one named."""
    found = extract(
        "Pixelbarn has invited you to complete an assessment",
        "TestGorilla",
        "no-reply@testgorilla.com",
        "Hi Tomasz,\n\nPixelbarn has invited you to take an assessment for the role of Frontend Developer.\n\n"
        "TestGorilla on behalf of Pixelbarn",
    )
    assert found.company == "Pixelbarn"
    assert found.role == "Frontend Developer"
    assert found.sender.ats == "TestGorilla"


def test_job_board_update_names_the_employer_and_the_role() -> None:
    """GIVEN an Indeed status update
    WHEN it is read
    THEN the employer is the one the update names, and the board is recorded as such."""
    found = extract(
        "An update on your Indeed application: Dispatcher",
        "Indeed",
        "indeedapply@indeed.com",
        "Hi Terrell,\n\nYour application for Dispatcher at Roundtree Freight was not selected to move forward.",
    )
    assert found.company == "Roundtree Freight"
    assert found.role == "Dispatcher"
    assert found.sender.board == "Indeed"


def test_portal_mail_with_labelled_lines() -> None:
    """GIVEN a public-sector portal mail with 'Job title:' and 'Employer:' lines
    WHEN it is read
    THEN both are taken from those lines, and the portal is not the employer."""
    found = extract(
        "Application submitted",
        "NHS Jobs",
        "noreply@jobs.nhs.uk",
        "Dear Daniel,\n\nJob reference: 041-ADM-2291\nJob title: Ward Clerk, Band 2\n"
        "Employer: Northmoor Community Hospitals NHS Trust\n\nNHS Jobs",
    )
    assert found.company == "Northmoor Community Hospitals NHS Trust"
    assert found.role == "Ward Clerk, Band 2"


def test_recruiter_writing_for_a_client_names_the_client() -> None:
    """GIVEN an agency recruiter who sent the candidate's CV to a client
    WHEN the mail is read
    THEN the company is the client, not the agency."""
    found = extract(
        "My client would like to meet you - Senior Data Analyst",
        "Tessa Grey",
        "tessa@harlowtalent.co.uk",
        "Hi Oliver,\n\nGreat news: I sent your CV across to Fenchurch Mutual for the Senior Data Analyst role "
        "and the hiring manager would like to meet you.\n\nTessa\n\nTessa Grey | Principal Consultant | Harlow Talent",
    )
    assert found.company == "Fenchurch Mutual"
    assert found.role == "Senior Data Analyst"
    assert found.sender.person


def test_named_person_at_a_company() -> None:
    """GIVEN a display name 'Rachel at Pennywise'
    WHEN it is read
    THEN the sender is a person and the company is Pennywise."""
    found = extract(
        "Re: Growth Marketing Manager",
        "Rachel at Pennywise",
        "rachel@pennywise.money",
        "Hi Chris,\n\nThanks so much for your time. We've decided to go with another candidate.\n\nRachel",
    )
    assert found.company == "Pennywise"
    assert found.role == "Growth Marketing Manager"
    assert found.sender.person


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "We appreciate your interest in the Investment Analyst position at Halden Capital.",
            "Investment Analyst",
        ),
        (
            "Thank you for applying for the position of Senior QA Engineer at Halden Capital.",
            "Senior QA Engineer",
        ),
        ("Thank you for applying to the Staff Accountant (Req 55201) position.", "Staff Accountant"),
        ("Saw your application come through for the ML engineer role.", "ML engineer"),
        ("Thank you for your application as Trainee Procurement (f/m/d).", "Trainee Procurement (f/m/d)"),
        (
            "We are pleased to offer you the role of Account Executive, Mid-Market.",
            "Account Executive, Mid-Market",
        ),
    ],
)
def test_role_as_the_mail_states_it(text: str, role: str) -> None:
    """GIVEN a sentence that states the role in one of the usual ways
    WHEN the mail is read
    THEN the role is the title alone: no reference code, no surrounding words."""
    found = extract("Your application", "Halden Capital Careers", "careers@haldencapital.com", text)
    assert found.role == role


@pytest.mark.parametrize(
    "text",
    [
        "Thank you for your interest in Halden Capital. We will review your application shortly.",
        "Thanks for your time yesterday! Could you share your availability for a follow-up call?",
        "We have filled the position. Thank you for applying and best of luck in your search.",
    ],
)
def test_no_role_stated_gives_none(text: str) -> None:
    """GIVEN a mail that never states a job title
    WHEN it is read
    THEN the role is None rather than a guess."""
    found = extract("Your application", "Halden Capital Careers", "careers@haldencapital.com", text)
    assert found.role is None
    assert found.company == "Halden Capital"


def test_legal_form_is_kept_as_the_mail_writes_it() -> None:
    """GIVEN a Norwegian company that signs as 'Nordic Ledger AS'
    WHEN it is read
    THEN the company keeps its legal form."""
    found = extract(
        "Application received",
        "Nordic Ledger",
        "jobb@nordicledger.no",
        "Hi Ingrid,\n\nThank you for your application for the position as Senior Accountant in Oslo.\n\n"
        "Best regards,\nNordic Ledger AS",
    )
    assert found.company == "Nordic Ledger AS"
    assert found.role == "Senior Accountant"


def test_calendar_notification_is_a_tool_not_the_employer() -> None:
    """GIVEN a Google Calendar invitation for an interview
    WHEN it is read
    THEN Google is not taken for the employer; the event names the company."""
    found = extract(
        "Invitation: Cinderloop <> Raj | Final round",
        "Google Calendar",
        "calendar-notification@google.com",
        "Cinderloop <> Raj | Final round\nJoin with Google Meet\n\nOrganizer: recruiting@cinderloop.com",
    )
    assert found.company == "Cinderloop"
    assert found.sender.ats == "Google Calendar"


def test_role_that_only_repeats_the_company_is_no_role() -> None:
    """GIVEN a subject 'Update from Tessellate' and a body that names no title
    WHEN it is read
    THEN the company is Tessellate and the role is None, not the company's name."""
    found = extract(
        "Update from Tessellate",
        "Greenhouse",
        "no-reply@greenhouse.io",
        "Hi Ama,\n\nThanks for your interest in Tessellate. We've decided not to move forward.\n\n"
        "Tessellate Recruiting",
    )
    assert found.company == "Tessellate"
    assert found.role is None


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Acme Talent Acquisition", "Acme"),
        ("The Acme Recruiting Team", "Acme"),
        ('"Kestrel Aerospace Careers"', "Kestrel Aerospace"),
        ("Careers | Ponderosa Public Schools", "Ponderosa Public Schools"),
        ("Harbor & Pine Outfitters", "Harbor & Pine Outfitters"),
    ],
)
def test_clean_company_drops_team_words(raw: str, clean: str) -> None:
    """GIVEN a display name with team words around the company
    WHEN it is cleaned
    THEN only the company's name is left."""
    assert clean_company(raw) == clean


@pytest.mark.parametrize(
    ("address", "vendor"),
    [
        ("no-reply@us.greenhouse-mail.io", "Greenhouse"),
        ("acme@myworkday.com", "Workday"),
        ("noreply@governmentjobs.com", "NEOGOV"),
        ("no-reply@testgorilla.com", "TestGorilla"),
        ("noreply@email.teams.microsoft.com", "Microsoft Teams"),
        ("calendar-notification@google.com", "Google Calendar"),
        ("jane@google.com", None),
        ("jobs@acme.com", None),
    ],
)
def test_hiring_tools_are_recognised_by_address(address: str, vendor: str | None) -> None:
    """GIVEN a sender address
    WHEN its hiring tool is looked up
    THEN ATS, assessment and scheduling tools are found, and an employer's own address is not one."""
    assert ats_vendor(address) == vendor


def test_job_boards_are_recognised_by_address() -> None:
    """GIVEN addresses of job boards and of an employer
    WHEN their board is looked up
    THEN only the boards are found."""
    assert job_board("noreply@joinhandshake.com") == "Handshake"
    assert job_board("jobs-noreply@linkedin.com") == "LinkedIn"
    assert job_board("jobs@acme.com") is None


@pytest.mark.parametrize(
    ("subject", "sender", "address", "body", "company"),
    [
        (
            "Your application was passed to Orrin Hydraulics",
            "TradeHub",
            "notifications@tradehub-jobs.com",
            "Good news! Your application was passed to Orrin Hydraulics.\n\nMaintenance Fitter · Orrin Hydraulics "
            "· Leeds\n\nYou are receiving this because you applied on TradeHub.",
            "Orrin Hydraulics",
        ),
        (
            "Reminder: your Pellworth Insurance assessment closes soon",
            "TestBench",
            "noreply@testbench.io",
            "Hi Ana,\n\nPellworth Insurance asked us to remind you that your numerical reasoning test closes on "
            "Friday.\n\nThe TestBench team",
            "Pellworth Insurance",
        ),
        (
            "An update on your application from Greyhaven Dental",
            "StaffLink",
            "alerts@stafflink.net",
            "Greyhaven Dental has an update on your application for Dental Nurse.\n\nView it on StaffLink.",
            "Greyhaven Dental",
        ),
    ],
)
def test_a_service_relaying_for_an_employer_names_the_employer(
    subject: str, sender: str, address: str, body: str, company: str
) -> None:
    """GIVEN mail from an automated mailbox of a job board or testing tool the extractor does not know by name,
    about another company named in the subject and the body WHEN it is read THEN the employer is that
    company, not the service that sent it."""
    assert extract(subject, sender, address, body).company == company


def test_a_person_at_a_recruitment_firm_names_the_client_not_the_firm() -> None:
    """GIVEN a recruiter writing from a recruitment firm's domain (its name in the signature), about a client
    named in the subject WHEN it is read THEN the employer is the client, never the firm."""
    found = extract(
        "Site Manager - Tolland Construction",
        "Ruth Ames",
        "ruth.ames@kestonridge-recruitment.co.uk",
        "Hi Dev,\n\nTolland Construction came back to me this morning and would like to meet you next week.\n\n"
        "Ruth Ames\nSenior Consultant | Kestonridge Recruitment Ltd",
    )
    assert found.company == "Tolland Construction"
    unnamed = extract(
        "Quick question",
        "Ruth Ames",
        "ruth.ames@kestonridge-recruitment.co.uk",
        "Hi Dev,\n\nAre you still open to site roles in the north west?\n\nRuth Ames\nKestonridge Recruitment Ltd",
    )
    assert unnamed.company is None or "Kestonridge" not in unnamed.company


def test_a_department_of_something_keeps_its_first_word() -> None:
    """GIVEN a public body whose name starts with a team word ('Department of …') WHEN it is read THEN the
    name is kept whole."""
    found = extract(
        "Application received: Policy Adviser",
        "Department of Inland Waterways",
        "recruitment@inlandwaterways.gov.au",
        "Thank you for applying for the Policy Adviser position.\n\nDepartment of Inland Waterways",
    )
    assert found.company == "Department of Inland Waterways"


def test_a_reserved_example_domain_reads_like_a_real_one() -> None:
    """GIVEN a person at a made-up '.example' domain (RFC 2606) WHEN it is read THEN the domain names the
    employer as a real one would."""
    found = extract(
        "Re: Barista role",
        "Tom Reyes",
        "tom@copperkettle.example",
        "Hi Jo, thanks, see you Saturday at 9 for the trial shift.\n\nTom\nCopper Kettle",
    )
    assert found.company == "Copper Kettle"


def test_an_ats_receipt_names_the_employer_it_was_received_by() -> None:
    """GIVEN an applicant-tracking system's receipt whose subject and body name the employer ('received by …')
    WHEN it is read THEN the employer is named, not the tracking system and not nothing."""
    found = extract(
        "Application Received - Tollgate Valley Water Board",
        "Frontline Applicant Tracking",
        "noreply@applitrack.com",
        "Your application has been received by Tollgate Valley Water Board.\n\nPosition(s) applied for:\n"
        "- Water Quality Technician\n\nPlease do not reply to this automated message.",
    )
    assert found.company == "Tollgate Valley Water Board"
