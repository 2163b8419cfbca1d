"""Direct quotations: frames fitted to the quotation marks around their content."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

if TYPE_CHECKING:
    from claimledger.extract.frames import Frame

CONTINUES = re.compile(r"[\s,.:;]*")


def quote_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of quotations (typographic or straight double quotes)."""
    text = doc.text
    out = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in '“"':
            closer = "”" if ch == "“" else '"'
            j = text.find(closer, i + 1)
            if j == -1 or j - i > 3000:
                i += 1
                continue
            out.append((i, j + 1))
            i = j + 1
        else:
            i += 1
    return out


def merge_quotes(doc: Doc, frames: list[Frame]) -> list[Frame]:
    """Fit frames to quotations.

    Content inside a quotation whose cue is outside it becomes the whole quotation, continued
    by a second quotation right after the cue ("“A,” she said. “B.”"). A frame whose cue is
    itself inside a quotation (a quoted speaker's "I think ...") is dropped: it is part of the
    quoted speech, not an attribution the article makes.
    """
    found = quote_spans(doc)
    if not found:
        return frames
    quotes = _Quotes(found)
    text = doc.text
    out = []
    for f in frames:
        if f.cue and quotes.around(doc[f.cue[0]].idx) is not None:
            continue
        out.append(_fit_quote(doc, text, f, quotes))
    return out


class _Quotes:
    """Quotation spans in text order (they never overlap, so their starts and their ends both
    ascend), found by bisection: a scan of every quotation for every frame made long articles
    quadratic."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self.starts = [a for a, _ in spans]
        self.ends = [b for _, b in spans]

    def around(self, char: int) -> tuple[int, int] | None:
        """The quotation with ``start <= char < end``."""
        k = bisect_right(self.starts, char) - 1
        return self.spans[k] if k >= 0 and char < self.ends[k] else None

    def first_ending_from(self, char: int) -> int:
        """The index of the first quotation with ``end >= char`` (len when none)."""
        return bisect_left(self.ends, char)


def _fit_quote(doc: Doc, text: str, f: Frame, quotes: _Quotes) -> Frame:
    c_start = doc[f.content[0]].idx
    c_end = doc[f.content[1] - 1].idx + len(doc[f.content[1] - 1])
    # the first quotation with q_start <= c_start + 1 and c_end <= q_end + 1
    n = quotes.first_ending_from(c_end - 1)
    if n < len(quotes.spans) and quotes.starts[n] <= c_start + 1:
        q_start, q_end = quotes.spans[n]
        end = q_end
        tail = _attribution_end(doc, f)
        if n + 1 < len(quotes.spans) and tail > q_end:
            nxt_start, nxt_end = quotes.spans[n + 1]
            if nxt_start >= tail and CONTINUES.fullmatch(text[tail:nxt_start]):
                end = nxt_end
        return _quote_content(doc, f, q_start, end)
    return _across_quotes(doc, f, c_start, c_end, quotes)


def _attribution_end(doc: Doc, f: Frame) -> int:
    """Where the attribution after a quotation ends ("she said", "the mayor told reporters")."""
    ends = [_char_end(doc[r[1] - 1]) for r in (f.cue, f.speaker) if r is not None]
    if f.cue is not None:
        edge = doc[f.cue[0]].right_edge
        if edge.i >= f.content[1]:
            ends.append(_char_end(edge))
    return max(ends, default=0)


def _char_end(tok: Token) -> int:
    return tok.idx + len(tok.text)


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
