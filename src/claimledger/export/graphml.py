"""The provenance graph as GraphML, for Gephi, yEd, networkx or igraph.

Nodes (``kind``): ``outlet`` (a publication: an article's outlet, or a chain link of kind
outlet or of an outlet's name), ``source`` (every other speaker or relay of a chain),
``article``, ``claim`` and ``cluster``. Edges (``relation``), all directed:

- ``said``: a claim's origin (the last link of its chain) -> the claim;
- ``relayed by``: a claim -> each link of its chain before the origin, and the outlet that
  published it when that outlet is not in the chain;
- ``cites``: one relay -> the next along a chain, the publishing outlet -> the chain's first
  link; one edge per pair, ``weight`` the number of claims, ``claim_ids`` which;
- ``member of cluster``: a claim -> its cluster (``similarity``, ``stance``);
- ``republished copy of``: an article -> the article it copies (``similarity``);
- ``appears in``: a claim -> its article; ``published by``: an article -> its outlet.

Every attribute is declared as a GraphML ``key`` with its type. Text goes through ElementTree,
which escapes markup; characters XML 1.0 cannot carry at all (control characters but tab and
line breaks, lone surrogates, U+FFFE, U+FFFF) become U+FFFD, so any ledger gives a document
every XML parser reads.
"""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import IO, Any

from claimledger.export.ids import article_ids, item_id
from claimledger.export.options import ExportOptions
from claimledger.ledger import claim_grades
from claimledger.store.records import ArticleRecord, ClaimRecord
from claimledger.store.sqlite import SQLiteStore

NS = "http://graphml.graphdrawing.org/xmlns"
SCHEMA = "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# (id, for, attr.name, attr.type)
KEYS = (
    ("d0", "node", "label", "string"),
    ("d1", "node", "kind", "string"),
    ("d2", "node", "source_kind", "string"),
    ("d3", "node", "content", "string"),
    ("d4", "node", "article_id", "string"),
    ("d5", "node", "url", "string"),
    ("d6", "node", "title", "string"),
    ("d7", "node", "published", "string"),
    ("d8", "node", "assessment", "string"),
    ("d9", "node", "independent_origins", "int"),
    ("d10", "node", "size", "int"),
    ("d11", "node", "hedged", "boolean"),
    ("d12", "node", "verification", "string"),
    ("d13", "node", "polarity", "string"),
    ("d14", "node", "credibility", "int"),
    ("d15", "node", "ledger_id", "string"),
    ("e0", "edge", "relation", "string"),
    ("e1", "edge", "label", "string"),
    ("e2", "edge", "weight", "double"),
    ("e3", "edge", "claim_ids", "string"),
    ("e4", "edge", "similarity", "double"),
    ("e5", "edge", "stance", "string"),
)
KEY_ID = {(k[1], k[2]): k[0] for k in KEYS}


def xml_safe(text: str) -> str:
    """``text`` with every character XML 1.0 forbids replaced by U+FFFD."""
    return NOT_XML.sub("\ufffd", text)


@dataclass
class Graph:
    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)
    edges: dict[tuple[str, str, str], dict[str, Any]] = field(default_factory=dict)

    def node(self, node_id: str, **attrs: Any) -> str:
        self.nodes.setdefault(node_id, attrs)
        return node_id

    def edge(self, source: str, target: str, relation: str, **attrs: Any) -> None:
        if source != target:
            self.edges.setdefault((source, target, relation), attrs)

    def cite(self, source: str, target: str, claim_id: str) -> None:
        if source == target:
            return
        edge = self.edges.setdefault((source, target, "cites"), {"weight": 0.0, "claims": []})
        edge["weight"] += 1
        edge["claims"].append(claim_id)


