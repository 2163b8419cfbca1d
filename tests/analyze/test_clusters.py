"""Claim similarity: places count as one term however they are spelled."""

from __future__ import annotations

from dataclasses import replace

import pytest

from claimledger.analyze.clusters import claim_terms, similarity
from claimledger.analyze.terms import terms
from claimledger.store.records import ClaimRecord


def claim(cid: str, content: str, spelled: tuple[tuple[str, str], ...]) -> ClaimRecord:
    return ClaimRecord(
        id=cid, doc_id=cid, content=content, speaker_name=None, speaker_kind="unspecified",
        chain=(), origin=None, hedged=False, verification=None, polarity="affirm",
        outlet_id=None, outlet=None, published="2025-10-01",
        mentions=tuple(name for _, name in spelled), spelled=spelled,
    )  # fmt: skip


def test_spellings_of_one_place_are_one_term() -> None:
    a = claim("a", "troops captured Kurakhove", (("Kurakhove", "Kurakhove"),))
    b = claim("b", "troops captured Kurakhovo", (("Kurakhovo", "Kurakhove"),))
    assert claim_terms(a) == claim_terms(b)  # the place's own name, however written
    assert similarity(a, b, {}) > similarity(a, claim("c", "troops captured Kurakhovo", ()), {})


def test_a_place_resolved_in_one_claim_and_not_in_another_is_one_term() -> None:
    """ "in the Klintsy district" was left unresolved where "near Klintsy" was resolved: the
    one claim had the word, the other a place term, and they shared no place at all."""
    a = claim("a", "drones hit a substation near Klintsy", (("Klintsy", "Klintsy"),))
    b = claim("b", "drones hit a substation in the Klintsy district", ())
    assert set(claim_terms(a)) - {"near"} <= set(claim_terms(b))


def test_a_claim_without_places_keeps_its_words() -> None:
    c = claim("c", "the fleet repelled an attack", ())
    assert claim_terms(c) == terms(c.content)


def _with_figure(cid: str, content: str, value: float, start: str, end: str) -> ClaimRecord:
    from dataclasses import replace

    from claimledger.store.records import QuantityRecord

    q = QuantityRecord(f"{cid}:q1", cid, f"{value:g}", value, None, None, False, None,
                       "civilians killed", start, end, None)  # fmt: skip
    return replace(claim(cid, content, ()), quantities=(q,))


def test_an_event_and_the_weeks_tally_are_two_propositions() -> None:
    event = _with_figure("a", "a drone killed 14 civilians in Okhtyrka", 14, "2025-11-13",
                         "2025-11-13")  # fmt: skip
    tally = _with_figure("b", "drones killed 11 civilians in Okhtyrka", 11, "2025-11-10",
                         "2025-11-16")  # fmt: skip
    other_report = _with_figure("c", "drones killed 11 civilians in Okhtyrka", 11, "2025-11-13",
                                "2025-11-13")  # fmt: skip
    assert similarity(event, tally, {}) < similarity(event, other_report, {})


def test_a_claim_joins_the_cluster_it_matches_by_the_widest_margin() -> None:
    from claimledger.analyze.clusters import choose

    near = (0.10, 0.40, "k1")  # (margin over what its sources need, similarity, cluster)
    nearer = (0.30, 0.95, "k2")
    assert choose([near, nearer]) == choose([nearer, near])
    found = choose([near, nearer])
    assert found is not None and found.cluster_id == "k2"
    assert choose([(-0.01, 0.64, "k3")]) is None  # short of what its sources need


def test_claims_are_indexed_by_the_figures_they_state() -> None:
    from claimledger.analyze.clusters import value_keys

    swap = _with_figure("a", "the two sides swapped 212 prisoners", 212, "2026-02-03", "2026-02-03")
    small = _with_figure("b", "three drones were downed", 3, "2026-02-03", "2026-02-03")
    assert value_keys(swap) == ["#212"]
    assert value_keys(small) == []  # small figures are too common to find a claim by


def test_claims_each_naming_a_different_place_are_not_the_same_claim() -> None:
    a = claim("a", "three people were wounded in the attack on Romny", (("Romny", "Romny"),))
    b = claim("b", "three people were wounded in the attack on Putyvl", (("Putyvl", "Putyvl"),))
    same = claim("c", "three people were hurt in the attack on Romny", (("Romny", "Romny"),))
    assert similarity(a, b, {}) <= 0.0
    assert similarity(a, same, {}) > 0.5


def test_number_words_are_not_terms() -> None:
    counted = terms("two men were detained with three drones")
    assert counted == terms("men were detained with drones")


def test_a_small_figure_in_common_is_no_sign_of_one_claim() -> None:
    from dataclasses import replace

    from claimledger.store.records import QuantityRecord

    def counting(c: ClaimRecord, what: str) -> ClaimRecord:
        q = QuantityRecord(f"{c.id}:q1", c.id, "two", 2.0, None, None, False, None, what,
                           None, None, None)  # fmt: skip
        return replace(c, quantities=(q,))

    detained = counting(claim("a", "agents detained two residents near the depot", ()),
                        "residents detained")  # fmt: skip
    downed = counting(claim("b", "drones downed two aircraft near the depot", ()), "aircraft")
    plain = claim("c", "drones downed two aircraft near the depot", ())
    assert similarity(detained, downed, {}) == similarity(detained, plain, {})
    also_residents = counting(claim("d", "two residents were held near the depot", ()),
                              "residents held")  # fmt: skip
    assert similarity(detained, also_residents, {}) > similarity(
        detained, replace(also_residents, quantities=()), {}
    )


def test_american_is_us() -> None:
    assert terms("U.S. officials said") == terms("American officials said")


def _said(cid: str, doc: str, content: str, origin: str = "Halyna Moroz") -> ClaimRecord:
    from dataclasses import replace

    return replace(claim(cid, content, ()), doc_id=doc, origin=origin, speaker_name=origin)


def test_one_shared_word_of_one_speaker_is_not_one_proposition() -> None:
    from claimledger.analyze.clusters import margin

    short = _said("a", "d1", "I hope to.")
    other = _said("b", "d2", "we hope that the new governor will visit the flooded villages soon")
    assert margin(short, other, None, None, {})[0] < 0


