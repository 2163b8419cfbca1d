"""Origins and independence: which origins are one line of reporting."""

from __future__ import annotations

from claimledger.analyze.origins import assess
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


def test_a_local_body_alone_in_its_article_is_its_own_origin() -> None:
    members = [
        claim("a:c1", "a", "Volodymyr Artiukh", "person", "Ukrinform"),
        claim("b:c1", "b", "regional health department", "government", "Reuters"),
    ]
    cluster = assess("k1", members, no_owner)
    assert cluster.independent_origins == 2


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


def test_a_capital_alone_is_its_own_origin() -> None:
    members = [claim("a:c1", "a", "Kyiv", "unspecified", "AFP")]
    cluster = assess("k1", members, no_owner, metonym_of={"Kyiv": "UA"}.get)
    assert cluster.origins == ("Kyiv",)


def _loose(c: ClaimRecord, similarity: float) -> ClaimRecord:
    """A member that joined its cluster loosely, not its article's lead."""
    from dataclasses import replace

    return replace(c, similarity=similarity, seq=1)


def test_a_looser_report_from_the_same_origin_is_an_echo() -> None:
    """Members that match the cluster loosely are not counted as confirmations, but a loose
    report from an origin the cluster already has is one more article echoing it."""
    members = [
        claim("a:c1", "a", "Vitaliy Kim", "person", "Ukrinform"),
        _loose(claim("b:c1", "b", "Vitaliy Kim", "person", "Reuters"), 0.40),
    ]
    assert assess("k1", members, no_owner).assessment == "circular"
    other = [members[0], _loose(claim("b:c1", "b", "Oleh Kiper", "person", "Reuters"), 0.40)]
    cluster = assess("k1", other, no_owner)
    assert cluster.assessment == "single-source"  # a loose report from elsewhere adds nothing
    assert cluster.independent_origins == 1


def test_a_bare_word_source_is_the_one_named_source_that_has_it() -> None:
    members = [
        claim("a:c1", "a", "three EU diplomats", "government", "Politico"),
        claim("b:c1", "b", "diplomats", "government", "Die Welt"),
    ]
    assert assess("k1", members, no_owner).independent_origins == 1
    two_named = [*members, claim("c:c1", "c", "Asian diplomats", "government", "Reuters")]
    assert assess("k1", two_named, no_owner).independent_origins == 3


def _lead(c: ClaimRecord, similarity: float, seq: int = 0) -> ClaimRecord:
    from dataclasses import replace

    return replace(c, similarity=similarity, seq=seq)


def test_an_articles_lead_loosely_worded_is_its_version_of_the_story() -> None:
    first = claim("a:c1", "a", "Vitaliy Kim", "person", "Ukrinform")
    lead = _lead(claim("b:c1", "b", "Oleh Kiper", "person", "Reuters"), 0.45)
    assert assess("k1", [first, lead], no_owner).assessment == "corroborated"
    detail = _lead(claim("b:c2", "b", "Oleh Kiper", "person", "Reuters"), 0.45, seq=2)
    assert assess("k1", [first, detail], no_owner).assessment == "single-source"
    too_loose = _lead(claim("b:c1", "b", "Oleh Kiper", "person", "Reuters"), 0.32)
    assert assess("k1", [first, too_loose], no_owner).assessment == "single-source"


def test_a_lead_with_other_figures_does_not_confirm() -> None:
    from dataclasses import replace

    from claimledger.store.records import QuantityRecord

    def stating(c: ClaimRecord, value: float) -> ClaimRecord:
        q = QuantityRecord(f"{c.id}:q", c.doc_id, f"{value:g}", value, None, None, False, None,
                           "soldiers deserted", None, None, None)  # fmt: skip
        return replace(c, quantities=(q,))

    first = stating(claim("a:c1", "a", "Vitaliy Kim", "person", "Ukrinform"), 21600)
    same = _lead(stating(claim("b:c1", "b", "Oleh Kiper", "person", "Reuters"), 21600), 0.45)
    other = _lead(stating(claim("b:c1", "b", "Oleh Kiper", "person", "Reuters"), 18000), 0.45)
    assert assess("k1", [first, same], no_owner).assessment == "corroborated"
    assert assess("k1", [first, other], no_owner).assessment == "single-source"
