"""Snapshots of finding the article's mistakes: the corrections view, and the filter dialog's
checked and unchecked rows without colour. Plain `def` tests; the theme is set explicitly.

Look at every SVG you add or update before committing it (see README: Development).
"""

from __future__ import annotations

from typing import Any

import pytest

from chiptui.cli import bundled_timeline
from chiptui.core.loader import load
from chiptui.tui.app import ChipApp, make_app

SnapCompare = Any


def bundled() -> ChipApp:
    return make_app(load(bundled_timeline()), theme="chiptui")


def test_corrections_view_120x40(snap_compare: SnapCompare) -> None:
    assert snap_compare(bundled(), press=["c", "j", "j"], terminal_size=(120, 40))


def test_corrections_view_80x24(snap_compare: SnapCompare) -> None:
    assert snap_compare(bundled(), press=["c"], terminal_size=(80, 24))


def test_filter_checked_and_unchecked_without_colour(
    snap_compare: SnapCompare, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = bundled()
    assert app.no_color
    keys = ["f", "space", "down", "down", "space", "tab", "down", "space", "shift+tab", "shift+tab", "space"]
    assert snap_compare(app, press=keys, terminal_size=(120, 40))
