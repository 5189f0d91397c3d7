"""Pull the company, the role and the sender out of a job email; never mistake the ATS vendor for the employer.

Every place a mail names its employer proposes a name with a weight: the subject's set phrases ("Thank you for
applying to X", "X - Application received"), the body's ("your interest in X", "on behalf of X", "Employer: X"),
the signature ("The X Recruiting Team", "Recruiter | X"), the sender's display name, and names in the text that
spell the sender's domain ("Coral Bay Bank" for coralbaybank.com). Names that are one company at different
lengths ("Wrenfield", "Wrenfield Labs") are pooled; the best-supported pool wins, spelled the way the domain
confirms, and only when nothing names the company is the domain itself title-cased into a name.

The role is read the same way from anchored phrases ("the position of X", "the X role", "applying for X at",
"Position: X") and from the subject's parts; it stays None unless it reads as a job title (it holds a word like
Engineer, Nurse or Analyst), since no role is better than a wrong one.

Only precompiled regular expressions and short walks over a line's tokens: this runs on every job email.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache, lru_cache

from bounceback.mail.senders import ats_vendor, is_freemail, is_no_reply, job_board

BODY_LIMIT = 6000  # characters read from the top of a body; its last 1,500 are read too, for the signature
MIN_COMPANY_SUPPORT = 2.5  # below this, a pool of names is no answer and the domain is used instead
MIN_ROLE_SUPPORT = 3.0  # one anchored mention ("the X role") is enough; a bare guess is not


@dataclass(frozen=True)
class Sender:
    """Who sent the message and through what."""

    name: str
    address: str
    ats: str | None
    board: str | None
    person: bool


@dataclass(frozen=True)
class Extracted:
    """What a job email says about whom."""

    company: str | None
    role: str | None
    sender: Sender


def extract(subject: str, from_name: str, from_address: str, text: str) -> Extracted:
    """Company, role and sender of one message; None where the message does not say."""
    # 1. who sent it, 2. the parts of the mail worth reading, 3. the employer, 4. the role (never the employer)
    sender = _sender(from_name.strip(), from_address.strip().lower())
    mail = _Mail.read(subject, text, sender)
    company = _company(mail)
    return Extracted(company, _role(mail, company), sender)


def clean_company(raw: str) -> str:
    """A company name without team words, quotes and trailing punctuation."""
    return _clean_name(raw)


# ---------------------------------------------------------------------------------------------------------------
# Word lists (lower case unless said otherwise)


def _words(text: str) -> frozenset[str]:
    """A set of words written as one space-separated string, which keeps the long lists below readable."""
    return frozenset(text.split())


_TEAM_WORDS = _words(
    "team teams talent acquisition recruiting recruitment recruiter recruiters hiring careers career jobs job hr "
    "people culture human resources resource graduate graduates campus early programme program scheme "
    "internships department dept unit office portal notifications notification no-reply noreply staffing "
    "applicant tracking candidate candidates experience scheduling coordinator assessments reminder admin support "
    "info contact offers event the & and via personalabteilung rrhh legal"
)
_LEADING_NOISE = frozenset({"the", "team", "your", "from", "at", "@", "via", "-", "—", "–", "|"})
_PLACE_WORDS = _words(
    "tower building plaza centre center campus hq headquarters office offices hall park lobby street road avenue "
    "floor level suite depot terminal site facility store branch"
)
_TOOL_NAMES = frozenset(
    {"microsoft outlook", "outlook", "google calendar", "calendar", "zoom", "teams", "gmail"}
)
_LEGAL = _words(
    "ltd ltd. limited inc inc. llc llp plc plc. gmbh ag se sa s.a. s.r.l. srl s.l. sl bv b.v. nv n.v. as asa ab "
    "oy a.ş. ltda. ltda pvt. pvt co. co corp corp. k.k. s.a.s. sas kg pty pty. s.p.a. spa"
)
_AGENCY_WORDS = frozenset({"talent", "staffing", "recruitment", "recruiting", "search", "resourcing"})
_NAME_JOINERS = frozenset(
    {"&", "and", "of", "de", "du", "la", "le", "der", "den", "von", "van", "y", "+", "for", "z"}
)
_NAME_STOPS = _words(  # as written: words that start a sentence, never a company name
    "I I'm I've I'd I'll We We're We've You You're Your Our Please Thank Thanks Hi Hello Dear Regards Sincerely "
    "Congratulations Unfortunately If This That It Is Are Was Will Would Can Could Should May Let Sent Re Fwd RE "
    "FW Monday Tuesday Wednesday Thursday Friday Saturday Sunday Olá Ola Hola Bonjour Hallo Hej Ciao"
)
_ROLE_HEADS = _words(  # the nouns a job title is built on
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
_ROLE_STOPS = _words(
    "this that same open other new similar specific above current future available following next your our my "
    "their its his her any each every such right perfect great exciting wonderful relevant suitable advertised "
    "posted remote full-time part-time permanent temporary a an the of"
)
_ROLE_TAIL_WORDS = _words(  # stock words after a title: 'Data Engineer interview', 'Analyst role'
    "position role job opening vacancy post interview offer application assessment test take-home request "
    "confirmation invitation update outcome feedback opportunity exercise challenge task case study results "
    "status letter contract reminder search process day screen call chat trial"
)
_NOT_IN_TITLE = _words("for as to at with from by on in als para pour per")
_LEADING_NOT_TITLE = _NOT_IN_TITLE | _words(
    "the our your a an application applications offer interview invitation update feedback outcome confirmation "
    "reminder status candidature candidatura bewerbung re"
)
_ACADEMIC_HEADS = _words(
    "lecturer lectureship professor fellow fellowship reader chair instructor researcher"
)
_LEFT_OF_TITLE = _words(
    "the our your a an this for as to of on in at with from about regarding re: - – — | : ( ["
)
_KEPT_NOTES = frozenset(
    {"part-time", "full-time", "shift", "nights", "days", "evenings", "weekends", "and", "of", "&"}
)
_STRONG_ANCHORS = frozenset({"position", "role", "job", "opening", "vacancy", "post", "opportunity"})
_GENERIC_SUBJECT_WORDS = _words(  # stock words of subjects, in several languages: never a company's name
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
_TEXT_LABEL_NOISE = _words(
    "mail email careers career jobs job hr talent recruiting notifications us eu em app apply www my candidate "
    "candidates hire go links click link info news"
)
_OF_ORGANISATIONS = _words(  # 'University of Westbury': the name that follows 'of' is the domain's
    "university college school institute academy city town county borough district state province bank bureau "
    "department ministry government museum port"
)
_SERVICE_LABELS = frozenset({"google", "microsoft", "github", "zoom", "calendly", "linkedin"})
# Vendors that name mailboxes after the employer: acme@myworkday.com.
_TENANT_MAILBOXES = frozenset({"Workday"})
_SECTOR_WORDS = sorted(  # words a domain often ends with: 'tidemarkrobotics' → 'Tidemark Robotics'
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

# ---------------------------------------------------------------------------------------------------------------
# Patterns, compiled once

_TOKEN = re.compile(r"\([^()\n]{0,60}\)|[^\s()]+")
_ABBREVIATION = re.compile(
    r"^(?:(?:[^\W\d_]{1,3}\.){2,}|(?:Co|Inc|Ltd|Ltda|Corp|Pvt|Pty|Sp|Bros|Intl|St|Dr|Mt|Jr|Sr|No)\.)$"
)
_WORD_START = re.compile(r"(?<![\w&'’.-])[^\W\d_][\w&'’.-]*")
_SPACES = re.compile(r"\s+")
_TITLE_WORD_SPLIT = re.compile(r"[\s-]+")
_DASH_SPLIT = re.compile(r"\s+[-–]\s+")
_DIGIT = re.compile(r"\d")
_ORDINAL = re.compile(r"\b\d+(?:st|nd|rd|th)\b", re.IGNORECASE)
_LEVEL = re.compile(r"^level \d+$", re.IGNORECASE)
_YEAR = re.compile(r"^(?:19|20)\d\d(?:[-/]\d\d)?$")
_PARENTHESIS = re.compile(r"\s*\(([^()]*)\)")
_PARENTHESIS_INNER = re.compile(r"\(([^()]{3,60})\)")
_NOTE_SPLIT = re.compile(r"[\s,]+")

_SPLIT_SUBJECT = re.compile(r"\s+(?:[-–—|/]|//|x|<>|\+)\s+|:\s+|\s*[\[\]]\s*|[!?]\s+|\s+@\s+")
_REPLY_PREFIX = re.compile(r"^(?:(?:re|fwd?|aw|wg|tr|sv|vs)\s*:\s*)+", re.IGNORECASE)
_QUOTE_START = re.compile(r"^(?:On .{0,120}wrote:|-{2,} ?Original Message ?-{2,}|From: .+)$", re.MULTILINE)
_GREETING = re.compile(
    r"^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|kia ora|g'day|ol[aá]|hola|bonjour|hallo|hej|ciao|"
    r"salut|buongiorno|guten tag|greetings)\b",
    re.IGNORECASE,
)
_SIGNOFF = re.compile(
    r"^(?:best|thanks|thank you|regards|kind regards|warm regards|best regards|sincerely|yours|cheers|warmly|love|"
    r"with|all the best|many thanks|respectfully|cordially|greetings|talk soon|see you|good luck|ngā mihi|"
    r"obrigada|abraços|thanks & regards|very truly|xx|--|sent from|powered by|this (?:email|message)|please|"
    r"you are receiving|unsubscribe|privacy|manage|©|copyright)\b",
    re.IGNORECASE,
)
_AGENCY = re.compile(  # a recruiter writing for a client, not a company writing about its own clients
    r"\bmy client\b|\b(?:our|the) client(?:'s|’s| has| would| is| wants| asked)\b|\bemployment agency\b|"
    r"\brecruitment (?:agency|consultancy)\b|\bsearch firm\b|\bacting on behalf of\b|"
    r"\b(?:sent|submitted|forwarded|put) your (?:cv|resume|profile|details) (?:across |over |forward )?to (?-i:[A-Z])",
    re.IGNORECASE,
)
_DOMAIN_IN_TEXT = re.compile(
    r"(?:[\w.+-]{1,64}@|https?://|\bwww\.)([a-z0-9-]+(?:\.[a-z0-9-]+)+)", re.IGNORECASE
)
_LOCAL_NOISE = re.compile(  # mailboxes that belong to a team, not a person: jobs@, careers-noreply@, hr@
    r"^(?:no-?reply|do-?not-?reply|notifications?|jobs?|careers?|talent|recruit|recruiting|recruitment|hr|info|"
    r"support|candidates?|hello|hi|team|mail|system|admin|workday|apply|hiring|people|practice|office|contact|"
    r"grad|graduates?|campus|university|interviews?|scheduling|coordinator|offers|assessments?|ta|rrhh|"
    r"bewerbung|jobb|lavora|recrutement|editor|frontdesk)(?:[-_.]?(?:no-?reply|team|us|uk|eu))?$"
)
_TITLES = re.compile(r"^(?:dr|prof|mr|mrs|ms|mx|sir)\.?\s+", re.IGNORECASE)
_NAMED_FROM = re.compile(r"^(?P<who>[^\W\d_][\w'’-]*)\s+(?:at|from|@)\s+(?P<org>.+)$")
_GROUP_AT = re.compile(
    r"^(?:(?:jobs|careers|hiring|recruiting|talent|people|hr|hiring team|recruiting team|talent team)\s+"
    r"(?:at|@|with|from)\s+|careers\s*@\s*)(?P<org>.+)$",
    re.IGNORECASE,
)
_PLATFORM_WORDS = re.compile(r"\b(?:portal|applicant tracking|job board|jobs? platform)\b", re.IGNORECASE)

_SUBJECT_COMPANY = [  # the company's name follows
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\b(?:applying|application|applied|apply|interest|candidacy)\s+(?:to|at|with|in)\s+(?:join(?:ing)?\s+)?",
        r"\b(?:update|news|offer|offer letter|message|thank you|thanks|feedback|contract|letter|note|invitation|"
        r"request|greetings)\s+from\s+",
        r"\b(?:interview|call|chat|meeting|conversation|assessment|test|exercise|challenge|career|offer)\s+"
        r"(?:with|at|for)\s+",
        r"\b(?:welcome to|join|joining|(?:sent|submitted|forwarded) to)\s+",
        r"\b(?:invit\w*|request\w*|assessment|test)\b[^|:]{0,40}?\s(?:by|from)\s+",
        r"\b(?:application|applying|applied|role|position|job|interview|offer)\b[^|:–—]{0,60}?\s(?:at|with)\s+",
    )
]
_SUBJECT_COMPANY_BEFORE = re.compile(  # the company's name precedes: 'Acme has invited you…'
    r"^\s*(?:invites you|has invited you|has sent you|sent you|would like|wants|is excited|has extended|"
    r"has requested|requests|has asked|has shared)\b",
    re.IGNORECASE,
)
_SUBJECT_NAMED_THING = re.compile(  # 'Your Acme application', 'Reminder: Acme test expires'
    r"(?:[:|–—-]\s*|\b(?i:your|the)\s+)(?P<c>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3}?)\s+"
    r"(?:application|assessment|test|interview|offer|candidacy|take-home|exercise|challenge|questionnaire)\b"
)
_AT_OR_WITH = re.compile(r"\s+(?:at|with)\s+")
_FOR_OR_AS = re.compile(r"\s(?:for|as)\s+")
_BODY_COMPANY = [  # the company's name follows; weak alone
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\b(?:applying|application|applied|apply)\s+(?:to|at|with)\s+(?:the\s+)?",
        r"\binterest(?:ed)?\s+(?:in|to)\s+(?:joining\s+|working\s+(?:at|with|for)\s+)?(?:the\s+)?",
        r"\b(?:considering|thinking of|choosing|to join|joining|welcome(?: you)? to|greetings from|offer from|"
        r"invited by|part of|employment with|career with|careers at|here at|work(?:ing)? (?:at|for|with)|"
        r"interview(?:ing)? with|teaching at|time with)\s+(?:the\s+)?",
        r"\b(?:position|role|job|opening|opportunity|vacancy|post|internship|programme|program)\s+(?:at|with)\s+"
        r"(?:the\s+)?",
        r"\b(?:vacancy|position|role|job|application|applied|applying) through\s+",
    )
]
_NOT_A_COMPANY_AFTER = re.compile(r"\s+(?:position|role|job|opening|team|vacancy|post)\b", re.IGNORECASE)
_BODY_COMPANY_STRONG = [  # the company's name follows; says who employs
    re.compile(p, re.IGNORECASE | re.MULTILINE)
    for p in (
        r"\bon behalf of\s+(?:the\s+)?",
        r"\b(?:sent|submitted|forwarded|put|passed) your (?:cv|resume|résumé|application|profile|details) "
        r"(?:across |over |forward |on )?to\s+",
        r"^\s*event(?: type| name)?\s*:\s*(?=[^\n]{2,40}\s[-–|:]\s)",
        r"\bsent by\s+(?=\S+(?:\s+\S+){0,4}\s+via\b)",
        r"^\s*(?:company|employer|agency|organi[sz]ation|department|hiring (?:company|organi[sz]ation|agency))"
        r"\s*:\s*",
        r"\bthe\s+(?=(?:[A-Z][\w&'’-]*\s+){1,4}(?:recruitment|recruiting|hiring|talent|people|hr) team\b)",
    )
]
_BODY_COMPANY_BEFORE = re.compile(  # the company's name precedes: 'Acme has invited you', 'Acme · Berlin'
    r"\s+(?:has invited you|invites you|would like (?:you|to)|has requested|has asked|has extended|has sent|"
    r"is (?:pleased|excited|delighted|happy|thrilled) to|wants to|has made|has reviewed|has updated|has decided|"
    r"has received|will review)\b|\s+·\s+Career site by\b|[ \t]+·[ \t]+[A-Z][^\n]{0,40}$",
    re.MULTILINE,
)
_SIGNATURE_SPLIT = re.compile(r"\s*(?:\||,(?!\s*(?:Ltd|Inc|LLC|LLP|Ltda|S\.A)\b)|·| @ | – | — )\s*")
_SIGNATURE_ASIDE = re.compile(r"\s*\((?:via|acting on behalf of)\b[^)]*\)$", re.IGNORECASE)
_EXTENDING_LEGAL = re.compile(  # legal forms a person keeps when writing the name ('Nordic Ledger AS')
    r"(?:,? (?:Pvt\. Ltd\.|Co\., Ltd\.|S\.r\.l\.|S\.p\.A\.|S\.A\.S\.|S\.A\.|S\.L\.|A\.Ş\.|Ltda\.|Sp\. z o\.o\.|"
    r"d\.o\.o\.|s\.r\.o\.|a\.s\.|\(Pty\) Ltd|Pty Ltd|SE|AS|ASA|AB|ApS|Oy|B\.V\.|N\.V\.|AG|GmbH|LLP|LLC|Inc\.|"
    r"Ltd\.?|plc\.?))+"
)
_THE_BEFORE = re.compile(r"(?:[,|@:]|\b(?:at|for|with|of|from|join|joining))[ \t]+$")

_ROLE_AFTER = re.compile(  # the title follows: 'the position of X'
    r"\b(?:position|role|post|vacancy|opening|job title|appointment|engagement|employment|contract)\s+(?:of|as)\s+"
    r"(?:an?\s+|the\s+)?",
    re.IGNORECASE,
)
_ROLE_FOR = re.compile(  # the title follows: 'applying for X', 'your application as X'
    r"\b(?:appl(?:ying|ied|ication|y)|candidacy|candidature|interest|interview(?:ing|s)?|cv|resume|offer|"
    r"assessment|test|process|search|shortlisted|considered|consideration|selected)\s+(?:for|as|to(?: be)?)\s+"
    r"(?:the\s+|our\s+|an?\s+)?(?:position\s+|role\s+)?",
    re.IGNORECASE,
)
_ROLE_ANCHOR = re.compile(  # the title precedes, in lower case prose: 'the X role'
    r"\b(?P<a>position|role|job|opening|vacancy|post|opportunity|seat|search|interview|offer|application|"
    r"assessment|take-home|candidacy|process)\b"
)
_ROLE_FIELD = re.compile(  # a labelled line: 'Position: X'
    r"^[ \t]*(?:position|job title|role|classification|vacancy|post|event type|position\(s\) applied for)"
    r"[ \t]*:[ \t]*(?P<rest>[^\n]*)(?:\n[ \t]*[-•*]?[ \t]*(?P<next>[^\n]*))?",
    re.IGNORECASE | re.MULTILINE,
)


# ---------------------------------------------------------------------------------------------------------------
# Small text helpers


@lru_cache(maxsize=8192)
def _fold(text: str) -> str:
    """Lower case without accents: 'Associés' → 'associes'."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=8192)
