"""The App: small on purpose. It registers the theme and the quit key and opens the main screen."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.theme import Theme

from chiptui.model import Timeline
from chiptui.screens.main import MainScreen

THEME = Theme(
    name="chiptui",
    primary="#3FB68B",
    secondary="#E8B04B",
    accent="#F2C14E",
    foreground="#DDE6E3",
    background="#0F1714",
    surface="#16211D",
    panel="#1E2C27",
    success="#3FB68B",
    warning="#E8B04B",
    error="#E5534B",
    dark=True,
)


class ChipApp(App[None]):
    """Explore a timeline; `start_year` puts the cursor on that year (or the nearest)."""

    CSS_PATH = "app.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("q", "quit", "Quit", id="app.quit")]

    def __init__(self, timeline: Timeline, *, start_year: int | None = None, theme: str = "chiptui") -> None:
        super().__init__()
        self.timeline = timeline
        self.start_year = start_year
        self.register_theme(THEME)
        self.theme = theme
        self.title = timeline.title

    def get_default_screen(self) -> MainScreen:
        return MainScreen(self.timeline, self.start_year)


def make_app(timeline: Timeline, *, start_year: int | None = None, theme: str = "chiptui") -> ChipApp:
    """The one way the command line, the tests and any other front end build the app."""
    return ChipApp(timeline, start_year=start_year, theme=theme)
