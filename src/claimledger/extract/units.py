"""Military formations of an article: number, echelon, branch and side.

A mention is an ordinal ("57th", "3rd", "No. 57", "Third"), descriptor words ("Separate
Motorized Infantry") and an echelon noun ("Brigade"); a list of ordinals before a plural noun
("the 20th and 6th armies"); or an unnumbered name from the registry ("Azov", "Wagner").
Each is resolved against the versioned registry ``registry/units.v1.yaml``: a registry unit
gives the canonical name, branch and side; otherwise the side comes from the words around the
mention in its sentence ("Ukrainian forces from the ...", "... of the Armed Forces of Ukraine")
or stays unknown. A unit mentioned again is not a new unit, and "the brigade" is no mention.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml
from spacy.tokens import Doc

from claimledger.errors import DataFileError
from claimledger.extract.quotes import doc_text
from claimledger.models import Unit

REGISTRY = "units.v1.yaml"
ECHELONS = frozenset(
    {"army", "corps", "division", "brigade", "regiment", "battalion", "company", "detachment"}
    | {"other"}
)
SIDE_CODE = re.compile(r"[A-Z]{2}")
UNIT_KEYS = frozenset(
    ["id", "name", "aliases", "number", "echelon", "branch", "side", "notes", "source", "exclude"]
)


@dataclass(frozen=True)
class Vocabulary:
    """The words the mention patterns are built from (the registry's ``vocabulary``)."""

    descriptors: tuple[str, ...]
    nouns: Mapping[str, str]
    plurals: Mapping[str, str]
    ordinals: Mapping[str, int]
    equivalents: Mapping[str, str]
    branches: Mapping[str, str]
    not_after: frozenset[str]
    sides: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]]
    between: tuple[str, ...]
    links: tuple[str, ...]


@dataclass(frozen=True)
class RegistryUnit:
    """One known formation; ``words`` and ``keys`` come from its numbered names."""

    id: str
    name: str
    number: int | None
    echelon: str
    branch: str | None
    side: str | None
    names: tuple[str, ...]
    words: frozenset[str]
    keys: frozenset[str]
    exclude: tuple[str, ...]


@dataclass(frozen=True)
class Registry:
    """The registry file, loaded: vocabulary, units and the patterns built from them."""

    version: int
    vocabulary: Vocabulary
    units: tuple[RegistryUnit, ...]
    single: re.Pattern[str]
    listed: re.Pattern[str]
    named: re.Pattern[str] | None
    excluded: re.Pattern[str] | None
    context: tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...]
    by_key: Mapping[tuple[int, str], tuple[RegistryUnit, ...]]
    by_name: Mapping[str, RegistryUnit]


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    text: str
    numbers: tuple[int, ...] = ()
    descriptors: tuple[str, ...] = ()
    noun: str | None = None
    named: RegistryUnit | None = None


@dataclass(frozen=True)
class _Found:
    unit: Unit
    words: frozenset[str]


# --- the registry -------------------------------------------------------------------------


def _registry_text(name: str = REGISTRY) -> str:
    try:
        return resources.files("claimledger.data").joinpath("registry", name).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        problem = f"unit registry {name} cannot be read ({exc}); reinstall claimledger"
        raise DataFileError(problem) from exc


@lru_cache(maxsize=1)
def load_registry() -> Registry:
    """The shipped unit registry, read and checked once."""
    return parse_registry(_registry_text(), REGISTRY)


def _bad(source: str, where: str, problem: str) -> DataFileError:
    hint = "fix the file (its header describes every field)"
    return DataFileError(f"unit registry {source}, {where}: {problem}; {hint}")


