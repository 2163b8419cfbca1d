"""Choosing, for each place mention, the gazetteer place it stands for, from the article's context.

Which candidates a mention may take depends on how it is written:

- "the X region" / "X Oblast": admin-1 regions only: those named "X Oblast" (or "X region"...),
  else those named X, else the regions of the settlements named X (the Kursk region is the
  region of Kursk).
- "the X direction": settlements only (the front towards the town X).
- a facility (FAC): only a place whose own name it is, not an alternate name.
- an acronym or abbreviation (US, U.S., UK, N.Y., Ky.): countries only (by name, or by ISO
  code when written in capitals without dots).
- a bare name: a country when one has the name (Georgia is the country); otherwise settlements
  and regions, less a region that is named after a settlement of the same name inside it
  ("Kharkiv" is the city, not the oblast named after it).

Among the candidates left, the choice is made in two passes over the article. The context is
what the article itself pins down: the countries it names, the regions it names ("the Kharkiv
region"), and the settlements whose name has a single candidate. Each candidate scores

    log10(population)
    + 2 if it lies in an admin-1 region the article names
    + 1 if it lies in a country the article names (or in which a named region or an
        unambiguous settlement lies)
    + 1 if its own name is the name as written (not one of its alternate names)
    + 2 if it is a national capital (Paris, Washington, London): by a bare name the capital is
        meant, even in an article that names another country with a town of that name
    + 2.5 if it lies in Ukraine or a Russian border region (Belgorod, Bryansk, Kursk): the
        theatre of the reporting claimledger reads, so "Seversk" is Siversk, not Seversk in
        Siberia, unless the article says otherwise
    - min(d / 200, 3), d being its distance in km to the nearest unambiguous settlement

and the highest score wins. So a named region or country outweighs a population up to a
hundred (or ten) times larger, and a place ten times as populous may lie 200 km further
from the article's other places; the order of preference is the article's regions, its
countries, nearness, population, but a much larger place can still win over a small
one in a named region (Washington, D.C. over a hamlet of Virginia that once had the name).

The first pass builds the context from the unambiguous mentions only; the second re-ranks
every mention with the context the first pass resolved (its chosen regions and countries).
A mention that the tagger took for an organisation or person ("weak") adds nothing to the
context, and is kept only when its choice is borne out by it: when it lies in a region the
article names ("the Belgorod region ... drones struck Shebekino"); or, after a locative word
or in a list with a place ("near X", "Dnipro, X and Y"), when it lies in a country of the
context and is a city, a region or a country, or lies within 150 km of one of the
article's unambiguous settlements (so "in Congress" finds no village called Congress unless
the article names its state).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from claimledger.link.gazetteer import Candidate, Gazetteer, aliases
from claimledger.link.sources import capitals
from claimledger.link.translit import fold

Kind = Literal["place", "region", "direction"]

ACRONYM = re.compile(r"(?:[A-Z]\.?){1,4}|[A-Z][a-z]{1,4}\.")  # US, U.S., N.Y., Ky., Calif.
REGION_BONUS = 2.0
COUNTRY_BONUS = 1.0
NAME_BONUS = 1.0
# claimledger reads reporting on the Russia-Ukraine war: with nothing else to go on, a name is
# likelier a place in Ukraine or a Russian border region (GeoNames admin1: Belgorod 09, Bryansk
# 10, Kursk 41) than a namesake elsewhere ("Seversk" is Siversk, not the Siberian city)
THEATRE_BONUS = 2.5
CAPITAL_BONUS = 2.0  # a national capital, by its bare name
THEATRE_COUNTRIES = frozenset({"UA"})
THEATRE_REGIONS = frozenset({("RU", "09"), ("RU", "10"), ("RU", "41")})
DISTANCE_SCALE_KM = 200.0
MAX_DISTANCE_PENALTY = 3.0
NEAR_KM = 150.0


@dataclass(frozen=True)
class Mention:
    """A stretch of text that names a place, and how it is written."""

    text: str
    start: int
    end: int
    name: str  # what to look up
    kind: Kind = "place"
    cue: str | None = None  # the region word of a region mention, as written
    weak: bool = False  # tagged as something else; needs the gazetteer and the context
    cued: bool = True  # after a locative word ("in", "near", "south of")
    exact: bool = False  # only a place whose own name this is (a facility: "the White House")
    person: bool = False  # a name of a person the article names: a place only if large
    namesake: bool = False  # a word of the name of a person the article names ("Jim Jordan")
    article: bool = False  # written after "the" ("the White House"): not a settlement's name


@dataclass
class Context:
    """What the article pins down: named countries and regions, unambiguous settlements."""

    countries: set[str] = field(default_factory=set)
    regions: set[tuple[str | None, str | None]] = field(default_factory=set)
    anchors: list[Candidate] = field(default_factory=list)
    named: set[str] = field(default_factory=set)  # countries of named countries and regions


def km(a: Candidate, b: Candidate) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def candidates(gazetteer: Gazetteer, mention: Mention) -> list[Candidate]:
    """The places a mention may stand for, given how it is written."""
    found = gazetteer.lookup(mention.name)
    if mention.exact:
        found = [c for c in found if fold(c.name) == fold(mention.name)]
    if ACRONYM.fullmatch(mention.name) and fold(mention.name) not in aliases():
        return [c for c in found if c.feature == "country"]  # "DPR" is on the alias list
    if mention.kind == "region":
        return _regions(gazetteer, mention, found)
    if mention.kind == "direction":
        return [c for c in found if c.settlement] or found
    if mention.article:  # "the White House", "the Taj": a settlement only if "The" is its own
        found = [c for c in found if not c.settlement or fold(c.name).startswith("the ")]
    countries = [c for c in found if c.feature == "country"]
    if countries:
        return countries
    eponyms = {(c.country, c.admin1) for c in found if _eponym(gazetteer, c, mention.name)}
    return [c for c in found if c.settlement or (c.country, c.admin1) not in eponyms]


EPONYM_SHARE = 0.05


def _eponym(gazetteer: Gazetteer, settlement: Candidate, written: str) -> bool:
    """A settlement whose own name is the name as written and that holds a fair share of its
    region's people: Kharkiv in Kharkiv Oblast, but not Maryland City in Maryland nor a
    village called Oklahoma in Oklahoma."""
    if not settlement.settlement or fold(settlement.name) != fold(written):
        return False
    region = gazetteer.region(settlement.country, settlement.admin1)
    return region is None or settlement.population >= EPONYM_SHARE * region.population


def _regions(gazetteer: Gazetteer, mention: Mention, found: list[Candidate]) -> list[Candidate]:
    phrases = [f"{mention.name} {w}" for w in (mention.cue, "oblast", "region") if w]
    named = [c for p in phrases for c in gazetteer.lookup(p) if c.feature == "region"]
    named += [c for c in found if c.feature == "region"]
    if not named:
        areas = {(c.country, c.admin1) for c in found if c.settlement}
        named = [r for area in areas if (r := gazetteer.region(*area)) is not None]
    return list({c.geonameid: c for c in named}.values())


def score(candidate: Candidate, context: Context, written: str) -> float:
    """How well a candidate fits the article: higher is better (see the module's doc)."""
    anchors = [a for a in context.anchors if a.geonameid != candidate.geonameid]
    nearest = min((km(candidate, a) for a in anchors), default=0.0)
    area = (candidate.country, candidate.admin1)
    return (
        math.log10(candidate.population + 1)
        + REGION_BONUS * (area in context.regions and candidate.admin1 is not None)
        + COUNTRY_BONUS * (candidate.country in context.countries)
        + NAME_BONUS * (fold(candidate.name) == fold(written))
        + THEATRE_BONUS * (_in_theatre(candidate) and _theatre_article(context))
        + CAPITAL_BONUS * _capital(candidate)
        - min(nearest / DISTANCE_SCALE_KM, MAX_DISTANCE_PENALTY)
    )


def _capital(candidate: Candidate) -> bool:
    return (
        candidate.settlement
        and candidate.country is not None
        and (candidate.country, fold(candidate.name)) in capitals()
    )


def _in_theatre(candidate: Candidate) -> bool:
    area = (candidate.country, candidate.admin1)
    return candidate.country in THEATRE_COUNTRIES or area in THEATRE_REGIONS


def _theatre_article(context: Context) -> bool:
    """The theatre bonus holds for an article that names a theatre country (or Russia), or
    names no country at all; a report on US politics that names only the US and Britain
    does not mean a Ukrainian town by "Cambridge"."""
    return not context.countries or bool(context.countries & (THEATRE_COUNTRIES | {"RU"}))


def choose(options: Sequence[Candidate], context: Context, written: str) -> Candidate | None:
    """The best-scoring candidate, or None when there is none. A settlement does not take the
    bonus of a region that is itself a candidate of the same name (the town of California
    does not lie in "a region the article names" because "California" names the state)."""
    own = {(c.country, c.admin1) for c in options if c.feature == "region"}
    if own & context.regions:
        context = replace(context, regions=context.regions - own)
    return max(options, key=lambda c: score(c, context, written), default=None)


def _context(options: list[list[Candidate]], chosen: list[Candidate | None]) -> Context:
    context = Context()
    for found, best in zip(options, chosen, strict=True):
        if best is None:
            continue
        if best.feature in ("country", "region") or len(found) == 1:
            context.countries.add(best.country or "")
        if best.feature in ("country", "region"):
            context.named.add(best.country or "")
        if best.feature == "region":
            context.regions.add((best.country, best.admin1))
        if best.settlement and len(found) == 1 and best not in context.anchors:
            context.anchors.append(best)  # once: repeats change no distance, cost one each
    context.countries.discard("")
    return context


def resolve(gazetteer: Gazetteer, mentions: Sequence[Mention]) -> list[Candidate | None]:
    """For each mention, the place it stands for (None: not in the gazetteer, or rejected)."""
    options = [candidates(gazetteer, m) for m in mentions]
    single = [
        f[0] if len(f) == 1 and (not m.weak or _country_named(f[0], m)) else None
        for m, f in zip(mentions, options, strict=True)
    ]
    initial = _context(options, single)
    first = [choose(f, initial, m.name) for m, f in zip(mentions, options, strict=True)]
    strong = [
        c if not m.weak or _country_named(c, m) else None
        for m, c in zip(mentions, first, strict=True)
    ]
    context = _context(options, strong)
    final = [choose(f, context, m.name) for m, f in zip(mentions, options, strict=True)]
    return [
        c
        if (not m.weak or _fits(c, context, m.cued) or _country_named(c, m))
        and (not m.person or _large(c))
        and _supported(c, context, m.cued)
        and _borne_out(c, context, m)
        else None
        for m, c in zip(mentions, final, strict=True)
    ]


COMMON_ZIPF = 4.0  # an English word or name this common (wordfreq's Zipf scale) ...
EVERYDAY_ZIPF = 4.5  # ... or this common: "justice", "congress", "economy", "johnson"


def _borne_out(candidate: Candidate | None, context: Context, mention: Mention) -> bool:
    """A small settlement (under ``FOREIGN_POPULATION``) outside the theatre whose name as
    written is a common English word or name (``COMMON_ZIPF``) is taken only when the article
    supports it: its region named, one of the article's unambiguous settlements within
    ``NEAR_KM``, or a locative cue ("in Jefferson"); by an everyday word (``EVERYDAY_ZIPF``),
    or by a common word that is only another name of the place, never. "Justice Antonin
    Scalia" is no city in Illinois, "approval by Congress" no village in Arizona, "Democrat
    Hillary Clinton" no town in Alabama that once had the name, "Gary Johnson" no town in
    Vermont, in a report that names those states."""
    if candidate is None or not candidate.settlement or _in_theatre(candidate):
        return True
    if candidate.population >= FOREIGN_POPULATION:
        return True
    zipf = _zipf(mention.text)
    if zipf < COMMON_ZIPF:
        return True
    if zipf >= EVERYDAY_ZIPF or fold(candidate.name) != fold(mention.name):
        return False  # an everyday word, or a common one that is only another name of it
    if (candidate.country, candidate.admin1) in context.regions:
        return True
    if any(km(candidate, a) <= NEAR_KM for a in context.anchors if a != candidate):
        return True
    return mention.cued


def _zipf(written: str) -> float:
    """How common the words of a name are in English (wordfreq's Zipf scale, 0 to 8)."""
    from wordfreq import zipf_frequency  # its word list loads on first use

    return float(zipf_frequency(written.lower(), "en"))


PERSON_PLACE_POPULATION = 250_000
FOREIGN_POPULATION = 100_000  # a settlement of a country the article does not name, cued
BARE_FOREIGN_POPULATION = 500_000  # the same, with no locative cue


def _supported(candidate: Candidate | None, context: Context, cued: bool) -> bool:
    """A settlement in a country the article does not name (outside the theatre) is taken
    only when it is large (100,000 people after a locative cue, 500,000 without), lies in a
    region the article names or near one of its unambiguous settlements: "Obama" is not the
    Japanese city, nor "Rubio" the Venezuelan one, in a report on US politics."""
    if candidate is None or not candidate.settlement:
        return True
    if _in_theatre(candidate) or candidate.country in context.named:
        return True
    if any(a.country == candidate.country for a in context.anchors if a != candidate):
        return True
    if (candidate.country, candidate.admin1) in context.regions:
        return True
    if any(km(candidate, a) <= NEAR_KM for a in context.anchors if a != candidate):
        return True
    return candidate.population >= (FOREIGN_POPULATION if cued else BARE_FOREIGN_POPULATION)


def _country_named(candidate: Candidate | None, mention: Mention) -> bool:
    """A country written by its own name, which the tagger took for a person or an organisation
    ("Burkina Faso", "Niger", "Benin" are often tagged as people): the country, unless the
    name is part of the name of a person the article names ("Jim Jordan", "Chad Wolf")."""
    return (
        candidate is not None
        and candidate.feature == "country"
        and fold(candidate.name) == fold(mention.name)
        and not mention.namesake
    )


def _large(candidate: Candidate | None) -> bool:
    """A place well known enough to be meant even by a name that is also a person's
    (Washington, Houston, Georgia), unlike Obama in Japan or Rubio in Venezuela."""
    if candidate is None:
        return False
    big = candidate.population >= PERSON_PLACE_POPULATION
    return candidate.feature in ("country", "region", "continent") or big


def _fits(candidate: Candidate | None, context: Context, cued: bool) -> bool:
    """Whether a weak mention's choice is borne out by the context."""
    if candidate is None:
        return False
    if (candidate.country, candidate.admin1) in context.regions:
        return True
    if not cued:
        return False
    big = candidate.feature in ("country", "region", "city", "town")
    if not context.countries:
        return big
    near = any(km(candidate, a) <= NEAR_KM for a in context.anchors)
    return candidate.country in context.countries and (big or near)
