"""One exception tree for claimledger.

    ClaimledgerError
    ├── InputError                 a user-supplied input cannot be used
    │   ├── UnreadableInputError   missing, unreadable, a directory with nothing usable
    │   │   ├── NotRegularFileError  a FIFO, socket or device (never opened: it could block)
    │   │   ├── BrokenLinkError      a symbolic link to nothing
    │   │   ├── LinkLoopError        a symbolic link that loops (or leads back up the walk)
    │   │   └── RepeatedDirectoryError  a linked directory already read in this walk
    │   ├── HiddenFileError        a hidden file or directory found while walking a directory
    │   ├── BinaryInputError       the file is binary (NUL bytes, a known binary signature)
    │   ├── DecodeInputError       the bytes are not valid UTF-8 (or the declared encoding)
    │   ├── MalformedRecordError   a JSON Lines line is not a JSON object / has bad field types
    │   ├── MissingTextError       a record or feed entry carries no text
    │   ├── EmptyArticleError      the article's text is empty once whitespace is removed
    │   └── UnsupportedInputError  a file type claimledger does not read
    ├── ExtractionError            extraction failed on one article (a bug: please report it)
    │   └── TooLongError           the article is longer than claimledger extracts (MAX_CHARS)
    ├── StoreError                 the ledger database cannot be used (path, schema, lock)
    │   ├── UnsupportedLedgerError  --db is a URL of a database kind claimledger cannot use
    │   ├── NotALedgerError        missing, empty, not SQLite, or another program's database
    │   ├── NewerLedgerError       written by a newer claimledger (a schema this one lacks)
    │   ├── LedgerLockedError      another process holds the write lock past the busy timeout
    │   ├── LedgerReadOnlyError    the file, its folder or its disk cannot be written
    │   ├── LedgerFullError        the disk (or the file's size limit) is full
    │   └── LedgerCorruptError     the file is damaged (a malformed page, not a database)
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


class NotRegularFileError(UnreadableInputError):
    reason = "not a regular file"


class BrokenLinkError(UnreadableInputError):
    reason = "broken symbolic link"


class LinkLoopError(UnreadableInputError):
    reason = "symbolic link loop"


class RepeatedDirectoryError(UnreadableInputError):
    reason = "directory already read"


class HiddenFileError(InputError):
    reason = "hidden file"


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


class TooLongError(ExtractionError):
    """An article over ``claimledger.nlp.pipeline.MAX_CHARS``: refused, not a bug."""

    reason = "too long"

    def __init__(self, location: str, length: int, limit: int) -> None:
        self.location, self.length, self.limit = location, length, limit
        ClaimledgerError.__init__(
            self,
            f"{location}: too long: {length:,} characters > {limit:,}. Split it into articles "
            f"of at most {limit:,} characters; --on-error skip goes on without it",
        )

    def __reduce__(self) -> tuple[type[TooLongError], tuple[str, int, int]]:
        return TooLongError, (self.location, self.length, self.limit)  # across worker processes


class StoreError(ClaimledgerError):
    """The ledger database cannot be used: bad path, not a ledger, schema needs an upgrade."""


class UnsupportedLedgerError(StoreError):
    """``--db`` is a URL (``postgresql://...``) of a kind of database claimledger cannot use."""


class NotALedgerError(StoreError):
    """The path holds no claimledger ledger: missing, empty, not SQLite, another program's."""


class NewerLedgerError(StoreError):
    """The ledger was written by a newer claimledger; reading or writing it could lose data."""


class LedgerLockedError(StoreError):
    """Another process held the ledger's write lock for longer than the busy timeout."""


class LedgerReadOnlyError(StoreError):
    """The ledger cannot be written: a read-only file, folder or mount."""


class LedgerFullError(StoreError):
    """The disk, or the ledger's size limit, is full; the write in progress was rolled back."""


class LedgerCorruptError(StoreError):
    """The ledger file is damaged: SQLite found a malformed page or no database at all."""


class BadArgumentError(ClaimledgerError):
    """An argument of a read (a filter, a cursor, a page size) has a value that cannot be used;
    the message names it and the values it takes."""


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
