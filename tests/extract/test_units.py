"""Military formations: patterns, registry resolution, side from context, the registry file."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from spacy.language import Language

from claimledger.errors import DataFileError
from claimledger.extract import units
from claimledger.extract.units import extract_units, load_registry, parse_registry
from claimledger.models import Unit
from claimledger.nlp.pipeline import load_nlp

SHARED = Path(__file__).resolve().parents[3] / "shared"
DEV = SHARED / "corpus" / "dev"

Key = tuple[int | None, str | None, str | None]


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp()


def found(nlp: Language, text: str) -> tuple[Unit, ...]:
    return extract_units(nlp(text))


def keys(nlp: Language, text: str) -> list[Key]:
    return [(u.number, u.echelon, u.side) for u in found(nlp, text)]


# text, the units as (number, echelon, side)
PATTERNS: list[tuple[str, list[Key]]] = [
    # ordinal forms
    ("The 1st Separate Tank Brigade moved north.", [(1, "brigade", "UA")]),
    ("Shelling hit the 2nd Guards Motor Rifle Division.", [(2, "division", "RU")]),
    ("The 11th Rifle Regiment was withdrawn.", [(11, "regiment", None)]),
    ("A unit called No. 61 Brigade was mentioned.", [(61, "brigade", None)]),
    ("Britain's 16 Air Assault Brigade trained there.", [(16, "brigade", None)]),
    ("Officers of the Fourth Tank Battalion spoke.", [(4, "battalion", None)]),
    # each echelon
    ("Russia's 18th Combined Arms Army advanced.", [(18, "army", "RU")]),
    ("The 9th Army Corps was formed last year.", [(9, "corps", None)]),
    ("The 22nd Division took the village.", [(22, "division", None)]),
    ("The 1433rd Motor Rifle Regiment of the Russian army was hit.", [(1433, "regiment", "RU")]),
    ("The 2nd company held the crossing.", [(2, "company", None)]),
    ("The 11th Special Purpose Detachment raided a depot.", [(11, "detachment", None)]),
    ("Pilots of the 4th Squadron returned.", [(4, "other", None)]),
    # lists of ordinals before a plural noun
    ("Russia's 20th and 6th armies pressed on.", [(20, "army", "RU"), (6, "army", "RU")]),
    (
        "The 47th, 93rd and 110th brigades rotated.",
        [(47, "brigade", "UA"), (93, "brigade", "UA"), (110, "brigade", "UA")],
    ),
    # unnumbered names from the registry
    ("Fighters of the Azov brigade returned.", [(12, "brigade", "UA")]),
    ("The Kraken unit struck a convoy.", [(None, "other", "UA")]),
    ("Wagner mercenaries left the town.", [(None, "other", "RU")]),
    ("Akhmat fighters were seen there.", [(None, "other", "RU")]),
    # side from context, both sides, and none
    ("Ukrainian forces from the 154th Separate Mechanized Brigade held.", [(154, "brigade", "UA")]),
    ("Ukraine's elite 14th Brigade struck.", [(14, "brigade", "UA")]),
    ("The 68th Brigade of the Armed Forces of Ukraine withdrew.", [(68, "brigade", "UA")]),
    ("The Russian 39th Brigade lost vehicles.", [(39, "brigade", "RU")]),
    ("Soldiers of Russia's 34th Brigade deserted.", [(34, "brigade", "RU")]),
    ("The 61st Brigade was moved.", [(61, "brigade", None)]),
    ("Russian sources said the 61st Brigade was moved.", [(61, "brigade", None)]),
    # one number and echelon, two sides in the registry
    ("The 3rd Army Corps advanced.", [(3, "corps", None)]),
    ("Ukraine's 3rd Army Corps advanced.", [(3, "corps", "UA")]),
    ("Russian 3rd Army Corps troops advanced.", [(3, "corps", "RU")]),
    # back references and repeats are not new units
    (
        "The 93rd Mechanized Brigade said the brigade held; the 93rd Brigade later withdrew.",
        [(93, "brigade", "UA")],
    ),
    (
        "The 57th Brigade said so. Ukrainian forces from the 57th Brigade left.",
        [(57, "brigade", "UA")],
    ),
    # years, quantities, dates and places are not units
    ("In 2023, 1,500 soldiers from three brigades and 5 brigades arrived.", []),
    ("Some 30 battalion commanders and 300 Marine Corps veterans met.", []),
    ("He said 12 Brigade commanders were dismissed.", []),
    ("On March 3rd Army officials said so.", []),
    ("Ships crossed the Sea of Azov; the Azov movement protested; Akhmat Kadyrov was named.", []),
    ("It was the 20th anniversary of the 1st time.", []),
]


@pytest.mark.parametrize(("text", "expected"), PATTERNS)
def test_patterns(nlp: Language, text: str, expected: list[Key]) -> None:
    assert keys(nlp, text) == expected


# text, registry id, canonical name, branch
REGISTERED: list[tuple[str, str, str, str | None]] = [
    (
        "The 425th Separate Stormy Battalion",
        "ua-425-assault-battalion",
        '425th Separate Assault Battalion "Skelia"',
        "assault",
    ),
    (
        "The 425th Separate Assault Battalion",
        "ua-425-assault-battalion",
        '425th Separate Assault Battalion "Skelia"',
        "assault",
    ),
    (
        "the Skelia battalion",
        "ua-425-assault-battalion",
        '425th Separate Assault Battalion "Skelia"',
        "assault",
    ),
    (
        "the 57th Separate Motorized Infantry Brigade",
        "ua-57-motorized-infantry-brigade",
        "57th Separate Motorized Infantry Brigade",
        "motorized infantry",
    ),
    (
        "the 57th Separate Mechanized Infantry Brigade",
        "ua-57-motorized-infantry-brigade",
        "57th Separate Motorized Infantry Brigade",
        "motorized infantry",
    ),
    (
        "the 57th Independent Motorised Infantry Brigade",
        "ua-57-motorized-infantry-brigade",
        "57th Separate Motorized Infantry Brigade",
        "motorized infantry",
    ),
    (
        "the 57th Motor Rifle Brigade",
        "ru-57-motor-rifle-brigade",
        "57th Separate Guards Motor Rifle Brigade",
        "motor rifle",
    ),
    (
        "the 79th Airmobile Brigade",
        "ua-79-air-assault-brigade",
        "79th Separate Air Assault Brigade",
        "air assault",
    ),
    (
        "the Third Assault Brigade",
        "ua-3-assault-brigade",
        "3rd Separate Assault Brigade",
        "assault",
    ),
    (
        "the 155th Naval Infantry Brigade",
        "ru-155-marine-brigade",
        "155th Separate Guards Marine Brigade",
        "marines",
    ),
    ("the 1st Guards Tank Army", "ru-1-guards-tank-army", "1st Guards Tank Army", "tank"),
]


@pytest.mark.parametrize(("text", "registry_id", "name", "branch"), REGISTERED)
def test_registry_names_and_variants(
    nlp: Language, text: str, registry_id: str, name: str, branch: str | None
) -> None:
    (unit,) = found(nlp, f"Reports named {text} again.")
    assert (unit.registry_id, unit.name, unit.branch) == (registry_id, name, branch)


def test_unknown_unit_gets_normalised_name_branch_and_offsets(nlp: Language) -> None:
    text = "Russia's 18th separate motor rifle brigade attacked."
    (unit,) = found(nlp, text)
    assert unit.name == "18th Separate Motor Rifle Brigade"
    assert (unit.branch, unit.registry_id) == ("motor rifle", None)
    assert unit.start is not None and unit.end is not None
    assert text[unit.start : unit.end] == unit.text == "18th separate motor rifle brigade"


def test_variants_in_one_article_are_one_unit(nlp: Language) -> None:
    text = (
        "The 425th Separate Stormy Battalion reported losses. "
        "Later the 425th Separate Assault Battalion, known as Skelia, was rotated out."
    )
    (unit,) = found(nlp, text)
    assert (unit.text, unit.registry_id) == (
        "425th Separate Stormy Battalion",
        "ua-425-assault-battalion",
    )


def test_same_number_different_sides_stay_apart(nlp: Language) -> None:
    text = "Ukraine's 3rd Army Corps held while Russian 3rd Army Corps troops attacked."
    ids = [u.registry_id for u in found(nlp, text)]
    assert ids == ["ua-3-army-corps", "ru-3-army-corps"]


# --- the registry file --------------------------------------------------------------------


def test_shipped_registry_loads_once() -> None:
    registry = load_registry()
    assert registry is load_registry()
    assert registry.version == 1
    assert {u.side for u in registry.units} == {"UA", "RU"}
    assert len({u.id for u in registry.units}) == len(registry.units)


def _shipped() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(units._registry_text())
    return data


def _with_first_unit(**changes: Any) -> str:
    data = _shipped()
    data["units"][0].update(changes)
    return yaml.safe_dump(data, allow_unicode=True)


def _with_duplicate(field: str) -> str:
    data = _shipped()
    data["units"][1][field] = data["units"][0][field]
    return yaml.safe_dump(data, allow_unicode=True)


MALFORMED: list[tuple[str, str, list[str]]] = [
    ("not yaml", "units: [", ["not valid YAML"]),
    ("not a mapping", "- just a list", ["the file", "want a mapping"]),
    ("no version", "units: []", ["'version' must be an integer"]),
    (
        "bad echelon",
        _with_first_unit(echelon="platoon"),
        ["entry 1 (ua-3-assault-brigade)", "'echelon'"],
    ),
    ("bad side", _with_first_unit(side="Ukraine"), ["entry 1 (ua-3-assault-brigade)", "'side'"]),
    ("no source", _with_first_unit(source=None), ["entry 1", "'source'"]),
    ("unknown field", _with_first_unit(alias=["x"]), ["entry 1", "unknown field 'alias'"]),
    (
        "alias number",
        _with_first_unit(aliases=["4th Assault Brigade"]),
        ["entry 1", "'4th Assault Brigade'"],
    ),
    ("alias unreadable", _with_first_unit(aliases=["3rd Brigde"]), ["entry 1", "'3rd Brigde'"]),
    ("duplicate id", _with_duplicate("id"), ["entry 2", "the id is used twice"]),
    (
        "duplicate name",
        _with_first_unit(aliases=["Kraken"]),
        ["(ua-kraken)", "'Kraken' is used twice"],
    ),
]


@pytest.mark.parametrize(("case", "text", "words"), MALFORMED, ids=[c[0] for c in MALFORMED])
def test_malformed_registry_is_rejected(case: str, text: str, words: list[str]) -> None:
    with pytest.raises(DataFileError) as caught:
        parse_registry(text, "test.yaml")
    message = str(caught.value)
    assert message.startswith("unit registry test.yaml")
    for word in words:
        assert word in message


@pytest.fixture
def fresh_registry() -> Iterator[None]:
    load_registry.cache_clear()
    yield
    load_registry.cache_clear()


@pytest.mark.usefixtures("fresh_registry")
def test_malformed_shipped_registry_fails_extraction(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(units, "_registry_text", lambda name=units.REGISTRY: "units: [")
    with pytest.raises(DataFileError, match=r"units\.v1\.yaml.*not valid YAML"):
        found(nlp, "The 47th Brigade held.")


# --- the shared dev articles --------------------------------------------------------------


def _dev_articles() -> list[tuple[str, str, list[Key]]]:
    if not (DEV / "articles.jsonl").is_file() or not (DEV / "gold.json").is_file():
        return []
    gold = json.loads((DEV / "gold.json").read_text("utf-8"))["documents"]
    lines = (DEV / "articles.jsonl").read_text("utf-8").splitlines()
    articles = [json.loads(line) for line in lines if line.strip()]
    return [
        (
            a["id"],
            a["text"],
            [(u["number"], u["echelon"], u["side"]) for u in gold[a["id"]]["units"]],
        )
        for a in articles
        if a["id"] in gold
    ]


DEV_ARTICLES = [pytest.param(text, want, id=doc_id) for doc_id, text, want in _dev_articles()]


@pytest.mark.skipif(not DEV_ARTICLES, reason=f"shared dev corpus not found under {DEV}")
@pytest.mark.parametrize(("text", "expected"), DEV_ARTICLES or [pytest.param("", [], id="absent")])
def test_shared_dev_articles(nlp: Language, text: str, expected: list[Key]) -> None:
    """The dev articles' gold units, exactly (number, echelon and side)."""
    assert keys(nlp, text) == expected
