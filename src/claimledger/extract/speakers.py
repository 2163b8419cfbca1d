"""Who a speaker phrase refers to, resolved across the article.

No coreference model runs offline, so resolution is a small set of rules over the parse and
the article's earlier mentions, applied in this order:

1. a pronoun ("she", "his report") takes the latest earlier mention that fits: a person (or a
   noun for one person, "the governor") of a gender that agrees (``gender.py``; unknown agrees)
   for he/she, a group or organisation for they, an organisation for it;
2. a document ("a report by TASS", "data from the Prosecutor General's Office", "his
   assessment") stands for its author;
3. "the same source(s)" takes the latest earlier speaker with the same head noun, and a bare
   definite description ("the agency", "the ministry") the latest mention described so,
   including a name introduced with a description ("the news agency Novaport"); a definite
   description of a named person's role ("the general replied", "the two-term president will
   say", ``NAMED_ROLES``), when nothing earlier is described so, the named speaker (else the
   named person) of the two sentences before, never a name inside a quotation;
4. a named person is expanded to the fullest form of the name in the article ("Zakharova" ->
   "Maria Zakharova") and keeps the kind the article gives them anywhere ("military expert
   Andrei Marochko"); an organisation to its proper name ("the Russian news agency TASS" ->
   "TASS");
5. anything else is named by its own words ("sources within Russian security structures").

A speaker's kind comes from the words of its phrase (``speaker_kinds.v1.tsv``), its head and
modifiers first ("the Institute for the Study of War" is an organisation, not a document).
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from claimledger.extract.gender import agrees, gender_of, honorifics
from claimledger.extract.quotes import doc_text, quote_spans
from claimledger.extract.tree import DOCUMENT_HEADS, TokenRange, phrase
from claimledger.lexicon import Gender, given_names, lexicon
from claimledger.models import Hop, SourceKind
from claimledger.nlp.ents import entities, entities_in
from claimledger.nlp.sents import sentence_of
from claimledger.registry.entries import ActorEntry
from claimledger.registry.hooks import registry_hooks

PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
GROUP_PRONOUNS = {"they", "them", "their", "theirs"}
THING_PRONOUNS = {"it", "its"}
FIRST_PERSON = {"i", "we", "me", "us", "my", "our", "you", "your"}
DETERMINERS = ("the ", "a ", "an ", "some ")
PRE_DETERMINERS = ("both ", "either ", "neither ")
KIND_ORDER: tuple[SourceKind, ...] = (
    "anonymous", "document", "journalist", "expert", "outlet", "military", "government",
    "organization",
)  # fmt: skip
DESCRIBABLE = {
    "agency", "ministry", "newspaper", "outlet", "broadcaster", "channel", "official",
    "spokesman", "spokeswoman", "spokesperson", "minister", "president", "general",
    "commander", "analyst", "expert", "journalist", "reporter", "correspondent", "source",
    "sources", "brigade", "army", "military", "office", "department", "governor", "mayor",
    "publication", "paper", "network", "company", "group", "organization", "organisation",
    "administration", "service", "headquarters", "committee", "council", "mission",
    "command", "firm", "operator", "utility",
}  # fmt: skip
OUTLET_HEADS = {"newspaper", "publication", "paper", "outlet", "broadcaster", "channel"}
STATE_FORCES = re.compile(
    r"^[A-Z][a-z]+(?:an|ian|i|ese|ish|ch)\s+(?:military|army|armed forces|forces|troops|navy)$"
)  # "Israeli military", "Russian army": a state's forces
BODY_HEADS = OUTLET_HEADS | {
    "agency",
    "group",
    "organization",
    "organisation",
    "body",
    "monitor",
    "company",
    "firm",
    "operator",
    "utility",
    "service",
    "command",
    "committee",
    "council",
    "mission",
    "headquarters",
    "military",
    "army",
    "department",
    "office",
}  # fmt: skip  (what "the company said" refers back to: the body named just before)

CORE_CUT = ("acl", "relcl", "prep")
PERSON_ROLES = {
    "official",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "minister",
    "president",
    "general",
    "commander",
    "analyst",
    "expert",
    "journalist",
    "reporter",
    "correspondent",
    "governor",
    "mayor",
    "colonel",
    "officer",
    "soldier",
    "diplomat",
    "ambassador",
    "envoy",
    "lawmaker",
    "senator",
    "prosecutor",
    "witness",
    "resident",
    "doctor",
    "researcher",
    "professor",
}  # fmt: skip  (nouns for one person, so "he"/"she" can refer back to "the governor")


NAMED_ROLES = frozenset(
    """president minister general commander governor mayor director chairman chairwoman
    businessman businesswoman nominee candidate senator congressman congresswoman lawmaker
    ambassador envoy premier chancellor secretary leader chief admiral colonel marshal
    billionaire mogul tycoon prosecutor diplomat speaker""".split()
)  # a definite description of one of these ("the general said") means a named person
# descriptions an article uses of a person it never calls so ("the billionaire", "the
# presumptive nominee"); any other role ("the mayor", "the governor") refers back only to a
# person the article gives that role somewhere ("Mayor Vitali Klitschko", "X, the mayor")
EPITHETS = frozenset(
    "nominee candidate businessman businesswoman billionaire mogul tycoon leader".split()
)
POLLS = frozenset({"poll", "survey"})
POLL_SHARE_SENTENCES = 25  # a share of respondents speaks for the poll named this recently
NAMED_BEFORE_LOOK = 12  # mentions looked back through for it


@dataclass(frozen=True)
class Mention:
    """A resolved mention of a source, kept so later phrases can refer back to it."""

    position: int
    name: str
    kind: SourceKind
    head_lemma: str
    words: frozenset[str]
    person: bool
    plural: bool
    relays: tuple[Hop, ...] = ()


def _position(m: Mention) -> int:
    return m.position


def _fits_person(m: Mention) -> bool:
    """What "he"/"she" can refer back to: a person, or a noun for one ("the governor")."""
    return m.person or (m.head_lemma in PERSON_ROLES and not m.plural)


def _fits_group(m: Mention) -> bool:
    """What "they" can refer back to: a group, or an organisation."""
    return not m.person and (
        m.plural or m.kind in ("government", "outlet", "organization", "military")
    )


def _fits_thing(m: Mention) -> bool:
    """What "it" can refer back to: one thing that is no person, or one body with a plural
    name ("the Israel Defense Forces said ... It said ...", not "Russian forces")."""
    return not m.person and (not m.plural or _plural_named_body(m))


def _plural_named_body(m: Mention) -> bool:
    """A body whose proper name ends in a plural noun: "Israel Defense Forces", "Armed Forces
    of Ukraine" (its head word capitalised, after the name's first word)."""
    if m.kind not in ("military", "government", "organization") or not m.head_lemma:
        return False
    words = m.name.split()[1:]
    return any(w[:1].isupper() and w.lower().startswith(m.head_lemma[:4]) for w in words)


