"""What the article says about a claim's standing, and the hedges it puts on it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from claimledger.lexicon import lexicon
from claimledger.models import Claim

Extract = Callable[[str], tuple[Claim, ...]]  # the `claims_of` fixture of conftest.py


def only(claims: tuple[Claim, ...]) -> Claim:
    assert len(claims) == 1, [c.content.text for c in claims]
    return claims[0]


@pytest.mark.parametrize(
    ("text", "statuses"),
    [
        (
            "The militia said it had captured the airport. "
            "This claim has not been independently verified.",
            ["unverified"],
        ),
        (
            "The army said the offensive had stalled. "
            "The statement was met with skepticism by Western analysts.",
            ["disputed"],
        ),
        (
            "Rebel commanders said the town had fallen. Government officials denied the reports.",
            ["denied", None],
        ),
        (
            "The mayor said the water supply had been restored. "
            "Engineers at the plant independently confirmed the account.",
            ["confirmed"],
        ),
        (
            "Local officials said that 40 people were killed in the strike. "
            "The figures could not be verified.",
            ["unverified"],
        ),
        (
            "Health officials said that 25 people were injured. "
            "The figures could not be independently verified.",
            ["unverified"],
        ),
        (
            "Health officials said that 25 people were injured. "
            "The figures have not been independently confirmed.",
            ["unverified"],
        ),
        (
            "The ministry said the strike killed 14 soldiers. The agency said the convoy "
            "carried food. The figures could not be verified.",
            ["unverified", None],
        ),
        (
            "The governor said the bridge was destroyed. Residents said the bridge was still "
            "standing. This claim has not been independently verified.",
            [None, "unverified"],
        ),
        (
            "Separatist leader Denis Volkov claimed that his fighters had downed two jets, a "
            "claim Kyiv rejected.",
            ["denied", None],  # and Kyiv's denial, a claim of its own
        ),
        (
            "Pavel Orlov said exports had doubled. Ukrainian officials have denied such claims.",
            ["denied", None],
        ),
        (
            "Pavel Orlov said exports had doubled. Orlov's claims have been called into question "
            "by independent economists.",
            ["disputed"],
        ),
        ("The governor said the bridge was destroyed.", [None]),
    ],
    ids=[
        "not-independently-verified", "met-with-skepticism", "denied-the-reports",
        "independently-confirmed", "figures-not-verified", "figures-not-independently-verified",
        "figures-not-confirmed", "figures-only-numeric-claims", "this-claim-nearest-sentence",
        "claim-rejected-in-apposition", "such-claims-denied", "called-into-question",
        "nothing-said",
    ],
)  # fmt: skip
def test_verification_from_the_article(
    claims_of: Extract, text: str, statuses: list[str | None]
) -> None:
    assert [c.verification for c in claims_of(text)] == statuses


def test_a_denial_claim_is_not_denied_by_itself(claims_of: Extract) -> None:
    (claim,) = claims_of("The ministry denied that any soldiers had been captured.")
    assert claim.polarity == "deny"
    assert claim.verification is None


@pytest.mark.parametrize(
    ("text", "hedges"),
    [
        ("The commander allegedly ordered the shelling of the market.", ["allegedly"]),
        ("The unit is said to have lost half its tanks.", ["is said to"]),
        ("It is claimed that the mayor fled the city before the assault.", []),
        ("Officials said the so-called volunteers were regular soldiers.", ["so-called"]),
        ("The governor said the bridge was destroyed.", []),
    ],
    ids=["allegedly", "is-said-to", "passive-cue", "so-called", "none"],
)
def test_hedge_spans(claims_of: Extract, text: str, hedges: list[str]) -> None:
    (claim,) = claims_of(text)
    assert [h.text for h in claim.hedges] == hedges
    assert all(text[h.start : h.end] == h.text for h in claim.hedges)


@pytest.mark.parametrize(
    ("text", "statuses"),
    [
        ("The mayor said the shelling had stopped. Later the governor contradicted him.",
         [None]),
        ("The envoy said he would not take sides. His stance may help him with voters who are"
         " deeply skeptical of the party's influence.", [None]),
        ("The minister said there was no evidence to support the rumours.", [None]),
        ("The inspector said only that the statements were truthful. Several of his findings"
         " contradicted her public statements.", [None]),
        ("The general said the front was calm. He rejected rumours that the army might"
         " withdraw from the city.", [None, None]),
        ("Pavel Orlov said exports had doubled. Ukrainian officials have denied Orlov's"
         " claims.", ["denied", None]),
        ("The rebels said the bridge had fallen. This has been disputed by the army.",
         ["disputed"]),
        ("The mayor said the port was open. Reports that the minister had blocked aid, an"
         " allegation rejected by two inquiries, spread on Monday.", [None, None]),
    ],
    ids=["contradicted-a-person", "skeptical-of-a-thing", "phrase-inside-the-claim",
         "her-statements", "rumours-with-their-own-clause", "a-possessor-named",
         "this-was-disputed", "an-allegation-described-in-its-sentence"],
)  # fmt: skip
def test_a_dispute_counts_only_when_it_is_about_a_claim(
    claims_of: Extract, text: str, statuses: list[str | None]
) -> None:
    assert [c.verification for c in claims_of(text)] == statuses


def test_a_proposal_turned_down_is_not_a_claim_proved_false(claims_of: Extract) -> None:
    claims = claims_of(
        "The mayor proposed a town-hall meeting on the evening of May 9 - but her rival's"
        ' campaign rejected the idea as "absurd" because the derby was that night.\n\nThe'
        " mayor proposed they debate on the city radio on May 15, but her rival rejected that,"
        " too."
    )
    assert all(c.verification not in ("denied", "disputed") for c in claims)


def test_it_was_not_possible_to_verify_marks_the_claim_before(claims_of: Extract) -> None:
    (claim,) = claims_of(
        "Reportedly, 15 soldiers were killed in the strike. It was not possible to independently"
        " verify the claims."
    )
    assert claim.verification == "unverified"


def test_an_announced_event_is_a_statement_a_proposed_meeting_is_not() -> None:
    from claimledger.extract.verification import ClaimSite, _proposal
    from claimledger.nlp.pipeline import load_nlp

    doc = load_nlp()("The ministry announced the liberation of the village of Krynky.")
    event = ClaimSite(0, (3, len(doc) - 1), "ministry", (2, 3))
    assert not _proposal(doc, event)
    doc = load_nlp()("The mayor proposed a town-hall meeting on the evening of May 9.")
    meeting = ClaimSite(0, (3, len(doc) - 1), "mayor", (2, 3))
    assert _proposal(doc, meeting)


def test_neither_claim_verified_is_both_unverified_never_confirmed(claims_of: Extract) -> None:
    """ "Neither account could be independently verified" read as "could be independently
    verified" (confirmed), and only for the last claim."""
    claims = claims_of(
        "The army said it had repelled an attack on the airport. The rebels said they had "
        "taken the runway. Neither account could be independently verified."
    )
    assert [c.verification for c in claims] == ["unverified", "unverified"]


