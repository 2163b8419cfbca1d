"""The content of a cue verb: the reported proposition, tried pattern by pattern.

- a clausal complement ("X said (that) Y", "X reported, citing Z, that Y");
- the clause around an aside ("The attack, she said, was ...", "Some, it is claimed, were ...");
- a "that" clause the parse has detached from the cue;
- an object ("X denied the reports", "X denied targeting civilians");
- a reported passive ("The unit is said to have lost ...");
- a quotation just before the cue ("“...,” he said");
- the clause before a cue the parse hung on it at the end of the sentence ("X happened, the
  ministry announced", "X killed 40 and injured 70, the governor, Y, said");
- what a calling verb predicates of its object ("X called the shelling 'a war crime'",
  "described the strike as deliberate");
- what a speaker calls for, urges, vows or proposes ("called on NATO to send ...", "vowed to
  rebuild ...", "called for talks ...", "proposed a buffer zone ...").

Contrasting clauses with a speaker of their own ("..., while the rebels warned ...") and the
article's comment on the content ("..., a claim Kyiv rejected") are cut from its edge.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from claimledger.extract.quotes import quote_spans
from claimledger.extract.tree import (
    CLOSE_QUOTES,
    OPEN_QUOTES,
    STATEMENT_NOUNS,
    TokenRange,
    citing,
    contrasted,
    has_that,
    has_verb,
    is_passive,
    quoted_as,
    second_that,
    subject_of,
    subtree,
    trim,
    without,
)
from claimledger.lexicon import lexicon

PASSIVE_REPORT = {"say", "claim", "allege", "report", "believe", "rumor", "rumour", "think"}
FINITE = {"VBD", "VBZ", "VBP", "MD"}
APPOSITIONS_KEY = "claimledger.claim_appositions"  # Doc.user_data key
CLAIM_NOUNS = {"claim", "allegation", "assertion", "accusation", "charge"}
REPORT_NOUNS = {"report", "reports", "statement", "account", "story", "rumour", "rumor"}
CALLING = {"call", "label", "brand", "describe", "term"}
# "X accused Y of Z", "X blamed Y for Z": a charge, content "Y of Z", "Y for Z"
ACCUSING = {"accuse": "of", "blame": "for"}
FALSEHOOD = {
    "fake",
    "lie",
    "fiction",
    "fabrication",
    "invention",
    "propaganda",
    "disinformation",
    "nonsense",
    "provocation",
    "falsehood",
    "hoax",
    "misinformation",
    "fantasy",
    "false",
    "untrue",
    "baseless",
    "absurd",
}
ASIDE_DEPS = {"nsubj", "nsubjpass", "aux", "auxpass", "neg", "det", "compound", "amod"}
# verbs of what someone found, whose subject is their own (not a speaker's second statement)
FINDING = frozenset(
    "conclude find determine decide discover learn realise realize establish".split()
)

Found = tuple[TokenRange | None, list[TokenRange]]


Finder = Callable[[Doc, Span, Token, str], Found]


def verb_content(doc: Doc, sent: Span, tok: Token, cls: str) -> Found:
    """The content of a cue verb and the token ranges cut from it, tried pattern by pattern."""
    finders: tuple[Finder, ...] = (
        _comp_content,
        _predicate_content,
        _aside_content,
        _that_content,
        _object_content,
        _accusation_content,
        _passive_content,
        _quote_before,
        _trailing_cue,
        _directive_content,
        _claimed_to_content,
        _without_evidence_that,
        _in_statement_that,
        _warned_of,
    )
    if tok.lemma_.lower() == "blame":  # only "blamed Y for Z" ("share the blame" is none)
        finders = (_accusation_content,)
    for finder in finders:
        rng, holes = finder(doc, sent, tok, cls)
        if rng is not None:
            return rng, holes
    return None, []


WITHOUT_GIVING = frozenset({"provide", "give", "offer", "present", "cite", "produce", "show"})
EVIDENCE_WORDS = frozenset({"evidence", "proof", "details", "detail", "source"})


def _without_evidence_that(doc: Doc, sent: Span, tok: Token, cls: str) -> Found:
    """ "X claimed without providing evidence that Y": the parse hangs Y on "evidence"."""
    if cls not in ("say", "hedge"):
        return None, []
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "without"):
        for verb in (c for c in prep.children if c.lemma_.lower() in WITHOUT_GIVING):
            for noun in (c for c in verb.children if c.lemma_.lower() in EVIDENCE_WORDS):
                clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl")
                               and has_that(c)), None)  # fmt: skip
                if clause is not None:
                    rng = trim(doc, subtree(clause))
                    return (rng, []) if rng and rng[1] - rng[0] >= 3 else (None, [])
    return None, []


SAID_IN = frozenset(STATEMENT_NOUNS | {"comment", "remark", "interview", "briefing", "speech"})


def _warned_of(doc: Doc, sent: Span, tok: Token, cls: str) -> Found:
    """ "X warned of dire consequences if Y": what is warned of, with its condition (a
    prediction); without a condition or an event of several words it is too little to check
    ("warned of risks")."""
    if tok.lemma_.lower() != "warn":
        return None, []
    prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    noun = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
    if prep is None or noun is None:
        return None, []
    condition = next((c for c in tok.children if c.dep_ == "advcl" and c.i > noun.i
                      and any(m.lower_ in ("if", "unless") for m in c.children)), None)  # fmt: skip
    end = subtree(condition)[1] if condition is not None else subtree(noun)[1]
    rng = trim(doc, (prep.i + 1, end))
    if condition is None and (rng is None or rng[1] - rng[0] < 4):
        return None, []
    return (rng, []) if rng and rng[1] - rng[0] >= 3 else (None, [])


def _in_statement_that(doc: Doc, sent: Span, tok: Token, cls: str) -> Found:
    """ "X said in a statement carried by BelTA that Y": the parse makes "that Y" a relative
    clause of "statement" ("that" its object). A "that" clause with a subject of its own
    hanging on the statement noun of the cue's "in" phrase is what X said."""
    if cls not in ("say", "hedge") or any(c.dep_ in ("ccomp", "xcomp") for c in tok.children):
        return None, []
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"):
        for noun in (c for c in prep.children if c.lemma_.lower() in SAID_IN):
            for clause in (c for c in noun.children if c.dep_ in ("relcl", "acl")):
                first = doc[clause.left_edge.i]
                subject = any(c.dep_ in ("nsubj", "nsubjpass") and c.i != first.i
                              for c in clause.children)  # fmt: skip
                if first.lower_ == "that" and first.i > noun.i and subject:
                    rng = trim(doc, (first.i + 1, clause.right_edge.i + 1))
                    return (rng, []) if rng and rng[1] - rng[0] >= 3 else (None, [])
    return None, []


