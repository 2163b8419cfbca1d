"""Which sentence a token is in, read once per parsed article.

``Doc.sents`` is a generator that walks every token; the extractors that need a token's
sentence index (quotations going on into the next sentence, "he said" after a speaker) look it
up here, by bisection over the sentences' starts, built once per Doc. The index is the one
``enumerate(doc.sents)`` gives (``Frame.sentence``).
"""

from __future__ import annotations

from bisect import bisect_right
from weakref import WeakKeyDictionary

from spacy.tokens import Doc

__all__ = ["sentence_of"]

_STARTS: WeakKeyDictionary[Doc, list[int]] = WeakKeyDictionary()  # gone with its Doc


def sentence_of(doc: Doc, token: int) -> int:
    """The index of the sentence holding token ``token`` of ``doc``."""
    starts = _STARTS.get(doc)
    if starts is None:
        starts = _STARTS[doc] = [sent.start for sent in doc.sents]
    return bisect_right(starts, token) - 1
