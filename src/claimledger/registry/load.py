"""Reading the registry: the shipped data files, then the user's file over them.

Shipped: ``claimledger/data/registry/actors.v1.yaml`` (people, organisations and the
vocabulary) and ``outlets.v1.yaml``. The user's file is ``$CLAIMLEDGER_REGISTRY``, else
``$XDG_CONFIG_HOME/claimledger/registry.yaml`` (``~/.config/claimledger/registry.yaml``); it
has the same format, and an entry with a shipped entry's id replaces it. Every file is checked
whole: a malformed one raises :class:`DataFileError` naming the file, the entry and the fix.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from claimledger.errors import DataFileError
from claimledger.registry.entries import KINDS, ActorEntry, Kind, OutletEntry, Vocabulary
from claimledger.registry.match import Match, NameIndex, build_index

log = logging.getLogger(__name__)

VERSION = 1
SHIPPED = ("actors.v1.yaml", "outlets.v1.yaml")
SECTIONS = ("actors", "outlets")
ID = re.compile(r"[a-z0-9][a-z0-9-]*")
COUNTRY = re.compile(r"[A-Z]{2}")
TEXT_FIELDS = ("affiliation", "country", "role", "notes")
LIST_FIELDS = ("aliases", "descriptors", "sources")
OUTLET_FIELDS = ("owner", "state_media")
FIELDS = frozenset({"id", "name", "kind", *TEXT_FIELDS, *LIST_FIELDS, *OUTLET_FIELDS})
VOCABULARY = ("sides", "metonyms", "organization_words", "locatives", "locative_heads")
COUNTRY_MAPS = ("sides", "metonyms")


@dataclass(frozen=True)
class Registry:
    """The loaded registry: entries (user entries in place of shipped ones) and vocabulary."""

    entries: tuple[ActorEntry, ...]
    vocabulary: Vocabulary
    origins: Mapping[str, str] = field(default_factory=dict)  # id -> the file it came from
    index: NameIndex = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "index", build_index(self.entries))

    def get(self, entry_id: str) -> ActorEntry | None:
        return next((e for e in self.entries if e.id == entry_id), None)

    def match(self, name: str, *, person: bool | None = None) -> Match | None:
        """The entry a name stands for (see :mod:`claimledger.registry.match`)."""
        return self.index.match(name, person=person)

    def find(self, name_or_id: str) -> ActorEntry | None:
        """An entry by id, else by name (as :meth:`match`)."""
        found = self.get(name_or_id)
        if found is None and (m := self.match(name_or_id)) is not None:
            found = m.entry
        return found


def user_registry_path() -> Path:
    """Where the user's registry file is (it need not exist)."""
    if env := os.environ.get("CLAIMLEDGER_REGISTRY"):
        return Path(env).expanduser()
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "claimledger" / "registry.yaml"


