"""Tell what kind of input a file is, from its extension and its first bytes."""

from __future__ import annotations

from typing import Literal

from claimledger.errors import BinaryInputError, DecodeInputError, UnsupportedInputError
from claimledger.ingest.base import SUPPORTED_TYPES

Kind = Literal["text", "html", "jsonl", "feed"]

HEAD_SIZE = 8192
BOM = b"\xef\xbb\xbf"

EXTENSIONS: dict[str, Kind] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}

# Leading bytes of common binary formats (a text file never starts with these).
SIGNATURES: dict[bytes, str] = {
    b"%PDF-": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or .docx/.xlsx/.odt/.epub)",
    b"\x89PNG\r\n\x1a\n": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF87a": "a GIF image",
    b"GIF89a": "a GIF image",
    b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1": "a legacy Office document",
    b"{\\rtf": "an RTF document",
}


def kind_from_suffix(location: str, suffix: str) -> Kind | None:
    """The kind an extension names; None for no extension (sniff the content)."""
    if not suffix:
        return None
    kind = EXTENSIONS.get(suffix.lower())
    if kind is None:
        raise UnsupportedInputError(
            location,
            f"'{suffix}' files are not supported",
            f"claimledger reads {SUPPORTED_TYPES}; convert the file to one of these.",
        )
    return kind


def check_binary(location: str, head: bytes) -> None:
    """Refuse bytes that are plainly not text: a known binary signature or NUL bytes."""
    for signature, name in SIGNATURES.items():
        if head.startswith(signature):
            _refuse_binary(location, f"the file is {name}, not text")
    if b"\x00" in head[:HEAD_SIZE]:
        _refuse_binary(location, "the file is binary (it contains NUL bytes)")


def _refuse_binary(location: str, detail: str) -> None:
    raise BinaryInputError(
        location, detail, f"Convert it to text first; claimledger reads {SUPPORTED_TYPES}."
    )


def sniff(head: bytes) -> Kind:
    """Guess the kind of extension-less content (or stdin) from its first bytes."""
    start = head.removeprefix(BOM).lstrip()[:1024].lower()
    if start.startswith(b"{"):
        return "jsonl"
    if not start.startswith(b"<"):
        return "text"
    if any(tag in start for tag in (b"<rss", b"<feed", b"<rdf:rdf")):
        return "feed"
    if start.startswith((b"<!doctype html", b"<html")) or b"<html" in start:
        return "html"
    return "text"


def decode(location: str, data: bytes, offset: int = 0) -> str:
    """Decode UTF-8 strictly; ``offset`` is where ``data`` starts in the file."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DecodeInputError(
            location,
            f"the bytes are not valid UTF-8 (byte offset {offset + exc.start})",
            "Re-save the file as UTF-8.",
        ) from None
