"""A scrollable, titled panel that shows the selected event's side of the story."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static

from chiptui.model import Event, Timeline


class Panel(VerticalScroll):
    """Shows `render_event(selected)`; the screen binds `selected` to its own."""

    DEFAULT_CSS = """
    Panel {
        border: round $panel-lighten-2;
        border-title-color: $text-primary;
        padding: 0 1;
        height: 1fr;
        scrollbar-size-vertical: 1;
        &:focus { border: heavy $primary; }
    }
    """
    PANEL_TITLE = ""

    selected: reactive[Event | None] = reactive(None)

    def __init__(self, timeline: Timeline, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.timeline = timeline
        self.border_title = self.PANEL_TITLE
        self.body = Static(markup=False)

    def compose(self) -> ComposeResult:
        yield self.body

    def on_mount(self) -> None:
        self._show()

    def watch_selected(self) -> None:
        if self.is_mounted:
            self._show()

    def _show(self) -> None:
        self.body.update(self.render_event(self.selected))
        self.scroll_home(animate=False)

    def render_event(self, event: Event | None) -> Content:
        raise NotImplementedError