def test_the_same_short_quotation_of_one_speaker_is_one_proposition() -> None:
    from claimledger.analyze.clusters import margin

    a = _said("a", "d1", '"There are no such orders,"')
    b = _said("b", "d2", '"There are no such orders, and there will be none,"')
    assert margin(a, b, None, None, {})[0] >= 0


def test_a_claim_joins_a_cluster_holding_its_own_article_only_to_restate() -> None:
    from claimledger.analyze.clusters import _restates_own
    from claimledger.analyze.proposition import proposition

    toll = _said("a1", "d1", "the death toll from the strike on the market has risen to 40")
    elsewhere = _said("b1", "d2", "the strike on the market killed 40 people")
    injured = _said("a2", "d1", "more than 70 people were injured and taken to city hospitals")
    again = _said("a3", "d1", "the death toll from the market strike has now risen to 40")
    cluster = [toll, elsewhere]
    assert not _restates_own(injured, cluster, proposition(injured), {}, None)
    assert _restates_own(again, cluster, proposition(again), {}, None)
    assert _restates_own(injured, [elsewhere], proposition(injured), {}, None)  # none of its own
    other_side = _said("c1", "d1", "the strike hit an ammunition depot", origin="Ivan Petrov")
    assert _restates_own(other_side, cluster, proposition(other_side), {}, None)  # another source


def test_two_whole_quotations_of_one_speaker_without_words_in_common_are_two_statements() -> None:
    """Two sentences of one speech quoted in two articles share a topic word ("curfew"), not a
    statement; a paraphrase of one of them, or the same words quoted again, may still match."""
    from claimledger.analyze.clusters import margin

    one = _said("a", "d1", '"The curfew in Kherson stays, and nobody should doubt that,"')
    two = _said("b", "d2", '"A curfew is never popular in Kherson, I know that very well."')
    assert margin(one, two, None, None, {})[0] < 0
    again = _said("c", "d3", '"The curfew in Kherson stays," she insisted on Monday.')
    assert margin(one, again, None, None, {})[0] >= 0
    paraphrase = _said("d", "d4", "the curfew in Kherson would stay")
    assert margin(one, paraphrase, None, None, {})[0] >= 0


def test_two_sources_sharing_a_name_and_one_word_are_not_one_proposition() -> None:
    """An unattributed report that a mayor is considering a run and a wish that he run share
    the name and "run": a topic. The same source needs less (its words about one thing)."""
    from dataclasses import replace

    from claimledger.analyze.clusters import margin

    unattributed = _said("a", "d1", "Bondar is considering a run")
    report = replace(unattributed, origin=None, speaker_name=None)
    wish = _said("b", "d2", '"I want Bondar to run,"', "Oleh Moroz")
    gap, sim, _ = margin(report, wish, None, None, {})
    assert sim >= 0.5 and gap < 0  # close wording, but only the name and one word in common
    again = _said("c", "d3", "Bondar is considering a run", "Oleh Moroz")
    assert margin(again, wish, None, None, {})[0] >= 0


def test_two_sources_stating_the_same_figure_need_only_one_word_besides_names() -> None:
    """ "The bodies of 1,000 soldiers were returned to Ukraine" / "Russia handed over 1,000
    bodies": the names, one word and the same figure are one proposition."""
    from claimledger.analyze.clusters import margin

    a = _with_figure("a", "on Friday Ukraine received 1,000 bodies from Russia", 1000,
                     "2025-02-13", "2025-02-13")  # fmt: skip
    b = _with_figure("b", "Russia handed 1,000 bodies to Ukraine", 1000,
                     "2025-02-13", "2025-02-13")  # fmt: skip
    a = replace(a, doc_id="d1", origin="Coordination Headquarters", speaker_name="HQ")
    b = replace(b, doc_id="d2", origin="Vladimir Medinsky", speaker_name="Vladimir Medinsky")
    assert margin(a, b, None, None, {})[0] >= 0
    other = replace(b, quantities=())  # the same words without the figure: a topic
    assert margin(a, other, None, None, {})[0] < 0


def test_a_vague_amount_in_common_is_no_same_figure() -> None:
    """ "tens of millions of dollars" in two claims about different people: an order of
    magnitude, not the same figure (it gave a false "corroborated" on real reporting)."""
    from claimledger.analyze.clusters import _same_value, value_keys
    from claimledger.store.records import QuantityRecord

    def vague_amount(cid: str, content: str) -> ClaimRecord:
        q = QuantityRecord(f"{cid}:q1", cid, "tens of millions", 1e7, 1e7, 9e7, True, None,
                           "dollars", None, None, None)  # fmt: skip
        return replace(claim(cid, content, ()), quantities=(q,))

    a = vague_amount("a", "the mayor took tens of millions of dollars from donors")
    b = vague_amount("b", "the governor raised tens of millions of dollars for the fund")
    assert not _same_value(a, b)
    assert value_keys(a) == []


def _on(record: ClaimRecord, day: str) -> ClaimRecord:
    return replace(record, published=day)


def test_one_speakers_words_reported_again_weeks_later_in_close_wording_are_one_statement() -> None:
    """Weeks apart, one speaker's claim restated around the same quoted words ("grossly
    negligent") is the statement reported again; the same quoted words in other wording are a
    habit of the speaker, and close wording with no quoted words in common another occasion."""
    from claimledger.analyze.clusters import margin

    first = _on(_said("a", "d1", 'the ministry had been "grossly negligent in how it kept the '
                'flood records" of the northern districts'), "2026-03-02")  # fmt: skip
    again = _on(_said("b", "d2", 'the ministry was "grossly negligent" in how it kept the '
                "flood records of the northern districts"), "2026-03-30")  # fmt: skip
    assert margin(first, again, None, None, {})[0] >= 0
    habit = _on(_said("c", "d3", 'the "grossly negligent" governor should resign before the '
                "winter session"), "2026-03-30")  # fmt: skip
    assert margin(first, habit, None, None, {})[0] < 0
    unquoted = _on(_said("d", "d4", "the ministry had been negligent in how it kept the flood "
                   "records of the northern districts"), "2026-03-30")  # fmt: skip
    assert margin(first, unquoted, None, None, {})[0] < 0
    same_week = _on(unquoted, "2026-03-05")
    assert margin(first, same_week, None, None, {})[0] >= 0


