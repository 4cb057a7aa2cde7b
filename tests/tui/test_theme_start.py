"""The theme an app starts in (`theme.start_in`, set without its watcher when it can be) draws
exactly what the same theme assigned to a running app draws, for a dark and a light theme."""

from __future__ import annotations

import re

import pytest
from textual.color import Color

from chiptui.core.model import Timeline
from chiptui.tui.app import make_app
from tests.settle import settle, still


async def screen_in(small: Timeline, started: str, then: str | None = None) -> tuple[str, set[str]]:
    """The screen as SVG and the app's classes, started in theme `started`, then switched to `then`."""
    app = make_app(small, start_year=2018, theme=started, remember=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        if then is not None:
            app.theme = then
            theirs = Color.parse(app.current_theme.background or "")
            await settle(pilot, lambda: app.screen.styles.background == theirs)  # its style sheet applied
        assert app.theme == (then or started)
        return re.sub(r"terminal-\d+", "terminal", await still(pilot)), set(app.classes)  # ids hash the content


@pytest.mark.parametrize(("theme", "other"), [("nord", "textual-light"), ("textual-light", "nord")])
async def test_starting_in_a_theme_draws_what_switching_to_it_draws(small: Timeline, theme: str, other: str) -> None:
    started, started_classes = await screen_in(small, theme)
    switched, switched_classes = await screen_in(small, other, then=theme)
    assert started_classes == switched_classes
    assert f"-theme-{theme}" in started_classes
    assert ("-light-mode" in started_classes) == (theme == "textual-light")
    assert started == switched
