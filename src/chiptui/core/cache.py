"""The explorer's load cache: a parsed data file kept in the user's cache folder, so that opening
the same file again skips parsing it. No Textual here.

One cache file per data file (named by a hash of its full path), holding a key and the pickled
document: the plain dicts, lists, strings and numbers the parser made (its long arrays of
tables a slice at a time, so that writing it costs little memory). The key is a hash of the
data file's bytes, chiptui's version, the Python version and the size and time of chiptui's
data-layer modules, so any change to the file or to chiptui is a miss, and the miss replaces the
cache file. Only a good file's document is ever cached.

Nothing read from the cache is trusted: the document is checked again by the loader, exactly as a
document parsed from the file is (every type, every text cleaned, every reference), and one that
fails any check is a miss. Unpickling makes no class at all (see `_Unpickler`), so a cache file
planted by someone else can at worst be refused. A missing, unreadable, damaged, truncated or
foreign cache file is a miss (and is replaced); a cache folder that cannot be made or written is
skipped. Pruning removes only files with chiptui's own names and header.

Parsing TOML is most of a load's time, so a hit still saves most of it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import stat
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import Any

from chiptui import __version__
from chiptui.core import model
from chiptui.core.files import MAX_BYTES, open_regular
from chiptui.core.loader import load_document, read_bytes, rebuild
from chiptui.core.model import Timeline
from chiptui.core.settings import settings

_MAGIC = b"chiptui load cache 3\n"
SLICE = 10_000  # records pickled at a time: the writer never holds a whole copy of the document
_NAME_RE = re.compile(r"[0-9a-f]{16}\.pickle")
_TEMPORARY_RE = re.compile(r"\.[0-9a-f]{16}\.pickle\.[A-Za-z0-9_]+\.tmp")
PRUNE_AFTER = 30 * 24 * 3600.0  # seconds: a data file not opened for 30 days loses its copy


def cache_folder() -> Path:
    """`CHIPTUI_CACHE_DIR`, else the platform's user cache folder for chiptui."""
    chosen = settings().cache_dir
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
    for module in sorted(here.glob("*.py")):  # every data-layer module: an edited checkout is a miss
        try:
            stat = module.stat()
            made_by.append(f"{module.name}:{stat.st_size}:{stat.st_mtime_ns}")
        except OSError:
            made_by.append(f"{module.name}:?")
    digest.update("\n".join(made_by).encode("utf-8", "surrogateescape"))
    return digest.hexdigest().encode("ascii") + b"\n"


class _Unpickler(pickle.Unpickler):
    """Makes plain data only: dicts, lists, strings, numbers. Any class at all is refused."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"the load cache holds no classes: {module}.{name}")


def _read(path: Path, key: bytes) -> dict[str, Any] | None:
    """The cached document if the cache file holds one made under `key`, else None (never raises).
    The file holds, after its header, one pickle of the document's small values and of how many
    slices each long array of tables has, then the slices one pickle each (see `_write`)."""
    try:
        with open_regular(path, 4 * MAX_BYTES) as file:
            if file.read(len(_MAGIC) + len(key)) != _MAGIC + key:
                return None
            head = _Unpickler(file).load()
            order, small, slices = head["order"], head["small"], head["slices"]
            if not (isinstance(order, list) and isinstance(small, dict) and isinstance(slices, dict)):
                return None
            arrays: dict[str, list[Any]] = {}
            for name, count in slices.items():
                if not isinstance(count, int) or isinstance(count, bool):
                    return None
                array = arrays[name] = []
                for _ in range(count):
                    part = _Unpickler(file).load()
                    if not isinstance(part, list):
                        return None
                    array.extend(part)
            if file.read(1) or set(order) != small.keys() | arrays.keys() or len(order) != len(small) + len(arrays):
                return None  # more than the document, or its keys not each once
            return {name: small[name] if name in small else arrays[name] for name in order}
    except Exception:  # noqa: BLE001 - missing, unreadable, damaged, truncated, not a file: all a miss
        return None


def _ours(path: Path) -> bool:
    """A cache file of chiptui's own: its name, and its header."""
    if not _NAME_RE.fullmatch(path.name):
        return False
    try:
        with path.open("rb") as file:
            return file.read(len(_MAGIC) - 2) == _MAGIC[:-2]  # any version of the header
    except OSError:
        return False


def _prune(folder: Path) -> None:
    """Remove chiptui's copies of data files not opened for PRUNE_AFTER, and its temporary files
    left by a writer that was killed (an hour old: a writer at work right now keeps its own).
    Any other file in the folder, whatever its name or age, is left alone."""
    now = time.time()
    for old in folder.iterdir():
        with suppress(OSError):
            status = old.lstat()
            if not stat.S_ISREG(status.st_mode):
                continue
            if (_TEMPORARY_RE.fullmatch(old.name) and status.st_mtime < now - 3600.0) or (
                status.st_mtime < now - PRUNE_AFTER and _ours(old)
            ):
                old.unlink()


def _write(path: Path, key: bytes, document: dict[str, Any]) -> None:
    """Replace the cache file whole through a temporary file and a rename; any failure is no cache.
    The document is pickled a slice of SLICE records at a time, straight into the file: pickling
    it whole held a copy of it as bytes and a memo of its every object (at a million events the
    explorer's memory doubled while it wrote the cache)."""
    arrays = {name: value for name, value in document.items() if type(value) is list and len(value) > SLICE}
    head = {
        "order": list(document),
        "small": {name: value for name, value in document.items() if name not in arrays},
        "slices": {name: -(-len(value) // SLICE) for name, value in arrays.items()},
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _prune(path.parent)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except Exception:  # noqa: BLE001 - an unwritable folder
        return
    try:
        with os.fdopen(handle, "wb") as file:  # no fsync: a cache lost to a crash is only a miss
            file.write(_MAGIC + key)
            pickle.dump(head, file, protocol=pickle.HIGHEST_PROTOCOL)
            for value in arrays.values():
                for start in range(0, len(value), SLICE):
                    pickle.dump(value[start : start + SLICE], file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except Exception:  # noqa: BLE001 - a full disk, or a document pickle cannot hold
        Path(temporary).unlink(missing_ok=True)


def open_cached(path: Path, shown: str) -> tuple[Timeline, Callable[[], None] | None]:
    """As `loader.load(path, shown)` (the same DataError for a file that is not good), from the
    cache when this file's bytes were loaded before. On a miss, also what caches the fresh load:
    the explorer calls it after its first frame."""
    data = read_bytes(path, shown)
    key = _key(data)
    where = cache_file(path)
    cached = _read(where, key)
    if cached is not None:
        try:
            timeline = rebuild(cached, data, shown)
        except Exception:  # noqa: BLE001 - a document that fails any check is no cache
            pass
        else:
            with suppress(OSError):
                os.utime(where)  # opened now: not to be pruned
            return timeline, None
    timeline, document = load_document(data, shown)
    return timeline, lambda: _write(where, key, document)


def load_cached(path: Path, shown: str) -> Timeline:
    """As `open_cached`, caching a fresh load before it returns."""
    timeline, store = open_cached(path, shown)
    if store is not None:
        store()
    return timeline
