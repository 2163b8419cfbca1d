"""Content terms of a claim, for comparing claims across articles.

Words are lower-cased, stop words and numbers dropped, crudely stemmed, then folded through
the synonym lexicon (``synonyms.v1.tsv``) so "servicemen went AWOL" and "soldiers deserted"
share terms; a phrase of ``phrases.v1.tsv`` ("leaving their units") adds its term as well.
Figures are compared separately (``numbers.py``), not as words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from claimledger.errors import DataFileError
from claimledger.lexicon import lexicon_lines

SYNONYMS = "synonyms.v1.tsv"
PHRASES = "phrases.v1.tsv"
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
STOP = frozenset(
    """a an the of in on at to for from by with and or but as is are was were be been being has
    have had do does did not no this that these those it its their his her they he she we you
    i there here than then so such also into over under about after before since during while
    toward towards upon onto via
    which who whom whose what when where why how all any some more most other own same very can
    could would should will may might must shall just only even still yet per each every both
    according said says say told reportedly allegedly claimed claim reported report alone
    one two three four five six seven eight nine ten eleven twelve dozen dozens hundred hundreds
    thousand thousands million millions billion billions trillion trillions tens scores pair
    couple several least nearly almost around approximately roughly many few numerous between
    among near inside outside across beside within""".split()
)  # number words too: figures are compared as figures (numbers.py), not as words
ABBREVIATIONS = {
    "u.s.": "american", "u.k.": "british", "e.u.": "european",  # too short to count
    "united states": "american", "united kingdom": "british", "european union": "european",
    "soviet union": "soviet",  # not "unit" and the verb "state"
}  # fmt: skip
EXCEPT = {"sions": "ssion", "sion": "ssion", "tions": "uestion", "tion": "uestion"}
# "has fallen" is a place taken ("fell" in the synonym lexicon); "fallen soldiers" are dead
FALLEN = re.compile(
    r"\b(ha(?:s|ve|d)(?: not)?)\s+(?:(?:now|finally|already|reportedly)\s+)?fallen\b"
)
# "debris fell on an enterprise", "a missile fell near the school", "shells fell short": a thing
# falling, not a place taken ("the town fell", "fell to Russian forces", "fell into their hands")
DROPPED = re.compile(
    r"\b(?:fell|falls|fallen|falling)(?=\s+(?:on|onto|upon|near|inside|outside|short|"
    r"in\s+(?:the|a|an)\s+(?!hands\b)|into\s+(?:the|a|an)\s+(?!hands\b)|across|beside|next)\b)"
)
TERMS_CACHE = 20_000  # texts whose terms are kept (a few MB)
CONTRACTED = frozenset({"m", "re", "ve", "ll", "d", "t"})  # I'm, we're, I've, we'll, I'd, don't
SUFFIXES = (
    "ations", "ation", "tions", "tion", "sions", "sion", "nesses", "ness", "ings", "ing", "ies",
    "ied", "edly", "ed", "es", "s", "ly", "ment",
)  # fmt: skip


def stem(word: str) -> str:
    """A crude English stemmer, enough for "liberate"/"liberated"/"liberation" and
    "deserted"/"deserters" to meet: one suffix off, then a final "e"."""
    for suffix in SUFFIXES:
        if suffix == "s" and word.endswith("ss"):
            break  # "careless", "business", "congress": no plural
        if suffix in EXCEPT and word.removesuffix("s").endswith(EXCEPT[suffix]):
            continue  # "mission", "commission" (no verb in "-d"); "question" (no "quest")
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            if suffix in ("ies", "ied"):
                word += "y"
            elif suffix.startswith("ation"):
                word += "at"
            elif suffix.startswith("tion"):
                word += "t"  # "prosecution", "election": "prosecut", "elect"
            elif suffix.startswith("sion"):
                word += "d"  # "decision", "invasion", "explosion": "decid", "invad", "explod"
            break
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


@lru_cache(maxsize=1)
def synonym_map() -> dict[str, str]:
    """Word -> term for the words of the lexicon as listed."""
    return _synonyms()[0]


@lru_cache(maxsize=1)
def _synonyms() -> tuple[dict[str, str], dict[str, str]]:
    """(listed word -> term, stem of a listed word -> term). A stem folds only a word that
    has a suffix: "downed" is listed, so "downs" is shot down too, but "down" on its own ("step
    down", "down 10 points") is no drone shot down."""
    words_out: dict[str, str] = {}
    stems_out: dict[str, str] = {}
    for n, line in enumerate(lexicon_lines(SYNONYMS), 1):
        term, sep, words = line.partition("\t")
        if not sep:
            raise DataFileError(f"lexicon {SYNONYMS}, entry {n}: want term<TAB>words")
        for word in words.split():
            words_out[word] = term
            stems_out[stem(word)] = term
            stems_out.setdefault(stem(american(word)), term)  # "armoured" lists "armored"
    return words_out, stems_out


@lru_cache(maxsize=1)
def phrase_table() -> dict[tuple[str, ...], str]:
    """Phrase (as a sequence of terms) -> the term it adds."""
    out: dict[tuple[str, ...], str] = {}
    for n, line in enumerate(lexicon_lines(PHRASES), 1):
        term, sep, phrase = line.partition("\t")
        words = tuple(_words(phrase))
        if not sep or len(words) < 2:
            raise DataFileError(f"lexicon {PHRASES}, entry {n}: want term<TAB>two or more words")
        out[words] = term.strip()
    return out


def terms(text: str | None) -> list[str]:
    """The content terms of a text, in order, repeats kept; then the terms its phrases add."""
    return list(_terms(text)) if text else []


@lru_cache(maxsize=TERMS_CACHE)
def _terms(text: str) -> tuple[str, ...]:
    """Memoised: a claim's text is compared with many others as articles arrive."""
    words = _words(text)
    return tuple(words + phrases(words))


def phrases(words: list[str]) -> list[str]:
    """The terms the phrases found in a sequence of terms add."""
    present = set(words)
    found = []
    for key, term in phrase_table().items():
        if key[0] not in present:
            continue  # most texts hold no phrase: skip the scan (terms() is on the hot path)
        n = len(key)
        if any(tuple(words[i : i + n]) == key for i in range(len(words) - n + 1)):
            found.append(term)
    return found


def term_words(text: str) -> list[tuple[str, str]]:
    """(term, the word as written, lower-cased) for each content word of a text, in order."""
    listed, stems = _synonyms()
    out = []
    for w in _content_words(text):
        spelled = american(w)
        base = stem(spelled)
        found = listed.get(w) or listed.get(spelled) or (stems.get(base) if base != w else None)
        out.append((found or base, w))
    return out


# British and American spellings as one word: British, Ukrainian, Polish and American outlets
# report one statement as "armoured vehicles" and "armored vehicles", "defence" and "defense"
_OUR = re.compile(r"([a-z]{2,})our(ed|ing|ite|ites|s|able|ful|er|ers|ism|ist|ists|less|y)?")
_TRE = re.compile(r"([a-z]{2,})(t|b)re(s|d)?")  # centre, kilometres, fibre
_ISE = re.compile(r"([a-z]{3,})is(e|ed|es|ing|ation|ations|er|ers)")  # mobilise, organisation
_YSE = re.compile(r"([a-z]{2,})ys(e|ed|es|ing)")  # analyse, paralysed
_LL = re.compile(
    r"(travel|cancel|label|model|fuel|signal|channel|level|total|marshal|dial|equal|counsel"
    r"|rival|tunnel|shovel|jewel|quarrel|pedal|duel)l(ed|ing|er|ers)"
)  # travelled, cancelled, fuelled
SPELLINGS = {
    "defence": "defense", "defences": "defenses", "offence": "offense", "offences": "offenses",
    "licence": "license", "licences": "licenses", "pretence": "pretense",
    "dialogue": "dialog", "dialogues": "dialogs", "catalogue": "catalog", "analogue": "analog",
    "programme": "program", "programmes": "programs", "manoeuvre": "maneuver",
    "manoeuvres": "maneuvers", "manoeuvring": "maneuvering", "grey": "gray", "tyre": "tire",
    "tyres": "tires", "sceptical": "skeptical", "judgement": "judgment", "ageing": "aging",
    "aluminium": "aluminum", "jewellery": "jewelry", "mould": "mold", "draught": "draft",
    "practise": "practice", "fulfil": "fulfill", "instalment": "installment",
    "sulphur": "sulfur", "haemorrhage": "hemorrhage", "paediatric": "pediatric",
    "anaesthetic": "anesthetic", "cheque": "check", "storey": "story", "storeys": "stories",
}  # fmt: skip


@lru_cache(maxsize=50_000)
def american(word: str) -> str:
    """The American spelling of a lower-case word, where British spelling differs by rule
    ("armoured" -> "armored", "kilometres" -> "kilometers", "mobilisation" ->
    "mobilization", "travelled" -> "traveled"), else the word. Applied to both spellings
    alike, so a word spelt so in both ("promise" -> "promize") still meets itself."""
    if word in SPELLINGS:
        return SPELLINGS[word]
    for pattern, repl in (
        (_OUR, r"\1or\2"), (_TRE, r"\1\2er\3"), (_ISE, r"\1iz\2"), (_YSE, r"\1yz\2"),
        (_LL, r"\1\2"),
    ):  # fmt: skip
        if pattern.fullmatch(word):
            return pattern.sub(repl, word)
    return word


def _words(text: str | None) -> list[str]:
    return [term for term, _ in term_words(text)] if text else []


def _content_words(text: str) -> list[str]:
    """The words of a text that can be terms, lower-cased, as written."""
    lowered = text.lower().replace("’", "'")
    for short, word in ABBREVIATIONS.items():
        lowered = lowered.replace(short, word)
    if "fallen" in lowered:
        lowered = FALLEN.sub(r"\1 fell", lowered)
    if "fell" in lowered or "fall" in lowered:
        lowered = DROPPED.sub("dropped", lowered)
    out = []
    for match in WORD.finditer(lowered):
        word = match.group().removesuffix("'s")
        if word in STOP or len(word) < 3 or word.partition("'")[2] in CONTRACTED:
            continue  # a contraction is function words ("don't", "I'm"), whatever its length
        out.append(word)
    return out
