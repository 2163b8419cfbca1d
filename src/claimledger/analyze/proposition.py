"""What a claim asserts, as far as matching claims across articles needs it: who asserts it, with
what words (and which of them are quoted), whether it is negated, which figures it states.

Two claims are one proposition when they say the same thing of the same event or state. Wording
alone does not decide it: on real reporting, different speakers say near-identical things ("I'm
not ready to support him" from two politicians about two different people) and one speaker says
the same thing in five ways. So the evidence needed depends on who speaks:

- ``same`` source (one person or body, however its name is spelled: "Hillary Rodham Clinton" and
  "Mrs. Clinton", "Lavrov" and "Ławrow", a misspelt surname, a registered alias): the wording
  must overlap moderately (``same_source`` of the ``[clusters]`` settings); a rare word both
  quote counts extra;
- ``unknown`` (one side has no named source: an unresolved "he said", "officials"): the wording
  must overlap more (``unknown_source``);
- ``different`` named sources: only a close restatement is the same proposition (then they
  corroborate each other; ``other_source``).

A claim and its negation ("has decided" / "has not decided") are never one proposition, whoever
says them: one of them is the other's denial, which the assessment links without merging.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from claimledger.analyze.terms import term_words, terms
from claimledger.lexicon import given_names
from claimledger.settings import ClusterSettings
from claimledger.store.records import ClaimRecord

NEGATION_SCOPE = 4  # words after a negator that it governs

# words that are part of a name but do not tell one person from another
TITLES = frozenset(
    """mr mrs ms miss dr sir lord lady sen senator rep representative gov governor president
    vice prime minister secretary speaker general gen col colonel lt lieutenant maj major
    capt captain sgt adm admiral chancellor king queen prince mayor judge justice chief
    director spokesman spokeswoman spokesperson former acting deputy leader chairman
    brigadier brig marshal commodore corporal cpl private pvt sheikh lieutenant-colonel
    lieutenant-general major-general colonel-general
    the a an said says told""".split()
)
PARTICLES = frozenset("de da du del der van von bin ibn al la le of and for on in".split())
PRONOUNS = frozenset("i me he she him her we us they them it you one".split())
# one capitalised common noun names no one ("Police said ...", "Exit" of "Exit polls show"):
# an origin of its own in a cluster, never a graded source
COMMON_SOURCES = frozenset(
    "police authorities officials witnesses residents exit sources experts analysts observers"
    " critics protesters media reports polls survey rescuers doctors investigators"
    " group ministry government army military committee council agency movement coalition"
    " militia rebels statement".split()
)
NEGATOR = re.compile(
    r"\b(?:not|never|neither|nor|nobody|nothing|no\b(?!,)|cannot)\b|n[’']t\b", re.I
)
QUOTED = re.compile(
    r"[\"“”]([^\"“”]{2,}?)[\"“”]|''(.{2,}?)''|‘([^‘’]{2,}?)’(?!\w)"
    r"|“([^“”]{2,})$"  # a quotation the content cuts before its closing mark
)
CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")
SHARE = re.compile(
    r"(?i)\s*(?:only|nearly|almost|about|roughly|some|just|more than|less than|fewer than)?\s*"
    r"(?:\d[\d,.]*\s*(?:percent|per cent|%)|(?:one|two|three)[- ](?:thirds?|quarters?|fifths?)|"
    r"half|a third|a quarter|a majority|majorit(?:y|ies)|a minority|most)\b"
)  # "24 percent", "nearly two-thirds of Democratic primary voters", "Half of Vermont Democrats"
NAME_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
SourceKey = tuple[str | None, str]  # (initials of the given names or None, surname or body)
Canonical = Callable[[str], str | None]


def _fold(word: str) -> str:
    """A spelling-insensitive form of a name word: diacritics off, Polish and Ukrainian
    transliteration variants folded ("Ławrow" / "Lavrov", "Zelenskyy" / "Zelensky", "Kiev" /
    "Kyiv")."""
    word = word.lower().replace("ł", "l").replace("’", "'").removesuffix("'s").strip(".'-")
    word = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    word = word.replace("w", "v").replace("kh", "h").replace("yy", "y").replace("iy", "y")
    word = re.sub(r"(sk|ck|tsk|zk)(i|yi|ij|y|ii)$", r"\1y", word)
    return word.replace("kyiv", "kiev").replace("kyev", "kiev")


fold_name = _fold  # for the ledger's keys of people it learned affiliations of


@lru_cache(maxsize=20_000)
def source_key(origin: str | None, kind: str = "person") -> SourceKey | None:
    """Who a claim's origin is, as (first name, surname) for a person or (None, body name) for
    an organisation; None when no one is named (a pronoun, a bare common noun: "officials")."""
    if not origin or "\n" in origin or CLOCK.search(origin) or SHARE.match(origin):
        return None  # page furniture ("5:15 p.m."), a share of a poll's respondents
    words = [w for w in NAME_WORD.findall(origin) if w.lower().strip(".") not in TITLES]
    named = [w for w in words if w[:1].isupper()]
    if not named or all(_pronoun(w) for w in named):
        return None
    if len(named) >= 2 and all(w.isupper() for w in named):
        return None  # a capitalised headline or page furniture ("LIVE UPDATES"), not a source
    parts = [_fold(w) for w in named if not _pronoun(w)]
    if not parts:
        return None
    body = _body_key(words) if kind != "outlet" else None  # outlets: the outlet registry
    if body is not None:
        return (None, body)
    if any(w.lower() == "of" for w in words[1:]):  # not "[the mayor] of Dnipro"
        # "Supporters of Republican Donald Trump": people of or around someone, not that person
        return (None, " ".join(_fold(w) for w in words if not _pronoun(w)))
    if any(not w[:1].isupper() and w.lower() not in PARTICLES for w in words):
        # a description, not a name: "Trump campaign", "several candidates, including Trump"
        return (None, " ".join(_fold(w) for w in words if not _pronoun(w)))
    if kind == "person" and len(parts) == 1 and parts[0] in given_names():
        return None  # "Bob", "Olena": a first name names no one across articles
    if kind == "person" and len(parts) > MAX_NAME_PARTS:
        return None  # "Mayor Klitschko Slams Oleh Bondar": a headline, not a person's name
    initials = "".join(p[0] for p in parts[:-1])  # of the given names and qualifiers
    return (initials or None, parts[-1])


def _pronoun(word: str) -> bool:
    """A pronoun, not "US" (the country: "the US military")."""
    return word.lower() in PRONOUNS and word != "US"


STATE_KEY = re.compile(r"@[A-Z]{2}")  # a state, as ``Canonical`` may name one ("@RU")
MAX_NAME_PARTS = 4  # given names and surnames of a person ("Andrés Manuel López Obrador")
BODY_FILLER = frozenset({"of", "the", "for", "and", "on", "in", "affairs"})  # "Foreign Ministry"
BODY_SPELLING = {
    "defense": "defence",
    "mod": "ministry defence",
    "forces": "force",
    # a state's military by any of its names: "the Latvian military", "Latvia's army", "the
    # Latvian Armed Forces" (``_body_key``) are one body
    "military": "army",
    # a body by its members: "Polish border guards" are the Border Guard, "regional
    # prosecutors" the regional prosecutor's office
    "guards": "guard",
    "prosecutors": "prosecutor office",
}


def _body_key(words: list[str]) -> str | None:
    """An organisation's name as the set of its words, a country's demonym or name as the
    country (``@RU``): "Russian Defence Ministry", "Russia's Ministry of Defence" and "Ministry
    of Defense of Russia" are one body, and "Ukrainian Defence Ministry" another. Keyed as a
    person's name (initials and a last word) the Russian and the Ukrainian ministries were one
    source. None when no word of the name is an organisation word (the registry's
    ``organization_words``: Ministry, Staff, Force, Service...)."""
    org_words, _, _ = _vocabulary()
    if len(words) < 2 or not any(w.lower() in org_words for w in words):
        return None
    out = _body_parts(words)
    return " ".join(sorted(out)) if len(out) >= 2 else None


def _body_parts(words: list[str]) -> set[str]:
    """A body name's words as ``_body_key`` spells them: folded, past the fillers, a state as
    ``@RU``, "MoD" as "ministry defence", the armed forces as the army."""
    _, countries, _ = _vocabulary()
    out: set[str] = set()
    for word in words:
        folded = _fold(word)
        if folded in BODY_FILLER:
            continue
        if folded in countries:
            out.add("@" + countries[folded])
            continue
        out.update(BODY_SPELLING.get(folded, folded).split())
    if {"armed", "force"} <= out:
        out = (out - {"armed", "force"}) | {"army"}
    return out


def body_words(name: str) -> frozenset[str]:
    """A body name's words without its state (``_body_parts``): "Foreign Ministry" and
    "Ministry of Foreign Affairs of Russia" share theirs."""
    return frozenset(p for p in _body_parts(NAME_WORD.findall(name)) if not p.startswith("@"))


_VOCABULARY: list[tuple[object, frozenset[str], dict[str, str], re.Pattern[str]]] = []  # the last


def _vocabulary() -> tuple[frozenset[str], dict[str, str], re.Pattern[str]]:
    """The registry's organisation words (lower-cased, with the spellings of ``BODY_SPELLING``),
    its demonyms and metonyms (folded) -> country, and the pattern that finds those in a text
    (``registry.conflicts.side_pattern``), made again only when the registry is another one (the
    user's file changed)."""
    from claimledger.registry import load_registry  # the vocabulary the registry ships
    from claimledger.registry.conflicts import side_pattern

    vocabulary = load_registry().vocabulary
    if not _VOCABULARY or _VOCABULARY[0][0] is not vocabulary:
        org_words = (
            frozenset(w.lower() for w in vocabulary.organization_words) | BODY_SPELLING.keys()
        )
        places = (*vocabulary.sides.items(), *vocabulary.metonyms.items())
        pattern = side_pattern(tuple(k for k, _ in places))
        _VOCABULARY[:] = [(vocabulary, org_words, {_fold(k): v for k, v in places}, pattern)]
    _, org_words, countries, pattern = _VOCABULARY[0]
    return org_words, countries, pattern


def names_a_body(name: str) -> bool:
    """A word of the name is an organisation word of the registry's vocabulary ("Ministry",
    "Guard", "Organization")."""
    org_words, _, _ = _vocabulary()
    return any(w.lower() in org_words for w in NAME_WORD.findall(name))


PLACE_BEFORE = frozenset("in over near across around inside throughout into of from".split())


def sides_named(text: str) -> tuple[str, ...]:
    """The states a text names as parties, by a demonym or a country or capital of the
    registry's vocabulary: the one after "by" first (the agent of a passive), then in the
    order the text names them ("Azerbaijani forces fired at Armenian positions": AZ, AM); a
    name after a locative is where, not who ("drones launched by Russia over Kyiv": RU)."""
    return tuple(dict.fromkeys(country for country, _ in _parties(text)))


# who a side's name is followed by before what it does ("Azerbaijani armed forces opened fire")
PARTICIPANTS = frozenset(
    terms("armed forces troops units soldiers military army navy fleet side people civilians")
)


def side_acts(text: str) -> str | None:
    """The first content term after the first side ``sides_named`` gives, past the words for
    its people ("Armenian forces opened fire first": open): what that side is said to do;
    None in the passive (``_act``)."""
    parties = _parties(text)
    return parties[0][1] if parties else None


PASSIVE = frozenset("is are was were be been being".split())


def _act(rest: str) -> str | None:
    """The first content term of ``rest`` past the words for a side's people, or None when a
    form of "be" comes first: "Russian servicemen were returned" says what was done to them,
    not what they did."""
    for word, term in ((w, terms(w)) for w in rest.split()):
        if word.lower() in PASSIVE:
            return None
        if term and term[0] not in PARTICIPANTS:
            return term[0]
    return None


@lru_cache(maxsize=20_000)
def _parties(text: str) -> tuple[tuple[str, str | None], ...]:
    _, countries, pattern = _vocabulary()
    agents: list[tuple[str, str | None]] = []
    named: list[tuple[str, str | None]] = []
    for m in pattern.finditer(text):
        before = text[: m.start()].split()[-1:]
        word = before[0].lower() if before else ""
        if word in PLACE_BEFORE:
            continue
        country = countries.get(_fold(m.group(0)))
        if country is not None:
            act = _act(pattern.sub(" ", text[m.end() :]))
            (agents if word == "by" else named).append((country, act))
    return tuple(agents + named)


def _same_body(a: str, b: str) -> bool:
    """Two body keys of one organisation: the same words, or the words of one inside the
    other's ("Ukraine's General Staff", "General Staff of the Armed Forces of Ukraine"), and
    never two countries."""
    wa, wb = set(a.split()), set(b.split())
    if wa == wb:
        return True
    ca, cb = {w for w in wa if w[0] == "@"}, {w for w in wb if w[0] == "@"}
    if ca and cb and ca != cb:
        return False
    small, big = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    named = small - {w for w in small if w[0] == "@"}  # the words that are not the country
    return small <= big and (len(named) >= 2 or bool(named and ca and ca == cb))


def names_someone(origin: str | None, kind: str = "person") -> bool:
    """A proper name ("Hillary Clinton", "Reuters", "the Russian Defence Ministry"), not a
    description ("Democratic front-runner", "Republican primary voters", "Trump campaign") that
    may be a source named elsewhere: only proper names are independent lines of reporting."""
    key = source_key(origin, kind)
    if key is None:
        return False
    words = [w for w in NAME_WORD.findall(origin or "") if w.lower().strip(".") not in TITLES]
    if len(words) == 1 and words[0].lower() in COMMON_SOURCES:
        return False  # "Police", "Critics": a common noun at the start of a sentence
    return all(w[:1].isupper() or w.lower() in PARTICLES | PRONOUNS for w in words)


def _close(a: str, b: str) -> bool:
    """The same name word, allowing one slip in a long word ("Giulini", "Rence")."""
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1 or a[-2:] != b[-2:]:
        return False  # a changed ending is another word ("Politico", "Politics")
    return _edits_at_most_one(a, b)


def _edits_at_most_one(a: str, b: str) -> bool:
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :]
    return a[i:] == b[i + 1 :]


