#!/usr/bin/env python3
"""Build the gazetteer index ahead of time and report its size and speed.

    python scripts/build_gazetteer.py [--force]

Without --force an index that is already current is kept (and only measured). The index
goes where claimledger looks for it: $CLAIMLEDGER_CACHE, else ~/.cache/claimledger.
"""

from __future__ import annotations

import argparse
import logging
import time

from claimledger.link.gazetteer import Gazetteer, default_index_path

SAMPLE = ["Kupiansk", "Вовчанськ", "Volchansk", "Kharkov", "Kharkiv Oblast", "Ukraine", "Nowhere"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="rebuild even if current")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    path = default_index_path()
    if args.force:
        path.unlink(missing_ok=True)
    started = time.perf_counter()
    gazetteer = Gazetteer.load(path)
    ready = time.perf_counter() - started
    started = time.perf_counter()
    found = {name: gazetteer.lookup(name) for name in SAMPLE}
    first = (time.perf_counter() - started) / len(SAMPLE)
    rounds = 1000
    started = time.perf_counter()
    for n in range(rounds):
        gazetteer.lookup(f"Nowhere{n}")  # a miss: both the exact and the loose query
    miss = (time.perf_counter() - started) / rounds
    print(f"index     {path}")
    print(f"size      {path.stat().st_size / 2**20:.1f} MiB")
    print(f"built     {'yes' if Gazetteer.builds else 'no (current)'}, ready in {ready:.1f} s")
    print(f"lookup    {first * 1e6:.0f} µs a name found, {miss * 1e6:.0f} µs a name missed")
    for name, places in found.items():
        print(f"  {name!r:18} -> {[(c.name, c.feature, c.country) for c in places[:3]]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
