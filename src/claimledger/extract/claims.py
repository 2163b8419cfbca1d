"""Attributed claims of one parsed article: frames, resolved speakers, chains, hedges, status."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from claimledger.extract.frames import Frame, find_frames
from claimledger.extract.propositions import as_spans, parts
from claimledger.extract.quotes import doc_text, quote_spans
from claimledger.extract.roles import roles
from claimledger.extract.speakers import Mention, Resolver
from claimledger.extract.tree import TokenRange, is_evidence, phrase
from claimledger.extract.verification import ClaimSite, hedge_spans, verification
from claimledger.lexicon import lexicon
from claimledger.models import Claim, Hop, Polarity, Span, Speaker


@dataclass(frozen=True)
class _Resolved:
    frame: Frame
    speaker: Speaker
    chain: tuple[Hop, ...]


def extract_claims(doc: Doc, doc_id: str, resolver: Resolver | None = None) -> tuple[Claim, ...]:
    """Every attributed claim of the article, in text order."""
    frames = split_secondary(doc, find_frames(doc))
    resolver = resolver or Resolver(doc)
    pending = _pending_citations(doc, frames)
    resolved: list[_Resolved] = []
    for frame in frames:
        resolved.append(_resolve(doc, frame, resolver, pending, resolved))
    resolved = _first_person(doc, resolved)
    sites = [
        ClaimSite(r.frame.sentence, r.frame.content, r.speaker.name, r.frame.cue) for r in resolved
    ]
    statuses = verification(doc, sites)
    text = doc_text(doc)
    return tuple(
        _claim(doc, text, doc_id, n, r, status)
        for n, (r, status) in enumerate(zip(resolved, statuses, strict=True))
    )


SECONDARY_CUES = frozenset(
    """saying suggesting adding noting arguing insisting stressing warning claiming asserting
    calling describing""".split()
)  # a second statement of the same speaker tacked on: "..., saying A, suggesting B"
JOINERS = frozenset({"and", "while"})
MIN_PART = 3  # tokens each part keeps, or the content is not split


def split_secondary(doc: Doc, frames: list[Frame]) -> list[Frame]:
    """A content that runs on into a second statement introduced by a participle of speech
    ("welcomed the news, saying he did the right thing, suggesting he might pick him"; "would not
    support it and suggesting that ...") ends before it: the participle has a frame of its own,
    one proposition each. A participle frame with no speaker of its own has the speaker of the
    statement it continues."""
    cues = {f.cue[0]: f for f in frames if f.cue and _secondary(doc, f.cue[0])}
    out: list[Frame] = []
    parent: dict[int, Frame] = {}  # a participle's cue -> the statement it continues
    for frame in frames:
        start, end = frame.content
        inner = [i for i in cues if start < i < end and cues[i] is not frame]
        for i in inner:
            if frame.speaker is not None:
                parent.setdefault(i, frame)
        if inner:
            cut = min(inner)
            while cut > start and (doc[cut - 1].is_punct or doc[cut - 1].lower_ in JOINERS):
                cut -= 1
            if cut - start >= MIN_PART:
                frame = replace(frame, content=(start, cut))
        out.append(frame)
    for n, frame in enumerate(out):
        if frame.speaker is None and frame.cue and frame.cue[0] in parent:
            out[n] = replace(frame, speaker=parent[frame.cue[0]].speaker)
    return out


def _secondary(doc: Doc, i: int) -> bool:
    return (
        doc[i].lower_ in SECONDARY_CUES
        and doc[i].tag_ == "VBG"
        and i > 0
        and (doc[i - 1].is_punct or doc[i - 1].lower_ in JOINERS)
    )


def _span(doc: Doc, rng: TokenRange, text: str) -> Span:
    start = doc[rng[0]].idx
    last = doc[rng[1] - 1]
    end = last.idx + len(last.text)
    return Span(start, end, text[start:end])


def _hop(m: Mention) -> Hop:
    return Hop(m.name, m.kind)


def _resolve(
    doc: Doc,
    frame: Frame,
    resolver: Resolver,
    pending: dict[int, list[TokenRange]],
    done: list[_Resolved],
) -> _Resolved:
    relays = tuple(_hop(resolver.resolve(r, speaker=False)) for r in frame.relays)
    cited = [_hop(resolver.resolve(r, speaker=False)) for r in frame.cited
             if not is_evidence(doc, r)]  # fmt: skip
    if frame.speaker is None:
        return _unnamed(frame, done)
    mention = resolver.resolve(frame.speaker, relays)
    if not relays:
        relays = mention.relays
    if not relays and mention.kind == "anonymous":
        relays = _outlet_relays(done)
        mention = resolver.resolve(frame.speaker, relays)
    if not cited:
        cited = _take_pending(pending, resolver, mention, frame)
    speaker_hop = _hop(mention)
    chain = (*relays, speaker_hop, *cited)
    if relays and not cited and is_evidence(doc, frame.speaker):
        # "Geolocated footage indicates that X, according to the ISW": what the ISW shows as
        # its evidence; the ISW says X (``tree.EVIDENCE``), as with "citing footage"
        chain, origin = relays, relays[-1]
        speaker = Speaker(
            _text(doc, frame.speaker), origin.name, origin.kind, *_chars(doc, frame.speaker)
        )
        return _Resolved(frame, speaker, _dedupe(chain))
    if frame.speaker_is_origin and cited:
        origin = cited[-1]
        speaker = Speaker(
            _text(doc, frame.speaker), origin.name, origin.kind, *_chars(doc, frame.speaker)
        )
    else:
        speaker = Speaker(
            _text(doc, frame.speaker), mention.name, mention.kind, *_chars(doc, frame.speaker)
        )
    return _Resolved(frame, speaker, _dedupe(chain))


FIRST_PERSON_SPEAKERS = frozenset({"i", "we"})


def _first_person(doc: Doc, resolved: list[_Resolved]) -> list[_Resolved]:
    """ "I think ..." or "we believe ..." inside a quotation is the quoted speaker's claim: the
    speaker of the claim whose content holds its cue (as the quotation's own words), or, in a
    quotation that goes on after its cue ("'...,' Mr. Ryan said. 'I think that ...'"), the
    speaker of the nearest named claim of the same or the two sentences before."""
    quotes = sorted(quote_spans(doc) + _paired_apostrophes(doc_text(doc)))
    starts = [q[0] for q in quotes]
    out: list[_Resolved] = []
    for r in resolved:
        frame = r.frame
        if (
            frame.speaker is not None
            and frame.cue is not None
            and frame.speaker[1] - frame.speaker[0] == 1
            and doc[frame.speaker[0]].lower_ in FIRST_PERSON_SPEAKERS
        ):
            cue = frame.cue[0]
            outer = [
                o for o in resolved
                if o is not r and o.frame.speaker is not None and o.speaker.name
                and o.speaker.name.lower() not in FIRST_PERSON_SPEAKERS
                and o.frame.content[0] <= cue < o.frame.content[1]
            ]  # fmt: skip
            if not outer and _quoted(doc[cue].idx, quotes, starts):
                outer = [
                    o for o in out[-3:]
                    if o.frame.speaker is not None and o.speaker.name
                    and o.speaker.name.lower() not in FIRST_PERSON_SPEAKERS
                    and frame.sentence - 2 <= o.frame.sentence <= frame.sentence
                    and o.frame.content[1] <= cue
                ][-1:]  # fmt: skip
            if outer:
                # the innermost quotation holding it
                o = min(outer, key=lambda x: x.frame.content[1] - x.frame.content[0])
                speaker = replace(r.speaker, name=o.speaker.name, kind=o.speaker.kind)
                r = replace(r, speaker=speaker, chain=o.chain)
        out.append(r)
    return out


PAIRED_APOSTROPHES = re.compile(r"''(?=\w)(.{2,3000}?)''", re.S)


def _paired_apostrophes(text: str) -> list[tuple[int, int]]:
    """Quotations marked with two apostrophes (an archive style: ''I think ...'')."""
    return [(m.start(), m.end()) for m in PAIRED_APOSTROPHES.finditer(text)]


def _quoted(char: int, quotes: list[tuple[int, int]], starts: list[int]) -> bool:
    n = bisect_right(starts, char) - 1
    return n >= 0 and quotes[n][0] < char < quotes[n][1]


def _outlet_relays(done: list[_Resolved]) -> tuple[Hop, ...]:
    """The media outlets through which the article's latest relayed claim reached it.

    Anonymous sources named without a relay ("a source indicated ...") are taken to come
    through the same outlet, since the article only knows them from that outlet's reporting.
    """
    for r in reversed(done):
        outlets = tuple(h for h in r.chain[:-1] if h.kind == "outlet")
        if outlets:
            return outlets
    return ()


def _unnamed(frame: Frame, done: list[_Resolved]) -> _Resolved:
    """A reported passive or adverb with no speaker in its sentence.

    It continues the reporting of the sentence just before when that sentence's claim came from
    anonymous sources ("..., according to the sources. Some, it is claimed, ..."); otherwise the
    speaker is unspecified and the chain is empty.
    """
    prev = [r for r in done if r.frame.sentence == frame.sentence - 1]
    if prev and prev[-1].speaker.kind == "anonymous" and frame.pattern in ("passive", "hedge"):
        p = prev[-1]
        return _Resolved(frame, Speaker(None, p.speaker.name, p.speaker.kind), p.chain)
    return _Resolved(frame, Speaker(None, None, "unspecified"), ())


def _pending_citations(doc: Doc, frames: list[Frame]) -> dict[int, list[TokenRange]]:
    """A citation by X that no claim took yet ("X amplified the concerns, citing data from Y").

    Keyed by the token index of X; the next claim of the same speaker takes it.
    """
    taken = {r for f in frames for r in f.cited}
    out: dict[int, list[TokenRange]] = {}
    for tok in doc:
        if tok.lemma_ != "cite" or tok.dep_ not in ("advcl", "acl"):
            continue
        obj = next((c for c in tok.children if c.dep_ in ("dobj", "obj")), None)
        subj = _subject(tok.head)
        if obj is None or subj is None or phrase(obj) in taken:
            continue
        if any(f.content[0] <= tok.i < f.content[1] for f in frames):
            continue
        out.setdefault(subj.i, []).append(phrase(obj))
    return out


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def _take_pending(
    pending: dict[int, list[TokenRange]], resolver: Resolver, mention: Mention, frame: Frame
) -> list[Hop]:
    for subj_i in sorted(pending):
        if subj_i >= (frame.speaker or frame.content)[0]:
            break
        owner = resolver.resolve((subj_i, subj_i + 1))
        if (
            owner.name == mention.name
            and frame.speaker is not None
            and _is_pronoun(resolver.doc, frame.speaker)
        ):
            ranges = pending.pop(subj_i)
            return [_hop(resolver.resolve(r)) for r in ranges]
    return []


def _is_pronoun(doc: Doc, rng: TokenRange) -> bool:
    return rng[1] - rng[0] == 1 and doc[rng[0]].pos_ == "PRON"


def _dedupe(chain: tuple[Hop, ...]) -> tuple[Hop, ...]:
    out: list[Hop] = []
    for hop in chain:
        if not out or out[-1].name != hop.name:
            out.append(hop)
    return tuple(out)


def _text(doc: Doc, rng: TokenRange) -> str:
    return doc[rng[0] : rng[1]].text


def _chars(doc: Doc, rng: TokenRange) -> tuple[int, int]:
    last = doc[rng[1] - 1]
    return doc[rng[0]].idx, last.idx + len(last.text)


def _claim(doc: Doc, text: str, doc_id: str, n: int, r: _Resolved, status: object) -> Claim:
    frame = r.frame
    hedge_ranges = [frame.content] + ([frame.cue] if frame.cue else [])
    hedges = tuple(Span(a, b, text[a:b]) for a, b in hedge_spans(doc, text, hedge_ranges))
    cue_tok = doc[frame.cue[0]] if frame.cue else None
    adverb_hedge = (
        cue_tok is not None
        and any(c.lower_ in lexicon().hedge_words for c in cue_tok.children if c.dep_ == "advmod")
        and cue_tok.dep_ != "prep"
    )
    hedged = (
        frame.cue_class == "hedge" or bool(hedges) or bool(adverb_hedge and frame.pattern == "verb")
    )
    polarity: Polarity = "deny" if frame.cue_class == "deny" else "affirm"
    split = parts(doc, *frame.content)
    read = [frame.content, *(split if len(split) > 1 else ())]  # the whole, then each part
    return Claim(
        id=f"{doc_id}:c{n + 1}",
        content=_span(doc, frame.content, text),
        cue=_span(doc, frame.cue, text) if frame.cue else None,
        speaker=r.speaker,
        chain=r.chain,
        hedged=hedged,
        hedges=hedges,
        verification=status,  # type: ignore[arg-type]
        polarity=polarity,
        sentence=frame.sentence,
        parts=as_spans(doc, text, split),
        roles=tuple(roles(doc[a:b]) for a, b in read),
    )