def _mapping(value: object, source: str, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _bad(source, where, "want a mapping")
    return value


def _strs(sec: Mapping[str, Any], key: str, source: str, where: str) -> tuple[str, ...]:
    value = sec.get(key, [] if key in ("aliases", "exclude") else None)
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _bad(source, where, f"'{key}' must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _pairs(sec: Mapping[str, Any], key: str, source: str, kind: type = str) -> dict[str, Any]:
    value = _mapping(sec.get(key), source, f"vocabulary.{key}")
    if not all(isinstance(k, str) and isinstance(v, kind) for k, v in value.items()):
        raise _bad(source, f"vocabulary.{key}", f"every value must be a {kind.__name__}")
    return value


def _vocabulary(sec: Mapping[str, Any], source: str) -> Vocabulary:
    nouns = {k.lower(): v for k, v in _pairs(sec, "nouns", source).items()}
    plurals = {k.lower(): v.lower() for k, v in _pairs(sec, "plurals", source).items()}
    if bad := sorted(set(nouns.values()) - ECHELONS) + sorted(set(plurals.values()) - set(nouns)):
        raise _bad(source, "vocabulary.nouns", f"unknown echelon or noun {bad[0]!r}")
    sides: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    for code, cues in _mapping(sec.get("sides"), source, "vocabulary.sides").items():
        cue = _mapping(cues, source, f"vocabulary.sides.{code}")
        where = f"vocabulary.sides.{code}"
        sides[code] = (_strs(cue, "prefixes", source, where), _strs(cue, "forces", source, where))
    fields: dict[str, Any] = {k: _pairs(sec, k, source) for k in ("equivalents", "branches")}
    for key in ("descriptors", "between", "links"):
        fields[key] = _strs(sec, key, source, "vocabulary")
    fields["not_after"] = frozenset(_strs(sec, "not_after", source, "vocabulary"))
    fields["ordinals"] = _pairs(sec, "ordinals", source, int)
    return Vocabulary(nouns=nouns, plurals=plurals, sides=sides, **fields)


def _alt(words: tuple[str, ...] | list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _mention_patterns(v: Vocabulary) -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = f"(?-i:{_alt(list(v.ordinals))})"
    ordinal = rf"(?:\d{{1,4}}(?:st|nd|rd|th)|(?-i:No\.?|№)\s?\d{{1,4}}|{words})"
    desc = rf"(?P<desc>(?:(?:{_alt(v.descriptors)})(?:\s+|-))*)"
    start = r"(?<![\w.,/-])"
    single = rf"{start}(?P<ords>{ordinal}|\d{{1,3}})\s+{desc}(?P<noun>{_alt(list(v.nouns))})"
    listed = rf"{start}(?P<ords>{ordinal}(?:\s*,\s*{ordinal})*,?\s+(?:and|&)\s+{ordinal})\s+"
    listed += rf"{desc}(?P<noun>{_alt(list(v.plurals))})"
    return re.compile(single + r"(?![\w-])", re.I), re.compile(listed + r"(?![\w-])", re.I)


def _context_patterns(v: Vocabulary) -> tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...]:
    out = []
    between = rf"(?:(?:{_alt(v.between)})(?:['’]s)?\s+){{0,2}}"
    for side, (prefixes, forces) in v.sides.items():
        before = rf"(?<![\w'’])(?:{_alt(prefixes)})\s+{between}(?:(?:{_alt(v.links)})\s+)?"
        before += r"(?:the\s+)?$"
        after = rf"^\s*,?\s*\(?(?:of|from|in)\s+(?:the\s+)?(?:{_alt(forces)})(?![\w'’])"
        out.append((side, re.compile(before), re.compile(after)))
    return tuple(out)


def _words(text: str, v: Vocabulary) -> tuple[str, ...]:
    found = re.findall(r"[^\W_]+(?:['’][^\W_]+)?", text.lower().replace("’", "'"))
    return tuple(v.equivalents.get(w, w) for w in found)


def _read(match: re.Match[str], v: Vocabulary) -> tuple[tuple[int, ...], tuple[str, ...], str]:
    """(numbers, descriptors as written, singular noun) of a pattern match."""
    tokens = re.findall(r"\d+|[^\W\d_]+", match["ords"])
    numbers = tuple(
        int(t) if t.isdigit() else v.ordinals[t] for t in tokens if t in v.ordinals or t.isdigit()
    )
    noun = match["noun"].lower()
    return numbers, tuple(match["desc"].split()), v.plurals.get(noun, noun)


def _unit(raw: object, n: int, source: str, v: Vocabulary, single: re.Pattern[str]) -> RegistryUnit:
    entry = _mapping(raw, source, f"entry {n}")
    uid = entry.get("id")
    if not isinstance(uid, str) or not uid.strip():
        raise _bad(source, f"entry {n}", "'id' must be a non-empty string")
    where = f"entry {n} ({uid})"
    if unknown := sorted(set(entry) - UNIT_KEYS):
        raise _bad(source, where, f"unknown field {unknown[0]!r}")
    for key, ok in (
        ("name", isinstance(entry.get("name"), str) and entry["name"].strip()),
        ("source", isinstance(entry.get("source"), str) and entry["source"].strip()),
        ("number", entry.get("number") is None or type(entry.get("number")) is int),
        ("echelon", entry.get("echelon") in ECHELONS),
        ("branch", entry.get("branch") is None or isinstance(entry.get("branch"), str)),
        ("side", entry.get("side") is None or SIDE_CODE.fullmatch(str(entry.get("side")))),
        ("notes", entry.get("notes") is None or isinstance(entry.get("notes"), str)),
    ):
        if not ok or (key not in entry and key != "notes"):
            raise _bad(source, where, f"missing or invalid '{key}'")
    names, words, keys = [], set[str](), set[str]()
    for n_name, name in enumerate((entry["name"].strip(), *_strs(entry, "aliases", source, where))):
        if (match := single.fullmatch(name)) is None:
            if n_name and name[:1].isdigit():
                raise _bad(source, where, f"alias {name!r} does not read as a numbered unit")
            names.append(name)
            continue
        numbers, desc, noun = _read(match, v)
        if numbers != (entry["number"],) or v.nouns[noun] != entry["echelon"]:
            raise _bad(source, where, f"{name!r} is not the entry's number and echelon")
        words.update(norm := _words(" ".join(desc), v))
        keys.add(_key(numbers[0], norm, noun))
    meta = (entry["number"], entry["echelon"], entry.get("branch"), entry.get("side"))
    found = (
        tuple(names),
        frozenset(words),
        frozenset(keys),
        _strs(entry, "exclude", source, where),
    )
    return RegistryUnit(uid, entry["name"].strip(), *meta, *found)


def _key(number: int, words: tuple[str, ...], noun: str) -> str:
    return " ".join((str(number), *words, noun))


def parse_registry(text: str, source: str = REGISTRY) -> Registry:
    """Read and check a registry file's text; a malformed one raises :class:`DataFileError`."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise _bad(source, "the file", f"not valid YAML ({exc})") from exc
    top = _mapping(data, source, "the file")
    if type(top.get("version")) is not int:
        raise _bad(source, "the file", "'version' must be an integer")
    vocab = _vocabulary(_mapping(top.get("vocabulary"), source, "vocabulary"), source)
    single, listed = _mention_patterns(vocab)
    if not isinstance(top.get("units"), list):
        raise _bad(source, "the file", "'units' must be a list of entries")
    units = tuple(_unit(raw, n, source, vocab, single) for n, raw in enumerate(top["units"], 1))
    by_key: dict[tuple[int, str], tuple[RegistryUnit, ...]] = {}
    by_name: dict[str, RegistryUnit] = {}
    for n, unit in enumerate(units, 1):
        if unit.id in {u.id for u in units[: n - 1]}:
            raise _bad(source, f"entry {n} ({unit.id})", "the id is used twice")
        if unit.number is not None:
            by_key[unit.number, unit.echelon] = (*by_key.get((unit.number, unit.echelon), ()), unit)
        for name in unit.names:
            if by_name.setdefault(" ".join(_words(name, vocab)), unit) is not unit:
                raise _bad(source, f"entry {n} ({unit.id})", f"the name {name!r} is used twice")
    names = [name for u in units for name in u.names]
    excluded = [phrase for u in units for phrase in u.exclude]
    named = re.compile(rf"(?<![\w-])(?:{_alt(names)})(?![\w-])", re.I) if names else None
    skip = re.compile(rf"(?<!\w)(?:{_alt(excluded)})(?!\w)", re.I) if excluded else None
    context = _context_patterns(vocab)
    args = (single, listed, named, skip, context, by_key, by_name)
    return Registry(top["version"], vocab, units, *args)


# --- mentions -----------------------------------------------------------------------------


def _bare_number_ok(doc: Doc, match: re.Match[str]) -> bool:
    """A number without suffix ("16 Air Assault Brigade") counts only if it names the unit."""
    if not match["noun"][:1].isupper():
        return False
    span = doc.char_span(match.start("ords"), match.end("ords"), alignment_mode="expand")
    return span is not None and match.start() <= span[0].head.idx < match.end()


def _after_date(text: str, start: int, v: Vocabulary) -> bool:
    before = re.search(r"([^\W\d_]+)\.?\s+$", text[max(0, start - 16) : start])
    return before is not None and before[1] in v.not_after


def _candidates(doc: Doc, reg: Registry) -> Iterator[_Mention]:
    text, v = doc_text(doc), reg.vocabulary
    for pattern in (reg.single, reg.listed):
        for m in pattern.finditer(text):
            if _after_date(text, m.start(), v):
                continue
            if m["ords"].isdigit() and not _bare_number_ok(doc, m):
                continue
            numbers, desc, noun = _read(m, v)
            yield _Mention(m.start(), m.end(), m[0], numbers, desc, noun)
    excluded = [m.span() for m in reg.excluded.finditer(text)] if reg.excluded else []
    for m in reg.named.finditer(text) if reg.named else ():
        if m[0][:1].isupper() and not any(s <= m.start() < e for s, e in excluded):
            unit = reg.by_name[" ".join(_words(m[0], v))]
            yield _Mention(m.start(), m.end(), m[0], named=unit)


def _mentions(doc: Doc, reg: Registry) -> list[_Mention]:
    """Mentions in text order; of overlapping ones the longest is kept."""
    kept: list[_Mention] = []
    for m in sorted(_candidates(doc, reg), key=lambda m: (m.start, m.start - m.end)):
        if not kept or m.start >= kept[-1].end:
            kept.append(m)
    return kept


def _context_side(
    doc: Doc, reg: Registry, sents: list[tuple[int, int]], mention: _Mention
) -> str | None:
    """UA, RU or None from the words right before and after the mention in its sentence."""
    text = doc_text(doc)
    n = max(0, bisect.bisect_right(sents, (mention.start, len(text) + 1)) - 1)
    start, end = sents[n]
    before, after = text[start : mention.start], text[mention.end : end]
    sides = {side for side, b, a in reg.context if b.search(before) or a.search(after)}
    return sides.pop() if len(sides) == 1 else None


def _sentences(doc: Doc) -> list[tuple[int, int]]:
    if not doc.has_annotation("SENT_START"):
        return [(0, len(doc_text(doc)))]
    return [(s.start_char, s.end_char) for s in doc.sents]


# --- resolution ---------------------------------------------------------------------------


def _ordinal(n: int) -> str:
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _title(word: str) -> str:
    return "-".join(part[:1].upper() + part[1:] for part in word.split("-"))


def _branch(words: tuple[str, ...], v: Vocabulary) -> str | None:
    phrase = f" {' '.join(words)} "
    return next((b for key, b in v.branches.items() if f" {key} " in phrase), None)


def _pick(units: list[RegistryUnit], side: str | None) -> RegistryUnit | None:
    """The one unit left once the context's side is applied, if exactly one is."""
    same = [u for u in units if side is None or u.side == side]
    return same[0] if len(same) == 1 else None


def _known(u: RegistryUnit, m: _Mention) -> Unit:
    return Unit(m.text, u.name, u.number, u.echelon, u.side, u.branch, m.start, m.end, u.id)


def _resolve(m: _Mention, side: str | None, reg: Registry) -> Iterator[_Found]:
    """The unit(s) of a mention: a registry unit if one fits, else what the words say."""
    if m.named is not None:  # a registry name: the registry knows its side
        yield _Found(_known(m.named, m), m.named.words)
        return
    v, noun = reg.vocabulary, m.noun or ""
    words = _words(" ".join(m.descriptors), v)
    for number in m.numbers:
        fits = [u for u in reg.by_key.get((number, v.nouns[noun]), ()) if set(words) <= u.words]
        fits = [u for u in fits if _key(number, words, noun) in u.keys] or fits
        if (u := _pick(fits, side)) is not None:
            yield _Found(_known(u, m), u.words | set(words))
            continue
        sides = {u.side for u in fits}
        guess = side or (sides.pop() if len(sides) == 1 else None)
        name = " ".join((_ordinal(number), *map(_title, m.descriptors), _title(noun)))
        unit = Unit(m.text, name, number, v.nouns[noun], guess, _branch(words, v), m.start, m.end)
        yield _Found(unit, frozenset(words))


def _same(a: _Found, b: _Found) -> bool:
    """Whether b is a later mention of the unit a (its words fit and nothing contradicts)."""
    x, y = a.unit, b.unit
    if x.registry_id and y.registry_id:
        return x.registry_id == y.registry_id
    fits = a.words <= b.words or b.words <= a.words
    sides = x.side is None or y.side is None or x.side == y.side
    return (x.number, x.echelon) == (y.number, y.echelon) and fits and sides


def _merge(found: list[_Found], new: _Found) -> None:
    for n, old in enumerate(found):
        if _same(old, new):
            unit, extra = old.unit, new.unit
            if unit.registry_id is None and extra.registry_id is not None:
                unit = replace(extra, text=unit.text, start=unit.start, end=unit.end)
            elif unit.side is None:
                unit = replace(unit, side=extra.side)
            found[n] = _Found(unit, old.words | new.words)
            return
    found.append(new)


def extract_units(doc: Doc) -> tuple[Unit, ...]:
    """The formations an article names, each once, in order of first mention."""
    reg = load_registry()
    sents, found = _sentences(doc), list[_Found]()
    for mention in _mentions(doc, reg):
        for new in _resolve(mention, _context_side(doc, reg, sents, mention), reg):
            _merge(found, new)
    return tuple(f.unit for f in found)
