"""Propositions: who asserts a claim decides how close its wording must be to be the same claim."""

from __future__ import annotations

from dataclasses import replace

import pytest

from claimledger.analyze.clusters import idf, margin
from claimledger.analyze.proposition import (
    names_someone,
    negated,
    proposition,
    relation,
    same_source,
    shares_quotation,
    source_key,
    source_variants,
)
from claimledger.settings import shipped_settings
from claimledger.store.records import ClaimRecord


def claim(cid: str, content: str, origin: str | None, kind: str = "person") -> ClaimRecord:
    return ClaimRecord(
        id=cid, doc_id=cid, content=content, speaker_name=origin, speaker_kind=kind,
        chain=((origin, kind),) if origin else (), origin=origin, hedged=False,
        verification=None, polarity="affirm", outlet_id=None, outlet=None,
        published="2024-03-01",
    )  # fmt: skip


def test_variants_of_one_name_are_one_source() -> None:
    pairs = [
        ("Hillary Rodham Clinton", "Hillary Clinton"),
        ("Sergey Lavrov", "Siergiej Ławrow"),
        ("Volodymyr Zelenskyy", "Zelensky"),
        ("Reince Priebus", "Rence Priebus"),  # a misspelt given name
        ("Rudy Giuliani", "Giulini"),  # a misspelt surname
        ("House Speaker Paul Ryan", "Paul D. Ryan"),
        ("Kiev", "Kyiv"),
    ]
    for a, b in pairs:
        ka, kb = source_key(a), source_key(b)
        assert ka and kb and same_source(ka, kb), (a, b)


def test_different_people_are_different_sources() -> None:
    for a, b in [("Bill Clinton", "Hillary Clinton"), ("Paul Ryan", "Donald Trump")]:
        ka, kb = source_key(a), source_key(b)
        assert ka and kb and not same_source(ka, kb), (a, b)


def test_pronouns_groups_and_furniture_name_no_one() -> None:
    for text in (
        "he", "I", "officials", "LIVE UPDATES", "foreign policy experts", None,
        "Mayor Klitschko Slams Oleh Bondar Again",  # a title-case headline, not a person
        "Olena",  # a bare first name: a different Olena in every article
    ):  # fmt: skip
        assert source_key(text) is None, text


def test_a_description_containing_a_name_is_not_that_person() -> None:
    person = source_key("Donald Trump")
    for text in ("Trump campaign", "several candidates, including Trump"):
        key = source_key(text)
        assert key is not None and person is not None and not same_source(key, person)


def test_negation_governs_the_words_after_it() -> None:
    assert "decid" in "".join(negated("the council has not yet decided on the budget"))
    assert negated("the council approved the budget") == frozenset()


def test_no_before_a_named_thing_negates_the_thing() -> None:
    """ "No Dutch frigate was hit" negates the frigate, not "Dutch" (a name, skipped), so it
    contradicts "rebels hit a Dutch frigate" and joins no cluster of it."""
    assert negated("no Dutch frigate had been hit") == frozenset({"frigat"})
    hit = claim(
        "a",
        "the rebels had hit a Dutch frigate in the strait with drones",
        "Rebel spokesman Ali Nur",
    )
    denial = claim("b", "no Dutch frigate had been hit", "a Dutch defence official")
    gap, _, blocked = margin(hit, denial, None, None, idf({}, 10))
    assert gap < 0 and blocked


def test_a_claim_and_its_negation_are_never_one_proposition() -> None:
    yes = claim("a", "the council has decided to close the border crossing", "Anna Kowalska")
    no = claim("b", "the council has not decided to close the border crossing", "Ivan Petrenko")
    weights = idf({}, 10)
    gap, sim, blocked = margin(yes, no, None, None, weights)
    assert gap < 0 and blocked and sim > 0.5