RELATIVES = frozenset({"which", "whom", "whose"})


def relative_clause(clause: Token, cue: Token) -> bool:
    """A clause the parse hung on a cue that is a relative clause of the sentence before it,
    after the cue ("..., the military said, most of which were intercepted"): nothing the cue
    reports. (Not "X, which the inquiry said was careless": the relative pronoun before the
    cue is the subject of what the inquiry said.)"""
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.i < cue.i:
        return False
    if subject.lower_ in RELATIVES:
        return True  # ", which was ..."
    return any(p.dep_ == "prep" and p.lower_ == "of" and any(
        o.dep_ == "pobj" and o.lower_ in RELATIVES for o in p.children) for p in subject.children
    )  # fmt: skip  # ", most of which were ...", ", some of whom ..."


def _comp_content(doc: Doc, sent: Span, tok: Token, cls: str) -> Found:
    """The complement: "X said (that) Y", "X reported, citing Z, that Y" (hung on "citing")."""
    after = next((c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i
                  and not relative_clause(c, tok)), None)  # fmt: skip
    comp = after
    if after is not None and (
        (_other_cue_between(doc, tok.i, after.left_edge.i) and not has_that(after))
        or any("\n" in doc[i].text_with_ws for i in range(tok.i, after.left_edge.i))
    ):
        comp = None  # '"A," he said before adding: "B."': B is what he added; or another paragraph
        # (not "stated, while testifying, that B": B is what he stated)
    if comp is None:
        # a clause before the cue, then another after it; not before a verb naming something
        # ('X sits in videos he calls "Y"': "sits" is no content of "calls")
        naming = any(c.dep_ == "oprd" for c in tok.children)
        others = [c for c in tok.children if c.dep_ == "ccomp" and c != after
                  and not (naming and c.i < tok.i) and not relative_clause(c, tok)]  # fmt: skip
        comp = min(others, key=lambda c: c.i > tok.i, default=None)
    if comp is None:
        comp = next(
            (c for cite in citing(tok) for c in cite.children if c.dep_ == "ccomp" and has_that(c)),
            None,
        )
    if comp is None:
        return None, []
    holes = other_speech(comp) + _claim_appositions(comp) + [subtree(c) for c in citing(comp)]
    holes += _second_cue(comp)
    holes += [subtree(c) for c in comp.children if c.lower_ == "according" and c.dep_ == "prep"]
    start = _stranded_subject(doc, tok, comp)
    whole = subtree(comp) if start is None else (start, subtree(comp)[1])
    second = _second_that_clause(tok, comp)
    if second is not None:
        whole = (whole[0], subtree(second)[1])  # split at "and that" (``compound.py``)
    elif (rest := _predicate_after(tok, comp, whole[1])) is not None:
        whole = (whole[0], subtree(rest)[1])
    rng = trim(doc, whole, holes)
    return (rng, []) if rng and rng[1] - rng[0] >= 3 else (None, [])


def _second_that_clause(tok: Token, comp: Token) -> Token | None:
    """ "said that its forces had not targeted civilians and that army-allied forces were
    using the camp": the parse takes the second "that" for a determiner, hangs its subject on
    the first clause and leaves "were using the camp" a second complement (or adverbial clause)
    of the cue with no subject. That clause, right after the first one ends in "and that <noun
    phrase>"."""
    end = subtree(comp)[1]
    doc = tok.doc
    joined = next(
        (t for t in doc[comp.i : end] if second_that(t) and t.head.i != comp.i),
        None,
    )  # fmt: skip
    if joined is None:
        return None
    return next(
        (c for c in tok.children if c.dep_ in ("ccomp", "advcl") and c.i >= end
         and subtree(c)[0] == end
         and not any(k.dep_ in ("nsubj", "nsubjpass") for k in c.children)),
        None,
    )  # fmt: skip


