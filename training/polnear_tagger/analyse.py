"""Error listing for a prediction file on the held-out slice: matched claims whose speaker is
wrong (pred vs gold source). python analyse.py DATA_DIR SPLIT PRED.jsonl [N]"""
import json
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, "/work/shared/eval")
import polnear  # noqa: E402

data, split, pred = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
n = int(sys.argv[4]) if len(sys.argv) > 4 else 25
preds = {json.loads(x)["source"]["id"]: json.loads(x)["claims"] for x in pred.read_text().splitlines() if x.strip()}
bad, kinds = [], Counter()
for stem, (text, ann) in polnear.split_docs(data, split).items():
    gold = polnear.parse_ann(ann, text)
    pc = preds.get(stem, [])
    cands = sorted(((polnear.jaccard(p["content"]["text"], g["content"]), i, j)
                    for i, p in enumerate(pc) for j, g in enumerate(gold)), reverse=True)
    up, ug = set(), set()
    for s, i, j in cands:
        if s < 0.5 or i in up or j in ug:
            continue
        up.add(i); ug.add(j)
        sp = pc[i]["speaker"]["text"]
        if not polnear.source_matches(sp, gold[j]["source"]):
            kinds["pred_empty" if not sp else ("gold_empty" if not gold[j]["source"] else "mismatch")] += 1
            bad.append((sp, gold[j]["source"], (pc[i]["cue"] or {}).get("text"), gold[j]["cue"]))
print(kinds)
random.seed(0)
for b in random.sample(bad, min(n, len(bad))):
    print(b)
