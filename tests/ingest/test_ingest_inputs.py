"""Where inputs come from: stdin, directories, streaming, and the shared dev corpus."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from claimledger.errors import (
    BinaryInputError,
    DecodeInputError,
    EmptyArticleError,
    MalformedRecordError,
    UnreadableInputError,
)
from claimledger.ingest import Skipped, iter_inputs, read_inputs
from claimledger.models import Article

Write = Callable[[str, bytes | str], Path]
SetStdin = Callable[[bytes], None]

DEV_ARTICLES = Path(__file__).parents[2].parent / "shared" / "corpus" / "dev" / "articles.jsonl"


@pytest.mark.parametrize(
    ("fixture", "count", "title"),
    [
        ("report.txt", 1, None),
        ("page.html", 1, "Ceasefire talks stall, negotiators say"),
        ("feed.rss", 2, "Bridge reported damaged near Zaporizhzhia"),
        ("feed.atom", 1, "Power restored in border town, utility says"),
        ("articles.jsonl", 3, "Depot hit"),
    ],
)
def test_stdin_is_sniffed(
    stdin: SetStdin, fixtures: Path, fixture: str, count: int, title: str | None
) -> None:
    stdin((fixtures / fixture).read_bytes())
    result = read_inputs(["-"])
    assert len(result.articles) == count
    assert result.articles[0].source.title == title
    assert result.articles[0].source.path == "-"


def test_stdin_text_kept_exactly(stdin: SetStdin) -> None:
    stdin(b"\xef\xbb\xbf  Officials said the convoy was hit.\r\nNo one confirmed it.\r\n")
    article = read_inputs(["-"]).articles[0]
    assert article.text == "  Officials said the convoy was hit.\nNo one confirmed it.\n"
    assert article.source.id is None


def test_stdin_jsonl_errors_name_stdin_and_line(stdin: SetStdin) -> None:
    stdin(b'\n  {"text": "A source said so."}\n{"text": 3}\n')
    result = read_inputs(["-"], on_error="skip")
    assert len(result.articles) == 1
    assert [s.location for s in result.skipped] == ["<stdin>:3"]


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"%PDF-1.4 binary", BinaryInputError),
        (b"caf\xe9 said", DecodeInputError),
        (b"", EmptyArticleError),
        (b" \n\n", EmptyArticleError),
    ],
)
def test_stdin_refuses_unusable_bytes(stdin: SetStdin, data: bytes, error: type[Exception]) -> None:
    stdin(data)
    with pytest.raises(error, match=r"^<stdin>: "):
        read_inputs(["-"])


def test_directory_is_walked_recursively_in_order(
    tmp_path: Path, write: Write, fixtures: Path
) -> None:
    for fixture in ("report.txt", "feed.rss"):
        shutil.copy(fixtures / fixture, tmp_path / fixture)
    write("b/nested/deep.md", "A commander said the line held.")
    write("a.txt", "The mayor said the shelter was full.")
    write(".hidden.txt", "Never read.")
    write(".cache/inside.txt", "Never read either.")
    result = read_inputs([str(tmp_path)])
    assert [a.source.path for a in result.articles] == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "b" / "nested" / "deep.md"),
        str(tmp_path / "feed.rss"),
        str(tmp_path / "feed.rss"),
        str(tmp_path / "report.txt"),
    ]
    assert [(s.location, s.reason) for s in result.skipped] == [
        (str(tmp_path / ".cache"), "hidden file"),
        (str(tmp_path / ".hidden.txt"), "hidden file"),
    ]


def test_directory_passes_over_unsupported_types_with_a_reason(
    tmp_path: Path, write: Write
) -> None:
    write("notes.txt", "A witness said the bridge fell.")
    write("scan.pdf", b"%PDF-1.7")
    result = read_inputs([str(tmp_path)])
    assert len(result.articles) == 1
    assert [(s.location, s.reason) for s in result.skipped] == [
        (str(tmp_path / "scan.pdf"), "unsupported type")
    ]


def test_directory_fails_on_bad_supported_file(tmp_path: Path, write: Write) -> None:
    write("a.txt", "The ministry said so.")
    write("b.txt", b"\x00\x00")
    with pytest.raises(BinaryInputError) as caught:
        read_inputs([str(tmp_path)])
    assert caught.value.location == str(tmp_path / "b.txt")


@pytest.mark.parametrize(
    ("files", "first_error"),
    [
        ({}, UnreadableInputError),
        ({"scan.pdf": b"%PDF"}, UnreadableInputError),
        ({".hidden.txt": "Said."}, UnreadableInputError),
        ({"empty.txt": ""}, EmptyArticleError),
    ],
    ids=["empty", "unsupported-only", "hidden-only", "empty-file"],
)
def test_directory_without_articles_is_unreadable(
    tmp_path: Path, write: Write, files: dict[str, bytes | str], first_error: type[Exception]
) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    for name, content in files.items():
        write(f"inbox/{name}", content)
    result = read_inputs([str(folder)], on_error="skip")
    assert result.articles == ()
    assert result.skipped[-1].location == str(folder)
    assert result.skipped[-1].reason == "unreadable"
    with pytest.raises(first_error):
        read_inputs([str(folder)])


def test_empty_directory_message(tmp_path: Path) -> None:
    with pytest.raises(UnreadableInputError, match=r"holds no readable articles\. Put articles"):
        read_inputs([str(tmp_path)])


def test_iter_inputs_streams(write: Write) -> None:
    good = '{"id": "first", "text": "The spokesman said the strike hit a depot."}'
    path = str(write("stream.jsonl", good + "\n{broken\n"))
    items = iter_inputs([path])
    first = next(items)
    assert isinstance(first, Article)
    assert first.source.id == "first"
    with pytest.raises(MalformedRecordError, match="not valid JSON"):
        next(items)


def test_iter_inputs_skip_yields_in_input_order(write: Write) -> None:
    path = str(write("mixed.jsonl", '{"text": "Said."}\n[]\n{"text": "Told."}\n'))
    kinds = [type(item) for item in iter_inputs([path], on_error="skip")]
    assert kinds == [Article, Skipped, Article]


def test_shared_dev_corpus_reads_two_articles() -> None:
    if not DEV_ARTICLES.is_file():
        pytest.skip(f"shared dev corpus not present at {DEV_ARTICLES}")
    result = read_inputs([str(DEV_ARTICLES)])
    assert result.skipped == ()
    assert [a.source.id for a in result.articles] == ["kharkiv-soce", "vilcha-desertion"]
    assert all(a.source.published == "2025-11-20" for a in result.articles)
    assert all(a.text.strip() for a in result.articles)
