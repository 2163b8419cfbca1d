"""Attribution frames: where a sentence reports somebody else's proposition.

A frame is found on the dependency parse, before anything is resolved across the article:
the cue, the content, the speaker phrase as written, and the relays and cited sources that
make up its attribution chain. Patterns:

- speech verbs with a clausal complement ("X said that ...", "X warned ...");
- parenthetical speech verbs ("These numbers, she argued, show ...", "Some, it is claimed, ...");
- "according to X", and "as reported by X" / "as X said" on a clause with no cue of its own;
- denials with an object ("X denied the reports", "X denied targeting civilians");
- direct quotes, with the speaker before, after or inside the quote;
- reported passives and adverbs with no named speaker ("reportedly", "is said to").

A cue verb's content is found by ``content.py``, fitted to quotation marks by ``quotes.py``.
Relays ("quoted by TASS", "as reported by TASS") and cited sources ("citing data from Y") are
kept as token spans (``tree.py``); ``claims.py`` turns them into the chain.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from claimledger.extract.compound import split_compound
from claimledger.extract.content import (
    DASHES,
    called_false,
    other_speech,
    puts_a_toll,
    relative_clause,
    verb_content,
    vouched_after,
)
from claimledger.extract.embeds import embedded_posts
from claimledger.extract.quotes import (
    content_chars,
    continued_quotes,
    doc_text,
    merge_quotes,
    quote_spans,
)
from claimledger.extract.tree import (
    CONTRAST,
    ISSUING,
    STATEMENT_NOUNS,
    TokenRange,
    agent_of,
    as_reported,
    carried_by,
    citations,
    contrasted,
    has_verb,
    is_evidence,
    is_passive,
    noun_with_conj,
    phrase,
    quoted_as,
    relays_of,
    subject_of,
    subtree,
    trim,
    without,
)
from claimledger.lexicon import lexicon
from claimledger.nlp.sents import sentence_of

log = logging.getLogger(__name__)

# The longest sentence, in tokens, that claims are taken from: the longest of 10,385 sentences of
# 300 PolNeAR train articles has 233 tokens, and only 2 have more than 150.
MAX_SENTENCE_TOKENS = 400
HEDGE_ADVERBS = {"allegedly", "reportedly", "purportedly", "supposedly"}


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


def find_frames(doc: Doc) -> list[Frame]:
    """Every attribution frame of a parsed article, in text order.

    A "sentence" longer than ``MAX_SENTENCE_TOKENS`` is not one a reporter wrote (a table, a list
    run together, a repeated fragment) and its parse is no guide to who said what: it gives no
    claims, and it is logged. Without the bound, nested cues ("X said Y said ...") make every
    cue's content the rest of the sentence, and the cost grows with the square of its length.
    """
    frames: list[Frame] = []
    for s_index, sent in enumerate(doc.sents):
        if len(sent) > MAX_SENTENCE_TOKENS:
            log.warning(
                "a sentence of %d tokens at character %d gives no claims (over %d tokens)",
                len(sent),
                sent.start_char,
                MAX_SENTENCE_TOKENS,
            )
            continue
        frames.extend(_sentence_frames(doc, sent, s_index))
    frames = announced_by(doc, frames)
    raw = frames
    frames = merge_quotes(doc, frames)
    frames = frames + introduced_quotes(doc, frames)
    frames = introduced_lists(doc, frames)
    frames = embedded_posts(doc, frames)
    frames = split_compound(doc, frames + continued_quotes(doc, frames, raw))
    frames = _without_adjunct_twins(doc, frames)
    frames = _without_nested_evidence(doc, frames)
    frames = _relayed_inside(
        _reporter_cut(doc, _trailing_relay(doc, _rejected_charge(doc, frames)))
    )
    frames.sort(key=lambda f: (f.content[0], f.content[1]))
    return frames


REFERRING = frozenset({"this", "that"})


def announced_by(doc: Doc, frames: list[Frame]) -> list[Frame]:
    """ "Russian troops shelled Nikopol overnight. This was reported by the head of the
    regional administration, Serhiy Lysak.": the sentence before is the claim of the agent of
    a passive speech verb whose subject is "this". Only when no named speaker has that sentence
    already (a claim of nobody there gives way)."""
    sents: list[Span] | None = None
    out = list(frames)
    for tok in doc:
        if tok.dep_ != "ROOT" or lexicon().cue_class.get(tok.lemma_.lower()) not in (
            "say",
            "hedge",
        ):
            continue
        subject = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        agent = agent_of(tok)
        if subject is None or subject.lower_ not in REFERRING or agent is None:
            continue
        sents = sents if sents is not None else list(doc.sents)
        k = sentence_of(doc, tok.i)
        if k == 0 or any(f.sentence == k - 1 and f.speaker is not None for f in out):
            continue
        content = trim(doc, (sents[k - 1].start, sents[k - 1].end))
        if content is None or not has_verb(doc, content):
            continue
        out = [f for f in out if not (f.sentence == k - 1 and f.speaker is None)]
        out.append(
            Frame(
                sentence=k - 1,
                content=content,
                cue=(tok.i, tok.i + 1),
                cue_class=lexicon().cue_class[tok.lemma_.lower()],
                speaker=phrase(agent),
                pattern="verb",
            )
        )
    return out


RELAYING = frozenset({"report", "say", "write", "quote", "cite", "tell", "carry", "publish"})


def _relayed_inside(frames: list[Frame]) -> list[Frame]:
    """ "Lukashenko accused Poland of X, BelTA reported", "The army rejected claims that Y,
    state television said": the inner speaker's claim reached the article through the outer
    speaker, a relay of its chain (the outer frame, BelTA's report that Lukashenko accused
    Poland, stays a claim of its own)."""
    outer = [f for f in frames if f.speaker is not None and f.cue is not None
             and f.cue_class == "say" and f.pattern == "verb"]  # fmt: skip
    if not outer:
        return frames
    out = []
    for f in frames:
        holder = None
        if f.speaker is not None and f.cue is not None:
            holder = next((o for o in outer if o is not f
                           and _inside(f.cue, o.content) and _inside(f.speaker, o.content)
                           and not _overlaps(o.cue or o.content, f.content)), None)  # fmt: skip
        if holder is not None and holder.speaker not in f.relays:
            assert holder.speaker is not None
            f = replace(f, relays=(*holder.relays, holder.speaker, *f.relays))
        out.append(f)
    return out


def _reporter_cut(doc: Doc, frames: list[Frame]) -> list[Frame]:
    """ "The ministry claimed that X, Russian state news agency TASS reported", parsed with the
    agency's clause inside the ministry's content: the content ends before the speaker of the
    frame that reports it (whose own content holds the ministry's cue)."""
    out = []
    for f in frames:
        for o in frames:
            if o is f or o.sentence != f.sentence or o.speaker is None or o.cue is None:
                continue
            if f.cue is None or not (_inside(o.speaker, f.content) and _inside(o.cue, f.content)):
                continue
            if not _inside(f.cue, o.content) or o.speaker[0] <= f.content[0]:
                continue
            if f.speaker is None or not _inside(f.speaker, o.content):
                continue  # the reporter reports the whole of X's claim, speaker and all
            if o.cue[0] < o.speaker[1] or o.cue[0] - o.speaker[1] > 1:
                continue  # "..., <agency> reported": the cue right after its speaker
            after = doc[o.cue[1] : doc[o.cue[0]].sent.end]
            if any(t.pos_ in ("VERB", "AUX") for t in after) or o.speaker[0] < f.cue[1]:
                continue  # at the sentence's end, after X's cue
            cue = doc[o.cue[0]]
            if cue.lemma_.lower() not in RELAYING or any(c.dep_ == "dobj" for c in cue.children):
                continue  # a relay's verb with nothing of its own ("wrote a host of songs")
            end = o.speaker[0]
            while end > f.content[0] and (
                doc[end - 1].text in ",;:-–—" or doc[end - 1].dep_ == "cc"
            ):
                end -= 1  # (a closing quotation mark stays: 'termed "influence peddling,"')
            if end - f.content[0] >= 3:
                f = replace(f, content=(f.content[0], end))
            break
        out.append(f)
    return out


CHARGE_NOUNS = frozenset({"accusation", "allegation", "charge", "claim", "assertion"})


def _rejected_charge(doc: Doc, frames: list[Frame]) -> list[Frame]:
    """ "Poland accused Minsk of pushing migrants to the border, an accusation Belarus denies":
    the apposition is no part of Poland's charge but Belarus's denial of it. Its denial is cut
    from the charge's content and becomes a frame of its own (the denier's, of the charge's
    content); the frame the parse gave the relative verb ("that Minsk and Moscow reject": the
    content "that") goes."""
    out = list(frames)
    for noun in doc:
        verb = next((c for c in noun.children if c.dep_ == "relcl"), None)
        if noun.lemma_.lower() not in CHARGE_NOUNS or verb is None:
            continue
        if lexicon().cue_class.get(verb.lemma_.lower()) != "deny":
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.tag_ not in
                        ("WDT", "WP") and c.lower_ != "that"), None)  # fmt: skip
        start = noun.left_edge.i
        if subject is None or start == 0 or doc[start - 1].text not in (",", "—", "–", "-"):
            continue
        hole_end = subtree(noun)[1]
        charged = next((f for f in out if f.speaker is not None and f.content[0] < start - 1
                        and start - 1 <= f.content[1] <= hole_end + 1
                        and not (f.cue and f.cue[0] <= verb.i < f.cue[1])), None)  # fmt: skip
        if charged is None:
            continue
        content = trim(doc, (charged.content[0], start - 1))
        if content is None:
            continue
        out = [f for f in out if f.cue is None or not (f.cue[0] <= verb.i < f.cue[1])]
        out = [replace(f, content=content) if f is charged else f for f in out]
        out.append(Frame(sentence=charged.sentence, content=content, cue=(verb.i, verb.i + 1),
                         cue_class="deny", speaker=noun_with_conj(subject)))  # fmt: skip
    return out


