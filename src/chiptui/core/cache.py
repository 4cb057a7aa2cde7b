"""The explorer's load cache: a checked timeline kept in the user's cache folder, so that opening
the same file again skips reading, parsing and checking it. No Textual here.

One cache file per data file (named by a hash of its full path), holding what it was made from,
the pickled timeline (its events a slice at a time, as columns: see `columns`; so writing it
costs little memory and reading it makes no event before one is asked for) and a signature. The
file is read and signed by a helper thread while it is unpickled, and the data file hashed by
another (see `readahead`). What it was made from is a hash of the data file's bytes, chiptui's
version, the Python version and the size and time of chiptui's data-layer modules, so any change
to the file or to chiptui is a miss, and the miss replaces the cache file. Only a good file's
timeline, as the loader built it after every check, is ever cached.

Only chiptui's own copies are trusted: each is signed with the user's key (see `signing`, kept in
the state folder, not here), and one whose signature is not that key's, or that holds anything
more or less than was signed, is a miss. Unpickling makes nothing but the timeline's records and
plain data, signed or not (see `_Records`), and none of it is used before the signature
verifies, so a cache file planted by someone else can at worst be refused. A missing,
unreadable, damaged, truncated or foreign cache file is a miss (and is replaced); a cache folder
that cannot be made or written, or no key, is no cache. Pruning removes only files with
chiptui's own names and header.
"""

from __future__ import annotations

import hashlib
import hmac
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
from typing import Any, BinaryIO

import attrs

from chiptui import __version__
from chiptui.core import model, records
from chiptui.core.columns import EventColumns, columns_of, distinct_dates, id_order
from chiptui.core.files import MAX_BYTES, open_regular
from chiptui.core.loader import load_bytes, read_bytes
from chiptui.core.model import Timeline
from chiptui.core.readahead import InBackground, SignedReader
from chiptui.core.settings import settings
from chiptui.core.signing import cache_key, signer

_MAGIC = b"chiptui load cache 6\n"
SLICE = 10_000  # events pickled at a time: the writer never holds a whole copy of them
SIGNATURE = 32  # bytes of the signature that ends a cache file
_MADE_FROM = 65  # bytes of what a cache file was made from, in its header (see _made_from)
RECORDS = frozenset(name for name, kind in vars(records).items() if isinstance(kind, type) and attrs.has(kind))
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


def _made_from(data: bytes) -> bytes:
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


class _Signed:
    """A cache file written through its signer: every byte that passes is signed."""

    def __init__(self, file: BinaryIO, signer: hashlib.blake2b) -> None:
        self.file, self.signer = file, signer

    def write(self, data: bytes) -> int:
        self.signer.update(data)
        return self.file.write(data)


class _Records(pickle.Unpickler):
    """Makes the timeline's records and plain data: any other class is refused, signed or not."""

    def find_class(self, module: str, name: str) -> Any:
        if module == records.__name__ and name in RECORDS:
            return getattr(records, name)
        raise pickle.UnpicklingError(f"the load cache holds no such class: {module}.{name}")


_KINDS: dict[str, type] = {
    "sources": records.Source,
    "speakers": records.Speaker,
    "eras": records.Era,
    "figures": records.Figure,
    "quotes": records.Quote,
    "tour": str,
    "comparisons": records.Comparison,
    "series_records": records.Series,
    "charts": records.Chart,
}


def _shaped(fields: object, dates: object, slices: object) -> bool:
    """Whether a cache file's head is the timeline's fields (but its events), their distinct
    dates and a count of slices: a check of its shape only, as what is signed is what chiptui
    wrote after every check."""
    if type(fields) is not dict or fields.keys() != {*_KINDS, "title"} or type(slices) is not int:
        return False
    if type(fields["title"]) is not str or type(dates) is not list:
        return False
    if not all(date is None or type(date) is records.PartialDate for date in dates):
        return False
    for name, kind in _KINDS.items():
        value = fields[name]
        items = value.values() if type(value) is dict else value
        if type(value) not in (dict, tuple) or not all(type(item) is kind for item in items):
            return False
    return True


