"""Named people and organisations of an article, one canonical name each.

Mentions are the parser's entities, read in order:

- a **person** is a PERSON entity, a proper noun that is the surname of a person the article
  names in full ("Zakharova" tagged NORP), or a name the registry has as a person's; it is
  named by its fullest form in the article ("Zakharova" -> "Maria Zakharova");
- an **organisation** is an ORG entity, or a name the registry has as an organisation or
  outlet whatever its tag. Its name grows by the adjectives before it ("Russian" + "Foreign
  Ministry") or by "<Name> of" ("General Staff of" + "the Russian Armed Forces") when the
  registry or the article has the longer form; an acronym in brackets after it ("Ukrainian
  Armed Forces (UAF)"), or one made of its initials, is the same organisation. An ORG
  entity that overlaps a military unit mention (``extract_units``) is a unit, not an
  organisation, and one that is a place is dropped (see :func:`place_test`).

Each name is then matched in the registry (``claimledger.registry``): a matched actor is
reported under the registry's canonical name and id, with ``spelling_variant`` when written
in no registered spelling ("Christof Vanner"), and with the descriptors the article attaches
to its mentions that the registry contradicts (``claimledger.registry.conflicts``). Mentions
with one registry id, or one name, are one actor.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Span, Token

from claimledger.analyze.descriptors import role_of
from claimledger.errors import ClaimledgerError
from claimledger.extract.principals import principal_of
from claimledger.extract.quotes import quote_spans
from claimledger.extract.speakers import Resolver, kind_of_words
from claimledger.extract.units import extract_units
from claimledger.models import Actor, Unit
from claimledger.nlp.ents import entities
from claimledger.registry import Match, Registry, Vocabulary, load_registry, normalise
from claimledger.registry.conflicts import affiliation_conflicts, nationality_conflicts

log = logging.getLogger(__name__)

NAME_LABELS = {"PERSON", "ORG", "NORP", "GPE", "FAC", "PRODUCT", "WORK_OF_ART", "LOC"}
MODIFIER_LABELS = {"NORP", "GPE"}
TITLES = {"mr", "mrs", "ms", "dr", "the", "a", "an"}
ORG_KINDS = ("military", "government", "outlet", "organization")
PLACE_FEATURES = {"city", "town", "village", "region", "country"}
ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,7}")
PlaceTest = Callable[[Span], bool]


@dataclass(frozen=True)
class _Mention:
    """One mention of an actor: where its name is, the name, and what it matched."""

    start: int
    end: int
    name: str
    person: bool
    match: Match | None = None
    conflicts: tuple[str, ...] = ()
    speaks_for: str | None = None  # the principal the article names them for (principals.py)
    roles: tuple[str, ...] = ()  # descriptors stating a role ("a commander"), as written

    def key(self) -> str:
        if self.match is not None:
            return self.match.id
        return ("person:" if self.person else "org:") + normalise(self.name)


def extract_actors(
    doc: Doc,
    resolver: Resolver | None = None,
    *,
    registry: Registry | None = None,
    units: Sequence[Unit] | None = None,
    is_place: PlaceTest | None = None,
) -> tuple[tuple[Actor, ...], tuple[Actor, ...]]:
    """(people, organisations) named in the article, each once under its canonical name."""
    resolver = resolver or Resolver(doc)
    registry = registry or load_registry()
    units = extract_units(doc) if units is None else units
    is_place = is_place or place_test(doc, registry.vocabulary)
    article = _Article(doc, resolver, registry, units, is_place)
    mentions = [article.describe(m) for m in article.mentions()]
    return article.actors(mentions, person=True), article.actors(mentions, person=False)


@dataclass
class _Article:
    doc: Doc
    resolver: Resolver
    registry: Registry
    units: Sequence[Unit]
    is_place: PlaceTest

    def __post_init__(self) -> None:
        self.org_names = {
            normalise(_clean(e)) for e in entities(self.doc) if e.label_ == "ORG" and _clean(e)
        }
        self.acronyms: dict[str, str] = {}

    # -- mentions

    def mentions(self) -> Iterator[_Mention]:
        for ent in entities(self.doc):
            if ent.label_ not in NAME_LABELS or not (text := _clean(ent)):
                continue
            if self._is_person(ent, text):
                yield self._person(ent, text)
            elif (found := self._organization(ent, text)) is not None:
                yield found

    def _is_person(self, ent: Span, text: str) -> bool:
        """A PERSON, a known surname or a registered person, unless registered otherwise."""
        person = self._registered(text, person=True)
        if person is None and self._registered(text, person=False) is not None:
            return False
        if ent.label_ == "PERSON":
            return True
        surname = text.split()[-1].lower()
        known = surname in self.resolver.full_names or person is not None
        return ent.root.pos_ == "PROPN" and known

    def _registered(self, name: str, *, person: bool) -> Match | None:
        match = self.registry.match(name, person=person)
        return match if match is not None and not match.spelling_variant else None

    def _person(self, ent: Span, text: str) -> _Mention:
        surname = text.split()[-1].lower()
        full = self.resolver.full_names.get(surname, text)
        name = full if len(full.split()) >= len(text.split()) else text
        match = self.registry.match(name, person=True)
        return _Mention(
            ent.start, ent.end, name, True, match, speaks_for=principal_of(ent, self._named)
        )

    def _named(self, ent: Span) -> str | None:
        """An entity's name as the actors are named: a person by the fullest form, an
        organisation by the registry's name or its own."""
        text = _clean(ent)
        if not text:
            return None
        if ent.label_ == "PERSON":
            return self.resolver._full_name(text)
        match = self._registered(text, person=False)
        return match.entry.name if match is not None else text

    def _organization(self, ent: Span, text: str) -> _Mention | None:
        if ent.label_ != "ORG" and self._registered(text, person=False) is None:
            return None
        start = _first_word(ent)
        start, name = self._extend(start, ent.end, text)
        match = self.registry.match(name, person=False)
        mention = _Mention(start, ent.end, name, False, match)
        if match is None and self._dropped(ent, name):
            return None
        self._note_acronym(ent.end, mention)
        return self._by_acronym(mention)

    def _extend(self, start: int, end: int, name: str) -> tuple[int, str]:
        """The longest form of an organisation's name the registry or the article knows."""
        best = (start, name)
        for s in (*self._adjective_starts(start), *self._of_starts(start)):
            longer = self.doc[s:end].text
            known = normalise(longer) in self.org_names or self._registered(longer, person=False)
            if known and s < best[0]:
                best = (s, _strip_possessive(longer))
        return best

    def _adjective_starts(self, start: int) -> Iterator[int]:
        i = start
        while i > 0 and _modifier(self.doc[i - 1]):
            i -= 1
            yield i

    def _of_starts(self, start: int) -> Iterator[int]:
        i = start - 1
        if i >= 0 and self.doc[i].lower_ == "the":
            i -= 1
        if i < 1 or self.doc[i].lower_ != "of":
            return
        j = i
        while j > 0 and self.doc[j - 1].is_title and self.doc[j - 1].pos_ in ("PROPN", "NOUN"):
            j -= 1
            yield j

    def _dropped(self, ent: Span, name: str) -> bool:
        """A unit, a place, or a person's surname tagged as an organisation."""
        if self._unit(ent, name):
            return True
        if name.lower() in self.resolver.full_names:
            return True
        words = set(name.split())
        if ACRONYM.fullmatch(name) or words & self.registry.vocabulary.organization_words:
            return False
        return self.is_place(ent)

    def _unit(self, ent: Span, name: str) -> bool:
        """Overlapping a unit mention, or ending a unit's name ("Motorized Infantry Brigade")."""
        key = f" {normalise(name)}"
        return any(
            _overlaps(ent, u) or any(f" {normalise(t)}".endswith(key) for t in (u.text, u.name))
            for u in self.units
        )

    def _note_acronym(self, end: int, mention: _Mention) -> None:
        doc = self.doc
        bracketed = end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")"
        if bracketed and ACRONYM.fullmatch(doc[end + 1].text):
            self.acronyms[doc[end + 1].text] = mention.name

    def _by_acronym(self, mention: _Mention) -> _Mention:
        """An unregistered acronym stands for the organisation it abbreviates in the article."""
        if mention.match is not None or not ACRONYM.fullmatch(mention.name):
            return mention
        full = self.acronyms.get(mention.name) or next(
            (n for n in self.org_names if _initials(n) == mention.name.lower()), None
        )
        if full is None:
            return mention
        return replace(mention, name=full, match=self.registry.match(full, person=False))

    # -- descriptors

    def describe(self, mention: _Mention) -> _Mention:
        """The mention with the roles its descriptors give a person ("M23 military spokesman";
        ``analyze/descriptors.py``) and the descriptor conflicts of its registered actor."""
        span = self.doc[mention.start : mention.end]
        phrases = _descriptor_phrases(span)
        if mention.person and _plainly_named(span):
            said = tuple(p.text for p in phrases if _states_role(p))
            mention = replace(mention, roles=said)
        if mention.match is None:
            return mention
        orgs = [
            (ent.text, m.entry)
            for phrase in phrases
            for ent in phrase.ents
            if ent.label_ in NAME_LABELS - {"PERSON"}
            and (m := self._registered(_clean(ent), person=False)) is not None
        ]
        entry, sides = mention.match.entry, self.registry.vocabulary.sides
        found = [
            *nationality_conflicts(entry, [p.text for p in phrases], sides),
            *affiliation_conflicts(entry, orgs, self.registry.find),
        ]
        return replace(mention, conflicts=tuple(dict.fromkeys(str(c) for c in found)))

    # -- actors

    def actors(self, mentions: list[_Mention], *, person: bool) -> tuple[Actor, ...]:
        groups: dict[str, list[_Mention]] = {}
        for m in mentions:
            if m.person == person:
                groups.setdefault(m.key(), []).append(m)
        if not person:
            _merge_suffixes(groups)
        return tuple(self._actor(group, person) for group in groups.values())

    def _actor(self, group: list[_Mention], person: bool) -> Actor:
        first = group[0]
        text = self.doc[first.start : first.end].text
        match = next((m.match for m in group if m.match is not None), None)
        conflicts = tuple(dict.fromkeys(c for m in group for c in m.conflicts))
        principals = Counter(m.speaks_for for m in group if m.speaks_for)
        speaks_for = _one_principal(principals)
        said = tuple(dict.fromkeys(r for m in group for r in m.roles))
        if match is not None:
            entry = match.entry
            spelling = any(m.match is not None and m.match.spelling_variant for m in group)
            return Actor(text, entry.name, entry.kind, entry.id, spelling, conflicts, speaks_for,
                         said)  # fmt: skip
        name = max((m.name for m in group), key=lambda n: len(n.split()))
        kind = "person" if person else _org_kind(name)
        return Actor(text, name, kind, speaks_for=speaks_for, roles=said)