def _trailing_relay(doc: Doc, frames: list[Frame]) -> list[Frame]:
    """ "The ministry said Y, TASS reported": the parser hangs "TASS reported" inside what the
    ministry said (said -> reported -> Y), which reads as the ministry relaying TASS. A
    reporting cue whose speaker follows its content, at the very end of another speech frame's
    content that it shares its start with, is the relay of that frame: the ministry's content
    is Y, and TASS reports the ministry's statement."""
    out = list(frames)
    by_sentence: dict[int, list[int]] = {}
    for k, f in enumerate(out):
        by_sentence.setdefault(f.sentence, []).append(k)
    for k, inner in enumerate(out):
        if inner.speaker is None or inner.cue is None or inner.cue_class != "say":
            continue
        for j in by_sentence[inner.sentence]:  # (not every pair of a long article's frames)
            relay = out[j]
            if (
                j == k
                or relay.speaker is None
                or relay.cue is None
                or relay.cue_class != "say"
                or doc[relay.cue[0]].lemma_.lower() not in RELAYING
                or relay.content[0] != inner.content[0]
                or not relay.content[1] <= relay.speaker[0] < relay.cue[1] <= inner.content[1]
                or inner.speaker[1] > inner.content[0]
                or any(not t.is_punct for t in doc[relay.cue[1] : inner.content[1]])
            ):
                continue
            out[k] = replace(inner, content=relay.content)
            out[j] = replace(relay, content=(inner.speaker[0], relay.content[1]))
            break
    return out


def _inside(rng: TokenRange, outer: TokenRange) -> bool:
    return outer[0] <= rng[0] and rng[1] <= outer[1]


def _without_nested_evidence(doc: Doc, frames: list[Frame]) -> list[Frame]:
    """ "Footage indicates that X, the institute said": the footage is what the institute shows,
    not a second source of X; the institute's claim covers it. ("Images show no sign that X,
    analysts said" stays: the images are evidence against X, ``origins.NOT_A_PARTY``.)"""
    outer = [f.content for f in frames if f.speaker is not None and not is_evidence(doc, f.speaker)]
    return [f for f in frames if not (
        f.speaker is not None and f.cue is not None and f.cue_class != "deny"
        and (is_evidence(doc, f.speaker) or _event_shows(doc, f.speaker, f.cue))
        and any(a <= min(f.speaker[0], f.cue[0]) and max(f.speaker[1], f.cue[1]) <= b
                for a, b in outer)
    )]  # fmt: skip


