"""Pronouns agree with their antecedent in gender: "she" skips the man named just before."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from claimledger.extract.gender import agrees, gender_of, honorifics
from claimledger.models import Claim

Extract = Callable[[str], tuple[Claim, ...]]


@pytest.mark.parametrize(
    ("text", "written", "name"),
    [
        (
            "Senator Susan Whitfield met Governor Mark Delaney in Ohio. "
            "She said the bill would pass.",
            "She",
            "Susan Whitfield",
        ),
        (
            "Bohdan Tkachenko thanked Iryna Savchuk for the report. "
            "He said the evacuation would start on Monday.",
            "He",
            "Bohdan Tkachenko",
        ),
        (
            "Mrs. Whitcombe met the envoy, Mr. Harlow, in Geneva. "
            "She said the ceasefire was holding.",
            "She",
            "Whitcombe",
        ),
        (
            "Ludmila Orlova met Dmitry Sokolov on Friday. Orlova said she expected "
            "more talks. Dmitry Sokolov arrived late. She said the talks would resume in May.",
            "She",
            "Ludmila Orlova",
        ),
    ],
)
def test_person_pronoun_skips_an_antecedent_of_the_other_gender(
    claims_of: Extract, text: str, written: str, name: str
) -> None:
    claims = [c for c in claims_of(text) if c.speaker.text == written]
    assert claims, f"no claim attributed to {written!r}"
    assert claims[-1].speaker.name == name


def test_a_pronoun_with_no_agreeing_antecedent_is_left_unresolved(claims_of: Extract) -> None:
    claims = claims_of("Taras Melnyk opened the meeting. She said the bridge had been repaired.")
    she = [c for c in claims if c.speaker.text == "She"]
    assert she and she[0].speaker.name != "Taras Melnyk"


def test_unknown_gender_still_resolves(claims_of: Extract) -> None:
    claims = claims_of("Governor Kim Arlo toured the site. Arlo's deputy was absent. "
                       "Later she said the water supply was restored.")  # fmt: skip
    she = [c for c in claims if c.speaker.text == "she"]
    assert she and she[0].speaker.name == "Kim Arlo"


@pytest.mark.parametrize(
    ("name", "words", "want"),
    [
        ("Emmanuel Macron", frozenset(), "m"),
        ("Angela Merkel", frozenset(), "f"),
        ("Zakharova", frozenset(), "f"),
        ("Peskov", frozenset(), "m"),
        ("Robin Castell", frozenset(), None),  # a name used for both
        ("the spokeswoman", frozenset({"spokeswoman"}), "f"),
        ("Chris Dale", frozenset({"chairwoman"}), "f"),  # the phrase outweighs the name
        ("Bob", frozenset(), "m"),  # a bare given name has its gender ("he said" is not Olena)
    ],
)
def test_gender_of(name: str, words: frozenset[str], want: str | None) -> None:
    assert gender_of(name, words) == want


def test_honorifics_of_a_couple_give_no_gender() -> None:
    titled = honorifics("Mr. Lane and Mrs. Lane arrived. Ms. Ortiz spoke; Mr. Ruiz-Diaz left.")
    assert titled == {"ortiz": "f", "ruiz-diaz": "m"}
    assert gender_of("Lane", titled=titled) is None


def test_agreement() -> None:
    assert agrees("she", "f") and agrees("She", None) and not agrees("herself", "m")
    assert agrees("they", "m")  # not a person pronoun: gender does not apply