def test_two_quotations_sharing_only_everyday_words_are_two_statements() -> None:
    from claimledger.analyze.clusters import _two_quotations

    talks = _said("a", "d1", '"We will know soon whether or not the talks resume,"')
    ferry = _said("b", "d2", '"Whether or not they like it, the ferry sails at noon,"')
    assert _two_quotations(talks, ferry, 3)  # "whether or not": anyone's words
    plain = _said("c", "d3", '"I am just not ready to do that at this point,"')
    again = _said("d", "d4", '"Well, I am just not ready to do that at this point, frankly,"')
    assert not _two_quotations(plain, again, 3)  # plain words, but one sentence said again


def test_a_short_quotation_quoted_again_whole_is_one_statement() -> None:
    from claimledger.analyze.clusters import _two_quotations

    one = _said("a", "d1", '"It is a long road."')
    again = _said("b", "d2", '"It is a long road."')
    inside = _said("c", "d3", '"We are tired. It is a long road, and we knew it,"')
    assert not _two_quotations(one, again, 3)
    assert not _two_quotations(one, inside, 3)


def _placed(
    cid: str, content: str, named: tuple[str, ...], article: tuple[str, ...]
) -> ClaimRecord:
    """A claim naming ``named`` itself, in an article naming ``article`` (its places are the
    article's when it names none)."""
    spelled = tuple((n, n) for n in named)
    return replace(claim(cid, content, spelled), mentions=named or article)


def test_places_inherited_from_articles_naming_many_are_no_evidence() -> None:
    many = ("Orlando", "Paris", "Brussels", "Beirut", "London")
    a = _placed("a", "it was a hate crime and an act of terror", (), many)
    b = _placed(
        "b", "it was a hate crime, not an act of terror", (), ("Orlando", "Vero Beach", "Miami")
    )
    unplaced = replace(b, mentions=())
    assert similarity(a, b, {}) == similarity(a, unplaced, {})


def test_a_place_one_claim_names_or_two_focused_articles_share_counts() -> None:
    named = _placed("a", "drones hit the power station in Okhtyrka", ("Okhtyrka",), ())
    inherited = _placed("b", "drones hit the power station", (), ("Okhtyrka", "Sumy", "Kyiv"))
    elsewhere = replace(inherited, mentions=())
    assert similarity(named, inherited, {}) > similarity(named, elsewhere, {})
    one = _placed("c", "the bridge was shelled overnight", (), ("Kherson",))
    other = _placed("d", "the bridge was shelled again overnight", (), ("Kherson",))
    assert similarity(one, other, {}) > similarity(one, replace(other, mentions=()), {})


def test_places_only_their_articles_name_part_two_claims_less_than_places_they_name() -> None:
    from claimledger.settings import shipped_settings

    rules = shipped_settings().clusters
    words = "the decoy was probably a cheap plywood drone"
    one = _placed("a", words, (), ("Riga", "Daugavpils"))
    other = _placed("b", words, (), ("Lublin", "Brussels"))
    unplaced = replace(other, mentions=())
    inherited_gap = similarity(one, unplaced, {}) - similarity(one, other, {})
    assert inherited_gap == pytest.approx(rules.place_penalty_unnamed)
    named_one = _placed("c", words + " over Riga", ("Riga",), ())
    named_other = _placed("d", words + " over Lublin", ("Lublin",), ())
    bare = replace(named_other, mentions=())
    named_gap = similarity(named_one, bare, {}) - similarity(named_one, named_other, {})
    assert named_gap >= rules.place_penalty > inherited_gap


def test_a_demand_and_a_statement_of_two_sources_are_two_propositions() -> None:
    from claimledger.analyze.clusters import margin

    intent = _said("a", "d1", "he will step down from running the charity if his wife wins",
                   origin="Oleh Moroz")  # fmt: skip
    demand = _said("b", "d2", "Mr. Moroz should step down from running the charity",
                   origin="Kyiv Post")  # fmt: skip
    again = _said("c", "d2", "Mr. Moroz will step down from running the charity if she wins",
                  origin="Kyiv Post")  # fmt: skip
    assert margin(intent, demand, None, None, {})[0] < 0
    assert margin(intent, again, None, None, {})[0] >= 0


def test_the_enemy_of_two_sources_is_two_armies() -> None:
    """ "The enemy lost 350 servicemen" from Moscow and from Kyiv counts two armies' losses:
    between two sources such words never make one proposition; one source saying it again
    in close wording may."""
    from claimledger.analyze.clusters import explain_margin

    moscow = _said("a", "d1", "the enemy lost 350 servicemen near Kurakhove over the past day",
                   origin="Ministry of Defence of Russia")  # fmt: skip
    kyiv = _said("b", "d2", "the enemy lost 350 servicemen near Kurakhove over the past day",
                 origin="Viktor Trehubov")  # fmt: skip
    assert explain_margin(moscow, kyiv, None, None, {})[3] == "the speaker's side"
    again = _said("c", "d2", "the enemy lost 350 servicemen near Kurakhove in the past day",
                  origin="Ministry of Defence of Russia")  # fmt: skip
    assert explain_margin(moscow, again, None, None, {})[0] >= 0
    ours = _said("d", "d3", "our forces repelled the assault near Kurakhove over the past day",
                 origin="Viktor Trehubov")  # fmt: skip
    theirs = replace(ours, id="e", doc_id="d4", origin="Ministry of Defence of Russia",
                     speaker_name="Ministry of Defence of Russia")  # fmt: skip
    assert explain_margin(ours, theirs, None, None, {})[3] == "the speaker's side"


