"""Rules that read one sentence: does it assert a decision about this application, and which?

A rejection is a *decision against the person for this application*: not moving forward, another candidate
chosen, not selected or shortlisted, the position filled, closed, cancelled or frozen, the application
unsuccessful, a test failed. The courtesy around it ("thank you for your interest", "we'll keep your CV on
file", "best of luck") is written the same way in acknowledgments, so it is no evidence at all. And a sentence
only counts when it *asserts* the decision: "if we decide not to proceed…", "if you don't hear from us within
two weeks, please assume…", "unsuccessful applicants will be told", "you withdrew your application" are not
decisions against the person.

The patterns are written from how employers and applicant-tracking systems word decisions, not from any one
corpus; the sentence model (evidence.py) weighs them with what it learnt. Each pattern is linear; sentences are
bounded by sentences.MAX_SENTENCE.
"""

from __future__ import annotations

import re

# Patterns are written in lower case and matched against lower-cased text: an IGNORECASE alternation is several
# times slower. Every function here lowers its input; callers of a pattern itself lower theirs (says()).
_I = 0
# A negated auxiliary: "won't", "haven't", "are not", "will no longer", "cannot", "unable to", "not".
_NOT = (
    r"(?:(?:were|was|have|has|had|are|is|do|does|did|will|would|could|can|wo|ca|should|must)n['’]?t|"
    r"(?:were|was|have|has|had|are|is|be|been|will|would|could|can|shall|do|does|did|am|['’]re|['’]ll)\s+"
    r"(?:\w+\s+)?(?:not|never|no\s+longer)|cannot|can\s+not|unable\s+to|not|no\s+longer)"
)
_CANDIDATE = (
    r"(?:candidates?|applicants?|profiles?|people|persons?|someone|somebody|individuals?|others|folks|"
    r"her|him|them|a\s+\w+\s+who|an?\s+\w+\s+(?:with|whose)|the\s+candidate|a\s+candidate|a\s+colleague|"
    r"an?\s+(?:\w+\s+)?(?:designer|engineer|teacher|artist|developer|analyst|person|profile))"
)
_OTHER = r"(?:other|another|a\s+different|different|alternative|more|the\s+other|one\s+other|an?\s+internal|internal|someone\s+else|else)"
_POSITION = (
    r"(?:positions?|roles?|vacanc(?:y|ies)|posts?|jobs?|openings?|postings?|requisitions?|search|recruitment|"
    r"hiring|process|spots?|seats?|hire)"
)
_MOVE = (
    r"(?:mov(?:e|ing)|proceed(?:ing)?|progress(?:ing)?|advanc(?:e|ing)|tak(?:e|ing)|pursu(?:e|ing)|"
    r"continu(?:e|ing)|go(?:ing)?|invit(?:e|ing)|shortlist(?:ing)?|consider(?:ing|ed)?|offer(?:ing)?|"
    r"extend(?:ing)?|select(?:ing)?|hir(?:e|ing)|accept(?:ing)?|bring(?:ing)?|submit(?:ting)?|schedul(?:e|ing)|"
    r"put(?:ting)?|giv(?:e|ing)|answer(?:ing)?\s+favou?rably|recommend(?:ing)?|appoint(?:ing)?|"
    r"reach(?:ing)?\s+an?\s+(?:arrangement|agreement))"
)
_CHOSE = (
    r"(?:decided|chose|chosen|choose|opted|elected|selected|select|gone|went|go|going|moving|move|proceed(?:ed|ing)?|"
    r"continu(?:e|ed|ing)|pursu(?:e|ed|ing)|focus(?:ed|ing)?|appoint(?:ed)?|recommended|hired|hire|hiring|bring\s+on|"
    r"brought\s+on|offered\s+(?:the|this|our|that)\s+(?:\w+\s+){0,4}?(?:role|position|job|post|contract|place)\s+to|"
    r"extended\s+(?:an|the)\s+offer\s+to|filled\s+(?:\w+\s+){0,3}?with|filling\s+(?:\w+\s+){0,3}?with|covered\s+by|"
    r"given\s+(?:the|this)\s+\w+\s+to|gave\s+(?:the|this)\s+\w+\s+to|decided\s+for|in\s+favou?r\s+of)"
)