@pytest.mark.parametrize(
    "said",
    [
        "The report has yet to be independently verified.",
        "None of the claims could be independently confirmed.",
        "Neither side's figures have been confirmed.",
        "There was no immediate confirmation from the capital.",
        "It was impossible to confirm the report.",
        "The claim remains uncorroborated.",
        "The agency could not independently corroborate the account.",
    ],
)
def test_what_is_not_yet_confirmed_is_unverified(claims_of: Extract, said: str) -> None:
    """Several of these read as confirmed (the negation too far from the verb, "yet to")."""
    claims = claims_of(f"The governor said 40 people had been killed in the strike. {said}")
    assert [c.verification for c in claims] == ["unverified"]


def test_an_independent_verification_is_a_confirmation(claims_of: Extract) -> None:
    claims = claims_of(
        "The governor said 40 people had been killed in the strike. The report was "
        "independently verified by the agency."
    )
    assert [c.verification for c in claims] == ["confirmed"]


def test_rejected_as_absurd_a_claim_denies_it(claims_of: Extract) -> None:
    """ "rejected as 'absurd' Moscow's claim that X": the parse puts the claim inside the "as"
    phrase; X was neither denied nor said by Moscow alone (the speaker read '" Moscow')."""
    claim = only(claims_of(
        'The operator rejected as "absurd" Moscow\'s claim that the dam had been mined.'
    ))  # fmt: skip
    assert claim.speaker.text == "Moscow"
    assert claim.verification == "denied"


@pytest.mark.parametrize(
    ("said", "status"),
    [
        ("The agency could not verify the toll.", "unverified"),
        ("Independent verification was not possible.", "unverified"),
        ("Satellite images confirmed the destruction of the launchers.", "confirmed"),
        ("Analysts questioned the figures.", "disputed"),
        ("The rebels dismissed both reports as propaganda.", "disputed"),
    ],
)
def test_more_ways_an_article_rates_a_claim(claims_of: Extract, said: str, status: str) -> None:
    claims = claims_of(f"The brigade said it had destroyed 12 launchers near the river. {said}")
    assert [c.verification for c in claims[:1]] == [status]


def test_none_of_the_claims_is_every_claim_before(claims_of: Extract) -> None:
    claims = claims_of(
        "The rebels said they had destroyed four tanks. The army said it had killed 40 "
        "fighters. Medics said 31 people had died. None of the claims could be independently "
        "verified."
    )
    assert [c.verification for c in claims] == ["unverified"] * 3