def _predicate_after(tok: Token, comp: Token, end: int) -> Token | None:
    """ "reported that the police officers posted at the station fled": the parse takes the
    participle ("posted") for the complement's verb and hangs the real one ("fled") on the cue
    as a second complement with no subject, right where the first ends. That verb's clause is
    part of the content, not left out."""
    return next(
        (c for c in tok.children if c.dep_ == "ccomp" and c.i >= end and c.pos_ == "VERB"
         and subtree(c)[0] == end
         and not any(k.dep_ in ("nsubj", "nsubjpass", "expl") for k in c.children)),
        None,
    )  # fmt: skip


def _stranded_subject(doc: Doc, tok: Token, comp: Token) -> int | None:
    """ "said between 30 and 40 missiles had been aimed at the capital": the parse hangs the
    complement's subject, a figure's phrase, on the cue ("between" a preposition of "said"),
    leaving the clause with no subject. Its start, when it lies right after the cue and the
    clause after it has no subject of its own."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in comp.children):
        return None
    start = subtree(comp)[0]
    first = next((c for c in tok.children if tok.i < c.i < start), None)
    if first is None or first.i != tok.i + 1 or subtree(first)[1] != start:
        return None
    if not any(t.like_num for t in doc[first.i : start]):
        return None  # only a figure's phrase ("between 30 and 40 missiles", "some 200 people")
    return first.i


def _other_cue_between(doc: Doc, start: int, end: int) -> bool:
    """A participle of speech between a cue and a clause after it ("said, adding: ...")."""
    return any(
        doc[i].tag_ == "VBG" and lexicon().cue_class.get(doc[i].lemma_.lower()) == "say"
        for i in range(start + 1, end)
    )


def _aside_content(doc: Doc, sent: Span, tok: Token, cls: str) -> Found:
    """The clause around an aside ("Some, it is claimed, were ...", "The attack, she said, ...")."""
    aside = subtree(tok) if tok.dep_ == "parataxis" else _set_off(doc, tok)
    if tok.head.i == tok.i or aside is None:
        return None, []
    holes = [aside]
    rng = without(doc, subtree(tok.head), holes)
    return (rng, holes) if rng and has_verb(doc, rng) else (None, [])


def _that_content(doc: Doc, sent: Span, tok: Token, cls: str) -> Found:
    mark = _that_after(sent, tok)
    if mark is None:
        return None, []
    clause = mark.head.head if mark.head.dep_ in ("aux", "auxpass") else mark.head
    if clause.dep_ == "amod" and clause.head.i > clause.i:
        clause = clause.head  # "denied that troops had targeted civilians", "targeted" an adjective
    end = max(clause.right_edge.i + 1, mark.i + 2)
    rng = trim(doc, (mark.i + 1, min(end, sent.end)))
    return (rng, []) if rng and has_verb(doc, rng) else (None, [])


FIGURE_REPORTING = frozenset({"report", "record", "register", "count", "put", "place", "estimate"})
TOLLS = frozenset({"toll", "number", "figure", "tally", "count", "total"})
REPORTING_BODIES = frozenset(
    "ministry police guard guards service agency army military command office administration "
    "authorities authority official officials monitor observatory group government staff "
    "forces force navy headquarters department committee council mission governor mayor "
    "spokesman spokeswoman spokesperson".split()
)


def _toll(noun: Token) -> bool:
    return noun.lemma_.lower() in TOLLS


def puts_a_toll(verb: Token) -> bool:
    """ "put/placed/estimated the death toll at 53": a source stating a figure (a cue though
    "put" is none)."""
    if verb.lemma_.lower() not in ("put", "place", "estimate") or verb.pos_ != "VERB":
        return False
    return any(c.dep_ == "dobj" and _toll(c) for c in verb.children) and any(
        c.dep_ == "prep" and c.lower_ == "at" for c in verb.children
    )


def _counts_figure(verb: Token, obj: Token) -> bool:
    """A verb reporting a figure as its object: "reported 112 attempts", "put the death toll at
    53" (the toll and the "at" phrase holding its figure)."""
    lemma = verb.lemma_.lower()
    if lemma not in FIGURE_REPORTING:
        return False
    if _toll(obj):
        return any(
            c.dep_ == "prep" and c.lower_ in ("at", "to")
            and any(t.like_num for t in c.subtree)
            for c in verb.children
        )  # fmt: skip
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return (
        lemma in ("report", "record", "register", "count")
        and any(c.dep_ == "nummod" and c.like_num for c in obj.children)
        and subject is not None
        and (subject.pos_ == "PROPN" or subject.lemma_.lower() in REPORTING_BODIES)
    )  # "the border guard reported 112 attempts", not "men reported 65% of the stories"


