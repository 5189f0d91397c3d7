"""Finding an application by id or short name: the direct lookup picks exactly what resolving against every
short name picks, and fails with the same sentence."""

from __future__ import annotations

import random
from typing import Any

from bounceback.domain.errors import Ambiguous, NotFound
from bounceback.domain.naming import resolve

COMPANIES = ["Acme", "Acme Labs", "Globex GmbH", "Initech", "Umbrella Corp"]
ROLES = ["Data Engineer", "Data Analyst", "Backend Developer", "ML Engineer"]


def outcome(pick: Any) -> tuple[str, Any]:
    """What a lookup gives: the id found, or the kind and sentence of the refusal."""
    try:
        return ("found", pick())
    except (NotFound, Ambiguous) as refused:
        return (type(refused).__name__, str(refused))


def names_to_try(pairs: list[tuple[int, str]], rng: random.Random) -> list[str]:
    """Ids, exact and upper-cased names, prefixes, word subsets, and names that match nothing."""
    names = [str(app_id) for app_id, _ in pairs]
    names += ["0", "99999", " 3 ", "nobody", "acme", "data", "acme data"]
    for _, slug in pairs:
        words = slug.split("-")
        names += [slug, slug.upper().replace("-", " "), f"  {slug} ", "-".join(words[:2]), words[-1]]
        names.append(" ".join(rng.sample(words, k=min(2, len(words)))))
    return names


def test_find_matches_the_full_resolve(workspace: Any) -> None:
    rng = random.Random(10)
    with workspace.change("A search with look-alike names") as change:
        for _ in range(40):
            change.tracker.add(rng.choice(COMPANIES), rng.choice(ROLES))
    with workspace.read() as read:
        pairs = list(read.application_names().items())
        names = names_to_try(pairs, rng)
        by_read = [outcome(lambda n=n: read.find(n).app.id) for n in names]
        full = [outcome(lambda n=n: resolve(n, pairs)) for n in names]
    with workspace.change("Look up every name") as change:
        by_tracker = [outcome(lambda n=n: change.tracker.find(n).id) for n in names]
    assert len(pairs) == 40
    assert {kind for kind, _ in full} == {"found", "NotFound", "Ambiguous"}  # every path is exercised
    assert by_read == full
    assert by_tracker == full


def test_find_company_matches_every_company_read(workspace: Any) -> None:
    from bounceback.domain.model import Company
    from bounceback.domain.naming import company_key

    spellings = ["Acme", "ACME Inc.", "acme, llc", "Globex GmbH", "globex", "Initech", "Umbrella Corp"]
    with workspace.change("Companies spelt alike") as change:
        for name in spellings:  # stored as given, so several share a key
            change.store.add(Company(name=name, domains=[]))
        change.store.flush()
    with workspace.change("Look up every spelling") as change:
        companies = change.tracker.companies()  # by name, then id: the old lookup kept the first per key
        first: dict[str, int] = {}
        for company in companies:
            first.setdefault(company_key(company.name), company.id or 0)
        asked = [*spellings, "Acme Ltd", "  initech ", "Nobody"]
        found = [change.tracker.find_company(name) for name in asked]
        assert [c.id if c else None for c in found] == [first.get(company_key(n)) for n in asked]
        assert found[-1] is None and found[0] is not None
        made = change.tracker.ensure_company("Hooli")  # a new one is remembered for the next lookup
        assert change.tracker.find_company("hooli inc") is made
