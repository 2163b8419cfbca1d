"""Attribution frames: where a sentence reports somebody else's proposition.

A frame is found on the dependency parse, before anything is resolved across the article:
the cue, the content, the speaker phrase as written, and the relays and cited sources that
make up its attribution chain. Patterns:

- speech verbs with a clausal complement ("X said that ...", "X warned ...");
- parenthetical speech verbs ("These numbers, she argued, show ...", "Some, it is claimed, ...");
- "according to X" and "as reported by X";
- denials with an object ("X denied the reports");
- direct quotes, with the speaker before, after or inside the quote;
- reported passives and adverbs with no named speaker ("reportedly", "is said to").

Relays ("quoted by TASS", "as reported by TASS") and cited sources ("citing data from Y") are
kept as token spans; ``claims.py`` turns them into the chain.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from claimledger.extract.lexicon import lexicon

TokenRange = tuple[int, int]  # [start, end) token indices in the Doc

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
CLAUSE_DEPS = {"ccomp", "xcomp"}
HEDGE_ADVERBS = {"allegedly", "reportedly", "purportedly", "supposedly"}
PASSIVE_REPORT = {"say", "claim", "allege", "report", "believe", "rumor", "rumour", "think"}
DOCUMENT_HEADS = {
    "report", "statement", "data", "assessment", "analysis", "figure", "account",
    "estimate", "study", "survey", "information", "finding", "testimony", "reporting",
}  # fmt: skip
OPEN_QUOTES = "“\"‘«"
CLOSE_QUOTES = "”\"’»"
FINITE = {"VBD", "VBZ", "VBP", "MD"}
TRIM = {"that", "whether", "if", ",", ":", ";", "-", "—", "–", "(", "and", "but"}


@dataclass(frozen=True)
class Frame:
    """One attribution in one sentence, as token spans of the Doc."""

    sentence: int
    content: TokenRange
    cue: TokenRange | None
    cue_class: str
    speaker: TokenRange | None
    speaker_is_origin: bool = False
    relays: tuple[TokenRange, ...] = ()
    cited: tuple[TokenRange, ...] = ()
    pattern: str = "verb"
    excluded: tuple[TokenRange, ...] = field(default=())


# ---------------------------------------------------------------- spans and phrases


def _range(tokens: Iterable[Token]) -> TokenRange | None:
    idx = [t.i for t in tokens]
    return (min(idx), max(idx) + 1) if idx else None


def phrase(head: Token) -> TokenRange:
    """The noun phrase headed by ``head``, without relative clauses, participles and appositions."""
    cut = {"relcl", "acl", "appos", "punct", "advcl", "cc", "conj"}
    keep = [head]
    for child in head.children:
        if child.dep_ in cut and not (child.dep_ == "conj" and child.i < head.i):
            continue
        keep.extend(child.subtree)
    first, last = min(t.i for t in keep), max(t.i for t in keep)
    # a phrase is contiguous: stop at the first cut child inside the range
    doc = head.doc
    while first < head.i and doc[first].is_punct:
        first += 1
    while last > head.i and doc[last].is_punct:
        last -= 1
    return (first, last + 1)


def noun_with_conj(head: Token) -> TokenRange:
    """The phrase including coordinated nouns ("officials and experts")."""
    start, end = phrase(head)
    for child in head.children:
        if child.dep_ == "conj":
            cstart, cend = phrase(child)
            start, end = min(start, cstart), max(end, cend)
    return (start, end)


def trim(doc: Doc, rng: TokenRange, drop: Iterable[TokenRange] = ()) -> TokenRange | None:
    """Trim a token range of edge punctuation, complementisers and dropped parts at its edges.

    Quotation marks and brackets are put back where the trimmed span opens or closes them.
    """
    dropped = set()
    for a, b in drop:
        dropped.update(range(a, b))
    start, end = rng
    while start < end and (start in dropped or doc[start].lower_ in TRIM or _edge_punct(doc[start])):
        start += 1
    while end > start and (end - 1 in dropped or doc[end - 1].lower_ in TRIM or _edge_punct(doc[end - 1])):
        end -= 1
    if end - start < 2:
        return None
    text = doc[start:end].text
    if end < len(doc) and _closes(text, doc[end].text) and end not in dropped:
        end += 1
    if start > 0 and _opens(text, doc[start - 1].text) and start - 1 not in dropped:
        start -= 1
    return (start, end)


PAIRS = {"“": "”", "‘": "’", "(": ")", "«": "»", "[": "]"}


def _closes(text: str, nxt: str) -> bool:
    if nxt == '"':
        return text.count('"') % 2 == 1
    return any(nxt == close and text.count(op) > text.count(close) for op, close in PAIRS.items())


def _opens(text: str, prev: str) -> bool:
    if prev == '"':
        return text.count('"') % 2 == 1
    return any(prev == op and text.count(close) > text.count(op) for op, close in PAIRS.items())


def _edge_punct(tok: Token) -> bool:
    return tok.is_punct or tok.is_space


def _subtree(tok: Token) -> TokenRange:
    return (tok.left_edge.i, tok.right_edge.i + 1)


def _without(doc: Doc, rng: TokenRange, holes: list[TokenRange]) -> TokenRange | None:
    """``rng`` trimmed of holes at its edges (holes inside it stay: content is one span)."""
    return trim(doc, rng, holes)


def has_verb(doc: Doc, rng: TokenRange) -> bool:
    return any(doc[i].pos_ in ("VERB", "AUX") for i in range(*rng))


# ---------------------------------------------------------------- speakers and chains


def subject_of(verb: Token) -> Token | None:
    """The speaker of a cue verb: its subject, the agent of a passive, or the subject it shares."""
    for child in verb.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj"):
            return child
    if verb.dep_ in ("advcl", "conj", "xcomp") and verb.head.i != verb.i and verb.tag_ in ("VBG", "VB", "VBD", "VBZ", "VBP", "VBN"):
        if verb.dep_ == "advcl" and any(c.dep_ == "mark" for c in verb.children):
            return None
        return subject_of(verb.head)
    return None


def relays_of(speaker: Token) -> list[TokenRange]:
    """Outlets a speaker is relayed through: "the source, quoted by TASS"."""
    out = []
    for child in speaker.children:
        if child.dep_ in ("acl", "relcl") and child.lemma_ in ("quote", "cite", "report"):
            agent = _agent(child)
            if agent is not None:
                out.append(phrase(agent))
    return out


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def citations(verb: Token, skip: set[int]) -> list[tuple[TokenRange, TokenRange]]:
    """("citing" clause span, cited phrase) pairs attached to a clause head or its subject."""
    out = []
    heads = [verb, *[c for c in verb.children if c.dep_ in SUBJECTS | {"prep"}]]
    for head in heads:
        for child in head.children:
            if child.lemma_ != "cite" or child.i in skip or child.dep_ not in ("advcl", "acl", "conj", "xcomp"):
                continue
            obj = next((c for c in child.children if c.dep_ in ("dobj", "obj")), None)
            if obj is not None:
                out.append((_subtree(child), phrase(obj)))
    return out


def as_reported(verb: Token) -> list[tuple[TokenRange, Token]]:
    """"as reported by TASS" / "as TASS reported" clauses on a clause head: (clause, source)."""
    out = []
    for child in verb.children:
        if child.dep_ != "advcl" or lexicon().cue_class.get(child.lemma_) not in ("say", "hedge"):
            continue
        if not any(c.dep_ == "mark" and c.lower_ == "as" for c in child.children):
            continue
        src = _agent(child) or next((c for c in child.children if c.dep_ == "nsubj"), None)
        if src is not None:
            out.append((_subtree(child), src))
    return out


# ---------------------------------------------------------------- patterns


def find_frames(doc: Doc) -> list[Frame]:
    """Every attribution frame of a parsed article, in text order."""
    frames: list[Frame] = []
    for s_index, sent in enumerate(doc.sents):
        frames.extend(_sentence_frames(doc, sent, s_index))
    frames = _merge_quotes(doc, frames)
    frames.sort(key=lambda f: (f.content[0], f.content[1]))
    return frames


def _sentence_frames(doc: Doc, sent: Span, s_index: int) -> list[Frame]:
    out: list[Frame] = []
    used_cues: set[int] = set()
    for tok in sent:
        if tok.lower_ == "according" and tok.dep_ == "prep":
            frame = _according(doc, tok, s_index, used_cues)
            if frame:
                out.append(frame)
    for tok in sent:
        if tok.i in used_cues:
            continue
        frame = _verb_frame(doc, sent, tok, s_index, used_cues)
        if frame:
            out.append(frame)
    covered = [f.content for f in out] + [f.cue for f in out if f.cue]
    for tok in sent:
        frame = _hedge_frame(doc, sent, tok, s_index, covered)
        if frame:
            out.append(frame)
            covered.append(frame.content)
    return out


def _according(doc: Doc, tok: Token, s_index: int, used: set[int]) -> Frame | None:
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if pobj is None:
        return None
    clause = tok.head
    holes = [_subtree(tok)]
    cited: list[TokenRange] = []
    for span, target in citations(clause, used) + citations(pobj, used):
        holes.append(span)
        cited.append(target)
        used.add(doc[span[0]].i)
    relays: list[TokenRange] = []
    for span, src in as_reported(clause):
        holes.append(span)
        relays.append(phrase(src))
        used.update(range(*span))
    for span, src in as_reported(pobj):
        holes.append(span)
        relays.append(phrase(src))
        used.update(range(*span))
    content = _clause_minus(doc, clause, holes)
    if content is None:
        return None
    return Frame(
        sentence=s_index,
        content=content,
        cue=(tok.i, to.i + 1) if to is not None else (tok.i, tok.i + 1),
        cue_class="say",
        speaker=phrase(pobj),
        speaker_is_origin=True,
        relays=tuple(relays),
        cited=tuple(cited),
        pattern="according",
        excluded=tuple(holes),
    )


def _clause_minus(doc: Doc, clause: Token, holes: list[TokenRange]) -> TokenRange | None:
    rng = _subtree(clause)
    # content is the clause with the attribution phrase cut from its edges; a phrase in the
    # middle ("Soldiers, according to X, are ...") stays inside the span.
    return _without(doc, rng, holes)


def _verb_frame(doc: Doc, sent: Span, tok: Token, s_index: int, used: set[int]) -> Frame | None:
    cls = lexicon().cue_class.get(tok.lemma_.lower())
    if cls is None or tok.pos_ not in ("VERB", "AUX"):
        return None
    if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children):
        return None  # "as reported by X": a relay, handled with its clause
    if tok.lemma_ == "cite" and tok.dep_ in ("advcl", "acl"):
        return None  # "citing Y": a cited source, handled with its clause
    if _infinitive(tok):
        return None
    negated = any(c.dep_ == "neg" for c in tok.children)
    if negated and cls != "deny":
        return None
    content, holes = _verb_content(doc, sent, tok, cls)
    if content is None:
        return None
    speaker_tok = subject_of(tok)
    passive_it = any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in tok.children)
    speaker = None if speaker_tok is None or passive_it else noun_with_conj(speaker_tok)
    if speaker is not None and _overlaps(speaker, content) and not _inside_any(speaker, holes):
        speaker = None
    relays = relays_of(speaker_tok) if speaker_tok is not None else []
    cited = []
    for span, target in citations(tok, used):
        cited.append(target)
        used.add(span[0])
    cue = _cue_range(tok)
    used.add(tok.i)
    return Frame(
        sentence=s_index,
        content=content,
        cue=cue,
        cue_class="hedge" if passive_it else cls,
        speaker=speaker,
        relays=tuple(relays),
        cited=tuple(cited),
        pattern="passive" if passive_it else "verb",
        excluded=tuple(holes),
    )


def _infinitive(tok: Token) -> bool:
    """"wants to say", "is hard to believe": not an attribution ("went on to say" is)."""
    if tok.dep_ not in ("xcomp", "advcl", "acl") or not any(c.lower_ == "to" and c.dep_ == "aux" for c in tok.children):
        return False
    return tok.head.lemma_ not in ("go", "continue", "proceed", "rush", "hasten")


def _inside_any(rng: TokenRange, holes: list[TokenRange]) -> bool:
    return any(a <= rng[0] and rng[1] <= b for a, b in holes)


def _is_passive(tok: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)


def _overlaps(a: TokenRange, b: TokenRange) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _cue_range(tok: Token) -> TokenRange:
    """The cue verb with its particle ("point out")."""
    prt = [c.i for c in tok.children if c.dep_ == "prt" and c.i == tok.i + 1]
    return (tok.i, (prt[0] if prt else tok.i) + 1)


def _verb_content(doc: Doc, sent: Span, tok: Token, cls: str) -> tuple[TokenRange | None, list[TokenRange]]:
    comp = next((c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i), None)
    if comp is None:
        comp = next((c for c in tok.children if c.dep_ == "ccomp"), None)
    if comp is not None:
        rng = trim(doc, _subtree(comp))
        if rng and rng[1] - rng[0] >= 3:
            return rng, []
    if tok.dep_ == "parataxis" and tok.head.i != tok.i:
        head = tok.head
        holes = [_subtree(tok)]
        rng = _without(doc, _subtree(head), holes)
        if rng and has_verb(doc, rng):
            return rng, holes
    mark = _that_after(sent, tok)
    if mark is not None:
        end = max(mark.head.right_edge.i + 1, mark.i + 2)
        rng = trim(doc, (mark.i + 1, min(end, sent.end)))
        if rng and has_verb(doc, rng):
            return rng, []
    if cls == "deny":
        obj = next((c for c in tok.children if c.dep_ in ("dobj", "obj")), None)
        if obj is not None:
            return trim(doc, _subtree(obj)) or (obj.i, obj.i + 1), []
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if obj is not None and cls == "say" and tok.lemma_ in ("indicate", "report", "suggest", "claim", "say"):
        rest = trim(doc, (obj.left_edge.i, sent.end))
        if rest and any(doc[i].tag_ in FINITE and i > obj.right_edge.i for i in range(*rest)):
            return rest, []
    if tok.lemma_ in PASSIVE_REPORT and _is_passive(tok):
        xcomp = next((c for c in tok.children if c.dep_ == "xcomp"), None)
        subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        if xcomp is not None and subj is not None and subj.lower_ != "it":
            return trim(doc, (subj.left_edge.i, xcomp.right_edge.i + 1)), []
    return None, []


def _that_after(sent: Span, tok: Token) -> Token | None:
    """A complementiser "that" shortly after the cue, when the parse has lost the ccomp."""
    for t in sent:
        if t.i <= tok.i or t.i > tok.i + 8:
            continue
        if t.lower_ == "that" and t.dep_ == "mark":
            between = sent.doc[tok.i + 1 : t.i]
            if all(x.pos_ in ("ADP", "DET", "PROPN", "NOUN", "ADJ", "PRON", "PUNCT", "ADV") for x in between):
                return t
    return None


def _hedge_frame(doc: Doc, sent: Span, tok: Token, s_index: int, covered: list[TokenRange]) -> Frame | None:
    """"X reportedly did Y" and "X is said to have done Y" with no speaker named."""
    if any(a <= tok.i < b for a, b in covered):
        return None
    verb: Token | None = None
    if tok.lower_ in HEDGE_ADVERBS and tok.dep_ == "advmod" and tok.head.pos_ in ("VERB", "AUX"):
        verb = tok.head
    if verb is None or any(a <= verb.i < b for a, b in covered):
        return None
    holes = [
        _subtree(c)
        for c in verb.children
        if c.dep_ in ("prep", "advcl") and c.i > verb.i and _has_speech(c)
    ]
    holes += [_subtree(c) for c in verb.children if c.dep_ == "advmod" and c.i < verb.i and c.i == sent.start]
    rng = _without(doc, _subtree(verb), holes)
    if rng is None or not has_verb(doc, rng):
        return None
    speaker = _speaker_in_holes(doc, holes)
    return Frame(
        sentence=s_index,
        content=rng,
        cue=(tok.i, tok.i + 1),
        cue_class="hedge",
        speaker=speaker,
        pattern="hedge",
        excluded=tuple(holes),
    )


def _has_speech(tok: Token) -> bool:
    classes = lexicon().cue_class
    return any(classes.get(t.lemma_) in ("say", "hedge") and t.pos_ == "VERB" for t in tok.subtree)


def _speaker_in_holes(doc: Doc, holes: list[TokenRange]) -> TokenRange | None:
    """"..., with sources describing ...": the sources named beside the hedged clause."""
    for a, b in holes:
        for t in doc[a:b]:
            if t.pos_ in ("NOUN", "PROPN") and any(
                lexicon().cue_class.get(c.lemma_) in ("say", "hedge") for c in t.children
            ):
                return phrase(t)
    return None


# ---------------------------------------------------------------- direct quotes


def quote_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of quotations (typographic or straight double quotes)."""
    text = doc.text
    out = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in "“\"":
            closer = "”" if ch == "“" else "\""
            j = text.find(closer, i + 1)
            if j == -1 or j - i > 3000:
                i += 1
                continue
            out.append((i, j + 1))
            i = j + 1
        else:
            i += 1
    return out


