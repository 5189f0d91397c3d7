"""The word lists the extractor reads names and titles by, in lower case unless said otherwise."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    """A set of words written as one space-separated string, which keeps the long lists below readable."""
    return frozenset(text.split())


TEAM_WORDS = _words(
    "team teams talent acquisition recruiting recruitment recruiter recruiters hiring careers career jobs job hr "
    "people culture human resources resource graduate graduates campus early programme program scheme "
    "internships department dept unit office portal notifications notification no-reply noreply staffing "
    "applicant tracking candidate candidates experience scheduling coordinator assessments reminder admin support "
    "info contact offers event the & and via personalabteilung rrhh legal apprenticeships sourcing cell"
)
LEADING_NOISE = frozenset({"the", "team", "your", "from", "at", "@", "via", "-", "—", "–", "|"})
PLACE_WORDS = _words(
    "tower building plaza centre center campus hq headquarters office offices hall park lobby street road avenue "
    "floor level suite depot terminal site facility store branch"
)
TOOL_NAMES = frozenset(
    {"microsoft outlook", "outlook", "google calendar", "calendar", "zoom", "teams", "gmail"}
)
LEGAL = _words(
    "ltd ltd. limited inc inc. llc llp plc plc. gmbh ag se sa s.a. s.r.l. srl s.l. sl bv b.v. nv n.v. as asa ab "
    "oy a.ş. ltda. ltda pvt. pvt co. co corp corp. k.k. s.a.s. sas kg pty pty. s.p.a. spa"
)
AGENCY_WORDS = frozenset({"talent", "staffing", "recruitment", "recruiting", "search", "resourcing"})
NAME_JOINERS = frozenset(
    {"&", "and", "of", "de", "du", "la", "le", "der", "den", "von", "van", "y", "+", "for", "z"}
)
NAME_STOPS = _words(  # as written: words that start a sentence, never a company name
    "I I'm I've I'd I'll We We're We've You You're Your Our Please Thank Thanks Hi Hello Dear Regards Sincerely "
    "Congratulations Unfortunately If This That It Is Are Was Will Would Can Could Should May Let Sent Re Fwd RE "
    "FW Monday Tuesday Wednesday Thursday Friday Saturday Sunday Olá Ola Hola Bonjour Hallo Hej Ciao"
)
ROLE_HEADS = _words(  # the nouns a job title is built on
    "engineer developer designer manager analyst scientist associate assistant coordinator specialist officer "
    "technician tech nurse teacher lead leader director representative rep consultant accountant advocate writer "
    "artist cook chef baker barista supervisor operator planner agent worker therapist researcher fellow lecturer "
    "lectureship professor instructor intern internship trainee apprentice estimator machinist welder fabricator "
    "inspector reporter editor translator recruit hygienist bookseller sommelier programme program scheme head "
    "partner executive administrator clerk cashier teller driver electrician architect adjuster underwriter "
    "biostatistician statistician merchandiser controller hero pm principal counsel attorney lawyer paralegal "
    "pharmacist physician doctor surgeon dentist veterinarian caregiver aide cna receptionist secretary buyer "
    "strategist economist actuary auditor bookkeeper mechanic plumber carpenter handler packer picker stocker "
    "bartender server housekeeper attendant guard firefighter paramedic technologist tester marketer recruiter "
    "sourcer generalist steward volunteer werkstudent student postdoc resident clinician practitioner midwife "
    "psychologist counselor counsellor tutor coach trainer facilitator ambassador expert superintendent foreman "
    "captain pilot producer photographer animator illustrator copywriter librarian curator owner founder cto ceo "
    "cfo coo vp president chair dean sre devops swe sde qa ux ui surveyor dispatcher adviser advisor liaison "
    "negotiator assistante juriste souschef stagiaire praktikant entwickler ingenieur berater leiter "
    "sachbearbeiter mitarbeiter analista desarrollador ingeniero gerente asistente cajero vendedor ontwikkelaar "
    "medewerker utvecklare"
)
ROLE_STOPS = _words(
    "this that same open other new similar specific above current future available following next your our my "
    "their its his her any each every such right perfect great exciting wonderful relevant suitable advertised "
    "posted remote full-time part-time permanent temporary a an the of"
)
ROLE_TAIL_WORDS = _words(  # stock words after a title: 'Data Engineer interview', 'Analyst role'
    "position role job opening vacancy post interview offer application assessment test take-home request "
    "confirmation invitation update outcome feedback opportunity exercise challenge task case study results "
    "status letter contract reminder search process day screen call chat trial"
)
NOT_IN_TITLE = _words("for as to at with from by on in als para pour per")
LEADING_NOT_TITLE = NOT_IN_TITLE | _words(
    "the our your a an application applications offer interview invitation update feedback outcome confirmation "
    "reminder status candidature candidatura bewerbung re"
)
ACADEMIC_HEADS = _words("lecturer lectureship professor fellow fellowship reader chair instructor researcher")
LEFT_OF_TITLE = _words(
    "the our your a an this for as to of on in at with from about regarding re: - – — | : ( ["
)
KEPT_NOTES = frozenset(
    {"part-time", "full-time", "shift", "nights", "days", "evenings", "weekends", "and", "of", "&"}
)
STRONG_ANCHORS = frozenset({"position", "role", "job", "opening", "vacancy", "post", "opportunity"})
GENERIC_SUBJECT_WORDS = _words(  # stock words of subjects, in several languages: never a company's name
    "application applications received confirmation update status interview invitation offer letter assessment "
    "reminder action required next steps step thank thanks your you regarding candidature candidatura "
    "confirmed updated accepted invitation: welcome congratulations good news hired onsite final round "
    "requisition reference outcome feedback result results notice written examination scheduled scheduling "
    "employment appointment engagement conditional contingent tentative informal job contract submitted "
    "acknowledgement acknowledgment receipt of the and for to a an in on at with from about entrevista entretien "
    "angebot erbjudande vaga bewerbung sollicitatie sollicitatiegesprek intervju convocation proposta oferta "
    "offre einladung vorstellungsgespräch probearbeit søknad ansökan posición poste stelle vacature propuesta "
    "proposition callback verbal revised phone video client assignment"
)
TEXT_LABEL_NOISE = _words(
    "mail email careers career jobs job hr talent recruiting notifications us eu em app apply www my candidate "
    "candidates hire go links click link info news"
)
OF_ORGANISATIONS = _words(  # 'University of Westbury': the name that follows 'of' is the domain's
    "university college school institute academy city town county borough district state province bank bureau "
    "department ministry government museum port"
)
SERVICE_LABELS = frozenset({"google", "microsoft", "github", "zoom", "calendly", "linkedin"})
# Vendors that name mailboxes after the employer: acme@myworkday.com.
TENANT_MAILBOXES = frozenset({"Workday"})
SECTOR_WORDS = sorted(  # words a domain often ends with: 'tidemarkrobotics' → 'Tidemark Robotics'
    _words(
        "games labs bank health healthcare analytics robotics security capital partners foods publishing "
        "hotels hotel financial finance systems software energy insurance logistics group media studio "
        "studios design designs digital consulting technologies technology tech solutions pharma medical "
        "medtech care coffee flowers surf libraries library staffing ventures works school schools college "
        "academy law legal homes living retail motors automotive engineering construction data networks cloud "
        "biotech therapeutics clinic dental vets airlines travel kitchens kitchen bakery bakehouse brewing "
        "brewery wines farms fitness sports apparel books press transit rail water power solar realty "
        "properties mutual trust creative collective agency marketing markets freight payments fintech credit "
        "services international global industries manufacturing foundation council county hospital hospitals "
        "fire family hq ngo outfitters goods builders advisory associates textiles glassworks glass "
        "semiconductor precision aerospace shipping marine mining steel chemicals polymers printing events "
        "entertainment music films productions theatre arts gallery relief interiors architects"
    ),
    key=lambda word: (-len(word), word),
)