def _squash(text: str) -> str:
    """Only the letters and digits, folded; '&' reads 'and': 'Harbor & Pine' → 'harborandpine'."""
    return "".join(c for c in _fold(text.replace("&", "and")) if c.isalnum())


def _capitalised(word: str) -> bool:
    """A word a name can be made of: 'Acme', 'GAON', 'iCIMS' (not '2026', not 'with')."""
    if not word or not any(c.isalpha() for c in word):
        return False
    return word[0].isupper() or (len(word) > 1 and word[0].islower() and word[1].isupper())


def _split_token(token: str) -> tuple[str, str]:
    """A token without trailing punctuation, and that punctuation ('' when the phrase runs on)."""
    if token.startswith("("):
        return token, ""
    core = token.rstrip(",;:!?\"”’'»)]…")
    tail = token[len(core) :]
    if core.endswith(".") and not _ABBREVIATION.match(core):
        core, tail = core.rstrip("."), "." + tail
    return core.lstrip("\"“‘'«(["), tail


def _tokens(fragment: str) -> list[str]:
    """The tokens of a fragment's first line."""
    return _TOKEN.findall(fragment.split("\n", 1)[0][:200])


def _role_words(text: str) -> list[str]:
    """The folded words of a title, without punctuation and parentheses; 'SDE-2' gives 'sde' and '2'."""
    return [_fold(w.strip("(),.")) for w in _TITLE_WORD_SPLIT.split(text) if w.strip("(),.")]