REJECTION = re.compile(
    "|".join(
        (
            # not moving forward / proceeding / progressing / considering (your application)
            rf"\b{_NOT}\s+(?:be\s+)?(?:going\s+to\s+)?(?:be\s+)?(?:able\s+to\s+)?(?:in\s+a\s+position\s+to\s+)?{_MOVE}\b"
            r"(?!\s+(?:to\s+)?(?:respond|reply|contact|get\s+back|answer\s+(?:every|each|all)|follow\s+up|personally|individual))",
            r"\bdecided\s+(?:not\s+to|against)\b|\b(?:decision|difficult\s+decision)\s+not\s+to\b",
            r"\b(?:will|shall|would)\s+(?:no\s+longer|not)\s+be\s+(?:considered|progressed|taken|moving|proceeding)\b",
            r"\bpaus(?:e|ing)\s+(?:on\s+)?(?:moving\s+)?(?:your|all|the)\s+(?:\w+\s+)?(?:candida\w+|applications?|process)",
            # another candidate chosen
            rf"\b{_CHOSE}\b[^.!?]{{0,60}}?\b{_OTHER}\s+(?:\w+\s+){{0,3}}?(?:{_CANDIDATE}|way|direction|route|path|option)\b",
            rf"\b(?:decided|chose|chosen|opted|elected|made\s+the\s+decision)\s+to\s+(?:hire|appoint|select|offer|go\s+with|bring\s+on|promote|proceed|continue|pursue|move\s+forward)\s+"
            rf"(?:\w+\s+){{0,2}}?(?:{_CANDIDATE}|from\s+within|internally|with\s+(?:someone|a\s+candidate|an?\s+\w+\s+who|people|others|applicants|candidates))",
            r"\b(?:whose|who|with)\s+(?:\w+\s+){0,6}?(?:more\s+closely|better|more\s+directly|closer|more\s+close)\s+(?:align|match|suit|meet|fit)",
            r"\bwho\s+(?:\w+\s+){0,4}?(?:more\s+closely|better|closely)\s+(?:match|meet|align|fit)",
            r"\b(?:others|other\s+(?:candidates|applicants))\s+(?:\w+\s+){0,3}?(?:more\s+closely|better)\s+(?:meet|match|align|fit)",
            r"\b(?:ended\s+up\s+(?:hiring|going\s+with|choosing|filling)|we\s+went\s+with|(?:we|they|team|panel|manager|client)(?:\s+have|\s+has|['’]ve)?\s+(?:now\s+|actually\s+|already\s+)?(?:hired|appointed|selected|offered|found|chose|chosen)\s+(?:someone|somebody|a\s+candidate|another|the\s+\w+\s+for|an?\s+\w+\s+who))",
            r"\b(?:another|other)\s+(?:candidate|applicant)s?\s+(?:was|were|has\s+been|have\s+been)\s+(?:selected|chosen|appointed|offered|hired)",
            r"\b(?:a|the)\s+no\s+from\s+(?:us|me)\b|\bwe['’]re\s+going\s+to\s+pass\b|\b(?:going\s+to|we['’]ll|we\s+will|decided\s+to)\s+pass\s+(?:on|this|for)\b",
            r"\bnot\s+(?:the|a)\s+successful\s+(?:candidate|applicant)\b",
            # not selected, shortlisted, successful
            rf"\b{_NOT}\s+(?:been\s+|be\s+)?(?:selected|shortlisted|short-listed|successful|chosen|invited|progressed|placed|advanced|"
            r"moved\s+forward|put\s+forward|offered|hired|recommended)\b",
            r"\b(?:not|n['’]t)\s+(?:on|in|among|part\s+of)\s+(?:the\s+|our\s+)?(?:short-?list|final\s+group|next\s+round)",
            r"\b(?:was|were|has\s+been|is|have\s+been|['’]ve\s+been|had\s+been|are)\s+unsuccessful\b|\bunsuccessful\s+(?:on|at|in)\s+this\b",
            r"\byour\s+(?:application|candidacy)\s+(?:\w+\s+){0,4}?(?:has|is)\s+(?:now\s+)?closed\b",
            r"\bbelow\s+(?:the|our)\s+(?:\w+\s+)?(?:level|score|mark|threshold|standard|benchmark|cut-?off)\s+(?:needed|required|set)\b",
            r"\b(?:your|the)\s+(?:application|candidacy|candidature|submission)\s+(?:\w+\s+){0,3}(?:was|is|has\s+been|have\s+been)\s+(?:\w+\s+)?"
            r"(?:unsuccessful|declined|rejected|not\s+successful|not\s+been\s+successful|closed|archived)",
            r"\b(?:status|decision|outcome|result|update)\s*(?:changed\s+to|updated\s+to|is|:|-|–)\s*(?:now\s+)?"
            r"(?:not\s+selected|declined|rejected|unsuccessful|not\s+moving\s+forward|not\s+progressed|closed|no\s+longer\s+under\s+consideration|disqualified|not\s+shortlisted)\b",
            r"\bno\s+longer\s+(?:under|being|in)\s+consider",
            r"(?:\bnot|n['’]t)\s+(?:been\s+)?possible\s+to\s+(?:take|progress|move|offer|proceed)",
            r"\boffered\s+(?:the\s+|this\s+|our\s+)?(?:\w+\s+){0,4}?(?:role|position|job|post|contract|place|seat|spot)\s+to\s+"
            r"(?:someone|somebody|an?\s|another|the\s+other|one\s+of)",
            r"\b(?:decided|chose|opted)\s+(?:for|on)\s+(?:her|him|them|another|a\s+candidate|someone|the\s+other)\b",
            r"\bgo(?:ne|ing)?\s+with\s+(?:another|someone|somebody|a\s+different|the\s+other|a\s+candidate)\b",
            r"\b(?:selected|chosen|appointed|hired|identified|found)\s+(?:a|another|the)\s+(?:\w+\s+)?(?:candidate|applicant|person)\s+(?:whose|who|with)\b",
            r"\b(?:whose|who|with)\s+(?:\w+\s+){0,6}?(?:more|better)\s+(?:aligned|suited)\b",
            r"\bwe(?:['’]ve|\s+have)?\s+(?:now\s+|already\s+|just\s+)?(?:hired|recruited|appointed)\s+for\s+(?:the|this|that|our)\b",
            r"\b(?:made|making)\s+an\s+appointment\s+(?:to|for)\s+(?:the|this|that)\s+(?:[\w-]+\s+){0,3}?(?:role|post|position|vacancy|job)\b",
            r"\bclos(?:e|ed|ing)\s+out\s+(?:the\s+|all\s+)?(?:remaining\s+|other\s+)?(?:applications|candidates|candidacies)\b",
            r"\bmost\s+closely\s+(?:match|align|meet|fit)",
            r"\boffered\s+to\b[^.!?]{0,40}?\b(?:another|someone|somebody|other)\b",
            r"\b(?:decided|chosen|chose|opted)\s+to\s+(?:move\s+(?:forward|ahead)|proceed|continue|go\s+ahead)\s+with\s+"
            r"(?:a|another|other|the\s+other|an?\s+\w+)\s+(?:\w+\s+)?(?:candidate|applicant|person|profile)",
            r"\b(?:extend|extended|make|made|give|gave|given|offer|offered)\s+(?:the|an|this|our|that)\s+(?:\w+\s+){0,3}?"
            r"(?:offer|role|position|job|post|spot|place|seat|contract)\s+to\s+(?:another|someone|somebody|a\s|an\s|the\s+other|my\s|our\s|one\s)",
            r"\bfill\w*\s+(?:this|the|that)\s+(?:[\w-]+\s+){0,3}?(?:post|role|position|vacancy|job)\s+(?:internally|from\s+within)",
            r"\b(?:someone|somebody|another\s+(?:candidate|applicant|person))\b[^.!?]{0,30}\b(?:has|have)\s+(?:now\s+)?(?:taken|accepted|been\s+offered|been\s+given)",
            r"\b(?:you['’]re|you\s+are|you\s+were)\s+not\s+(?:on\s+(?:it|the\s+list|our\s+list)|among\s+(?:them|those|the))\b",
            # the position filled, closed, cancelled, frozen
            rf"\b{_POSITION}\b[^.!?]{{0,80}}?\b(?:has|have|had|is|was|were)\s+(?:now\s+|since\s+|just\s+|already\s+)?(?:been\s+)?"
            r"(?:filled|closed|cancell?ed|withdrawn|frozen|put\s+on\s+hold|placed\s+on\s+hold|paused|suspended|"
            r"no\s+longer\s+available|no\s+longer\s+open|eliminated|discontinued|covered)\b",
            rf"\b(?:filled|closed|close|closing|frozen|froze|freeze|paused|pause|cancell?ed|cancel|stop|stopped|hold\s+off\s+on\s+filling|put)\s+"
            rf"(?:the|this|that|all|our|both|your)\s+(?:\w+\s+){{0,3}}?(?:{_POSITION}|application)\b(?!\s+(?:is|will|until|on|by))",
            r"\b(?:hiring|recruitment)\s+freeze\b|\b(?:pause|paus(?:ed|ing)|freez(?:e|ing)|froze|halt(?:ed|ing)?|stopp(?:ed|ing))\s+(?:all\s+)?(?:\w+\s+)?(?:hiring|recruitment|recruiting)\b",
            r"\bclosed\s+without\s+(?:a\s+)?(?:hire|appointment)\b|\bon\s+hold\b[^.!?]{0,40}\b(?:role|position|vacancy|hiring)",
            r"\bwithdr[ae]wn?\s+(?:the|this|our|my)\s+(?:offer|position|role|vacancy|posting)\b|\boffer\s+(?:has\s+been\s+|is\s+)?(?:withdrawn|rescinded)",
            # not a fit, criteria not met, a test failed
            r"\b(?:is|was|are|were|['’]s)\s*(?:n['’]t|not)\s+(?:quite\s+)?(?:a|the)\s+(?:right\s+|good\s+|strong\s+|close\s+)?(?:match|fit)\b",
            r"\b(?:(?:do|does|did)\s*(?:n['’]t|\s+not)|don['’]t)\s+(?:\w+\s+){0,2}?(?:meet|match|pass|reach|achieve)\s+(?:the|our|all)\b",
            r"\b(?:have|has)\s*(?:n['’]t|not)\s+(?:\w+\s+)?(?:met|passed|reached|achieved)\s+(?:the|our|all)\b",
            r"\b(?:did\s+not|didn['’]t)\s+pass\b|\bfailed\s+(?:to\s+(?:pass|meet|reach)|the)\b|\bnot\s+(?:pass|passed)\b",
            r"\bwill\s+not\s+be\s+placed\b|\bno\s+(?:spot|place|position|role)\s+for\b",
            r"\bregret\s+(?:to|that)\b[^.!?]{0,80}\b(?:unable|not|no|cannot)\b",
            r"\b(?:do|does)\s*(?:n['’]t|not)\s+think\s+[^.!?]{0,50}?(?:right\s+fit|good\s+fit|a\s+fit|a\s+match)",
            r"\bcan\s*not\s+give\s+(?:you\s+)?(?:the|an?|better)\s+(?:offer|news)",
        )
    ),
    _I,
)

