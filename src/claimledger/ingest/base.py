"""Types and helpers shared by the ingest readers."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, fields, replace
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Literal, TypeAlias

from claimledger.errors import EmptyArticleError, InputError
from claimledger.models import Article, SourceInfo

OnError = Literal["fail", "skip"]

SUPPORTED_TYPES = (
    "plain text (.txt, .text, .md), HTML (.html, .htm), JSON Lines (.jsonl, .ndjson) "
    "and RSS/Atom feeds (.rss, .atom, .xml)"
)


@dataclass(frozen=True)
class Skipped:
    """An input (file, JSON Lines line or feed entry) that was passed over, and why."""

    location: str
    reason: str
    message: str

    @classmethod
    def from_error(cls, error: InputError) -> Skipped:
        return cls(location=error.location, reason=error.reason, message=str(error))


@dataclass(frozen=True)
class IngestResult:
    """Everything read from the inputs: the articles, and what was skipped."""

    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...]


# What a reader yields: an article, or the error of one record it could not use.
# File-level errors are raised instead; the caller decides whether to stop or skip.
Outcome: TypeAlias = Article | InputError
Outcomes: TypeAlias = Iterator[Outcome]


def clean_text(text: str) -> str:
    """Drop a leading byte-order mark and turn CRLF line ends into LF; nothing else."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n")


REPLACEMENT = "\ufffd"
_SURROGATE = re.compile("[\ud800-\udfff]")


def scrub(value: str) -> str:
    """``value`` with each lone surrogate replaced by U+FFFD, one character for one.

    JSON escapes such as ``"\\ud800"`` decode to lone surrogates, which cannot be written
    as UTF-8 (JSON output, SQLite) and would fail the batch much later. Replacing each by
    one U+FFFD keeps the text's length, so character offsets into it stay valid.
    """
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub(REPLACEMENT, value)
    return value


def scrub_source(source: SourceInfo) -> SourceInfo:
    """The source with every string field scrubbed (see :func:`scrub`)."""
    changes = {
        field.name: scrub(value)
        for field in fields(source)
        if isinstance(value := getattr(source, field.name), str)
    }
    return replace(source, **changes)


def make_article(text: str, source: SourceInfo, location: str) -> Article:
    """Build an article, refusing text that is empty once whitespace is removed.

    Every reader builds its articles here, so the surrogate policy of :func:`scrub`
    holds for the text and every metadata field of every input kind.
    """
    if not text.strip():
        raise EmptyArticleError(
            location, "the article text is empty", "Remove the input or give it some text."
        )
    return Article(text=scrub(text), source=scrub_source(source))


def normalise_date(value: str | None) -> str | None:
    """ISO 8601 form of a date (YYYY-MM-DD) or timestamp when parseable, else as given."""
    if value is None or not value.strip():
        return None
    return iso_date(value) or value.strip()


def iso_date(value: str) -> str | None:
    """ISO 8601 form of an ISO or RFC 2822 date or timestamp; None when not parseable."""
    raw = value.strip()
    for parse in (_iso_date, _iso_datetime, _rfc2822):
        parsed = parse(raw)
        if parsed is not None:
            return parsed
    return None


def _iso_date(raw: str) -> str | None:
    try:
        return date.fromisoformat(raw).isoformat()
    except ValueError:
        return None


def _iso_datetime(raw: str) -> str | None:
    try:
        return datetime.fromisoformat(raw).isoformat()
    except ValueError:
        return None


def _rfc2822(raw: str) -> str | None:
    try:
        return parsedate_to_datetime(raw).isoformat()
    except (TypeError, ValueError, IndexError):
        return None
