"""Content terms: stemming, the synonym lexicon and its phrases."""

from __future__ import annotations

from claimledger.analyze.terms import terms


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
