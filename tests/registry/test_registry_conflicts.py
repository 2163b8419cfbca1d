"""Descriptor conflicts: side words and named organisations against the registry entry."""

from __future__ import annotations

import pytest

from claimledger.registry import ActorEntry, OutletEntry
from claimledger.registry.conflicts import (
    affiliation_conflicts,
    nationality_conflicts,
    side_words,
)

SIDES = {
    "Ukrainian": "UA",
    "Russian": "RU",
    "pro-Russian": "RU",
    "LPR": "RU",
    "German": "DE",
    "Luhansk People's Republic": "RU",
}
OFFICER = ActorEntry(
    "an-officer",
    "Petro Sydorenko",
    "person",
    country="RU",
    affiliation="Luhansk People's Republic People's Militia",
    descriptors=("LPR", "military expert", "analyst"),
)
PAPER = OutletEntry("paper", "Der Anzeiger", "outlet", country="DE")
WIRE = OutletEntry("wire", "Moskva Wire", "outlet", country="RU")
FOREIGN_PAPER = OutletEntry("foreign", "Daily Courier", "outlet", country="GB")
MINISTRY = ActorEntry("ministry", "Ministry of Something", "government", country="DE")
REPORTER = ActorEntry(
    "reporter", "Anna Schmidt", "person", country="DE", affiliation="Der Anzeiger"
)
BY_NAME = {e.name: e for e in (PAPER, WIRE, FOREIGN_PAPER, MINISTRY)}


# phrases attached to a mention of OFFICER, the conflicting words
NATIONALITY: list[tuple[list[str], list[str]]] = [
    (["a Ukrainian analyst"], ["Ukrainian"]),
    (["Military expert", "a Ukrainian analyst with ties to think tanks"], ["Ukrainian"]),
    (["a pro-Russian analyst"], []),
    (["a retired LPR officer"], []),
    (["a Russian military expert"], []),
    (["a non-Ukrainian fighter"], []),  # no side claimed
    (["an officer of the Luhansk People's Republic"], []),
    (["a German-speaking analyst"], []),  # "German-speaking" is no nationality
    (["a German analyst", "ukrainian blogger"], ["German", "ukrainian"]),
]


@pytest.mark.parametrize(("phrases", "conflicting"), NATIONALITY)
def test_nationality(phrases: list[str], conflicting: list[str]) -> None:
    found = nationality_conflicts(OFFICER, phrases, SIDES)
    assert [c.descriptor for c in found] == conflicting
    assert all(c.kind == "nationality" for c in found)
    if found:
        assert str(found[0]).endswith(
            "the registry has RU (Luhansk People's Republic People's Militia)"
        )


def test_no_country_no_judgement() -> None:
    stateless = ActorEntry("x", "Some Body", "person")
    assert nationality_conflicts(stateless, ["a Ukrainian analyst"], SIDES) == []


def test_a_listed_descriptor_fits() -> None:
    born = ActorEntry("y", "Some Body", "person", country="RU", descriptors=("Ukrainian",))
    assert (
        nationality_conflicts(born, ["a Ukrainian-born Russian official", "Ukrainian"], SIDES) == []
    )


def test_side_words_capitalised_acronyms_only() -> None:
    found = list(side_words("the lpr man and the LPR officer", SIDES))
    assert found == [("LPR", "RU")]


# organisations named beside REPORTER, conflicting?
AFFILIATION: list[tuple[ActorEntry, bool]] = [
    (PAPER, False),  # her own paper
    (MINISTRY, False),  # same country, not an outlet
    (WIRE, True),  # another country's outlet
    (FOREIGN_PAPER, True),  # another outlet, another country
]


@pytest.mark.parametrize(("org", "conflict"), AFFILIATION)
def test_affiliation(org: ActorEntry, conflict: bool) -> None:
    found = affiliation_conflicts(REPORTER, [(org.name, org)], BY_NAME.get)
    assert bool(found) is conflict
    if found:
        assert found[0].kind == "affiliation" and found[0].descriptor == org.name


def test_another_outlet_of_the_same_country_conflicts_for_a_journalist() -> None:
    rival = OutletEntry("rival", "Die Rundschau", "outlet", country="DE")
    found = affiliation_conflicts(REPORTER, [("Die Rundschau", rival)], BY_NAME.get)
    assert [c.descriptor for c in found] == ["Die Rundschau"]
