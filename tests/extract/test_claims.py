"""Attributed claims, pattern by pattern: content, cue, speaker, chain, hedged, polarity.

Every sentence here is written for these tests; each case asserts what the extractor returns.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from claimledger.models import Claim

Extract = Callable[[str], tuple[Claim, ...]]  # the `claims_of` fixture of conftest.py


def only(claims: tuple[Claim, ...]) -> Claim:
    assert len(claims) == 1, [c.content.text for c in claims]
    return claims[0]


def chain(claim: Claim) -> list[str]:
    return [hop.name for hop in claim.chain]


# ------------------------------------------------------------------ indirect speech


@pytest.mark.parametrize(
    ("text", "content", "cue", "speaker"),
    [
        (
            "The governor said that the bridge near Kherson had been destroyed overnight.",
            "the bridge near Kherson had been destroyed overnight",
            "said",
            "The governor",
        ),
        (
            "Colonel Petrenko told reporters that the brigade had withdrawn from the village.",
            "the brigade had withdrawn from the village",
            "told",
            "Colonel Petrenko",
        ),
        (
            "The ministry claimed that its air defences shot down twelve drones.",
            "its air defences shot down twelve drones",
            "claimed",
            "The ministry",
        ),
        (
            "Aid workers warned that the city could run out of water within days.",
            "the city could run out of water within days",
            "warned",
            "Aid workers",
        ),
        (
            "The spokesman stated that no civilians were harmed in the strike.",
            "no civilians were harmed in the strike",
            "stated",
            "The spokesman",
        ),
        (
            "Officials said on Monday that they had no plans to evacuate the region.",
            "they had no plans to evacuate the region",
            "said",
            "Officials",
        ),
        (
            "Two schools were damaged, the governor told Interfax.",
            "Two schools were damaged",
            "told",
            "the governor",
        ),
        (
            "The newspaper Vechernik reported, citing a source in the regional administration, "
            "that the governor had resigned.",
            "the governor had resigned",
            "reported",
            "The newspaper",
        ),
    ],
    ids=[
        "said-that",
        "told",
        "claimed",
        "warned",
        "stated",
        "said-on-day",
        "after-content",
        "reported-citing",
    ],
)
def test_indirect_speech(
    claims_of: Extract, text: str, content: str, cue: str, speaker: str
) -> None:
    claim = only(claims_of(text))
    assert claim.content.text == content
    assert claim.cue is not None and claim.cue.text == cue
    assert claim.speaker.text == speaker
    assert claim.polarity == "affirm"


@pytest.mark.parametrize(
    ("text", "content", "cue", "name"),
    [
        (
            "Marines have cleared the village of Ternuvate, a hamlet on the river, the General "
            "Staff announced on Monday.",
            "Marines have cleared the village of Ternuvate, a hamlet on the river",
            "announced",
            "General Staff",
        ),
        (
            "A guided bomb hit a school in Bilopillia and wounded six pupils, the head of the "
            "Sumy Regional Military Administration, Oleh Hryhorov, said on Friday.",
            "A guided bomb hit a school in Bilopillia and wounded six pupils",
            "said",
            "Oleh Hryhorov",
        ),
        (
            "Moscow has replaced the commander of its northern grouping after a failed push "
            "towards Lyptsi in the Kharkiv region, Ukraine's General Staff said on Monday.",
            "Moscow has replaced the commander of its northern grouping after a failed push "
            "towards Lyptsi in the Kharkiv region",
            "said",
            "General Staff",
        ),
        (
            "Drones hit an oil depot near Tuapse overnight, starting a large fire, regional "
            "governor Ivan Petrenko said on Friday.",
            "Drones hit an oil depot near Tuapse overnight, starting a large fire",
            "said",
            "Ivan Petrenko",
        ),
    ],
    ids=[
        "after-an-appositive",
        "long-speaker-after-content",
        "long-content-with-after",
        "participle-before-speaker",
    ],
)
def test_trailing_speaker_after_a_long_content(
    claims_of: Extract, text: str, content: str, cue: str, name: str
) -> None:
    claim = only(claims_of(text))
    assert claim.content.text == content
    assert claim.cue is not None and claim.cue.text == cue
    assert name in (claim.speaker.name or claim.speaker.text)


def test_a_relative_pronoun_speaker_is_its_antecedent(claims_of: Extract) -> None:
    claim = only(
        claims_of(
            "The photos were checked by Orbita, a satellite imagery firm, which said the runway "
            "was intact."
        )
    )
    assert claim.content.text == "the runway was intact"
    assert claim.speaker.text == "which"  # the words of the text ...
    assert claim.speaker.name == "Orbita"  # ... and who they stand for


def test_as_reported_by_citing_on_a_passive(claims_of: Extract) -> None:
    claim = only(
        claims_of(
            "The head of the naval base, Oleh Bondar, has been suspended, as reported by Suspilne, "
            "citing the regional prosecutor's office."
        )
    )
    assert claim.content.text == "The head of the naval base, Oleh Bondar, has been suspended"
    assert chain(claim) == ["Suspilne", "regional prosecutor's office"]


@pytest.mark.parametrize(
    "text",
    [
        "The mayor toured the shelter, which he said could hold 400 people.",
        "The brigade held the line for a week, claiming that reinforcements were near.",
        "The convoy reached the town, after the mayor announced a curfew.",
    ],
)
def test_adjuncts_after_a_clause_are_not_its_source(claims_of: Extract, text: str) -> None:
    main = text.split(",")[0]
    assert not any(c.content.text.startswith(main) for c in claims_of(text))


def test_offsets_index_the_text(claims_of: Extract) -> None:
    text = "Fighting resumed at dawn. The mayor said that the power station was hit."
    claim = only(claims_of(text))
    assert text[claim.content.start : claim.content.end] == claim.content.text
    assert claim.speaker.start is not None and claim.speaker.end is not None
    assert text[claim.speaker.start : claim.speaker.end] == "The mayor"
    assert claim.sentence == 1


# ------------------------------------------------------------------ asides


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        ("The attack, the officials said, was carried out by a drone.", "said", "the officials"),
        ("These losses, he argued, show that the offensive has failed.", "argued", "he"),
        (
            "Some of the missiles, it is claimed, were intercepted over the capital.",
            "claimed",
            None,
        ),
    ],
    ids=["officials-said", "he-argued", "it-is-claimed"],
)
def test_parenthetical_cue_keeps_the_clause_around_it(
    claims_of: Extract, text: str, cue: str, speaker: str | None
) -> None:
    claim = next(c for c in claims_of(text) if c.cue is not None and c.cue.text == cue)
    assert claim.content.text == text.rstrip(".")
    assert claim.speaker.text == speaker


# ------------------------------------------------------------------ direct quotes


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "“The convoy never reached the border,” Ivanov said.",
            "“The convoy never reached the border,”",
            "Ivanov",
        ),
        (
            "Ivanov said: “The convoy never reached the border.”",
            "“The convoy never reached the border.”",
            "Ivanov",
        ),
        (
            "“The road is mined,” said Captain Oleh Marchuk.",
            "“The road is mined,”",
            "Oleh Marchuk",
        ),
        (
            "“The shelling,” the commander said, “lasted for six hours.”",
            "“The shelling,” the commander said, “lasted for six hours.”",
            "commander",
        ),
        (
            '"The shelling," the commander said, "lasted for six hours."',
            '"The shelling," the commander said, "lasted for six hours."',
            "commander",
        ),
        (
            "“With winter coming, no retreat,” the commander said.",
            "“With winter coming, no retreat,”",
            "commander",
        ),
        (
            "“If the dam breaks and the villages flood before spring, so be it”, Kovalenko said.",
            "“If the dam breaks and the villages flood before spring, so be it”",
            "Kovalenko",
        ),
    ],
    ids=[
        "speaker-after",
        "speaker-before",
        "inverted",
        "speaker-inside",
        "straight-quotes",
        "verbless-quote",
        "quote-then-comma",
    ],
)
def test_direct_quote(claims_of: Extract, text: str, content: str, speaker: str) -> None:
    claim = only(claims_of(text))
    assert claim.content.text == content
    assert claim.speaker.name == speaker
    assert chain(claim) == [speaker]


@pytest.mark.parametrize(
    ("text", "first", "second", "speaker"),
    [
        (
            "“We are holding the line,” she said. “The enemy has suffered heavy losses.”",
            "“We are holding the line,”",
            "“The enemy has suffered heavy losses.”",
            "she",
        ),
        (
            "“We believe the city will hold,” the mayor told reporters. “The enemy is exhausted.”",
            "“We believe the city will hold,”",
            "“The enemy is exhausted.”",
            "mayor",
        ),
        (
            "“We believe the city will hold,” the mayor told reporters. “I think they are tired.”",
            "“We believe the city will hold,”",
            "“I think they are tired.”",
            "mayor",
        ),
    ],
    ids=["said", "told", "i-think-in-second-part"],
)
def test_a_quotation_after_the_cue_sentence_is_a_second_claim(
    claims_of: Extract, text: str, first: str, second: str, speaker: str
) -> None:
    """The speaker's next sentence is the next statement, with the same cue and speaker."""
    claims = claims_of(text)
    assert [c.content.text for c in claims] == [first, second]
    assert {c.speaker.name for c in claims} == {speaker}
    assert claims[0].cue == claims[1].cue and claims[0].cue is not None