def _has_role_head(text: str) -> bool:
    """Whether a phrase holds a job-title noun ('Engineer', 'Nurse', 'PM', a '-ist' or an '-ician')."""
    return any(w in _ROLE_HEADS or (len(w) > 5 and w.endswith(("ist", "ician"))) for w in _role_words(text))


def _is_team_only(name: str) -> bool:
    """A name made only of team words ('Talent Acquisition', 'HR & Admin Unit')."""
    return all(w.lower().strip(",.") in _TEAM_WORDS for w in name.split())


def _subject_parts(subject: str) -> list[str]:
    """The subject cut at its separators: 'Acme - Application received: Analyst' → three parts."""
    return [p.strip(" .,!?") for p in _SPLIT_SUBJECT.split(subject) if p and p.strip(" .,!?")]


def _looks_generic(part: str) -> bool:
    """A subject part made of stock words ('Application Received', 'Offer Letter') rather than a name."""
    words = [w.lower().strip(",.:") for w in part.split()]
    return any(w in _GENERIC_SUBJECT_WORDS for w in words) or any(c.isdigit() for c in part)


# ---------------------------------------------------------------------------------------------------------------
# Walking names and titles over a line's tokens


def _name_at(fragment: str) -> str:
    """The capitalised name that opens a fragment: 'Harbor & Pine Outfitters! We…' → 'Harbor & Pine Outfitters'."""
    words: list[str] = []
    pending: list[str] = []  # joiners ('&', 'of') kept only when a capitalised word follows
    for token in _tokens(fragment):
        core, tail = _split_token(token)
        if words and core.lower() in _NAME_JOINERS:
            pending.append(core)
        elif (
            _capitalised(core) and core not in _NAME_STOPS and not core.startswith("(") and core not in words
        ):
            words += [*pending, core]
            pending = []
            if core.endswith(("'s", "’s")):  # "Pennywise's free plan"
                words[-1] = core[:-2]
                break
        else:
            break
        if tail or len(words) >= 7:
            break
    return " ".join(words)


