"""Layout and looks: every terminal size, resizing while running, every built-in theme."""

from __future__ import annotations

import pytest
from textual.widgets import Footer

from chiptui.cli import bundled_timeline
from chiptui.core.loader import load
from chiptui.core.model import Timeline
from chiptui.core.view import Filter
from chiptui.tui.app import make_app
from chiptui.tui.screens.main import MainScreen
from chiptui.tui.widgets.event_panel import EventPanel
from chiptui.tui.widgets.figures_panel import FiguresPanel
from chiptui.tui.widgets.quotes_panel import QuotesPanel
from chiptui.tui.widgets.timeline_list import TimelineList

BUNDLED = load(bundled_timeline())  # immutable: every test may share it
THEME_PARTS = 4  # the theme sweep runs as this many tests, so that parallel workers share it


async def test_every_size_shows_the_timeline_and_the_event() -> None:
    app = make_app(BUNDLED, start_year=2018)
    async with app.run_test(size=(120, 40)) as pilot:
        for size in [(120, 40), (80, 24), (60, 20), (40, 12), (200, 60), (120, 40)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            for widget in (TimelineList, EventPanel):
                region = app.screen.query_one(widget).region
                assert region.width > 10 and region.height >= 3, (size, widget, region)
                assert app.screen.region.contains_region(region)
            side = app.screen.query_one(FiguresPanel).region
            assert side.height >= 3 if size[0] >= 110 and size[1] >= 30 else side.area == 0, (size, side)
            await pilot.press("down", "pagedown", "right", "left_square_bracket")
        assert app.return_code is None


@pytest.mark.parametrize("part", range(THEME_PARTS))
async def test_every_builtin_theme_draws_every_screen(small: Timeline, part: int) -> None:
    """Each part takes every THEME_PARTS-th theme: together, the parts draw every theme."""
    app = make_app(small)
    async with app.run_test(size=(100, 30)) as pilot:
        themes = sorted(app.available_themes)
        assert "chiptui" in themes and "textual-light" in themes and len(themes) >= THEME_PARTS
        for theme in themes[part::THEME_PARTS]:
            app.theme = theme
            await pilot.press("slash", "e", "enter", "f")
            await pilot.pause()
            await pilot.press("escape", "enter")
            await pilot.pause()
            await pilot.press("escape", "escape")
            assert isinstance(app.screen, MainScreen) and app.return_code is None, theme


async def test_the_cursor_stays_in_sight_when_the_terminal_shrinks() -> None:
    app = make_app(BUNDLED, start_year=2018)
    async with app.run_test(size=(120, 40)) as pilot:
        timeline = app.screen.query_one(TimelineList)
        for size in [(40, 12), (60, 20), (200, 60), (40, 12)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            await pilot.pause()
            row = timeline.view.row_of[timeline.cursor]
            top = timeline.scroll_offset.y
            assert top <= row < top + timeline.scrollable_content_region.height, (size, top, row)


async def test_panels_hidden_in_a_small_terminal_catch_up_when_shown_again() -> None:
    app = make_app(BUNDLED, start_year=2018)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        await pilot.press(*"1958")
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        await pilot.pause()
        figures = " ".join(str(app.screen.query_one(FiguresPanel).body.render()).split())
        assert "No figures for 1958" in figures


async def test_a_focused_panel_stays_in_sight_when_the_panels_take_turns() -> None:
    """Keys must not go to a panel no one can see: the focused one is the one shown; the
    footer's palette hint comes back too."""
    app = make_app(BUNDLED, start_year=2013)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("tab", "tab")
        assert isinstance(app.focused, FiguresPanel)
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.focused, FiguresPanel) and app.focused.region.area > 0
        assert app.screen.query_one(EventPanel).region.area == 0
        for size in [(40, 12), (120, 40)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
        await pilot.pause()
        assert app.screen.query_one(Footer).query(".-command-palette")  # the ^p palette hint


async def test_a_filter_chosen_while_the_side_panels_are_hidden_shows_when_they_come_back() -> None:
    app = make_app(BUNDLED, start_year=2018)
    async with app.run_test(size=(120, 40)) as pilot:
        quotes = app.screen.query_one(QuotesPanel)
        assert "Zhao Weiguo" in " ".join(str(quotes.body.render()).split())
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        screen.filter = Filter(speakers={"wei-shaojun"})
        await pilot.pause()
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        shown = str(quotes.body.render())
        quotes._show(keep_place=True)  # what the panel draws for the event and filter now
        assert shown == str(quotes.body.render())
        assert "Quotes · Wei Shaojun" in str(quotes.border_title)


async def test_a_prompt_closing_gives_focus_back_to_a_panel_that_is_shown() -> None:
    app = make_app(BUNDLED, start_year=2013)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("tab", "tab", "1")  # the year prompt opens from the figures panel
        await pilot.resize_terminal(60, 20)  # and the panels take turns behind it, the event shown
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.focused, FiguresPanel) and app.focused.region.area > 0
