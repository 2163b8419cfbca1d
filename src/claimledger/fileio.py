"""Output files (``-o FILE``) written whole, with the target's kind and mode respected.

A regular file is written atomically: into ``.NAME.claimledger-tmp-PID-XXXXXXXX`` beside it, then
flushed, fsynced and renamed over it, so a failure, Ctrl-C or SIGTERM part way leaves the old file
as it was and no temp file. Only SIGKILL (or a power cut) can leave a temp file; it names the
process that wrote it, and the next write of the same target removes the leftovers of processes
that are gone.

A symlink is followed: its final target is written (atomically if it is a regular file) and the
link stays. A FIFO, a device (``/dev/null``, ``/dev/stdout``) or any other non-regular file is
written through, as a shell redirection would. An existing file keeps its mode; a new one gets
0666 less the umask, like any file the user creates.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from claimledger.errors import OutputError

TMP_MARK = ".claimledger-tmp-"
NAME_MAX = 255
# errno values that mean "the write itself failed", not "the path is wrong"
WRITE_ERRORS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EROFS}


@contextmanager
def output_file(path: Path) -> Iterator[IO[str]]:
    """A text handle on ``path``; the file is replaced only if the block ends without error."""
    target = Path(os.path.realpath(path))  # a symlink's final target; the link itself stays
    try:
        st: os.stat_result | None = target.stat()
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise _error(path, exc) from exc
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise OutputError(f"{path}: is a directory. Give a file name, e.g. {path / 'output.json'}")
    if st is not None and not stat.S_ISREG(st.st_mode):
        with _through(path, target) as handle:
            yield handle
        return
    with _atomic(path, target, st) as handle:
        yield handle


@contextmanager
def _through(path: Path, target: Path) -> Iterator[IO[str]]:
    """Write straight into a FIFO or device: there is no file to keep whole."""
    try:
        handle = target.open("w", encoding="utf-8")
    except OSError as exc:
        raise _error(path, exc) from exc
    with handle:
        try:
            yield handle
            handle.flush()
        except OSError as exc:
            if exc.errno in WRITE_ERRORS or exc.errno == errno.EPIPE:
                raise _write_error(path, exc) from exc
            raise


@contextmanager
def _atomic(path: Path, target: Path, st: os.stat_result | None) -> Iterator[IO[str]]:
    """Temp file + fsync + rename; the temp file is removed on any failure, Ctrl-C included."""
    if st is not None and not os.access(target, os.W_OK):
        raise OutputError(
            f"{path}: the file is read-only. Make it writable (chmod u+w) or choose another path"
        )
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _error(path, exc, folder) from exc
    remove_leftovers(target)
    tmp, fd = _create_temp(path, target)
    try:
        if st is not None:
            os.fchmod(fd, stat.S_IMODE(st.st_mode))  # an existing file keeps its mode
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        tmp.replace(target)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError) and exc.errno in WRITE_ERRORS:
            raise _write_error(path, exc) from exc
        raise
    _sync_folder(folder)


def temp_prefix(target: Path) -> str:
    """``.NAME.claimledger-tmp-``, NAME shortened if the whole would be too long a file name."""
    room = NAME_MAX - len(TMP_MARK) - 1 - 30  # 30: the pid, a dash and the random part
    return f".{target.name[:room]}{TMP_MARK}"


def _create_temp(path: Path, target: Path) -> tuple[Path, int]:
    """Create the temp file (mode 0666 less the umask), named after this process."""
    prefix = temp_prefix(target)
    while True:
        tmp = target.parent / f"{prefix}{os.getpid()}-{secrets.token_hex(4)}"
        try:
            return tmp, os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        except OSError as exc:
            raise _error(path, exc, target.parent) from exc


def remove_leftovers(target: Path) -> list[Path]:
    """Remove the temp files of ``target`` left by processes that no longer run (a SIGKILL)."""
    prefix = temp_prefix(target)
    pattern = re.compile(re.escape(prefix) + r"(\d+)-[0-9a-f]{8}")
    removed: list[Path] = []
    try:
        entries = list(target.parent.iterdir())
    except OSError:
        return removed
    for leftover in entries:
        found = pattern.fullmatch(leftover.name)
        if found and not _alive(int(found.group(1))):
            with contextlib.suppress(OSError):
                leftover.unlink()
                removed.append(leftover)
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def _sync_folder(folder: Path) -> None:
    """Make the rename durable; some file systems cannot fsync a folder, which is no failure."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _error(path: Path, exc: OSError, folder: Path | None = None) -> OutputError:
    """What went wrong opening ``path`` and what to do, in words rather than a traceback."""
    where = folder if folder is not None else path.parent
    code = exc.errno
    if code in (errno.ENOTDIR, errno.EEXIST):
        return OutputError(
            f"{path}: a part of the folder path {where} is a file, not a folder. "
            "Choose a path inside a folder"
        )
    if code in (errno.EACCES, errno.EPERM):
        return OutputError(
            f"{path}: cannot write in {where} (permission denied). "
            "Choose a folder you can write to, or change its permissions"
        )
    if code == errno.EROFS:
        return OutputError(f"{path}: {where} is on a read-only file system. Choose another path")
    if code == errno.ELOOP:
        return OutputError(f"{path}: too many levels of symbolic links. Fix the link")
    if code == errno.ENAMETOOLONG:
        return OutputError(f"{path}: the file name is too long. Choose a shorter one")
    if code in WRITE_ERRORS:
        return _write_error(path, exc)
    return OutputError(f"{path}: cannot write ({exc.strerror or exc}). Choose another path")


def _write_error(path: Path, exc: OSError) -> OutputError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        what = "no space left on the device"
        todo = "Free some space and run again"
    elif exc.errno == errno.EPIPE:
        return OutputError(f"{path}: the reader closed it before the end. Nothing more was written")
    else:
        what = exc.strerror or str(exc)
        todo = "Check the device and run again, or choose another path"
    return OutputError(f"{path}: writing failed ({what}); the file was not changed. {todo}")
