"""Each input kind reads into articles with the metadata it carries."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from claimledger.ingest import IngestResult, Skipped, read_inputs
from claimledger.ingest.base import normalise_date
from claimledger.ingest.html import html_to_text
from claimledger.models import Article, SourceInfo

Write = Callable[[str, bytes | str], Path]


def read_one(path: Path | str) -> Article:
    result = read_inputs([str(path)])
    assert result.skipped == ()
    assert len(result.articles) == 1
    return result.articles[0]


def test_plain_text_is_kept_exactly(fixtures: Path) -> None:
    path = fixtures / "report.txt"
    article = read_one(path)
    assert article.text == path.read_text(encoding="utf-8")
    assert article.source == SourceInfo(path=str(path), id="report")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\xef\xbb\xbfShelling was reported.\n", "Shelling was reported.\n"),
        (b"Line one said.\r\nLine two said.\r\n", "Line one said.\nLine two said.\n"),
        (b"  Leading space and\ttabs stay.  \n\n", "  Leading space and\ttabs stay.  \n\n"),
    ],
    ids=["bom", "crlf", "whitespace"],
)
def test_plain_text_changes_only_bom_and_crlf(write: Write, content: bytes, expected: str) -> None:
    assert read_one(write("a.txt", content)).text == expected


@pytest.mark.parametrize("name", ["note.text", "note.md", "NOTE.TXT", "note"])
def test_text_extensions_and_no_extension(write: Write, name: str) -> None:
    path = write(name, "The army said the town was retaken.")
    assert read_one(path).source.id == Path(name).stem


def test_html_page_text_and_metadata(fixtures: Path) -> None:
    article = read_one(fixtures / "page.html")
    assert "talks over a local ceasefire had stalled" in article.text
    assert "The foreign ministry denied" in article.text
    assert "all rights reserved" not in article.text
    assert "Home" not in article.text
    assert article.source == SourceInfo(
        path=str(fixtures / "page.html"),
        url="https://dispatch.example/world/ceasefire-talks-stall",
        outlet="Harbour Dispatch",
        title="Ceasefire talks stall, negotiators say",
        published="2025-02-11",
        id="page",
    )


def test_html_is_sniffed_without_extension(write: Write, fixtures: Path) -> None:
    path = write("page", (fixtures / "page.html").read_bytes())
    assert read_one(path).source.title == "Ceasefire talks stall, negotiators say"


def test_jsonl_records(fixtures: Path) -> None:
    path = str(fixtures / "articles.jsonl")
    result = read_inputs([path])
    assert result.skipped == ()
    assert [a.source for a in result.articles] == [
        SourceInfo(
            path=path,
            url="https://wire.example/depot",
            outlet="Example Wire",
            title="Depot hit",
            published="2025-01-15",
            id="depot-strike",
        ),
        SourceInfo(path=path, published="2025-01-17T22:10:00+00:00", id="42"),
        SourceInfo(path=path),
    ]
    assert result.articles[2].text.startswith("A spokesperson for the regional administration")


@pytest.mark.parametrize("name", ["records.ndjson", "records"])
def test_jsonl_other_names(write: Write, name: str) -> None:
    path = write(name, '\ufeff{"id": "x1", "text": "Officials said so."}\n')
    assert read_one(path).source.id == "x1"


def test_jsonl_long_lines_cross_the_sniffed_head(write: Write) -> None:
    texts = [f"Report {n}: " + "the governor said " * (300 + n * 97) for n in range(5)]
    lines = "\n".join(f'{{"id": "r{n}", "text": "{text}"}}' for n, text in enumerate(texts))
    result = read_inputs([str(write("big.jsonl", lines))])
    assert [a.text for a in result.articles] == texts


def test_rss_feed(fixtures: Path) -> None:
    path = str(fixtures / "feed.rss")
    result = read_inputs([path])
    first, second = result.articles
    assert first.text == (
        "A local administrator said a road bridge was damaged by shelling.\n"
        "The army has not commented."
    )
    assert first.source == SourceInfo(
        path=path,
        url="https://monitor.example/reports/bridge-damaged",
        outlet="Steppe Monitor",
        title="Bridge reported damaged near Zaporizhzhia",
        published="2025-03-01T06:20:00+02:00",
        id="monitor-2025-0301",
    )
    assert second.text.startswith("Authorities announced the evacuation")
    assert second.source.id == "https://monitor.example/reports/evacuation"
    assert second.source.published == "2025-03-02T18:05:00+00:00"


def test_atom_feed_prefers_content_to_summary(fixtures: Path) -> None:
    path = str(fixtures / "feed.atom")
    article = read_one(path)
    assert article.text == (
        "The regional utility said power had been restored to most homes in the border town.\n"
        "Residents reported outages in two districts."
    )
    assert article.source == SourceInfo(
        path=path,
        url="https://notes.example/entries/17",
        outlet="Northern Front Notes",
        title="Power restored in border town, utility says",
        published="2025-04-07T09:30:00+03:00",
        id="urn:nfn:entry:17",
    )


@pytest.mark.parametrize("name", ["feed.xml", "feed"])
def test_feed_other_names(write: Write, fixtures: Path, name: str) -> None:
    path = write(name, (fixtures / "feed.rss").read_bytes())
    assert len(read_inputs([str(path)]).articles) == 2


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2025-11-20", "2025-11-20"),
        ("  2025-11-20 ", "2025-11-20"),
        ("2025-11-20T08:30:00Z", "2025-11-20T08:30:00+00:00"),
        ("2025-11-20 08:30", "2025-11-20T08:30:00"),
        ("Thu, 20 Nov 2025 08:30:00 +0100", "2025-11-20T08:30:00+01:00"),
        ("last Thursday", "last Thursday"),
        ("", None),
        (None, None),
    ],
)
def test_normalise_date(raw: str | None, expected: str | None) -> None:
    assert normalise_date(raw) == expected


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        ("<p>One &amp; two.</p><p>Three.</p>", "One & two.\nThree."),
        ("Plain words", "Plain words"),
        ("<div>Kept<script>dropped()</script> <b>bold</b></div>", "Kept bold"),
        ("<ul><li>first</li><li>second</li></ul>", "first\nsecond"),
        ("line<br>break", "line\nbreak"),
    ],
)
def test_html_to_text(fragment: str, expected: str) -> None:
    assert html_to_text(fragment) == expected


def test_doc_id_is_stable_across_kinds_and_runs(write: Write) -> None:
    text = "The ministry said two drones were shot down."
    txt = write("a.txt", text)
    jsonl = write("b.jsonl", f'{{"id": "other", "text": "{text}"}}\n')
    first = read_inputs([str(txt), str(jsonl)]).articles
    again = read_inputs([str(txt)]).articles
    assert first[0].doc_id == first[1].doc_id == again[0].doc_id
    assert read_one(write("c.txt", text + " Later.")).doc_id != first[0].doc_id


def test_result_types_are_frozen(fixtures: Path) -> None:
    result = read_inputs([str(fixtures / "report.txt")])
    assert isinstance(result, IngestResult)
    with pytest.raises(AttributeError):
        result.articles = ()  # type: ignore[misc]
    with pytest.raises(AttributeError):
        Skipped("a", "b", "c").reason = "d"  # type: ignore[misc]