def test_a_quotation_with_a_cue_of_its_own_is_not_taken_by_the_one_before(
    claims_of: Extract,
) -> None:
    claims = claims_of("“The dam held,” the governor said. “Nobody was hurt,” she added.")
    assert [(c.content.text, c.cue.text if c.cue else None) for c in claims] == [
        ("“The dam held,”", "said"),
        ("“Nobody was hurt,”", "added"),
    ]


def test_a_quotation_never_goes_on_past_a_paragraph(claims_of: Extract) -> None:
    text = (
        "“The repairs cost more than we planned,” the mayor said.\n\n"
        "“The dam held,” the governor said."
    )
    claims = claims_of(text)
    assert [(c.content.text, c.speaker.name) for c in claims] == [
        ("“The repairs cost more than we planned,”", "mayor"),
        ("“The dam held,”", "governor"),
    ]


def test_a_paragraph_starts_a_sentence_after_a_closing_quotation_mark(
    claims_of: Extract,
) -> None:
    """The parser runs a paragraph on after “…planned.” into the next one's sentence."""
    text = (
        "“The bridge will reopen in May,” the mayor said. “The repairs cost more than we "
        "planned.”\n\n“The dam held,” the governor said."
    )
    claims = claims_of(text)
    assert [(c.content.text, c.speaker.name) for c in claims] == [
        ("“The bridge will reopen in May,”", "mayor"),
        ("“The repairs cost more than we planned.”", "mayor"),
        ("“The dam held,”", "governor"),
    ]


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        (
            "The general said that while the convoy had been delayed, no soldiers were hurt.",
            ["the convoy had been delayed", "no soldiers were hurt"],
        ),
        (
            "The ministry said it had evacuated 200 people and that more buses would arrive.",
            ["it had evacuated 200 people", "more buses would arrive"],
        ),
        (
            "Bondar said that while the mayor had been “grossly negligent” with the fuel stores "
            "of the depot, “no fair inspector” would close it.",
            [
                "the mayor had been “grossly negligent” with the fuel stores of the depot",
                "“no fair inspector” would close it",
            ],
        ),
    ],
    ids=["concessive", "two-that-clauses", "concessive-with-quoted-words"],
)
def test_two_propositions_in_one_reported_clause_are_two_claims(
    claims_of: Extract, text: str, parts: list[str]
) -> None:
    claims = claims_of(text)
    assert [c.content.text for c in claims] == parts
    assert len({(c.speaker.name, c.cue.text if c.cue else None) for c in claims}) == 1


@pytest.mark.parametrize(
    "text",
    [
        "The mayor said residents should stay indoors and keep their windows closed.",
        "The colonel said the shelling and the drone strikes had stopped by noon.",
        "“The dam held, and nobody was hurt,” the governor said.",
        "The governor said the dam “held, and nobody was hurt at all” that night.",
    ],
    ids=["shared-subject", "coordinated-nouns", "quotation", "inside-quoted-words"],
)
def test_one_proposition_is_not_split(claims_of: Extract, text: str) -> None:
    assert len(claims_of(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "“I think the offensive has stalled,” the analyst said.",
        "The colonel said: “I doubt they will attack again, and I fear they are regrouping.”",
    ],
    ids=["i-think", "belief-verbs"],
)
def test_cues_inside_a_quotation_are_part_of_it(claims_of: Extract, text: str) -> None:
    claim = only(claims_of(text))
    assert claim.cue is not None and claim.cue.text in ("said", "told")
    assert claim.content.text.startswith("“")


# ------------------------------------------------------------------ sources and chains


@pytest.mark.parametrize(
    ("text", "content", "speaker", "hops"),
    [
        (
            "According to the Interior Ministry, three police officers were wounded in the attack.",
            "three police officers were wounded in the attack",
            "Interior Ministry",
            ["Interior Ministry"],
        ),
        (
            "Three police officers were wounded in the attack, according to the Interior Ministry.",
            "Three police officers were wounded in the attack",
            "Interior Ministry",
            ["Interior Ministry"],
        ),
        (
            "According to the news agency Polaris, citing sources in the defence ministry, "
            "the airbase was struck by three missiles.",
            "the airbase was struck by three missiles",
            "sources in the defence ministry",
            ["Polaris", "sources in the defence ministry"],
        ),
        (
            "Interfax, citing the regional governor, said that two schools were damaged.",
            "two schools were damaged",
            "Interfax",
            ["Interfax", "regional governor"],
        ),
        (
            "Deputy Minister Irina Sokolova, citing data from the border service, said that "
            "3,000 people crossed the border on Sunday.",
            "3,000 people crossed the border on Sunday",
            "Irina Sokolova",
            ["Irina Sokolova", "data from the border service"],
        ),
        (
            "The governor, quoted by Interfax, said that two schools were damaged.",
            "two schools were damaged",
            "governor",
            ["Interfax", "governor"],
        ),
        (
            "The village was recaptured on Monday, a senior official said, quoted by Reuters.",
            "The village was recaptured on Monday",
            "senior official",
            ["Reuters", "senior official"],
        ),
        (
            "The depot was set on fire, as reported by the BBC.",
            "The depot was set on fire",
            "BBC",
            ["BBC"],
        ),
        (
            "The dam was damaged, as officials said on Monday.",
            "The dam was damaged",
            "officials",
            ["officials"],
        ),
        (
            "The ministry said the depot burned, as reported by the BBC.",
            "the depot burned",
            "ministry",
            ["BBC", "ministry"],
        ),
        (
            "As reported by the BBC, the ministry said the depot burned.",
            "the depot burned",
            "ministry",
            ["BBC", "ministry"],
        ),
        (
            "Reuters reported, citing two people familiar with the matter, that the shipment "
            "had been delayed.",
            "the shipment had been delayed",
            "Reuters",
            ["Reuters", "two people familiar with the matter"],
        ),
        (
            "The colonel said the army had attacked the convoy, citing intelligence reports.",
            "the army had attacked the convoy",
            "colonel",
            ["colonel", "intelligence reports"],
        ),
        (
            "The source, quoted by RIA, said the talks had stalled.",
            "the talks had stalled",
            "source",
            ["RIA", "source"],
        ),
        (
            "The Sudan Tribune, citing a spokesman of the army, Colonel Ali Hamid, reported "
            "that the town was retaken.",
            "the town was retaken",
            "Sudan Tribune",
            ["Sudan Tribune", "Ali Hamid"],
        ),
    ],
    ids=[
        "according-first", "according-last", "according-citing", "outlet-citing",
        "person-citing-document", "quoted-by-after-speaker", "quoted-by-after-cue",
        "as-reported-by", "as-officials-said", "as-reported-on-content", "as-reported-first",
        "citing-between-cue-and-that", "citing-after-content", "quoted-by-source",
        "citing-a-named-spokesman",
    ],
)  # fmt: skip
def test_chain_runs_from_outermost_relay_to_origin(
    claims_of: Extract, text: str, content: str, speaker: str, hops: list[str]
) -> None:
    claim = only(claims_of(text))
    assert claim.content.text == content
    assert claim.speaker.name == speaker
    assert chain(claim) == hops


def test_according_to_inside_the_clause_stays_inside_the_content(claims_of: Extract) -> None:
    text = "Soldiers, according to the report, are deserting in large numbers."
    claim = only(claims_of(text))
    assert claim.content.text == text.rstrip(".")
    assert claim.cue is not None and claim.cue.text == "according to"
    assert claim.speaker.kind == "document"


