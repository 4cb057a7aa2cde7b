"""The explorer's load cache: a checked Timeline kept in the user's cache folder, so that opening
the same file again skips parsing and checking it. No Textual here.

One cache file per data file (named by a hash of its full path), holding a key and the pickled
Timeline. The key is a hash of the data file's bytes, chiptui's version, the Python version and
the size and time of chiptui's data-layer modules, so a cached timeline can never be stale: any
change to the file or to chiptui is a miss, and the miss replaces the cache file. Only a good
file is ever cached, so a file's problems are always found and reported by the loader itself.

A cache that cannot be used is no cache: a missing, unreadable, damaged, truncated or foreign
cache file is ignored (and replaced); a cache folder that cannot be made or written is skipped.

Why pickle is acceptable here: the cache folder is the user's own (`CHIPTUI_CACHE_DIR`, else the
platform's user cache folder), and anyone who can write there can already run code as the user.
Even so, unpickling only ever makes chiptui's own record classes (see `_Unpickler`), and only from
a file whose key matches. Pickle loads a timeline about ten times faster than parsing the TOML.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import Any

from chiptui import __version__, model
from chiptui.loader import load_bytes, read_bytes
from chiptui.model import Timeline

_MAGIC = b"chiptui load cache 1\n"
_CLASSES = frozenset({"Timeline", "PartialDate", "Source", "Speaker", "Era", "Event", "Figure", "Quote", "Comparison"})
_DATA_LAYER = ("model.py", "schema.py", "loader.py", "cache.py")
PRUNE_AFTER = 30 * 24 * 3600.0  # seconds: a data file not opened for 30 days loses its copy


def cache_folder() -> Path:
    """`CHIPTUI_CACHE_DIR`, else the platform's user cache folder for chiptui."""
    chosen = os.environ.get("CHIPTUI_CACHE_DIR")
    if chosen:
        return Path(chosen)
    import platformdirs

    return Path(platformdirs.user_cache_dir("chiptui"))


def cache_file(data: Path) -> Path:
    """The cache file of one data file: named by a hash of its full path."""
    name = hashlib.sha256(str(data.resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return cache_folder() / f"{name}.pickle"


def _key(data: bytes) -> bytes:
    """What a cached timeline must have been made from: these bytes, by this chiptui and Python."""
    digest = hashlib.sha256(data)
    here = Path(model.__file__).parent
    made_by = [__version__, sys.version, str(pickle.HIGHEST_PROTOCOL)]
    for name in _DATA_LAYER:  # an edited checkout (the same version) must not read old classes
        try:
            stat = (here / name).stat()
            made_by.append(f"{name}:{stat.st_size}:{stat.st_mtime_ns}")
        except OSError:
            made_by.append(f"{name}:?")
    digest.update("\n".join(made_by).encode("utf-8", "surrogateescape"))
    return digest.hexdigest().encode("ascii") + b"\n"


class _Unpickler(pickle.Unpickler):
    """Makes chiptui's record classes and nothing else (a foreign pickle fails here)."""

    def find_class(self, module: str, name: str) -> Any:
        if module == "chiptui.model" and name in _CLASSES:
            return getattr(model, name)
        raise pickle.UnpicklingError(f"not a chiptui class: {module}.{name}")


def _read(path: Path, key: bytes) -> Timeline | None:
    """The cached timeline if the cache file holds one made under `key`, else None (never raises)."""
    try:
        with path.open("rb") as file:
            if file.read(len(_MAGIC) + len(key)) != _MAGIC + key:
                return None
            timeline = _Unpickler(file).load()
    except Exception:  # noqa: BLE001 - missing, unreadable, damaged, truncated: all just a miss
        return None
    return timeline if isinstance(timeline, Timeline) else None


def _prune(folder: Path) -> None:
    """Remove the copies of data files not opened for PRUNE_AFTER, and temporary files left by a
    writer that was killed (an hour old: a writer at work right now keeps its own)."""
    now = time.time()
    for pattern, age in (("*.pickle", PRUNE_AFTER), (".*.tmp", 3600.0)):
        for old in folder.glob(pattern):
            with suppress(OSError):
                if old.stat().st_mtime < now - age:
                    old.unlink()


def _write(path: Path, key: bytes, timeline: Timeline) -> None:
    """Replace the cache file whole through a temporary file and a rename; any failure is no cache."""
    try:
        payload = pickle.dumps(timeline, protocol=pickle.HIGHEST_PROTOCOL)
        path.parent.mkdir(parents=True, exist_ok=True)
        _prune(path.parent)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except Exception:  # noqa: BLE001 - an unwritable folder, or a timeline pickle cannot hold
        return
    try:
        with os.fdopen(handle, "wb") as file:  # no fsync: a cache lost to a crash is only a miss
            file.write(_MAGIC + key)
            file.write(payload)
        os.replace(temporary, path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)


def open_cached(path: Path, shown: str) -> tuple[Timeline, Callable[[], None] | None]:
    """As `loader.load(path, shown)` (the same DataError for a file that is not good), from the
    cache when this file's bytes were loaded before. On a miss, also what caches the fresh load:
    the explorer calls it after its first frame (pickling 100,000 events takes half a second)."""
    data = read_bytes(path, shown)
    key = _key(data)
    where = cache_file(path)
    cached = _read(where, key)
    if cached is not None:
        with suppress(OSError):
            os.utime(where)  # opened now: not to be pruned
        return cached, None
    timeline = load_bytes(data, shown)
    return timeline, lambda: _write(where, key, timeline)


def load_cached(path: Path, shown: str) -> Timeline:
    """As `open_cached`, caching a fresh load before it returns."""
    timeline, store = open_cached(path, shown)
    if store is not None:
        store()
    return timeline
