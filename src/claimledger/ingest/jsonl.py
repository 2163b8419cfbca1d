"""JSON Lines: one article per line, as an object with ``text`` and optional metadata."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Mapping

from claimledger.errors import (
    BinaryInputError,
    EmptyArticleError,
    InputError,
    MalformedRecordError,
    MissingTextError,
)
from claimledger.ingest.base import (
    SUPPORTED_TYPES,
    Outcome,
    Outcomes,
    clean_text,
    make_article,
    normalise_date,
)
from claimledger.ingest.detect import BOM, decode
from claimledger.models import Article, SourceInfo

METADATA_FIELDS = ("url", "outlet", "title", "published")
RECORD_HINT = (
    'Each line must be one JSON object such as {"id": "a1", "text": "..."}; '
    "only text is required and url, outlet, title, published must be strings"
)


def iter_jsonl(lines: Iterable[bytes], location: str, path: str) -> Outcomes:
    """Yield an article, or the error that rejects it, for every non-blank line.

    A line holding NUL bytes ends the file: it has turned binary, and every "line" of a
    binary tail would otherwise be reported on its own. The lines before it are kept.
    """
    offset = records = 0
    for number, raw in enumerate(lines, start=1):
        if b"\x00" in raw:
            raise _turned_binary(location, number, offset + raw.index(b"\x00"))
        data = raw.removeprefix(BOM) if number == 1 else raw
        if data.strip():
            records += 1
            start = offset + len(raw) - len(data)
            yield _outcome(data, start, f"{location}:{number}", path)
        offset += len(raw)
    if not records:
        raise EmptyArticleError(
            location, "the file holds no records", "Give it one JSON object per line."
        )


def _outcome(data: bytes, offset: int, location: str, path: str) -> Outcome:
    """The article of one line (starting at byte ``offset``), or why there is none."""
    try:
        line = decode(location, data, offset)
        return _article(_parse_line(line, location), location, path)
    except InputError as error:
        return error


def _turned_binary(location: str, number: int, offset: int) -> BinaryInputError:
    return BinaryInputError(
        location,
        f"the file turns binary at line {number} (it contains NUL bytes from byte offset "
        f"{offset}); the lines before it were read, the rest was not",
        f"Convert it to text first; claimledger reads {SUPPORTED_TYPES}.",
    )


class _TooManyDigitsError(Exception):
    """A JSON integer longer than Python converts (``sys.get_int_max_str_digits``)."""


def _parse_int(digits: str) -> int:
    """``int(digits)``, failing with our own error rather than a bare ValueError."""
    limit = sys.get_int_max_str_digits()
    if limit and len(digits.lstrip("-")) > limit:
        raise _TooManyDigitsError(limit)
    return int(digits)


def _parse_line(line: str, location: str) -> Mapping[str, object]:
    try:
        record = json.loads(line, parse_int=_parse_int)
    except json.JSONDecodeError as exc:
        detail = f"the line is not valid JSON ({exc.msg}, column {exc.colno})"
        raise _malformed(detail, location) from None
    except _TooManyDigitsError as exc:
        detail = f"a number in the line has more than {exc.args[0]:,} digits"
        raise _malformed(detail, location) from None
    except RecursionError:
        raise _malformed("the line's JSON is nested too deeply to read", location) from None
    if not isinstance(record, dict):
        detail = f"the line is a JSON {_json_type(record)}; expected an object with a text field"
        raise _malformed(detail, location)
    return record


def record_article(record: object, location: str, path: str) -> Article:
    """One article from a decoded JSON record (as one line of a JSON Lines file holds), for
    callers that have the record already (the REST API's POST body)."""
    if not isinstance(record, Mapping):
        raise _malformed(f"the record is {_json_type(record)}, not an object", location)
    return _article(record, location, path)


def _article(record: Mapping[str, object], location: str, path: str) -> Article:
    text = record.get("text")
    if not isinstance(text, str):
        detail = "the record has no text" if text is None else "the text field is not a string"
        raise MissingTextError(location, detail, 'Give each record a "text" string.')
    fields = {name: _string(record, name, location) for name in METADATA_FIELDS}
    source = SourceInfo(
        path=path,
        url=fields["url"],
        outlet=fields["outlet"],
        title=fields["title"],
        published=normalise_date(fields["published"]),
        id=_record_id(record.get("id"), location),
    )
    return make_article(clean_text(text), source, location)


def _string(record: Mapping[str, object], name: str, location: str) -> str | None:
    value = record.get(name)
    if value is None or isinstance(value, str):
        return value
    raise _malformed(f"the {name} field is a {_json_type(value)}, not a string", location)


def _record_id(value: object, location: str) -> str | None:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise _malformed(f"the id field is a {_json_type(value)}, not a string or integer", location)


def _malformed(detail: str, location: str) -> MalformedRecordError:
    return MalformedRecordError(location, detail, RECORD_HINT)


def _json_type(value: object) -> str:
    """The JSON name of a decoded value's type: null, boolean, number, string, array, object."""
    names: dict[type, str] = {type(None): "null", bool: "boolean", int: "number", float: "number"}
    names |= {str: "string", list: "array", dict: "object"}
    return names.get(type(value), type(value).__name__)
