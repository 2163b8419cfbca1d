"""Tell what kind of input a file is, from its extension and its first bytes."""

from __future__ import annotations

import codecs
from typing import Literal

from claimledger.errors import BinaryInputError, DecodeInputError, UnsupportedInputError
from claimledger.ingest.base import SUPPORTED_TYPES

Kind = Literal["text", "html", "jsonl", "feed"]

HEAD_SIZE = 8192
BOM = b"\xef\xbb\xbf"
UTF16_BOMS = {b"\xff\xfe": "utf-16-le", b"\xfe\xff": "utf-16-be"}

# UTF-16 without a BOM is only tried when at least this share of the high bytes are
# control bytes (the high byte of ASCII and Cyrillic characters is 0x00 or 0x04), and
# kept only when the text it gives is at least this printable: binary decodes to
# controls, NULs or unpaired surrogates.
UTF16_CONTROL_SHARE = 0.3
UTF16_PRINTABLE_SHARE = 0.95
_WHITESPACE = frozenset("\n\r\t")

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


def check_signature(location: str, head: bytes) -> None:
    """Refuse bytes that start like a known binary format."""
    for signature, name in SIGNATURES.items():
        if head.startswith(signature):
            _refuse_binary(location, f"the file is {name}, not text")


def check_binary(location: str, data: bytes) -> None:
    """Refuse bytes that are plainly not text: a known binary signature or NUL bytes.

    All of ``data`` is searched for NUL (a memchr, cheap even for large files): a file
    can be text for its first kilobytes and binary after.
    """
    check_signature(location, data)
    if b"\x00" in data:
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


def utf16_codec(head: bytes) -> str | None:
    """The UTF-16 codec the first bytes are written in, or None if they are not UTF-16.

    A byte-order mark decides. Without one, text of an alphabetic script (Latin,
    Cyrillic, Greek, Arabic, Hebrew...) shows itself by its high bytes, every second
    byte, being mostly control bytes (0x00-0x06) while its low bytes are mostly not;
    the guess is kept only if it decodes strictly to printable text with spaces.
    """
    for bom, codec in UTF16_BOMS.items():
        if head.startswith(bom) and not head.startswith(b"\xff\xfe\x00\x00"):
            return codec
    sample = head[: len(head) // 2 * 2]
    if len(sample) < 4:
        return None
    even, odd = _controls(sample[0::2]), _controls(sample[1::2])
    codec, high, low = ("utf-16-le", odd, even) if odd >= even else ("utf-16-be", even, odd)
    if high < UTF16_CONTROL_SHARE * len(sample) / 2 or high < 4 * low:
        return None
    try:
        text = codecs.getincrementaldecoder(codec)("strict").decode(sample, final=False)
    except UnicodeDecodeError:
        return None
    return codec if _mostly_printable(text) else None


def _controls(data: bytes) -> int:
    """How many bytes of ``data`` are control bytes other than tab, LF and CR."""
    return sum(1 for byte in data if byte < 0x20 and byte not in (0x09, 0x0A, 0x0D))


def _mostly_printable(text: str) -> bool:
    if "\x00" in text or not any(char.isspace() for char in text):
        return False
    printable = sum(1 for char in text if char.isprintable() or char in _WHITESPACE)
    return printable >= UTF16_PRINTABLE_SHARE * len(text)


def decode_utf16(location: str, data: bytes, codec: str) -> str:
    """Decode UTF-16 (BOM dropped) strictly; binary passed off as UTF-16 is refused."""
    bom = next((mark for mark, name in UTF16_BOMS.items() if name == codec), b"")
    try:
        text = data.removeprefix(bom).decode(codec)
    except UnicodeDecodeError as exc:
        raise DecodeInputError(
            location,
            f"the bytes look like {codec.upper()} but are not valid UTF-16 "
            f"(byte offset {exc.start + (len(bom) if data.startswith(bom) else 0)})",
            "Re-save the file as UTF-8.",
        ) from None
    if "\x00" in text:
        _refuse_binary(location, "the file is binary (it contains NUL characters)")
    return text


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
