"""Read the inputs a user names (files, directories, ``-`` for stdin) into articles."""

from __future__ import annotations

import io
import logging
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
    decode,
    kind_from_suffix,
    sniff,
)
from claimledger.ingest.feed import iter_feed
from claimledger.ingest.html import parse_html
from claimledger.ingest.jsonl import iter_jsonl
from claimledger.ingest.text import parse_text
from claimledger.models import Article

logger = logging.getLogger(__name__)

STDIN = "-"
STDIN_LOCATION = "<stdin>"

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
    :class:`Skipped` and reading goes on. Files of unsupported types found while walking
    a directory are always reported as skipped rather than failing the directory.
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


def _read_input(given: str) -> Iterator[_Item]:
    if given == STDIN:
        yield from _guard(_read_stdin())
    elif Path(given).is_dir():
        yield from _read_dir(Path(given), given)
    else:
        yield from _guard(_read_file(Path(given), given))


def _guard(items: Iterable[_Item]) -> Iterator[_Item]:
    """Turn an error that ends a file into the last item read from it."""
    try:
        yield from items
    except InputError as error:
        yield error


def _read_file(path: Path, given: str) -> Iterator[_Item]:
    try:
        with path.open("rb") as stream:
            kind = kind_from_suffix(given, path.suffix)
            yield from _read_stream(stream, given, given, path.stem, kind)
    except FileNotFoundError:
        raise UnreadableInputError(
            given, "no such file or directory", "Check the path and try again."
        ) from None
    except OSError as exc:
        raise UnreadableInputError(
            given, f"the file cannot be read ({exc.strerror or exc})", "Check its permissions."
        ) from None


def _read_stdin() -> Iterator[_Item]:
    stdin = sys.stdin
    if stdin is None:
        raise UnreadableInputError(STDIN_LOCATION, "there is no standard input", "Name a file.")
    buffer: BinaryIO = getattr(stdin, "buffer", None) or io.BytesIO(stdin.read().encode())
    yield from _read_stream(buffer, STDIN_LOCATION, STDIN, None, None)


def _read_stream(
    stream: BinaryIO, location: str, path: str, stem: str | None, kind: Kind | None
) -> Iterator[_Item]:
    head = stream.read(HEAD_SIZE)
    check_binary(location, head)
    kind = kind or sniff(head)
    logger.debug("%s: reading as %s", location, kind)
    if kind == "jsonl":
        yield from iter_jsonl(_lines(head, stream), location, path)
        return
    data = head + stream.read()
    content = decode(location, data)
    if not content.strip():
        raise EmptyArticleError(location, "the file is empty", "Remove it or give it some text.")
    if kind == "feed":
        yield from iter_feed(data.removeprefix(BOM), location, path)
    elif kind == "html":
        yield parse_html(content, location, path, stem)
    else:
        yield parse_text(content, location, path, stem)


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
    """Every visible file under ``root``, in sorted order, recursively."""
    found = 0
    for entry in _walk(root, Path(given)):
        if isinstance(entry, InputError):
            yield entry
            continue
        path, shown = entry
        for item in _read_dir_file(path, shown):
            found += isinstance(item, Article)
            yield item
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


def _walk(directory: Path, shown: Path) -> Iterator[tuple[Path, str] | InputError]:
    try:
        entries = sorted(directory.iterdir(), key=lambda entry: entry.name)
    except OSError as exc:
        yield UnreadableInputError(
            str(shown), f"the directory cannot be read ({exc.strerror})", "Check its permissions."
        )
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir() and not entry.is_symlink():
            yield from _walk(entry, shown / entry.name)
        elif entry.is_file():
            yield entry, str(shown / entry.name)
