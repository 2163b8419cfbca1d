"""Claims introduced by a noun or an accusation, not a speech verb."""

from __future__ import annotations

from collections.abc import Callable

from claimledger.models import Claim

Extract = Callable[[str], tuple[Claim, ...]]


def test_an_accusation_states_who_is_accused_of_what(claims_of: Extract) -> None:
    (claim,) = claims_of("The navy accused the rebels of mining the harbour entrance on Friday.")
    assert claim.speaker.text == "The navy"
    assert claim.content.text.startswith("the rebels of mining the harbour")
    assert claim.hedged  # an accusation is a charge, not an established fact


def test_blaming_someone_for_an_act_is_an_accusation(claims_of: Extract) -> None:
    (claim,) = claims_of("The navy blamed the rebels for a blast at the fuel depot on Friday.")
    assert claim.speaker.text == "The navy"
    assert claim.content.text.startswith("the rebels for a blast at the fuel depot")
    assert claim.hedged
    assert not claims_of("The harbour master blamed the fog.")
    assert not claims_of("Officials blamed the delay on the storm.")


def test_an_accusation_with_nothing_checkable_is_no_claim(claims_of: Extract) -> None:
    assert not [c for c in claims_of("The mayor accused him of lying.") if c.cue.text == "accused"]


def test_a_possessors_claim_that_is_theirs(claims_of: Extract) -> None:
    claims = claims_of("The ministry's claim that the depot had been destroyed was not confirmed.")
    (claim,) = [c for c in claims if c.cue is not None and c.cue.text == "claim"]
    assert claim.speaker.text == "The ministry"
    assert claim.content.text == "the depot had been destroyed"
    assert claim.hedged


def test_reports_that_with_no_one_named_are_an_unattributed_claim(claims_of: Extract) -> None:
    claims = claims_of("Shops closed early amid reports that the border crossing had been shut.")
    (claim,) = [c for c in claims if c.cue is not None and c.cue.text == "reports"]
    assert claim.speaker.name is None or claim.speaker.kind == "unspecified"
    assert claim.content.text == "the border crossing had been shut"


def test_a_claim_noun_with_no_owner_is_not_a_claim_of_its_own(claims_of: Extract) -> None:
    claims = claims_of("The claim that the dam was mined spread quickly online.")
    assert not [c for c in claims if c.cue is not None and c.cue.text == "claim"]


def test_a_claim_noun_made_by_a_speaker_is_their_claim(claims_of: Extract) -> None:
    claims = claims_of("The mayor made the suggestion that the convoy should travel only at night.")
    (claim,) = [c for c in claims if c.cue is not None and "suggestion" in c.cue.text]
    assert claim.cue.text == "made the suggestion"
    assert claim.speaker.text == "The mayor"
    assert claim.content.text == "the convoy should travel only at night"


def test_making_the_case_that_is_a_claim_but_the_case_that_alone_is_not(
    claims_of: Extract,
) -> None:
    made = claims_of("The envoy will make the case that the shelters must stay open all winter.")
    assert [(c.speaker.text, c.content.text) for c in made] == [
        ("The envoy", "the shelters must stay open all winter")
    ]
    bare = claims_of("The case that the court heard on Monday concerned a seized tanker.")
    assert not [c for c in bare if c.cue is not None and "case" in c.cue.text]


def test_warned_of_an_outcome_is_a_claim(claims_of: Extract) -> None:
    """ "warned of grave consequences if Y": the prediction and its condition; "warned of
    risks" alone says too little to check."""
    (claim,) = claims_of(
        "The foreign ministry warned of grave consequences if troops crossed the river."
    )
    assert claim.content.text == "grave consequences if troops crossed the river"
    (claim,) = claims_of("The agency warned of a looming shortage of fuel in the north.")
    assert claim.content.text == "a looming shortage of fuel in the north"
    assert not claims_of("The agency warned of risks.")


def test_a_named_owners_claim_inside_another_statement_is_still_theirs(
    claims_of: Extract,
) -> None:
    """ "X said the press made too much of Y's claim that Z": Z is still Y's claim (it was
    dropped as part of X's content)."""
    claims = claims_of(
        "The governor said reporters made too much of Senator Marsh's claim that the bridge "
        "contract had been rigged."
    )
    owned = [c for c in claims if c.content.text == "the bridge contract had been rigged"]
    assert len(owned) == 1
    assert "Marsh" in (owned[0].chain[-1].name or "")
