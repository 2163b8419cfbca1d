"""The propositions of one claim: where its content says two or more things that other reports
repeat, confirm or dispute one by one.

"JNIM said its fighters had killed 43 soldiers, burned 5 vehicles and held the base for several
hours" is one attribution (the claims contract and PolNeAR keep it whole) but three
propositions: another outlet may repeat the toll and not the vehicles, the army may deny the
base fell and not the toll. The ledger clusters, assesses and checks each proposition on its
own (``claimledger.propositions.split_claims``); the article's extraction keeps the claim
whole.

``parts`` cuts a content at

- a coordinated predicate of its main verb that has words of its own: "killed 43 soldiers,
  | burned 5 vehicles and | held the base", "X was killed and | Y was wounded", "that A and
  | that B";
- a contrasting clause with a subject of its own: "61 were shot down, | while 27 were lost";
- a participle clause after a comma that has an object: "hit the air base, | damaging 3 jets";
- "including" and a number after a comma: "destroyed 41 drones, | including 17 over Voronezh".

Only a content that states a figure is cut (the reports of events and counts whose parts
other reports take up one by one; a politician's sentences of rhetoric are one statement far
more often, and cutting them made clusters of their fragments on the 840 PolNeAR train
articles); only at the main predicate (never inside a relative clause or a complement of its
own); never at "but", "or" ("A, but B" is one statement), between two participles that share
an auxiliary ("4 were killed and 8 injured": one toll) or between two verbs that share their
object ("intercepted and destroyed 46 drones"); and only when every part keeps at least
``MIN_WORDS`` words and a verb (or a number); otherwise the content stays whole there.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from spacy.tokens import Doc, Token

from claimledger.models import Span

MIN_WORDS = 4  # words each part keeps, or the content is not cut there
CONTRASTS = frozenset({"while", "whereas"})
CONCESSIVE = frozenset({"but", "yet", "or", "nor"})  # one statement: "A, but B", "A or B"
JOINED = frozenset({"and", ",", ";"})
LEADING = frozenset({"cc", "mark", "preconj"})  # "and", "while", "that" opening a part
PREDICATE_POS = frozenset({"VERB", "AUX"})
OWN_WORDS = frozenset({"dobj", "nsubj", "nsubjpass", "prep", "attr", "acomp", "ccomp", "xcomp",
                       "dative", "agent", "oprd", "advmod", "prt", "npadvmod"})  # fmt: skip


def parts(doc: Doc, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """The (start, end) token ranges of the propositions of the content doc[start:end]; one
    range, the whole, when it says one thing."""
    if not any(t.like_num for t in doc[start:end]):
        return ((start, end),)
    cuts: set[int] = set()
    for sent in doc[start:end].sents:  # type: ignore[attr-defined]  # one statement each
        cuts |= _clause_cuts(doc, max(sent.start, start), min(sent.end, end))
    ranges = _ranges(doc, start, end, sorted(cuts))
    return tuple(ranges) if len(ranges) > 1 else ((start, end),)


def _clause_cuts(doc: Doc, start: int, end: int) -> set[int]:
    roots = [t for t in doc[start:end] if not start <= t.head.i < end or t.head.i == t.i]
    main = set()
    for root in roots:
        main |= _conjoined(root, start, end)
    cuts = set()
    for head in main:
        for child in head.children:
            if not start < child.i < end:
                continue
            at = _cut_at(child, head, main)
            if at is not None:
                cuts.add(at)
    return {c for c in cuts if start < c < end}


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _conjoined(root: Token, start: int, end: int) -> set[Token]:
    """The main predicate and the predicates coordinated with it."""
    found, todo = {root}, [root]
    while todo:
        for child in todo.pop().children:
            if child.dep_ == "conj" and start <= child.i < end and child.pos_ in PREDICATE_POS:
                found.add(child)
                todo.append(child)
    return found


def _cut_at(child: Token, head: Token, main: set[Token]) -> int | None:
    doc = child.doc
    after_comma = child.i > 0 and doc[child.i - 1].text == ","
    if child in main and child.dep_ == "conj":
        joined = {c.lower_ for c in child.children if c.dep_ == "cc"}
        joined |= {doc[child.left_edge.i - 1].lower_} if child.left_edge.i else set()
        if joined & CONCESSIVE:
            return None  # "he can assert it, but it seems unlikely", "A, or B": one statement
        if not joined & JOINED:
            return None  # no "and" nor comma before it: the parser's mistake more often
        if _shares_auxiliary(child, head):
            return None  # "4 were killed and 8 injured", "was injured and taken to hospital"
        if not any(c.dep_ in OWN_WORDS for c in child.children):
            return None  # "pushed and shoved"
        if not _has_subject(child) and not any(
            head.i < c.i < child.left_edge.i and c.dep_ in OWN_WORDS for c in head.children
        ):
            return None  # "intercepted and destroyed 46 drones": one object, one statement
        return child.left_edge.i
    if child.dep_ == "advcl" and child.pos_ in PREDICATE_POS:
        marks = {c.lower_ for c in child.children if c.dep_ == "mark"}
        if marks & CONTRASTS and _has_subject(child):
            return child.left_edge.i
        if (
            not marks
            and child.tag_ == "VBG"
            and after_comma
            and child.i > head.i
            and any(c.dep_ == "dobj" for c in child.children)
        ):
            return child.left_edge.i
        return None
    if child.dep_ == "prep" and child.lower_ == "including" and after_comma and child.i > head.i:
        objects = [c for c in child.children if c.dep_ == "pobj"]
        if any(o.like_num or any(n.dep_ == "nummod" for n in o.children) for o in objects):
            return child.i
    return None


def _shares_auxiliary(conj: Token, head: Token) -> bool:
    """A participle with no auxiliary of its own after one that has one: one predicate said
    of two things ("were killed and 8 injured"), not two statements."""

    def aux(t: Token) -> bool:
        return any(c.dep_ in ("aux", "auxpass") for c in t.children)

    return conj.tag_ in ("VBN", "VBG") and aux(head) and not aux(conj)


def _ranges(doc: Doc, start: int, end: int, cuts: Sequence[int]) -> list[tuple[int, int]]:
    """The parts between the cuts, trimmed of the joining words and punctuation at their
    edges; a part too short to say anything joins the one before it."""
    bounds = [start, *cuts, end]
    out: list[tuple[int, int]] = []
    for a, b in pairwise(bounds):
        lo, hi = a, b
        while lo < hi and (doc[lo].is_punct or doc[lo].dep_ in LEADING) and lo > start:
            lo += 1
        while hi > lo and doc[hi - 1].is_punct and doc[hi - 1].text not in "\"”’'" and b < end:
            hi -= 1
        while hi > lo and doc[hi - 1].dep_ == "cc" and b < end:
            hi -= 1
            while hi > lo and doc[hi - 1].is_punct:
                hi -= 1
        if _says_something(doc, lo, hi) and out:
            out.append((lo, hi))
        elif out:
            out[-1] = (out[-1][0], b)
        else:
            out.append((lo, hi))
    if len(out) > 1 and not _says_something(doc, *out[0]):
        first = out.pop(0)
        out[0] = (first[0], out[0][1])
    return out


def _says_something(doc: Doc, start: int, end: int) -> bool:
    words = [t for t in doc[start:end] if t.is_alpha or t.like_num]
    if len(words) < MIN_WORDS:
        return False
    return any(t.pos_ in PREDICATE_POS or t.like_num for t in doc[start:end])


def as_spans(doc: Doc, text: str, ranges: Sequence[tuple[int, int]]) -> tuple[Span, ...]:
    """Token ranges as character spans of the article's text; none for a single range."""
    if len(ranges) < 2:
        return ()
    out = []
    for a, b in ranges:
        lo, hi = doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)
        out.append(Span(lo, hi, text[lo:hi]))
    return tuple(out)
