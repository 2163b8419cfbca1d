"""The claims contract (``claims.schema.json``): one JSON object per article."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import IO, TYPE_CHECKING, Any

from claimledger.models import Claim, Extraction, Span

if TYPE_CHECKING:  # the store imports this module to keep each article's contract
    from claimledger.export.options import ExportOptions
    from claimledger.store.sqlite import SQLiteStore


def _span(span: Span | None) -> dict[str, Any] | None:
    return None if span is None else {"start": span.start, "end": span.end, "text": span.text}


def claim_to_dict(claim: Claim) -> dict[str, Any]:
    return {
        "id": claim.id,
        "content": _span(claim.content),
        "cue": _span(claim.cue),
        "speaker": asdict(claim.speaker),
        "chain": [asdict(h) for h in claim.chain],
        "hedged": claim.hedged,
        "hedges": [_span(h) for h in claim.hedges],
        "verification": claim.verification,
        "polarity": claim.polarity,
        "quantity_ids": list(claim.quantity_ids),
    }


def to_contract(extraction: Extraction) -> dict[str, Any]:
    """One article's extraction in the shape of the claims contract."""
    article = extraction.article
    return {
        "doc_id": article.doc_id,
        "source": asdict(article.source),
        "claims": [claim_to_dict(c) for c in extraction.claims],
        "quantities": [asdict(q) for q in extraction.quantities],
        "places": [asdict(p) for p in extraction.places],
        "units": [asdict(u) for u in extraction.units],
        "people": [asdict(a) for a in extraction.people],
        "organizations": [asdict(a) for a in extraction.organizations],
    }


def claim_records(extraction: Extraction) -> list[dict[str, Any]]:
    """One flat record per claim, with its article's id and metadata (``--format jsonl``)."""
    source = asdict(extraction.article.source)
    return [
        {"doc_id": extraction.article.doc_id, "source": source, **claim_to_dict(c)}
        for c in extraction.claims
    ]


def to_json(data: Any) -> str:
    """``data`` as one line of strict JSON. NaN and Infinity are refused (a ValueError) rather
    than written as the invalid tokens ``NaN``/``Infinity`` that other JSON readers reject:
    the extractors keep every number finite, so a refusal here is a bug to report."""
    return json.dumps(data, ensure_ascii=False, allow_nan=False)


def write_contracts(store: SQLiteStore, out: IO[str], options: ExportOptions) -> None:
    """``export --format contract``: each current article's extraction as the store kept it,
    one line each, byte for byte what ``extract --format contract`` wrote for it."""
    for record in store.stored_extractions():
        out.write(to_json(record) + "\n")