def _name_before(line: str) -> str:
    """The capitalised name that ends a fragment, after punctuation or a small word: 'Hi Mei, Fablewood'."""
    tokens = _TOKEN.findall(line[-160:])
    best = ""
    for start in range(len(tokens) - 1, max(-1, len(tokens) - 8), -1):
        candidate = " ".join(tokens[start:])
        if _name_at(candidate) != candidate:
            continue
        before = tokens[start - 1] if start else ""
        if not before or before[-1] in ".,!?:;—–-|" or before.lower() in _LEFT_OF_TITLE:
            best = candidate
    return best


def _title_at(fragment: str) -> str:
    """The job title that opens a fragment: 'Senior PM, Platform role at…' → 'Senior PM, Platform'."""
    words: list[str] = []
    pending: list[str] = []  # joiners ('of', '&', '-') kept only when a title word follows
    after_comma = -1  # title words since a comma inside the title ('Manager, Private Banking'); -1: none yet
    for token in _tokens(fragment):
        core, tail = _split_token(token)
        low = core.lower()
        joiner = low in {"of", "&", "and", "-", "–", "/", "de", "y"} or (
            low == "in" and bool(words) and _fold(words[-1]) in _ACADEMIC_HEADS  # 'Lecturer in Linguistics'
        )
        if words and joiner:
            pending.append(core)
        elif words and core.startswith("(") and not pending:
            words.append(core)
        elif (_capitalised(core) or core[:1].isdigit() or core.startswith(".")) and (
            core not in _NAME_STOPS or (core == "I" and bool(words))  # 'Project Engineer I'
        ):
            if after_comma >= 2 and not pending:
                break
            words += [*pending, core]
            pending = []
            after_comma += 1 if after_comma >= 0 else 0
        else:
            break
        if tail == "," and after_comma < 0 and not pending:
            words[-1] += ","
            after_comma = 0
            continue
        if tail:
            break
    if words and words[-1].endswith(","):
        words[-1] = words[-1][:-1]
    return " ".join(words)


def _title_before(line: str) -> str:
    """The job title that ends a fragment, after a word like 'the' or 'our': '…for the Staff Engineer'."""
    tokens = _TOKEN.findall(line[-200:])
    best = ""
    for start in range(len(tokens) - 1, max(-1, len(tokens) - 12), -1):
        candidate = " ".join(tokens[start:])
        if not _capitalised(tokens[start]) and not tokens[start][:1].isdigit():
            continue
        if _title_at(candidate) != candidate.rstrip(","):
            continue
        before = tokens[start - 1].lower() if start else ""
        if not before or before in _LEFT_OF_TITLE or before[-1] in ",:|—–-":
            best = candidate
    return best


def _lower_title_before(line: str, *, start_ok: bool = False) -> str:
    """A title in lower case after 'the'/'our' (or opening a subject): '…for the litigation associate'."""
    tokens = line[-80:].split()
    if not tokens or _fold(tokens[-1]) not in _ROLE_HEADS:
        return ""
    for size in range(1, min(4, len(tokens)) + 1):
        words = tokens[-size:]
        first = _fold(words[0])
        if (
            not first.replace("-", "").replace("&", "").isalnum()
            or first in _ROLE_STOPS
            or first in _NOT_IN_TITLE
        ):
            return ""
        if not start_ok and words[0][:1].isupper() and not words[0].isupper():
            return ""  # in running text a capitalised word belongs to a capitalised title, read elsewhere
        before = tokens[-size - 1].lower() if len(tokens) > size else ""
        if before in {"the", "our", "your", "a", "an", "as"} or (not before and start_ok):
            return " ".join(words)
    return ""


# ---------------------------------------------------------------------------------------------------------------
# Domains: what an address says about its owner


def _registrable_label(domain: str) -> str:
    """The part of a domain that names its owner: 'careers.coralbaybank.co.uk' → 'coralbaybank'."""
    # 'example' is the reserved name of made-up test domains (jobs.acme.example.com): it owns nothing.
    parts = [p for p in domain.lower().split(".") if p and p != "example"]
    if len(parts) < 2:
        return ""
    if len(parts) >= 3 and len(parts[-1]) == 2 and (len(parts[-2]) <= 3 or parts[-2] in {"gov", "edu"}):
        return parts[-3]
    return parts[-2]


def _own_label(address: str, ats: str | None) -> str:
    """The employer's name as its address spells it: the domain, or the mailbox at an ATS ('acme@myworkday.com')."""
    local, _, domain = address.partition("@")
    if ats:
        tenant = ats in _TENANT_MAILBOXES and len(local) >= 3 and not _LOCAL_NOISE.match(local)
        return local if tenant and local.replace("-", "").isalpha() else ""
    if not domain or job_board(address) or is_freemail(address):
        return ""
    return _registrable_label(domain)


