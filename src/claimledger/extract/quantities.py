"""Reported figures: counts, ranges, bounds, percentages, written numbers and rates.

``extract_quantities`` reads each sentence's number tokens (digits, and the number words of
``numbers.v1.tsv``) that are not part of a date, time, ordinal or name entity, and builds figures:

- a run of number tokens is one number ("1.5 million", "three hundred and fifty", "a dozen",
  "half a million", "a quarter of a million");
  two joined by "-", "to", "or", or "and" after "between", a range ("rose from 1 to 2" is two);
- the phrases of ``quantities.v1.tsv`` around it give its bound ("more than", "or so") and unit
  ("%", "km", "$"); in its clause, its rate ("per month", "a day", "each week", "monthly");
- what it counts is the noun it modifies (the head of a compound it sits in: "100 attack
  drones"), with that noun's compound, adjective and possessive modifiers and the participles
  right after it ("soldiers killed and wounded") or the event verb whose object it is ("killed
  11 civilians": civilians killed); for a unit or container noun the object of
  "of" ("80% of the town", "the number of deserters", and "cases over ..." where the lexicon
  allows); for the object of a level verb, the verb's subject ("casualties rose to 300");
- its period (see ``dates.py``) and its rate are the phrases of its sentence nearest to it in the
  parse tree, each phrase going to the figure(s) nearest to it, within a distance limit.

Not figures: numbers past ``MAX_VALUE`` (1e15; a 400-digit number would be float Infinity),
years, dates, times, ordinals ("57th"), numbers inside names ("3rd Army Corps"), labels ("page
12"), fractions and scores, "one" on its own ("one of them") and a small written number after
"the" ("the two sides").

A figure with no bound word is exact; any bound word makes it approximate. Vague plurals are
ranges: the product P of their scale words gives 2P..10P ("tens of thousands" = 20,000..100,000).
A bare count has unit None.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import cast, get_args

from spacy.tokens import Doc, Span, Token

from claimledger.errors import DataFileError
from claimledger.extract import dates
from claimledger.lexicon import lexicon, lexicon_lines
from claimledger.models import Bound, Per, Period, Quantity
from claimledger.nlp.ents import entities

__all__ = ["extract_quantities"]

NUMBERS = "numbers.v1.tsv"
RULES = "quantities.v1.tsv"
FIGURE_LABELS = frozenset({"", "CARDINAL", "QUANTITY", "PERCENT", "MONEY"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})  # names a count may run into (``_swallowed``)
MODIFIER_DEPS = frozenset({"nummod", "quantmod", "compound", "amod", "nmod"})
NP_DEPS = frozenset({"compound", "amod", "poss", "nmod"})
FRACTIONS = {  # in front of "a million", "a thousand": the share of it meant
    ("three", "quarters", "of"): 0.75,
    ("two", "thirds", "of"): 2 / 3,
    ("a", "quarter", "of"): 0.25,
    ("a", "third", "of"): 1 / 3,
    ("quarter", "of"): 0.25,
    ("half",): 0.5,
}
PARTICIPLE = frozenset({"VBN", "VBG"})  # "soldiers killed", "soldiers leaving their units"
RANGE_LINKS = frozenset({"-", "–", "—", "to", "or", "and"})
CASUALTY_ADJECTIVES = frozenset({"dead", "injured", "wounded", "missing", "killed", "hurt"})
CASUALTY_VERBS = frozenset({"wound", "injure", "kill", "die", "hurt"})
PARTICLES = frozenset({"down", "up", "off", "out", "back"})  # "shot down" tagged an adverb
MAX_PERIOD_DISTANCE = 6
MAX_RATE_DISTANCE = 4
MAX_VALUE = 1e15  # the largest figure: past it a number counts nothing (and may be Infinity)

_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_DIGITS = re.compile(rf"^{_NUMBER}$")
_SUFFIXED = re.compile(rf"^({_NUMBER})([a-z]+)$")
_DASHED = re.compile(rf"^({_NUMBER})[–—]({_NUMBER})$")
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")

Table = dict[tuple[str, ...], str]


@dataclass(frozen=True)
class _Rules:
    words: dict[str, tuple[float, str]]  # number word -> (value, kind)
    tables: dict[str, Table]  # kind -> phrase (as words) -> value
    starts: frozenset[str]  # the words that can start a number
    rates: dates.RateWords

    def table(self, kind: str) -> Table:
        return self.tables.get(kind, {})

    def has(self, kind: str, word: str) -> bool:
        return (word,) in self.tables.get(kind, {})


def _rows(name: str) -> list[list[str]]:
    rows = [ln.split("\t") for ln in lexicon_lines(name)]
    for n, row in enumerate(rows, 1):
        if len(row) != 3:
            raise DataFileError(f"lexicon {name}, entry {n}: want three tab-separated columns")
    return rows


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    try:
        words = {word: (float(value), kind) for word, value, kind in _rows(NUMBERS)}
    except ValueError as exc:
        raise DataFileError(f"lexicon {NUMBERS}: a value is not a number ({exc})") from exc
    tables: dict[str, Table] = {}
    allowed = {"bound": get_args(Bound), "bound_after": get_args(Bound)}
    allowed |= {"rate_noun": get_args(Per), "rate_adverb": get_args(Per)}
    for kind, phrase, value in _rows(RULES):
        if kind in allowed and value not in allowed[kind]:
            raise DataFileError(f"lexicon {RULES}: {kind} {phrase!r} has unknown value {value!r}")
        tables.setdefault(kind, {})[tuple(phrase.split())] = value
    starts = frozenset(w for w, (_, kind) in words.items() if kind not in ("suffix", "article"))
    rates = dates.RateWords(
        nouns={k[0]: cast(Per, v) for k, v in tables.get("rate_noun", {}).items()},
        adverbs={k[0]: cast(Per, v) for k, v in tables.get("rate_adverb", {}).items()},
        distributives=frozenset(k[0] for k in tables.get("distributive", {})),
    )
    return _Rules(words, tables, starts, rates)


def small_number(word: str) -> float | None:
    """The value of a written small number of the lexicon ("three", "twelve", "forty"), None
    for any other word."""
    found = _rules().words.get(word.lower())
    return found[0] if found is not None and found[1] == "small" else None


@dataclass(frozen=True)
class _Atom:
    """One number: token offsets, its value (low == high) or a range, and its scale word."""

    start: int
    end: int
    low: float
    high: float
    vague: bool
    scale: float


@dataclass(frozen=True)
class _Figure:
    start: int  # token offsets of the figure as written (bound, currency, number, unit)
    end: int
    core_start: int  # token offsets of currency, number and unit only
    core_end: int
    low: float
    high: float
    bound: Bound
    unit: str | None


def extract_quantities(doc: Doc, published: str | None, doc_id: str) -> tuple[Quantity, ...]:
    """Every reported figure of a parsed article, in text order, ids ``{doc_id}:q{n}``."""
    rules = _rules()
    found: list[Quantity] = []
    times = [e for e in entities(doc) if e.label_ in ("DATE", "TIME")]
    starts = [e.start for e in times]
    for sent in doc.sents:
        figures = _figures(sent, _atoms(sent, rules), rules)
        if figures:  # the sentence's times, by bisection: a scan per sentence was quadratic
            ents = times[bisect_left(starts, sent.start) : bisect_left(starts, sent.end)]
            found.extend(
                _quantities(sent, figures, dates.find_periods(sent, published, ents), rules)
            )
    return tuple(replace(q, id=f"{doc_id}:q{n}") for n, q in enumerate(found, 1))


def _digits(text: str, rules: _Rules) -> tuple[float, float] | None:
    """The value of a token written in digits: '21,600', '1.5', '5bn', '15,000–18,000'."""
    if not text[:1].isdigit():
        return None
    if _DIGITS.match(text):
        return float(text.replace(",", "")), float(text.replace(",", ""))
    if match := _SUFFIXED.match(text.lower()):
        word = rules.words.get(match.group(2), (0.0, ""))
        value = float(match.group(1).replace(",", "")) * word[0]
        return (value, value) if word[1] == "suffix" else None
    if match := _DASHED.match(text):
        return float(match.group(1).replace(",", "")), float(match.group(2).replace(",", ""))
    return None


def _kind(tok: Token, rules: _Rules) -> str:
    return rules.words.get(tok.lower_, (0.0, ""))[1]


def _is_number(tok: Token, rules: _Rules) -> bool:
    """A token that starts a number: not in a date/time/ordinal/name entity, not a label."""
    if not (tok.text[0].isdigit() or tok.lower_ in rules.starts):
        return False
    if (tok.ent_type_ not in FIGURE_LABELS and not _swallowed(tok)) or _labelled(tok, rules):
        return False
    if _YEAR.match(tok.text):  # a year, unless it plainly counts things ("2000 soldiers")
        return tok.dep_ == "nummod" and tok.head.tag_ == "NNS" and not tok.head.ent_type_
    return _kind(tok, rules) in ("small", "hundred", "scale", "vague") or bool(
        _digits(tok.text, rules)
    )


def _swallowed(tok: Token) -> bool:
    """A count the tagger ran into the place name before it ("near Robotyne 23 times", "in
    Kupiansk 12 civilians"): the entity's last token, counting a plural noun outside it (a
    name's own number, "Route 66", "Terminal 2", has its head inside the name)."""
    doc = tok.doc
    return (
        tok.ent_type_ in PLACE_LABELS
        and tok.ent_iob_ == "I"
        and (tok.i + 1 == len(doc) or doc[tok.i + 1].ent_iob_ != "I")
        and tok.dep_ == "nummod"
        and tok.head.i == tok.i + 1
        and tok.head.tag_ == "NNS"
        and not tok.head.ent_type_
    )


def _labelled(tok: Token, rules: _Rules) -> bool:
    """A number that labels rather than counts: 'page 12', 'No. 2', 'Resolution 2231'."""
    before = tok.doc[tok.i - 1].lower_ if tok.i > 0 else ""
    if before == "." and tok.i > 1:
        before = tok.doc[tok.i - 2].lower_ + "."
    return rules.has("label", before)


def _atoms(sent: Span, rules: _Rules) -> list[_Atom]:
    atoms: list[_Atom] = []
    for tok in sent:
        if atoms and tok.i < atoms[-1].end:
            continue
        if _is_number(tok, rules):
            atom = _read_atom(sent.doc, tok.i, sent, rules)
            while atoms and atom.start <= atoms[-1].start:  # "three" of "three quarters of a ..."
                atoms.pop()
            atoms.append(atom)
    return atoms


def _read_atom(doc: Doc, i: int, sent: Span, rules: _Rules) -> _Atom:
    """The longest number from token i: '1.5 million', 'twenty-five', 'tens of thousands'."""
    between = i > sent.start and doc[i - 1].lower_ == "between"
    end = i + 1
    while end < sent.end and (step := _continues(doc, end, sent.end, between, rules)):
        end += step
    article = i > sent.start and doc[i - 1].lower_ in ("a", "an")
    start = i - 1 if article and _kind(doc[i], rules) in ("hundred", "scale") else i  # "a dozen"
    low, high, vague = _value(doc[start:end], rules)
    if start < i:  # "a million": "half a million", "a quarter of a million"
        for words, share in FRACTIONS.items():
            n = len(words)
            if start - n >= sent.start and tuple(t.lower_ for t in doc[start - n : start]) == words:
                start, low, high = start - n, low * share, high * share
                break
    last = rules.words.get(doc[end - 1].lower_, (1.0, ""))
    return _Atom(start, end, low, high, vague, last[0] if last[1] in ("hundred", "scale") else 1.0)


def _continues(doc: Doc, j: int, stop: int, between: bool, rules: _Rules) -> int:
    """How many tokens from j continue the number before it (0: it ends at j)."""
    prev, kind, prev_kind = doc[j - 1], _kind(doc[j], rules), _kind(doc[j - 1], rules)
    after = _kind(doc[j + 1], rules) if j + 1 < stop else ""
    if kind in ("hundred", "scale"):
        return 1 if prev_kind or _digits(prev.text, rules) else 0
    if kind == "small" and prev_kind in ("hundred", "scale", "small"):
        return 1 if prev_kind != "small" or _tens_unit(prev, doc[j], rules) else 0
    if doc[j].lower_ == "and" and prev_kind in ("hundred", "scale") and after == "small":
        return 0 if between else 2  # "three hundred and fifty", not "between 300 and 400"
    if doc[j].text == "-" and prev_kind == "small" and after == "small":
        return 2 if _tens_unit(prev, doc[j + 1], rules) else 0
    if doc[j].lower_ == "of" and prev_kind == "vague" and after == "vague":
        return 2
    return 0


def _tens_unit(tens: Token, unit: Token, rules: _Rules) -> bool:
    """'twenty' then 'five'."""
    a, b = rules.words[tens.lower_][0], rules.words.get(unit.lower_, (99.0, ""))[0]
    return a >= 20 and a % 10 == 0 and 0 < b < 10


def _value(tokens: Span, rules: _Rules) -> tuple[float, float, bool]:
    """Low, high and vagueness of a number's tokens."""
    vague = [rules.words[t.lower_][0] for t in tokens if _kind(t, rules) == "vague"]
    if vague:
        product = math.prod(vague)
        return 2 * product, 10 * product, True
    total = current = 0.0
    for tok in tokens:
        if digits := _digits(tok.text, rules):
            if digits[0] != digits[1]:
                return digits[0], digits[1], False
            current += digits[0]
            continue
        value, kind = rules.words.get(tok.lower_, (0.0, ""))
        if kind in ("small", "article"):
            current += value
        elif kind == "hundred":
            current = (current or 1) * value
        elif kind == "scale":
            total, current = total + (current or 1) * value, 0.0
    return total + current, total + current, False


def _figures(sent: Span, atoms: list[_Atom], rules: _Rules) -> list[_Figure]:
    figures: list[_Figure | None] = []
    k = 0
    while k < len(atoms):
        following = atoms[k + 1] if k + 1 < len(atoms) else None
        if following and _is_ratio(sent.doc, atoms[k], following):
            k += 2
            continue
        pair = following is not None and _is_range(sent, atoms[k], following, rules)
        figures.append(_figure(sent, atoms[k], following if pair else None, rules))
        k += 2 if pair else 1
    return [f for f in figures if f is not None]


def _is_ratio(doc: Doc, a: _Atom, b: _Atom) -> bool:
    """'nine out of ten', 'one in five', a score '2-1': a ratio, not two counts."""
    words = tuple(t.lower_ for t in doc[a.end : b.start])
    if words in (("-",), ("–",)):
        return a.low >= b.low
    return words == ("out", "of") or (words in (("in",), ("of",)) and a.low < b.low)


def _is_range(sent: Span, a: _Atom, b: _Atom, rules: _Rules) -> bool:
    doc = sent.doc
    if a.low * (b.scale if a.scale == 1 else 1) >= b.low:  # a range rises
        return False
    i = a.end + _match(doc, a.end, b.start, rules.table("unit"))[0]
    if i >= b.start or doc[i].lower_ not in RANGE_LINKS:
        return False
    link, i = doc[i].lower_, i + 1
    if i < b.start and rules.has("currency", doc[i].lower_):
        i += 1
    first = a.start - (a.start > sent.start and rules.has("currency", doc[a.start - 1].lower_))
    before = doc[first - 1] if first > sent.start else None
    if i != b.start or (link == "and" and (before is None or before.lower_ != "between")):
        return False
    head = before.head if before is not None and before.lower_ == "from" else None
    rising = head is not None and head.pos_ in ("VERB", "AUX") and head.lemma_ != "range"
    return not (link == "to" and rising)


def _figure(sent: Span, a: _Atom, b: _Atom | None, rules: _Rules) -> _Figure | None:
    doc, lo, hi = sent.doc, sent.start, sent.end
    last = b or a
    low = a.low * (last.scale if b and a.scale == 1 else 1)  # "5 to 10 million"
    start, end, unit = a.start, last.end, None
    if start > lo and rules.has("currency", doc[start - 1].lower_):
        start, unit = start - 1, rules.table("currency")[(doc[start - 1].lower_,)]
    if unit is None:
        n, unit = _match(doc, end, hi, rules.table("unit"))
        end += n
    core_start, core_end = start, end
    if b and start > lo and doc[start - 1].lower_ in ("between", "from"):
        start -= 1
    n, bound = _match(doc, start, lo, rules.table("bound"), backward=True)
    m, after = _match(doc, end, hi, rules.table("bound_after"))
    start, end = start - n, end + m
    if _not_a_figure(doc, a, b, start, unit, rules) or not _sane(low, last.high):
        return None
    exact = "about" if a.vague else "exact"
    return _Figure(
        start, end, core_start, core_end, low, last.high, cast(Bound, bound or after or exact), unit
    )


def _not_a_figure(
    doc: Doc, a: _Atom, b: _Atom | None, start: int, unit: str | None, rules: _Rules
) -> bool:
    """'one of them', 'the two sides': a lone written number that refers rather than reports;
    'a 52-count complaint', 'a five-alarm call': a number inside a hyphenated modifier."""
    if not b and a.end < len(doc) and doc[a.end].text == "-":
        return True
    if b or unit or a.end - a.start != 1 or _kind(doc[a.start], rules) != "small":
        return False
    return doc[a.start].lower_ == "one" or (
        a.low < 10 and start > 0 and doc[start - 1].lower_ == "the"
    )


def _sane(low: float, high: float) -> bool:
    """Within ``MAX_VALUE`` (and so finite): a 400-digit number is float Infinity, which JSON
    cannot carry and no comparison of figures can use; it reports no count."""
    return all(math.isfinite(v) and abs(v) <= MAX_VALUE for v in (low, high))


def _match(
    doc: Doc, i: int, limit: int, table: Table, backward: bool = False
) -> tuple[int, str | None]:
    """The longest phrase of table right after token i (or right before it, backward)."""
    for n in (4, 3, 2, 1):
        lo, hi = (i - n, i) if backward else (i, i + n)
        if (lo >= limit) if backward else (hi <= limit):
            key = tuple(t.lower_ for t in doc[lo:hi])
            if key in table:
                return n, table[key]
    return 0, None


def _what(root: Token, fig: _Figure, rules: _Rules, elided: str | None = None) -> str | None:
    """What a figure counts; ``elided``: the counted noun of the figure before it in the
    sentence, for a bare number that leaves it out ("300 soldiers were killed and 500 were
    wounded": soldiers wounded)."""
    occurrences = _occurrences(root, fig)
    if occurrences is not None:
        return occurrences
    after = root.doc[fig.end] if fig.end < len(root.doc) else None
    if (
        after is not None
        and after.pos_ == "ADJ"
        and after.lower_ in CASUALTY_ADJECTIVES
        and (after.i == root.head.i or after.head.i in (root.i, root.head.i))
    ):
        return after.text  # "left 45 dead and 100 wounded": the dead
    tallied = _tallied(root, fig, rules)
    if tallied is not None:
        return tallied
    whole = _partitive(root, fig)
    if whole is not None:  # "shot down 47 of the drones", "Of the missiles, 35 were destroyed"
        start = whole.left_edge.i
        while start < whole.i and (
            root.doc[start].dep_ in ("det", "nummod", "punct") or root.doc[start].like_num
        ):
            start += 1
        what = root.doc[start : whole.i + 1].text  # "Of the 40 missiles": "missiles"
        verb = root.head
        if (
            root.dep_ in ("nsubj", "nsubjpass", "dobj")
            and verb.pos_ == "VERB"
            and lexicon().cue_class.get(verb.lemma_.lower()) is None
        ):
            what += " " + " ".join(filter(None, (verb.text, _particle(verb))))
        return what
    found = _counted_phrase(root, fig, rules)
    if found is None:
        if (
            elided is None
            and _bare_number(root, fig)
            and root.dep_ != "dobj"
            and (root.head.lemma_.lower() in CASUALTY_VERBS)
        ):
            return root.head.text  # "45 dead and 100 wounded": the wounded
        if elided is None or not _bare_number(root, fig):
            return None
        verb = root.head
        if lexicon().cue_class.get(verb.lemma_.lower()) is not None:
            return elided  # "10,000 are expected": the verb is a hedge, not what happened
        if verb.pos_ != "VERB" or (
            root.dep_ == "dobj" and not rules.has("event_verb", verb.lemma_.lower())
        ):
            return None  # "3 were missing", "saw 30": not said what of them is counted
        return f"{elided} {verb.text}"  # "500 were wounded", "wounded 30": soldiers wounded
    noun, what = found
    first = noun
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head  # "launched 700 bombs, 400 drones and 20 missiles": all launched
    noun_for_verb = first if first.i != noun.i and first.dep_ == "dobj" else noun
    holder = _container_of(noun, rules) or _included_in(noun)
    if holder is not None and holder.pos_ == "VERB":
        lemma = holder.lemma_.lower()
        if not _participles(noun) and (lemma in CASUALTY_VERBS or rules.has("event_verb", lemma)):
            what += " " + holder.text  # "seven were injured, including four crew members"
        return what
    if holder is not None and not _participles(noun):
        noun = noun_for_verb = holder  # "a total of 7 people were killed": people killed;
        # "10,000 civilians, including 560 children, were killed": children killed
    verb = noun_for_verb.head
    subject = noun.dep_ in ("nsubj", "nsubjpass") and verb.pos_ == "VERB" and verb.i > noun.i
    said = lexicon().cue_class.get(verb.lemma_.lower()) is not None  # a misparse: "X soldiers said"
    if subject and not said and not rules.has("level_verb", verb.lemma_.lower()):
        what += " " + verb.text  # "soldiers deserted": what happened is part of what is counted
    elif participles := _participles(noun):
        what += " " + " and ".join(p.text for p in participles)  # "soldiers killed and wounded"
    elif noun_for_verb.dep_ == "dobj" and rules.has("event_verb", verb.lemma_.lower()):
        particle = next((c.text for c in verb.children if c.dep_ == "prt"), None)
        what += " " + " ".join(filter(None, (verb.text, particle)))  # "civilians killed",
        # "drones shot down"
    return what


def _container_of(noun: Token, rules: _Rules) -> Token | None:
    """The total or number a counted noun is "of" when that container is the subject of the
    verb ("[a total] of 7 people were killed", "[the number] of soldiers who deserted"): what
    happened to it happened to the noun."""
    prep = noun.head if noun.dep_ == "pobj" else None
    if prep is None or prep.lower_ != "of" or prep.head.i == prep.i:
        return None
    holder = prep.head
    if not rules.has("container", holder.lower_) or holder.dep_ not in ("nsubj", "nsubjpass"):
        return None
    return holder


def _included_in(noun: Token) -> Token | None:
    """The group a counted noun is named as part of ("30 people, including 5 children",
    "40 people, among them 12 children", "seven were injured, including four crew members":
    the group, or the verb); what happened to the group happened to the part."""
    prep = noun.head if noun.dep_ == "pobj" else None
    if prep is not None and prep.lower_ in ("including", "among"):
        host = prep.head
        if host.pos_ == "NOUN" and not any(c.dep_ == "nummod" for c in host.children):
            # "were injured in the attack, including four crew members", parsed as part of
            # the attack: the verb the attack's phrase hangs on
            host = host.head.head if host.dep_ == "pobj" else host
        return host if host.pos_ in ("NOUN", "VERB") else None
    if (
        noun.dep_ == "appos"
        and noun.head.pos_ == "NOUN"
        and any(c.dep_ == "prep" and c.lower_ in ("among", "including") for c in noun.children)
    ):
        return noun.head
    return None


def _counted_phrase(root: Token, fig: _Figure, rules: _Rules) -> tuple[Token, str] | None:
    """The noun a figure counts and its phrase with modifiers ("100 attack drones": drones,
    "attack drones")."""
    noun = _counted(root, fig, rules)
    while noun is not None and noun.dep_ == "compound" and noun.head.i > noun.i:
        noun = noun.head  # "100 attack drones": the figure hangs on "attack", drones are counted
    if noun is None or not _nominal(noun):
        return None
    mods = [c for c in noun.lefts if c.dep_ in NP_DEPS and not fig.start <= c.i < fig.end]
    start = min([c.left_edge.i for c in mods] + [noun.i])
    if fig.start < noun.i:
        start = max(start, fig.end)
    while start < noun.i and noun.doc[start].dep_ in ("det", "punct", "case", "cc", "prep"):
        start += 1
    return noun, noun.doc[start : noun.i + 1].text


def _particle(verb: Token) -> str | None:
    """The particle of a phrasal verb, also when tagged an adverb right after it ("shot
    down")."""
    return next((c.text for c in verb.children if c.dep_ == "prt" or (
        c.dep_ == "advmod" and c.lower_ in PARTICLES and c.i == verb.i + 1)), None)  # fmt: skip


def _tallied(root: Token, fig: _Figure, rules: _Rules) -> str | None:
    """What a tally's figure counts: the noun right before its colon ("drones: 35, cruise
    missiles: 4"), with the nouns compounded to it and the event its sentence heads it with
    ("Launched overnight - drones: 35": drones launched)."""
    doc = root.doc
    if fig.start < 2 or doc[fig.start - 1].text != ":" or fig.unit is not None:
        return None
    noun = doc[fig.start - 2]
    if noun.pos_ != "NOUN":
        return None
    start = noun.i
    while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == noun.i:
        start -= 1
    sent = noun.sent
    header = next((t for t in reversed(doc[sent.start : start]) if t.tag_ in ("VBN", "VBD")
                   and rules.has("event_verb", t.lemma_.lower())), None)  # fmt: skip
    # (the nearest: "Launched - drones: 35. Destroyed - drones: 31" may parse as one sentence)
    if header is None:
        return None  # "drones: 35" launched or destroyed? unsaid, so never compared
    return f"{doc[start : noun.i + 1].text} {header.text.lower()}"


def _partitive(root: Token, fig: _Figure) -> Token | None:
    """The whole a bare number is a part of: "47 of the drones", "Of the 40 missiles, 35 were
    destroyed" (a noun, not "of those")."""
    if root.pos_ != "NUM" or fig.unit is not None:
        return None
    preps = [c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"]
    if not preps and root.dep_ in ("nsubj", "nsubjpass"):
        preps = [c for c in root.head.children
                 if c.dep_ == "prep" and c.lower_ == "of" and c.i < root.i]  # fmt: skip
    for prep in preps:
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is not None and obj.pos_ in ("NOUN", "PROPN") and obj.ent_type_ not in ("DATE",):
            return obj
    return None


def _bare_number(root: Token, fig: _Figure) -> bool:
    """A count standing for a noun it leaves out: the subject or object of a verb ("500 were
    wounded", "killed 12 and wounded 30"), not a number modifying something."""
    return (
        root.pos_ == "NUM"
        and fig.unit is None
        and root.dep_ in ("nsubj", "nsubjpass", "dobj")
        and root.head.pos_ in ("VERB", "AUX")
    )


def _occurrences(root: Token, fig: _Figure) -> str | None:
    """How often something happened ("shelled the region 40 times a day", "an average of 93
    times"): the verb is what is counted ("times shelled")."""
    doc = root.doc
    after = doc[fig.end] if fig.end < len(doc) else None
    if after is None or after.lower_ not in ("times", "time"):
        return None
    if after.head.i not in (root.i, after.i) and after.i != root.head.i:
        return None  # "times" hangs on neither the figure nor the other way round
    following = doc[after.i + 1] if after.i + 1 < len(doc) else None
    if following is not None and (
        following.tag_ in ("JJR", "RBR") or following.lower_ in ("as", "more", "less", "the")
    ):
        return None  # "three times faster", "twice as many": a multiplier
    tok = after
    for _ in range(4):
        if tok.pos_ == "VERB" and lexicon().cue_class.get(tok.lemma_.lower()) is None:
            return f"{after.text} {tok.text}"
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return None


def _nominal(tok: Token) -> bool:
    """A noun, or a plural noun the tagger took for a verb ("100 attack drones"), or the
    casualties an adjective names as a noun ("the number of dead", "of injured")."""
    return (
        tok.pos_ in ("NOUN", "PROPN")
        or (tok.tag_ in ("NNS", "NN", "VBZ") and tok.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj"))
        or (tok.dep_ == "pobj" and tok.lower_ in CASUALTY_ADJECTIVES)
    )


def _participles(noun: Token) -> list[Token]:
    """Participles right after a counted noun that say what happened to it ("36,000 soldiers
    killed and seriously wounded" -> killed, wounded; "soldiers leaving their units")."""
    first = next(
        (c for c in noun.rights if c.dep_ == "acl" and c.tag_ in PARTICIPLE and c.i <= noun.i + 2),
        None,
    )
    after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if first is None and after is not None and after.tag_ == "VBN" and after.dep_ == "advcl":
        first = after  # the parser hung "killed" on the main verb
    if first is None:
        return []
    return [first, *(c for c in first.conjuncts if c.tag_ in PARTICIPLE and c.i > first.i)]


def _counted(root: Token, fig: _Figure, rules: _Rules) -> Token | None:
    """The noun a figure counts (see the module docstring)."""
    head = root.head
    inside = fig.core_start <= head.i < fig.core_end
    if root.dep_ in MODIFIER_DEPS and head.pos_ in ("NOUN", "PROPN") and not inside:
        if head.ent_type_ in ("DATE", "TIME"):  # "reached 5,000 last year"
            return _subject(head.head, rules)
        return _of_object(head, rules) if rules.has("container", head.lower_) else head
    if not _digits(root.text, rules) and _kind(root, rules) != "small":  # "%", "km", "thousands"
        found = _of_object(root, rules)
        if found is not None:
            return found
    if root.dep_ == "pobj" and head.lower_ in ("to", "at", "by"):
        container = _moved_container(head.head, rules)
        if container is not None:  # "put the death toll at 53", "brought the total to 21,320"
            return _of_object(container, rules)
        return _subject(head.head, rules)
    return _subject(head, rules) if root.dep_ in ("dobj", "attr", "npadvmod", "oprd") else None


def _moved_container(tok: Token, rules: _Rules) -> Token | None:
    """The toll or total a verb sets to a figure, its object: "put the death toll at 53",
    "raised the toll to 19", "brought the total number of people killed since May to 320" (the
    parse may hang "to 320" on "killed": the verb above it)."""
    for _ in range(6):
        found = next((c for c in tok.children if c.dep_ == "dobj"
                      and rules.has("container", c.lower_)), None)  # fmt: skip
        if found is not None or tok.head.i == tok.i:
            return found
        tok = tok.head
    return None


def _of_object(tok: Token, rules: _Rules) -> Token | None:
    """'the number of deserters' -> deserters ('cases over ...' where the lexicon allows);
    a container without such a phrase is itself."""
    value = rules.table("container").get((tok.lower_,), "-")
    preps = {"of", *value.split()} - {"-"}
    for prep in tok.rights:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and rules.has("container", obj.lower_):
                return _of_object(obj, rules)
            return obj
    return tok if rules.has("container", tok.lower_) else None


def _subject(verb: Token, rules: _Rules) -> Token | None:
    """The subject of a level verb ('casualties rose to 300', 'losses were 500')."""
    if not rules.has("level_verb", verb.lemma_.lower()):
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and rules.has("container", subject.lower_):
        return _of_object(subject, rules)
    return subject


def _when_said(tok: Token) -> bool:
    """ "..., the commander said on Friday": the date of the statement, not of the figure."""
    head = tok.head.head if tok.head.dep_ == "prep" else tok.head
    return lexicon().cue_class.get(head.lemma_.lower()) in ("say", "hedge", "deny")


def _quantities(
    sent: Span, figures: list[_Figure], periods: list[dates.TimePhrase], rules: _Rules
) -> list[Quantity]:
    doc = sent.doc
    roots = [doc[f.core_start : f.core_end].root for f in figures]
    rates = dates.find_rates(sent, rules.rates)
    periods = [p for p in periods if not _when_said(doc[p.root])]
    period_of = dates.link_nearest(roots, [doc[p.root] for p in periods], MAX_PERIOD_DISTANCE)
    rate_of = dates.link_nearest(roots, [tok for tok, _ in rates], MAX_RATE_DISTANCE)
    found = []
    elided = None  # the counted noun of the sentence's last figure that names one
    phrases = [_counted_phrase(root, fig, rules) for fig, root in zip(figures, roots, strict=True)]
    period_of = _shared_periods(phrases, period_of)
    last_what = None  # what the sentence's last figure counts
    for fig, root, p, r, counted in zip(figures, roots, period_of, rate_of, phrases, strict=True):
        period = periods[p].period if p is not None else None
        per = rates[r][1] if r is not None else None
        what = _what(root, fig, rules, elided)
        if what is None and last_what is not None and _same_as_before(root):
            what = last_what  # "lost 520,000 troops, including 1,140 in the past day"
        found.append(_quantity(doc, fig, what, period, per))
        if counted is not None:
            elided = counted[1]
        last_what = what or last_what
    return found


def _same_as_before(root: Token) -> bool:
    """A figure of the same thing as the figure before it: "including 1,140 in the past 24
    hours", "up from 5,000", "down from 900", "compared with 300 a year earlier"."""
    head = root.head
    if root.dep_ != "pobj":
        return False
    if head.lower_ == "including":
        return True
    if head.lower_ == "from" and head.head.lower_ in ("up", "down"):
        return True
    return head.lower_ in ("with", "to") and head.head.lower_ in ("compared", "comparison")


def _shared_periods(
    phrases: list[tuple[Token, str] | None], period_of: list[int | None]
) -> list[int | None]:
    """Figures of one list ("launched 700 bombs, 400 drones and 20 missiles over the past
    week", "detained 40 protesters and 3 journalists on Sunday") share the period one of them
    has: their counted nouns are conjuncts of one another."""
    groups: list[int | None] = []
    for counted in phrases:
        noun = counted[0] if counted is not None else None
        while noun is not None and noun.dep_ == "conj" and noun.head.i < noun.i:
            noun = noun.head
        groups.append(noun.i if noun is not None else None)
    shared: dict[int, int] = {}
    for group, p in zip(groups, period_of, strict=True):
        if group is not None and p is not None:
            shared.setdefault(group, p)
    return [p if p is not None or g is None else shared.get(g)
            for g, p in zip(groups, period_of, strict=True)]  # fmt: skip


def _quantity(
    doc: Doc, fig: _Figure, what: str | None, period: Period | None, per: Per | None
) -> Quantity:
    span, single = doc[fig.start : fig.end], fig.low == fig.high
    return Quantity(
        id="",
        text=span.text,
        start=span.start_char,
        end=span.end_char,
        value=fig.low if single else None,
        low=None if single else fig.low,
        high=None if single else fig.high,
        approximate=fig.bound != "exact",
        bound=fig.bound,
        unit=fig.unit,
        what=what,
        period=period,
        per=per,
    )
