"""One claim per proposition, for the ledger (see ``extract/propositions.py``, which finds the
parts while the article is parsed)."""

from __future__ import annotations

from dataclasses import replace

from claimledger.models import Claim, Extraction


def split_claims(extraction: Extraction) -> Extraction:
    """The extraction with each claim of several propositions (``Claim.parts``) replaced by one
    claim per proposition: the first keeps the claim's id, the others add ".2", ".3"; each
    keeps the claim's speaker, chain, cue, hedges and standing, and the figures inside it."""
    if not any(c.parts for c in extraction.claims):
        return extraction
    where = {q.id: (q.start, q.end) for q in extraction.quantities}
    claims: list[Claim] = []
    for claim in extraction.claims:
        if not claim.parts:
            claims.append(claim)
            continue
        for n, part in enumerate(claim.parts):
            inside = tuple(
                q for q in claim.quantity_ids
                if q in where and part.start <= where[q][0] and where[q][1] <= part.end
            )  # fmt: skip
            claims.append(
                replace(
                    claim,
                    id=claim.id if n == 0 else f"{claim.id}.{n + 1}",
                    content=part,
                    quantity_ids=inside,
                    parts=(),
                )
            )
    return replace(extraction, claims=tuple(claims))
