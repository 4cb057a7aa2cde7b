"""Snapshots of the figures: the panel at 2018 and 2013, the comparison over the years at 120×40 and
80×24 and without colour, and a chart full-screen. Plain `def` tests; the theme is set explicitly.

Look at every SVG you add or update before committing it (see README: Development).
"""

from __future__ import annotations

from typing import Any

import pytest

from chiptui.cli import bundled_timeline
from chiptui.core.loader import load
from chiptui.core.model import Chart
from chiptui.tui.app import ChipApp, make_app
from chiptui.tui.screens.chart_view import ChartScreen
from chiptui.tui.widgets.figures_panel import FiguresPanel
from tests.settle import settle

SnapCompare = Any


def bundled(start_year: int) -> ChipApp:
    return make_app(load(bundled_timeline()), start_year=start_year, theme="chiptui")


async def focus_figures(pilot: Any) -> None:
    await settle(pilot, lambda: bool(pilot.app.screen.query(FiguresPanel)))  # the screen is composed
    pilot.app.screen.query_one(FiguresPanel).focus()
    await pilot.pause()


async def to_the_first_chart(pilot: Any, then: tuple[str, ...] = ()) -> None:
    """Focus the figures panel and move its marker to the first comparison over the years."""
    await focus_figures(pilot)
    panel = pilot.app.screen.query_one(FiguresPanel)
    index = next(i for i, item in enumerate(panel.items) if isinstance(item.target, Chart))
    for _ in range(200):  # ↓ scrolls through a tall item before it marks the next
        if panel.highlighted == index:
            break
        await pilot.press("down")
    assert panel.highlighted == index, "the chart was never marked"
    panel.body.scroll_to(y=panel.item_lines[index][0], animate=False)  # as a reader scrolls on: the chart in view
    await pilot.pause()
    if then:
        await pilot.press(then[0])
        await settle(pilot, lambda: isinstance(pilot.app.screen, ChartScreen))
        assert isinstance(pilot.app.screen, ChartScreen), "Enter did not open the chart"
        await pilot.press(*then[1:])
        await pilot.pause()


def test_figures_panel_2018(snap_compare: SnapCompare) -> None:
    assert snap_compare(bundled(2018), terminal_size=(120, 40), run_before=focus_figures)


def test_figures_panel_2013(snap_compare: SnapCompare) -> None:
    assert snap_compare(bundled(2013), terminal_size=(120, 40), run_before=focus_figures)


def test_comparison_over_the_years_120x40(snap_compare: SnapCompare) -> None:
    assert snap_compare(bundled(2018), terminal_size=(120, 40), run_before=to_the_first_chart)


async def open_the_first_chart(pilot: Any) -> None:
    await to_the_first_chart(pilot, ("enter",))


def test_comparison_over_the_years_80x24(snap_compare: SnapCompare) -> None:
    """At 80 columns the panel is a few rows high: the chart is read full-screen (Enter)."""
    assert snap_compare(bundled(2013), terminal_size=(80, 24), run_before=open_the_first_chart)


def test_comparison_over_the_years_no_color(snap_compare: SnapCompare, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = bundled(2013)
    assert app.no_color

    async def to_the_marked_year(pilot: Any) -> None:
        await to_the_first_chart(pilot, ("enter", "pagedown"))

    assert snap_compare(app, terminal_size=(80, 24), run_before=to_the_marked_year)


def test_chart_full_screen(snap_compare: SnapCompare) -> None:
    assert snap_compare(bundled(2018), terminal_size=(120, 40), run_before=open_the_first_chart)


def test_chart_full_screen_table_80x24(snap_compare: SnapCompare) -> None:
    async def open_and_scroll(pilot: Any) -> None:
        await to_the_first_chart(pilot, ("enter", "pagedown", "pagedown"))

    assert snap_compare(bundled(2018), terminal_size=(80, 24), run_before=open_and_scroll)