class Mentions:
    """The mentions of an article by position, with lists of the mentions each rule looks for.

    Every list is kept in the order of the whole (by position; of equal positions, first
    recorded first), so "the latest earlier mention that fits" is found by bisection in the
    list of the mentions that fit, not by a scan of the article: resolution stays linear in
    the article's length.
    """

    def __init__(self) -> None:
        # what each person pronoun can refer to (a gender that agrees), and "they" and "it"
        self.pronoun: dict[str, list[Mention]] = {p: [] for p in (*PERSON_PRONOUNS, "they", "it")}
        self.by_word: defaultdict[str, list[Mention]] = defaultdict(list)  # head lemma, words
        self.outlets: list[Mention] = []
        self.person_kinds: defaultdict[str, list[Mention]] = defaultdict(list)  # by name
        self.speakers: dict[str, list[Mention]] = {p: [] for p in (*PERSON_PRONOUNS, "they", "it")}

    def add(self, m: Mention, gender: Gender | None, speaker: bool = False) -> None:
        """Record ``m``; ``gender`` is the gender of a mention that fits "he"/"she"; ``speaker``
        when it is the source of a claim (not a name in what somebody said)."""
        if _fits_person(m):
            for pronoun in PERSON_PRONOUNS:
                if agrees(pronoun, gender):
                    insort(self.pronoun[pronoun], m, key=_position)
                    if speaker:
                        insort(self.speakers[pronoun], m, key=_position)
        if _fits_group(m):
            insort(self.pronoun["they"], m, key=_position)
            if speaker:
                insort(self.speakers["they"], m, key=_position)
        if _fits_thing(m):
            insort(self.pronoun["it"], m, key=_position)
            if speaker:
                insort(self.speakers["it"], m, key=_position)
        for word in {m.head_lemma} | m.words:
            insort(self.by_word[word], m, key=_position)
        if m.kind == "outlet":
            insort(self.outlets, m, key=_position)
        if m.person and m.kind != "person":
            insort(self.person_kinds[m.name], m, key=_position)

    @staticmethod
    def latest_before(found: list[Mention], before: int) -> Mention | None:
        """The last of ``found`` (in position order) that starts before token ``before``."""
        k = bisect_left(found, before, key=_position)
        return found[k - 1] if k else None


