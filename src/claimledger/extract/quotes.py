"""Direct quotations: frames fitted to the quotation marks around their content."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from claimledger.nlp.pipeline import BLANK_LINE
from claimledger.nlp.sents import sentence_of

if TYPE_CHECKING:
    from claimledger.extract.frames import Frame

CONTINUES = re.compile(r"[^\S\n]*[,.:;]?[^\S\n]*")  # between a cue and the quotation going on


LINE = re.compile(r"\n")


TEXT_KEY = "claimledger.text"  # Doc.user_data keys: the text and its quotations, found once
QUOTES_KEY = "claimledger.quote_spans"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc (spaCy joins every token on each access)."""
    text: str | None = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def quote_spans(doc: Doc) -> list[tuple[int, int]]:
    """The quotations of the article (``find_quote_spans``), found once per Doc."""
    spans: list[tuple[int, int]] | None = doc.user_data.get(QUOTES_KEY)
    if spans is None:
        spans = doc.user_data[QUOTES_KEY] = find_quote_spans(doc)
    return list(spans)


def find_quote_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of quotations (typographic or straight double quotes, or two apostrophes
    as some newspaper archives print them: ''...'').

    Quotation marks are paired within a paragraph (split at blank lines, or at line breaks in a
    text without blank lines), never across one. A quotation still open at its paragraph's end
    runs to that end: the newspaper convention for a quotation of several paragraphs opens each
    one and closes only the last, and pairing across the break would turn all the text after
    it inside out (what is quoted read as the article's own words, and the other way round).
    """
    text = doc_text(doc)
    breaks = BLANK_LINE if BLANK_LINE.search(text) else LINE
    out: list[tuple[int, int]] = []
    start = 0
    for m in breaks.finditer(text):
        out.extend(_paragraph_quotes(text, start, m.start()))
        start = m.end()
    out.extend(_paragraph_quotes(text, start, len(text)))
    return out


def _paragraph_quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    i = start
    while i < end:
        ch = text[i]
        if text.startswith("''", i) and _opens_pair(text, i, start):
            j = _closing_pair(text, i + 2, end)
            if j is not None and j - i <= 3000:
                out.append((i, j + 2))  # ''the archive's quotation marks''
                i = j + 2
                continue
            i += 2
            continue
        if ch in "‘'" and _opens_single(text, i, start):
            j = _closing_single(text, i + 1, end)
            if j is not None and j - i <= 1500:
                out.append((i, j + 1))  # ‘a quotation in single marks’, as British outlets print
                i = j + 1
                continue
        if ch in '“"':
            closer = "”" if ch == "“" else '"'
            j = text.find(closer, i + 1, end)
            if j == -1:
                stop = len(text[start:end].rstrip()) + start
                if stop - i > 1 and stop - i <= 3000:
                    out.append((i, stop))  # open to the paragraph's end
                break
            if j - i > 3000:
                i += 1
                continue
            out.append((i, j + 1))
            i = j + 1
        else:
            i += 1
    return out


def _opens_pair(text: str, i: int, start: int) -> bool:
    """Two apostrophes opening a quotation, as some newspaper archives print one: after a
    space, a paragraph start or an opening bracket, before a word."""
    before = text[i - 1] if i > start else " "
    after = text[i + 2 : i + 3]
    return (before.isspace() or before in "([—-") and bool(after) and not after.isspace()


def _opens_single(text: str, i: int, start: int) -> bool:
    """A single quotation mark opening a quotation: after a space, a paragraph start, an
    opening bracket or a dash, before a letter or digit ("'90s" and "'em" have no closer)."""
    before = text[i - 1] if i > start else " "
    after = text[i + 1 : i + 2]
    return (before.isspace() or before in "([—–-") and bool(after) and after.isalnum()


def _closing_single(text: str, i: int, end: int) -> int | None:
    """The single mark that closes a quotation opened before ``i`` within the paragraph: one
    after a word or punctuation and before no letter ("Russia's", "don't" are apostrophes).
    An apostrophe of a plural possessive ("the soldiers' families") closes nothing when a
    later mark can close the quotation; a double quotation mark or no closer before the
    paragraph's end means no quotation (a stray apostrophe)."""
    last = None  # the last possessive apostrophe seen
    for j in range(i + 1, end):
        ch = text[j]
        if ch in '"“”':
            break
        if ch not in "'’" or text[j - 1].isspace():
            continue
        nxt = text[j + 1 : j + 2]
        if nxt and nxt.isalnum():
            continue
        possessive = (
            text[j - 1] == "s" and text[j + 1 : j + 3][:1] == " " and text[j + 2 : j + 3].islower()
        )
        if not possessive:
            return j
        last = j
    return last


def _closing_pair(text: str, i: int, end: int) -> int | None:
    """The two apostrophes that close a quotation opened before ``i``, within the paragraph."""
    j = text.find("''", i, end)
    while j != -1 and (j == i or text[j - 1].isspace()):
        j = text.find("''", j + 2, end)
    return j if j != -1 else None


def merge_quotes(doc: Doc, frames: list[Frame]) -> list[Frame]:
    """Fit frames to quotations.

    Content inside a quotation whose cue is outside it becomes the whole quotation. A second
    quotation right after the cue continues it when it is in the cue's sentence ("“A,” she
    said, “and B.”"); one that starts a sentence of its own ("“A,” she said. “B.”") is the
    speaker's next statement: a claim of its own with the same cue and speaker, so that two
    statements never reach the ledger as one proposition. Neither goes on past a line break or
    into a quotation that has a cue of its own ("“B,” she added."). A frame whose cue is itself
    inside a quotation (a quoted speaker's "I think ...") is dropped: it is part of the quoted
    speech, not an attribution the article makes.
    """
    found = quote_spans(doc)
    if not found:
        return frames
    quotes = _Quotes(found)
    text = doc_text(doc)
    kept = [f for f in frames if not (f.cue and quotes.around(doc[f.cue[0]].idx) is not None)]
    quotes.owned = {quotes.index_around(doc[f.content[0]].idx) for f in kept}
    out = []
    for f in kept:
        out.extend(_fit_quote(doc, text, f, quotes))
    return out


class _Quotes:
    """Quotation spans in text order (they never overlap, so their starts and their ends both
    ascend), found by bisection: a scan of every quotation for every frame made long articles
    quadratic."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self.starts = [a for a, _ in spans]
        self.ends = [b for _, b in spans]
        self.owned: set[int | None] = set()  # quotations a frame's own content is in

    def around(self, char: int) -> tuple[int, int] | None:
        """The quotation with ``start <= char < end``."""
        k = bisect_right(self.starts, char) - 1
        return self.spans[k] if k >= 0 and char < self.ends[k] else None

    def index_around(self, char: int) -> int | None:
        """The index of the quotation with ``start - 1 <= char < end`` (content may start at
        its opening mark or the word after it)."""
        k = bisect_right(self.starts, char + 1) - 1
        return k if k >= 0 and char < self.ends[k] else None

    def first_ending_from(self, char: int) -> int:
        """The index of the first quotation with ``end >= char`` (len when none)."""
        return bisect_left(self.ends, char)


def _fit_quote(doc: Doc, text: str, f: Frame, quotes: _Quotes) -> list[Frame]:
    """The frame fitted to its quotation; two frames when a quotation after the cue starts a
    sentence of its own."""
    c_start, c_end = content_chars(doc, f)
    # the first quotation with q_start <= c_start + 1 and c_end <= q_end + 1
    n = quotes.first_ending_from(c_end - 1)
    if n < len(quotes.spans) and quotes.starts[n] <= c_start + 1:
        q_start, q_end = quotes.spans[n]
        end = q_end
        tail = _attribution_end(doc, f)
        if n + 1 < len(quotes.spans) and tail > q_end and n + 1 not in quotes.owned:
            nxt_start, nxt_end = quotes.spans[n + 1]
            if (
                nxt_start >= tail
                and CONTINUES.fullmatch(text[tail:nxt_start])
                and "\n" not in text[q_end:nxt_start]
            ):  # (a quotation in the next paragraph: ``continued_quotes``)
                second = _quote_content(doc, f, nxt_start, nxt_end)
                first_word = second.content[0]
                while first_word + 1 < second.content[1] and doc[first_word].is_quote:
                    first_word += 1  # the parse may end the cue's sentence after the mark
                index = sentence_of(doc, first_word)
                if second is not f and f.cue and index != sentence_of(doc, f.cue[0]):
                    return [_quote_content(doc, f, q_start, q_end), replace(second, sentence=index)]
                end = nxt_end
        q_start = _quoted_before(doc, text, f, quotes, n, q_start)
        return [_quote_content(doc, f, q_start, end)]
    return [_across_quotes(doc, f, c_start, c_end, quotes)]


MAX_ATTRIBUTION = 8  # tokens from the speaker to the cue: "Mr. Rendell said", "he continued"


def _quoted_before(doc: Doc, text: str, f: Frame, quotes: _Quotes, n: int, q_start: int) -> int:
    """Where the content of a quotation after its attribution starts: at the quotation right
    before the attribution when the two frame it and the second goes on with the first's
    sentence ('"A," the governor said, "and B."'), else where it starts."""
    marks = [r for r in (f.cue, f.speaker) if r is not None]
    if n == 0 or n - 1 in quotes.owned or not marks:
        return q_start
    attr_start = min(doc[r[0]].idx for r in marks)
    attr_end = max(char_end(doc[r[1] - 1]) for r in marks)
    p_start, p_end = quotes.spans[n - 1]
    first = min(r[0] for r in marks)
    last = max(r[1] for r in marks)
    if not (p_end <= attr_start and attr_end <= q_start) or last - first > MAX_ATTRIBUTION:
        return q_start  # (not '"A." X bristled at the suggestion that ..., saying, "b"')
    if "\n" in text[p_end:q_start]:
        return q_start
    if text[p_end:attr_start].strip() or not CONTINUES.fullmatch(text[attr_end:q_start]):
        return q_start
    going_on = text[q_start + 1 : q_start + 40].lstrip(" '‘\"“")
    return p_start if going_on[:1].islower() else q_start  # '"A," he said. "B."': two statements


def _attribution_end(doc: Doc, f: Frame) -> int:
    """Where the attribution after a quotation ends ("she said", "the mayor told reporters")."""
    ends = [char_end(doc[r[1] - 1]) for r in (f.cue, f.speaker) if r is not None]
    if f.cue is not None:
        edge = doc[f.cue[0]].right_edge
        while edge.i > f.cue[0] and (edge.is_quote or edge.is_punct):
            edge = doc[edge.i - 1]  # the parse may hang the next quotation's opening mark on it
        if edge.i >= f.content[1]:
            ends.append(char_end(edge))
    return max(ends, default=0)


def char_end(tok: Token) -> int:
    """The character offset just after a token."""
    return tok.idx + len(tok.text)


def content_chars(doc: Doc, f: Frame) -> tuple[int, int]:
    """The character span of a frame's content."""
    return doc[f.content[0]].idx, char_end(doc[f.content[1] - 1])


def _across_quotes(doc: Doc, f: Frame, c_start: int, c_end: int, quotes: _Quotes) -> Frame:
    """Content from inside one quotation to inside a later one, around the cue
    ("“The shelling,” the commander said, “lasted six hours.”"): both quotations whole."""
    first = quotes.around(c_start)
    n = quotes.first_ending_from(c_end - 1)  # the first with q_start < c_end <= q_end + 1
    last = quotes.spans[n] if n < len(quotes.spans) and quotes.starts[n] < c_end else None
    if first is None or last is None or first == last or f.cue is None:
        return f
    if not first[1] <= doc[f.cue[0]].idx < last[0]:
        return f
    return _quote_content(doc, f, first[0], last[1])


def _quote_content(doc: Doc, f: Frame, start: int, end: int) -> Frame:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return f
    return replace(f, content=(span.start, span.end), pattern="quote")


MIN_CONTINUED_TOKENS = 4


def continued_quotes(doc: Doc, frames: list[Frame], raw: Sequence[Frame] = ()) -> list[Frame]:
    """Frames for quotation paragraphs that continue the quoted speaker of the paragraph before.

    The newspaper convention quotes a speaker over several paragraphs and attributes only the
    first: a line that is one quotation from its start to its end, right after a line with a
    direct quotation, is more of the words of the speaker last quoted there (a claim with the
    same speaker and cue). Nothing else is taken: a line with a frame in it, one with words
    outside the quotation, one after a line with no direct quotation, or one whose first
    sentence reports another speaker ("On Sunday, X announced that ...": ``raw`` are the frames
    before quotations were fitted, which still hold those inside quotations; the speaker's own
    "I think" does not count).
    """
    text = doc_text(doc)
    lines = []
    start = 0
    for m in LINE.finditer(text):
        lines.append((start, m.start()))
        start = m.end()
    lines.append((start, len(text)))
    spans = quote_spans(doc)
    starts = [a for a, _ in spans]
    ordered = sorted(frames, key=lambda f: f.content[0])
    firsts = [doc[f.content[0]].idx for f in ordered]
    raw_cues = [f.cue[0] for f in raw if f.cue and not _first_person(doc, f)]
    out: list[Frame] = []
    last: Frame | None = None  # the last frame of the line before
    for l_start, l_end in lines:
        body = text[l_start:l_end]
        if not body.strip():
            continue  # a blank line between paragraphs
        q_start = l_start + len(body) - len(body.lstrip())
        q_stop = l_start + len(body.rstrip())
        inside = ordered[bisect_left(firsts, l_start) : bisect_left(firsts, l_end)]
        q = bisect_left(starts, q_start)
        whole = q < len(spans) and spans[q] == (q_start, q_stop)
        if whole and '"' in text[q_start + 1 : q_stop - 1] and text[q_start] != '"':
            whole = False  # '“A," he continued. "B.”': mixed marks, not one quotation
        if inside or not whole:
            last = next((f for f in reversed(inside) if f.pattern == "quote"), None)
            continue
        if last is None or last.speaker is None or _subheading(text[q_start:q_stop]):
            continue
        span = doc.char_span(q_start, q_stop, alignment_mode="expand")
        if span is None or len(span) < MIN_CONTINUED_TOKENS + 2 or _reports(doc, span, raw_cues):
            last = None
            continue
        frame = replace(last, content=(span.start, span.end), sentence=sentence_of(doc, span.start))
        out.append(frame)
        last = frame
    return out


SHORT_SUBHEADING = 8  # words of a line in single quotation marks that is a heading
SMALL_WORDS = frozenset("a an the and or but nor of in on at to for by with as from".split())
TITLE_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _subheading(line: str) -> bool:
    """A short quotation line in title case ("'All Bets Are Off.'"), or any short one in
    single marks: a section heading that quotes someone, not more of the words of the speaker
    quoted before it."""
    words = TITLE_WORD.findall(line)
    if line[:1] in "'‘" and len(words) <= SHORT_SUBHEADING:
        return True  # "'A fight from start to finish.'": American papers quote headings so
    content = [w for w in words if w.lower() not in SMALL_WORDS]
    return 2 <= len(words) <= 10 and len(content) >= 2 and all(w[0].isupper() for w in content)


def _first_person(doc: Doc, f: Frame) -> bool:
    """A cue of the quoted speaker's own ("I think", "we believe")."""
    if f.speaker is None:
        return False
    return doc[f.speaker[0] : f.speaker[1]].text.lower() in ("i", "we")


def _reports(doc: Doc, span: Span, cues: Sequence[int]) -> bool:
    """A third party's cue heading the first sentence of the quotation ("On Sunday, X
    announced that ..."; not "what X said when ..."), or "he said" inside it (the quotation
    marks are paired wrongly)."""
    first = doc[span.start + 1].sent if span.start + 1 < len(doc) else span.sent
    end = min(span.end, first.end)
    return any(
        span.start <= i < end
        and (
            (doc[i - 1].lower_ in ("he", "she", "they") and doc[i + 1 : i + 2].text in ",.")
            # '"..., he added, "': the marks are paired wrongly
            or (doc[i].dep_ == "ROOT" and i + 1 < len(doc) and doc[i + 1].lower_ == "that")
        )
        for i in cues
    )
