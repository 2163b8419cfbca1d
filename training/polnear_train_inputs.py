"""Build the 840 PolNeAR train articles as claimledger input, with outlet, title and date.

    python training/polnear_train_inputs.py OUT.jsonl

Reads ../shared/corpus/polnear (train texts and metadata.tsv), as the polnear-ledger inputs are
built: id (file stem), url null, outlet (publisher), title, published, text.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "polnear"
OUTLETS = {
    "breitbart": "Breitbart News", "huff-post": "HuffPost", "nyt": "The New York Times",
    "politico": "Politico", "usa-today": "USA Today", "wash-post": "The Washington Post",
    "west-journal": "Western Journalism",
}  # fmt: skip


def main() -> int:
    out = Path(sys.argv[1])
    with (CORPUS / "metadata.tsv").open(encoding="utf-8") as f:
        meta = {r["filename"]: r for r in csv.DictReader(f, delimiter="\t")}
    with out.open("w", encoding="utf-8") as f:
        for path in sorted((CORPUS / "train" / "text").glob("*.txt")):
            m = meta.get(path.stem, {})
            publisher = m.get("publisher", "")
            record = {
                "id": path.stem,
                "url": None,
                "outlet": OUTLETS.get(publisher, publisher or None),
                "title": m.get("title"),
                "published": m.get("publication_date"),
                "text": path.read_text(encoding="utf-8"),
            }
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
