"""Snapshots of the screens. Plain `def` tests; the theme is set explicitly.

Look at every SVG you add or update before committing it (see README: Development).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from chiptui.cli import bundled_timeline
from chiptui.core.loader import load
from chiptui.tui.app import ChipApp, make_app
from tests.conftest import DATA

SnapCompare = Any


def bundled(start_year: int | None = None) -> ChipApp:
    return make_app(load(bundled_timeline()), start_year=start_year, theme="chiptui")


def test_first_screen_120x40(snap_compare: SnapCompare) -> None:
    assert snap_compare(bundled(), terminal_size=(120, 40))


def test_first_screen_80x24(snap_compare: SnapCompare) -> None:
    assert snap_compare(bundled(), terminal_size=(80, 24))


def test_year_2018(snap_compare: SnapCompare) -> None:
    assert snap_compare(bundled(start_year=2018), terminal_size=(120, 40))


def test_moved_down_three_events(snap_compare: SnapCompare) -> None:
    assert snap_compare(bundled(), press=["down", "j", "down"], terminal_size=(120, 40))


def test_hostile_text(snap_compare: SnapCompare) -> None:
    app = make_app(load(DATA / "hostile.toml"), theme="chiptui")
    assert snap_compare(app, terminal_size=(100, 30))


def test_no_color(snap_compare: SnapCompare, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(load(DATA / "small.toml"), start_year=2018, theme="chiptui")
    assert app.no_color
    assert snap_compare(app, terminal_size=(100, 30))


def test_60x20(snap_compare: SnapCompare) -> None:
    assert snap_compare(bundled(start_year=2018), terminal_size=(60, 20))


def test_typing_a_year(snap_compare: SnapCompare) -> None:
    assert snap_compare(bundled(), press=["1", "9"], terminal_size=(120, 40))


def test_search_with_matches(snap_compare: SnapCompare) -> None:
    assert snap_compare(bundled(), press=["slash", *"memory", "enter", "n"], terminal_size=(120, 40))


def test_filter_dialog(snap_compare: SnapCompare) -> None:
    assert snap_compare(bundled(), press=["f", "space", "tab", "down", "space"], terminal_size=(120, 40))


def test_filtered_timeline(snap_compare: SnapCompare) -> None:
    press = ["f", "tab", "tab", "space", "enter"]  # the first speaker
    assert snap_compare(bundled(start_year=2018), press=press, terminal_size=(120, 40))


def test_event_in_full(snap_compare: SnapCompare) -> None:
    assert snap_compare(bundled(start_year=2018), press=["enter"], terminal_size=(120, 40))


def test_help(snap_compare: SnapCompare) -> None:
    assert snap_compare(bundled(), press=["question_mark"], terminal_size=(120, 50))


def test_panels_2018_full(snap_compare: SnapCompare) -> None:
    assert snap_compare(bundled(start_year=2018), press=["tab", "tab"], terminal_size=(200, 60))


def test_panels_2018_80x24(snap_compare: SnapCompare) -> None:
    assert snap_compare(bundled(start_year=2018), press=["tab", "tab", "down"], terminal_size=(80, 24))


def test_figure_in_full(snap_compare: SnapCompare) -> None:
    press = ["tab", "tab", "down", "down", "down", "enter"]  # a 2018 figure in full (↓ scrolls a tall item first)
    assert snap_compare(bundled(start_year=2018), press=press, terminal_size=(120, 50))


def test_reload_of_a_broken_file(snap_compare: SnapCompare, tmp_path: Path) -> None:
    path = tmp_path / "timeline.toml"
    text = (DATA / "small.toml").read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    app = make_app(load(path), theme="chiptui", source=(path, "timeline.toml"))

    async def break_and_reload(pilot: Any) -> None:
        path.write_text(text.replace('date = "1978-12"', 'date = "1978-13"') + "\n[[evnt]]\n", encoding="utf-8")
        await pilot.press("down", "down", "r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.clear_notifications()
        await pilot.pause()

    assert snap_compare(app, run_before=break_and_reload, terminal_size=(100, 30))
