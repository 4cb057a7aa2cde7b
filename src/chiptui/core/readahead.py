"""Work that waits on the disk or on hashlib, done beside the explorer's opening instead of
before it: a helper thread reads a load cache file ahead and signs each piece as it reads it,
another hashes the data file, while the unpickler works on what came before (the reads and the
hashing let go of the GIL). At a million events they took half a second of a warm opening's
1.6; beside it, both are done before the opening needs them. No Textual here.

What `SignedReader` gives is exactly what was signed: the thread signs each piece before it
hands it on, and keeps the file's last bytes (its signature) back, unsigned, for `rest`.
"""

from __future__ import annotations

import hashlib
import sys
import threading
from collections import deque
from collections.abc import Callable
from types import TracebackType
from typing import BinaryIO, Generic, TypeVar

T = TypeVar("T")
PIECE = 4 * 1024 * 1024  # bytes read and signed at a time
AHEAD = 4  # pieces read ahead of the reader at most


class SignedReader:
    """A file to read to its end, signed as it is read but for its last `kept` bytes; a context
    manager, whose end stops the thread (if the reader stopped early, at what it had read)."""

    def __init__(self, file: BinaryIO, signer: hashlib.blake2b, kept: int) -> None:
        self._ready: deque[bytes | BaseException] = deque()  # read and signed, not yet taken
        self._turn = threading.Condition()
        self._stopped = False
        self._signer, self._kept = signer, kept
        self._piece, self._at, self._ended = b"", 0, False
        self._last = b""
        self._thread = threading.Thread(target=self._read_ahead, args=(file,), name="chiptui-cache", daemon=True)
        self._thread.start()

    def _read_ahead(self, file: BinaryIO) -> None:
        held = b""  # the last bytes read so far: the signature, if no more follow
        try:
            while not self._stopped and (data := file.read(PIECE)):
                data = held + data if held else data
                held, body = data[-self._kept :], data[: -self._kept]
                if body:
                    self._signer.update(body)
                    self._hand_on(body)
            self._last = held
            self._hand_on(b"")  # the end
        except Exception as error:  # noqa: BLE001 - the reader raises it as its own read's
            self._hand_on(error)

    def _hand_on(self, item: bytes | BaseException) -> None:
        with self._turn:
            while len(self._ready) >= AHEAD and not self._stopped:
                self._turn.wait()
            self._ready.append(item)
            self._turn.notify_all()

    def _next(self) -> bool:
        """The next piece taken up; False at the end of the file."""
        if self._ended:
            return False
        with self._turn:
            while not self._ready:
                self._turn.wait()
            item = self._ready.popleft()
            self._turn.notify_all()
        if isinstance(item, BaseException):
            raise item
        self._piece, self._at, self._ended = item, 0, not item
        return bool(item)

    def read(self, size: int = -1) -> bytes:
        parts, wanted = [], size if size >= 0 else sys.maxsize
        while wanted > 0 and (self._at < len(self._piece) or self._next()):
            part = self._piece[self._at : self._at + wanted]
            self._at += len(part)
            wanted -= len(part)
            parts.append(part)
        return parts[0] if len(parts) == 1 else b"".join(parts)

    def readinto(self, buffer: bytearray | memoryview) -> int:
        view = memoryview(buffer).cast("B")
        data = self.read(len(view))
        view[: len(data)] = data
        return len(data)

    def readline(self) -> bytes:
        parts = []
        while self._at < len(self._piece) or self._next():
            end = self._piece.find(b"\n", self._at)
            stop = len(self._piece) if end < 0 else end + 1
            parts.append(self._piece[self._at : stop])
            self._at = stop
            if end >= 0:
                break
        return b"".join(parts)

    def rest(self) -> bytes | None:
        """Once every signed byte has been read, the file's last `kept` bytes (unsigned: the
        signature to compare with `digest()`); None while signed bytes are left unread."""
        return None if self.read(1) else self._last

    def digest(self) -> bytes:
        """The signature of every byte read (once `rest` has been taken)."""
        return self._signer.digest()

    def __enter__(self) -> SignedReader:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, at: TracebackType | None) -> None:
        with self._turn:  # a thread waiting to hand on a piece sees the stop
            self._stopped = True
            self._turn.notify_all()
        self._thread.join()


class InBackground(Generic[T]):
    """`work()` run in a thread from now on; `result()` waits for it and gives what it returned
    (or raises what it raised)."""

    def __init__(self, work: Callable[[], T]) -> None:
        self._work = work
        self._value: list[T] = []
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="chiptui-hash", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._value.append(self._work())
        except BaseException as error:  # noqa: BLE001 - raised again by result()
            self._error = error

    def result(self) -> T:
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._value[0]