@dataclass
class Resolver:
    """Resolves speaker phrases of one article, remembering what it has seen."""

    doc: Doc
    mentions: Mentions = field(default_factory=Mentions)
    full_names: dict[str, str] = field(default_factory=dict)  # surname -> the name it means
    namesakes: dict[str, Counter[str]] = field(default_factory=dict)  # surname -> names, counts
    described: dict[int, Mention] = field(default_factory=dict)
    titled: dict[str, Gender] = field(default_factory=dict)
    documents: list[tuple[int, str, Mention]] = field(default_factory=list)  # (at, head, author)
    _quotes: list[tuple[int, int]] | None = None  # quotation spans (chars), read when needed
    _quote_starts: list[int] = field(default_factory=list)
    _people: set[str] | None = None  # words of the PERSON entities of two words or more
    # the last one or two words of each organisation's name of more words -> those names
    org_tails: dict[tuple[str, ...], set[str]] = field(default_factory=dict)
    bodies: set[str] = field(default_factory=set)  # PERSON-tagged names of bodies, lower case

    def __post_init__(self) -> None:
        self.titled = honorifics(doc_text(self.doc))  # before any mention: their genders use it
        for ent in entities(self.doc):  # "the monitoring project Belaruski Hajun", tagged a
            # person: a body, and so is "Hajun" anywhere in the article
            if ent.label_ == "PERSON" and _described_as_body(ent) and (name := _clean_name(ent)):
                self.bodies |= {name.lower(), name.split()[-1].lower()}
        people = {  # a surname a person of the article bears is no body's short name
            name.split()[-1].lower()
            for ent in entities(self.doc)
            if ent.label_ == "PERSON" and (name := _clean_name(ent)) and " " in name
            and name.lower() not in self.bodies
        }  # fmt: skip
        self.bodies -= people
        for ent in entities(self.doc):
            if ent.label_ == "PERSON":
                name = _clean_name(ent)
                if not name or self._body(ent):
                    continue
                self.namesakes.setdefault(name.split()[-1].lower(), Counter())[name] += 1
        for ent in entities(self.doc):  # a person the tagger took for an organisation
            if ent.label_ == "ORG" and (name := _clean_name(ent)):
                words = name.split()
                if 1 < len(words) <= 3 and words[-1].lower() in self.namesakes:
                    self.namesakes[words[-1].lower()][name] += 1
        for last, names in self.namesakes.items():
            self.full_names[last] = _likeliest(names)
        for ent in entities(self.doc):
            if ent.label_ == "ORG" or (ent.label_ == "PERSON" and self._body(ent)):
                words = _org_name(ent).split()
                for k in range(1, min(3, len(words))):
                    self.org_tails.setdefault(tuple(words[-k:]), set()).add(" ".join(words))
        for ent in entities(self.doc):
            if ent.label_ in ("PERSON", "ORG"):
                self._remember_entity(ent)
        for tok in self.doc:
            self._remember_described(tok)
            if tok.lemma_.lower() in POLLS and tok.pos_ == "NOUN":
                self._remember_poll(tok)

    # -- public

    def resolve(
        self, rng: TokenRange, relays: tuple[Hop, ...] = (), speaker: bool = True
    ) -> Mention:
        """The mention a phrase refers to; recorded as the latest mention of that source (a
        speaker's, unless ``speaker`` is False: a relay or a cited source, whom "he said"
        does not refer back to before the speaker it relays)."""
        mention = self._resolve(rng)
        if mention.person and mention.kind == "person":
            mention = Mention(**{**mention.__dict__, "kind": self._person_kind(mention.name)})
        if relays or not mention.relays:
            mention = Mention(**{**mention.__dict__, "relays": relays or mention.relays})
        self._add(Mention(**{**mention.__dict__, "position": rng[0]}), speaker=speaker)
        return mention

    def _add(self, m: Mention, speaker: bool = False) -> None:
        fits = _fits_person(m)
        gender = gender_of(m.name if m.person else "", m.words, self.titled) if fits else None
        self.mentions.add(m, gender, speaker)

    def _person_kind(self, name: str) -> SourceKind:
        """What a person is, wherever the article says it ("military expert Andrei Marochko")."""
        kinds = self.mentions.person_kinds.get(name)
        return kinds[0].kind if kinds else "person"

    # -- rules

    def _resolve(self, rng: TokenRange) -> Mention:
        span = self.doc[rng[0] : rng[1]]
        head = span.root
        low = head.lower_
        if low in PERSON_PRONOUNS | GROUP_PRONOUNS | THING_PRONOUNS and len(span) <= 2:
            found = self._pronoun(low, rng[0])
            if found is not None:
                return found
        if (body := self._own_people(span, head)) is not None:
            return body  # "its staff found no sign of ...": the body that said so
        if head.tag_ in ("WDT", "WP") and head.head.dep_ == "relcl" and len(span) == 1:
            noun = head.head.head  # "Orbita, a satellite firm, which said ...": the firm
            return self._resolve(phrase(noun))
        if head.lemma_.lower() in DOCUMENT_HEADS:
            author = self._author(head)
            if author is not None:
                self.documents.append((rng[0], head.lemma_.lower(), author))
                return author
            if self._definite(span, head):  # "the poll showed", after "a Gallup poll ..."
                author = self._document_before(rng[0], {head.lemma_.lower()})
                if author is not None:
                    return author
        if self._poll_share(head):  # "28 percent of voters said", after "a Gallup poll ..."
            author = self._document_before(rng[0], POLLS, POLL_SHARE_SENTENCES)
            if author is not None:
                return author
        if head.i in self.described:  # "the newspaper [Vechernik]"
            return self.described[head.i]
        if any(c.lower_ == "same" for c in head.children) or self._bare_definite(span, head):
            found = self._antecedent(head, rng[0])
            if found is not None:
                return found
        if self._definite_role(span, head):
            found = (
                self._antecedent(head, rng[0])
                or self._named_before(span, rng[0])
                or self._named_after(span, head)
            )
            if found is not None:
                return found
        return self._named(span, head)

    def _own_people(self, span: Span, head: Token) -> Mention | None:
        """ "its staff", "its inspectors", "their monitors": the body "its" refers to, whose
        people they are (their finding is the body's own, never another source's)."""
        if len(span) != 2 or head.lemma_.lower() not in MEMBER_NOUNS:
            return None
        owner = span[0]
        if owner.lower_ not in ("its", "their") or owner.head.i != head.i:
            return None
        found = self._pronoun("it" if owner.lower_ == "its" else "they", span.start)
        return found if found is not None and not found.person else None

    def _named_after(self, span: Span, head: Token) -> Mention | None:
        """The person the next sentence names with the role, for a description that comes
        first: "..., the regional governor said." then "Governor Serhiy Lysak said ..."."""
        role = head.lemma_.lower()
        sentence = sentence_of(self.doc, span.start)
        for ent in entities_in(self.doc, span.end, len(self.doc)):
            if ent.label_ != "PERSON":
                continue
            if sentence_of(self.doc, ent.start) - sentence > 1:
                return None
            if ent.start > 0 and self.doc[ent.start - 1].lower_ == role:
                name = self._full_name(_clean_name(ent))
                return self._mention(span, name, _words(head), person=True) if name else None
        return None

    def _pronoun(self, low: str, before: int) -> Mention | None:
        """The latest earlier mention the pronoun agrees with; for "he"/"she", the latest
        agreeing speaker instead when it spoke in this sentence or the one before: "Josh
        Earnest said Obama was not targeting Trump. “…,” he said." is Earnest speaking again,
        not the last man named in what he said; unless a named person who agrees is the subject
        of a sentence since ("X said A. Later, Senator Y questioned it. He called it B": Y).
        A name inside a quotation is what somebody said, not who "he" is."""
        pronoun = before
        before = self._relative_antecedent(before)
        if low in PERSON_PRONOUNS:
            key = low  # "she" is not the "Emmanuel Macron" just before: one list per pronoun
            spoke = self.mentions.latest_before(self.mentions.speakers[key], before)
            found = self.mentions.pronoun[key]
            if spoke is not None and self._sentences_apart(spoke.position, before) > 1:
                spoke = None
            k = bisect_left(found, before, key=_position)
            for m in reversed(found[max(0, k - NAMED_BEFORE_LOOK) : k]):
                if (spoke is not None and m.position <= spoke.position) or (
                    self._sentences_apart(m.position, before) > 1
                ):
                    break
                if (
                    m.person
                    and self._subject_of_sentence(m.position)
                    and not self._quoted(m.position)
                ):
                    return m  # "X said A. Senator Y questioned it. He called it B"
            return spoke or self._latest_unquoted(found, before)
        key = "they" if low in GROUP_PRONOUNS else "it"
        found = self.mentions.pronoun[key]
        latest = self.mentions.latest_before(found, before)
        own = self._own_statement(pronoun)
        if (
            latest is not None
            and own[0] <= latest.position < own[1]
            and latest not in self.mentions.speakers[key]
        ):  # "the Wagner emblem was on the trucks, it said": a pronoun is not a name inside
            # the statement it makes (but "X said A, they said" repeats X's cue); the latest
            # mention before that statement
            latest = self.mentions.latest_before(found, own[0])
        return self._continued(key, before, latest)

    def _own_statement(self, pronoun: int) -> TokenRange:
        """The tokens of what the pronoun at ``pronoun`` says when the statement comes before
        it ("X ..., it said": the cue's clausal complement), else an empty range."""
        verb = self.doc[pronoun].head
        for child in verb.children:
            if child.dep_ in ("ccomp", "parataxis") and child.i < pronoun:
                return child.left_edge.i, child.right_edge.i + 1
        return pronoun, pronoun

    def _continued(self, key: str, before: int, found: Mention | None) -> Mention | None:
        """``found`` for "it"/"they", unless the cue goes on with the statement a relay just
        reported (``_spoke_through``)."""
        verb = self.doc[before].head
        goes_on = verb.lemma_.lower() == "add" or any(c.lower_ == "also" for c in verb.children)
        recent = self._recent_speakers(key, before) if found is not None or goes_on else None
        said = self._named_in_statement(found, recent)
        if said is not None:
            return said
        spoke = self._spoke_through(recent) if goes_on else None
        if spoke is None or found is None:
            return found
        if _one_name(spoke.name, found.name) or any(_one_name(h.name, found.name)
                                                     for h in spoke.relays):  # fmt: skip
            return spoke
        relayed_by = (  # "in comments carried by Tass": the relay named in the speaker's sentence
            spoke.relays
            and found not in self.mentions.speakers[key]
            and self._sentences_apart(found.position, spoke.position) == 0
        )
        return spoke if relayed_by else found

    def _named_in_statement(
        self, found: Mention | None, recent: tuple[Mention, list[Mention]] | None
    ) -> Mention | None:
        """The speaker of the sentence before, when "it" would otherwise be a name inside what
        that speaker said: "The ministry said its Mi-24 helicopters had never left its airspace.
        It said ...": the ministry, not the helicopter (as "he" after a quotation naming
        someone is its speaker). ``recent``: ``_recent_speakers``."""
        if found is None or recent is None:
            return None
        latest, around = recent
        if any(_one_name(found.name, m.name) or any(_one_name(found.name, h.name)
               for h in m.relays) for m in around):  # fmt: skip
            return None  # a speaker or relay of that sentence ("according to SITE")
        inside = found.position > latest.position and (
            self._sentences_apart(latest.position, found.position) == 0
        )
        return latest if inside and not self._subject_of_sentence(found.position) else None

    def _spoke_through(self, recent: tuple[Mention, list[Mention]] | None) -> Mention | None:
        """The body whose statement a relay just reported: "The ministry said X, TASS reported.
        It also said Y" (the latest mention "it" fits is TASS, the relay; the statement "also"
        continues is the ministry's, reached through TASS). Only for a cue that goes on ("also
        said", "added"): "Y, according to SITE. It said Z" is SITE speaking. ``recent``:
        ``_recent_speakers``."""
        if recent is None:
            return None
        latest, around = recent
        return next((m for m in reversed(around)
                     if any(h.name == latest.name for h in m.relays)), latest)  # fmt: skip

    def _recent_speakers(self, key: str, before: int) -> tuple[Mention, list[Mention]] | None:
        """The latest speaker "it"/"they" (``key``) fits, when it spoke in this sentence or the
        one before, and the speakers of its sentence (in text order, at most
        ``NAMED_BEFORE_LOOK`` back)."""
        spoken = self.mentions.speakers[key]
        k = bisect_left(spoken, before, key=_position)
        latest = spoken[k - 1] if k else None
        if latest is None or self._sentences_apart(latest.position, before) > 1:
            return None
        window = spoken[max(0, k - NAMED_BEFORE_LOOK) : k]
        return latest, [m for m in window
                        if self._sentences_apart(m.position, latest.position) == 0]  # fmt: skip

    def _relative_antecedent(self, i: int) -> int:
        """Where to look back from for the pronoun at token ``i``: before the noun a relative
        clause hangs on when the pronoun is that clause's subject ("Kim, whom he called a con
        artist": "he" is not Kim), else from the pronoun itself."""
        verb = self.doc[i].head
        if self.doc[i].dep_ not in ("nsubj", "nsubjpass") or verb.dep_ != "relcl":
            return i
        if not any(c.tag_ in ("WDT", "WP") and c.i < i for c in verb.subtree):
            return i
        noun = verb.head  # its name, not a possessor before it ("Comey's news conference, in
        # which he laid out ...": he is Comey)
        names = [c.i for c in noun.children if c.dep_ in ("compound", "flat") and c.i < noun.i]
        return min([i, noun.i, *names])

    def _subject_of_sentence(self, i: int) -> bool:
        """The name at token ``i`` is the subject of its sentence's main verb."""
        tok = self.doc[i]
        while tok.dep_ in ("compound", "flat") and tok.head.i != tok.i:
            tok = tok.head
        return tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "ROOT"

    def _latest_unquoted(self, found: list[Mention], before: int) -> Mention | None:
        """The latest of ``found`` before token ``before`` that is not inside a quotation: in
        "“... for Bill Clinton to go to the plane ...,” he said" the name is in what "he"
        says, not who he is. Falls back to the latest quoted one."""
        k = bisect_left(found, before, key=_position)
        for m in reversed(found[max(0, k - NAMED_BEFORE_LOOK) : k]):
            if not self._quoted(m.position):
                return m
        return found[k - 1] if k else None

    def _quoted(self, i: int) -> bool:
        if self._quotes is None:
            self._quotes = quote_spans(self.doc)
            self._quote_starts = [a for a, _ in self._quotes]
        char = self.doc[i].idx
        k = bisect_left(self._quote_starts, char + 1) - 1
        return k >= 0 and self._quotes[k][0] < char < self._quotes[k][1]

    def _sentences_apart(self, first: int, then: int) -> int:
        return sentence_of(self.doc, then) - sentence_of(self.doc, first)

    def _author(self, head: Token) -> Mention | None:
        for child in head.children:
            if child.dep_ == "poss":
                return self.resolve((child.left_edge.i, child.right_edge.i + 1))
        for child in head.children:
            if child.dep_ in ("prep", "agent") and child.lower_ in ("by", "from", "of"):
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None and pobj.lemma_.lower() not in DOCUMENT_HEADS | {"year", "day"}:
                    from claimledger.extract.tree import phrase

                    return self._resolve(phrase(pobj))
        names = [c for c in head.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        if names and head.tag_ == "NN":  # "a Bloomberg poll", "a new TASS report"
            first = min(t.left_edge.i for t in names)
            last = max(t.i for t in names)
            return self._named(self.doc[first : last + 1], self.doc[last])
        return None

    def _bare_definite(self, span: Span, head: Token) -> bool:
        det = [t for t in span if t.dep_ == "det"]
        propn = any(t.pos_ == "PROPN" for t in span)
        return (
            bool(det)
            and det[0].lower_ == "the"
            and not propn
            and len(span) <= 3
            and head.lemma_.lower() in DESCRIBABLE
        )

    @staticmethod
    def _definite(span: Span, head: Token) -> bool:
        det = [t for t in span if t.dep_ == "det" and t.head.i == head.i]
        return bool(det) and det[0].lower_ in ("the", "this", "that")

    @staticmethod
    def _poll_share(head: Token) -> bool:
        """A share of those polled: "28 percent of voters", "Twenty-four percent", "a
        majority of respondents"."""
        low = head.lower_
        if low in ("percent", "%", "per cent"):
            return True
        return low in ("majority", "plurality", "minority") and any(
            c.dep_ == "prep" and c.lower_ == "of" for c in head.children
        )

    def _document_before(
        self, before: int, heads: set[str] | frozenset[str], sentences: int | None = None
    ) -> Mention | None:
        """The author of the latest document of one of these kinds named before token
        ``before`` (within ``sentences`` sentences, when given)."""
        if heads & POLLS:
            heads = heads | POLLS  # "a Gallup survey ... the poll found"
        for position, lemma, author in reversed(self.documents):
            if position >= before or lemma not in heads:
                continue
            if sentences is not None and self._sentences_apart(position, before) > sentences:
                return None
            return author
        return None

    def _definite_role(self, span: Span, head: Token) -> bool:
        """A definite description of one named person, however long: "the general", "the
        director", "the two-term president", "the presumptive Republican nominee". Not one
        with its own referent ("the city's mayor", "the head of the agency", "the mayor of
        Kharkiv", "the general who led ...") and not an unnamed source ("the official")."""
        det = [t for t in span if t.dep_ == "det" and t.head.i == head.i]
        return (
            bool(det)
            and det[0].lower_ == "the"
            and head.pos_ == "NOUN"
            and head.tag_ == "NN"
            and head.lemma_.lower() in NAMED_ROLES
            and not any(c.dep_ in ("poss", "prep", "relcl", "acl", "appos") for c in head.children)
            and not any(t.ent_type_ in ("PERSON", "ORG") for t in span)
        )

    def _named_before(self, span: Span, before: int) -> Mention | None:
        """The named person a definite description ("the general replied") refers back to:
        the latest named speaker of the two sentences before, else the latest named person
        there, of a gender that agrees with the description ("the businesswoman"). Names in
        the phrase's own sentence are left out: they are in what the speaker says."""
        gender = gender_of("", _words(span.root), self.titled)
        keys = ["she"] if gender == "f" else ["he"] if gender == "m" else ["he", "she"]
        sentence = sentence_of(self.doc, before)
        role = span.root.lemma_.lower()
        for lists in (self.mentions.speakers, self.mentions.pronoun):
            found: list[Mention] = []
            for key in keys:
                k = bisect_left(lists[key], before, key=_position)
                for m in reversed(lists[key][max(0, k - NAMED_BEFORE_LOOK) : k]):
                    apart = sentence - sentence_of(self.doc, m.position)
                    if m.person and 1 <= apart <= 2 and not self._quoted(m.position):
                        if role in EPITHETS or self._has_role(m.name, role):
                            found.append(m)
                        break
            if found:
                return max(found, key=_position)
        return None

    def _has_role(self, name: str, role: str) -> bool:
        """Whether the article names ``name`` with the role anywhere ("Governor X", "X, the
        governor"): "the mayor said" is not the president named just before."""
        return any(m.name == name for m in self.mentions.by_word.get(role, ()))

    def _antecedent(self, head: Token, before: int) -> Mention | None:
        lemma = head.lemma_.lower()
        found = self.mentions.latest_before(self.mentions.by_word.get(lemma, []), before)
        if found is None and lemma in OUTLET_HEADS:  # "the publication" after "Politico reported"
            found = self.mentions.latest_before(self.mentions.outlets, before)
        if found is None and lemma in BODY_HEADS and self._bare(head):
            # "the agency said" after "the Border Guard" (not "the presidential office": a
            # description of its own)
            found = self._named_body_before(
                self._quote_opening(before), state_forces=lemma != "group"
            )
            # a body named inside what the sentence before reported is not who speaks again:
            # "X says its drones struck a Black Sea Fleet ship. '...,' the agency said": X
            found = self._named_in_statement(found, self._recent_speakers("it", before)) or found
        return found

    def _quote_opening(self, at: int) -> int:
        """Where the quotation right before a speaker at ``at`` opens ('"A. B," the company
        said': the body named before "A" is the one meant), else ``at``."""
        k = at - 1
        while k >= 0 and self.doc[k].text in (",", "."):
            k -= 1
        if k < 0 or self.doc[k].text not in ('"', "”", "''"):
            return at
        for j in range(k - 1, max(-1, k - QUOTE_LOOK), -1):
            if self.doc[j].text in ("“", '"', "``"):
                return j
        return at

    @staticmethod
    def _bare(head: Token) -> bool:
        return all(c.dep_ == "det" for c in head.children if c.i < head.i)

    def _named_body_before(self, before: int, state_forces: bool = True) -> Mention | None:
        """The latest named organisation (no person, no place) mentioned in this sentence or
        the one before: what "the agency", "the group" or "the outlet" refers back to; a
        state's forces ("the Israeli military") are no "group" (Hezbollah, named before)."""
        found = self.mentions.pronoun["it"]
        k = bisect_left(found, before, key=_position)
        for m in reversed(found[max(0, k - NAMED_BEFORE_LOOK) : k]):
            if self._sentences_apart(m.position, before) > 1:
                return None
            if not state_forces and STATE_FORCES.match(m.name):
                continue
            if (
                m.name[:1].isupper()
                and not _place_name(m.name)
                and not self._quoted(m.position)
                and not (" " not in m.name and _large_place(m.name))  # "Crimea", tagged ORG
            ):
                return m
        return None

    def _named(self, span: Span, head: Token) -> Mention:
        left = head.left_edge.i
        if left < span.start and any(t.text == "," for t in self.doc[left : span.start]):
            left = span.start  # "sailed toward the Bosporus, Ukraine's navy said", parsed as
            # one phrase: the speaker is the phrase after the comma
        full = self.doc[left : head.right_edge.i + 1]
        words = _words(head)
        person = self._person_in(full, head)
        if person and " " not in person:  # "Cherevatyi said" after "Serhii Cherevatyi, ..."
            # that the tagger did not call a person
            earlier = self._person_before(person, span.start)
            person = earlier.name if earlier is not None else person
        if person:
            return self._mention(span, person, words, person=True)
        if (body_name := self._body_in(full)) is not None:
            return self._mention(span, body_name, words, person=False)
        if head.lemma_.lower() in UNNAMED_SPOKES and len(span) <= 2 and not self._quoted(head.i):
            body = self._named_body_before(span.start)
            if body is not None:  # "The Border Guard denied it. ... a spokeswoman said": its
                return body
        principal = _principal_of(head)
        if principal is not None:  # "a spokesman for the Romanian Defence Ministry": the
            # ministry speaks (a named spokesperson is a person of its own, above)
            return self._named(self.doc[principal.left_edge.i : principal.i + 1], principal)
        org = self._org_in(full, head)
        named = self._person_before(org, span.start) if org else None
        if named is not None:  # "Cherevatyi said", tagged an organisation, after "Serhii
            # Cherevatyi, spokesperson for the Eastern Group of Forces, said": that person
            return Mention(**{**named.__dict__, "position": span.start, "person": True})
        if org:  # "Zelenskiy said", tagged an organisation: the registry knows him
            return self._mention(span, org, words, person=_registered_person(org))
        text = _strip_determiner(span.text)
        return self._mention(span, text, words, person=False)

    def _body(self, ent: Span) -> bool:
        """A PERSON entity that names a body the article describes as one."""
        if not self.bodies:  # most articles: no name read at all
            return False
        words = _clean_name(ent).lower().split()
        return bool(words) and (" ".join(words) in self.bodies or words[-1] in self.bodies)

    def _body_in(self, full: Span) -> str | None:
        """The name of a body tagged a person inside the phrase ("Belaruski Hajun reported")."""
        for ent in entities_in(self.doc, full.start, full.end):
            if ent.label_ == "PERSON" and self._body(ent):
                return self._fuller_org(_clean_name(ent))
        return None

    def _person_in(self, full: Span, head: Token) -> str | None:
        ents = [e for e in entities_in(self.doc, full.start, full.end)  # full.ents, no scan
                if not (e.label_ == "PERSON"
                        and (_side_word(e.text) or self._body(e)))]  # fmt: skip
        for ent in ents:  # "President of Ukraine Volodymyr Zelensky" tagged an organisation
            if ent.label_ == "ORG" and head.i in range(ent.start, ent.end):
                name = _clean_name(ent)  # without the place, when it is a title's
                if _title_place(list(ent), ent) and _given_and_surname(name.split()):
                    return self._full_name(name)
        for ent in ents:  # "Zelensky's chief of staff, Andriy Yermak": Yermak (who speaks for
            # Zelensky: ``principals.py``); "Zelensky's spokesman" with no name: Zelensky
            if ent.label_ == "PERSON" and ent.root.head.i == head.i and ent.root.dep_ == "appos":
                return self._full_name(_clean_name(ent))
        for ent in ents:
            if ent.label_ == "PERSON" and (
                ent.root.i == head.i
                or ent.root.head.i == head.i
                or head.i in range(ent.start, ent.end)
            ):
                if _someone_of(head, ent):
                    return None  # "a Zelensky aide", "a Clinton campaign official": not him
                if head.i == ent.end and head.pos_ == "PROPN" and head.text.istitle():
                    # "Col. Gen. Oleksandr Syrskyi" with the surname tagged a place: the name
                    # goes on to the head it modifies
                    return self._full_name(f"{_clean_name(ent)} {head.text}")
                return self._full_name(_clean_name(ent))
        for ent in ents:  # "the head of the regional administration Oleh Syniehubov": the
            # name closing the role's phrase, right after a noun (not "the wife of X")
            if (
                ent.label_ == "PERSON"
                and ent.end == full.end
                and ent.start > full.start
                and self.doc[ent.start - 1].pos_ in ("NOUN", "PROPN")
                and self.doc[ent.start - 1].ent_type_ != "PERSON"
            ):
                return self._full_name(_clean_name(ent))
            if (  # "Mayor of Kyiv Vitali Klitschko", the place and the name tagged one person
                ent.label_ == "PERSON"
                and head.lower_ in TITLE_WORDS
                and _title_place(list(ent), ent)
            ):
                return self._full_name(_clean_name(ent))
        for ent in ents:
            if ent.label_ == "PERSON" and ent.root.dep_ == "appos":
                return self._full_name(_clean_name(ent))
        if head.pos_ == "PROPN" and head.lower_ in self.full_names:
            return self._full_name(" ".join(t.text for t in _name_parts(head)))
        untagged = _untagged_name(self.doc[full.end - 1])
        if untagged is not None:  # "Head of the Kharkiv Regional Military Administration
            return self._full_name(untagged)  # Oleh Syniehubov", the name tagged nothing
        return _appositive_name(head)

    def _org_in(self, full: Span, head: Token) -> str | None:
        hyphened = _hyphened_name(head)
        if hyphened is not None:
            return hyphened  # "RBC-Ukraine", "Ukrainska Pravda-Kyiv": not the place in it
        for ent in entities_in(self.doc, full.start, full.end):
            if ent.label_ in ("ORG", "PERSON", "NORP", "GPE") and (
                head.i in range(ent.start, ent.end)
                or (ent.root.head.i == head.i and ent.root.dep_ == "appos")
            ):
                if ent.label_ in ("NORP", "GPE") and head.i not in range(ent.start, ent.end):
                    continue
                if ent.label_ == "NORP" and ent.end - ent.start == 1 and head.pos_ != "PROPN":
                    continue
                name = _strip_determiner(ent.text).removesuffix("’s").removesuffix("'s")
                if ent.label_ == "ORG":
                    return _with_owner_country(ent.root, self._fuller_org(name))
                return name
        if head.pos_ == "PROPN" and not head.text.islower():  # (not "Ukraine's foreign
            # ministry" with "ministry" tagged a proper noun: a common noun's phrase, below)
            parts = _name_parts(head)
            owner = _owner_phrase(head)
            if owner is not None:  # "the General Staff of the Ukrainian Armed Forces"
                return " ".join(self.doc[parts[0].i : owner.right_edge.i + 1].text.split())
            return " ".join(t.text for t in parts)
        if head.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "poss" for c in head.children):
            return _with_owner_country(head, None)  # "Russia's defence ministry", in lower case
        return None

    def _person_before(self, name: str, before: int) -> Mention | None:
        """The person mentioned before whose surname ``name`` (one capitalised word) is."""
        if " " in name or not name[:1].isupper():
            return None
        for m in reversed(self.mentions.by_word.get(name.lower(), [])):
            words = m.name.split()
            if (
                m.position < before
                and words[-1] == name != m.name
                and (
                    m.person
                    or _given_and_surname(words)  # "Serhii Cherevatyi" tagged a work of art
                )
            ):
                return m
        return None

    def _fuller_org(self, name: str) -> str:
        """The organisation the article names in full that a short name of one or two words
        ends: "the Times" after "The New York Times", "the Post" in a story naming "The
        Washington Post" (a registry would take "The Times" for the London paper), "Pravda"
        for "Ukrainska Pravda"; unless two organisations of the article end so."""
        fuller = self.org_tails.get(tuple(name.split()), set()) if name.count(" ") < 2 else set()
        return next(iter(fuller)) if len(fuller) == 1 else name

    def _full_name(self, name: str) -> str:
        """The article's fullest form of ``name``: a bare surname is the person of that surname
        the article names most (``_likeliest``); a name with a given name stays that person
        ("Hillary Clinton" is not "Bill Clinton"), lengthened only by a form holding all its
        words ("Hillary Rodham Clinton")."""
        words = name.split()
        if not words:
            return name
        last = words[-1].lower()
        if len(words) == 1:
            return self.full_names.get(last, name)
        return _fullest(name, self.namesakes.get(last, ()))

    def _mention(self, span: Span, name: str, words: frozenset[str], person: bool) -> Mention:
        head = span.root
        return Mention(
            position=span.start,
            name=name,
            kind=_kind_from(_words(head, CORE_CUT))
            or _kind_from(words)
            or ("person" if person else "outlet" if _registered_outlet(name) else "unspecified"),
            head_lemma=head.lemma_.lower(),
            words=words,
            person=person,
            plural=head.tag_ in ("NNS", "NNPS"),
        )

    def _remember_described(self, tok: Token) -> None:
        """A proper name introduced with a description ("the news agency Novaport").

        Remembered so that a later "the agency" refers back to it, whatever label the
        entity recogniser gave the name.
        """
        if (
            tok.lemma_.lower() not in DESCRIBABLE
            or tok.pos_ != "NOUN"
            or tok.i + 1 >= len(self.doc)
        ):
            return
        nxt = self.doc[tok.i + 1]
        if nxt.pos_ != "PROPN" or nxt.ent_type_ in ("PERSON", "DATE", "TIME"):
            return
        run = [nxt]
        while run[-1].i + 1 < len(self.doc) and self.doc[run[-1].i + 1].pos_ == "PROPN":
            run.append(self.doc[run[-1].i + 1])
        name = " ".join(t.text for t in run).removesuffix(" ’s").removesuffix(" 's")
        words = _words(tok) | frozenset(t.lower_ for t in run)
        kind = _kind_from(words) or "organization"
        self.described[tok.i] = Mention(tok.i, name, kind, tok.lemma_.lower(), words, False, False)
        self._add(self.described[tok.i])

    def _person_as_org(self, ent: Span) -> bool:
        """An organisation by the tagger's label whose name is a person's of the article:
        "asking Trump" tagged ORG where "Donald Trump" is a PERSON elsewhere."""
        if ent.label_ != "ORG" or not (name := _clean_name(ent)):
            return False
        words = name.split()
        return (
            (
                len(words) <= 3
                and words[-1].lower() in self.namesakes
                and (name in self.namesakes[words[-1].lower()] or name == words[-1])
            )
            or _registered_person(name)
            or _given_and_surname(words)
        )

    def _remember_poll(self, tok: Token) -> None:
        """A poll named with its author ("a Gallup poll", "a poll by Gallup", "Gallup's
        survey"), remembered so that "the poll found" and "28 percent said" refer back to it."""
        names = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        span: Span | None = None
        if names:
            span = self.doc[min(c.left_edge.i for c in names) : tok.i]
        elif owner is not None:
            span = self.doc[owner.left_edge.i : owner.i + 1]
        else:
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
                    pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                    if pobj is not None:
                        span = self.doc[pobj.left_edge.i : pobj.right_edge.i + 1]
                    break
        if span and span.root.pos_ == "PROPN":
            self.documents.append((tok.i, tok.lemma_.lower(), self._named(span, span.root)))

    def _place_as_person(self, ent: Span) -> bool:
        """A one-word PERSON entity that is a country, a region or a large city of the
        gazetteer ("Odesa's port", "Washington's stance"), of a name no person the article
        names in full bears and with no title before it ("Defence Secretary Austin")."""
        if len(ent) != 1 or not ent.text[:1].isupper():
            return False
        if ent.start > 0 and self.doc[ent.start - 1].lower_.strip(".") in TITLE_WORDS:
            return False
        if self._people is None:
            self._people = {
                t.lower_ for e in entities(self.doc) if e.label_ == "PERSON" and len(e) > 1
                for t in e
            }  # fmt: skip
        word = ent.text.removesuffix("’s").removesuffix("'s")
        return word.lower() not in self._people and _large_place(word)

    def _remember_entity(self, ent: Span) -> None:
        head = ent.root
        if _platform(ent):
            return  # "said on Telegram. ..., it added": the ministry, not where it posted
        if head.dep_ != "ROOT":  # its phrase without its clauses: "TASS, also citing the
            # ministry, said": "the ministry" is not TASS
            words = _words(head)
        else:
            words = frozenset(t.lower_ for t in ent) | frozenset(t.lemma_.lower() for t in ent)
        if ent.label_ == "PERSON" and self._place_as_person(ent):
            return  # "Odesa's port" tagged a person: no one "her" can refer to
        if (ent.label_ == "PERSON" and not self._body(ent)) or self._person_as_org(ent):
            if head.dep_ == "compound" and head.head.pos_ == "NOUN":
                return  # "the Obama administration", "the Putin regime": nobody "she" can be
            name = self._full_name(_clean_name(ent))
            person = True
        else:
            name = self._fuller_org(_org_name(ent))
            name = _with_owner_country(head, name) or name  # "Russia's Defence Ministry"
            person = False
        if name:
            self._add(self._mention(ent, name, words, person))


