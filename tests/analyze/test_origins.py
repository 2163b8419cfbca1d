"""Origins and independence: which origins are one line of reporting."""

from __future__ import annotations

from dataclasses import replace

from claimledger.analyze.origins import assess
from claimledger.registry.hooks import registry_hooks
from claimledger.store.records import ClaimRecord


def claim(cid: str, doc: str, origin: str, kind: str, outlet: str) -> ClaimRecord:
    return ClaimRecord(
        id=cid, doc_id=doc, content="a rocket hit the depot in Sumy and injured nine workers",
        speaker_name=origin, speaker_kind=kind, chain=((origin, kind),), origin=origin,
        hedged=False, verification=None, polarity="affirm", outlet_id=None, outlet=outlet,
        published="2025-11-02",
    )  # fmt: skip


def no_owner(name: str) -> str | None:
    return None


def test_an_unnamed_local_body_is_the_authority_beside_it() -> None:
    members = [
        claim("a:c1", "a", "Volodymyr Artiukh", "person", "Ukrinform"),
        claim("a:c2", "a", "regional health department", "government", "Ukrinform"),
        claim("b:c1", "b", "Volodymyr Artiukh", "person", "Reuters"),
    ]
    cluster = assess("k1", members, no_owner)
    assert cluster.independent_origins == 1
    assert cluster.assessment == "circular"


def test_an_unnamed_body_elsewhere_is_no_independent_confirmation() -> None:
    """Precision first: a source the reporting does not name cannot be shown independent."""
    members = [
        claim("a:c1", "a", "Volodymyr Artiukh", "person", "Ukrinform"),
        claim("b:c1", "b", "regional health department", "government", "Reuters"),
    ]
    cluster = assess("k1", members, no_owner)
    assert cluster.independent_origins == 1
    assert cluster.assessment == "circular"
    only_unnamed = [
        claim("a:c1", "a", "officials", "government", "Ukrinform"),
        claim("b:c1", "b", "local authorities", "government", "Reuters"),
    ]
    assert assess("k1", only_unnamed, no_owner).assessment == "circular"


def test_a_named_body_beside_an_official_stays_independent() -> None:
    members = [
        claim("a:c1", "a", "Volodymyr Artiukh", "person", "Ukrinform"),
        claim("a:c2", "a", "UN Human Rights Monitoring Mission", "organization", "Ukrinform"),
    ]
    cluster = assess("k1", members, no_owner)
    assert cluster.independent_origins == 2
    assert cluster.assessment == "corroborated"


def test_a_capital_speaking_is_the_official_source_of_its_state() -> None:
    members = [
        claim("a:c1", "a", "Moscow", "unspecified", "AFP"),
        claim("b:c1", "b", "Russian Defence Ministry", "military", "TASS"),
        claim("c:c1", "c", "Lumen Geo", "organization", "Reuters"),
    ]
    sides = {"Moscow": "RU", "Russian Defence Ministry": "RU"}
    cluster = assess("k1", members, no_owner, metonym_of={"Moscow": "RU"}.get, side_of=sides.get)
    assert cluster.independent_origins == 2
    assert "Russian Defence Ministry" in cluster.origins and "Moscow" not in cluster.origins


def test_the_authorities_of_one_state_are_one_line() -> None:
    """The air force and a regional governor of one state repeating its figure are one line of
    reporting; an authority of another state stating it too is a second line."""
    officials = {"Ukrainian Air Force": "UA", "Oleh Kiper": "UA", "Ministry of Defence": "RU"}
    members = [
        claim("a:c1", "a", "Ukrainian Air Force", "unspecified", "Ukrinform"),
        claim("b:c1", "b", "Oleh Kiper", "person", "Reuters"),
    ]
    one = assess("k1", members, no_owner, official_of=officials.get)
    assert one.independent_origins == 1 and one.assessment == "circular"
    assert assess("k1", members, no_owner).assessment == "corroborated"  # nothing says so
    other = [*members, claim("c:c1", "c", "Ministry of Defence", "military", "TASS")]
    two = assess("k1", other, no_owner, official_of=officials.get)
    assert two.independent_origins == 2 and two.assessment == "corroborated"
    registry = registry_hooks()  # the shipped registry knows both as Ukraine's
    assert assess("k1", members, no_owner, official_of=registry.official).independent_origins == 1