EVENT_HEADS = frozenset(
    "attack attacks strike strikes shelling assault bombing bombardment raid raids war "
    "incident explosion blast offensive fighting invasion massacre".split()
)
SHOWING = frozenset({"show", "prove", "demonstrate", "reveal", "indicate", "suggest", "mean"})


def _event_shows(doc: Doc, speaker: TokenRange, cue: TokenRange) -> bool:
    """ "the attack proved that Ukraine needed more air defence", inside what someone said:
    what the speaker draws from an event, not a source the speaker relays."""
    head = doc[speaker[0] : speaker[1]].root
    verb = doc[cue[0] : cue[1]].root
    return head.lemma_.lower() in EVENT_HEADS and verb.lemma_.lower() in SHOWING


def _without_adjunct_twins(doc: Doc, frames: list[Frame]) -> list[Frame]:
    """ "X stated, while testifying, that B": the participle's frame with the content of the
    verb it hangs on is that verb's statement again, not a second one; so is a frame with no
    speaker whose content starts where a speaker's frame's does ("X said in a statement posted
    on Telegram that B": "posted" says B for nobody)."""
    cues = {(f.content, f.cue[0]) for f in frames if f.cue}
    spoken = {f.content[0] for f in frames if f.speaker is not None}  # where each starts
    return [f for f in frames if not (
        f.cue is not None
        and doc[f.cue[0]].tag_ == "VBG"
        and (f.content, doc[f.cue[0]].head.i) in cues
        and doc[f.cue[0]].head.i != f.cue[0]
    ) and not (
        f.speaker is None and f.cue is not None and f.pattern == "verb"
        and f.content[0] in spoken
    )]  # fmt: skip


GIVING = ISSUING | {"deliver", "offer", "make", "share", "sound", "repeat", "add"}
INTRODUCING = STATEMENT_NOUNS | {
    "warning", "message", "appeal", "plea", "promise", "pledge", "ultimatum", "verdict",
    "reminder", "remark", "comment", "answer", "retort", "demand", "assurance", "threat",
}  # fmt: skip
MIN_QUOTE_TOKENS = 3


def introduced_quotes(doc: Doc, frames: list[Frame]) -> list[Frame]:
    """Quotations introduced by a colon or comma after the speaker's own clause, where no cue
    verb governs them: "The ministry issued a statement: '...'", "X gave parliament a blunt
    warning: '...'", "X's message was simple: '...'", "..., telling the crowd, '...'". The
    introducing word is a statement noun given by the speaker (or the speaker's), or a speech
    verb left without content; a quotation some frame already covers is not taken again."""
    text = doc_text(doc)
    taken = [content_chars(doc, f) for f in frames]
    cues = {i for f in frames if f.cue for i in range(*f.cue)}
    out: list[Frame] = []
    for q_start, q_end in quote_spans(doc):
        if any(a < q_end and q_start < b for a, b in taken):
            continue
        line = text.rfind("\n", 0, q_start) + 1
        lead = text[line:q_start].rstrip()
        if not lead.strip():  # 'He told the audience:' and the quotation in the next paragraph
            line = text.rfind("\n", 0, len(text[:line].rstrip())) + 1
            lead = text[line:q_start].rstrip()
            if not lead.endswith(":"):
                continue
        if not lead.endswith((":", ",")):
            continue
        punct = doc.char_span(line + len(lead) - 1, line + len(lead), alignment_mode="expand")
        quote = doc.char_span(q_start, q_end, alignment_mode="expand")
        if punct is None or quote is None or len(quote) < MIN_QUOTE_TOKENS + 2:
            continue
        if not has_verb(doc, (quote.start, quote.end)):
            continue  # a label or a title, not a statement
        found = _introducer(doc, punct[0], cues)
        if found is None:
            continue
        cue, speaker = found
        who = noun_with_conj(speaker)
        if doc[who[1] - 1].dep_ == "case":
            who = (who[0], who[1] - 1)  # "the commander's message": the commander
        out.append(
            Frame(
                sentence=sentence_of(doc, punct[0].i),
                content=(quote.start, quote.end),
                cue=(cue.i, cue.i + 1),
                cue_class="say",
                speaker=who,
                pattern="quote",
            )
        )
    return out


# a list item's mark at the start of its line; "l" and "n" are the bullet glyphs of a symbol
# font as news archives print them ("l Rather than ..."), taken only before a capital
BULLET = re.compile(r"[ \t]*(?:[•·●▪◦‣*–—-]|[ln](?= [A-Z\"“]))[ \t]+")
LIST_AFTER_COLON = re.compile(r":[ \t]*\n\s*(?:[•·●▪◦‣*–—-]|[ln] [A-Z\"“])")  # any list at all


