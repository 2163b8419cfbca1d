"""Read the inputs a user names (files, directories, ``-`` for stdin) into articles."""

from __future__ import annotations

import io
import logging
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO, TypeAlias

from claimledger.errors import EmptyArticleError, InputError, UnreadableInputError
from claimledger.ingest.base import SUPPORTED_TYPES, IngestResult, OnError, Skipped
from claimledger.ingest.detect import (
    BOM,
    HEAD_SIZE,
    Kind,
    check_binary,
    check_signature,
    decode,
    decode_utf16,
    kind_from_suffix,
    sniff,
    utf16_codec,
)
from claimledger.ingest.feed import iter_feed
from claimledger.ingest.html import parse_html
from claimledger.ingest.jsonl import iter_jsonl
from claimledger.ingest.paths import Found, PassedOver, open_regular, shown_path, walk
from claimledger.ingest.text import parse_text
from claimledger.models import Article

logger = logging.getLogger(__name__)

STDIN = "-"
STDIN_LOCATION = "<stdin>"

# An XML declaration naming UTF-16: once the bytes are transcoded it must name UTF-8.
_UTF16_DECLARATION = re.compile(rb"\A(\s*<\?xml[^>]*?encoding\s*=\s*[\"'])utf-16(?:le|be)?", re.I)

# An article, a notice already final in either mode, or an error the mode decides on.
_Item: TypeAlias = Article | Skipped | InputError


def read_inputs(inputs: Sequence[str], on_error: OnError = "fail") -> IngestResult:
    """Read every input into articles; see :func:`iter_inputs` for the rules."""
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for item in iter_inputs(inputs, on_error):
        if isinstance(item, Article):
            articles.append(item)
        else:
            skipped.append(item)
    return IngestResult(articles=tuple(articles), skipped=tuple(skipped))


def iter_inputs(inputs: Sequence[str], on_error: OnError = "fail") -> Iterator[Article | Skipped]:
    """Yield the articles of each input in order, streaming large JSON Lines files.

    With ``on_error="fail"`` the first :class:`~claimledger.errors.InputError` is raised;
    with ``"skip"`` each unusable file, JSON Lines line or feed entry is yielded as a
    :class:`Skipped` and reading goes on. Entries found while walking a directory that
    are not articles to read (unsupported types, hidden entries, FIFOs, sockets, devices,
    broken or looping links) are always reported as skipped rather than failing it.
    """
    if on_error not in ("fail", "skip"):
        raise ValueError(f"on_error must be 'fail' or 'skip', not {on_error!r}")
    for given in inputs:
        for item in _read_input(given):
            if not isinstance(item, InputError):
                yield item
            elif on_error == "fail":
                raise item
            else:
                logger.warning("skipped %s", item)
                yield Skipped.from_error(item)


def read_bytes(data: bytes, location: str) -> Iterator[Article | Skipped]:
    """The articles of a document fetched from ``location`` (a URL): a feed, HTML, JSON Lines
    or text, told apart by its content; every unusable entry yielded as :class:`Skipped`."""
    for item in _guard(_read_stream(io.BytesIO(data), location, location, None, None)):
        if isinstance(item, InputError):
            logger.warning("skipped %s", item)
            yield Skipped.from_error(item)
        else:
            yield item


def _read_input(given: str) -> Iterator[_Item]:
    if not given:  # Path("") is the current directory: never read it unasked
        yield UnreadableInputError('""', "the path is empty", "Name a file, a directory or -.")
    elif given == STDIN:
        yield from _guard(_read_stdin())
    elif Path(given).is_dir():
        yield from _read_dir(Path(given), shown_path(given))
    else:
        yield from _guard(_read_file(Path(given), shown_path(given)))


def _guard(items: Iterable[_Item]) -> Iterator[_Item]:
    """Turn an error that ends a file into the last item read from it."""
    try:
        yield from items
    except InputError as error:
        yield error