def test_a_government_source_named_for_its_state_is_one_of_its_authorities() -> None:
    """Unregistered, a government or military source whose name places it in a state is one of
    that state's authorities; a person of that state is not (an analyst, a resident)."""
    sides = {"Polish Border Guard": "PL", "Polish Army Command": "PL", "Jan Nowak": "PL"}
    bodies = [
        claim("a:c1", "a", "Polish Border Guard", "government", "PAP"),
        claim("b:c1", "b", "Polish Army Command", "military", "Reuters"),
    ]
    assert assess("k1", bodies, no_owner, side_of=sides.get).independent_origins == 1
    people = [bodies[0], claim("c:c1", "c", "Jan Nowak", "person", "AFP")]
    assert assess("k1", people, no_owner, side_of=sides.get).independent_origins == 2


def test_an_authority_of_no_known_state_is_not_a_second_line_beside_another() -> None:
    """A front's spokesman and the General Staff giving one tally: the spokesman's state is
    not known, so nothing shows that the two lines are independent; a body that is no authority
    (a monitor, a company) still is one."""
    sides = {"General Staff of Ukraine": "UA"}
    members = [
        claim("a:c1", "a", "Eastern Group of Forces", "military", "Ukrinform"),
        claim("b:c1", "b", "General Staff of Ukraine", "military", "BBC"),
    ]
    one = assess("k1", members, no_owner, side_of=sides.get)
    assert one.independent_origins == 1 and one.assessment == "circular"
    other = [*members, claim("c:c1", "c", "Lumen Geo", "organization", "Reuters")]
    assert assess("k1", other, no_owner, side_of=sides.get).assessment == "corroborated"


def test_a_capital_does_not_deny_what_its_own_authorities_say() -> None:
    """ "Kyiv denies" (the Russian claim) linked against the Air Force spokesman's "all our
    aircraft returned": one side, so no denial; Moscow's counter-claim still contests it."""
    from dataclasses import replace

    said = [claim("a:c1", "a", "Yurii Bondar", "person", "Ukrinform"),
            claim("b:c1", "b", "Yurii Bondar", "person", "CNN")]  # fmt: skip
    kyiv = replace(claim("c:c1", "c", "Kyiv", "unspecified", "TVP"), polarity="deny")
    moscow = replace(claim("d:c1", "d", "Moscow", "unspecified", "TASS"), polarity="deny")
    capitals = {"Kyiv": "UA", "Moscow": "RU"}.get
    principal = {"Yurii Bondar": "Air Force of Ukraine"}.get
    sides = {"Air Force of Ukraine": "UA"}.get
    alone = assess("k1", said, no_owner, speaks_for=principal, metonym_of=capitals,
                   side_of=sides, counter=[kyiv])  # fmt: skip
    assert alone.assessment == "circular"
    both = assess("k1", said, no_owner, speaks_for=principal, metonym_of=capitals,
                  side_of=sides, counter=[kyiv, moscow])  # fmt: skip
    assert both.assessment in ("denied", "contested")
    # two office holders of one country still dispute each other (a president, an opposition
    # leader): a person is placed only by the body they speak for
    offices = {"Yurii Bondar": "UA", "Olena Hrytsak": "UA"}.get
    rival = replace(claim("e:c1", "e", "Olena Hrytsak", "person", "AFP"), polarity="deny")
    disputed = assess("k1", said, no_owner, official_of=offices, counter=[rival])
    assert disputed.assessment in ("denied", "contested")


def test_a_capital_and_its_country_are_one_line() -> None:
    """ "Kigali denies ..." in one article and "Rwanda denies ..." in another: one government,
    no corroboration (the shipped registry's names of states)."""
    registry = registry_hooks()
    members = [
        claim("a:c1", "a", "Kigali", "unspecified", "AFP"),
        claim("b:c1", "b", "Rwanda", "unspecified", "Reuters"),
    ]
    cluster = assess("k1", members, no_owner, metonym_of=registry.metonym,
                     side_of=registry.side, official_of=registry.official)  # fmt: skip
    assert cluster.independent_origins == 1 and cluster.assessment == "circular"
    assert assess("k1", members, no_owner).assessment == "corroborated"  # nothing says so


