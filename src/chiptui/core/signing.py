"""The key that signs the load cache: 32 random bytes made once and kept in the user's state
folder (not the cache folder), readable by its owner alone. No Textual here.

The load cache holds a checked timeline. A cache file is trusted only when its signature (keyed
BLAKE2b over every byte before it) is this key's: only chiptui, after a full check, signs. A
key that is not a regular file of the user's own, is readable by anyone else, or is not 32
bytes is no key, so no cache is read or written; it is never replaced, as it may be the user's.
"""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
from contextlib import suppress
from pathlib import Path

from chiptui.core.state import state_folder

KEY_NAME = "cache-key"
KEY_BYTES = 32


def key_file() -> Path:
    return state_folder() / KEY_NAME


def _read(path: Path) -> bytes | None:
    """The key in `path`, None if it is not one; FileNotFoundError if there is none."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    handle = os.open(path, flags)  # not followed through a link; a FIFO does not block
    try:
        status = os.fstat(handle)
        owner = getattr(os, "getuid", lambda: status.st_uid)()
        if not stat.S_ISREG(status.st_mode) or status.st_uid != owner or status.st_mode & 0o077:
            return None
        key = os.read(handle, KEY_BYTES + 1)
    finally:
        os.close(handle)
    return key if len(key) == KEY_BYTES else None


def _make(path: Path) -> None:
    """A new key at `path`, unless one is there already (another chiptui may have just made it):
    written to a temporary file of mode 0600 first, then linked into place whole."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{KEY_NAME}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(os.urandom(KEY_BYTES))
        with suppress(FileExistsError):
            os.link(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)


def cache_key() -> bytes | None:
    """This user's key, made on first use; None when there is none to be had (never raises)."""
    path = key_file()
    try:
        try:
            return _read(path)
        except FileNotFoundError:
            _make(path)
            return _read(path)
    except (OSError, ValueError):  # an unwritable folder, a path that cannot be: no key
        return None


def signer(key: bytes) -> hashlib.blake2b:
    """What signs a cache file's bytes with `key` (update it with each, then take `digest()`)."""
    return hashlib.blake2b(key=key, digest_size=32, person=b"chiptui cache")
