"""Token ranges and dependency-tree helpers shared by the attribution patterns.

Phrases, clause spans trimmed of their edges, a cue verb's subject, and the relays ("quoted by
TASS", "as reported by TASS") and cited sources ("citing data from Y") hung on a clause.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from claimledger.lexicon import lexicon
from claimledger.registry.hooks import registry_hooks

TokenRange = tuple[int, int]  # [start, end) token indices in the Doc

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
DOCUMENT_HEADS = {
    "report", "statement", "data", "assessment", "analysis", "figure", "account",
    "estimate", "study", "survey", "information", "finding", "testimony", "reporting",
    "poll",
}  # fmt: skip
OPEN_QUOTES = '“"‘«'
CLOSE_QUOTES = '”"’»'
TRIM = {"that", "whether", "if", ",", ":", ";", "-", "—", "–", "(", "and", "but"}
CONTRAST = frozenset({"while", "whereas", "although", "though"})  # concessive marks


def contrasted(clause: Token) -> bool:
    """A clause marked concessive or contrasting ("while ...", "although ...")."""
    return any(c.dep_ == "mark" and c.lower_ in CONTRAST for c in clause.children)


def second_that(tok: Token) -> bool:
    """The "that" of "A and that B", read as a complementiser or (a misparse) a determiner."""
    return (
        tok.lower_ == "that"
        and tok.dep_ in ("det", "mark")
        and tok.i > 0
        and tok.doc[tok.i - 1].lower_ in ("and", "but")
    )


# what a source shows as its evidence, not a source: "citing geolocated footage" keeps the
# citer as the origin ("citing data from the ministry" names one: the ministry)
EVIDENCE = frozenset(
    "footage video videos image images imagery photo photos photograph photographs picture"
    " pictures recording recordings".split()
)


def is_evidence(doc: Doc, rng: TokenRange) -> bool:
    """A phrase headed by footage, images, a recording: what a source shows, not a source."""
    head = doc[rng[0] : rng[1]].root
    return head.lemma_.lower() in EVIDENCE or head.lower_ in EVIDENCE


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
    dropped: set[int] = set()
    for a, b in drop:
        dropped.update(range(a, b))
    start, end = rng
    while start < end and (
        start in dropped or doc[start].lower_ in TRIM or _edge_punct(doc[start])
    ):
        start += 1
    while end > start and (
        end - 1 in dropped or doc[end - 1].lower_ in TRIM or _edge_punct(doc[end - 1])
    ):
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


def subtree(tok: Token) -> TokenRange:
    return (tok.left_edge.i, tok.right_edge.i + 1)


def without(doc: Doc, rng: TokenRange, holes: list[TokenRange]) -> TokenRange | None:
    """``rng`` trimmed of holes at its edges (holes inside it stay: content is one span)."""
    return trim(doc, rng, holes)


def has_verb(doc: Doc, rng: TokenRange) -> bool:
    return any(doc[i].pos_ in ("VERB", "AUX") for i in range(*rng))


TIME_NOUNS = frozenset(
    "day week month year morning afternoon evening night weekend hour minute moment time "
    "today yesterday tonight".split()
)


def _temporal(tok: Token) -> bool:
    """A noun phrase saying when ("the day before", "last week", "Monday")."""
    return tok.ent_type_ in ("DATE", "TIME") or tok.lemma_.lower() in TIME_NOUNS


def _likeliest_subject(verb: Token, subjects: list[Token]) -> Token | None:
    """Of the subjects a misparse gave one verb: not a word of a quotation before the cue, not
    a time phrase; a person's name right after the role the parse made a subject of its own
    ("Former Secretary of State and frontrunner Hillary Clinton is calling")."""
    doc = verb.doc
    outside = [
        c for c in subjects if not any(doc[i].text in CLOSE_QUOTES for i in range(c.i, verb.i))
    ]
    found = next((c for c in outside or subjects if not _temporal(c)), None)
    if found is None:
        return None
    named = next((c for c in subjects if c.ent_type_ == "PERSON"
                  and c.left_edge.i == found.right_edge.i + 1
                  and not _cited_before(c)), None)  # fmt: skip
    return named or found


def _cited_before(name: Token) -> bool:
    """ "Al Masirah TV, citing the spokesman of the armed forces, Brigadier General Yahya Saree,
    reported ...": the parse made the cited spokesman's name a second subject, with "citing"
    hung on it; he is who is cited, not who reports."""
    return any(c.lemma_ == "cite" and c.dep_ == "advcl" and c.i < name.i for c in name.children)


def subject_of(verb: Token) -> Token | None:
    """The speaker of a cue verb: its subject, the agent of a passive, or the subject it shares."""
    for child in verb.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    # "The day before, at a rally, Mr. Trump was blunt, claiming ...": a fronted time phrase
    # the parse took for a (second) subject is no speaker
    # '"If she wins, nothing you can do," Trump said': a word of the quotation the parse also
    # took for a subject is no speaker
    if len(subjects) == 1:
        return None if _temporal(subjects[0]) else subjects[0]
    if subjects:
        return _likeliest_subject(verb, subjects)
    if (
        verb.dep_ == "conj"
        and verb.head.dep_ in ("relcl", "ccomp")
        and verb.tag_ == "VBD"
        and verb.head.tag_ != "VBD"
    ):
        # "called on X to close the depot that stores fuel and proposed Z", "complained that the
        # delays were costing lives and urged X to ...": a past-tense verb the parse
        # coordinated with a relative or reported clause in another tense belongs to the
        # clause above it
        start = verb.head.head if verb.head.dep_ == "relcl" else verb.head
        above = next((t for t in start.ancestors if t.pos_ in ("VERB", "AUX")), None)
        return subject_of(above) if above is not None else None
    if (
        verb.dep_ in ("advcl", "conj", "xcomp")
        and verb.head.i != verb.i
        and verb.tag_ in ("VBG", "VB", "VBD", "VBZ", "VBP", "VBN")
    ):
        marked = any(c.dep_ == "mark" for c in verb.children)
        if verb.dep_ == "advcl" and marked and verb.tag_ != "VBG":
            return None  # "as reported", "because officials said": not the main clause's
        head = verb.head
        if (
            verb.dep_ == "advcl" and verb.tag_ == "VBG" and head.dep_ == "ccomp"
            and verb.lemma_.lower() in SPEAKING and verb.i > 0 and verb.doc[verb.i - 1].text == ","
            and head.head.i < head.i and lexicon().cue_class.get(head.head.lemma_.lower()) == "say"
        ):  # fmt: skip
            head = head.head  # "X said that Russia struck a ship, calling it terror": X calls
        return subject_of(head)  # "While saying X, he went on": a participle's subject
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.dep_ == "prep":
        governor = verb.head.head  # "surprised Trump by declaring X": the surpriser's
        if governor.pos_ == "NOUN" and governor.dep_ in ("dobj", "obj"):
            governor = governor.head  # "he made a point of saying X": the maker's
        if governor.pos_ in ("VERB", "AUX") or any(
            c.dep_ == "nsubj" for c in governor.children
        ):  # "who surprised X by declaring Y": "surprised" is often tagged an adjective
            return subject_of(governor)
        return None
    noun = verb.head
    if (
        verb.dep_ == "acl"
        and verb.tag_ in ("VBD", "VBN")
        and noun.dep_ == "ROOT"
        and (noun.pos_ == "PROPN" or _named_by_apposition(noun))
        and noun.i < verb.i
    ):
        # "Donald Trump called Wednesday for ...", "Trump, who is vying ..., tweeted on Friday
        # to say ...", '"...," the nominee, Donald Trump, tweeted': a sentence whose root is a
        # name has the verb hung on its subject
        return noun
    if (
        verb.dep_ == "acl"
        and verb.tag_ == "VBG"
        and noun.lemma_.lower() in STATEMENT_NOUNS
        and noun.dep_ in ("dobj", "obj")
        and noun.head.lemma_.lower() in ISSUING
    ):
        return subject_of(noun.head)  # "Trump fired back a response saying X": Trump's
    return None


def _named_by_apposition(noun: Token) -> bool:
    """A common noun followed by the name of whom it describes ("the nominee, Donald Trump")."""
    return noun.pos_ == "NOUN" and any(
        c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > noun.i for c in noun.children
    )


STATEMENT_NOUNS = DOCUMENT_HEADS | {
    "response", "reply", "letter", "tweet", "post", "message", "memo", "note", "release",
}  # fmt: skip
ISSUING = {"issue", "release", "fire", "send", "post", "publish", "tweet", "write", "put", "give"}
# (not "cite", "quote", "read" or "see": a report one cites says what its author says)


def relays_of(speaker: Token) -> list[TokenRange]:
    """Outlets a speaker is relayed through: "the source, quoted by TASS"."""
    out = []
    for child in speaker.children:
        if child.dep_ in ("acl", "relcl") and child.lemma_ in ("quote", "cite", "report"):
            agent = agent_of(child)
            if agent is not None:
                out.append(phrase(agent))
    return out


QUOTING = frozenset({"quote", "cite"})
SPEAKING = frozenset("call describe label dub term brand say add tell".split())
CARRIERS = frozenset(
    "statement comment comments remark remarks interview post video address message briefing "
    "speech letter article".split()
)
CARRYING = frozenset("carry publish broadcast air release post quote cite report run".split())


def _name_text(tok: Token) -> str:
    """A noun with the names compounded to it ("Al Jazeera", "the BBC")."""
    left = min([c.i for c in tok.children if c.dep_ in ("compound", "det")] + [tok.i])
    return tok.doc[left : tok.i + 1].text


def carried_by(cue: Token) -> list[Token]:
    """The outlets that carried what a cue's speaker said: "said in a statement carried by the
    SUNA news agency", "said in comments carried by BelTA", "said in an interview with the BBC"
    (the interviewer's outlet relays the speaker's words), "told Reuters" (a registered
    outlet)."""
    out: list[Token] = []
    if cue.lemma_.lower() == "tell":  # "a commander told Reuters": the outlet relays him
        hooks = registry_hooks()
        out.extend(c for c in cue.children if c.dep_ in ("dative", "dobj")
                   and hooks.outlet_id(_name_text(c)) is not None)  # fmt: skip
    for prep in (c for c in cue.children if c.dep_ == "prep" and c.lower_ == "in"):
        for noun in (c for c in prep.children if c.dep_ == "pobj"):
            if noun.lemma_.lower() in CARRIERS or noun.lower_ in CARRIERS:
                out.extend(_carriers_of(noun))
    return out


def _carriers_of(noun: Token) -> list[Token]:
    """Who carried a statement, comments or an interview: the agent of "carried by X", the
    outlet an interview was given to ("with the BBC"; "with MSNBC's Tamron Hall": MSNBC; not
    "with reporters")."""
    out = []
    for child in noun.children:
        if child.dep_ == "acl" and child.lemma_.lower() in CARRYING:
            agent = agent_of(child)
            if agent is not None:
                out.append(agent)
        elif (
            noun.lemma_.lower() == "interview"
            and child.dep_ == "prep"
            and (child.lower_ in ("with", "to"))
        ):
            for obj in (c for c in child.children if c.dep_ == "pobj"):
                if obj.ent_type_ == "PERSON":
                    obj = next((c for c in obj.children if c.dep_ == "poss"), obj)
                if obj.ent_type_ != "PERSON" and (obj.pos_ == "PROPN" or obj.ent_type_ == "ORG"):
                    out.append(obj)
    return out


def quoted_as(cue: Token) -> tuple[Token, Token | None] | None:
    """(the one quoted, the one quoting) of a cue that is the "as saying" of a quoting verb:
    "TASS quoted Shoigu as saying that ...", "BelTA cited Lukashenko as saying ...", "Shoigu
    was quoted by TASS as saying ..." (the quoting outlet is a relay; None when unnamed: "he
    was quoted as saying")."""
    prep = cue.head
    if cue.dep_ != "pcomp" or prep.lower_ != "as" or prep.dep_ != "prep":
        return None
    verb = prep.head
    if verb.lemma_.lower() not in QUOTING or verb.pos_ != "VERB":
        return None
    quoted = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if quoted is None:
        return None
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return quoted, agent_of(verb)
    return quoted, subject_of(verb)


