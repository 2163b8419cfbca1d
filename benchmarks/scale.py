"""End-to-end throughput (extract + store + analysis) by executor, into SQLite or PostgreSQL.

    python benchmarks/scale.py [--inputs FILE.jsonl] [--n 200] [--runs local1,local2,ray2]
        [--pg postgresql://user@host:port/postgres]

A run named ``KIND:pg`` (``local2:pg``) writes into a new database on the ``--pg`` server
(created through that URL's database, dropped after) instead of a SQLite file.

Ingests the first ``--n`` articles of ``--inputs`` (default: the PolNeAR train articles from
``../shared``, real news of about 600 words, written with ``training/polnear_train_inputs.py``
to a temporary file) into a fresh ledger per run, as ``claimledger ingest`` does: the local
process pool with 1 or 2 workers, or Ray actors on a local Ray. Prints articles/s end to end,
the seconds the one writer spent storing and analysing (the part no executor spreads), the
seconds spent waiting for extractions, and the peak RSS of this process and of its children.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def articles(path: Path, n: int) -> list:  # type: ignore[type-arg]
    from claimledger.ingest import read_inputs

    lines = path.read_text(encoding="utf-8").splitlines()[:n]
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        f.write("\n".join(lines) + "\n")
    return list(read_inputs([f.name]).articles)


def new_pg_database(admin_url: str, name: str) -> str:
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name}")
        admin.execute(f"CREATE DATABASE {name}")
    return admin_url.rsplit("/", 1)[0] + "/" + name


def run(kind: str, items: list, tmp: Path, pg: str | None) -> dict[str, float]:  # type: ignore[type-arg]
    from claimledger.ledger import open_ledger
    from claimledger.store.sqlite import SQLiteStore

    kind, _, backend = kind.partition(":")
    workers = int(kind[-1])
    if backend == "pg":
        if not pg:
            raise SystemExit(f"{kind}:pg needs --pg URL")
        from claimledger.store.postgres import PostgresStore

        store: SQLiteStore = PostgresStore(new_pg_database(pg, f"scale_{kind}"))
    else:
        store = SQLiteStore(tmp / f"{kind}.db")
    ledger = open_ledger(store)
    if kind.startswith("ray"):
        from claimledger.ray_executor import ray_extract

        outcomes = ray_extract(items, workers=workers)
    else:
        from claimledger.pipeline import extract_articles

        outcomes = extract_articles(items, workers=workers)
    start = time.perf_counter()
    writing = waiting = 0.0
    mark = time.perf_counter()
    for outcome in outcomes:
        got = time.perf_counter()
        waiting += got - mark
        if not isinstance(outcome, Exception):
            ledger.ingest(outcome)
        mark = time.perf_counter()
        writing += mark - got
    total = time.perf_counter() - start
    store.close()
    return {"seconds": total, "per_s": len(items) / total, "writing": writing, "waiting": waiting}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--inputs", type=Path)
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--runs", default="local1,local2,ray2")
    ap.add_argument("--pg", help="a PostgreSQL server's URL, for the runs named KIND:pg")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        inputs = args.inputs
        if inputs is None:
            inputs = tmp / "train.jsonl"
            subprocess.run(
                [sys.executable, str(ROOT / "training" / "polnear_train_inputs.py"), str(inputs)],
                check=True,
            )
        items = articles(inputs, args.n)
        words = sum(len(a.text.split()) for a in items) / len(items)
        print(f"{len(items)} articles of {words:.0f} words on average")
        from claimledger.nlp.pipeline import load_nlp

        load_nlp()  # the model load is not part of any run
        print(f"{'run':>8} {'art/s':>7} {'seconds':>8} {'writer s':>9} {'waiting s':>10}")
        for kind in args.runs.split(","):
            r = run(kind, items, tmp, args.pg)
            print(
                f"{kind:>8} {r['per_s']:>7.2f} {r['seconds']:>8.1f} {r['writing']:>9.1f} "
                f"{r['waiting']:>10.1f}",
                flush=True,
            )
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({"peak_rss_mib": round(me), "largest_child_rss_mib": round(kids)}))


if __name__ == "__main__":
    main()
