"""Page furniture: lines of a web page that are not the article.

Sidebar teasers, capitalised section headings ("LIVE UPDATES", "RUSSIA-UKRAINE WAR"), newsletter
and video prompts ("Sign up for our daily newsletter", "VIEW VIDEO"), share and follow prompts,
photo credits and "Advertisement" become claims and speakers when they are parsed as text, and
then form bogus clusters across every article of an outlet. ``blank_furniture`` replaces such
lines with spaces of the same length before parsing, so every character offset into the
article's text stays valid and nothing of the stored text is lost.

Precision first: a line is furniture only when it is short (``MAX_WORDS``) and either all in
capitals with no sentence punctuation, or a known prompt from its first words; or, whatever its
length, an editor's note (a paragraph an outlet appends to every article of a series, "Editor's
note: ...": on the 840 PolNeAR train articles one such note became the same claims in every
article that carried it, and clusters of them). A dateline
("KYIV, Ukraine (AP) -"), a capitalised quotation inside a paragraph or a one-line paragraph of
ordinary prose is kept.
"""

from __future__ import annotations

import re

MAX_WORDS = 12
PROMPT = re.compile(
    r"^(?:sign up\b|subscribe\b|get our\b.*\bnewsletter|follow us\b|follow @|share (?:this|on)\b|"
    r"read more\b|read also\b|also read\b|more stories\b|related(?: articles| stories| coverage)?:|"
    r"watch(?: video)?:|view (?:video|gallery|photos)\b|watch video\b|click here\b|"
    r"advertisement$|sponsored(?: content)?$|photo(?:graph)?:|image:|video:|listen:|"
    r"(?:photo|image|video) (?:credit|courtesy)\b|copyright\b|©|all rights reserved\b|"
    r"we use cookies\b|accept cookies\b)",
    re.IGNORECASE,
)
NOTE = re.compile(
    r"^editor(?:['’]s|s['’]?)? note\b", re.IGNORECASE
)  # the outlet's note on its coverage
DATELINE = re.compile(r"[-–—]\s*$|\((?:AP|AFP|Reuters|UPI|dpa|Xinhua|Ukrinform|TASS)\)")
_LETTERS = re.compile(r"[^\W\d_]")
_SENTENCE = re.compile(r"[.!?;:,\"“”]\s*$|[.!?]\s|\"|“|”")


def is_furniture(line: str) -> bool:
    """Whether one line of a page is furniture (see the module docstring)."""
    text = line.strip()
    if not text:
        return False
    if NOTE.match(text):
        return True
    words = text.split()
    if len(words) > MAX_WORDS:
        return False
    if PROMPT.match(text):
        return True
    if DATELINE.search(text):
        return False  # "WASHINGTON -", "KYIV (Reuters) -": where the article was filed
    letters = _LETTERS.findall(text)
    return (
        len(words) >= 2
        and len(letters) >= 4
        and all(ch.isupper() for ch in letters)
        and not _SENTENCE.search(text)
    )


# "KYIV (Reuters) - ", "KYIV, Ukraine (AP) — ", "NEW YORK, Nov. 19 (UPI) — ", "WASHINGTON — ":
# where and through whom the article was filed, before its first sentence
AGENCIES = "Ukrinform|Xinhua|Interfax|Anadolu"  # wires not written in capitals
DATELINE_PREFIX = re.compile(
    r"(?:[A-Z][A-Z.'’]+(?:[ -][A-Z][A-Z.'’]+){0,3}"  # the place, in capitals
    r"(?:,\s*[A-Z][\w.’']*(?: [A-Z][\w.’']*){0,2})?"  # ", Ukraine"
    r"(?:,\s*[A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?)?"  # ", Nov. 19"
    r"\s*(?:\([A-Za-z][\w .&-]{0,30}\)\s*)?"  # "(Reuters)"
    # or "Moscow, TASS - ", "Tehran, IRNA - ", "Kyiv, Ukrinform - ": the place, then the agency
    rf"|[A-Z][a-z]+(?:[ -][A-Z][a-z]+){{0,2}},\s*(?:[A-Z]{{2,6}}|{AGENCIES})\s*)"
    r"[-–—]{1,2}\s+(?=[\"“A-Z])"
)
DATELINE_LINES = 4  # the first non-empty lines a dateline may open


def blank_furniture(text: str) -> str:
    """The text with its furniture lines replaced by spaces (same length, newlines kept), and
    the dateline before the first sentence blanked too: on every article of a wire its words
    ("KYIV", "Reuters") were the first claim's, shared across the wire's unrelated reports."""
    if not text:
        return text
    lines = text.split("\n")
    out = [" " * len(line) if is_furniture(line) else line for line in lines]
    seen = 0
    for n, line in enumerate(out):
        if not line.strip():
            continue
        if (m := DATELINE_PREFIX.match(line)) is not None:
            out[n] = " " * m.end() + line[m.end() :]
            break
        seen += 1
        if seen == DATELINE_LINES:
            break
    return "\n".join(out)