@pytest.mark.parametrize(
    "text",
    [
        "Supplies ran low as the siege continued.",
        "Prices rose sharply as the war continued into its second year.",
        "Food stocks will last so long as the roads are not cut.",
    ],
    ids=["as-siege-continued", "as-war-continued", "so-long-as"],
)
def test_as_clauses_that_name_no_source_give_no_claim(claims_of: Extract, text: str) -> None:
    assert claims_of(text) == ()


# ------------------------------------------------------------------ reported, no speaker named


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        (
            "It is claimed that the mayor fled the city before the assault.",
            "the mayor fled the city before the assault",
            "claimed",
        ),
        (
            "It was reported that the airport had been closed.",
            "the airport had been closed",
            "reported",
        ),
        (
            "The general is said to have ordered the retreat himself.",
            "The general is said to have ordered the retreat himself",
            "said",
        ),
        (
            "The refinery is believed to have been hit by a missile.",
            "The refinery is believed to have been hit by a missile",
            "believed",
        ),
        (
            "The suspects are alleged to have planted the explosives.",
            "The suspects are alleged to have planted the explosives",
            "alleged",
        ),
        (
            "The rebels reportedly seized two armoured vehicles.",
            "The rebels reportedly seized two armoured vehicles",
            "reportedly",
        ),
        (
            "The commander allegedly ordered the shelling of the market.",
            "The commander allegedly ordered the shelling of the market",
            "allegedly",
        ),
    ],
    ids=[
        "it-is-claimed",
        "it-was-reported",
        "is-said-to",
        "is-believed-to",
        "are-alleged-to",
        "reportedly",
        "allegedly",
    ],
)
def test_reported_without_a_speaker(claims_of: Extract, text: str, content: str, cue: str) -> None:
    claim = only(claims_of(text))
    assert claim.content.text == content
    assert claim.cue is not None and claim.cue.text == cue
    assert claim.speaker.name is None
    assert claim.speaker.kind == "unspecified"
    assert claim.chain == ()
    assert claim.hedged


@pytest.mark.parametrize(
    ("text", "hedged"),
    [
        ("The ministry claimed that its air defences shot down twelve drones.", True),
        ("The ministry said that its air defences shot down twelve drones.", False),
        ("The ministry alleged that enemy troops had mined the dam.", True),
        ("According to the army, troops reportedly crossed the river.", True),
        ("According to the army, troops crossed the river.", False),
        ("Officials said the so-called volunteers were regular soldiers.", True),
        ("Officials said the alleged saboteurs had been detained.", True),
    ],
    ids=[
        "claimed",
        "said",
        "alleged",
        "according-reportedly",
        "according",
        "so-called",
        "alleged-adj",
    ],
)
def test_hedged(claims_of: Extract, text: str, hedged: bool) -> None:
    assert only(claims_of(text)).hedged is hedged


# ------------------------------------------------------------------ denials and polarity


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The ministry denied that its troops had entered the town.",
            "its troops had entered the town",
            "ministry",
        ),
        (
            "Officials denied the reports of mass casualties.",
            "the reports of mass casualties",
            "Officials",
        ),
        ("Moscow has denied targeting civilians.", "targeting civilians", "Moscow"),
        (
            "Satellite photos show no sign that the bridge at Zatoka was destroyed.",
            "the bridge at Zatoka was destroyed",
            "Satellite photos",
        ),
        (
            "Inspectors found no evidence that the reactor had been hit.",
            "the reactor had been hit",
            "Inspectors",
        ),
        (
            "The army denied shelling the hospital on Friday.",
            "shelling the hospital on Friday",
            "army",
        ),
        (
            "The spokesman rejected the accusation that troops had looted shops.",
            "troops had looted shops",
            "spokesman",
        ),
        (
            "The ministry rejected claims that its soldiers looted the village.",
            "its soldiers looted the village",
            "ministry",
        ),
    ],
    ids=[
        "denied-that",
        "denied-object",
        "denied-gerund",
        "no-sign-that",
        "no-evidence-that",
        "denied-gerund-2",
        "rejected-accusation",
        "rejected-claims",
    ],
)
def test_denial_has_polarity_deny(
    claims_of: Extract, text: str, content: str, speaker: str
) -> None:
    claim = only(claims_of(text))
    assert claim.content.text == content
    assert claim.speaker.name == speaker
    assert claim.polarity == "deny"


@pytest.mark.parametrize(
    "text",
    [
        "Officials insisted the shelling did not hit civilian areas.",
        "The governor said no one was killed in the attack.",
        "“We did not retreat,” the commander said.",
    ],
    ids=["negated-content", "no-one", "quoted-negation"],
)
def test_negation_inside_the_content_is_still_affirmed(claims_of: Extract, text: str) -> None:
    assert only(claims_of(text)).polarity == "affirm"


# ------------------------------------------------------------------ several claims, content spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The governor said the dam was intact, and the army said the bridge had collapsed.",
            [("the dam was intact", "governor"), ("the bridge had collapsed", "army")],
        ),
        (
            "Kyiv said the drones were shot down; Moscow said they hit their targets.",
            [("the drones were shot down", "Kyiv"), ("they hit their targets", "Moscow")],
        ),
        (
            "The minister said the ceasefire would hold, while the rebels warned that they "
            "would resume attacks.",
            [("the ceasefire would hold", "minister"), ("they would resume attacks", "rebels")],
        ),
        (
            "The general said the troops had crossed the river, but he admitted that the "
            "bridgehead was small.",
            [
                ("the troops had crossed the river", "general"),
                ("the bridgehead was small", "general"),
            ],
        ),
        (
            "Ukrainian intelligence said the missiles were launched from Belarus, adding that "
            "more strikes were likely.",
            [
                ("the missiles were launched from Belarus", "Ukrainian intelligence"),
                ("more strikes were likely", "Ukrainian intelligence"),
            ],
        ),
        (
            "Nine people were killed, according to the regional governor, while the army said "
            "its drones had hit a fuel depot.",
            [
                ("Nine people were killed", "regional governor"),
                ("its drones had hit a fuel depot", "army"),
            ],
        ),
        (
            "The Red Cross says 3,000 families have fled the valley, while about 400 homes have "
            "been destroyed, according to local officials.",
            [
                ("3,000 families have fled the valley", "Red Cross"),
                ("about 400 homes have been destroyed", "local officials"),
            ],
        ),
        (
            "Two soldiers were wounded, whereas 15 rebels were killed, according to the army.",
            [("Two soldiers were wounded, whereas 15 rebels were killed", "army")],
        ),
        (
            "The militia said in a statement posted on Telegram that its units had left the "
            "village.",
            [("its units had left the village", "militia")],  # "posted" says it for nobody
        ),
        (
            "The governor said two bridges were damaged and warned that more strikes were likely.",
            [("two bridges were damaged", "governor"), ("more strikes were likely", "governor")],
        ),
        (
            "The army reported on Monday that its drone units struck the Varnok fuel depot in the "
            "town and that the depot supplied fuel to enemy forces operating in the north.",
            [
                ("its drone units struck the Varnok fuel depot in the town", "army"),
                ("the depot supplied fuel to enemy forces operating in the north", "army"),
            ],
        ),
        (
            "The senator said he knows that voters are tired and that there is a hunger for new "
            "faces in the capital.",
            [
                ("he knows that voters are tired", "senator"),
                ("there is a hunger for new faces in the capital", "senator"),
            ],
        ),
        (
            "According to the monitors, while the convoy was limited to food, it is unclear who "
            "guarded it.",
            [
                ("the convoy was limited to food", "monitors"),
                ("it is unclear who guarded it", "monitors"),
            ],
        ),
    ],
    ids=[
        "and",
        "semicolon",
        "while",
        "but-he",
        "adding-that",
        "according-while-said",
        "says-while-according",
        "whereas-according",
        "statement-posted-that",
        "said-and-warned",
        "that-marks-a-misparsed-conjunct",
        "knows-that-and-that",
        "according-then-while",
    ],
)
def test_several_claims_in_one_sentence(
    claims_of: Extract, text: str, expected: list[tuple[str, str]]
) -> None:
    claims = claims_of(text)
    assert [(c.content.text, c.speaker.name) for c in claims] == expected
    assert {c.sentence for c in claims} == {0}


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "In a statement, the ministry said the strike killed 14 soldiers and wounded 30.",
            "the strike killed 14 soldiers and wounded 30",
        ),
        (
            "Separatist leader Denis Volkov claimed that his fighters had downed two jets, a claim "
            "Kyiv rejected.",
            "his fighters had downed two jets",
        ),
        (
            "Analysts said the city, which has been shelled for months, was close to collapse.",
            "the city, which has been shelled for months, was close to collapse",
        ),
        (
            "The mayor, who toured the district on Friday, said the power lines had been repaired.",
            "the power lines had been repaired",
        ),
        (
            "After a week of heavy fighting, the army said its units had reached the outskirts.",
            "its units had reached the outskirts",
        ),
    ],
    ids=[
        "two-verbs",
        "comment-apposition",
        "relative-inside",
        "relative-on-speaker",
        "leading-phrase",
    ],
)
def test_content_is_the_reported_clause_not_the_sentence(
    claims_of: Extract, text: str, content: str
) -> None:
    said = [c for c in claims_of(text) if c.polarity != "deny"]  # ("a claim Kyiv rejected":
    # Kyiv's denial of it, a claim of its own)
    assert only(said).content.text == content


