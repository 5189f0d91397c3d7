"""The regular expressions the extractor reads a mail with, compiled once: this runs on every job email."""

from __future__ import annotations

import re

TOKEN = re.compile(r"\([^()\n]{0,60}\)|[^\s()]+")
ABBREVIATION = re.compile(
    r"^(?:(?:[^\W\d_]{1,3}\.){2,}|(?:Co|Inc|Ltd|Ltda|Corp|Pvt|Pty|Sp|Bros|Intl|St|Dr|Mt|Jr|Sr|No)\.)$"
)
WORD_START = re.compile(r"(?<![\w&'’.-])[^\W\d_][\w&'’.-]*")
SPACES = re.compile(r"\s+")
TITLE_WORD_SPLIT = re.compile(r"[\s-]+")
DASH_SPLIT = re.compile(r"\s+[-–]\s+")
DIGIT = re.compile(r"\d")
ORDINAL = re.compile(r"\b\d+(?:st|nd|rd|th)\b", re.IGNORECASE)
LEVEL = re.compile(r"^level \d+$", re.IGNORECASE)
YEAR = re.compile(r"^(?:19|20)\d\d(?:[-/]\d\d)?$")
PARENTHESIS = re.compile(r"\s*\(([^()]*)\)")
PARENTHESIS_INNER = re.compile(r"\(([^()]{3,60})\)")
NOTE_SPLIT = re.compile(r"[\s,]+")

SPLIT_SUBJECT = re.compile(r"\s+(?:[-–—|/]|//|x|<>|\+)\s+|:\s+|\s*[\[\]]\s*|[!?]\s+|\s+@\s+")
REPLY_PREFIX = re.compile(r"^(?:(?:re|fwd?|aw|wg|tr|sv|vs)\s*:\s*)+", re.IGNORECASE)
QUOTE_START = re.compile(r"^(?:On .{0,120}wrote:|-{2,} ?Original Message ?-{2,}|From: .+)$", re.MULTILINE)
GREETING = re.compile(
    r"^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|kia ora|g'day|ol[aá]|hola|bonjour|hallo|hej|ciao|"
    r"salut|buongiorno|guten tag|greetings)\b",
    re.IGNORECASE,
)
SIGNOFF = re.compile(
    r"^(?:best|thanks|thank you|regards|kind regards|warm regards|best regards|sincerely|yours|cheers|warmly|love|"
    r"with|all the best|many thanks|respectfully|cordially|greetings|talk soon|see you|good luck|ngā mihi|"
    r"obrigada|abraços|thanks & regards|very truly|xx|--|sent from|powered by|this (?:email|message)|please|"
    r"you are receiving|unsubscribe|privacy|manage|©|copyright)\b",
    re.IGNORECASE,
)
AGENCY = re.compile(  # a recruiter writing for a client, not a company writing about its own clients
    r"\bmy client\b|\b(?:our|the) client(?:'s|’s| has| would| is| wants| asked)\b|\bemployment agency\b|"
    r"\brecruitment (?:agency|consultancy)\b|\bsearch firm\b|\bacting on behalf of\b|"
    r"\b(?:sent|submitted|forwarded|put) your (?:cv|resume|profile|details) (?:across |over |forward )?to (?-i:[A-Z])",
    re.IGNORECASE,
)
DOMAIN_IN_TEXT = re.compile(
    r"(?:[\w.+-]{1,64}@|https?://|\bwww\.)([a-z0-9-]+(?:\.[a-z0-9-]+)+)", re.IGNORECASE
)
LOCAL_NOISE = re.compile(  # mailboxes that belong to a team, not a person: jobs@, careers-noreply@, hr@
    r"^(?:no-?reply|do-?not-?reply|notifications?|jobs?|careers?|talent|recruit|recruiting|recruitment|hr|info|"
    r"support|candidates?|hello|hi|team|mail|system|admin|workday|apply|hiring|people|practice|office|contact|"
    r"grad|graduates?|campus|university|interviews?|scheduling|coordinator|offers|assessments?|ta|rrhh|"
    r"bewerbung|jobb|lavora|recrutement|editor|frontdesk)(?:[-_.]?(?:no-?reply|team|us|uk|eu))?$"
)
TITLES = re.compile(r"^(?:dr|prof|mr|mrs|ms|mx|sir)\.?\s+", re.IGNORECASE)
NAMED_FROM = re.compile(r"^(?P<who>[^\W\d_][\w'’-]*)\s+(?:at|from|@)\s+(?P<org>.+)$")
GROUP_AT = re.compile(
    r"^(?:(?:jobs|careers|hiring|recruiting|talent|people|hr|hiring team|recruiting team|talent team)\s+"
    r"(?:at|@|with|from)\s+|careers\s*@\s*)(?P<org>.+)$",
    re.IGNORECASE,
)
PLATFORM_WORDS = re.compile(r"\b(?:portal|applicant tracking|job board|jobs? platform)\b", re.IGNORECASE)

