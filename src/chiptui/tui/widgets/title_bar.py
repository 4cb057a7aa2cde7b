"""The header of the main screen: Textual's Header, with the year and the place in the timeline
as its subtitle, drawn in the same frame as the key that moved them.

A screen's own `sub_title` would do the same, a message later and with a layout of the whole
screen: Header redraws it from an async watcher and its title is a Static updated with a
layout. Each ↓ then took two frames and a third for the scrollbar that every layout redraws.
Here the subtitle is this widget's own reactive (bound to the screen's `place`), and its title
is drawn again with `layout=False`: the header's height never changes.
"""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Header, Static


class TitleBar(Header):
    """The app's icon (it opens the palette), the timeline's title — the place (the subtitle)."""

    place: reactive[str] = reactive("", layout=False, repaint=False, init=False)

    def __init__(self) -> None:
        super().__init__(show_clock=False, icon="▣")

    def format_title(self) -> Content:
        return self.app.format_title(self.screen_title, self.place)

    def watch_place(self) -> None:
        for title in self.query("HeaderTitle").results(Static):  # none until the header is composed
            title.update(self.format_title(), layout=False)
