"""Crash test: SIGKILL ``claimledger ingest`` at random moments, resume, and check the ledger.

    python benchmarks/crash_test.py [--n 100] [--seed 0] [--articles 40] [--keep DIR]

Generates ``--articles`` synthetic articles (``benchmarks/synthetic.py``) and ingests them once
without interruption (1 worker, then 2) for the reference export and the run times. Then, ``--n``
times, alternately with 1 and 2 workers, into a fresh ledger:

1. starts ``ingest``, SIGKILLs it at a random moment (seeded): a fifth while it starts (uniform
   over the time to the first stored article), the rest while it stores articles (uniform over
   the storing time of an uninterrupted run, counted from the first article stored);
2. checks that every worker process it had is gone within 5 s (they die with their parent);
3. checks the killed ledger: ``PRAGMA integrity_check`` is ok and no article is half-written
   (each stored article has exactly the claims, chain hops, quantities, mentions and cluster
   assignments it has in the reference ledger; no row belongs to an article not stored);
4. resumes: runs the same ingest to completion, checks the ledger again, and compares its export
   (``claimledger export --format ledger``, ``ingested_at`` left out) with the reference.

At the end no claimledger process started here may be alive. Prints a summary and exits 1 if any
check failed. The CLI runs as ``python -m claimledger.cli``, from $PYTHONPATH if set, else
this checkout's src.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from synthetic import generate, write_jsonl

SRC = Path(__file__).resolve().parents[1] / "src"
START_UP_SHARE = 0.2  # of the kills land while the CLI starts, before any article
WORKER_GRACE = 5.0  # seconds the workers of a killed parent may take to die
# per stored article, the rows that must all be there: (table, SQL counting them for a doc_id)
PARTS = {
    "claims": "SELECT COUNT(*) FROM claims WHERE doc_id = ?",
    "chain_hops": "SELECT COUNT(*) FROM chain_hops JOIN claims ON claims.id = claim_id"
    " WHERE doc_id = ?",
    "quantities": "SELECT COUNT(*) FROM quantities WHERE doc_id = ?",
    "mentions": "SELECT COUNT(*) FROM mentions WHERE doc_id = ?",
    "claim_clusters": "SELECT COUNT(*) FROM claim_clusters JOIN claims ON claims.id = claim_id"
    " WHERE doc_id = ?",
}
ORPHANS = {
    "claims": "SELECT COUNT(*) FROM claims WHERE doc_id NOT IN (SELECT doc_id FROM articles)",
    "quantities": "SELECT COUNT(*) FROM quantities WHERE doc_id NOT IN"
    " (SELECT doc_id FROM articles)",
    "mentions": "SELECT COUNT(*) FROM mentions WHERE doc_id NOT IN (SELECT doc_id FROM articles)",
    "chain_hops": "SELECT COUNT(*) FROM chain_hops WHERE claim_id NOT IN (SELECT id FROM claims)",
}


@dataclass
class Tally:
    kills: int = 0
    stored_at_kill: Counter[str] = field(default_factory=Counter)  # none / part / all
    orphan_workers: int = 0
    failures: list[str] = field(default_factory=list)


def env() -> dict[str, str]:
    """$PYTHONPATH first (to test another checkout), then this checkout's src."""
    paths = [p for p in (os.environ.get("PYTHONPATH", ""), str(SRC)) if p]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}


def cli(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "claimledger.cli", *map(str, args)]


def ingest(corpus: Path, db: Path, workers: int) -> float:
    """One uninterrupted ingest; its wall time."""
    started = time.monotonic()
    run = subprocess.run(
        cli("ingest", corpus, "--db", db, "--workers", workers),
        env=env(),
        capture_output=True,
        text=True,
    )
    if run.returncode:
        raise SystemExit(f"ingest failed ({run.returncode}): {run.stderr}")
    return time.monotonic() - started