BODY_NOUNS = frozenset(
    "project company group channel agency network organisation organization website firm "
    "monitor outlet portal newspaper broadcaster institute foundation charity association "
    "initiative movement union".split()
)  # what a name right after them names: a body ("the monitoring project Belaruski Hajun")


def _described_as_body(ent: Span) -> bool:
    """A name right after a noun for a body that it modifies or stands beside: "the
    monitoring project Belaruski Hajun". Not a person's name ("the organization Bill Clinton
    used to ...", parsed the same way): a registered person, or a name opening with a given
    name."""
    if ent.start == 0:
        return False
    before = ent.doc[ent.start - 1]
    if not (
        before.pos_ == "NOUN"
        and before.lemma_.lower() in BODY_NOUNS
        and (before.head.i == ent.root.i or ent.root.head.i == before.i)
    ):
        return False
    name = _clean_name(ent)
    return (
        bool(name)
        and name.split()[0].lower() not in given_names()
        and not (_registered_person(name))
    )


PLATFORMS = frozenset(
    "telegram facebook twitter x instagram youtube tiktok vkontakte vk whatsapp viber "
    "truth social threads linkedin".split()
)


def _one_name(a: str | None, b: str | None) -> bool:
    """Two names of one mention as the article writes them ("TASS", "TASS news agency")."""
    if not a or not b:
        return False
    a, b = a.lower(), b.lower()
    return a == b or a in b or b in a


