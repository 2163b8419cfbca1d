"""`claimledger export --format X`: the registry of formats and each format against the store.

The ledger is built by ingesting invented articles (tests/data/exports) through the CLI; every
check compares an export with what the store holds.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from spacy.language import Language
from typer.testing import CliRunner

from claimledger.cli import app
from claimledger.export.claimreview import RATINGS
from claimledger.export.csv_tables import cell
from claimledger.export.graphml import xml_safe
from claimledger.export.registry import EXPORTERS, UnknownFormatError, exporter
from claimledger.store.sqlite import SQLiteStore

REPO = Path(__file__).resolve().parents[2]
ARTICLES = REPO / "tests" / "data" / "exports" / "articles.jsonl"
EVIL_ID = '=HYPERLINK("http://evil")'
EVIL_OUTLET = 'Steppe, "Courier"\nEvening'


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


def run(runner: CliRunner, *args: str | Path) -> tuple[int, str, str]:
    result = runner.invoke(app, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module", autouse=True)
def clean_environment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """No developer registry file, no $CLAIMLEDGER_* settings from the shell."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CLAIMLEDGER_REGISTRY", str(tmp_path_factory.mktemp("cfg") / "registry.yaml"))
        for name in ("CLAIMLEDGER_DB", "CLAIMLEDGER_ORGANISATION", "CLAIMLEDGER_SITE_URL"):
            mp.delenv(name, raising=False)
        yield


