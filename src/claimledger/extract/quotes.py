"""Direct quotations: frames fitted to the quotation marks around their content."""

from __future__ import annotations

import re
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
        tail = _attribution_end(doc, f)
        if n + 1 < len(quotes) and tail > q_end:
            nxt_start, nxt_end = quotes[n + 1]
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


def _across_quotes(
    doc: Doc, f: Frame, c_start: int, c_end: int, quotes: list[tuple[int, int]]
) -> Frame:
    """Content from inside one quotation to inside a later one, around the cue
    ("“The shelling,” the commander said, “lasted six hours.”"): both quotations whole."""
    first = next((q for q in quotes if q[0] <= c_start < q[1]), None)
    last = next((q for q in quotes if q[0] < c_end <= q[1] + 1), None)
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