def test_a_noun_in_ness_meets_its_adjective() -> None:
    """ "extreme carelessness" and "extremely careless" are one wording; a word ending in
    "ss" is no plural ("careless", "congress", "business" keep their last letter)."""
    from claimledger.analyze.terms import stem

    assert stem("carelessness") == stem("careless")
    assert stem("weaknesses") == stem("weakness")
    assert stem("congress") == "congress"
    assert stem("business") == "busi"  # one suffix off, never the plural "s" of "ss"
    assert stem("liberated") == stem("liberation")  # the old suffixes still work


def test_a_country_of_two_words_is_one_term() -> None:
    """ "the United States" is "U.S." ("american"), not "unit" and the verb "state"; a country
    and its demonym stay two terms (folding them merged topics on the 840 PolNeAR articles)."""
    from claimledger.analyze.terms import terms

    assert terms("the United States will send tanks") == terms("the U.S. will send tanks")
    assert terms("the United Kingdom") == ["british"]
    assert "syrian" not in terms("refugees coming from Syria")


def test_a_paraphrase_with_the_noun_of_an_adjective_is_one_proposition() -> None:
    from claimledger.analyze.clusters import margin

    one = _said("a", "d1", "the minister was extremely careless with the classified files",
                origin="Inspector General")  # fmt: skip
    two = _said("b", "d2", "the minister showed extreme carelessness with classified files",
                origin="Inspector General")  # fmt: skip
    assert margin(one, two, None, None, {})[0] >= 0


def test_the_margin_names_the_rule_that_kept_two_claims_apart() -> None:
    from claimledger.analyze.clusters import explain_margin, margin

    intent = _said("a", "d1", "he will step down from running the charity if his wife wins",
                   origin="Oleh Moroz")  # fmt: skip
    demand = _said("b", "d2", "Mr. Moroz should step down from running the charity",
                   origin="Kyiv Post")  # fmt: skip
    gap, sim, blocked, why = explain_margin(intent, demand, None, None, {})
    assert why == "obligation" and gap < 0
    assert (gap, sim, blocked) == margin(intent, demand, None, None, {})
    again = _said("c", "d2", "Mr. Moroz will step down from running the charity if she wins",
                  origin="Kyiv Post")  # fmt: skip
    assert explain_margin(intent, again, None, None, {})[3].startswith("similarity")


def test_a_denial_in_the_claims_own_terms_is_linked_not_merged() -> None:
    from claimledger.analyze.clusters import denies
    from claimledger.analyze.proposition import proposition

    stated = claim("a", "Russian forces have captured the village of Novoselivka in the east",
                   (("Novoselivka", "Novoselivka"),))  # fmt: skip
    stated = replace(stated, origin="Russian Defence Ministry")
    denial = replace(
        claim("b", "Novoselivka had been captured", ()), origin="General Staff", polarity="deny"
    )
    own = replace(denial, origin="Russian Defence Ministry")
    elsewhere = replace(denial, content="Kupiansk had been captured")
    pa = proposition(stated)
    assert denies(stated, denial, pa, proposition(denial))
    assert not denies(stated, own, pa, proposition(own))  # never denied by its own origin
    assert not denies(stated, elsewhere, pa, proposition(elsewhere))


def test_everyday_words_alone_are_no_proposition_two_sources_share() -> None:
    """Two sources quoted with "I've never seen anything" share only everyday words (on the
    840 a rabbi on ISIS and an adviser on a debt crisis were one cluster); the same words as
    the whole of both claims (a poll finding, "she did nothing wrong") stay one proposition."""
    from dataclasses import replace

    from claimledger.analyze.clusters import explain_margin

    def said(cid: str, text: str, who: str) -> ClaimRecord:
        return replace(claim(cid, text, ()), speaker_name=who, chain=((who, "person"),),
                       origin=who)  # fmt: skip

    a = said("a", "“I've never seen anything like this militia since the war,”", "Ivan Tkach")
    b = said("b", "“I've never seen anything as complicated as this budget,”", "Olena Marchenko")
    assert explain_margin(a, b, None, None, {})[3] == "everyday words only"
    c = said("c", "she did nothing wrong", "Orbita poll")
    d = said("d", "she did nothing wrong", "Polaris poll")
    assert explain_margin(c, d, None, None, {})[3] != "everyday words only"


def test_two_tolls_of_one_count_are_two_propositions() -> None:
    """'The toll rose to 12' and 'the toll rose to 23': two statements of a rising count, each a
    cluster of its own (the figure checks compare them); the same number in other words, or a
    bound and the number it bounds, may be one."""
    from claimledger.analyze.clusters import explain_margin, other_figures

    def told(cid: str, text: str, value: float, bound: str | None = None) -> ClaimRecord:
        from claimledger.store.records import QuantityRecord

        q = QuantityRecord(f"{cid}:q1", cid, text, value, None, None, bound is not None, None,
                           "people killed", None, None, None, bound)  # fmt: skip
        return replace(claim(cid, f"the strike on the market killed {text} people", ()),
                       speaker_name="Regional governor", origin="Regional governor",
                       speaker_kind="person", quantities=(q,))  # fmt: skip

    twelve, later = told("a", "12", 12), told("b", "23", 23)
    assert other_figures(twelve, later)
    assert explain_margin(twelve, later, None, None, {})[3] == "other figures"
    assert not other_figures(told("c", "more than 28,000", 28000, "at_least"),
                             told("d", "at least 28,064", 28064, "at_least"))  # fmt: skip
    assert not other_figures(twelve, told("e", "twelve", 12))
    assert other_figures(told("f", "at least 28,064", 28064, "at_least"),
                         told("g", "more than 28,500", 28500, "at_least"))  # fmt: skip
    assert other_figures(told("h", "17,120", 17120), told("i", "almost 18,000", 18000, "at_most"))
    assert not other_figures(told("j", "1,315", 1315), told("k", "more than 1,300", 1300,
                                                            "at_least"))  # fmt: skip
    assert not other_figures(twelve, replace(later, quantities=()))  # no figure: no conflict