def test_a_contradiction_needs_the_terms_a_match_needs() -> None:
    """ "no arrests" says too little to deny "24 arrests in the city"; an exhortation ("let's
    make the city safe again") states nothing to contradict."""
    weights = idf({}, 10)
    tally = claim("a", "there were 24 arrests in the city", "Anna Kowalska")
    none = claim("b", "no arrests", "Ivan Petrenko")
    assert not margin(tally, none, None, None, weights)[2]
    slogan = claim("c", "“And let’s make the city safe again.”", "Anna Kowalska")
    rebuttal = claim("d", "the goal was not to make the city safe again", "Ivan Petrenko")
    assert not margin(slogan, rebuttal, None, None, weights)[2]


def test_a_negated_name_is_no_contradiction() -> None:
    """The negation of citizenship is not the negation of the country both name."""
    weights = idf({}, 10)
    one = claim("a", "most voters back a ban on migrants who are not American citizens", "Poll A")
    two = claim("b", "most voters back a ban on migrants entering American ports", "Poll B")
    assert not margin(one, two, None, None, weights)[2]


def test_near_identical_words_of_two_speakers_need_a_close_restatement() -> None:
    a = claim("a", "I am not ready to back the budget at this point", "Anna Kowalska")
    b = claim("b", "she was not ready to back the budget", "Anna Kowalska")
    c = claim("c", "he was not ready to back the governor", "Ivan Petrenko")
    weights = idf({}, 10)
    assert relation(proposition(a), proposition(b)) == "same"
    assert margin(a, b, None, None, weights)[0] >= 0
    assert relation(proposition(a), proposition(c)) == "different"
    assert margin(a, c, None, None, weights)[0] < 0


def test_an_unnamed_source_needs_closer_wording_than_the_same_named_one() -> None:
    named = claim("a", "the bridge near the port was closed to trucks on Monday", "Ivan Petrenko")
    again = replace(named, id="b", doc_id="b", content="the bridge was closed to trucks")
    unnamed = replace(again, id="c", doc_id="c", origin=None, chain=(), speaker_name=None)
    weights = idf({}, 10)
    same_gap = margin(named, again, None, None, weights)[0]
    unknown_gap = margin(named, unnamed, None, None, weights)[0]
    assert same_gap > unknown_gap


def test_a_source_is_graded_under_all_its_names() -> None:
    names = ["Hillary Rodham Clinton", "Hillary Clinton", "Clinton", "Chelsea Clinton"]

    def tallied(probe: str) -> list[str]:
        return [n for n in names if probe.lower() in n.lower()]

    assert source_variants("Hillary Clinton", tallied) == [
        "Hillary Clinton",
        "Hillary Rodham Clinton",
    ]  # "Clinton" alone could be Chelsea: not merged
    assert source_variants("he", tallied) == []
    names.remove("Chelsea Clinton")
    assert "Clinton" in source_variants("Hillary Clinton", tallied)


def test_two_people_of_one_surname_and_initial_are_two_sources() -> None:
    names = ["Jeff Weaver", "John Weaver", "Siergiej Ławrow", "Sergey Lavrov", "Ihor Klymenko",
             "Igor Klimenko", "Billionaire Yuri Sokol", "Yuri Sokol", "45% of Republicans",
             "Republicans"]  # fmt: skip

    def tallied(probe: str) -> list[str]:
        return names  # every name a candidate: the rule, not the lookup, tells them apart

    assert source_variants("Jeff Weaver", tallied) == ["Jeff Weaver"]
    assert source_variants("Sergey Lavrov", tallied) == ["Sergey Lavrov", "Siergiej Ławrow"]
    assert source_variants("Ihor Klymenko", tallied) == ["Igor Klimenko", "Ihor Klymenko"]
    assert source_variants("Yuri Sokol", tallied) == ["Yuri Sokol"]  # not a run-in headline word
    assert "45% of Republicans" not in source_variants("Republicans", tallied)