# Words at least one of which every REJECTION pattern needs: a cheap first look that lets most sentences of a
# newsletter or a receipt skip the long pattern (tests/test_classifier.py checks it on every corpus sentence).
_REJECTION_CUE = re.compile(
    r"\b(?:not|never|no|cannot|unable|\w+n['’]t|against|decid\w*|decision|ch[oe]s\w*|opt\w*|elect\w*|select\w*|"
    r"appoint\w*|hir\w*|offer\w*|extend\w*|gave|give\w*|made|make|fill\w*|clos\w*|cancel\w*|froz\w*|freez\w*|"
    r"paus\w*|halt\w*|stop\w*|hold|withdr\w*|rescind\w*|suspend\w*|eliminat\w*|discontinu\w*|cover\w*|"
    r"unsuccessful|declin\w*|reject\w*|archiv\w*|status|outcome|result|update|other\w*|another|someone|somebody|"
    r"different|alternative|internal\w*|else|clos\w*|better|ended|went|gone|go|going|mov\w*|proceed\w*|"
    r"continu\w*|pursu\w*|focus\w*|recommend\w*|bring\w*|brought|found|pass\w*|fail\w*|regret\w*|fit|match\w*|below|"
    r"meet|met|favou?r\w*|way|direction|possible|within|put|take|taking|taken|accept\w*|advanc\w*|progress\w*|"
    r"consider\w*|invit\w*|shortlist\w*|short-listed|submit\w*|schedul\w*|answer\w*|reach\w*|placed|successful|"
    r"identified|aligned|suited|recruited)\b",
    _I,
)