def test_tallies_to_date_and_next_day_reports_are_one_time() -> None:
    """ "since January" said on June 5 and June 6 is one tally; to June 13 it is another; the
    same count for one night reported on that day and the next is one event."""
    from claimledger.analyze.clusters import other_figures
    from claimledger.store.records import QuantityRecord

    def tally(cid: str, text: str, value: float, start: str, end: str,
              bound: str | None = None) -> ClaimRecord:  # fmt: skip
        q = QuantityRecord(f"{cid}:q1", cid, text, value, None, None, bound is not None, None,
                           "attempts", start, end, None, bound)  # fmt: skip
        return replace(claim(cid, f"there had been {text} attempts to cross the border", ()),
                       quantities=(q,))  # fmt: skip

    june5 = tally("a", "about 17,500", 17500, "2024-01-01", "2024-06-05")
    june6 = tally("b", "more than 17,000", 17000, "2024-01-01", "2024-06-06", "at_least")
    june13 = tally("c", "almost 18,000", 18000, "2024-01-01", "2024-06-13", "at_most")
    assert not other_figures(june5, june6)  # a bound just under the figure, one tally to date
    assert other_figures(june5, june13)  # a week later: another tally
    night = tally("d", "87", 87, "2025-10-05", "2025-10-05")
    again = tally("e", "87", 87, "2025-10-06", "2025-10-06")
    later = tally("f", "87", 87, "2025-10-09", "2025-10-09")
    assert not other_figures(night, again)
    assert other_figures(night, later)


def test_figures_of_periods_that_do_not_meet_are_two_propositions() -> None:
    from claimledger.analyze.clusters import _part_and_whole
    from claimledger.store.records import QuantityRecord

    def counted(cid: str, what: str, start: str, end: str) -> ClaimRecord:
        q = QuantityRecord(f"{cid}:q1", cid, "186", 186.0, None, None, False, None, what,
                           start, end, None)  # fmt: skip
        return replace(claim(cid, "people tried to cross the border illegally", ()),
                       quantities=(q,))  # fmt: skip

    friday = counted("a", "people tried", "2024-06-07", "2024-06-07")
    year = counted("b", "attempts", "2024-01-01", "2024-06-06")
    assert _part_and_whole(friday, year)


def _counting(cid: str, doc: str, content: str, text: str, value: float, what: str,
              origin: str = "Air Command South") -> ClaimRecord:  # fmt: skip
    from claimledger.store.records import QuantityRecord

    q = QuantityRecord(f"{cid}:q1", cid, text, value, None, None, False, None, what,
                       None, None, None)  # fmt: skip
    return replace(_said(cid, doc, content, origin), quantities=(q,))


def test_one_sources_exact_figure_counts_as_a_word_in_common() -> None:
    """ "40,000 more conscripts would be drafted" and "the army would call up 40,000 men": one
    word in common, and one figure stated exactly, by one source, are as telling as two words;
    a figure close but not equal (a toll to date one day and the next) is not."""
    from claimledger.analyze.clusters import _one_figure, explain_margin

    drafted = _counting(
        "a",
        "d1",
        "40,000 more conscripts would be drafted in the spring",
        "40,000",
        40000,
        "conscripts drafted",
        origin="Defence Minister Vella",
    )
    mobilised = _counting(
        "b",
        "d2",
        "40,000 conscripts will be mobilised",
        "40,000",
        40000,
        "conscripts mobilised",
        origin="Defence Minister Vella",
    )
    assert _one_figure(drafted, mobilised)
    assert explain_margin(drafted, mobilised, None, None, {})[3] != "few shared terms"
    close = replace(mobilised, quantities=(replace(mobilised.quantities[0], value=40500.0),))
    assert not _one_figure(drafted, close)
    unstated = replace(mobilised, quantities=())
    assert explain_margin(drafted, unstated, None, None, {})[3] == "few shared terms"
    elsewhere = _counting("c", "d3", "40,000 conscripts will be drafted", "40,000", 40000,
                          "conscripts drafted", origin="Opposition MP Darra")  # fmt: skip
    assert explain_margin(drafted, elsewhere, None, None, {})[3] == "few shared terms"


def test_counts_of_one_kind_of_thing_that_differ_are_two_statements() -> None:
    """ "90 missiles and drones were launched overnight" and "more than 4,100 drones were
    launched this year" count drones in both: one source's two counts, two propositions,
    though the extractor named only the first thing the night's figure counts; the same
    figure again is no conflict."""
    from claimledger.analyze.clusters import other_figures

    night = _counting(
        "a",
        "d1",
        "90 missiles and drones were launched at the region overnight",
        "90",
        90,
        "missiles launched",
    )
    year = _counting(
        "b",
        "d2",
        "more than 4,100 drones were launched at the region this year",
        "more than 4,100",
        4100,
        "drones launched",
    )
    assert other_figures(night, year)
    again = _counting(
        "c",
        "d3",
        "90 missiles and drones were fired at the region in the night",
        "90",
        90,
        "missiles fired",
    )
    assert not other_figures(night, again)
    tanks = _counting(
        "d",
        "d4",
        "more than 4,100 tanks were lost this year",
        "more than 4,100",
        4100,
        "tanks lost",
    )
    assert not other_figures(night, tanks)
    battalion = _counting(
        "e", "d5", "52 servicemen of a marine battalion gave themselves up", "52", 52, "servicemen"
    )
    marines = _counting("f", "d6", "about 50 marines gave themselves up", "about 50", 50, "marines")
    assert not other_figures(battalion, marines)  # close enough to be one count


def test_a_claim_called_false_is_rebutted_not_restated() -> None:
    """ "Claims that an air-defence missile hit the block were false" states the words of the
    claim it rejects: linked as its rebuttal (blocked), never merged with it."""
    from claimledger.analyze.clusters import explain_margin

    claim = _said("a", "d1", "an air-defence missile of the city's own hit the apartment block",
                  origin="Foreign Ministry spokeswoman Vera Lund")  # fmt: skip
    rebuttal = _said("b", "d2", "claims that an air-defence missile of the city's own hit the "
                     "apartment block were false", origin="Mayor Ivan Sorel")  # fmt: skip
    gap, _, blocked, why = explain_margin(claim, rebuttal, None, None, {})
    assert (why, blocked) == ("rejection", True) and gap < 0
    again = _said("c", "d3", "an air-defence missile of the city's own hit the apartment block "
                  "on Monday", origin="Foreign Ministry spokeswoman Vera Lund")  # fmt: skip
    assert explain_margin(claim, again, None, None, {})[3] != "rejection"