def same_source(a: SourceKey, b: SourceKey) -> bool:
    """One person or body: the same surname (or body name) and no conflicting first names
    ("Bill Clinton" is not "Hillary Clinton"; "Clinton" may be either)."""
    (fa, la), (fb, lb) = a, b
    if fa is None and fb is None and (" " in la or " " in lb):
        return _same_body(la, lb)
    if not _close(la, lb):
        return False
    return _initials_agree(fa, fb)


def _initials_agree(fa: str | None, fb: str | None) -> bool:
    """Given names that may be one person's: an initial in common ("Hillary Clinton", "Hillary
    Rodham Clinton"; "Sergey", "Siergiej"; "House Speaker Paul Ryan", "Paul D. Ryan"); not
    "Bill" and "Hillary"."""
    return not (fa and fb) or bool(set(fa) & set(fb))


@dataclass(frozen=True)
class Proposition:
    source: SourceKey | None
    terms: tuple[str, ...]
    quoted: frozenset[str]
    negated: frozenset[str]  # the terms a negation governs


def claim_kind(claim: ClaimRecord) -> str:
    return claim.chain[-1][1] if claim.chain else claim.speaker_kind


def proposition(claim: ClaimRecord, canonical: Canonical | None = None) -> Proposition:
    origin = claim.origin
    if origin and canonical is not None:
        origin = canonical(origin) or origin
    state = STATE_KEY.fullmatch(origin or "")
    return Proposition(
        (None, state.group()) if state else source_key(origin, claim_kind(claim)),
        tuple(terms(claim.content)),
        quoted_terms(claim.content),
        negated(claim.content),
    )


