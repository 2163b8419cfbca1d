"""Hedges and verification: what the article's own voice says about a claim.

A hedge is a word or phrase of ``hedges.v1.txt`` inside the claim's content or cue, or a cue
that is itself distancing ("claimed", "alleged").

A verification statement is a phrase of ``verification.v1.tsv`` anywhere in the article
("This claim has not been independently verified", "met with skepticism", "denied such
claims"). It applies to the claims its referent points at:

- a referent about figures ("the figures", "the desertion statistics", "these numbers")
  points at every earlier claim that states a number;
- any other referent ("this claim", "such reports") or none at all points at the claims of
  the nearest earlier sentence that has claims, and at the claims of the statement's own
  sentence unless they are the statement-maker's own;
- a denial counts only with a referent ("denied the reports"), since "X denied that ..." is a
  claim of its own (polarity ``deny``), not a statement about another claim.

A negated confirmation ("could not be independently verified") counts as unverified. When
several statements reach one claim the strongest wins: denied, disputed, unverified,
confirmed.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from claimledger.analyze.proposition import sides_named
from claimledger.analyze.terms import terms
from claimledger.extract.content import EVENT_NOUNS
from claimledger.extract.quotes import doc_text
from claimledger.extract.tree import TokenRange, has_verb
from claimledger.lexicon import lexicon
from claimledger.models import Verification

CLAIM_NOUNS = {
    "claim", "allegation", "assertion", "report", "account", "statement", "story",
    "accusation", "information", "assessment", "rumour", "rumor", "version",
}  # fmt: skip
FIGURE_NOUNS = {"figure", "number", "statistic", "data", "toll", "estimate", "count", "tally"}
STATUSES: dict[str, Verification] = {
    "denied": "denied", "disputed": "disputed", "unverified": "unverified", "confirmed": "confirmed"
}  # fmt: skip
STRENGTH: dict[str, int] = {"denied": 4, "disputed": 3, "unverified": 2, "confirmed": 1}
NEGATED = re.compile(
    r"(?:(?<!\w)(?:not|never|cannot|unable|without|no|neither|nor|none|yet\s+to)|n[’']t)"
    r"(?:\s+[\w'’]+){0,5}\s*$",
    re.IGNORECASE,
)  # "Neither account could be independently verified": unverified, never confirmed
BOTH = frozenset({"neither", "both", "either"})  # "neither claim": the last two sources' claims
HEDGE_KEY = "claimledger.hedge_matches"  # Doc.user_data key of the article's hedge matches
YEAR = re.compile(r"^(1[89]|20)\d\d$")


@dataclass(frozen=True)
class ClaimSite:
    """What verification needs to know of a claim: where it is and who said it."""

    sentence: int
    content: TokenRange
    speaker_name: str | None
    cue: TokenRange | None = None


def hedge_spans(doc: Doc, text: str, ranges: list[TokenRange]) -> list[tuple[int, int]]:
    """Character spans of hedge words and phrases inside the given token ranges."""
    found = _hedge_matches(doc, text)
    starts = [m[0] for m in found]
    out: set[tuple[int, int]] = set()
    for a, b in ranges:
        if b <= a:
            continue
        start, end = doc[a].idx, doc[b - 1].idx + len(doc[b - 1])
        for k in range(bisect_left(starts, start), bisect_right(starts, end)):
            if found[k][1] <= end:
                out.add(found[k])
    return sorted(out)


def _hedge_matches(doc: Doc, text: str) -> list[tuple[int, int]]:
    """Every hedge match of the article, sorted, found once per article: a claim's hedges are
    the matches inside its ranges (one scan per claim would cost the square of a long text)."""
    cached: list[tuple[int, int]] | None = doc.user_data.get(HEDGE_KEY)
    if cached is None:
        matches: set[tuple[int, int]] = set()
        if lexicon().any_hedge.search(text):
            for pattern in lexicon().hedges:
                matches.update(m.span() for m in pattern.finditer(text))
        cached = sorted(matches)
        doc.user_data[HEDGE_KEY] = cached
    return cached


def has_number(doc: Doc, rng: TokenRange) -> bool:
    """True when the range states a figure (not a year or an ordinal)."""
    for tok in doc[rng[0] : rng[1]]:
        if (
            tok.like_num
            and not YEAR.match(tok.text)
            and tok.ent_type_ not in ("DATE", "ORDINAL", "TIME")
        ):
            return True
        if tok.text == "%" or tok.lower_ in ("percent", "per cent"):
            return True
    return False


def verification(doc: Doc, sites: list[ClaimSite]) -> list[Verification | None]:
    """The verification status of each claim, from the article's statements about claims."""
    status: list[Verification | None] = [None] * len(sites)
    text = doc_text(doc)
    for s_index, sent in enumerate(doc.sents):
        if not lexicon().any_verification.search(text, sent.start_char, sent.end_char):
            continue
        for st in _statements(sent, text[sent.start_char : sent.end_char]):
            for k in _targets(doc, sites, s_index, st):
                if st.found in ("denied", "disputed") and _proposal(doc, sites[k]):
                    continue  # "proposed a debate on April 4", turned down: no claim proved false
                if st.found != "unverified" and _same_party(sites[k].speaker_name, st.maker):
                    continue  # "The general staff later confirmed the strike": its own word
                    # again, no independent confirmation (nor a denial by its own source)
                if status[k] is None or STRENGTH[st.found] > STRENGTH[status[k] or "confirmed"]:
                    status[k] = st.found
    return status


