"""Named people and organisations of an article, one canonical name each."""

from __future__ import annotations

from spacy.tokens import Doc

from claimledger.extract.speakers import Resolver
from claimledger.models import Actor

ORG_LABELS = {"ORG"}


def extract_actors(
    doc: Doc, resolver: Resolver | None = None
) -> tuple[tuple[Actor, ...], tuple[Actor, ...]]:
    """(people, organisations) named in the article, each under its fullest name."""
    resolver = resolver or Resolver(doc)
    people: dict[str, Actor] = {}
    orgs: dict[str, Actor] = {}
    for ent in doc.ents:
        text = ent.text
        if ent.label_ == "PERSON" or (
            ent.root.pos_ == "PROPN" and ent.root.lower_ in resolver.full_names
        ):
            name = resolver.full_names.get(ent[-1].lower_.removesuffix("’s"), text)
            people.setdefault(name.lower(), Actor(text, name, "person"))
        elif ent.label_ in ORG_LABELS:
            name = (
                text.removeprefix("the ").removeprefix("The ").removesuffix("’s").removesuffix("'s")
            )
            if name.lower() in resolver.full_names:
                continue
            orgs.setdefault(name.lower(), Actor(text, name, "organization"))
    return tuple(people.values()), tuple(orgs.values())
