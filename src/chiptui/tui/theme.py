"""chiptui's own theme: TCSS names its colours ($primary, $panel…), so every built-in theme works too."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.theme import Theme

if TYPE_CHECKING:  # the command line imports this module for the theme names alone
    from textual.app import App

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


def theme_names() -> list[str]:
    """Every theme the explorer can use: chiptui's own and Textual's built-in ones."""
    from textual.theme import BUILTIN_THEMES

    return sorted({THEME.name, *BUILTIN_THEMES})


def start_in(app: App[None], name: str) -> None:
    """Give `app` the theme `name` to draw its first frame in, from its `__init__`. Assigned, the
    theme's watcher would have Textual parse and apply every style sheet a second time before
    that frame, so it is set as Textual's docs show (`set_reactive`, no watcher), with the class
    the watcher adds and its colours given to the style sheet not yet parsed. A theme dark where
    Textual's default is light, or light where it is dark, is assigned: its watcher also changes
    how the terminal's colours map."""
    if app.available_themes[name].dark != app.current_theme.dark:
        app.theme = name
        return
    app.set_reactive(type(app).theme, name)
    app.add_class(f"-theme-{name}", update=False)
    app.stylesheet.set_variables(app.get_css_variables())  # made in App's __init__, from the default
