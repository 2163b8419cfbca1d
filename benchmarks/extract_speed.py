"""Extraction speed against the bare spaCy pipeline, in one run, on the PolNeAR train texts.

    python benchmarks/extract_speed.py [--limit N] [--data ../shared/corpus/polnear]

Prints words/s of bare ``nlp.pipe`` (the same en_core_web_sm model, 1 process), of
claimledger's whole extraction (1 process), their ratio (the floor is 70%), the peak RSS,
and the speed-up of 2 worker processes.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from collections.abc import Iterable
from pathlib import Path

from claimledger.models import Article, SourceInfo
from claimledger.nlp.pipeline import load_nlp
from claimledger.pipeline import BATCH_SIZE, extract_articles

BATCH = BATCH_SIZE  # the bare pipeline parses in the same batches as claimledger
DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "polnear"


def load_texts(data: Path, limit: int | None) -> list[Article]:
    files = sorted((data / "train" / "text").glob("*.txt"))[:limit]
    if not files:
        sys.exit(f"no texts under {data}/train/text: pass --data DIR (the PolNeAR folder)")
    return [Article(f.read_text(encoding="utf-8"), SourceInfo(id=f.stem)) for f in files]


def timed(label: str, words: int, fn: object) -> float:
    start = time.perf_counter()
    fn()  # type: ignore[operator]
    seconds = time.perf_counter() - start
    print(f"{label:34} {seconds:7.1f} s  {words / seconds:8.0f} words/s")
    return words / seconds


def consume(items: Iterable[object]) -> None:
    for _ in items:
        pass


def peak_rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=None, help="only the first N texts")
    args = ap.parse_args()
    articles = load_texts(args.data, args.limit)
    words = sum(len(a.text.split()) for a in articles)
    print(f"{len(articles)} PolNeAR train texts, {words} words")
    nlp = load_nlp()
    texts = [a.text for a in articles]
    ours = timed(
        "claimledger extract (1 process)", words, lambda: consume(extract_articles(articles))
    )
    rss = peak_rss_mb(resource.RUSAGE_SELF)
    print(f"peak RSS of claimledger extract: {rss:.0f} MB (limit 1024 MB)")
    bare = timed(
        "bare nlp.pipe (1 process)", words, lambda: consume(nlp.pipe(texts, batch_size=BATCH))
    )
    print(f"claimledger keeps {100 * ours / bare:.0f}% of the bare pipeline's words/s (floor 70%)")
    two = timed(
        "claimledger extract (--workers 2)",
        words,
        lambda: consume(extract_articles(articles, workers=2)),
    )
    print(f"--workers 2 speed-up over 1 process: {two / ours:.2f}x")
    print(f"peak RSS, largest worker: {peak_rss_mb(resource.RUSAGE_CHILDREN):.0f} MB")


if __name__ == "__main__":
    main()