def load_registry(user_file: Path | None = None) -> Registry:
    """The shipped registry with the user's file over it; re-read when the user file changes."""
    path = user_file or user_registry_path()
    try:
        stat = path.stat()
    except OSError:
        return _load(None, 0, 0)
    return _load(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _load(user: str | None, _mtime: int, _size: int) -> Registry:
    vocabulary, entries, origins = Vocabulary(), dict[str, ActorEntry](), dict[str, str]()
    for name in SHIPPED:
        data = parse_file(_shipped_text(name), name)
        vocabulary = data.vocabulary or vocabulary
        for entry in data.entries:
            if entry.id in entries:
                raise DataFileError(f"registry file {name}: id {entry.id!r} is used twice")
            entries[entry.id] = entry
            origins[entry.id] = name
    if user is not None:
        data = parse_file(_user_text(Path(user)), user)
        for entry in data.entries:
            entries[entry.id] = entry
            origins[entry.id] = user
        log.info("registry: %d entries from %s", len(data.entries), user)
    return Registry(tuple(entries.values()), vocabulary, origins)


@dataclass(frozen=True)
class RegistryFile:
    """One file's content: its entries and, for the shipped actors file, the vocabulary."""

    entries: tuple[ActorEntry, ...]
    vocabulary: Vocabulary | None = None


class _InvalidFieldError(Exception):
    """A field is wrong; the caller adds where (file, entry) and what to do."""


FILE_HINT = "fix the file (the shipped actors.v1.yaml's header describes every field)"


def parse_file(text: str, source: str) -> RegistryFile:
    """Read and check one registry file's text; a malformed one raises DataFileError."""
    where = "the file"
    try:
        data = yaml.safe_load(text)
        if data is None:  # empty, or comments only
            return RegistryFile(())
        top = _mapping(data)
        if unknown := sorted(set(top) - {"version", "vocabulary", *SECTIONS}):
            raise _InvalidFieldError(
                f"unknown section {unknown[0]!r} (want version, vocabulary, {SECTIONS})"
            )
        if top.get("version") != VERSION:
            raise _InvalidFieldError(f"'version: {VERSION}' is missing or another version")
        where = "vocabulary"
        vocab = _vocabulary(top["vocabulary"]) if "vocabulary" in top else None
    except yaml.YAMLError as exc:
        raise DataFileError(f"registry file {source} is not valid YAML ({exc}); fix it") from exc
    except _InvalidFieldError as exc:
        raise DataFileError(f"registry file {source}, {where}: {exc}; {FILE_HINT}") from exc
    return RegistryFile(_entries(top, source), vocab)


def _entries(top: Mapping[str, Any], source: str) -> tuple[ActorEntry, ...]:
    entries: dict[str, ActorEntry] = {}
    for section in SECTIONS:
        items = top.get(section) or []
        if not isinstance(items, list):
            problem = f"'{section}' must be a list of entries (lines starting with '- ')"
            raise DataFileError(f"registry file {source}: {problem}; {FILE_HINT}")
        for n, raw in enumerate(items, 1):
            location = f"registry file {source}, {section} entry {n}"
            entry = parse_entry(raw, location, section)
            if entry.id in entries:
                problem = (
                    f"id {entry.id!r} is used twice; fix the file: give one of them another id"
                )
                raise DataFileError(f"{location}: {problem}")
            entries[entry.id] = entry
    return tuple(entries.values())


def parse_entry(
    raw: object, location: str, section: str = "actors", hint: str = FILE_HINT
) -> ActorEntry:
    """One entry, checked field by field; ``location`` and ``hint`` go in the error message."""
    try:
        item = _mapping(raw)
        entry_id = item.get("id")
        if not isinstance(entry_id, str) or not ID.fullmatch(entry_id):
            raise _InvalidFieldError("'id' must be lower-case letters, digits and hyphens")
        location = f"{location} ({entry_id})"
        return _entry(item, section)
    except _InvalidFieldError as exc:
        raise DataFileError(f"{location}: {exc}; {hint}") from exc


def _entry(item: Mapping[str, Any], section: str) -> ActorEntry:
    if unknown := sorted(set(item) - FIELDS):
        raise _InvalidFieldError(
            f"unknown field {unknown[0]!r} (fields: {', '.join(sorted(FIELDS))})"
        )
    kind = item.get("kind", "outlet" if section == "outlets" else None)
    if kind not in KINDS:
        raise _InvalidFieldError(f"'kind' must be one of {', '.join(KINDS)}")
    common = _common(item, kind)
    if kind != "outlet":
        if present := [f for f in OUTLET_FIELDS if f in item]:
            raise _InvalidFieldError(f"'{present[0]}' is for outlets only (kind: outlet)")
        return ActorEntry(**common)
    state_media = item.get("state_media", False)
    if not isinstance(state_media, bool):
        raise _InvalidFieldError("'state_media' must be true or false")
    return OutletEntry(**common, owner=_text(item, "owner"), state_media=state_media)


def _common(item: Mapping[str, Any], kind: Kind) -> dict[str, Any]:
    name = _text(item, "name")
    if name is None:
        raise _InvalidFieldError("'name' is required")
    values: dict[str, Any] = {"id": item["id"], "name": name, "kind": kind}
    for key in TEXT_FIELDS:
        values[key] = _text(item, key)
    if values["country"] is not None and not COUNTRY.fullmatch(values["country"]):
        raise _InvalidFieldError("'country' must be a two-letter ISO code such as UA or RU")
    for key in LIST_FIELDS:
        values[key] = _strs(item.get(key), key)
    return values


def _text(item: Mapping[str, Any], key: str) -> str | None:
    value = item.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise _InvalidFieldError(f"'{key}' must be a non-empty string")
    return value.strip()


def _strs(value: object, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _InvalidFieldError(f"'{key}' must be a list of non-empty strings, like [a, b]")
    return tuple(v.strip() for v in value)


def _vocabulary(raw: object) -> Vocabulary:
    sec = _mapping(raw)
    if unknown := sorted(set(sec) - set(VOCABULARY)):
        raise _InvalidFieldError(f"unknown list {unknown[0]!r} (want {', '.join(VOCABULARY)})")
    maps: dict[str, dict[str, str]] = {}
    for key in COUNTRY_MAPS:
        maps[key] = {}
        for country, names in _mapping(sec.get(key, {})).items():
            if not isinstance(country, str) or not COUNTRY.fullmatch(country):
                raise _InvalidFieldError(f"{key}: {country!r} is not a two-letter ISO code")
            maps[key].update(dict.fromkeys(_strs(names, f"{key} {country}"), country))

    def listed(key: str) -> frozenset[str]:
        return frozenset(_strs(sec.get(key), key))

    return Vocabulary(
        sides=maps["sides"],
        metonyms=maps["metonyms"],
        organization_words=listed("organization_words"),
        locatives=listed("locatives"),
        locative_heads=listed("locative_heads"),
    )


def _mapping(value: object) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _InvalidFieldError("must be a mapping (key: value lines)")
    return value


def _shipped_text(name: str) -> str:
    try:
        files = resources.files("claimledger.data").joinpath("registry", name)
        return files.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"registry file {name} cannot be read ({exc}); reinstall") from exc


def _user_text(path: Path) -> str:
    try:
        return path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(
            f"registry file {path} cannot be read ({exc}); fix it, or point "
            "CLAIMLEDGER_REGISTRY at another file"
        ) from exc
