"""TOML parsers side by side, and a cold open against a bare `tomllib.load` (issue 20):
`python bench/parse.py [--events 100000] [--runs 5] [--compare SRC] [--no-parsers] [--no-frame]`.

Every timing is a fresh process reading the same file, and the commands of a table run in turn,
once each per round, so a busy machine slows them alike; each row is the median of the rounds.

1. Each parser that is installed (`tomllib`, compiled `tomli`, `rtoml`, `msgspec.toml`) reads the
   bundled timeline and a generated file of N events: its median and its ratio to `tomllib`.
2. At N events, against the same bare `tomllib.load`: `chiptui check`, and the explorer's first
   frame with an empty load cache (as `startup.py` measures it). The target is ≤ 0.45 for both.
   With `--compare SRC` (the `src` folder of another checkout, e.g. a `git worktree` of the commit
   before), that checkout's `chiptui check` runs in the same rounds.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
PYTHON = sys.executable
BUNDLED = HERE.parent / "data" / "timeline.toml"

# How each parser reads a file named by `{path!r}`: as its own documentation says to.
PARSERS = {
    "tomllib": "import tomllib; tomllib.load(open({path!r}, 'rb'))",
    "tomli": "import tomli; tomli.load(open({path!r}, 'rb'))",
    "rtoml": "import rtoml; rtoml.loads(open({path!r}, encoding='utf-8').read())",
    "msgspec.toml": "import msgspec.toml; msgspec.toml.decode(open({path!r}, 'rb').read())",
}


def installed(module: str) -> str | None:
    """How the parser shows in the table, or None when it is not installed."""
    found = subprocess.run(
        [PYTHON, "-c", f"import {module} as m; print(m.__file__)"],
        capture_output=True,
        text=True,
    )
    if found.returncode:
        return None
    compiled = found.stdout.strip().endswith((".so", ".pyd"))
    if module == "tomli":
        return "tomli (compiled)" if compiled else "tomli (pure Python)"
    return module


def seconds(command: list[str], env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env)
    return time.perf_counter() - start


def reader(code: str, path: Path) -> Callable[[], float]:
    """What times one parser reading `path` in a fresh process."""
    return lambda: seconds([PYTHON, "-c", code.format(path=str(path))])


def rounds(commands: dict[str, Callable[[], float]], runs: int) -> dict[str, float]:
    """The median of each command, the commands run in turn `runs` times."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, run in commands.items():
            times[name].append(run())
    return {name: statistics.median(taken) for name, taken in times.items()}


def table(title: str, medians: dict[str, float], base: str, target: float | None = None) -> None:
    print(f"\n{title:<52}{'median s':>10}{'ratio':>8}")
    for name, median in medians.items():
        ratio = median / medians[base]
        verdict = "" if target is None or name == base else f"  ≤ {target} {'ok' if ratio <= target else 'OVER'}"
        print(f"{name:<52}{median:>10.3f}{ratio:>8.2f}{verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--compare", type=Path, help="the src folder of another chiptui checkout")
    parser.add_argument("--no-parsers", action="store_true", help="leave out the parsers' table")
    parser.add_argument("--no-frame", action="store_true", help="leave out the first frame")
    args = parser.parse_args()
    from generate import bytecode, ensure  # type: ignore[import-not-found]

    bytecode()
    big = ensure(args.events)
    names = {module: shown for module in PARSERS if (shown := installed(module))}
    for path, runs in () if args.no_parsers else ((BUNDLED, max(args.runs, 11)), (big, args.runs)):
        commands = {names[m]: reader(code, path) for m, code in PARSERS.items() if m in names}
        table(f"{path.name}, median of {runs}", rounds(commands, runs), "tomllib")

    bare = [PYTHON, "-c", PARSERS["tomllib"].format(path=str(big))]
    check = [PYTHON, "-m", "chiptui", "check", str(big)]
    frame = [PYTHON, "-m", "chiptui", "--data", str(big)]
    cold: dict[str, Callable[[], float]] = {
        "bare tomllib.load": lambda: seconds(bare),
        "chiptui check": lambda: seconds(check),
    }
    if args.compare:
        compileall.compile_dir(args.compare / "chiptui", quiet=1)
        other = {**os.environ, "PYTHONPATH": str(args.compare.resolve())}
        cold[f"chiptui check ({args.compare})"] = lambda: seconds(check, other)
    if not args.no_frame:
        from startup import first_frame  # type: ignore[import-not-found]

        marker = f"event 1 of {args.events}".encode()
        cold["first frame, no load cache"] = lambda: first_frame(frame, marker)
    table(f"{args.events:,} events, cold, median of {args.runs}", rounds(cold, args.runs), "bare tomllib.load", 0.45)


if __name__ == "__main__":
    main()