def rejects(sentence: str) -> bool:
    """True when a REJECTION pattern matches (asserted or not: see rejection_rule)."""
    sentence = sentence.lower()
    return _REJECTION_CUE.search(sentence) is not None and REJECTION.search(sentence) is not None


OFFER = re.compile(
    r"\b(?:offer(?:ing)?\s+you\s+(?:the|a|this|our)?\s*(?:\w+\s+){0,6}?(?:position|role|job|post|place|contract)|"
    r"(?:extend|make|send)(?:ing)?\s+(?:you\s+)?(?:a|an|our|the)\s+(?:formal\s+|written\s+|verbal\s+|conditional\s+|job\s+)?offer|"
    r"(?:your|the)\s+(?:formal\s+|written\s+|verbal\s+|conditional\s+|job\s+)?offer\s+(?:letter|of\s+employment|details|package|is\s+attached)|"
    r"offer\s+of\s+employment|(?:like|love|happy|pleased|delighted|thrilled)\s+to\s+offer\b|would\s+like\s+you\s+to\s+join|"
    r"welcome\s+(?:you\s+)?(?:to|aboard|on\s+board)\b|(?:sign|review)\s+(?:and\s+sign\s+)?your\s+(?:employment\s+)?(?:contract|agreement|offer)|"
    r"you(?:['’]ve|\s+have)\s+been\s+(?:selected|chosen)\s+for\s+(?:the|this|engagement|appointment)|"
    r"status\s*(?:changed\s+to|:)\s*(?:offer(?:ed)?|offer\s+extended|hired))\b",
    _I,
)

