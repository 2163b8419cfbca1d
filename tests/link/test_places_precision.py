"""Place resolution on reporting that is not about the war: common words and people's names
are not small foreign places, and countries are countries."""

from __future__ import annotations

import pytest
from spacy.language import Language

from claimledger.link.gazetteer import Gazetteer
from claimledger.link.places import extract_places
from claimledger.models import Place
from claimledger.nlp.pipeline import load_nlp


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def resolved(nlp: Language, gazetteer: Gazetteer, text: str) -> dict[str, Place]:
    return {p.text: p for p in extract_places(nlp(text), gazetteer) if p.geonameid is not None}


@pytest.mark.parametrize(
    ("text", "written", "country"),
    [
        ("My grandparents moved to America after the war.", "America", "US"),
        ("Exports to Korea and Japan grew last year.", "Korea", "KR"),
    ],
)
def test_short_country_names_are_the_country(
    nlp: Language, gazetteer: Gazetteer, text: str, written: str, country: str
) -> None:
    place = resolved(nlp, gazetteer, text)[written]
    assert (place.feature, place.country) == ("country", country)


def test_a_country_the_tagger_takes_for_a_person_is_the_country(
    nlp: Language, gazetteer: Gazetteer
) -> None:
    """The small model often tags West African countries as people; the country's own name
    still makes it the country, and the country supports its small towns."""
    text = (
        "At least 20 soldiers were killed when jihadists attacked an army detachment in Diapaga "
        "in eastern Burkina Faso, sources said. The east of the country, which borders Niger, "
        "Benin and Togo, has seen attacks."
    )
    places = resolved(nlp, gazetteer, text)
    for name, code in (("Burkina Faso", "BF"), ("Niger", "NE"), ("Togo", "TG")):
        assert (places[name].feature, places[name].country) == ("country", code)
    assert places["Diapaga"].country == "BF"


def test_a_country_name_inside_a_persons_name_is_the_person(
    nlp: Language, gazetteer: Gazetteer
) -> None:
    text = "Representative Jim Jordan spoke first. Jordan then left the hearing early."
    assert "Jordan" not in resolved(nlp, gazetteer, text)


@pytest.mark.parametrize("state", ["Maryland", "Minnesota", "Montana", "Oklahoma", "California"])
def test_a_state_is_not_a_small_town_named_after_it(
    nlp: Language, gazetteer: Gazetteer, state: str
) -> None:
    text = f"Voters in {state} go to the polls next week, and one {state} delegate is worried."
    place = resolved(nlp, gazetteer, text)[state]
    assert (place.feature, place.country) == ("region", "US")


def test_the_region_named_after_its_large_city_is_still_the_city(
    nlp: Language, gazetteer: Gazetteer
) -> None:
    place = resolved(nlp, gazetteer, "Sirens sounded in Kharkiv at dawn.")["Kharkiv"]
    assert (place.feature, place.country) == ("city", "UA")


def test_first_names_of_people_are_not_small_places(nlp: Language, gazetteer: Gazetteer) -> None:
    text = "Senator Marco Rubio said Marco would campaign in Iowa with his family."
    assert "Marco" not in resolved(nlp, gazetteer, text)


def test_a_name_after_a_particle_is_a_surname(nlp: Language, gazetteer: Gazetteer) -> None:
    text = "The commission president, Ursula von der Leyen, flew to Brussels."
    found = resolved(nlp, gazetteer, text)
    assert "Leyen" not in found
    assert found["Brussels"].country == "BE"


def test_a_name_after_the_is_not_a_settlement(nlp: Language, gazetteer: Gazetteer) -> None:
    text = "Democrats hope to keep the White House in November, the senator said in Ohio."
    found = resolved(nlp, gazetteer, text)
    assert "White House" not in found
    assert found["Ohio"].feature == "region"


def test_small_foreign_city_needs_support(nlp: Language, gazetteer: Gazetteer) -> None:
    """A Japanese city of 30,000 is not meant in a report that names only the US."""
    text = "In the United States, Clinton attacked Obama over trade in a speech in Ohio."
    found = resolved(nlp, gazetteer, text)
    assert found.get("Obama") is None or found["Obama"].country == "US"


def test_no_theatre_bonus_in_an_article_about_another_country(
    nlp: Language, gazetteer: Gazetteer
) -> None:
    text = "The United States and Britain signed the deal. He now lives in Cambridge."
    assert resolved(nlp, gazetteer, text)["Cambridge"].country in ("GB", "US")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Shelling hit the village of Zarichne in the Donetsk region overnight.", "Zarichne"),
        ("Russian troops advanced near Vuhledar in Ukraine, the general staff said.", "Vuhledar"),
        ("Ukrainian forces shelled positions outside Siversk, Kyiv said.", "Siversk"),
    ],
)
def test_small_theatre_places_with_a_cue_still_resolve(
    nlp: Language, gazetteer: Gazetteer, text: str, name: str
) -> None:
    found = {p.name: p for p in extract_places(nlp(text), gazetteer)}
    assert found[name].country == "UA", found


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The nominee would need approval by Congress, and voters in Arizona and Nevada were "
         "split, the senator said in Phoenix.", "Congress"),
        ("Garland would fill the seat of Justice Antonin Scalia, a senator from Illinois said "
         "in Springfield.", "Justice"),
        ("Democrat Hillary Clinton won Alabama on Tuesday, while Republicans argued in "
         "Montgomery.", "Democrat"),
    ],
)  # fmt: skip
def test_an_everyday_word_is_no_small_town_of_a_state_the_article_names(
    nlp: Language, gazetteer: Gazetteer, text: str, word: str
) -> None:
    """There are a village called Congress in Arizona, a city called Justice in Illinois and a
    town in Alabama once called Democrat; in a report naming those states the words are still
    the legislature, a judge's title and a party."""
    assert word not in resolved(nlp, gazetteer, text)


def test_a_common_name_after_a_locative_in_its_state_is_the_town(
    nlp: Language, gazetteer: Gazetteer
) -> None:
    text = "Officials in Wisconsin said the rally in Jefferson drew 2,000 people."
    place = resolved(nlp, gazetteer, text)["Jefferson"]
    assert (place.country, place.feature) == ("US", "town")