def _given_and_surname(words: list[str]) -> bool:
    """ "Natalia Humeniuk" tagged ORG: a given name of the name list that tells a gender, then
    one or two capitalised words none of which is an organisation's ("Ministry", "Forces")."""
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w[1:].islower() for w in words):
        return False
    if given_names().get(words[0].lower()) not in ("f", "m"):
        return False
    return kind_of_words(frozenset(w.lower() for w in words)) is None


def _large_place(word: str) -> bool:
    from claimledger.extract.actors import _gazetteer
    from claimledger.link.resolve import PERSON_PLACE_POPULATION

    gazetteer = _gazetteer()
    if gazetteer is None:
        return False
    return any(  # by any of its names ("Zaporizhzhia" is the city "Zaporizhzhya")
        c.feature in ("country", "region") or c.population >= PERSON_PLACE_POPULATION
        for c in gazetteer.lookup(word)
    )


QUOTE_LOOK = 200  # tokens back to the opening of a quotation a speaker closes

# a word before a one-word name that makes it a person's ("Defence Secretary Austin")
TITLE_WORDS = NAMED_ROLES | frozenset(
    "mr mrs ms dr sir sen rep gen king queen prince judge spokesman spokeswoman".split()
)


def _platform(ent: Span) -> bool:
    """A social network a statement was posted on ("wrote on Telegram", "via X")."""
    head = ent.root
    return (
        (ent.text.lower() in PLATFORMS or head.lower_ in PLATFORMS)
        and head.dep_ == "pobj"
        and head.head.lower_ in ("on", "via", "in")
    )