def test_a_ministry_named_with_no_state_is_the_one_the_cluster_places() -> None:
    """A state agency's "the Ministry of Foreign Affairs said" and a wire's "Sudan's Foreign
    Ministry said": one ministry as far as anyone can tell, no corroboration; two states'
    foreign ministries are two origins."""
    sides = {"Sudan's Foreign Ministry": "SD", "Chad's Foreign Ministry": "TD"}
    unplaced = claim("a:c1", "a", "Ministry of Foreign Affairs", "government", "SUNA")
    placed = claim("b:c1", "b", "Sudan's Foreign Ministry", "government", "Reuters")
    one = assess("k1", [unplaced, placed], no_owner, side_of=sides.get)
    assert one.independent_origins == 1 and one.assessment == "circular"
    other = claim("c:c1", "c", "Chad's Foreign Ministry", "government", "AFP")
    two = assess("k1", [placed, other], no_owner, side_of=sides.get)
    assert two.independent_origins == 2


def test_a_capital_alone_is_its_own_origin() -> None:
    members = [claim("a:c1", "a", "Kyiv", "unspecified", "AFP")]
    cluster = assess("k1", members, no_owner, metonym_of={"Kyiv": "UA"}.get)
    assert cluster.origins == ("Kyiv",)


def test_name_variants_of_one_source_are_one_line() -> None:
    members = [
        claim("a:c1", "a", "Sergey Lavrov", "person", "Reuters"),
        claim("b:c1", "b", "Siergiej Ławrow", "person", "Rzeczpospolita"),
    ]
    cluster = assess("k1", members, no_owner)
    assert cluster.independent_origins == 1
    assert cluster.assessment == "circular"


def _deny(c: ClaimRecord) -> ClaimRecord:

    return replace(c, polarity="deny", content="no rocket hit the depot in Sumy")


def test_a_claim_is_contradicted_or_denied_only_by_another_source() -> None:
    first = claim("a:c1", "a", "Vitaliy Kim", "person", "Ukrinform")
    echo = claim("b:c1", "b", "Vitaliy Kim", "person", "Reuters")
    rebuttal = claim("c:c1", "c", "Igor Konashenkov", "military", "TASS")
    cluster = assess("k1", [first, echo], no_owner, counter=[rebuttal])
    assert cluster.assessment == "contested"
    assert any("Igor Konashenkov" in r for r in cluster.reasons)  # the verdict names its evidence
    denied = assess("k1", [first, echo], no_owner, counter=[_deny(rebuttal)])
    assert denied.assessment == "denied"
    walk_back = _deny(claim("c:c1", "c", "Kim", "person", "Ukrinform"))
    assert assess("k1", [first, echo], no_owner, counter=[walk_back]).assessment == "circular"


def test_evidence_saying_no_contests_a_claim_and_denies_nothing() -> None:
    """ "Satellite images show no sign that ..." is evidence against a claim, not a party
    taking it back or denying it: contested, with the images named."""
    first = claim("a:c1", "a", "Igor Konashenkov", "military", "TASS")
    echo = claim("b:c1", "b", "Igor Konashenkov", "military", "RIA Novosti")
    images = _deny(claim("c:c1", "c", "Satellite images", "unspecified", "Kyiv Independent"))
    cluster = assess("k1", [first, echo], no_owner, counter=[images])
    assert cluster.assessment == "contested"
    assert any("Satellite images" in r for r in cluster.reasons)


def test_negation_inside_a_claim_is_not_a_denial() -> None:
    a = replace(claim("a:c1", "a", "Vitaliy Kim", "person", "Ukrinform"),
                content="there were no casualties after the strike on the depot")  # fmt: skip
    b = replace(a, id="b:c1", doc_id="b", outlet="Reuters")
    assert assess("k1", [a, b], no_owner).assessment == "circular"


