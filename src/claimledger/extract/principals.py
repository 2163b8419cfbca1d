"""Whom a named person speaks for, as the article describes them.

"FBI Director James Comey", "Kremlin spokesman Dmitry Peskov", "Clinton's communications
director, Jennifer Palmieri", "Dmitry Peskov, a spokesman for the Kremlin": the person's
statements are their principal's (one line of reporting, ``analyze/origins.py``), and the
ledger learns the link from the articles that spell it out (``store`` table ``affiliations``),
so that "the FBI concluded X" in one article and "Comey said X" in another are one source.

Only roles whose holder speaks *for* the body: spokespeople, press secretaries, directors,
heads, chiefs, chairs, commanders, secretaries general. Not ministers, senators, presidents or
ambassadors (their words are their own or a country's, which the articles do not name as a
body), and never a former holder ("former FBI Director Robert Mueller"). The principal must be
a named organisation or person of the article, written just before the role ("FBI Director",
"Clinton campaign spokesman") or attached to it ("a spokesman for the Kremlin", "Clinton's
communications director"); a description without a name ("the head of the presidential
office") gives none.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from claimledger.extract.quotes import doc_text
from claimledger.nlp.ents import entities_in, entity_at

ROLES = frozenset({
    "spokesman", "spokeswoman", "spokesperson", "director", "head", "chief", "chairman",
    "chairwoman", "chair", "commander",
})  # fmt: skip
SECRETARIES = frozenset({"press", "general"})  # "press secretary", "secretary general"
# lower-case words allowed between a principal and the role: "Clinton campaign spokesman"
BETWEEN = frozenset({
    "campaign", "communications", "press", "deputy", "senior", "chief", "office", "military",
})  # fmt: skip
FORMER = frozenset({"former", "ex", "ex-", "then", "late", "retired", "onetime", "one-time"})
PRINCIPAL_LABELS = frozenset({"ORG", "PERSON"})
GROUP_LABEL = "NORP"  # "Houthi military spokesman Yahya Saree": the group (``_group``)

Named = Callable[[Span], str | None]  # an entity's name in the article (full name of a person)


def principal_of(ent: Span, named: Named) -> str | None:
    """The principal a PERSON entity speaks for, by the article's words around it, or None."""
    before = _role_before(ent)
    if before is not None:
        return _principal_before(before, named)
    root = ent.root
    roles = [c for c in root.children if c.dep_ == "appos" and c.i >= ent.end]  # "X, a spokesman"
    if root.dep_ == "appos" and root.head.i < ent.start:
        roles.append(root.head)  # "Clinton's communications director, Jennifer Palmieri"
    for role in roles:
        if _is_role(role) and not _former(role):
            found = _principal_of_role(role, named)
            if found is not None:
                return found
    return None


def _is_role(tok: Token) -> bool:
    low = tok.lower_
    if low in ROLES:
        return True
    if low == "secretary":
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        prev = tok.doc[tok.i - 1] if tok.i else None
        return (prev is not None and prev.lower_ == "press") or (
            nxt is not None and nxt.lower_ == "general"
        )
    return low == "general" and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "secretary"


def _former(role: Token) -> bool:
    return any(t.lower_ in FORMER for t in role.subtree if t.i < role.i)


def _role_before(ent: Span) -> Token | None:
    """The role word of the title just before the name ("FBI Director [James Comey]"): the
    nearest role among the nouns that modify the name."""
    doc = ent.doc
    i = ent.start - 1
    while i >= 0 and doc[i].pos_ in ("NOUN", "PROPN") and doc[i].ent_type_ != "PERSON":
        tok = doc[i]
        if _is_role(tok):
            if tok.dep_ != "compound" or not ent.start <= tok.head.i < ent.end:
                return None
            if any(doc[j].lower_ in FORMER for j in range(max(0, i - 4), i)):
                return None
            return tok
        i -= 1
    return None


def _principal_before(role: Token, named: Named) -> str | None:
    """The named entity that ends just before the role, allowing the words of ``BETWEEN``:
    "[FBI] Director", "[Clinton] campaign spokesman", "[Clinton]'s communications director"."""
    doc = role.doc
    i = role.i - 1
    while i >= 0 and (doc[i].lower_ in BETWEEN or _is_role(doc[i])):
        i -= 1
    if i >= 0 and doc[i].tag_ == "POS":
        i -= 1
    if i < 0:
        return None
    if not doc[i].ent_type_ or doc[i].ent_type_ == GROUP_LABEL:
        return _group(doc[i]) or _acronym(doc, i) or _body_named_before(doc[i], named)
    return _entity_at(doc[i], named)


def _body_named_before(tok: Token, named: Named) -> str | None:
    """ "the committee's spokesman Anton Bychkovsky" after "the State Border Committee of
    Belarus": the latest organisation named before whose name is headed by the word."""
    if tok.pos_ != "NOUN" or not any(c.lower_ == "the" for c in tok.children if c.dep_ == "det"):
        return None
    for e in reversed([e for e in entities_in(tok.doc, 0, tok.i) if e.label_ == "ORG"]):
        if e.root.lower_ == tok.lower_ or e[-1].lower_ == tok.lower_:
            return named(e)
    return None


def _principal_of_role(role: Token, named: Named) -> str | None:
    """ "[Clinton]'s director", "a [Pentagon] spokesman", "a spokesman for [the Kremlin]"."""
    for c in role.children:
        if c.dep_ in ("poss", "compound") and c.i < role.i and c.ent_type_:
            found = _entity_at(c, named)
            if found is not None:
                return found
    for prep in role.children:
        if prep.dep_ == "prep" and prep.lower_ in ("for", "of", "at"):
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.ent_type_:
                    return _entity_at(pobj, named)
    return None


def _group(tok: Token) -> str | None:
    """A group named by its adjective ("[Houthi] military spokesman"): the group as the article
    names it elsewhere ("the Houthis said"); None for a nationality or party the article never
    names as a group of that spelling."""
    if tok.pos_ not in ("ADJ", "PROPN") or not tok.text[:1].isupper() or not tok.is_alpha:
        return None
    plural = tok.text + "s"
    return plural if re.search(rf"\b{re.escape(plural)}\b", doc_text(tok.doc)) else None


ACRONYM = re.compile(r"^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*$")


def _acronym(doc: Doc, end: int) -> str | None:
    """An organisation by its acronym, as written, that the tagger left untagged ("[SPLM-N]
    spokesman", "[FDLR] commander"): capitals and digits, hyphens allowed, two letters or more."""
    start = end  # back over "-N" joined without spaces: "SPLM-N"
    while start >= 2 and doc[start - 1].text == "-" and not _spaced(doc[start - 2 : start]):
        start -= 2
    text = doc[start : end + 1].text
    if sum(c.isalpha() for c in text) < 2 or not ACRONYM.match(text):
        return None
    if doc[start].ent_type_ not in ("", "ORG"):
        return None
    return text


def _spaced(tokens: Span) -> bool:
    return any(t.whitespace_ for t in tokens)


def _entity_at(tok: Token, named: Named) -> str | None:
    ent = entity_at(tok.doc, tok.i)
    if ent is None or ent.label_ not in PRINCIPAL_LABELS:
        return None
    return named(ent)
