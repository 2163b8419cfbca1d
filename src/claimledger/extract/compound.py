"""Two propositions in one reported clause become two claims.

"She said the mails were personal, but for Republicans it is a smoking gun", "he said that
while she had been careless, no prosecutor would bring the case", "the checkers said she may
have meant a hypothetical video, and an article quoted experts who found none": one cue, one
speaker, two statements. As one claim they reach the ledger as one proposition, and whatever
matches either half joins both (the contract: a sentence with two reported propositions gives
two claims). A clause is split where its head has a coordinated clause with a subject of its
own, or a concessive clause (while, although, though, whereas) before it; each part keeps the
cue, speaker, relays and pattern, and must be a clause of ``MIN_TOKENS`` words or more.
A quotation is not split (a quoted passage is the speaker's own words, fitted whole), nor a
clause at a point inside quoted words.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from claimledger.extract.tree import CONTRAST, SUBJECTS, TokenRange, contrasted, second_that, trim

if TYPE_CHECKING:
    from claimledger.extract.frames import Frame

MIN_TOKENS = 4
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}


def split_compound(doc: Doc, frames: list[Frame]) -> list[Frame]:
    """Every frame, a compound one as its parts (in text order)."""
    out: list[Frame] = []
    for f in frames:
        out.extend(_parts(doc, f))
    return out


def _parts(doc: Doc, f: Frame) -> list[Frame]:
    if f.pattern == "quote":
        return [f]
    ranges = _split(doc, f.content)
    if len(ranges) < 2:
        return [f]
    # a part starting or ending at an attribution left inside the whole ("X, according to Y,
    # Z") loses it: it was at an edge of no span before the split
    parts = [trim(doc, rng, list(f.excluded)) or rng for rng in ranges]
    return [replace(f, content=rng) for rng in parts]


def _split(doc: Doc, rng: TokenRange) -> list[TokenRange]:
    a, b = rng
    if _quoted(doc, a, b):
        return [rng]
    misparsed = _second_that(doc, a, b)
    if misparsed is not None:
        return misparsed
    head = _head(doc, a, b)
    if head is None:
        return [rng]
    for child in head.children:
        if child.dep_ == "advcl" and child.i < head.i and contrasted(child):
            end = child.right_edge.i + 1
            while end - 1 > child.i and doc[end - 1].is_punct:
                end -= 1  # a comma and the next quotation's opening mark hung on its last word
            first, second = (child.left_edge.i, end), (end, b)
            if a <= first[0] and first[1] < b and not _inside_quotation(doc, a, first[1]):
                return _kept([(first[0] + _marks(doc, first), first[1]), second], doc, rng)
    for child in head.children:
        if child.dep_ == "conj" and child.i > head.i and _clause(child) and child.i < b:
            start = child.left_edge.i
            if start <= head.i or _inside_quotation(doc, a, start):
                continue
            return _kept([(a, start), (start, b)], doc, rng)
    return [rng]


def _kept(parts: list[TokenRange], doc: Doc, whole: TokenRange) -> list[TokenRange]:
    out = []
    for part in parts:
        trimmed = trim(doc, part)
        if trimmed is None or trimmed[1] - trimmed[0] < MIN_TOKENS:
            return [whole]
        if not any(_clause(t) for t in doc[trimmed[0] : trimmed[1]]):
            return [whole]
        out.append(trimmed)
    return out


def _second_that(doc: Doc, a: int, b: int) -> list[TokenRange] | None:
    """ "A and that B" where the parse took the second "that" for a determiner and hung B's verb
    elsewhere (on A's verb, or on the cue: ``content._second_that_clause`` joins the two): the
    two parts, when A is a clause and B has a finite verb whose head lies outside B."""
    for k in range(a + 1, b - 2):
        if (
            second_that(doc[k + 1])
            and any(_clause(t) for t in doc[a:k])
            and not any(  # a list of that-clauses ("that A, that B, and that C")
                t.lower_ == "that" and doc[t.i - 1].text == "," for t in doc[a + 1 : k]
            )
            and (
                any(
                    _finite(t) and not k < t.head.i < b and not _relative(t) for t in doc[k + 2 : b]
                )
                or _marks_conjunct(doc[k + 1], a, k)
            )
            and not _inside_quotation(doc, a, k)
        ):
            first, second = trim(doc, (a, k)), trim(doc, (k + 2, b))
            if first and second and min(p[1] - p[0] for p in (first, second)) >= MIN_TOKENS:
                return [first, second]
    return None


def _marks_conjunct(that: Token, a: int, k: int) -> bool:
    """ "A and that the depot supplied fuel", with "supplied fuel" misparsed as a noun phrase:
    the second "that" still marks a conjunct of A's verb, so it opens a second clause."""
    head = that.head
    return (
        that.dep_ == "mark"
        and head.dep_ == "conj"
        and a <= head.head.i < k
        and head.head.pos_ in ("VERB", "AUX")
        and not _relative(head.head)
    )


def _relative(tok: Token) -> bool:
    """A relative clause, or one coordinated with one ("baggage that he brings and that X
    might exploit")."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in ("relcl", "acl")


def _finite(tok: Token) -> bool:
    """A finite verb, itself or by an auxiliary."""
    return tok.tag_ in FINITE_TAGS or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS for c in tok.children
    )


def _head(doc: Doc, a: int, b: int) -> Token | None:
    """The one token of ``doc[a:b]`` whose head lies outside it (None if not exactly one)."""
    heads = [t for t in doc[a:b] if t.head.i < a or t.head.i >= b or t.head.i == t.i]
    return heads[0] if len(heads) == 1 else None


QUOTE_MARKS = frozenset({"“", "”", '"', "''"})


def _quoted(doc: Doc, a: int, b: int) -> bool:
    """A content that is a quotation (it opens with a quotation mark): the speaker's words,
    fitted whole. Quoted words inside a reported clause ("while the mayor had been 'grossly
    negligent', 'no fair inspector' would ...") do not keep it whole."""
    return doc[a].text in QUOTE_MARKS


def _inside_quotation(doc: Doc, a: int, at: int) -> bool:
    """Whether token ``at`` is inside a quotation opened in ``doc[a:at]`` (an odd number of
    quotation marks before it)."""
    return sum(t.text in QUOTE_MARKS for t in doc[a:at]) % 2 == 1


def _clause(tok: Token) -> bool:
    """A verb with a subject of its own and a finite verb (itself or an auxiliary)."""
    return any(c.dep_ in SUBJECTS for c in tok.children) and _finite(tok)


def _marks(doc: Doc, rng: TokenRange) -> int:
    """How many words open ``rng`` that only mark it ("that while", "while")."""
    n = 0
    while rng[0] + n < rng[1] and doc[rng[0] + n].lower_ in CONTRAST | {"that"}:
        n += 1
    return n
