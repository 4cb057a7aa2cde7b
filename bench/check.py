"""`chiptui check` on a generated file against a bare `tomllib` parse of the same file, each a
fresh process, run alternately: `python bench/check.py [--events 100000] [--runs 5]`. Prints the
medians and the ratio (target ≤ 1.3: validation costs at most 30% over the parse)."""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time


def seconds(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from generate import bytecode, ensure  # type: ignore[import-not-found]

    bytecode()
    path = ensure(args.events)
    check = [sys.executable, "-m", "chiptui", "check", str(path)]
    bare = [sys.executable, "-c", f"import tomllib; tomllib.load(open({str(path)!r}, 'rb'))"]
    ours, theirs = [], []
    for _ in range(args.runs):
        ours.append(seconds(check))
        theirs.append(seconds(bare))
    a, b = statistics.median(ours), statistics.median(theirs)
    print(
        f"{args.events:,} events, median of {args.runs} (s): check {a:.2f}, tomllib {b:.2f}, ratio {a / b:.2f} (≤ 1.3)"
    )


if __name__ == "__main__":
    main()