def test_two_sides_accusing_each_other_contest_and_do_not_merge() -> None:
    """ "Azerbaijani forces opened fire first at Armenian positions" and "Armenian forces opened
    fire first": two sources, the other side acting; they contest each other. A passive agent
    ("launched by Russia") or a place ("over Kyiv") is no acting side."""
    from claimledger.analyze.clusters import explain_margin
    from claimledger.analyze.proposition import sides_named

    yerevan = _said("a", "d1", "Azerbaijani forces opened fire first at Armenian positions near "
                    "the pass", origin="Ministry of Defense of Armenia")  # fmt: skip
    baku = _said("b", "d2", "Armenian forces opened fire first at positions near the pass",
                 origin="Azerbaijani Defense Ministry")  # fmt: skip
    gap, _, blocked, why = explain_margin(yerevan, baku, None, None, {})
    assert why == "the other side acts" and blocked and gap < 0
    assert sides_named("52 drones launched by Russia were downed, most over Kyiv") == ("RU",)
    assert sides_named("Ukrainian units shelled Russian positions") == ("UA", "RU")
    # one exchange told by each side: what was done to each side's men, no accusation
    theirs = _said(
        "c",
        "d3",
        "205 Russian servicemen were returned from captivity in exchange "
        "for 205 Ukrainian prisoners",
        origin="Ministry of Defence of Russia",
    )
    ours = _said("d", "d4", "205 Ukrainian defenders have returned home from captivity in the "
                 "exchange", origin="Coordination Headquarters")  # fmt: skip
    assert explain_margin(theirs, ours, None, None, {})[3] != "the other side acts"


def test_words_that_only_hedge_a_figure_are_not_terms() -> None:
    """ "several hours", "at least 5", "nearly 40", "between 2 and 3 a.m.": the hedges belong to
    the figures, compared as figures; as words they made a rebel's search for drones and a
    resident's smoke "for several hours" one proposition."""
    assert terms("searched for the drones for several hours") == terms("searched drones hours")
    hedged = "at least 5 explosions, nearly all of them between 2 and 3 a.m., around the bay"
    assert terms(hedged) == terms("explosions all them bay")


def _one_toll_twice(origin_a: str, origin_b: str) -> tuple[ClaimRecord, ClaimRecord]:
    """One figure in two sources' words: "35 of the dead were children" / "at least 35
    children were killed"."""
    dead = _counting("c", "d3", "35 of the dead were children", "35", 35, "children",
                     origin=origin_a)  # fmt: skip
    killed = _counting("d", "d4", "at least 35 children were killed", "35", 35, "children",
                       origin=origin_b)  # fmt: skip
    return dead, killed


def test_two_everyday_words_that_are_the_whole_of_one_claim_are_thin_evidence() -> None:
    """ "People were hit" is all inside "people in the town were hit hard", but two everyday
    words fit too many statements to make two sources one; the same two words with the same
    figure do ("35 of the dead were children" / "at least 35 children were killed")."""
    from claimledger.analyze.clusters import _whole_of_one, explain_margin

    assert not _whole_of_one({"ship", "strike", "direct"}, {"ship", "strike"}, {"ship", "strike"})
    assert _whole_of_one({"ship", "strike"}, {"ship", "strike"}, {"ship", "strike"})
    assert _whole_of_one({"a", "b", "c", "d", "e"}, {"a", "b", "c", "d"}, {"a", "b", "c", "d"})
    # three are too few: "primaries next week" is all inside another source's "may move
    # south if he loses next week's primary"
    assert not _whole_of_one({"a", "b", "c", "d"}, {"a", "b", "c"}, {"a", "b", "c"})
    town = _said("a", "d1", "people in the town were hit hard", origin="Rebel spokesman Harun")
    hit = _said("b", "d2", "people were hit", origin="the navy")  # no named source
    assert explain_margin(town, hit, None, None, {})[3] == "everyday words only"
    dead, killed = _one_toll_twice("the governor's office", "a relief agency")
    assert explain_margin(dead, killed, None, None, {})[3] != "everyday words only"


def test_a_round_lower_bound_agrees_with_a_figure_just_above_it() -> None:
    """ "more than 50 drones shot down" and "52 drones shot down" are one count; 58 is not
    "more than 50" said of it, nor 190 "more than 100"."""
    from claimledger.analyze.clusters import other_figures
    from claimledger.store.records import QuantityRecord

    def downed(cid: str, text: str, value: float, bound: str = "exact") -> ClaimRecord:
        q = QuantityRecord(f"{cid}:q1", cid, text, value, None, None, False, None,
                           "drones shot down", None, None, None, bound)  # fmt: skip
        return replace(claim(cid, f"air defences shot down {text} drones", ()), quantities=(q,))

    over_50 = downed("a", "more than 50", 50, "at_least")
    assert not other_figures(over_50, downed("b", "52", 52))
    assert other_figures(over_50, downed("c", "58", 58))
    assert other_figures(downed("d", "more than 100", 100, "at_least"), downed("e", "190", 190))
    assert not other_figures(downed("f", "more than 100", 100, "at_least"), downed("g", "104", 104))


def test_a_thing_that_fell_is_no_place_taken() -> None:
    """ "Debris fell on an enterprise" is something falling; "the town fell" and "fell to
    the rebels" a place taken (the synonym lexicon's capture)."""
    assert "capture" not in terms("debris from a downed drone fell on a warehouse")
    assert "capture" not in terms("two shells fell near the school and one fell short")
    assert "capture" in terms("the town fell to the rebels after a week")
    assert "capture" in terms("the town fell into rebel hands")
    assert "capture" in terms("the garrison has fallen")
    assert terms("a shell landed near the bridge") == terms("a shell landed bridge")


