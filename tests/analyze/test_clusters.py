"""Claim similarity: places count as one term however they are spelled."""

from __future__ import annotations

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
    assert "@kurakhove" in claim_terms(a) and "@kurakhove" in claim_terms(b)
    assert "kurakhov" not in claim_terms(b)
    assert similarity(a, b, {}) > similarity(a, claim("c", "troops captured Kurakhovo", ()), {})


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
