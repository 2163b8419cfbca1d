#!/usr/bin/env python3
"""Checks gold.json against inputs.jsonl (standard library only).

    python check.py [--gold gold.json] [--inputs inputs.jsonl] [--review]

Errors (exit 1):
- inputs.jsonl: one JSON record per line with exactly id, url, outlet, title, published (YYYY-MM-DD), text;
  unique ids; 250-600 words per text;
- gold.json: well-formed JSON, format "claimledger-scenario/1", clusters with members, origins (lists of
  accepted names), integer independent_origins (1 <= n <= number of origins) and assessments from the five
  labels; a one-member cluster accepts single-source (or contested);
- every member names an input article and its snippet occurs verbatim in that article's text, 4 to 15 words;
  no member listed twice;
- every figure of tensions / consistent occurs verbatim in its article and has digits; the two articles of a
  pair differ; no consistent pair has the same digits as a tension pair;
- every descriptor conflict names an input article and its descriptor occurs verbatim in it;
- _meta: the stories list every input exactly once, 4-6 articles per story from different outlets;
  the exhaustive articles (8) are inputs and every one of them has members.
Warnings (printed, exit unaffected):
- a sentence of the same article that is not the snippet's own sentence covers >= 60% of the snippet's
  words (the scorer could match the member to the wrong claim).
--review prints, for the exhaustive articles, the sentences with an attribution cue that hold no member
(to re-read by hand; repeats and own-voice sentences are expected there).
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
RECORD_KEYS = {"id", "url", "outlet", "title", "published", "text"}
CUES = re.compile(r"\b(said|says|say|told|claimed|claims|claim|according to|reported|reports|denied|denies|"
                  r"wrote|stated|noted|added|announced|informed|declared|estimate|estimates|assess|believe|"
                  r"citing|accused|called|rejected|stressed|puts|put the number)\b", re.I)


def words(s: str) -> list[str]:
    return re.findall(r"\w+", s.replace("’", "'").lower())


def covers(text: str, snippet: str) -> float:
    have, want = Counter(words(text)), Counter(words(snippet))
    return sum((have & want).values()) / max(1, sum(want.values()))


def sentences(text: str) -> list[str]:
    out = []
    for para in text.split("\n"):
        out += [s for s in re.split(r"(?<=[.!?»”\"])\s+(?=[A-Z“\"«–])|(?<=[a-z]\.)(?=[A-Z])", para) if s.strip()]
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=HERE / "gold.json")
    ap.add_argument("--inputs", type=Path, default=HERE / "inputs.jsonl")
    ap.add_argument("--review", action="store_true")
    a = ap.parse_args()
    problems: list[str] = []
    warnings: list[str] = []

    texts: dict[str, str] = {}
    outlets: dict[str, str] = {}
    for n, line in enumerate(a.inputs.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            problems.append(f"inputs line {n}: not JSON ({e})")
            continue
        if set(rec) != RECORD_KEYS:
            problems.append(f"inputs line {n}: keys {sorted(rec)}")
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(rec.get("published"))):
            problems.append(f"inputs line {n}: published {rec.get('published')!r}")
        if rec.get("url") is not None:
            problems.append(f"inputs line {n}: url should be null")
        text = rec.get("text") or ""
        nw = len(re.findall(r"\w+(?:[-'’.,]\w+)*", text))
        if not 250 <= nw <= 600:
            problems.append(f"inputs line {n}: {nw} words")
        if rec.get("id") in texts:
            problems.append(f"inputs line {n}: duplicate id {rec.get('id')}")
        texts[rec.get("id")] = text
        outlets[rec.get("id")] = rec.get("outlet")

    try:
        gold = json.loads(a.gold.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        print(f"gold.json is not well-formed JSON: {e}")
        return 1
    if gold.get("format") != "claimledger-scenario/1":
        problems.append(f"format is {gold.get('format')!r}")
    clusters = gold.get("clusters") or {}
    seen: Counter = Counter()
    members_of: dict[str, list[str]] = {}
    for name, c in clusters.items():
        where = f"cluster {name}"
        members = c.get("members") or []
        if not members:
            problems.append(f"{where}: no members")
        for m in members:
            if not (isinstance(m, list) and len(m) == 2 and all(isinstance(x, str) for x in m)):
                problems.append(f"{where}: malformed member {m!r}")
                continue
            art, snip = m
            seen[(art, snip)] += 1
            members_of.setdefault(art, []).append(snip)
            if art not in texts:
                problems.append(f"{where}: article {art} is not in the inputs")
                continue
            if snip not in texts[art]:
                problems.append(f"{where}: snippet not verbatim in {art}: {snip!r}")
                continue
            nw = len(words(snip))
            if not 4 <= nw <= 15:
                problems.append(f"{where}: snippet of {nw} words: {snip!r}")
            for s in sentences(texts[art]):
                if snip not in s and snip.split()[0] not in s and covers(s, snip) >= 0.6:
                    warnings.append(f"{where}: {art}: snippet {snip!r} is {covers(s, snip):.0%} covered by {s[:90]!r}")
        origins = c.get("origins")
        if not (isinstance(origins, list) and origins
                and all(isinstance(o, list) and o and all(isinstance(x, str) and x for x in o) for o in origins)):
            problems.append(f"{where}: origins must be a non-empty list of non-empty name lists")
            origins = []
        n = c.get("independent_origins")
        if not isinstance(n, int) or n < 1 or n > len(origins):
            problems.append(f"{where}: independent_origins {n!r} with {len(origins)} origin(s)")
        acc = c.get("assessment")
        if not (isinstance(acc, list) and acc and set(acc) <= LABELS):
            problems.append(f"{where}: assessment {acc!r}")
        elif len(members) == 1 and "single-source" not in acc and "contested" not in acc:
            problems.append(f"{where}: a one-member cluster should accept single-source (or contested)")
        if n == 1 and acc and "corroborated" in acc and len(acc) == 1:
            problems.append(f"{where}: corroborated with one origin")
    for (art, snip), k in seen.items():
        if k > 1:
            problems.append(f"member listed {k} times: {art} {snip!r}")

    digits = lambda s: re.sub(r"\D", "", s)  # noqa: E731
    tension_digits = set()
    for key in ("tensions", "consistent"):
        for pair in gold.get(key, []):
            try:
                (a1, f1), (a2, f2) = pair
            except (TypeError, ValueError):
                problems.append(f"{key}: malformed pair {pair!r}")
                continue
            if a1 == a2:
                problems.append(f"{key}: both figures from {a1}")
            for art, fig in ((a1, f1), (a2, f2)):
                if art not in texts:
                    problems.append(f"{key}: article {art} is not in the inputs")
                elif fig not in texts[art]:
                    problems.append(f"{key}: figure {fig!r} not in {art}")
                if not re.search(r"\d", fig):
                    problems.append(f"{key}: figure {fig!r} has no digits")
            d = frozenset((digits(f1), digits(f2)))
            if key == "tensions":
                tension_digits.add(d)
            elif d in tension_digits:
                problems.append(f"consistent pair {pair!r} has the digits of a tension pair")
    for dc in gold.get("descriptor_conflicts", []):
        if not (isinstance(dc.get("actor"), list) and dc["actor"]):
            problems.append(f"descriptor conflict without actor names: {dc!r}")
        if dc.get("article") not in texts or dc.get("descriptor", "") not in texts.get(dc.get("article"), ""):
            problems.append(f"descriptor conflict not found in its article: {dc!r}")

    meta = gold.get("_meta", {})
    story_arts = [x for s in meta.get("stories", []) for x in s.get("articles", [])]
    if sorted(story_arts) != sorted(texts):
        problems.append("_meta stories do not list exactly the input articles")
    for s in meta.get("stories", []):
        arts = s.get("articles", [])
        if not 4 <= len(arts) <= 6:
            problems.append(f"story {s.get('id')}: {len(arts)} articles")
        outs = [outlets.get(x) for x in arts]
        if len(set(outs)) != len(outs):
            problems.append(f"story {s.get('id')}: repeated outlet {outs}")
    exh = meta.get("exhaustive_articles", [])
    if len(exh) != 8:
        problems.append(f"{len(exh)} exhaustive articles (want 8)")
    for art in exh:
        if art not in texts:
            problems.append(f"_meta names {art}, which is not an input")
        elif not members_of.get(art):
            problems.append(f"exhaustive article {art} has no members")

    if a.review:
        for art in exh:
            print(f"== {art}")
            for s in sentences(texts.get(art, "")):
                if CUES.search(s) and not any(m in s or covers(s, m) >= 0.8 for m in members_of.get(art, [])):
                    print(f"   no member: {s[:140]}")
    for w in warnings:
        print("warning:", w)
    multi = [k for k, c in clusters.items() if len(c.get("members", [])) > 1]
    if problems:
        print("\n".join(problems))
        print(f"{len(problems)} problem(s)")
        return 1
    print(f"ok: {len(texts)} articles, {len(clusters)} clusters ({len(multi)} with 2+ members, "
          f"{sum(len(clusters[k]['members']) for k in multi)} members in them; "
          f"{sum(len(c['members']) for c in clusters.values())} members in all), "
          f"{len(gold.get('tensions', []))} tensions, {len(gold.get('consistent', []))} consistent pairs, "
          f"{len(gold.get('descriptor_conflicts', []))} descriptor conflicts, {len(exh)} exhaustive articles; "
          f"{len(warnings)} warning(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
