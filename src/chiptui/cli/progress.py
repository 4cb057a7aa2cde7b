"""The line that says a large file is being read: on a terminal's stderr only, one row, erased
when the read ends, however it ends (an error, Ctrl+C, SIGTERM or SIGHUP)."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from types import FrameType
from typing import Any

LARGE = 16 * 2**20  # bytes: a file this large takes a second or more to read (a million events: 20-30 s)
ERASE = "\r\x1b[K"  # back to the row's start, and clear it
_SIGNALS = (signal.SIGTERM, signal.SIGHUP)


def _terminal_width() -> int | None:
    """The width of the terminal stderr writes to, or None when it is none (closed, a file, a
    pipe, a terminal that cannot move its cursor)."""
    stream = sys.stderr
    if stream is None or os.environ.get("TERM") == "dumb":
        return None
    try:
        return os.get_terminal_size(stream.fileno()).columns if stream.isatty() else None
    except (OSError, ValueError):
        return None


@contextmanager
def reading(path: Path, shown: str) -> Iterator[None]:
    """While the block runs: `chiptui: reading FILE (N MB)…` when `path` is large and stderr a
    terminal, cut to fit one row (a wrapped line could not be erased)."""
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    width = _terminal_width() if size >= LARGE else None
    if width is None or width < 2:
        yield
        return
    from rich.cells import cell_len, set_cell_size

    head, tail = "chiptui: reading ", f" ({size / 2**20:.0f} MB)…"
    room = width - 1 - cell_len(head) - cell_len(tail)  # the name is cut, the size kept
    name = shown if cell_len(shown) <= room else set_cell_size(shown, max(room - 1, 0)) + "…"
    line = set_cell_size(head + name + tail, min(width - 1, cell_len(head + name + tail)))
    before = _handle(dict.fromkeys(_SIGNALS, _erase_and_stop))
    sys.stderr.write(line)
    sys.stderr.flush()
    try:
        yield
    finally:
        sys.stderr.write(ERASE)
        sys.stderr.flush()
        _handle(before)


Handler = Callable[[int, FrameType | None], Any] | int | None


def _erase_and_stop(number: int, frame: FrameType | None) -> None:
    sys.stderr.write(ERASE)
    sys.stderr.flush()
    signal.signal(number, signal.SIG_DFL)
    os.kill(os.getpid(), number)  # ended by the signal, as it would have been


def _handle(handlers: dict[int, Handler]) -> dict[int, Handler]:
    """Set these signals' handlers; return the ones they had. Outside the main thread Python
    sets none: the line may then stay if the process is killed."""
    before: dict[int, Handler] = {}
    for number, handler in handlers.items():
        with suppress(ValueError, TypeError):  # not the main thread; a handler not set from Python
            before[number] = signal.signal(number, handler)
    return before