def _side_word(name: str) -> bool:
    """A demonym of the registry's vocabulary ("Moldovan"), which the tagger may take for a
    person's name: "the Moldovan authorities" are no person called Moldovan."""
    return _listed(name, registry_hooks().registry.vocabulary.sides)


def _place_name(name: str) -> bool:
    """A country or capital standing for its state ("Moscow", "Kyiv"): no organisation that
    "the agency" or "the group" refers back to."""
    return _listed(name, registry_hooks().registry.vocabulary.metonyms)


def _listed(name: str, words: Mapping[str, str]) -> bool:
    """``name`` is one of the vocabulary's ``words``, in any case."""
    return name in words or name.lower() in _lowered(words)


_LOWERED: dict[int, tuple[Mapping[str, str], frozenset[str]]] = {}  # id -> (words, lower-cased)


def _lowered(words: Mapping[str, str]) -> frozenset[str]:
    """The words of one vocabulary map lower-cased, made once per map (it is asked per mention;
    a user registry that changes is a new map)."""
    kept = _LOWERED.get(id(words))
    if kept is None or kept[0] is not words:
        if len(_LOWERED) > 8:
            _LOWERED.clear()
        kept = _LOWERED[id(words)] = (words, frozenset(w.lower() for w in words))
    return kept[1]