def introduced_lists(doc: Doc, frames: list[Frame]) -> list[Frame]:
    """``frames`` with the items of a list introduced by a speaker's clause ending in a colon:
    "The ministry said:" or "X argued that:" and then a paragraph per item, each opening with a
    bullet. Each item is a claim of that speaker; the list ends at the first paragraph without a
    bullet. An item a frame with a speaker covers already is not taken again; one of no speaker
    inside the item ("(10,000 are expected next year)") gives way to it."""
    text = doc_text(doc)
    if not LIST_AFTER_COLON.search(text):
        return frames  # most articles: no line scan
    taken = [content_chars(doc, f) for f in frames if f.speaker is not None]
    cues = {i for f in frames if f.cue for i in range(*f.cue)}
    out: list[Frame] = []
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    for n, (start, end) in enumerate(lines):
        lead = text[start:end].rstrip()
        if not lead.endswith(":") or n + 1 == len(lines) or not BULLET.match(text, *lines[n + 1]):
            continue
        punct = doc.char_span(start + len(lead) - 1, start + len(lead), alignment_mode="expand")
        found = None if punct is None else _introducer(doc, punct[0], cues)
        if found is None:
            continue
        cue, speaker = found
        for item_start, item_end in lines[n + 1 :]:
            mark = BULLET.match(text, item_start, item_end)
            if mark is None:
                break
            item = doc.char_span(mark.end(), item_end, alignment_mode="expand")
            if item is None or any(a < item_end and mark.end() < b for a, b in taken):
                continue
            rng = trim(doc, (item.start, item.end))
            if rng is None or rng[1] - rng[0] < MIN_QUOTE_TOKENS or not has_verb(doc, rng):
                continue
            out.append(
                Frame(
                    sentence=sentence_of(doc, rng[0]),
                    content=rng,
                    cue=(cue.i, cue.i + 1),
                    cue_class="say",
                    speaker=noun_with_conj(speaker),
                    pattern="list",
                )
            )
    if not out:
        return frames
    items = [content_chars(doc, f) for f in out]
    kept = [f for f in frames if f.speaker is not None or not any(
        a < (c := content_chars(doc, f))[1] and c[0] < b for a, b in items)]  # fmt: skip
    return kept + out


def _introducer(doc: Doc, punct: Token, cues: set[int]) -> tuple[Token, Token] | None:
    """The statement noun or speech verb that introduces what follows ``punct``, and its
    speaker, from the clause before it (in the punctuation's sentence)."""
    start = punct.sent.start
    for tok in reversed(doc[start : punct.i]):
        if tok.i in cues or tok.is_quote:
            return None  # the clause has a cue of its own, or is itself quoted
        if tok.pos_ == "VERB" and lexicon().cue_class.get(tok.lemma_.lower()) != "say":
            return None  # a clause of its own before the mark: "a report that X appeared to ..."
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in INTRODUCING:
            if tok.dep_ in ("dobj", "obj") and tok.head.lemma_ in GIVING:
                speaker = subject_of(tok.head)  # "issued a statement: ..." (or a comma)
            elif punct.text == ":":
                speaker = next((c for c in tok.children if c.dep_ == "poss"), None)
            else:
                return None
            if speaker is not None and speaker.pos_ in ("PROPN", "NOUN", "PRON"):
                return tok, speaker
            return None
        if tok.pos_ == "VERB" and lexicon().cue_class.get(tok.lemma_.lower()) == "say":
            if _infinitive(tok) or _not_done(tok) or tok.lemma_ == "call":
                return None  # "to simply tell them: ...", "calling him 'a failed candidate'"
            if not any(c.dep_ in ("ccomp", "xcomp") for c in tok.children):
                speaker = subject_of(tok)
                if (
                    speaker is not None
                    and speaker.i < tok.i
                    and speaker.pos_ in ("PROPN", "NOUN", "PRON")
                ):
                    return tok, speaker
            return None
    return None


MAX_FINAL_SPEAKER = 20  # tokens of a sentence-final speaker phrase
NOT_SPEAKER_START = {"IN", "WDT", "WP", "WRB", "CC", "RB", "TO", "VBG", "VBN"}
FINITE = {"VBD", "VBZ", "VBP", "MD"}


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
    for tok in sent:
        frame = _nominal_frame(doc, tok, s_index, out)
        if frame:
            out.append(frame)
    sourced = [f.content for f in out if f.pattern != "according"]
    out = [f for f in out if not (
        f.pattern == "according" and f.speaker is not None
        and _unowned_basis(doc[f.speaker[0]:f.speaker[1]].root)
        and any(_overlaps(f.content, c) for c in sourced)
    )]  # "According to preliminary data, five died, the service said": its basis  # fmt: skip
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
    clause = _coordination(tok.head, tok)
    clause = _contrast_vouched(clause, tok)
    if _relayed_cue(clause):
        return None  # "X says Y, according to AP": AP relays X's statement (``_relays``)
    # not "..., while the army said ...", the army's words
    holes = [subtree(tok), *other_speech(clause, reported=False)]
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
    lead = doc[content[0]]
    if lead.dep_ == "mark" and lead.lower_ in CONTRAST and lead.head.i == clause.i:
        content = (content[0] + 1, content[1])  # "..., while B, according to Y": Y says B
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


NOMINAL_CUES = {
    "claim": "hedge", "allegation": "hedge", "accusation": "hedge", "report": "hedge",
    "rumour": "hedge", "rumor": "hedge", "assertion": "say", "statement": "say",
    "announcement": "say", "warning": "say", "contention": "say", "argument": "say",
    "suggestion": "say", "insistence": "say", "charge": "hedge", "case": "say",
}  # fmt: skip
# verbs that make a claim noun their speaker's act: "he made the suggestion that ...", "she
# repeated the argument that ...", "made the case that ..." ("case" only with these)
DELIVERING = frozenset({"make", "repeat", "reiterate", "renew", "voice", "press", "advance"})