INTERVIEW = re.compile(
    r"\b(?:invit(?:e|ing)\s+you\s+(?:for|to)\s+(?:an?\s+|the\s+|a\s+second\s+|a\s+final\s+)?(?:\w+\s+){0,3}?"
    r"(?:interview|chat|call|conversation|meeting|panel|trial)|"
    r"(?:schedul|book|arrang|set(?:ting)?\s+up)(?:e|ed|ing)?\s+(?:an?\s+|the\s+|your\s+|a\s+time\s+for\s+)?(?:\w+\s+){0,3}?"
    r"(?:interview|call|chat|conversation|meeting|time\s+to\s+(?:talk|chat|speak))|"
    r"(?:your|the|an?)\s+(?:\w+\s+){0,3}?interview\s+(?:\w+\s+){0,6}?(?:is|has\s+been|was)\s+(?:scheduled|confirmed|booked|set|moved|rescheduled)|"
    r"(?:are|would)\s+you\s+(?:be\s+)?(?:free|available|around)\b|would\s+(?:\w+\s+)?suit\s+you|"
    r"(?:like|love|keen|want)\s+to\s+(?:meet|speak|talk|chat|have\s+a\s+(?:chat|call|conversation))|"
    r"(?:next|following)\s+(?:step|stage|round)\s+(?:is|will\s+be|would\s+be)\s+(?:an?\s+|the\s+)?(?:\w+\s+){0,4}?"
    r"(?:interview|call|chat|conversation|meeting|panel)|"
    r"status\s*(?:changed\s+to|:)\s*(?:interview(?:ing)?|phone\s+screen|on-?site))",
    _I,
)

# An interview set up in other words: something to attend, and a cue that it is being arranged with the person.
INTERVIEW_EVENT = re.compile(
    r"\b(?:interview\w*|phone\s+screen\w*|screening\s+call|(?:video|phone|zoom|teams|intro\w*|quick|short)\s+(?:call|chat)|"
    r"call|chat|onsite|on-site|final\s+round|second\s+round|panel|trial\s+(?:day|shift)|recruitment\s+day|superday|"
    r"portfolio\s+review|pairing\s+session|ride-along|meet\s+(?:you|our|with))\b",
    _I,
)
INTERVIEW_CUE = re.compile(
    r"\b(?:invit\w+|would\s+(?:like|love)|(?:we|i)['’]d\s+(?:like|love)|would\s+you|could\s+you|can\s+you|can\s+we|"
    r"are\s+you\s+(?:free|available)|schedul\w+|confirm\w*|reschedul\w+|move\s+our|push\s+our|host\s+you|bring\s+you|"
    r"come\s+(?:in|by|out|for)|propose|next\s+(?:step|stage)|first\s+(?:step|stage)|progressed|shortlisted\s+for|"
    r"select\s+(?:an?\s+)?(?:available\s+)?(?:interview\s+)?time|reminder|still\s+on\s+for|"
    r"looking\s+forward\s+to\s+(?:having|meeting|seeing|speaking)|"
    r"at\s+(?:mon|tue|wed|thu|fri|sat|sun)\s+\d{1,2}\s+[a-z]{3}\s+\d{4})",  # an invitation's time (calendar.py)
    _I,
)

ASSESSMENT = re.compile(
    r"\b(?:(?:complete|take|sit|do|start|finish)\s+(?:an?\s+|the\s+|our\s+|your\s+|a\s+short\s+)?(?:\w+\s+){0,3}?"
    r"(?:assessment|test|exercise|task|challenge|questionnaire|case\s+study|assignment|games)|"
    r"(?:assessment|test|exercise|task|challenge|assignment|case\s+study)\s+(?:\w+\s+){0,4}?(?:link|invitation|deadline|is\s+due|expires)|"
    r"invited\s+(?:you\s+)?to\s+(?:take|complete)|take-?home|coding\s+(?:test|challenge|exercise))",
    _I,
)

