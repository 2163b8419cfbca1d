"""One exception tree for claimledger.

    ClaimledgerError
    ├── InputError                 a user-supplied input cannot be used
    │   ├── UnreadableInputError   missing, unreadable, a directory with nothing usable
    │   ├── BinaryInputError       the file is binary (NUL bytes, a known binary signature)
    │   ├── DecodeInputError       the bytes are not valid UTF-8 (or the declared encoding)
    │   ├── MalformedRecordError   a JSON Lines line is not a JSON object / has bad field types
    │   ├── MissingTextError       a record or feed entry carries no text
    │   ├── EmptyArticleError      the article's text is empty once whitespace is removed
    │   └── UnsupportedInputError  a file type claimledger does not read
    ├── ExtractionError            extraction failed on one article (a bug: please report it)
    ├── StoreError                 the ledger database cannot be used (path, schema, lock)
    ├── NotFoundError              a claim, cluster or source asked for is not in the ledger
    ├── ModelError                 the spaCy model cannot be loaded
    ├── DataFileError              a shipped or user data file (lexicon, registry) is malformed
    ├── OutputError                an output file (-o FILE) cannot be written
    └── WorkerError                a worker process died while extracting

Every message says what went wrong, where (file and, for JSON Lines, line), and what to do.
The CLI turns these into ``Error: ...`` and exit status 1; nothing else is translated.
"""

from __future__ import annotations


class ClaimledgerError(Exception):
    """Base of every error claimledger raises on purpose."""


class InputError(ClaimledgerError):
    """An input cannot be used. ``location`` names the file (and line) at fault."""

    reason = "unusable input"

    def __init__(self, location: str, detail: str, hint: str) -> None:
        self.location = location
        self.detail = detail
        self.hint = hint
        super().__init__(f"{location}: {detail}. {hint}")


class UnreadableInputError(InputError):
    reason = "unreadable"


class BinaryInputError(InputError):
    reason = "binary"


class DecodeInputError(InputError):
    reason = "undecodable"


class MalformedRecordError(InputError):
    reason = "malformed record"


class MissingTextError(InputError):
    reason = "no text"


class EmptyArticleError(InputError):
    reason = "empty article"


class UnsupportedInputError(InputError):
    reason = "unsupported type"


class ExtractionError(ClaimledgerError):
    """Extraction failed on one article. Always a bug in claimledger, never the input's fault."""

    def __init__(self, location: str, cause: BaseException) -> None:
        self.location = location
        super().__init__(
            f"{location}: extraction failed ({type(cause).__name__}: {cause}). This is a bug in "
            "claimledger: please report it with the article; --on-error skip goes on without it"
        )


class StoreError(ClaimledgerError):
    """The ledger database cannot be used: bad path, not a ledger, schema needs an upgrade."""


class NotFoundError(ClaimledgerError):
    """Something asked for by id or name is not in the ledger."""


class ModelError(ClaimledgerError):
    """The spaCy model cannot be loaded."""


class DataFileError(ClaimledgerError):
    """A data file (lexicon, rules, registry) is missing or malformed."""


class OutputError(ClaimledgerError):
    """An output file (``-o FILE``) cannot be written: a folder, no permission, a full disk."""


class WorkerError(ClaimledgerError):
    """A worker process died (killed by a signal, the out-of-memory killer) mid-extraction."""
