"""Place mentions of parsed sentences, resolved against the gazetteer."""

from __future__ import annotations

import pytest
from spacy.language import Language

from claimledger.link.gazetteer import Gazetteer
from claimledger.link.places import extract_places
from claimledger.link.resolve import Mention, resolve
from claimledger.models import Place
from claimledger.nlp.pipeline import load_nlp


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp()


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def places(nlp: Language, gazetteer: Gazetteer, text: str) -> dict[str, Place]:
    return {p.name: p for p in extract_places(nlp(text), gazetteer)}


def zarichne(gazetteer: Gazetteer, admin1: str) -> int:
    """The Zarichne of one oblast (GeoNames has it in seven)."""
    (found,) = [c for c in gazetteer.lookup("Zarichne") if c.admin1 == admin1]
    return found.geonameid


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Shelling continued in the Kharkiv region overnight.", "Kharkiv region"),
        ("Shelling continued in Kharkiv Oblast overnight.", "Kharkiv Oblast"),
        ("Officials in the Kharkiv oblast reported damage.", "Kharkiv oblast"),
    ],
)
def test_region_phrases_name_the_oblast(
    nlp: Language, gazetteer: Gazetteer, text: str, written: str
) -> None:
    found = places(nlp, gazetteer, text)
    oblast = found["Kharkiv Oblast"]
    assert (oblast.text, oblast.feature, oblast.country) == (written, "region", "UA")
    assert text[oblast.start or 0 : oblast.end] == written
    assert "Kharkiv" not in found


def test_region_named_by_its_centre(nlp: Language, gazetteer: Gazetteer) -> None:
    found = places(nlp, gazetteer, "The governor of the Belgorod region spoke on Monday.")
    (region,) = found.values()
    assert (region.feature, region.country, region.text) == ("region", "RU", "Belgorod region")


@pytest.mark.parametrize("spelling", ["Kupiansk", "Kupyansk"])
def test_direction_phrase_names_the_settlement(
    nlp: Language, gazetteer: Gazetteer, spelling: str
) -> None:
    text = f"Russian troops pressed on the {spelling} direction, Ukraine's army said."
    found = places(nlp, gazetteer, text)
    assert set(found) == {"Kupyansk", "Ukraine"}
    assert (found["Kupyansk"].text, found["Kupyansk"].feature) == (spelling, "city")
    assert found["Ukraine"].text == "Ukraine"


def test_spellings_of_one_place_give_one_place(nlp: Language, gazetteer: Gazetteer) -> None:
    text = "Troops left Volchansk in Ukraine. Vovchansk was shelled again, and Вовчанськ burned."
    found = places(nlp, gazetteer, text)
    assert found["Vovchansk"].text == "Volchansk"
    assert found["Vovchansk"].geonameid == 689304
    assert [p.name for p in found.values()].count("Vovchansk") == 1


def test_russian_name_resolved_by_context(nlp: Language, gazetteer: Gazetteer) -> None:
    ukrainian = places(nlp, gazetteer, "Fighting went on in Volchansk in the Kharkiv region.")
    russian = places(
        nlp, gazetteer, "Workers went on strike in Volchansk in the Sverdlovsk region."
    )
    assert ukrainian["Vovchansk"].country == "UA"
    assert russian["Volchansk"].country == "RU"


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        ("Fighting continued near Zarichne in Donetsk Oblast.", "05"),
        ("Residents of Zarichne in the Dnipropetrovsk region were evacuated.", "04"),
    ],
)
def test_ambiguous_village_resolved_by_the_named_region(
    nlp: Language, gazetteer: Gazetteer, text: str, admin1: str
) -> None:
    found = places(nlp, gazetteer, text)
    assert found["Zarichne"].geonameid == zarichne(gazetteer, admin1)


def test_ambiguous_name_resolved_by_nearby_places(gazetteer: Gazetteer) -> None:
    mentions = [Mention("Kramatorsk", 0, 10, "Kramatorsk"), Mention("Zarichne", 15, 23, "Zarichne")]
    near, alone = resolve(gazetteer, mentions), resolve(gazetteer, mentions[1:])
    assert near[1] is not None and near[1].geonameid == zarichne(gazetteer, "05")
    assert alone[0] is not None and alone[0].geonameid == zarichne(gazetteer, "19")  # largest


def test_unknown_place_is_kept_without_coordinates(nlp: Language, gazetteer: Gazetteer) -> None:
    found = places(nlp, gazetteer, "A drone hit a warehouse in Blorptown, a village near Lyman.")
    unknown = found["Blorptown"]
    assert (unknown.lat, unknown.lon, unknown.geonameid) == (None, None, None)
    assert found["Lyman"].lat is not None


@pytest.mark.parametrize(
    "text",
    [
        "Ukrainian officials have denied the report.",
        "Russian forces and Ukrainian units exchanged fire.",
        "Andrei Marochko told TASS that nothing had changed.",
    ],
)
def test_nationalities_and_people_are_not_places(
    nlp: Language, gazetteer: Gazetteer, text: str
) -> None:
    assert places(nlp, gazetteer, text) == {}


def test_mislabelled_village_after_a_locative_word(nlp: Language, gazetteer: Gazetteer) -> None:
    text = (
        "Soldiers left the settlement of Vilcha, south of Volchansk, in Ukraine's Kharkiv region."
    )
    found = places(nlp, gazetteer, text)
    assert set(found) == {"Vilcha", "Vovchansk", "Ukraine", "Kharkiv Oblast"}
    assert found["Vilcha"].feature == "village"


def test_country_codes_and_abbreviations(nlp: Language, gazetteer: Gazetteer) -> None:
    found = places(nlp, gazetteer, "The US and UK pledged more aid at a summit in Brussels.")
    assert {"United States", "United Kingdom", "Brussels"} <= set(found)
    assert found["United States"].text == "US"


def test_a_named_persons_surname_is_not_a_place(nlp: Language, gazetteer: Gazetteer) -> None:
    text = "Hillary Clinton spoke in Ohio. Clinton later flew to Florida."
    assert set(places(nlp, gazetteer, text)) == {"Ohio", "Florida"}


def test_mislabelled_names_in_a_list_with_places(nlp: Language, gazetteer: Gazetteer) -> None:
    text = "Strikes hit Dnepropetrovsk, Zaporozhye and Lugansk overnight."
    found = places(nlp, gazetteer, text)
    assert {"Dnipro", "Luhansk"} <= set(found)
    assert found["Dnipro"].text == "Dnepropetrovsk"
    assert any(p.text == "Zaporozhye" and p.country == "UA" for p in found.values())