def _one_principal(principals: Counter[str]) -> str | None:
    """The principal most of a person's descriptions name; none when two tie."""
    ranked = principals.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _merge_suffixes(groups: dict[str, list[_Mention]]) -> None:
    """An unregistered organisation whose name ends exactly one other's ("Foreign Ministry")."""
    for key in [k for k in groups if k.startswith("org:")]:
        words = key.removeprefix("org:").split()
        if len(words) < 2:
            continue
        longer = [
            other
            for other, group in groups.items()
            if other != key and any(_ends_with(normalise(m.name).split(), words) for m in group)
        ]
        if len(longer) == 1:
            groups[longer[0]].extend(groups.pop(key))


def _ends_with(words: list[str], end: list[str]) -> bool:
    return len(words) > len(end) and words[-len(end) :] == end


def _overlaps(ent: Span, unit: Unit) -> bool:
    if unit.start is None or unit.end is None:
        return False
    return ent.start_char < unit.end and unit.start < ent.end_char


def _org_kind(name: str) -> str:
    kind = kind_of_words(frozenset(w.lower() for w in name.split()))
    return kind if kind in ORG_KINDS else "organization"


def _plainly_named(span: Span) -> bool:
    """Whether a person's descriptors can be read as what the article says they are: not in
    a quotation ("cheer for 'President Bernie Sanders'"), not in a headline in capitals, not one
    of a list of names (an apposition after "Clinton, Trump and Cruz" belongs to the last)."""
    doc = span.doc
    start = span.start_char
    if any(a <= start < b for a, b in quote_spans(doc)):
        return False
    sent = span.sent
    words = [t for t in sent if t.is_alpha]
    if len(words) >= 4 and sum(t.is_title or t.is_upper for t in words) > 0.7 * len(words):
        return False  # a headline: "Right After This Big-Name Senator Endorsed Trump"
    root = span.root
    return not (root.dep_ == "conj" or any(c.dep_ == "conj" for c in root.children))


