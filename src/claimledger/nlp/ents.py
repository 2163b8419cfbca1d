"""A parsed article's named entities, read once and found by position.

spaCy builds ``Doc.ents`` anew on every access by scanning every token of the document, and
``Span.ents`` does so too before filtering; called once per speaker or place mention, that made
extraction quadratic in the article's length (a 100k-character article took a minute). The
entities of a parsed article do not change while it is extracted, so they are read once per
Doc here, and the entities inside a token range are found by bisection.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from weakref import WeakKeyDictionary

from spacy.tokens import Doc, Span

__all__ = ["entities", "entities_in"]


@dataclass(frozen=True)
class _Index:
    ents: tuple[Span, ...]
    starts: list[int]  # token offset of each entity's start, ascending (entities never overlap)


_INDEX: WeakKeyDictionary[Doc, _Index] = WeakKeyDictionary()  # gone with its Doc


def _index(doc: Doc) -> _Index:
    found = _INDEX.get(doc)
    if found is None:
        ents = tuple(doc.ents)
        found = _INDEX[doc] = _Index(ents, [e.start for e in ents])
    return found


def entities(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once per Doc."""
    return _index(doc).ents


def entities_in(doc: Doc, start: int, end: int) -> list[Span]:
    """The entities wholly inside tokens ``start:end``, in order: ``doc[start:end].ents``."""
    index = _index(doc)
    out: list[Span] = []
    for k in range(bisect_left(index.starts, start), len(index.ents)):
        ent = index.ents[k]
        if ent.end > end:
            break
        out.append(ent)
    return out


def entity_at(doc: Doc, i: int) -> Span | None:
    """The entity that covers token ``i``, if any."""
    index = _index(doc)
    k = bisect_right(index.starts, i) - 1
    if k >= 0 and index.ents[k].end > i:
        return index.ents[k]
    return None
