"""chiptui's own theme: TCSS names its colours ($primary, $panel…), so every built-in theme works too."""

from __future__ import annotations

from textual.theme import Theme

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
