"""The propositions of one claim: where a content says several things, and where it does not.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from claimledger.export.contract import to_contract
from claimledger.ledger import open_ledger
from claimledger.models import Article, Claim, Extraction, SourceInfo, Span
from claimledger.pipeline import extract_articles
from claimledger.propositions import split_claims
from claimledger.store.sqlite import SQLiteStore

Extract = Callable[[str], tuple[Claim, ...]]  # the `claims_of` fixture of conftest.py


def parts_of(claims_of: Extract, text: str) -> list[str]:
    claims = claims_of(text)
    assert len(claims) == 1, [c.content.text for c in claims]
    claim = claims[0]
    return [p.text for p in claim.parts] or [claim.content.text]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (  # coordinated predicates, each with words of its own
            "The rebels said their fighters had captured two checkpoints, shot down a helicopter "
            "and held the bridge until dawn.",
            ["their fighters had captured two checkpoints", "shot down a helicopter",
             "held the bridge until dawn"],
        ),
        (  # a contrasting clause with its own subject
            "Forty of the missiles were intercepted over the capital, the air force said, while "
            "nine decoys vanished from the radar screens.",
            ["Forty of the missiles were intercepted over the capital, the air force said",
             "nine decoys vanished from the radar screens"],
        ),
        (  # a subgroup stated as a number after a comma
            "The ministry said air defences destroyed 52 drones overnight, including 20 over "
            "the Kursk region.",
            ["air defences destroyed 52 drones overnight", "including 20 over the Kursk region"],
        ),
        (  # a participle clause with an object after a comma: what the strike did
            "The navy said its missiles struck the depot at the port, destroying four tanks "
            "of fuel.",
            ["its missiles struck the depot at the port", "destroying four tanks of fuel"],
        ),
    ],
)  # fmt: skip
def test_a_claim_that_says_several_things(claims_of: Extract, text: str, want: list[str]) -> None:
    assert parts_of(claims_of, text) == want


@pytest.mark.parametrize(
    "text",
    [
        # one object for two verbs
        "The army said its air defences intercepted and destroyed 31 drones overnight.",
        # one auxiliary for two participles: one toll
        "The governor said 6 people were killed and 14 injured in the shelling.",
        # a concession is one statement
        "The analyst said the army can claim a victory, but it seems very unlikely.",
        # names in a list, not predicates
        "The minister said Armenia and Azerbaijan agreed to resume the talks in May.",
        # a relative clause stays with its noun
        "Officials said the drones, which were launched from the coast and flew low over "
        "the river, were destroyed.",
        # two verbs with nothing of their own
        "The witness said the crowd pushed and shoved near the gate.",
    ],
)
def test_a_claim_that_says_one_thing(claims_of: Extract, text: str) -> None:
    claims = claims_of(text)
    assert len(claims) == 1
    assert claims[0].parts == ()


def test_the_parts_are_spans_of_the_text(claims_of: Extract) -> None:
    text = (
        "The rebels said their fighters had captured two checkpoints, shot down a helicopter "
        "and held the bridge until dawn."
    )
    (claim,) = claims_of(text)
    assert claim.parts
    for part in claim.parts:
        assert text[part.start : part.end] == part.text
        assert claim.content.start <= part.start < part.end <= claim.content.end


TEXT = (
    "Insurgents said their fighters had killed 12 soldiers, burned 3 army trucks and "
    "held the crossing for a day. The army said 4 soldiers had been killed in the fighting."
)


def extraction(text: str = TEXT) -> Extraction:
    source = SourceInfo(url=None, outlet="Test Wire", title="Crossing", published="2025-05-02",
                        id="wire_2025-05-02_crossing")  # fmt: skip
    (out,) = extract_articles([Article(text, source)])
    assert isinstance(out, Extraction), out
    return out


def test_split_claims_keeps_the_attribution_and_divides_the_figures() -> None:
    ex = extraction()
    whole = next(c for c in ex.claims if c.parts)
    split = split_claims(ex)
    parts = [c for c in split.claims if c.id == whole.id or c.id.startswith(f"{whole.id}.")]
    assert [c.content.text for c in parts] == [p.text for p in whole.parts]
    assert [c.id for c in parts] == [whole.id, *(f"{whole.id}.{n}" for n in (2, 3))][: len(parts)]
    assert {c.speaker for c in parts} == {whole.speaker}
    assert all(c.parts == () for c in parts)
    figures = {q.id: q.text for q in ex.quantities}
    stated = [[figures[q] for q in c.quantity_ids] for c in parts]
    assert sorted(q for qs in stated for q in qs) == sorted(figures[q] for q in whole.quantity_ids)
    assert any("12" in q for q in stated[0]) and all("12" not in q for qs in stated[1:] for q in qs)


def test_an_extraction_of_single_propositions_is_unchanged() -> None:
    ex = extraction("The army said 4 soldiers had been killed in the fighting.")
    assert split_claims(ex) is ex


def test_the_ledger_holds_propositions_and_keeps_the_extraction_whole(tmp_path: Path) -> None:
    ex = extraction()
    store = SQLiteStore(tmp_path / "l.db")
    open_ledger(store).ingest(ex)
    stored = {c.id: c.content for c in store.claims(store.claim_ids_of([ex.article.doc_id]))}
    whole = next(c for c in ex.claims if c.parts)
    assert whole.content.text not in stored.values()
    assert [stored[i] for i in sorted(stored) if i.startswith(whole.id)] == [
        p.text for p in whole.parts
    ]
    (record,) = list(store.stored_extractions())
    assert record == to_contract(ex)  # the claims contract: the claim as the article has it
    assert whole.content.text in [c["content"]["text"] for c in record["claims"]]


def test_a_claim_that_only_relays_another_is_folded_into_it() -> None:
    """ "The coastguard said X, the Harbour Courier reported": the Courier's claim is the
    coastguard's, relayed (its chain); with words of its own it stays."""
    from claimledger.propositions import fold_relays

    ex = extraction(
        "The coastguard said two fishing boats had sunk off the cape, the Harbour Courier reported."
    )
    chains = [[h.name for h in c.chain] for c in ex.claims]
    assert ["Harbour Courier", "coastguard"] in chains and len(ex.claims) == 2
    folded = fold_relays(ex)
    assert [[h.name for h in c.chain] for c in folded.claims] == [["Harbour Courier", "coastguard"]]
    outer = next(c for c in ex.claims if len(c.chain) == 1)
    more = " while its crews searched the bay all night"  # words of the Courier's own
    longer = Span(outer.content.start, outer.content.end + len(more), outer.content.text + more)
    own = replace(ex, claims=tuple(replace(c, content=longer) if c is outer else c
                                   for c in ex.claims))  # fmt: skip
    assert fold_relays(own).claims == own.claims
