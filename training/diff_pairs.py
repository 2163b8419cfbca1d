"""Which same-cluster pairs a change made and unmade: two ledger exports of the same articles.

    python training/diff_pairs.py BEFORE.json AFTER.json [--ids]

Pairs of claims of different articles in one exported cluster, keyed by (doc_id, content) so
that claim ids renumbered between runs do not matter. Prints the counts and each new and gone
pair with its origins (contents, or with ``--ids`` only the claim ids, for a judged sample kept
in the repository without the articles' sentences).
"""

from __future__ import annotations

import itertools
import json
import sys
from typing import Any

Key = tuple[str, str]


def pairs(ledger: dict[str, Any]) -> tuple[set[tuple[Key, Key]], dict[Key, dict[str, Any]]]:
    by_cluster: dict[str, list[dict[str, Any]]] = {}
    for c in ledger["claims"]:
        if c.get("cluster_id"):
            by_cluster.setdefault(c["cluster_id"], []).append(c)
    out: set[tuple[Key, Key]] = set()
    for members in by_cluster.values():
        ordered = sorted(members, key=lambda c: (c["doc_id"], c["content"]))
        for x, y in itertools.combinations(ordered, 2):
            if x["doc_id"] != y["doc_id"]:
                out.add(((x["doc_id"], x["content"]), (y["doc_id"], y["content"])))
    return out, {(c["doc_id"], c["content"]): c for c in ledger["claims"]}


def main() -> None:
    before, claims_a = pairs(json.load(open(sys.argv[1], encoding="utf-8")))
    after, claims_b = pairs(json.load(open(sys.argv[2], encoding="utf-8")))
    ids = "--ids" in sys.argv
    print(f"pairs {len(before)} -> {len(after)}: new {len(after - before)}, "
          f"gone {len(before - after)}")  # fmt: skip
    for label, found, claims in (
        ("new", after - before, claims_b),
        ("gone", before - after, claims_a),
    ):
        for x, y in sorted(found):
            a, b = claims[x], claims[y]
            if ids:
                print(f"{label}: {a['id']} ({a['origin']}) / {b['id']} ({b['origin']})")
            else:
                print(
                    f"{label}: [{a['origin']}] {x[1][:120]!r}\n      [{b['origin']}] {y[1][:120]!r}"
                )


if __name__ == "__main__":
    main()
