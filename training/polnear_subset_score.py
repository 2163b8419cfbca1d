"""Score predictions on the PolNeAR articles they cover (a subset of a split), with the
shared scorer's own rules: `python training/polnear_subset_score.py SPLIT PRED.jsonl`."""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "shared" / "eval"))
import polnear  # noqa: E402

split, pred = sys.argv[1], Path(sys.argv[2])
keys = {json.loads(line)["source"]["id"] for line in pred.read_text().splitlines() if line.strip()}
full = polnear.split_docs
polnear.split_docs = lambda data, s: {k: v for k, v in full(data, s).items() if k in keys}
sys.exit(polnear.cmd_score(Path(__file__).resolve().parents[2] / "shared/corpus/polnear", split, pred, [], False))
