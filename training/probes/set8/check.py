#!/usr/bin/env python3
"""Checks gold.json against inputs.jsonl for probe set 8 (standard library only).

    python3 check.py [--gold gold.json] [--inputs inputs.jsonl] [--warnings]

Errors (exit 1): JSON that does not parse; input records without the six keys, with duplicate ids, or
with texts outside 250-600 words; a cluster without members, origins, an integer independent_origins
(1..number of origins) or accepted labels; a member whose article is not an input, whose snippet is
not verbatim in the article's text or is not 4-15 words; a member listed twice; a one-member cluster
that accepts neither single-source nor contested; a tension/consistent figure not verbatim in its
article or without digits, or a pair within one article; a descriptor conflict whose descriptor is not
in its article; _meta naming articles that are not inputs, or stories not covering the inputs exactly.

Warnings (--warnings): members of different clusters that sit in one sentence, or whose snippet is
covered for 60% or more by the sentence of another cluster's member (the scorer's matching rule), so
an extractor may match them to one claim.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
LABELS = {"corroborated", "single-source", "circular", "contested", "denied"}
KEYS = {"id", "url", "outlet", "title", "published", "text"}


def words(s: str) -> list[str]:
    return re.findall(r"\w+", s.replace("\u2019", "'").lower())


def covers(text: str, snippet: str) -> float:
    have, want = Counter(words(text)), Counter(words(snippet))
    return sum((have & want).values()) / max(1, sum(want.values()))


def sentence_of(text: str, snippet: str) -> str:
    i = text.find(snippet)
    start = max(text.rfind(". ", 0, i), text.rfind("\n", 0, i)) + 1
    ends = [j for j in (text.find(". ", i + len(snippet)), text.find("\n", i + len(snippet))) if j != -1]
    return text[start:min(ends) if ends else len(text)].strip()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=HERE / "gold.json")
    ap.add_argument("--inputs", type=Path, default=HERE / "inputs.jsonl")
    ap.add_argument("--warnings", action="store_true")
    a = ap.parse_args()
    errs: list[str] = []
    warns: list[str] = []

    texts: dict[str, str] = {}
    for n, line in enumerate(a.inputs.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            errs.append(f"inputs line {n}: not JSON ({e})")
            continue
        if set(rec) != KEYS:
            errs.append(f"inputs line {n}: keys {sorted(rec)}")
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(rec.get("published"))):
            errs.append(f"inputs line {n}: published {rec.get('published')!r}")
        if rec.get("id") in texts:
            errs.append(f"inputs line {n}: duplicate id {rec.get('id')}")
        text = rec.get("text") or ""
        nw = len(text.split())
        if not 250 <= nw <= 600:
            errs.append(f"inputs line {n}: {nw} words")
        texts[rec.get("id")] = text

    try:
        gold = json.loads(a.gold.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        print(f"gold.json does not parse: {e}")
        return 1
    if gold.get("format") != "claimledger-scenario/1":
        errs.append(f"format {gold.get('format')!r}")
    clusters = gold.get("clusters") or {}
    seen: Counter = Counter()
    placed: list[tuple[str, str, str]] = []  # (article, cluster, snippet)
    for name, c in clusters.items():
        members = c.get("members") or []
        if not members:
            errs.append(f"{name}: no members")
        for m in members:
            if not (isinstance(m, list) and len(m) == 2 and all(isinstance(x, str) for x in m)):
                errs.append(f"{name}: malformed member {m!r}")
                continue
            art, snip = m
            seen[(art, snip)] += 1
            if art not in texts:
                errs.append(f"{name}: unknown article {art}")
            elif snip not in texts[art]:
                errs.append(f"{name}: snippet not verbatim in {art}: {snip!r}")
            else:
                placed.append((art, name, snip))
            nw = len(snip.split())
            if not 4 <= nw <= 15:
                errs.append(f"{name}: snippet of {nw} words: {snip!r}")
        origins = c.get("origins")
        if not (isinstance(origins, list) and origins and all(isinstance(o, list) and o and all(isinstance(x, str) and x for x in o) for o in origins)):
            errs.append(f"{name}: origins malformed")
            origins = []
        k = c.get("independent_origins")
        if not isinstance(k, int) or not 1 <= k <= max(1, len(origins)):
            errs.append(f"{name}: independent_origins {k!r} with {len(origins)} origin list(s)")
        acc = c.get("assessment")
        if not (isinstance(acc, list) and acc and set(acc) <= LABELS):
            errs.append(f"{name}: assessment {acc!r}")
        elif len(members) == 1 and not {"single-source", "contested"} & set(acc):
            errs.append(f"{name}: one-member cluster should accept single-source or contested")
        elif len(members) > 1 and "single-source" in acc:
            errs.append(f"{name}: multi-member cluster accepts single-source")
    for (art, snip), n in seen.items():
        if n > 1:
            errs.append(f"member listed {n} times: {art} {snip!r}")

    for key in ("tensions", "consistent"):
        for pair in gold.get(key, []):
            try:
                (a1, f1), (a2, f2) = pair
            except (TypeError, ValueError):
                errs.append(f"{key}: malformed {pair!r}")
                continue
            if a1 == a2:
                errs.append(f"{key}: both figures from {a1}")
            for art, fig in ((a1, f1), (a2, f2)):
                if art not in texts:
                    errs.append(f"{key}: unknown article {art}")
                elif fig not in texts[art]:
                    errs.append(f"{key}: figure {fig!r} not in {art}")
                if not re.search(r"\d", fig):
                    errs.append(f"{key}: figure {fig!r} has no digits")
    for dc in gold.get("descriptor_conflicts", []):
        if not (isinstance(dc.get("actor"), list) and dc["actor"]):
            errs.append(f"descriptor conflict without actor names: {dc!r}")
        if dc.get("article") not in texts or dc.get("descriptor", "") not in texts.get(dc.get("article"), ""):
            errs.append(f"descriptor conflict not found in its article: {dc!r}")

    meta = gold.get("_meta", {})
    story_arts = [x for s in meta.get("stories", []) for x in s.get("articles", [])]
    for art in story_arts + meta.get("exhaustive_articles", []) + [w["article"] for w in meta.get("wire_copies", [])]:
        if art not in texts:
            errs.append(f"_meta names {art}, not an input")
    if sorted(story_arts) != sorted(texts):
        errs.append("_meta stories do not list exactly the input articles")
    member_arts = {art for art, _, _ in placed}
    for art in meta.get("exhaustive_articles", []):
        if art not in member_arts:
            errs.append(f"exhaustive article {art} has no members")

    by_art: dict[str, list[tuple[str, str]]] = {}
    for art, name, snip in placed:
        by_art.setdefault(art, []).append((name, snip))
    for art, items in by_art.items():
        for i, (n1, s1) in enumerate(items):
            for n2, s2 in items[i + 1:]:
                if n1 == n2:
                    continue
                t1, t2 = sentence_of(texts[art], s1), sentence_of(texts[art], s2)
                if t1 == t2:
                    warns.append(f"{art}: {n1} and {n2} share a sentence")
                elif covers(t2, s1) >= 0.6 or covers(t1, s2) >= 0.6:
                    warns.append(f"{art}: {n1} / {n2}: a snippet is 60%+ covered by the other's sentence")

    multi = [c for c in clusters.values() if len(c.get("members", [])) > 1]
    if a.warnings:
        print("\n".join(f"warning: {w}" for w in warns) or "no warnings")
    if errs:
        print("\n".join(errs))
        print(f"{len(errs)} problem(s)")
        return 1
    print(f"ok: {len(texts)} articles, {len(clusters)} clusters ({len(multi)} with 2+ members, "
          f"{sum(len(c['members']) for c in multi)} members in them; "
          f"{sum(len(c['members']) for c in clusters.values())} members in all), "
          f"{len(gold.get('tensions', []))} tensions, {len(gold.get('consistent', []))} consistent pairs, "
          f"{len(gold.get('descriptor_conflicts', []))} descriptor conflicts, "
          f"{len(meta.get('exhaustive_articles', []))} exhaustive articles, {len(warns)} warning(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
