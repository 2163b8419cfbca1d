"""Per-article extraction: parsed Doc in, typed results out."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import replace

from spacy.tokens import Doc

from claimledger.extract.actors import extract_actors
from claimledger.extract.claims import extract_claims
from claimledger.extract.quantities import extract_quantities
from claimledger.extract.speakers import Resolver
from claimledger.extract.units import extract_units
from claimledger.link.places import extract_places
from claimledger.models import Article, Claim, Extraction, Quantity, Span
from claimledger.registry.hooks import registry_hooks

__all__ = ["extract_article"]


def extract_article(article: Article, doc: Doc) -> Extraction:
    """Everything claimledger extracts from one parsed article."""
    quantities = extract_quantities(doc, article.source.published, article.doc_id)
    resolver = Resolver(doc)  # one per article: claims and actors share its name index
    claims = canonical_names(
        link_quantities(extract_claims(doc, article.doc_id, resolver), quantities)
    )
    units = extract_units(doc)
    people, orgs = extract_actors(doc, resolver, units=units)
    return Extraction(
        article=article,
        claims=claims,
        people=people,
        organizations=orgs,
        quantities=quantities,
        places=extract_places(doc),
        units=units,
    )


def canonical_names(claims: tuple[Claim, ...]) -> tuple[Claim, ...]:
    """Speakers and chain links under their registry names where the registry knows them."""
    hooks = registry_hooks()

    def name(text: str | None) -> str | None:
        return (hooks.canonical(text) or text) if text else text

    return tuple(
        replace(
            c,
            speaker=replace(c.speaker, name=name(c.speaker.name)),
            chain=tuple(replace(h, name=name(h.name) or h.name) for h in c.chain),
        )
        for c in claims
    )


def link_quantities(
    claims: tuple[Claim, ...], quantities: tuple[Quantity, ...]
) -> tuple[Claim, ...]:
    """Each claim with the ids of the figures its content states (in the figures' order).

    The figures are found by bisection on their start, not by a scan of every figure for every
    claim, which made long articles quadratic.
    """
    order = sorted(range(len(quantities)), key=lambda k: quantities[k].start)
    starts = [quantities[k].start for k in order]

    def stated(content: Span) -> tuple[str, ...]:
        first, last = bisect_left(starts, content.start), bisect_right(starts, content.end)
        inside = sorted(k for k in order[first:last] if quantities[k].end <= content.end)
        return tuple(quantities[k].id for k in inside)

    return tuple(replace(c, quantity_ids=stated(c.content)) for c in claims)