def test_a_party_confirming_its_own_claim_is_no_confirmation(claims_of: Extract) -> None:
    claims = claims_of(
        "The general staff said its forces had struck a depot near the town. The general "
        "staff later confirmed the strike in a second statement."
    )
    assert claims[0].verification is None


@pytest.mark.parametrize(
    ("said", "status"),
    [
        ("Minsk called the claim a fabrication.", "denied"),
        ("The border guard called those reports fake.", "denied"),
        ("The governor branded the allegation baseless.", "disputed"),
    ],
)
def test_calling_a_claim_false_denies_or_disputes_it(
    claims_of: Extract, said: str, status: str
) -> None:
    claims = claims_of(f"Warsaw said a drone had crossed into Polish airspace. {said}")
    assert claims[0].verification == status


def test_calling_an_event_a_provocation_rates_no_claim(claims_of: Extract) -> None:
    claims = claims_of(
        "Warsaw said a drone had crossed into Polish airspace. Minsk called the flight a "
        "provocation."
    )
    assert claims[0].verification is None


@pytest.mark.parametrize(
    "text",
    [
        "Lithuania has accused Minsk of flying balloons over the border, an accusation Belarus "
        "denies.",
        "Lithuania accuses Belarus of flying balloons over the border, an accusation that Minsk "
        "rejects.",
    ],
)
def test_a_charge_and_the_denial_appended_to_it(claims_of: Extract, text: str) -> None:
    """ "X accused Y of Z, an accusation Y denies": the apposition is Y's denial of the charge,
    not part of it (nor a claim whose content is "that")."""
    claims = claims_of(text)
    charge = [c for c in claims if c.polarity == "affirm"]
    denial = [c for c in claims if c.polarity == "deny"]
    assert len(charge) == 1 and len(denial) == 1
    assert "accusation" not in charge[0].content.text
    assert denial[0].content.text == charge[0].content.text
    assert denial[0].speaker.name in ("Belarus", "Minsk")


@pytest.mark.parametrize("which", ["hedges", "verification"])
def test_first_pass_regex_finds_a_sentence_exactly_when_some_phrase_does(which):
    """The grouped first-pass regex must agree with the phrases one by one, on each phrase
    itself, on the phrase inside other words, and on text with none of them."""
    lex = lexicon()
    if which == "hedges":
        quick, patterns = lex.any_hedge, list(lex.hedges)
    else:
        quick, patterns = lex.any_verification, [p for _, p in lex.verification]
    samples = [
        "The convoy reached the depot on Tuesday.",
        "The officials unverifiedly said nothing.",
        "Nobody undenied it.",
    ]
    for p in patterns:
        bare = p.pattern.replace("(?<!\\w)", "").replace("(?!\\w)", "")
        bare = bare.replace("(?:[\\w'’-]+[\\s,]+){0,6}?", "two words ").replace("\\s+", " ")
        phrase = bare.replace("\\", "")
        samples += [f"It {phrase} today.", f"X{phrase}y", phrase.upper()]
    for text in samples:
        assert bool(quick.search(text)) == any(p.search(text) for p in patterns), text


def test_first_pass_regex_keeps_a_one_word_phrase_beside_longer_ones_of_that_word():
    from claimledger.lexicon import _any, _phrase_pattern

    phrases = ["denied", "denied * claims", "cast doubt", "* reportedly"]
    quick = _any(phrases)
    for text in [
        "He denied it.",
        "She denied the two claims",
        "They cast doubt",
        "Cast  doubt",
        "It reportedly fell",
        "undenied",
        "casting doubt",
        "nothing here",
    ]:
        assert bool(quick.search(text)) == any(_phrase_pattern(p).search(text) for p in phrases), (
            text
        )


@pytest.mark.parametrize(
    ("text", "accused", "status"),
    [
        (  # the accusation names the state of the embassy that rejects it
            "Polish officials said Russian agents were behind the blast at the depot. "
            "The Russian embassy rejected the accusations.",
            "Russian agents were behind the blast at the depot",
            "denied",
        ),
        (  # it names the one who rejects it
            "The mayor said the governor had taken bribes for the permits. "
            "The governor rejected the accusations.",
            "the governor had taken bribes for the permits",
            "denied",
        ),
        (  # a plan announced before the rejection accuses nobody
            "The defence minister said up to 800 soldiers could guard the rail line. "
            "The Russian embassy rejected the accusations.",
            "up to 800 soldiers could guard the rail line",
            None,
        ),
    ],
)
def test_rejected_accusations_are_only_those_against_whoever_rejects_them(
    claims_of: Extract, text: str, accused: str, status: str | None
) -> None:
    claim = next(c for c in claims_of(text) if c.content.text == accused)
    assert claim.verification == status
