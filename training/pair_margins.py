"""Why gold pairs of the polnear-ledger are split or merged: the matching margin of each pair.

    [GOLD=probe/gold.json] python training/pair_margins.py LEDGER.db LEDGER.json [--merged]

For each pair of found gold members of one gold cluster in different exported clusters (or,
with --merged, of different gold clusters in one exported cluster): the relation of their
sources, the similarity, the threshold it needed and the days between their articles.
"""

from __future__ import annotations

import itertools
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "shared" / "eval"))
from score_ledger import article_keys, covers  # noqa: E402

from claimledger.analyze.clusters import _days_apart, explain_margin, idf  # noqa: E402
from claimledger.analyze.proposition import proposition, relation  # noqa: E402
from claimledger.ledger import open_ledger  # noqa: E402
from claimledger.store.sqlite import SQLiteStore  # noqa: E402


SHARED = Path(__file__).resolve().parents[2] / "shared"
GOLD = Path(os.environ.get("GOLD") or SHARED / "corpus" / "polnear-ledger" / "gold.json")



def main() -> None:
    store = SQLiteStore(sys.argv[1])
    led = json.loads(Path(sys.argv[2]).read_text())
    merged = "--merged" in sys.argv
    canonical = open_ledger(store).source_namer()  # as clustering names sources
    gold = json.loads(GOLD.read_text())
    key_of = article_keys(led)
    by_art: dict[str, list[dict]] = {}
    for c in led["claims"]:
        by_art.setdefault(key_of.get(c["doc_id"], c["doc_id"]), []).append(c)
    found: list[tuple[str, str]] = []
    for name, g in gold["clusters"].items():
        for art, snip in g["members"]:
            best = max(by_art.get(art, []), key=lambda c: covers(c["content"], snip), default=None)
            if best is not None and covers(best["content"], snip) >= 0.6:
                found.append((name, best["id"]))
    total = store.claim_count()
    for (g1, c1), (g2, c2) in itertools.combinations(found, 2):
        if c1 == c2:
            continue
        a, b = store.claims([c1])[0], store.claims([c2])[0]
        if a.doc_id == b.doc_id:
            continue
        same_pred = a.cluster_id == b.cluster_id
        if merged != (g1 != g2 and same_pred) or (not merged and (g1 != g2 or same_pred)):
            continue
        from claimledger.analyze.clusters import claim_terms

        weights = idf(store.term_counts(set(claim_terms(a)) | set(claim_terms(b))), total)
        gap, sim, blocked, why = explain_margin(a, b, None, None, weights, canonical)
        rel = relation(proposition(a, canonical), proposition(b, canonical))
        days = _days_apart(a.published, b.published)
        print(
            f"{g1} / {g2}: {rel} sim {sim:.2f} margin {gap:+.2f} days {days} [{why}]"
            f"{' BLOCKED' if blocked else ''}"
        )
        print(f"   [{a.origin}] {a.content[:140]!r}")
        print(f"   [{b.origin}] {b.content[:140]!r}")


if __name__ == "__main__":
    main()
