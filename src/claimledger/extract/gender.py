"""Whether a mention is of a woman or a man, as far as the article and a name list tell.

Used only so a pronoun agrees with its antecedent: "she said" is not "Emmanuel Macron", "he
said" is not "Angela Merkel". The evidence, strongest first:

1. words of the mention itself: "spokeswoman", "chairman", "Mrs", "Mr";
2. an honorific the article gives the surname anywhere: "Mrs. Clinton", "Mr. Peskov";
3. the given name, from ``given_names.v1.tsv`` (names used for both left out);
4. a Slavic surname's ending: "-ova", "-eva", "-skaya" for a woman; "-ov", "-ev", "-sky" for a
   man.

Conflicting evidence at one level, or none at all, gives no gender; a mention with no gender
agrees with every pronoun, as before. This is agreement, not identification: it only removes
antecedents the pronoun cannot refer to.
"""

from __future__ import annotations

import re

from claimledger.lexicon import Gender, given_names

FEMININE = frozenset(
    """she her hers herself mrs ms miss madam madame woman women spokeswoman chairwoman
    congresswoman businesswoman countrywoman councilwoman stateswoman queen princess duchess
    empress wife widow mother daughter sister grandmother aunt niece girl lady""".split()
)
MASCULINE = frozenset(
    """he him his himself mr sir monsieur man men spokesman chairman congressman businessman
    countryman councilman statesman king prince duke emperor husband widower father son
    brother grandfather uncle nephew boy lord""".split()
)
PRONOUN_GENDER: dict[str, Gender] = {
    "she": "f", "her": "f", "hers": "f", "herself": "f",
    "he": "m", "him": "m", "his": "m", "himself": "m",
}  # fmt: skip
HONORIFIC = re.compile(r"\b(Mrs|Ms|Miss|Mr)\.?\s+((?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)")
FEMININE_SURNAME = re.compile(r"\w{2}(?:ova|eva|skaya|tskaya|ska|cka|dzka)$")
MASCULINE_SURNAME = re.compile(r"\w{2}(?:ov|ev|sky|skyi|skiy|ski|cki|vich|ovych|evych)$")


def honorifics(text: str) -> dict[str, Gender]:
    """Surnames the article gives an honorific ("Mrs. Clinton" -> clinton: f); a surname given
    both "Mr." and "Mrs." (a couple) is left out."""
    seen: dict[str, set[Gender]] = {}
    for m in HONORIFIC.finditer(text):
        surname = m.group(2).split()[-1].lower().removesuffix("'s").removesuffix("’s")
        seen.setdefault(surname, set()).add("m" if m.group(1) == "Mr" else "f")
    return {s: next(iter(g)) for s, g in seen.items() if len(g) == 1}


def _one(found: set[Gender]) -> Gender | None:
    return next(iter(found)) if len(found) == 1 else None


def gender_of(
    name: str, words: frozenset[str] = frozenset(), titled: dict[str, Gender] | None = None
) -> Gender | None:
    """The gender of a mention named ``name`` whose phrase has ``words`` (lower case), or None
    when nothing tells."""
    lowered = {w.lower().strip(".") for w in words}
    said: set[Gender] = set()
    if lowered & FEMININE:
        said.add("f")
    if lowered & MASCULINE:
        said.add("m")
    by_words = _one(said)
    if by_words:
        return by_words
    parts = [p.lower().strip(".,") for p in name.split() if p[:1].isupper()]
    if not parts:
        return None
    surname = parts[-1].removesuffix("'s").removesuffix("’s")
    if titled and surname in titled:
        return titled[surname]
    names = given_names()
    given = _one({names[p] for p in parts[:-1] if p in names})
    if given:
        return given
    if len(parts) == 1 and surname in names:
        return names[surname]  # a bare given name ("Olena"), not a surname's ending
    if FEMININE_SURNAME.search(surname):
        return "f"
    if MASCULINE_SURNAME.search(surname):
        return "m"
    return None


def agrees(pronoun: str, gender: Gender | None) -> bool:
    """Whether a person pronoun can refer to a mention of ``gender`` (None agrees with all)."""
    want = PRONOUN_GENDER.get(pronoun.lower())
    return want is None or gender is None or gender == want
