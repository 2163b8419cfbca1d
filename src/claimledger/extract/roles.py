"""Who does what to whom in a claim's content: its main verb's agent and the people or things
it acts on, read from the parse, so that the ledger can tell "the migrants threw stones at
the border guards" from "the border guards beat the migrants" (the same words, the roles
reversed: two propositions, each side's account of the other).

The agent is the verb's subject, or the "by" phrase of a passive; the others are its objects,
the subject of a passive, and the objects of "at", "against", "on", "to", "into", "toward".
Each is the lemma of the phrase's head noun, lower-cased. A content whose root is no verb, whose
agent is a pronoun, or that names nobody acted on has no roles: nothing is compared.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimledger.models import Roles

TARGETS = frozenset({"at", "against", "on", "upon", "to", "into", "toward", "towards"})
NOMINAL = frozenset({"NOUN", "PROPN"})


def roles(content: Span) -> Roles | None:
    """The agent of the content's main verb and those it acts on, or None."""
    root = _root(content)
    if root is None or root.pos_ not in ("VERB", "AUX"):
        return None
    agent: Token | None = None
    others: list[Token] = []
    for child in root.children:
        if not content.start <= child.i < content.end:
            continue
        if child.dep_ == "nsubj":
            agent = child
        elif child.dep_ == "agent":  # "were beaten by Polish guards"
            agent = next((g for g in child.children if g.dep_ == "pobj"), agent)
        elif child.dep_ in ("nsubjpass", "dobj", "dative"):
            others.append(child)
        elif child.dep_ == "prep" and child.lower_ in TARGETS:
            others.extend(g for g in child.children if g.dep_ == "pobj")
    if agent is None or agent.pos_ not in NOMINAL:
        return None
    acted_on = tuple(dict.fromkeys(_word(o) for o in others if o.pos_ in NOMINAL))
    return (_word(agent), acted_on) if acted_on else None


def _root(content: Span) -> Token | None:
    for tok in content:
        if tok.head.i == tok.i or not content.start <= tok.head.i < content.end:
            return tok
    return None


def _word(tok: Token) -> str:
    return (tok.lemma_ or tok.text).lower()