def agent_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def citations(verb: Token, skip: set[int]) -> list[tuple[TokenRange, TokenRange]]:
    """("citing" clause span, cited phrase) pairs attached to a clause head or its subject."""
    out = []
    heads = [verb, *[c for c in verb.children if c.dep_ in SUBJECTS | {"prep", "ccomp"}]]
    for head in heads:
        for child in head.children:
            if child.lower_ == "with" and child.dep_ == "prep" and child.i not in skip:
                cited = _with_reference_to(child)  # "reports with reference to sources"
                if cited is not None:
                    out.append((subtree(child), phrase(cited)))
                continue
            if (
                child.lemma_ != "cite"
                or child.i in skip
                or child.dep_ not in ("advcl", "acl", "conj", "xcomp")
            ):
                continue
            obj = next((c for c in child.children if c.dep_ in ("dobj", "obj")), None)
            if head is not verb and head.dep_ in SUBJECTS and _cited_before(head):
                out.append((subtree(child), phrase(head)))  # the cited spokesman's name
            elif obj is not None:
                out.append((subtree(child), phrase(obj)))
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if not out and subject is not None:
        # "Russian media, citing sources in the security services, alleged ...": the parse
        # hung "citing" on the comma after the subject
        for tok in verb.doc[subject.i + 1 : verb.i]:
            if tok.lemma_ == "cite" and tok.tag_ == "VBG" and tok.i not in skip:
                obj = next((c for c in tok.children if c.dep_ in ("dobj", "obj")), None)
                if obj is not None:
                    out.append((subtree(tok), phrase(obj)))
    return out


def _with_reference_to(prep: Token) -> Token | None:
    """X in "with reference to X" (translated reporting's "citing X")."""
    ref = next((c for c in prep.children if c.dep_ == "pobj" and c.lower_ == "reference"), None)
    to = next((c for c in ref.children if c.lower_ == "to"), None) if ref is not None else None
    return next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None


def as_reported(verb: Token) -> list[tuple[TokenRange, Token]]:
    """(clause, source) of "as reported by TASS" / "as TASS reported" clauses on a clause head."""
    out = []
    for child in verb.children:
        if child.dep_ != "advcl" or lexicon().cue_class.get(child.lemma_) not in ("say", "hedge"):
            continue
        if not any(c.dep_ == "mark" and c.lower_ == "as" for c in child.children):
            continue
        src = agent_of(child) or next((c for c in child.children if c.dep_ == "nsubj"), None)
        if src is not None:
            out.append((subtree(child), src))
    return out


def is_passive(tok: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)


def citing(tok: Token) -> list[Token]:
    return [c for c in tok.children if c.lemma_ == "cite" and c.dep_ in ("advcl", "xcomp", "conj")]


def has_that(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