# Sentences that cannot assert a decision against the person, whatever they contain.
CONDITIONAL = re.compile(
    r"(?:^|[,;:(—–-]\s*|\b(?:and|but|or|that|so|then)\s+)(?:if|unless|should\s+(?:we|you|your|the|it|this)|whether|"
    r"in\s+(?:the\s+)?(?:event|case)|even\s+if|in\s+case)\b"
    r"|(?:^|[,;]\s*|any\s+time\s+)(?:before|until|once)\s+(?:the|this|that|a|our|your|we|it)\b|\beven\s+after\b"
    r"|\b(?:may|might)\s+(?:not|decide|choose|be\s+unable|be\s+closed|be\s+filled|close|fill|end\s+up)\b"
    r"|\b(?:otherwise|if\s+not|in\s+which\s+case|assume|presume)\b",
    _I,
)
GENERIC = re.compile(
    r"\b(?:(?:unsuccessful|shortlisted|successful|selected)\s+(?:candidates|applicants)\s+will|"
    r"(?:candidates|applicants|those|anyone|everyone|people)\s+(?:who|that|whose)\s+(?:are|were|have|do)\s+not\s+"
    r"(?:\w+\s+){0,3}?(?:will|shall|may|can)|"
    r"not\s+(?:every|all|everyone)\b|only\s+(?:shortlisted|successful|selected)|"
    r"if\s+you\s+(?:do\s+not|don['’]t|haven['’]t|have\s+not)|"
    r"(?:reply|respond|write|get\s+back)\s+(?:to\s+)?(?:every|each|all|everyone|individual)|"
    r"applications?\s+(?:without|that|which|received\s+after|not\s+completed)|"
    r"\b(?:posting|applications?|advert(?:isement)?)\s+(?:has\s+|have\s+)?(?:now\s+)?closed\b[^.!?]{0,80}\b(?:review|begun|begin|shortlist|assess)|"
    r"\bno\s+longer\s+accept\w*\s+(?:new\s+)?applications|"
    r"\b(?:employers|companies|recruiters|hiring\s+managers)\s+(?:often\s+|usually\s+|may\s+|sometimes\s+)?(?:close|fill|remove|take\s+down|stop))",
    _I,
)
WITHDRAWAL = re.compile(
    r"\b(?:(?:you|you['’]ve|you\s+have|you\s+had)\s+(?:\w+\s+)?(?:withdrawn|withdrew|decided\s+to\s+withdraw|asked\s+(?:us\s+)?to\s+withdraw|declined|turned\s+down)|"
    r"your\s+(?:request|decision|wish)\s+to\s+(?:withdraw|decline)|(?:confirm|confirming|processed)\s+(?:the\s+|your\s+)?withdrawal|"
    r"as\s+(?:you\s+)?requested|at\s+your\s+request|(?:i|i['’]ve|i\s+have|i['’]m|i\s+am)\s+(?:\w+\s+)?"
    r"(?:withdraw(?:ing|n)?|declin(?:e|ing)|decided\s+to\s+(?:withdraw|decline|accept|pursue|go\s+with|take))|"
    r"withdraw\s+my|my\s+withdrawal|(?:accept(?:ed)?|taken)\s+(?:an(?:other)?|a)\s+(?:offer|position|role)\s+(?:elsewhere|with|at))",
    _I,
)
# A decision about something other than the person's application: a rejected flat, grant, paper or volunteer role.
NOT_EMPLOYMENT = re.compile(
    r"\b(?:tenan(?:cy|t)|rental|lease|landlord|letting\s+agent|apartment|flat\s+viewing|property|housing|adoption|adopt|"
    r"foster(?:ing)?|grants?|fund(?:ing|ed)?|manuscript|submissions?|poems?|journal|editors?|publication|volunteer\w*|"
    r"mortgage|loan|credit\s+card|visa\s+application|admissions?|phd|msc|mba|ma\s+programme|undergraduate|degree\s+programme|"
    r"course\s+place|scholarship|bursary|fellowship\s+award|auditions?|membership|residency|accelerator|cohort|batch|"
    r"lottery|ballot|raffle|allotment|plots?|open\s+call|exhibition|awards?|prize|images|photos?|entries|artwork|"
    r"competition\s+entr\w+|race\s+entry|marathon|tickets?|school\s+place|nursery|childcare|claim|insurance\s+claim|"
    r"saved\s+job|job\s+alert|listing|pitch(?:es|ed|ing)?|proposals?|tenders?|quotations?|abstracts?|prototypes?|"
    r"call\s+for\s+(?:papers|speakers|talks))\b",
    _I,
)


# Words only mail about work uses ("application" and "applicant" are also a flat's, a grant's, a course's).
WORK = re.compile(
    r"\b(?:roles?|positions?|jobs?|vacanc(?:y|ies)|hiring|hired?|interview\w*|recruit\w*|careers?|employ\w*|"
    r"r[ée]sum[ée]s?|cvs?|salary|talent|workplace|shifts?|staff|colleagues?|hiring\s+manager)\b",
    _I,
)


SCREENING = re.compile(
    r"\b(?:phone\s+screen(?:ing)?|screening\s+(?:call|interview|chat)|(?:intro(?:ductory)?|initial|first|quick|short|brief|"
    r"informal|exploratory)\s+(?:phone\s+|video\s+|zoom\s+|teams\s+)?(?:call|chat|conversation)|recruiter\s+(?:call|screen|chat)|"
    r"talent\s+(?:call|screen)|call\s+with\s+(?:me|our\s+recruit\w+|our\s+talent|the\s+recruit\w+)|chat\s+about\s+your\s+application)\b",
    _I,
)
_WORDS = re.compile(r"\w+")


