"""Twins of the original rejections whose tone gave them away most (scored by a model that never saw the
decision sentence): the same writer, the same courtesy, and no decision. Each twin joins its original's
family, so a calibration fold holds out the pair together."""

from __future__ import annotations

from engine import Family, voice

ACK = "acknowledgment"


def twin(family: str, sender: str, company: str, role: str, label: str, subject: str, body: str) -> Family:
    return voice(family, sender, [(label, subject, body)], fixed={"company": company, "role": role})


def families() -> list[Family]:
    return [
        twin(
            "v1-hatchandhive",
            "Mia Robertson <mia@hatchandhive.com.au>",
            "Hatch & Hive",
            "Junior Copywriter",
            ACK,
            "Re: Junior Copywriter",
            """Hey Zoe,

Thanks heaps for coming in yesterday, it was great to meet you and the writing samples were fab.

We've got two more people to see on Thursday, so we won't have an answer for you until early next week. Sorry for the wait!

Would love to keep your details on file for freelance stuff too, if you're keen?

Mia
Creative Director | Hatch & Hive""",
        ),
        twin(
            "v1-hire-lever",
            "Lever <no-reply@hire.lever.co>",
            "Ridgeway Analytics",
            "Analytics Engineer",
            ACK,
            "Your Ridgeway Analytics application",
            """Hello Arjun,

Thank you for your interest in the Analytics Engineer opportunity with Ridgeway Analytics.

We're giving careful consideration to your background and experience, and the team will be in touch about next steps within two weeks. We'd like to thank you for taking the time to apply, and wish you every success in the meantime.

Regards,
Ridgeway Analytics Talent Team""",
        ),
        twin(
            "v1-arcwise",
            "Recruiting <careers@arcwise.ai>",
            "Arcwise",
            "Applied Scientist",
            ACK,
            "Arcwise - take-home received",
            """Hi Priya,

Thank you for the thoughtful take-home submission. It arrived safely, and the team has started reading it.

We're discussing all candidates at this stage on Friday, and I'll write to you early next week either way.

We're grateful for the time you put in.

Alex Chen
Head of ML, Arcwise""",
        ),
        twin(
            "v1-stadtwerke-kellner",
            "Stadtwerke Kellner GmbH <bewerbung@stadtwerke-kellner.de>",
            "Stadtwerke Kellner GmbH",
            "Energy Data Analyst (m/f/d)",
            ACK,
            "Eingangsbestätigung / Your application as Energy Data Analyst (m/f/d)",
            """Dear Mr. Novak,

thank you very much for your application and the interest in our company.

We have received your documents and will examine them carefully. Please understand that the selection process can take four to six weeks.

Your documents will be deleted after 6 months according to data protection regulations.

We wish you for your further professional way all the best.

With kind regards

Personalabteilung
Stadtwerke Kellner GmbH""",
        ),
        twin(
            "v1-joinhandshake",
            "Handshake <noreply@joinhandshake.com>",
            "Mercer Kline",
            "Rotational Program Associate",
            ACK,
            "Status update: Rotational Program Associate at Mercer Kline",
            """Hi Aaliyah,

Mercer Kline updated the status of your application for Rotational Program Associate (Class of 2026).

New status: Under review

Employers review applications at different speeds, depending on the number of applicants and program capacity. Visit your Career Center for help with your next application.

Handshake""",
        ),
        twin(
            "v1-goldcoastfintech",
            "Kwame Asante <kwame.asante@goldcoastfintech.com.gh>",
            "Gold Coast Fintech Ltd.",
            "Mobile Developer (Flutter)",
            ACK,
            "Application for Mobile Developer",
            """Dear Efua,

Greetings. We thank you for applying for the Mobile Developer (Flutter) role and for coming for the technical interview.

Please be informed that the recruitment is still ongoing, and the panel will meet at the end of the month. We appreciated your enthusiasm and knowledge.

We will keep your CV in our database until then.

Thank you and God bless.

Kwame Asante
HR Officer, Gold Coast Fintech Ltd.""",
        ),
        twin(
            "v1-ottermint",
            "People Team <people@ottermint.com>",
            "Ottermint",
            "Customer Success Manager",
            ACK,
            "Thanks for chatting with us",
            """Hi Jess,
Thank you for your time speaking with Laura for the Customer Success Manager role. It was great getting to know more about you.
We're finishing first conversations this week and will let you know about next steps by Wednesday. We truly appreciate your interest in Ottermint.
Wishing you the very best,
Ottermint People Team
Sent with Lever · Privacy""",
        ),
        twin(
            "v1-wellfound",
            "Wellfound <notifications@wellfound.com>",
            "Plover",
            "Founding Full-Stack Engineer",
            ACK,
            "Plover viewed your application",
            """wellfound

Plover viewed your application

Founding Full-Stack Engineer · Plover · Remote (US)

Plover has viewed your application. Applications are usually reviewed by the founders themselves, so replies can take a little longer than an automated filter.

Browse more startups that are hiring.

Wellfound""",
        ),
        twin(
            "v1-taleo",
            "Taleo <do-not-reply@taleo.net>",
            "Ambermoor Bank",
            "Branch Operations Lead",
            ACK,
            "Ambermoor Bank - Thank you for your interest",
            """Dear Hamza Qureshi,

Thank you for your interest in the role of Branch Operations Lead (Job Number 250004JE) at Ambermoor Bank.

We are now in the selection process for this position. We were very impressed by the number of applications and would like to thank you for the time you invested.

You are welcome to review other opportunities with Ambermoor Bank and to apply for those that interest you.

Kind regards,
Ambermoor Bank Recruitment""",
        ),
        twin(
            "v1-emberlyfoods",
            "Warrick Hale <warrick.hale@emberlyfoods.co.nz>",
            "Emberly Foods",
            "Production Supervisor",
            ACK,
            "Production Supervisor",
            """Hi Wiremu,

Just a quick one to say thanks for coming out to the Hastings site. Leanne's away till Monday, so we'll make the call on the role when she's back and I'll ring you then.

Cheers for your time mate.

Warrick""",
        ),
        twin(
            "v1-bullhornstaffing-bullhorn",
            "Bullhorn <noreply@bullhornstaffing.com>",
            "Keystone Talent Partners",
            "Electrical Estimator",
            ACK,
            "Regarding your recent application",
            """Dear Owen,

Thank you for applying for the Electrical Estimator vacancy through Keystone Talent Partners.

We're reviewing your application against our client's brief and will call you before we submit your CV for this role. The client has asked specifically about HV substation estimating experience, so have a think about examples.

We'll keep you in mind for other estimating roles across the Midlands.

Keystone Talent Partners""",
        ),
        twin(
            "v1-smartrecruiters",
            "SmartRecruiters <noreply@smartrecruiters.com>",
            "Ostrava Glassworks a.s.",
            "Production Shift Leader",
            ACK,
            "Regarding your application - Ostrava Glassworks",
            """Dear Petra,

We would like to thank you for taking part in the selection process for the position Production Shift Leader at Ostrava Glassworks.

We are evaluating all the candidates and will inform you of our decision by the end of the month. We would like to keep your CV in our database for one year, if you agree.

We wish you a lot of success in your personal and professional life.

HR Department Ostrava Glassworks a.s.""",
        ),
        twin(
            "v1-meridianschools",
            "Meridian Schools Trust <recruitment@meridianschools.org.uk>",
            "Meridian Schools Trust",
            "Teacher of Maths",
            ACK,
            "Interview: Teacher of Maths (MPS/UPS)",
            """Dear Ms Okonjo,

Thank you for your interest in the post of Teacher of Maths at Hollins Park Academy, part of Meridian Schools Trust, and for attending the interview and teaching observation on 14 May.

The panel is seeing the last candidates tomorrow and expects to reach a decision by Friday. We were grateful for the effort you put into your lesson, and the students commented on how clearly you explained simultaneous equations.

We would like to keep your details on file for future vacancies across the Trust, unless you tell us otherwise.

Kind regards,

Mrs S. Pritchard
HR Officer, Meridian Schools Trust""",
        ),
        twin(
            "v1-kingsmere",
            "Dr. Helen Ashcroft <h.ashcroft@kingsmere.ac.uk>",
            "Kingsmere University",
            "Lectureship in Computational Linguistics",
            ACK,
            "Lectureship in Computational Linguistics",
            """Dear Dr Ferreira,

Thank you for your application for the Lectureship in Computational Linguistics (ref. KU-0871) and for visiting Kingsmere for the interview day. The panel very much enjoyed your research presentation on low-resource morphology.

The panel meets again next Tuesday, once references have arrived, and I will write to you straight after. The field was exceptionally strong.

With best wishes,

Helen

Professor Helen Ashcroft
Head of School, Languages and Linguistics
Kingsmere University""",
        ),
        twin(
            "v1-harborandpine",
            "Harbor & Pine Outfitters <jobs@harborandpine.com>",
            "Harbor & Pine Outfitters",
            "Sales Associate",
            ACK,
            "Sales Associate - Burlington",
            """Hey Luca,

Thanks for coming in to chat with us! We're still meeting people for our Sales Associate spots this week, and we'll let everyone know by Saturday. We really enjoyed hearing about your thru-hike — don't be a stranger.

Harbor & Pine Outfitters""",
        ),
        twin(
            "v1-baobabretail",
            "Lindiwe Dube <lindiwe.dube@baobabretail.co.za>",
            "Baobab Retail",
            "Store Manager Trainee",
            ACK,
            "Store Manager Trainee",
            """Good day Thabo,

Thank you for attending the assessment centre on Saturday.

Results will be released on Thursday, once all regions have finished their sessions. We appreciate the effort you made to attend, and we encourage you to keep an eye on your email.

Regards,
Baobab Retail Recruitment""",
        ),
        twin(
            "v1-indeed",
            "Indeed <indeedapply@indeed.com>",
            "Roundtree Freight",
            "Dispatcher",
            ACK,
            "An update on your Indeed application: Dispatcher",
            """Indeed

Hi Terrell,

Your application for Dispatcher at Roundtree Freight was viewed by the employer.

The employer is reviewing applications for this job. This doesn't mean a decision has been made — employers often review many candidates before reaching out.

Keep going: 14 new Dispatcher jobs near Memphis, TN were posted this week.

Indeed""",
        ),
        twin(
            "v1-paradox",
            "Paradox <olivia@paradox.ai>",
            "Crestway Fresh Markets",
            "Overnight Stocker",
            ACK,
            "Update from Crestway Fresh Markets",
            """Hi Jayden! This is Olivia, the virtual assistant for Crestway Fresh Markets. 👋

I wanted to let you know that your application for the Overnight Stocker position at store #418 has reached the hiring manager, who will review it this week.

Would you like to see other open positions near you? Reply YES and I'll send a list.""",
        ),
        twin(
            "v1-cedarlinelaw",
            "Jenna Whitlock <jwhitlock@cedarlinelaw.com>",
            "Cedarline Whitaker LLP",
            "litigation associate",
            ACK,
            "Associate position",
            """Dear Mr. Adeyemi,

Thank you for meeting with us last week regarding the litigation associate position in our Denver office. We enjoyed learning about your clerkship and your work on the appellate brief you shared.

The hiring committee meets on the 24th and I will be in touch after that. We are fortunate to have a strong group of candidates, so the decision will not be an easy one.

We wish you a restful weekend.

Very truly yours,

Jenna Whitlock
Director of Legal Recruiting
Cedarline Whitaker LLP

CONFIDENTIALITY NOTICE: This e-mail may contain privileged or confidential information and is intended only for the named recipient. Any unauthorized review, use, disclosure or distribution is prohibited.""",
        ),
        twin(
            "v1-wavecrest",
            "Talent Acquisition <talent@wavecrest.health>",
            "Wavecrest Health",
            "Physical Therapist (Outpatient)",
            ACK,
            "Wavecrest Health: Physical Therapist (Outpatient)",
            """Hi Marisa,

We're following up on your application for Physical Therapist (Outpatient) in Eugene, OR.

Our clinics in Oregon require an active Oregon PT license at the time of hire. Could you send us your license number so we can continue reviewing your application? We'd be glad to consider you once we can confirm it.

Thank you,
Wavecrest Health Talent Acquisition""",
        ),
        twin(
            "v1-brisetech",
            "Ines Moreau <ines.moreau@brisetech.io>",
            "Brise Technologies",
            "Engineering Manager, Platform",
            ACK,
            "Next steps",
            """Hi Kwame,

Thank you for your patience since the panel interview. I had hoped to be writing with next steps by now, but the panel is still collecting feedback, so it will be another week.

I'd like to say that your answers on incident management were some of the best we heard.

Ines""",
        ),
        twin(
            "v1-tidewell",
            "careers@tidewell.co.uk",
            "Tidewell Housing Association",
            "Tenancy Sustainment Officer",
            ACK,
            "Application update - Tidewell Housing Association",
            """Dear Applicant,

Re: Tenancy Sustainment Officer (Ref TH/0419)

Thank you for applying for the above post. Shortlisting has been delayed and will now take place on 3 July.

Due to the high volume of applications we are unable to provide individual updates at this stage.

We wish you every success in the future.

Yours faithfully,

HR Team
Tidewell Housing Association""",
        ),
        twin(
            "v1-brookvalefamilylaw",
            "Abigail Thornton <athornton@brookvalefamilylaw.com>",
            "Brookvale Family Law",
            "Paralegal",
            ACK,
            "Paralegal application",
            """Dear Ms. Okafor,

Thank you for your interest in the paralegal position at Brookvale Family Law. We received an overwhelming number of applications.

We are reviewing them carefully and will contact candidates selected for interview by the end of next week. We wish you well in the meantime.

Abigail Thornton
Office Administrator
Brookvale Family Law, PLLC""",
        ),
        twin(
            "v1-tildeandthread",
            "Tilde & Thread <careers@tildeandthread.com>",
            "Tilde & Thread",
            "Store Manager",
            ACK,
            "Store Manager - Portland Pearl District",
            """Hi Becca,

We wanted to thank you for meeting with our District Manager, Sophie, last week about the Store Manager role at our Pearl District shop.

Sophie is meeting two more candidates and will share her decision by the 15th. She specifically mentioned your visual merchandising experience.

We'd love to keep you in our talent pool for upcoming openings in the Seattle market too.

With gratitude,
Tilde & Thread People Team""",
        ),
    ]
