"""Place mentions of a parsed article, resolved to gazetteer places (``extract_places``).

Mentions come from these sources:

- cue phrases, found on the tokens: "the X region", "X Oblast" (region words in
  ``data/gazetteer/cues.v1.tsv``) and "the X direction", X being the proper nouns before the cue;
- named entities: GPE, LOC and FAC are places; ORG, PERSON and NORP (the small tagger often
  calls a village an organisation or a person) are taken as places only when the gazetteer
  and the article bear them out: in a region the article names, or, after a locative word
  ("in X", "near X", "south of X") or in a list with a place ("Dnipro, Zaporizhzhia and
  Mykolaiv"), in a country the article names (see ``claimledger.link.resolve``);
- proper nouns right after a locative word that the tagger left out of any entity ("near
  Huliaipole"), on the same terms as the weak entities; and one-word names of the
  gazetteer's alias list ("the DPR").

A leading "the" and a possessive "'s" are dropped (Ukraine's → Ukraine). Not places: an
entity made of adjectives only ("Ukrainian officials"); the last name of a person the
article names in full ("Hillary Clinton" ... "Clinton"); an acronym tagged as an
organisation; a name made only of generic words ("Eastern", "Central"). A facility (FAC)
matches only a place whose own name it is.

``resolve`` picks what each mention stands for. A name the gazetteer lacks is kept with null
coordinates when the tagger calls it GPE or LOC, starts with a capital and does not look like
a nationality (Belarusians). Each place is reported once, by canonical name, with its first
mention's text and offsets.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from claimledger.lexicon import lexicon
from claimledger.link.cues import Cues, load_cues
from claimledger.link.gazetteer import Candidate, Gazetteer, aliases
from claimledger.link.resolve import ACRONYM, Kind, Mention, resolve
from claimledger.link.translit import fold
from claimledger.models import Place
from claimledger.nlp.ents import entities

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
WEAK_LABELS = frozenset({"ORG", "PERSON", "NORP", "PRODUCT", "WORK_OF_ART"})  # rare names
KEEP_UNKNOWN = frozenset({"GPE", "LOC"})
_NAME_TAGS = frozenset({"NNP", "NNPS"})
_ADJECTIVE_TAGS = frozenset({"JJ", "JJR", "JJS"})
_POSSESSIVE = re.compile(r"\s*['’]s?$")
_MAX_NAME_TOKENS = 4
_LIST_DEPS = frozenset({"conj", "appos"})
_DEMONYM = re.compile(r"[A-Z][a-z]+(?:ians?|eans?|ese|ish|ic)")  # Ukrainian, Belarusians


def cue_mentions(doc: Doc, cues: Cues) -> Iterator[Mention]:
    """ "the X region", "X Oblast", "the X direction": X is the run of proper nouns before."""
    for token in doc:
        kind = _cue_kind(token.lower_, cues)
        name = _name_before(token) if kind else None
        if kind is None or name is None:
            continue
        if kind == "direction":  # the place is the settlement: "Kupiansk", not the phrase
            yield Mention(name.text, name.start_char, name.end_char, name.text, kind)
        else:
            text = doc[name.start : token.i + 1].text
            end = name.start_char + len(text)
            yield Mention(text, name.start_char, end, name.text, kind, token.text)
        if token.tag_ in ("NNS", "NNPS"):  # "the Kursk and Bryansk regions": Kursk's too
            yield from _coordinated(name, kind, token.text)


def _coordinated(name: SpacySpan, kind: Kind, cue: str) -> Iterator[Mention]:
    """The names listed before the last one of a plural cue ("X, Y and Z regions")."""
    doc, at = name.doc, name.start - 1
    while at >= 1 and doc[at].lower_ in ("and", ",", "or"):
        other = _name_before(doc[at])
        if other is None:
            return
        yield Mention(other.text, other.start_char, other.end_char, other.text, kind, cue)
        at = other.start - 1


def _cue_kind(word: str, cues: Cues) -> Kind | None:
    if word in cues.region or (word.endswith("s") and word[:-1] in cues.region):
        return "region"  # "the Kharkiv and Sumy regions" names the Sumy region at least
    return "direction" if word in cues.direction else None


def _name_before(cue: Token) -> SpacySpan | None:
    """The proper nouns right before a cue word (at most four tokens), if any."""
    doc, first = cue.doc, cue.i
    while first > 0 and cue.i - first < _MAX_NAME_TOKENS and _name_part(doc[first - 1]):
        first -= 1
    while first < cue.i and doc[first].text == "-":
        first += 1
    return doc[first : cue.i] if first < cue.i else None


def _name_part(token: Token) -> bool:
    if token.text == "-":
        return True
    named = token.ent_type_ and token.text[:1].isupper() and token.tag_ not in _ADJECTIVE_TAGS
    return bool(token.tag_ in _NAME_TAGS or named)


CAPITALS = frozenset({"Kyiv", "Kiev", "Moscow", "Minsk", "Washington", "Kremlin"})
HELD_BY_GOVERNMENTS = frozenset(
    "claim account version statement control force forces troops army government officials "
    "decision position offer demand demands proposal".split()
)


def entity_mentions(doc: Doc, cues: Cues, taken: list[tuple[int, int]]) -> Iterator[Mention]:
    """Named entities that may be places, outside the cue phrases already found."""
    people, last_names = _surnames(doc), _last_names(doc)  # once: not per entity
    for whole in entities(doc):
        for ent in _conjuncts(whole):
            span = _trim(ent) if whole.label_ in PLACE_LABELS | WEAK_LABELS else None
            if span is not None and whole.label_ in PLACE_LABELS:
                span = _extend_left(span)
            if span is None or any(span.start_char < e and s < span.end_char for s, e in taken):
                continue
            named_settlement = _settlement_of(span)  # "the city of X": a place, whatever the tag
            text = _POSSESSIVE.sub("", span.text)
            weak = whole.label_ in WEAK_LABELS and not named_settlement
            if not _may_be_place(span, text, weak, cues) or _particle_before(span):
                continue
            if fold(text) in last_names:
                continue
            if _speaks(span):
                continue  # "Moscow said", "Kyiv's claim": the government, not the city
            cued = _after_locative(span, cues) or _struck(span)
            cued = cued or _listed_with_place(span) or named_settlement
            start = span.start_char
            person = fold(text) in people or (whole.label_ == "PERSON" and not cued)
            person = person and not named_settlement
            yield Mention(text, start, start + len(text), text, "place", None, weak, cued,
                        exact=whole.label_ == "FAC" and not cued, person=person,
                        namesake=fold(text) in people, article=_after_the(span))  # fmt: skip


def _conjuncts(ent: SpacySpan) -> list[SpacySpan]:
    """An entity the tagger made of a list of names ("Kharkiv and Izium", "Sumy, Okhtyrka"),
    as its names; any other entity as itself."""
    cuts = [t.i for t in ent if t.lower_ in ("and", "or", ",")]
    if not cuts:
        return [ent]
    parts, start = [], ent.start
    for cut in [*cuts, ent.end]:
        if cut > start:
            parts.append(ent.doc[start:cut])
        start = cut + 1
    if len(parts) < 2 or not all(p[0].text[:1].isupper() for p in parts):
        return [ent]
    return parts


def _after_the(span: SpacySpan) -> bool:
    """Written after "the" ("the White House", "the Taj"): settlements go without it."""
    return span.start > 0 and span.doc[span.start - 1].lower_ == "the"


def _speaks(span: SpacySpan) -> bool:
    """A capital used for the government seated there: the subject or agent of a speech verb
    ("Moscow denied", "claims made by Kyiv"), or the owner of a claim or of forces ("Moscow's
    account", "Kyiv's troops")."""
    if span.text not in CAPITALS:
        return False  # a country speaking is still where things happen in its articles
    root = span.root
    verb = root.head.head if root.dep_ == "pobj" and root.head.dep_ == "agent" else root.head
    if root.dep_ in ("nsubj", "pobj") and verb.pos_ == "VERB":
        if root.dep_ == "pobj" and root.head.dep_ != "agent":
            return False
        return lexicon().cue_class.get(verb.lemma_.lower()) is not None
    return root.dep_ == "poss" and root.head.lemma_.lower() in HELD_BY_GOVERNMENTS


def _may_be_place(span: SpacySpan, text: str, weak: bool, cues: Cues) -> bool:
    if not text or all(t.tag_ in _ADJECTIVE_TAGS for t in span):
        return False  # "Ukrainian officials": a nationality
    if all(word in cues.generic for word in fold(text).split()):
        return False  # "Eastern", "Central": no place on their own
    return not (weak and ACRONYM.fullmatch(text))  # "ER", "UAF": an organisation


STRUCK_VERBS = frozenset(
    "shell strike hit attack bomb target storm capture liberate seize take retake encircle "
    "evacuate visit".split()
)


def _struck(span: SpacySpan) -> bool:
    """The object of a verb whose objects are places: "artillery shelled Mezhova", "troops
    captured Vilcha", "visited Kyiv"."""
    root = span.root
    while root.dep_ == "conj" and root.head.i != root.i:  # "shelled Sumy, Okhtyrka and X"
        root = root.head
    if root.dep_ == "poss" and root.head.dep_ == "dobj":
        root = root.head  # "the strike hit Odesa's port": its possessor
    return root.dep_ == "dobj" and root.head.lemma_.lower() in STRUCK_VERBS


def _after_locative(span: SpacySpan, cues: Cues) -> bool:
    """Right after a locative word, or after one and an adjective or two ("in occupied
    Tokmak")."""
    doc, at = span.doc, span.start - 1
    skipped = 0
    while at >= 0 and skipped < 2 and doc[at].tag_ in ("JJ", "VBN", "VBD") and doc[at].is_lower:
        at, skipped = at - 1, skipped + 1
    return at >= 0 and doc[at].lower_ in cues.locative


def _extend_left(span: SpacySpan) -> SpacySpan:
    """A place name the tagger cut short ("near Hola [Prystan]"): the untagged proper nouns
    right before a place entity belong to it (at most ``_MAX_NAME_TOKENS`` in all)."""
    doc, start = span.doc, span.start
    while (
        start > 0
        and span.end - start < _MAX_NAME_TOKENS
        and doc[start - 1].tag_ == "NNP"
        and not doc[start - 1].ent_type_
        and doc[start - 1].text[:1].isupper()
        and not doc[start - 1].is_sent_start
    ):
        start -= 1
    return doc[start : span.end]


SETTLEMENT_WORDS = frozenset("city town village settlement hamlet port".split())


def _settlement_of(span: SpacySpan) -> bool:
    """Named as a settlement: "the city of Sumy", "the village of Vilcha"."""
    doc, start = span.doc, span.start
    return (
        start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in SETTLEMENT_WORDS
    )


def _listed_with_place(span: SpacySpan) -> bool:
    """In a list or apposition with a place: "Dnipro, Zaporizhzhia and Mykolaiv"."""
    root = span.root
    linked = [root.head] if root.dep_ in _LIST_DEPS else []
    linked += [t for t in root.children if t.dep_ in _LIST_DEPS]
    return any(t.ent_type_ in PLACE_LABELS for t in linked)


PARTICLES = frozenset("von van der den de da di du del della bin ibn al".split())


def _surnames(doc: Doc) -> set[str]:
    """The names of the people the article names: every capitalised word of a PERSON entity of
    two words or more ("Hillary Clinton" → hillary, clinton). Such a name is a place only as
    a country, a region or a large city (``resolve``), or when the text calls it a
    settlement ("the village of X")."""
    return {
        fold(t.text)
        for e in entities(doc)
        if e.label_ == "PERSON" and len(e) > 1
        for t in e
        if t.text[:1].isupper() and t.lower_ not in PARTICLES and t.tag_ != "POS"
    }


def _last_names(doc: Doc) -> set[str]:
    """Last names of the people the article names in full ("Hillary Clinton" → clinton):
    never places."""
    return {fold(e[-1].text) for e in entities(doc) if e.label_ == "PERSON" and len(e) > 1}


def _particle_before(span: SpacySpan) -> bool:
    """A name after a lower-case particle that follows a name: the end of a person's name
    ("Ursula von der Leyen")."""
    doc, at = span.doc, span.start - 1
    if at < 1 or doc[at].text not in PARTICLES:
        return False
    while at >= 1 and doc[at].text in PARTICLES:
        at -= 1
    return doc[at].text[:1].isupper()


def _trim(ent: SpacySpan) -> SpacySpan | None:
    start, end = ent.start, ent.end
    if ent[0].lower_ == "the":
        start += 1
    while end > start and ent.doc[end - 1].tag_ == "POS":
        end -= 1
    return ent.doc[start:end] if end > start else None


def find_mentions(doc: Doc) -> list[Mention]:
    """Every place mention of the article, in text order."""
    cues = load_cues()
    found = list(cue_mentions(doc, cues))
    taken = [(m.start, m.end) for m in found]
    found += entity_mentions(doc, cues, taken)
    taken = [(m.start, m.end) for m in found]
    found += locative_mentions(doc, cues, taken)
    taken = [(m.start, m.end) for m in found]
    found += alias_mentions(doc, taken)
    return sorted(found, key=lambda m: m.start)


def alias_mentions(doc: Doc, taken: list[tuple[int, int]]) -> Iterator[Mention]:
    """Names of the gazetteer's alias list written as one word ("the DPR", "Donbas") that the
    tagger left out of any entity."""
    names = aliases()
    for tok in doc:
        if tok.ent_type_ or not tok.text[:1].isupper() or fold(tok.text) not in names:
            continue
        if any(tok.idx < e and s < tok.idx + len(tok) for s, e in taken):
            continue
        yield Mention(tok.text, tok.idx, tok.idx + len(tok), tok.text, "place")


def locative_mentions(doc: Doc, cues: Cues, taken: list[tuple[int, int]]) -> Iterator[Mention]:
    """Proper nouns right after a locative word (and an adjective or two), or struck ("drones
    struck Odesa"), that the tagger left without an entity ("near Huliaipole", "in occupied
    Tokmak"): weak, cued mentions, kept only when the gazetteer bears them out."""
    people, last_names = _surnames(doc), _last_names(doc)
    i = 0
    while i < len(doc):
        tok = doc[i]
        if tok.tag_ != "NNP" or tok.ent_type_ or not tok.text[:1].isupper():
            i += 1
            continue
        end = i + 1
        while end < len(doc) and doc[end].tag_ == "NNP" and not doc[end].ent_type_:
            end += 1
        span, i = doc[tok.i : end], end
        if not (_after_locative(span, cues) or _struck(span)):
            continue
        if any(span.start_char < e and s < span.end_char for s, e in taken):
            continue
        if not _may_be_place(span, span.text, True, cues) or _particle_before(span):
            continue
        if fold(span.text) in last_names:
            continue
        yield Mention(span.text, span.start_char, span.end_char, span.text, "place", None,
                      True, True, person=fold(span.text) in people,
                      namesake=fold(span.text) in people)  # fmt: skip


def to_place(mention: Mention, candidate: Candidate | None) -> Place:
    """The contract's Place for a mention (null coordinates when unresolved)."""
    if candidate is None:
        feature = "region" if mention.kind == "region" else None
        return Place(
            mention.text, mention.text, None, None, None, feature, mention.start, mention.end
        )
    return Place(
        text=mention.text,
        name=candidate.name,
        lat=candidate.lat,
        lon=candidate.lon,
        country=candidate.country,
        feature=candidate.feature,
        start=mention.start,
        end=mention.end,
        geonameid=candidate.geonameid,
    )


def extract_places(doc: Doc, gazetteer: Gazetteer | None = None) -> tuple[Place, ...]:
    """The places an article mentions, each once, resolved against the gazetteer."""
    gazetteer = gazetteer or Gazetteer.load()
    mentions = find_mentions(doc)
    places: dict[str, Place] = {}
    for mention, candidate in zip(mentions, resolve(gazetteer, mentions), strict=True):
        if candidate is None and (mention.weak or not _keep_unknown(doc, mention)):
            continue
        place = to_place(mention, candidate)
        places.setdefault(fold(place.name), place)
    return tuple(places.values())


def _keep_unknown(doc: Doc, mention: Mention) -> bool:
    if not mention.name[:1].isupper() or _DEMONYM.fullmatch(mention.name):
        return False
    span = doc.char_span(mention.start, mention.start + len(mention.name), alignment_mode="expand")
    return span is not None and any(t.ent_type_ in KEEP_UNKNOWN for t in span)