def _labels_in(text: str) -> set[str]:
    """Owner labels of the addresses and links a text mentions, leaving out hiring tools, boards and free mail."""
    labels = set()
    for match in _DOMAIN_IN_TEXT.finditer(text):
        domain = match.group(1).lower().rstrip(".")
        address = "x@" + domain
        if ats_vendor(address):
            sub = domain.split(".")[0]
            if sub not in _TEXT_LABEL_NOISE and len(domain.split(".")) > 2:
                labels.add(sub)  # acme.teamtailor.com: the employer's own page at a vendor
        elif not job_board(address) and not is_freemail(address):
            label = _registrable_label(domain)
            if label and label not in _SERVICE_LABELS:
                labels.add(label)
    return labels


@lru_cache(maxsize=4096)
def _spells(label: str, words: tuple[str, ...]) -> bool:
    """Whether the label is written by the words' beginnings in order ('bluemesacu' ← Blue Mesa Credit Union).

    The first word gives at least three letters; a later word may give none, a short abbreviation ('mfg' ←
    Manufacturing), or one letter when a neighbour gives one too (initials: 'cu' ← Credit Union).
    """

    @cache
    def go(i: int, j: int, initials: int) -> bool:
        if i == len(label):
            return initials != 1
        if j == len(words):
            return False
        word = words[j]
        shortest = min(3, len(word)) if j == 0 else 0
        for k in range(len(word), shortest - 1, -1):
            if k != 1 and initials == 1:
                continue
            if (k == 0 or label.startswith(word[:k], i)) and go(i + k, j + 1, initials + 1 if k == 1 else 0):
                return True
        if j and len(word) > 2 and initials != 1:
            for k in (2, 3, 4):
                piece = label[i : i + k]
                if (
                    len(piece) == k
                    and piece[0] == word[0]
                    and _is_subsequence(piece, word)
                    and go(i + k, j + 1, 0)
                ):
                    return True
        return False

    return go(0, 0, 0)


def _is_subsequence(piece: str, word: str) -> bool:
    """Whether the letters of piece appear in word in order."""
    letters = iter(word)
    return all(c in letters for c in piece)


def _spelling(label: str, name: str) -> int:
    """How a name spells a domain label: 2 word for word, 1 by word beginnings, 0 not at all."""
    squashed = _squash(label)
    everything = [s for s in (_squash(w) for w in name.split()) if s]
    words = [s for s in (_squash(w) for w in name.split() if w.lower() not in _LEGAL) if s]
    if words and words[0] == "the":
        words, everything = words[1:], everything[1:]
    if not squashed or not words:
        return 0
    if squashed in {"".join(words), "".join(everything)}:
        return 2
    if _spells(squashed, tuple(words)) or _spells(squashed, tuple(everything)):
        return 1
    if words[0] in _OF_ORGANISATIONS and "of" in words[:-1]:  # University of Westbury ← westbury
        rest = words[words.index("of") + 1 :]
        return 1 if rest and _spells(squashed, tuple(rest)) else 0
    return 0


# ---------------------------------------------------------------------------------------------------------------
# Names


def _clean_name(raw: str, label: str = "") -> str:
    """A company name without team words, quotes and punctuation; kept whole where the domain spells it whole."""
    name = _SPACES.sub(" ", raw).strip(" \"'“”‘’<>,.:;-–—|()[]!?")
    words = name.split()
    while words and (words[0].lower() in _LEADING_NOISE or words[0].lower() in _TEAM_WORDS):
        words = words[1:]
    whole = list(words)
    while words and (words[-1].lower().strip(",.") in _TEAM_WORDS or not words[-1].strip("&-|")):
        words = words[:-1]
    if (
        label
        and words != whole
        and _spelling(label, " ".join(whole))
        and not _spelling(label, " ".join(words))
    ):
        words = whole  # 'Harlow Talent' at harlowtalent.co.uk is the firm's name, not its talent team
    if len(words) > 1 and words[-1].rstrip(".").lower() == "sp":  # 'Nordbyte Sp' of 'Nordbyte Sp. z o.o.'
        words = words[:-1]
    cleaned = " ".join(words).strip(" ,;:-–—|")
    if cleaned.endswith(".") and cleaned.split()[-1].lower() not in _LEGAL:
        cleaned = cleaned.rstrip(".")
    if " " in cleaned and ((cleaned.isupper() and len(cleaned) > 4) or cleaned.islower()):
        cleaned = cleaned.title()  # a banner in capitals, or a name in lower case
    return cleaned


def _key_words(name: str) -> tuple[str, ...]:
    """The comparable words of a name: folded, without 'the' and legal forms."""
    words = [s for s in (_squash(w) for w in name.split() if w.lower() not in _LEGAL) if s]
    return tuple(words[1:] if words[:1] == ["the"] else words)


# ---------------------------------------------------------------------------------------------------------------
# The mail as the extractor reads it


@dataclass
class _Mail:
    """The parts of a message the extractor reads."""

    subject: str
    own: str  # the sender's own words
    quoted: str  # earlier messages quoted below them
    sender: Sender
    label: str  # the employer's name as the sender's address spells it
    agency: bool  # a recruitment agency writes, perhaps for a client
    labels_in_text: set[str] = field(default_factory=set)

    @classmethod
    def read(cls, subject: str, text: str, sender: Sender) -> _Mail:
        """Split the body into own words and quotes; note the domains and agency hints it mentions."""
        body = text[:BODY_LIMIT] + ("\n" + text[-1500:] if len(text) > BODY_LIMIT else "")
        own_lines: list[str] = []
        quoted_lines: list[str] = []
        start = _QUOTE_START.search(body)
        head, tail = (body[: start.start()], body[start.end() :]) if start else (body, "")
        for line in head.splitlines():
            (quoted_lines if line.lstrip().startswith(">") else own_lines).append(line)
        quoted_lines += tail.splitlines()
        quoted = "\n".join(line.lstrip("> ").strip() for line in quoted_lines)
        own = "\n".join(own_lines)
        label = _own_label(sender.address, sender.ats)
        agency = bool(_AGENCY.search(subject) or _AGENCY.search(own)) or _is_agency_name(sender.name, label)
        mail = cls(_REPLY_PREFIX.sub("", subject.strip()), own, quoted, sender, label, agency)
        mail.labels_in_text = _labels_in(body)
        return mail

    @property
    def body(self) -> str:
        """Own words and quotes together."""
        return self.own + "\n" + self.quoted


def _is_agency_name(display: str, label: str) -> bool:
    """Whether the sender's own name is a recruitment firm's ('Harlow Talent' at harlowtalent.co.uk)."""
    words = display.split()
    return len(words) >= 2 and words[-1].lower() in _AGENCY_WORDS and _spelling(label, display) == 2


# ---------------------------------------------------------------------------------------------------------------
# The sender


def _sender(name: str, address: str) -> Sender:
    """Who wrote: the display name and address, the tool that sent it, and whether it is a named person."""
    ats, board = ats_vendor(address), job_board(address)
    return Sender(name, address, ats, board, _is_person(name, address, ats or board))


