"""Short names: slugs for applications, and resolving what a person typed to one id."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bounceback.cli.messages import say
from bounceback.domain.errors import Ambiguous, NotFound
from bounceback.domain.naming import application_slug, company_key, in_words, matches_name, resolve, slugify

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
CANDIDATES = [
    (1, "acme-data-engineer"),
    (2, "acme-data-analyst"),
    (3, "globex-platform-engineer"),
    (4, "acme-data"),
]


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Data Engineer", "data-engineer"),
        ("Zürich Café — Senior Engineer (m/w/d)", "zurich-cafe-senior-engineer-m-w-d"),
        ("  --C++ / Rust--  ", "c-rust"),
        ("!!!", "x"),
        ("", "x"),
    ],
)
def test_slugify_makes_lowercase_ascii_words(text: str, slug: str) -> None:
    """GIVEN a title with accents, symbols or nothing usable WHEN slugified THEN plain hyphenated words."""
    assert slugify(text) == slug


def test_slugify_cuts_long_titles_without_a_trailing_hyphen() -> None:
    """GIVEN a title longer than the limit WHEN slugified THEN it is cut and never ends with a hyphen."""
    assert slugify("x" * 47 + " abc") == "x" * 47
    assert slugify("a" * 100) == "a" * 48
    assert slugify("Senior Engineer", max_length=7) == "senior"


def test_slugify_never_cuts_a_word_in_two() -> None:
    """GIVEN a role longer than the limit WHEN slugified THEN the cut falls between words, never inside one."""
    assert slugify("Senior Analyst, Market Risk Reporting", max_length=32) == "senior-analyst-market-risk"
    assert slugify("Senior Engineer", max_length=9) == "senior"


def test_in_words_names_the_company_and_the_role() -> None:
    """GIVEN a company and a role WHEN named in a sentence THEN both appear as typed, never as a short name."""
    assert (
        in_words("Ashgrove University", "Research Data Engineer")
        == "Ashgrove University (Research Data Engineer)"
    )
    assert in_words("", "Analyst") == "Analyst"


@given(st.text())
def test_slugify_always_gives_a_clean_idempotent_slug(text: str) -> None:
    """GIVEN any text WHEN slugified THEN the slug is clean, short and unchanged by slugifying again."""
    slug = slugify(text)
    assert SLUG.match(slug)
    assert len(slug) <= 48
    assert slugify(slug) == slug


@pytest.mark.parametrize(
    "name",
    [
        "Acme", "ACME", "Acme, Inc.", "Acme Inc", "acme GmbH", "Acme Ltd.", "Acme Co.", "Acme B.V.",
        "Acme Co., Ltd.", "Acme (Pty) Ltd", "Acme Pvt. Ltd.", "Acme A.Ş.", "Acme d.o.o.", "Acme S.p.A.",
        "Acme Sp. z o.o.", "ACME Private Limited", "Acme Sdn Bhd",
    ],
)  # fmt: skip
def test_company_key_ignores_case_punctuation_and_legal_suffixes(name: str) -> None:
    """GIVEN the same employer written in different ways WHEN keyed THEN the keys are equal."""
    assert company_key(name) == "acme"


def test_company_key_keeps_a_name_that_is_only_a_suffix() -> None:
    """GIVEN a company called just 'Co' WHEN keyed THEN the name is kept rather than emptied."""
    assert company_key("Co") == "co"


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Plan B", "plan-b"),
        ("Bank of Sa Pa", "bank-of-sa-pa"),
        ("Co-op Energy", "co-op-energy"),
        ("AS Roma", "as-roma"),
    ],
)
def test_company_key_keeps_words_that_only_look_like_a_legal_form(name: str, key: str) -> None:
    """GIVEN names whose letters could be a legal form but are not at the end as one WHEN keyed THEN kept."""
    assert company_key(name) == key


def test_application_slug_numbers_taken_names() -> None:
    """GIVEN slugs already taken WHEN a new application gets one THEN it is numbered after them."""
    assert application_slug("Acme Inc.", "Data Engineer", set()) == "acme-data-engineer"
    taken = {"acme-data-engineer", "acme-data-engineer-2"}
    assert application_slug("Acme Inc.", "Data Engineer", taken) == "acme-data-engineer-3"


@given(st.text(min_size=1), st.text(min_size=1), st.sets(st.text().map(slugify), max_size=5))
def test_application_slug_is_never_taken(company: str, role: str, taken: set[str]) -> None:
    """GIVEN any names and taken slugs WHEN a slug is made THEN it is clean and not among the taken."""
    slug = application_slug(company, role, taken)
    assert slug not in taken
    assert SLUG.match(slug)


@pytest.mark.parametrize(
    ("query", "slug", "matches"),
    [
        ("acme-data-engineer", "acme-data-engineer", True),
        ("acme-data-e", "acme-data-engineer", True),
        ("Acme Engineer", "acme-data-engineer", True),
        ("acme eng", "acme-data-engineer", True),
        ("engineer acme", "acme-data-engineer", False),
        ("globex", "acme-data-engineer", False),
    ],
)
def test_matches_name_takes_prefixes_and_words_in_order(query: str, slug: str, matches: bool) -> None:
    """GIVEN a typed name WHEN matched against a slug THEN exact, prefix and in-order words match."""
    assert matches_name(query, slug) is matches


@pytest.mark.parametrize(
    ("query", "wanted"),
    [
        ("3", 3),
        (" 2 ", 2),
        ("acme-data-engineer", 1),
        ("Acme Data Analyst", 2),
        ("acme-data", 4),  # an exact slug wins over the longer ones it prefixes
        ("globex", 3),
        ("acme eng", 1),
    ],
)
def test_resolve_picks_one_by_id_or_name(query: str, wanted: int) -> None:
    """GIVEN several applications WHEN a person names one by id, slug or short name THEN that one is picked."""
    assert resolve(query, CANDIDATES) == wanted


def test_resolve_lists_the_candidates_when_ambiguous() -> None:
    """GIVEN two applications matching a short name WHEN resolved THEN Ambiguous lists both, sorted."""
    with pytest.raises(Ambiguous) as raised:
        resolve("acme-data-a", [*CANDIDATES, (5, "acme-data-architect")])
    assert raised.value.candidates == ["acme-data-analyst", "acme-data-architect"]
    assert raised.value.message == (
        "“acme-data-a” could be 2 applications: acme-data-analyst, acme-data-architect. Use a longer name or the id."
    )


def test_resolve_shortens_a_long_candidate_list() -> None:
    """GIVEN twelve matches WHEN resolved THEN the sentence names eight and the error keeps all twelve."""
    many = [(i, f"acme-role-{i:02d}") for i in range(1, 13)]
    with pytest.raises(Ambiguous) as raised:
        resolve("acme", many)
    assert len(raised.value.candidates) == 12
    assert raised.value.message.startswith("“acme” could be 12 applications: acme-role-01,")
    assert "acme-role-08 …. Use a longer name" in raised.value.message
    assert "acme-role-09" not in raised.value.message


def test_resolve_unknown_name_says_how_to_see_names() -> None:
    """GIVEN no matching application WHEN resolved THEN NotFound points at `bounceback list` (in the CLI's
    words for the action it carries)."""
    with pytest.raises(NotFound) as raised:
        resolve("initech", CANDIDATES)
    assert say(raised.value) == "No application is called “initech”; `bounceback list` shows their names."


def test_resolve_unknown_id_names_the_id() -> None:
    """GIVEN an id nobody has WHEN resolved THEN NotFound names that id and what was looked for."""
    with pytest.raises(NotFound) as raised:
        resolve("42", CANDIDATES, what="contact")
    assert raised.value.message == "There is no contact with id 42."


def test_resolve_in_an_empty_search() -> None:
    """GIVEN no applications at all WHEN anything is resolved THEN NotFound."""
    with pytest.raises(NotFound):
        resolve("acme", [])


@given(st.lists(st.text(min_size=1).map(slugify), min_size=1, max_size=8, unique=True))
def test_every_distinct_slug_resolves_to_itself(slugs: list[str]) -> None:
    """GIVEN distinct slugs WHEN each is typed in full THEN it resolves to its own id (never ambiguous)."""
    candidates = [(i + 100, s) for i, s in enumerate(slugs) if not s.isdigit()]
    for cid, slug in candidates:
        assert resolve(slug, candidates) == cid
