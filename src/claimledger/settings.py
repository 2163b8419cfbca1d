"""Settings: the tuned thresholds of the cross-article analysis, from one versioned data file.

``claimledger/data/settings/settings.v1.toml`` holds every threshold the clustering, the copy
detection, the figure checks and the grades decide with, each with what it means;
:func:`load_settings` reads it, with a user's TOML file over it (the same sections and keys,
any subset), into a frozen :class:`Settings` that the ledger is opened with
(``open_ledger(..., settings=...)``, ``claimledger ingest --settings FILE`` or
``$CLAIMLEDGER_SETTINGS``) and passes down. The analysis takes its thresholds from the settings
it is given, so two ledgers in one process can be analysed with two settings; a function's
default is the shipped file (``SHIPPED``), for callers with no ledger (unit tests).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from claimledger.errors import DataFileError

SETTINGS_FILE = "settings.v1.toml"
VERSION = 1
ENV = "CLAIMLEDGER_SETTINGS"


@dataclass(frozen=True)
class ClusterSettings:
    same_source: float
    unknown_source: float
    other_source: float
    quote_bonus: float
    rare_quote_idf: float
    said_again_run: int
    quoted_run: int
    max_days: int
    to_date_days: int
    time_penalty: float
    place_bonus: float
    place_penalty: float
    place_penalty_unnamed: float
    figure_bonus: float
    value_bonus: float
    part_penalty: float
    restated: float
    min_shared_same: int
    min_shared_unknown: int
    min_shared_other: int

    def threshold(self, relation: str) -> float:
        """The similarity a pair of claims with this relation of sources needs."""
        if relation == "same":
            return self.same_source
        return self.unknown_source if relation == "unknown" else self.other_source

    def min_shared(self, relation: str) -> int:
        """The content terms a pair of claims with this relation of sources must share."""
        if relation == "same":
            return self.min_shared_same
        return self.min_shared_unknown if relation == "unknown" else self.min_shared_other


@dataclass(frozen=True)
class CopySettings:
    copy_jaccard: float
    copy_containment: float


@dataclass(frozen=True)
class FigureSettings:
    same_story: float
    related: float
    min_what: float
    small_count: int
    periodless_days: int
    min_rate_days: int
    scope_ratio: float


@dataclass(frozen=True)
class GradeSettings:
    min_record: int


@dataclass(frozen=True)
class Settings:
    clusters: ClusterSettings
    copies: CopySettings
    figures: FigureSettings
    grades: GradeSettings
    source: str = SETTINGS_FILE  # where they came from (the shipped file, or it and a user's)


SECTIONS: dict[str, type[Any]] = {
    "clusters": ClusterSettings,
    "copies": CopySettings,
    "figures": FigureSettings,
    "grades": GradeSettings,
}


@lru_cache(maxsize=1)
def shipped_settings() -> Settings:
    """The settings claimledger ships (read once: the file is part of the package)."""
    try:
        text = (
            resources.files("claimledger.data")
            .joinpath("settings", SETTINGS_FILE)
            .read_text("utf-8")
        )
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"settings {SETTINGS_FILE} cannot be read ({exc}); reinstall") from exc
    return _parse(text, SETTINGS_FILE, base=None)


def load_settings(path: Path | str | None = None) -> Settings:
    """The shipped settings with the user's file over them: ``path``, else the file named by
    ``$CLAIMLEDGER_SETTINGS``, else none. A DataFileError names the file and the key."""
    base = shipped_settings()
    chosen = path if path is not None else os.environ.get(ENV) or None
    if chosen is None:
        return base
    where = Path(chosen)
    try:
        text = where.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(
            f"{where}: the settings file cannot be read ({exc}). Give a TOML file with the "
            f"sections of {SETTINGS_FILE}, or unset ${ENV}"
        ) from exc
    return _parse(text, str(where), base)


def _parse(text: str, where: str, base: Settings | None) -> Settings:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(f"{where}: not valid TOML ({exc})") from exc
    version = data.pop("version", VERSION)
    if version != VERSION:
        raise DataFileError(
            f"{where}: settings version {version!r}; this claimledger reads {VERSION}"
        )
    unknown = sorted(set(data) - set(SECTIONS))
    if unknown:
        raise DataFileError(
            f"{where}: unknown section(s) {', '.join(unknown)}; known: {', '.join(SECTIONS)}"
        )
    built: dict[str, Any] = {}
    for name, cls in SECTIONS.items():
        given = data.get(name, {})
        if not isinstance(given, dict):
            raise DataFileError(f"{where}: [{name}] must be a table of settings")
        known = {f.name: str(f.type) for f in fields(cls)}
        for key in sorted(set(given) - set(known)):
            raise DataFileError(
                f"{where}: [{name}] {key}: no such setting; known: {', '.join(known)}"
            )
        values = {key: _value(where, name, key, given[key], known[key]) for key in given}
        if base is None:
            missing = sorted(set(known) - set(values))
            if missing:
                raise DataFileError(f"{where}: [{name}] lacks {', '.join(missing)}")
            built[name] = cls(**values)
        else:
            built[name] = replace(getattr(base, name), **values)
    source = where if base is None else f"{base.source} with {where}"
    return Settings(**built, source=source)


def _value(where: str, section: str, key: str, value: Any, kind: str) -> int | float:
    """A number of the setting's type (an int for a count; an int or a float for a float)."""
    ok = isinstance(value, int) if kind == "int" else isinstance(value, int | float)
    if isinstance(value, bool) or not ok or value < 0:
        want = "a whole number" if kind == "int" else "a number"
        raise DataFileError(f"{where}: [{section}] {key} = {value!r}: want {want}, 0 or more")
    return float(value) if kind == "float" else int(value)