def _object_content(doc: Doc, sent: Span, tok: Token, cls: str) -> Found:
    """The object: "denied the reports", "denied targeting civilians", "indicated the army ..."."""
    if cls == "deny":
        obj = next(
            (
                c
                for c in tok.children
                if c.dep_ in ("dobj", "obj") or (c.dep_ == "xcomp" and c.tag_ == "VBG")
            ),
            None,
        )
        if obj is not None and not _a_party(obj) and obj.lemma_.lower() not in PROPOSALS:
            holes = [subtree(c) for c in obj.children if c.dep_ == "prep" and c.lower_ == "as"]
            inner = _claim_complement(obj)  # "rejected Russia's claim to have taken X"
            if inner is not None:
                return trim(doc, _bare(subtree(inner), doc)) or subtree(inner), []
            return trim(doc, subtree(obj), holes) or (obj.i, obj.i + 1), []  # "... as propaganda"
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if (
        obj is not None
        and obj.i > tok.i  # not a word of a quotation before the cue the parse hung on it
        and cls == "say"
        and tok.lemma_ in ("indicate", "report", "suggest", "claim", "say")
    ):
        rest = trim(doc, (obj.left_edge.i, sent.end))
        if rest and any(doc[i].tag_ in FINITE and i > obj.right_edge.i for i in range(*rest)):
            return rest, []
    if obj is not None and cls == "evidence":
        return _small_clause(doc, tok, obj), []
    if obj is not None and obj.i > tok.i and cls == "say" and _counts_figure(tok, obj):
        # "the border guard reported 112 attempts over the weekend", "the ministry put the
        # death toll at 53": the figure and what it counts are what the source says
        end = tok.right_edge.i + 1
        end = next((t.i for t in doc[obj.left_edge.i : end] if t.text in ",;:" or t.is_sent_end),
                   end)  # fmt: skip  # not ", adding that ...": a claim of its own
        holes = [subtree(c) for c in tok.children if c.dep_ in ("advcl", "conj") and c.i > obj.i]
        kept = without(doc, (obj.left_edge.i, end), holes)
        rng = trim(doc, kept) if kept is not None else None
        if rng is not None:
            return rng, []
    if (
        obj is not None
        and obj.i > tok.i
        and cls in ("say", "hedge")
        and tok.lemma_.lower() in ANNOUNCING
        and obj.lemma_.lower() in EVENT_NOUNS
        and any(c.dep_ == "prep" and c.lower_ == "of" for c in obj.children)
    ):
        return trim(doc, subtree(obj)), []  # "announced the liberation of Novoselivka"
    return None, []


# "the ministry announced the liberation of the village": an event named by a noun, as a claim
ANNOUNCING = frozenset({"announce", "report", "claim", "confirm"})
EVENT_NOUNS = frozenset(
    "liberation capture seizure fall destruction downing death killing withdrawal retreat"
    " surrender arrest detention evacuation loss interception sinking shelling".split()
)

# what a poll or a record "shows" someone as: "polls show Smith up by 10 points", "the figures
# show the party ahead", "the audit found the books short"
STANDING = frozenset({"up", "down", "ahead", "behind", "even", "level", "short", "tied"})


def _small_clause(doc: Doc, tok: Token, obj: Token) -> TokenRange | None:
    """ "Polls show [Smith up by 10 points]": an object and what is said of it (a particle,
    an adverb of standing or a complement after the object) are a proposition; a bare object
    ("the video shows soldiers in the street") is a description, not a claim."""
    after = [c for c in tok.children if c.i > obj.i and c.dep_ != "punct"]
    predicate = next(
        (
            c
            for c in after
            if c.dep_ in ("acomp", "oprd", "xcomp")
            or (c.dep_ in ("prt", "advmod") and c.lower_ in STANDING)
        ),
        None,
    )
    if predicate is None:
        return None
    end = max(obj.right_edge.i, *(c.right_edge.i for c in after)) + 1
    rng = trim(doc, (obj.left_edge.i, end))
    return rng if rng and rng[1] - rng[0] >= 3 else None


def _accusation_content(doc: Doc, sent: Span, tok: Token, cls: str) -> Found:
    """What someone is accused of: "Russia accused Ukraine of shelling the plant" -> "Ukraine of
    shelling the plant" (the accused and the act: both are the proposition). Only an act (a
    gerund or an event noun phrase of more than one word), not "accused him of lying"."""
    word = ACCUSING.get(tok.lemma_.lower())
    if word is None or tok.pos_ != "VERB":
        return None, []
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None, []

    def is_of(c: Token) -> bool:
        return _is_of(c) if word == "of" else (c.dep_ == "prep" and c.lower_ == word)

    # "of" hangs on the verb after its object, or on the object ("accused [Ukraine of ...]")
    of = next((c for c in tok.children if is_of(c) and c.i > obj.i), None)
    of = of or next((c for c in obj.children if is_of(c)), None)
    if of is None:
        return None, []
    act = next((c for c in of.children if c.dep_ in ("pcomp", "pobj")), None)
    if act is None or act.right_edge.i - act.i < 1:
        return None, []  # "accused him of lying": a charge with nothing checkable in it
    rng = trim(doc, (obj.left_edge.i, of.right_edge.i + 1))
    return (rng, []) if rng and rng[1] - rng[0] >= 4 else (None, [])


PARTY_PRONOUNS = frozenset({"him", "her", "them", "me", "us", "you"})
# what is rejected as an act, not denied as untrue: "rejected the minister's offer to make an
# exception", "dismissed the proposal", "refused the invitation"
PROPOSALS = frozenset({
    "offer", "proposal", "invitation", "plan", "request", "bid", "demand", "ultimatum",
    "appeal", "call", "idea", "suggestion", "deal", "nomination", "resignation", "advice",
})  # fmt: skip


