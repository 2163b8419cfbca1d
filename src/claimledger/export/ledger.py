"""The ledger export (``ledger.schema.json``): everything the ledger knows, as one document."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import asdict
from typing import IO, Any

from claimledger.analyze.grades import claim_grades
from claimledger.export.options import ExportOptions
from claimledger.store.sqlite import SQLiteStore


def export_ledger(store: SQLiteStore) -> dict[str, Any]:
    """Current articles, their claims with cluster and credibility, clusters, checks, grades."""
    return {"format": FORMAT} | {key: list(items) for key, items in _sections(store)}


FORMAT = "claimledger-ledger/1"


def _sections(store: SQLiteStore) -> Iterator[tuple[str, Iterator[dict[str, Any]]]]:
    """The export's lists in document order, each an iterator of its items: read and turned
    into JSON one section at a time, never the whole document at once."""
    articles = store.articles()
    copies = store.copies([a.doc_id for a in articles])
    yield "articles", (_article(a, copies.get(a.doc_id)) for a in articles)
    claims = store.claims(store.current_claim_ids())
    grades = claim_grades(store, claims)
    members: dict[str, list[str]] = {}
    for c in claims:
        if c.cluster_id:
            members.setdefault(c.cluster_id, []).append(c.id)
    yield "claims", (_claim(c, grades.get(c.id)) for c in claims)
    del claims, grades  # the section was written before the generator resumes: free them
    yield (
        "clusters",
        ({**_cluster(k), "claim_ids": members[k.id]} for k in store.clusters() if k.id in members),
    )
    yield "checks", (_check(ch) for ch in store.checks())
    yield "descriptor_conflicts", (asdict(d) for d in store.descriptor_conflicts())
    yield "sources", ({**asdict(g), "reasons": list(g.reasons)} for g in store.source_grades())


def write_ledger(store: SQLiteStore, out: IO[str], options: ExportOptions) -> None:
    """``export --format ledger``: the document, indented one space a level, written item by
    item (the same bytes as ``json.dumps(export_ledger(store), indent=1)``), so that the
    export of a large ledger never holds its whole text, or all its dicts, in memory."""
    out.write("{\n" + f' "format": {json.dumps(FORMAT)}')
    for key, items in _sections(store):
        out.write(f",\n {json.dumps(key)}: [")
        first = True
        for item in items:
            text = json.dumps(item, ensure_ascii=False, indent=1).replace("\n", "\n  ")
            out.write(("\n  " if first else ",\n  ") + text)
            first = False
        out.write("]" if first else "\n ]")
    out.write("\n}\n")


def _check(ch: Any) -> dict[str, Any]:
    return {
        "id": ch.id,
        "kind": ch.kind,
        "verdict": ch.verdict,
        "claim_ids": list(ch.claim_ids),
        "figures": list(ch.figures),
        "explanation": ch.explanation,
    }


def _article(a: Any, copy: tuple[str, float] | None = None) -> dict[str, Any]:
    """``copy_of`` names the article this one republishes (one report), with the similarity."""
    return {
        "doc_id": a.doc_id,
        "source": {"path": a.path, "url": a.url, "outlet": a.outlet, "title": a.title,
                   "published": a.published, "id": a.source_id},
        "outlet_id": a.outlet_id,
        "version": a.version,
        "ingested_at": a.ingested_at,
        "copy_of": {"doc_id": copy[0], "similarity": round(copy[1], 3)} if copy else None,
    }  # fmt: skip


def _claim(c: Any, grade: Any) -> dict[str, Any]:
    return {
        "id": c.id,
        "doc_id": c.doc_id,
        "content": c.content,
        "speaker": c.speaker_name,
        "speaker_kind": c.speaker_kind,
        "chain": [name for name, _ in c.chain],
        "origin": c.origin,
        "cluster_id": c.cluster_id,
        "hedged": c.hedged,
        "verification": c.verification,
        "polarity": c.polarity,
        "credibility": grade.credibility if grade else None,
        "credibility_reasons": list(grade.reasons) if grade else [],
        "quantities": [q.text for q in c.quantities],
    }


def _cluster(k: Any) -> dict[str, Any]:
    return {
        "id": k.id,
        "origins": list(k.origins),
        "independent_origins": k.independent_origins,
        "assessment": k.assessment,
        "reasons": list(k.reasons),
        "size": k.size,
    }