def _is_person(name: str, address: str, vendor: str | None) -> bool:
    """Whether a display name is a named human rather than a team, a company or a system."""
    if not name or vendor or is_no_reply(address) or _GROUP_AT.match(name):
        return False
    if _NAMED_FROM.match(name):  # 'Rachel at Pennywise'
        return True
    words = _TITLES.sub("", name).split()
    if not 1 <= len(words) <= 4 or any(w.lower() in _TEAM_WORDS or not _capitalised(w) for w in words):
        return False
    label = _own_label(address, None)
    if label and _spelling(label, " ".join(words)):
        return False  # the company's own name
    local = address.partition("@")[0]
    if any(len(w) >= 3 and _squash(w) in _squash(local) for w in words):
        return True  # 'Priscilla Tan <priscilla.tan@…>'
    if _LOCAL_NOISE.match(local.lower()) and len(words) >= 2:
        return False  # a company name on a shared mailbox: 'LifeSpring International <recruitment@…>'
    return len(words) == 1 or not _has_role_head(name)


# ---------------------------------------------------------------------------------------------------------------
# Company: every source proposes names with weights


class _NameVotes:
    """Names proposed for the employer, with their summed weights."""

    def __init__(self, mail: _Mail) -> None:
        self.mail = mail
        self.weights: dict[str, float] = defaultdict(float)
        self.vendors = {_squash(mail.sender.ats or ""), _squash(mail.sender.board or "")} - {""}
        person = mail.sender.name if mail.sender.person else ""
        self.person_words = {_squash(w) for w in _TITLES.sub("", person).split()} - {""}

    def add(self, raw: str, weight: float) -> None:
        """Count one proposal, unless it is no company's name at all."""
        name = _clean_name(raw, self.mail.label)
        if self._refused(name):
            return
        self.weights[name] += weight

    def _refused(self, name: str) -> bool:
        """Empty, too long, a team, the vendor, the sender's own name, a tool, a job title or stock words."""
        words = name.split()
        if not name or len(name) > 60 or len(words) > 7 or _is_team_only(name):
            return True
        squashed = _squash(name)
        if any(v in squashed or (len(squashed) >= 3 and squashed in v) for v in self.vendors):
            return True
        if set(_key_words(name)) <= self.person_words or name.lower() in _TOOL_NAMES:
            return True
        if _fold(words[-1]) in _ROLE_HEADS or words[0] in _NAME_STOPS:
            return True
        return all(w.lower() in _GENERIC_SUBJECT_WORDS for w in words)


def _company_votes(mail: _Mail) -> _NameVotes:
    """Every proposal for the employer's name in one mail."""
    votes = _NameVotes(mail)
    _subject_names(votes, mail.subject)
    _body_names(votes, mail.own, 1.0)
    _body_names(votes, mail.quoted, 0.5)
    _signature_names(votes, mail.own)
    _display_names(votes, mail.sender, 2 if mail.agency else 4)
    _domain_names(votes, mail.label, mail.body)
    return votes


def _subject_names(votes: _NameVotes, subject: str) -> None:
    """Names in the subject's set phrases and parts; each name counts once."""
    found: dict[str, float] = {}
    for pattern in _SUBJECT_COMPANY:
        for match in pattern.finditer(subject):
            found.setdefault(_name_at(subject[match.end() :]), 4)
    for match in _SUBJECT_NAMED_THING.finditer(subject):
        found.setdefault(match.group("c"), 3)
    for match in _AT_OR_WITH.finditer(subject):  # 'Status update: Data Engineer at Acme'
        if _has_role_head(_title_before(subject[: match.start()])):
            found.setdefault(_name_at(subject[match.end() :]), 4)
    first = _name_at(subject)
    if first and _SUBJECT_COMPANY_BEFORE.match(subject[subject.find(first) + len(first) :]):
        found.setdefault(first, 4)
    after_title = False
    for part in _subject_parts(subject):  # 'Acme - Data Engineer'; after a title a part is often a place
        if _name_at(part) == part and not _has_role_head(part) and not _looks_generic(part):
            found.setdefault(part, 1.5 if after_title else 2)
        after_title = _has_role_head(part)
    for name, weight in found.items():
        votes.add(name, weight)


def _body_names(votes: _NameVotes, text: str, weight: float) -> None:
    """Names in the body's phrases: 'applying to X', 'your interest in X', 'X has invited you', 'on behalf of X'."""
    for pattern in _BODY_COMPANY:
        for match in pattern.finditer(text):
            name = _name_at(text[match.end() :])
            if name and not _NOT_A_COMPANY_AFTER.match(text, match.end() + len(name)):
                votes.add(name, weight)
    for pattern in _BODY_COMPANY_STRONG:
        for match in pattern.finditer(text):
            votes.add(_name_at(text[match.end() :]), 3 * weight)
    for match in _ROLE_FOR.finditer(text):  # 'your application for Data Engineer at Acme'
        rest = text[match.end() :]
        title = _title_at(rest)
        after = _AT_OR_WITH.match(rest, len(title)) if title and _has_role_head(title) else None
        if after:
            votes.add(_name_at(rest[after.end() :]), 2.5 * weight)
    # 'X would like you to…': from a vendor X is an employer, from a person more often a colleague.
    before_weight = (2.5 if votes.mail.sender.ats else 1.5) * weight
    for match in _BODY_COMPANY_BEFORE.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        votes.add(_name_before(text[line_start : match.start()]), before_weight)


def _signature_names(votes: _NameVotes, own: str) -> None:
    """Names in the signature and in a banner line at the top ('Acme Talent Acquisition', 'Recruiter | Acme')."""
    lines = [line.strip() for line in own.splitlines() if line.strip()]
    if not lines:
        return
    banner = [lines[0]] if len(lines) > 8 and len(lines[0]) <= 40 and not _GREETING.match(lines[0]) else []
    for line in banner + lines[-8:]:
        if len(line) > 70 or _GREETING.match(line) or _SIGNOFF.match(line):
            continue
        for part in _SIGNATURE_SPLIT.split(line.lstrip("—–- ").rstrip(".")):
            _signature_part(votes, part)


def _signature_part(votes: _NameVotes, part: str) -> None:
    """One piece of a signature line, if it is a name: a team's name ('Acme Recruiting') counts more than a bare one."""
    part = _SIGNATURE_ASIDE.sub("", part).strip()
    if part.lower().startswith(("the ", "team ", "your ")):
        part = part.split(" ", 1)[1]
    name = _name_at(part)
    if not name or _has_role_head(part) or _is_team_only(name):
        return
    rest = part[len(name) :].strip(" .")
    if rest and not _is_team_only(rest):
        return
    team = bool(rest) or _clean_name(name, votes.mail.label) != name
    votes.add(name, 2.5 if team else 1.5)