def says(pattern: re.Pattern[str], text: str) -> bool:
    """Whether a pattern of this module is found in the text (lower-cased first, as the patterns are)."""
    return pattern.search(text.lower()) is not None


def words(text: str) -> list[str]:
    """Lower-case words, for comparing sentences."""
    return _WORDS.findall(text.lower())


# An applicant-tracking system's status line: "Status: Not selected", "Candidate status changed to Interviewing".
_STATUS = re.compile(
    r"\b(?:status|stage)\s*(?:has\s+)?(?:changed\s+to|updated\s+to|moved\s+to|is\s+now|now|:|-|–)\s*[\"'“]?([a-z][a-z0-9 ,/-]{1,40})",
    _I,
)
_STATUS_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("rejection", re.compile(r"^(?:not\s+selected|declined|rejected|unsuccessful|not\s+moving|not\s+progress|no\s+longer|"
                             r"disqualified|closed|position\s+filled|filled|not\s+shortlisted|archived)", _I)),
    ("other", re.compile(r"^(?:withdrawn|candidate\s+withdrew|withdrew)", _I)),
    ("offer", re.compile(r"^(?:offer|offered|hired|offer\s+extended|offer\s+accepted)", _I)),
    ("interview", re.compile(r"^(?:interview|phone\s+screen|screen|on-?site|final\s+round|second\s+round)", _I)),
    ("assessment", re.compile(r"^(?:assessment|test|assignment|exercise|coding\s+challenge)", _I)),
    ("acknowledgment", re.compile(r"^(?:received|submitted|under\s+review|in\s+review|new|applied|application\s+received|"
                                  r"being\s+reviewed|reviewing)", _I)),
)  # fmt: skip