def _states_role(phrase: Span) -> bool:
    """A descriptor whose own head is a role ("M23 military spokesman", "a commander"), not one
    mentioning a role on the way ("senators running for president")."""
    role = role_of(phrase.text)
    return role is not None and phrase.root.lower_ == role.word


def _descriptor_phrases(span: Span) -> list[Span]:
    """Words attached to a mention that describe it: pre-modifiers, appositions, "from X"."""
    doc, root = span.doc, span.root
    phrases = [
        doc[c.left_edge.i : c.right_edge.i + 1]
        for c in root.lefts
        if c.i < span.start and c.dep_ in ("compound", "amod", "nmod", "nn")
    ]
    for c in root.rights:
        if c.dep_ == "appos" and c.i >= span.end:
            phrases.append(doc[c.left_edge.i : c.i + 1])
            phrases.extend(_prep_objects(c))
    phrases.extend(_prep_objects(root, after=span.end))
    if root.dep_ == "appos" and root.head.i < span.start:
        head = root.head
        phrases.append(doc[head.left_edge.i : _trim(doc, head.left_edge.i, span.start)])
    return [p for p in phrases if len(p)]


def _prep_objects(token: Token, after: int = 0) -> list[Span]:
    doc = token.doc
    return [
        doc[p.i + 1 : p.right_edge.i + 1]
        for p in token.rights
        if p.dep_ == "prep" and p.lower_ in ("from", "of", "at", "with") and p.i >= after
    ]