def test_a_bare_word_source_is_the_one_named_source_that_has_it() -> None:
    members = [
        claim("a:c1", "a", "three EU diplomats", "government", "Politico"),
        claim("b:c1", "b", "diplomats", "government", "Die Welt"),
    ]
    assert assess("k1", members, no_owner).independent_origins == 1
    two_named = [*members, claim("c:c1", "c", "Asian diplomats", "government", "Reuters")]
    # descriptions, not names: groups of diplomats cannot be shown to be independent lines
    assert assess("k1", two_named, no_owner).independent_origins == 1
    named = [*members, claim("c:c1", "c", "Josep Borrell", "person", "Reuters")]
    assert assess("k1", named, no_owner).independent_origins == 1  # "diplomats" go with him
    apart = [claim("a:c1", "a", "Kaja Kallas", "person", "Politico"), named[-1]]
    assert assess("k1", apart, no_owner).independent_origins == 2


def test_one_quotation_credited_to_two_sources_is_one_line() -> None:
    """The same words in quotation marks under two names: one of the credits is a relay or a
    slip, the quotation has one origin."""
    words = "“We will not give up a single metre of our land,” {} said."
    a = replace(claim("a:c1", "a", "Oleksandr Syrskyi", "person", "Ukrinform"),
                content=words.format("he"))  # fmt: skip
    b = replace(claim("b:c1", "b", "Andriy Yermak", "person", "Reuters"),
                content=words.format("the official"))  # fmt: skip
    cluster = assess("k1", [a, b], no_owner)
    assert cluster.independent_origins == 1 and cluster.assessment == "circular"
    assert any("same words" in r for r in cluster.reasons)
    other = replace(b, content="“Our troops hold every position near the river,” he said.")
    assert assess("k1", [a, other], no_owner).assessment == "corroborated"


def test_two_quoted_words_relayed_under_another_name_are_one_line() -> None:
    """A politician's post quoting two words of an official's finding is that finding relayed,
    not a second confirmation; the same two words turned round are a rebuttal, another line."""
    finding = "the depot was “dangerously neglected” for years, the inspector said"
    relayed = "“The inspectors told us that depot is dangerously neglected. Resign!”"
    a = replace(claim("a:c1", "a", "Marta Nowak", "person", "Ukrinform"), content=finding)
    b = replace(claim("b:c1", "b", "Petro Bondar", "person", "Reuters"), content=relayed)
    cluster = assess("k1", [a, b], no_owner)
    assert cluster.independent_origins == 1 and cluster.assessment == "circular"
    assert any("same words" in r and "dangerous" in r for r in cluster.reasons)
    rebuttal = replace(b, content="“That depot is not dangerously neglected,” he said.")
    assert assess("k1", [a, rebuttal], no_owner).independent_origins == 2


def test_an_outlet_named_as_the_source_in_its_own_article_is_its_own_voice() -> None:
    """ "Kyiv Daily" as the origin of a claim in a Kyiv Daily article, whatever kind the speaker
    was given, is the article's own reporting: with the one named source it carries, one line
    (on the 840 PolNeAR articles such a pair was called corroborated)."""
    named = claim("a:c1", "a", "Marta Nowak", "person", "Kyiv Daily")
    own = claim("a:c2", "a", "Kyiv Daily", "unspecified", "Kyiv Daily")
    cluster = assess("k1", [named, own], no_owner)
    assert cluster.independent_origins == 1 and cluster.assessment != "corroborated"
    other = claim("b:c1", "b", "Petro Bondar", "person", "Reuters")
    assert assess("k1", [named, other], no_owner).assessment == "corroborated"


