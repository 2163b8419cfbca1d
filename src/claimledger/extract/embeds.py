"""Embedded social-media posts: the text of a post followed by its signature line.

A post embedded in an article and flattened to text ends with the platform's signature, "—
Name (@handle) Month D, YYYY" (Twitter/X embeds print it so): the words before it, back to the
start of the line (or the last markup tag a scraper kept), are the post of Name, whatever an
article sentence around it says. Each sentence of such a post is a claim of its author, as if
quoted. Links, the "pic.twitter.com" media link and page furniture the scraper ran into the
post ("SIGN UP FOR OUR NEWSLETTER") are left out of the content; a post some other frame
already covers is not taken again, nor a sentence of fewer than ``MIN_WORDS`` words.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from claimledger.extract.quotes import content_chars, doc_text
from claimledger.nlp.sents import sentence_of

if TYPE_CHECKING:
    from claimledger.extract.frames import Frame

MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
SIGNATURE = re.compile(
    r"[—–]\s*(?P<name>[^\W\d_][^\n()@—–]{0,80}?)\s*\((?P<handle>@\w{1,30})\)\s*"
    rf"{MONTH}\.? \d{{1,2}}, \d{{4}}"
)
TAIL = re.compile(
    r"(?:\s*(?:https?://\S+|pic\.twitter\.com/\S+|(?:\b[A-Z]{2,}\b[ ,!.]*){3,}))+\s*$"
)  # links, the media link and an all-capitals prompt at the end of the post
TAG = re.compile(r"<[^<>\n]*>")
MIN_WORDS = 3


def embedded_posts(doc: Doc, frames: list[Frame]) -> list[Frame]:
    """``frames`` with a frame for each embedded post of the article (its author as speaker,
    the handle as cue) and without frames whose content is the post's links and signature."""
    from claimledger.extract.frames import Frame

    text = doc_text(doc)
    taken = [content_chars(doc, f) for f in frames]
    out: list[Frame] = []
    tails: list[tuple[int, int]] = []
    for m in SIGNATURE.finditer(text):
        line = text.rfind("\n", 0, m.start()) + 1
        start = line + _tag_length(text[line : m.start()])
        end = start + len(TAIL.sub("", text[start : m.start()]))
        post = text[start:end].strip()
        tails.append((end, m.end()))
        if len(post.split()) < MIN_WORDS:
            continue
        start += len(text[start:end]) - len(text[start:end].lstrip())
        content = doc.char_span(start, start + len(post), alignment_mode="contract")
        name = m.group("name").split(" / ")[0].strip()
        speaker = doc.char_span(m.start("name"), m.start("name") + len(name), "expand")
        cue = doc.char_span(m.start("handle"), m.end("handle"), alignment_mode="expand")
        if content is None or speaker is None or cue is None:
            continue
        if any(a < content.end_char and content.start_char < b for a, b in taken):
            continue
        for part in _sentences(doc, content.start, content.end):
            out.append(
                Frame(
                    sentence=sentence_of(doc, part[0]),
                    content=part,
                    cue=(cue.start, cue.end),
                    cue_class="say",
                    speaker=(speaker.start, speaker.end),
                    pattern="quote",
                )
            )
    kept = [f for f in frames if not any(a <= doc[f.content[0]].idx < b for a, b in tails)]
    return kept + out


def _sentences(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """The post's sentences (one proposition each, as for a quotation of two sentences), those
    of ``MIN_WORDS`` words or more."""
    out = []
    for sent in doc[start:end].sents:  # type: ignore[attr-defined]  # (spaCy's stubs lack it)
        lo, hi = max(sent.start, start), min(sent.end, end)
        if sum(1 for t in doc[lo:hi] if t.is_alpha) >= MIN_WORDS:
            out.append((lo, hi))
    return out


def _tag_length(line: str) -> int:
    """Where the post starts on its line: after the last markup tag a scraper kept."""
    ends = [m.end() for m in TAG.finditer(line)]
    return ends[-1] if ends else 0