# ------------------------------------------------------------------ what is not a claim


@pytest.mark.parametrize(
    "text",
    [
        "The army shelled the town on Tuesday.",
        "The city was shelled overnight. Several houses burned down.",
        "He wants to say that the war is over.",
        "The commander wants to tell the world that his men are heroes.",
        "It is hard to believe that the town survived.",
        "The ministry did not say how many soldiers were killed.",
        "The commander refused to comment.",
        "As expected, the talks failed.",
    ],
    ids=[
        "plain-event", "two-plain-sentences", "wants-to-say", "wants-to-tell",
        "hard-to-believe", "did-not-say", "refused-to-comment", "as-expected",
    ],
)  # fmt: skip
def test_unattributed_text_gives_no_claim(claims_of: Extract, text: str) -> None:
    assert claims_of(text) == ()


def test_claim_ids_are_numbered_in_text_order(claims_of: Extract) -> None:
    text = "The ministry said 12 soldiers died. It added that 30 were wounded."
    claims = claims_of(text)
    assert [c.id for c in claims] == ["t:c1", "t:c2"]
    assert [c.content.text for c in claims] == ["12 soldiers died", "30 were wounded"]


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ('The spokesman called the report "a crude fake".', "the report", "spokesman"),
        ("The command described the report as propaganda.", "the report", "command"),
        (
            'Colonel Melnyk called Moscow\'s claim to have taken the bridge "pure fiction".',
            "taken the bridge",
            "Colonel Melnyk",
        ),
        ("Kyiv dismissed the claim as propaganda.", "the claim", "Kyiv"),
    ],
)
def test_calling_a_claim_false_denies_it(
    claims_of: Extract, text: str, content: str, speaker: str
) -> None:
    claim = only(claims_of(text))
    assert (claim.content.text, claim.polarity) == (content, "deny")
    assert speaker in claim.speaker.text


def test_calling_people_names_is_no_denial(claims_of: Extract) -> None:
    assert claims_of("The mayor called the rescuers heroes.") == ()


@pytest.mark.parametrize(
    "text",
    [
        "The mayor on Tuesday rejected the minister's offer to make an exception for the city.",
        "The council dismissed the proposal to close the bridge at night.",
    ],
    ids=["offer", "proposal"],
)
def test_rejecting_an_offer_or_a_proposal_is_no_denial(claims_of: Extract, text: str) -> None:
    assert all(c.polarity != "deny" for c in claims_of(text))


def test_a_quotation_left_open_at_a_paragraph_end_does_not_turn_the_rest_inside_out(
    claims_of: Extract,
) -> None:
    """Newspapers open each paragraph of a long quotation and close only the last; pairing the
    marks across the break made the next paragraphs' cues "quoted" and lost their claims."""
    text = (
        'The governor said: "The river has crested. The levee is holding.\n\n'
        '"We will reopen the schools on Monday," the governor said.\n\n'
        "A spokesman for the utility said power had been restored to most homes.\n\n"
        '"The crews worked through the night," he said.'
    )
    claims = claims_of(text)
    got = [(c.content.text, c.speaker.name) for c in claims]
    assert got[0] == ('"The river has crested. The levee is holding.', "governor")
    assert ('"We will reopen the schools on Monday,"', "governor") in got
    spokesman = "spokesman for the utility"
    assert ("power had been restored to most homes", spokesman) in got
    assert got[-1] == ('"The crews worked through the night,"', spokesman)


def test_he_said_after_a_speaker_is_that_speaker_not_a_man_named_in_his_words(
    claims_of: Extract,
) -> None:
    text = (
        "Presidential adviser Oleh Marchenko said Viktor Petrenko had not been told of the plan."
        ' "Nobody in the ministry knew about it," he said.'
    )
    claims = claims_of(text)
    assert [c.speaker.name for c in claims] == ["Oleh Marchenko", "Oleh Marchenko"]


def test_a_dateline_in_capitals_is_not_part_of_the_speaker_name(claims_of: Extract) -> None:
    claims = claims_of("CLEVELAND Donald Trump said the plant would close.")
    assert [c.speaker.name for c in claims] == ["Donald Trump"]


def test_rejecting_a_person_is_no_denial(claims_of: Extract) -> None:
    """ "Reject Oleh Bondar" is a vote against somebody, not a denial of something said."""
    for text in (
        "Voters rejected Oleh Bondar in the second round.",
        "He argued that the way forward is to elect Maria Nowak and reject Oleh Bondar.",
    ):
        assert all(c.polarity != "deny" for c in claims_of(text)), text
    denial = claims_of("The army rejected claims that it had shelled the village.")
    assert [(c.content.text, c.polarity) for c in denial] == [
        ("it had shelled the village", "deny")
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "While saying that he respected the mayor, Oleh Bondar continued to question it.",
            "Oleh Bondar",
        ),
        ("After saying the bridge was safe, the engineer left the meeting.", "engineer"),
        (
            "Maria Kowalska surprised the council by declaring she could not support the plan.",
            "Maria Kowalska",
        ),
        ("The ministry issued a statement saying the convoy had reached Sumy.", "ministry"),
        ("Later, Oleh Bondar fired back a response saying he would not back it.", "Oleh Bondar"),
        ("Maria Kowalska made a point of saying the shelter had reopened.", "Maria Kowalska"),
        (
            "The governor met with Oleh Bondar, who a week ago surprised Trump by declaring he "
            "couldn’t yet back the plan.",
            "Oleh Bondar",
        ),  # "surprised" tagged an adjective
    ],
    ids=[
        "while-saying",
        "after-saying",
        "by-declaring",
        "issued-statement",
        "response",
        "point-of",
        "who-surprised-by-declaring",
    ],
)
def test_a_participle_cue_speaks_for_the_subject_of_its_clause(
    claims_of: Extract, text: str, speaker: str
) -> None:
    assert [c.speaker.name for c in claims_of(text)] == [speaker]


def test_a_report_someone_cites_is_not_their_statement(claims_of: Extract) -> None:
    claims = claims_of("The mayor cited a report saying the water was unsafe.")
    assert all(c.speaker.name != "mayor" for c in claims)


# ------------------------------------------------------------------ what a speaker calls a thing


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            'The governor called the shelling "a deliberate war crime" in a statement.',
            'the shelling "a deliberate war crime"',
            "governor",
        ),
        (
            "The ministry called the village of Krynky a key bridgehead.",
            "the village of Krynky a key bridgehead",
            "ministry",
        ),
        (
            'Oleh Bondar called the new curfew "unworkable".',
            'the new curfew "unworkable"',
            "Bondar",
        ),
    ],
    ids=["quoted-noun", "noun-phrase", "quoted-adjective"],
)
def test_what_a_speaker_calls_something_is_their_claim(
    claims_of: Extract, text: str, content: str, speaker: str
) -> None:
    claim = only(claims_of(text))
    assert (claim.content.text, claim.polarity) == (content, "affirm")
    assert speaker in claim.speaker.text


@pytest.mark.parametrize(
    "text",
    ["They named the operation Anaconda.", "Residents of a village called Hrakove fled on foot."],
    ids=["a-name", "called-as-a-name"],
)
def test_a_name_given_is_no_claim(claims_of: Extract, text: str) -> None:
    assert claims_of(text) == ()


