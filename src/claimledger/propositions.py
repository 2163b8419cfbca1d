"""One claim per proposition, for the ledger (see ``extract/propositions.py``, which finds the
parts while the article is parsed), and no claim that only relays another."""

from __future__ import annotations

import re
from dataclasses import replace

from claimledger.models import Claim, Extraction


def ledger_claims(extraction: Extraction) -> Extraction:
    """The claims the ledger stores of an extraction: relays folded, then one per proposition."""
    return split_claims(fold_relays(extraction))


LEFT_OVER = 4  # words a relaying claim may have beyond the claim it relays ("on Tuesday")
_WORD = re.compile(r"[^\W_]+")


def fold_relays(extraction: Extraction) -> Extraction:
    """The extraction without the claims that only relay another of its claims: in "the
    defence ministry said all targets were hit, RIA Novosti reported", RIA Novosti's claim is
    "the defence ministry said all targets were hit", and the ministry's claim, relayed by RIA
    Novosti (its chain), says all of it; two claims would make RIA Novosti an origin of the
    proposition beside the ministry. A relaying claim with words of its own beyond the relayed
    speaker, cue and content is kept (the claims contract keeps every claim either way)."""
    relays = {c.id for c in extraction.claims if _only_relays(c, extraction.claims)}
    if not relays:
        return extraction
    return replace(extraction, claims=tuple(c for c in extraction.claims if c.id not in relays))


def _only_relays(outer: Claim, claims: tuple[Claim, ...]) -> bool:
    box = outer.content
    for inner in claims:
        if inner is outer or inner.cue is None or inner.speaker.start is None:
            continue
        if len(inner.chain) <= len(outer.chain) or inner.chain[: len(outer.chain)] != outer.chain:
            continue  # not relayed by the outer claim's source
        if inner.speaker.end is None:
            continue
        bounds: list[tuple[int, int]] = [
            (inner.content.start, inner.content.end),
            (inner.cue.start, inner.cue.end),
            (inner.speaker.start, inner.speaker.end),
        ]
        if not all(box.start <= a and b <= box.end for a, b in bounds):
            continue
        rest = box.text
        for a, b in sorted(bounds, reverse=True):
            rest = rest[: a - box.start] + " " + rest[b - box.start :]
        if len([w for w in _WORD.findall(rest) if w.lower() != "that"]) <= LEFT_OVER:
            return True
    return False


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
                    roles=claim.roles[n + 1 : n + 2],
                )
            )
    return replace(extraction, claims=tuple(claims))
