"""Speed of the REST API and the web pages on a ledger of synthetic articles, through a real
uvicorn on 127.0.0.1.

    python benchmarks/api_speed.py [--n 10000] [--seed 3] [--requests 200] [--keep DIR]
        [--pg postgresql://user@host:port/postgres]

With ``--pg`` the ledger is a PostgreSQL database ``api_speed_N`` on that server (built when
it does not exist yet, reused when it does) instead of a SQLite file.

Builds (or, with ``--keep`` holding one, reuses) a ledger of ``n`` synthetic articles
(``benchmarks/synthetic.py``; their extractions come from ledger_speed.py's cache when it
holds them, whatever the code that made them, else they are extracted here), starts
``claimledger serve`` on a free port and times, one request at a time after a warm-up:

- ``GET /api/v1/claims`` with two filters (speaker and hedged; a speaker with many claims),
- one cluster page (``/clusters/ID``, the largest cluster) and one article page
  (``/articles/ID``, an article with claims).

Prints p50 and p95 in ms for each; exits 1 when the API call's p95 is over 50 ms or a page's
over 150 ms (the goals of issue 11).
"""

from __future__ import annotations

import argparse
import pickle
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

GOALS = {"api": 50.0, "page": 150.0}


def build(db: str | Path, n: int, seed: int) -> None:
    from ledger_speed import cache_path
    from synthetic import generate

    from claimledger.library import open_ledger
    from claimledger.models import Extraction
    from claimledger.pipeline import extract_articles

    cached = cache_path(n, seed)
    if cached.is_file():
        with cached.open("rb") as f:
            done = pickle.load(f)["extractions"][:n]
        print(f"{len(done):,} extractions from {cached}")
    else:
        articles = generate(n, seed)[:n]
        done = [o for o in extract_articles(articles, workers=2) if isinstance(o, Extraction)]
        print(f"{len(done):,} articles extracted")
    start = time.perf_counter()
    with open_ledger(db, write=True) as led:
        for k, extraction in enumerate(
            sorted(done, key=lambda e: e.article.source.published or "")
        ):
            led.ingest_extraction(extraction)
            if (k + 1) % 1000 == 0:
                print(f"  {k + 1:,} ingested ({time.perf_counter() - start:.0f} s)", flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def timed(url: str, count: int) -> list[float]:
    try:
        for _ in range(5):  # warm-up: connections, caches
            urllib.request.urlopen(url, timeout=30).read()
    except urllib.error.HTTPError as exc:
        raise SystemExit(f"{url}: {exc.code} {exc.read().decode(errors='replace')}") from None
    out = []
    for _ in range(count):
        start = time.perf_counter()
        try:
            with urllib.request.urlopen(url, timeout=30) as answer:
                answer.read()
        except urllib.error.HTTPError as exc:
            raise SystemExit(f"{url}: {exc.code} {exc.read().decode(errors='replace')}") from None
        out.append((time.perf_counter() - start) * 1000)
    return out


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q) - 1] if len(values) > 1 else values[0]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--keep", type=Path, help="build the ledger here, or reuse the one there")
    ap.add_argument("--pg", help="a PostgreSQL server's URL: the ledger is a database there")
    a = ap.parse_args()
    db: str | Path
    if a.pg:
        import psycopg

        name = f"api_speed_{a.n}"
        db = a.pg.rsplit("/", 1)[0] + "/" + name
        with psycopg.connect(a.pg, autocommit=True) as admin:
            exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,))
            if exists.fetchone() is None:
                admin.execute(f"CREATE DATABASE {name}")
                build(db, a.n, a.seed)
    else:
        folder = a.keep or Path(tempfile.mkdtemp(prefix="api-speed-"))
        folder.mkdir(parents=True, exist_ok=True)
        db = folder / f"ledger-{a.n}.db"
        if not db.exists():
            build(db, a.n, a.seed)

    from claimledger.library import open_ledger

    with open_ledger(db) as led:
        counts = led.store.counts()
        speaker = led.store.db.execute(
            "SELECT speaker_name FROM claims WHERE speaker_name IS NOT NULL "
            "GROUP BY speaker_name ORDER BY COUNT(*) DESC LIMIT 1"
        ).fetchone()[0]
        cluster = led.clusters(limit=1).items[0].id
        article = next(c.article for c in led.claims(limit=1).items)
    print(f"ledger: {counts['current_articles']:,} articles, {counts['current_claims']:,} claims, "
          f"{counts['clusters']:,} clusters")  # fmt: skip
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "claimledger.cli", "serve", "--db", str(db), "--port", str(port)],
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(f"{base}/api/v1/", timeout=2).read()
                break
            except OSError:
                time.sleep(0.1)
        query = urllib.parse.urlencode({"speaker": speaker, "hedged": "false", "limit": 50})
        quoted = urllib.parse.quote(article)
        runs = {
            ("api", "GET /api/v1/claims?speaker=...&hedged=false"): f"{base}/api/v1/claims?{query}",
            ("page", f"cluster page /clusters/{cluster}"): f"{base}/clusters/{cluster}",
            ("page", "article page /articles/ID"): f"{base}/articles/{quoted}",
        }
        failed = False
        print(f"{'request':<46} {'p50 ms':>8} {'p95 ms':>8} {'goal':>6}")
        for (kind, name), url in runs.items():
            ms = timed(url, a.requests)
            p50, p95 = statistics.median(ms), pct(ms, 95)
            failed |= p95 > GOALS[kind]
            print(f"{name:<46} {p50:8.1f} {p95:8.1f} {GOALS[kind]:6.0f}")
    finally:
        server.terminate()
        server.wait(timeout=20)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