# ------------------------------------------------------------------ what a speaker calls for


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The mayor urged residents to stay in shelters overnight.",
            "residents to stay in shelters overnight",
            "mayor",
        ),
        (
            "Maria Kowalska called on the alliance to send more air defence systems.",
            "the alliance to send more air defence systems",
            "Maria Kowalska",
        ),
        (
            "The minister vowed to rebuild every school destroyed in the region.",
            "to rebuild every school destroyed in the region",
            "minister",
        ),
        (
            "The general has proposed a buffer zone along the border.",
            "a buffer zone along the border",
            "general",
        ),
        (
            "The council called for an inquiry into the blackout.",
            "an inquiry into the blackout",
            "council",
        ),
        (
            "The mayor urged residents on Monday to leave the flooded district.",
            "residents on Monday to leave the flooded district",
            "mayor",
        ),
    ],
    ids=["urged", "called-on", "vowed", "proposed", "called-for", "urged-with-an-adjunct"],
)
def test_what_a_speaker_calls_for_or_vows_is_their_claim(
    claims_of: Extract, text: str, content: str, speaker: str
) -> None:
    claim = only(claims_of(text))
    assert claim.content.text == content
    assert speaker in claim.speaker.text


def test_a_verb_coordinated_into_what_is_called_for_is_a_claim_of_its_own(
    claims_of: Extract,
) -> None:
    """The parse hangs "and proposed ..." inside the infinitive's relative clause; it is the
    speaker's next statement, with the same speaker, not the "oil" of the clause it hangs on."""
    claims = claims_of(
        "Oleh Bondar has also called on the council to close the depot that stores the fuel "
        "and proposed a new road around the town."
    )
    assert [(c.content.text, c.speaker.name) for c in claims] == [
        ("the council to close the depot that stores the fuel", "Oleh Bondar"),
        ("a new road around the town", "Oleh Bondar"),
    ]


def test_asked_with_nobody_asked_is_no_claim(claims_of: Extract) -> None:
    assert claims_of("The official asked to remain anonymous.") == ()


def test_a_meeting_called_to_discuss_something_is_no_claim(claims_of: Extract) -> None:
    assert claims_of("The mayor called a meeting to discuss the curfew.") == ()


def test_a_calling_verb_in_a_relative_clause_is_its_subjects_claim(claims_of: Extract) -> None:
    claims = claims_of(
        "The row began at a hearing in March, when Maria Kowalska called the mayor "
        "“the city's worst planner.” The council adjourned."
    )
    assert [(c.content.text, c.speaker.name) for c in claims] == [
        ("the mayor “the city's worst planner", "Maria Kowalska")
    ]


def test_two_apostrophes_are_quotation_marks(claims_of: Extract) -> None:
    """Some newspaper archives print quotation marks as two apostrophes; a quotation in a
    sentence after the cue's is the speaker's next statement, as with any other marks."""
    claims = claims_of(
        "''We did not expect it,'' Mr. Bondar said. ''Let me say this plainly: the depot was "
        "never safe and the council knew it.''"
    )
    assert [c.content.text for c in claims] == [
        "''We did not expect it,''",
        "''Let me say this plainly: the depot was never safe and the council knew it.''",
    ]
    assert {c.speaker.name for c in claims} == {"Bondar"}


@pytest.mark.parametrize(
    "text",
    [
        "The governor - who earlier said the dam was safe - told reporters on Monday that the "
        "town must be evacuated.",
        "Regional commander Oleh Kyrylenko - who previously said his units would hold the ridge "
        "- said at a briefing in Sumy that the brigade had pulled back to the river.",
    ],
)
def test_a_relative_aside_between_dashes_is_a_claim_of_its_own(
    text: str, claims_of: Extract
) -> None:
    """The parse runs the aside into the main verb: the aside's claim ends at its closing dash,
    and the main cue after it gets the noun before the opening dash as its speaker."""
    claims = claims_of(text)
    assert len(claims) == 2, [c.content.text for c in claims]
    aside, main = claims
    assert "-" not in aside.content.text
    assert aside.content.text.endswith(("safe", "ridge"))
    assert main.speaker.name is not None and main.speaker.name == aside.speaker.name


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Recent polls show Smith up by 10 points in the next big contest.",
         "Smith up by 10 points in the next big contest"),
        ("Surveys show the governor ahead by 12 points among likely voters.",
         "the governor ahead by 12 points among likely voters"),
    ],
)  # fmt: skip
def test_what_a_poll_shows_someone_as_is_a_claim(
    claims_of: Extract, text: str, content: str
) -> None:
    claim = only(claims_of(text))
    assert claim.content.text == content
    assert claim.cue.text in ("show",)


def test_what_a_video_shows_is_a_description_not_a_claim(claims_of: Extract) -> None:
    assert not claims_of("The video shows soldiers in the street.")


# ------------------------------------------------------------------ issue 10: more cues


@pytest.mark.parametrize(
    ("text", "content", "cue", "speaker"),
    [
        ("The general is calling for the government to mobilise more reservists.",
         "the government to mobilise more reservists", "calling", "The general"),
        ("The mayor took to Telegram to say that the water supply had been restored.",
         "the water supply had been restored", "say", "The mayor"),
        ("The minister used the briefing to warn that more strikes would follow.",
         "more strikes would follow", "warn", "The minister"),
        ('"The bridge was destroyed overnight," the statement read.',
         '"The bridge was destroyed overnight,"', "read", "the statement"),
        ('"There are cowards who have shown more courage," reads an editorial in the Herald.',
         '"There are cowards who have shown more courage,"', "reads",
         "an editorial in the Herald"),
        ('The ministry issued a statement: "Our forces repelled an attack on the port."',
         '"Our forces repelled an attack on the port."', "statement", "The ministry"),
        ('The army chief gave a blunt warning to parliament: "We will run out of shells."',
         '"We will run out of shells."', "warning", "The army chief"),
        ("The commander's message was simple: \"Hold the line at all costs.\"",
         '"Hold the line at all costs."', "message", "The commander"),
        ('The minister went on television, telling viewers, "The sanctions have failed."',
         '"The sanctions have failed."', "telling", "The minister"),
        ('He told the crowd in the square, to loud applause:\n\n"I can say the city will be'
         ' rebuilt."', '"I can say the city will be rebuilt."', "told", "He"),
    ],
)  # fmt: skip
def test_cues_without_a_speech_verb_clause(
    claims_of: Extract, text: str, content: str, cue: str, speaker: str
) -> None:
    """A call for somebody to act, a purpose clause of speaking through a medium, what a written
    thing reads, and a quotation introduced by a statement noun or a dangling speech verb."""
    claim = only(claims_of(text))
    assert (claim.content.text, claim.cue.text, claim.speaker.text) == (content, cue, speaker)


@pytest.mark.parametrize(
    "text",
    [
        "The mayor took a week to decide whether the school would reopen.",
        "He appeared to say nothing new.",
        "The thermometer read 40 degrees on Monday.",
        "He read the statement aloud to the crowd.",
        'He had one question: "Why did nobody warn us about the flood?"',
        'The list included three items: "bread, water and fuel for the generators."',
        "The mayor praised the police but stopped short of calling for the chief to resign.",
        'The singer can add a new title to his resume: "song collector."',
        'It seems unfair to simply tell the miners: "We are sorry, but it did not work out."',
    ],
)
def test_no_claim_without_a_speaker_saying_it(claims_of: Extract, text: str) -> None:
    assert not claims_of(text)


def test_a_quotation_added_after_the_cue_is_a_second_statement(claims_of: Extract) -> None:
    claims = claims_of(
        '"If they cross the river, we will strike," Petrov said before adding: "Though maybe'
        ' there is another way, I do not know."'
    )
    assert [(c.cue.text, c.content.text) for c in claims] == [
        ("said", '"If they cross the river, we will strike,"'),
        ("adding", '"Though maybe there is another way, I do not know."'),
    ]
    assert {c.speaker.name for c in claims} == {"Petrov"}


def test_a_quotation_paragraph_continues_the_speaker_quoted_before(claims_of: Extract) -> None:
    claims = claims_of(
        '"We watched the convoys leave the base," the governor said in an interview with the'
        ' radio show "Morning Report."\n\n"I think we ought to send them back, and we ought to'
        ' do it this week."\n\nThe talks resume on Monday.'
    )
    assert [(c.speaker.text, c.content.text) for c in claims] == [
        ("the governor", '"We watched the convoys leave the base,"'),
        ("the governor", '"I think we ought to send them back, and we ought to do it this week."'),
    ]


