"""RSS and Atom feeds: one article per entry, via feedparser."""

from __future__ import annotations

import io
import logging
import re
from calendar import timegm
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

import feedparser

from claimledger.errors import EmptyArticleError, MalformedRecordError, MissingTextError
from claimledger.ingest.base import Outcomes, clean_text, iso_date, make_article
from claimledger.ingest.html import html_to_text
from claimledger.models import Article, SourceInfo

logger = logging.getLogger(__name__)

FEED_HINT = "Check that the file is a well-formed RSS 2.0 or Atom feed"

# A numeric character reference, decimal or hexadecimal (also inside escaped HTML: &amp;#...;).
_CHAR_REF = re.compile(rb"&(?:amp;)?#(?:[xX]([0-9a-fA-F]+)|([0-9]+));")
_REPLACEMENT_REF = b"&#xFFFD;"


def iter_feed(data: bytes, location: str, path: str) -> Outcomes:
    """Yield an article, or the error that rejects it, for every entry of a feed."""
    parsed = _parse(data, location)
    entries: list[Mapping[str, Any]] = list(parsed.entries)
    _check_parsed(parsed, entries, location)
    outlet = _string(parsed.get("feed", {}), "title")
    for number, entry in enumerate(entries, start=1):
        entry_location = f"{location}#entry-{number}"
        try:
            yield _article(entry, outlet, entry_location, path)
        except (MissingTextError, EmptyArticleError) as error:
            yield error


def _parse(data: bytes, location: str) -> Any:
    """feedparser's reading of the feed, with references to impossible characters replaced.

    feedparser raises (ValueError, OverflowError, UnicodeEncodeError) on references such
    as ``&#xD800;`` or ``&#1114112;``; they become U+FFFD, as an HTML parser would make
    them. Anything else feedparser raises is reported as an unparseable feed, so one
    odd feed never ends a batch.
    """
    try:
        return feedparser.parse(io.BytesIO(_CHAR_REF.sub(_safe_ref, data)))
    except Exception as exc:  # a third-party parser: the file is at fault
        detail = f"the feed cannot be parsed ({type(exc).__name__}: {exc})"
        raise MalformedRecordError(location, detail, f"{FEED_HINT}.") from None


def _safe_ref(match: re.Match[bytes]) -> bytes:
    """The reference unchanged if it names a character XML allows, else U+FFFD's."""
    hexadecimal, decimal = match.groups()
    digits = (hexadecimal or decimal).lstrip(b"0")
    if len(digits) > 8:
        return _REPLACEMENT_REF
    code = int(digits or b"0", 16 if hexadecimal else 10)
    if code == 0 or 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
        return _REPLACEMENT_REF
    return match.group(0)


def _check_parsed(parsed: Any, entries: list[Mapping[str, Any]], location: str) -> None:
    if parsed.get("bozo") and not any(_has_text(entry) for entry in entries):
        detail = f"the feed cannot be parsed ({parsed.get('bozo_exception')})"
        raise MalformedRecordError(location, detail, f"{FEED_HINT}.")
    if not parsed.get("version"):
        raise MalformedRecordError(location, "the file is not an RSS or Atom feed", f"{FEED_HINT}.")
    if not entries:
        raise EmptyArticleError(location, "the feed has no entries", "Give a feed with entries.")
    if parsed.get("bozo"):
        logger.warning("%s: feed is not well-formed (%s)", location, parsed.get("bozo_exception"))


def _article(entry: Mapping[str, Any], outlet: str | None, location: str, path: str) -> Article:
    text = _entry_text(entry)
    if text is None:
        raise MissingTextError(
            location, "the feed entry has no content or summary", "Give each entry its text."
        )
    source = SourceInfo(
        path=path,
        url=_string(entry, "link"),
        outlet=outlet,
        title=_string(entry, "title"),
        published=_published(entry),
        id=_string(entry, "id") or _string(entry, "link"),
    )
    return make_article(text, source, location)


def _has_text(entry: Mapping[str, Any]) -> bool:
    return bool(entry.get("content") or entry.get("summary"))


def _entry_text(entry: Mapping[str, Any]) -> str | None:
    """The entry's full content if it has any, else its summary, as plain text."""
    contents = entry.get("content") or []
    detail = contents[0] if contents else entry.get("summary_detail")
    if not detail or not isinstance(detail.get("value"), str):
        return None
    value: str = detail["value"]
    if detail.get("type") in ("text/html", "application/xhtml+xml"):
        return html_to_text(value)
    return clean_text(value).strip()


def _published(entry: Mapping[str, Any]) -> str | None:
    """The entry's date in ISO form: as written if parseable, else as feedparser read it."""
    for name in ("published", "updated"):
        raw = _string(entry, name)
        if raw is None:
            continue
        parsed = entry.get(f"{name}_parsed")
        fallback = datetime.fromtimestamp(timegm(parsed), tz=UTC).isoformat() if parsed else raw
        return iso_date(raw) or fallback
    return None


def _string(mapping: Mapping[str, Any], name: str) -> str | None:
    value = mapping.get(name)
    return value.strip() if isinstance(value, str) and value.strip() else None