def _a_party(obj: Token) -> bool:
    """An object that is somebody, not something said: "reject Donald J. Trump", "rejected
    them" (a vote, a snub), never a denial of a proposition ("rejected the report")."""
    if obj.lower_ in PARTY_PRONOUNS:
        return True
    return obj.pos_ == "PROPN" and obj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")


def _is_of(tok: Token) -> bool:
    return tok.dep_ == "prep" and tok.lower_ == "of"


def _claim_complement(obj: Token) -> Token | None:
    """The proposition of a claim noun: "claim to have seized the village", "reports that ..."."""
    if obj.lemma_.lower() not in CLAIM_NOUNS | REPORT_NOUNS:
        return None
    return next((c for c in obj.children if c.dep_ in ("acl", "ccomp") and c.pos_ == "VERB"), None)


def _bare(rng: TokenRange, doc: Doc) -> TokenRange:
    """A complement without its leading "that", "to", "have": "to have seized X" -> "seized X"."""
    start, end = rng
    while (
        start < end - 1
        and doc[start].dep_ in ("mark", "aux")
        and doc[start].lower_ in ("that", "to", "have", "had", "has")
    ):
        start += 1
    return start, end


def called_false(doc: Doc, tok: Token) -> tuple[TokenRange, TokenRange] | None:
    """ "Peskov called the report 'another fake'", "Kyiv labelled Russia's claim to have taken
    the village pure fiction": (content, the falsehood phrase) of a denial by name-calling."""
    if tok.lemma_.lower() not in CALLING or tok.pos_ != "VERB":
        return None
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    word = next(
        (t for t in tok.subtree if t.i > obj.i and t.lemma_.lower() in FALSEHOOD
         and t.dep_ in ("oprd", "appos", "xcomp", "attr", "pobj", "dobj", "conj")),
        None,
    )  # fmt: skip
    if word is None:
        return None
    false = subtree(word.head if word.dep_ == "pobj" and word.head.lower_ == "as" else word)
    inner = _claim_complement(obj)
    target = _bare(subtree(inner), doc) if inner is not None else subtree(obj)
    content = trim(doc, target, [false])
    return (content, false) if content is not None else None


def _passive_content(doc: Doc, sent: Span, tok: Token, cls: str) -> Found:
    """Subject and infinitive of a reported passive ("The unit is said to have lost ...")."""
    if tok.lemma_ not in PASSIVE_REPORT or not is_passive(tok):
        return None, []
    xcomp = next((c for c in tok.children if c.dep_ == "xcomp"), None)
    subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    if xcomp is None or subj is None or subj.lower_ == "it":
        return None, []
    return trim(doc, (subj.left_edge.i, xcomp.right_edge.i + 1)), []


def _quote_before(doc: Doc, sent: Span, tok: Token, cls: str) -> Found:
    """The quotation just before a cue and its subject ("“With an eye to the primary,” he said"),
    when the parse has not made it the cue's complement."""
    quoting = quoted_as(tok)  # '"...," he was quoted as saying': the one quoted before the cue
    if quoting is None and (
        cls not in ("say", "hedge") or tok.tag_ == "VBG" or tok.dep_ in ("advcl", "relcl", "xcomp")
    ):
        return None, []  # "..., answering a question": an adjunct of the main cue
    subj = quoting[0] if quoting is not None else subject_of(tok)
    if tok.dep_ == "acl" and (subj is None or subj.i != tok.head.i):
        return None, []  # a participle modifying a noun, not a verb hung on its subject
    first = subj.left_edge.i if subj is not None and subj.i < tok.i else tok.i
    if quoting is not None and quoting[1] is not None:
        first = min(first, quoting[1].left_edge.i)  # '"...," TASS quoted Peskov as saying'

    close = first - 1
    if close > 0 and doc[close].text == "," and _closes(doc, close - 1):
        close -= 1
    if close < 1 or not _closes(doc, close):
        return None, []
    if doc[close].text == "'":  # a straight single mark: the quotation it closes, if any
        end = doc[close].idx + 1
        start = next((a for a, b in quote_spans(doc) if b == end), None)
        span = doc.char_span(start, end) if start is not None else None
        opener = span.start if span is not None else None
    else:
        opener = next(
            (i for i in range(close - 1, max(close - 400, -1), -1) if doc[i].text in OPEN_QUOTES),
            None,
        )
    if opener is None or close - opener < 3:
        return None, []
    return (opener, close + 1), []


def _closes(doc: Doc, i: int) -> bool:
    """A closing quotation mark, or a straight single one ("'") that ends a quotation."""
    if doc[i].text in CLOSE_QUOTES:
        return True
    return doc[i].text == "'" and any(b == doc[i].idx + 1 for _, b in quote_spans(doc))