@pytest.fixture(scope="module")
def db(runner: CliRunner, nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("exports") / "ledger.db"
    code, out, err = run(runner, "ingest", ARTICLES, "--db", path)
    assert code == 0, err
    assert "7 new" in out
    return path


@pytest.fixture(scope="module")
def ledger(runner: CliRunner, db: Path) -> dict[str, Any]:
    """The ledger export: what the store holds, to compare the other formats with."""
    code, out, err = run(runner, "export", "--db", db, "--format", "ledger")
    assert code == 0, err
    data: dict[str, Any] = json.loads(out)
    return data


def export(runner: CliRunner, db: Path, fmt: str, *more: str) -> str:
    code, out, err = run(runner, "export", "--db", db, "--format", fmt, *more)
    assert code == 0, err
    return out


def user_ids(ledger: dict[str, Any]) -> dict[str, str]:
    """The ledger's claim id -> ``<input id>:cN``."""
    refs = {a["doc_id"]: a["source"]["id"] for a in ledger["articles"]}
    return {c["id"]: f"{refs[c['doc_id']]}:{c['id'].rpartition(':')[2]}" for c in ledger["claims"]}


# ---------------------------------------------------------------------- the registry


def test_every_format_is_described_and_listed_in_the_help(runner: CliRunner) -> None:
    assert {"ledger", "contract", "csv-claims", "csv-quantities", "csv-places", "geojson",
            "graphml", "claimreview"} <= set(EXPORTERS)  # fmt: skip
    code, out, _ = run(runner, "export", "--help")
    assert code == 0
    flat = " ".join(out.split())
    for e in EXPORTERS.values():
        assert e.name == exporter(e.name).name
        assert e.description and "\n" not in e.description
        assert e.suffix.startswith(".") and "/" in e.media_type
        assert e.name in flat


def test_an_unknown_format_is_an_error_listing_the_known_ones(
    runner: CliRunner, tmp_path: Path
) -> None:
    with pytest.raises(UnknownFormatError):
        exporter("xlsx")
    # said before the ledger is opened: this one does not exist
    code, out, err = run(runner, "export", "--db", tmp_path / "none.db", "--format", "xlsx")
    assert code == 1
    assert out == ""
    message = " ".join(err.split())
    assert "unknown export format 'xlsx'" in message
    for name in EXPORTERS:
        assert name in message
    assert not (tmp_path / "none.db").exists()


def test_ledger_is_the_default_format(runner: CliRunner, db: Path) -> None:
    code, out, _ = run(runner, "export", "--db", db)
    assert code == 0
    assert out == export(runner, db, "ledger")


def test_contract_is_what_extract_wrote(runner: CliRunner, db: Path) -> None:
    """Byte for byte the lines `extract --format contract` writes for the same input."""
    code, extracted, err = run(runner, "extract", ARTICLES, "--format", "contract")
    assert code == 0, err
    exported = export(runner, db, "contract")
    assert sorted(exported.splitlines()) == sorted(extracted.splitlines())
    assert exported.endswith("\n") and len(exported.splitlines()) == 7


def test_output_file_and_its_failures(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    target = tmp_path / "claims.csv"
    code, out, _ = run(runner, "export", "--db", db, "-f", "csv-claims", "-o", target)
    assert code == 0 and out == ""
    assert target.read_text(encoding="utf-8") == export(runner, db, "csv-claims")
    folder = tmp_path / "a-folder"
    folder.mkdir()
    code, _, err = run(runner, "export", "--db", db, "-f", "graphml", "-o", folder)
    assert code == 1
    assert "is a directory" in err
    code, _, err = run(runner, "export", "--db", tmp_path / "none.db", "-f", "geojson")
    assert code == 1
    assert "Error:" in err


# ---------------------------------------------------------------------- CSV


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_claims_one_row_per_claim_with_user_ids(
    runner: CliRunner, db: Path, ledger: dict[str, Any]
) -> None:
    found = rows(export(runner, db, "csv-claims"))
    assert len(found) == len(ledger["claims"])
    ids = user_ids(ledger)
    by_ledger_id = {r["ledger_id"]: r for r in found}
    clusters = {k["id"]: k["assessment"] for k in ledger["clusters"]}
    for c in ledger["claims"]:
        row = by_ledger_id[c["id"]]
        assert row["content"] == c["content"]
        assert row["chain"] == " | ".join(c["chain"])
        assert row["cluster_id"] == (c["cluster_id"] or "")
        assert row["assessment"] == clusters.get(c["cluster_id"], "")
        assert row["credibility"] == str(c["credibility"] or "")
        guarded = ids[c["id"]]
        assert row["claim_id"] == ("'" + guarded if guarded.startswith("=") else guarded)
    assert by_ledger_id[ledger["claims"][0]["id"]]["article_id"] == "kv-dornavka"
    assert "kv-dornavka:c1" in {r["claim_id"] for r in found}


def test_csv_text_survives_quoting_and_formulas_are_defused(runner: CliRunner, db: Path) -> None:
    text = export(runner, db, "csv-claims")
    depot = [r for r in rows(text) if r["url"] == "https://example.org/sc/depot"]
    assert len(depot) == 2
    for r in depot:
        assert r["outlet"] == EVIL_OUTLET  # comma, quotes and a line break, round-tripped
        assert r["article_id"] == "'" + EVIL_ID
        assert r["claim_id"].startswith("'=")
    assert "\n=HYPERLINK" not in text and ",=HYPERLINK" not in text


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_text_cell_that_a_spreadsheet_would_run_is_prefixed(start: str) -> None:
    assert cell(f"{start}1+2") == f"'{start}1+2"


def test_numbers_booleans_and_plain_text_cells_are_kept() -> None:
    assert cell(-3.5) == -3.5
    assert cell(0) == 0
    assert cell(True) == "true"
    assert cell(None) == ""
    assert cell("a = b") == "a = b"


def test_csv_quantities_match_the_store(runner: CliRunner, db: Path) -> None:
    found = rows(export(runner, db, "csv-quantities"))
    store = SQLiteStore.for_reading(db)
    try:
        quantities = store.quantities_of_docs([a.doc_id for a in store.articles()])
        stating = store.claims_stating([q.id for q in quantities])
    finally:
        store.close()
    assert [r["ledger_id"] for r in found] == [q.id for q in quantities]
    fourteen = [r for r in found if r["text"] == "14"]
    assert {r["article_id"] for r in fourteen} == {"kv-dornavka", "fr-dornavka"}
    for r in fourteen:
        assert float(r["value"]) == 14
        assert r["quantity_id"] == f"{r['article_id']}:q1"
        assert r["claim_ids"] == f"{r['article_id']}:c2"
        assert len(stating[r["ledger_id"]]) == 1


def test_csv_places_one_row_per_place(runner: CliRunner, db: Path) -> None:
    found = {r["name"]: r for r in rows(export(runner, db, "csv-places"))}
    kharkiv = found["Kharkiv Oblast"]
    assert kharkiv["country"] == "UA" and kharkiv["geonameid"]
    assert int(kharkiv["articles"]) == 4
    claims = kharkiv["claim_ids"].split(" | ")
    assert int(kharkiv["claims"]) == len(claims) == 4
    assert set(claims) == {f"{a}-dornavka:c1" for a in ("kv", "mb", "fr", "nw")}
    assert found["Zaporizhzhia Oblast"]["article_ids"] == "'" + EVIL_ID
    unlocated = [r for r in found.values() if not r["latitude"]]
    assert all(not r["longitude"] for r in unlocated)


# ---------------------------------------------------------------------- GeoJSON


def test_geojson_is_rfc7946(runner: CliRunner, db: Path) -> None:
    data = json.loads(export(runner, db, "geojson"))
    assert data["type"] == "FeatureCollection"
    assert "crs" not in data  # RFC 7946 section 4: no crs member
    assert data["features"]
    for f in data["features"]:
        assert f["type"] == "Feature"
        assert set(f) <= {"type", "id", "geometry", "properties"}
        assert f["geometry"]["type"] == "Point"
        lon, lat = f["geometry"]["coordinates"]
        assert all(isinstance(v, float) and math.isfinite(v) for v in (lon, lat))
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        p = f["properties"]
        assert p["claim_count"] == len(p["claim_ids"])
        assert isinstance(p["name"], str)


def test_geojson_points_are_longitude_first_and_match_the_store(
    runner: CliRunner, db: Path
) -> None:
    data = json.loads(export(runner, db, "geojson"))
    store = SQLiteStore.for_reading(db)
    try:
        mentions = store.mentions(["place"])
    finally:
        store.close()
    located = {m.name: m for m in mentions if m.lat is not None}
    features = {f["properties"]["name"]: f for f in data["features"]}
    assert set(features) == set(located)
    for name, f in features.items():
        assert f["geometry"]["coordinates"] == [located[name].lon, located[name].lat]
        assert f["properties"]["geonameid"] == located[name].data["geonameid"] == f["id"]
    kharkiv = features["Kharkiv Oblast"]
    lon, lat = kharkiv["geometry"]["coordinates"]
    assert 35 < lon < 38 and 49 < lat < 51  # east of Greenwich, north of the equator
    assert kharkiv["properties"]["country"] == "UA"
    assert kharkiv["properties"]["claim_count"] == 4
    assert "kv-dornavka:c1" in kharkiv["properties"]["claim_ids"]
    assert "Varkonia" not in features  # an invented country: no point, no feature


# ---------------------------------------------------------------------- GraphML


@pytest.fixture(scope="module")
def graph(runner: CliRunner, db: Path, tmp_path_factory: pytest.TempPathFactory) -> nx.DiGraph:
    path = tmp_path_factory.mktemp("graph") / "ledger.graphml"
    assert run(runner, "export", "--db", db, "-f", "graphml", "-o", path)[0] == 0
    read = nx.read_graphml(path)
    assert isinstance(read, nx.DiGraph)
    return read


def test_graphml_nodes_match_the_store(graph: nx.DiGraph, ledger: dict[str, Any]) -> None:
    kinds = Counter(kind for _, kind in graph.nodes(data="kind"))
    outlets = {a["source"]["outlet"] for a in ledger["articles"]}
    named = {name for c in ledger["claims"] for name in c["chain"]}
    sources = named - outlets
    assert kinds == {
        "article": len(ledger["articles"]),
        "claim": len(ledger["claims"]),
        "cluster": len(ledger["clusters"]),
        "outlet": len(outlets),
        "source": len(sources),
    }
    labels = {d["label"] for _, d in graph.nodes(data=True)}
    assert "kv-dornavka:c1" in labels and "Oleh Varanets" in labels
    cluster = graph.nodes["cluster:k1"]
    assert cluster["assessment"] == "corroborated" and cluster["size"] == 4


def test_graphml_edges_match_the_store(graph: nx.DiGraph, ledger: dict[str, Any]) -> None:
    relations = Counter(r for _, _, r in graph.edges(data="relation"))
    claims = ledger["claims"]
    copies = [a for a in ledger["articles"] if a["copy_of"]]
    assert len(copies) == 1
    assert relations["appears in"] == len(claims)
    assert relations["said"] == sum(1 for c in claims if c["chain"])
    assert relations["member of cluster"] == sum(1 for c in claims if c["cluster_id"])
    assert relations["published by"] == len(ledger["articles"])
    assert relations["republished copy of"] == 1
    assert set(relations) == {"appears in", "said", "relayed by", "cites", "member of cluster",
                              "published by", "republished copy of"}  # fmt: skip
    copy, original = copies[0]["doc_id"], copies[0]["copy_of"]["doc_id"]
    assert graph.edges[f"article:{copy}", f"article:{original}"]["similarity"] > 0.8
    # Meridian Bulletin cites Kessel Voice, which cites the governor
    mb = next(c for c in claims if c["chain"] == ["Kessel Voice", "Oleh Varanets"])
    assert graph.edges["outlet:meridian bulletin", "outlet:kessel voice"]["relation"] == "cites"
    cites = graph.edges["outlet:kessel voice", "source:Oleh Varanets"]
    assert cites["relation"] == "cites"
    assert "mb-dornavka:c1" in cites["claim_ids"].split()
    assert cites["weight"] == len(cites["claim_ids"].split())
    claim = f"claim:{mb['id']}"
    assert graph.edges["source:Oleh Varanets", claim]["relation"] == "said"
    assert graph.edges[claim, "outlet:kessel voice"]["relation"] == "relayed by"
    assert graph.edges[claim, "outlet:meridian bulletin"]["relation"] == "relayed by"
    assert graph.edges[claim, "cluster:k1"]["relation"] == "member of cluster"


def test_graphml_declares_every_attribute_and_escapes_names(
    runner: CliRunner, db: Path, graph: nx.DiGraph
) -> None:
    text = export(runner, db, "graphml")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    assert "\x07" not in text and "\x1b" not in text
    labels = {d["label"] for _, d in graph.nodes(data=True)}
    assert "Frontline\ufffd Relay\ufffd" in labels  # control characters XML 1.0 forbids
    assert EVIL_OUTLET in labels  # quotes and a line break, kept
    titles = {d.get("title") for _, d in graph.nodes(data=True)}
    assert 'Bridge <destroyed> & "copied"' in titles
    assert "&lt;destroyed&gt; &amp;" in text


def test_xml_safe_replaces_what_xml_cannot_carry() -> None:
    assert xml_safe("a\x00b\x0bc\ud800d\ufffe\uffff") == "a\ufffdb\ufffdc\ufffdd\ufffd\ufffd"
    assert xml_safe("tab\tline\nreturn\r é 𝄞 \ue000") == "tab\tline\nreturn\r é 𝄞 \ue000"


# ---------------------------------------------------------------------- ClaimReview

# Google's fact-check structured data documentation lists, for ClaimReview, as required:
# claimReviewed, reviewRating, url; recommended: author, datePublished, itemReviewed. For the
# Claim (itemReviewed), recommended: appearance, author, datePublished, firstAppearance. For the
# Rating: required alternateName; recommended bestRating, name, ratingValue, worstRating.
# https://developers.google.com/search/docs/appearance/structured-data/factcheck
REVIEW_FIELDS = {"claimReviewed", "reviewRating", "url", "author", "datePublished",
                 "itemReviewed"}  # fmt: skip
CLAIM_FIELDS = {"appearance", "author", "datePublished", "firstAppearance"}
RATING_FIELDS = {"alternateName", "bestRating", "name", "ratingValue", "worstRating"}


def test_claimreview_for_each_assessed_cluster(
    runner: CliRunner, db: Path, ledger: dict[str, Any]
) -> None:
    reviews = json.loads(export(runner, db, "claimreview"))
    assessed = {k["id"]: k for k in ledger["clusters"] if k["assessment"] in RATINGS}
    assert {r["identifier"] for r in reviews} == set(assessed)
    assert any(k["assessment"] == "single-source" for k in ledger["clusters"])  # left out
    claims = {c["id"]: c for c in ledger["claims"]}
    articles = {a["doc_id"]: a for a in ledger["articles"]}
    for r in reviews:
        assert r["@context"] == "https://schema.org" and r["@type"] == "ClaimReview"
        assert set(r) >= REVIEW_FIELDS
        k = assessed[r["identifier"]]
        members = [claims[i] for i in k["claim_ids"]]
        assert r["claimReviewed"] in {m["content"] for m in members}
        assert r["url"] == f"https://claimledger.invalid/clusters/{k['id']}"
        assert r["author"] == {"@type": "Organization", "name": "claimledger",
                               "url": "https://claimledger.invalid"}  # fmt: skip
        newest = max(articles[m["doc_id"]]["ingested_at"] for m in members)
        assert r["datePublished"] == newest[:10]
        rating = r["reviewRating"]
        assert rating["@type"] == "Rating" and set(rating) >= RATING_FIELDS
        assert rating["alternateName"] == k["assessment"]
        assert rating["ratingValue"] == RATINGS[k["assessment"]]
        assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
        item = r["itemReviewed"]
        assert item["@type"] == "Claim" and set(item) >= CLAIM_FIELDS
        authors = item["author"] if isinstance(item["author"], list) else [item["author"]]
        assert [a["name"] for a in authors] == k["origins"]
        assert all(a["@type"] in ("Person", "Organization") for a in authors)
        urls = {articles[m["doc_id"]]["source"]["url"] for m in members}
        assert {w["url"] for w in item["appearance"]} == urls
        assert all(w["@type"] == "CreativeWork" and w["publisher"]["name"]
                   for w in item["appearance"])  # fmt: skip
        first = min(articles[m["doc_id"]]["source"]["published"] for m in members)
        assert item["datePublished"] == item["firstAppearance"]["datePublished"] == first


def test_claimreview_corroborated_cluster(runner: CliRunner, db: Path) -> None:
    reviews = {r["identifier"]: r for r in json.loads(export(runner, db, "claimreview"))}
    k1 = reviews["k1"]
    assert k1["reviewRating"]["ratingValue"] == 4 == k1["reviewRating"]["bestRating"]
    authors = {a["name"]: a["@type"] for a in k1["itemReviewed"]["author"]}
    assert authors == {"Oleh Varanets": "Person", "Teresian Observer Mission": "Organization"}
    assert k1["itemReviewed"]["firstAppearance"]["url"] == "https://example.org/kv/dornavka"
    assert k1["claimReviewed"].startswith("Artillery fire destroyed the road bridge")


def test_claimreview_author_and_url_from_options_or_settings(
    runner: CliRunner, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = export(runner, db, "claimreview", "--organisation", "Open Desk",
                 "--site-url", "https://checks.example.net/")  # fmt: skip
    review = json.loads(out)[0]
    assert review["author"] == {"@type": "Organization", "name": "Open Desk",
                                "url": "https://checks.example.net"}  # fmt: skip
    assert review["url"].startswith("https://checks.example.net/clusters/")
    monkeypatch.setenv("CLAIMLEDGER_ORGANISATION", "Desk From Env")
    monkeypatch.setenv("CLAIMLEDGER_SITE_URL", "https://env.example.net")
    review = json.loads(export(runner, db, "claimreview"))[0]
    assert review["author"]["name"] == "Desk From Env"
    assert review["url"].startswith("https://env.example.net/clusters/")


def test_rating_scale_orders_the_verdicts() -> None:
    assert sorted(RATINGS, key=RATINGS.__getitem__) == [
        "denied", "contested", "circular", "corroborated",
    ]  # fmt: skip
    assert "single-source" not in RATINGS


@pytest.mark.parametrize("fmt", list(EXPORTERS))
def test_every_format_writes_an_empty_ledger(runner: CliRunner, tmp_path: Path, fmt: str) -> None:
    path = tmp_path / "empty.db"
    SQLiteStore(path, create=True).close()
    out = export(runner, path, fmt)
    if fmt in ("csv-claims", "csv-quantities", "csv-places"):
        assert len(out.splitlines()) == 1  # the header alone
    elif fmt == "graphml":
        assert nx.read_graphml(io.BytesIO(out.encode())).number_of_nodes() == 0
    elif fmt == "geojson":
        assert json.loads(out) == {"type": "FeatureCollection", "features": []}
    elif fmt in ("claimreview",):
        assert json.loads(out) == []
    elif fmt == "contract":
        assert out == ""
    else:
        assert json.loads(out)["claims"] == []