def test_poll_shares_and_page_furniture_are_no_source() -> None:
    for origin in [
        "Only 31 percent",
        "nearly two-thirds of Labour voters",
        "Half of Lviv residents",
        "a majority of respondents",
        "9:40 a.m.\n\nBREAKING",
        "Reuters\nMore stories",
    ]:
        assert source_key(origin) is None, origin


def test_only_proper_names_are_independent_lines() -> None:
    for name in ["Hillary Clinton", "the Russian Defence Ministry", "General Staff of Ukraine"]:
        assert names_someone(name), name
    for name in ["Democratic front-runner", "Kremlin-backed media", "Clinton campaign"]:
        assert source_key(name) is not None and not names_someone(name), name
    for name in ["Police", "Exit", "Critics"]:  # a common noun opening a sentence
        assert not names_someone(name), name


def test_two_sources_share_more_than_one_word() -> None:
    """ "I hope so" and "I hope not", "leaning toward Cruz" and "leaning toward Kasich": one
    shared word is no proposition in common, however rare."""
    a = claim("a", "he is leaning toward Kharkiv", "Oleh Sirko")
    b = claim("b", "she is leaning toward Odesa", "Anna Kovalenko")
    weights = idf({"lean": 1}, 1000)
    gap, sim, _ = margin(a, b, None, None, weights)
    assert sim > 0.65 and gap < 0  # close enough by weight, yet one shared word


def test_a_changed_ending_is_another_name() -> None:
    a, b = source_key("Politico"), source_key("Center for Responsive Politics")
    assert a and b and not same_source(a, b)


def test_the_same_words_quoted_again_are_one_statement() -> None:
    """One source's words quoted again months later are one statement; one shared quoted word
    is not (one speaker's remarks on one topic share their words)."""
    from claimledger.analyze.clusters import requoted

    weights = idf({"reckles": 1, "gambl": 1, "bridg": 1}, 5000)
    first = claim("a", 'the plan was "a reckless gamble" with the bridge', "Olena Marchenko")
    again = replace(
        claim("b", 'she called it "a reckless gamble" once more', "Olena Marchenko"),
        published="2024-06-20",
    )
    other = replace(
        claim("c", 'the new levy is "reckless" and unfair', "Olena Marchenko"),
        published="2024-06-20",
    )
    assert requoted(first, again, None, weights)
    assert not requoted(first, other, None, weights)


def test_the_same_quoted_words_under_two_names_are_one_statement_relayed() -> None:
    """Two content words in a row of one quoted sentence, with the same polarity: one statement,
    whoever relays it (the margin then needs only what one source's restatement needs); the
    same words with a negation turned round are not."""
    from claimledger.analyze.proposition import quoted_pairs, shares_quotation

    weights = idf({"dangerous": 1, "neglect": 1}, 5000)
    finding = claim("a", "the depot was “dangerously neglected” for years", "Marta Nowak")
    relay = claim("b", "“the inspector says the depot was dangerously neglected!”", "Petro Bondar")
    turned = claim("c", "“the depot was not dangerously neglected at all”", "Petro Bondar")
    unquoted = claim("d", "the depot was dangerously neglected", "Petro Bondar")
    assert quoted_pairs(finding.content) and not quoted_pairs(unquoted.content)
    assert shares_quotation(finding, relay)
    assert not shares_quotation(finding, turned) and not shares_quotation(finding, unquoted)
    assert relation(proposition(finding), proposition(relay)) == "different"
    assert (
        margin(finding, relay, None, None, weights)[0]
        > margin(finding, unquoted, None, None, weights)[0]
    )