def quoted_terms(text: str) -> frozenset[str]:
    """The terms inside quotation marks."""
    out: set[str] = set()
    for m in QUOTED.finditer(text):
        out.update(terms(next(g for g in m.groups() if g)))
    return frozenset(out)


QUOTED_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")  # "don't" is one word, not "don" "t"


@lru_cache(maxsize=20_000)
def quoted_runs(text: str, run: int) -> frozenset[tuple[str, ...]]:
    """The ``run``-word runs inside the text's quotation marks."""
    out: set[tuple[str, ...]] = set()
    for m in QUOTED.finditer(text):
        words = [
            w.lower().replace("’", "'").removesuffix("'s")  # "ISIS's" and "ISIS’" are one word
            for w in QUOTED_WORD.findall(next(g for g in m.groups() if g))
        ]
        out.update(tuple(words[i : i + run]) for i in range(len(words) - run + 1))
    return frozenset(out)


SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


COMMON_ZIPF = 5.0  # wordfreq's Zipf scale: 5 is a word seen 100 times in a million ("party")


@lru_cache(maxsize=20_000)
def quoted_pairs(text: str) -> frozenset[tuple[str, str, int]]:
    """Pairs of content terms next to each other (stop words between them skipped) inside one
    quoted sentence of the text, with the polarity of that sentence (its negators, mod 2):
    "were 'extremely careless in their handling'" gives (extremely, careless, 0) and
    (careless, handling, 0). Never a pair of names ("New Hampshire") nor one with an everyday
    word in it ("getting better", "unify the party", "law enforcement", "special operation":
    Zipf frequency ``COMMON_ZIPF`` or more in English, ``wordfreq``): two speakers who both
    say those speak alike; they do not quote each other. In a ledger of a few thousand
    articles the ledger's own term weights cannot tell such words from rare ones."""
    out: set[tuple[str, str, int]] = set()
    for m in QUOTED.finditer(text):
        for sentence in SENTENCE_END.split(next(g for g in m.groups() if g)):
            words = term_words(sentence)
            names = name_terms(sentence)
            polarity = len(NEGATOR.findall(sentence)) % 2
            out.update(
                (x, y, polarity)
                for (x, wx), (y, wy) in itertools.pairwise(words)
                if not (x in names and y in names) and not (common(wx) or common(wy))
            )
    return frozenset(out)