def test_an_indirect_question_is_no_proposition_a_claim_shares() -> None:
    """ "We asked our readers which candidate won the debate" states nothing: on the 840
    PolNeAR articles it joined an analyst's remark on the candidates (and, with a tabloid in
    the remark's article, made it "corroborated"). Two questions may still be one."""
    from claimledger.analyze.clusters import explain_margin

    asked = _said("a", "d1", "which candidate won the televised debate", origin="We")
    remark = _said("b", "d2", "the candidate won the televised debate easily",
                   origin="Analyst Shen Li")  # fmt: skip
    assert explain_margin(asked, remark, None, None, {})[3] == "question"
    again = _said("c", "d3", "which candidate won the televised debate", origin="a reader poll")
    assert explain_margin(asked, again, None, None, {})[3] != "question"


def test_one_toll_told_by_sources_unknown_counts_as_a_word_in_common() -> None:
    """'the toll from the shelling has risen to 31' and '31 people had been killed', both told
    by a source no name identifies: the same count of the dead stated exactly is as telling
    as a second word in common. A figure of anything else is not."""
    from claimledger.analyze.clusters import _one_toll, explain_margin

    toll = _counting("a", "d1", "the toll from the shelling of the depot has risen to 31",
                     "31", 31, "toll", origin="")  # fmt: skip
    toll = replace(toll, quantities=(replace(toll.quantities[0], what="death toll"),))
    killed = _counting("b", "d2", "31 people had been killed at the depot", "31", 31,
                       "people killed", origin="")  # fmt: skip
    assert _one_toll(toll, killed)
    assert explain_margin(toll, killed, None, None, {})[3] != "few shared terms"
    trucks = _counting("c", "d3", "31 trucks had been loaded at the depot", "31", 31,
                       "trucks loaded", origin="")  # fmt: skip
    assert not _one_toll(toll, trucks)


def test_a_state_named_by_its_capital_is_the_state() -> None:
    """The ledger names 'Moscow' and 'Russia' as '@RU' when clustering: one source."""
    from claimledger.analyze.proposition import proposition, relation

    def canonical(name: str) -> str | None:
        return "@RU" if name in ("Moscow", "Russia") else None

    a = _said("a", "d1", "the drones were launched from the coast", origin="Moscow")
    b = _said("b", "d2", "the drones came from the coast", origin="Russia")
    pa, pb = proposition(a, canonical), proposition(b, canonical)
    assert pa.source == pb.source == (None, "@RU")
    assert relation(pa, pb) == "same"
    assert relation(proposition(a), proposition(b)) == "different"


def test_two_sources_claims_of_three_words_are_too_short_to_be_one() -> None:
    """A short claim of one source inside a longer claim of another ("there are primaries next
    week" / "he may move south if he loses next week's primary") agrees on too little to be
    one proposition, whatever the words weigh; one figure stated by both still may."""
    from claimledger.analyze.clusters import explain_margin

    short = _said("a", "d1", "there are three primaries next week", origin="Halyna Moroz")
    long = _said("b", "d2", "he may move south if he loses next week's big primary",
                 origin="Petro Savchuk")  # fmt: skip
    assert explain_margin(short, long, None, None, {})[3] == "too short"
    dead, killed = _one_toll_twice("Halyna Moroz", "Petro Savchuk")
    assert explain_margin(dead, killed, None, None, {})[3] != "too short"


def test_a_part_of_a_total_and_the_total_alone_are_two_statements() -> None:
    """ "shot down 52 of the 60 drones" and "the enemy launched 60 drones": the interception
    and the launch, though the total ties them; the part stated again is the same count."""
    from claimledger.analyze.clusters import other_figures
    from claimledger.store.records import QuantityRecord

    def figure(cid: str, n: int, text: str, value: float, what: str) -> QuantityRecord:
        return QuantityRecord(f"{cid}:q{n}", cid, text, value, None, None, False, None, what,
                              None, None, None)  # fmt: skip

    part = replace(
        _said("a", "d1", "air defence shot down 52 of the 60 drones overnight", "Air Force"),
        quantities=(
            figure("a", 1, "52", 52, "drones shot down"),
            figure("a", 2, "60", 60, "drones"),
        ),
    )
    launched = _counting("b", "d2", "the enemy launched 60 drones overnight", "60", 60,
                         "drones launched", origin="Air Force")  # fmt: skip
    downed = _counting("c", "d3", "air defence destroyed 52 drones overnight", "52", 52,
                       "drones destroyed", origin="Air Force")  # fmt: skip
    assert other_figures(part, launched) and other_figures(launched, part)
    assert not other_figures(part, downed)


def test_a_distance_in_miles_and_the_same_in_kilometres_are_one_figure() -> None:
    """ "About 1.2 miles into Polish territory" states the figure of "about 2 km into Polish
    territory": a cluster stating it comes before one only close in words. A distance of
    another length, or a count that happens to equal it, is no same figure."""
    from claimledger.analyze.clusters import _same_measure
    from claimledger.store.records import QuantityRecord

    def measured(cid: str, text: str, value: float, unit: str | None) -> ClaimRecord:
        q = QuantityRecord(f"{cid}:q1", cid, text, value, None, None, True, unit, None, None,
                           None, None)  # fmt: skip
        return replace(claim(cid, f"the drone flew {text} into the country", ()),
                       quantities=(q,))  # fmt: skip

    miles = measured("a", "about 1.2 miles", 1.2, "miles")
    assert _same_measure(miles, measured("b", "about 2 km", 2, "km"))
    assert not _same_measure(miles, measured("c", "about 7 km", 7, "km"))
    assert not _same_measure(measured("d", "2", 2, None), measured("e", "2", 2, None))


