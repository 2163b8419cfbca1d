"""Content terms: stemming, the synonym lexicon and its phrases."""

from __future__ import annotations

import pytest

from claimledger.analyze.terms import american, terms


def test_a_listed_word_and_its_suffixed_forms_fold_to_its_term() -> None:
    assert "shoot" in terms("air defences downed 20 drones")
    assert "kill" in terms("the shelling killed two") and "kill" in terms("killings")


def test_the_bare_stem_of_a_listed_word_is_no_synonym() -> None:
    """ "downed" is listed under "shoot"; "down" alone ("step down") is not."""
    assert "shoot" not in terms("the minister should step down")
    assert "shoot" not in terms("the party was down ten points")


def test_stepping_down_is_resigning() -> None:
    assert "resign" in terms("the commander stepped down on Friday")
    assert "resign" in terms("the commander resigned on Friday")


def test_nouns_in_tion_and_sion_meet_their_verbs() -> None:
    for noun, verb in [("prosecution", "prosecuted"), ("decision", "decided"),
                       ("invasion", "invaded"), ("election", "elected")]:  # fmt: skip
        assert terms(noun) == terms(verb), (noun, verb)
    assert terms("question") == terms("questioned") != terms("quest")
    assert terms("commission") == ["commission"]  # no verb "commid"


def test_a_place_that_has_fallen_is_taken_and_fallen_soldiers_are_not() -> None:
    assert "capture" in terms("the village has fallen") and "capture" in terms("Avdiivka fell")
    assert "capture" not in terms("the bodies of fallen defenders were returned")
    assert "soldier" in terms("fallen defenders")


def test_the_islamic_state_is_no_statement() -> None:
    """ "state" is not folded with "say": "Islamic State" and "State Department" said nothing."""
    assert "say" not in terms("the Islamic State")


def test_detained_and_arrested_blasts_and_explosions_meet() -> None:
    """Words of one event that wires and ministries choose differently: an agency's "detained
    two residents" and a wire's "two men were arrested"; "blasts" and "explosions"; "ablaze"
    and "on fire"; "railway" and "rail line"."""
    assert set(terms("the service detained two residents")) & set(terms("two men were arrested"))
    assert terms("blasts were heard") == terms("explosions were heard")
    assert "fire" in terms("four tanks were ablaze") and "fire" in terms("the depot caught fire")
    assert "railway" in terms("a rail line near the town")


@pytest.mark.parametrize(
    ("british", "american"),
    [
        ("14 armoured vehicles", "14 armored vehicles"),
        ("air defence systems", "air defense systems"),
        ("the city centre", "the city center"),
        ("40 kilometres away", "40 kilometers away"),
        ("the mobilisation law", "the mobilization law"),
        ("travelled to Kyiv", "traveled to Kyiv"),
        ("a neighbouring village", "a neighboring village"),
        ("analysed the footage", "analyzed the footage"),
    ],
)
def test_british_and_american_spellings_are_one_term(british: str, american: str) -> None:
    assert terms(british) == terms(american)


def test_short_words_ending_like_british_spellings_stay_as_they_are() -> None:
    assert [american(w) for w in ("hour", "tour", "your", "four", "genre", "rise")] == [
        "hour", "tour", "your", "four", "genre", "rise"
    ]  # fmt: skip
