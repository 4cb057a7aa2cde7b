"""Above the panels in a small terminal, where they take turns: which panel is shown (Event |
Figures | Quotes), and the selected event's title while the event panel is not the one shown.

The screen binds the panel shown and the selected event; a click on a tab asks the screen with
`Chosen`. app.tcss shows this widget only in the layouts where the panels take turns.
"""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from chiptui.core.model import Event
from chiptui.tui.widgets.text import Looks, looks, plain

PANELS = (("event", "Event"), ("figures", "Figures"), ("quotes", "Quotes"))
GAP = " │ "


class PanelTabs(Static):
    """`Event │ Figures │ Quotes`, the shown one marked (reversed, so also without colour)."""

    _drawn: Looks | None = None

    DEFAULT_CSS = """
    PanelTabs {
        display: none;
        height: auto;
        max-height: 4;
        padding: 0 1;
        background: $panel;
    }
    """

    shown: reactive[str] = reactive("event")
    selected: reactive[Event | None] = reactive(None)

    class Chosen(Message):
        """A tab was clicked: show panel `panel` (an id of PANELS)."""

        def __init__(self, panel: str) -> None:
            super().__init__()
            self.panel = panel

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)

    def watch_shown(self) -> None:
        self._draw()

    def watch_selected(self) -> None:
        self._draw()

    def on_mount(self) -> None:
        self._draw()

    def _draw(self) -> None:
        tabs: list[Content] = []
        for panel, label in PANELS:
            style = "bold reverse $text-primary" if panel == self.shown else "$text-muted"
            tabs.append(Content.styled(f" {label} ", style))
        lines = [Content(GAP).join(tabs)]
        if self.shown != "event" and self.selected is not None:
            lines.append(plain(f"{self.selected.when()} · {self.selected.title}", "bold"))
        text = Content("\n").join(lines)
        if looks(text) != self._drawn:
            self._drawn = looks(text)
            self.update(text, layout=self.display)  # hidden (the wide layout): laid out once shown

    def on_click(self, event: events.Click) -> None:
        if event.y != 0:
            return
        x = event.x - self.styles.gutter.left
        for panel, label in PANELS:
            width = len(label) + 2
            if 0 <= x < width:
                self.post_message(self.Chosen(panel))
                return
            x -= width + len(GAP)
