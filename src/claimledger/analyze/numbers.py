"""Numeric consistency: figures for the same thing, compared after normalising periods and rates.

A figure check is only made where it can be trusted (issue 10: on real reporting most checks
were false alarms). Two figures are compared only when

- neither is vague ("thousands", "tens of millions", "roughly a dozen": ``vague``);
- the places their claims name (if both name any) overlap;
- they have a period or a rate, or their articles were published within ``periodless_days``
  of each other (a 2024 aid bill is not a 2022 package);
- their units agree, and they count the same thing: people are not compared with things nor
  soldiers with civilians (casualties - "killed and wounded", "losses", soldiers a claim says
  were lost - are one thing, the killed alone another); the counted nouns' heads agree;
- small counts of things (below ``small_count``: "three key states", "two countries") and
  percentages only within one proposition (claims in one cluster);
- a figure in an article's own voice only when both figures are rates or totals over a period;
- counts of events that happen to people (killed, deserting, recruited: the synonym lexicon
  folds "soldiers deserted" and "deserters" to *desert*) when the claims stating them are at
  least related (term overlap ``related``); counts of anything else when the claims say much the
  same thing (``same_story``), or what they count is alike and the claims are related.

Each check's explanation says what is counted, where, over which period, in which articles of
which dates and by whom (``describe``), then the arithmetic.
A pair is then compared:

- two rates ("15,000 to 18,000 a month", "1,200 a day"), converted to the same unit;
- a rate against a total over a period ("180,000 since the start of the year" over 324 days is
  about 17,000 a month; "12,000 in the past week" is about 1,700 a day);
- a total for a short period against one for a longer period containing it: the part may not
  exceed the whole ("21,600 in October" against "180,000 since January");
- two totals for the same period, or with no period at all, directly.

Pairs with disjoint periods, a bare total against a rate, or a one-day total (an event) against
a rate are not comparable and not checked.
Each figure's range is widened by its tolerance (10% when approximate, "about", "nearly"; 2%
otherwise, for rounding; 0.5% at the edge a strict bound draws, "more than 1,400"); ranges that
still do not meet are a tension.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from claimledger.analyze.proposition import same_source, source_key
from claimledger.analyze.terms import phrases, terms
from claimledger.settings import FigureSettings, shipped_settings
from claimledger.store.records import Check, QuantityRecord

NUMBER = re.compile(r"\d[\d,.]*\d|\d")
DAYS_PER_MONTH = 30.44
PER_DAY = {"day": 1.0, "week": 1 / 7, "month": 1 / DAYS_PER_MONTH, "year": 1 / 365.25}
LOOSE, TIGHT = 0.10, 0.02
# what happens to people, as terms (folded and stemmed like any content word)
_EVENT_WORDS = "kill wound casualty desert surrender capture evacuate detain missing recruit"
# what was fired at a target and what of it was stopped: "45 drones launched, 37 shot down"
LAUNCHED = frozenset(terms("launched fired fire launch"))
DOWNED = frozenset(terms("shot intercepted"))
EVENTS = frozenset(terms(_EVENT_WORDS))
CASUALTIES = frozenset({"kill", "wound"})  # killed and wounded together are casualties
LOSS = "loss"
FELL = re.compile(r"(?i)\b(?:fell|fallen)\b")  # of people: died in battle
TAIL_WORDS = 4  # words after what a figure counts that may say what happened to it
VERB_FORMS = frozenset(
    "leave leaves left flee flees fled go goes went gone die dies hurt lose loses lost come "
    "came remain remains say says said sign signs signed fall fell fallen shot hit struck taken "
    "sent seen".split()
)
PARTICLES = frozenset("down out off up back away".split())  # "shooting down", "knocked out"
GENERIC = frozenset(
    {"soldier", "civilian", "people", "person", "men", "women", "child", "children"}
)
UNSPECIFIC = frozenset({"people", "person"})  # may be soldiers or civilians
TOLL = frozenset(terms("toll number"))  # "the death toll", "the number killed": of anyone


@dataclass(frozen=True)
class Figure:
    """A quantity as a range with its tolerance, and the period it covers in days."""

    q: QuantityRecord
    low: float
    high: float
    tolerance: float
    start: date | None
    end: date | None


CONVERSIONS = {
    "miles": ("km", 1.609344),
    "nautical miles": ("km", 1.852),
    "square miles": ("km2", 2.589988),
    "acres": ("hectares", 0.404686),
}  # units figures are checked in: "about 1.2 miles" against "about 2 km"


def in_checked_unit(q: QuantityRecord) -> QuantityRecord:
    """The figure in the unit figure checks compare it in (kilometres for miles, ...), its
    text as written."""
    if q.unit not in CONVERSIONS:
        return q
    unit, factor = CONVERSIONS[q.unit]

    def scaled(x: float | None) -> float | None:
        return None if x is None else round(x * factor, 4)

    return replace(q, unit=unit, value=scaled(q.value), low=scaled(q.low), high=scaled(q.high))


def figure(q: QuantityRecord, as_number: bool = False) -> Figure | None:
    """The range a figure allows: a lower bound ("at least 12", "more than 400") any larger
    number, an upper bound ("up to 1,995", "fewer than 50") any smaller one; "nearly 1,200" and
    "almost" are figures just under the number, not bounds. ``as_number``: the bound read as
    its number, with an estimate's tolerance."""
    low = q.low if q.value is None else q.value
    high = q.high if q.value is None else q.value
    if low is None or high is None:
        return None
    tolerance = LOOSE if q.approximate else _rounding(q)
    if not as_number and STRICT.match(q.text):
        tolerance = min(_rounding(q), EDGE)
    if not as_number and q.bound == "at_least":
        high = math.inf
    elif not as_number and q.bound == "at_most" and not NEAR.match(q.text):
        low = 0.0
    return Figure(q, low, high, tolerance, day_of(q.period_start), day_of(q.period_end))


