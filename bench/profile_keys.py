"""A profile of a held key: chiptui runs under a profiler in a pty of 120x40, and after its first
frame ↓ is pressed `--presses` times, 33 ms apart (a keyboard's repeat), then `q`:
`python bench/profile_keys.py [--data FILE] [--presses 60] [--profiler pyinstrument|cprofile] [-o FILE]`.

With pyinstrument (if installed) the output is its text tree; with cProfile a pstats file, and
the functions that took most of the run per press are printed (ms per press; cProfile's own
overhead inflates them all, so compare them with each other). Start-up is in the profile too
(about half a second); at 60 presses or more it is a small part.
"""

from __future__ import annotations

import argparse
import pstats
import sys
import tempfile

from term import Terminal  # type: ignore[import-not-found]

DOWN = b"\x1b[B"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data")
    parser.add_argument("--presses", type=int, default=60)
    parser.add_argument("--profiler", choices=("pyinstrument", "cprofile"), default="pyinstrument")
    parser.add_argument("-o", "--output", default=None)
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()
    from generate import bytecode, ensure, subjects  # type: ignore[import-not-found]

    bytecode()
    command, marker = subjects(["bundled"], ensure)["bundled"]
    if args.data:
        from chiptui.core.loader import load

        count = len(load(args.data).events)
        command, marker = [sys.executable, "-m", "chiptui", "--data", args.data], f"event 1 of {count}".encode()
    output = args.output or tempfile.mktemp(suffix=".txt" if args.profiler == "pyinstrument" else ".prof")
    if args.profiler == "pyinstrument":
        runner = [sys.executable, "-m", "pyinstrument", "-r", "text", "--show-all", "-o", output, "-m"]
    else:
        runner = [sys.executable, "-m", "cProfile", "-o", output, "-m"]
    env = {"CHIPTUI_STATE_DIR": tempfile.mkdtemp(), "CHIPTUI_CACHE_DIR": tempfile.mkdtemp()}
    term = Terminal([*runner, *command[2:]], env)
    term.until(marker)
    term.quiet(0.5)
    lag = term.held(DOWN, args.presses, 0.033)
    term.quiet(1.0)
    term.key(b"q")
    term.close(stop=False)  # the profiler writes its report as the process ends
    print(f"{args.presses} presses; the screen settled {lag * 1000:.0f} ms after the last; profile in {output}")
    if args.profiler == "cprofile":
        stats = pstats.Stats(output)
        rows = sorted(stats.stats.items(), key=lambda item: -item[1][3])  # type: ignore[attr-defined]
        print(f"{'cumulative ms/press':>20}{'own ms/press':>14}  function")
        for (file, line, function), (_, _, own, cumulative, _) in rows[: args.top]:
            print(
                f"{cumulative * 1000 / args.presses:>20.2f}{own * 1000 / args.presses:>14.2f}  {file}:{line}:{function}"
            )


if __name__ == "__main__":
    main()
