"""schema.org ClaimReview JSON-LD: one review per assessed cluster, for a fact-check page.

Which clusters: those whose assessment is a verdict on evidence the ledger holds (see
``analyze.origins``): ``corroborated``, ``circular``, ``contested`` and ``denied``. A
``single-source`` cluster (one origin in one article) is left out: there is nothing yet to
review it against.

The rating scale (``reviewRating``), worst 1 to best 4, is how well the reporting supports the
claim, not whether it is true; the word is ``alternateName``, the reason ``name``:

    1 denied        a source other than its origins denies it
    2 contested     a source other than its origins contradicts it, or the reporting disputes it
    3 circular      several articles, all tracing back to one origin
    4 corroborated  two or more independent origins state it

Properties follow Google's fact-check structured data documentation
(https://developers.google.com/search/docs/appearance/structured-data/factcheck): required
``claimReviewed``, ``reviewRating`` (with ``alternateName``) and ``url``; recommended
``author``, ``datePublished``, ``itemReviewed`` (a Claim with ``author``, ``datePublished``,
``appearance``, ``firstAppearance``) and the Rating's ``bestRating``, ``worstRating``,
``ratingValue`` and ``name``. ``author`` is the organisation running claimledger
(``--organisation``), ``url`` the review's page under ``--site-url``
(``<site>/clusters/<id>``; by default under https://claimledger.invalid, a placeholder), and
``datePublished`` the day the cluster's newest member was ingested (when it was last judged).
"""

from __future__ import annotations

import json
from typing import IO, Any
from urllib.parse import quote

from claimledger.export.ids import article_ids
from claimledger.export.options import ExportOptions
from claimledger.store.records import ArticleRecord, ClaimRecord, Cluster
from claimledger.store.sqlite import SQLiteStore

RATINGS = {"denied": 1, "contested": 2, "circular": 3, "corroborated": 4}
WORST, BEST = 1, 4
PERSON_KINDS = {"person", "expert", "journalist"}


def claim_reviews(store: SQLiteStore, options: ExportOptions) -> list[dict[str, Any]]:
    articles = {a.doc_id: a for a in store.articles()}
    refs = article_ids(list(articles.values()))
    people = {m.name for m in store.mentions(["person"])}
    organisations = {m.name for m in store.mentions(["organization"])}
    reviews = []
    for k in store.clusters():
        if k.assessment not in RATINGS:
            continue
        members = [c for c in store.claims(store.cluster_member_ids(k.id)) if c.doc_id in articles]
        if members:
            kinds = _author_kinds(members, people, organisations)
            reviews.append(_review(k, members, articles, refs, kinds, options))
    return reviews


def _review(
    k: Cluster,
    members: list[ClaimRecord],
    articles: dict[str, ArticleRecord],
    refs: dict[str, str],
    kinds: dict[str, str],
    options: ExportOptions,
) -> dict[str, Any]:
    stating = [c for c in members if c.stance != "against"] or members
    ordered = sorted(stating, key=lambda c: (articles[c.doc_id].published or "9999", c.seq))
    docs = list(dict.fromkeys(c.doc_id for c in ordered))
    appearances = [_appearance(articles[d], refs) for d in docs]
    claim: dict[str, Any] = {"@type": "Claim"}
    authors = [{"@type": kinds.get(o, "Organization"), "name": o} for o in k.origins]
    if authors:
        claim["author"] = authors[0] if len(authors) == 1 else authors
    first = articles[docs[0]].published
    if first:
        claim["datePublished"] = first
    claim |= {"appearance": appearances, "firstAppearance": appearances[0]}
    site = options.site_url.rstrip("/")
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"{site}/clusters/{quote(k.id, safe='')}",
        "claimReviewed": ordered[0].content,
        "itemReviewed": claim,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": RATINGS[k.assessment],
            "bestRating": BEST,
            "worstRating": WORST,
            "alternateName": k.assessment,
            "name": k.reasons[-1] if k.reasons else k.assessment,
        },
        "reviewBody": "; ".join(k.reasons),
        "author": {"@type": "Organization", "name": options.organisation, "url": site},
        "datePublished": max(articles[c.doc_id].ingested_at for c in members)[:10],
        "identifier": k.id,
    }


def _appearance(a: ArticleRecord, refs: dict[str, str]) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork"}
    if a.url:
        work["url"] = a.url
    work["identifier"] = refs[a.doc_id]
    if a.title:
        work["headline"] = a.title
    if a.published:
        work["datePublished"] = a.published
    if a.outlet:
        work["publisher"] = {"@type": "Organization", "name": a.outlet}
    return work


def _author_kinds(
    members: list[ClaimRecord], people: set[str], organisations: set[str]
) -> dict[str, str]:
    """Origin name -> Person or Organization: as the articles' named actors have it, else by
    the kind of source the extractor gave it."""
    kinds: dict[str, str] = {}
    for c in members:
        name, kind = c.chain[-1] if c.chain else (c.speaker_name, c.speaker_kind)
        if not name:
            continue
        if name in people:
            kinds[name] = "Person"
        elif name in organisations:
            kinds[name] = "Organization"
        else:
            kinds.setdefault(name, "Person" if kind in PERSON_KINDS else "Organization")
    return kinds


def write_claimreviews(store: SQLiteStore, out: IO[str], options: ExportOptions) -> None:
    """A JSON array of ClaimReview objects, each with its own ``@context``: each can go in a
    page's ``<script type="application/ld+json">`` alone."""
    data = claim_reviews(store, options)
    out.write(json.dumps(data, ensure_ascii=False, allow_nan=False, indent=1) + "\n")