def _registered_outlet(name: str) -> bool:
    """A name the registry gives a news outlet ("Ukrainska Pravda")."""
    return registry_hooks().outlet_id(name) is not None


def _registered_person(name: str) -> bool:
    """A name the actor registry gives a person ("Zelenskiy": Volodymyr Zelensky)."""
    found = registry_hooks().entry(name)
    return isinstance(found, ActorEntry) and found.kind == "person"


def _words(head: Token, cut_deps: tuple[str, ...] = ("acl", "relcl")) -> frozenset[str]:
    """Forms and lemmas of a phrase, without its clauses ("the governor, quoted by TASS").

    With ``CORE_CUT`` also without its prepositional phrases, so that "the Institute for the
    Study of War" is told by "institute", not "study".
    """
    cut = {t.i for c in head.children if c.dep_ in cut_deps for t in c.subtree}
    toks = [t for t in head.subtree if t.i not in cut]
    return frozenset(t.lower_ for t in toks) | frozenset(t.lemma_.lower() for t in toks)


def kind_of_words(words: frozenset[str]) -> SourceKind | None:
    return _kind_from(words)


def _kind_from(words: frozenset[str]) -> SourceKind | None:
    table = lexicon().kind_words
    for kind in KIND_ORDER:
        if not words.isdisjoint(table.get(kind, frozenset())):
            return kind
    return None


LEADING_NOISE = frozenset({"a", "an", "said", "says"})  # "a Donald Trump", "Said Comey"


def _name_parts(head: Token) -> list[Token]:
    """A proper noun with the proper nouns compounded to it, in text order ("Marta
    Lindqvist" from its head "Lindqvist")."""
    parts, todo = [], [head]  # the compound chain only, not names inside a phrase hung on it
    while todo:  # ("the General Staff of the Ukrainian Armed Forces": not "Ukrainian Armed")
        tok = todo.pop()
        parts.append(tok)
        todo.extend(c for c in tok.children if c.dep_ in ("compound", "flat"))
    return sorted((t for t in parts if t.pos_ == "PROPN"), key=lambda t: t.i)


def _likeliest(names: Counter[str]) -> str:
    """Of the names an article gives one surname (with how often, in order of first mention),
    the person a bare surname most likely means: the full name (two words or more) mentioned
    most, a longer form counting for each shorter one it contains; a tie goes to the first
    introduced."""
    full = [n for n in names if len(n.split()) > 1]
    if not full:
        return max(names, key=lambda n: len(n.split()))

    counts: Counter[str] = Counter()
    for n in full:
        counts[_fullest(n, full)] += names[n]
    best = max(counts.values())
    return next(_fullest(n, full) for n in full if counts[_fullest(n, full)] == best)


def _fullest(name: str, forms: Iterable[str]) -> str:
    """The longest of ``forms`` holding every word of ``name`` (case aside), else ``name``."""
    mine = set(name.lower().split())
    holding = [f for f in forms if mine <= set(f.lower().split())]
    return max(holding, key=lambda f: len(f.split()), default=name)


NAME_PARTICLES = frozenset({"de", "da", "di", "du", "del", "der", "van", "von", "bin", "ibn", "al"})


def _clean_name(ent: Span) -> str:
    toks = [t for t in ent if (not t.is_punct or _inner_hyphen(t))
            and t.lower_ not in ("mr", "mrs", "ms", "dr", "the")]  # fmt: skip
    doc = ent.doc
    if toks and toks[-1].lower_ in NAME_PARTICLES and ent.end < len(doc) and doc[ent.end].is_title:
        toks.append(doc[ent.end])  # "Ursula von der" + "Leyen": the model cut at the particle
    while len(toks) > 1 and (toks[0].lower_ in LEADING_NOISE or _not_a_name_word(toks[0], toks[1])):
        toks = toks[1:]  # a determiner, a cue, a dateline or an adverb taken into the name
    if _title_place(toks, ent):
        toks = toks[1:]  # "President of Ukraine Volodymyr Zelensky": Ukraine is his office's
    parts: list[str] = []
    joined = False
    for t in toks:
        if not t.text.strip():
            continue
        if t.text == "-":
            joined = bool(parts)
            continue
        if joined:
            parts[-1] += "-" + t.text
        else:
            parts.append(t.text)
        joined = False
    text = " ".join(parts)
    return text.removesuffix(" ’s").removesuffix(" 's").strip()


