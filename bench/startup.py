"""Start-up, measured as a user meets it: the time from starting a process in a pseudo-terminal
to the first frame that shows its content. Run by hand: `python bench/startup.py [--runs 5]`.

Each command runs in a fresh pty of 120x40; the clock stops when the screen output contains
the command's marker (a text only its first frame shows); then the process is sent `q` /
SIGTERM. Commands of a pair run alternately, so a noisy machine slows both alike. chiptui's
bytecode is compiled first, as an install has it (Textual's is, in site-packages). It prints the
median of each and their ratio, for:

- chiptui on the bundled timeline / the bare app                              (target ≤ 1.25)
- chiptui on a generated 100,000-event file / tomllib parse + the bare app   (target ≤ 1.25)
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import select
import signal
import statistics
import struct
import sys
import tempfile
import termios
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PYTHON = sys.executable
STATE = tempfile.mkdtemp(prefix="chiptui-bench-state-")  # no saved place: every run starts at the first event


def first_frame(command: list[str], marker: bytes, timeout: float = 120.0) -> float:
    """Seconds from spawn to the first output that contains `marker`."""
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # the child: a terminal of 120x40, colour, no mouse noise
        os.environ.update(TERM="xterm-256color", COLUMNS="120", LINES="40", CHIPTUI_STATE_DIR=STATE)
        os.execv(command[0], command)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    seen = b""
    try:
        while time.perf_counter() - start < timeout:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:
                    break
                seen = (seen + chunk)[-200_000:]
                if marker in seen:
                    return time.perf_counter() - start
        raise RuntimeError(f"no {marker!r} within {timeout} s from {command}")
    finally:
        os.kill(pid, signal.SIGTERM)
        os.waitpid(pid, 0)
        os.close(fd)


def pair(name: str, ours: tuple[list[str], bytes], base: tuple[list[str], bytes], runs: int, target: float) -> None:
    mine, theirs = [], []
    for _ in range(runs):
        mine.append(first_frame(*ours))
        theirs.append(first_frame(*base))
    a, b = statistics.median(mine), statistics.median(theirs)
    verdict = "ok" if a / b <= target else "OVER"
    print(f"{name:<44}{a:>9.3f}{b:>10.3f}{a / b:>8.2f}  ≤ {target} {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--events", type=int, default=100_000)
    args = parser.parse_args()
    from generate import bytecode, ensure  # type: ignore[import-not-found]

    bytecode()
    big = ensure(args.events)
    chiptui = [PYTHON, "-m", "chiptui"]
    bare = [PYTHON, str(HERE / "bare_app.py")]
    print(f"first frame, median of {args.runs} runs (s)   {'chiptui':>9}{'baseline':>10}{'ratio':>8}")
    pair("bundled timeline vs bare app", (chiptui, b"event 1 of 66"), (bare, b"bare app ready"), args.runs, 1.25)
    pair(
        f"{args.events:,} events vs tomllib + bare app",
        ([*chiptui, "--data", str(big)], f"event 1 of {args.events}".encode()),
        ([*bare, str(big)], b"bare app ready"),
        args.runs,
        1.25,
    )


if __name__ == "__main__":
    main()
