"""A profile of opening a generated file as the explorer does, cold (no load cache: read, parse,
check, build; then the cache written) and warm (the cache read and checked again):
`python bench/profile_open.py [--events 100000] [--top 25]`. Each in its own process, under
pyinstrument when it is installed (its flat list: the functions with most time of their own),
else cProfile (by own time). Peak memory of each process is printed too.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from chiptui.core.model import Timeline


def open_and_store(path: str, start: float) -> tuple[Timeline, bool, float]:
    """The explorer's open, then the cache write a cold open leaves to do: the timeline, whether
    it was written, and the seconds from `start` to the open."""
    from chiptui.core import cache

    timeline, store = cache.open_cached(Path(path), path)
    opened = time.perf_counter() - start
    if store is not None:
        store()
    return timeline, store is not None, opened


def child(path: str, top: int) -> None:
    import importlib.util

    start = time.perf_counter()
    if importlib.util.find_spec("pyinstrument") is not None:
        from pyinstrument import Profiler  # type: ignore[import-not-found, unused-ignore]
        from pyinstrument.renderers import ConsoleRenderer  # type: ignore[import-not-found, unused-ignore]

        profiler = Profiler()
        profiler.start()
        timeline, stored, opened = open_and_store(path, start)
        profiler.stop()
        report = "\n".join(profiler.output(ConsoleRenderer(flat=True, time="percent_of_total")).splitlines()[: top + 8])
    else:
        import cProfile
        import io
        import pstats

        fallback = cProfile.Profile()
        fallback.enable()
        timeline, stored, opened = open_and_store(path, start)
        fallback.disable()
        stream = io.StringIO()
        pstats.Stats(fallback, stream=stream).sort_stats("tottime").print_stats(top)
        report = stream.getvalue()
    took = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    what = "cold (and the cache written)" if stored else "warm"
    print(f"{what}: open {opened:.2f} s, in all {took:.2f} s, peak {peak:.0f} MB, {len(timeline.events):,} events")
    print(report)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.top)
        return
    from generate import bytecode, ensure  # type: ignore[import-not-found]

    bytecode()
    path = ensure(args.events)
    env = {**os.environ, "CHIPTUI_CACHE_DIR": tempfile.mkdtemp(prefix="chiptui-bench-cache-")}
    for _ in ("cold", "warm"):
        command = [sys.executable, __file__, "--child", str(path), "--top", str(args.top)]
        subprocess.run(command, env=env, check=True)


if __name__ == "__main__":
    main()