def provenance_graph(store: SQLiteStore) -> Graph:
    articles = store.articles()
    refs = article_ids(articles)
    claims = store.claims(store.current_claim_ids())
    grades = claim_grades(store, claims)
    g = Graph()
    outlets = {a.outlet.casefold(): a.outlet for a in articles if a.outlet}
    carriers: dict[str, str | None] = {}
    for a in articles:
        carriers[a.doc_id] = _article(g, a, refs, outlets)
    for copy, (original, similarity) in store.copies(list(refs)).items():
        if original in refs:
            g.edge(f"article:{copy}", f"article:{original}", "republished copy of",
                   similarity=round(similarity, 3))  # fmt: skip
    clusters = {k.id: k for k in store.clusters()}
    for c in claims:
        grade = grades.get(c.id)
        claim = g.node(
            f"claim:{c.id}", label=item_id(c.id, refs), kind="claim", content=c.content,
            article_id=refs[c.doc_id], published=c.published, hedged=c.hedged,
            verification=c.verification, polarity=c.polarity,
            credibility=grade.credibility if grade else None, ledger_id=c.id,
        )  # fmt: skip
        g.edge(claim, f"article:{c.doc_id}", "appears in")
        _chain(g, c, claim, carriers[c.doc_id], outlets)
        k = clusters.get(c.cluster_id) if c.cluster_id else None
        if k is not None:
            cluster = g.node(
                f"cluster:{k.id}", label=k.id, kind="cluster", assessment=k.assessment,
                independent_origins=k.independent_origins, size=k.size, ledger_id=k.id,
            )  # fmt: skip
            g.edge(claim, cluster, "member of cluster", similarity=c.similarity, stance=c.stance)
    return g


def _article(
    g: Graph, a: ArticleRecord, refs: dict[str, str], outlets: dict[str, str]
) -> str | None:
    """Add an article and its outlet; the outlet's node, if it has one."""
    article = g.node(
        f"article:{a.doc_id}", label=refs[a.doc_id], kind="article", article_id=refs[a.doc_id],
        url=a.url, title=a.title, published=a.published, ledger_id=a.doc_id,
    )  # fmt: skip
    if not a.outlet:
        return None
    outlet = _source(g, a.outlet, "outlet", outlets)
    g.edge(article, outlet, "published by")
    return outlet


def _source(g: Graph, name: str, kind: str, outlets: dict[str, str]) -> str:
    """The node of a speaker or relay: the outlet's, for an outlet or a name an outlet has."""
    if kind == "outlet" or name.casefold() in outlets:
        label = outlets.get(name.casefold(), name)
        return g.node(f"outlet:{label.casefold()}", label=label, kind="outlet")
    return g.node(f"source:{name}", label=name, kind="source", source_kind=kind)


def _chain(
    g: Graph, c: ClaimRecord, claim: str, carrier: str | None, outlets: dict[str, str]
) -> None:
    hops = list(c.chain) or ([(c.speaker_name, c.speaker_kind)] if c.speaker_name else [])
    links = [_source(g, name, kind, outlets) for name, kind in hops]
    if links:
        g.edge(links[-1], claim, "said")
    for relay in links[:-1]:
        g.edge(claim, relay, "relayed by")
    if carrier is not None and carrier not in links:
        g.edge(claim, carrier, "relayed by")
    path = ([carrier] if carrier is not None else []) + links
    for source, target in itertools.pairwise(path):
        g.cite(source, target, claim.removeprefix("claim:"))


def to_graphml(g: Graph, refs: dict[str, str] | None = None) -> ET.Element:
    root = ET.Element("graphml", {
        "xmlns": NS, "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
        "xsi:schemaLocation": f"{NS} {SCHEMA}",
    })  # fmt: skip
    for key_id, domain, name, kind in KEYS:
        ET.SubElement(root, "key", {"id": key_id, "for": domain, "attr.name": name,
                                    "attr.type": kind})  # fmt: skip
    graph = ET.SubElement(root, "graph", {"id": "provenance", "edgedefault": "directed"})
    for node_id, attrs in g.nodes.items():
        _data(ET.SubElement(graph, "node", {"id": xml_safe(node_id)}), "node", attrs)
    for n, ((source, target, relation), attrs) in enumerate(g.edges.items()):
        edge = ET.SubElement(
            graph, "edge", {"id": f"e{n}", "source": xml_safe(source), "target": xml_safe(target)}
        )
        shown = {k: v for k, v in attrs.items() if k != "claims"}
        if "claims" in attrs:
            shown["claim_ids"] = " ".join(item_id(c, refs or {}) for c in attrs["claims"])
        _data(edge, "edge", {"relation": relation, "label": relation, **shown})
    return root


def _data(element: ET.Element, domain: str, attrs: dict[str, Any]) -> None:
    for name, value in attrs.items():
        if value is None:
            continue
        data = ET.SubElement(element, "data", {"key": KEY_ID[domain, name]})
        data.text = (
            ("true" if value else "false") if isinstance(value, bool) else xml_safe(str(value))
        )


def write_graphml(store: SQLiteStore, out: IO[str], options: ExportOptions) -> None:
    root = to_graphml(provenance_graph(store), article_ids(store.articles()))
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode") + "\n")