PROPOSING = frozenset({"propose", "offer", "urge", "demand", "invite", "call"})


def _proposal(doc: Doc, site: ClaimSite) -> bool:
    """A claim that proposes rather than states ("proposed they debate on April 15", "called
    for talks", or a bare noun phrase): turning it down proves nothing false."""
    if not has_verb(doc, site.content):  # but "announced the liberation of X" states X fell
        return doc[site.content[0] : site.content[1]].root.lemma_.lower() not in EVENT_NOUNS
    return site.cue is not None and doc[site.cue[0]].lemma_.lower() in PROPOSING


@dataclass(frozen=True)
class _Statement:
    found: Verification
    referent: Token | None
    maker: str | None
    match: Span
    possessor: str | None = None  # "Orlov's claims": only the claims of Orlov
    local: bool = False  # "a claim Kyiv rejected", "..., which he denies": this sentence only
    clause: TokenRange | None = None  # "rumours that X": only the claims inside X


def _statements(sent: Span, sent_text: str) -> list[_Statement]:
    out: list[_Statement] = []
    base = sent.start_char
    for found, pattern in lexicon().verification:
        for m in pattern.finditer(sent_text):
            span = sent.doc.char_span(base + m.start(), base + m.end(), alignment_mode="expand")
            if span is None:
                continue
            status = _unless_negated(found, sent_text[max(0, m.start() - 30) : m.start()])
            if status in ("disputed", "denied"):
                st = _dispute(sent, span, status)
                if st is not None:
                    out.append(st)
                continue
            if status is None:
                continue
            out.append(_Statement(status, _referent(sent, span), _maker(span), span))
    return out


ANAPHORA = {"this", "that", "these", "those", "it", "which", "such"}
ARGUMENTS = ("dobj", "nsubjpass", "attr")  # in this order; a subject is who disputes


def _dispute(sent: Span, match: Span, status: Verification) -> _Statement | None:
    """A denial or dispute counts only when what it denies or disputes is a claim: a claim noun
    inside the phrase or as its argument ("denied the reports", "the statement was met with
    skepticism", "skeptical of the figures"), or a word pointing back at one ("this was
    disputed", "which he denied"). "Trump contradicted him", "skeptical of the establishment's
    influence" are about a person or a thing, not a claim: nothing. A claim noun with a clause
    of its own ("rejected rumours that X", "allegations that he ..., which he denied") is about
    that clause only; one with a possessor ("Orlov's claims") about the possessor's claims."""
    inside = [t for t in match if t.lemma_.lower() in CLAIM_NOUNS | FIGURE_NOUNS]
    arg = inside[0] if inside else _argument(match)
    if arg is None:
        return None
    # the phrase modifies the claim noun ("a claim Kyiv rejected", "an allegation rejected by
    # the inquiries", "allegations, which he denies"): the claim is in this sentence or nowhere
    local = not inside and arg.i < match.start and match.root.dep_ in ("relcl", "acl")
    if arg.lower_ in ANAPHORA or arg.tag_ in ("WDT", "WP"):
        if arg.tag_ in ("WDT", "WP") and arg.head.dep_ == "relcl":
            arg, local = arg.head.head, True  # "allegations ..., which he has denied"
        elif arg.lower_ in ANAPHORA:
            return _Statement(status, arg, _maker(match), match)
    if arg.lemma_.lower() not in CLAIM_NOUNS | FIGURE_NOUNS or arg.pos_ != "NOUN":
        return None
    clause = next((c for c in arg.children if c.dep_ in ("acl", "relcl", "ccomp")), None)
    if clause is not None and match.start not in range(clause.left_edge.i, clause.right_edge.i + 1):
        return _Statement(
            status, arg, _maker(match), match, clause=(clause.left_edge.i, clause.right_edge.i + 1)
        )
    poss = next((c for c in arg.children if c.dep_ == "poss"), None)
    if poss is not None:
        if poss.pos_ == "PRON":
            return None  # "contradicted her statements": whose, the article does not say here
        return _Statement(
            status, arg, _maker(match), match, possessor=poss.text.lower(), local=local
        )
    return _Statement(status, arg, _maker(match), match, local=local)


