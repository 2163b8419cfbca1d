"""Draw the samples of a ledger export that a reader judges by hand (issue 10).

    python training/judge_sample.py LEDGER.json OUT.md [--seed 10]

Samples, with a fixed seed: 30 clusters of 2+ claims; every corroborated cluster (or 30); every
tension check (or 30); the 20 sources with the most judged claims (graded with a letter other
than F, else the most claims). Each item is printed with what a reader needs to judge it (the
members' sources and content, the figures and explanation, the grade's reasons) and a blank
verdict line. The judged copy of the file is kept in training/judged/.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("ledger", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=10)
    a = ap.parse_args()
    led = json.loads(a.ledger.read_text(encoding="utf-8"))
    rng = random.Random(a.seed)
    claims = {c["id"]: c for c in led["claims"]}
    docs = {x["doc_id"]: x for x in led["articles"]}

    def name(doc_id: str) -> str:
        art = docs.get(doc_id, {})
        src = art.get("source") or {}
        return f"{src.get('id') or doc_id} ({src.get('outlet')}, {(src.get('published') or '')[:10]})"

    def show(cid: str) -> str:
        c = claims[cid]
        chain = " <- ".join(c.get("chain") or []) or "no source"
        return f"  - [{chain}] {name(c['doc_id'])}: {c['content'][:300]!r}"

    lines = [f"# Judged sample of {a.ledger.name}, seed {a.seed}", ""]
    multi = [k for k in led["clusters"] if k["size"] >= 2]
    lines += [f"## Clusters of 2+ claims: {min(30, len(multi))} of {len(multi)}", "",
              "Verdict: yes when every member states one proposition (same event or state, same "
              "time), else no.", ""]  # fmt: skip
    for k in rng.sample(multi, min(30, len(multi))):
        lines += [f"### {k['id']} ({k['assessment']}, {k['size']} claims)", *map(show, k["claim_ids"]),
                  "", "verdict: ", ""]  # fmt: skip
    corr = [k for k in led["clusters"] if k["assessment"] == "corroborated"]
    pick = corr if len(corr) <= 30 else rng.sample(corr, 30)
    lines += [f"## Corroborated verdicts: {len(pick)} of {len(corr)}", "",
              "Verdict: yes when two or more independent lines each state the proposition.", ""]
    for k in pick:
        lines += [f"### {k['id']}: origins {k['origins']}", *[f"  reason: {r}" for r in k["reasons"]],
                  *map(show, k["claim_ids"]), "", "verdict: ", ""]  # fmt: skip
    tens = [c for c in led["checks"] if c["verdict"] == "tension"]
    pick = tens if len(tens) <= 30 else rng.sample(tens, 30)
    lines += [f"## Tensions: {len(pick)} of {len(tens)}", "",
              "Verdict: yes when both figures count the same thing, place, period and unit and "
              "disagree.", ""]  # fmt: skip
    for c in pick:
        lines += [f"### {c['id']}: {c['figures']}", f"  explanation: {c['explanation']}",
                  *[show(i) for i in c.get("claim_ids", []) if i in claims], "", "verdict: ", ""]
    srcs = sorted(led["sources"], key=lambda s: (s["reliability"] == "F",
                  -(s["corroborated"] + s["contested"] + s["denied"]), -s["claims"], s["name"]))
    lines += ["## The 20 most-graded sources", "",
              "Verdict: yes when the name is a real source (a person or body, not a pronoun, common "
              "noun or furniture), its variants are one source, and the grade follows from "
              "verdicts that are right.", ""]  # fmt: skip
    for s in srcs[:20]:
        lines += [f"### {s['name']}: {s['reliability']}", *[f"  reason: {r}" for r in s["reasons"]],
                  "", "verdict: ", ""]  # fmt: skip
    a.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
