"""Reading and writing the user's files without surprises. No Textual.

Reading: only a regular file is read, never more than a stated limit, and opening one never
blocks (a FIFO with no writer, a device, `/dev/zero` are refused by name, not read for ever).

Writing: a regular file is replaced whole through a temporary file and a rename, so a failure
leaves the old file as it was. Links are written through to their target, an existing file keeps
its mode, a file with other hard links is rewritten in place (a rename would split the links),
and a target that is not a regular file (a device, a pipe, a terminal) is written directly.
SIGTERM or SIGHUP during a write removes the temporary file before the process ends.
"""

from __future__ import annotations

import errno
import os
import signal
import stat
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext, suppress
from pathlib import Path
from typing import BinaryIO

MAX_BYTES = 256 * 1024 * 1024  # the largest file chiptui reads
TEMPORARY_PREFIX = ".chiptui-"  # short: a long target name still leaves room for it
_KINDS = {
    stat.S_IFIFO: "a named pipe (FIFO)",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
    stat.S_IFDIR: "a folder",
}


class Unreadable(Exception):
    """A file that chiptui will not or cannot read; the message says why, in a few words."""

    def __init__(self, message: str, *, missing: bool = False) -> None:
        super().__init__(message)
        self.missing = missing  # there is no such file


class Interrupted(BaseException):
    """SIGTERM or SIGHUP arrived while a file was being written (the temporary file is gone)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def _kind(mode: int) -> str:
    return _KINDS.get(stat.S_IFMT(mode), "not a regular file")


def size_text(size: int) -> str:
    return f"{size / 1024 / 1024:,.0f} MB" if size >= 1024 * 1024 else f"{size:,} bytes"


def open_regular(path: Path, limit: int = MAX_BYTES) -> BinaryIO:
    """The regular file at `path` (links followed), open to read, or Unreadable saying why not:
    not there, not a regular file, larger than `limit`, or not readable."""
    try:
        before = os.stat(path)
        if not stat.S_ISREG(before.st_mode):  # refused before it is opened: opening a device can act
            raise Unreadable(f"is {_kind(before.st_mode)}, not a regular file; chiptui reads only regular files")
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except FileNotFoundError:
        raise Unreadable("no such file", missing=True) from None
    except PermissionError:
        raise Unreadable("cannot be read: permission denied") from None
    except (OSError, ValueError) as error:  # ValueError: a NUL in the name
        raise Unreadable(f"cannot be read: {getattr(error, 'strerror', None) or error}") from None
    try:
        status = os.fstat(handle)
        if not stat.S_ISREG(status.st_mode):  # swapped for something else since the stat
            raise Unreadable(f"is {_kind(status.st_mode)}, not a regular file; chiptui reads only regular files")
        if status.st_size > limit:
            raise Unreadable(f"is {size_text(status.st_size)}, more than the {size_text(limit)} chiptui reads")
        return os.fdopen(handle, "rb")
    except BaseException:
        os.close(handle)
        raise


def read_regular(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of the regular file at `path`, as `open_regular` opens it (Unreadable if not)."""
    with open_regular(path, limit) as file:
        try:
            data = file.read(limit + 1)
        except OSError as error:
            raise Unreadable(f"cannot be read: {error.strerror or error}") from None
    if len(data) > limit:
        raise Unreadable(f"grew past the {size_text(limit)} chiptui reads while it was read")
    return data


@contextmanager
def _signals_interrupt() -> Iterator[None]:
    """SIGTERM and SIGHUP raise Interrupted here (in the main thread), so cleanup runs."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: object) -> None:
        raise Interrupted(signum)

    previous = {number: signal.signal(number, interrupt) for number in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _write_all(handle: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(handle, view) :]


def _write_direct(path: Path, data: bytes) -> None:
    """A device, a pipe or a terminal: written as it is, never replaced."""
    try:
        handle = os.open(path, os.O_WRONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except OSError as error:
        if error.errno == errno.ENXIO:  # a FIFO that nothing reads
            raise OSError(error.errno, "no program is reading from the pipe") from None
        raise
    try:
        os.set_blocking(handle, True)
        _write_all(handle, data)
    finally:
        os.close(handle)


def _write_in_place(path: Path, data: bytes) -> None:
    """A file with other hard links: truncated and rewritten, so every link sees the new text."""
    handle = os.open(path, os.O_WRONLY | os.O_TRUNC | os.O_NOCTTY | os.O_CLOEXEC)
    try:
        _write_all(handle, data)
        os.fsync(handle)
    finally:
        os.close(handle)


def _write_replacing(path: Path, data: bytes, existing: os.stat_result | None, private: bool) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=TEMPORARY_PREFIX, suffix=".tmp")
    try:
        if private:
            os.fchmod(handle, 0o600)  # the owner's alone, whatever it was before (mkstemp makes it so)
        elif existing is not None:
            os.fchmod(handle, stat.S_IMODE(existing.st_mode))
            with suppress(OSError):  # only root may give a file away; others keep their own
                os.fchown(handle, existing.st_uid, existing.st_gid)
        else:
            os.fchmod(handle, 0o666 & ~_umask())  # as a new file would be made
        _write_all(handle, data)
        os.fsync(handle)
        os.close(handle)
        handle = -1
        os.replace(temporary, path)
    except BaseException:
        if handle >= 0:
            os.close(handle)
        Path(temporary).unlink(missing_ok=True)
        raise


def write_file(path: Path, text: str, *, signals: bool = False, private: bool = False) -> None:
    """Write `text` (UTF-8) to `path` as described above; OSError says why it failed. With
    `signals` (a command-line tool's own write), SIGTERM and SIGHUP raise Interrupted once the
    temporary file is removed, so nothing half-written is left behind. A `private` file (chiptui's
    own, such as the reader's saved place) is readable and writable by its owner only."""
    data = text.encode("utf-8")
    with _signals_interrupt() if signals else nullcontext():
        try:
            existing: os.stat_result | None = os.stat(path)
        except FileNotFoundError:
            existing = None
        if existing is not None and stat.S_ISDIR(existing.st_mode):
            raise IsADirectoryError(21, "is a folder")
        if existing is not None and not stat.S_ISREG(existing.st_mode):
            _write_direct(path, data)
        elif existing is not None and existing.st_nlink > 1:
            _write_in_place(path, data)
        else:
            _write_replacing(Path(os.path.realpath(path)), data, existing, private)