def _argument(match: Span) -> Token | None:
    """What the phrase's verb or adjective is about: its object, its (passive) subject, or
    the object of its preposition ("skeptical of", "doubt on")."""
    root = match.root
    heads = [root, root.head] if root.pos_ not in ("VERB", "AUX", "ADJ") else [root]
    for head in heads:
        for dep in ARGUMENTS:
            for child in head.children:
                if child.dep_ == dep and child.i not in range(match.start, match.end):
                    return child
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "on", "about", "as"):
                # "as": "rejected as absurd Moscow's claim that ...", parsed with the claim
                # inside the "as" phrase (only a claim noun counts: ``_dispute``)
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
    if root.dep_ in ("relcl", "acl") and root.head.pos_ == "NOUN":
        return root.head  # "a claim Kyiv rejected"
    return None


def _unless_negated(found: str, before: str) -> Verification | None:
    """A negated confirmation ("could not be independently verified") leaves a claim unverified."""
    if found == "confirmed" and NEGATED.search(before):
        return "unverified"
    return STATUSES.get(found)


def _referent(sent: Span, match: Span) -> Token | None:
    nouns = [t for t in sent if t.lemma_.lower() in CLAIM_NOUNS | FIGURE_NOUNS and t.pos_ == "NOUN"]
    if not nouns:
        return None
    inside = [t for t in nouns if match.start <= t.i < match.end]
    if inside:
        return inside[0]
    return min(nouns, key=lambda t: min(abs(t.i - match.start), abs(t.i - match.end)))


def _maker(match: Span) -> str | None:
    """Who makes the statement ("Ukrainian officials have denied ..."), as plain text."""
    verb = match.root if match.root.pos_ in ("VERB", "AUX") else match.root.head
    for child in verb.children:
        if child.dep_ == "nsubj":
            return " ".join(t.text for t in child.subtree).lower()
    return None


def _targets(doc: Doc, sites: list[ClaimSite], s_index: int, st: _Statement) -> list[int]:
    referent, maker = st.referent, st.maker
    found = _targets_of(doc, sites, s_index, referent, maker)
    if st.clause is not None:
        a, b = st.clause
        found = [k for k, s in enumerate(sites) if s.content[0] < b and a < s.content[1]]
    if st.possessor is not None:
        found = [k for k in found if st.possessor in (sites[k].speaker_name or "").lower()]
    if st.local:
        found = [k for k in found if sites[k].sentence == s_index]
    if referent is not None and referent.lemma_.lower() in ACCUSATIONS:
        # "rejected the accusations": the claims aimed at the rejecter, not whatever was said
        found = [k for k in found if _accuses(doc, sites[k], maker)]
    if st.found in ("disputed", "denied"):
        found = [k for k in found if sites[k].speaker_name]  # a claim of nobody named: no
    # a phrase inside the claim's own content is part of what the claim says ("there is no
    # evidence to support his insinuations"), not the article's word on it
    # nor is a claim whose cue is the phrase ("rejected rumours that X": the denial itself)
    return [
        k
        for k in found
        if not sites[k].content[0] <= st.match.start < sites[k].content[1]
        and not _in_range(st.match.start, sites[k].cue)
    ]


