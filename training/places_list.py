"""Every resolved place of a claims-contract export, with its country and population.

    python training/places_list.py PRED.jsonl [--sample 50 --seed 20261203] [--tsv]

A "resolved place" is one with a GeoNames id; the population comes from the gazetteer index.
--sample draws that many (article, place) pairs with a fixed seed, for judging by hand.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
from collections import Counter
from pathlib import Path

from claimledger.link.gazetteer import Gazetteer


def resolved(pred: Path) -> list[dict[str, object]]:
    rows = []
    for line in pred.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        text_of = doc.get("source", {}) or {}
        for place in doc.get("places", []):
            if place.get("geonameid") is None:
                continue
            rows.append({"doc": doc["source"]["id"], **place, "_src": text_of})
    return rows


def populations(ids: set[int]) -> dict[int, int]:
    db = sqlite3.connect(Gazetteer.load().path)
    out: dict[int, int] = {}
    for gid in ids:
        row = db.execute("SELECT population FROM places WHERE geonameid = ?", (gid,)).fetchone()
        out[gid] = row[0] if row else -1
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("pred", type=Path)
    ap.add_argument("--sample", type=int, default=0)
    ap.add_argument("--seed", type=int, default=20261203)
    ap.add_argument("--inputs", type=Path, help="the JSONL inputs, to show each mention's context")
    args = ap.parse_args()
    rows = resolved(args.pred)
    pop = populations({int(r["geonameid"]) for r in rows})  # type: ignore[call-overload]
    texts = {}
    if args.inputs:
        for line in args.inputs.read_text(encoding="utf-8").splitlines():
            d = json.loads(line)
            texts[d["id"]] = d["text"]
    if args.sample:
        rows = random.Random(args.seed).sample(rows, args.sample)
        for n, r in enumerate(rows, 1):
            ctx = ""
            if r["doc"] in texts:
                t = texts[r["doc"]]
                s, e = int(r["start"]), int(r["end"])  # type: ignore[call-overload]
                ctx = t[max(0, s - 60) : s] + "[" + t[s:e] + "]" + t[e : e + 40]
                ctx = " ".join(ctx.split())
            print(f"{n}\t{r['doc']}\t{r['text']}\t{r['name']}\t{r['country']}\t{r['feature']}\t"
                  f"{pop[int(r['geonameid'])]}\t{ctx}")  # type: ignore[call-overload]  # fmt: skip
        return
    counts = Counter(
        (r["text"], r["name"], r["country"], r["feature"], pop[int(r["geonameid"])])  # type: ignore[call-overload]
        for r in rows
    )
    print(f"# {len(rows)} resolved place mentions, {len(counts)} distinct")
    for (text, name, country, feature, p), n in counts.most_common():
        print(f"{n}\t{text}\t{name}\t{country}\t{feature}\t{p}")


if __name__ == "__main__":
    main()