def test_a_source_quoting_another_inside_its_own_quotation_relays_it() -> None:
    """A post that quotes an inspector's words inside its own quotation marks relays the
    inspector, in other words than the report of the finding: one line, not corroboration. A
    scare-quoted term inside a quotation ('special operation') quotes nobody."""
    finding = "the depot had been kept in a grossly negligent condition, the inspector said"
    quoting = (
        "“The inspector says they ‘kept the depot in a grossly negligent condition for years.’ "
        "Resign!”"
    )
    a = replace(claim("a:c1", "a", "Marta Nowak", "person", "Ukrinform"), content=finding)
    b = replace(claim("b:c1", "b", "Petro Bondar", "person", "Reuters"), content=quoting)
    cluster = assess("k1", [a, b], no_owner)
    assert cluster.independent_origins == 1 and cluster.assessment == "circular"
    assert any("quotes words" in r for r in cluster.reasons)
    scare = replace(
        b, content="“The ‘grossly negligent depot’ was kept in a poor condition,” he said"
    )
    assert assess("k1", [a, scare], no_owner).independent_origins == 2


def test_a_denial_by_an_unresolved_common_noun_disputes_nothing() -> None:
    """ "the candidate denied ..." where the extraction did not resolve "the candidate" to the
    person the article names: it may be the claim's own origin, so it is no other party."""
    a = claim("a:c1", "a", "Oleh Bondar", "person", "Ukrinform")
    denial = _deny(claim("b:c1", "b", "candidate", "unspecified", "Reuters"))
    assert assess("k1", [a], no_owner, counter=[denial]).assessment == "single-source"
    named = _deny(claim("b:c1", "b", "Marta Nowak", "person", "Reuters"))
    assert assess("k1", [a], no_owner, counter=[named]).assessment in ("contested", "denied")


def test_a_states_armed_forces_named_by_their_state_are_a_named_source() -> None:
    """ "The US military said one missile hit the ship" names its source as surely as
    "CENTCOM" would: beside a Houthi spokesman's claim it is a second line, not an unnamed
    one folded into his; "regional health department" (no state in its name) stays unnamed."""
    sides = {"US military": "US", "Yahya Saree": "YE"}
    members = [
        claim("a:c1", "a", "Yahya Saree", "military", "Al Jazeera"),
        claim("b:c1", "b", "US military", "military", "The Guardian"),
    ]
    cluster = assess("k1", members, no_owner, side_of=sides.get)
    assert cluster.independent_origins == 2
    assert "US military" in cluster.origins
    assert assess("k1", members, no_owner).independent_origins == 1  # no state: unnamed
    unnamed = [members[0], claim("b:c1", "b", "regional health department", "government",
                                 "The Guardian")]  # fmt: skip
    assert assess("k1", unnamed, no_owner, side_of=sides.get).independent_origins == 1


def test_a_registered_body_is_shown_by_the_name_its_articles_write() -> None:
    """The reporting's own name of a body ("Russia's Defence Ministry") names its line, not
    the registry's ("Ministry of Defence of Russia"); a pronoun, a name the registry does not
    know for the body, or a person's short name leaves the registry's name."""
    hooks = registry_hooks()
    body = hooks.canonical("Russian Defence Ministry")
    assert body is not None and body != "Russian Defence Ministry"

    def said(cid: str, doc: str, written: str) -> ClaimRecord:
        return replace(claim(cid, doc, body, "government", "Reuters"), speaker_text=written)

    members = [
        said("a:c1", "a", "It"),
        said("b:c1", "b", "the Russian Defence Ministry"),
        said("c:c1", "c", "It"),
        said("d:c1", "d", "Russia's Defense Ministry"),
        said("e:c1", "e", "the Russian Defence Ministry"),
    ]
    shown = assess("k1", members, no_owner, body_of=hooks.body).origins
    assert shown == ("Russian Defence Ministry",)
    unknown = [said("a:c1", "a", "It"), said("b:c1", "b", "Moscow's Top Brass")]
    assert assess("k1", unknown, no_owner, body_of=hooks.body).origins == (body,)
    person = replace(claim("a:c1", "a", "Volodymyr Artiukh", "person", "Ukrinform"),
                     speaker_text="Artiukh")  # fmt: skip
    assert assess("k1", [person], no_owner, body_of=hooks.body).origins == ("Volodymyr Artiukh",)
    outlet = hooks.canonical("Associated Press")
    assert outlet is not None
    wire = replace(claim("a:c1", "a", outlet, "outlet", "Reuters"), speaker_text="AP")
    assert assess("k1", [wire], no_owner, body_of=hooks.body).origins == (outlet,)