def _read_file(path: Path, shown: str) -> Iterator[_Item]:
    """The articles of one file; ``shown`` is its printable name, stored as its path."""
    kind = kind_from_suffix(shown, path.suffix)
    with open_regular(path, shown) as stream:
        try:
            yield from _read_stream(stream, shown, shown, Path(shown).stem, kind)
        except OSError as exc:
            raise UnreadableInputError(
                shown, f"the file cannot be read ({exc.strerror or exc})", "Check its permissions."
            ) from None


def _read_stdin() -> Iterator[_Item]:
    stdin = sys.stdin
    if stdin is None:
        raise UnreadableInputError(STDIN_LOCATION, "there is no standard input", "Name a file.")
    buffer: BinaryIO = getattr(stdin, "buffer", None) or io.BytesIO(_encoded(stdin.read()))
    yield from _read_stream(buffer, STDIN_LOCATION, STDIN, None, None)


def _encoded(text: str) -> bytes:
    """Text from a stdin without bytes, as UTF-8; surrogates kept so decoding names them."""
    try:
        return text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass")


def _read_stream(
    stream: BinaryIO, location: str, path: str, stem: str | None, kind: Kind | None
) -> Iterator[_Item]:
    head, stream = _as_utf8(stream, location)
    check_binary(location, head)
    kind = kind or sniff(head)
    logger.debug("%s: reading as %s", location, kind)
    if kind == "jsonl":
        yield from iter_jsonl(_lines(head, stream), location, path)
        return
    data = head + stream.read()
    check_binary(location, data)
    content = decode(location, data)
    if not content.strip():
        raise EmptyArticleError(location, "the file is empty", "Remove it or give it some text.")
    if kind == "feed":
        yield from iter_feed(data.removeprefix(BOM), location, path)
    elif kind == "html":
        yield parse_html(content, location, path, stem)
    else:
        yield parse_text(content, location, path, stem)


def _as_utf8(stream: BinaryIO, location: str) -> tuple[bytes, BinaryIO]:
    """The first bytes and the rest of ``stream``, transcoded to UTF-8 if it is UTF-16.

    UTF-16 (with or without a byte-order mark) is read whole and handed on as UTF-8, so
    every reader after this sees UTF-8 only; an XML declaration saying UTF-16 is made to
    say UTF-8, or the feed parser would decode the new bytes as UTF-16 again.
    """
    head = stream.read(HEAD_SIZE)
    check_signature(location, head)
    codec = utf16_codec(head)
    if codec is None:
        return head, stream
    logger.debug("%s: reading as %s", location, codec)
    data = decode_utf16(location, head + stream.read(), codec).encode("utf-8")
    data = _UTF16_DECLARATION.sub(rb"\1utf-8", data, count=1)
    return data[:HEAD_SIZE], io.BytesIO(data[HEAD_SIZE:])


def _lines(head: bytes, rest: BinaryIO) -> Iterator[bytes]:
    """The lines of ``head`` followed by ``rest``, read lazily, ends kept."""
    *complete, tail = head.split(b"\n")
    yield from (line + b"\n" for line in complete)
    for line in rest:
        yield tail + line
        tail = b""
    if tail:
        yield tail


def _read_dir(root: Path, given: str) -> Iterator[_Item]:
    """Every entry under ``root``: read, or listed as passed over with its reason."""
    found = 0
    for entry in walk(root):
        if isinstance(entry, PassedOver):
            logger.info("passing over %s", entry.error)
            yield Skipped.from_error(entry.error)
        elif isinstance(entry, Found):
            for item in _read_dir_file(entry.path, entry.shown):
                found += isinstance(item, Article)
                yield item
        else:
            yield entry
    if not found:
        yield UnreadableInputError(
            given,
            "the directory holds no readable articles",
            f"Put articles in it as {SUPPORTED_TYPES}.",
        )


def _read_dir_file(path: Path, shown: str) -> Iterator[_Item]:
    try:
        kind_from_suffix(shown, path.suffix)
    except InputError as error:
        logger.info("passing over %s", error)
        yield Skipped.from_error(error)
        return
    yield from _guard(_read_file(path, shown))
