"""A key's cost at 100,000 events against the same key on the bundled timeline, and the peak
memory. Run by hand: `python bench/keys.py [--events 100000] [--repeat 15]`.

Each timeline runs in its own process (so each peak RSS is its own), in a headless app of
120x40 driven by Textual's pilot. A key's time is from pressing it to the app being idle again
with the screen redrawn; the median of `--repeat` presses is printed, then the ratio
(target ≤ 1.5) and the peak resident memory (target ≤ 500 MB at 100k).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import statistics
import subprocess
import sys
import time

KEYS = ["down", "pagedown", "end", "home", "right", "right_square_bracket", "year", "search-next", "search-key"]


async def measure(path: str, repeat: int) -> dict[str, float]:
    from chiptui.core.loader import load
    from chiptui.tui.app import make_app

    timeline = load(path)
    app = make_app(timeline)
    times: dict[str, list[float]] = {key: [] for key in KEYS}
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        years = sorted({event.year for event in timeline.events})
        for round in range(repeat):
            for key in ["down", "pagedown", "end", "home", "right", "right_square_bracket"]:
                start = time.perf_counter()
                await pilot.press(key)
                times[key].append(time.perf_counter() - start)
            year = str(years[round * 7 % len(years)])
            start = time.perf_counter()
            await pilot.press(*year)
            times["year"].append(time.perf_counter() - start)
        await pilot.press("slash", *"chi")  # the first search builds the text index
        start = time.perf_counter()
        await pilot.press("p")
        times["search-key"].append(time.perf_counter() - start)
        for letter in "s" * (repeat - 1):
            await pilot.press("backspace")
            start = time.perf_counter()
            await pilot.press(letter)
            times["search-key"].append(time.perf_counter() - start)
        await pilot.press("enter")
        for _ in range(repeat):
            start = time.perf_counter()
            await pilot.press("n")
            times["search-next"].append(time.perf_counter() - start)
    result = {key: statistics.median(values) * 1000 for key, values in times.items()}
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def run(path: str, repeat: int) -> dict[str, float]:
    output = subprocess.run(
        [sys.executable, __file__, "--child", path, "--repeat", str(repeat)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    result: dict[str, float] = json.loads(output.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(asyncio.run(measure(args.child, args.repeat))))
        return
    from generate import ensure  # type: ignore[import-not-found]

    from chiptui.cli import bundled_timeline

    big = ensure(args.events)
    small = run(str(bundled_timeline()), args.repeat)
    large = run(str(big), args.repeat)
    print(f"key, median of {args.repeat} (ms)   {'bundled':>9}{f'{args.events:,}':>10}{'ratio':>8}")
    for key in KEYS:
        ratio = large[key] / small[key]
        print(f"{key:<30}{small[key]:>9.1f}{large[key]:>10.1f}{ratio:>8.2f}  {'ok' if ratio <= 1.5 else 'OVER'}")
    print(f"{'peak RSS (MB)':<30}{small['peak_rss_mb']:>9.0f}{large['peak_rss_mb']:>10.0f}  ≤ 500 at 100k")


if __name__ == "__main__":
    main()
