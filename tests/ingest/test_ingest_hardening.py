"""Odd inputs found by fuzzing (issue 12): each is read, or refused with a reason, never a crash.

Covers lone surrogates and bad character references, oversized and deeply nested JSON,
non-UTF-8 file names, FIFOs and other special files, directory entries of every kind,
binary content after the first 8 KiB and UTF-16 without a byte-order mark.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import socket
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from claimledger.errors import (
    BinaryInputError,
    DecodeInputError,
    InputError,
    MalformedRecordError,
    UnreadableInputError,
)
from claimledger.ingest import IngestResult, read_inputs
from claimledger.models import Article

Write = Callable[[str, bytes | str], Path]

SAID = "The governor said the shelling had stopped near the river crossing overnight."
GOOD = json.dumps({"id": "ok", "text": SAID})
RSS = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire{ref}</title>'
    "<item><title>Report{ref}</title><link>https://wire.example/a{ref}</link>"
    "<description>The mayor said{ref} the bridge was hit.</description></item>"
    "</channel></rss>"
)
CYRILLIC = (
    "Губернатор заявил, что обстрел прекратился.\nМэр сообщил: мост цел, 3 человека ранены.\n"
)


def fields(article: Article) -> list[str]:
    """The text and every metadata string of an article."""
    values = [article.text, *vars(article.source).values()]
    return [value for value in values if isinstance(value, str)]


def encodable(article: Article) -> bool:
    """True when every field can be written as UTF-8 (to JSON output or SQLite)."""
    try:
        for value in fields(article):
            value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def only(result: IngestResult) -> Article:
    assert result.skipped == ()
    assert len(result.articles) == 1
    return result.articles[0]


def bad_name(directory: Path, raw: bytes) -> Path:
    """A path under ``directory`` whose name is the given (non-UTF-8) bytes."""
    return directory / os.fsdecode(raw)


@pytest.fixture
def call_briefly() -> Iterator[Callable[..., IngestResult]]:
    """Run read_inputs in a thread; a call still blocked after 10 s fails the test.

    A reader blocked opening a FIFO is released by opening the FIFO for writing, so a
    failing test does not hang the whole run.
    """
    fifos: list[Path] = []

    def _call(inputs: list[str], on_error: str = "fail", unblock: tuple[Path, ...] = ()) -> Any:
        fifos.extend(unblock)
        box: dict[str, object] = {}

        def target() -> None:
            try:
                box["result"] = read_inputs(inputs, on_error=on_error)  # type: ignore[arg-type]
            except BaseException as exc:  # re-raised in the test thread
                box["error"] = exc

        thread = threading.Thread(target=target, daemon=True)
        thread.start()
        thread.join(10)
        if thread.is_alive():
            _release(fifos)
            thread.join(5)
            pytest.fail(f"read_inputs({inputs}) hung (a FIFO was opened for reading)")
        if "error" in box:
            raise box["error"]  # type: ignore[misc]
        return box["result"]

    yield _call
    _release(fifos)


def _release(fifos: list[Path]) -> None:
    for fifo in fifos:
        with contextlib.suppress(OSError):
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))


# ---------------------------------------------------------------- lone surrogates


def test_lone_surrogates_in_jsonl_become_replacement_characters(write: Write) -> None:
    line = (
        '{"id": "a\\ud800", "text": "The mayor said \\udfff the bridge was hit.", '
        '"title": "T\\ud800", "url": "https://x.example/\\udbff", "outlet": "O\\udc00", '
        '"published": "2025-01-0\\ud800"}'
    )
    article = only(read_inputs([str(write("s.jsonl", line + "\n"))]))
    assert article.text == "The mayor said \ufffd the bridge was hit."
    assert article.source.id == "a\ufffd"
    assert article.source.title == "T\ufffd"
    assert article.source.url == "https://x.example/\ufffd"
    assert article.source.outlet == "O\ufffd"
    assert article.source.published == "2025-01-0\ufffd"
    assert encodable(article)


def test_surrogate_pairs_in_jsonl_are_kept(write: Write) -> None:
    line = '{"text": "The medic said \\ud83d\\ude91 arrived."}'
    assert (
        only(read_inputs([str(write("p.jsonl", line))])).text
        == "The medic said \U0001f691 arrived."
    )


def test_replacement_keeps_offsets(write: Write) -> None:
    line = '{"text": "A \\ud800\\ud800 b said."}'
    article = only(read_inputs([str(write("o.jsonl", line))]))
    assert article.text == "A \ufffd\ufffd b said."
    assert article.text.index("b said") == 5


@pytest.mark.parametrize(
    "ref",
    ["&#xD800;", "&#55296;", "&#xDFFF;", "&#1114112;", "&#x110000;", "&#99999999999999999999;"],
)
@pytest.mark.parametrize("name", ["feed.rss", "feed.xml", "feed.atom"])
def test_bad_character_references_in_feeds(write: Write, ref: str, name: str) -> None:
    article = only(read_inputs([str(write(name, RSS.format(ref=ref)))]))
    assert article.text == "The mayor said\ufffd the bridge was hit."
    assert article.source.title == "Report\ufffd"
    assert article.source.outlet == "Wire\ufffd"
    assert encodable(article)


@pytest.mark.parametrize("ref", ["&#xD800;", "&#1114112;", "&#99999999999999999999;"])
def test_bad_character_references_in_html(write: Write, ref: str) -> None:
    page = (
        f"<html><head><title>Page{ref}</title></head><body><article><p>{SAID} "
        f"A spokesman said{ref} nothing more.</p></article></body></html>"
    )
    article = only(read_inputs([str(write("page.html", page))]))
    assert "A spokesman said\ufffd nothing more." in article.text
    assert encodable(article)


# ---------------------------------------------------------------- oversized and nested JSON


@pytest.mark.parametrize(
    "record",
    [
        '{"id": 1' + "0" * 5000 + ', "text": "The mayor said so."}',
        '{"text": "The mayor said so.", "views": -' + "9" * 4400 + "}",
    ],
    ids=["id", "other-field"],
)
def test_json_number_with_too_many_digits(write: Write, record: str) -> None:
    path = str(write("big.jsonl", GOOD + "\n" + record + "\n"))
    with pytest.raises(MalformedRecordError) as caught:
        read_inputs([path])
    assert caught.value.location == f"{path}:2"
    assert "more than 4,300 digits" in str(caught.value)
    result = read_inputs([path], on_error="skip")
    assert [a.source.id for a in result.articles] == ["ok"]
    assert [(s.location, s.reason) for s in result.skipped] == [(f"{path}:2", "malformed record")]


DEEP_ARRAY = '{"text": "The mayor said so.", "meta": ' + "[" * 5000 + "]" * 5000 + "}"
DEEP_OBJECT = '{"a": ' * 5000 + "1" + "}" * 5000


@pytest.mark.parametrize(
    ("name", "content", "suffix"),
    [
        ("deep.jsonl", GOOD + "\n" + DEEP_ARRAY + "\n", ":2"),
        ("deep.ndjson", "[" * 5000 + "]" * 5000, ":1"),
        ("deep", DEEP_OBJECT, ":1"),
    ],
    ids=["jsonl-line", "bare-array", "sniffed-object"],
)
def test_deeply_nested_json(write: Write, name: str, content: str, suffix: str) -> None:
    path = str(write(name, content))
    with pytest.raises(MalformedRecordError, match="nested too deeply") as caught:
        read_inputs([path])
    assert caught.value.location == path + suffix
    after = str(write("after.txt", SAID))
    result = read_inputs([path, after], on_error="skip")
    assert result.articles[-1].source.path == after
    assert [s.location for s in result.skipped] == [path + suffix]


@pytest.mark.parametrize(
    ("line", "shown"),
    [
        ("null", "null"),
        ("3", "number"),
        ("-2.5e3", "number"),
        ("[]", "array"),
        ('"x"', "string"),
        ("true", "boolean"),
    ],
)
def test_jsonl_line_of_the_wrong_json_type(write: Write, line: str, shown: str) -> None:
    path = str(write("types.jsonl", line + "\n"))
    with pytest.raises(MalformedRecordError) as caught:
        read_inputs([path])
    assert f"the line is a JSON {shown}; expected an object with a text field" in str(caught.value)
    assert "NoneType" not in str(caught.value)


# ---------------------------------------------------------------- file names that are not UTF-8


def test_non_utf8_file_name_as_argument(tmp_path: Path) -> None:
    path = bad_name(tmp_path, b"\xff\xfe report.txt")
    path.write_text(SAID, encoding="utf-8")
    article = only(read_inputs([str(path)]))
    shown = f"{tmp_path}{os.sep}\\xff\\xfe report.txt"
    assert article.text == SAID
    assert article.source.path == shown
    assert article.source.id == "\\xff\\xfe report"
    assert encodable(article)


def test_non_utf8_file_name_in_a_directory(tmp_path: Path) -> None:
    bad_name(tmp_path, b"caf\xe9.txt").write_text(SAID, encoding="utf-8")
    bad_name(tmp_path, b"z\xff.txt").write_bytes(b"\x00binary")
    result = read_inputs([str(tmp_path)], on_error="skip")
    assert [a.source.path for a in result.articles] == [f"{tmp_path}{os.sep}caf\\xe9.txt"]
    assert [(s.location, s.reason) for s in result.skipped] == [
        (f"{tmp_path}{os.sep}z\\xff.txt", "binary")
    ]
    assert all(s.message.encode("utf-8") for s in result.skipped)


def test_missing_file_with_a_non_utf8_name(tmp_path: Path) -> None:
    path = bad_name(tmp_path, b"gone\x80.txt")
    with pytest.raises(UnreadableInputError) as caught:
        read_inputs([str(path)])
    assert caught.value.location == f"{tmp_path}{os.sep}gone\\x80.txt"
    str(caught.value).encode("utf-8")


# ---------------------------------------------------------------- special files


def test_empty_path_is_not_the_current_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "here.txt").write_text(SAID)
    with pytest.raises(UnreadableInputError, match="the path is empty"):
        read_inputs([""])
    assert read_inputs(["", "here.txt"], on_error="skip").skipped[0].location == '""'


def test_path_with_a_nul_character(tmp_path: Path) -> None:
    with pytest.raises(UnreadableInputError, match="NUL character") as caught:
        read_inputs([f"{tmp_path}/a\x00b.txt"])
    assert caught.value.location == f"{tmp_path}/a\\x00b.txt"


def test_control_characters_in_names_are_written_out(tmp_path: Path) -> None:
    (tmp_path / "two\nlines.txt").write_text(SAID)
    (tmp_path / "esc\x1b[31m.txt").write_bytes(b"\x00")
    result = read_inputs([str(tmp_path)], on_error="skip")
    assert [a.source.path for a in result.articles] == [f"{tmp_path}/two\\x0alines.txt"]
    assert result.skipped[0].location == f"{tmp_path}/esc\\x1b[31m.txt"
    assert "\x1b" not in result.skipped[0].message


def test_text_stdin_without_bytes_holding_surrogates(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("The mayor said \ud800 so."))
    with pytest.raises(DecodeInputError, match="byte offset 15"):
        read_inputs(["-"])
    monkeypatch.setattr(sys, "stdin", io.StringIO("The mayor said \udcff so."))
    with pytest.raises(DecodeInputError, match="byte offset 15"):
        read_inputs(["-"])


def test_fifo_argument_is_refused_without_blocking(
    tmp_path: Path, call_briefly: Callable[..., IngestResult]
) -> None:
    fifo = tmp_path / "f.txt"
    os.mkfifo(fifo)
    with pytest.raises(UnreadableInputError, match="not a regular file") as caught:
        call_briefly([str(fifo)], unblock=(fifo,))
    assert caught.value.reason == "not a regular file"
    assert caught.value.location == str(fifo)
    after = tmp_path / "after.txt"
    after.write_text(SAID)
    result = call_briefly([str(fifo), str(after)], on_error="skip", unblock=(fifo,))
    assert [a.source.path for a in result.articles] == [str(after)]
    assert [(s.location, s.reason) for s in result.skipped] == [(str(fifo), "not a regular file")]


def test_device_argument_is_refused(call_briefly: Callable[..., IngestResult]) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    with pytest.raises(UnreadableInputError, match="not a regular file"):
        call_briefly(["/dev/zero"])


def test_argument_links(tmp_path: Path) -> None:
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    for name, reason in [
        ("dangling.txt", "broken symbolic link"),
        ("loop.txt", "symbolic link loop"),
    ]:
        with pytest.raises(UnreadableInputError) as caught:
            read_inputs([str(tmp_path / name)])
        assert caught.value.reason == reason
        assert caught.value.location == str(tmp_path / name)


def test_every_directory_entry_is_read_or_listed(
    tmp_path: Path, call_briefly: Callable[..., IngestResult]
) -> None:
    root = tmp_path / "inbox"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(SAID)
    (root / "sub" / "inner.txt").write_text("The mayor said the shelter was full.")
    (root / ".hidden.txt").write_text("Never read.")
    (root / ".git").mkdir()
    (root / ".git" / "inside.txt").write_text("Never read either.")
    os.mkfifo(root / "fifo.txt")
    (root / "dangling.txt").symlink_to(root / "nowhere.txt")
    (root / "loop.txt").symlink_to(root / "loop.txt")
    (root / "up").symlink_to(root)
    (root / "linked").symlink_to(root / "sub")
    (root / "null.txt").symlink_to("/dev/null")
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(root / "sock.txt"))
        for on_error in ("fail", "skip"):
            result = call_briefly([str(root)], on_error=on_error, unblock=(root / "fifo.txt",))
            assert [a.source.path for a in result.articles] == [
                str(root / "a.txt"),
                str(root / "linked" / "inner.txt"),
                str(root / "sub" / "inner.txt"),
            ]
            assert [(s.location, s.reason) for s in result.skipped] == [
                (str(root / ".git"), "hidden file"),
                (str(root / ".hidden.txt"), "hidden file"),
                (str(root / "dangling.txt"), "broken symbolic link"),
                (str(root / "fifo.txt"), "not a regular file"),
                (str(root / "loop.txt"), "symbolic link loop"),
                (str(root / "null.txt"), "not a regular file"),
                (str(root / "sock.txt"), "not a regular file"),
                (str(root / "up"), "symbolic link loop"),
            ]
            assert all(s.message.startswith(f"{s.location}: ") for s in result.skipped)


def test_directory_link_to_an_ancestor_is_a_loop_even_deep_down(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "note.txt").write_text(SAID)
    (tmp_path / "a" / "b" / "back").symlink_to(tmp_path / "a")
    result = read_inputs([str(tmp_path)])
    assert [a.source.path for a in result.articles] == [str(tmp_path / "a" / "b" / "note.txt")]
    assert [(s.location, s.reason) for s in result.skipped] == [
        (str(tmp_path / "a" / "b" / "back"), "symbolic link loop")
    ]


# ---------------------------------------------------------------- binary after the first 8 KiB


@pytest.mark.parametrize("name", ["late.txt", "late.html", "late.rss", "late"])
def test_binary_after_the_first_8_kib(write: Write, name: str) -> None:
    path = str(write(name, SAID.encode() + b" word" * 4000 + b"\x00\x01\x02\x03" * 64))
    with pytest.raises(BinaryInputError, match="NUL bytes") as caught:
        read_inputs([path])
    assert caught.value.location == path
    after = str(write("after.txt", SAID))
    result = read_inputs([path, after], on_error="skip")
    assert [a.source.path for a in result.articles] == [after]
    assert [(s.location, s.reason) for s in result.skipped] == [(path, "binary")]


def test_jsonl_turning_binary_after_the_first_8_kib(write: Write) -> None:
    lines = [json.dumps({"id": f"r{n}", "text": SAID + " x" * 200}) for n in range(40)]
    content = ("\n".join(lines) + "\n").encode() + b"\x00\x9f\x00garbage\n" * 50
    path = str(write("late.jsonl", content))
    with pytest.raises(BinaryInputError, match="line 41") as caught:
        read_inputs([path])
    assert caught.value.location == path
    result = read_inputs([path], on_error="skip")
    assert len(result.articles) == 40
    assert [(s.location, s.reason) for s in result.skipped] == [(path, "binary")]


# ---------------------------------------------------------------- UTF-16 without a BOM


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("name", ["ru.txt", "ru"])
def test_utf16_text_without_bom(write: Write, codec: str, name: str) -> None:
    article = only(read_inputs([str(write(name, CYRILLIC.encode(codec)))]))
    assert article.text == CYRILLIC


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-16"])
def test_utf16_jsonl(write: Write, codec: str) -> None:
    records = [{"id": "ru1", "text": CYRILLIC}, {"id": "ru2", "text": "Мэр сказал."}]
    content = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    result = read_inputs([str(write("ru.jsonl", content.encode(codec)))])
    assert [(a.source.id, a.text) for a in result.articles] == [
        ("ru1", CYRILLIC),
        ("ru2", "Мэр сказал."),
    ]


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le"])
def test_utf16_feed_declaring_its_encoding(write: Write, codec: str) -> None:
    feed = (
        '<?xml version="1.0" encoding="UTF-16"?><rss version="2.0"><channel><item>'
        f"<title>Мэр</title><description>{CYRILLIC}</description></item></channel></rss>"
    )
    article = only(read_inputs([str(write("ru.rss", feed.encode(codec)))]))
    assert (article.source.title, article.text) == ("Мэр", " ".join(CYRILLIC.split()))


def test_utf16_with_bom(write: Write) -> None:
    assert only(read_inputs([str(write("bom.txt", CYRILLIC.encode("utf-16")))])).text == CYRILLIC


@pytest.mark.parametrize(
    "content",
    [
        bytes(range(256)) * 8,
        b"".join(n.to_bytes(2, "little") for n in range(1, 3000)),
        bytes((n * 37) % 251 for n in range(20000)).replace(b"\x05", b"\x00"),
        CYRILLIC.encode("utf-16-le") + b"\x00\x00\x00\x00" * 100,
    ],
    ids=["all-bytes", "little-endian-ints", "noise", "utf16-then-nuls"],
)
def test_binary_is_still_refused(write: Write, content: bytes) -> None:
    with pytest.raises((BinaryInputError, DecodeInputError)):
        read_inputs([str(write("blob.txt", content))])


def test_odd_length_utf16_is_refused(write: Write) -> None:
    with pytest.raises(InputError):
        read_inputs([str(write("odd.txt", CYRILLIC.encode("utf-16-le") + b"\x04"))])


# ---------------------------------------------------------------- third-party parsers failing


@pytest.mark.parametrize(
    ("name", "content", "target"),
    [
        ("page.html", "<html><body><p>The mayor said so.</p></body></html>", "trafilatura"),
        ("feed.rss", RSS.format(ref=""), "feedparser"),
    ],
)
def test_a_parser_failing_on_one_file_costs_only_that_file(
    write: Write, monkeypatch: pytest.MonkeyPatch, name: str, content: str, target: str
) -> None:
    import feedparser
    import trafilatura

    def explode(*args: object, **kwargs: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    module = {"trafilatura": trafilatura, "feedparser": feedparser}[target]
    attribute = "bare_extraction" if target == "trafilatura" else "parse"
    monkeypatch.setattr(module, attribute, explode)
    path = str(write(name, content))
    with pytest.raises(MalformedRecordError, match=r"cannot be parsed \(RecursionError"):
        read_inputs([path])
    after = str(write("after.txt", SAID))
    result = read_inputs([path, after], on_error="skip")
    assert [a.source.path for a in result.articles] == [after]
    assert [(s.location, s.reason) for s in result.skipped] == [(path, "malformed record")]
