"""Page furniture is blanked before parsing; the article's text and its offsets are kept."""

from __future__ import annotations

import pytest

from claimledger.ingest.furniture import blank_furniture, is_furniture
from claimledger.models import Article, Extraction, SourceInfo
from claimledger.pipeline import extract_articles


@pytest.mark.parametrize(
    "line",
    [
        "LIVE UPDATES",
        "WAR IN UKRAINE",
        "Sign up for our morning briefing",
        "Subscribe to the Eastern Front newsletter here.",
        "VIEW VIDEO",
        "Watch: drone footage from the front",
        "Read more: The battle for the river crossings",
        "RELATED: Kharkiv counts the damage",
        "Follow @ExampleDesk on X.",
        "Photo: Example Press Agency",
        "Advertisement",
        "(BEGIN VIDEO CLIP)",
        "Editor’s note: this outlet considers the governor a habitual liar who has repeatedly "
        "promised to close every border crossing in the region, and says so in each report.",
        "Editors' Note: An earlier version of this article misstated the date of the vote.",
    ],
)
def test_furniture(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "KYIV, Ukraine (AP) —",
        "ODESA —",
        "LVIV (Reuters) - Three people were hurt overnight, the governor said.",
        '"WE WILL NOT RETREAT," the commander shouted at the rally in the square.',
        "The mayor said the bridge would reopen on Monday.",
        "U.S. AND EU SANCTIONS, EXPLAINED IN FULL FOR READERS WHO MISSED THE FIRST PART OF IT",
        "Subscribers in the region said the mobile network had been down since noon on Tuesday "
        "and that repair crews had not yet reached the damaged mast.",
        "The editor's notes on the draft law, the spokesman said, were ignored by the committee.",
    ],
)
def test_not_furniture(line: str) -> None:
    assert not is_furniture(line)


def test_blanking_keeps_length_and_lines() -> None:
    text = "LIVE UPDATES\nThe governor said two drones were shot down.\nVIEW VIDEO\nEnd."
    blanked = blank_furniture(text)
    assert len(blanked) == len(text)
    assert blanked.split("\n")[1] == text.split("\n")[1]
    assert blanked.split("\n")[0].strip() == "" and blanked.split("\n")[2].strip() == ""


def test_furniture_never_becomes_a_claim_or_a_speaker() -> None:
    text = (
        "BREAKING NEWS ALERTS\n"
        "Sign up for our newsletter\n"
        "The regional governor said on Tuesday that two drones were shot down over the city.\n"
        "READ MORE STORIES LIKE THIS\n"
    )
    (outcome,) = list(extract_articles([Article(text, SourceInfo(id="page"))]))
    assert isinstance(outcome, Extraction)
    assert outcome.article.text == text  # stored as it came
    speakers = {c.speaker.name or "" for c in outcome.claims}
    contents = " ".join(c.content.text for c in outcome.claims)
    assert any("governor" in s.lower() for s in speakers)
    assert "BREAKING" not in contents and "newsletter" not in contents
    for c in outcome.claims:
        assert text[c.content.start : c.content.end] == c.content.text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("KYIV (Reuters) - Russian forces struck a depot.", "Russian forces struck a depot."),
        ("KHARKIV, Ukraine (AP) — The governor said.", "The governor said."),
        ("Drones over Odesa\n\nODESA, May 3 (UPI) -- Two ships burned.", "Two ships burned."),
        ("WASHINGTON — The Senate voted.", "The Senate voted."),
        ("Minsk, BELTA - The ministry said.", "The ministry said."),  # a state agency's style
        ("Odesa, Ukrinform – Two ships burned.", "Two ships burned."),
    ],
)
def test_a_dateline_before_the_first_sentence_is_blanked(text: str, kept: str) -> None:
    blanked = blank_furniture(text)
    assert len(blanked) == len(text)
    assert blanked.strip().endswith(kept) and blanked.split("\n")[-1].strip() == kept


@pytest.mark.parametrize(
    "text",
    [
        "NATO - the alliance said it would meet.",  # no sentence after the dash
        "US-Russia talks — a timeline of the week.",
        "Paris, France - a timeline of the week.",
        "Odesa, Mykolaiv - The two ports reopened.",  # two places, no agency
        "One.\n\nTwo.\n\nThree.\n\nFour.\n\nKYIV (Reuters) - Five.",  # past the first lines
    ],
)
def test_no_dateline_is_kept(text: str) -> None:
    assert blank_furniture(text) == text


def test_a_dateline_is_no_part_of_the_first_claim() -> None:
    text = "KYIV (Reuters) - Russian forces struck an energy facility overnight, the governor said."
    (outcome,) = list(extract_articles([Article(text, SourceInfo(id="wire"))]))
    assert isinstance(outcome, Extraction)
    (claim,) = outcome.claims
    assert claim.content.text == "Russian forces struck an energy facility overnight"