def timed_ingest(corpus: Path, db: Path, workers: int) -> tuple[float, float]:
    """One uninterrupted ingest: seconds to its first stored article, and in all."""
    started = time.monotonic()
    proc = subprocess.Popen(
        cli("ingest", corpus, "--db", db, "--workers", workers),
        env=env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    first = wait_first_article(proc, db) - started
    if proc.wait():
        raise SystemExit(f"ingest failed ({proc.returncode})")
    return first, time.monotonic() - started


def wait_first_article(proc: subprocess.Popen[bytes], db: Path) -> float:
    """When the ledger first holds an article (or the process ended)."""
    while proc.poll() is None and stored_count(db) == 0:
        time.sleep(0.02)
    return time.monotonic()


def stored_count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as raw:
            found: int = raw.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        raw.close()
    except sqlite3.OperationalError:  # no schema yet
        return 0
    return found


def export(db: Path) -> dict[str, Any]:
    run = subprocess.run(
        cli("export", "--format", "ledger", "--db", db), env=env(), capture_output=True, text=True
    )
    if run.returncode:
        raise SystemExit(f"export failed ({run.returncode}): {run.stderr}")
    data: dict[str, Any] = json.loads(run.stdout)
    for article in data["articles"]:
        article.pop("ingested_at", None)  # when, not what
    return data


def children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def alive(pid: int) -> bool:
    """Running: a zombie waiting to be reaped counts as dead."""
    try:
        os.kill(pid, 0)
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (ProcessLookupError, FileNotFoundError):
        return False
    except PermissionError:
        return True
    return state != "Z"


def left_alive(marker: str) -> list[int]:
    """Processes whose command line names ``marker`` (this run's folder): workers share it."""
    found = []
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            named = marker in proc.joinpath("cmdline").read_bytes().decode(errors="replace")
            if named and int(proc.name) != os.getpid() and alive(int(proc.name)):
                found.append(int(proc.name))
        except OSError:
            continue
    return found


def counts(db: Path) -> dict[str, dict[str, int]]:
    """doc_id -> part -> rows, for every stored article."""
    with sqlite3.connect(db) as raw:
        docs = [row[0] for row in raw.execute("SELECT doc_id FROM articles")]
        found = {d: {part: raw.execute(sql, (d,)).fetchone()[0] for part, sql in PARTS.items()}
                 for d in docs}  # fmt: skip
    raw.close()
    return found


def check_ledger(db: Path, reference: dict[str, dict[str, int]], what: str) -> list[str]:
    """Integrity, no half-written article, no orphan rows; the problems found."""
    problems: list[str] = []
    if not db.exists():
        return problems  # killed before the ledger was created
    with sqlite3.connect(db) as raw:
        integrity = raw.execute("PRAGMA integrity_check").fetchall()
        if integrity != [("ok",)]:
            problems.append(f"{what}: integrity_check: {integrity[:3]}")
        tables = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        orphans = {t: raw.execute(sql).fetchone()[0] for t, sql in ORPHANS.items() if t in tables}
    raw.close()
    if "articles" not in tables:
        return problems
    problems += [f"{what}: {n} orphan row(s) in {t}" for t, n in orphans.items() if n]
    for doc, parts in counts(db).items():
        if doc not in reference:
            problems.append(f"{what}: article {doc} is not in the reference ledger")
        elif parts != reference[doc]:
            problems.append(f"{what}: article {doc} half-written: {parts} != {reference[doc]}")
    return problems


def kill_and_resume(
    i: int, corpus: Path, folder: Path, moment: Moment, workers: int, ref: Reference, tally: Tally
) -> None:
    db = folder / f"crash-{i}.db"
    proc = subprocess.Popen(
        cli("ingest", corpus, "--db", db, "--workers", workers),
        env=env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    after_first, delay = moment
    start = wait_first_article(proc, db) if after_first else time.monotonic()
    deadline = start + delay
    workers_seen: set[int] = set()
    while time.monotonic() < deadline and proc.poll() is None:
        workers_seen |= set(children(proc.pid))
        time.sleep(0.02)
    workers_seen |= set(children(proc.pid))
    proc.kill()
    proc.wait()
    tally.kills += 1
    grace = time.monotonic() + WORKER_GRACE
    while any(alive(w) for w in workers_seen) and time.monotonic() < grace:
        time.sleep(0.05)
    orphans = [w for w in workers_seen if alive(w)]
    if orphans:
        tally.orphan_workers += len(orphans)
        tally.failures.append(f"kill {i}: worker(s) {orphans} alive {WORKER_GRACE:.0f} s later")
        for w in orphans:
            os.kill(w, signal.SIGKILL)
    stored = stored_count(db)
    tally.stored_at_kill["none" if not stored else "all" if stored == ref.articles else "part"] += 1
    tally.failures += check_ledger(db, ref.counts, f"kill {i} ({workers} worker(s), {moment})")
    ingest(corpus, db, workers)
    tally.failures += check_ledger(db, ref.counts, f"resume {i}")
    if export(db) != ref.export:
        tally.failures.append(f"resume {i}: the export differs from the uninterrupted run's")
    if len(counts(db)) != ref.articles:
        tally.failures.append(f"resume {i}: {len(counts(db))} articles, not {ref.articles}")
    for leftover in folder.glob(f"crash-{i}.db*"):
        leftover.unlink()


Moment = tuple[bool, float]  # (counted from the first stored article?, seconds)


@dataclass
class Reference:
    export: dict[str, Any]
    counts: dict[str, dict[str, int]]
    articles: int
    seconds: dict[int, tuple[float, float]]  # workers -> (to the first article, in all)


def pick_moment(rng: random.Random, ref: Reference, workers: int) -> Moment:
    """A fifth of the kills while it starts (spaCy loading), the rest while it stores articles:
    uniform over a run's storing time, counted from when the first article appears."""
    first, total = ref.seconds[workers]
    if rng.random() < START_UP_SHARE:
        return False, rng.uniform(0, first)
    return True, rng.uniform(0, max(total - first, 0.1))


def reference(corpus: Path, folder: Path) -> Reference:
    """The uninterrupted runs, with 1 and with 2 workers: they must agree."""
    seconds = {w: timed_ingest(corpus, folder / f"ref-{w}.db", w) for w in (1, 2)}
    one, two = export(folder / "ref-1.db"), export(folder / "ref-2.db")
    if one != two:
        raise SystemExit("the uninterrupted runs with 1 and 2 workers differ: fix that first")
    found = counts(folder / "ref-1.db")
    return Reference(one, found, len(found), seconds)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100, help="how many SIGKILLs (default 100)")
    ap.add_argument("--seed", type=int, default=0, help="seeds the articles and the kill times")
    ap.add_argument("--articles", type=int, default=40, help="articles in the corpus")
    ap.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = ap.parse_args()
    started = time.monotonic()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="claimledger-crash-"))
    folder.mkdir(parents=True, exist_ok=True)
    corpus = folder / "corpus.jsonl"
    write_jsonl(generate(args.articles, args.seed), corpus)
    ref = reference(corpus, folder)
    print(
        f"reference: {ref.articles} articles, {len(ref.export['claims'])} claims; "
        f"uninterrupted ingest {ref.seconds[1][1]:.1f} s (1 worker), {ref.seconds[2][1]:.1f} s "
        f"(2), the first article stored after {ref.seconds[1][0]:.1f} s",
        flush=True,
    )
    rng = random.Random(args.seed)
    tally = Tally()
    for i in range(args.n):
        workers = 1 + i % 2
        kill_and_resume(i, corpus, folder, pick_moment(rng, ref, workers), workers, ref, tally)
        if (i + 1) % 10 == 0:
            print(f"  {i + 1}/{args.n} kills, {len(tally.failures)} problem(s)", flush=True)
    alive_now = left_alive(str(folder))
    if alive_now:
        tally.failures.append(f"claimledger process(es) still alive at the end: {alive_now}")
        for pid in alive_now:
            os.kill(pid, signal.SIGKILL)
    summarise(tally, time.monotonic() - started)
    if not args.keep:
        for path in sorted(folder.iterdir(), reverse=True):
            path.unlink()
        folder.rmdir()
    return 1 if tally.failures else 0


def summarise(tally: Tally, seconds: float) -> None:
    at = tally.stored_at_kill
    print(
        f"{tally.kills} SIGKILLs (alternately 1 and 2 workers) in {seconds:.0f} s: killed with "
        f"no article stored {at['none']}, part stored {at['part']}, all stored {at['all']}; "
        f"orphaned workers {tally.orphan_workers}"
    )
    if tally.failures:
        print(f"FAILED: {len(tally.failures)} problem(s):")
        for line in tally.failures[:50]:
            print(f"  {line}")
    else:
        print(
            "ok: integrity_check ok and no half-written article after every kill and resume; "
            "every resumed export equals the uninterrupted run's; no process left alive"
        )


if __name__ == "__main__":
    sys.exit(main())
