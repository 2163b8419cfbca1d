"""Score extraction on the PolNeAR dev split exactly as the evaluation gate does.

    python training/polnear_dev_score.py [--split dev]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from claimledger.export.contract import to_contract
from claimledger.ingest import read_inputs
from claimledger.models import Extraction
from claimledger.pipeline import extract_articles

SHARED = Path(__file__).resolve().parents[2] / "shared"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev")
    args = ap.parse_args()
    scorer = str(SHARED / "eval" / "polnear.py")
    data = str(SHARED / "corpus" / "polnear")
    with tempfile.TemporaryDirectory() as tmp:
        inputs, pred = Path(tmp) / "in.jsonl", Path(tmp) / "pred.jsonl"
        subprocess.run(
            [sys.executable, scorer, "inputs", data, args.split, str(inputs)], check=True
        )
        with pred.open("w", encoding="utf-8") as out:
            for outcome in extract_articles(list(read_inputs([str(inputs)]).articles), workers=2):
                if isinstance(outcome, Extraction):
                    out.write(json.dumps(to_contract(outcome), ensure_ascii=False) + "\n")
        subprocess.run([sys.executable, scorer, "score", data, args.split, str(pred)], check=True)


if __name__ == "__main__":
    main()