NEAR = re.compile(r"(?i)\s*(?:nearly|almost|close to|just under|around|about)\b")
# Bound words that draw a line rather than estimate: "more than 1,400" excludes 1,387 as firmly
# as "1,400" excludes 1,300; the speaker chose the round number as the edge. Their figure keeps
# only ``EDGE`` of slack. "Up to", "as many as", "upwards of" and "nearly" stay estimates.
STRICT = re.compile(
    r"(?i)\s*(?:(?:well |just )?over|more than|at least|in excess of|no (?:fewer|less|more) than"
    r"|not (?:less|more) than|under|fewer than|less than|at most)\b(?!.*\bor (?:so|about)\b)"
    r"|.*\bor (?:more|fewer|less)\s*$"
)
EDGE = 0.005


def _rounding(q: QuantityRecord) -> float:
    """The tolerance of a figure given without a bound word: what its rounding may hide, half
    a unit of its last non-zero digit ("520" may be 515-525; "2,700" 2,650-2,750; "502" is
    502), at most ``TIGHT``. Transposed digits ("502" and "520" bodies returned) disagree."""
    unit = rounding_unit(q.value) if q.value is not None else None
    return TIGHT if unit is None or q.value is None else min(TIGHT, unit / 2 / q.value)


def rounding_unit(value: float) -> int | None:
    """The place of a whole number's last non-zero digit ("28,000": 1,000; "502": 1); None for
    a fraction or a number below 1."""
    if value < 1 or abs(value - round(value)) > 1e-6:
        return None
    n, unit = round(value), 1
    while n % (unit * 10) == 0:
        unit *= 10
    return unit


