"""Diagnostics for the polnear-ledger gold: each gold multi-member cluster with the exported
claims its members matched (speaker, origin, exported cluster, content).

    python training/ledger_diag.py --gold G/gold.json --pred ledger.json [--all]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "shared" / "eval"))
from score_ledger import article_keys, covers  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", required=True, type=Path)
    ap.add_argument("--pred", required=True, type=Path)
    ap.add_argument("--all", action="store_true")
    a = ap.parse_args()
    gold = json.loads(a.gold.read_text())
    led = json.loads(a.pred.read_text())
    key_of = article_keys(led)
    by_art: dict[str, list[dict]] = {}
    for c in led["claims"]:
        by_art.setdefault(key_of.get(c["doc_id"], c["doc_id"]), []).append(c)
    clusters = {k["id"]: k for k in led["clusters"]}
    for name, g in gold["clusters"].items():
        if len(g["members"]) < 2 and not a.all:
            continue
        print(f"== {name} gold={g['assessment']} indep={g['independent_origins']} origins={g['origins'][:3]}")
        for art, snip in g["members"]:
            cands = by_art.get(art, [])
            best = max(cands, key=lambda c: covers(c["content"], snip), default=None)
            if best is None or covers(best["content"], snip) < 0.6:
                print(f"   MISSING {art[:30]} {snip!r}")
                continue
            k = clusters.get(best["cluster_id"], {})
            print(f"   {best['cluster_id']:>5} {k.get('assessment','?')[:6]:6} {art[:22]:22} "
                  f"[{best.get('origin')}] {best['content'][:110]!r}")


if __name__ == "__main__":
    main()
