"""The gazetteer index: variants, regions, countries, and building it once."""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimledger.link.gazetteer import Candidate, Gazetteer, read_meta
from claimledger.link.gazetteer import _remove_stale as remove_stale
from claimledger.link.sources import Record, mean_point, region_name

VOVCHANSK = 689304
KUPYANSK = 703656
KHARKIV = 706483


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    """The real gazetteer, built into the cache on the first run of a machine."""
    return Gazetteer.load()


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2
    h += math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def ids(found: list[Candidate]) -> set[int]:
    return {c.geonameid for c in found}


@pytest.mark.parametrize(
    ("names", "geonameid"),
    [
        (
            ["Вовчанськ", "Волчанск", "Vovchansk", "Volchansk", "Vovchans'k", "Vovchans’k"],
            VOVCHANSK,
        ),
        (["Kupyansk", "Kupiansk", "Kup'yans'k", "Куп’янськ", "Купянск"], KUPYANSK),
        (["Kharkov", "Kharkiv", "Харків", "Харьков", "Khar'kov"], KHARKIV),
    ],
)
def test_transliteration_variants_find_the_same_place(
    gazetteer: Gazetteer, names: list[str], geonameid: int
) -> None:
    for name in names:
        assert geonameid in ids(gazetteer.lookup(name)), name


def test_a_village_is_in_the_gazetteer(gazetteer: Gazetteer) -> None:
    (vilcha,) = [c for c in gazetteer.lookup("Vilcha") if c.admin1 == "07"]
    assert vilcha.feature == "village"
    assert vilcha.country == "UA"


def test_admin1_region_has_a_point_inside_it(gazetteer: Gazetteer) -> None:
    (oblast,) = gazetteer.lookup("Kharkiv Oblast")
    assert (oblast.name, oblast.feature, oblast.country, oblast.admin1) == (
        "Kharkiv Oblast",
        "region",
        "UA",
        "07",
    )
    assert km(oblast.lat, oblast.lon, 49.5, 36.6) < 120
    assert gazetteer.region("UA", "07") == oblast


def test_country_has_a_point_inside_it(gazetteer: Gazetteer) -> None:
    ukraine = gazetteer.lookup("Ukraine")[0]
    assert (ukraine.name, ukraine.feature) == ("Ukraine", "country")
    assert km(ukraine.lat, ukraine.lon, 49.0, 32.0) < 400


@pytest.mark.parametrize(
    ("alias", "name"),
    [
        ("Russia", "Russia"),
        ("Russian Federation", "Russia"),
        ("UK", "United Kingdom"),
        ("U.S.", "United States"),
        ("US", "United States"),  # ISO code
        ("UKR", "Ukraine"),  # ISO code
    ],
)
def test_country_aliases(gazetteer: Gazetteer, alias: str, name: str) -> None:
    assert gazetteer.lookup(alias)[0].name == name


def test_unknown_name_has_no_candidates(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Blorptownivka") == []


def test_codes_only_in_capitals(gazetteer: Gazetteer) -> None:
    assert "Ukraine" not in {c.name for c in gazetteer.lookup("ukr")}


def test_second_load_does_not_rebuild(gazetteer: Gazetteer) -> None:
    builds = Gazetteer.builds
    assert Gazetteer.load() is gazetteer
    Gazetteer.forget(gazetteer.path)
    again = Gazetteer.load()
    assert again is not gazetteer
    assert again.path == gazetteer.path
    assert Gazetteer.builds == builds


def _records(calls: list[int]) -> Iterator[Record]:
    calls.append(1)
    yield Record(1, "Testivka", 50.0, 36.0, "UA", "village", "07", 900, ("Тестівка",))


def test_index_is_built_once_and_rebuilt_for_a_new_version(tmp_path: Path) -> None:
    path = tmp_path / "gazetteer.sqlite"
    calls: list[int] = []
    builds = Gazetteer.builds

    def records() -> Iterator[Record]:
        return _records(calls)

    first = Gazetteer.load(path, records, {"index_version": "1"})
    assert [c.name for c in first.lookup("Testivka")] == ["Testivka"]
    assert first.lookup("Тестівка") == first.lookup("testivka")
    Gazetteer.forget(path)
    Gazetteer.load(path, records, {"index_version": "1"})
    assert (len(calls), Gazetteer.builds - builds) == (1, 1)
    Gazetteer.forget(path)
    Gazetteer.load(path, records, {"index_version": "2"})
    assert (len(calls), Gazetteer.builds - builds) == (2, 2)
    assert (read_meta(path) or {})["index_version"] == "2"
    Gazetteer.forget(path)


def test_mean_point_crosses_the_antimeridian() -> None:
    lat, lon = mean_point([(0.0, 179.0), (0.0, -179.0)]) or (0.0, 0.0)
    assert abs(lat) < 1e-6
    assert abs(abs(lon) - 180.0) < 1e-6
    assert mean_point([]) is None


def test_region_name_prefers_the_english_form() -> None:
    aliases = ["Kharkiv", "Kharkiv Oblast", "Kharkivs’ka Oblast’", "Харьковская область"]
    assert region_name("Kharkivska oblast", aliases, ["oblast"]) == "Kharkiv Oblast"
    assert region_name("Kurskaya oblast'", ["Курская область"], ["oblast"]) == "Kurskaya oblast'"
    assert region_name("California", ["California Republic"], ["state"]) == "California"


def test_other_versions_are_removed_from_the_cache(tmp_path: Path) -> None:
    current = tmp_path / "gazetteer-v2-geonamescache3.0.2-localis2.1.0.sqlite"
    old = tmp_path / "gazetteer-v1-geonamescache3.0.2-localis2.1.0.sqlite"
    for path in (current, old, old.with_name(f"{old.name}.lock"), tmp_path / "other.sqlite"):
        path.write_text("")
    remove_stale(current)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([current.name, "other.sqlite"])