def _trim(doc: Doc, start: int, end: int) -> int:
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return end


def _modifier(token: Token) -> bool:
    """A word that may start an organisation's longer name: "Russian", "Ukraine's"."""
    if token.ent_type_ in MODIFIER_LABELS and token.ent_iob_ in ("B", "I"):
        return True
    return token.is_title and token.pos_ in ("ADJ", "PROPN") and token.ent_type_ == ""


def _first_word(ent: Span) -> int:
    start = ent.start
    while start < ent.end - 1 and ent.doc[start].lower_ in TITLES:
        start += 1
    return start


def _clean(ent: Span) -> str:
    """An entity's name: no determiner, title or possessive."""
    words = ent[_first_word(ent) - ent.start :]
    text = " ".join(words.text.split()).rstrip(",:;")  # as written: "SPLM-N", not "SPLM - N"
    return _strip_possessive(text)


def _strip_possessive(text: str) -> str:
    text = text.strip()
    for suffix in ("’s", "'s", "’", "'"):
        if text.endswith(suffix):
            return text.removesuffix(suffix).rstrip()
    return text


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w not in ("of", "the", "and", "for"))


# -- places


def place_test(doc: Doc, vocabulary: Vocabulary) -> PlaceTest:
    """Whether an ORG entity is a place.

    It is when the gazetteer has a settlement, region or country of that very name, when it
    follows "<place word> of" ("the village of X", "south of X"), or when the article tags the
    same name as a place (GPE, LOC) elsewhere. Without a gazetteer (it cannot be built or
    opened) a bare locative word decides too: "in X", "near X".
    """
    gazetteer = _gazetteer()
    places = {normalise(e.text) for e in entities(doc) if e.label_ in ("GPE", "LOC")}

    def test(span: Span) -> bool:
        name = _clean(span)
        if normalise(name) in places or _locative(span, vocabulary, bare=gazetteer is None):
            return True
        return gazetteer is not None and _in_gazetteer(gazetteer, name)

    return test


@lru_cache(maxsize=1)
def _gazetteer() -> Any | None:
    try:
        from claimledger.link.gazetteer import Gazetteer

        return Gazetteer.load()
    except (ClaimledgerError, ImportError, OSError) as exc:
        log.warning("no gazetteer (%s): places among organisations found by context", exc)
        return None


def _in_gazetteer(gazetteer: Any, name: str) -> bool:
    key = normalise(name)
    return any(
        c.feature in PLACE_FEATURES and normalise(c.name) == key for c in gazetteer.lookup(name)
    )


def _locative(span: Span, vocabulary: Vocabulary, *, bare: bool) -> bool:
    doc, i = span.doc, _first_word(span)
    before = [t.lower_ for t in doc[max(0, i - 3) : i] if t.lower_ != "the"]
    if bare and before and before[-1] in vocabulary.locatives:
        return True
    return len(before) >= 2 and before[-1] == "of" and before[-2] in vocabulary.locative_heads