def test_a_quotation_paragraph_after_reported_speech_is_not_continued(claims_of: Extract) -> None:
    claims = claims_of(
        "The governor said the convoys had left the base.\n\n"
        '"Nobody told us anything about the plan at all."'
    )
    assert [c.content.text for c in claims] == ["the convoys had left the base"]


def test_a_quotation_paragraph_reporting_a_named_speaker_is_not_continued(
    claims_of: Extract,
) -> None:
    claims = claims_of(
        '"The young people have changed," said Baker, a teacher.\n\n'
        '"On Sunday, Smith announced that he had raised $2 million in a week."'
    )
    assert [c.speaker.text for c in claims] == ["Baker"]


def test_a_verb_hung_on_its_subject_keeps_the_subject_as_speaker(claims_of: Extract) -> None:
    claim = claims_of(
        "Donald Trump called Wednesday for Supreme Court Justice Ruth Bader Ginsburg to"
        " resign for saying publicly that she feels he is unfit."
    )[0]
    assert claim.speaker.name == "Donald Trump"
    assert claim.content.text.startswith("Supreme Court Justice Ruth Bader Ginsburg to resign")


def test_a_sentence_quoted_around_its_attribution_is_one_claim(claims_of: Extract) -> None:
    claims = claims_of(
        '"We will defend every village," the governor told a crowd.\n\n'
        '"And while I am at it, I thank the firefighters," the governor said, "and I fully'
        ' support their demands."'
    )
    assert [c.content.text for c in claims] == [
        '"We will defend every village,"',
        '"And while I am at it, I thank the firefighters," the governor said, "and I fully'
        ' support their demands."',
    ]


def test_a_quotation_of_another_paragraph_is_not_joined(claims_of: Extract) -> None:
    claims = claims_of(
        '"She should be ashamed of herself."\n\nThe governor bristled at the suggestion that'
        ' he had advised the mayor, saying, "the advice I give to him is to him alone."'
    )
    assert [c.content.text for c in claims] == ['"the advice I give to him is to him alone."']


def test_an_embedded_post_is_a_claim_of_its_author(claims_of: Extract) -> None:
    claims = claims_of(
        "The minister reacted on social media.\n\n"
        "Our air defence shot down eleven drones over the capital tonight. Glory to the"
        " defenders! pic.twitter.com/AbCdEf123 — Olena Marchenko (@olena_m) March 3, 2023\n\n"
        "<blockquote>Talks will resume next week in Istanbul https://t.co/xyz SIGN UP FOR OUR"
        " NEWSLETTER — Kyiv Daily (@kyivdaily) March 4, 2023</blockquote>\n\n"
        "Ok — Bob (@bob) March 4, 2023"
    )
    assert [(c.speaker.text, c.cue.text, c.content.text) for c in claims] == [
        ("Olena Marchenko", "@olena_m",
         "Our air defence shot down eleven drones over the capital tonight."),
        ("Olena Marchenko", "@olena_m", "Glory to the defenders!"),
        ("Kyiv Daily", "@kyivdaily", "Talks will resume next week in Istanbul"),
    ]  # fmt: skip


def test_an_embedded_post_signed_in_two_scripts_names_its_author_once(
    claims_of: Extract,
) -> None:
    claims = claims_of(
        "The president wrote overnight.\n\n"
        "We will rebuild every bridge in the region. — Petro Marchuk / Петро Марчук"
        " (@pmarchuk) February 24, 2023"
    )
    assert [(c.speaker.text, c.content.text) for c in claims] == [
        ("Petro Marchuk", "We will rebuild every bridge in the region.")
    ]


def test_mixed_quotation_marks_are_not_one_continued_quotation(claims_of: Extract) -> None:
    claims = claims_of(
        '"We watched the convoys leave," the governor said.\n\n'
        '“We are not interested in slogans. We want results," he continued. "We will work'
        " with everyone.”"
    )
    assert all("he continued" not in c.content.text for c in claims)


def test_a_bulleted_list_after_a_speakers_colon_is_their_claims(claims_of: Extract) -> None:
    claims = claims_of(
        "Relief groups met on Monday.\n\nHalyna Bondar argued that:\n\n"
        "• Only 900 families have left the district this month.\n\n"
        "l The shelters in the north are full and the roads are mined.\n\n"
        "The council will decide on Friday."
    )
    listed = [c for c in claims if c.cue is not None and c.cue.text == "argued"]
    assert [c.content.text for c in listed] == [
        "Only 900 families have left the district this month",
        "The shelters in the north are full",  # two propositions, split as any content is
        "the roads are mined",
    ]
    assert {c.speaker.name for c in listed} == {"Halyna Bondar"}
    assert not [c for c in claims if "council" in c.content.text]  # the list has ended


def test_a_bulleted_list_after_no_speaker_is_no_claim(claims_of: Extract) -> None:
    claims = claims_of(
        "What the new rules mean:\n\n• Shops must close at nine in the evening.\n\n"
        "• Trains will run only twice a day."
    )
    assert not claims


def test_according_to_on_a_speech_verb_relays_its_speaker(claims_of: Extract) -> None:
    (claim,) = claims_of(
        "The commander says the bridge was destroyed on Monday, according to Ukrainska Pravda."
    )
    assert claim.content.text == "the bridge was destroyed on Monday"
    assert chain(claim) == ["Ukrainska Pravda", "commander"]  # the outlet relays, he is origin


def test_according_to_on_a_plain_clause_is_its_source(claims_of: Extract) -> None:
    (claim,) = claims_of("The dam held overnight, according to the regional ministry.")
    assert claim.content.text == "The dam held overnight"
    assert claim.speaker.name == "regional ministry"


def test_a_role_parsed_as_a_second_subject_gives_way_to_the_name_after_it(
    claims_of: Extract,
) -> None:
    (claim,) = claims_of(
        "KYIV, May 3 (UPI) — Former Minister of Defence and opposition presidential frontrunner"
        " Oleksandr Kuzmenko is calling for the army to halt the offensive."
    )
    assert claim.speaker.name == "Oleksandr Kuzmenko"
    assert claim.content.text == "the army to halt the offensive"


def test_a_that_clause_after_a_participle_aside_is_the_main_verbs_only(
    claims_of: Extract,
) -> None:
    (claim,) = claims_of(
        "The commander further stated, while testifying before parliament earlier this month,"
        " that the brigade had not been resupplied since May."
    )
    assert claim.cue.text == "stated"
    assert claim.content.text == "the brigade had not been resupplied since May"


def test_what_somebody_calls_a_thing_is_no_claim_about_the_clause_before(
    claims_of: Extract,
) -> None:
    claims = claims_of(
        'In his first broadcasts, the blogger sits in a studio in videos he calls "Frontline'
        ' Truth," pointing at maps.'
    )
    assert not [c for c in claims if "studio" in c.content.text]


def test_claimed_to_have_done_is_a_hedged_claim(claims_of: Extract) -> None:
    (claim,) = [
        c
        for c in claims_of("Moscow claimed to have captured the village of Novoselivka.")
        if c.cue is not None and c.cue.text == "claimed"
    ]
    assert claim.speaker.name == "Moscow"
    assert claim.content.text == "have captured the village of Novoselivka"
    assert claim.hedged


def test_a_denied_clause_keeps_its_object_when_its_verb_is_parsed_as_an_adjective(
    claims_of: Extract,
) -> None:
    claims = claims_of(
        'The Kremlin denied that Russian troops had targeted civilians, calling the reports "a'
        ' provocation".'
    )
    (denial,) = [c for c in claims if c.cue is not None and c.cue.text == "denied"]
    assert denial.content.text == "Russian troops had targeted civilians"
    assert denial.polarity == "deny"


def test_an_appositive_name_is_the_speaker_not_the_possessor(claims_of: Extract) -> None:
    (named,) = claims_of(
        "The president's chief of staff, Andriy Yermak, said talks with Washington were"
        " constructive."
    )
    assert named.speaker.name is not None and "Yermak" in named.speaker.name
    (unnamed,) = claims_of("Zelensky's spokesman said the talks would resume on Monday.")
    assert unnamed.speaker.name is not None and "Zelensky" in unnamed.speaker.name


def test_cited_footage_is_evidence_not_a_source(claims_of: Extract) -> None:
    (claim,) = claims_of(
        "According to the Institute for the Study of War, citing geolocated footage, Russian"
        " units advanced near Pokrovsk."
    )
    assert claim.speaker.name == "Institute for the Study of War"
    assert chain(claim) == ["Institute for the Study of War"]


