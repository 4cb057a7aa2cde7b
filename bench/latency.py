"""A key as a user's terminal sees it: from writing the key's bytes to a pty to the last byte of
the redraw it causes, for chiptui and for a minimal Textual app that updates one Static on the
same key (`minimal_key_app.py`, the framework's floor). Run by hand:
`python bench/latency.py [--sizes bundled,1000,100000] [--rounds 3] [--repeat 9]`.

Each round starts the minimal app, then chiptui at each size (warm load cache, filled before the
rounds), each in a fresh pty of 120x40, so a busy machine slows both alike. In each session every
key is pressed `--repeat` times, each after the screen has been quiet for 0.2 s (a press, not a
held key): ↓ (then ↑ back, not timed), PgDn (PgUp), → (←), and a search step (a letter typed in
the search box after `/chi`, then Backspace, both timed). A redraw ends at 100 ms without output
(500 ms for the held key). The "first frame" rows are the time to the redraw's first byte: Textual
writes a frame at once, so that is when the first frame after the key reached the terminal (a key
that lays the screen out is drawn again a frame or two later, the same cells: a size change makes
Textual lay out twice, and every layout redraws a list's scrollbar).
Then a held ↓: 30 presses 33 ms apart (a keyboard's repeat); its row is the lag from the last
press to the last redraw. It prints each key's median and quartiles (ms) and the ratio of the
medians to the minimal app's (issue 20's target ≤ 2; a lag under 1 ms counts as 1 ms).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from term import Terminal, fill_cache  # type: ignore[import-not-found]

HERE = Path(__file__).resolve().parent
PYTHON = sys.executable
DOWN, UP, PGDN, PGUP, RIGHT, LEFT = b"\x1b[B", b"\x1b[A", b"\x1b[6~", b"\x1b[5~", b"\x1b[C", b"\x1b[D"
KEYS = (
    "↓",
    "PgDn",
    "→",
    "search step",
    "held ↓ (lag)",
    "↓ first frame",
    "PgDn first frame",
    "→ first frame",
    "search first frame",
)


def session(command: list[str], marker: bytes, env: dict[str, str], repeat: int) -> dict[str, list[float]]:
    """One run of `command`: each key's times (s)."""
    times: dict[str, list[float]] = {key: [] for key in KEYS}
    term = Terminal(command, env)
    try:
        term.until(marker)
        term.quiet(0.5)
        for _ in range(repeat):
            for name, forward, back in (("↓", DOWN, UP), ("PgDn", PGDN, PGUP), ("→", RIGHT, LEFT)):
                times[name].append(term.key(forward))
                times[f"{name} first frame"].append(term.first_redraw)
                term.quiet(0.3)
                term.key(back)
                term.quiet(0.3)
        for letter in b"/chi":
            term.key(bytes([letter]))
            term.quiet(0.3)
        for _ in range(repeat):
            for step in (b"p", b"\x7f"):
                times["search step"].append(term.key(step))
                times["search first frame"].append(term.first_redraw)
                term.quiet(0.3)
        term.key(b"\x1b")  # Esc: out of the search box
        term.quiet(0.3)
        for _ in range(max(1, repeat // 3)):
            times["held ↓ (lag)"].append(term.held(DOWN, 30, 0.033))
            term.quiet(0.3)
            term.held(UP, 30, 0.0)
            term.quiet(0.5)
    finally:
        term.close()
    return times


def describe(values: list[float]) -> str:
    q = statistics.quantiles(values, n=4) if len(values) > 1 else [values[0]] * 3
    return f"{q[1] * 1000:7.1f} ({q[0] * 1000:.0f}–{q[2] * 1000:.0f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="bundled,1000000", help="bundled and/or event counts, comma-separated")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()
    from generate import bytecode, ensure, subjects  # type: ignore[import-not-found]

    bytecode()
    state, cache = tempfile.mkdtemp(prefix="chiptui-bench-state-"), tempfile.mkdtemp(prefix="chiptui-bench-cache-")
    env = {"CHIPTUI_STATE_DIR": state, "CHIPTUI_CACHE_DIR": cache}
    runs = {"minimal app": ([PYTHON, str(HERE / "minimal_key_app.py")], b"minimal key app ready")}
    runs.update(subjects(args.sizes.split(","), ensure))
    for name, (command, marker) in runs.items():  # fill the load cache: every timed run is warm
        if name != "minimal app":
            fill_cache(command, marker, env)
    times: dict[str, dict[str, list[float]]] = {name: {key: [] for key in KEYS} for name in runs}
    for _ in range(args.rounds):
        for name, (command, marker) in runs.items():
            for key, values in session(command, marker, env, args.repeat).items():
                times[name][key].extend(values)
    base = times["minimal app"]
    print(
        f"key to redrawn screen, median (quartiles) of {args.rounds}x{args.repeat} presses, ms;",
        "ratio to the minimal app",
    )
    print(f"{'':<16}" + "".join(f"{name:>26}" for name in runs))
    for key in KEYS:
        cells = []
        for name in runs:
            values = times[name][key]
            ratio = statistics.median(values) / max(statistics.median(base[key]), 0.001)
            cells.append(f"{describe(values)} {ratio:4.1f}x")
        print(f"{key:<16}" + "".join(f"{cell:>26}" for cell in cells))
    shutil.rmtree(state, ignore_errors=True)
    shutil.rmtree(cache, ignore_errors=True)


if __name__ == "__main__":
    main()
