"""How long one ingest holds the ledger's write lock, by article length.

    python benchmarks/write_lock.py [--sizes 10000,100000,...] [--seed S] [--background N]

Other writers (a second ``claimledger ingest``, the API's POST) wait while an ingest holds the
write lock, so the longest single transaction matters more than the total. For each size an
article is built as ``long_articles.py`` builds it, extracted (outside any transaction), and
stored into a ledger that already holds ``--background`` shorter articles; the table gives its
figures, the number of write transactions, the longest one and the sum of all.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from long_articles import build, extract_one

from claimledger.models import Extraction
from claimledger.store.sqlite import SQLiteStore


def named(extraction: Extraction, record_id: str) -> Extraction:
    """The extraction as the article with this record id (each one its own article)."""
    article = extraction.article
    return replace(
        extraction, article=replace(article, source=replace(article.source, id=record_id))
    )


def timed(store: SQLiteStore) -> list[float]:
    """Record how long each of the store's write transactions holds the lock, from now on."""
    held: list[float] = []
    original = store.transaction

    @contextmanager
    def transaction() -> Iterator[None]:
        start = time.perf_counter()
        with original():
            yield
        held.append(time.perf_counter() - start)

    store.transaction = transaction  # type: ignore[method-assign]
    return held


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,50000,100000,250000")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--background", type=int, default=20)
    args = ap.parse_args()
    from claimledger.ledger import open_ledger

    print(f"{'chars':>9} {'figures':>8} {'transactions':>13} {'longest s':>10} {'total s':>8}")
    for size in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            store = SQLiteStore(Path(tmp) / "ledger.db")
            ledger = open_ledger(store)
            for k in range(args.background):
                ledger.ingest(named(extract_one(build(3_000, args.seed + 1000 + k)), f"bg{k}"))
            extraction = named(extract_one(build(size, args.seed)), "measured")
            held = timed(store)
            ledger.ingest(extraction)
            store.close()
        print(
            f"{len(extraction.article.text):>9} {len(extraction.quantities):>8} {len(held):>13} "
            f"{max(held):>10.2f} {sum(held):>8.2f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