def test_the_same_words_with_the_roles_reversed_are_two_propositions() -> None:
    """ "The migrants threw stones at the guards" and "the guards beat the migrants": each
    side's account of the other, kept apart whatever the words share; the same roles in the
    passive are no reversal."""
    from claimledger.analyze.clusters import _roles_reversed, explain_margin

    stones = _said("a", "d1", "the migrants attacked the border guards at the fence", "Guard")
    stones = replace(stones, roles=("migrant", ("guard", "fence")))
    beaten = _said("b", "d2", "the border guards attacked the migrants at the fence", "Committee")
    beaten = replace(beaten, roles=("guard", ("migrant",)))
    assert _roles_reversed(stones, beaten) and _roles_reversed(beaten, stones)
    gap, _, _, reason = explain_margin(stones, beaten, None, None, {})
    assert gap < 0 and reason == "the roles reversed"
    passive = replace(beaten, roles=("migrant", ("guard",)))  # "were attacked by the migrants"
    assert not _roles_reversed(stones, passive)
    assert not _roles_reversed(stones, replace(beaten, roles=None))


def test_a_sources_toll_and_its_statement_without_a_figure_are_two() -> None:
    """One governor's "the death toll rose to seven" and "there was nothing military there":
    two statements; an account of the event without the toll is not kept apart by this rule."""
    from claimledger.analyze.clusters import _toll_and_no_figure
    from claimledger.store.records import QuantityRecord

    q = QuantityRecord("a:q1", "a", "seven", 7, None, None, False, None, "death toll", None,
                       None, None)  # fmt: skip
    toll = replace(
        _said("a", "d1", "the death toll from the strike rose to seven"), quantities=(q,)
    )
    other = _said("b", "d2", "there was nothing military at the depot the strike hit")
    assert _toll_and_no_figure(toll, other) and not _toll_and_no_figure(other, toll)
    passing = replace(q, what="civilians killing")  # "a drone hit a bus, killing three"
    event = replace(_said("c", "d3", "a drone hit a bus, killing three"), quantities=(passing,))
    assert not _toll_and_no_figure(event, other)


def test_lengths_of_time_of_other_numbers_are_other_figures() -> None:
    """ "Enough fuel for 10 days" and "for at least 15 days": two statements; the same length
    of time, or lengths in other units, are no sign of that."""
    from claimledger.analyze.clusters import _other_spans

    ten = _said("a", "d1", "the plant had enough diesel fuel for 10 days")
    fifteen = _said("b", "d2", "the station had diesel fuel for at least fifteen days")
    assert _other_spans(ten, fifteen)
    assert not _other_spans(ten, _said("c", "d3", "there was fuel for ten days"))
    assert not _other_spans(ten, _said("d", "d4", "the line was cut for three hours"))


def test_a_denial_naming_where_the_claim_is_reported_denies_it() -> None:
    """ "A MiG-29 was shot down over Zaporizhzhia Oblast" (denied) against "air defences shot
    down a MiG-29" in a report whose place is Zaporizhzhya, the gazetteer's spelling: the
    place and its region word are part of what the claim states. A place the claim's article
    does not name is not."""
    from claimledger.analyze.clusters import denies
    from claimledger.analyze.proposition import proposition

    stated = replace(claim("a", "air defences shot down a MiG-29 jet", ()),
                     origin="Russian Defence Ministry", mentions=("Zaporizhzhya",))  # fmt: skip
    denial = replace(claim("b", "a MiG-29 jet was shot down over Zaporizhzhia Oblast", ()),
                     origin="Ukrainian Air Force", polarity="deny",
                     mentions=("Kamianske",))  # fmt: skip
    assert denies(stated, denial, proposition(stated), proposition(denial))
    far = replace(stated, mentions=("Kherson",))
    assert not denies(far, denial, proposition(far), proposition(denial))


def test_two_totals_apart_are_two_counts_however_the_groups_inside_them_agree() -> None:
    """ "19 hurt, among them two children" and "27 hurt, including two children": two counts
    of the wounded (the equal group inside does not make them one); the same total with its
    group is one count."""
    from claimledger.analyze.clusters import other_figures
    from claimledger.store.records import QuantityRecord

    def figure(cid: str, n: int, value: float, what: str) -> QuantityRecord:
        return QuantityRecord(f"{cid}:q{n}", cid, f"{value:g}", value, None, None, False, None,
                              what, None, None, None)  # fmt: skip

    def hurt(cid: str, total: int, text: str) -> ClaimRecord:
        return replace(
            _said(cid, f"d{cid}", text, "regional governor"),
            quantities=(figure(cid, 1, total, "people hurt"), figure(cid, 2, 2, "children hurt")),
        )

    early = hurt("a", 19, "19 people were hurt in the shelling, among them two children")
    later = hurt("b", 27, "27 people were hurt in the shelling, including two children")
    again = hurt("c", 19, "the shelling hurt 19 people, two of them children")
    assert other_figures(early, later) and other_figures(later, early)
    assert not other_figures(early, again)


@pytest.mark.parametrize(
    ("first", "apart", "alike", "reason"),
    [
        (  # a speaker's feeling about an event is not the event
            ("regional governor", "the shelling of the aid point in Tokmak killed four people"),
            ("UN coordinator", "she was deeply shocked by the shelling of the aid point in Tokmak"),
            ("district police", "the shelling of the aid point in Tokmak killed four civilians"),
            "a reaction",
        ),
        (  # a ship hit and a ship sunk
            ("Navy", "sea drones hit the landing ship Kerch off Feodosia"),
            ("Navy", "sea drones struck the landing ship Kerch off Feodosia and it sank"),
            ("Navy", "the landing ship Kerch was hit by sea drones off Feodosia"),
            "another outcome",
        ),
        (  # what was already done and what is to come
            ("defence minister", "more engineer units have already been sent to the border"),
            ("defence minister", "another 800 engineers would be sent to the border"),
            ("defence minister", "engineer units have already been sent to the border"),
            "another time",
        ),
    ],
)
def test_two_propositions_in_close_words(
    first: tuple[str, str], apart: tuple[str, str], alike: tuple[str, str], reason: str
) -> None:
    from claimledger.analyze.clusters import explain_margin

    a = _said("a", "d1", first[1], first[0])
    b = _said("b", "d2", apart[1], apart[0])
    c = _said("c", "d3", alike[1], alike[0])
    assert explain_margin(a, b, None, None, {})[3] == reason
    assert explain_margin(b, a, None, None, {})[3] == reason
    assert explain_margin(a, c, None, None, {})[3] != reason