SUBJECT_COMPANY = [  # the company's name follows
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\b(?:applying|application|applied|apply|interest|candidacy)\s+(?:to|at|with|in)\s+(?:join(?:ing)?\s+)?",
        r"\b(?:update|news|offer|offer letter|message|thank you|thanks|feedback|contract|letter|note|invitation|"
        r"request|greetings)\s+from\s+",
        r"\b(?:interview|call|chat|meeting|conversation|assessment|test|exercise|challenge|career|offer)\s+"
        r"(?:with|at|for)\s+",
        r"\b(?:welcome to|join|joining|(?:sent|submitted|forwarded|passed|shared|delivered) to)\s+",
        r"\b(?:invit\w*|request\w*|assessment|test)\b[^|:]{0,40}?\s(?:by|from)\s+",
        r"\b(?:application|applying|applied|role|position|job|interview|offer)\b[^|:–—]{0,60}?\s(?:at|with)\s+",
        r"\b(?:update|news|decision|message|response|reply|outcome)\b[^|:–—]{0,40}?\s(?:from)\s+",
    )
]
SUBJECT_COMPANY_BEFORE = re.compile(  # the company's name precedes: 'Acme has invited you…'
    r"^\s*(?:invites you|has invited you|has sent you|sent you|would like|wants|want to|is excited|has extended|"
    r"has requested|requests|has asked|has shared|(?:has\s+)?reviewed your|(?:has\s+)?replied to your|"
    r"(?:has\s+)?viewed your|has (?:made a decision|decided|updated|an update|sent an update)|sent you an update|"
    r"(?:has\s+)?(?:declined|received) your)\b",
    re.IGNORECASE,
)
SUBJECT_NAMED_THING = re.compile(  # 'Your Acme application', 'Reminder: Acme test expires'
    r"(?:[:|–—-]\s*|\b(?i:your|the)\s+)(?P<c>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3}?)\s+"
    r"(?:(?:online|coding|video|technical|skills)\s+)?"
    r"(?:application|assessment|test|interview|offer|candidacy|take-home|exercise|challenge|questionnaire)\b"
)
AT_OR_WITH = re.compile(r"(?<!\s)\s+(?:at|with)\s+")
FOR_OR_AS = re.compile(r"\s(?:for|as)\s+")
BODY_COMPANY = [  # the company's name follows; weak alone
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\b(?:applying|application|applied|apply)\s+(?:to|at|with)\s+(?:the\s+)?",
        r"\binterest(?:ed)?\s+(?:in|to)\s+(?:joining\s+|working\s+(?:at|with|for)\s+)?(?:the\s+)?",
        r"\b(?:considering|thinking of|choosing|to join|joining|welcome(?: you)? to|greetings from|offer from|"
        r"invited by|part of|employment with|career with|careers at|here at|work(?:ing)? (?:at|for|with)|"
        r"interview(?:ing)? with|teaching at|time with|feedback from|heard back from|news from|update from)\s+"
        r"(?:the\s+)?",
        r"\b(?:position|role|job|opening|opportunity|vacancy|post|internship|programme|program)\s+(?:at|with)\s+"
        r"(?:the\s+)?",
        r"\b(?:vacancy|position|role|job|application|applied|applying) through\s+",
        r"\b(?:application|cv|resume|résumé) (?:has been |was |is )?(?:received|reviewed) by\s+(?:the\s+)?",
    )
]
NOT_A_COMPANY_AFTER = re.compile(r"\s+(?:position|role|job|opening|team|vacancy|post)\b", re.IGNORECASE)
BODY_COMPANY_STRONG = [  # the company's name follows; says who employs
    re.compile(p, re.IGNORECASE | re.MULTILINE)
    for p in (
        r"\bon behalf of\s+(?:the\s+)?",
        r"\b(?:sent|submitted|forwarded|put|passed) your (?:cv|resume|résumé|application|profile|details) "
        r"(?:across |over |forward |on )?to\s+",
        r"^[ \t]*event(?: type| name)?\s*:\s*(?=[^\n]{2,40}\s[-–|:]\s)",
        r"\bsent by\s+(?=\S+(?:\s+\S+){0,4}\s+via\b)",
        r"^[ \t]*(?:company|employer|agency|organi[sz]ation|department|hiring (?:company|organi[sz]ation|agency))"
        r"\s*:\s*",
        r"\bthe\s+(?=(?:[A-Z][\w&'’-]*\s+){1,4}(?:recruitment|recruiting|hiring|talent|people|hr) team\b)",
    )
]
# A run of spaces is entered only at its start (`(?<!\s)`): the same matches, without trying every position
# inside a long run, which took the square of the run's length.
BODY_COMPANY_BEFORE = re.compile(  # the company's name precedes: 'Acme has invited you', 'Acme · Berlin'
    r"(?<!\s)\s+(?:has invited you|invites you|would like (?:you|to)|has requested|has asked|has extended|has sent|"
    r"is (?:pleased|excited|delighted|happy|thrilled) to|wants to|has made|has reviewed|has updated|has decided|"
    r"(?:has\s+)?viewed your|"
    r"has received|will review)\b|(?<!\s)\s+·\s+Career site by\b|(?<![ \t])[ \t]+·[ \t]+[A-Z][^\n]{0,40}$",
    re.MULTILINE,
)
SIGNATURE_SPLIT = re.compile(r"\s*(?:\||,(?!\s*(?:Ltd|Inc|LLC|LLP|Ltda|S\.A)\b)|·| @ | – | — )\s*")
SIGNATURE_ASIDE = re.compile(r"\s*\((?:via|acting on behalf of)\b[^)]*\)$", re.IGNORECASE)
EXTENDING_LEGAL = re.compile(  # legal forms a person keeps when writing the name ('Nordic Ledger AS')
    r"(?:,? (?:Pvt\. Ltd\.|Co\., Ltd\.|S\.r\.l\.|S\.p\.A\.|S\.A\.S\.|S\.A\.|S\.L\.|A\.Ş\.|Ltda\.|Sp\. z o\.o\.|"
    r"d\.o\.o\.|s\.r\.o\.|a\.s\.|\(Pty\) Ltd|Pty Ltd|SE|AS|ASA|AB|ApS|Oy|B\.V\.|N\.V\.|AG|GmbH|LLP|LLC|Inc\.|"
    r"Ltd\.?|plc\.?))+"
)
THE_BEFORE = re.compile(r"(?:[,|@:]|\b(?:at|for|with|of|from|join|joining))[ \t]+$")

