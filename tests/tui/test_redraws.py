"""A key redraws what it changed and lays out nothing else (issue 20): which widgets a ↓ asks to
be drawn again, and which ask for a layout, recorded from `Widget.refresh`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from textual.widget import Widget
from textual.widgets import Static

from chiptui.cli import bundled_timeline
from chiptui.core.loader import load
from chiptui.tui.app import make_app
from chiptui.tui.screens.main import MainScreen
from chiptui.tui.widgets.panel_body import PanelBody
from chiptui.tui.widgets.prompts import SearchBar
from chiptui.tui.widgets.timeline_list import TimelineList


class Refreshes:
    """Each call of `Widget.refresh` while `on`: the widget, the regions and whether it asked
    for a layout."""

    def __init__(self) -> None:
        self.on = False
        self.calls: list[tuple[Widget, tuple[Any, ...], bool]] = []

    def layouts(self) -> list[str]:
        """Who asked for a layout."""
        return [type(widget).__name__ for widget, _, layout in self.calls if layout]

    def whole(self, kind: type[Widget]) -> list[Widget]:
        """The widgets of `kind` asked to repaint all of themselves."""
        return [widget for widget, regions, _ in self.calls if isinstance(widget, kind) and not regions]


@pytest.fixture
def refreshes(monkeypatch: pytest.MonkeyPatch) -> Iterator[Refreshes]:
    seen = Refreshes()
    original = Widget.refresh

    def refresh(self: Widget, *regions: Any, **options: Any) -> Widget:
        if seen.on:
            seen.calls.append((self, regions, bool(options.get("layout"))))
        return original(self, *regions, **options)

    monkeypatch.setattr(Widget, "refresh", refresh)
    yield seen


async def test_a_step_repaints_two_rows_of_the_list_and_lays_nothing_out(refreshes: Refreshes) -> None:
    timeline = load(bundled_timeline())
    app = make_app(timeline, theme="chiptui", remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await pilot.press("down")  # off the first event: the list has not scrolled yet
        await pilot.pause()
        for _ in range(3):
            refreshes.on, refreshes.calls = True, []
            await pilot.press("down")
            await pilot.pause()
            refreshes.on = False
            # Not the header, the status line or the tabs; nor the event panel's body for a text
            # of another length: at 120x40 it is as tall as the panel lets it be, and scrolls
            assert refreshes.layouts() == []
            assert not refreshes.whole(MainScreen)  # the screen is not painted again whole
            assert not refreshes.whole(TimelineList)  # the list: the old row and the new one
            rows = [regions for widget, regions, _ in refreshes.calls if isinstance(widget, TimelineList)]
            assert rows and all(len(r) == 2 for r in rows)
        title = str(screen.query_one("HeaderTitle", Static).content)
        assert title.endswith(f"event {screen.cursor + 1} of {len(screen.view)}")  # drawn all the same


async def test_a_step_within_a_year_leaves_the_figures_alone(refreshes: Refreshes) -> None:
    timeline = load(bundled_timeline())
    years = [event.year for event in timeline.events]
    start = next(i for i in range(len(years) - 1) if years[i] == years[i + 1])  # two events of one year
    app = make_app(timeline, theme="chiptui", remember=False, start_year=years[start])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        figures = screen.query_one("#figures").query_one(PanelBody)
        refreshes.on = True
        await pilot.press("down")
        await pilot.pause()
        refreshes.on = False
        assert screen.selected is timeline.events[start + 1]
        assert all(widget is not figures for widget, _, _ in refreshes.calls)
        assert any(isinstance(widget, PanelBody) for widget, _, _ in refreshes.calls)  # the event's did


async def test_a_letter_typed_in_the_search_builds_the_footer_again_only_when_its_keys_change(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    built: list[int] = []
    original = MainScreen.refresh_bindings

    def refresh_bindings(self: MainScreen) -> None:
        built.append(self.cursor)
        original(self)

    monkeypatch.setattr(MainScreen, "refresh_bindings", refresh_bindings)
    app = make_app(load(bundled_timeline()), theme="chiptui", remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await pilot.press("slash", "c")
        await pilot.pause()
        assert screen.search is not None and screen.search  # a search with matches: n / N and & shown
        built.clear()
        await pilot.press("h", "i")  # still matches
        await pilot.pause()
        assert screen.search_query == "chi" and screen.search and built == []
        await pilot.press(*"qqqzz")  # no match any more: n / N go from the footer
        await pilot.pause()
        assert screen.search is not None and not screen.search and len(built) == 1


async def test_the_search_follows_the_bars_value_at_once() -> None:
    """In the same step as the letter, so the bar and the matches are drawn in one frame (Input's
    Changed message reached the screen only after the bar had been drawn alone)."""
    app = make_app(load(bundled_timeline()), theme="chiptui", remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        screen.query_one(SearchBar).value = "tsmc"
        assert screen.search is not None and screen.search.query == "tsmc" and screen.search  # no pause


async def test_a_step_that_scrolls_the_list_draws_one_new_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """The list's lines are kept by what they show: scrolled by a row, only the new row and the
    two the cursor left and reached are drawn again; a bookmark or the focus still shows."""
    drawn: list[int] = []
    event_line = TimelineList._event_line

    def counted(self: TimelineList, position: int, width: int) -> Any:
        drawn.append(position)
        return event_line(self, position, width)

    app = make_app(load(bundled_timeline()), theme="chiptui", remember=False)
    async with app.run_test(size=(80, 24)) as pilot:
        monkeypatch.setattr(TimelineList, "_event_line", counted)
        await pilot.pause()
        listed, screen = app.screen.query_one(TimelineList), app.screen
        assert isinstance(screen, MainScreen)
        for _ in range(listed.size.height + 2):  # the cursor to the foot: each step now scrolls
            await pilot.press("down")
        await pilot.pause()
        for _ in range(3):
            top, drawn[:] = listed.scroll_y, []
            await pilot.press("down")
            await pilot.pause()
            assert listed.scroll_y == top + 1 and len(set(drawn)) <= 3
        assert "◆" not in "".join(strip.text for strip in listed.render_lines(listed.size.region))
        await pilot.press("b")  # a bookmark on the cursor's event
        await pilot.pause()
        assert "◆" in "".join(strip.text for strip in listed.render_lines(listed.size.region))
        cursor_row = listed.view.row_of[screen.cursor] - round(listed.scroll_y)
        assert listed.has_focus
        focused = listed.render_line(cursor_row)
        screen.set_focus(None)
        await pilot.pause()
        assert listed.render_line(cursor_row).text == focused.text  # the same line, in the unfocused cursor's colours
        assert list(listed.render_line(cursor_row)) != list(focused)