def _untagged_name(head: Token) -> str | None:
    """A given name and a surname closing a speaker's phrase that the tagger left out of any
    entity, or took into the organisation's before it ("... Military Administration Oleh
    Syniehubov"): the capitalised words ending at the head, a known given name first."""
    if head.pos_ != "PROPN" or head.ent_type_ in ("GPE", "LOC", "FAC", "NORP"):
        return None
    words = [head]
    k = head.i - 1
    while k >= 0 and len(words) < 3:
        tok = head.doc[k]
        if tok.pos_ != "PROPN" or not tok.is_title or tok.ent_type_ in ("GPE", "LOC"):
            break
        if tok.ent_type_ == "ORG" and head.ent_type_ != "ORG":
            break
        words.insert(0, tok)
        k -= 1
    names = [t.text for t in words]
    for n in (3, 2):  # "Anna Maria Nowak" whole; "Oleh Syniehubov" after "Administration"
        if len(names) < n:
            continue
        before = head.doc[words[-n].i - 1] if words[-n].i > 0 else None
        if before is None or before.pos_ not in ("NOUN", "PROPN"):
            continue  # "for David Petraeus", "Trump and Bernie Sanders": not the speaker
        if _given_and_surname(names[-n:]):
            return " ".join(names[-n:])
    return None


def _title_place(toks: list[Token], ent: Span) -> bool:
    """The place of a title taken into the name after it: "President of Ukraine Volodymyr
    Zelensky", "Mayor of Kyiv Vitali Klitschko" tagged as one name. The first word follows
    "of", is a country, a region or a large city, and two or more capitalised words follow."""
    doc = ent.doc
    if len(toks) < 3 or toks[0].i != ent.start or ent.start == 0:
        return False
    if doc[ent.start - 1].lower_ != "of" or not all(t.is_title for t in toks[1:]):
        return False
    return _large_place(toks[0].text)


# Unnamed people around a named person, who are not that person: "a Zelensky aide said",
# "a Clinton campaign official", "Trump's advisers" (a spokesperson, ``SPOKES``, speaks for
# the principal; these speak for themselves, as the article describes them)
ENTOURAGE = frozenset(
    """aide adviser advisor official source ally associate confidant insider staffer
    strategist supporter backer loyalist critic friend relative operative""".split()
)


def _someone_of(head: Token, ent: Span) -> bool:
    """Whether ``head`` ("aide") names someone of the person ``ent`` modifies it with
    ("a Zelensky aide", "Putin's ally", "a Clinton campaign official")."""
    if head.lemma_.lower() not in ENTOURAGE or head.pos_ != "NOUN":
        return False
    return head.i not in range(ent.start, ent.end) and ent.root.dep_ in ("compound", "poss")


UNNAMED_SPOKES = frozenset({"spokesman", "spokeswoman", "spokesperson"})
MEMBER_NOUNS = frozenset(
    "staff team inspector investigator monitor expert official observer personnel "
    "representative employee researcher analyst".split()
)  # a body's own people: "its staff" (``_own_people``)
SPOKES = frozenset({"spokesman", "spokeswoman", "spokesperson", "representative", "service",
                    "office", "secretary"})  # fmt: skip
PRESS = frozenset({"press", "media"})  # "press service", "press office", "press secretary"


def _principal_of(head: Token) -> Token | None:
    """Whom an unnamed spokesperson speaks for: "a spokesman for the ministry", "the press
    service of the Kremlin" (the named body or person of the "for"/"of" phrase)."""
    lemma = head.lemma_.lower()
    if lemma not in SPOKES or head.pos_ != "NOUN":
        return None
    if lemma in ("service", "office", "secretary") and not any(
        c.dep_ in ("compound", "amod") and c.lower_ in PRESS for c in head.children
    ):
        return None  # "the security service", "the foreign secretary" are bodies and people
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("for", "of") and prep.i > head.i:
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and (
                obj.ent_type_ in ("ORG", "PERSON", "GPE") or obj.pos_ == "PROPN"
            ):
                return obj
    return None


def _with_owner_country(head: Token, name: str | None) -> str | None:
    """An organisation's name with the country it belongs to when a possessive gives it:
    "Russia's Defence Ministry", not the "Defence Ministry" Ukraine has too; a country the
    tagger took for an organisation ("Moldova's Bureau for Reintegration") too."""
    poss = next((c for c in head.children if c.dep_ == "poss"), None)
    if poss is None or poss.i > head.i:
        return name
    if poss.ent_type_ not in ("GPE", "NORP") and not _place_name(poss.text):
        return name
    end = head.i
    for prep in head.children:  # "Russia's Ministry of Defence": the name goes on after "of"
        if prep.dep_ == "prep" and prep.lower_ in ("of", "for") and prep.i == head.i + 1:
            words = list(prep.subtree)[1:]
            if words and all(w.text[:1].isupper() or w.lower_ in ("and", "the") for w in words):
                end = prep.right_edge.i
    return " ".join(head.doc[poss.left_edge.i : end + 1].text.split())


def _owner_phrase(head: Token) -> Token | None:
    """The "of" phrase naming the country or body a body belongs to ("of the Ukrainian Armed
    Forces")."""
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i > head.i:
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and any(t.ent_type_ in ("GPE", "NORP", "ORG") for t in obj.subtree):
                return obj
    return None


def _hyphened_name(head: Token) -> str | None:
    """A proper name joined by a hyphen to the proper noun before it, as one name ("RBC-Ukraine",
    parsed as "RBC" compounded to the place "Ukraine")."""
    doc = head.doc
    if head.pos_ != "PROPN" or head.i < 2 or not _inner_hyphen(doc[head.i - 1]):
        return None
    first = doc[head.i - 2]
    if first.pos_ != "PROPN" or first.head.i != head.i:
        return None
    return doc[first.i : head.i + 1].text


def _inner_hyphen(tok: Token) -> bool:
    """The hyphen of a double name ("Stanley-Becker", "Hans-Peter"): kept in the name."""
    doc = tok.doc
    return (
        tok.text == "-"
        and not tok.whitespace_
        and 0 < tok.i < len(doc) - 1
        and not doc[tok.i - 1].whitespace_
        and doc[tok.i - 1].is_alpha
        and doc[tok.i + 1].is_alpha
    )


def _not_a_name_word(tok: Token, nxt: Token) -> bool:
    """A word the tagger took into a person's name before the name itself: a dateline in
    capitals ("CLEVELAND Donald Trump"), an adverb or a verb form ("Certainly Donald Trump",
    "Entrusting Donald Trump")."""
    if tok.lower_ in NAME_PARTICLES or not nxt.is_title:
        return False
    dateline = tok.is_upper and len(tok.text) > 2 and not nxt.is_upper
    return dateline or tok.pos_ in ("ADV", "VERB", "AUX", "SCONJ", "CCONJ", "ADP", "PART")


def _org_name(ent: Span) -> str:
    return _strip_determiner(ent.text).removesuffix("’s").removesuffix("'s")


def _strip_determiner(text: str) -> str:
    text = " ".join(text.split())  # no line breaks or blanked furniture inside a name
    for pre in PRE_DETERMINERS:  # "both the governor and the army": not a source "both the"
        if text.lower().startswith(pre):
            text = text[len(pre) :]
            break
    low = text.lower()
    for det in DETERMINERS:
        if low.startswith(det):
            return text[len(det) :]
    return text


def _appositive_name(head: Token) -> str | None:
    """ "the head of the agency, Kyrylo Budanov, said": a two- or three-word proper name in
    apposition to a role is the person, even when the tagger has not marked it."""
    for child in head.children:
        if child.dep_ != "appos" or child.pos_ != "PROPN" or child.ent_type_ not in ("", "PERSON"):
            continue
        parts = [t for t in child.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [child]
        if 2 <= len(parts) <= 3 and all(t.is_title for t in parts):
            return " ".join(t.text for t in parts)
    return None
