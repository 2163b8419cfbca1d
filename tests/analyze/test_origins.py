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