def day_of(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


VAGUE = re.compile(
    r"\b(?:dozens?|hundreds|thousands|millions|billions|trillions|tens|scores|several|few|many|"
    r"numerous|handful|multiple|countless)\b",
    re.IGNORECASE,
)
SHIPPED = shipped_settings().figures  # the thresholds when no ledger passes its own
PERCENT = "percent"
SPEAKER_PLACE = re.compile(r"\b(?:in|near|from)\s+([A-Z][a-z]{3,})\b")  # "officials in Kharkiv"
AROUND = 2  # settlements an article names at most for a claim naming none to be about them
EVENT_DAYS = 7  # a figure over more days is a tally, as often the country's as one place's
TALLY = re.compile(
    r"(?i)\b(?:since|so far|to date|in total|overall|altogether)\b"
)  # running totals


def vague(q: QuantityRecord) -> bool:
    """ "thousands", "tens of millions", "roughly a dozen": an order of magnitude, not a figure."""
    return not any(ch.isdigit() for ch in q.text) and bool(VAGUE.search(q.text))


@dataclass(frozen=True)
class Stated:
    """Where a figure is stated: the article and its date, and the claims stating it (their
    text, speakers, the places they name and their clusters); no claims for the article's own
    voice."""

    doc_id: str
    published: date | None = None
    text: str | None = None
    speakers: tuple[str, ...] = ()
    places: frozenset[str] = frozenset()
    clusters: frozenset[str] = frozenset()
    around: frozenset[str] = frozenset()  # the settlements of the article, for claims naming none
    seats: frozenset[str] = frozenset()  # where the speakers hold office (the registry's roles)

    def scope(self) -> frozenset[str]:
        """Where the figure is for: the places its claims name, or else the settlements (and
        units) its article names, when it names one or two ("the toll rose to 9" in a report on
        a strike on Kharkiv that names no other town); empty when unknown."""
        if self.places:
            return self.places
        spoken = {m.group(1).lower() for s in self.speakers for m in SPEAKER_PLACE.finditer(s)}
        if spoken:  # "regional officials in Kharkiv said 5 people were wounded", in a report
            return frozenset(spoken)  # on a strike on Dnipro: Kharkiv's figure
        around = self.around if len(self.around) <= AROUND else frozenset()
        if around and self.seats and not any(_seat_of(s, p) for s in self.seats for p in around):
            return self.seats  # Belgorod's governor, in a report on a strike on Kharkiv
        return around


def _seat_of(seat: str, place: str) -> bool:
    """A region's name and its centre's ("dnipropetrovsk", "dnipro"), or one place."""
    return seat[:5] == place[:5]


def comparable(
    a: QuantityRecord,
    b: QuantityRecord,
    sa: Stated,
    sb: Stated,
    rules: FigureSettings = SHIPPED,
) -> bool:
    """Can two figures be checked against each other at all? Never vague amounts; never
    figures for different places (when both claims name places); two figures of one article
    only when both are flows scoped in time ("21,600 in October", "15,000 a month") or their
    claims state one proposition (an article's figures for what looks like one thing are two
    events or two definitions far more often than a contradiction); at most
    one figure in an article's own voice, and then only published within ``periodless_days``;
    figures without a period only within ``periodless_days``; then :func:`same_thing`."""
    if vague(a) or vague(b):
        return False
    one_claim = bool(sa.clusters & sb.clusters)  # two statements of one proposition
    timed = all(q.per or q.period_start for q in (a, b))
    flows = timed and flow(a, sa.text) and flow(b, sb.text)
    if sa.doc_id == sb.doc_id and not one_claim and not flows:
        return False  # "80 killed" and "130 killed" in one article: two attacks
    if sa.places and sb.places and not sa.places & sb.places:
        return False  # a figure for Kherson is not one for Sumy
    if sa.published is None or sb.published is None:
        near = False
    else:
        near = abs((sa.published - sb.published).days) <= rules.periodless_days
    if not (sa.text or sb.text) or (not (sa.text and sb.text) and not near):
        return False  # the article's own words: which event it counts is unsure
    if not (a.per or b.per or a.period_start or b.period_start) and not near:
        return False  # a 2024 aid bill is not a 2022 package; a tally grows from day to day
    return same_thing(a, b, sa.text, sb.text, one_claim=one_claim, rules=rules)


def same_thing(
    a: QuantityRecord,
    b: QuantityRecord,
    context_a: str | None,
    context_b: str | None,
    *,
    one_claim: bool = False,
    rules: FigureSettings = SHIPPED,
) -> bool:
    """Do two figures count the same thing? See the module docstring.

    ``context_a``/``context_b`` are the contents of the claims stating the figures (None for a
    figure in the article's own voice); ``one_claim`` when the claims are in one cluster.
    Small counts of things ("three states", "two countries") and percentages are compared only
    within one proposition; a figure in an article's own voice only when both are flows (rates
    or totals over a period of what happens); counts of events that happen to people (killed,
    wounded, deserted, ...) need related claims; counts of anything else claims that say much
    the same thing, or what they count alike, both scoped in time and related claims.
    """
    if (a.unit or None) != (b.unit or None):
        return False
    if a.unit in LENGTHS:  # "hit about 17 miles southeast of Odesa": what is measured is in
        return one_claim  # the claim, not in a noun; only one proposition's lengths are one
    wa, wb = counted(a.what, context_a), counted(b.what, context_b)
    if a.unit in AREAS:  # "gained about 360 square kilometres": an area of land, said or not
        wa, wb = wa | TERRITORY, wb | TERRITORY
    if not wa or not wb:
        return False  # a figure whose counted thing is unknown is compared with nothing
    if bool(wa & (GENERIC | EVENTS)) != bool(wb & (GENERIC | EVENTS)):
        return False  # people (soldiers, the killed) are not things (missiles, drones)
    shared_event = wa & wb & EVENTS
    for kinds in (GENERIC - UNSPECIFIC, EVENTS):
        if (wa & kinds) and (wb & kinds) and not (wa & wb & kinds):
            return False  # soldiers are not civilians; the killed are not the wounded
    if _elided(a.what) or _elided(b.what):
        return one_claim  # "38 wounded, 7 of whom died": 7 of which people, elsewhere unsaid
    if (
        not (wa & EVENTS or wb & EVENTS)
        and counted_nouns(a.what) <= UNSPECIFIC
        and counted_nouns(b.what) <= UNSPECIFIC
    ):
        return one_claim  # "forced 34 people back" / "help for 14 people" / "200 people tried
        # to cross": people, with nothing counted of them that says they are the same people
    head_a, head_b = _head(a.what), _head(b.what)
    if a.unit in AREAS:
        head_a, head_b = head_a or "territory", head_b or "territory"
    if (
        head_a is None
        or head_b is None
        or not _heads_agree(a, b, head_a, head_b, bool(shared_event))
    ):
        return False  # fighter jets are not servicemen, whatever their modifiers share
    nouns_a, nouns_b = (
        counted_nouns(a.what) - GENERIC - EVENTS,
        counted_nouns(b.what) - GENERIC - EVENTS,
    )
    if nouns_a and nouns_b and not nouns_a & nouns_b:
        return False  # settlements are not households
    done_a, done_b = _done(a.what), _done(b.what)
    if (done_a & LAUNCHED and done_b & DOWNED) or (done_a & DOWNED and done_b & LAUNCHED):
        return False  # drones launched are not drones shot down
    ca, cb = _event_classes(done_a), _event_classes(done_b)
    if ca and cb and not ca & cb and not shared_event and not one_claim:
        return False  # golf courses closed are not golf courses opened
    fired = bool(wa & LAUNCHED and wb & LAUNCHED) and head_a == head_b  # "5 missiles fired"
    small = max(largest(a), largest(b)) < rules.small_count and not (shared_event or fired)
    if small or (a.unit or None) == PERCENT:
        return one_claim  # "two countries" / "10 countries"; shares of different questions
    alike = dice(list(wa), list(wb)) >= rules.min_what and bool((wa & wb) - GENERIC)
    timed = all(q.per or q.period_start for q in (a, b))
    if not (context_a and context_b):
        # a figure in an article's own voice: only a flow over a stated time says enough of
        # which events it counts ("three people were killed" may be any attack)
        return timed and flow(a, context_a) and flow(b, context_b) and bool(shared_event or alike)
    context = dice(terms(context_a), terms(context_b))
    if shared_event:  # both count people recruited, killed, deserting ...
        return one_claim or context >= rules.related
    if one_claim:
        return True
    if context >= rules.same_story:
        # with no period to tie them, a figure of what happened to the things and one of the
        # things alone are two counts: "2,093 of the emails were redacted" / "22 emails"
        # (classified as top secret), said of one release
        return timed or bool(done_a) == bool(done_b)
    return alike and timed and context >= rules.related


AREAS = frozenset({"km2", "hectares"})
LENGTHS = frozenset({"km", "m"})
TERRITORY = frozenset(terms("territory"))
ANYONE = UNSPECIFIC | TOLL | frozenset(terms("dead victims casualties"))  # of whoever it was
SOLDIER = "soldier"


def _heads_agree(
    a: QuantityRecord, b: QuantityRecord, head_a: str, head_b: str, shared_event: bool
) -> bool:
    """Do two counted nouns name the same people or things? The same noun (or synonym) does;
    two nouns do only for one event when one of them stands for anyone it befell ("people",
    "victims", "the toll", a nationality: "67 Palestinians" / "100 people" killed), or both are
    kinds of people the caller has matched (civilians, children). "12 auxiliaries killed" and
    "25 soldiers killed", "80 attackers killed" and "11 soldiers killed" count other people;
    soldiers are counted as soldiers or by what befell them only ("casualties", "deserters"):
    a side's count of the soldiers it killed and a volunteer group's count of the people killed
    in a camp are two counts."""
    if head_a == head_b:
        return True
    if not shared_event or (SOLDIER in (head_a, head_b) and not {head_a, head_b} & EVENTS):
        return False  # "more than 90 soldiers" killed are not "71 people" killed in the camp
    if {head_a, head_b} & (ANYONE | EVENTS) or _nationals(a) or _nationals(b):
        return True
    return head_a in GENERIC and head_b in GENERIC


AUXILIARIES = frozenset("is are was were be been being has have had".split())


def _elided(what: str | None) -> bool:
    """What is counted is left unsaid, only what befell it: "7 of whom died", "11 injured"."""
    words = (what or "").split()
    return bool(words) and all(
        w.lower() in VERB_FORMS | AUXILIARIES or w.lower().endswith(("ed", "ing")) for w in words
    )


def _nationals(q: QuantityRecord) -> bool:
    """Counts people by nationality alone ("67 Palestinians", "300 Ukrainians")."""
    words = (q.what or "").split()
    return bool(words) and DEMONYM.match(words[0]) is not None and len(terms(q.what or "")) <= 2


def flow(q: QuantityRecord, context: str | None) -> bool:
    """Does the figure count what happens (drones launched, people evacuated, soldiers killed:
    a total over a period can be a rate, and a part of a longer period's total) rather than
    a level (poll points, delegates, viewers, seats)? A rate is a flow by definition."""
    if q.per:
        return True
    if counted(q.what, context) & EVENTS:
        return True
    words = (q.what or "").split()
    return len(words) >= 2 and (
        words[-1].lower() in VERB_FORMS | PARTICLES or words[-1].endswith(("ed", "ing"))
    )


def largest(q: QuantityRecord) -> float:
    return max(v for v in (q.value, q.low, q.high, 0.0) if v is not None)


@lru_cache(maxsize=20_000)
def counted(what: str | None, context: str | None) -> frozenset[str]:
    """The terms of what a figure counts, with the terms the phrases right after it in its claim
    add ("soldiers leaving their units": desert), and casualties recognised however they are put:
    "casualties", "soldiers killed and wounded", "losses", and soldiers in a claim about losses
    ("lost 36,000 soldiers", "losses averaged 1,200 personnel a day")."""
    tail = counted_tail(what, context)
    found = set(terms(what)) | set(phrases(terms(tail)))
    if found & GENERIC and not found & EVENTS - {"capture"} and FELL.search(f"{what} {tail}"):
        found = (found - {"capture"}) | {"kill"}  # soldiers who fell died; towns that fell
    if found >= CASUALTIES:
        found = (found - CASUALTIES) | {"casualty"}
    if LOSS in found and found & EVENTS:
        found.discard(LOSS)  # "lost their lives": killed
    elif LOSS in found and (found & GENERIC or found == {LOSS}):
        found = (found - {LOSS}) | {"casualty"}  # "losses", "soldiers lost" (not "tanks lost")
    elif found & GENERIC and not found & EVENTS and LOSS in terms(context):
        found.add("casualty")
    return frozenset(found)  # cached: an article's figures are compared with hundreds of others


def counted_tail(what: str | None, context: str | None, words: int = TAIL_WORDS) -> str:
    """What is counted and the words after it in the claim stating it: "soldiers" in "cases
    over soldiers leaving their units without permission" reads "soldiers leaving their units
    without"."""
    if not what or not context:
        return ""
    at = context.lower().find(what.lower())
    if at < 0:  # "people signed" in "people have signed contracts": from its first word
        found = re.search(rf"\b{re.escape(what.split()[0])}\b", context, re.IGNORECASE)
        if found is None:
            return ""
        at = found.start()
    return " ".join(context[at:].split()[: len(what.split()) + words])


def _head(what: str | None) -> str | None:
    """The term of the counted noun itself: the last word of what is counted before the verbs
    and participles the extractor appends ("Russian fighter jets" -> jet; "soldiers killed and
    wounded" -> soldier)."""
    words = (what or "").split()
    while len(words) >= 2 and (
        words[-1].lower() in VERB_FORMS | PARTICLES | {"and", "or", "who", "that", "which"}
        or words[-1].endswith(("ed", "ing"))
    ):
        words.pop()
    found = terms(words[-1]) if words else []
    return found[0] if found else None


def counted_nouns(what: str | None) -> set[str]:
    """The counted noun phrase of a ``what``, without the verb the extractor appends to it
    ("households left" -> households)."""
    words = (what or "").split()
    if len(words) >= 3 and words[-1].lower() in PARTICLES:
        words = words[:-1]  # "drones shot down"
    if len(words) >= 2 and (words[-1].endswith(("ed", "ing")) or words[-1].lower() in VERB_FORMS):
        words = words[:-1]
    return set(terms(" ".join(words)))


def _done(what: str | None) -> set[str]:
    """The terms of what happened to the counted thing, as the extractor appends it ("drones
    launched" -> launch; "soldiers killed and wounded" -> kill, wound)."""
    return set(terms(what)) - counted_nouns(what) if what else set()


def _event_classes(done: set[str]) -> set[str]:
    """What happened, with the words of one event folded ("fired" and "launched" drones)."""
    return {"#launch" if t in LAUNCHED else "#down" if t in DOWNED else t for t in done}


def dice(a: list[str], b: list[str]) -> float:
    sa, sb = set(a), set(b)
    return 2 * len(sa & sb) / (len(sa) + len(sb)) if sa and sb else 0.0


def compare(
    a: QuantityRecord,
    b: QuantityRecord,
    claim_ids: tuple[str, ...],
    sa: Stated | None = None,
    sb: Stated | None = None,
    rules: FigureSettings = SHIPPED,
) -> Check | None:
    """The check of two figures for the same thing, or None when they are not comparable. With
    where each is stated, the explanation says what is counted, where, over which period, in
    which articles of which dates by whom, and then the arithmetic."""
    fa, fb = figure(a), figure(b)
    if fa is None or fb is None or _disjoint(fa, fb):
        return None
    if _same_way(a, b):
        fa, fb = figure(a, as_number=True), figure(b, as_number=True)
        assert fa is not None and fb is not None
        if not meet((fa.low, fa.high, fa.tolerance), (fb.low, fb.high, fb.tolerance)):
            return None  # "at least 12" and "at least 27" agree on nothing checkable
    if sa is not None and sb is not None:
        fa, fb = _that_day(fa, sa, fb), _that_day(fb, sb, fa)
    # a level (poll points, delegates) over a period is no rate, nor part of a longer total
    flows = sa is None or sb is None or (flow(a, sa.text) and flow(b, sb.text))
    found = (
        flows
        and (
            _rates(fa, fb, rules.min_rate_days, rules.scope_ratio)
            or _part_of_whole(fa, fb)
            or _part_of_whole(fb, fa)
        )
    ) or _totals(fa, fb, rules.scope_ratio)
    if found is None:
        return None
    tension, explanation = found
    one_claim = sa is not None and sb is not None and bool(sa.clusters & sb.clusters)
    if (_subgroup(fa, fb) or _subgroup(fb, fa)) and (tension or not one_claim):
        return None  # "two hostages killed" among "at least 44 people killed": a part, which
        # neither contradicts its whole nor, outside one proposition, confirms it
    if not tension and sa is not None and sb is not None and _elsewhere(fa, fb, sa, sb):
        return None  # Kharkiv's five wounded and Dnipro's five injured agree on nothing
    if tension and sa is not None and sb is not None:
        if not _disagreement(fa, fb, sa, sb, rules.min_rate_days):
            return None
        rose = _update(fa, fb, sa, sb)
        if rose:
            tension, explanation = False, rose
    if sa is not None and sb is not None:
        explanation = f"{describe(a, b, sa, sb)}: {explanation}"
    first, second = sorted((a.id, b.id))
    return Check(
        id=f"n:{first}|{second}",
        quantity_a=a.id,
        quantity_b=b.id,
        kind="numeric",
        verdict="tension" if tension else "consistent",
        claim_ids=claim_ids,
        figures=(*_numbers(a), *_numbers(b)),
        explanation=explanation,
    )


def _elsewhere(a: Figure, b: Figure, sa: Stated, sb: Stated) -> bool:
    """Two figures of one event each (no tally, no stretch of days), stated in two articles
    about different places (``Stated.scope``) and of no one proposition: figures that happen
    to agree there confirm nothing."""
    if sa.doc_id == sb.doc_id or sa.clusters & sb.clusters:
        return False
    if any(TALLY.search(st.text or "") for st in (sa, sb)):
        return False
    if any(_spans_days(f, EVENT_DAYS + 1) for f in (a, b)):
        return False
    scope_a, scope_b = sa.scope(), sb.scope()
    return bool(scope_a and scope_b) and not scope_a & scope_b


def _that_day(f: Figure, st: Stated, other: Figure) -> Figure:
    """A figure with no period, of an event, in a report published on the day of the other
    figure's one-day period or the day after ("27 drones over the night", reported on the 26th,
    against "15 drones overnight on March 26") is a figure of that day."""
    if f.start is not None or f.q.per or other.q.per or other.start is None:
        return f
    if other.start != other.end or st.published is None:
        return f
    if not 0 <= (st.published - other.start).days <= 1:
        return f
    return Figure(f.q, f.low, f.high, f.tolerance, other.start, other.end)


LOCATIVE = re.compile(r"\b(?:in|near|on|at|outside|around)\s+(?:the\s+)?([A-Z][a-z]{3,})\b")
CALENDAR = frozenset(
    """Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
    June July August September October November December""".split()
)


def _unresolved_places(text: str | None) -> set[str]:
    """Capitalised words after "in", "near", "on", "at": where a claim says it happened, by a
    name the gazetteer may not know (days and months aside)."""
    return {m.group(1) for m in LOCATIVE.finditer(text or "")} - CALENDAR


def _disagreement(a: Figure, b: Figure, sa: Stated, sb: Stated, min_days: int) -> bool:
    """Whether two figures that do not meet may be reported as a tension (issue 10: on real
    conflict reporting nearly every numeric tension was a false alarm). Not when

    - one source states both totals (a source's later figure updates its earlier one; two
      figures of one source on one day are two scopes: a city's toll and the country's); a
      rate against a total of one period is checked whoever states them;
    - one claim names a place and the other none, unless one is a rate: the other is as often
      the country's toll, or the whole war's, as the same place's;
    - neither names a place, unless both are statements of one proposition (one cluster) or
      both figures are rates or totals over a stated stretch of days: "16 killed" and "22
      killed" on the night of a strike on many cities are the capital's toll and the country's
      as often as two estimates of one, while "about 900 a day in September" says its scope.

    A claim naming no place in an article that names one settlement only is about that place
    (``Stated.scope``; or one of two it names, the other's place) when its figure is of one
    event (no rate, no stretch of more than ``EVENT_DAYS``): two reports each of one town's
    strike, or one naming the town and the other a report on that town alone, count one
    event's toll. Not within one article, where a figure naming no place beside one naming the
    town is the country's on purpose; nor for a tally ("since October", "so far") or one over
    weeks, as often the country's.
    """
    rate = bool(a.q.per or b.q.per)  # "about 150 a week in January" against "2,600 in January"
    keys_a = [k for k in map(source_key, sa.speakers) if k is not None]
    keys_b = [k for k in map(source_key, sb.speakers) if k is not None]
    if not rate and any(same_source(x, y) for x in keys_a for y in keys_b):
        return False
    if sa.clusters & sb.clusters or (sa.places and sb.places):
        return True
    if not (sa.places or sb.places) and _unresolved_places(sa.text) & _unresolved_places(sb.text):
        return True  # both "in the assault on Synkivka", a village no gazetteer lists
    tally = any(TALLY.search(st.text or "") for st in (sa, sb))
    if (
        sa.doc_id != sb.doc_id
        and not tally
        and not any(_spans_days(f, EVENT_DAYS + 1) for f in (a, b))
    ):
        scope_a, scope_b = sa.scope(), sb.scope()
        if scope_a and scope_b:  # one of them a single place: {Dnipro} within {Dnipro, Moscow}
            return bool(scope_a & scope_b) and min(len(scope_a), len(scope_b)) == 1
    if sa.places or sb.places:
        return rate
    return all(_spans_days(f, min_days) for f in (a, b))


def _subgroup(part: Figure, whole: Figure) -> bool:
    """Whether ``part`` counts a group of those ``whole`` counts and no more of them: hostages,
    journalists or children among the people, the civilians or the toll killed. A demonym is no
    group ("67 Palestinians" and "100 people" killed in Gaza count the same dead), nor is a
    figure the larger one (20 hostages of 12 people killed disagree), nor a rate."""
    if part.q.per or whole.q.per or part.low > whole.high * (1 + whole.tolerance):
        return False
    group, among = _head(part.q.what), _head(whole.q.what)
    if group is None or among not in UNSPECIFIC | TOLL | {"civilian"}:
        return False
    if group in GENERIC - {"women", "children", "child"} | TOLL | EVENTS:
        return False
    return not any(
        DEMONYM.match(w) and terms(w)[:1] == [group] for w in (part.q.what or "").split()
    )


DEMONYM = re.compile(r"[A-Z]\w*(?:ans?|ese|is?|ish)$")  # Palestinians, Sudanese, Israelis


def _spans_days(f: Figure, min_days: int) -> bool:
    """A rate, or a total over a stated period of at least ``min_days`` days."""
    if f.q.per:
        return True
    return f.start is not None and f.end is not None and (f.end - f.start).days + 1 >= min_days


def _same_way(a: QuantityRecord, b: QuantityRecord) -> bool:
    """Two bounds the same way ("at least 12", "at least 27"): both hold whatever the count is
    above the larger; their numbers are compared as numbers, or not at all."""
    return a.bound == b.bound and (
        a.bound == "at_least"
        or (a.bound == "at_most" and not (NEAR.match(a.text) or NEAR.match(b.text)))
    )


def _update(a: Figure, b: Figure, sa: Stated, sb: Stated) -> str | None:
    """A toll that rose between two reports: a count of what happened to people (killed,
    wounded) with no rate, the later figure the higher (by the day each is given for,
    ``_as_of``). Tolls of an event grow as bodies are found and the wounded die; the earlier
    figure was right when it was given. The explanation of the consistent check it is; None
    when it is no such pair."""
    at_a, at_b = _as_of(a, sa), _as_of(b, sb)
    if at_a is None or at_b is None or at_a == at_b:
        return None
    if a.q.per or b.q.per:
        return None
    if not (counted(a.q.what, sa.text) & EVENTS and counted(b.q.what, sb.text) & EVENTS):
        return None
    (early, at_early), (late, at_late) = sorted(((a, at_a), (b, at_b)), key=lambda x: x[1])
    if late.high * (1 + late.tolerance) < early.low * (1 - early.tolerance):
        return None  # the later report counts fewer: no update explains that
    return (
        f"{late.q.text} ({at_late}) is higher than {early.q.text} ({at_early}): a toll that "
        "rose between the reports, not a disagreement"
    )


def _as_of(f: Figure, st: Stated) -> date | None:
    """The day a toll was given for: the last day of its own period when the claim dates the
    count itself ("the toll stood at five on Thursday evening", "as of Thursday", reported on
    Friday), else its report's date ("29 wounded in Thursday's attack", reported on Friday, is
    Friday's count of Thursday's event)."""
    end = day_of(f.q.period_end or f.q.period_start)
    dated = DATED_COUNT.search(st.text or "") is not None
    if dated and end is not None and st.published is not None and end <= st.published:
        return end
    return st.published


DATED_COUNT = re.compile(
    r"(?i)\b(?:as of|as at|stood at|toll (?:at|of|was)|by (?:\w+ )?(?:evening|morning|night|"
    r"afternoon|midday|noon))\b"
)


def counterpart(
    a: QuantityRecord,
    b: QuantityRecord,
    beside_a: Sequence[QuantityRecord],
    beside_b: Sequence[QuantityRecord],
) -> bool:
    """Whether another figure in the unit of ``a`` stated beside it (in the claims stating it)
    gives ``b``'s value, or one beside ``b`` gives ``a``'s: the claim sets two states side by
    side ("would cut its tax rate to 17 or 18 percent, against its effective 25 percent"; "up
    from 12 to 30"), and the other article's figure is the counterpart of one of them, not a
    disagreement with the other. Such a pair is no tension."""

    def gives(others: Sequence[QuantityRecord], q: QuantityRecord, own: QuantityRecord) -> bool:
        want = _values(q)
        return any(
            o.id != own.id
            and (o.unit or None) == (own.unit or None)
            and any(
                abs(v - w) <= 0.05 * max(abs(v), abs(w), 1e-9) for v in _values(o) for w in want
            )
            for o in others
        )

    return gives(beside_a, b, a) or gives(beside_b, a, b)


def _values(q: QuantityRecord) -> list[float]:
    return [v for v in (q.value, q.low, q.high) if v is not None]


def describe(a: QuantityRecord, b: QuantityRecord, sa: Stated, sb: Stated) -> str:
    """ "soldiers deserting (Russia; 2025-10-01..2025-10-31 / a month): 21,600 in doc-a
    (2025-11-02, per Prosecutors) against 15,000 to 18,000 in doc-b (2025-11-03, per TASS)"."""
    places = sorted(sa.places | sb.places)
    around = sorted(sa.scope() & sb.scope())
    if places:
        where = ", ".join(places)
    elif around:
        where = f"{', '.join(around)}, the place their articles report"
    else:
        where = "no place named"

    def period(q: QuantityRecord) -> str:
        if q.per:
            return f"a {q.per}"
        if q.period_start:
            return f"{q.period_start[:10]}..{(q.period_end or q.period_start)[:10]}"
        return "no period"

    periods = period(a) if period(a) == period(b) else f"{period(a)} / {period(b)}"

    def where_stated(q: QuantityRecord, st: Stated) -> str:
        day = st.published.isoformat() if st.published else "date unknown"
        who = f", per {' and '.join(st.speakers)}" if st.speakers else ", article's own words"
        return f"{q.text} in {st.doc_id} ({day}{who})"

    wa, wb = (
        "distance" if q.unit in LENGTHS
        else q.what or ("territory" if q.unit in AREAS else q.unit or "unsaid")
        for q in (a, b)
    )  # fmt: skip
    what = wa if wa == wb else f"{wa} / {wb}"
    return f"{what} ({where}; {periods}): {where_stated(a, sa)} against {where_stated(b, sb)}"


def _numbers(q: QuantityRecord) -> tuple[str, ...]:
    """The figure as written ("21,600", "15,000 to 18,000") and, for a range, each end."""
    ends = tuple(f.strip() for f in NUMBER.findall(q.text)) if q.value is None else ()
    return (q.text, *ends)


def _disjoint(a: Figure, b: Figure) -> bool:
    """Figures for periods that do not overlap are about different times."""
    if None in (a.start, a.end, b.start, b.end):
        return False
    assert a.start and a.end and b.start and b.end
    return a.end < b.start or b.end < a.start


def _in_unit(f: Figure, per: str, min_days: int) -> tuple[float, float, str] | None:
    """The figure as a rate per ``per``: an explicit rate converted, or a total spread over its
    period (whole calendar months count as months)."""
    if f.q.per in PER_DAY:
        k = PER_DAY[f.q.per] / PER_DAY[per]
        return f.low * k, f.high * k, f"{f.q.text} a {f.q.per}"
    if f.start is None or f.end is None:
        return None
    days = (f.end - f.start).days + 1
    if days < min_days:
        return None  # one day's total is an event, not a rate
    months = _whole_months(f.start, f.end)
    if per == "month" and months:
        return f.low / months, f.high / months, f"{f.q.text} over {months} month(s)"
    k = 1 / (days * PER_DAY[per])
    return f.low * k, f.high * k, f"{f.q.text} over {days} day(s)"


def _whole_months(start: date, end: date) -> int | None:
    if start.day != 1 or (end + timedelta(days=1)).day != 1:
        return None
    return (end.year - start.year) * 12 + end.month - start.month + 1


def _rates(a: Figure, b: Figure, min_days: int, scope_ratio: float) -> tuple[bool, str] | None:
    per = a.q.per or b.q.per
    if per is None:
        return None
    ra, rb = _in_unit(a, per, min_days), _in_unit(b, per, min_days)
    if ra is None or rb is None:
        return None
    tension = not meet((ra[0], ra[1], a.tolerance), (rb[0], rb[1], b.tolerance))
    if tension and min(ra[0], rb[0]) > 0 and _far_apart(ra[0], rb[0], scope_ratio):
        return None  # rates of one thing more than 30 times apart count two things: "32
        # vessels a day passed through the strait", "193 ships targeted since November"
    verdict = "do not agree" if tension else "agree"
    return tension, (
        f"{ra[2]} is {_range(ra[0], ra[1])} a {per}; {rb[2]} is {_range(rb[0], rb[1])} a {per}; "
        f"with {_pct(a.tolerance)}/{_pct(b.tolerance)} tolerance they {verdict}"
    )


def _part_of_whole(part: Figure, whole: Figure) -> tuple[bool, str] | None:
    if part.q.per or whole.q.per or None in (part.start, part.end, whole.start, whole.end):
        return None
    assert part.start and part.end and whole.start and whole.end
    inside = whole.start <= part.start and part.end <= whole.end
    if not inside or (part.start, part.end) == (whole.start, whole.end):
        return None
    tension = part.low > whole.high * (1 + part.tolerance + whole.tolerance)
    relation = "exceeds" if tension else "fits within"
    return tension, (
        f"{part.q.text} ({part.start}..{part.end}) is part of the period of {whole.q.text} "
        f"({whole.start}..{whole.end}): the part {relation} the whole"
    )


def _totals(a: Figure, b: Figure, scope_ratio: float) -> tuple[bool, str] | None:
    if a.q.per or b.q.per:
        return None
    if (a.start, a.end) != (b.start, b.end):
        return None
    tension = not meet((a.low, a.high, a.tolerance), (b.low, b.high, b.tolerance))
    if tension and _far_apart(_stated(a), _stated(b), scope_ratio):
        return None  # two counts of one thing rarely differ 30 times (an exaggeration may:
        # 250,000 refugees for 10,000); a war's toll and a night's do
    verdict = "do not agree" if tension else "agree"
    scope = f" for {a.start}..{a.end}" if a.start else ""
    return tension, (
        f"{a.q.text} and {b.q.text} count the same thing{scope}; with "
        f"{_pct(a.tolerance)}/{_pct(b.tolerance)} tolerance they {verdict}"
    )


def _stated(f: Figure) -> float:
    """The number a figure states: an upper bound's ("no more than 400") is its bound, not 0."""
    return f.low if f.low > 0 or math.isinf(f.high) else f.high


def _far_apart(x: float, y: float, ratio: float) -> bool:
    """Whether two lower figures are more than ``ratio`` times apart (or one is nothing)."""
    small, large = sorted((max(x, 0.0), max(y, 0.0)))
    return small <= 0 or large / small > ratio


def _pct(tolerance: float) -> str:
    """10%, 2%, 0.5%, 0%: a tolerance as the explanation prints it."""
    return f"{tolerance:.1%}".replace(".0%", "%")


def meet(a: tuple[float, float, float], b: tuple[float, float, float]) -> bool:
    a_low, a_high = a[0] * (1 - a[2]), a[1] * (1 + a[2])
    b_low, b_high = b[0] * (1 - b[2]), b[1] * (1 + b[2])
    return a_low <= b_high and b_low <= a_high


def _range(low: float, high: float) -> str:
    if math.isinf(high):
        return f"{low:,.0f} or more"
    return f"{low:,.0f}" if abs(high - low) < 0.5 else f"{low:,.0f}-{high:,.0f}"
