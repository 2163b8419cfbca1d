"""Run an assembled attribution pipeline over claimledger JSONL input and write contract-form
predictions that /work/shared/eval/polnear.py scores.

    python decode.py PIPELINE IN.jsonl OUT.jsonl [--keep-cueless] [--window 1] [--before-bonus 2]

Grouping (per document, over the SOURCE/CUE/CONTENT pieces in doc.spans["attr_pieces"]), cue-anchored:
1. every CONTENT piece attaches to the nearest CUE in the sentence(s) it covers, else within
   `window` sentences; a cue before the content gets a small preference (PolNeAR: ~70% of cues
   precede their content). Pieces sharing a cue form one claim ("X," he said, "Y." -> one claim).
2. the speaker is the SOURCE nearest that cue in the cue's sentence; if there is none
   (--source-mode fallback, default) the subject of the cue's verb from the parse; none -> empty
   speaker (PolNeAR "Attribution-no-source").
3. CONTENT pieces with no cue nearby are dropped unless --keep-cueless.
Claim content text = the pieces' texts joined by a space; start/end = first/last piece offsets.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import spacy

sys.path.insert(0, str(Path(__file__).parent))
import attr_components  # noqa: E402,F401

OUT_KEY = attr_components.OUT_KEY


def filler(tok) -> bool:
    return tok.is_space or tok.is_punct or tok.is_quote


SUBJ = ("nsubj", "nsubjpass", "csubj")
REL_PRON = {"who", "that", "which", "whom"}


def dep_source(cue):
    """Speaker from the parse: subject of the cue's verb (climbing through xcomp/advcl/conj/
    relcl/acl heads, relative pronoun -> the noun it modifies; passive -> agent), or the object of
    'according to'."""
    root = cue.root
    for t in cue:
        if t.lower_ == "according":
            to = [c for c in t.children if c.lower_ == "to"]
            pobj = [c for c in to[0].children if c.dep_ == "pobj"] if to else []
            return list(pobj[0].subtree) if pobj else None
    t = root
    for _ in range(3):
        agent = [c for c in t.children if c.dep_ == "agent"]
        subj = [c for c in t.children if c.dep_ in SUBJ]
        if agent and (not subj or subj[0].dep_ == "nsubjpass"):
            return [x for x in agent[0].subtree if x is not agent[0]] or None
        if subj:
            sj = subj[0]
            if sj.lower_ in REL_PRON and t.dep_ == "relcl":
                sj = t.head
                return [x for x in sj.subtree if x.i < t.i and not x.is_punct] or [sj]
            return [x for x in sj.subtree]
        if t.dep_ in ("relcl", "acl") and t.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return [x for x in t.head.subtree if x.i < t.i] or [t.head]
        if t.dep_ in ("xcomp", "advcl", "conj", "ccomp", "acl", "relcl", "prep", "pcomp") and t.head is not t:
            t = t.head
            continue
        break
    return None


def span_text(toks) -> str:
    toks = sorted(toks, key=lambda t: t.i)
    while toks and (toks[0].is_punct or toks[0].is_space):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        toks = toks[:-1]
    return "".join(t.text_with_ws for t in toks).strip()


def group_doc(doc, keep_cueless: bool = False, window: int = 1,
              before_bonus: int = 2, source_mode: str = "model") -> list[dict]:
    """Cue-anchored grouping: every CONTENT piece attaches to the nearest CUE in its sentence(s)
    (else within `window` sentences), cues before the content get `before_bonus` tokens of
    preference; pieces sharing a cue form one claim; speaker = SOURCE nearest the cue in the cue's
    sentence."""
    pieces = sorted(doc.spans[OUT_KEY], key=lambda s: s.start)
    contents = [p for p in pieces if p.label_ == "CONTENT"]
    cues = [p for p in pieces if p.label_ == "CUE"]
    sources = [p for p in pieces if p.label_ == "SOURCE"]
    sent_of: dict[int, int] = {}
    for si, s in enumerate(doc.sents):
        for i in range(s.start, s.end):
            sent_of[i] = si

    def dist(span, a: int, b: int) -> int:
        if span.end <= a:
            return a - span.end - before_bonus
        if span.start >= b:
            return span.start - b
        return -before_bonus - 1

    groups: dict[int, list] = {}
    cueless: list[list] = []
    for c in contents:
        s0, s1 = sent_of[c.start], sent_of[c.end - 1]
        best = None
        for w in range(window + 1):
            cand = [q for q in cues if s0 - w <= sent_of[q.start] <= s1 + w]
            if cand:
                best = min(cand, key=lambda q: (dist(q, c.start, c.end), q.start))
                break
        if best is None:
            if cueless and all(filler(t) for t in doc[cueless[-1][-1].end:c.start]):
                cueless[-1].append(c)
            else:
                cueless.append([c])
        else:
            groups.setdefault(cues.index(best), []).append(c)

    claims = []
    items = [(cues[k], g) for k, g in groups.items()]
    if keep_cueless:
        items += [(None, g) for g in cueless]
    for cue, g in sorted(items, key=lambda x: x[1][0].start):
        src = None
        if cue is not None:
            cs = sent_of[cue.start]
            cand = [s for s in sources if sent_of[s.start] == cs]
            if cand:
                src = min(cand, key=lambda s: (dist(s, cue.start, cue.end), s.start))
        src_text = src.text if src is not None else ""
        if cue is not None and source_mode != "model":
            dep = dep_source(cue)
            dep_text = span_text(dep) if dep else ""
            if source_mode == "dep_first" and dep_text:
                src_text = dep_text
            elif source_mode == "fallback" and not src_text:
                src_text = dep_text
        text = " ".join(p.text for p in g)
        claims.append({
            "content": {"start": g[0].start_char, "end": g[-1].end_char, "text": text},
            "cue": ({"start": cue.start_char, "end": cue.end_char, "text": cue.text} if cue is not None else None),
            "speaker": {"text": src_text, "name": src_text, "kind": "unspecified"},
        })
    return claims


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("pipeline")
    ap.add_argument("inp", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--window", type=int, default=1)
    ap.add_argument("--before-bonus", type=int, default=2)
    ap.add_argument("--source-mode", choices=["model", "fallback", "dep_first"], default="fallback",
                    help="speaker from model SOURCE pieces, with parse-based fallback, or parse first")
    ap.add_argument("--keep-cueless", action="store_true")
    ap.add_argument("--docs-cache", type=Path, help="save/load processed docs (DocBin) to re-decode fast")
    a = ap.parse_args()
    recs = [json.loads(line) for line in a.inp.read_text().splitlines() if line.strip()]
    nlp = spacy.load(a.pipeline)
    t0 = time.perf_counter()
    if a.docs_cache and a.docs_cache.exists():
        from spacy.tokens import DocBin
        docs = list(DocBin().from_disk(a.docs_cache).get_docs(nlp.vocab))
    else:
        docs = list(nlp.pipe(r["text"] for r in recs))
        if a.docs_cache:
            from spacy.tokens import DocBin
            DocBin(docs=docs, store_user_data=True).to_disk(a.docs_cache)
    t1 = time.perf_counter()
    with a.out.open("w") as f:
        for r, doc in zip(recs, docs):
            claims = group_doc(doc, a.keep_cueless, a.window, a.before_bonus, a.source_mode)
            f.write(json.dumps({"doc_id": r["id"], "source": {"id": r["id"]}, "claims": claims},
                               ensure_ascii=False) + "\n")
    t2 = time.perf_counter()
    nw = sum(len(d) for d in docs)
    print(f"{len(docs)} docs, {nw} tokens: pipe {t1 - t0:.1f}s, decode {t2 - t1:.2f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
