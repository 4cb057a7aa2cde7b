"""How long the figures and quotes panels take to redraw for a year. Run by hand, not in CI:

    .venv/bin/python bench/panels.py [--size 120x40] [--rounds 5]

It opens the bundled timeline in a headless app (Textual's test driver), then, for each panel in
turn shown (where the panels take turns, it is the one shown), for every event, times the
whole of the panel's update: `_show()` (which only hands its body a Sheet), the body
wrapping that sheet at the panel's width (building the year's text and charts), and rendering
the lines the panel shows on screen, as the next frame would. It prints the median, 95th
percentile and worst case per panel in milliseconds. A frame at 60 Hz is 16.7 ms; a panel
update should cost well under that (the figures panel's target: under 8 ms).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time

from chiptui.cli import bundled_timeline
from chiptui.core.loader import load
from chiptui.tui.app import make_app
from chiptui.tui.screens.main import MainScreen
from chiptui.tui.widgets.event_panel import EventPanel
from chiptui.tui.widgets.figures_panel import FiguresPanel
from chiptui.tui.widgets.panel import Panel
from chiptui.tui.widgets.quotes_panel import QuotesPanel


async def measure(size: tuple[int, int], rounds: int) -> dict[str, list[float]]:
    timeline = load(bundled_timeline())
    app = make_app(timeline)
    times: dict[str, list[float]] = {}
    async with app.run_test(size=size) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        panels: list[Panel] = [screen.query_one(kind) for kind in (EventPanel, FiguresPanel, QuotesPanel)]
        for panel in panels:
            screen.panel = str(panel.id)  # where the panels take turns (under 110x30), this one's
            await pilot.pause()
            assert panel.body.size.width > 0, f"{panel.id} is not shown at {size}"
            for _ in range(rounds):
                for event in timeline.events:
                    panel.set_reactive(Panel.selected, event)
                    start = time.perf_counter()
                    panel._show()
                    body = panel.body
                    _ = body.lines  # wrap: build the blocks at the body's width
                    for y in range(min(len(body.lines), panel.size.height)):
                        body.render_line(y)  # the lines on screen, as the next frame draws them
                    times.setdefault(type(panel).__name__, []).append((time.perf_counter() - start) * 1000)
                await pilot.pause()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", default="120x40", help="terminal size, COLSxROWS (default 120x40)")
    parser.add_argument("--rounds", type=int, default=5, help="passes over every event (default 5)")
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.split("x"))
    times = asyncio.run(measure((width, height), args.rounds))
    print(f"panel update per event, {args.size}, {args.rounds} rounds over the bundled timeline (ms)")
    print(f"{'panel':<14}{'n':>6}{'median':>9}{'p95':>9}{'max':>9}")
    for name, samples in times.items():
        p95 = statistics.quantiles(samples, n=20)[-1]
        print(f"{name:<14}{len(samples):>6}{statistics.median(samples):>9.2f}{p95:>9.2f}{max(samples):>9.2f}")


if __name__ == "__main__":
    main()