ROLE_AFTER = re.compile(  # the title follows: 'the position of X'
    r"\b(?:position|role|post|vacancy|opening|job title|appointment|engagement|employment|contract)\s+(?:of|as)\s+"
    r"(?:an?\s+|the\s+)?",
    re.IGNORECASE,
)
ROLE_FOR = re.compile(  # the title follows: 'applying for X', 'your application as X'
    r"\b(?:appl(?:ying|ied|ication|y)|candidacy|candidature|interest|interview(?:ing|s)?|cv|resume|offer|"
    r"assessment|test|process|search|shortlisted|considered|consideration|selected)\s+(?:for|as|to(?: be)?)\s+"
    r"(?:the\s+|our\s+|an?\s+)?(?:position\s+|role\s+)?",
    re.IGNORECASE,
)
ROLE_ANCHOR = re.compile(  # the title precedes, in lower case prose: 'the X role'
    r"\b(?P<a>position|role|job|opening|vacancy|post|opportunity|seat|search|interview|offer|application|"
    r"assessment|take-home|candidacy|process)\b"
)
ROLE_FIELD = re.compile(  # a labelled line: 'Position: X'
    r"^[ \t]*(?:position|job title|role|classification|vacancy|post|event type|position\(s\) applied for)"
    r"[ \t]*:[ \t]*(?P<rest>[^\n]*)(?:\n[ \t]*[-•*]?[ \t]*(?P<next>[^\n]*))?",
    re.IGNORECASE | re.MULTILINE,
)
