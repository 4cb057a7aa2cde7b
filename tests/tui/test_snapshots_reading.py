"""Snapshots of reading long text and sources: the quote in full, the event in full with its
reference list, a panel scrolled through a tall quote, and a hyperlinked source. Plain `def` tests;
the theme is set explicitly. The SVG does not record OSC 8 links, so the link test also checks
the segments drawn carry it."""

from __future__ import annotations

from typing import Any

from chiptui.cli import bundled_timeline
from chiptui.core.loader import load
from chiptui.tui.app import ChipApp, make_app
from chiptui.tui.widgets.panel_body import PanelBody

SnapCompare = Any
BUNDLED = load(bundled_timeline())


def bundled(start_year: int | None = None) -> ChipApp:
    return make_app(BUNDLED, start_year=start_year, theme="chiptui")


def test_quote_in_full(snap_compare: SnapCompare) -> None:
    assert snap_compare(bundled(2018), press=["tab", "tab", "tab", "enter"], terminal_size=(120, 40))


def test_event_in_full_reference_list(snap_compare: SnapCompare) -> None:
    assert snap_compare(bundled(2018), press=["enter", "end"], terminal_size=(120, 40))


def test_event_in_full_80x24_next_event(snap_compare: SnapCompare) -> None:
    assert snap_compare(bundled(2018), press=["enter", "J"], terminal_size=(80, 24))


def test_tall_quote_scrolled_in_its_panel(snap_compare: SnapCompare) -> None:
    press = ["tab", "tab", "tab", *["down"] * 10]
    assert snap_compare(bundled(2018), press=press, terminal_size=(120, 40))


def test_hyperlinked_source_in_the_figure_in_full(snap_compare: SnapCompare) -> None:
    app = bundled(2018)
    drawn: set[str] = set()

    async def open_the_figure(pilot: Any) -> None:
        await pilot.press("tab", "tab", "enter", "end")
        await pilot.pause()
        body = app.screen.query_one(PanelBody)
        for y in range(len(body.lines)):
            drawn.update(s.style.link for s in body.render_line(y) if s.style is not None and s.style.link)

    assert snap_compare(app, run_before=open_the_figure, terminal_size=(100, 30))
    figure = BUNDLED.figures_for_year(2018)[0]
    urls = {BUNDLED.sources[s].url for s in figure.sources} - {None}
    assert urls and urls <= drawn
