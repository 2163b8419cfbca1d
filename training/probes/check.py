#!/usr/bin/env python3
"""Checks a probe set's gold.json against its inputs.jsonl (standard library only).

    python training/probes/check.py training/probes/set10 [--warnings]

Errors (exit 1): files not well-formed; a cluster without members/origins/integer
independent_origins/known labels; a member naming an unknown article, a snippet that does not
occur verbatim in its article, a duplicate member;
a tension/consistent figure not verbatim in its article, without digits, or a pair inside one
article; _meta article ids that are not inputs; stories in _meta that do not list every
article exactly once.
Warnings (printed with --warnings): an article outside 250-600 words; a snippet of fewer than 4
or more than 15 words; a snippet that another cluster's member sentence in the same article covers at 60%+
(the scorer could match the wrong claim); a consistent pair whose digits equal a tension pair's.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

LABELS = {"corroborated", "single-source", "circular", "contested", "denied"}
KEYS = {"id", "url", "outlet", "title", "published", "text"}


def words(s):
    return re.findall(r"\w+", (s or "").replace("\u2019", "'").lower())


def covers(text, snip):
    have, want = Counter(words(text)), Counter(words(snip))
    return sum((have & want).values()) / max(1, sum(want.values()))


def sentence_of(text, snip):
    i = text.find(snip)
    start = max(text.rfind("\n", 0, i), max(text.rfind(". ", 0, i), text.rfind("? ", 0, i)))
    m = re.search(r"[.!?][\"\u201d]?(\s|$)|\n", text[i + len(snip):])
    end = i + len(snip) + (m.end() if m else len(text))
    return text[start + 1:end]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("set", type=Path, help="a probe set's folder (inputs.jsonl, gold.json)")
    ap.add_argument("--warnings", action="store_true", help="print the warnings too")
    a = ap.parse_args()
    errs, warns = [], []
    try:
        gold = json.loads((a.set / "gold.json").read_text())
    except ValueError as e:
        print(f"gold.json does not parse: {e}")
        return 1
    arts = {}
    for n, line in enumerate((a.set / "inputs.jsonl").read_text().splitlines(), 1):
        if not line.strip():
            continue
        try:
            r = json.loads(line)
        except ValueError as e:
            errs.append(f"inputs line {n}: {e}")
            continue
        if set(r) != KEYS:
            errs.append(f"inputs line {n}: keys {sorted(r)}")
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(r.get("published"))):
            errs.append(f"inputs line {n}: published {r.get('published')!r}")
        if r["id"] in arts:
            errs.append(f"duplicate article id {r['id']}")
        arts[r["id"]] = r["text"]
        nw = len(words(r["text"]))
        if not 250 <= nw <= 600:
            warns.append(f"{r['id']}: {nw} words")
    if gold.get("format") != "claimledger-scenario/1":
        errs.append("format is not claimledger-scenario/1")
    seen = set()
    members = []
    for name, c in gold.get("clusters", {}).items():
        if not c.get("members"):
            errs.append(f"{name}: no members")
        if not c.get("origins") or not all(isinstance(o, list) and o for o in c["origins"]):
            errs.append(f"{name}: origins must be non-empty lists of names")
        if not isinstance(c.get("independent_origins"), int) or c["independent_origins"] < 1:
            errs.append(f"{name}: independent_origins")
        if not c.get("assessment") or not set(c["assessment"]) <= LABELS:
            errs.append(f"{name}: assessment {c.get('assessment')}")
        for art, snip in c.get("members", []):
            if art not in arts:
                errs.append(f"{name}: unknown article {art}")
                continue
            if snip not in arts[art]:
                errs.append(f"{name}: snippet not verbatim in {art}: {snip!r}")
                continue
            if not 4 <= len(words(snip)) <= 15:
                warns.append(f"{name}: snippet has {len(words(snip))} words: {snip!r}")
            if (art, snip) in seen:
                errs.append(f"{name}: duplicate member {art} {snip!r}")
            seen.add((art, snip))
            members.append((name, art, snip))
    for x, ax, sx in members:
        for y, ay, sy in members:
            if x != y and ax == ay:
                sent = sentence_of(arts[ay], sy)
                if sx not in sent and covers(sent, sx) >= 0.6:
                    warns.append(f"{x}: snippet {sx!r} is {covers(sent, sx):.0%} covered by {y}'s sentence in {ax}")
    def digits(s):
        return re.sub(r"\D", "", s)
    tdig = set()
    for kind in ("tensions", "consistent"):
        for p in gold.get(kind, []):
            (a1, f1), (a2, f2) = p
            if a1 == a2:
                errs.append(f"{kind}: pair inside one article {p}")
            for art, fig in p:
                if art not in arts:
                    errs.append(f"{kind}: unknown article {art}")
                elif fig not in arts[art]:
                    errs.append(f"{kind}: figure {fig!r} not in {art}")
                if not digits(fig):
                    errs.append(f"{kind}: figure without digits {fig!r}")
            key = frozenset((digits(f1), digits(f2)))
            if kind == "tensions":
                tdig.add(key)
            elif key in tdig:
                warns.append(f"consistent pair {p} has the digits of a tension pair")
    for d in gold.get("descriptor_conflicts", []):
        if d.get("article") not in arts:
            errs.append(f"descriptor conflict: unknown article {d.get('article')}")
        elif d.get("descriptor") not in arts[d["article"]]:
            errs.append(f"descriptor conflict: {d.get('descriptor')!r} not in {d['article']}")
        if not d.get("actor"):
            errs.append("descriptor conflict without actor names")
    meta = gold.get("_meta", {})
    ex = meta.get("exhaustive_articles", [])
    if len(set(ex)) != len(ex):
        errs.append("exhaustive_articles: an id listed twice")
    for i in ex + [x for s in meta.get("stories", []) for x in s["articles"]] + \
            [x for p in meta.get("near_duplicate_articles", []) for x in p]:
        if i not in arts:
            errs.append(f"_meta names unknown article {i}")
    in_story = [x for s in meta.get("stories", []) for x in s["articles"]]
    if sorted(in_story) != sorted(arts):
        errs.append("stories do not list every article exactly once")
    for w in warns if a.warnings else []:
        print("warning:", w)
    for e in errs:
        print("ERROR:", e)
    n = gold.get("clusters", {})
    multi = sum(len(c["members"]) > 1 for c in n.values())
    print(f"{len(arts)} articles, {len(n)} clusters ({multi} with 2+ members), {len(members)} members, "
          f"{len(gold.get('tensions', []))} tensions, {len(gold.get('consistent', []))} consistent pairs, "
          f"{len(gold.get('descriptor_conflicts', []))} descriptor conflicts, {len(warns)} warning(s): {'OK' if not errs else 'PROBLEMS'}")
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main())
