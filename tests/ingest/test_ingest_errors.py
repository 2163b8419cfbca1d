"""Every unusable input raises its typed error, or is skipped with that reason."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from claimledger.errors import (
    BinaryInputError,
    DecodeInputError,
    EmptyArticleError,
    InputError,
    MalformedRecordError,
    MissingTextError,
    UnreadableInputError,
    UnsupportedInputError,
)
from claimledger.ingest import Skipped, read_inputs

Write = Callable[[str, bytes | str], Path]

GOOD = '{"id": "ok", "text": "The governor said the shelling had stopped."}'
RSS_HEAD = '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'

# name, content, error, location suffix (after the path), words the message must hold
CASES: list[tuple[str, bytes | str, type[InputError], str, str]] = [
    ("nul.txt", b"Some text\x00\x01\x02", BinaryInputError, "", "convert it to text first"),
    ("fake.txt", b"%PDF-1.7\n%binary", BinaryInputError, "", "PDF"),
    ("image", b"\x89PNG\r\n\x1a\n\x00\x00", BinaryInputError, "", "PNG"),
    ("archive.md", b"PK\x03\x04rest", BinaryInputError, "", "ZIP"),
    ("latin1.txt", "Kyiv said: café".encode("latin-1"), DecodeInputError, "", "byte offset 14"),
    ("doc.pdf", b"%PDF-1.7", UnsupportedInputError, "", "JSON Lines"),
    ("doc.docx", b"PK\x03\x04", UnsupportedInputError, "", "'.docx' files are not supported"),
    ("photo.png", b"\x89PNG", UnsupportedInputError, "", "plain text"),
    ("empty.txt", b"", EmptyArticleError, "", "empty"),
    ("blank.txt", " \n\t\n", EmptyArticleError, "", "empty"),
    ("empty.jsonl", "\n\n", EmptyArticleError, "", "no records"),
    ("empty.html", "", EmptyArticleError, "", "the file is empty"),
    ("empty.rss", " \n", EmptyArticleError, "", "the file is empty"),
    ("stub.rss", "<?xml version='1.0'?>", MalformedRecordError, "", "cannot be parsed"),
    ("bad.jsonl", GOOD + "\n{not json\n", MalformedRecordError, ":2", "not valid JSON"),
    ("array.jsonl", "\n\n[1, 2]\n", MalformedRecordError, ":3", "JSON array; expected an object"),
    ("title.jsonl", '{"text": "t said", "title": 7}', MalformedRecordError, ":1", "title"),
    ("id.jsonl", '{"text": "t said", "id": [1]}', MalformedRecordError, ":1", "id field"),
    ("notext.jsonl", GOOD + '\n{"id": "x"}', MissingTextError, ":2", "no text"),
    ("inttext.jsonl", '{"text": 5}', MissingTextError, ":1", "not a string"),
    ("blanktext.jsonl", '{"text": "  \\n "}', EmptyArticleError, ":1", "empty"),
    ("utf8.jsonl", GOOD.encode() + b'\n{"text": "\xff"}', DecodeInputError, ":2", "byte offset"),
    ("nothing.html", "<html><body><p></p></body></html>", EmptyArticleError, "", "no article"),
    ("broken.rss", "<rss><channel><item><title>x</ti", MalformedRecordError, "", "cannot be"),
    ("notes.xml", "<?xml version='1.0'?><notes/>", MalformedRecordError, "", "not an RSS"),
    ("empty.rss", RSS_HEAD + "</channel></rss>", EmptyArticleError, "", "no entries"),
    (
        "notext.rss",
        RSS_HEAD + "<item><title>x</title><description>Said.</description></item>"
        "<item><title>Only a title</title></item></channel></rss>",
        MissingTextError,
        "#entry-2",
        "no content or summary",
    ),
]


@pytest.mark.parametrize(("name", "content", "error", "suffix", "words"), CASES)
def test_fail_mode_raises_typed_error(
    write: Write, name: str, content: bytes | str, error: type[InputError], suffix: str, words: str
) -> None:
    path = str(write(name, content))
    with pytest.raises(error) as caught:
        read_inputs([path])
    assert type(caught.value) is error
    assert caught.value.location == path + suffix
    message = str(caught.value)
    assert message.startswith(f"{path}{suffix}: ")
    assert words.lower() in message.lower()


@pytest.mark.parametrize(("name", "content", "error", "suffix", "words"), CASES)
def test_skip_mode_reports_and_goes_on(
    write: Write, name: str, content: bytes | str, error: type[InputError], suffix: str, words: str
) -> None:
    path = str(write(name, content))
    after = str(write("after.jsonl", GOOD))
    result = read_inputs([path, after], on_error="skip")
    skipped = [s for s in result.skipped if s.location == path + suffix]
    assert len(skipped) == 1
    assert skipped[0].reason == error.reason
    assert words.lower() in skipped[0].message.lower()
    assert result.articles[-1].source.id == "ok"


def test_decode_error_gives_offset_and_hint(write: Write) -> None:
    path = str(write("latin1.txt", "Kyiv said: café".encode("latin-1")))
    with pytest.raises(DecodeInputError, match=r"byte offset 14\)\. Re-save the file as UTF-8"):
        read_inputs([path])


def test_decode_offset_counts_earlier_lines(write: Write) -> None:
    content = GOOD.encode() + b'\n\n{"text": "ab\xfe"}\n'
    path = str(write("x.jsonl", content))
    offset = content.index(b"\xfe")
    with pytest.raises(DecodeInputError, match=rf"byte offset {offset}\)"):
        read_inputs([path])


def test_missing_path_is_unreadable(tmp_path: Path) -> None:
    path = str(tmp_path / "nowhere.txt")
    with pytest.raises(UnreadableInputError, match="no such file") as caught:
        read_inputs([path])
    assert caught.value.location == path
    skipped = read_inputs([path], on_error="skip").skipped
    assert skipped == (Skipped(path, "unreadable", str(caught.value)),)


def test_skip_mode_reports_every_bad_line(write: Write) -> None:
    lines = [
        GOOD,
        "{oops",
        "",
        '{"id": 1}',
        '"text"',
        GOOD.replace('"ok"', '"ok2"'),
        '{"text": ""}',
    ]
    path = str(write("mixed.jsonl", "\n".join(lines) + "\n"))
    result = read_inputs([path], on_error="skip")
    assert [a.source.id for a in result.articles] == ["ok", "ok2"]
    assert [(s.location, s.reason) for s in result.skipped] == [
        (f"{path}:2", "malformed record"),
        (f"{path}:4", "no text"),
        (f"{path}:5", "malformed record"),
        (f"{path}:7", "empty article"),
    ]


def test_skip_mode_reports_every_bad_file(write: Write) -> None:
    files: list[tuple[str, bytes | str]] = [("a.txt", ""), ("b.bin", b"\x00"), ("c.txt", b"\x00")]
    bad = [str(write(name, content)) for name, content in files]
    good = str(write("d.txt", "A spokesman said nothing."))
    result = read_inputs([*bad, good], on_error="skip")
    assert [s.location for s in result.skipped] == bad
    assert [s.reason for s in result.skipped] == ["empty article", "unsupported type", "binary"]
    assert len(result.articles) == 1


def test_fail_mode_stops_at_first_error(write: Write) -> None:
    first = str(write("a.jsonl", GOOD + "\n{bad}\n{worse}\n"))
    with pytest.raises(MalformedRecordError) as caught:
        read_inputs([first, str(write("b.txt", ""))])
    assert caught.value.location == f"{first}:2"


def test_unknown_on_error_value() -> None:
    with pytest.raises(ValueError, match="on_error"):
        read_inputs([], on_error="ignore")  # type: ignore[arg-type]