def test_this_was_reported_by_gives_the_sentence_before_its_speaker(claims_of: Extract) -> None:
    claims = claims_of(
        "Russian troops shelled Nikopol overnight, damaging two houses. This was reported by"
        " the head of the regional administration, Serhiy Lysak."
    )
    (claim,) = claims
    assert claim.content.text == "Russian troops shelled Nikopol overnight, damaging two houses"
    assert claim.speaker.name == "Serhiy Lysak"


def test_this_was_reported_by_leaves_a_sentence_with_a_speaker_alone(claims_of: Extract) -> None:
    claims = claims_of(
        "Two drones were downed, the air force said. This was reported by the regional"
        " administration."
    )
    assert [c.speaker.text for c in claims] == ["the air force"]


def test_reports_tagged_as_a_noun_with_reference_to_a_source(claims_of: Extract) -> None:
    (claim,) = claims_of(
        "RBC-Ukraine reports with reference to sources in the military that the brigade was"
        " withdrawn."
    )
    assert claim.speaker.name == "RBC-Ukraine"  # one hyphened name, not the country in it
    assert claim.content.text == "the brigade was withdrawn"
    assert chain(claim) == ["RBC-Ukraine", "sources in the military"]


def test_a_name_closing_a_role_phrase_is_the_speaker(claims_of: Extract) -> None:
    (claim,) = claims_of(
        "According to the head of the Kharkiv regional military administration Oleh"
        " Syniehubov, three people were injured."
    )
    assert claim.speaker.name == "Oleh Syniehubov"


def test_an_event_announced_as_a_noun_is_a_claim(claims_of: Extract) -> None:
    (claim,) = claims_of(
        "The Russian Defence Ministry announced the liberation of the village of Novoselivka"
        " on Sunday."
    )
    assert claim.content.text.startswith("the liberation of the village of Novoselivka")
    assert not claims_of("The ministry reported an increase in attacks.")  # no event noun


def test_footage_inside_a_sources_claim_is_not_a_second_source(claims_of: Extract) -> None:
    claims = claims_of(
        "Geolocated footage published on Monday indicates that Russian forces advanced into"
        " central Novoselivka, the Institute for the Study of War said."
    )
    assert {c.speaker.name for c in claims} == {"Institute for the Study of War"}


def test_citing_hung_on_the_comma_after_the_subject_is_still_cited(claims_of: Extract) -> None:
    (claim,) = claims_of(
        "Russian media, citing sources in the security services, alleged that the saboteurs had"
        " crossed from Ukraine."
    )
    assert chain(claim) == ["Russian media", "sources in the security services"]


def test_preliminary_data_are_a_basis_not_a_second_source(claims_of: Extract) -> None:
    (claim,) = claims_of(
        "According to preliminary data, at least five people were killed in the strike on Odesa,"
        " the State Emergency Service said."
    )
    assert claim.speaker.name == "State Emergency Service"
    assert claim.content.text == "at least five people were killed in the strike on Odesa"


def test_according_to_inside_a_reported_clause_is_cut_from_it(claims_of: Extract) -> None:
    claims = claims_of("The governor said that, according to the police, three people died.")
    assert {(c.speaker.name, c.content.text) for c in claims} == {
        ("governor", "three people died"),
        ("police", "three people died"),
    }


@pytest.mark.parametrize(
    ("text", "content", "want"),
    [
        ("The agency Polaris quoted Oleksandr Prykhodko, the regional governor, as saying that "
         "the evacuation would go on until May.", "the evacuation would go on until May",
         ["Polaris", "Oleksandr Prykhodko"]),
        ("General Ivan Tkach was quoted by the news agency Orbita as saying that the brigade had "
         "lost 40 vehicles.", "the brigade had lost 40 vehicles", ["Orbita", "Ivan Tkach"]),
        ("Orbita cited Tkach as saying the bridge was intact.", "the bridge was intact",
         ["Orbita", "Tkach"]),
        ('"Nobody will leave the city," Orbita quoted Tkach as saying.',
         '"Nobody will leave the city,"', ["Orbita", "Tkach"]),
    ],
)  # fmt: skip
def test_quoted_as_saying_is_the_one_quoted_relayed_by_the_one_quoting(
    claims_of: Extract, text: str, content: str, want: list[str]
) -> None:
    """ "X quoted Y as saying ...", "Y was quoted by X as saying ...": Y's claim, relayed by X
    (it was X's claim alone, the one quoted lost)."""
    claim = only(claims_of(text))
    assert claim.content.text == content
    assert chain(claim) == want


def test_quoted_as_saying_with_no_one_quoting(claims_of: Extract) -> None:
    claim = only(claims_of("Tkach was quoted as saying that the bridge was intact."))
    assert chain(claim) == ["Tkach"]


@pytest.mark.parametrize(
    "text",
    [
        "The commander spoke at dawn. 'The bridge is ours and we will hold it,' Tkach said.",
        "The commander spoke at dawn. ‘The bridge is ours and we will hold it,’ Tkach said.",
    ],
)
def test_a_quotation_in_single_marks_before_its_cue(claims_of: Extract, text: str) -> None:
    """British outlets quote in single marks; the straight one is told from an apostrophe by
    where it stands (the quotation was lost)."""
    claim = only(claims_of(text))
    assert claim.content.text.strip("'‘’,") == "The bridge is ours and we will hold it"
    assert chain(claim) == ["Tkach"]


def test_apostrophes_are_no_single_quotation_marks(claims_of: Extract) -> None:
    claims = claims_of("The soldiers' mothers said the brigade's commander had not called them.")
    assert [c.content.text for c in claims] == ["the brigade's commander had not called them"]


def test_a_subheading_quoting_someone_is_not_the_speaker_going_on(claims_of: Extract) -> None:
    text = (
        '"We will rebuild the school by autumn," the mayor said.\n\n'
        "'Nobody Leaves Here.'\n\n"
        "The town lies on the river."
    )
    assert [c.content.text for c in claims_of(text)] == ['"We will rebuild the school by autumn,"']


def test_wrote_on_x_ends_its_sentence(claims_of: Extract) -> None:
    """ "X." was one token like an initial, and the next sentence ran into the cue's."""
    claims = claims_of(
        "The bridge was reopened, Ivan Tkach wrote on X. 'It took us nine days,' he wrote."
    )
    assert [c.content.text for c in claims] == [
        "The bridge was reopened",
        "'It took us nine days,'",
    ]
    assert {claim.speaker.name for claim in claims} == {"Ivan Tkach"}


def test_a_surname_after_a_particle_stays_in_the_name(claims_of: Extract) -> None:
    claim = only(claims_of("The fund was doubled, Marta van der Berg said on Monday."))
    assert claim.speaker.name == "Marta van der Berg"


@pytest.mark.parametrize(
    ("text", "inner", "want"),
    [
        ("General Tkach accused the rebels of shelling the depot, the agency Polaris reported.",
         "the rebels of shelling the depot", ["Polaris", "Tkach"]),
        ("The brigade denied that it had left the town, state radio said.",
         "it had left the town", ["state radio", "brigade"]),
    ],
)  # fmt: skip
def test_a_claim_inside_a_report_is_relayed_by_the_reporter(
    claims_of: Extract, text: str, inner: str, want: list[str]
) -> None:
    """ "X accused Y of Z, BelTA reported": X's claim came through BelTA (its chain was X
    alone); BelTA's report of the accusation stays a claim of its own."""
    claims = claims_of(text)
    found = next(c for c in claims if c.content.text == inner)
    assert chain(found) == want
    assert any(chain(c) == want[:1] for c in claims if c is not found)


def test_claimed_without_providing_evidence_that(claims_of: Extract) -> None:
    """The parse hangs the that-clause on "evidence": it was no claim at all."""
    claim = only(claims_of("The ministry claimed without providing evidence that the convoy "
                           "had carried rockets."))  # fmt: skip
    assert claim.content.text == "the convoy had carried rockets"
    assert claim.hedged