def _trailing_cue(doc: Doc, sent: Span, tok: Token, cls: str) -> Found:
    """ "X happened, the ministry announced on Sunday": a cue after a comma at the end of the
    sentence that the parse made an adverbial clause or a conjunct of the content's verb."""
    head = tok.head
    if tok.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.tag_ == "NNP" for c in tok.children):
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head  # "..., military expert X told Sputnik" hung on a noun before it
    elif tok.dep_ not in ("advcl", "conj"):
        return None, []
    if cls not in ("say", "hedge") or head.i >= tok.i or tok.tag_ == "VBG":
        return None, []  # "..., claiming that": an adjunct of the clause, not its source
    if any(c.dep_ in ("mark", "cc") or c.tag_ == "WRB" for c in tok.children):
        return None, []  # "..., after the ministry announced", "... and said", "..., when X said"
    aside = subtree(tok)
    before = doc[aside[0] - 1] if aside[0] > sent.start else None
    if before is None or before.text != "," or _ends_before(doc, sent, aside[1]):
        return None, []
    if doc[aside[0] - 2].lower_ in ("and", "but", "or"):
        return None, []
    rng = without(doc, subtree(head), [aside])
    return (rng, [aside]) if rng and has_verb(doc, rng) and rng[1] - rng[0] >= 3 else (None, [])


def _ends_before(doc: Doc, sent: Span, end: int) -> bool:
    """Does anything but punctuation follow ``end`` in the sentence?"""
    return any(not t.is_punct for t in doc[end : sent.end])


def _set_off(doc: Doc, tok: Token) -> TokenRange | None:
    """A cue clause parsed as a complement but set off by commas ("Some, it is claimed, were ...").

    The aside is the cue with the subject and auxiliaries right before it.
    """
    if tok.dep_ != "ccomp" or tok.i + 1 >= len(doc) or doc[tok.i + 1].text != ",":
        return None
    start = tok.i
    while start > 0 and doc[start - 1].head.i == tok.i and doc[start - 1].dep_ in ASIDE_DEPS:
        start -= 1
    return (start, tok.i + 1) if start > 0 and doc[start - 1].text == "," else None


def _claim_appositions(comp: Token) -> list[TokenRange]:
    """The article's comment on the content ("... two jets, a claim Kyiv rejected"): not content."""
    end = comp.right_edge.i
    return [
        (t.left_edge.i, end + 1)
        for t in _claim_noun_appositions(comp.doc)
        if t.right_edge.i == end and comp.left_edge.i <= t.i <= end and comp.is_ancestor(t)
    ]


def _claim_noun_appositions(doc: Doc) -> list[Token]:
    """The article's appositions headed by a claim noun, found once per article (a scan of each
    complement's subtree would cost the square of a long sentence)."""
    found: list[Token] | None = doc.user_data.get(APPOSITIONS_KEY)
    if found is None:
        found = [t for t in doc if t.dep_ == "appos" and t.lemma_.lower() in CLAIM_NOUNS]
        doc.user_data[APPOSITIONS_KEY] = found
    return found


def other_speech(comp: Token, reported: bool = True) -> list[TokenRange]:
    """Contrasting clauses after a content clause that report another speaker ("the ceasefire
    would hold, while the rebels warned that ...", "12 were killed, according to the ministry,
    while the army said ..."): not part of the content. Of a ``reported`` clause (a cue's
    complement), nor one an "according to" right after it vouches for ("X says A, while B,
    according to Y")."""
    classes = lexicon().cue_class
    return [
        subtree(c)
        for c in comp.children
        if c.dep_ == "advcl"
        and c.i > comp.i
        and contrasted(c)
        and (
            (
                classes.get(c.lemma_.lower()) in ("say", "hedge", "deny")
                and any(s.dep_ == "nsubj" for s in c.children)
            )
            or any(p.dep_ == "prep" and p.lower_ == "according" for p in c.children)
            or (reported and vouched_after(comp, c) is not None)
        )
    ]


def _second_cue(comp: Token) -> list[TokenRange]:
    """ "X said A and warned that B": the parse hangs "warned" on A, but it is the speaker's
    second statement (a claim of its own), not part of A. A cue verb joined to the complement,
    with no subject and a clause of its own, is cut with its "and"; not a verb of finding
    ("said its editors had reviewed the complaints and concluded that ..."): what A's subject
    found is part of what X said."""
    classes = lexicon().cue_class
    out = []
    for c in comp.children:
        if (
            c.dep_ == "conj"
            and c.i > comp.i
            and classes.get(c.lemma_.lower()) in ("say", "hedge", "deny")
            and c.lemma_.lower() not in FINDING
            and not any(k.dep_ in ("nsubj", "nsubjpass") for k in c.children)
            and any(k.dep_ == "ccomp" and k.i > c.i for k in c.children)
        ):
            joiner = [k.i for k in comp.children if k.dep_ == "cc" and k.i < c.i]
            out.append((max(joiner, default=subtree(c)[0]), subtree(c)[1]))
    return out


def vouched_after(clause: Token, contrast: Token) -> Token | None:
    """The "according" right after a contrasting clause, hung on the clause before it: "X
    says A, while B, according to Y" (the parse hangs "according to Y" on A)."""
    end = subtree(contrast)[1]
    for p in clause.children:
        if (
            p.dep_ == "prep"
            and p.lower_ == "according"
            and p.i >= end
            and all(t.is_punct for t in clause.doc[end : p.i])
        ):
            return p
    return None


