"""Short names like `acme-data-engineer`, so a person can name an application without its id."""

from __future__ import annotations

import re
import unicodedata

from bounceback.domain.actions import Action, ActionKind

_NON_WORD = re.compile(r"[^a-z0-9]+")
# Legal forms written after a company's name, as the words of its slug ("B.V." → b v, "(Pty) Ltd" → pty ltd,
# "A.Ş." → a s): "Velmark Logistics B.V." and "Velmark Logistics" are one employer, whichever a mail writes.
_LEGAL_FORMS = tuple(
    tuple(form.split())
    for form in (
        "inc", "incorporated", "llc", "llp", "lp", "ltd", "limited", "plc", "corp", "corporation", "co", "pty",
        "pvt", "pte", "private", "gmbh", "ag", "kg", "se", "ug", "sa", "sas", "sarl", "srl", "spa", "s p a", "s a",
        "s l", "sl", "s r l", "bv", "b v", "nv", "n v", "oy", "oyj", "ab", "as", "a s", "aps", "asa", "d o o", "doo",
        "k k", "kk", "bhd", "sdn", "ltda", "lda", "sp z o o", "s a de c v", "ulc",
    )
)  # fmt: skip


def slugify(text: str, *, max_length: int = 48) -> str:
    """Lower-case ASCII words joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = _NON_WORD.sub("-", ascii_text.lower()).strip("-")
    if len(slug) > max_length:  # cut at a word's end, never inside one (unless a single word is that long)
        cut = slug[: max_length + 1].rsplit("-", 1)[0] if "-" in slug[: max_length + 1] else slug[:max_length]
        slug = cut
    return slug.rstrip("-") or "x"


def company_key(name: str) -> str:
    """A comparable key for a company name: case, punctuation and legal forms at its end ignored (one or
    several: "GAON Mobility Co., Ltd."), the name kept whole when it is nothing but one ("Co")."""
    words = slugify(name, max_length=1000).split("-")
    while True:
        form = next((f for f in _LEGAL_FORMS if len(words) > len(f) and tuple(words[-len(f) :]) == f), None)
        if form is None:
            return slugify("-".join(words))
        words = words[: -len(form)]


def in_words(company: str, role: str) -> str:
    """How a sentence names an application: its employer and role, as the person would say them."""
    company, role = company.strip(), role.strip()
    if company and role:
        return f"{company} ({role})"
    return company or role or "this application"


def application_slug(company: str, role: str, taken: set[str]) -> str:
    """A unique short name for a new application: company and role, numbered when taken."""
    base = f"{company_key(company)}-{slugify(role, max_length=32)}"
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def matches_name(query: str, slug: str) -> bool:
    """Whether a typed name picks this slug: exact, a prefix, or all its words in order."""
    q = slugify(query)
    if slug == q or slug.startswith(q):
        return True
    words = q.split("-")
    position = 0
    for word in words:
        found = slug.find(word, position)
        if found < 0:
            return False
        position = found + len(word)
    return True


def resolve(
    query: str,
    candidates: list[tuple[int, str]],
    *,
    what: str = "application",
    listing: Action = Action(ActionKind.SEE_APPLICATIONS),
) -> int:
    """Pick one id from (id, slug) pairs by an id or an unambiguous short name."""
    from bounceback.domain.errors import Ambiguous, NotFound

    text = query.strip()
    if text.isdigit():
        wanted = int(text)
        if any(cid == wanted for cid, _ in candidates):
            return wanted
        raise NotFound(f"There is no {what} with id {wanted}.")
    exact = [cid for cid, slug in candidates if slug == slugify(text)]
    if len(exact) == 1:
        return exact[0]
    hits = [(cid, slug) for cid, slug in candidates if matches_name(text, slug)]
    if len(hits) == 1:
        return hits[0][0]
    if not hits:
        raise NotFound(
            f"No {what} is called “{text}”.", key="unknown_name", actions=[listing], what=what, name=text
        )
    names = [slug for _, slug in sorted(hits, key=lambda h: h[1])]
    shown = ", ".join(names[:8]) + (" …" if len(names) > 8 else "")
    raise Ambiguous(f"“{text}” could be {len(names)} {what}s: {shown}. Use a longer name or the id.", names)
