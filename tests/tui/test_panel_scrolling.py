"""A panel's body scrolls itself (issue 20): its scrollbar, the wheel over the whole panel, and
what the palette offers for a focused panel."""

from __future__ import annotations

from textual import events

from chiptui.cli import bundled_timeline
from chiptui.core.loader import load
from chiptui.tui.app import make_app
from chiptui.tui.screens.main import MainScreen
from chiptui.tui.widgets.event_panel import EventPanel
from chiptui.tui.widgets.panel import Panel

BUNDLED = load(bundled_timeline())


async def test_the_scrollbar_shows_only_while_the_text_is_taller_than_the_body() -> None:
    """A text exactly as tall as the body after a taller one left the taller one's scrollbar."""
    app = make_app(BUNDLED, theme="chiptui", remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        body = app.screen.query_one(EventPanel).body
        fits = taller = 0
        for _ in range(60):
            await pilot.press("down")
            await pilot.pause()
            needed = body.virtual_size.height > body.scrollable_content_region.height
            fits, taller = fits + (not needed), taller + needed
            assert body.show_vertical_scrollbar == needed, body.virtual_size
        assert fits and taller  # both kinds of text were met


async def test_the_wheel_over_a_panels_border_scrolls_its_text() -> None:
    app = make_app(BUNDLED, theme="chiptui", remember=False, start_year=2018)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        panel = app.screen.query_one(EventPanel)
        assert panel.body.max_scroll_y > 0
        x, y = panel.region.x, panel.region.y + 3  # the left border
        assert not panel.body.region.contains(x, y)
        panel.post_message(events.MouseScrollDown(panel, 0, 3, 0, 1, 0, False, False, False, screen_x=x, screen_y=y))
        await pilot.pause()
        assert panel.body.scroll_y > 0
        panel.post_message(events.MouseScrollUp(panel, 0, 3, 0, -1, 0, False, False, False, screen_x=x, screen_y=y))
        await pilot.pause()
        assert panel.body.scroll_y == 0


async def test_a_focused_panel_is_not_offered_to_maximize() -> None:
    app = make_app(BUNDLED, theme="chiptui", remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("tab")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen) and isinstance(screen.focused, Panel)
        assert not screen.focused.allow_maximize
        assert "Maximize" not in [command.title for command in app.get_system_commands(screen)]