def _display_names(votes: _NameVotes, sender: Sender, weight: float) -> None:
    """The sender's display name, unless it is a person, a platform or the vendor itself."""
    display = sender.name.strip().strip("\"'")
    if not display or _PLATFORM_WORDS.search(display):
        return
    group = _GROUP_AT.match(display) or _NAMED_FROM.match(display)  # 'Jobs at Acme', 'Rachel at Acme'
    if group:
        votes.add(group.group("org"), weight)
    elif not sender.person:
        votes.add(display, weight)


def _domain_names(votes: _NameVotes, label: str, text: str) -> None:
    """Names in the text that spell the sender's domain ('Coral Bay Bank' for coralbaybank.com), up to four."""
    if not label:
        return
    start = _squash(label)[:3]
    seen = 0
    for match in _WORD_START.finditer(text):
        word = match.group()
        if not _capitalised(word):
            continue
        if _squash(word)[:3] != start and _squash(word) not in _OF_ORGANISATIONS:  # 'University of Acme'
            continue
        words = _name_at(text[match.start() :]).split()
        place = next((n for n, w in enumerate(words) if n and w.lower() in _PLACE_WORDS), len(words))
        words = words[:place]  # 'Lumara Bank Tower' is where Lumara Bank is
        size = next((n for n in range(len(words), 0, -1) if _spelling(label, " ".join(words[:n]))), 0)
        if size:
            votes.add(" ".join(words[:size]), 1)
            seen += 1
            if seen >= 4:
                return


# ---------------------------------------------------------------------------------------------------------------
# Company: pooling and choosing


def _company(mail: _Mail) -> str | None:
    """The employer: the best-supported pool of names, or the domain's own name when nothing names it."""
    weights = dict(_company_votes(mail).weights)
    pools = _pools(weights, mail.label)
    if not pools:
        return _domain_as_name(mail)
    score, pool = max(((_pool_score(p, weights, mail), p) for p in pools), key=lambda sp: sp[0])
    if score < MIN_COMPANY_SUPPORT:
        return _domain_as_name(mail)
    return _full_form(_spelled_as(pool, weights, mail), mail.body)


def _pools(weights: dict[str, float], label: str) -> list[list[str]]:
    """Names grouped by company, best supported first within each group."""
    pools: list[list[str]] = []
    for name in sorted(weights, key=lambda n: -weights[n]):
        home = next((p for p in pools if any(_related(name, other, label) for other in p)), None)
        if home is None:
            pools.append([name])
        else:
            home.append(name)
    return pools


def _related(a: str, b: str, label: str) -> bool:
    """Whether two names are one company at different lengths ('Grey Harbour' and 'Grey Harbour Insurance')."""
    wa, wb = _key_words(a), _key_words(b)
    if not wa or not wb:
        return False
    short, long = sorted((wa, wb), key=len)
    if long[: len(short)] == short or "".join(wa) == "".join(wb):
        return True
    return bool(label) and bool(_spelling(label, a)) and bool(_spelling(label, b))


def _pool_score(pool: list[str], weights: dict[str, float], mail: _Mail) -> float:
    """Support for one company: its proposals, plus the sender's domain and the addresses in the text."""
    score = sum(weights[n] for n in pool)
    if mail.label and not mail.agency:  # an agency's own domain says nothing about the employer
        score += (0, 2.5, 3.5)[max(_spelling(mail.label, n) for n in pool)]
    if any(_spelling(other, n) for other in mail.labels_in_text for n in pool):
        score += 1.5
    return score


def _spelled_as(pool: list[str], weights: dict[str, float], mail: _Mail) -> str:
    """The spelling of the winning company: one the domain confirms, then the best supported, then the longest."""
    confirmed = [n for n in pool if mail.label and _spelling(mail.label, n)]
    return max(confirmed or pool, key=lambda n: (weights[n], len(n)))


def _full_form(name: str, text: str) -> str:
    """The name with the legal form the mail gives it ('Nordic Ledger' → 'Nordic Ledger AS'), and a leading 'The'."""
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        if text[end : end + 1] in {" ", ","}:
            legal = _EXTENDING_LEGAL.match(text, end)
            if legal and (legal.end() == len(text) or not text[legal.end()].isalnum()):
                return name + legal.group()
        at = text.find(name, end)
    return "The " + name if _written_with_the(name, text) else name


def _written_with_the(name: str, text: str) -> bool:
    """Whether the mail writes 'The' as part of the name: 'Metro Editor, The Redwood Sentinel'."""
    needle = "The " + name
    at = text.find(needle)
    while at >= 0:
        end = at + len(needle)
        after, line_start = text[end : end + 2], text.rfind("\n", 0, at) + 1
        if after[:1].isalnum():
            pass  # 'The Acmely…': a longer word
        elif line_start == at and after[:1] in {"", "\n", ",", "."}:
            return True  # a line of its own: 'The Thornfield Trust, registered charity'
        elif _THE_BEFORE.search(text, line_start, at) and not (after[:1] in " \t" and after[1:2].isalpha()):
            return True  # 'at The Redwood Sentinel', not 'The Quillmate team'
        at = text.find(needle, end)
    return False


def _domain_as_name(mail: _Mail) -> str | None:
    """The sender's own domain as a name ('tidemarkrobotics' → 'Tidemark Robotics'), when nothing names one."""
    if not mail.label or mail.agency or len(mail.label) < 3:
        return None
    pieces = mail.label.split("-")
    words = pieces if len(pieces) > 1 else _split_sector_words(pieces[0])
    return " ".join(w.upper() if w in {"hq", "ai", "ngo"} else w.title() for w in words)


def _split_sector_words(label: str) -> list[str]:
    """A run-together label split before up to two sector words at its end: 'quorumhealthanalytics' → 3 words."""
    tail: list[str] = []
    while len(tail) < 2:
        word = next((w for w in _SECTOR_WORDS if label.endswith(w) and len(label) - len(w) >= 3), None)
        if not word:
            break
        tail.insert(0, word)
        label = label[: -len(word)]
    return [label, *tail]


# ---------------------------------------------------------------------------------------------------------------
# Role


def _role(mail: _Mail, company: str | None) -> str | None:
    """The job title the mail states, or None."""
    votes = _RoleVotes(company)
    _role_fields(votes, mail.own)
    _role_phrases(votes, mail.own, 1.0, "own")
    _role_phrases(votes, mail.quoted, 0.5, "quoted")
    _subject_roles(votes, mail.subject)
    return votes.best()