def _read(path: Path, made_from: Callable[[], bytes], key: bytes) -> Timeline | None:
    """The cached timeline if the cache file holds one made from `made_from()` and signed with
    `key`, else None (never raises). After its header the file holds one pickle of the timeline's
    fields but its events, with the events' distinct dates, how many slices of events follow and
    the events' places sorted by id (`columns.id_order`); then the slices, one pickle each (as
    columns: see `columns`), and the signature of all of it. The file is read and signed ahead by
    a thread while it is unpickled (see `readahead`), and what it was made from is compared at
    the end; nothing read is used before both are."""
    try:
        with open_regular(path, 4 * MAX_BYTES) as file, SignedReader(file, signer(key), SIGNATURE) as signed:
            header = signed.read(len(_MAGIC) + _MADE_FROM)
            if not header.startswith(_MAGIC):
                return None
            fields, dates, slices, order = _Records(signed).load()
            if not _shaped(fields, dates, slices) or type(order) is not bytes:
                return None
            events = EventColumns((_Records(signed).load() for _ in range(slices)), dates, order)
            signature = signed.rest()  # None: more than was written
            if signature is None or not hmac.compare_digest(signature, signed.digest()):
                return None  # not signed with this key, cut, or more than was written
            if header != _MAGIC + made_from():
                return None  # made from another file, or by another chiptui
            return Timeline(**fields, events=events)  # in order, as written (see _write)
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


def _write(path: Path, made_from: bytes, key: bytes, timeline: Timeline) -> None:
    """Replace the cache file whole through a temporary file and a rename; any failure is no cache.
    The events are pickled a slice of SLICE at a time, straight into the file: pickling them at
    once held a copy of them as bytes and a memo of their every object (at a million events the
    explorer's memory doubled while it wrote the cache)."""
    events = timeline.events
    fields = {field.name: getattr(timeline, field.name) for field in attrs.fields(Timeline) if field.init}
    del fields["events"]
    dates = distinct_dates(events)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _prune(path.parent)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except Exception:  # noqa: BLE001 - an unwritable folder
        return
    try:
        with os.fdopen(handle, "wb") as file:  # no fsync: a cache lost to a crash is only a miss
            signed = _Signed(file, signer(key))
            signed.write(_MAGIC + made_from)
            head = (fields, dates, -(-len(events) // SLICE), id_order(events))
            pickle.dump(head, signed, protocol=pickle.HIGHEST_PROTOCOL)
            for start in range(0, len(events), SLICE):
                part = columns_of(events, dates, slice(start, start + SLICE))
                pickle.dump(part, signed, protocol=pickle.HIGHEST_PROTOCOL)
            file.write(signed.signer.digest())
        os.replace(temporary, path)
    except Exception:  # noqa: BLE001 - a full disk, or a timeline pickle cannot hold
        Path(temporary).unlink(missing_ok=True)


def open_cached(path: Path, shown: str) -> tuple[Timeline, Callable[[], None] | None]:
    """As `loader.load(path, shown)` (the same DataError for a file that is not good), from the
    cache when this file's bytes were loaded before. On a miss, also what caches the fresh load:
    the explorer calls it after its first frame. Without a key (see `signing`), no cache."""
    opened = InBackground(lambda: _read_and_hash(path, shown))  # while the cache file is read
    key = cache_key()
    if key is None:
        return load_bytes(opened.result()[0], shown), None
    where = cache_file(path)
    cached = _read(where, lambda: opened.result()[1], key)
    data, made_from = opened.result()  # the DataError of a file that cannot be read, if it is one
    if cached is not None:
        with suppress(OSError):
            os.utime(where)  # opened now: not to be pruned
        return cached, None
    timeline = load_bytes(data, shown)
    return timeline, lambda: _write(where, made_from, key, timeline)


def _read_and_hash(path: Path, shown: str) -> tuple[bytes, bytes]:
    """The data file's bytes (DataError if it cannot be read) and what a cache of it is made from."""
    data = read_bytes(path, shown)
    return data, _made_from(data)


def load_cached(path: Path, shown: str) -> Timeline:
    """As `open_cached`, caching a fresh load before it returns."""
    timeline, store = open_cached(path, shown)
    if store is not None:
        store()
    return timeline
