"""Ledger ingest and incremental analysis speed, on synthetic articles (extraction not counted).

    python benchmarks/ledger_speed.py [--n 10000] [--small 1000] [--seed 0] [--workers 2]
                                      [--parts 5] [--keep DIR] [--no-cache] [--profile]

Generates n + 200 articles with ``benchmarks/synthetic.py`` and extracts them all first
(``--workers`` processes; timed and printed apart). The extractions are cached in
``~/.cache/claimledger/bench-extractions-<n>-<seed>.pkl`` and reused while the generator
gives the same articles and the extraction code and data are unchanged (``--no-cache``
extracts again; ``--extract-only`` stops after filling the cache). Then, into a fresh SQLite ledger:

1. the first ``--small`` articles (in publication order) are ingested;
2. 20 arrivals -- articles published just after, half of them in stories the ledger already
   holds, half starting new stories -- are ingested one by one and timed;
3. the rest, up to n articles in all, are ingested;
4. 20 arrivals published just after the n-th article are ingested one by one and timed.

``--parts K`` (K > 1) measures real-sized articles: K times as many template articles are
generated and extracted, and every K consecutive ones become one article of about 600 words,
10 claims and 7 figures (``benchmarks/realsized.py``; the padding words are not parsed), so the
ledger holds n real-sized articles.

Prints the articles/s of ingest + analysis over the n articles (and by block of 1,000), the
median and p90 ms of an arrival at both ledger sizes and their ratio (the ceiling is 3: the
analysis is incremental and must not rescan the ledger), the peak RSS, and the ledger's size.
``--profile`` runs the arrivals under cProfile (their ms then include its overhead) and prints
the functions whose time per arrival grows most between the two ledger sizes.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import os
import pickle
import pstats
import resource
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from realsized import real_sized
from synthetic import generate, story_of, story_of_id

import claimledger
from claimledger.errors import ExtractionError
from claimledger.ledger import Ledger, open_ledger
from claimledger.link.gazetteer import cache_dir
from claimledger.models import Article, Extraction
from claimledger.pipeline import extract_articles
from claimledger.store.sqlite import SQLiteStore

EXTRA = 200  # articles generated beyond n: the arrivals at n are drawn from them
ARRIVALS = 20
CEILING = 3.0  # an arrival at n may cost less than this many times one at --small
BLOCK = 1000


@dataclass(frozen=True)
class Plan:
    """The extractions in the order they are ingested, and which of them are timed arrivals."""

    first: list[Extraction]  # ingested up to the small ledger size
    arrivals_small: list[Extraction]
    middle: list[Extraction]  # ingested up to n
    arrivals_big: list[Extraction]


# ------------------------------------------------------------------ extraction (not measured)


def cache_path(n: int, seed: int) -> Path:
    return cache_dir() / f"bench-extractions-{n}-{seed}.pkl"


def code_fingerprint() -> str:
    """A digest of the code and data an extraction depends on: a stale cache is not reused."""
    root = Path(claimledger.__file__).parent
    digest = hashlib.sha256()
    for folder in ("extract", "nlp", "link", "registry", "data"):
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() and path.suffix in {".py", ".tsv", ".txt", ".yaml", ".json"}:
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    digest.update((root / "models.py").read_bytes())
    return digest.hexdigest()[:16]


def extractions(
    articles: list[Article], n: int, seed: int, workers: int, cache: bool
) -> list[Extraction]:
    """The extractions of ``articles``, from the cache when it holds these very articles."""
    path = cache_path(n, seed)
    doc_ids = [a.doc_id for a in articles]
    code = code_fingerprint()
    if cache and path.is_file():
        with path.open("rb") as f:
            cached = pickle.load(f)
        if cached["doc_ids"] == doc_ids and cached.get("code") == code:
            print(f"extraction: {len(cached['extractions']):,} extractions loaded from {path}")
            return list(cached["extractions"])
        print(f"extraction: {path} holds other articles or older extraction code; extracting again")
    start = time.perf_counter()
    outcomes = list(extract_articles(articles, workers=workers))
    seconds = time.perf_counter() - start
    done = [o for o in outcomes if isinstance(o, Extraction)]
    failed = [o for o in outcomes if isinstance(o, ExtractionError)]
    print(f"extraction: {len(articles):,} articles in {seconds:.0f} s with {workers} worker(s) "
          f"({len(articles) / seconds:.1f} articles/s, not part of the figures below); "
          f"{len(failed)} failed")  # fmt: skip
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as f:
        pickle.dump(
            {"doc_ids": doc_ids, "code": code, "extractions": done},
            f,
            protocol=pickle.HIGHEST_PROTOCOL,
        )
    return done


# ------------------------------------------------------------------ the plan


def pick_arrivals(pool: Sequence[Extraction], known: set[int], count: int) -> list[Extraction]:
    """Up to ``count`` of ``pool``, half in stories of ``known``, half each starting a new one."""
    existing = [e for e in pool if story_of(e.article) in known]
    firsts: dict[int, Extraction] = {}  # the first article of each new story
    for e in pool:
        if story_of(e.article) not in known:
            firsts.setdefault(story_of(e.article), e)
    new = list(firsts.values())
    take = min(len(existing), max(count // 2, count - len(new)))
    return sorted(existing[:take] + new[: count - take], key=_order)


def _order(e: Extraction) -> tuple[str, str]:
    return e.article.source.published or "", e.article.source.id or ""


def make_plan(done: list[Extraction], small: int, n: int) -> Plan:
    ordered = sorted(done, key=_order)
    stories_small = {story_of(e.article) for e in ordered[:small]}
    arrivals_small = pick_arrivals(ordered[small : small + EXTRA], stories_small, ARRIVALS)
    held = {e.article.doc_id for e in arrivals_small}
    middle = [e for e in ordered[small:n] if e.article.doc_id not in held]
    stories_big = {story_of(e.article) for e in ordered[:n]}
    arrivals_big = pick_arrivals(ordered[n : n + EXTRA], stories_big, ARRIVALS)
    return Plan(ordered[:small], arrivals_small, middle, arrivals_big)


def describe(arrivals: list[Extraction], before: list[Extraction]) -> str:
    known = {story_of(e.article) for e in before}
    old = sum(story_of(e.article) in known for e in arrivals)
    return f"{len(arrivals)} arrivals: {old} to existing stories, {len(arrivals) - old} new"


# ------------------------------------------------------------------ ingest (measured)


def ingest(ledger: Ledger, items: Sequence[Extraction]) -> list[float]:
    """Ingest one by one; the seconds each took (progress on stderr every 1,000)."""
    seconds = []
    for n, e in enumerate(items, 1):
        if n % BLOCK == 0:
            print(f"  ... {n:,} of {len(items):,} ingested", file=sys.stderr, flush=True)
        start = time.perf_counter()
        outcome = ledger.ingest(e)
        seconds.append(time.perf_counter() - start)
        if outcome.status != "new":
            sys.exit(f"{e.article.source.id} was {outcome.status}: the synthetic texts must differ")
    return seconds


def timed_arrivals(
    ledger: Ledger, items: Sequence[Extraction], profile: bool
) -> tuple[list[float], pstats.Stats | None]:
    if not profile:
        return ingest(ledger, items), None
    profiler = cProfile.Profile()
    seconds = profiler.runcall(ingest, ledger, items)
    return seconds, pstats.Stats(profiler)


def ms(seconds: Sequence[float], q: float) -> float:
    ordered = sorted(seconds)
    return 1000 * ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


# ------------------------------------------------------------------ report


def block_rates(seconds: Sequence[float]) -> str:
    rates = []
    for start in range(0, len(seconds), BLOCK):
        block = seconds[start : start + BLOCK]
        rates.append(
            f"{start // 1000}-{(start + len(block)) / 1000:g}k {len(block) / sum(block):.0f}"
        )
    return ", ".join(rates)


def growth(small: pstats.Stats, big: pstats.Stats, sizes: tuple[int, int], top: int = 15) -> None:
    """The functions whose time per arrival grows most from the small ledger to the big one."""
    before = small.stats  # type: ignore[attr-defined]
    rows = []
    for key, (_, calls, _, cumulative, _) in big.stats.items():  # type: ignore[attr-defined]
        where, _, name = key
        if "claimledger" not in where and "sqlite3" not in name:
            continue
        old = before.get(key, (0, 0, 0, 0.0, None))
        rows.append((cumulative - old[3], cumulative, old[3], calls, old[1], key))
    rows.sort(reverse=True)
    count = ARRIVALS
    print(f"\ncProfile: ms per arrival (cumulative) at {sizes[0]:,} and {sizes[1]:,} articles,")
    print("the functions whose time grows most:")
    print(f"  {'function':58} {'small':>8} {'big':>8} {'calls':>11}")
    for _, big_s, small_s, calls, calls_small, (where, line, name) in rows[:top]:
        label = f"{Path(where).stem}:{line} {name}" if where != "~" else name
        print(f"  {label[:58]:58} {1000 * small_s / count:8.2f} {1000 * big_s / count:8.2f} "
              f"{calls_small / count:5.0f}/{calls / count:<5.0f}")  # fmt: skip


def story_purity(store: SQLiteStore, told: dict[str, int] | None = None) -> str:
    """Of the pairs of claims in one cluster, the share from one synthetic story: a cluster
    that mixes stories joined claims about different events (a story's claims may rightly
    form several clusters, so this measures precision only)."""
    story = {a.doc_id: story_of_id(a.source_id or "") for a in store.articles()}
    members: dict[str, list[int]] = {}
    for claim_id, cluster_id in store.db.execute("SELECT claim_id, cluster_id FROM claim_clusters"):
        members.setdefault(cluster_id, []).append(
            # a second proposition of a claim ("c3.2") is of the claim's story
            told[claim_id.split(".")[0]] if told else story[claim_id.split(":")[0]]
        )
    pairs = same = 0
    for stories in members.values():
        pairs += len(stories) * (len(stories) - 1) // 2
        same += sum(n * (n - 1) // 2 for n in Counter(stories).values())
    return f"{same / max(pairs, 1):.3f} ({same:,} of {pairs:,} same-cluster pairs)"


def ledger_summary(store: SQLiteStore) -> str:
    counts = store.counts()
    sizes = [k.size for k in store.clusters()]
    db_mb = Path(store.path).stat().st_size / 2**20 if store.path != ":memory:" else 0
    return (f"{counts['articles']:,} articles, {counts['claims']:,} claims, "
            f"{counts['clusters']:,} clusters (largest {max(sizes, default=0)}, "
            f"{sum(s >= 10 for s in sizes)} of 10+), {counts['checks']:,} figure checks, "
            f"{db_mb:.0f} MB on disk")  # fmt: skip


def arrival_row(
    seconds: Sequence[float], arrivals: list[Extraction], before: list[Extraction]
) -> str:
    median, p90 = ms(seconds, 0.5), ms(seconds, 0.9)
    return f"median {median:.1f} ms, p90 {p90:.1f} ms ({describe(arrivals, before)})"


def run(plan: Plan, db: Path, profile: bool, told: dict[str, int] | None = None) -> None:
    store = SQLiteStore(db)
    ledger = open_ledger(store)
    rss_before = peak_rss_mb()
    bulk = ingest(ledger, plan.first)
    small_s, small_stats = timed_arrivals(ledger, plan.arrivals_small, profile)
    bulk += small_s + ingest(ledger, plan.middle)
    big_s, big_stats = timed_arrivals(ledger, plan.arrivals_big, profile)
    n_small, n, total = len(plan.first), len(bulk), sum(bulk)
    ratio = statistics.median(big_s) / statistics.median(small_s)
    verdict = "PASS" if ratio < CEILING else "FAIL"
    rows = [
        ("ingest + analysis", f"{n:,} articles in {total:.1f} s = {n / total:.1f} articles/s"),
        ("  by ledger size, articles/s", block_rates(bulk)),
        (f"arrival at {n_small:,}", arrival_row(small_s, plan.arrivals_small, plan.first)),
        (f"arrival at {n:,}", arrival_row(big_s, plan.arrivals_big, plan.first + plan.middle)),
        (f"median ratio {n:,} / {n_small:,}", f"{ratio:.2f} (ceiling {CEILING:g}: {verdict})"),
        ("peak RSS, this process", f"{peak_rss_mb():.0f} MB ({rss_before:.0f} MB before ingest)"),
        ("peak RSS, largest worker", f"{peak_rss_mb(resource.RUSAGE_CHILDREN):.0f} MB"),
        ("ledger", ledger_summary(store)),
        ("clusters' story purity", story_purity(store, told)),
        ("ledger file per article", f"{Path(db).stat().st_size / n / 1024:.1f} KiB"),
        ("load average (1, 5, 15 min)", ", ".join(f"{x:.1f}" for x in os.getloadavg())),
    ]
    if profile:
        rows.append(("note", "--profile: the arrival ms include cProfile's overhead"))
    print(f"\n== ledger ingest + analysis, {n:,} synthetic articles ==")
    for label, value in rows:
        print(f"{label:32} {value}")
    if small_stats and big_stats:
        growth(small_stats, big_stats, (n_small, n))
    store.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000, help="ledger size of the big measurement")
    ap.add_argument("--small", type=int, default=1_000, help="ledger size of the small one")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--workers", type=int, default=2, help="extraction processes")
    ap.add_argument("--keep", type=Path, default=None, help="keep the ledger in this folder")
    ap.add_argument("--no-cache", action="store_true", help="extract again, ignore the cache")
    ap.add_argument("--profile", action="store_true", help="profile the timed arrivals")
    ap.add_argument("--extract-only", action="store_true", help="fill the cache and stop")
    ap.add_argument("--parts", type=int, default=1,
                    help="template articles per measured article (5: real-sized)")  # fmt: skip
    args = ap.parse_args()
    if args.small + EXTRA > args.n:
        ap.error(f"--n must be at least --small + {EXTRA}")
    k = max(1, args.parts)
    articles = generate(k * (args.n + EXTRA), args.seed)
    print(f"{len(articles):,} synthetic articles (seed {args.seed}), "
          f"{len({story_of(a) for a in articles}):,} stories")  # fmt: skip
    done = extractions(articles, k * args.n, args.seed, args.workers, not args.no_cache)
    if args.extract_only:
        return
    if k > 1:
        done, told = real_sized(sorted(done, key=_order), story_of, k, args.seed)
        words = statistics.mean(len(e.article.text.split()) for e in done)
        claims = statistics.mean(len(e.claims) for e in done)
        figures = statistics.mean(len(e.quantities) for e in done)
        print(f"real-sized: {len(done):,} articles of {k} template articles each: {words:.0f} "
              f"words, {claims:.1f} claims, {figures:.1f} figures on average")  # fmt: skip
    else:
        told = None
    plan = make_plan(done, args.small, args.n)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        db = folder / f"ledger-{args.n}-{args.seed}{f'-x{k}' if k > 1 else ''}.sqlite"
        for old in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
            old.unlink(missing_ok=True)
        run(plan, db, args.profile, told)


if __name__ == "__main__":
    main()