@lru_cache(maxsize=50_000)
def common(word: str) -> bool:
    """An everyday English word (``COMMON_ZIPF`` or more on wordfreq's Zipf scale)."""
    from wordfreq import zipf_frequency  # its word list loads on first use (about 0.3 s)

    return zipf_frequency(word, "en") >= COMMON_ZIPF


@lru_cache(maxsize=20_000)
def name_terms(text: str) -> frozenset[str]:
    """The terms of a text's capitalised words but its first: parts of names. Two people who
    both say "New Hampshire" or "Ted Cruz" quote a name, not one another, and two claims that
    share only names share a topic, not a proposition."""
    words = NAME_WORD.findall(text)[1:]
    return frozenset(t for w in words if w[:1].isupper() and not _phrase_word(w) for t in terms(w))


def _phrase_word(word: str) -> bool:
    """A hyphenated phrase written with capitals ("Pay-to-Play", "Made-in-America"): a slogan,
    not a name; names keep every part capitalised ("Jean-Claude", "Bosnia-Herzegovina")."""
    return any(part[:1].islower() for part in word.split("-")[1:])


def shares_quotation(
    a: ClaimRecord,
    b: ClaimRecord,
    weights: dict[str, float] | None = None,
    rare_idf: float = 0.0,
) -> bool:
    """Both quote the same words: two content words in a row of one quoted sentence
    ("extremely careless"), with the same polarity. On real reporting that is one statement
    relayed (an outlet, a tweet or a politician quoting the FBI director), whoever the article
    names as the speaker; an echo that turns the words round ("no reasonable prosecutor would
    *not* present this case") has the other polarity and is a rebuttal, not a relay."""
    shared = quoted_pairs(a.content) & quoted_pairs(b.content)
    if weights is None:
        return bool(shared)
    # with the ledger's term weights: a pair of common words ("military operation" in scare
    # quotes) is how everyone writes about the war, not one statement relayed
    return any(min(weights.get(x, 1.0), weights.get(y, 1.0)) >= rare_idf for x, y, _ in shared)