def _merge_quotes(doc: Doc, frames: list[Frame]) -> list[Frame]:
    """Fit frames to quotations.

    Content inside a quotation whose cue is outside it becomes the whole quotation, continued
    by a second quotation right after the cue ("“A,” she said. “B.”"). A frame whose cue is
    itself inside a quotation (a quoted speaker's "I think ...") is dropped: it is part of the
    quoted speech, not an attribution the article makes.
    """
    quotes = quote_spans(doc)
    if not quotes:
        return frames
    text = doc.text
    out = []
    for f in frames:
        if f.cue and any(a <= doc[f.cue[0]].idx < b for a, b in quotes):
            continue
        out.append(_fit_quote(doc, text, f, quotes))
    return out


def _fit_quote(doc: Doc, text: str, f: Frame, quotes: list[tuple[int, int]]) -> Frame:
    c_start = doc[f.content[0]].idx
    c_end = doc[f.content[1] - 1].idx + len(doc[f.content[1] - 1])
    for n, (q_start, q_end) in enumerate(quotes):
        if not (q_start <= c_start + 1 and c_end <= q_end + 1):
            continue
        end = q_end
        tail = max(
            doc[f.cue[1] - 1].idx + len(doc[f.cue[1] - 1]) if f.cue else 0,
            doc[f.speaker[1] - 1].idx + len(doc[f.speaker[1] - 1]) if f.speaker else 0,
        )
        if n + 1 < len(quotes) and tail > q_end:
            nxt_start, nxt_end = quotes[n + 1]
            if nxt_start >= tail and CONTINUES.fullmatch(text[tail:nxt_start]):
                end = nxt_end
        span = doc.char_span(q_start, end, alignment_mode="expand")
        if span is None:
            return f
        return Frame(**{**f.__dict__, "content": (span.start, span.end), "pattern": "quote"})
    return f


CONTINUES = re.compile(r"[\s,.:;]*")
