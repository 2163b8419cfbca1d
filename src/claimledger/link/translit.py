"""Romanising Cyrillic place names and folding Latin spellings to comparable keys.

Three romanisations, each a plain letter table applied to a Cyrillic name:

- ``uk_national``: Ukraine's national system (Cabinet of Ministers resolution 55 of 2010),
  the one Ukrainian road signs and passports use (Вовчанськ → Vovchansk, Харків → Kharkiv).
  Є, Ї, Й, Ю, Я are written Ye, Yi, Y, Yu, Ya at the start of a word and ie, i, i, iu, ia
  inside it; зг is zgh; the soft sign and the apostrophe are dropped.
- ``ru_bgn``: BGN/PCGN 1947 for Russian (Волчанск → Volchansk, Харьков → Khar'kov). Е is ye
  at the start of a word and after a vowel, й, ъ or ь; ё likewise yë / ë.
- ``ru_gost``: GOST R 52535.1-2006 / ICAO 9303 as used in Russian passports
  (Купянск → Kupiansk): й i, ю iu, я ia, ъ ie, the soft sign dropped.

A name with letters only Ukrainian has (і ї є ґ) gets the Ukrainian romanisation only, a
name with letters only Russian has (ы э ё ъ) the Russian ones only, any other Cyrillic name
all three; a name with letters outside both alphabets (Serbian ђ, Kazakh ә ...) none.

``fold`` turns any spelling into the key the gazetteer index is keyed on: case and
diacritics dropped, apostrophes and prime marks (' ’ ʹ ʼ ") removed, hyphens as spaces,
dots removed (U. S. and U.S. give us). ``loose`` folds further, for a second, fuzzier
look-up: ia/iu/ie → ya/yu/ye, j → y, and the adjective endings -iy/-yi/-yy/-ii/-ij → -y
(Kupiansk and Kupyansk meet there).
"""

from __future__ import annotations

import re
import unicodedata

_UK = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie",
    "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l",
    "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu",
    "я": "ia", "'": "", "’": "", "ʼ": "",
}  # fmt: skip
_UK_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}

_RU_COMMON = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ж": "zh", "з": "z", "и": "i",
    "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
    "ы": "y", "э": "e",
}  # fmt: skip
_BGN = {**_RU_COMMON, "е": "e", "ё": "ë", "й": "y", "ъ": '"', "ь": "'", "ю": "yu", "я": "ya"}
_BGN_AFTER = {"е": "ye", "ё": "yë"}  # at the start of a word, after a vowel, й, ъ, ь
_GOST = {**_RU_COMMON, "е": "e", "ё": "e", "й": "i", "ъ": "ie", "ь": "", "ю": "iu", "я": "ia"}

_VOWELS = set("аеёиоуыэюяіїєйъь")
_UK_ONLY = set("іїєґ")
_RU_ONLY = set("ыэёъ")
_CYRILLIC = set(_UK) | set(_BGN) | {"'"}
_APOSTROPHES = "'’ʹʼ‘`´\"″“”"
_INITIALS = re.compile(r"\b(\w)\.\s+(?=\w\.)")
_TRANSLATE = str.maketrans({**dict.fromkeys(_APOSTROPHES, ""), "-": " ", ".": "", "‐": " "})


def is_cyrillic(name: str) -> bool:
    """True when the name has at least one Cyrillic letter."""
    return any("\u0400" <= ch <= "\u04ff" for ch in name)


def _romanise(name: str, table: dict[str, str], special: dict[str, str], after_vowel: bool) -> str:
    out: list[str] = []
    prev = ""
    for ch in name:
        low = ch.lower()
        initial = not prev or not (prev.isalpha() or prev in _APOSTROPHES)
        soft = after_vowel and prev.lower() in _VOWELS
        if low in special and (initial or soft):
            latin = special[low]
        elif low in table:
            latin = table[low]
        else:
            latin = low
        out.append(latin.capitalize() if ch != low else latin)
        prev = ch
    return "".join(out)


def uk_national(name: str) -> str:
    """Ukrainian national romanisation (KMU 2010): Вовчанськ → Vovchansk."""
    # зг is zgh (Zghurivka), not zh: spell it зґг, and the table gives z-g-h
    return _romanise(name.replace("зг", "зґг").replace("Зг", "Зґг"), _UK, _UK_INITIAL, False)


def ru_bgn(name: str) -> str:
    """BGN/PCGN romanisation of Russian: Харьков → Khar'kov."""
    return _romanise(name, _BGN, _BGN_AFTER, True)


def ru_gost(name: str) -> str:
    """GOST R 52535.1 / ICAO romanisation of Russian: Купянск → Kupiansk."""
    return _romanise(name, _GOST, {}, False)


def romanisations(name: str) -> set[str]:
    """Every romanisation that fits a Cyrillic name's alphabet; empty for other names."""
    low = name.lower()
    if name.isascii() or not is_cyrillic(name):
        return set()
    if any(ch.isalpha() and ch not in _CYRILLIC for ch in low):
        return set()
    out: set[str] = set()
    if not _RU_ONLY & set(low):
        out.add(uk_national(name))
    if not _UK_ONLY & set(low):
        out.update((ru_bgn(name), ru_gost(name)))
    return out


def fold(name: str) -> str:
    """The exact look-up key: Vovchans’k, VOVCHANSK and Vovčansk all give 'vovchansk'."""
    name = _INITIALS.sub(r"\1.", name)  # U. S. → U.S. → us
    if name.isascii():
        return " ".join(name.lower().translate(_TRANSLATE).split())
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.translate(_TRANSLATE).split())


_LOOSE = [
    (re.compile(r"(?:iy|yi|yy|ii|ij|yj)\b"), "y"),
    (re.compile(r"j"), "y"),
    (re.compile(r"i(?=[aue])"), "y"),
]


def loose(name: str) -> str:
    """The fuzzier key: 'Kupiansk' and 'Kupyansk' both give 'kupyansk'."""
    key = fold(name)
    for pattern, repl in _LOOSE:
        key = pattern.sub(repl, key)
    return key