def negated(text: str) -> frozenset[str]:
    """The terms a negation in the text governs: the first content word after "not",
    "never", "no" that is no name ("has not decided" -> decided; "no evidence" -> evidence;
    "no American destroyer" -> destroyer)."""
    out: set[str] = set()
    names = name_terms(text)
    for m in NEGATOR.finditer(text):
        window = terms(" ".join(text[m.end() :].split()[:NEGATION_SCOPE]))
        out.update([t for t in window if t not in names][:1])
    return frozenset(out)


def negation_conflict(a: Proposition, b: Proposition, names: frozenset[str] = frozenset()) -> bool:
    """One negates a term both state and the other does not ("has decided" / "has not decided");
    a negated name does not count ("Muslims who are not American citizens" against "Muslims
    entering the U.S.": the negation is of citizenship, not of America)."""
    if a.negated and b.negated:
        return False  # both negate ("not ready to support" / "couldn't yet support")
    shared = set(a.terms) & set(b.terms)
    return bool((a.negated ^ b.negated) & shared - names)


def relation(a: Proposition, b: Proposition) -> str:
    """``same``, ``unknown`` or ``different`` source. A body named with no state and the body of
    that name placed in one ("the General Staff", "Ukraine's General Staff") may be one source
    or two: unknown."""
    if a.source is None or b.source is None:
        return "unknown"
    if same_source(a.source, b.source) or _state_and_organ(a.source, b.source):
        return "same"
    return "unknown" if unplaced_twin(a.source, b.source) else "different"