def _that_after(sent: Span, tok: Token) -> Token | None:
    """A complementiser "that" shortly after the cue, when the parse has lost the ccomp."""
    for t in sent:
        if t.i <= tok.i or t.i > tok.i + 8:
            continue
        if t.lower_ == "that" and t.dep_ == "mark":
            between = sent.doc[tok.i + 1 : t.i]
            if all(
                x.pos_ in ("ADP", "DET", "PROPN", "NOUN", "ADJ", "PRON", "PUNCT", "ADV")
                for x in between
            ):
                return t
    return None


PREDICATE_DEPS = {"oprd", "xcomp", "attr"}


def _predicate_content(doc: Doc, sent: Span, tok: Token, cls: str) -> Found:
    """What a calling verb says of its object: "X called the shelling 'a war crime'", "the mayor
    called the curfew 'unworkable'", "described the strike as deliberate" -> "the shelling 'a war
    crime'". A name is no proposition ("named the operation Anaconda", "called him Joe"): the
    predicate must be an adjective, a common noun or a quotation, and the verb needs a subject
    ("a village called Krynky" is a name)."""
    if tok.lemma_.lower() not in CALLING or tok.pos_ != "VERB" or is_passive(tok):
        return None, []
    if subject_of(tok) is None or tok.dep_ in ("acl", "amod"):
        return None, []
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if obj is None:
        # 'called the frontrunner "the best recruiter"', the object parsed inside the predicate
        pred = next((c for c in tok.children if c.dep_ == "oprd" and c.left_edge.i > tok.i), None)
        if pred is None or not _object_before_quote(doc, pred):
            return None, []  # 'videos he calls "Consumer TV"': a name, no object
        rng = trim(doc, subtree(pred))
        return (rng, []) if rng and rng[1] - rng[0] >= 2 else (None, [])
    pred = next((c for c in tok.children if c.i > obj.i and _predicate(c)), None)
    if pred is not None:
        end = pred.right_edge.i + 1
        head = pred
        if pred.dep_ == "prep":
            head = next((c for c in pred.children if c.dep_ == "pobj"), pred)
        if head.pos_ not in ("ADJ", "NOUN", "VERB") and not _quoted(doc, subtree(pred)):
            return None, []
    else:
        # the parse may hang the quoted words inside the object ("her handling of the files
        # 'grossly negligent'"): the quotation opens inside it or right after it
        opening = (i for i in range(obj.i + 1, obj.right_edge.i) if doc[i].text in OPEN_QUOTES)
        found = _quotation_after(doc, sent, next(opening, obj.right_edge.i + 1))
        if found is None:
            return None, []
        end = found
    rng = trim(doc, (obj.left_edge.i, end))
    return (rng, []) if rng and rng[1] - rng[0] >= 2 else (None, [])


def _object_before_quote(doc: Doc, pred: Token) -> bool:
    """A noun before the quotation opening in the predicate: its object, parsed inside it."""
    start, end = subtree(pred)
    opening = next((i for i in range(start, end) if doc[i].text in OPEN_QUOTES), None)
    return opening is not None and any(
        doc[i].pos_ in ("NOUN", "PROPN", "PRON") for i in range(start, opening)
    )


def _predicate(tok: Token) -> bool:
    return tok.dep_ in PREDICATE_DEPS or (tok.dep_ == "prep" and tok.lower_ == "as")


def _quoted(doc: Doc, rng: TokenRange) -> bool:
    return any(doc[i].text in OPEN_QUOTES for i in range(max(rng[0] - 1, 0), rng[1]))


def _quotation_after(doc: Doc, sent: Span, start: int) -> int | None:
    """The end of a quotation that opens at ``start`` (after any punctuation) and closes within
    the sentence, at most 12 tokens on."""
    i = start
    while i < sent.end and doc[i].is_punct and doc[i].text not in OPEN_QUOTES:
        i += 1
    if i >= sent.end or doc[i].text not in OPEN_QUOTES:
        return None
    for j in range(i + 1, min(i + 14, sent.end)):
        if doc[j].text in CLOSE_QUOTES or (doc[j].text in OPEN_QUOTES and j > i + 1):
            return j + 1 if j > i + 1 else None
    return None


DIRECTIVE = {
    "urge", "call", "vow", "pledge", "promise", "threaten", "propose", "demand", "ask", "warn",
    "appeal",
}  # fmt: skip
WANTED = {"propose", "demand"}  # what is proposed or demanded can be a plain object
WANTED_PREP = {"call": "for", "warn": "against", "appeal": "for"}
ADDRESSED = {"ask", "urge"}  # only with somebody asked: "asked to remain anonymous"
PURPOSELESS = {"vow", "pledge", "promise", "threaten"}  # their infinitive is what is promised


def _for_subject(verb: Token) -> bool:
    """An infinitive with "for" and a subject of its own before it: "for NATO to send jets"."""
    marks = [c for c in verb.children if c.dep_ == "mark" and c.lower_ == "for"]
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(marks and subjects and marks[0].i < subjects[0].i < verb.i)


def _called_on(tok: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ in ("on", "upon") for c in tok.children)


def _coordination_start(conj: Token) -> int:
    """Where a coordinated verb's part begins: at its "and"/"but" (or comma) before it."""
    start = conj.left_edge.i
    for c in conj.head.children:
        if c.dep_ in ("cc", "punct") and conj.head.i < c.i < conj.i:
            start = min(start, c.i)
    return start