def _nominal_frame(doc: Doc, tok: Token, s_index: int, found: list[Frame]) -> Frame | None:
    """A claim noun with its proposition: "Moscow's claim that the village was captured",
    "amid reports that troops had entered the town". The speaker is the possessor ("Moscow's",
    "the ministry's"); a bare "reports that" has none (an unattributed report). The noun's
    class gives the cue class: a claim or allegation distances the article from its content."""
    cls = NOMINAL_CUES.get(tok.lemma_.lower())
    if cls is None or tok.pos_ != "NOUN":
        return None
    clause = next((c for c in tok.children if c.dep_ in ("acl", "ccomp")
                   and c.pos_ in ("VERB", "AUX") and _has_that(c)), None)  # fmt: skip
    if clause is None:
        return None
    mark = next(m for m in clause.children if _is_that(m))
    content = trim(doc, (mark.i + 1, clause.right_edge.i + 1))
    if content is None or content[1] - content[0] < 3:
        return None
    named_owner = next((c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
    if any(_overlaps(content, f.content) and f.speaker is not None
           and not (named_owner is not None and not f.speaker[0] <= named_owner.i < f.speaker[1])
           for f in found):  # fmt: skip
        return None  # already a verb's content ("said the claim that ..." stays the verb's;
        # "blamed the media for making an issue of Trump's claim that ...": Trump's still)
    subject = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i), None)
    if tok.dep_ == "ROOT" and subject is not None and tok.tag_ in ("NNS", "VBZ"):
        return Frame(  # "RBC-Ukraine reports that ...": the verb tagged a plural noun
            sentence=s_index,
            content=content,
            cue=(tok.i, tok.i + 1),
            cue_class="say",
            speaker=noun_with_conj(subject),
            cited=tuple(target for _, target in citations(tok, set())),
            pattern="verb",
        )
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    maker = _delivered_by(tok) if owner is None else None
    if tok.lemma_.lower() == "case" and maker is None:
        return None  # "the case that ..." is the claim of nobody; "made the case that" is
    if owner is None and maker is not None:
        return Frame(
            sentence=s_index,
            content=content,
            cue=(tok.head.i, tok.i + 1),
            cue_class=cls,
            speaker=noun_with_conj(maker),
            pattern="nominal",
        )
    if owner is None and tok.lemma_.lower() not in ("report", "rumour", "rumor"):
        return None  # "the claim that ...": whose claim the sentence does not say
    if (
        owner is not None
        and owner.lower_ in ("its", "their", "his", "her")
        and tok.lemma_ == "report"
    ):
        return None
    speaker = None if owner is None else _owner_span(owner)
    return Frame(
        sentence=s_index,
        content=content,
        cue=(tok.i, tok.i + 1),
        cue_class=cls,
        speaker=speaker,
        pattern="nominal" if owner is not None else "hedge",
    )


def _owner_span(owner: Token) -> TokenRange:
    """The possessor's own phrase: its determiner, names and modifiers that belong to it, not
    words the parse hung on it from before ("rejected as 'absurd' Moscow's claim": not the
    quotation mark; "dismissed as propaganda Russia's claim": not "propaganda")."""
    start = owner.i
    doc = owner.doc
    while start > owner.left_edge.i and _owner_word(doc[start - 1], start, owner.i):
        start -= 1
    return (start, owner.i + 1)


def _owner_word(tok: Token, start: int, end: int) -> bool:
    """A word of a possessor's name phrase: a determiner, a name, a capitalised adjective
    ("the Russian Defence Ministry's"), hung on a word of the phrase."""
    if tok.dep_ not in ("compound", "det", "amod", "flat") or not start <= tok.head.i <= end:
        return False
    return tok.pos_ in ("PROPN", "DET") or (tok.pos_ == "ADJ" and tok.text[:1].isupper())


