"""Start-up time of the ``claimledger`` command: the median wall-clock time of 5 runs each of
``--version``, ``--help``, ``clusters --help`` and one read command on a small ledger.

    python benchmarks/startup.py [--runs 5] [--limit 0.5]

Runs the ``claimledger`` script beside this Python (else ``python -m claimledger.cli``). The
small ledger is the sample articles, ingested once into a temporary folder (that part is not
timed). Exits with status 1 when any of the first three is over ``--limit`` seconds: none of
them may import spaCy (DEVELOPERS.md, "Start-up"); the read command is reported, not gated.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples" / "articles.jsonl"


def command() -> list[str]:
    script = Path(sys.executable).with_name("claimledger")
    return [str(script)] if script.exists() else [sys.executable, "-m", "claimledger.cli"]


def median_time(args: list[str], runs: int, env: dict[str, str]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(args, env=env, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--limit", type=float, default=0.5, help="seconds (default 0.5)")
    args = ap.parse_args()
    cli = command()
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, CLAIMLEDGER_REGISTRY=str(Path(tmp) / "registry.yaml"))
        env.pop("CLAIMLEDGER_DB", None)
        db = Path(tmp) / "ledger.db"
        ingest = [*cli, "ingest", str(SAMPLES), "--db", str(db)]
        subprocess.run(ingest, env=env, check=True, stdout=subprocess.DEVNULL)
        gated = {
            "claimledger --version": ["--version"],
            "claimledger --help": ["--help"],
            "claimledger clusters --help": ["clusters", "--help"],
        }
        reported = {"claimledger clusters --db <small ledger>": ["clusters", "--db", str(db)]}
        print(f"median of {args.runs} runs ({' '.join(cli)}):")
        over = []
        for label, extra in {**gated, **reported}.items():
            seconds = median_time([*cli, *extra], args.runs, env)
            print(f"  {label:42} {seconds:6.3f} s")
            if label in gated and seconds > args.limit:
                over.append(label)
    if over:
        print(f"over {args.limit} s: {', '.join(over)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