def _state_and_organ(a: SourceKey, b: SourceKey) -> bool:
    """A state named as such ("Russia", "Moscow", "the Kremlin": ``@RU``) and a body of that
    state ("Russia's Defence Ministry"): the government speaking through its organ, one line."""
    if a[0] is not None or b[0] is not None:
        return False
    for state, body in ((a[1], b[1]), (b[1], a[1])):
        words = body.split()
        if state.startswith("@") and " " not in state and state in words:
            return bool(GOVERNMENT & set(words))  # not "Center for American Progress"
    return False


# the words of a state's organs: its ministries, forces, services and offices
GOVERNMENT = frozenset(
    "ministry defence foreign interior staff army force command navy guard police service "
    "security intelligence council government administration presidency parliament embassy "
    "military prosecutor border".split()
)


def unplaced_twin(a: SourceKey, b: SourceKey) -> bool:
    """Two body names of which exactly one names a state, equal without it."""
    if a[0] is not None or b[0] is not None:
        return False
    wa, wb = a[1].split(), b[1].split()
    placed_a, placed_b = any(w.startswith("@") for w in wa), any(w.startswith("@") for w in wb)
    if placed_a == placed_b:
        return False
    return [w for w in wa if not w.startswith("@")] == [w for w in wb if not w.startswith("@")]


def quote_bonus(
    a: Proposition, b: Proposition, weights: dict[str, float], rules: ClusterSettings
) -> float:
    """One source quoted with the same rare word ("extremely careless", "not ready")."""
    shared = a.quoted & b.quoted
    rare = any(weights.get(t, 1.0) >= rules.rare_quote_idf for t in shared)
    return rules.quote_bonus if rare else 0.0


def source_variants(
    name: str, tallied: Callable[[str], list[str]], canonical: Canonical | None = None
) -> list[str]:
    """The names under which one source appears in the ledger, ``name`` included; empty when
    ``name`` names no one. A bare surname ("Clinton") goes with the full names only when just one
    person of that surname is named ("Hillary Clinton", and no "Bill Clinton")."""

    def key_of(text: str) -> SourceKey | None:
        return source_key((canonical(text) if canonical else None) or text)

    key = key_of(name)
    if key is None:
        return []
    probes = {key[1][:3]} | {w[:3] for w in NAME_WORD.findall(name)[-1:]}
    seen = {name} | {other for probe in probes for other in tallied(probe)}
    surname = [(o, k) for o in seen if (k := key_of(o)) is not None and _close(k[1], key[1])]
    firsts = [k[0] for _, k in surname if k[0]]
    unique = all(_initials_agree(a, b) for a in firsts for b in firsts)
    if key[0] is None:
        keep = [o for o, k in surname if k[0] is None or unique]
    else:
        keep = [o for o, k in surname if same_source(k, key) and (k[0] is not None or unique)]
    agree = {o for o in keep if given_names_agree(o, name) and not o[:1].isdigit()}
    return sorted(agree | {name})  # (not "45% of Republicans" for "Republicans")


def given_names_agree(a: str, b: str) -> bool:
    """Whether two names' first given names may be one person's: an initial agrees with any
    name of that letter; written out, their first two consonants agree once spellings are
    folded ("Sergey"/"Siergiej", "Volodymyr"/"Vladimir", "Oleksandr"/"Alexander"), so "Jeff
    Weaver" is not "John Weaver". A name with no given name agrees with any."""
    fa, fb = _first_given(a), _first_given(b)
    if fa is None or fb is None:
        return True
    if len(fa) == 1 or len(fb) == 1:
        return fa[0] == fb[0]
    return _skeleton(fa)[:2] == _skeleton(fb)[:2]


def _first_given(name: str) -> str | None:
    words = [w for w in NAME_WORD.findall(name) if w.lower().strip(".") not in TITLES]
    if len(words) < 2 or not words[0][:1].isupper():
        return None
    return _fold(words[0]).rstrip(".")


def _skeleton(word: str) -> str:
    """The consonants of a folded name word, doubled letters once ("oleksandr" -> "lksndr")."""
    word = word.replace("x", "ks").replace("ph", "f").replace("j", "y").replace("c", "k")
    word = word.replace("g", "h").replace("h", "")  # Ukrainian "Ihor", Russian "Igor"
    out = [c for c in word if c.isalpha() and c not in "aeiouy"]
    return "".join(c for i, c in enumerate(out) if i == 0 or out[i - 1] != c)