def test_common_words_in_scare_quotes_are_no_relay() -> None:
    """Everyone writing about a war quotes its common phrases; only rare quoted words make two
    sources' claims one statement relayed: rare in English (wordfreq) and in the ledger."""
    from claimledger.analyze.proposition import shares_quotation

    a = claim("a", "the “special operation” in the south went on", "Marta Nowak")
    b = claim("b", "they said the “special operation” had ended", "Petro Bondar")
    assert not shares_quotation(a, b)  # everyday words, however rare in a small ledger
    assert not shares_quotation(a, b, idf({"special": 3, "operat": 4}, 5000))
    for said in ("“getting better”", "“unify the party”", "“law enforcement”"):
        one = claim("c", f"the mayor said it was {said}", "Marta Nowak")
        two = claim("d", f"residents said {said} was the aim", "Petro Bondar")
        assert not shares_quotation(one, two), said
    c = claim("c", "the depot was “dangerously neglected” for years", "Marta Nowak")
    d = claim("d", "the inspector said it was “dangerously neglected”", "Petro Bondar")
    rare = shipped_settings().clusters.rare_quote_idf
    assert shares_quotation(c, d, idf({"dangerous": 3, "neglect": 4}, 5000), rare)
    assert not shares_quotation(c, d, idf({"dangerous": 900, "neglect": 800}, 5000), rare)


def test_two_sources_quoted_alike_months_apart_are_no_relay() -> None:
    """Two sources' claims with the same rare quoted words are one statement relayed at the
    time; months apart they are two people using one phrase (on real reporting "law
    enforcement" or "build a wall" joined unrelated statements from February to August)."""
    from claimledger.analyze.clusters import requoted

    weights = idf({"dangerous": 1, "neglect": 1}, 5000)
    finding = claim("a", "the depot was “dangerously neglected” for years", "Marta Nowak")
    relay = claim("b", "“the inspector says the depot was dangerously neglected!”", "Petro Bondar")
    later = replace(relay, id="c", doc_id="c", published="2024-08-20")
    assert (
        margin(finding, relay, None, None, weights)[0]
        > margin(finding, later, None, None, weights)[0]
    )
    assert not requoted(finding, later, None, weights)


def test_two_words_in_common_do_not_make_one_speaker_quoted_again() -> None:
    """One speaker's stock words ("going to", "see") in two quotations months apart is not one
    statement quoted again; three words in a row of one quotation are."""
    from claimledger.analyze.clusters import requoted

    weights = idf({"going": 2, "see": 2, "happen": 2, "defin": 2}, 5000)
    first = claim("a", "“I'm going to see what happens,” he said", "Donald Trump")
    other = replace(
        claim("b", "“Well, we're going to wait and see, I'll define it tomorrow,”", "Donald Trump"),
        published="2024-07-01",
    )
    again = replace(claim("c", "he said “going to see what happens” again", "Donald Trump"),
                    published="2024-07-01")  # fmt: skip
    assert not requoted(first, other, None, weights)
    assert requoted(first, again, None, weights)


def test_a_contraction_is_no_content_term() -> None:
    """ "I'm" and "don't" are function words: two short quotations of one speaker that share
    only them ("I'm a negotiator", "I'm not changing") share nothing."""
    from claimledger.analyze.terms import terms

    assert terms("I'm sure they don't care, we'll see") == ["sure", "care", "see"]
    assert "o'brien" in terms("Kevin O'Brien")


def test_two_sources_naming_one_place_in_quotes_do_not_quote_each_other() -> None:
    weights = idf({"new": 1, "hampshir": 1, "granit": 1, "quarry": 1, "victory": 1}, 5000)
    one = claim("a", "“I cherish New Hampshire's granite quarries,”", "Ann Kowalski")
    other = claim("b", "“A victory in New Hampshire matters to voters,”", "Bohdan Melnyk")
    rare = shipped_settings().clusters.rare_quote_idf
    assert not shares_quotation(one, other, weights, rare)
    relay = claim("c", "she said she would “cherish New Hampshire's granite”", "Bohdan Melnyk")
    assert shares_quotation(one, relay, weights, rare)  # words around the name: the same quotation


