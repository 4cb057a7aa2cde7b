"""Snapshots of the main screen's layout at the sizes where it changes: wide (every panel, the
timeline as wide as its titles), and small (the panels taking turns). Plain `def` tests; the
theme is set explicitly. Look at every SVG added or updated (see README: Development)."""

from __future__ import annotations

from typing import Any

from chiptui.cli import bundled_timeline
from chiptui.core.loader import load
from chiptui.tui.app import ChipApp, make_app

SnapCompare = Any


def bundled(start_year: int | None = None) -> ChipApp:
    return make_app(load(bundled_timeline()), start_year=start_year, theme="chiptui")


def test_200x50_first_screen(snap_compare: SnapCompare) -> None:
    assert snap_compare(bundled(), terminal_size=(200, 50))


def test_200x50_year_2018(snap_compare: SnapCompare) -> None:
    assert snap_compare(bundled(start_year=2018), terminal_size=(200, 50))


def test_80x24_the_event(snap_compare: SnapCompare) -> None:
    assert snap_compare(bundled(start_year=2018), terminal_size=(80, 24))


def test_80x24_the_quotes_take_the_right_side(snap_compare: SnapCompare) -> None:
    assert snap_compare(bundled(start_year=2018), press=["tab", "tab", "tab"], terminal_size=(80, 24))


def test_60x20_the_figures_below_the_timeline(snap_compare: SnapCompare) -> None:
    assert snap_compare(bundled(start_year=2018), press=["t"], terminal_size=(60, 20))
