"""Issue 20's table, by size: `python bench/table.py [--sizes bundled,1000,10000,100000,1000000]
[--runs 1] [--tomllib]`.

For each size, each a fresh process (the medians of `--runs` rounds, the sizes in turn in each
round, so a busy machine slows all alike):

- `check`: `chiptui check FILE`, seconds and peak memory;
- cold: the first frame in a pty of 120x40 with an empty load cache, and the peak memory of that
  process up to the end of its writing of the cache (the explorer writes it after the first frame);
- warm: the first frame with that cache, then ↓ pressed 9 times (the median, ms; as `latency.py`
  measures it), and that process's peak memory.

Baselines in the same rounds: the bare app's first frame (`bare_app.py`), the minimal key app's ↓
(`minimal_key_app.py`) and, with `--tomllib`, a bare `tomllib.load` of each file (a minute at a
million events here). The targets printed are issue 20's: at a million events a warm first frame
≤ 1.5 s, peak memory ≤ 1.5 GB cold and ≤ 1 GB warm, `check` ≤ 20 s; a key ≤ 2x the minimal app's;
at 100,000 `check` and the cold first frame ≤ 0.45 of `tomllib.load`.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from term import Terminal, fill_cache  # type: ignore[import-not-found]

HERE = Path(__file__).resolve().parent
PYTHON = sys.executable
DOWN, UP = b"\x1b[B", b"\x1b[A"


def timed(command: list[str]) -> tuple[float, float]:
    """Seconds and peak memory (MB) of a command run to its end."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    if status:
        raise RuntimeError(f"{command} failed")
    return time.perf_counter() - start, usage.ru_maxrss / 1024


def keys(command: list[str], marker: bytes, env: dict[str, str], presses: int = 9) -> tuple[float, float, float]:
    """First frame (s), ↓'s median (s) and peak memory (MB) of one run."""
    term = Terminal(command, env)
    try:
        frame = term.until(marker)
        term.quiet(0.5)
        down = []
        for _ in range(presses):
            down.append(term.key(DOWN))
            term.quiet(0.3)
            term.key(UP)
            term.quiet(0.3)
    finally:
        rss = term.close()
    return frame, statistics.median(down), rss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="bundled,1000,10000,100000,1000000")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--tomllib", action="store_true", help="also time a bare tomllib.load of each file")
    args = parser.parse_args()
    from generate import bytecode, ensure, subjects  # type: ignore[import-not-found]

    bytecode()
    runs = subjects(args.sizes.split(","), ensure)
    rows: dict[str, dict[str, list[float]]] = {name: {} for name in runs}
    base: dict[str, list[float]] = {}

    def add(into: dict[str, list[float]], **values: float) -> None:
        for key, value in values.items():
            into.setdefault(key, []).append(value)

    state = tempfile.mkdtemp(prefix="chiptui-bench-state-")
    for _ in range(args.runs):
        _, down, _ = keys([PYTHON, str(HERE / "minimal_key_app.py")], b"minimal key app ready", {})
        add(base, minimal_down=down)
        add(base, bare_frame=timed_frame([PYTHON, str(HERE / "bare_app.py")], b"bare app ready"))
        for name, (command, marker) in runs.items():
            file = command[-1] if name != "bundled" else str(bundled())
            check, check_rss = timed([PYTHON, "-m", "chiptui", "check", file])
            cache = tempfile.mkdtemp(prefix="chiptui-bench-cache-")
            env = {"CHIPTUI_STATE_DIR": state, "CHIPTUI_CACHE_DIR": cache}
            cold_frame, cold_rss = fill_cache(command, marker, env)
            warm_frame, down, warm_rss = keys(command, marker, env)
            shutil.rmtree(cache, ignore_errors=True)
            add(rows[name], check=check, check_rss=check_rss, cold=cold_frame, cold_rss=cold_rss)
            add(rows[name], warm=warm_frame, warm_rss=warm_rss, down=down)
            if args.tomllib:
                code = f"import tomllib; tomllib.load(open({file!r}, 'rb'))"
                add(rows[name], tomllib=timed([PYTHON, "-c", code])[0])
    shutil.rmtree(state, ignore_errors=True)
    median = {key: statistics.median(values) for key, values in base.items()}
    print(f"median of {args.runs} round(s); bare app first frame {median['bare_frame']:.3f} s, ", end="")
    print(f"minimal key app ↓ {median['minimal_down'] * 1000:.1f} ms")
    head = ("events", "check s", "MB", "cold s", "MB", "warm s", "MB", "↓ ms", "↓ ratio")
    print("".join(f"{h:>10}" for h in head) + ("   tomllib s  check/t  cold/t" if args.tomllib else ""))
    for name, row in rows.items():
        m = {key: statistics.median(values) for key, values in row.items()}
        cells = [name, f"{m['check']:.2f}", f"{m['check_rss']:.0f}", f"{m['cold']:.2f}", f"{m['cold_rss']:.0f}"]
        cells += [f"{m['warm']:.2f}", f"{m['warm_rss']:.0f}", f"{m['down'] * 1000:.1f}"]
        cells.append(f"{m['down'] / median['minimal_down']:.1f}")
        line = "".join(f"{c:>10}" for c in cells)
        if args.tomllib:
            line += f"{m['tomllib']:>12.2f}{m['check'] / m['tomllib']:>9.2f}{m['cold'] / m['tomllib']:>8.2f}"
        print(line)
    print("targets: at 1,000,000 check ≤ 20 s, cold ≤ 1500 MB, warm ≤ 1.5 s and ≤ 1000 MB; ↓ ratio ≤ 2;")
    print("         at 100,000 check/t and cold/t ≤ 0.45")


def timed_frame(command: list[str], marker: bytes) -> float:
    term = Terminal(command)
    try:
        took: float = term.until(marker)
    finally:
        term.close()
    return took


def bundled() -> Path:
    from chiptui.cli import bundled_timeline

    return Path(bundled_timeline())


if __name__ == "__main__":
    main()
