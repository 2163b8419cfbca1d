"""Claims one extraction has and another has not, on the same articles, for judging by hand.

    claimledger extract in.jsonl -f jsonl -o before.jsonl   # (the older checkout)
    claimledger extract in.jsonl -f jsonl -o after.jsonl
    python training/extraction_diff.py before.jsonl after.jsonl SEED N

Claims are matched by their content's character span in the same article. "new": a claim
whose span overlaps no claim of before; "changed": one that overlaps a claim of before with
another span (printed with what it was); "lost": a claim of before that overlaps nothing after.
Prints a seeded sample of N new, 10 changed and every lost claim.
"""

import json, random, sys
def load(p):
    out = {}
    for l in open(p):
        c = json.loads(l)
        out.setdefault(c["doc_id"], {})[(c["content"]["start"], c["content"]["end"])] = c
    return out
b, n = load(sys.argv[1]), load(sys.argv[2])
new, lost, changed = [], [], []
for d in set(b) | set(n):
    B, N = b.get(d, {}), n.get(d, {})
    add = {k: N[k] for k in N if k not in B}
    rem = {k: B[k] for k in B if k not in N}
    for k, c in add.items():
        ov = [r for r in rem if r[0] < k[1] and k[0] < r[1]]
        (changed if ov else new).append((c, [rem[r] for r in ov]))
    for k, c in rem.items():
        if not any(a[0] < k[1] and k[0] < a[1] for a in add):
            lost.append(c)
def show(c): return f"{c['id']} [{c['speaker']['text']}|{c['speaker']['name']}] cue={c['cue']['text'] if c['cue'] else None} :: {c['content']['text'][:220]!r}"
print(f"new {len(new)} changed {len(changed)} lost {len(lost)}")
random.seed(int(sys.argv[3]))
k = int(sys.argv[4])
print("--- NEW (sample)")
for c, _ in random.sample(sorted(new, key=lambda x: x[0]["id"]), min(k, len(new))): print(show(c))
print("--- CHANGED (sample of 10)")
for c, old in random.sample(sorted(changed, key=lambda x: x[0]["id"]), min(10, len(changed))):
    print(show(c)); [print("    was", show(o)) for o in old]
print("--- LOST (all)")
for c in sorted(lost, key=lambda c: c["id"]): print(show(c))
