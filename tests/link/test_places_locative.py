"""Proper nouns after a locative word that the tagger left out of any entity."""

from __future__ import annotations

import pytest
from spacy.language import Language

from claimledger.link.places import extract_places


@pytest.fixture(scope="module")
def pipeline() -> Language:
    from claimledger.nlp.pipeline import load_nlp

    return load_nlp()


def test_an_untagged_town_after_near_is_a_place(pipeline: Language) -> None:
    doc = pipeline(
        "The brigade said its marines had dug in near Huliaipole in Zaporizhzhia Oblast."
    )
    names = {p.name for p in extract_places(doc)}
    assert "Hulyaypole" in names  # the gazetteer's name for Huliaipole


def test_a_person_named_in_full_after_a_locative_is_not_a_place(pipeline: Language) -> None:
    doc = pipeline(
        "Mayor Ihor Terekhov spoke to reporters. The shell landed near Terekhov and his guards."
    )
    names = {p.text for p in extract_places(doc)}
    assert "Terekhov" not in names


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Moscow said the village had fallen.", False),
        ("The village is under Moscow's control, the report said.", False),
        ("Kyiv denied the report.", False),
        ("Drones struck Moscow overnight.", True),
        ("Residents of Kyiv spent the night in shelters.", True),
    ],
)
def test_a_capital_speaking_is_not_a_place(pipeline: Language, text: str, place: bool) -> None:
    names = {p.text for p in extract_places(pipeline(text))}
    assert bool(names & {"Moscow", "Kyiv"}) == place


def test_a_name_after_city_of_is_a_place_whatever_its_tag(pipeline: Language) -> None:
    """The tagger takes some settlement names for organisations or people; "the city of X"
    still names a settlement, even when the article's other places are in another country."""
    doc = pipeline(
        "Russia's army says its rockets hit a depot in the Ukrainian city of Sumy, not far "
        "from Russia's Kursk Region."
    )
    tagged = {e.text: e.label_ for e in doc.ents}
    names = {p.name: p.feature for p in extract_places(doc)}
    assert names.get("Sumy") == "city", (tagged, names)


@pytest.mark.parametrize(
    "text",
    [
        "Marines were said to have dug in near Hola Prystan on the river's left bank.",
        "Boats tried to land near Golaya Pristan on Friday, the governor said.",
    ],
)
def test_a_place_name_the_tagger_cut_or_took_for_a_facility(pipeline: Language, text: str) -> None:
    """A name split between an untagged word and a place entity is one name; a facility-tagged
    name after a locative word may be any of the gazetteer's spellings of a place."""
    doc = pipeline(text)
    tagged = {e.text: e.label_ for e in doc.ents}
    names = {p.name for p in extract_places(doc)}
    assert "Hola Prystan" in names, (tagged, names)


def test_every_name_before_a_plural_region_word_is_a_region(pipeline: Language) -> None:
    doc = pipeline("Drones were shot down above the Kursk and Bryansk regions overnight.")
    found = {p.name: p.feature for p in extract_places(doc)}
    assert set(found.values()) == {"region"}, found
    assert len(found) == 2, found


def test_a_town_after_a_locative_and_an_adjective(pipeline: Language) -> None:
    doc = pipeline("Ukraine says it hit an ammunition dump in occupied Tokmak on Friday.")
    tagged = {e.text: e.label_ for e in doc.ents}
    names = {p.name for p in extract_places(doc)}
    assert "Tokmak" in names, (tagged, names)


def test_the_object_of_a_strike_verb_may_be_a_town(pipeline: Language) -> None:
    doc = pipeline("Artillery shelled Mezhova overnight, killing two residents, officials said.")
    tagged = {e.text: e.label_ for e in doc.ents}
    names = {p.name for p in extract_places(doc)}
    assert "Mezhova" in names, (tagged, names)
    person = pipeline("Police detained Ivanov after he attacked Petrov in a bar.")
    assert not {p.name for p in extract_places(person)} & {"Ivanov", "Petrov"}


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Fighting went on west of Seversk all night, a military blogger wrote.", "UA"),
        ("Drones struck an oil depot in Voronezh overnight, the governor said.", "RU"),
    ],
)
def test_with_no_other_clue_a_name_is_a_place_of_the_theatre(
    pipeline: Language, text: str, country: str
) -> None:
    """Seversk is the Russian name of Siversk in Donetsk region, not only a city in Siberia;
    Voronezh is still the Russian city, not a Ukrainian town of that name."""
    places = extract_places(pipeline(text))
    assert [p.country for p in places if p.feature in ("city", "town")] == [country], places


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The British prime minister visited Kyiv on Saturday.", "Kyiv"),  # tagged a person
        ("The strike hit Odesa's port overnight.", "Odesa"),  # tagged an organisation
    ],
)
def test_what_a_visit_or_a_strike_reaches_is_a_place(
    pipeline: Language, text: str, place: str
) -> None:
    assert place in {p.name for p in extract_places(pipeline(text))}


def test_a_person_visited_is_no_place(pipeline: Language) -> None:
    doc = pipeline("Senator Mark Johnson met voters. The president visited Johnson at home.")
    assert "Johnson" not in {p.text for p in extract_places(doc)}
