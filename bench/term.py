"""A pseudo-terminal of 120x40 for the benchmarks: start a command in it, read what it writes, wait
for a marker or for quiet, send keys, and collect the child's peak memory when it ends (from
`wait4`, so the child's own `ru_maxrss`). No chiptui import: `startup.py` and `latency.py` use it."""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import select
import signal
import struct
import termios
import time


class Terminal:
    """One command in its own pty; `screen` keeps the last 200,000 bytes it wrote."""

    def __init__(
        self, command: list[str], env: dict[str, str] | None = None, size: tuple[int, int] = (120, 40)
    ) -> None:
        columns, lines = size
        self.started = time.perf_counter()
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: a colour terminal of the given size
            os.environ.update(TERM="xterm-256color", COLUMNS=str(columns), LINES=str(lines), **(env or {}))
            os.execv(command[0], command)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
        self.screen = b""
        self.last_output = self.started
        self.peak_rss_mb = 0.0
        self.first_redraw = 0.0  # of the last `key`: seconds to its first byte

    def read(self, wait: float) -> bool:
        """Read what is there within `wait` seconds; whether anything came."""
        ready, _, _ = select.select([self.fd], [], [], wait)
        if not ready:
            return False
        try:
            chunk = os.read(self.fd, 65536)
        except OSError:
            return False
        self.last_output = time.perf_counter()
        self.screen = (self.screen + chunk)[-200_000:]
        return bool(chunk)

    def until(self, marker: bytes, timeout: float = 300.0) -> float:
        """Seconds from the start to the first output that holds `marker`."""
        while time.perf_counter() - self.started < timeout:
            if self.read(0.05) and marker in self.screen:
                return self.last_output - self.started
        raise RuntimeError(f"no {marker!r} within {timeout} s")

    def quiet(self, gap: float, timeout: float = 30.0) -> None:
        """Read until nothing has come for `gap` seconds."""
        end = time.perf_counter() + timeout
        while time.perf_counter() < end:
            if not self.read(gap):
                return

    def key(self, data: bytes, gap: float = 0.1, timeout: float = 10.0) -> float:
        """Send a key; seconds until the last byte of the redraw it caused (the output's burst
        ends at `gap` seconds of quiet). The terminal must be quiet before."""
        self.screen = b""
        sent = time.perf_counter()
        os.write(self.fd, data)
        self.last_output = sent
        if not self.read(timeout):
            raise RuntimeError(f"no redraw within {timeout} s of {data!r}")
        self.first_redraw = self.last_output - sent  # Textual writes a frame at once: the first one
        self.quiet(gap, timeout)
        return self.last_output - sent

    def held(self, data: bytes, times: int, interval: float, gap: float = 0.5, timeout: float = 60.0) -> float:
        """Send a key `times` times, `interval` seconds apart (a held key), reading all along;
        seconds from the last press to the last byte of the redraws."""
        self.screen = b""
        for _ in range(times - 1):
            os.write(self.fd, data)
            pressed = time.perf_counter()
            while (left := interval - (time.perf_counter() - pressed)) > 0:
                self.read(left)
        os.write(self.fd, data)
        pressed = self.last_output = time.perf_counter()
        self.quiet(gap, timeout)
        return self.last_output - pressed

    def close(self, stop: bool = True) -> float:
        """End the command (SIGTERM; with `stop` false, wait for it to end); its peak resident memory in MB."""
        if stop:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGTERM)
        usage = None
        while usage is None:  # drain, so that a child blocked on writing can see the signal
            self.read(0.01)
            pid, _, rusage = os.wait4(self.pid, os.WNOHANG)
            if pid:
                usage = rusage
        os.close(self.fd)
        self.peak_rss_mb = usage.ru_maxrss / 1024
        return self.peak_rss_mb


def fill_cache(command: list[str], marker: bytes, env: dict[str, str], timeout: float = 900.0) -> tuple[float, float]:
    """Start `command` once with `env`'s CHIPTUI_CACHE_DIR and wait for the load cache it writes
    after its first frame (a new file in that folder): its first frame (s) and peak memory (MB)."""
    folder = env["CHIPTUI_CACHE_DIR"]
    before = {name for name in os.listdir(folder) if not name.startswith(".")}
    term = Terminal(command, env)
    frame = term.until(marker, timeout)
    while time.perf_counter() - term.started < timeout:
        term.read(0.1)
        if {name for name in os.listdir(folder) if not name.startswith(".")} - before:
            break
    return frame, term.close()