def _delivered_by(noun: Token) -> Token | None:
    """The subject of the verb making a claim noun ("he made the suggestion that ...": he)."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in DELIVERING or verb.i > noun.i:
        return None
    return subject_of(verb)


def _is_that(tok: Token) -> bool:
    return tok.dep_ == "mark" and tok.lower_ == "that"


def _has_that(clause: Token) -> bool:
    return any(_is_that(m) for m in clause.children)


def _contrast_vouched(clause: Token, according: Token) -> Token:
    """The contrasting clause right before an "according to" when what it hangs on is another
    speaker's complement: in "X says A, while B, according to Y", Y vouches for B, X for A.
    (With no other speaker, "A, whereas B, according to Y", Y says both.)"""
    if clause.dep_ != "ccomp" or lexicon().cue_class.get(clause.head.lemma_.lower()) is None:
        return clause
    for c in clause.children:
        vouched = vouched_after(clause, c) if c.dep_ == "advcl" and c.i > clause.i else None
        if vouched is not None and vouched.i == according.i and contrasted(c):
            return c
    return clause


def _coordination(clause: Token, according: Token) -> Token:
    """The clause an "according to" vouches for: the whole coordination when it hangs on the
    second of two clauses at the end of the sentence ("nearly 10 million have been displaced,
    and more than 2 million have fled abroad, according to the IOM") or between the two,
    unless the first is a cue of its own (its speaker says it)."""
    head = clause.head
    if clause.dep_ != "conj" or head.pos_ not in ("VERB", "AUX") or head.i == clause.i:
        return clause
    after = according.doc[subtree(according)[1] : subtree(clause)[1]]
    phrase_end = subtree(according)[1]
    own = [t.i for t in clause.subtree if not according.i <= t.i < phrase_end and not t.is_punct]
    between = head.i < according.i and bool(own) and phrase_end <= min(own)
    # "the toll stands at 28, according to X, most of them killed ...": the parse hangs it on
    # the second clause, but it follows the first
    if not between and (according.i < clause.i or any(not t.is_punct for t in after)):
        return clause  # in the middle of the second: "..., and X, according to Y, did Z"
    if lexicon().cue_class.get(head.lemma_.lower()) is not None:
        return clause
    return head


def _clause_minus(doc: Doc, clause: Token, holes: list[TokenRange]) -> TokenRange | None:
    rng = subtree(clause)
    # content is the clause with the attribution phrase cut from its edges; a phrase in the
    # middle ("Soldiers, according to X, are ...") stays inside the span.
    return without(doc, rng, holes)


def _noun_after_cue(tok: Token) -> bool:
    """A plural claim noun the tagger took for a verb right after a speech verb, with no
    subject of its own ("said claims that ... were false", "dismissed reports that ...")."""
    if tok.tag_ != "VBZ" or tok.i != tok.head.i + 1 or tok.dep_ not in ("ccomp", "dobj", "xcomp"):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children):
        return False
    return lexicon().cue_class.get(tok.head.lemma_.lower()) is not None


def _verb_frame(doc: Doc, sent: Span, tok: Token, s_index: int, used: set[int]) -> Frame | None:
    cls = lexicon().cue_class.get(tok.lemma_.lower())
    if cls is None and _document_reads(tok):
        cls = "say"  # "the statement read", "reads an editorial in the Register"
    if cls is None and puts_a_toll(tok):
        cls = "say"  # "the health ministry put the death toll at 53"
    if (found := called_false(doc, tok)) is not None:
        return _calling_frame(doc, tok, s_index, found, used)
    if cls is None or tok.pos_ not in ("VERB", "AUX"):
        return None
    if _noun_after_cue(tok):
        return None  # "Tykhyi said claims that X were false": "claims" is what he called false
    if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children):
        return _as_frame(doc, tok, s_index)  # "as reported by X"
    if tok.lemma_ == "cite" and tok.dep_ in ("advcl", "acl"):
        return None  # "citing Y": a cited source, handled with its clause
    if any(quoted_as(p) for c in tok.children if c.lower_ == "as" for p in c.children):
        return None  # "TASS quoted Peskov as saying ...": the frame of "saying", Peskov's
    if _infinitive(tok) or _not_done(tok):
        return None
    negated = any(c.dep_ == "neg" for c in tok.children)
    if negated and cls != "deny":
        return None
    if _no_object(tok):
        cls = "deny"  # "images show no sign that ...", "found no evidence that ..."
    content, holes = verb_content(doc, sent, tok, cls)
    if content is None:
        return _sentence_final(doc, sent, tok, s_index, cls, used)
    speaker_tok = subject_of(tok)
    content = _after_fronted_relative(doc, tok, speaker_tok, content)
    quoting = quoted_as(tok)  # "TASS quoted Shoigu as saying ...": Shoigu, relayed by TASS
    if quoting is not None:
        speaker_tok = quoting[0]
    passive_it = any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in tok.children)
    speaker = None if speaker_tok is None or passive_it else noun_with_conj(speaker_tok)
    if speaker is not None and _overlaps(speaker, content) and not _inside_any(speaker, holes):
        speaker = None
    if speaker is None and not passive_it:
        content, speaker = _trailing_speaker(doc, content, tok, speaker)
    if speaker is not None and has_verb(doc, speaker):
        speaker = _last_noun_phrase(doc, speaker)
    aside = _relative_aside(sent, tok)
    if aside is not None:
        opening, closing = aside
        if opening < tok.i < closing and content[1] > closing:
            content = trim(doc, (content[0], closing)) or content  # ends where the aside does
        elif tok.i > closing and (speaker is None or opening < speaker[0] < closing):
            speaker = _before_aside(doc, opening)  # "Trump - who said X - said at a rally ..."
    relays, content = _relays(doc, tok, speaker_tok, content, used)
    if quoting is not None and quoting[1] is not None:
        relays.insert(0, phrase(quoting[1]))
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


def _after_fronted_relative(
    doc: Doc, tok: Token, speaker: Token | None, content: TokenRange
) -> TokenRange:
    """ "the town, which Ukraine said it had recaptured", "Kim, whom he called a con artist": a
    relative pronoun fronted from the content puts the cue and its speaker inside the content's
    span; what was said is what follows the cue."""
    start, end = content
    first = start
    if start > 0 and _relativizer(doc[start - 1]) and doc[start - 1].head.i != tok.i:
        first = start - 1  # "a commission that he says allows ...", "that" left out
    if not (start < tok.i < end - 1) or not (doc[first].tag_ in ("WDT", "WP") or
                                             _relativizer(doc[first])):  # fmt: skip
        return content
    if speaker is None or not first < speaker.i < tok.i:
        return content
    after = trim(doc, (tok.i + 1, end))
    if after is None or after[1] - after[0] < 2:
        return content
    if after[1] - after[0] == 2 and not any(
        t.pos_ in ("NOUN", "PROPN", "ADJ") for t in doc[after[0] : after[1]]
    ):
        return content  # "what he promises to do": nothing said after the cue
    return after


def _relativizer(tok: Token) -> bool:
    """ "that" standing for a noun of the clause it opens ("a commission that he says
    allows ..."), not the conjunction of a reported clause."""
    return tok.lower_ == "that" and tok.dep_ in ("nsubj", "nsubjpass", "dobj")


def _last_noun_phrase(doc: Doc, speaker: TokenRange) -> TokenRange | None:
    """ "..., setting fire to silos, regional governor Oleh Kiper said": a speaker phrase the
    parse ran into a participle clause is its verb-free part after the last comma."""
    commas = [i for i in range(*speaker) if doc[i].text == ","]
    if not commas:
        return speaker
    tail = trim(doc, (commas[-1] + 1, speaker[1]))
    if tail is None or has_verb(doc, tail):
        return speaker
    if not any(doc[i].pos_ in ("PROPN", "NOUN") for i in range(*tail)):
        return speaker
    return tail


def _calling_frame(
    doc: Doc, tok: Token, s_index: int, found: tuple[TokenRange, TokenRange], used: set[int]
) -> Frame | None:
    """A denial by name-calling ("X called the report a fake"): the content is what is called
    false, the speaker the caller."""
    content, false = found
    subject = subject_of(tok)
    if subject is None:
        return None
    used.add(tok.i)
    return Frame(
        sentence=s_index,
        content=content,
        cue=_cue_range(tok),
        cue_class="deny",
        speaker=noun_with_conj(subject),
        pattern="verb",
        excluded=(false,),
    )


def _no_object(tok: Token) -> bool:
    """A cue whose object is "no sign", "no evidence", "no indication": it denies its content."""
    return any(
        c.dep_ == "dobj" and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
        for c in tok.children
    )


def _sentence_final(
    doc: Doc, sent: Span, tok: Token, s_index: int, cls: str, used: set[int]
) -> Frame | None:
    """ "<clause>, <speaker> said [on Monday]." when the parse gives the cue no content (it hung
    the cue inside the clause): the speaker is the verb-free phrase between the clause and the
    cue, reaching back over commas inside it ("the head of X, Ivan Fedorov,")."""
    if cls not in ("say", "hedge") or tok.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    end = sent.end
    trailing = [c for c in tok.children if c.i > tok.i and doc[c.left_edge.i - 1].text == ","
                and ((c.dep_ == "advcl" and c.tag_ == "VBG")
                     or (c.dep_ == "ccomp" and relative_clause(c, tok)))]  # fmt: skip
    if trailing:  # "..., the office said on Sunday, announcing an investigation": an adjunct
        end = min(c.left_edge.i for c in trailing)
        end -= doc[end - 1].text == ","
    if has_verb(doc, (tok.i + 1, end)) or any(t.text == "," for t in doc[tok.i + 1 : end]):
        return None  # the sentence goes on after the cue
    commas = [t.i for t in doc[sent.start : tok.i] if t.text == ","]
    start = None
    for comma in reversed(commas):
        if has_verb(doc, (comma + 1, tok.i)) or tok.i - comma > MAX_FINAL_SPEAKER:
            break
        start = comma
    if start is None:
        return None
    speaker = trim(doc, (start + 1, tok.i))
    content = trim(doc, (sent.start, start))
    if speaker is None or content is None or not has_verb(doc, content):
        return None
    if content[1] - content[0] < 4 or "\n" in doc[content[0] : content[1]].text:
        return None
    who = doc[speaker[0] : speaker[1]]
    if who.root.pos_ not in ("NOUN", "PROPN", "PRON") or who[0].tag_ in NOT_SPEAKER_START:
        return None
    if any(t.tag_ in ("WDT", "WP", "WRB", "CD") for t in who):
        return None  # "which he", "after 55 percent", "a third": not a speaker
    root = doc[content[0] : content[1]].root
    if root.tag_ not in FINITE and not any(c.dep_ in ("aux", "auxpass") for c in root.children):
        return None  # "Speaking to reporters, ...": no finite clause to report
    used.add(tok.i)
    return Frame(
        sentence=s_index,
        content=content,
        cue=_cue_range(tok),
        cue_class=cls,
        speaker=speaker,
        pattern="verb",
    )


def _trailing_speaker(
    doc: Doc, content: TokenRange, cue: Token, speaker: TokenRange | None
) -> tuple[TokenRange, TokenRange | None]:
    """ "X happened, the head of the agency, Taras Hnatiuk, said": when the parse has folded the
    speaker into the content (no subject on the cue), the verb-free noun phrase after the
    content's first top-level comma, running up to the cue, is the speaker."""
    start, end = content
    if end > cue.i or cue.i - end > 2:
        return content, speaker
    # "..., the governor has said": the speaker ends before the cue's auxiliaries
    stop = min([c.i for c in cue.children if c.dep_ in ("aux", "auxpass") and c.i < cue.i]
               or [cue.i])  # fmt: skip
    for comma in range(start + 2, end - 1):
        if doc[comma].text != ",":
            continue
        tail = trim(doc, (comma + 1, stop))
        if tail is None or has_verb(doc, tail):
            continue
        if any(t.pos_ in ("NOUN", "PROPN") for t in doc[tail[0] : tail[1]]):
            head = trim(doc, (start, comma))
            if head is not None and has_verb(doc, head):
                return head, tail
    return content, speaker


def _relays(
    doc: Doc, tok: Token, speaker_tok: Token | None, content: TokenRange, used: set[int]
) -> tuple[list[TokenRange], TokenRange]:
    """Outlets relaying a cue ("X, quoted by Y, said", "X said ..., as reported by Y").

    An "as reported by Y" clause on the content's own head is cut from the content's edge.
    """
    relays = (relays_of(speaker_tok) if speaker_tok is not None else []) + relays_of(tok)
    relays = [phrase(outlet) for outlet in carried_by(tok)] + relays  # "in a statement carried by"
    holes = []
    if _relayed_cue(tok):
        for according in (c for c in tok.children if c.lower_ == "according" and c.dep_ == "prep"):
            to = next((c for c in according.children if c.lower_ == "to"), None)
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
            if pobj is not None:
                relays.insert(0, phrase(pobj))
                used.add(according.i)
                holes.append(subtree(according))
    for span, src in as_reported(tok) + as_reported(doc[content[0] : content[1]].root):
        relays.append(phrase(src))
        used.update(range(*span))
        holes.append(span)
    return relays, (trim(doc, content, holes) or content) if holes else content


BASIS = frozenset({"data", "datum", "information", "estimate", "figure", "calculation", "count"})


def _unowned_basis(noun: Token) -> bool:
    """ "preliminary data", "initial estimates": what a source goes by, naming no source."""
    return noun.lemma_.lower() in BASIS and not any(
        c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("of", "from", "by"))
        for c in noun.children
    )


def _relayed_cue(verb: Token) -> bool:
    """A speech verb with its own subject that an "according to" hangs on: "X says Y,
    according to AP" is AP relaying X, not AP's claim that X says Y."""
    cls = lexicon().cue_class.get(verb.lemma_.lower())
    return (
        verb.pos_ == "VERB"
        and cls in ("say", "hedge")
        and subject_of(verb) is not None
        and verb_content(verb.doc, verb.sent, verb, cls)[0] is not None
    )  # (not "Turkey has proposed hosting talks, according to officials": no content of its own)


def _as_frame(doc: Doc, tok: Token, s_index: int) -> Frame | None:
    """The clause an "as" clause hangs on ("The depot burned, as reported by the BBC").

    When that clause is itself a cue ("X said ..., as reported by Y"), Y is a relay of its
    frame instead.
    """
    head = tok.head
    classes = lexicon().cue_class
    if classes.get(tok.lemma_.lower()) not in ("say", "hedge"):
        return None  # "as forces have shown ...": a reason, not a source
    if tok.left_edge.lower_ != "as" or any(c.dep_ == "neg" for c in tok.children):
        return None  # "so long as they do not threaten ...": a condition
    if head.i == tok.i or (classes.get(head.lemma_.lower()) is not None and not is_passive(head)):
        return None  # a cue's own frame takes the "as" clause as a relay ("has been dismissed" is
        # no cue)
    src = agent_of(tok) or next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if src is None or not _speakerlike(src):
        return None  # "as the siege continued"
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head  # "The depot, as the BBC reported, was set on fire"
    holes = [subtree(tok)]
    cited = []
    for span, target in citations(head, set()) + citations(tok, set()):
        holes.append(span)  # "..., as reported by Ukrinform, citing military intelligence"
        cited.append(target)
    content = _clause_minus(doc, head, holes)
    if content is None or not has_verb(doc, content):
        return None
    return Frame(
        sentence=s_index,
        content=content,
        cue=(tok.i, tok.i + 1),
        cue_class="say",
        speaker=phrase(src),
        cited=tuple(cited),
        pattern="as",
        excluded=tuple(holes),
    )


RELATIVES = {"who", "which", "whose"}


def _relative_aside(sent: Span, tok: Token) -> tuple[int, int] | None:
    """The dashes around a relative clause set off after a noun ("X - who earlier said Y - told
    Z"): the parse often runs the aside into the main verb, so the cue inside it gets the rest of
    the sentence as content and the main cue no subject. The first such aside before the cue's
    sentence end; None when there is none."""
    toks = list(sent)
    for n, t in enumerate(toks[1:-2], start=1):
        if _dash(t) and toks[n + 1].lower_ in RELATIVES and toks[n - 1].pos_ in ("PROPN", "NOUN"):
            closing = next((u.i for u in toks[n + 2 :] if _dash(u)), None)
            if closing is not None and closing < sent.end - 1:
                return t.i, closing
    return None


def _dash(tok: Token) -> bool:
    """A dash setting off an aside: an em dash or "--", or a hyphen with spaces round it (not
    the one inside "cease-fire")."""
    if tok.text in ("—", "--"):
        return True
    return tok.text in DASHES and bool(tok.whitespace_) and bool(tok.nbor(-1).whitespace_)


def _before_aside(doc: Doc, opening: int) -> TokenRange:
    """The noun phrase a dash-set relative aside follows: "GOP front-runner Donald Trump"."""
    noun = doc[opening - 1]
    left = [c.left_edge.i for c in noun.children if c.i < noun.i]
    return (min(left, default=noun.i), opening)


def _speakerlike(tok: Token) -> bool:
    """A phrase that can name a source: with a name, a pronoun, or a speaker-kind word in it."""
    start, end = phrase(tok)
    toks = list(tok.doc[start:end])
    if any(
        t.pos_ in ("PROPN", "PRON") or t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") for t in toks
    ):
        return True
    words = {t.lower_ for t in toks} | {t.lemma_.lower() for t in toks}
    return any(not words.isdisjoint(kind) for kind in lexicon().kind_words.values())


WRITTEN = STATEMENT_NOUNS | {
    "editorial", "sign", "banner", "caption", "headline", "notice", "leaflet", "placard",
    "inscription", "communique", "communiqué", "declaration", "resolution", "text",
}  # fmt: skip


def _document_reads(tok: Token) -> bool:
    """ "Read" says what a written thing says when the thing is its subject ("the statement
    read", "a banner reads") or, inverted after a quotation, its object ("reads an editorial")."""
    if tok.lemma_ != "read" or tok.pos_ != "VERB" or tok.tag_ not in ("VBD", "VBZ", "VBP"):
        return False
    subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects:
        return subjects[0].lemma_.lower() in WRITTEN
    objects = [c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i]
    return bool(objects) and objects[0].lemma_.lower() in WRITTEN and tok.i > tok.sent.start + 1


def _not_done(tok: Token) -> bool:
    """ "stopped short of calling for X", "without saying that X": a cue that did not happen."""
    if tok.dep_ != "pcomp":
        return False
    prep = tok.head
    return prep.lower_ == "without" or (prep.lower_ == "of" and prep.head.lower_ == "short")


def _infinitive(tok: Token) -> bool:
    """Infinitives ("wants to say", "hard to believe") are no attribution ("went on to say" is)."""
    if tok.dep_ not in ("xcomp", "advcl", "acl", "relcl") or not any(
        c.lower_ == "to" and c.dep_ == "aux" for c in tok.children
    ):
        return False
    if tok.head.lemma_ in ("go", "continue", "proceed", "rush", "hasten"):
        return False
    # "took to Telegram to say", "appeared on television to announce", "used the briefing to
    # warn", "held a press conference to declare": a purpose clause of speaking through a medium
    # ("appeared to say" is no such clause: the medium must be named before the infinitive)
    head = tok.head
    if head.lemma_ not in MEDIUM or head.pos_ != "VERB":
        return True
    return not any(c.dep_ in ("dobj", "prep") and head.i < c.i < tok.i for c in head.children)


MEDIUM = {"take", "appear", "use", "hold", "post", "tweet", "write", "publish", "return", "speak"}


def _inside_any(rng: TokenRange, holes: list[TokenRange]) -> bool:
    return any(a <= rng[0] and rng[1] <= b for a, b in holes)


def _overlaps(a: TokenRange, b: TokenRange) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _cue_range(tok: Token) -> TokenRange:
    """The cue verb with its particle ("point out")."""
    prt = [c.i for c in tok.children if c.dep_ == "prt" and c.i == tok.i + 1]
    return (tok.i, (prt[0] if prt else tok.i) + 1)


def _hedge_frame(
    doc: Doc, sent: Span, tok: Token, s_index: int, covered: list[TokenRange]
) -> Frame | None:
    """Hedged reports with no speaker named: "X reportedly did Y", "X is said to have done Y"."""
    if any(a <= tok.i < b for a, b in covered):
        return None
    verb: Token | None = None
    if tok.lower_ in HEDGE_ADVERBS and tok.dep_ == "advmod" and tok.head.pos_ in ("VERB", "AUX"):
        verb = tok.head
    if verb is None or any(a <= verb.i < b for a, b in covered):
        return None
    holes = [
        subtree(c)
        for c in verb.children
        if c.dep_ in ("prep", "advcl") and c.i > verb.i and _has_speech(c)
    ]
    holes += [
        subtree(c)
        for c in verb.children
        if c.dep_ == "advmod" and c.i < verb.i and c.i == sent.start
    ]
    rng = without(doc, subtree(verb), holes)
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
    """The sources named beside a hedged clause ("..., with sources describing ...")."""
    for a, b in holes:
        for t in doc[a:b]:
            if t.pos_ in ("NOUN", "PROPN") and any(
                lexicon().cue_class.get(c.lemma_) in ("say", "hedge") for c in t.children
            ):
                return phrase(t)
    return None