def test_one_speaker_months_apart_is_another_occasion_unless_quoted_again() -> None:
    weights = idf({"border": 5, "close": 5, "wall": 5, "build": 5}, 5000)
    march = claim("a", "“We will close the border and build the wall,”", "Jan Novak")
    june = replace(claim("b", "we must close the border and build a wall", "Jan Novak"),
                   published="2024-06-15")  # fmt: skip
    days_later = replace(june, id="c", doc_id="c", published="2024-03-04")
    assert margin(march, days_later, None, None, weights)[0] >= 0
    assert margin(march, june, None, None, weights)[0] < 0
    again = replace(june, id="d", doc_id="d", content="he repeated: “close the border and build”")
    assert margin(march, again, None, None, weights)[0] >= 0


def test_claims_sharing_only_names_are_not_one_proposition() -> None:
    """Two remarks of one speaker that both name Ted Cruz share a topic, not a statement."""
    weights = idf({"ted": 2, "cruz": 2}, 5000)
    a = claim("a", "the race is now between himself, Donald Trump and Ted Cruz", "Marco Rubio")
    b = claim("b", "“Tonight was supposed to be Ted Cruz’s big night,”", "Marco Rubio")
    assert margin(a, b, None, None, weights)[0] < 0


def test_one_body_in_other_words_and_two_countries_bodies() -> None:
    """Keyed like a person's name (initials, last word), "Russian Defence Ministry" and
    "Ukrainian Defence Ministry" were one source: a Ukrainian denial of a Russian claim then
    read as the claim's own origin taking it back."""

    def same(a: str, b: str) -> bool:
        ka, kb = source_key(a, "government"), source_key(b, "government")
        return ka is not None and kb is not None and same_source(ka, kb)

    assert same("Russian Defence Ministry", "Russia's Ministry of Defence")
    assert same("Russian Ministry of Defense", "Ministry of Defence of Russia")
    assert same("Ukraine's General Staff", "General Staff of the Armed Forces of Ukraine")
    assert not same("Russian Defence Ministry", "Ukrainian Defence Ministry")
    assert not same(
        "Russian Foreign Intelligence Service", "Ukrainian Foreign Intelligence Service"
    )
    assert not same("State Border Service", "State Emergency Service")


def test_stock_words_in_a_row_are_no_statement_said_again() -> None:
    """ "Are going to" in two quotations of one speaker months apart is a habit of speech."""
    from claimledger.analyze.clusters import requoted

    weights = idf({"going": 2, "deal": 2, "upset": 2}, 5000)
    first = claim("a", "“Some people are going to be upset about it,”", "Jan Novak")
    later = replace(claim("b", "“We are going to make the deals,”", "Jan Novak"),
                    published="2024-06-01")  # fmt: skip
    assert not requoted(first, later, None, weights)
    again = replace(later, content="“people are going to be upset”, he had said")
    assert requoted(first, again, None, weights)


def test_supporters_of_someone_are_not_that_someone() -> None:
    key = source_key("Supporters of Republican Donald Trump for president")
    trump = source_key("Donald Trump")
    assert key is not None and trump is not None and not same_source(key, trump)


def test_a_contraction_in_a_quotation_is_one_everyday_word() -> None:
    """ "don't" split as "don" and "t" made "I don't want" look rare ("Don" is a name)."""
    from claimledger.analyze.clusters import requoted

    weights = idf({"want": 2, "money": 2, "understand": 2}, 5000)
    first = claim("a", "“What I don’t want is their advice,”", "Jan Novak")
    later = replace(claim("b", "“They’re booing because I don’t want their money,”", "Jan Novak"),
                    published="2024-06-01")  # fmt: skip
    assert not requoted(first, later, None, weights)


def test_a_capitalised_slogan_is_not_a_name() -> None:
    """ "Pay-to-Play" is a phrase written with capitals: its words are what a claim says,
    not names two claims happen to share; "Jean-Claude" stays a name."""
    from claimledger.analyze.proposition import name_terms

    assert not name_terms("they called it a Pay-to-Play scheme")
    assert name_terms("they met Jean-Claude Juncker")


