"""Near-duplicate articles: a republished text is one report, never two confirmations."""

from __future__ import annotations

from claimledger.analyze.copies import MIN_SHINGLES, is_copy, jaccard, signature
from claimledger.analyze.origins import assess
from claimledger.store.records import ClaimRecord

STORY = (
    "Emergency crews in the river port worked through the night after a cargo barge struck the "
    "old railway bridge on Tuesday evening, the regional transport authority said. Two crew "
    "members were taken to hospital with minor injuries and traffic on the line was suspended "
    "until engineers could inspect the damaged span. The authority said the barge had lost "
    "steering in strong currents shortly after leaving the grain terminal. Local residents "
    "described a loud crash followed by the sound of metal grinding against stone. The operator "
    "of the barge declined to comment when reached by telephone on Wednesday morning, and a "
    "spokesman for the harbour master said an investigation would look at the weather, the "
    "vessel's maintenance record and the qualifications of its pilot before any charges."
)
OTHER = (
    "Farmers in the northern district began the maize harvest two weeks early this year after a "
    "dry summer, the agriculture ministry said on Monday. Yields were expected to fall by about "
    "a fifth compared with last year, officials said, and the ministry promised loans to the "
    "worst hit cooperatives. The regional transport authority said the railway line would carry "
    "extra grain wagons through the autumn. Prices at the commodity exchange rose sharply in "
    "early trading as buyers worried about export contracts signed before the drought, and two "
    "large mills said they would import wheat for the first time in a decade to keep bakeries "
    "supplied through the winter months."
)


def test_a_republished_text_is_a_copy() -> None:
    original = signature(STORY)
    assert original is not None
    # another outlet's copy: a line of its own on top, the last sentence cut
    copy = signature("By our correspondent. " + STORY.rsplit(", and", 1)[0] + ".")
    assert copy is not None and is_copy(copy, original) is not None
    assert jaccard(original, original) == 1.0


def test_different_stories_are_not_copies() -> None:
    a, b = signature(STORY), signature(OTHER)
    assert a is not None and b is not None
    assert is_copy(a, b) is None


def test_a_short_text_is_never_a_copy() -> None:
    headline = " ".join(STORY.split()[: MIN_SHINGLES - 10])
    assert signature(headline) is None


def claim(cid: str, doc: str, origin: str) -> ClaimRecord:
    return ClaimRecord(
        id=cid, doc_id=doc, content="the barge lost steering in strong currents",
        speaker_name=origin, speaker_kind="person", chain=((origin, "person"),),
        origin=origin, hedged=False, verification=None, polarity="affirm", outlet_id=None,
        outlet="Outlet " + doc, published="2025-11-02",
    )  # fmt: skip


def no_owner(name: str) -> str | None:
    return None


def test_members_in_one_report_are_one_line() -> None:
    """The copy names the source differently (an edit), yet it is the same report."""
    members = [
        claim("a:c1", "a", "Olena Marchenko"),
        claim("b:c1", "b", "Petro Havrylenko"),
    ]
    apart = assess("k1", members, no_owner)
    assert apart.assessment == "corroborated"
    one = assess("k1", members, no_owner, copy_of={"b": "a"})
    assert one.independent_origins == 1
    assert one.assessment == "circular"
    assert any("b republish(es) a" in r for r in one.reasons)