@dataclass
class _RoleVotes:
    """Titles proposed for the role: each mention counts once, however many patterns find it."""

    company: str | None
    mentions: dict[tuple[str, object], float] = field(default_factory=dict)
    spelled: dict[str, str] = field(default_factory=dict)
    order: dict[str, int] = field(default_factory=dict)

    def add(self, raw: str, weight: float, where: object) -> None:
        """Count one proposal found at `where` (a line, the subject), if it reads as a job title."""
        role = _tidy_role(raw, self.company) if raw else None
        if not role:
            return
        key = role.lower()
        self.mentions[key, where] = max(weight, self.mentions.get((key, where), 0.0))
        self.spelled.setdefault(key, role)
        self.order.setdefault(key, len(self.order))

    def totals(self) -> dict[str, float]:
        """Summed support per title; a title also takes the support of shorter ways to write it."""
        weights: dict[str, float] = defaultdict(float)
        for (key, _), weight in self.mentions.items():
            weights[key] += weight
        totals = dict(weights)
        for longer in weights:
            for shorter in weights:
                if longer != shorter and _shortens(shorter, longer):
                    totals[longer] += weights[shorter]
        return totals

    def best(self) -> str | None:
        """The best-supported title, if it has enough support; among equals one written as a title, then the first."""
        totals = self.totals()
        if not totals:
            return None
        best = max(totals, key=lambda k: (totals[k], self.spelled[k][:1].isupper(), -self.order[k]))
        return self.spelled[best] if totals[best] >= MIN_ROLE_SUPPORT else None


def _shortens(short: str, long: str) -> bool:
    """Whether one title is a shorter way to write another: its start, its end, or its initials ('SRE')."""
    if long.startswith((short + " ", short + ",")) or long.endswith(" " + short):
        return True
    initials = "".join(w[0] for w in long.replace("-", " ").split() if w[0].isalpha())
    return 2 <= len(short) <= 5 and short.isalpha() and short == initials


def _role_fields(votes: _RoleVotes, text: str) -> None:
    """Labelled lines: 'Position: X', 'Job title: X'."""
    for match in _ROLE_FIELD.finditer(text):
        rest = match.group("rest").strip() or (match.group("next") or "").strip()
        votes.add(_title_at(rest), 5, ("field", match.start()))


def _role_phrases(votes: _RoleVotes, text: str, weight: float, source: str) -> None:
    """Anchored phrases: 'the position of X', 'applying for X at', 'the X role'."""

    def where(position: int) -> object:
        return source if source == "subject" else (source, text.count("\n", 0, position))

    for match in _ROLE_AFTER.finditer(text):
        votes.add(_title_at(text[match.end() :]), 4 * weight, where(match.start()))
    for match in _ROLE_FOR.finditer(text):
        votes.add(_title_at(text[match.end() :]), 3 * weight, where(match.start()))
    for match in _ROLE_ANCHOR.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        before = text[line_start : match.start()].rstrip()
        if not before:
            continue
        strong = match.group("a") in _STRONG_ANCHORS
        title = _title_before(before)
        if title:
            votes.add(title, (4 if strong else 3) * weight, where(match.start()))
        elif strong:
            votes.add(_lower_title_before(before), 3 * weight, where(match.start()))


def _subject_roles(votes: _RoleVotes, subject: str) -> None:
    """Titles in the subject: set phrases, parts that are a title ('Offer - Data Engineer'), '(Data Engineer)'."""
    for part in _subject_parts(subject):
        _role_phrases(votes, part, 1.0, "subject")
        title = _title_at(part)
        if title and (title == part or _fold(part[len(title) :].split()[0]) in _ROLE_TAIL_WORDS):
            votes.add(title, 3, "subject")
        else:
            tail = _title_before(part)
            if tail and len(tail.split()) >= 2 and _has_role_head(tail):
                votes.add(tail, 2, "subject")
        words = part.split()
        if len(words) >= 2 and _fold(words[-1]) in _ROLE_TAIL_WORDS:
            votes.add(_lower_title_before(" ".join(words[:-1]), start_ok=True), 3, "subject")
        elif len(words) <= 4:
            votes.add(_lower_title_before(part, start_ok=True), 3, "subject")  # 'Re: surf instructor'
        for match in _FOR_OR_AS.finditer(part):
            votes.add(_title_at(part[match.end() :]), 3, "subject")  # 'next steps for Staff Engineer'
    for inner in _PARENTHESIS_INNER.findall(subject):
        if _title_at(inner) == inner:
            votes.add(inner, 3, "subject")


def _tidy_role(raw: str, company: str | None) -> str | None:
    """A role as a person would write it: no reference codes, no stock words, no company name in front."""
    role = _SPACES.sub(" ", raw).strip(" \"'“”‘’,.:;|")
    role = _PARENTHESIS.sub(lambda m: "" if _paren_is_aside(m.group(1)) else m.group(0), role).strip()
    first, _, rest = role.partition(" ")
    if first and not first.replace("-", "").replace(".", "").isalnum():
        role = rest  # 'DE>EN Medical Translator' → 'Medical Translator'
    parts = [p for p in _DASH_SPLIT.split(role) if p]
    while len(parts) > 1 and not _has_role_head(parts[0]):
        parts = parts[1:]  # '30 Minute Intro - Growth Marketing Manager'
    parts = parts[:1] + [p for p in parts[1:] if not _YEAR.match(p.split()[0])]  # '… - 2025-26 Pool'
    words = " - ".join(parts).split()
    while words and words[-1].lower().strip(",.") in _ROLE_TAIL_WORDS:
        words = words[:-1]
    while words and (_YEAR.match(words[0]) or _fold(words[0]) in _LEADING_NOT_TITLE):
        words = words[1:]
    if company:
        words = _without_company(words, company)
    if len(words) >= 2 and words[-1].lower() in {"program", "programme"} and _fold(words[-2]) in _ROLE_HEADS:
        words = words[:-1]  # 'Summer Analyst Program' → 'Summer Analyst'
    while words and _YEAR.match(words[-1]):
        words = words[:-1]
    role = " ".join(words).strip(" ,-–")
    if not role or len(words) > 9 or not _has_role_head(role):
        return None
    return None if company and _squash(role) == _squash(company) else role


def _paren_is_aside(inner: str) -> bool:
    """A parenthesis that is no part of the title: a reference ('Ref 31877'), a place or a note ('Singapore office').

    Kept: qualifiers such as '(2nd shift)', '(Level 3)', '(part-time)', '(f/m/d)', '(APAC)'.
    """
    if _DIGIT.search(inner):
        return not _ORDINAL.search(inner) and not _LEVEL.match(inner)
    lower = [w for w in _NOTE_SPLIT.split(inner) if w and w[0].islower() and "/" not in w]
    return "," in inner or any(w not in _KEPT_NOTES for w in lower)


def _without_company(words: list[str], company: str) -> list[str]:
    """Title words without the company's name in front ('Lumara Bank Graduate Programme' → 'Graduate Programme')."""
    company_words = [_squash(w) for w in company.split()]
    for size in range(len(company_words), 0, -1):
        if [_squash(w) for w in words[:size]] == company_words[:size] and len(words) > size:
            rest = words[size:]
            while rest and _YEAR.match(rest[0]):
                rest = rest[1:]
            return rest
    return words