def test_a_slogan_padded_by_its_article_is_no_statement_said_again() -> None:
    """ "a political revolution" in two speeches months apart is a slogan, not one statement."""
    from claimledger.analyze.clusters import requoted

    weights = idf({"revolution": 2, "nothing": 2, "began": 2}, 5000)
    first = claim("a", "“What began here is the start of a political revolution,”", "Jan Novak")
    later = replace(claim("b", "“Nothing will change without a political revolution,”",
                          "Jan Novak"), published="2024-06-01")  # fmt: skip
    assert not requoted(first, later, None, weights)


def test_a_body_named_with_no_state_may_be_the_one_named_with_it() -> None:
    """ "the General Staff" (a wire's second mention) and "Ukraine's General Staff": one source
    or two, unknown; two states' general staffs are two sources."""
    from claimledger.analyze.proposition import proposition, relation

    def said(cid: str, origin: str) -> ClaimRecord:
        return claim(cid, "at least four fuel tanks caught fire at the depot", origin)

    unplaced, placed = said("a", "General Staff"), said("b", "Ukraine's General Staff")
    other = said("c", "Russia's General Staff")
    assert relation(proposition(unplaced), proposition(placed)) == "unknown"
    assert relation(proposition(placed), proposition(other)) == "different"
    ukrainian = said("d", "Ukrainian General Staff")
    assert relation(proposition(placed), proposition(ukrainian)) == "same"


def test_military_ranks_are_titles_and_us_is_the_country() -> None:
    """'Brigadier General Saree' is the Saree an article names in full; 'the US military' is a
    source (the country), not the pronoun 'us'."""
    from claimledger.analyze.proposition import same_source, source_key

    ranked, full = source_key("Brigadier General Saree"), source_key("Yahya Saree")
    assert ranked is not None and full is not None and same_source(ranked, full)
    assert source_key("the US military") is not None
    assert source_key("us") is None


def test_a_state_and_its_organ_are_one_source_when_clustering() -> None:
    """'Russia' (or 'Moscow', 'the Kremlin', as the ledger names a state: '@RU') and 'Russia's
    Defence Ministry' are the government speaking, one line; the ministry of another state is
    not, nor are two organs of one state by this rule."""
    from claimledger.analyze.proposition import Proposition, relation, source_key

    def said(key: object) -> Proposition:
        return Proposition(key, (), frozenset(), frozenset())  # type: ignore[arg-type]

    state = said((None, "@RU"))
    organ = said(source_key("Russia's Defence Ministry"))
    other = said(source_key("Ukraine's Defence Ministry"))
    foreign = said(source_key("Russia's Foreign Ministry"))
    assert relation(state, organ) == "same"
    assert relation(organ, state) == "same"
    assert relation(state, other) == "different"
    assert relation(organ, foreign) == "different"
    think_tank = said(source_key("Center for American Progress"))  # "American": no organ
    assert relation(said((None, "@US")), think_tank) == "different"


def test_an_organisation_word_alone_names_no_one() -> None:
    """'Group' (what the tagger kept of 'the Group for the Support of Islam and Muslims'),
    'Ministry', 'Government': a capitalised common noun is no independent line of reporting."""
    from claimledger.analyze.proposition import names_someone

    for word in ("Group", "Ministry", "Government", "Committee", "Militia"):
        assert not names_someone(word)
    assert names_someone("Wagner Group")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Latvia's military", "Latvian Armed Forces"),
        ("Latvian army", "Latvian military"),
        ("Polish border guards", "Polish Border Guard"),
        ("Regional prosecutors", "Kharkiv Regional Prosecutor's Office"),
    ],
)
def test_one_body_by_its_other_names(a: str, b: str) -> None:
    """A state's military by any of its names, a body by its members: one source."""
    ka, kb = source_key(a, "military"), source_key(b, "military")
    assert ka is not None and kb is not None and same_source(ka, kb)


def test_the_militaries_of_two_states_are_two_bodies() -> None:
    ka, kb = source_key("Latvian military", "military"), source_key("Lithuanian army", "military")
    assert ka is not None and kb is not None and not same_source(ka, kb)