# An employer confirming the person's own withdrawal: "your application has been withdrawn" (as they asked).
OWN_WITHDRAWAL = re.compile(
    r"\b(?:your\s+application\s+(?:\w+\s+){0,6}?(?:has\s+(?:now\s+)?been|was|is\s+now)\s+withdrawn|"
    r"(?:we['’]ve|we\s+have)\s+(?:now\s+)?withdrawn\s+your\s+(?:application|candidacy)|"
    r"(?:confirm|confirms|confirming|confirmation\s+of|processed)\s+(?:the\s+|your\s+)?(?:application\s+)?withdrawal|"
    r"(?:confirm|confirms|confirming|note|noted|see)\s+that\s+you\s+(?:have\s+|['’]ve\s+|had\s+)?"
    r"(?:withdrawn|withdrew|decided\s+to\s+withdraw|chosen\s+to\s+withdraw)|"
    r"(?:as\s+(?:you\s+)?requested|as\s+you\s+asked(?:\s+on\s+\w+)?|at\s+your\s+request),?\s+(?:we|i)\s*(?:['’]ve|\s+have)?\s+"
    r"(?:now\s+)?(?:withdrawn|removed|closed|taken)\s+your\s+(?:application|candidacy|details|profile)|"
    r"withdrawn\s+at\s+your\s+request)",
    _I,
)
# A decision someone else made: the person first chosen turned the job down or did not join. It is no decision
# against the reader ("the candidate we appointed has decided not to take up the post, and we'd like to offer it
# to you"), and often the opposite.
SOMEONE_ELSE = re.compile(
    r"\b(?:the|our)\s+(?:\w+\s+){0,2}?(?:person|candidate|applicant|individual|hire|appointee|finalist)\s+"
    r"(?:(?:we|who|that|i)\s+(?:\w+\s+){0,8}?)?(?:(?:has|have|had|was|is)\s+)?(?:now\s+|since\s+|just\s+|unexpectedly\s+)?"
    r"(?:decided\s+(?:not|against)|declined|withdr[ae]wn?|pulled\s+out|dropped\s+out|backed\s+out|"
    r"not\s+(?:joined|accepted|started|taken)|turned\s+(?:it|us|the\s+\w+)\s+down|changed\s+(?:their|his|her)\s+mind)|"
    r"\b(?:position|role|vacancy|job|post)\s+(?:is|has\s+(?:now\s+)?become|has\s+been)\s+(?:open|available|vacant|re-?opened)\s+again\b",
    _I,
)
# A hold on hiring: paused, on hold, frozen, postponed. Whether it decides anything depends on the rest of the
# message: "the role is frozen and will not reopen" does; "we've paused hiring for now and will let you know
# either way" does not (model.py: it waits for the person).
PAUSE = re.compile(
    r"\b(?:paus\w*|on\s+hold|hold\s+off|freez\w*|froze\w*|halt\w*|suspend\w*|postpon\w*|put\s+on\s+ice)\b", _I
)
# A promise to come back about this application, or that it stays open: the process goes on.
PENDING = re.compile(
    r"\b(?:(?:we['’]ll|we\s+will|i['’]ll|i\s+will|we\s+shall|we['’]re\s+going\s+to)\s+(?:\w+\s+){0,3}?"
    r"(?:let\s+you\s+know|update\s+you|be\s+in\s+touch|be\s+back\s+in\s+touch|get\s+back\s+to\s+you|come\s+back\s+to\s+you|"
    r"keep\s+you\s+(?:posted|updated|informed|in\s+the\s+loop)|contact\s+you\s+(?:again|as\s+soon|once|when)|"
    r"pick\s+(?:this|it|things|your\s+application)\s+(?:back\s+)?up|resume|restart)|"
    r"(?:for\s+now|for\s+the\s+(?:moment|time\s+being)|temporar\w+|until\s+further\s+notice|short\s+pause|"
    r"(?:when|once|as\s+soon\s+as)\s+(?:\w+\s+){0,3}?(?:resumes?|restarts?|reopens?|re-opens?|picks?\s+(?:back\s+)?up|unfreezes?|approved|confirmed|signed\s+off)))",
    _I,
)
# Said outright: nothing is decided about this application yet, or it stays in the process.
UNDECIDED = re.compile(
    r"\b(?:nothing\s+(?:has\s+been\s+|is\s+|['’]s\s+been\s+)?decided|no\s+decision\s+(?:has\s+been\s+|is\s+|['’]s\s+been\s+)?(?:made|taken)|"
    r"(?:this|it)\s+is\s+not\s+a\s+(?:rejection|decision|no)|(?:has|have)\s*(?:n['’]t|\s+not)\s+been\s+(?:rejected|turned\s+down)|"
    r"your\s+(?:application|candidacy)\s+(?:\w+\s+){0,3}?(?:remains|stays|will\s+(?:remain|stay)|is\s+still)\s+(?:\w+\s+)?"
    r"(?:active|open|live|in\s+(?:our|the)\s+process|under\s+consideration|in\s+the\s+running)|"
    r"either\s+way)\b",
    _I,
)
# A notice that only points elsewhere: "there is an update on your application, sign in to see it". It states
# nothing, so nothing it is read as may change the tracker by itself.
WITHHELD = re.compile(
    r"\b(?:sign|log)\s*(?:in|on|into)\b[^.!?]{0,60}?\b(?:to\s+(?:see|view|read|check|find\s+out)|for\s+(?:the\s+)?details)\b|"
    r"\b(?:see|view|check)\s+(?:it|the\s+update|your\s+status|the\s+status|the\s+details)\s+(?:in|on)\s+(?:your|the)\s+"
    r"(?:candidate|applicant|careers?)\s+(?:home|portal|account|profile|page)",
    _I,
)
# Tests that are no step of an application: practice sets, mock interviews, one-time codes.
NOT_A_STEP = re.compile(
    r"\b(?:practice\s+(?:tests?|assessments?|sets?|questions?|rounds?)|mock\s+(?:tests?|interviews?|exams?)|"
    r"one-time\s+(?:pass)?code|verification\s+code|log-?in\s+code|security\s+code|passcode|otp)\b",
    _I,
)


def status_says(sentence: str) -> str | None:
    """The label an applicant-tracking status line states, or None when the sentence is no status line."""
    match = _STATUS.search(sentence.lower())
    if match is None:
        return None
    value = match.group(1).strip()
    return next((label for label, words in _STATUS_WORDS if words.match(value)), None)


def interview_rule(sentence: str) -> bool:
    """True when the sentence sets up an interview or call with the person."""
    sentence = sentence.lower()
    if INTERVIEW.search(sentence):
        return True
    return INTERVIEW_EVENT.search(sentence) is not None and INTERVIEW_CUE.search(sentence) is not None


def asserts_decision(sentence: str) -> bool:
    """False for a conditional, hypothetical or generic line, or one about the person's own withdrawal."""
    sentence = sentence.lower()
    return not (CONDITIONAL.search(sentence) or GENERIC.search(sentence) or WITHDRAWAL.search(sentence))


def rejection_rule(sentence: str) -> bool:
    """True when the sentence asserts a decision against the person (not one someone else made: the candidate
    first chosen turning the job down)."""
    return rejects(sentence) and not says(SOMEONE_ELSE, sentence) and asserts_decision(sentence)