def test_a_participle_after_a_final_cue_is_no_more_of_the_sentence(claims_of: Extract) -> None:
    claim = only(claims_of(
        "Two prisoners were shot after they had surrendered near the river, the regional "
        "prosecutor's office said on Sunday, announcing an investigation."
    ))  # fmt: skip
    assert claim.content.text == "Two prisoners were shot after they had surrendered near the river"
    assert claim.speaker.text == "the regional prosecutor's office"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("In a statement carried by the agency Polaris, the brigade said it had held the bridge.",
         ["Polaris", "brigade"]),
        ("Tkach said in comments carried by Orbita that he had offered the fighters a base.",
         ["Orbita", "Tkach"]),
        ("Tkach said in an interview with Orbita that the talks were off.", ["Orbita", "Tkach"]),
        ("Tkach said in an interview with reporters that the talks were off.", ["Tkach"]),
        ("Tkach said in a phone call with Vasylenko that the talks were off.", ["Tkach"]),
        ("A brigade commander told Reuters that the bridge was intact.",
         ["Reuters", "brigade commander"]),
        ("A brigade commander told reporters that the bridge was intact.", ["brigade commander"]),
    ],
)  # fmt: skip
def test_the_outlet_that_carried_a_statement_relays_it(
    claims_of: Extract, text: str, want: list[str]
) -> None:
    assert chain(only(claims_of(text))) == want


@pytest.mark.parametrize(
    ("text", "second"),
    [
        ("The governor said the rebels had shelled the market, adding that four people were hurt.",
         "four people were hurt"),
        ("The ministry said the brigade had left the village, saying it had suffered losses.",
         "it had suffered losses"),
    ],
)  # fmt: skip
def test_a_speech_participle_after_reported_content_is_the_reporters(
    claims_of: Extract, text: str, second: str
) -> None:
    """The parse hangs ", adding that ..." on the reported clause; its speaker was that
    clause's subject ("the rebels" added that four people were hurt)."""
    first, then = claims_of(text)
    assert then.content.text == second
    assert then.speaker.text == first.speaker.text


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The health ministry put the death toll at 53.", "the death toll at 53"),
        ("The border guard reported 112 attempts at the border over the weekend.",
         "112 attempts at the border over the weekend"),
    ],
)  # fmt: skip
def test_a_source_stating_a_figure_as_its_object(
    claims_of: Extract, text: str, content: str
) -> None:
    """ "put the death toll at 53", "reported 112 attempts": no claim at all, so the figure
    had no source."""
    claim = only(claims_of(text))
    assert claim.content.text == content


def test_reporting_fighting_is_no_figure(claims_of: Extract) -> None:
    assert claims_of("The ministry reported heavy fighting near the town.") == ()


def test_journalists_who_reported_stories_state_no_figure(claims_of: Extract) -> None:
    """ "men reported 65% of the stories": they wrote them (a body reports a count)."""
    assert claims_of("Men reported 65% of the political stories in 2014.") == ()


def test_a_relative_clause_after_a_final_cue_is_no_content(claims_of: Extract) -> None:
    """ "X happened, the military said, most of which were intercepted": the parse made the
    relative clause what the military said, and X was nobody's."""
    claim = only(claims_of(
        "The rebels fired about 150 rockets at the town on Sunday, the army said, most of "
        "which were intercepted."
    ))  # fmt: skip
    assert claim.content.text == "The rebels fired about 150 rockets at the town on Sunday"


def test_a_relative_pronoun_before_the_cue_is_the_reported_subject(claims_of: Extract) -> None:
    """ "X, which the inquiry said was careless": what the inquiry said (not a relative clause
    hung on the cue from after it)."""
    claims = claims_of("The ministry used a private server, which an inquiry said was careless.")
    assert any(c.content.text.endswith("was careless") for c in claims)


def test_a_figure_subject_hung_on_the_cue_stays_in_the_content(claims_of: Extract) -> None:
    """ "said between 20 and 25 shells had hit the port": the parse makes "between" a
    preposition of "said", and the content lost its subject and figure."""
    claims = claims_of("The harbour master said between 20 and 25 shells had hit the port.")
    assert [c.content.text for c in claims] == ["between 20 and 25 shells had hit the port"]


def test_according_to_at_the_end_covers_both_clauses(claims_of: Extract) -> None:
    claims = claims_of(
        "Nearly 3 million people have left their homes, and about 400,000 have crossed into "
        "Chad, according to the refugee agency."
    )
    contents = [c.content.text for c in claims]
    assert any(t.startswith("Nearly 3 million people") for t in contents)
    assert any(t.startswith("about 400,000") for t in contents)
    assert all("according" not in t for t in contents)


def test_a_speech_verb_of_the_reported_subject_stays_in_the_claim(claims_of: Extract) -> None:
    """ "said its editors had reviewed the complaints and concluded that ...": the editors
    concluded, inside what the newspaper said; the joined verb is cut only when the reported
    clause's subject cannot be who speaks (a passive's, or the speaker's pronoun)."""
    contents = [c.content.text for c in claims_of(
        "The newspaper said its editors had reviewed the complaints and concluded that the "
        "reports were accurate."
    )]  # fmt: skip
    assert contents[0] == (
        "its editors had reviewed the complaints and concluded that the reports were accurate"
    )


def test_a_list_of_that_clauses_or_a_relative_clause_is_not_split_at_and_that(
    claims_of: Extract,
) -> None:
    listed = claims_of(
        "The pollster said the winning arguments include that the mayor is vain, that he is "
        "rude to staff, and that he is hostile to trade."
    )
    assert not any(c.content.text == "he is hostile to trade" for c in listed)
    relative = claims_of(
        "The aide said the gains would outweigh any baggage that he brings - and that his rival "
        "might plan to exploit."
    )
    assert not any(c.content.text.startswith("his rival might") for c in relative)


def test_what_an_event_showed_inside_a_claim_is_no_claim_of_its_own(claims_of: Extract) -> None:
    """ "The mayor said the attack showed that the city needed more shelters": the mayor's
    conclusion, not a source "the attack" relayed by the mayor; a poll showing is a source."""
    claims = claims_of("The mayor said the attack showed that the city needed more shelters.")
    assert [c.speaker.name for c in claims] == ["mayor"]
    polled = claims_of("The governor said the poll showed that most residents wanted to stay.")
    assert [c.speaker.name for c in polled] == ["governor", "poll"]


def test_footage_relayed_by_a_source_is_that_sources_evidence(claims_of: Extract) -> None:
    (claim,) = claims_of(
        "Geolocated footage indicates that Russian forces advanced near Ivanivske, according "
        "to the Atlantic Monitor."
    )
    assert [h.name for h in claim.chain] == ["Atlantic Monitor"]
    assert claim.speaker.name == "Atlantic Monitor"


def test_a_claim_reported_by_an_agency_described_before_its_name(claims_of: Extract) -> None:
    """ "X claimed that Y, Russian state news agency TASS reported", where the parse hangs the
    agency's clause inside X's content: X's claim is Y alone, relayed by TASS."""
    claims = claims_of(
        "The ministry claimed that its forces had struck a depot, Russian state news agency "
        "TASS reported."
    )
    inner = next(c for c in claims if c.speaker.name != "TASS")
    assert inner.content.text == "its forces had struck a depot"
    assert inner.chain[0].name == "TASS"


@pytest.mark.parametrize(
    "text",
    [
        # an aside that is no report of the claim
        "Kiedis said his band and collaborator Brian Burton, AKA Danger Mouse, wrote new songs.",
        "Sources said the talks ran both ways, a point Feinstein also acknowledged to reporters.",
    ],
)
def test_a_name_inside_a_claim_is_no_reporter_of_it(claims_of: Extract, text: str) -> None:
    """Only a relay's verb with nothing of its own, at the sentence's end, reports the claim
    before it: the content is kept whole here."""
    (inner,) = [c for c in claims_of(text) if c.speaker.name in ("Kiedis", "Sources")]
    assert inner.content.text.endswith(("new songs", "to reporters")), inner.content.text
    assert len(inner.chain) == 1


def test_an_infinitive_of_saying_after_a_noun_is_no_claim(claims_of: Extract) -> None:
    """ "not in a position to say what caused it", "no authority to say that ...": nobody
    says anything there."""
    claims = claims_of("The mayor said the agency was not in a position to say what caused it.")
    assert len(claims) == 1 and claims[0].content.text.startswith("the agency")
    assert not claims_of("He had no authority to say that the deal was off.")


def test_a_claim_inside_a_relative_clause_opened_by_that(claims_of: Extract) -> None:
    """ "a commission that he says allows exiles to return": he says it allows them to."""
    (claim,) = claims_of(
        "President Andrei Kovalenko set up a commission that he says allows exiles to return home."
    )
    assert claim.content.text == "allows exiles to return home"
    assert claim.speaker.name == "Andrei Kovalenko"