ACCUSATIONS = frozenset({"accusation", "allegation", "charge"})


def _accuses(doc: Doc, site: ClaimSite, maker: str | None) -> bool:
    """The claim can be an accusation the maker of a rejection answers: it names the maker
    ("said the governor had taken bribes", rejected by the governor) or the maker's state
    ("said Russian agents were behind the blast", rejected by the Russian embassy), or the
    maker is of no state the registry knows. A claim that names nothing of a maker's state
    ("up to 1,000 soldiers could be assigned"; "accused the government of ...", rejected by
    Belarus) is no accusation against it."""
    content = doc[site.content[0] : site.content[1]].text
    if maker and set(terms(maker)) & set(terms(content)):
        return True  # "said the governor had taken bribes", rejected by the governor
    sides = set(sides_named(maker or ""))
    return not sides or bool(sides & set(sides_named(content)))


def _in_range(i: int, rng: TokenRange | None) -> bool:
    return rng is not None and rng[0] <= i < rng[1]


def _targets_of(
    doc: Doc, sites: list[ClaimSite], s_index: int, referent: Token | None, maker: str | None
) -> list[int]:
    if referent is not None and referent.lemma_.lower() in FIGURE_NOUNS:
        return [
            k for k, s in enumerate(sites) if s.sentence <= s_index and has_number(doc, s.content)
        ]
    earlier = [s.sentence for s in sites if s.sentence < s_index]
    out = []
    if earlier:
        last = max(earlier)
        out = [k for k, s in enumerate(sites) if s.sentence == last]
        scope = _scope(referent)
        if scope == "two":
            out = _last_two_sources(sites, s_index)  # "Neither account could be verified"
        elif scope == "all":  # "None of the claims could be independently verified"
            out = [
                k for k, s in enumerate(sites) if s_index - ALL_SENTENCES <= s.sentence < s_index
            ]
    for k, s in enumerate(sites):
        if s.sentence == s_index and not _same_speaker(s.speaker_name, maker):
            if referent is not None and s.content[0] <= referent.i < s.content[1]:
                continue  # the claim is the statement itself ("X denied such claims")
            out.append(k)
    return out


ALL_SENTENCES = 3  # sentences back "none of the claims" reaches
EVERY = frozenset({"none", "all", "each"})


def _scope(referent: Token | None) -> str | None:
    """How many claims a claim noun stands for: "two" ("neither account", "either side's
    account", "both reports"), "all" ("none of the claims", "all the reports"), else None."""
    if referent is None:
        return None
    if any(
        c.lower_ in BOTH or any(g.lower_ in BOTH for g in c.children) for c in referent.children
    ):
        return "two"
    head = referent.head
    if head.lower_ == "of" and head.head.lower_ in EVERY | BOTH:
        return "two" if head.head.lower_ in BOTH else "all"
    if any(c.lower_ in EVERY for c in referent.children):
        return "all"
    return None


def _last_two_sources(sites: list[ClaimSite], s_index: int) -> list[int]:
    """The claims before sentence ``s_index`` of the last two sources to speak there."""
    speakers: list[str | None] = []
    out: list[int] = []
    for k in sorted((k for k, s in enumerate(sites) if s.sentence < s_index),
                    key=lambda k: sites[k].sentence, reverse=True):  # fmt: skip
        name = sites[k].speaker_name
        if name not in speakers:
            if len(speakers) == 2:
                break
            speakers.append(name)
        out.append(k)
    return out


def _same_party(name: str | None, maker: str | None) -> bool:
    """The claim's speaker and the statement's maker are one party: the words of one name
    inside the other's ("the general staff" and "Ukraine's general staff"; not "Russia's
    foreign ministry" and "Ukraine's foreign ministry")."""
    if not name or not maker:
        return False
    a, b = _name_words(name), _name_words(maker)
    if min(len(a), len(b)) < 2 and not any(w[:1].isupper() for w in (name, maker)):
        return False  # "ministry" alone names no party (a name cut to its head word)
    return bool(a and b) and (a <= b or b <= a)


def _name_words(name: str) -> set[str]:
    return {w.removesuffix("'s").removesuffix("’s") for w in name.lower().split()} - {"the"}


def _same_speaker(name: str | None, maker: str | None) -> bool:
    if not name or not maker:
        return False
    return name.lower() in maker or maker in name.lower()
