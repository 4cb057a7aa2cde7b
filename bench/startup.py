"""Start-up, measured as a user meets it: the time from starting a process in a pseudo-terminal
to the first frame that shows its content. Run by hand: `python bench/startup.py [--runs 5] [--bundled-only]`.

Each command runs in a fresh pty of 120x40; the clock stops when the screen output contains
the command's marker (a text only its first frame shows); then the process is sent `q` /
SIGTERM. chiptui starts as a user starts it, by its installed `chiptui` script (else `python -m
chiptui`), the baselines as `python FILE`. Commands of a pair run alternately, so a noisy machine
slows both alike. chiptui's bytecode is compiled first, as an install has it (Textual's is, in
site-packages). It prints the median of each, their ratio (the verdict's) and, as a check on the
machine's drift, the median of each run's ratio to the baseline run beside it, for:

- chiptui on the bundled timeline / the bare app           (target ≤ 1.5; and ≤ 1.25 / the shape)
- chiptui on a generated 100,000-event file / tomllib parse + the bare app   (target ≤ 1.25)

each twice: cold (an empty load cache, as the first start after a change to the file or to
chiptui) and warm (the cache filled by an earlier start). Two rows first, with no target, split
the bundled ratio in two: `shape_app.py` (the main screen's widget tree in Textual's stock
widgets, no chiptui code) against the bare app, and chiptui (warm) against that shape.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import select
import shutil
import signal
import statistics
import struct
import sys
import tempfile
import termios
import time
from pathlib import Path

from chiptui.cli import bundled_timeline
from chiptui.core.loader import load

HERE = Path(__file__).resolve().parent
PYTHON = sys.executable
STATE = tempfile.mkdtemp(prefix="chiptui-bench-state-")  # no saved place: every run starts at the first event
WARM = tempfile.mkdtemp(prefix="chiptui-bench-cache-")  # the load cache of the warm runs, kept between them
Command = tuple[list[str], bytes, bool]  # argv, the marker of its first frame, whether its load cache is warm


def first_frame(
    command: list[str], marker: bytes, warm: bool = False, timeout: float = 120.0, then: int | None = None
) -> float:
    """Seconds from spawn to the first output that contains `marker`; a cold run gets an empty cache
    folder. With `then`, the process is left to run until the warm cache folder holds that many
    cache files (the explorer writes a fresh load's cache after its first frame)."""
    cache = WARM if warm else tempfile.mkdtemp(prefix="chiptui-bench-cold-")
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # the child: a terminal of 120x40, colour, no mouse noise
        os.environ.update(
            TERM="xterm-256color", COLUMNS="120", LINES="40", CHIPTUI_STATE_DIR=STATE, CHIPTUI_CACHE_DIR=cache
        )
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
                    took = time.perf_counter() - start
                    while then is not None and len(list(Path(WARM).glob("*.pickle"))) < then:
                        time.sleep(0.05)
                    return took
        raise RuntimeError(f"no {marker!r} within {timeout} s from {command}")
    finally:
        os.kill(pid, signal.SIGTERM)
        os.waitpid(pid, 0)
        os.close(fd)
        if not warm:
            shutil.rmtree(cache, ignore_errors=True)


def installed_command() -> list[str]:
    """chiptui as a user starts it: the `chiptui` script that installing it put beside this Python
    (`python -m chiptui` would also import runpy and importlib.util, which the script does not)."""
    script = Path(PYTHON).with_name("chiptui")
    return [str(script)] if script.is_file() else [PYTHON, "-m", "chiptui"]


def pair(name: str, ours: Command, base: Command, runs: int, target: float | None) -> None:
    mine, theirs = [], []
    for _ in range(runs):
        mine.append(first_frame(*ours))
        theirs.append(first_frame(*base))
    a, b = statistics.median(mine), statistics.median(theirs)
    paired = statistics.median(x / y for x, y in zip(mine, theirs, strict=True))
    verdict = "" if target is None else f"≤ {target} {'ok' if a / b <= target else 'OVER'}"
    print(f"{name:<44}{a:>9.3f}{b:>10.3f}{a / b:>8.2f}{paired:>8.2f}  {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--bundled-only", action="store_true", help="only the rows of the bundled timeline")
    args = parser.parse_args()
    from generate import bytecode, ensure  # type: ignore[import-not-found]

    bytecode()
    big = ensure(args.events if not args.bundled_only else 10)
    chiptui = installed_command()
    bare = [PYTHON, str(HERE / "bare_app.py")]
    bundled = len(load(bundled_timeline()).events)
    small, large = (
        (chiptui, f"event 1 of {bundled}".encode()),
        ([*chiptui, "--data", str(big)], f"event 1 of {args.events}".encode()),
    )
    for filled, (command, marker) in enumerate((small, large)[: 1 if args.bundled_only else 2], start=1):
        first_frame(command, marker, warm=True, then=filled)
    print(f"first frame, median of {args.runs} runs (s)        {'chiptui':>9}{'baseline':>10}{'ratio':>8}{'paired':>8}")
    bare_app = (bare, b"bare app ready", False)
    shape = ([PYTHON, str(HERE / "shape_app.py")], b"shape app ready", False)
    pair("the screen's shape in stock widgets vs bare", shape, bare_app, args.runs, None)
    pair("bundled timeline (warm) vs the shape", (*small, True), shape, args.runs, 1.25)
    for warm in (False, True):
        cache = "warm" if warm else "cold"
        pair(f"bundled timeline ({cache}) vs bare app", (*small, warm), bare_app, args.runs, 1.5)
        if args.bundled_only:
            continue
        pair(
            f"{args.events:,} events ({cache}) vs tomllib + bare app",
            (*large, warm),
            ([*bare, str(big)], b"bare app ready", False),
            args.runs,
            1.25,
        )


if __name__ == "__main__":
    main()