def _directive_content(doc: Doc, sent: Span, tok: Token, cls: str) -> Found:
    """What a speaker calls for, urges, vows, pledges or proposes: an infinitive with its
    addressee ("urged residents to stay in shelters", "called on NATO to send jets", "vowed to
    rebuild the bridge"), the object of "call for" / "warn against" ("called for talks without
    preconditions", "warning against letting in ..."), and what is proposed or demanded ("proposed
    a buffer zone along the border"). A single word is no proposition ("called for calm")."""
    lemma = tok.lemma_.lower()
    if lemma not in DIRECTIVE or tok.pos_ != "VERB" or is_passive(tok):
        return None, []
    # the parse may take the infinitive for a purpose clause: "urged allies on Monday to speed
    # up ..."; never for "call" without "on" ("called a meeting to discuss ...")
    after = [c for c in tok.children if c.i > tok.i]
    infinitive = next((c for c in after if _infinitive_of(c, "xcomp")), None)
    if infinitive is None and (
        lemma in PURPOSELESS | ADDRESSED or (lemma == "call" and _called_on(tok))
    ):
        infinitive = next((c for c in after if _infinitive_of(c, "advcl")), None)
    if infinitive is None and lemma in WANTED_PREP:
        # "called for the army to step up patrols": the parse makes "for" the mark of a
        # purpose clause whose subject is who is called on to act
        infinitive = next(
            (c for c in after if _infinitive_of(c, "advcl") and _for_subject(c)), None
        )
        if infinitive is not None and subject_of(tok) is None:
            infinitive = None  # nobody named calls for it ("Will" read as a modal verb)
    if infinitive is not None and lemma != "warn":
        addressee = next((c for c in tok.children if tok.i < c.i < infinitive.i and (
            c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in ("on", "upon"))
        )), None)  # fmt: skip
        if lemma in ADDRESSED and addressee is None:
            return None, []  # a request about the report itself
        start = infinitive.left_edge.i
        if doc[start].lower_ == "for" and doc[start].dep_ == "mark":
            start += 1  # "called for [the army to step up patrols]"
        if addressee is not None:
            start = addressee.left_edge.i if addressee.dep_ == "dobj" else addressee.i + 1
        # "called on X to close the depot that stores fuel and proposed Z": a past-tense cue the
        # parse coordinated into the infinitive is the speaker's next statement, not what is
        # called for
        later = [c for c in infinitive.subtree if _later_cue(c)]
        end = min([infinitive.right_edge.i + 1] + [_coordination_start(c) for c in later])
        end = min(end, _aside_dash(doc, start, end))
        rng = trim(doc, (start, end))
        return (rng, []) if rng and rng[1] - rng[0] >= 3 else (None, [])
    wanted = WANTED_PREP.get(lemma)
    prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == wanted), None)
    if prep is not None:
        rng = trim(doc, (prep.i + 1, prep.right_edge.i + 1))
        return (rng, []) if rng and rng[1] - rng[0] >= 2 else (None, [])
    if lemma in WANTED:
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
            rng = trim(doc, subtree(obj))
            return (rng, []) if rng and rng[1] - rng[0] >= 2 else (None, [])
    return None, []


DASHES = {"--", "—", "–", "-"}
ASIDE_MARKS = {"even", "as", "while", "though", "although", "after", "before", "when", "but"}


CLAIMED_TO = frozenset({"claim", "purport", "profess"})


def _claimed_to_content(doc: Doc, sent: Span, tok: Token, cls: str) -> Found:
    """ "Moscow claimed to have captured the village": what the subject claims of itself, in
    an infinitive ("have captured the village")."""
    if tok.lemma_.lower() not in CLAIMED_TO or tok.pos_ != "VERB" or subject_of(tok) is None:
        return None, []
    comp = next((c for c in tok.children if c.dep_ == "xcomp" and c.i > tok.i
                 and any(a.lower_ == "to" for a in c.children)), None)  # fmt: skip
    if comp is None:
        return None, []
    start, end = subtree(comp)
    if doc[start].lower_ == "to":
        start += 1
    rng = trim(doc, (start, end))
    return (rng, []) if rng and rng[1] - rng[0] >= 2 else (None, [])


def _aside_dash(doc: Doc, start: int, end: int) -> int:
    """Where a dash opens the writer's aside in a content ("pledging to keep the shelters open all
    winter -- even as the council cut their budget ..."): the content ends before it."""
    for i in range(start + 1, end - 1):
        if doc[i].text in DASHES and doc[i + 1].lower_ in ASIDE_MARKS:
            return i
    return end


def _later_cue(tok: Token) -> bool:
    """A past-tense cue coordinated with a verb of another tense ("to attack ... and proposed")."""
    if tok.dep_ != "conj" or tok.tag_ != "VBD" or tok.head.tag_ == "VBD":
        return False
    return tok.lemma_ in lexicon().cue_class or tok.lemma_ in DIRECTIVE


def _infinitive_of(tok: Token, dep: str) -> bool:
    """A "to" infinitive hung on the cue as ``dep``."""
    return tok.dep_ == dep and any(a.dep_ == "aux" and a.lower_ == "to" for a in tok.children)
