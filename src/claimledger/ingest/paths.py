"""File-system safety for inputs: names shown safely, only regular files opened, walks that end.

Three rules, all so that one odd entry never ends or hangs a batch:

* A file name that is not valid UTF-8 (Python holds its bytes as surrogate escapes) is
  shown, and stored as the article's path, with each such byte written ``\\xNN``; so
  are control characters in a name.
* Only regular files are opened. A FIFO would block the reader for ever and a device
  such as ``/dev/zero`` never ends, so both are refused by ``stat`` before any ``open``
  (and checked again on the opened descriptor, in case the entry changed in between).
* A directory walk reports every entry it does not read (hidden, special, broken or
  looping links) and follows links to directories unless they lead back up the walk or
  to a directory already read through another link.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from claimledger.errors import (
    BrokenLinkError,
    HiddenFileError,
    InputError,
    LinkLoopError,
    NotRegularFileError,
    RepeatedDirectoryError,
    UnreadableInputError,
)

_CONTROL = re.compile("[\x00-\x1f\x7f]")
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
_SPECIAL_KINDS = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)
_FILE_HINT = "Give a regular file, or pipe the data in through - (stdin)."


def shown_path(name: str) -> str:
    """``name`` as it can be printed and stored: undecodable bytes and controls as ``\\xNN``.

    Control characters (a newline, an escape sequence) in a name would break the
    one-line skip listing or act on the terminal, so they are written out too.
    """
    try:
        shown = os.fsencode(name).decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a lone surrogate that is no surrogate escape
        shown = name.encode("utf-8", "backslashreplace").decode("utf-8")
    return _CONTROL.sub(lambda match: f"\\x{ord(match.group()):02x}", shown)


def open_regular(path: Path, shown: str) -> BinaryIO:
    """``path`` opened for binary reading, if it is a regular file (after links)."""
    _check_regular(_stat(path, shown), shown)
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        raise _stat_error(exc, path, shown) from None
    try:
        _check_regular(os.fstat(fd), shown)
    except InputError:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


def _stat(path: Path, shown: str) -> os.stat_result:
    try:
        return path.stat()
    except OSError as exc:
        raise _stat_error(exc, path, shown) from None
    except ValueError:  # a NUL character: no file system path can hold one
        raise UnreadableInputError(
            shown, "the path contains a NUL character", "Check the path and try again."
        ) from None


def _stat_error(exc: OSError, path: Path, shown: str) -> InputError:
    """The input error for a failed stat or open of ``path``."""
    if exc.errno == errno.ELOOP:
        return LinkLoopError(
            shown, "the symbolic link loops (too many levels of links)", "Fix or remove the link."
        )
    if isinstance(exc, FileNotFoundError):
        if path.is_symlink():
            return BrokenLinkError(
                shown,
                f"the symbolic link points to {_target(path)}, which does not exist",
                _LINK_HINT,
            )
        return UnreadableInputError(
            shown, "no such file or directory", "Check the path and try again."
        )
    return UnreadableInputError(
        shown, f"the file cannot be read ({exc.strerror or exc})", "Check its permissions."
    )


_LINK_HINT = "Fix or remove the link."


def _target(link: Path) -> str:
    try:
        return shown_path(str(link.readlink()))
    except OSError:
        return "a path"


def _check_regular(status: os.stat_result, shown: str) -> None:
    if stat.S_ISREG(status.st_mode):
        return
    kind = next((name for test, name in _SPECIAL_KINDS if test(status.st_mode)), None)
    if stat.S_ISDIR(status.st_mode):
        kind = "a directory"
    raise NotRegularFileError(
        shown, f"the input is {kind or 'not a regular file'}, not a regular file", _FILE_HINT
    )


@dataclass(frozen=True)
class Found:
    """A regular file (or a link to one) found by :func:`walk`."""

    path: Path
    shown: str


@dataclass(frozen=True)
class PassedOver:
    """An entry :func:`walk` does not read, in either error mode, and why."""

    error: InputError


def walk(root: Path) -> Iterator[Found | PassedOver | InputError]:
    """Every entry under ``root``, sorted by name, recursively.

    Yields a :class:`Found` for each file to read, a :class:`PassedOver` for each entry
    that is not read (hidden, FIFO, socket, device, broken or looping link, a linked
    directory already read), and an :class:`InputError` for a directory that cannot be
    listed (that one is the user's to fix, so the error mode decides).
    """
    status = _stat(root, shown_path(str(root)))
    walker = _Walker(visited={_identity(status)})
    yield from walker.directory(root, ancestors=(_identity(status),))


_Identity = tuple[int, int]


def _identity(status: os.stat_result) -> _Identity:
    return status.st_dev, status.st_ino


@dataclass
class _Walker:
    """One walk; ``visited`` holds the directories read so far, so no link is read twice."""

    visited: set[_Identity]

    def directory(
        self, directory: Path, ancestors: tuple[_Identity, ...]
    ) -> Iterator[Found | PassedOver | InputError]:
        try:
            names = sorted(entry.name for entry in directory.iterdir())
        except OSError as exc:
            yield UnreadableInputError(
                shown_path(str(directory)),
                f"the directory cannot be read ({exc.strerror or exc})",
                "Check its permissions.",
            )
            return
        for name in names:
            yield from self.entry(directory / name, ancestors)

    def entry(
        self, path: Path, ancestors: tuple[_Identity, ...]
    ) -> Iterator[Found | PassedOver | InputError]:
        shown = shown_path(str(path))
        if path.name.startswith("."):
            yield PassedOver(
                HiddenFileError(
                    shown,
                    "hidden files and directories are not read",
                    "Rename it without the leading dot to read it.",
                )
            )
            return
        try:
            link = path.is_symlink()
            status = _stat(path, shown)
        except InputError as error:
            yield PassedOver(error)
            return
        if stat.S_ISDIR(status.st_mode):
            yield from self.subdirectory(path, shown, status, ancestors, link=link)
        elif stat.S_ISREG(status.st_mode):
            yield Found(path, shown)
        else:
            try:
                _check_regular(status, shown)
            except InputError as error:
                yield PassedOver(error)

    def subdirectory(
        self,
        path: Path,
        shown: str,
        status: os.stat_result,
        ancestors: tuple[_Identity, ...],
        *,
        link: bool,
    ) -> Iterator[Found | PassedOver | InputError]:
        identity = _identity(status)
        if identity in ancestors:
            detail = "the symbolic link leads back to a directory it is in"
            yield PassedOver(LinkLoopError(shown, detail, "Nothing is lost: it is read once."))
            return
        if link and identity in self.visited:
            detail = "the symbolic link leads to a directory already read in this walk"
            yield PassedOver(RepeatedDirectoryError(shown, detail, "Nothing is lost."))
            return
        self.visited.add(identity)
        yield from self.directory(path, (*ancestors, identity))
